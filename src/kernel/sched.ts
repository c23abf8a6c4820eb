/**
 * The discrete-event scheduler: packets in flight and kernel timers wait in `KernelState.queue`, ordered by
 * (time, sequence). `step()` handles one event; `runUntil()` handles every event due up to a time and then
 * sets the clock there. The per-command event budget turns a bridge loop or a flood into a trace event and
 * a stop, never a hang. Queue and timer arithmetic are in sched_queue.ts.
 */
import type { KernelCtx } from './context';
import { peekOf } from './context';
import type { KEvent } from './types';
import { assertNever, jsonCopy } from '../lib';
import { ipFragTimeout, ipv4LinkFailure } from './ipv4/icmp';
import { linkwatchRun } from './netdev/linkwatch';
import { netifReceive } from './netdev/rx';
import { neighTimer } from './ipv4/arp';
import { ip6LinkFailure } from './ipv6/icmpv6';
import { nd6Timer } from './ipv6/ndisc_nud';
import { nfReject } from './netfilter/nf_reject';
import { socketAppEvent } from './sock_app';
import { xaGet } from './xarray';

export { HZ, JIFFY_US, jiffiesAt, msToJiffies, timerFireUs, schedule } from './sched_queue';

/** Whether the budget allows one more event; when it runs out, say so once in the trace. */
function spend(ctx: KernelCtx, ev: KEvent): boolean {
  if (ctx.budget.events > 0) {
    ctx.budget.events--;
    return true;
  }
  if (ctx.budget.events === 0) {
    ctx.budget.events = -1;
    ctx.trace({
      kind: 'budget_exhausted',
      atUs: ctx.clock.nowUs,
      ns: ev.kind === 'rx' ? (xaGet(ctx.k.devices, ev.dev)?.ns ?? ctx.k.rootNs) : ctx.k.rootNs,
      pkt: ev.kind === 'rx' ? ev.pkt.id : null,
      summary: 'event budget exhausted: packets are still circulating (a loop?); the rest were dropped',
      limit: 0,
    });
  }
  return false;
}

function dispatch(ctx: KernelCtx, ev: KEvent): void {
  switch (ev.kind) {
    case 'rx':
      netifReceive(ctx, ev.dev, ev.pkt);
      return;
    case 'neigh-timer':
      neighTimer(ctx, ev.ns, ev.dev, ev.ip, ev.atUs);
      return;
    case 'linkwatch':
      linkwatchRun(ctx, ev.dev);
      return;
    case 'app':
      socketAppEvent(ctx, ev.ns, ev.socket, ev.action);
      return;
    case 'link-failure':
      if (ev.pkt.ip6) ip6LinkFailure(ctx, ev.ns, ev.pkt);
      else ipv4LinkFailure(ctx, ev.ns, ev.pkt);
      return;
    case 'nd6-timer':
      nd6Timer(ctx, ev.ns, ev.dev, ev.addr, ev.atUs);
      return;
    case 'ipfrag-expire':
      ipFragTimeout(ctx, ev);
      return;
    case 'nf-reject':
      if (xaGet(ctx.k.netns, ev.ns)) nfReject(ctx, ev.ns, ev.pkt, ev.how, ev.inDev);
      return;
    default:
      assertNever(ev, 'kernel event');
  }
}

/** Handle the next event if one is due by `untilUs`; returns false when none is. */
export function step(ctx: KernelCtx, untilUs = Number.POSITIVE_INFINITY): boolean {
  const peek = peekOf(ctx);
  const head = peek(ctx.k.queue)[0];
  if (!head || peek(head).atUs > untilUs) return false;
  // Before the event: the frame is still on its wire, the clock still at the previous event.
  ctx.onStep?.();
  ctx.k.queue.shift();
  // Off the queue the event is the kernel's own: a plain copy, so its packet's path reads and rewrites plain
  // objects, not drafts of the previous World's event (a proxy per header read, each finalized at the end).
  const ev = jsonCopy(head, peek);
  if (ev.atUs > ctx.clock.nowUs) ctx.clock.nowUs = ev.atUs;
  // A packet that the budget refuses is gone: the queue drains instead of growing forever.
  if (ev.kind === 'rx' && !spend(ctx, ev)) return true;
  dispatch(ctx, ev);
  return true;
}

/** Handle everything due up to `untilUs`, then move the clock there. */
export function runUntil(ctx: KernelCtx, untilUs: number): void {
  while (step(ctx, untilUs)) {
    /* keep going */
  }
  if (untilUs > ctx.clock.nowUs && Number.isFinite(untilUs)) ctx.clock.nowUs = untilUs;
}

/**
 * Handle events up to `untilUs` but stop as soon as `done()` holds after an event (a reply reached the
 * socket a program waits on). Returns whether `done()` held; the clock is left at the last event, or at
 * `untilUs` when nothing satisfied it.
 */
export function runUntilOr(ctx: KernelCtx, untilUs: number, done: () => boolean): boolean {
  if (done()) return true;
  while (step(ctx, untilUs)) {
    if (done()) return true;
  }
  if (untilUs > ctx.clock.nowUs && Number.isFinite(untilUs)) ctx.clock.nowUs = untilUs;
  return false;
}

/** Advance simulated time by `us` (what `sleep` does). */
export function advance(ctx: KernelCtx, us: number): void {
  runUntil(ctx, ctx.clock.nowUs + us);
}

/** The time of the next queued event, or null when the queue is empty. */
export function nextEventUs(ctx: KernelCtx): number | null {
  const peek = peekOf(ctx);
  const head = peek(ctx.k.queue)[0];
  return head ? peek(head).atUs : null;
}
