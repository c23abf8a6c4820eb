import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { NetDevice } from '../kernel';
import { createDefaultWorld } from './default_world';
import { Txn, peekDraft, putFresh } from './transact';
import { xaGet, xaIds } from '../kernel';

describe('peekDraft', () => {
  const base = {
    rules: [
      { n: 1, c: { pkts: 0 } },
      { n: 2, c: { pkts: 0 } },
    ],
    other: { x: 1 },
  };

  it('reads a draft as it is now without drafting what it reads', () => {
    produce(base, (d) => {
      // Untouched: the previous objects themselves, no proxies made.
      const rules = peekDraft(peekDraft(d).rules);
      expect(rules).toBe(base.rules);
      expect(peekDraft(rules[1])).toBe(base.rules[1]);
      // After a write through the draft, the peeked content shows it.
      (d.rules[0] as (typeof base.rules)[0]).c.pkts += 5;
      const now = peekDraft(peekDraft(peekDraft(d).rules)[0]);
      expect(peekDraft(now?.c)?.pkts).toBe(5);
      // Its sibling is still the old object: reading did not draft it.
      expect(peekDraft(peekDraft(d).rules)[1]).toBe(base.rules[1]);
    });
  });

  it('returns plain values and non-drafts as they are', () => {
    expect(peekDraft(base)).toBe(base);
    expect(peekDraft(3)).toBe(3);
    expect(peekDraft(null)).toBe(null);
  });
});

describe('putFresh', () => {
  const base = { a: { rows: [{ n: 1 }, { n: 2 }] }, b: { x: 1 } };

  it('assigns a fresh value into a draft: the result has it, the parents are new, siblings shared', () => {
    const next = produce(base, (d) => {
      const rows = peekDraft(peekDraft(d.a).rows);
      putFresh(d.a, 'rows', [...rows, { n: 3 }]);
    });
    expect(next.a.rows.map((r) => r.n)).toEqual([1, 2, 3]);
    expect(next.a.rows[0]).toBe(base.a.rows[0]);
    expect(next.b).toBe(base.b);
    expect(base.a.rows).toHaveLength(2);
  });

  it('keeps the World when the value is the one already there', () => {
    const next = produce(base, (d) => putFresh(d.a, 'rows', peekDraft(peekDraft(d.a).rows)));
    expect(next).toBe(base);
  });

  it('lets immer finalise an array holding a row drafted earlier in the transaction', () => {
    const next = produce(base, (d) => {
      (d.a.rows[0] as { n: number }).n = 10;
      putFresh(d.a, 'rows', [...peekDraft(peekDraft(d.a).rows), { n: 3 }]);
    });
    expect(next.a.rows).toEqual([{ n: 10 }, { n: 2 }, { n: 3 }]);
    expect(Object.isFrozen(next.a.rows[0])).toBe(true);
  });
});

describe('Txn copies the device and namespace tables ahead of immer', () => {
  // Worlds are frozen in tests: a write that reached the previous World's objects would throw.
  const world = createDefaultWorld(1);
  const devId = xaIds(world.kernel.devices)[0] as string;

  it('keeps both tables when the line writes neither', () => {
    const txn = new Txn(world, {});
    txn.mutate(({ sys }) => {
      sys.clock.nowUs += 1;
    });
    expect(txn.state.kernel.devices).toBe(world.kernel.devices);
    expect(txn.state.kernel.netns).toBe(world.kernel.netns);
  });

  it('writes one device into a new table that shares the others, the previous World untouched', () => {
    const txn = new Txn(world, {});
    const before = xaGet(world.kernel.devices, devId)?.stats.rxPackets ?? 0;
    txn.mutate(({ kctx }) => {
      (xaGet(kctx.k.devices, devId) as NetDevice).stats.rxPackets++;
    });
    const next = txn.state.kernel;
    expect(next.devices).not.toBe(world.kernel.devices);
    expect(xaGet(next.devices, devId)?.stats.rxPackets).toBe(before + 1);
    expect(xaGet(world.kernel.devices, devId)?.stats.rxPackets).toBe(before);
    for (const id of xaIds(world.kernel.devices))
      if (id !== devId) expect(xaGet(next.devices, id)).toBe(xaGet(world.kernel.devices, id));
    expect(xaIds(next.devices)).toEqual(xaIds(world.kernel.devices));
    expect(next.netns).toBe(world.kernel.netns);
  });
});
