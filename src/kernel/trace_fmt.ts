/**
 * One-line packet summaries as `tcpdump -n` prints them (tcpdump 4.99: print-arp.c, print-ip.c, print-icmp.c,
 * print-udp.c, print-tcp.c, print-domain.c), optionally with the link-level header of `tcpdump -e`
 * (print-ether.c). The trace events carry these; a `tcpdump` command can print them after its timestamp.
 *
 * Checked against tcpdump on Linux 6.18 for ARP, ICMP echo, time exceeded, port/host unreachable and UDP.
 */
import { formatIp4 } from '../lib';
import type { Icmp6Msg, Ip4Header, Ip6Header, L4, Packet, Payload } from './types';

export const ETH_P_IP = 0x0800;
export const ETH_P_ARP = 0x0806;
export const ETH_P_IPV6 = 0x86dd;

/** print-icmp.c: the text after "ICMP " for the unreachable codes that name the quoted datagram. */
function unreachText(code: number, inner: Ip4Header | null, innerL4: L4Quote | null, mtu?: number): string {
  const dst = inner ? formatIp4(inner.dst) : '?';
  switch (code) {
    case 0:
      return `net ${dst} unreachable`;
    case 1:
      return `host ${dst} unreachable`;
    case 2:
      return `${dst} protocol ${inner?.proto ?? 0} unreachable`;
    case 3: {
      const proto = inner?.proto === 6 ? 'tcp' : inner?.proto === 17 ? 'udp' : `proto-${inner?.proto ?? 0}`;
      const port = innerL4 && 'dport' in innerL4 ? innerL4.dport : 0;
      return `${dst} ${proto} port ${port} unreachable`;
    }
    case 4:
      return mtu ? `${dst} unreachable - need to frag (mtu ${mtu})` : `${dst} unreachable - need to frag`;
    case 9:
      return `net ${dst} unreachable - admin prohibited`;
    case 10:
      return `host ${dst} unreachable - admin prohibited`;
    case 13:
      return `host ${dst} unreachable - admin prohibited filter`;
    default:
      return `${dst} unreachable - #${code}`;
  }
}

type L4Quote = { sport: number; dport: number } | { type: number; code: number; id: number; seq: number };

/** The ICMP part of a summary (print-icmp.c icmp_print). */
function icmpText(l4: Extract<L4, { proto: 1 }>): string {
  switch (l4.type) {
    case 0:
      return `echo reply, id ${l4.id}, seq ${l4.seq}`;
    case 8:
      return `echo request, id ${l4.id}, seq ${l4.seq}`;
    case 3:
      return unreachText(l4.code, l4.inner, l4.innerL4 ?? null, l4.mtu);
    case 11:
      return l4.code === 0 ? 'time exceeded in-transit' : 'ip reassembly time exceeded';
    case 5:
      return 'redirect';
    case 12:
      return 'parameter problem';
    default:
      return `type-#${l4.type}`;
  }
}

/** print-domain.c, reduced: "ID+ A? name. (len)" for queries, "ID q: A? name. N/0/0 A a.b.c.d (len)" for answers. */
function dnsText(p: Extract<Payload, { kind: 'dns' }>, udpLen: number): string {
  const q = `${p.qtype}? ${p.qname.endsWith('.') ? p.qname : `${p.qname}.`}`;
  if (p.answers === null) return `${p.id}+ ${q} (${udpLen})`;
  const rcode = p.rcode === 3 ? ' NXDomain' : p.rcode === 2 ? ' ServFail' : '';
  const ans = p.answers.map((a) => ` ${p.qtype} ${a}`).join(',');
  return `${p.id}${rcode} ${q} ${p.answers.length}/0/0${ans} (${udpLen})`;
}

export function payloadLen(p: Payload): number {
  switch (p.kind) {
    case 'none':
      return 0;
    case 'bytes':
      return p.size;
    case 'text':
      return p.text.length;
    case 'dns':
      return 12 + p.qname.length + 2 + 4 + (p.answers?.length ?? 0) * 16;
  }
}

