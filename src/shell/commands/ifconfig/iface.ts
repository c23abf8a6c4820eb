/**
 * What ifconfig learns about an interface, the way net-tools' lib/interface.c and BusyBox's
 * networking/interface.c gather it: names from SIOCGIFCONF (one per IPv4 address label, so "eth0:1"
 * aliases appear) and from /proc/net/dev (every device, with counters); then per name the ioctls
 * SIOCGIFFLAGS/HWADDR/MTU/TXQLEN (dev_ioctl strips an ":alias" suffix) and SIOCGIFADDR/NETMASK/BRDADDR
 * (devinet_ioctl: the first address whose label is exactly the name); IPv6 lines from /proc/net/if_inet6.
 */
import type { InetAddr, KernelState, NetDevice, NsId } from '../../../kernel';
import { devByName, devicesOf } from '../../../kernel';
import type { Mac } from '../../../lib';
import { maskOf } from '../../../lib';
import { devFlags } from '../ip/rtnl/link';
import { arphrdOf } from '../procfs/net_arp';
import { devCounters, type DevCounters } from '../procfs/net_dev';
import { procInet6, type ProcInet6 } from '../procfs/net_if_inet6';

export interface IfInet {
  addr: number;
  mask: number;
  /** ifa_broadcast; 0 when the address has none. */
  brd: number;
  /** ifa_address (the peer on point-to-point links; the local address otherwise). */
  dst: number;
}

export interface IfInfo {
  name: string;
  /** SIOCGIFFLAGS: the short ifr_flags (no LOWER_UP/DORMANT). */
  flags: number;
  mtu: number;
  hwType: number;
  mac: Mac;
  txqlen: number;
  ip: IfInet | null;
  /** From /proc/net/dev: null for alias names, which the file does not list. */
  stats: DevCounters | null;
  inet6: ProcInet6[];
}

/** dev_ioctl(): "eth0:1" addresses device eth0. */
export function baseDevice(k: KernelState, ns: NsId, name: string): NetDevice | null {
  const colon = name.indexOf(':');
  return devByName(k, ns, colon < 0 ? name : name.slice(0, colon));
}

/** devinet_ioctl()'s label match: the first address of the device labelled exactly `name`. */
export function ifaByLabel(dev: NetDevice, name: string): InetAddr | null {
  return dev.inet.find((a) => a.label === name) ?? null;
}

/** if_fetch(): null when the device does not exist (ENODEV). */
export function fetchInterface(k: KernelState, ns: NsId, name: string, nowUs: number): IfInfo | null {
  const dev = baseDevice(k, ns, name);
  if (!dev) return null;
  const ifa = ifaByLabel(dev, name);
  const isAlias = name !== dev.name;
  return {
    name,
    flags: devFlags(dev) & 0xffff,
    mtu: dev.mtu,
    hwType: arphrdOf(dev),
    mac: dev.mac,
    txqlen: dev.txqlen,
    ip: ifa
      ? { addr: ifa.local, mask: maskOf(ifa.prefixLen), brd: ifa.broadcast ?? 0, dst: ifa.address }
      : null,
    stats: isAlias ? null : devCounters(dev),
    inet6: procInet6(k, ns, nowUs).filter((r) => r.dev === name),
  };
}

/** if_readlist(): /proc/net/dev names and SIOCGIFCONF labels, kept sorted by `compare` (add_interface). */
export function interfaceNames(
  k: KernelState,
  ns: NsId,
  compare: (a: string, b: string) => number,
): string[] {
  const names = new Set<string>();
  const devs = devicesOf(k, ns);
  for (const d of devs) names.add(d.name);
  for (const d of devs) for (const a of d.inet) names.add(a.label);
  return [...names].sort(compare);
}

/** cutalias(): split "eth0:12" into "eth0" and "12" when the part after the last ':' is all digits. */
function cutAlias(name: string): [string, string | null] {
  const m = /^(.*):(\d+)$/.exec(name);
  return m ? [m[1] as string, m[2] as string] : [name, null];
}

/** Position after the last non-digit (rindex_nondigit). */
function digitsStart(s: string): number {
  let i = s.length;
  while (i > 0 && /\d/.test(s[i - 1] as string)) i--;
  return i;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * net-tools' nstrcmp() (lib/nstrcmp.c): names compare by their non-digit stem, then by the number that
 * ends them, so eth2 sorts before eth10; an ":N" alias sorts after its device, by N.
 */
export function nstrcmp(ap: string, bp: string): number {
  const [a, aAlias] = cutAlias(ap);
  const [b, bAlias] = cutAlias(bp);
  const ai = digitsStart(a);
  const bi = digitsStart(b);
  const n = Math.min(ai, bi);
  const head = cmp(a.slice(0, n), b.slice(0, n));
  if (head !== 0) return head;
  if (ai !== bi) return ai > bi ? 1 : -1;
  const av = parseInt(a.slice(ai) || '0', 10);
  const bv = parseInt(b.slice(bi) || '0', 10);
  if (av !== bv) return av < bv ? -1 : 1;
  const whole = cmp(a, b);
  if (whole !== 0) return whole;
  const x = aAlias === null ? -1 : parseInt(aAlias, 10);
  const y = bAlias === null ? -1 : parseInt(bAlias, 10);
  if (x !== y) return x < y ? -1 : 1;
  return aAlias !== null && bAlias !== null ? cmp(aAlias, bAlias) : 0;
}

/** BusyBox's add_interface() keeps the list in plain strcmp order. */
export const strcmpNames = cmp;
