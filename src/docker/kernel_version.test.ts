import { describe, expect, it } from 'vitest';
import { daemonKernelVersion } from './kernel_version';

describe('kernel.GetKernelVersion().String()', () => {
  it('keeps the flavour after the three numbers, as docker info prints it', () => {
    expect(daemonKernelVersion()).toBe('6.18.44-fc-v782');
    expect(daemonKernelVersion('6.1.0-28-amd64')).toBe('6.1.0-28-amd64');
    expect(daemonKernelVersion('3.12.25-gentoo')).toBe('3.12.25-gentoo');
  });
  it('reads a release without a minor number the way ParseRelease does', () => {
    // "3.12-1-amd64": Sscanf(".%d%s") fails on "-1-amd64", so the minor is 0 and the flavour the rest.
    expect(daemonKernelVersion('3.12-1-amd64')).toBe('3.12.0-1-amd64');
    expect(daemonKernelVersion('4.8')).toBe('4.8.0');
    expect(daemonKernelVersion('5.15.0')).toBe('5.15.0');
  });
  it('reports nothing for a release that does not parse', () => {
    expect(daemonKernelVersion('linux')).toBe('');
    expect(daemonKernelVersion('6')).toBe('');
  });
});
