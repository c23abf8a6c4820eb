/**
 * Questions about the trace of the lines a learner ran: did an echo reply come back to this namespace, was a
 * connection DNATed, what dropped a packet. The trace carries tcpdump-style summaries; these helpers read
 * the stable parts of that format (`IP SRC > DST: ICMP echo reply`, `SRC.PORT > DST.PORT`).
 */
import type { TraceEvent } from './types';

const ECHO_REPLY = /\bIP (\d+\.\d+\.\d+\.\d+) > (\d+\.\d+\.\d+\.\d+): ICMP echo reply/;

/** Echo replies delivered to a program in namespace `ns` (a ping from there that worked), by source. */
export function echoRepliesIn(
  trace: readonly TraceEvent[],
  ns: string | null,
): { from: string; to: string }[] {
  if (!ns) return [];
  const out: { from: string; to: string }[] = [];
  for (const e of trace) {
    if (e.kind !== 'ip_local_deliver' || e.ns !== ns) continue;
    const m = ECHO_REPLY.exec(e.summary);
    if (m) out.push({ from: m[1] as string, to: m[2] as string });
  }
  return out;
}

/** Whether a ping from `ns` got an echo reply (from `from`, when given). */
export function pingedOk(trace: readonly TraceEvent[], ns: string | null, from?: string | null): boolean {
  return echoRepliesIn(trace, ns).some((r) => from === undefined || r.from === from);
}

/** DNAT translations that happened (`before` and `after` are "ADDR:PORT" forms as the trace gives them). */
export function dnats(trace: readonly TraceEvent[]): { before: string; after: string }[] {
  return trace.flatMap((e) =>
    e.kind === 'nat' && e.type === 'DNAT' ? [{ before: e.before, after: e.after }] : [],
  );
}

export function snats(trace: readonly TraceEvent[]): { before: string; after: string }[] {
  return trace.flatMap((e) =>
    e.kind === 'nat' && e.type === 'SNAT' ? [{ before: e.before, after: e.after }] : [],
  );
}

/** Packets dropped, with the reason and the rule or detail. */
export function drops(trace: readonly TraceEvent[]): { ns: string; reason: string; detail: string }[] {
  return trace.flatMap((e) =>
    e.kind === 'kfree_skb' ? [{ ns: e.ns, reason: e.reason, detail: e.detail }] : [],
  );
}

/** Segments a program in `ns` received on a TCP connection (data delivered to its socket). */
export function tcpDelivered(trace: readonly TraceEvent[], ns: string | null, program?: string): boolean {
  return trace.some(
    (e) => e.kind === 'sock_deliver' && e.ns === ns && (program === undefined || e.program === program),
  );
}
