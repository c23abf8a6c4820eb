import { describe, expect, it } from 'vitest';
import { xaFromRecord as xa } from '../kernel';
import { tableChanges, tableValues, tableValuesSince } from './table_diff';

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

describe('tableValuesSince', () => {
  it('patches the earlier values when no entry came or went, else walks the table', () => {
    const a1 = { id: '1', v: 1 };
    const a2 = { id: '2', v: 2 };
    const b2 = { id: '2', v: 20 };
    const before = xa({ 1: a1, 2: a2 });
    const vals = tableValues(before);
    expect(tableValuesSince(before, before, vals)).toBe(vals);
    expect(tableValuesSince(xa({ 1: a1, 2: b2 }), before, vals)).toEqual([a1, b2]);
    expect(tableValuesSince(xa({ 2: b2 }), before, vals)).toEqual([b2]);
  });
});
