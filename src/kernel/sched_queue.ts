/**
 * The event queue itself and kernel time, kept apart from the dispatcher (sched.ts) so that the packet path
 * can schedule events without importing the handlers that run them (no import cycles).
 *
 * Kernel timers run on jiffies (HZ=250 on the reference kernel: CONFIG_HZ_250) and the timer wheel
 * (kernel/time/timer.c) never fires a timer early: calc_wheel_index() picks a level by how far away the
 * expiry is and calc_index() rounds the expiry up to that level's granularity (+1 bucket). A one-second
 * timer therefore fires 1.000 to 1.032 s later, and a re-armed one exactly 1.024 s later. ARP retransmits
 * and iputils ping's receive timeout (SO_RCVTIMEO) both run on it, which is what makes `ping -c 5 -W 1`
 * to a silent address report exactly 3 errors: measured on Linux 6.18 (probes 1.020, 1.024, 1.024 s apart).
 */
import type { KernelCtx } from './context';
import { peekOf } from './context';
import type { KEvent } from './types';

export const HZ = 250;
export const JIFFY_US = 1_000_000 / HZ;

/** jiffies at a simulated time (the simulation boots at jiffy 0). */
export function jiffiesAt(us: number): number {
  return Math.floor(us / JIFFY_US);
}

/** msecs_to_jiffies(), rounding up as the kernel does. */
export function msToJiffies(ms: number): number {
  return Math.ceil((ms * HZ) / 1000);
}

/** LVL_CLK_SHIFT, LVL_BITS: each wheel level is 8 times coarser than the one below and has 64 buckets. */
const LVL_CLK_SHIFT = 3;
const LVL_SIZE = 64;
const LVL_DEPTH = 9;

/** When a timer armed at `nowUs` to expire `delay` jiffies later really fires (timer wheel rounding). */
export function timerFireUs(nowUs: number, delay: number): number {
  const clk = jiffiesAt(nowUs);
  const expires = clk + Math.max(0, delay);
  const delta = expires - clk;
  let lvl = 0;
  // LVL_START(n) = (LVL_SIZE - 1) << ((n - 1) * LVL_CLK_SHIFT)
  while (lvl < LVL_DEPTH - 1 && delta >= (LVL_SIZE - 1) * 2 ** (lvl * LVL_CLK_SHIFT)) lvl++;
  const shift = 2 ** (lvl * LVL_CLK_SHIFT);
  const bucket = (Math.floor(expires / shift) + 1) * shift;
  return bucket * JIFFY_US;
}

/** A kernel event before the queue gives it its sequence number. */
export type NewKEvent = KEvent extends infer E ? (E extends KEvent ? Omit<E, 'seq'> : never) : never;

/** Put an event in the queue at its time (after events already due at the same time). */
export function schedule(ctx: KernelCtx, ev: NewKEvent): void {
  const { k } = ctx;
  const full = { ...ev, seq: k.nextEventSeq++ } as KEvent;
  // The queued events are compared through `peek`: reading them through the draft would make each a proxy.
  const peek = peekOf(ctx);
  const queue = peek(k.queue);
  let i = queue.length;
  while (i > 0 && peek(queue[i - 1] as KEvent).atUs > full.atUs) i--;
  k.queue.splice(i, 0, full);
}
