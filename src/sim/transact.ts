/**
 * One line typed = one transaction. Commands change the World through `mutate`, which runs an immer producer
 * on the current value; the line's result is the next World and the trace the kernel emitted. "What changed"
 * is computed from the two Worlds (changes.ts), so no immer patches are recorded: making them cost more than
 * the change itself at classroom scale (arrays of a thousand devices diffed on every mutate).
 */
import { current, produce, setUseStrictIteration } from 'immer';
import type { KernelCtx, KernelHooks, TraceEvent } from '../kernel';
import { kernelInvariantViolations, xaOnDraftChunk } from '../kernel';
import type { Draft, OsAccess } from '../shell';
import type { World } from './world';
import type { StepRecorder } from './journey/steps';

// Worlds are plain JSON-shaped data (no symbol keys, no non-enumerable properties): immer may walk a new
// object's keys with Object.keys instead of Reflect.ownKeys when it finalises a transaction (~3% of a line).
setUseStrictIteration(false);

/**
 * Packets one line may deliver before the scheduler drops the rest (kernel/sched.ts spend): a bridge loop
 * without STP circulates broadcasts forever and must not hang the tab. Ordinary lines stay far below it (a
 * loop of 60 `docker run` delivers none, `ping -c 50` a few hundred, an ARP broadcast on a bridge with a
 * thousand containers a thousand); a storm of 10,000 deliveries takes a
 * second or two.
 */
export const EVENT_BUDGET = 10_000;

/**
 * immer's draft state (its `current()` without the copy): a draft's content as it is now, `copy_` once it was
 * written or a child was drafted, else `base_`. Immer's own key (Symbol.for) and fields, stable across its
 * versions 7 to 11; transact.test.ts fails if that ever changes.
 */
const IMMER_STATE = Symbol.for('immer-state');

export function peekDraft<T>(x: T): T {
  if (typeof x !== 'object' || x === null) return x;
  const st = (x as { [IMMER_STATE]?: { copy_?: T; base_: T } })[IMMER_STATE];
  return st ? (st.copy_ ?? st.base_) : x;
}

/**
 * Whether `x` is a draft nothing was written or drafted under yet in this transaction: its content is then the
 * previous World's objects, which are never written again (indexes of them may be kept).
 */
export function draftUntouched(x: object): boolean {
  const st = (x as { [IMMER_STATE]?: { copy_?: unknown } })[IMMER_STATE];
  return st !== undefined && !st.copy_;
}

interface ImmerState {
  base_: Record<PropertyKey, unknown>;
  copy_: Record<PropertyKey, unknown> | null;
  assigned_?: Map<unknown, unknown>;
  modified_: boolean;
  parent_?: ImmerState;
}

function isDraft(x: unknown): boolean {
  return typeof x === 'object' && x !== null && (x as { [IMMER_STATE]?: unknown })[IMMER_STATE] !== undefined;
}

/**
 * KernelCtx.put: what immer's set trap does for a new value (copy the parent, record the key as assigned, mark
 * the parent and its ancestors modified) without registering the value to be walked for nested drafts at
 * finalisation, which the caller vouches there are none of. An array whose own elements include a draft (a row
 * drafted earlier in the transaction, then peeked) goes through the trap, which finalises it.
 */
export function putFresh<T extends object, K extends keyof T>(parent: T, key: K, value: T[K]): void {
  const st = (parent as { [IMMER_STATE]?: ImmerState })[IMMER_STATE];
  if (!st || (Array.isArray(value) && value.some(isDraft))) {
    parent[key] = value;
    return;
  }
  if ((st.copy_ ?? st.base_)[key as PropertyKey] === value) return;
  if (!st.copy_) {
    // immer's prepareCopy for the plain objects and arrays Worlds are made of (shallowCopy, non-strict).
    st.copy_ = Array.isArray(st.base_)
      ? (st.base_.slice() as unknown as ImmerState['base_'])
      : { ...st.base_ };
    st.assigned_ = new Map();
  }
  st.copy_[key as PropertyKey] = value;
  st.assigned_?.set(key, true);
  for (let s: ImmerState | undefined = st; s && !s.modified_; s = s.parent_) s.modified_ = true;
}

/**
 * immer copies an object the first time one of its entries is drafted, with `{ ...base }` at a single site
 * that sees every kind of object: V8 then defines an integer-keyed object's elements one at a time (~0.15 µs
 * each). The kernel's device and namespace tables are radix tables (kernel/xarray.ts) of such objects: a top
 * level of ~50 chunks and 64-slot chunks. A spread at a site that sees only these copies their element store
 * in one go. So the tables' top levels are copied here before the line runs, and each chunk when xarray.ts
 * first reads it through the draft (xaOnDraftChunk), as immer's prepareCopy would (the same two fields); a
 * copy the line does not write is dropped at finalisation like any unmodified draft's.
 */
