/**
 * net-tools 2.10 ifconfig's long format (lib/interface.c ife_print_long) and its sizes (the "(6.4 KiB)"
 * after a byte count: tenths, binary units, a unit only once the count exceeds it).
 */
import { formatIp4, formatIp6 } from '../../../lib';
import { IFF } from '../ip/rtnl/link';
import { ARPHRD_LOOPBACK } from '../procfs/net_arp';
import { IFA_HOST, IFA_LINK, IFA_SITE } from '../procfs/net_if_inet6';
import type { IfInfo } from './iface';

/** The IFF_* names in the order both ifconfigs print them. */
export const FLAG_NAMES: readonly [number, string][] = [
  [IFF.UP, 'UP'],
  [IFF.BROADCAST, 'BROADCAST'],
  [IFF.DEBUG, 'DEBUG'],
  [IFF.LOOPBACK, 'LOOPBACK'],
  [IFF.POINTOPOINT, 'POINTOPOINT'],
  [IFF.NOTRAILERS, 'NOTRAILERS'],
  [IFF.RUNNING, 'RUNNING'],
  [IFF.NOARP, 'NOARP'],
  [IFF.PROMISC, 'PROMISC'],
  [IFF.ALLMULTI, 'ALLMULTI'],
  [IFF.SLAVE, 'SLAVE'],
  [IFF.MASTER, 'MASTER'],
  [IFF.MULTICAST, 'MULTICAST'],
  [IFF.DYNAMIC, 'DYNAMIC'],
];

/**
 * "flags=4163<UP,BROADCAST,RUNNING,MULTICAST>". ife_print_long() turns the last character into '>' only
 * when it is a ',', and otherwise cuts it: no flags at all print "flags=0<", unnamed ones "flags=8192".
 */
export function flagsText(flags: number): string {
  const names = FLAG_NAMES.filter(([bit]) => flags & bit).map(([, n]) => n);
  if (names.length) return `flags=${flags}<${names.join(',')}>`;
  return flags === 0 ? 'flags=0<' : `flags=${flags}`;
}

const UNITS: readonly [bigint, string][] = [
  [1n << 60n, 'EiB'],
  [1n << 50n, 'PiB'],
  [1n << 40n, 'TiB'],
  [1n << 30n, 'GiB'],
  [1n << 20n, 'MiB'],
  [1n << 10n, 'KiB'],
];

/** "(1008.0 B)", "(6.4 KiB)": tenths truncated, the largest unit the count strictly exceeds. */
export function sizeText(bytes: number): string {
  const b = BigInt(bytes);
  let tenths = b * 10n;
  let unit = 'B';
  for (const [size, name] of UNITS) {
    if (b > size) {
      // The EiB branch divides the count by 2^60/10 rather than the tenths by 2^60 (same value).
      tenths = (b * 10n) / size;
      unit = name;
      break;
    }
  }
  return `(${tenths / 10n}.${tenths % 10n} ${unit})`;
}

function scopeText(scope: number): string {
  const names: string[] = [];
  if (scope === 0) names.push('global');
  if (scope & IFA_LINK) names.push('link');
  if (scope & IFA_SITE) names.push('site');
  if (scope & IFA_HOST) names.push('host');
  return names.length ? `<${names.join(',')}>` : '';
}

export function formatIfconfigGnu(i: IfInfo): string {
  let out = `${i.name}: ${flagsText(i.flags)}  mtu ${i.mtu}\n`;
  if (i.ip) {
    out += `        inet ${formatIp4(i.ip.addr)}  netmask ${formatIp4(i.ip.mask)}`;
    if (i.flags & IFF.BROADCAST) out += `  broadcast ${formatIp4(i.ip.brd)}`;
    if (i.flags & IFF.POINTOPOINT) out += `  destination ${formatIp4(i.ip.dst)}`;
    out += '\n';
  }
  for (const a of i.inet6) {
    out += `        inet6 ${formatIp6(a.addr)}  prefixlen ${a.prefixLen}  scopeid 0x${a.scope.toString(16)}${scopeText(a.scope)}\n`;
  }
  if (i.hwType === ARPHRD_LOOPBACK) out += `        loop  txqueuelen ${i.txqlen}  (Local Loopback)\n`;
  else out += `        ether ${i.mac}  txqueuelen ${i.txqlen}  (Ethernet)\n`;
  const s = i.stats;
  if (s) {
    out += `        RX packets ${s.rxPackets}  bytes ${s.rxBytes} ${sizeText(s.rxBytes)}\n`;
    out += `        RX errors ${s.rxErrs}  dropped ${s.rxDrop}  overruns ${s.rxFifo}  frame ${s.rxFrame}\n`;
    out += `        TX packets ${s.txPackets}  bytes ${s.txBytes} ${sizeText(s.txBytes)}\n`;
    out += `        TX errors ${s.txErrs}  dropped ${s.txDrop} overruns ${s.txFifo}  carrier ${s.txCarrier}  collisions ${s.txColls}\n`;
  }
  return `${out}\n`;
}
