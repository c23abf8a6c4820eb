/**
 * Who a process is: every shell here runs as root (uid 0, gid 0). Its supplementary groups are what its
 * machine's /etc/group lists root as a member of, as the login program (initgroups) on the host and
 * Docker (daemon/oci_linux.go getUser: libcontainer/user GetExecUser over the image's /etc/group) in a
 * container set them, with the primary group first, as `id` prints them.
 */
import type { Proc } from '../../types';

export interface Group {
  gid: number;
  name: string;
}

export interface User {
  uid: number;
  name: string;
  group: Group;
  /** getgroups(): the primary group, then those /etc/group lists the user in, in file order. */
  groups: readonly Group[];
}

const ROOT_GROUP: Group = { gid: 0, name: 'root' };

/**
 * The groups whose member list names root, per image, in /etc/group order:
 * - busybox: buildroot's skeleton /etc/group (docker-library/busybox Dockerfile.builder copies it):
 *   `wheel:x:10:root`;
 * - alpine (and netshoot, built on it): alpine-baselayout's /etc/group, where root is in bin, daemon, sys,
 *   adm, disk, wheel, floppy, dialout, tape and video;
 * - Debian 12 (the host, nginx) and Ubuntu 24.04: base-passwd's group file lists no members.
 */
const MEMBER_OF: Readonly<Record<string, readonly Group[]>> = {
  busybox: [{ gid: 10, name: 'wheel' }],
  alpine: [
    { gid: 1, name: 'bin' },
    { gid: 2, name: 'daemon' },
    { gid: 3, name: 'sys' },
    { gid: 4, name: 'adm' },
    { gid: 6, name: 'disk' },
    { gid: 10, name: 'wheel' },
    { gid: 11, name: 'floppy' },
    { gid: 20, name: 'dialout' },
    { gid: 26, name: 'tape' },
    { gid: 27, name: 'video' },
  ],
};

function memberOf(image: string): readonly Group[] {
  return MEMBER_OF[image === 'nicolaka/netshoot' ? 'alpine' : image] ?? [];
}

/** The user a process runs as (the effective and the real one: nothing here is setuid). */
export function effectiveUser(proc: Proc): User {
  return { uid: 0, name: 'root', group: ROOT_GROUP, groups: [ROOT_GROUP, ...memberOf(proc.userland.image)] };
}

/** A user named on the command line (`id root`): only root is known (getpwnam). */
export function lookupUser(proc: Proc, name: string): User | null {
  const u = effectiveUser(proc);
  return name === u.name || name === String(u.uid) ? u : null;
}
