/** The packet player of the app store in context (one per app store: the panel and the graph share it). */
import { useContext } from 'react';
import { useStore } from 'zustand';
import { StoreContext } from '../store_context';
import { playerFor, type PlayerActions, type PlayerState, type PlayerStore } from './player_store';

export function usePlayerStore(): PlayerStore {
  return playerFor(useContext(StoreContext));
}

export function usePlayer<T>(select: (s: PlayerState & PlayerActions) => T): T {
  return useStore(usePlayerStore(), select);
}
