import { describe, expect, it } from 'vitest';
import { xaFromRecord as xa } from '../kernel';
import { ownValuesSince, tableChanges, tableValues } from './table_diff';

describe('tableChanges', () => {
  const a1 = { id: '1', v: 1 };
  const a2 = { id: '2', v: 2 };
  const a3 = { id: '3', v: 3 };
  const before = xa({ 1: a1, 2: a2, 3: a3 });

  it('lists the entries that are other objects, by position', () => {
    const b2 = { id: '2', v: 20 };
    const after = xa({ 1: a1, 2: b2, 3: a3 });
    expect(tableChanges(before, after)).toEqual([{ i: 1, was: a2, now: b2 }]);
    expect(tableChanges(before, xa({ 1: a1, 2: a2, 3: a3 }))).toEqual([]);
  });

  it('is null when an entry came or went', () => {
    expect(tableChanges(before, xa({ 1: a1, 2: a2 }))).toBeNull();
    expect(tableChanges(before, xa({ 1: a1, 2: a2, 4: { id: '4', v: 4 } }))).toBeNull();
  });

  it('gives the values in table order, the same array for the same table', () => {
    const t = xa({ 10: a3, 2: a2 });
    expect(tableValues(t)).toEqual([a2, a3]);
    expect(tableValues(t)).toBe(tableValues(t));
  });
});

describe('ownValuesSince', () => {
  it('brings the owned values up to date in place when no entry came or went, else makes a new array', () => {
    const a1 = { id: '1', v: 1 };
    const a2 = { id: '2', v: 2 };
    const b2 = { id: '2', v: 20 };
    const before = xa({ 1: a1, 2: a2 });
    const owned = tableValues(before).slice();
    expect(ownValuesSince(before, before, owned)).toEqual({ values: owned, changes: [] });
    const after = xa({ 1: a1, 2: b2 });
    const up = ownValuesSince(after, before, owned);
    expect(up.values).toBe(owned);
    expect(owned).toEqual([a1, b2]);
    expect(up.changes).toEqual([{ i: 1, was: a2, now: b2 }]);
    // An entry went: a new array (not the table's shared one, which its owner may not write), no changes.
    const gone = xa({ 2: b2 });
    const next = ownValuesSince(gone, after, owned);
    expect(next).toEqual({ values: [b2], changes: null });
    expect(next.values).not.toBe(owned);
    expect(next.values).not.toBe(tableValues(gone));
  });
});
