/**
 * The neighbour (ARP) table, after net/core/neighbour.c and net/ipv4/arp.c.
 * Table maintenance lives here (lookup, create, remove, the parameters, what a device going down does);
 * resolution (the NUD state machine driven by packets and timers) lives in ipv4/arp.ts.
 *
 * Entries are never garbage collected here: Linux's periodic GC leaves a table alone while it holds fewer
 * than gc_thresh1 (128) entries, so a FAILED or STALE entry stays until a flush or its device goes away.
 */
import type { Ip4 } from '../lib';
import { nextInt } from '../lib';
import type { KernelCtx } from './context';
import { nextOrderSeq, nsOf } from './context';
import type { DevId, NeighEntry, NsId, NudState } from './types';
import { xaGet } from './xarray';

/** NUD_IN_TIMER: states whose timer is running. */
export const NUD_IN_TIMER: readonly NudState[] = ['INCOMPLETE', 'REACHABLE', 'DELAY', 'PROBE'];
/** NUD_VALID: states with a usable link-layer address. */
export const NUD_VALID: readonly NudState[] = ['PERMANENT', 'NOARP', 'REACHABLE', 'PROBE', 'STALE', 'DELAY'];
/** NUD_CONNECTED: states that need no confirmation. */
export const NUD_CONNECTED: readonly NudState[] = ['PERMANENT', 'NOARP', 'REACHABLE'];

export function nudIn(state: NudState, set: readonly NudState[]): boolean {
  return set.includes(state);
}

/**
 * neigh_parms of arp_tbl (net/ipv4/arp.c), in microseconds where they are times. A namespace's
 * net.ipv4.neigh.default.* sysctls override them when set.
 */
export interface NeighParms {
  mcastProbes: number;
  ucastProbes: number;
  appProbes: number;
  mcastReprobes: number;
  retransUs: number;
  baseReachableUs: number;
  delayProbeUs: number;
  queueLenBytes: number;
  locktimeUs: number;
}

function sysctlNum(ctx: KernelCtx, ns: NsId, key: string, dflt: number): number {
  const v = xaGet(ctx.k.netns, ns)?.sysctl[`net.ipv4.neigh.default.${key}`];
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : dflt;
}

export function neighParms(ctx: KernelCtx, ns: NsId): NeighParms {
  return {
    mcastProbes: sysctlNum(ctx, ns, 'mcast_solicit', 3),
    ucastProbes: sysctlNum(ctx, ns, 'ucast_solicit', 3),
    appProbes: sysctlNum(ctx, ns, 'app_solicit', 0),
    mcastReprobes: sysctlNum(ctx, ns, 'mcast_resolicit', 0),
    retransUs: sysctlNum(ctx, ns, 'retrans_time_ms', 1000) * 1000,
    baseReachableUs: sysctlNum(ctx, ns, 'base_reachable_time_ms', 30_000) * 1000,
    delayProbeUs: sysctlNum(ctx, ns, 'delay_first_probe_time', 5) * 1_000_000,
    queueLenBytes: sysctlNum(ctx, ns, 'unres_qlen_bytes', 212_992),
    locktimeUs: sysctlNum(ctx, ns, 'locktime', 100) * 10_000,
  };
}

/** neigh_rand_reach_time(): uniformly random in [base/2, 3*base/2). */
export function randReachTime(ctx: KernelCtx, baseUs: number): number {
  if (baseUs <= 0) return 0;
  return Math.floor(baseUs / 2) + nextInt(ctx.rng, Math.max(1, baseUs));
}

export function neighLookup(ctx: KernelCtx, ns: NsId, dev: DevId, ip: number): NeighEntry | null {
  return xaGet(ctx.k.netns, ns)?.neigh.find((e) => e.dev === dev && e.ip === ip) ?? null;
}

/** __neigh_create(): a new entry in NUD_NONE (arp_constructor leaves resolution to the first use). */
export function neighCreate(ctx: KernelCtx, ns: NsId, dev: DevId, ip: Ip4): NeighEntry {
  const n = nsOf(ctx.k, ns);
  const now = ctx.clock.nowUs;
  const e: NeighEntry = {
    ip,
    dev,
    lladdr: null,
    state: 'NONE',
    probes: 0,
    confirmedUs: now,
    usedUs: now,
    updatedUs: now,
    timerUs: null,
    reachableTimeUs: randReachTime(ctx, neighParms(ctx, ns).baseReachableUs),
    queue: [],
    refcnt: 0,
    seq: nextOrderSeq(ctx.k),
    manual: false,
  };
  // arp_constructor(): on an IFF_NOARP device (`ip link set X arp off`) the entry needs no resolution: it
  // is NOARP at once, with the device's own address as its link-layer address.
  const d = xaGet(ctx.k.devices, dev);
  if (d?.userFlags?.noarp) {
    e.state = 'NOARP';
    e.lladdr = d.mac;
  }
  n.neigh.push(e);
  return e;
}

/** neigh_remove_one(): the entry leaves the table (its timer event finds nothing when it fires). */
export function neighRemove(ctx: KernelCtx, ns: NsId, entry: NeighEntry): void {
  const n = xaGet(ctx.k.netns, ns);
  if (!n) return;
  n.neigh = n.neigh.filter((e) => !(e.dev === entry.dev && e.ip === entry.ip));
}

/** neigh_ifdown(): a device going down or away takes its entries with it, except permanent ones when down. */
export function neighIfdown(ctx: KernelCtx, ns: NsId, dev: DevId, unregister = false): void {
  const n = xaGet(ctx.k.netns, ns);
  if (!n) return;
  n.neigh = n.neigh.filter(
    (e) => e.dev !== dev || (!unregister && e.state === 'PERMANENT' && !!xaGet(ctx.k.devices, dev)),
  );
}
