/**
 * The terminals the UI lists (tabs, the host and each container shell): a line that opened or closed none
 * keeps the array it had, so what renders the list does not render again after every line.
 */
import type { TerminalInfo } from '../sim';

/** A terminal as the UI lists it. */
export interface TerminalView {
  id: string;
  title: string;
  machine: string;
  parent: string | null;
}

/** `now` when `next` lists the same terminals the same way, else `next`. */
export function sameViews(now: TerminalView[], next: TerminalView[]): TerminalView[] {
  const same =
    next.length === now.length &&
    next.every((t, i) => {
      const u = now[i];
      return u && t.id === u.id && t.title === u.title && t.machine === u.machine && t.parent === u.parent;
    });
  return same ? now : next;
}

/** The simulation's terminal as the UI lists it. */
export function viewOf(t: TerminalInfo): TerminalView {
  return { id: t.id, title: t.title, machine: t.proc.machine, parent: t.parent };
}
