/**
 * The scenario as JSON (what a link compresses and a file holds). It is the in-memory `ScenarioDoc` with a
 * terser journal: a plain string is a line typed in the current terminal (the host terminal `t1` at the
 * start); an object names another terminal (which becomes current) or carries what a plain line cannot
 * (Ctrl-C, shells it opened). Terminals the UI opened or closed are `{open}` / `{close}` objects.
 *
 *   {"v":2,"seed":1,"journal":["docker run -d --name web nginx",{"terminal":"t2","line":"ip a"}],
 *    "layout":{...},"histories":{"t1":["ip a"]},"active":"t1"}
 */
import type { JournalEntry } from '../simulation';
import { SCENARIO_VERSION, type LayoutTree, type ScenarioDoc } from './scenario';

export interface WireLine {
  terminal?: string;
  line: string;
  opened?: string[];
  interrupt?: number;
}
export interface WireOpen {
  open: string;
  machine: string;
  parent: string | null;
  title: string;
}
export interface WireClose {
  close: string;
}
export type WireEntry = string | WireLine | WireOpen | WireClose;

export interface WireScenario {
  v: number;
  seed: number;
  journal: WireEntry[];
  layout?: { [key: string]: LayoutTree };
  histories?: { [terminal: string]: string[] };
  active?: string;
}

/** The terminal a journal starts in: the host terminal every session boots with. */
export const FIRST_TERMINAL = 't1';

export function toWire(s: ScenarioDoc): WireScenario {
  const journal: WireEntry[] = [];
  let current = FIRST_TERMINAL;
  for (const e of s.journal) journal.push(entryToWire(e, current, (t) => (current = t)));
  const out: WireScenario = { v: SCENARIO_VERSION, seed: s.seed, journal };
  if (s.layout !== undefined) out.layout = s.layout;
  if (s.histories !== undefined) out.histories = s.histories;
  if (s.active !== undefined) out.active = s.active;
  return out;
}

function entryToWire(e: JournalEntry, current: string, setCurrent: (t: string) => void): WireEntry {
  switch (e.kind) {
    case 'line': {
      if (e.terminal === current && e.opened === undefined && e.interrupt === undefined) return e.line;
      // Key order matters a little: it matches the preset dictionary.
      const w: WireLine = e.terminal === current ? { line: e.line } : { terminal: e.terminal, line: e.line };
      if (e.opened !== undefined) w.opened = [...e.opened];
      if (e.interrupt !== undefined) w.interrupt = e.interrupt;
      setCurrent(e.terminal);
      return w;
    }
    case 'open':
      return { open: e.terminal, machine: e.machine, parent: e.parent, title: e.title };
    case 'close':
      return { close: e.terminal };
  }
}
