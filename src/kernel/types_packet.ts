/**
 * The kernel's state, continued (types.ts re-exports it): packets (struct sk_buff).
 */
import type { Ip4, Mac } from '../lib';

// ---------------------------------------------------------------------------------------------------------
// Packets (struct sk_buff, reduced to the headers the simulation reads)

export interface EthHeader {
  src: Mac;
  dst: Mac;
  /** 0x0800 IPv4, 0x0806 ARP, 0x86dd IPv6 */
  ethertype: number;
}

export interface ArpPayload {
  op: 1 | 2;
  senderMac: Mac;
  senderIp: Ip4;
  targetMac: Mac;
  targetIp: Ip4;
}

export type L4 =
  | {
      proto: 1;
      type: number;
      code: number;
      id: number;
      seq: number;
      inner: Ip4Header | null;
      innerL4?: InnerL4 | null;
      /** The next-hop MTU of a "fragmentation needed" (RFC 1191, icmph->un.frag.mtu). */
      mtu?: number;
    }
  | { proto: 6; sport: number; dport: number; flags: string; seq: number; ack: number }
  | { proto: 17; sport: number; dport: number }
  | { proto: 2 }
  | { proto: number };

/** The first bytes of the offending datagram that an ICMP error quotes. */
export type InnerL4 =
  { sport: number; dport: number } | { type: number; code: number; id: number; seq: number };

export interface Ip4Header {
  src: Ip4;
  dst: Ip4;
  ttl: number;
  proto: number;
  id: number;
  tos: number;
  /** Total length in bytes (header + payload). */
  len: number;
  /**
   * A fragment (net/ipv4/ip_output.c ip_do_fragment): the offset of its data in the datagram, in bytes (a
   * multiple of 8; the header field counts 8-byte units), and More Fragments. Absent on a whole datagram.
   * A first fragment keeps the datagram's L4 header and payload; the others have neither.
   */
  fragOff?: number;
  mf?: boolean;
  /** Don't Fragment: a forwarder answers "fragmentation needed" instead of fragmenting it. */
  df?: boolean;
}

/** An IPv6 header (struct ipv6hdr), addresses in canonical text form (RFC 5952, lib formatIp6). */
export interface Ip6Header {
  src: string;
  dst: string;
  hopLimit: number;
  /** Next header: 58 ICMPv6. */
  nexthdr: number;
  /** Payload length in bytes (what follows the 40-byte header). */
  plen: number;
}

/**
 * An ICMPv6 message (RFC 4443, RFC 4861): echo (128/129, id and seq), errors (1 unreachable, 3 time
 * exceeded; `inner` quotes the offending packet's addresses and echo id/seq), neighbour discovery (135
 * solicitation, 136 advertisement: `target`, the link-layer address option, and the NA's R/S/O flags).
 */
export interface Icmp6Msg {
  type: number;
  code: number;
  id?: number;
  seq?: number;
  target?: string;
  lladdr?: Mac | null;
  router?: boolean;
  solicited?: boolean;
  override?: boolean;
  inner?: { src: string; dst: string; type: number; id: number; seq: number } | null;
}

export type Payload =
  | { kind: 'none' }
  | { kind: 'bytes'; size: number }
  | { kind: 'text'; text: string }
  | { kind: 'dns'; id: number; qname: string; qtype: string; answers: string[] | null; rcode: number };

export interface Packet {
  /** Stable id for the trace: every hop of one packet carries the same id. */
  id: number;
  eth: EthHeader | null;
  arp: ArpPayload | null;
  ip: Ip4Header | null;
  l4: L4 | null;
  /** The IPv6 header and its ICMPv6 message (ethertype 0x86dd); absent on every other packet. */
  ip6?: Ip6Header;
  icmp6?: Icmp6Msg;
  payload: Payload;
  /**
   * Conntrack entry this packet belongs to (skb->_nfct) with its direction and ctinfo (IP_CT_NEW,
   * IP_CT_ESTABLISHED, IP_CT_RELATED); `untracked` (id 0) after -j NOTRACK/CT --notrack in raw.
   */
  ct: PacketCt | null;
  /** skb->mark */
  mark: number;
  /** Set once the packet crossed a bridge's netfilter hooks (br_netfilter), to avoid running them twice. */
  brnf: boolean;
  /**
   * IPCB(skb)->frag_max_size: the largest fragment of a datagram that conntrack or the bridge reassembled;
   * ip_output refragments it at no more than that (ipv4/ip_fragment.ts). Absent otherwise.
   */
  fragMax?: number;
}

export interface PacketCt {
  id: number;
  dir: 'orig' | 'reply';
  info: 'new' | 'established' | 'related' | 'untracked';
}
