/**
 * Where each box of the topology sits on the canvas: an incremental slot layout, pure and synchronous, so the
 * graph is drawn in the same frame the command finished in.
 *
 * The host frame is at the origin. Column 0 of the frame holds the host's own ports (lo, eth0, loose veth ends)
 * and `host` containers; every bridge gets the next column (sticky: a bridge keeps its column for life).
 * Namespace boxes stand above the frame in the column of the bridge their first veth leads to (column 0 when
 * none does: `none` containers, lone `ip netns`), filling the lowest free slot. A bridge column starts one box
 * wide (an empty half column per bridge made the fitted graph a third smaller, unreadable on a projector). The LAN gateway and
 * the internet stand left of the frame, where the frame never grows.
 *
 * Positions are sticky: a box placed once keeps its place until it disappears (so nothing the user did not touch
 * moves), and a box the user dragged is pinned where it was dropped. Removed boxes free their slot.
 */
import type { Topology, TopoNs } from '../sim';

export interface XY {
  x: number;
  y: number;
}

export interface Slot {
  col: number;
  /** Sub-column inside the column (0 .. the column's width in boxes - 1). */
  sub: number;
  row: number;
  /** Rows the box spans. */
  span: number;
}

export interface LayoutState {
  /** Canvas position of every box that has been placed (kept after removal, so undo/redo puts it back). */
  pos: Record<string, XY>;
  /** Boxes the user dragged. */
  pinned: Record<string, true>;
  /** Grid slots of boxes above the frame. */
  slots: Record<string, Slot>;
  /** Column of each bridge device (by device id), sticky. */
  bridgeCol: Record<string, number>;
  /**
   * Width of each bridge column in boxes (DEFAULT_SUBS unless it grew). Only the rightmost column grows (nothing stands
   * right of it), so a busy bridge gets a wide, not an endless, block and no other column moves.
   */
  colSubs?: Record<number, number>;
}

export const GEOMETRY = {
  /** Width of column 0 (the host's own ports and `host` containers): one box wide. */
  col0W: 208,
  /** Width of a namespace box. */
  boxW: 192,
  /** Height of one slot above the frame. */
  rowH: 128,
  gap: 16,
  /** Padding inside the host frame. */
  pad: 16,
  /** Space between the frame's top and the first row of boxes. */
  above: 56,
};

/**
 * A new bridge column is one box wide; the rightmost column grows to two boxes with its second box (two containers
 * side by side over docker0, as the seed article draws them). A column left of another stacks upward instead.
 */
export const DEFAULT_SUBS = 1;

/** Boxes side by side in a column: column 0 is one box wide, a bridge column DEFAULT_SUBS unless it grew. */
export function subsOf(l: LayoutState, col: number): number {
  return col === 0 ? 1 : (l.colSubs?.[col] ?? DEFAULT_SUBS);
}

/** Width of column `col` in pixels. */
export function columnWidth(l: LayoutState, col: number): number {
  const g = GEOMETRY;
  return col === 0 ? g.col0W : subsOf(l, col) * (g.boxW + g.gap);
}

/** Rows a column of `subs` boxes fills before it grows a box wider (keeps a growing block about square). */
const rowLimit = (subs: number): number => (subs === 1 ? 1 : Math.ceil(subs * 1.5) + 1);

export const emptyLayout = (): LayoutState => ({
  pos: {},
  pinned: {},
  slots: {},
  bridgeCol: {},
  colSubs: {},
});

export const nsNodeId = (ns: string): string => `ns:${ns}`;

/** The column a namespace box belongs to: the column of the bridge its first veth's peer is a port of. */
function columnOf(t: Topology, box: TopoNs, bridgeCol: Record<string, number>): number {
  for (const id of box.devices) {
    const d = t.devices[id];
    const peer = d?.peer ? t.devices[d.peer] : undefined;
    if (d?.kind === 'veth' && peer?.master && bridgeCol[peer.master] !== undefined)
      return bridgeCol[peer.master] as number;
  }
  return 0;
}

/** Rough height of a box in pixels (its content decides the real size; this only reserves slots). */
export function estimateBoxHeight(t: Topology, box: TopoNs): number {
  // lo is a small chip (name only) that shares a row with one other interface.
  const chipRows = Math.max(1, Math.ceil((box.devices.length - 0.5) / 1.5));
  const cards = box.containers.reduce(
    (h, id) => h + ((t.containers[id]?.ports.length ?? 0) > 0 ? 56 : 44),
    0,
  );
  return 30 + chipRows * 38 + cards + box.bridges.length * 70 + 12;
}

/** Canvas x of column `col`'s left edge (relative to the frame's origin). */
export function columnX(l: LayoutState, col: number): number {
  let x = GEOMETRY.pad;
  for (let c = 0; c < col; c++) x += columnWidth(l, c);
  return x;
}

function slotXY(l: LayoutState, s: Slot): XY {
  const g = GEOMETRY;
  return {
    x: columnX(l, s.col) + s.sub * (g.boxW + g.gap),
    y: -g.above - (s.row + s.span) * g.rowH,
  };
}

/**
 * Whether placing `t` would keep `prev` as it is: every host bridge has its column, every box its slot in its
 * column (or is pinned), no slot is left of a box that is gone, and the fixed boxes are where they belong. Most
 * lines (a ping, an ip a) are like that; copying the position and slot records of a thousand boxes is not free.
 */
