/**
 * One captured packet as tcpdump 4.99.3 prints it: the timestamp (-t variants, util-print.c ts_print), the
 * packet number (-#), the link layer of the capture (Ethernet on a device, the Linux cooked headers on
 * "any": print-sll.c sll_print/sll2_print), and the tcpdump -n summary the kernel's tracepoints carry
 * (kernel/trace_fmt.ts). Without -n, TCP and UDP ports are named from /etc/services (tcpport_string);
 * addresses stay numeric (the simulator does not do reverse lookups).
 */
import { frameLen, pktSummary, pktSummaryWithLink, type Packet, type SkbHeaders } from '../../../kernel';
import { rfc3339Nano } from '../../../docker';
import { serviceName } from '../inet/services';

/** Which link-layer header the capture has: EN10MB on a device, LINUX_SLL (v1) or SLL2 on "any". */
export type LinkType = 'EN10MB' | 'SLL' | 'SLL2';

/** sll_pkttype as tcpdump names it. */
export type PktDir = 'In' | 'B' | 'M' | 'P' | 'Out';

export interface Captured {
  atUs: number;
  dev: string;
  ifindex: number;
  dir: PktDir;
  skb: SkbHeaders;
}

export interface PrintState {
  epochMs: number;
  tflag: number;
  numeric: boolean;
  link: boolean;
  number: boolean;
  linkType: LinkType;
  /** Packets printed so far, the first one's time and the previous one's (for -ttttt, -ttt). */
  printed: number;
  firstUs: number | null;
  prevUs: number | null;
}

const p2 = (n: number) => String(n).padStart(2, '0');
const us6 = (n: number) => String(n).padStart(6, '0');

function clock(totalUs: number): string {
  const secs = Math.floor(totalUs / 1_000_000);
  const sod = ((secs % 86400) + 86400) % 86400;
  return `${p2(Math.floor(sod / 3600))}:${p2(Math.floor((sod % 3600) / 60))}:${p2(sod % 60)}.${us6(totalUs - secs * 1_000_000)}`;
}

/** ts_print(): the timestamp and its trailing space (nothing for -t). */
function stamp(s: PrintState, atUs: number): string {
  const wall = s.epochMs * 1000 + atUs;
  switch (s.tflag) {
    case 1:
      return '';
    case 2:
      return `${Math.floor(wall / 1_000_000)}.${us6(wall % 1_000_000)} `;
    case 3:
      return ` ${clock(atUs - (s.prevUs ?? atUs))} `;
    case 4:
      return `${rfc3339Nano(0, wall).slice(0, 10)} ${clock(wall)} `;
    case 5:
      return ` ${clock(atUs - (s.firstUs ?? atUs))} `;
    default:
      return `${clock(wall)} `;
  }
}

const asPacket = (h: SkbHeaders): Packet => ({ ...h, id: 0, ct: null, mark: 0, brnf: false });

/** Without -n: "10.0.12.1.32768 > 10.0.12.13.http-alt:" (tcpport_string/udpport_string). */
function namePorts(text: string, h: SkbHeaders): string {
  const l4 = h.l4;
  if (!h.ip || !l4 || !('sport' in l4) || (h.ip.proto !== 6 && h.ip.proto !== 17)) return text;
  const proto = h.ip.proto === 6 ? 'tcp' : 'udp';
  const name = (p: number) => serviceName(p, proto) ?? String(p);
  return text.replace(
    /(\d+\.\d+\.\d+\.\d+)\.(\d+) > (\d+\.\d+\.\d+\.\d+)\.(\d+):/,
    (_m, a: string, sp: string, b: string, dp: string) =>
      `${a}.${name(Number(sp))} > ${b}.${name(Number(dp))}:`,
  );
}

/** netdb_protoname(): the names tcpdump gives IP protocols without -n (the ones the simulator carries). */
const PROTO_NAMES: Readonly<Record<number, string>> = { 1: 'icmp', 2: 'igmp', 6: 'tcp', 17: 'udp' };

/** Without -n, a fragment past the first names its protocol (print-ip.c): "IP a > b: icmp". */
function nameFragmentProto(text: string, h: SkbHeaders): string {
  const name = h.ip && (h.ip.fragOff ?? 0) > 0 ? PROTO_NAMES[h.ip.proto] : undefined;
  return name ? text.replace(/ ip-proto-\d+$/, ` ${name}`) : text;
}

const ETHERTYPE: Record<number, string> = { 0x0800: 'IPv4', 0x0806: 'ARP', 0x86dd: 'IPv6' };

/** The body after a cooked header: the summary without its "IP " / "ARP, " lead, as ether_print leaves it. */
function cookedBody(summary: string): string {
  return summary.replace(/^(IP|ARP), /, '').replace(/^IP /, '');
}

function cooked(c: Captured, summary: string, v2: boolean): string {
  const et = c.skb.eth?.ethertype ?? 0x0800;
  const mac = c.skb.eth?.src ?? '00:00:00:00:00:00';
  const hdr = v2 ? 20 : 16;
  const len = frameLen(asPacket(c.skb)) - 14 + hdr;
  const etText = `ethertype ${ETHERTYPE[et] ?? 'Unknown'} (0x${et.toString(16).padStart(4, '0')}), length ${len}: ${cookedBody(summary)}`;
  return v2 ? `ifindex ${c.ifindex} ${mac} ${etText}` : `${mac} ${etText}`;
}

/** One line of output (with its newline); updates the counters in `s`. */
export function formatCaptured(s: PrintState, c: Captured): string {
  s.printed++;
  s.firstUs ??= c.atUs;
  let summary = pktSummary(asPacket(c.skb));
  if (!s.numeric) summary = nameFragmentProto(namePorts(summary, c.skb), c.skb);
  let body: string;
  switch (s.linkType) {
    case 'EN10MB':
      body = s.link ? pktSummaryWithLink(asPacket(c.skb)) : summary;
      if (s.link && !s.numeric) body = nameFragmentProto(namePorts(body, c.skb), c.skb);
      break;
    case 'SLL':
      body = s.link ? `${c.dir.padStart(3)} ${cooked(c, summary, false)}` : summary;
      break;
    case 'SLL2':
      body = `${c.dev} ${c.dir.padEnd(3)} ${s.link ? cooked(c, summary, true) : summary}`;
      break;
  }
  const num = s.number ? `${String(s.printed).padStart(5)}  ` : '';
  const line = `${num}${stamp(s, c.atUs)}${body}\n`;
  s.prevUs = c.atUs;
  return line;
}
