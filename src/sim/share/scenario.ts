/**
 * A scenario: everything needed to rebuild a session somewhere else (a link, an embed, a file, the browser's
 * storage). The World itself is not stored: the seed and the journal of typed lines rebuild it byte for byte
 * (replay.ts), which is a few hundred bytes instead of megabytes and never depends on the World's schema.
 *
 * Versions: 1 was the hand-written script form `{ v: 1, seed?, lines: [...] }` (every line in the host
 * terminal), still accepted and migrated; 2 added the journal with terminals, layout and histories; 3 is 2
 * with the kernel's numeric ids in the layout (migrate.ts).
 */
import type { JournalEntry } from '../simulation';

export const SCENARIO_VERSION = 3;

/**
 * The graph layout as the UI keeps it, carried as a plain tree: objects keyed by safe names, numbers,
 * booleans, arrays. The UI checks its own shape when it applies it; here it is only made safe and bounded.
 */
export type LayoutTree = number | boolean | string | null | LayoutTree[] | { [key: string]: LayoutTree };

export interface ScenarioDoc {
  v: typeof SCENARIO_VERSION;
  /** The World's seed (u32). */
  seed: number;
  journal: JournalEntry[];
  /** Graph layout (node positions, pins), when the UI gave one. */
  layout?: { [key: string]: LayoutTree };
  /** Each terminal's command history (Up arrow), oldest first; autosave keeps it, links leave it out. */
  histories?: { [terminal: string]: string[] };
  /** The terminal in front. */
  active?: string;
}

/** The scenario of a fresh session. */
export function emptyScenario(seed = 1): ScenarioDoc {
  return { v: SCENARIO_VERSION, seed, journal: [] };
}
