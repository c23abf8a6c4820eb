/**
 * The packet player as a small explicit state machine (DESIGN.md section 7): idle (the journey is listed, the
 * World shown is the one after the command), playing (a timer steps forward), paused, stepping (the user
 * moves one event at a time, forward or back). The cursor is an index into the journey's steps, -1 before the
 * first; moves skip the steps the filters hide. Pure: the timer and the World shown live in the player store.
 */
export type PlayerStatus = 'idle' | 'playing' | 'paused' | 'stepping';

export interface PlayerMachine {
  status: PlayerStatus;
  /** Index into Journey.steps of the step shown, -1 before the first. */
  cursor: number;
  /** Steps per second while playing. */
  speed: number;
}

export type PlayerEvent =
  /** A new journey: idle, or stepping from before its first event (step mode). */
  | { type: 'load'; stepping: boolean }
  | { type: 'play'; visible: readonly number[] }
  | { type: 'pause' }
  /** The play timer fired. */
  | { type: 'tick'; visible: readonly number[] }
  | { type: 'step'; visible: readonly number[] }
  | { type: 'back'; visible: readonly number[] }
  | { type: 'start' }
  | { type: 'end'; visible: readonly number[] }
  | { type: 'jump'; to: number }
  | { type: 'speed'; speed: number };

export const SPEEDS: readonly number[] = [0.5, 1, 2, 4, 8];

export const initialMachine: PlayerMachine = { status: 'idle', cursor: -1, speed: 2 };

function nextOf(visible: readonly number[], cursor: number): number | null {
  for (const v of visible) if (v > cursor) return v;
  return null;
}

function prevOf(visible: readonly number[], cursor: number): number {
  let p = -1;
  for (const v of visible) {
    if (v >= cursor) break;
    p = v;
  }
  return p;
}

export function reduce(s: PlayerMachine, e: PlayerEvent): PlayerMachine {
  switch (e.type) {
    case 'load':
      return { ...s, status: e.stepping ? 'stepping' : 'idle', cursor: -1 };
    case 'play': {
      if (e.visible.length === 0) return s;
      // Playing from the end starts again from the beginning.
      const atEnd = nextOf(e.visible, s.cursor) === null;
      return { ...s, status: 'playing', cursor: atEnd ? -1 : s.cursor };
    }
    case 'pause':
      return s.status === 'playing' ? { ...s, status: 'paused' } : s;
    case 'tick': {
      if (s.status !== 'playing') return s;
      const n = nextOf(e.visible, s.cursor);
      if (n === null) return { ...s, status: 'paused' };
      const last = nextOf(e.visible, n) === null;
      return { ...s, cursor: n, status: last ? 'paused' : 'playing' };
    }
    case 'step': {
      const n = nextOf(e.visible, s.cursor);
      return { ...s, status: 'stepping', cursor: n ?? s.cursor };
    }
    case 'back':
      return { ...s, status: 'stepping', cursor: prevOf(e.visible, s.cursor) };
    case 'start':
      return { ...s, status: 'stepping', cursor: -1 };
    case 'end': {
      const last = e.visible[e.visible.length - 1];
      return { ...s, status: 'stepping', cursor: last ?? -1 };
    }
    case 'jump':
      return { ...s, status: 'stepping', cursor: e.to };
    case 'speed':
      return { ...s, speed: e.speed };
  }
}
