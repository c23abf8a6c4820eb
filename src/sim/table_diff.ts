/**
 * What changed between two versions of one of the kernel's big tables (devices, namespaces): the entries that
 * are not the same object any more. A line touches a handful of three thousand devices; immer's structural
 * sharing makes every other entry (and every other 64-entry chunk) the same object, so the difference is a
 * comparison of references, done once for a pair of tables and shared by "what changed" and the graph's projection (the
 * store asks both about the same two Worlds).
 */

import { xaChanges, xaValues, type XArray, type XaChange } from '../kernel';

/**
 * The entries of a table in table order (ascending id); the last few are kept, as the same table is asked
 * about again by the next line.
 */
const valuesMemo: { table: object; values: unknown[] }[] = [];

export function tableValues<T>(table: XArray<T>): T[] {
  for (const m of valuesMemo) if (m.table === table) return m.values as T[];
  const values = xaValues(table);
  valuesMemo.unshift({ table, values });
  valuesMemo.length = Math.min(valuesMemo.length, 6);
  return values;
}

/**
 * The entries of `table` from those of an earlier version of it (`since`, whose entries were `before`): when
 * no entry came or went, a copy of that array with the changed entries in their places, not a walk of the
 * whole table.
 */
export function tableValuesSince<T>(table: XArray<T>, since: XArray<T>, before: T[]): T[] {
  if (table === since) return before;
  const diff = tableChanges(since, table);
  if (!diff) return tableValues(table);
  const out = before.slice();
  for (const { i, now } of diff) out[i] = now;
  return out;
}

/** The last differences asked for: a line asks about its device table and its namespace table. */
const diffMemo: { a: object; b: object; out: XaChange<unknown>[] | null }[] = [];

/**
 * The entries of `b` that differ from `a` at the same position, or null when the tables do not hold the same
 * ids (an entry came or went: the caller compares by id then). Radix tables (kernel/xarray.ts): the chunks a
 * line did not touch are the same objects and are skipped by reference.
 */
export function tableChanges<T>(a: XArray<T>, b: XArray<T>): XaChange<T>[] | null {
  for (const m of diffMemo) if (m.a === a && m.b === b) return m.out as XaChange<T>[] | null;
  const out = xaChanges(a, b);
  diffMemo.unshift({ a, b, out });
  diffMemo.length = Math.min(diffMemo.length, 2);
  return out;
}
