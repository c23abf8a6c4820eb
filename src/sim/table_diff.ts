/**
 * What changed between two versions of one of the kernel's big tables (devices, namespaces): the entries that
 * are not the same object any more. A line touches a handful of three thousand devices; immer's structural
 * sharing makes every other entry the same object, so the difference is a walk of two arrays comparing
 * references, done once for a pair of tables and shared by "what changed" and the graph's projection (the
 * store asks both about the same two Worlds).
 */

/** An entry of a kernel table, keyed by its id. */
interface Keyed {
  id: string;
}

export interface TableChange<T> {
  /** Position of the entry in both tables' order. */
  i: number;
  was: T;
  now: T;
}

/**
 * The entries of a table in table order. The tables are array-like (numeric ids), so this is a copy of the
 * element store; the last few are kept, as the same table is asked about again by the next line.
 */
const valuesMemo: { table: object; values: unknown[] }[] = [];

export function tableValues<T>(table: Readonly<Record<string, T>>): T[] {
  for (const m of valuesMemo) if (m.table === table) return m.values as T[];
  const values = Object.values(table);
  valuesMemo.unshift({ table, values });
  valuesMemo.length = Math.min(valuesMemo.length, 6);
  return values;
}

/** The last differences asked for: a line asks about its device table and its namespace table. */
const diffMemo: { a: object; b: object; out: TableChange<unknown>[] | null }[] = [];

/**
 * The entries of `b` that differ from `a` at the same position, or null when the tables do not hold the same
 * ids in the same order (an entry came or went: the caller compares by id then).
 */
export function tableChanges<T extends Keyed>(
  a: Readonly<Record<string, T>>,
  b: Readonly<Record<string, T>>,
): TableChange<T>[] | null {
  for (const m of diffMemo) if (m.a === a && m.b === b) return m.out as TableChange<T>[] | null;
  const va = tableValues(a);
  const vb = tableValues(b);
  let out: TableChange<T>[] | null = [];
  if (va.length !== vb.length) out = null;
  for (let i = 0; out !== null && i < vb.length; i++) {
    const was = va[i] as T;
    const now = vb[i] as T;
    if (was === now) continue;
    if (was.id !== now.id) out = null;
    else out.push({ i, was, now });
  }
  diffMemo.unshift({ a, b, out });
  diffMemo.length = Math.min(diffMemo.length, 2);
  return out;
}
