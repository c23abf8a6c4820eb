/**
 * Neighbour resolution for IPv4: the NUD state machine of net/core/neighbour.c (__neigh_event_send,
 * __neigh_update, neigh_timer_handler, neigh_invalidate) with ARP as its protocol (net/ipv4/arp.c
 * arp_solicit, arp_send_dst, arp_error_report), and the output step of ip_finish_output2 that puts a
 * destination MAC on a packet or parks it until ARP answers.
 *
 * arp_tbl's parameters (neighbour.ts): 3 broadcast probes 1 s apart while INCOMPLETE (probes counts from
 * ucast_probes=3, so a resolution that fails ends at "probes 6 FAILED"), queued packets answered with ICMP
 * host unreachable when it fails; REACHABLE for a random 15..45 s after a confirmation, then STALE; a STALE
 * entry in use goes to DELAY for 5 s and then PROBE (3 unicast probes) unless something confirms it.
 * Timers are `neigh-timer` events fired on the timer wheel's granularity (sched_queue.ts).
 *
 * Received ARP (arp_process) is in arp_rcv.ts.
 */
import type { Ip4, Mac } from '../../lib';
import { BROADCAST_MAC, ZERO_MAC, formatIp4, isMulticast4 } from '../../lib';
import type { KernelCtx } from '../context';
import { kerr, kok, type KResult } from '../errno';
import { devQueueXmit } from '../netdev/dev_queue_xmit';
import type { NeighParms } from '../neighbour';
import {
  NUD_CONNECTED,
  NUD_IN_TIMER,
  NUD_VALID,
  neighCreate,
  neighLookup,
  neighParms,
  neighRemove,
  nudIn,
} from '../neighbour';
import { jiffiesAt, schedule, timerFireUs, JIFFY_US, HZ } from '../sched_queue';
import { allocSkb, kfreeSkb } from '../skbuff';
import { ETH_P_ARP, ETH_P_IP, frameLen } from '../trace_fmt';
import type { DevId, NeighEntry, NetDevice, NsId, NudState, Packet } from '../types';
import { inetAddrType, inetSelectAddr } from './route';
import { xaGet } from '../xarray';

const RT_SCOPE_LINK = 253;

function usToJiffies(us: number): number {
  return Math.round(us / JIFFY_US);
}

/** neigh_max_probes(). */
function maxProbes(p: NeighParms, state: NudState): number {
  return p.ucastProbes + p.appProbes + (state === 'PROBE' ? p.mcastReprobes : p.mcastProbes);
}

function traceNeigh(ctx: KernelCtx, ns: NsId, e: NeighEntry, from: NudState, pktId: number | null): void {
  const dev = xaGet(ctx.k.devices, e.dev);
  ctx.trace({
    kind: 'neigh_update',
    atUs: ctx.clock.nowUs,
    ns,
    pkt: pktId,
    summary: `${formatIp4(e.ip)} dev ${dev?.name ?? e.dev}${e.lladdr ? ` lladdr ${e.lladdr}` : ''}: ${from} -> ${e.state}`,
    dev: e.dev,
    ip: e.ip,
    from,
    to: e.state,
    lladdr: e.lladdr,
    probes: e.probes,
  });
}

function setState(ctx: KernelCtx, ns: NsId, e: NeighEntry, state: NudState, pktId: number | null): void {
  const from = e.state;
  e.state = state;
  if (from !== state) traceNeigh(ctx, ns, e, from, pktId);
}

/** neigh_add_timer()/mod_timer() to the absolute jiffy `when` (never sooner than HZ/100 from now). */
function armTimer(ctx: KernelCtx, ns: NsId, e: NeighEntry, whenJiffies: number): void {
  const now = jiffiesAt(ctx.clock.nowUs);
  const delay = Math.max(whenJiffies - now, Math.floor(HZ / 100));
  const at = timerFireUs(ctx.clock.nowUs, delay);
  e.timerUs = at;
  e.refcnt = 1;
  schedule(ctx, { kind: 'neigh-timer', atUs: at, ns, ip: e.ip, dev: e.dev });
}

function delTimer(e: NeighEntry): void {
  e.timerUs = null;
  e.refcnt = 0;
}

