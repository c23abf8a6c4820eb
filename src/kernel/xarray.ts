/**
 * The kernel's device and namespace tables as radix tables, after Linux's xarray (include/linux/xarray.h,
 * lib/xarray.c): an id's low XA_CHUNK_SHIFT = 6 bits pick a slot of a 64-slot node, the bits above pick the
 * node. Here there are always two levels: a top object keyed by chunk number (id >> 6), each chunk an object
 * keyed by slot (id & 63). Both are plain JSON-shaped objects with small integer keys, which V8 keeps as
 * array-like elements, and integer keys enumerate in ascending order, so the tables iterate in id order
 * (= creation order, which `ip link`, `docker network inspect` and the graph all depend on).
 *
 * Why: every line that changes the kernel makes a new World and the undo history keeps a hundred. A flat
 * table of 3,000 devices is copied whole (~24 KB) each time one device changes; here immer copies the top
 * (~50 entries) and one chunk (64), about 1 KB, and everything else stays shared with the previous World.
 *
 * The type is opaque (a brand, never present at runtime): `k.devices[id]` does not type-check, nor does what
 * `Object.values(k.devices)` gives (any[]) under noImplicitAny, and a `for (const id in k.devices)` loop
 * fails at its body's `k.devices[id]` (it would walk chunk numbers); every access goes through the functions
 * below. Ids stay the decimal strings of types.ts (`DevId`, `NsId`) everywhere else.
 */
import type { Peek, Put, XArray } from './types';

/** XA_CHUNK_SHIFT (include/linux/xarray.h): 64 slots a node. */
export const XA_CHUNK_SHIFT = 6;
const XA_CHUNK_MASK = (1 << XA_CHUNK_SHIFT) - 1;

/** Declared with the kernel's state (types.ts), which holds two of them: one import direction only. */
export type { XArray };

/** What an XArray is at runtime. */
type Chunk<T> = Record<number, T>;
type Raw<T> = Record<number, Chunk<T>>;

function raw<T>(xa: XArray<T>): Raw<T> {
  return xa as unknown as Raw<T>;
}

/**
 * The numeric index of an id, or -1 for a string that is not one (no id; never slot 0 by accident). Ids are
 * canonical decimals (`String(seq)`): read digit by digit, which V8 inlines, where `+id` on a string made at
 * run time went to the runtime's string-to-number each time (~0.5 ms of a thousand-container `ip a`, the
 * largest single cost of the lookups). "05", "5.0", " 5" and "1e3" are not ids.
 */
