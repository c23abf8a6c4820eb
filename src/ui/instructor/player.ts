/**
 * The demo-script player of instructor mode: a list of lines; Next types the next line into the terminal
 * key by key (so the room sees it typed) and runs it; Back undoes it when it changed the World; a bookmark
 * saves the session (its journal) at a line so "reset to this point" can replay it. A zustand store in the
 * UI layer: it paces the typing with timers, which only the UI may use.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppStore } from '../../store';
import type { ScenarioDoc } from '../../sim';

export interface PlayerState {
  lines: string[];
  /** How many lines have run. */
  pos: number;
  /** Per line run: whether it changed the World (made an undo entry Back must take back). */
  changed: boolean[];
  typing: boolean;
  bookmark: { pos: number; changed: boolean[]; scenario: ScenarioDoc } | null;
}

export interface PlayerActions {
  load(text: string | readonly string[]): void;
  next(): Promise<void>;
  back(): void;
  setBookmark(): void;
  resetToBookmark(): Promise<void>;
}

export type PlayerStore = StoreApi<PlayerState & PlayerActions>;

/** Lines of a pasted script: blank lines and `#` comments are skipped, a leading `$ ` prompt is dropped. */
export function parseScript(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/^\s*\$\s+/, '').trimEnd())
    .filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createPlayer(app: AppStore, typeDelayMs = 28): PlayerStore {
  /**
   * Resolves when the app has finished the line just submitted (its result is published as `last`): the first
   * result after the submit is ours, whatever the line editor made of the keys.
   */
  const ran = () =>
    new Promise<boolean>((resolve) => {
      const unsub = app.subscribe((s, prev) => {
        if (s.last !== prev.last && s.last && s.running === null) {
          unsub();
          resolve(s.last.result.after !== s.last.result.before);
        }
      });
    });

  return createStore<PlayerState & PlayerActions>()((set, get) => ({
    lines: [],
    pos: 0,
    changed: [],
    typing: false,
    bookmark: null,

    load(text) {
      const lines = typeof text === 'string' ? parseScript(text) : [...text];
      set({ lines, pos: 0, changed: [], bookmark: null });
    },

    async next() {
      const { lines, pos, typing } = get();
      const line = lines[pos];
      const a = app.getState();
      const term = a.activeTerminal ?? a.hostTerminal;
      if (line === undefined || typing || !term || a.running !== null) return;
      set({ typing: true });
      try {
        for (const ch of line) {
          app.getState().input(term, ch);
          if (typeDelayMs > 0) await sleep(typeDelayMs);
        }
        const done = ran();
        app.getState().input(term, '\r');
        const changed = await done;
        set({ pos: pos + 1, changed: [...get().changed.slice(0, pos), changed] });
      } finally {
        set({ typing: false });
      }
    },

    back() {
      const { pos, changed, typing } = get();
      if (pos === 0 || typing || app.getState().running !== null) return;
      if (changed[pos - 1]) app.getState().undo();
      set({ pos: pos - 1, changed: changed.slice(0, pos - 1) });
    },

    setBookmark() {
      const scenario = app.getState().scenario();
      if (!scenario) return;
      set({ bookmark: { pos: get().pos, changed: [...get().changed], scenario } });
    },

    async resetToBookmark() {
      const b = get().bookmark;
      if (!b || get().typing) return;
      await app.getState().loadScenario(b.scenario);
      set({ pos: b.pos, changed: [...b.changed] });
    },
  }));
}
