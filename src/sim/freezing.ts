/**
 * Whether Worlds are deep-frozen as immer's producers leave them. Frozen, an accidental write to an old World
 * (a command keeping a draft, a projection editing what it reads) throws where it happens: tests and the dev
 * server keep it on. The production app turns it off: freezing walks every new object of every transaction,
 * and V8 stores a frozen table as a slow dictionary, so the next transaction's copy of the kernel's device
 * table took a third of a millisecond instead of microseconds (a ping at a thousand containers made six).
 * Nothing else changes: Worlds are never written after their transaction either way.
 */
import { freeze, setAutoFreeze } from 'immer';

let freezing = true;

export function setWorldFreezing(on: boolean): void {
  freezing = on;
  setAutoFreeze(on);
}

/** A World built outside a producer (parsed from JSON) made like one a producer returns. */
export function sealWorld<T>(w: T): T {
  return freezing ? freeze(w, true) : w;
}
