/**
 * RTM_NEWNEIGH messages of an ARP table dump, after neigh_fill_info (net/core/neighbour.c): the link-layer
 * address only while the state is NUD_VALID, the probe count, and cache info with the ages (in clock ticks,
 * USER_HZ 100) since the entry was used, confirmed and updated, and the refcount minus the table's own.
 * Dump order: the hash table's, which has no meaning; entries come in creation order.
 */
import { formatIp4 } from '../../../../lib';
import type { KernelState, NeighEntry, NsId, NudState } from '../../../../kernel';
import { igmpNeighbours, nd6State, ndiscNeighbours, xaGet } from '../../../../kernel';

export const NUD = {
  NONE: 0x00,
  INCOMPLETE: 0x01,
  REACHABLE: 0x02,
  STALE: 0x04,
  DELAY: 0x08,
  PROBE: 0x10,
  FAILED: 0x20,
  NOARP: 0x40,
  PERMANENT: 0x80,
} as const;

/** Bit order iproute2 and BusyBox print states in. */
export const NUD_NAMES = [
  'INCOMPLETE',
  'REACHABLE',
  'STALE',
  'DELAY',
  'PROBE',
  'FAILED',
  'NOARP',
  'PERMANENT',
] as const;

const NUD_VALID = NUD.PERMANENT | NUD.NOARP | NUD.REACHABLE | NUD.PROBE | NUD.STALE | NUD.DELAY;

export const USER_HZ = 100;

export interface NeighMsg {
  family: 'inet' | 'inet6';
  ifindex: number;
  state: number;
  dst: string;
  lladdr: string | null;
  probes: number;
  /** Ages in clock ticks (1/USER_HZ s). */
  used: number;
  confirmed: number;
  updated: number;
  refcnt: number;
  /** NTF_ROUTER (IPv6 neighbours that advertised themselves as routers). */
  router?: boolean;
}

export function nudBits(s: NudState): number {
  return NUD[s];
}

function ticks(nowUs: number, thenUs: number): number {
  return Math.max(0, Math.floor(((nowUs - thenUs) * USER_HZ) / 1_000_000));
}

export function fillNeigh(k: KernelState, e: NeighEntry, nowUs: number): NeighMsg | null {
  const dev = xaGet(k.devices, e.dev);
  if (!dev) return null;
  const state = nudBits(e.state);
  return {
    family: 'inet',
    ifindex: dev.ifindex,
    state,
    dst: formatIp4(e.ip),
    lladdr: state & NUD_VALID && e.lladdr !== null ? e.lladdr : null,
    probes: e.probes,
    used: ticks(nowUs, e.usedUs),
    confirmed: ticks(nowUs, e.confirmedUs),
    updated: ticks(nowUs, e.updatedUs),
    refcnt: e.refcnt,
  };
}

/** The ARP table, then the ND table (neigh_dump_info walks arp_tbl before nd_tbl). */
export function dumpNeigh(
  k: KernelState,
  ns: NsId,
  nowUs: number,
  family: 'inet' | 'inet6' | 'unspec' = 'unspec',
): NeighMsg[] {
  const out: NeighMsg[] = [];
  if (family !== 'inet6') {
    const entries = [...(xaGet(k.netns, ns)?.neigh ?? [])].sort((a, b) => a.seq - b.seq);
    for (const e of entries) {
      const m = fillNeigh(k, e, nowUs);
      if (m) out.push(m);
    }
    for (const e of igmpNeighbours(k, ns)) {
      const dev = xaGet(k.devices, e.dev);
      if (!dev || entries.some((x) => x.dev === e.dev && x.ip === e.ip)) continue;
      out.push({
        family: 'inet',
        ifindex: dev.ifindex,
        state: NUD.NOARP,
        dst: formatIp4(e.ip),
        lladdr: e.lladdr,
        probes: 0,
        used: 0,
        confirmed: 0,
        updated: 0,
        refcnt: 0,
      });
    }
  }
  if (family !== 'inet') {
    // neigh_alloc() back-dates `confirmed` by twice base_reachable_time; NOARP entries are never confirmed.
    const base =
      Number(xaGet(k.netns, ns)?.sysctl['net.ipv4.neigh.default.base_reachable_time_ms'] ?? 30_000) * 1000;
    for (const e of [...(xaGet(k.netns, ns)?.nd6 ?? [])].sort((a, b) => a.seq - b.seq)) {
      const dev = xaGet(k.devices, e.dev);
      if (!dev) continue;
      const state = nudBits(nd6State(e, nowUs));
      out.push({
        family: 'inet6',
        ifindex: dev.ifindex,
        state,
        dst: e.addr,
        lladdr: state & NUD_VALID && e.lladdr !== null ? e.lladdr : null,
        probes: e.probes,
        used: ticks(nowUs, e.usedUs),
        confirmed: ticks(nowUs, e.confirmedUs),
        updated: ticks(nowUs, e.updatedUs),
        refcnt: e.timerUs !== null && e.timerUs > nowUs ? 1 : 0,
        ...(e.router ? { router: true } : {}),
      });
    }
    for (const e of ndiscNeighbours(k, ns, nowUs)) {
      const dev = xaGet(k.devices, e.dev);
      if (!dev) continue;
      const age = ticks(nowUs, e.createdUs);
      out.push({
        family: 'inet6',
        ifindex: dev.ifindex,
        state: NUD.NOARP,
        dst: e.addr,
        lladdr: e.lladdr,
        probes: 0,
        used: age,
        confirmed: age + ticks(2 * base, 0),
        updated: age,
        refcnt: 0,
      });
    }
  }
  return out;
}

/** nud_state_a2n(): a state name (any case, with or without NUD_) or a number. */
export function parseNud(word: string): number | null {
  const w = word.toUpperCase().replace(/^NUD_/, '');
  if (w === 'NONE') return NUD.NONE;
  const bit = (NUD as Record<string, number>)[w];
  if (bit !== undefined) return bit;
  if (/^(0x[0-9a-f]+|\d+)$/i.test(word)) return Number(word) & 0xff;
  return null;
}
