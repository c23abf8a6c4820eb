/**
 * BusyBox 1.35 ifconfig's classic format (networking/interface.c ife_print, ife_print6,
 * print_bytes_scaled): "Link encap:", upper-case HWaddr, "inet addr:", one line of flag words, counters
 * with colons, and sizes that switch unit at >= 1024 with the tenth taken from the remainder.
 */
import { formatIp4, formatIp6 } from '../../../lib';
import { IFF } from '../ip/rtnl/link';
import { ARPHRD_LOOPBACK } from '../procfs/net_arp';
import { IFA_HOST, IFA_LINK, IFA_SITE } from '../procfs/net_if_inet6';
import type { IfInfo } from './iface';
import { FLAG_NAMES } from './format_gnu';

/** BusyBox is built without IFF_DYNAMIC in its list. */
const FLAG_WORDS = FLAG_NAMES.filter(([bit]) => bit !== IFF.DYNAMIC);

/** print_bytes_scaled(): "4395 (4.2 KiB)". */
export function bbSizeText(bytes: number): string {
  let int = BigInt(bytes);
  let frac = 0n;
  const exts = ['', 'Ki', 'Mi', 'Gi', 'Ti'];
  let e = 0;
  for (let i = 0; i < 4; i++) {
    if (int >= 1024n) {
      frac = ((int & 1023n) * 10n) / 1024n;
      int /= 1024n;
      e++;
    }
  }
  return `${bytes} (${int}.${frac} ${exts[e]}B)`;
}

function scopeWord(scope: number): string {
  switch (scope & 0xf0) {
    case 0:
      return 'Global';
    case IFA_LINK:
      return 'Link';
    case IFA_SITE:
      return 'Site';
    case IFA_HOST:
      return 'Host';
    default:
      return 'Unknown';
  }
}

export function formatIfconfigBusybox(i: IfInfo): string {
  const loop = i.hwType === ARPHRD_LOOPBACK;
  let out = `${i.name.padEnd(9)} Link encap:${loop ? 'Local Loopback' : 'Ethernet'}  `;
  if (!loop) out += `HWaddr ${i.mac.toUpperCase()}  `;
  out += '\n';
  if (i.ip) {
    out += `          inet addr:${formatIp4(i.ip.addr)} `;
    if (i.flags & IFF.POINTOPOINT) out += ` P-t-P:${formatIp4(i.ip.dst)} `;
    if (i.flags & IFF.BROADCAST) out += ` Bcast:${formatIp4(i.ip.brd)} `;
    out += ` Mask:${formatIp4(i.ip.mask)}\n`;
  }
  for (const a of i.inet6)
    out += `          inet6 addr: ${formatIp6(a.addr)}/${a.prefixLen} Scope:${scopeWord(a.scope)}\n`;
  out += '          ';
  if (i.flags === 0) out += '[NO FLAGS] ';
  else for (const [bit, w] of FLAG_WORDS) if (i.flags & bit) out += `${w} `;
  out += ` MTU:${i.mtu}  Metric:1\n`;
  const s = i.stats;
  if (s) {
    out += `          RX packets:${s.rxPackets} errors:${s.rxErrs} dropped:${s.rxDrop} overruns:${s.rxFifo} frame:${s.rxFrame}\n`;
    out += `          TX packets:${s.txPackets} errors:${s.txErrs} dropped:${s.txDrop} overruns:${s.txFifo} carrier:${s.txCarrier}\n`;
    out += `          collisions:${s.txColls} txqueuelen:${i.txqlen} \n`;
    out += `          RX bytes:${bbSizeText(s.rxBytes)}  TX bytes:${bbSizeText(s.txBytes)}\n`;
  }
  return `${out}\n`;
}