function keepsLayout(t: Topology, prev: LayoutState): boolean {
  const host = t.namespaces[t.hostNs];
  for (const id of host?.bridges ?? []) if (prev.bridgeCol[id] === undefined) return false;
  const hostPos = prev.pos[nsNodeId(t.hostNs)];
  if (!hostPos || hostPos.x !== 0 || hostPos.y !== 0) return false;
  let boxes = 0;
  let ext = 0;
  for (const nsId of t.order) {
    const b = t.namespaces[nsId];
    const id = nsNodeId(nsId);
    if (b?.role === 'external') {
      const p = prev.pos[id];
      if (!prev.pinned[id] && (!p || p.x !== EXT_X || p.y !== 30 - ext * 180)) return false;
      ext++;
      continue;
    }
    if (b?.role !== 'sandbox' && b?.role !== 'netns') continue;
    boxes++;
    const had = prev.slots[id];
    if (!had || !prev.pos[id]) return false;
    if (!prev.pinned[id] && had.col !== columnOf(t, b, prev.bridgeCol)) return false;
  }
  return Object.keys(prev.slots).length === boxes;
}

/** Place what is new, keep what was placed, forget nothing (positions of removed boxes stay for undo). */
export function placeNodes(t: Topology, prev: LayoutState): LayoutState {
  if (keepsLayout(t, prev)) return prev;
  const next: LayoutState = {
    pos: { ...prev.pos },
    pinned: prev.pinned,
    slots: { ...prev.slots },
    bridgeCol: { ...prev.bridgeCol },
    colSubs: { ...prev.colSubs },
  };
  const host = t.namespaces[t.hostNs];
  // Bridges of the host: sticky columns 1, 2, ... (lowest column no present bridge uses).
  const present = new Set(host?.bridges ?? []);
  const used = new Set<number>();
  for (const [id, col] of Object.entries(next.bridgeCol)) if (present.has(id)) used.add(col);
  for (const id of host?.bridges ?? []) {
    if (next.bridgeCol[id] !== undefined && used.has(next.bridgeCol[id] as number)) continue;
    let col = 1;
    while (used.has(col)) col++;
    next.bridgeCol[id] = col;
    used.add(col);
  }

  next.pos[nsNodeId(t.hostNs)] = same(next.pos[nsNodeId(t.hostNs)], { x: 0, y: 0 });

  // Occupied slots: those of boxes still present.
  const occupied = new Set<string>();
  const boxes = t.order
    .map((id) => t.namespaces[id])
    .filter((b): b is TopoNs => b?.role === 'sandbox' || b?.role === 'netns');
  const live = new Set(boxes.map((b) => nsNodeId(b.id)));
  for (const [id, s] of Object.entries(next.slots)) {
    if (!live.has(id)) continue;
    for (let r = s.row; r < s.row + s.span; r++) occupied.add(`${s.col}/${s.sub}/${r}`);
  }
  const colSubs = next.colSubs as Record<number, number>;
  const lastCol = Math.max(0, ...Object.values(next.bridgeCol), ...Object.keys(colSubs).map(Number));
  for (const box of boxes) {
    const id = nsNodeId(box.id);
    const col = columnOf(t, box, next.bridgeCol);
    const had = next.slots[id];
    if (had && next.pos[id] && (had.col === col || next.pinned[id])) continue;
    // A box whose cable now leads to another bridge (the command touched it) moves above that bridge.
    if (had) for (let r = had.row; r < had.row + had.span; r++) occupied.delete(`${had.col}/${had.sub}/${r}`);
    const span = Math.max(1, Math.ceil(estimateBoxHeight(t, box) / GEOMETRY.rowH));
    const fits = (row: number, sub: number) => {
      for (let r = row; r < row + span; r++) if (occupied.has(`${col}/${sub}/${r}`)) return false;
      return true;
    };
    let placed: Slot | null = null;
    while (!placed) {
      const subs = subsOf(next, col);
      const limit = col === lastCol && col > 0 ? rowLimit(subs) : Infinity;
      for (let row = 0; !placed && row + span <= Math.max(limit, span); row++)
        for (let sub = 0; sub < subs && !placed; sub++) if (fits(row, sub)) placed = { col, sub, row, span };
      // The rightmost column is full up to its row limit: one box wider.
      if (!placed) colSubs[col] = subs + 1;
    }
    for (let r = placed.row; r < placed.row + span; r++) occupied.add(`${col}/${placed.sub}/${r}`);
    next.slots[id] = placed;
    if (!next.pinned[id]) next.pos[id] = slotXY(next, placed);
  }
  // Slots of boxes that are gone are freed; their last position is kept for undo/redo.
  for (const id of Object.keys(next.slots)) if (!live.has(id)) delete next.slots[id];

  // The outside world, left of the frame: the LAN gateway level with eth0, the internet above it.
  const ext = t.order.map((id) => t.namespaces[id]).filter((b): b is TopoNs => b?.role === 'external');
  ext.forEach((b, i) => {
    const id = nsNodeId(b.id);
    // Far enough from the frame and from each other that the cables between them have room for their labels.
    if (!next.pinned[id]) next.pos[id] = same(next.pos[id], { x: EXT_X, y: 30 - i * 180 });
  });
  return next;
}

/** Canvas x of the outside world's boxes (176 px wide), left of the frame. */
export const EXT_X = -264;

/** Keep the old object when the position did not change (React Flow then skips the node). */
function same(old: XY | undefined, p: XY): XY {
  return old && old.x === p.x && old.y === p.y ? old : p;
}

/** The user dropped a box: pin it there. */
export function pinNode(l: LayoutState, id: string, p: XY): LayoutState {
  return { ...l, pos: { ...l.pos, [id]: p }, pinned: { ...l.pinned, [id]: true } };
}
