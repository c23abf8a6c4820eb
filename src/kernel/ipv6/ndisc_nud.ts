/**
 * IPv6 neighbour discovery (RFC 4861) on the NUD state machine of net/core/neighbour.c, after
 * net/ipv6/ndisc.c:
 *  - output (neigh_resolve_output): an unresolved next hop becomes INCOMPLETE and its packets wait while
 *    neighbour solicitations go to the solicited-node group (ndisc_solicit: from the waiting packet's
 *    source when it is ours on the device, else from ipv6_dev_get_saddr: a link-local address, the group
 *    being link-scoped), every retrans_time (1 s), mcast_solicit (3) times; then FAILED, and each waiting
 *    packet gets an "address unreachable" (ndisc_error_report, through a `link-failure` event);
 *  - a STALE entry in use goes to DELAY, and delay_first_probe_time (5 s) later to REACHABLE if something
 *    confirmed it meanwhile, else to PROBE: ucast_solicit (3) unicast solicitations, then FAILED;
 *  - ndisc_recv_ns(): a solicitation for one of the device's addresses creates or updates the sender's
 *    entry (STALE with its link-layer address, unless that is unchanged on a valid entry) and is answered
 *    with a solicited advertisement (Router flag when forwarding), sent through that entry;
 *  - ndisc_recv_na(): an advertisement updates only an entry that exists (accept_untracked_na 0): solicited
 *    -> REACHABLE, unsolicited with a new address -> STALE; its Router flag sets NTF_ROUTER.
 * REACHABLE turns STALE reachable_time (random 15..45 s) after the last confirmation; it is read lazily.
 */
import type { Mac } from '../../lib';
import { formatIp6, parseIp6 } from '../../lib';
import type { KernelCtx } from '../context';
import { nextOrderSeq, nsOf } from '../context';
import { devQueueXmit } from '../netdev/dev_queue_xmit';
import { neighParms, randReachTime } from '../neighbour';
import { msToJiffies, schedule, timerFireUs } from '../sched_queue';
import { allocSkb, kfreeSkb } from '../skbuff';
import { ETH_P_IPV6 } from '../trace_fmt';
import type { DevId, Icmp6Msg, Nd6Entry, NetDevice, NsId, NudState, Packet } from '../types';
import { xaGet } from '../xarray';
import { isTentative } from './addrconf';
import { ipv6DevGetSaddr } from './ip6_fib';

/** ipv6_eth_mc_map(): 33:33 and the low 32 bits of the group. */
export function ip6McMac(groups: readonly number[]): Mac {
  const g6 = groups[6] ?? 0;
  const g7 = groups[7] ?? 0;
  const b = [0x33, 0x33, g6 >> 8, g6 & 255, g7 >> 8, g7 & 255];
  return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
}

/** addrconf_addr_solict_mult(): ff02::1:ffXX:XXXX. */
export function solicitedNode(groups: readonly number[]): number[] {
  return [0xff02, 0, 0, 0, 0, 1, 0xff00 | ((groups[6] ?? 0) & 0xff), groups[7] ?? 0];
}

/** The entry's state as it reads now: REACHABLE past its reachable time is STALE (neigh_timer_handler). */
export function nd6State(e: Nd6Entry, nowUs: number): NudState {
  if (e.state === 'REACHABLE' && nowUs >= e.confirmedUs + e.reachableTimeUs) return 'STALE';
  return e.state;
}

function lookup(ctx: KernelCtx, ns: NsId, dev: DevId, addr: string): Nd6Entry | null {
  return xaGet(ctx.k.netns, ns)?.nd6?.find((e) => e.dev === dev && e.addr === addr) ?? null;
}

function create(ctx: KernelCtx, ns: NsId, dev: DevId, addr: string): Nd6Entry {
  const n = nsOf(ctx.k, ns);
  const now = ctx.clock.nowUs;
  const e: Nd6Entry = {
    dev,
    addr,
    lladdr: null,
    state: 'NONE',
    router: false,
    probes: 0,
    // neigh_alloc(): `confirmed` back-dated so that a new entry is not taken as confirmed.
    confirmedUs: now - 2 * neighParms(ctx, ns).baseReachableUs,
    usedUs: now,
    updatedUs: now,
    reachableTimeUs: randReachTime(ctx, neighParms(ctx, ns).baseReachableUs),
    timerUs: null,
    queue: [],
    seq: nextOrderSeq(ctx.k),
  };
  (n.nd6 ??= []).push(e);
  return e;
}

function setState(ctx: KernelCtx, ns: NsId, e: Nd6Entry, state: NudState, pktId: number | null): void {
  const from = e.state;
  e.state = state;
  if (from === state) return;
  const dev = xaGet(ctx.k.devices, e.dev);
  ctx.trace({
    kind: 'neigh_update',
    atUs: ctx.clock.nowUs,
    ns,
    pkt: pktId,
    summary: `${e.addr} dev ${dev?.name ?? e.dev}${e.lladdr ? ` lladdr ${e.lladdr}` : ''}: ${from} -> ${state}`,
    dev: e.dev,
    ip: 0,
    from,
    to: state,
    lladdr: e.lladdr,
    probes: e.probes,
  });
}