/** The IPv4 part: "IP src > dst: ..." (with ports for UDP/TCP). */
export function ipSummary(ip: Ip4Header, l4: L4 | null, payload: Payload): string {
  const src = formatIp4(ip.src);
  const dst = formatIp4(ip.dst);
  const data = Math.max(0, ip.len - 20);
  // print-ip.c: a fragment past the first has no transport header to print ("ip-proto-N", no length).
  if ((ip.fragOff ?? 0) > 0) return `IP ${src} > ${dst}: ip-proto-${ip.proto}`;
  if (l4 && l4.proto === 1 && 'type' in l4) return `IP ${src} > ${dst}: ICMP ${icmpText(l4)}, length ${data}`;
  if (l4 && l4.proto === 17 && 'sport' in l4) {
    // udp_print() takes the length from the UDP header: a first fragment's is the whole datagram's.
    const len = ip.mf ? payloadLen(payload) : data - 8;
    const body = payload.kind === 'dns' ? dnsText(payload, len) : `UDP, length ${len}`;
    return `IP ${src}.${l4.sport} > ${dst}.${l4.dport}: ${body}`;
  }
  if (l4 && l4.proto === 6 && 'flags' in l4) {
    // print-tcp.c with absolute sequence numbers; the options Linux sends are left out.
    const len = payloadLen(payload);
    const seq =
      len > 0 ? `, seq ${l4.seq}:${(l4.seq + len) >>> 0}` : l4.flags === '.' ? '' : `, seq ${l4.seq}`;
    const ack = l4.flags.includes('.') ? `, ack ${l4.ack}` : '';
    const win = l4.flags.startsWith('R') ? 0 : l4.flags.includes('S') ? 64240 : 502;
    return `IP ${src}.${l4.sport} > ${dst}.${l4.dport}: Flags [${l4.flags}]${seq}${ack}, win ${win}, length ${len}`;
  }
  if (ip.proto === 2) return `IP ${src} > ${dst}: igmp`;
  return `IP ${src} > ${dst}: ip-proto-${ip.proto} ${data}`;
}

/** tcpdump -n for ICMPv6 (print-icmp6.c): echo, ND and the common errors. */
function ip6Summary(ip6: Ip6Header, m: Icmp6Msg): string {
  const head = `IP6 ${ip6.src} > ${ip6.dst}: ICMP6, `;
  switch (m.type) {
    case 128:
    case 129:
      return `${head}echo ${m.type === 128 ? 'request' : 'reply'}, id ${m.id ?? 0}, seq ${m.seq ?? 0}, length ${ip6.plen}`;
    case 135:
      return `${head}neighbor solicitation, who has ${m.target ?? ''}, length ${ip6.plen}`;
    case 136:
      return `${head}neighbor advertisement, tgt is ${m.target ?? ''}, length ${ip6.plen}`;
    case 1:
      return `${head}destination unreachable, ${m.code === 3 ? `unreachable address ${m.inner?.dst ?? ''}` : `unreachable route ${m.inner?.dst ?? ''}`}, length ${ip6.plen}`;
    case 3:
      return `${head}time exceeded in-transit, length ${ip6.plen}`;
    default:
      return `${head}type ${m.type}, length ${ip6.plen}`;
  }
}

/** tcpdump -n summary of a packet (without the link-level header). */
export function pktSummary(pkt: Packet): string {
  if (pkt.arp) {
    const a = pkt.arp;
    if (a.op === 1)
      return `ARP, Request who-has ${formatIp4(a.targetIp)} tell ${formatIp4(a.senderIp)}, length 28`;
    return `ARP, Reply ${formatIp4(a.senderIp)} is-at ${a.senderMac}, length 28`;
  }
  if (pkt.ip) return ipSummary(pkt.ip, pkt.l4, pkt.payload);
  if (pkt.ip6 && pkt.icmp6) return ip6Summary(pkt.ip6, pkt.icmp6);
  const et = pkt.eth?.ethertype ?? 0;
  if (et === ETH_P_IPV6) return `IP6, length ${frameLen(pkt) - 14}`;
  return `ethertype Unknown (0x${et.toString(16).padStart(4, '0')}), length ${frameLen(pkt)}`;
}

/** tcpdump -e -n: "SRC > DST, ethertype IPv4 (0x0800), length N: <summary>". */
export function pktSummaryWithLink(pkt: Packet): string {
  if (!pkt.eth) return pktSummary(pkt);
  const et = pkt.eth.ethertype;
  const name = et === ETH_P_IP ? 'IPv4' : et === ETH_P_ARP ? 'ARP' : et === ETH_P_IPV6 ? 'IPv6' : 'Unknown';
  const body = pktSummary(pkt)
    .replace(/^(IP|ARP), /, '')
    .replace(/^IP /, '');
  return `${pkt.eth.src} > ${pkt.eth.dst}, ethertype ${name} (0x${et.toString(16).padStart(4, '0')}), length ${frameLen(pkt)}: ${body}`;
}

/** Bytes on the wire without FCS (what skb->len is at the driver, and what tcpdump calls the frame length). */
export function frameLen(pkt: Packet): number {
  if (pkt.arp) return 14 + 28;
  if (pkt.ip) return 14 + pkt.ip.len;
  if (pkt.ip6) return 14 + 40 + pkt.ip6.plen;
  return 14 + payloadLen(pkt.payload);
}
