/**
 * What Docker's default OCI spec mounts read-only in a container (moby v27.5.1 oci/defaults.go: sysfs with
 * "ro", and ReadonlyPaths /proc/bus, /proc/fs, /proc/irq, /proc/sys, /proc/sysrq-trigger): a write there fails
 * with EROFS ("Read-only file system") in every container but a --privileged one (oci_linux.go clears "ro"
 * on /sys and the ReadonlyPaths for it). The host, and `ip netns exec` on it (which mounts a fresh sysfs),
 * have them read-write.
 */
import type { Proc } from './types';

export function dockerReadOnlyMount(proc: Proc): boolean {
  return proc.machine !== 'host' && proc.privilegedMounts !== true;
}