function precopyTable(draftTable: object): void {
  const st = (draftTable as { [IMMER_STATE]?: ImmerTableState })[IMMER_STATE];
  if (!st || st.copy_) return;
  st.copy_ = { ...st.base_ };
  st.assigned_ = new Map();
}

interface ImmerTableState {
  base_: object;
  copy_: object | null;
  assigned_?: Map<unknown, unknown>;
}

/** Two flat records with the same fields hold the same values. */
function sameFields<T extends object>(a: T, b: T): boolean {
  for (const key in a) if (a[key] !== b[key]) return false;
  return true;
}

/** A read-only view's trace sink: nothing happens there to trace. */
function noTrace(): void {}

export class Txn implements OsAccess {
  private world: World;
  /** Hooks, or a function of the current System (the Docker engine's resolver reads the engine's state). */
  private readonly hooks: KernelHooks | ((sys: World) => KernelHooks);
  private readonly trace: TraceEvent[] = [];
  /** The kernel's trace sink: one per transaction, not one per `mutate`. */
  private readonly traceSink = (e: TraceEvent): void => {
    this.trace.push(e);
  };
  private readonly budget = { events: EVENT_BUDGET };

  private readonly checkInvariants: boolean;

  /** Called with each new World a mutation produced (the line's simulated-time deadline watches it). */
  private readonly onChange: ((next: World) => void) | undefined;

  constructor(
    world: World,
    hooks: KernelHooks | ((sys: World) => KernelHooks),
    checkInvariants = false,
    onChange?: (next: World) => void,
  ) {
    this.world = world;
    this.hooks = hooks;
    this.checkInvariants = checkInvariants;
    this.onChange = onChange;
  }

  /** Step mode: snapshots of the World at every kernel event of the line (journey/steps.ts). */
  private recorder: StepRecorder | null = null;

  record(rec: StepRecorder): void {
    this.recorder = rec;
    rec.point(this.world, this.trace.length);
  }

  get state(): World {
    return this.world;
  }

  /** The line used up its event budget: the kernel dropped what was still in flight (a loop). */
  get budgetExhausted(): boolean {
    return this.budget.events < 0;
  }

  get traceSoFar(): readonly TraceEvent[] {
    return this.trace;
  }

  mutate<T>(fn: (d: Draft) => T): T {
    let result: T | undefined;
    const next = produce(this.world, (draft) => {
      precopyTable(draft.kernel.devices);
      precopyTable(draft.kernel.netns);
      const rec = this.recorder;
      // The clock and the random generator are read and written all through a line (a random MAC is four
      // nextU32 calls of six reads and five writes): plain working copies, put back once, instead of a proxy
      // trap per access. Nothing else reaches them through the draft. Step mode keeps the drafts: its
      // snapshots take the draft as it is at each kernel event.
      const root = peekDraft(draft);
      const clock = rec ? draft.clock : { ...root.clock };
      const rng = rec ? draft.rng : { ...root.rng };
      const kctx: KernelCtx = {
        k: draft.kernel,
        clock,
        rng,
        trace: this.traceSink,
        hooks: typeof this.hooks === 'function' ? this.hooks(draft) : this.hooks,
        budget: this.budget,
        peek: peekDraft,
        put: putFresh,
      };
      if (rec) {
        // After every trace event, and before every queued kernel event is handled.
        const snap = () => rec.point(current(draft), this.trace.length);
        kctx.onStep = snap;
        kctx.trace = (e) => {
          this.trace.push(e);
          snap();
        };
      }
      // Only while the producer runs: reads of committed Worlds outside transactions pay no hook.
      const hook = xaOnDraftChunk(precopyTable);
      try {
        result = fn({ sys: draft, kctx });
      } finally {
        xaOnDraftChunk(hook);
      }
      if (!rec) {
        if (!sameFields(clock, root.clock)) putFresh(draft, 'clock', clock);
        if (!sameFields(rng, root.rng)) putFresh(draft, 'rng', rng);
      }
    });
    if (this.checkInvariants && next !== this.world) {
      const v = kernelInvariantViolations(next.kernel);
      if (v.length > 0) throw new Error(`kernel invariants broken:\n  ${v.join('\n  ')}`);
    }
    this.world = next;
    this.recorder?.point(next, this.trace.length);
    this.onChange?.(next);
    return result as T;
  }

  view(): KernelCtx {
    return {
      k: this.world.kernel,
      clock: this.world.clock,
      rng: this.world.rng,
      trace: noTrace,
      hooks: typeof this.hooks === 'function' ? this.hooks(this.world) : this.hooks,
      budget: { events: 0 },
    };
  }
}
