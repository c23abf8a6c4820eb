/**
 * Step mode: a line run with a recorder keeps the World right after every trace event, before every queued
 * kernel event (the scheduler's `onStep` hook: the frame still on its wire, the clock not yet moved) and at
 * the end of every mutation, each tagged with how many trace events had been emitted by then. The player
 * shows the World "after trace event r", and Back shows it "before": undo at event granularity, without
 * running anything again. The kernel changes its tables before it fires the tracepoint that reports the
 * change (neigh_update, br_fdb_update), so a snapshot right after an event shows it. Snapshots share
 * structure with each other (immer's `current` copies only what the line changed so far), so a recording
 * costs little; normal runs record nothing.
 *
 * What the program printed is tagged the same way, so output appears when the packet that caused it arrives.
 */
import type { World } from '../world';

export interface StepPoint {
  /** Trace events emitted when this World was current. */
  at: number;
  world: World;
}

export interface StepOutput {
  at: number;
  stream: 'out' | 'err';
  text: string;
}

/** A finished recording of one line. */
export interface StepTape {
  before: World;
  after: World;
  /** Snapshots in order; `at` never decreases. */
  points: readonly StepPoint[];
  outputs: readonly StepOutput[];
  /** Trace events of the line. */
  events: number;
}

export class StepRecorder {
  private readonly points: StepPoint[] = [];
  private readonly outputs: StepOutput[] = [];

  /** The World as it is now, after `at` trace events (consecutive identical Worlds are kept once). */
  point(world: World, at: number): void {
    const last = this.points[this.points.length - 1];
    if (last && last.world === world && last.at === at) return;
    this.points.push({ at, world });
  }

  output(stream: 'out' | 'err', text: string, at: number): void {
    if (text) this.outputs.push({ at, stream, text });
  }

  tape(before: World, after: World, events: number): StepTape {
    return { before, after, points: [...this.points], outputs: [...this.outputs], events };
  }
}

/**
 * The World after the first `n` trace events of the line and before the next one: the last snapshot taken
 * while exactly `n` had been emitted (the work that followed event n-1, up to the kernel event that will emit
 * event n), `before` for 0, `after` at the end.
 */
export function worldAfter(tape: StepTape, n: number): World {
  if (n <= 0) return tape.before;
  if (n >= tape.events) return tape.after;
  // Binary search: the first point with at > n; the one before it is the last with at <= n.
  let lo = 0;
  let hi = tape.points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tape.points[mid] as StepPoint).at > n) hi = mid;
    else lo = mid + 1;
  }
  const last = tape.points[lo - 1];
  if (last && last.at === n) return last.world;
  return tape.points[lo]?.world ?? tape.after;
}

/** What the line had printed once `n` trace events were emitted (everything, past the end). */
export function outputAfter(tape: StepTape, n: number): StepOutput[] {
  if (n >= tape.events) return [...tape.outputs];
  return tape.outputs.filter((o) => o.at <= n);
}
