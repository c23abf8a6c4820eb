import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  xaChanges,
  xaDelete,
  xaEntries,
  xaFromRecord,
  xaGet,
  xaHas,
  xaIds,
  xaNew,
  xaPeek,
  xaPeekValues,
  xaSet,
  xaSize,
  xaValues,
  xaViolations,
  type XArray,
} from './xarray';

interface E {
  id: string;
  v: number;
}
const e = (id: number, v = id): E => ({ id: String(id), v });

function table(...ids: number[]): XArray<E> {
  const t = xaNew<E>();
  for (const id of ids) xaSet(t, String(id), e(id));
  return t;
}

describe('xarray', () => {
  it('keeps entries in 64-slot chunks keyed by id >> 6, slots by id & 63', () => {
    const t = table(0, 63, 64, 200);
    expect(JSON.stringify(t)).toBe(
      '{"0":{"0":{"id":"0","v":0},"63":{"id":"63","v":63}},"1":{"0":{"id":"64","v":64}},"3":{"8":{"id":"200","v":200}}}',
    );
    expect(xaGet(t, '200')).toEqual(e(200));
    expect(xaGet(t, '65')).toBeUndefined();
    expect(xaHas(t, '63')).toBe(true);
    expect(xaSize(t)).toBe(4);
  });

  it('finds nothing for strings that are not ids (never slot 0 by accident)', () => {
    const t = table(0, 1);
    for (const id of [
      '',
      'abc',
      '-1',
      '1.5',
      'NaN',
      '__proto__',
      '05',
      '1.0',
      ' 1',
      '1e1',
      '0x1',
      '9999999999',
    ])
      expect(xaGet(t, id)).toBeUndefined();
    expect(() => xaSet(t, 'x', e(9))).toThrow('xarray: not an id: x');
  });

  it('iterates in ascending id order (creation order), whatever the order of insertion', () => {
    const t = table(130, 5, 64, 0, 70);
    expect(xaIds(t)).toEqual(['0', '5', '64', '70', '130']);
    expect(xaValues(t).map((x) => x.v)).toEqual([0, 5, 64, 70, 130]);
    expect(xaEntries(t).map(([id, x]) => `${id}=${x.v}`)).toEqual([
      '0=0',
      '5=5',
      '64=64',
      '70=70',
      '130=130',
    ]);
    expect(xaIds(xaFromRecord({ 3: e(3), 1: e(1), 100: e(100) }))).toEqual(['1', '3', '100']);
  });

  it('drops a chunk when its last entry goes', () => {
    const t = table(1, 2, 70);
    xaDelete(t, '70');
    expect(JSON.stringify(t)).toBe('{"0":{"1":{"id":"1","v":1},"2":{"id":"2","v":2}}}');
    xaDelete(t, '1');
    xaDelete(t, '9');
    expect(xaIds(t)).toEqual(['2']);
  });

  it('through an immer draft: a write copies the top and one chunk, the other chunks are shared', () => {
    const base = produce(table(...Array.from({ length: 200 }, (_, i) => i)), () => {});
    const next = produce(base, (d) => {
      (xaGet(d, '130') as E).v = -1;
    });
    const rb = base as unknown as Record<number, object>;
    const rn = next as unknown as Record<number, object>;
    expect(rn[0]).toBe(rb[0]);
    expect(rn[1]).toBe(rb[1]);
    expect(rn[2]).not.toBe(rb[2]);
    expect(xaGet(next, '130')?.v).toBe(-1);
    expect(xaGet(base, '130')?.v).toBe(130);
    expect(xaChanges(base, next)).toEqual([{ i: 130, was: e(130), now: { id: '130', v: -1 } }]);
  });

  it('through an immer draft: set, put and delete, with a chunk made and one dropped', () => {
    const base = produce(table(1, 70), () => {});
    const put = <T extends object, K extends keyof T>(p: T, k: K, v: T[K]) => {
      p[k] = v;
    };
    const next = produce(base, (d) => {
      xaSet(d, '200', e(200), put);
      xaSet(d, '2', e(2));
      xaDelete(d, '70');
    });
    expect(xaIds(next)).toEqual(['1', '2', '200']);
    expect(xaIds(base)).toEqual(['1', '70']);
  });

  it('peeks without drafting: what it returns is plain data', () => {
    const base = produce(table(1, 2), () => {});
    produce(base, (d) => {
      const peek = <T>(x: T): T => x;
      // With the identity as peek (no transaction) it is xaGet.
      expect(xaPeek(peek, base, '2')).toBe(xaGet(base, '2'));
      expect(xaPeekValues(peek, base)).toEqual(xaValues(base));
      expect(xaGet(d, '2')?.v).toBe(2);
    });
  });

  it('diffs by chunk: null when an id came or went, positions in id order otherwise', () => {
    const a = table(1, 2, 100);
    const b = table(1, 2, 100);
    expect(xaChanges(a, b)?.map((c) => c.i)).toEqual([0, 1, 2]);
    expect(xaChanges(a, table(1, 2))).toBeNull();
    expect(xaChanges(a, table(1, 2, 100, 101))).toBeNull();
    expect(xaChanges(a, table(1, 3, 100))).toBeNull();
    expect(xaChanges(a, table(1, 2, 300))).toBeNull();
    expect(xaChanges(a, a)).toEqual([]);
  });
});

describe('xaViolations', () => {
  it('finds an entry in the wrong slot and an empty chunk', () => {
    expect(xaViolations(table(1, 70), 'devices')).toEqual([]);
    const bad = JSON.parse('{"0":{"1":{"id":"2","v":0}},"1":{}}') as XArray<E>;
    expect(xaViolations(bad, 'devices')).toEqual(['devices: slot of 1 holds 2', 'devices: chunk 1 is empty']);
  });
});
