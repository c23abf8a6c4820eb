import { describe, expect, it } from 'vitest';
import { ALL_CAPABILITIES, DEFAULT_CAPABILITIES, containerCapabilities, validateCapabilities } from './caps';

const set = (capAdd: string[] | null, capDrop: string[] | null, privileged = false) =>
  containerCapabilities({ capAdd, capDrop, privileged });

describe('TweakCapabilities (moby v27.5.1 oci/caps)', () => {
  it('gives the 14 defaults, without NET_ADMIN or SYS_ADMIN', () => {
    expect(set(null, null)).toEqual(DEFAULT_CAPABILITIES);
    expect(DEFAULT_CAPABILITIES).toHaveLength(14);
    expect(DEFAULT_CAPABILITIES).not.toContain('CAP_NET_ADMIN');
    expect(DEFAULT_CAPABILITIES).toContain('CAP_NET_RAW');
  });

  it('normalizes names: any case, CAP_ prefix optional; adds after the kept defaults', () => {
    expect(set(['net_admin'], ['CAP_NET_RAW', 'Chown'])).toEqual([
      ...DEFAULT_CAPABILITIES.filter((c) => c !== 'CAP_NET_RAW' && c !== 'CAP_CHOWN'),
      'CAP_NET_ADMIN',
    ]);
  });

  it('ALL in CapAdd is every capability but the dropped ones; ALL in CapDrop keeps only CapAdd', () => {
    expect(set(['all'], ['sys_admin'])).toEqual(ALL_CAPABILITIES.filter((c) => c !== 'CAP_SYS_ADMIN'));
    expect(set(['NET_ADMIN'], ['ALL'])).toEqual(['CAP_NET_ADMIN']);
    expect(set(null, ['ALL'])).toEqual([]);
  });

  it('a privileged container has all 41 capabilities of the 6.18 kernel, whatever the lists say', () => {
    expect(set(null, ['ALL'], true)).toEqual(ALL_CAPABILITIES);
    expect(ALL_CAPABILITIES).toHaveLength(41);
    expect(ALL_CAPABILITIES[40]).toBe('CAP_CHECKPOINT_RESTORE');
  });
});

describe('validateCapabilities (daemon/container.go)', () => {
  it('names the first unknown capability in its normalized form, CapAdd before CapDrop', () => {
    expect(() => validateCapabilities(['net_admin', 'foo'], ['bar'])).toThrow(
      'invalid CapAdd: unknown capability: "CAP_FOO"',
    );
    expect(() => validateCapabilities(['NET_ADMIN'], ['cap_bar'])).toThrow(
      'invalid CapDrop: unknown capability: "CAP_BAR"',
    );
    // The CLI's ListOpts does not split on commas: the whole word is one (unknown) name.
    expect(() => validateCapabilities(['NET_ADMIN,SYS_ADMIN'], null)).toThrow(
      'invalid CapAdd: unknown capability: "CAP_NET_ADMIN,SYS_ADMIN"',
    );
    expect(() => validateCapabilities(['all', 'CAP_net_raw'], ['ALL'])).not.toThrow();
  });
});
