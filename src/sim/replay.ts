/**
 * Rebuild a World from its journal: the same seed and the same lines in the same terminals give the same
 * World byte for byte (share links, autosave, lesson bookmarks).
 */
import type { JournalEntry, Simulation } from './simulation';

/** Run a journal on a fresh simulation whose host terminal (the first one opened) is already open. */
export async function replayJournal(
  sim: Simulation,
  journal: readonly JournalEntry[],
): Promise<{ skipped: number }> {
  let skipped = 0;
  for (const e of journal) {
    if (!sim.terminal(e.terminal)) {
      skipped++;
      continue;
    }
    await sim.run(e.terminal, e.line);
  }
  return { skipped };
}
