/**
 * A container's Linux capabilities as the daemon decides them (moby v27.5.1 oci/caps): the create request's
 * HostConfig.CapAdd / CapDrop are validated by NormalizeLegacyCapabilities (daemon/container.go
 * validateCapabilities: upper-cased, "CAP_" prefixed, "ALL" allowed) but stored and shown by inspect as the
 * CLI sent them; at start (daemon/oci_linux.go WithCapabilities) and for an exec (exec_linux.go) the set is
 * TweakCapabilities(DefaultCapabilities(), CapAdd, CapDrop, Privileged), and `docker exec --privileged` gets
 * every capability. The shell's `capable()` (shell/capability.ts) reads the result from the process.
 */
import { invalid } from './errors';
import type { DockerContainer } from './state';

/**
 * Every capability the 6.18 kernel knows, in number order (include/uapi/linux/capability.h, CAP_LAST_CAP =
 * CAP_CHECKPOINT_RESTORE): GetAllCapabilities() on this kernel, what a privileged container gets.
 */
export const ALL_CAPABILITIES: readonly string[] = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_DAC_READ_SEARCH',
  'CAP_FOWNER',
  'CAP_FSETID',
  'CAP_KILL',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETPCAP',
  'CAP_LINUX_IMMUTABLE',
  'CAP_NET_BIND_SERVICE',
  'CAP_NET_BROADCAST',
  'CAP_NET_ADMIN',
  'CAP_NET_RAW',
  'CAP_IPC_LOCK',
  'CAP_IPC_OWNER',
  'CAP_SYS_MODULE',
  'CAP_SYS_RAWIO',
  'CAP_SYS_CHROOT',
  'CAP_SYS_PTRACE',
  'CAP_SYS_PACCT',
  'CAP_SYS_ADMIN',
  'CAP_SYS_BOOT',
  'CAP_SYS_NICE',
  'CAP_SYS_RESOURCE',
  'CAP_SYS_TIME',
  'CAP_SYS_TTY_CONFIG',
  'CAP_MKNOD',
  'CAP_LEASE',
  'CAP_AUDIT_WRITE',
  'CAP_AUDIT_CONTROL',
  'CAP_SETFCAP',
  'CAP_MAC_OVERRIDE',
  'CAP_MAC_ADMIN',
  'CAP_SYSLOG',
  'CAP_WAKE_ALARM',
  'CAP_BLOCK_SUSPEND',
  'CAP_AUDIT_READ',
  'CAP_PERFMON',
  'CAP_BPF',
  'CAP_CHECKPOINT_RESTORE',
];

/** oci/caps/defaults.go DefaultCapabilities(): no CAP_NET_ADMIN, no CAP_SYS_ADMIN. */
export const DEFAULT_CAPABILITIES: readonly string[] = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_FSETID',
  'CAP_FOWNER',
  'CAP_MKNOD',
  'CAP_NET_RAW',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETFCAP',
  'CAP_SETPCAP',
  'CAP_NET_BIND_SERVICE',
  'CAP_SYS_CHROOT',
  'CAP_KILL',
  'CAP_AUDIT_WRITE',
];

const ALL = 'ALL';

/** NormalizeLegacyCapabilities: each name upper-cased with a CAP_ prefix, or the error for the first unknown. */
function normalize(caps: readonly string[]): { caps: string[] } | { error: string } {
  const out: string[] = [];
  for (const raw of caps) {
    let c = raw.toUpperCase();
    if (c === ALL) {
      out.push(c);
      continue;
    }
    if (!c.startsWith('CAP_')) c = `CAP_${c}`;
    if (!ALL_CAPABILITIES.includes(c)) return { error: `unknown capability: ${JSON.stringify(c)}` };
    out.push(c);
  }
  return { caps: out };
}

/** validateCapabilities (daemon/container.go), part of validateHostConfig at create. */
export function validateCapabilities(
  capAdd: readonly string[] | null,
  capDrop: readonly string[] | null,
): void {
  const add = normalize(capAdd ?? []);
  if ('error' in add) throw invalid(`invalid CapAdd: ${add.error}`);
  const drop = normalize(capDrop ?? []);
  if ('error' in drop) throw invalid(`invalid CapDrop: ${drop.error}`);
}

/**
 * TweakCapabilities for a container's processes: all for a privileged container; else the defaults minus
 * CapDrop plus CapAdd ("ALL" in CapAdd: all but CapDrop; "ALL" in CapDrop: only CapAdd). The lists were
 * validated at create.
 */
export function containerCapabilities(
  c: Pick<DockerContainer, 'capAdd' | 'capDrop' | 'privileged'>,
): readonly string[] {
  if (c.privileged) return ALL_CAPABILITIES;
  const addN = normalize(c.capAdd ?? []);
  const dropN = normalize(c.capDrop ?? []);
  const add = 'caps' in addN ? addN.caps : [];
  const drop = 'caps' in dropN ? dropN.caps : [];
  if (add.length === 0 && drop.length === 0) return DEFAULT_CAPABILITIES;
  if (add.includes(ALL)) return ALL_CAPABILITIES.filter((x) => !drop.includes(x));
  if (drop.includes(ALL)) return add;
  return [...DEFAULT_CAPABILITIES.filter((x) => !drop.includes(x)), ...add];
}
