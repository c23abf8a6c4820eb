/**
 * Rebuild a World from its journal: the same seed and the same lines in the same terminals give the same
 * World byte for byte (share links, autosave, lesson bookmarks).
 */
import type { JournalEntry, JournalLine, LineResult, Simulation } from './simulation';

/** What a caller may watch while a journal replays (the store rebuilds each terminal's scrollback from it). */
export interface ReplayHooks {
  /** Before a line runs (its terminal exists). */
  beforeLine?(e: JournalLine): void;
  /** Output while the line runs (streamed commands); the rest comes in `afterLine`'s result. */
  out?(terminal: string, text: string): void;
  afterLine?(e: JournalLine, r: LineResult): void;
}

/**
 * Run a journal on a fresh simulation whose host terminal (the first one opened) is already open. Entries for
 * terminals that do not exist (or machines `procFor` cannot find) are skipped and counted.
 */
export async function replayJournal(
  sim: Simulation,
  journal: readonly JournalEntry[],
  hooks: ReplayHooks = {},
): Promise<{ skipped: number }> {
  let skipped = 0;
  for (const e of journal) {
    switch (e.kind) {
      case 'line': {
        if (!sim.terminal(e.terminal)) {
          skipped++;
          break;
        }
        hooks.beforeLine?.(e);
        const r = await sim.run(e.terminal, e.line, replayIo(e, hooks));
        hooks.afterLine?.(e, r);
        break;
      }
      case 'open': {
        const proc = sim.procFor(e.machine);
        if (!proc || sim.terminal(e.terminal)) {
          skipped++;
          break;
        }
        await sim.openTerminal(proc, e.parent, e.title, e.terminal);
        break;
      }
      case 'close':
        if (sim.terminal(e.terminal)) sim.closeTerminal(e.terminal);
        else skipped++;
        break;
    }
  }
  return { skipped };
}

/** No waiting; Ctrl-C where the journal says it came; the shells it opened get their recorded ids. */
function replayIo(e: JournalLine, hooks: ReplayHooks) {
  const ac = new AbortController();
  if (e.interrupt === 0) ac.abort();
  let paces = 0;
  return {
    signal: ac.signal,
    out: (s: string) => hooks.out?.(e.terminal, s),
    err: (s: string) => hooks.out?.(e.terminal, s),
    pace: () => {
      paces++;
      if (paces === e.interrupt) ac.abort();
      return Promise.resolve();
    },
    terminalIds: e.opened ?? [],
  };
}
