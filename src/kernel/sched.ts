/**
 * The discrete-event scheduler: packets in flight and kernel timers wait in `KernelState.queue`, ordered by
 * (time, sequence). `step()` handles one event; `runUntil()` handles every event due up to a time and then
 * sets the clock there. The per-command event budget turns a bridge loop or a flood into a trace event and
 * a stop, never a hang.
 */
import type { KernelCtx } from './context';
import type { KEvent } from './types';
import { assertNever } from '../lib';
import { linkwatchRun } from './netdev/linkwatch';
import { netifReceive } from './netdev/rx';
import { neighTimer } from './ipv4/arp';
import { socketAppEvent } from './sock';

/** Put an event in the queue at its time (after events already due at the same time). */
export function schedule(ctx: KernelCtx, ev: Omit<KEvent, 'seq'>): void {
  const { k } = ctx;
  const full = { ...ev, seq: k.nextEventSeq++ } as KEvent;
  let i = k.queue.length;
  while (i > 0 && (k.queue[i - 1] as KEvent).atUs > full.atUs) i--;
  k.queue.splice(i, 0, full);
}

/** Whether the budget allows one more event; when it runs out, say so once in the trace. */
function spend(ctx: KernelCtx): boolean {
  if (ctx.budget.events > 0) {
    ctx.budget.events--;
    return true;
  }
  if (ctx.budget.events === 0) {
    ctx.budget.events = -1;
    ctx.trace({
      kind: 'budget_exhausted',
      atUs: ctx.clock.nowUs,
      ns: ctx.k.rootNs,
      pkt: null,
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
      neighTimer(ctx, ev.ns, ev.dev, ev.ip);
      return;
    case 'linkwatch':
      linkwatchRun(ctx, ev.dev);
      return;
    case 'app':
      socketAppEvent(ctx, ev.ns, ev.socket, ev.action);
      return;
    default:
      assertNever(ev, 'kernel event');
  }
}

/** Handle the next event if one is due by `untilUs`; returns false when none is. */
export function step(ctx: KernelCtx, untilUs = Number.POSITIVE_INFINITY): boolean {
  const ev = ctx.k.queue[0];
  if (!ev || ev.atUs > untilUs) return false;
  ctx.k.queue.shift();
  if (ev.atUs > ctx.clock.nowUs) ctx.clock.nowUs = ev.atUs;
  if (ev.kind === 'rx' && !spend(ctx)) return true;
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

/** Advance simulated time by `us` (what `sleep` does). */
export function advance(ctx: KernelCtx, us: number): void {
  runUntil(ctx, ctx.clock.nowUs + us);
}
