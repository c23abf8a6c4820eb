/**
 * Capability checks at the kernel's entry points, for the process a command runs as.
 *
 * Why in the shell layer: the kernel model has no credentials (its operations are also the daemon's and the
 * kernel's own internal calls, always privileged), while every system call a program makes is made by a
 * command module for `io.proc`. So the check sits where a program crosses into the kernel, one check per
 * interface as Linux has it (not per tool), and each tool prints the EPERM in its own words:
 * - rtnetlink: rtnetlink_rcv_msg (net/core/rtnetlink.c) refuses every message but a GET (dump or single)
 *   without CAP_NET_ADMIN over the namespace; link/addr/route/rule/neigh changes and `bridge` fdb/link/vlan
 *   changes all come through it. Lookups (`ll_name_to_index`) are GETs, so "Cannot find device" comes first.
 * - ioctl: the SIOCS* device ioctls (net/core/dev_ioctl.c dev_ioctl), SIOCADDRT/SIOCDELRT (ip_rt_ioctl),
 *   SIOCSARP/SIOCDARP (arp_ioctl) and the bridge ioctls (br_ioctl_stub) check CAP_NET_ADMIN; SIOCG* do not.
 * - nfnetlink: nfnetlink_rcv_msg (net/netfilter/nfnetlink.c) checks CAP_NET_ADMIN for every message, dumps
 *   too: iptables-nft and conntrack cannot even list.
 * - rawSocket: inet_create (net/ipv4/af_inet.c) and packet_create (AF_PACKET) need CAP_NET_RAW.
 * - mount: path_mount's may_mount() needs CAP_SYS_ADMIN (`ip netns add` mounts /run/netns).
 * The capability sets come from Docker (docker/caps.ts) through `Proc.caps`; the host's processes have all.
 */
import type { KernelError } from '../kernel';
import type { Proc } from './types';

/** The capability each entry point checks (Linux's capable()/ns_capable() argument there). */
const ENTRY_CAP = {
  rtnetlink: 'CAP_NET_ADMIN',
  ioctl: 'CAP_NET_ADMIN',
  nfnetlink: 'CAP_NET_ADMIN',
  rawSocket: 'CAP_NET_RAW',
  mount: 'CAP_SYS_ADMIN',
} as const;

export type KernelEntry = keyof typeof ENTRY_CAP;

/** capable(): whether the process's effective set holds `cap` ("CAP_NET_ADMIN"); absent set = all. */
export function capable(proc: Proc, cap: string): boolean {
  return proc.caps === undefined || proc.caps.includes(cap);
}

/** Whether the process may use this kernel entry point (else the system call fails with EPERM). */
export function permitted(proc: Proc, entry: KernelEntry): boolean {
  return capable(proc, ENTRY_CAP[entry]);
}

/** The error a refused call returns (EPERM, no extack), or null when the process may make it. */
export function denied(proc: Proc, entry: KernelEntry): KernelError | null {
  return permitted(proc, entry) ? null : { errno: 'EPERM' };
}
