/** Instructor mode's state for an app store: presenting or not, the laser pointer, and the script player. */
import { useContext } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppStore } from '../../store';
import { StoreContext } from '../store_context';
import { createPlayer, type PlayerStore } from './player';

export interface InstructorState {
  presenting: boolean;
  laser: boolean;
  setPresenting(on: boolean): void;
  setLaser(on: boolean): void;
}

export interface Instructor {
  ui: StoreApi<InstructorState>;
  player: PlayerStore;
}

const all = new WeakMap<AppStore, Instructor>();

export function instructorFor(app: AppStore): Instructor {
  let i = all.get(app);
  if (!i) {
    const typing = new URLSearchParams(typeof location === 'undefined' ? '' : location.search).get('typing');
    const ui = createStore<InstructorState>()((set) => ({
      presenting: false,
      laser: false,
      setPresenting: (presenting) => set({ presenting, laser: false }),
      setLaser: (laser) => set({ laser }),
    }));
    i = { ui, player: createPlayer(app, typing === '0' ? 0 : 28) };
    all.set(app, i);
  }
  return i;
}

export function useInstructor(): Instructor {
  return instructorFor(useContext(StoreContext));
}