function armTimer(ctx: KernelCtx, ns: NsId, e: NeighLike, delayUs: number): void {
  const at = timerFireUs(ctx.clock.nowUs, Math.max(1, msToJiffies(Math.round(delayUs / 1000))));
  e.timerUs = at;
  schedule(ctx, { kind: 'nd6-timer', atUs: at, ns, addr: e.addr, dev: e.dev });
}
type NeighLike = Pick<Nd6Entry, 'timerUs' | 'addr' | 'dev'>;

/** The link-layer frame of an IPv6 packet to `dstMac`, out of `dev`. */
function xmit(ctx: KernelCtx, dev: NetDevice, pkt: Packet, dstMac: Mac): void {
  pkt.eth = { src: dev.mac, dst: dstMac, ethertype: ETH_P_IPV6 };
  devQueueXmit(ctx, dev, pkt);
}

/** ndisc_send_ns(): to the solicited-node group (resolution) or to the neighbour itself (probe). */
function sendNs(ctx: KernelCtx, dev: NetDevice, target: string, saddr: string | null, unicastTo: Mac | null) {
  const tg = parseIp6(target) ?? [];
  const daddr = unicastTo ? tg : solicitedNode(tg);
  const src = saddr ?? ipv6DevGetSaddr(ctx.k, dev.ns, ctx.clock.nowUs, dev, daddr);
  if (src === null) return;
  const icmp6: Icmp6Msg = { type: 135, code: 0, target, lladdr: dev.mac };
  const pkt = allocSkb(ctx, {
    eth: null,
    arp: null,
    ip: null,
    l4: { proto: 58 },
    ip6: { src, dst: formatIp6(daddr), hopLimit: 255, nexthdr: 58, plen: 32 },
    icmp6,
    payload: { kind: 'none' },
  });
  xmit(ctx, dev, pkt, unicastTo ?? ip6McMac(daddr));
}

/** neigh_update() from ND: a new state, link-layer address and router flag. */
function update(
  ctx: KernelCtx,
  ns: NsId,
  e: Nd6Entry,
  lladdr: Mac | null,
  state: NudState,
  router: boolean | null,
  pktId: number | null,
): void {
  const now = ctx.clock.nowUs;
  const old = nd6State(e, now);
  e.state = old;
  const valid = old !== 'NONE' && old !== 'INCOMPLETE' && old !== 'FAILED';
  // A valid entry whose address did not change keeps its state when the news is only "stale".
  const next = valid && (lladdr === null || lladdr === e.lladdr) && state === 'STALE' ? old : state;
  if (lladdr !== null) e.lladdr = lladdr;
  if (router !== null) e.router = router;
  if (next === 'REACHABLE') e.confirmedUs = now;
  if (next !== old) {
    e.updatedUs = now;
    e.timerUs = null;
    e.probes = 0;
    setState(ctx, ns, e, next, pktId);
  }
  if (next === 'REACHABLE' || next === 'STALE' || next === 'DELAY') flush(ctx, e);
}

/** Send what waited for resolution. */
function flush(ctx: KernelCtx, e: Nd6Entry): void {
  const dev = xaGet(ctx.k.devices, e.dev);
  const q = e.queue;
  e.queue = [];
  if (!dev || e.lladdr === null) return;
  for (const pkt of q) xmit(ctx, dev, pkt, e.lladdr);
}

/** neigh_resolve_output() for an IPv6 packet to the on-link `nexthop` through `dev`. */
export function nd6Output(ctx: KernelCtx, ns: NsId, dev: NetDevice, nexthop: string, pkt: Packet): void {
  const e = lookup(ctx, ns, dev.id, nexthop) ?? create(ctx, ns, dev.id, nexthop);
  const now = ctx.clock.nowUs;
  e.usedUs = now;
  const st = nd6State(e, now);
  if (st !== e.state) setState(ctx, ns, e, st, pkt.id);
  const p = neighParms(ctx, ns);
  if (st === 'REACHABLE' || st === 'DELAY' || st === 'PROBE' || st === 'PERMANENT' || st === 'NOARP') {
    xmit(ctx, dev, pkt, e.lladdr ?? dev.mac);
    return;
  }
  if (st === 'STALE') {
    setState(ctx, ns, e, 'DELAY', pkt.id);
    e.updatedUs = now;
    armTimer(ctx, ns, e, p.delayProbeUs);
    xmit(ctx, dev, pkt, e.lladdr ?? dev.mac);
    return;
  }
  if (st !== 'INCOMPLETE') {
    e.probes = 0;
    setState(ctx, ns, e, 'INCOMPLETE', pkt.id);
    e.updatedUs = now;
    armTimer(ctx, ns, e, p.retransUs);
    e.queue.push(pkt);
    e.probes++;
    sendNs(ctx, dev, nexthop, ownSource(ctx, dev, pkt), null);
    return;
  }
  e.queue.push(pkt);
}

