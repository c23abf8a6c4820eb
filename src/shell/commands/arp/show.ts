/**
 * The ARP cache listing of net-tools 2.10 (arp.c arp_show with arp_disp_2, the default "-e" table, or
 * arp_disp, the BSD style of -a) and BusyBox 1.35 (networking/arp.c: BSD style only), from
 * /proc/net/arp. Unresolved entries lack ATF_COM and show as "(incomplete)" / "<incomplete>".
 */
import { formatIp4 } from '../../../lib';
import type { CommandIO } from '../../types';
import { ARPHRD_LOOPBACK, ATF_COM, ATF_PERM, ATF_PUBL, procArps, type ProcArp } from '../procfs/net_arp';
import { RR_NETWORK, inetRresolve } from '../route/inet';

export interface ArpShowOpts {
  numeric: boolean;
  /** BSD style (arp -a; always for BusyBox). */
  bsd: boolean;
  /** The host asked for (dotted) and as typed, or null. */
  host: { ip: string; typed: string } | null;
  device: string | null;
  hwType: number | null;
}

const hwName = (type: number) => (type === ARPHRD_LOOPBACK ? 'loop' : 'ether');
const fit = (s: string, w: number) => s.slice(0, w).padEnd(w);

/** arp_disp_2(): the column table. */
export function lineLinux(name: string, a: ProcArp): string {
  let flags = '';
  if (a.flags & ATF_COM) flags += 'C';
  if (a.flags & ATF_PERM) flags += 'M';
  if (a.flags & ATF_PUBL) flags += 'P';
  let s = `${fit(name, 23)}  `;
  if (!(a.flags & ATF_COM))
    s +=
      a.flags & ATF_PUBL
        ? `${fit('*', 8)}${fit('<from_interface>', 20)}`
        : `${fit('', 8)}${fit('(incomplete)', 20)}`;
  else s += `${fit(hwName(a.hwType), 8)}${fit(a.hwAddr, 20)}`;
  return `${s}${fit(flags, 6)}${fit('', 15)} ${a.dev}\n`;
}

/** arp_disp() (net-tools) and BusyBox's arp_disp(): "? (ip) at mac [ether] on dev". */
export function lineBsd(name: string, a: ProcArp, busybox: boolean): string {
  const ip = formatIp4(a.ip);
  let s = `${name} (${ip}) at `;
  if (!(a.flags & ATF_COM))
    s += a.flags & ATF_PUBL ? (busybox ? '* ' : '<from_interface> ') : '<incomplete> ';
  else s += `${a.hwAddr} [${hwName(a.hwType)}] `;
  if (busybox) {
    // print_flags_separated(): the set flag names joined by spaces, then " on".
    const names = [a.flags & ATF_PERM ? 'PERM' : '', a.flags & ATF_PUBL ? 'PUP' : ''].filter(Boolean);
    return `${s}${names.join(' ')} on ${a.dev}\n`;
  }
  if (a.flags & ATF_PERM) s += 'PERM ';
  if (a.flags & ATF_PUBL) s += 'PUB ';
  return `${s}on ${a.dev}\n`;
}

export async function showArp(io: CommandIO, o: ArpShowOpts): Promise<number> {
  const busybox = io.proc.flavour === 'busybox';
  const entries = procArps(io.os.state.kernel, io.proc.ns);
  let out = '';
  let shown = 0;
  for (const a of entries) {
    const ip = formatIp4(a.ip);
    if (o.hwType !== null && a.hwType !== o.hwType) continue;
    if (o.host && o.host.ip !== ip) continue;
    if (o.device !== null && a.dev !== o.device) continue;
    let name = '?';
    if (!o.numeric) {
      const n = await inetRresolve(io, a.ip, RR_NETWORK, 0xffffff00, busybox);
      if (n !== ip) name = n;
    }
    if (!busybox && !o.bsd) {
      if (shown === 0)
        out += 'Address                  HWtype  HWaddress           Flags Mask            Iface\n';
      out += lineLinux(name === '?' ? ip : name, a);
    } else out += lineBsd(name, a, busybox);
    shown++;
  }
  if (!shown) {
    if (busybox) {
      if (o.host || o.device !== null || o.hwType !== null)
        out += `No match found in ${entries.length} entries\n`;
    } else if (o.host && !o.bsd) out += `${o.host.typed} (${o.host.ip}) -- no entry\n`;
    else if (o.host || o.device !== null || o.hwType !== null)
      out += `arp: in ${entries.length} entries no match found.\n`;
  }
  io.out(out);
  return 0;
}