function indexOf(id: string): number {
  const len = id.length;
  if (len === 0 || len > 9 || (len > 1 && id.charCodeAt(0) === 48)) return -1;
  let n = 0;
  for (let i = 0; i < len; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

function assign<T extends object, K extends keyof T>(parent: T, key: K, value: T[K]): void {
  parent[key] = value;
}

/**
 * Called with a chunk read through a transaction's draft before anything in it is read or written: the
 * transaction copies it there (sim/transact.ts precopyTable), as immer would on the first read of an entry,
 * but at a site that sees only these tables, which copies the element store in one go instead of defining
 * 64 elements one at a time (immer's copy site sees every kind of object). Null outside transactions.
 */
let onDraftChunk: ((chunk: object) => void) | null = null;

/** Sets the hook above; returns the one it replaces (to put back when the transaction ends). */
export function xaOnDraftChunk(fn: ((chunk: object) => void) | null): ((chunk: object) => void) | null {
  const was = onDraftChunk;
  onDraftChunk = fn;
  return was;
}

/** An empty table. */
export function xaNew<T>(): XArray<T> {
  return {} as unknown as XArray<T>;
}

/** xa_load: the entry at `id`. Through a draft, drafts it (and its chunk) as any draft read does. */
export function xaGet<T>(xa: XArray<T>, id: string): T | undefined {
  const n = indexOf(id);
  if (n < 0) return undefined;
  const c = raw(xa)[n >> XA_CHUNK_SHIFT];
  if (c === undefined) return undefined;
  onDraftChunk?.(c);
  return c[n & XA_CHUNK_MASK];
}

/** The entry at `id` as it is now, for reading only (KernelCtx.peek): drafts nothing. */
export function xaPeek<T>(peek: Peek, xa: XArray<T>, id: string): T | undefined {
  const n = indexOf(id);
  if (n < 0) return undefined;
  const c = peek(peek(raw(xa))[n >> XA_CHUNK_SHIFT]);
  return c === undefined ? undefined : peek(c[n & XA_CHUNK_MASK]);
}

export function xaHas<T>(xa: XArray<T>, id: string): boolean {
  return xaGet(xa, id) !== undefined;
}

/**
 * xa_store: `id` now holds `value`. `put` is KernelCtx.put (putFresh) when the value holds no drafts; a new
 * chunk holding only that value is then put the same way.
 */
export function xaSet<T>(xa: XArray<T>, id: string, value: T, put: Put = assign): void {
  const n = indexOf(id);
  if (n < 0) throw new Error(`xarray: not an id: ${id}`);
  const top = raw(xa);
  const ci = n >> XA_CHUNK_SHIFT;
  const c = top[ci];
  if (c === undefined) {
    const fresh: Chunk<T> = {};
    fresh[n & XA_CHUNK_MASK] = value;
    put(top, ci, fresh);
  } else {
    onDraftChunk?.(c);
    put(c, n & XA_CHUNK_MASK, value);
  }
}

/** xa_erase: `id` holds nothing; a chunk left empty goes (xas_delete_node). */
export function xaDelete<T>(xa: XArray<T>, id: string): void {
  const n = indexOf(id);
  if (n < 0) return;
  const top = raw(xa);
  const ci = n >> XA_CHUNK_SHIFT;
  const c = top[ci];
  if (c === undefined || !((n & XA_CHUNK_MASK) in c)) return;
  onDraftChunk?.(c);
  delete c[n & XA_CHUNK_MASK];
  if (isEmpty(c)) delete top[ci];
}

/** The number of entries. */
export function xaSize<T>(xa: XArray<T>): number {
  const top = raw(xa);
  let size = 0;
  for (const ci in top) for (const _ in top[ci]) size++;
  return size;
}

/** The id of slot `s` of chunk `c` (both as for...in gives them). */
function idAt(c: string, s: string): string {
  return String((+c << XA_CHUNK_SHIFT) | +s);
}

/** The entries in ascending id order. Through a draft, drafts every entry: peek first when only reading. */
export function xaValues<T>(xa: XArray<T>): T[] {
  const top = raw(xa);
  const out: T[] = [];
  for (const ci in top) {
    const c = top[ci] as Chunk<T>;
    onDraftChunk?.(c);
    for (const s in c) out.push(c[s as unknown as number] as T);
  }
  return out;
}

/** xaValues for reading only (KernelCtx.peek): the entries as they are now, drafting nothing. */
export function xaPeekValues<T>(peek: Peek, xa: XArray<T>): T[] {
  const top = peek(raw(xa));
  const out: T[] = [];
  for (const ci in top) {
    const c = peek(top[ci] as Chunk<T>);
    for (const s in c) out.push(peek(c[s as unknown as number] as T));
  }
  return out;
}

/** The ids in ascending order. */
export function xaIds<T>(xa: XArray<T>): string[] {
  const top = raw(xa);
  const out: string[] = [];
  for (const ci in top) for (const s in top[ci]) out.push(idAt(ci, s));
  return out;
}

/** [id, entry] pairs in ascending id order. */
export function xaEntries<T>(xa: XArray<T>): [string, T][] {
  const top = raw(xa);
  const out: [string, T][] = [];
  for (const ci in top) {
    const c = top[ci] as Chunk<T>;
    for (const s in c) out.push([idAt(ci, s), c[s as unknown as number] as T]);
  }
  return out;
}

/** A table holding `entries` (a flat id -> entry record, as tables were once stored). */
export function xaFromRecord<T>(entries: Readonly<Record<string, T>>): XArray<T> {
  const xa = xaNew<T>();
  for (const id in entries) xaSet(xa, id, entries[id] as T);
  return xa;
}

/**
 * The number of entries of a chunk of a committed World's table, counted once: such a chunk is never written
 * again (a transaction writes a copy), and a diff skips dozens of unchanged chunks per line.
 */
const chunkSizes = new WeakMap<object, number>();

function chunkSize(c: object): number {
  let n = chunkSizes.get(c);
  if (n === undefined) {
    n = 0;
    for (const _ in c) n++;
    chunkSizes.set(c, n);
  }
  return n;
}

/** One entry that is not the same object in two tables: its position in ascending id order, old and new. */
export interface XaChange<T> {
  i: number;
  was: T;
  now: T;
}

/**
 * The entries of `b` that are other objects than in `a`, or null when the two do not hold the same ids (an
 * entry came or went: the caller compares by id then). Chunks are compared by reference first: a line changes
 * a few entries, so all but a chunk or two are the same object in both and only their sizes are counted. For
 * the tables of committed Worlds (chunk sizes are remembered).
 */
export function xaChanges<T>(a: XArray<T>, b: XArray<T>): XaChange<T>[] | null {
  const ta = raw(a);
  const tb = raw(b);
  const out: XaChange<T>[] = [];
  let i = 0;
  let chunks = 0;
  for (const ci in tb) {
    chunks++;
    const cb = tb[ci] as Chunk<T>;
    const ca = ta[ci as unknown as number];
    if (ca === cb) {
      i += chunkSize(cb);
      continue;
    }
    if (ca === undefined) return null;
    let slots = 0;
    for (const s in cb) {
      slots++;
      const now = cb[s as unknown as number] as T;
      const was = ca[s as unknown as number];
      if (was === undefined) return null;
      if (was !== now) out.push({ i, was, now });
      i++;
    }
    if (chunkSize(ca) !== slots) return null;
  }
  let chunksA = 0;
  for (const _ in ta) chunksA++;
  return chunksA === chunks ? out : null;
}

/**
 * What is wrong with a table's shape (kernel invariants): a key that is not a chunk or slot number, a chunk
 * left empty (xaDelete drops them, so the diff's chunk count means something), an entry whose own id is not
 * the id of the slot it sits in.
 */
export function xaViolations<T extends { id: string }>(xa: XArray<T>, what: string): string[] {
  const out: string[] = [];
  const top = raw(xa);
  for (const ci in top) {
    if (!/^(0|[1-9]\d*)$/.test(ci)) out.push(`${what}: chunk key ${ci}`);
    const c = top[ci] as Chunk<T>;
    if (isEmpty(c)) out.push(`${what}: chunk ${ci} is empty`);
    for (const s in c) {
      const id = idAt(ci, s);
      if (!/^(0|[1-9]\d*)$/.test(s) || +s > XA_CHUNK_MASK) out.push(`${what}: chunk ${ci} slot key ${s}`);
      else if (c[s as unknown as number]?.id !== id)
        out.push(`${what}: slot of ${id} holds ${c[s as unknown as number]?.id}`);
    }
  }
  return out;
}