/** The IPv4 header of a queued packet is a local address: ARP announces it as the sender (arp_announce 0). */
function solicitSource(ctx: KernelCtx, ns: NsId, dev: NetDevice, e: NeighEntry): Ip4 {
  const last = e.queue[e.queue.length - 1];
  if (last?.ip && inetAddrType(ctx, ns, last.ip.src) === 'local') return last.ip.src;
  return inetSelectAddr(ctx, ns, dev.id, e.ip, RT_SCOPE_LINK);
}

/** arp_create() + arp_xmit(): an ARP packet out of `dev`. */
export function arpSend(
  ctx: KernelCtx,
  dev: NetDevice,
  op: 1 | 2,
  targetIp: Ip4,
  senderIp: Ip4,
  ethDst: Mac | null,
  targetHw: Mac | null,
  causeId: number | null,
): void {
  const pkt = allocSkb(ctx, {
    eth: { src: dev.mac, dst: ethDst ?? BROADCAST_MAC, ethertype: ETH_P_ARP },
    arp: { op, senderMac: dev.mac, senderIp, targetMac: targetHw ?? ZERO_MAC, targetIp },
    ip: null,
    l4: null,
    payload: { kind: 'none' },
  });
  ctx.trace({
    kind: 'arp_send',
    atUs: ctx.clock.nowUs,
    ns: dev.ns,
    pkt: pkt.id,
    summary:
      op === 1
        ? `ARP, Request who-has ${formatIp4(targetIp)} tell ${formatIp4(senderIp)}${causeId !== null ? ` (for packet #${causeId})` : ''}`
        : `ARP, Reply ${formatIp4(senderIp)} is-at ${dev.mac} to ${formatIp4(targetIp)}`,
    dev: dev.id,
    op: op === 1 ? 'request' : 'reply',
    targetIp,
    senderIp,
    targetMac: ethDst ?? BROADCAST_MAC,
  });
  devQueueXmit(ctx, dev, pkt);
}

/** neigh_probe() -> arp_solicit(): broadcast while INCOMPLETE, unicast to the cached MAC while PROBE. */
function neighProbe(ctx: KernelCtx, ns: NsId, e: NeighEntry): void {
  const dev = xaGet(ctx.k.devices, e.dev);
  if (!dev) return;
  const p = neighParms(ctx, ns);
  const saddr = solicitSource(ctx, ns, dev, e);
  let probes = e.probes - p.ucastProbes;
  let dstHw: Mac | null = null;
  if (probes < 0) {
    dstHw = e.lladdr;
  } else {
    probes -= p.appProbes;
    if (probes < 0) {
      e.probes++;
      return; // neigh_app_ns: a user-space helper (arpd) would ask; nothing answers here
    }
  }
  const cause = e.queue[e.queue.length - 1]?.id ?? null;
  e.probes++;
  arpSend(ctx, dev, 1, e.ip, saddr, dstHw, null, cause);
}

/** neigh_invalidate(): FAILED; every parked packet gets its error report and is dropped. */
function neighInvalidate(ctx: KernelCtx, ns: NsId, e: NeighEntry): void {
  e.updatedUs = ctx.clock.nowUs;
  const queued = e.queue;
  e.queue = [];
  const dev = xaGet(ctx.k.devices, e.dev);
  for (const pkt of queued) {
    kfreeSkb(
      ctx,
      ns,
      pkt,
      'NEIGH_FAILED',
      e.dev,
      `no ARP reply from ${formatIp4(e.ip)} on ${dev?.name ?? e.dev}`,
    );
    // arp_error_report() -> dst_link_failure(): ICMP host unreachable to the sender, at this same instant.
    if (pkt.ip) schedule(ctx, { kind: 'link-failure', atUs: ctx.clock.nowUs, ns, pkt });
  }
}

/** Park a packet on an unresolved entry, dropping the oldest beyond unres_qlen_bytes (NEIGH_QUEUEFULL). */
function enqueue(ctx: KernelCtx, ns: NsId, e: NeighEntry, pkt: Packet, limit: number): void {
  const truesize = (q: Packet): number => 640 + frameLen(q);
  let bytes = e.queue.reduce((s, q) => s + truesize(q), 0);
  while (e.queue.length > 0 && bytes + truesize(pkt) > limit) {
    const old = e.queue.shift() as Packet;
    bytes -= truesize(old);
    kfreeSkb(ctx, ns, old, 'NEIGH_QUEUEFULL', e.dev);
  }
  e.queue.push(pkt);
}

/**
 * neigh_event_send(): may the packet go now? Starts resolution (INCOMPLETE, first probe at once) for an
 * entry with nothing usable, moves STALE to DELAY, parks the packet while INCOMPLETE.
 */
export function neighEventSend(
  ctx: KernelCtx,
  ns: NsId,
  e: NeighEntry,
  pkt: Packet | null,
): 'send' | 'queued' | 'dropped' {
  e.usedUs = ctx.clock.nowUs;
  if (nudIn(e.state, NUD_CONNECTED) || e.state === 'DELAY' || e.state === 'PROBE') return 'send';
  const p = neighParms(ctx, ns);
  let immediateProbe = false;
  if (e.state !== 'STALE' && e.state !== 'INCOMPLETE') {
    if (p.mcastProbes + p.appProbes > 0) {
      e.probes = p.ucastProbes;
      delTimer(e);
      setState(ctx, ns, e, 'INCOMPLETE', pkt?.id ?? null);
      e.updatedUs = ctx.clock.nowUs;
      immediateProbe = true;
      armTimer(
        ctx,
        ns,
        e,
        jiffiesAt(ctx.clock.nowUs) + Math.max(usToJiffies(p.retransUs), Math.floor(HZ / 100)),
      );
    } else {
      setState(ctx, ns, e, 'FAILED', pkt?.id ?? null);
      e.updatedUs = ctx.clock.nowUs;
      if (pkt) kfreeSkb(ctx, ns, pkt, 'NEIGH_FAILED', e.dev, 'no probes configured (mcast_solicit 0)');
      return 'dropped';
    }
  } else if (e.state === 'STALE') {
    delTimer(e);
    setState(ctx, ns, e, 'DELAY', pkt?.id ?? null);
    e.updatedUs = ctx.clock.nowUs;
    armTimer(ctx, ns, e, jiffiesAt(ctx.clock.nowUs) + usToJiffies(p.delayProbeUs));
  }
  let rc: 'send' | 'queued' = 'send';
  if (e.state === 'INCOMPLETE') {
    if (pkt) enqueue(ctx, ns, e, pkt, p.queueLenBytes);
    rc = 'queued';
  }
  if (immediateProbe) neighProbe(ctx, ns, e);
  return rc;
}

export interface NeighUpdateFlags {
  override?: boolean;
  weakOverride?: boolean;
  admin?: boolean;
}

/** Send what waited for resolution, now that the entry is valid. */
function flushQueue(ctx: KernelCtx, ns: NsId, e: NeighEntry): void {
  while (nudIn(e.state, NUD_VALID) && e.queue.length > 0) {
    const pkt = e.queue.shift() as Packet;
    resolveOutput(ctx, ns, e, pkt);
  }
  e.queue = [];
}

/** __neigh_update(): a new state and/or link-layer address for an entry (from ARP, or from `ip neigh`). */
export function neighUpdate(
  ctx: KernelCtx,
  ns: NsId,
  e: NeighEntry,
  lladdrIn: Mac | null,
  newIn: NudState,
  flags: NeighUpdateFlags,
  pktId: number | null = null,
): KResult<void> {
  const old = e.state;
  let next = newIn;
  const now = ctx.clock.nowUs;
  if (!flags.admin && (old === 'NOARP' || old === 'PERMANENT')) return kerr('EPERM');
  if (!nudIn(next, NUD_VALID)) {
    delTimer(e);
    setState(ctx, ns, e, next, pktId);
    if ((old === 'INCOMPLETE' || old === 'PROBE') && next === 'FAILED') neighInvalidate(ctx, ns, e);
    return kok(undefined);
  }
  let lladdr: Mac;
  if (lladdrIn !== null) {
    lladdr = lladdrIn;
  } else {
    if (!nudIn(old, NUD_VALID) || e.lladdr === null) return kerr('EINVAL', 'No link layer address given');
    lladdr = e.lladdr;
  }
  if (nudIn(next, NUD_CONNECTED)) e.confirmedUs = now;
  if (nudIn(old, NUD_VALID)) {
    if (lladdr !== e.lladdr && !flags.override) {
      if (flags.weakOverride && nudIn(old, NUD_CONNECTED)) {
        lladdr = e.lladdr as Mac;
        next = 'STALE';
      } else {
        return kok(undefined);
      }
    } else if (lladdr === e.lladdr && next === 'STALE' && !flags.admin) {
      next = old;
    }
  }
  if (next !== old || lladdr !== e.lladdr) e.updatedUs = now;
  const p = neighParms(ctx, ns);
  const lladdrChanged = lladdr !== e.lladdr;
  if (lladdrChanged) {
    e.lladdr = lladdr;
    // A new address learnt without confirmation is treated as long unconfirmed.
    if (!nudIn(next, NUD_CONNECTED)) e.confirmedUs = now - 2 * p.baseReachableUs;
  }
  if (next !== old) {
    delTimer(e);
    if (next === 'PROBE') e.probes = 0;
    setState(ctx, ns, e, next, pktId);
    if (nudIn(next, NUD_IN_TIMER)) {
      armTimer(ctx, ns, e, jiffiesAt(now) + (next === 'REACHABLE' ? usToJiffies(e.reachableTimeUs) : 0));
    }
  } else if (lladdrChanged) {
    traceNeigh(ctx, ns, e, old, pktId);
  }
  if (next !== old && !nudIn(old, NUD_VALID)) flushQueue(ctx, ns, e);
  return kok(undefined);
}

/** neigh_timer_handler(), run by the scheduler; a timer that was re-armed or deleted since does nothing. */
export function neighTimer(ctx: KernelCtx, ns: NsId, dev: DevId, ip: Ip4, atUs: number): void {
  const e = neighLookup(ctx, ns, dev, ip);
  if (!e || e.timerUs !== atUs) return;
  delTimer(e);
  const p = neighParms(ctx, ns);
  const now = ctx.clock.nowUs;
  const nowJ = jiffiesAt(now);
  const retransJ = Math.max(usToJiffies(p.retransUs), Math.floor(HZ / 100));
  let nextJ = nowJ + HZ;
  const state = e.state;
  if (!nudIn(state, NUD_IN_TIMER)) return;
  if (state === 'REACHABLE') {
    if (now <= e.confirmedUs + e.reachableTimeUs) {
      nextJ = jiffiesAt(e.confirmedUs + e.reachableTimeUs);
    } else if (now <= e.usedUs + p.delayProbeUs) {
      setState(ctx, ns, e, 'DELAY', null);
      e.updatedUs = now;
      nextJ = nowJ + usToJiffies(p.delayProbeUs);
    } else {
      setState(ctx, ns, e, 'STALE', null);
      e.updatedUs = now;
    }
  } else if (state === 'DELAY') {
    if (now <= e.confirmedUs + p.delayProbeUs) {
      setState(ctx, ns, e, 'REACHABLE', null);
      e.updatedUs = now;
      nextJ = jiffiesAt(e.confirmedUs + e.reachableTimeUs);
    } else {
      setState(ctx, ns, e, 'PROBE', null);
      e.updatedUs = now;
      e.probes = 0;
      nextJ = nowJ + retransJ;
    }
  } else {
    nextJ = nowJ + retransJ;
  }
  if ((e.state === 'INCOMPLETE' || e.state === 'PROBE') && e.probes >= maxProbes(p, e.state)) {
    setState(ctx, ns, e, 'FAILED', null);
    neighInvalidate(ctx, ns, e);
    return;
  }
  if (nudIn(e.state, NUD_IN_TIMER)) armTimer(ctx, ns, e, Math.max(nextJ, nowJ + Math.floor(HZ / 100)));
  if (e.state === 'INCOMPLETE' || e.state === 'PROBE') neighProbe(ctx, ns, e);
}

/** dst_confirm_neigh(): a sender saw its peer answer (MSG_CONFIRM, TCP ACKs): the entry is confirmed. */
export function neighConfirm(ctx: KernelCtx, ns: NsId, dev: DevId, ip: Ip4): void {
  const e = neighLookup(ctx, ns, dev, ip);
  if (e && e.confirmedUs !== ctx.clock.nowUs) e.confirmedUs = ctx.clock.nowUs;
}

/** The Ethernet header of a resolved packet, then dev_queue_xmit (neigh_resolve_output/neigh_hh_output). */
function resolveOutput(ctx: KernelCtx, ns: NsId, e: NeighEntry, pkt: Packet): void {
  const dev = xaGet(ctx.k.devices, e.dev);
  if (!dev || e.lladdr === null) {
    kfreeSkb(ctx, ns, pkt, 'NEIGH_DEAD', e.dev);
    return;
  }
  pkt.eth = { src: dev.mac, dst: e.lladdr, ethertype: ETH_P_IP };
  devQueueXmit(ctx, dev, pkt);
}

/** ip_eth_mc_map(): 01:00:5e and the low 23 bits of the group. */
function mcastMac(ip: Ip4): Mac {
  const b = [0x01, 0x00, 0x5e, (ip >>> 16) & 0x7f, (ip >>> 8) & 0xff, ip & 0xff];
  return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
}

/**
 * ip_finish_output2()'s neighbour step: the MAC for `nexthop` on `dev`. Broadcast and multicast need no ARP
 * (arp_constructor makes such entries NOARP); anything else goes through the entry's state machine.
 */
export function neighOutput(ctx: KernelCtx, ns: NsId, devId: DevId, nexthop: Ip4, pkt: Packet): void {
  const dev = xaGet(ctx.k.devices, devId);
  if (!dev) {
    kfreeSkb(ctx, ns, pkt, 'NEIGH_DEAD', devId, 'the output device is gone');
    return;
  }
  if (dev.kind === 'loopback') {
    pkt.eth = { src: dev.mac, dst: dev.mac, ethertype: ETH_P_IP };
    devQueueXmit(ctx, dev, pkt);
    return;
  }
  const type = inetAddrType(ctx, ns, nexthop);
  const directed = dev.inet.some((a) => a.broadcast === nexthop);
  if (type === 'broadcast' || directed || isMulticast4(nexthop)) {
    pkt.eth = {
      src: dev.mac,
      dst: isMulticast4(nexthop) ? mcastMac(nexthop) : BROADCAST_MAC,
      ethertype: ETH_P_IP,
    };
    devQueueXmit(ctx, dev, pkt);
    return;
  }
  const e = neighLookup(ctx, ns, devId, nexthop) ?? neighCreate(ctx, ns, devId, nexthop);
  // neigh_output(): a connected entry with a cached header goes out at once (and does not mark itself used).
  if (nudIn(e.state, NUD_CONNECTED) && e.lladdr !== null) {
    resolveOutput(ctx, ns, e, pkt);
    return;
  }
  if (neighEventSend(ctx, ns, e, pkt) === 'send') resolveOutput(ctx, ns, e, pkt);
}

/** `ip neigh add/replace/change` (neigh_add): create or update an entry as the administrator. */
export function neighAdminSet(
  ctx: KernelCtx,
  ns: NsId,
  dev: DevId,
  ip: Ip4,
  lladdr: Mac | null,
  state: NudState,
  opts: { create: boolean; replace: boolean; excl: boolean },
): KResult<void> {
  let e = neighLookup(ctx, ns, dev, ip);
  let override = true;
  if (!e) {
    if (!opts.create) return kerr('ENOENT');
    e = neighCreate(ctx, ns, dev, ip);
    e.manual = true;
  } else {
    if (opts.excl) return kerr('EEXIST');
    if (!opts.replace) override = false;
  }
  return neighUpdate(ctx, ns, e, lladdr, state, { admin: true, override });
}

/** `ip neigh del` / flush (neigh_delete): FAILED as the administrator (parked packets get their errors), then gone. */
export function neighAdminDelete(ctx: KernelCtx, ns: NsId, dev: DevId, ip: Ip4): KResult<void> {
  const e = neighLookup(ctx, ns, dev, ip);
  if (!e) return kerr('ENOENT');
  neighUpdate(ctx, ns, e, null, 'FAILED', { admin: true, override: true });
  neighRemove(ctx, ns, e);
  return kok(undefined);
}
