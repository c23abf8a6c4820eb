/**
 * Trace events, named after the Linux tracepoints they imitate (include/trace/events/net.h net_dev_xmit and
 * netif_receive_skb, skb.h kfree_skb/consume_skb, neigh.h neigh_update, fib.h fib_table_lookup, bridge.h
 * br_fdb_update, ...). The kernel emits them through `KernelCtx.trace`; they are an output of a transaction,
 * never part of the World.
 *
 * Every event carries the time, the namespace, the packet id (the same for every hop of one packet and for
 * the copies a bridge floods), and a tcpdump-like one-line summary of the packet as it is at that point
 * (trace_fmt.ts). `dev` is the device the event happened on where there is one.
 */
import { jsonCopy } from '../lib';
import type { DevId, NsId, Packet, Peek } from './types';
import type { DropReason } from './drop_reason';

/** The headers of a packet as they were at a tracepoint (a copy: NAT rewrites the live packet in place). */
export type SkbHeaders = Pick<Packet, 'eth' | 'arp' | 'ip' | 'l4' | 'payload'>;

/**
 * A copy of the headers for the device tracepoints, where taps (tcpdump's packet sockets) see the frame:
 * dev_queue_xmit_nit on transmit, the ptype_all delivery in __netif_receive_skb_core on receive.
 */
export function skbHeaders(p: Packet, peek?: Peek): SkbHeaders {
  const q = peek ? peek(p) : p;
  return {
    eth: jsonCopy(q.eth, peek),
    arp: jsonCopy(q.arp, peek),
    ip: jsonCopy(q.ip, peek),
    l4: jsonCopy(q.l4, peek),
    payload: jsonCopy(q.payload, peek),
  };
}

interface TraceBase {
  atUs: number;
  ns: NsId;
  /** Packet id (same for every hop of one packet), or null for table-only events. */
  pkt: number | null;
  /** tcpdump-like one-line summary of the packet at this point (or of the table change). */
  summary: string;
}

/** Where a netfilter hook was called from: the IP stack, or br_netfilter for a bridged frame. */
export type NfHookSite = 'ip' | 'bridge';

export type TraceEvent =
  /** dev_queue_xmit handed the packet to a device's driver (veth, NIC, loopback, bridge). */
  | (TraceBase & { kind: 'net_dev_xmit'; dev: DevId; len: number; skb: SkbHeaders })
  /** __netif_receive_skb: a device received a frame (after the simulated wire/veth latency). */
  | (TraceBase & { kind: 'netif_receive_skb'; dev: DevId; len: number; skb: SkbHeaders })
  /** br_fdb_update: a source MAC was learned (isNew) or refreshed/moved on a port. */
  | (TraceBase & {
      kind: 'br_fdb_update';
      bridge: DevId;
      port: DevId;
      mac: string;
      isNew: boolean;
      moved: boolean;
    })
  /** br_forward: a known unicast destination behind port `to`. */
  | (TraceBase & { kind: 'br_forward'; bridge: DevId; from: DevId | null; to: DevId; fdbMac: string })
  /** br_flood: broadcast, multicast or unknown unicast copied to every other forwarding port. */
  | (TraceBase & {
      kind: 'br_flood';
      bridge: DevId;
      from: DevId | null;
      to: DevId[];
      why: 'broadcast' | 'multicast' | 'unknown-unicast';
    })
  /** br_pass_frame_up: the frame is for the bridge device itself (its MAC, a port's MAC, or broadcast). */
  | (TraceBase & { kind: 'br_local'; bridge: DevId; from: DevId })
  | (TraceBase & {
      kind: 'fib_table_lookup';
      table: number | null;
      dst: number;
      src: number | null;
      /** The route type found ('unicast', 'local', ...) or 'unreachable' when nothing matched. */
      result: string;
      routeText: string | null;
      dev: DevId | null;
      gateway: number | null;
      /** 'input' for a received packet (ip_route_input), 'output' for a locally sent one. */
      dir: 'input' | 'output';
    })
  | (TraceBase & {
      kind: 'neigh_update';
      dev: DevId;
      ip: number;
      from: string;
      to: string;
      lladdr: string | null;
      probes: number;
    })
  | (TraceBase & {
      kind: 'arp_send';
      dev: DevId;
      op: 'request' | 'reply';
      targetIp: number;
      senderIp: number;
      targetMac: string;
    })
  | (TraceBase & {
      kind: 'nf_hook';
      hook: string;
      table: string;
      chain: string;
      rule: number | null;
      ruleText: string | null;
      verdict: string;
      site?: NfHookSite;
      inDev?: DevId | null;
      outDev?: DevId | null;
    })
  | (TraceBase & { kind: 'nat'; type: 'SNAT' | 'DNAT'; before: string; after: string; ctId: number })
  | (TraceBase & { kind: 'icmp_send'; type: number; code: number; to: number; from: number })
  | (TraceBase & { kind: 'ip_forward'; dev: DevId; outDev: DevId; ttl: number })
  | (TraceBase & { kind: 'ip_local_deliver'; dev: DevId | null })
  | (TraceBase & { kind: 'sock_deliver'; socket: number; program: string })
  | (TraceBase & { kind: 'kfree_skb'; reason: DropReason; dev: DevId | null; detail: string })
  | (TraceBase & { kind: 'consume_skb'; dev: DevId | null; detail: string })
  | (TraceBase & { kind: 'budget_exhausted'; limit: number })
  | (TraceBase & { kind: 'link_change'; dev: DevId; detail: string });

export type TraceSink = (e: TraceEvent) => void;

export type TraceKind = TraceEvent['kind'];
