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
 * The entries of `table` in table order, from `owned`: an array its caller keeps to itself, which holds the
 * entries of an earlier version of the table (`since`). When no entry came or went, `owned` is brought up to
 * date in place (a line changes a few of three thousand entries: no copy of the rest) and the changes are
 * returned with what each replaced; otherwise a new array of the caller's own, and no changes (null).
 */
export function ownValuesSince<T>(
  table: XArray<T>,
  since: XArray<T>,
  owned: T[],
): { values: T[]; changes: readonly XaChange<T>[] | null } {
  if (table === since) return { values: owned, changes: NO_CHANGES as XaChange<T>[] };
  const changes = tableChanges(since, table);
  if (!changes) return { values: tableValues(table).slice(), changes: null };
  for (const { i, now } of changes) owned[i] = now;
  return { values: owned, changes };
}

const NO_CHANGES: readonly XaChange<unknown>[] = [];

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