/** ndisc_solicit(): the waiting packet's source when it is an address of the device (not tentative). */
function ownSource(ctx: KernelCtx, dev: NetDevice, pkt: Packet | undefined): string | null {
  const src = pkt?.ip6?.src;
  if (src === undefined) return null;
  const a = dev.inet6.find((x) => x.addr === src);
  return a && !isTentative(ctx, a.dadUntilUs) ? src : null;
}

/** The nd6-timer event: retransmit, probe, or give up (neigh_timer_handler). */
export function nd6Timer(ctx: KernelCtx, ns: NsId, devId: DevId, addr: string, atUs: number): void {
  const e = lookup(ctx, ns, devId, addr);
  const dev = xaGet(ctx.k.devices, devId);
  if (!e || !dev || e.timerUs !== atUs) return;
  e.timerUs = null;
  const p = neighParms(ctx, ns);
  const now = ctx.clock.nowUs;
  if (e.state === 'DELAY') {
    if (now - e.confirmedUs <= p.delayProbeUs) {
      setState(ctx, ns, e, 'REACHABLE', null);
      return;
    }
    setState(ctx, ns, e, 'PROBE', null);
    e.probes = 0;
  }
  const max = e.state === 'PROBE' ? p.ucastProbes : p.mcastProbes;
  if (e.state !== 'INCOMPLETE' && e.state !== 'PROBE') return;
  if (e.probes >= max) {
    setState(ctx, ns, e, 'FAILED', null);
    e.updatedUs = now;
    const q = e.queue;
    e.queue = [];
    for (const pkt of q) {
      kfreeSkb(ctx, ns, pkt, 'NEIGH_FAILED', devId, `no neighbour advertisement from ${addr} on ${dev.name}`);
      // ndisc_error_report() -> dst_link_failure(): ICMPv6 address unreachable to the sender.
      schedule(ctx, { kind: 'link-failure', atUs: now, ns, pkt });
    }
    return;
  }
  e.probes++;
  armTimer(ctx, ns, e, p.retransUs);
  sendNs(
    ctx,
    dev,
    addr,
    ownSource(ctx, dev, e.queue[e.queue.length - 1]),
    e.state === 'PROBE' ? e.lladdr : null,
  );
}

/** ndisc_recv_ns(). Returns the advertisement to send back (built by the caller's output path), or null. */
export function ndiscRecvNs(ctx: KernelCtx, dev: NetDevice, pkt: Packet): Packet | null {
  const m = pkt.icmp6;
  const ip6 = pkt.ip6;
  if (!m || !ip6 || m.target === undefined) return null;
  const own = dev.inet6.find((a) => a.addr === m.target);
  if (!own || isTentative(ctx, own.dadUntilUs)) return null;
  if (ip6.src === '::') return null; // a duplicate address detection probe (not modelled further)
  const ns = dev.ns;
  if (m.lladdr) {
    const e = lookup(ctx, ns, dev.id, ip6.src) ?? create(ctx, ns, dev.id, ip6.src);
    update(ctx, ns, e, m.lladdr, 'STALE', null, pkt.id);
  }
  const router = !!dev.conf.ipv6_forwarding;
  return allocSkb(ctx, {
    eth: null,
    arp: null,
    ip: null,
    l4: { proto: 58 },
    ip6: { src: m.target, dst: ip6.src, hopLimit: 255, nexthdr: 58, plen: 32 },
    icmp6: { type: 136, code: 0, target: m.target, lladdr: dev.mac, router, solicited: true, override: true },
    payload: { kind: 'none' },
  });
}

/** ndisc_recv_na(). */
export function ndiscRecvNa(ctx: KernelCtx, dev: NetDevice, pkt: Packet): void {
  const m = pkt.icmp6;
  if (!m || m.target === undefined) return;
  const e = lookup(ctx, dev.ns, dev.id, m.target);
  if (!e) return;
  const lladdr = m.lladdr ?? null;
  const st = nd6State(e, ctx.clock.nowUs);
  if (st === 'INCOMPLETE' && lladdr === null) return;
  const changed = lladdr !== null && e.lladdr !== null && lladdr !== e.lladdr;
  if (changed && !m.override) return;
  const state: NudState = m.solicited ? 'REACHABLE' : 'STALE';
  update(ctx, dev.ns, e, lladdr, state, !!m.router, pkt.id);
}

/** neigh_ifdown() for nd_tbl: a device going down takes its entries. */
export function nd6Ifdown(ctx: KernelCtx, ns: NsId, dev: DevId): void {
  const n = xaGet(ctx.k.netns, ns);
  if (n?.nd6?.some((e) => e.dev === dev)) n.nd6 = n.nd6.filter((e) => e.dev !== dev);
}
