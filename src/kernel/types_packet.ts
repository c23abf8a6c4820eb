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
