/**
 * RTM_NEWADDR messages as an address dump returns them: IPv4 first (inet_dump_ifaddr: devices in ifindex
 * order, each device's ifa_list in order), then IPv6 (inet6_dump_addr: same device order, each idev's
 * addr_list, which keeps wider scopes first and the newest first within a scope).
 * After net/ipv4/devinet.c inet_fill_ifaddr and net/ipv6/addrconf.c inet6_fill_ifaddr.
 */
import { formatIp4 } from '../../../../lib';
import type { KernelState, NetDevice, NsId, Scope } from '../../../../kernel';
import { devicesOf, inet6IfaFlags } from '../../../../kernel';

/** include/uapi/linux/if_addr.h IFA_F_*. */
export const IFA_F = {
  SECONDARY: 0x01,
  NODAD: 0x02,
  OPTIMISTIC: 0x04,
  DADFAILED: 0x08,
  HOMEADDRESS: 0x10,
  DEPRECATED: 0x20,
  TENTATIVE: 0x40,
  PERMANENT: 0x80,
  MANAGETEMPADDR: 0x100,
  NOPREFIXROUTE: 0x200,
  MCAUTOJOIN: 0x400,
  STABLE_PRIVACY: 0x800,
} as const;

export const INFINITY_LIFE_TIME = 0xffffffff;

export interface AddrMsg {
  family: 'inet' | 'inet6';
  ifindex: number;
  prefixLen: number;
  scope: Scope;
  flags: number;
  /** IFA_LOCAL (IPv6 messages carry only IFA_ADDRESS; iproute2 then uses it as local). */
  local: string;
  /** IFA_ADDRESS: the peer on point-to-point links, else equal to local. */
  address: string;
  broadcast: string | null;
  label: string | null;
  validLft: number;
  preferredLft: number;
  /** IFA_RT_PRIORITY, sent only when not 0. */
  metric: number | null;
}

export type AddrFamily = 'inet' | 'inet6' | 'unspec';

/** inet_fill_ifaddr(): an IPv4 address of `dev` as RTM_NEWADDR. */
function inetMsg(dev: NetDevice, a: NetDevice['inet'][number]): AddrMsg {
  let flags = a.validLft === null ? IFA_F.PERMANENT : 0;
  if (a.secondary) flags |= IFA_F.SECONDARY;
  if (a.noprefixroute) flags |= IFA_F.NOPREFIXROUTE;
  return {
    family: 'inet',
    ifindex: dev.ifindex,
    prefixLen: a.prefixLen,
    scope: a.scope,
    flags,
    local: formatIp4(a.local),
    address: formatIp4(a.address),
    broadcast: a.broadcast === null ? null : formatIp4(a.broadcast),
    label: a.label,
    validLft: a.validLft ?? INFINITY_LIFE_TIME,
    preferredLft: a.preferredLft ?? INFINITY_LIFE_TIME,
    metric: a.metric ? a.metric : null,
  };
}

/** inet6_fill_ifaddr(): an IPv6 address of `dev` as RTM_NEWADDR. */
function inet6Msg(dev: NetDevice, a: NetDevice['inet6'][number], nowUs: number): AddrMsg {
  return {
    family: 'inet6',
    ifindex: dev.ifindex,
    prefixLen: a.prefixLen,
    scope: a.scope,
    flags: inet6IfaFlags(dev.kind, a, nowUs),
    local: a.addr,
    address: a.addr,
    broadcast: null,
    label: null,
    validLft: INFINITY_LIFE_TIME,
    preferredLft: INFINITY_LIFE_TIME,
    metric: null,
  };
}

/** An RTM_GETADDR dump of a namespace: every device's IPv4 addresses, then every device's IPv6 addresses. */
export function dumpAddrs(k: KernelState, ns: NsId, nowUs: number, family: AddrFamily = 'unspec'): AddrMsg[] {
  const out: AddrMsg[] = [];
  const devs = devicesOf(k, ns);
  if (family !== 'inet6') for (const dev of devs) for (const a of dev.inet) out.push(inetMsg(dev, a));
  if (family !== 'inet') for (const dev of devs) for (const a of dev.inet6) out.push(inet6Msg(dev, a, nowUs));
  return out;
}

/**
 * One device's part of that dump, in dump order (its IPv4 addresses, then its IPv6 ones): what `ip address
 * show` groups under the device, made when the device is printed rather than for the whole namespace first.
 */
export function devAddrs(dev: NetDevice, nowUs: number, family: AddrFamily = 'unspec'): AddrMsg[] {
  const out: AddrMsg[] = [];
  if (family !== 'inet6') for (const a of dev.inet) out.push(inetMsg(dev, a));
  if (family !== 'inet') for (const a of dev.inet6) out.push(inet6Msg(dev, a, nowUs));
  return out;
}
