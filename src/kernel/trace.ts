/**
 * Trace events, named after the Linux tracepoints they imitate (include/trace/events/net.h, skb.h,
 * neigh.h, fib.h, bridge.h). The kernel emits them through `KernelCtx.trace`; they are an output of a
 * transaction, never part of the World.
 */
import type { DevId, NsId } from './types';
import type { DropReason } from './drop_reason';

interface TraceBase {
  atUs: number;
  ns: NsId;
  /** Packet id (same for every hop of one packet), or null for table-only events. */
  pkt: number | null;
  /** tcpdump-like one-line summary of the packet at this point. */
  summary: string;
}

export type TraceEvent =
  | (TraceBase & { kind: 'net_dev_xmit'; dev: DevId })
  | (TraceBase & { kind: 'netif_receive_skb'; dev: DevId })
  | (TraceBase & { kind: 'br_fdb_update'; bridge: DevId; port: DevId; mac: string; isNew: boolean })
  | (TraceBase & { kind: 'br_forward'; bridge: DevId; from: DevId; to: DevId; fdbMac: string })
  | (TraceBase & { kind: 'br_flood'; bridge: DevId; from: DevId; to: DevId[] })
  | (TraceBase & { kind: 'br_local'; bridge: DevId })
  | (TraceBase & {
      kind: 'fib_table_lookup';
      table: number;
      dst: number;
      result: 'ok' | 'unreachable';
      routeText: string | null;
      dev: DevId | null;
    })
  | (TraceBase & { kind: 'neigh_update'; dev: DevId; ip: number; from: string; to: string; lladdr: string | null })
  | (TraceBase & { kind: 'arp_send'; dev: DevId; op: 'request' | 'reply'; targetIp: number })
  | (TraceBase & {
      kind: 'nf_hook';
      hook: string;
      table: string;
      chain: string;
      rule: number | null;
      ruleText: string | null;
      verdict: string;
    })
  | (TraceBase & { kind: 'nat'; type: 'SNAT' | 'DNAT'; before: string; after: string; ctId: number })
  | (TraceBase & { kind: 'icmp_send'; type: number; code: number })
  | (TraceBase & { kind: 'ip_forward'; dev: DevId; ttl: number })
  | (TraceBase & { kind: 'ip_local_deliver'; dev: DevId | null })
  | (TraceBase & { kind: 'sock_deliver'; socket: number })
  | (TraceBase & { kind: 'kfree_skb'; reason: DropReason; dev: DevId | null; detail: string })
  | (TraceBase & { kind: 'consume_skb' })
  | (TraceBase & { kind: 'budget_exhausted'; limit: number })
  | (TraceBase & { kind: 'link_change'; dev: DevId; detail: string });

export type TraceSink = (e: TraceEvent) => void;
