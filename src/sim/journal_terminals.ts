/**
 * What undo keeps of the journal's terminal entries (simulation.ts undo): the lines it forgets may have opened
 * or closed shells that stay open in the UI, so a replay must still open and close them.
 */
import type { JournalEntry, TerminalInfo } from './simulation_types';

/**
 * The terminal entries that must outlive forgotten lines: opens and closes the UI made, an `open` for a shell
 * a forgotten line opened that is still open, and a `close` for a terminal a forgotten `exit` closed or that
 * undo closed (`vanished`). Terminals opened and closed within the forgotten part are forgotten with it.
 */
export function terminalsOf(
  dropped: readonly JournalEntry[],
  vanished: readonly string[],
  open: (id: string) => TerminalInfo | undefined,
): JournalEntry[] {
  const kept: JournalEntry[] = [];
  const forgotten = new Set<string>();
  const last = new Map<string, number>();
  dropped.forEach((e, i) => last.set(e.terminal, i));
  dropped.forEach((e, i) => {
    if (e.kind === 'open') {
      if (open(e.terminal) !== undefined) kept.push(e);
      else forgotten.add(e.terminal);
      return;
    }
    if (e.kind === 'close') {
      if (!forgotten.has(e.terminal)) kept.push(e);
      return;
    }
    for (const id of e.opened ?? []) {
      const t = open(id);
      if (t)
        kept.push({
          kind: 'open',
          terminal: id,
          machine: t.proc.machine,
          parent: t.parent,
          title: t.title,
        });
      else forgotten.add(id);
    }
    const closed = open(e.terminal) === undefined && !forgotten.has(e.terminal);
    if (closed && last.get(e.terminal) === i) kept.push({ kind: 'close', terminal: e.terminal });
  });
  for (const id of vanished)
    if (!forgotten.has(id) && !kept.some((e) => e.kind === 'close' && e.terminal === id))
      kept.push({ kind: 'close', terminal: id });
  return kept;
}
