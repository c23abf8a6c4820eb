/**
 * Deep copies of the kernel's plain data (packets, headers, queued events): what JSON.parse(JSON.stringify(x))
 * makes, without the text in between. A packet is copied for every tracepoint that keeps its headers, every
 * port a bridge floods it to, and every event the scheduler takes off its queue, so the round trip through a
 * string was a large part of a packet's cost. Undefined fields are left out as JSON leaves them.
 *
 * `peek` (KernelCtx.peek) reads each level without drafting it: the source may be part of a transaction's draft
 * (a queued event of the previous World), and a proxy per header read is what the copy exists to avoid.
 */
import type { Peek } from './context';

const asIs: Peek = (x) => x;

export function plainCopy<T>(x: T, peek: Peek = asIs): T {
  const v = peek(x);
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map((e: unknown) => (e === undefined ? null : plainCopy(e, peek))) as T;
  const out: Record<string, unknown> = {};
  for (const key in v) {
    const e = v[key];
    if (e !== undefined) out[key] = plainCopy(e, peek);
  }
  return out as T;
}
