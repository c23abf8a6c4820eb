/**
 * A session to a scenario and back: what a share link, an embed, an exported file and autosave carry (the
 * seed, the journal, the graph layout, each terminal's history), and rebuilding a session from one by replaying
 * its journal into a fresh simulation, collecting each terminal's output so the terminals show what they
 * showed, and the undo history of the lines that changed something.
 */
import type * as SimNs from '../sim';
import type { JournalLine, LayoutTree, ScenarioDoc, Simulation, TerminalInfo } from '../sim';
import { DEFAULT_SUBS, emptyLayout, type LayoutState, type Slot, type XY } from './layout';

type SimModule = typeof SimNs;

export interface RebuiltSession {
  sim: Simulation;
  terminals: TerminalInfo[];
  /** What each terminal printed (prompts, lines, output) as its channel carries it, without its last prompt. */
  scrollback: Map<string, string>;
  /** Labels of the undo entries the replay made, oldest first (the lines that changed the World). */
  undoLabels: string[];
  /** Journal entries that could not be replayed (their terminal or container was gone). */
  skipped: number;
}

/** Build a simulation from a scenario: seed, boot terminal, then the journal, as fast as it runs. */
export async function rebuildSession(mod: SimModule, s: ScenarioDoc): Promise<RebuiltSession> {
  const sim = mod.createDefaultSimulation(s.seed);
  await sim.openTerminal(sim.hostProc());
  const scrollback = new Map<string, string>();
  const write = (id: string, text: string) => scrollback.set(id, (scrollback.get(id) ?? '') + text);
  const undoLabels: string[] = [];
  const { skipped } = await mod.replayJournal(sim, s.journal, {
    beforeLine: (e: JournalLine) => write(e.terminal, `${sim.prompt(e.terminal)}${e.line}\r\n`),
    out: write,
    afterLine: (e, r) => {
      if (!r.streamed) write(e.terminal, r.stdout + r.stderr);
      if (r.after !== r.before) undoLabels.push(e.line);
    },
  });
  return { sim, terminals: sim.listTerminals(), scrollback, undoLabels, skipped };
}

/**
 * The current session as a scenario (histories: each open terminal's line-editor history, its newest lines,
 * leaving out any line too long to save: a history is a convenience, the journal is what must fit).
 */
export function snapshotScenario(
  sim: Simulation,
  layout: LayoutState,
  histories: ReadonlyMap<string, readonly string[]>,
  active: string | null,
  limits: { historyLines: number; lineChars: number },
): ScenarioDoc {
  const h: Record<string, string[]> = {};
  for (const t of sim.listTerminals()) {
    const lines = histories.get(t.id)?.filter((l) => l.length <= limits.lineChars);
    if (lines && lines.length > 0) h[t.id] = lines.slice(-limits.historyLines);
  }
  const s: ScenarioDoc = {
    v: 3,
    seed: sim.world.seed,
    journal: [...sim.journal()],
    layout: layoutToTree(layout),
  };
  if (Object.keys(h).length > 0) s.histories = h;
  if (active !== null) s.active = active;
  return s;
}

/** A share link carries what rebuilds the World and the picture, not what one person typed before. */
export function forLink(s: ScenarioDoc): ScenarioDoc {
  const { histories: _h, ...rest } = s;
  return rest;
}

/** The layout as a plain tree, positions rounded to whole pixels (what a link needs, and shorter). */
export function layoutToTree(l: LayoutState): { [key: string]: LayoutTree } {
  const pos: { [key: string]: LayoutTree } = {};
  for (const [id, p] of Object.entries(l.pos)) pos[id] = { x: Math.round(p.x), y: Math.round(p.y) };
  const slots: { [key: string]: LayoutTree } = {};
  for (const [id, s] of Object.entries(l.slots))
    slots[id] = { col: s.col, sub: s.sub, row: s.row, span: s.span };
  const tree: { [key: string]: LayoutTree } = {
    pos,
    pinned: { ...l.pinned },
    slots,
    bridgeCol: { ...l.bridgeCol },
  };
  // A bridge column that grew wider keeps its width (its boxes' `sub` slots depend on it).
  const subs = Object.entries(l.colSubs ?? {}).filter(([, n]) => n !== DEFAULT_SUBS);
  if (subs.length > 0) tree.colSubs = Object.fromEntries(subs.map(([c, n]) => [`c${c}`, n]));
  return tree;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, max: number): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;

/**
 * The layout from a (validated, so safe) tree; entries of the wrong shape are left out, and the layout
 * places those boxes again by itself.
 */
export function layoutFromTree(tree: { [key: string]: LayoutTree } | undefined): LayoutState {
  const l = emptyLayout();
  if (!tree) return l;
  const part = (k: string) => (isRecord(tree[k]) ? (tree[k] as Record<string, unknown>) : {});
  for (const [id, p] of Object.entries(part('pos')))
    if (isRecord(p) && typeof p.x === 'number' && typeof p.y === 'number')
      l.pos[id] = { x: p.x, y: p.y } as XY;
  for (const [id, v] of Object.entries(part('pinned'))) if (v === true) l.pinned[id] = true;
  for (const [id, s] of Object.entries(part('slots')))
    if (
      isRecord(s) &&
      isInt(s.col, 1000) &&
      isInt(s.sub, 1000) &&
      isInt(s.row, 10_000) &&
      isInt(s.span, 1000) &&
      s.span > 0
    )
      l.slots[id] = { col: s.col, sub: s.sub, row: s.row, span: s.span } as Slot;
  for (const [id, c] of Object.entries(part('bridgeCol'))) if (isInt(c, 1000)) l.bridgeCol[id] = c;
  const colSubs: Record<number, number> = {};
  for (const [key, n] of Object.entries(part('colSubs'))) {
    const col = /^c(\d{1,4})$/.exec(key)?.[1];
    if (col !== undefined && isInt(n, 1000) && n >= 1) colSubs[Number(col)] = n;
  }
  l.colSubs = colSubs;
  // A slot beyond its column's width came from a damaged layout: the layout places that box again.
  for (const [id, s] of Object.entries(l.slots))
    if (s.col !== 0 && s.sub >= (colSubs[s.col] ?? DEFAULT_SUBS)) delete l.slots[id];
  return l;
}
