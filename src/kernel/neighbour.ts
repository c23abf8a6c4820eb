/**
 * The neighbour (ARP) table, after net/core/neighbour.c and net/ipv4/arp.c.
 * Table maintenance lives here; resolution (the NUD state machine driven by packets and timers) lives in
 * ipv4/arp.ts.
 */
import type { KernelCtx } from './context';
import type { DevId, NeighEntry, NsId } from './types';

/** neigh_ifdown(): a device going down or away takes its entries with it, except permanent ones when down. */
export function neighIfdown(ctx: KernelCtx, ns: NsId, dev: DevId, unregister = false): void {
  const n = ctx.k.netns[ns];
  if (!n) return;
  n.neigh = n.neigh.filter((e) => e.dev !== dev || (!unregister && e.state === 'PERMANENT' && !!ctx.k.devices[dev]));
}

export function neighLookup(ctx: KernelCtx, ns: NsId, dev: DevId, ip: number): NeighEntry | null {
  return ctx.k.netns[ns]?.neigh.find((e) => e.dev === dev && e.ip === ip) ?? null;
}
