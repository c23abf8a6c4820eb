import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { current, isDraft, produce } from 'immer';
import { jsonCopy } from './json_copy';

describe('jsonCopy', () => {
  it('is what a JSON round trip makes, as text and as value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = jsonCopy(v);
        expect(JSON.stringify(c)).toBe(JSON.stringify(v));
        expect(c).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('drops undefined fields, nulls undefined and non-finite numbers, keeps __proto__ a plain key', () => {
    const src = { a: undefined, b: [undefined, NaN, 1], c: { d: Infinity }, f: () => 1 };
    expect(jsonCopy(src)).toEqual(JSON.parse(JSON.stringify(src)));
    expect(Object.keys(jsonCopy(src))).toEqual(['b', 'c']);
    const tricky = JSON.parse('{"__proto__": {"x": 1}, "y": 2}') as Record<string, unknown>;
    const c = jsonCopy(tricky);
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
    expect(JSON.stringify(c)).toBe('{"__proto__":{"x":1},"y":2}');
  });

  it('copies out of an immer draft into plain objects that share nothing with it', () => {
    const base = { rule: { src: null, matches: [{ kind: 'tcp', dport: { from: 80, to: 80 } }] } };
    let out: unknown;
    produce(base, (d) => {
      d.rule.matches.push({ kind: 'tcp', dport: { from: 81, to: 81 } });
      out = jsonCopy(d.rule);
    });
    expect(out).toEqual({
      src: null,
      matches: [
        { kind: 'tcp', dport: { from: 80, to: 80 } },
        { kind: 'tcp', dport: { from: 81, to: 81 } },
      ],
    });
    expect((out as typeof base.rule).matches[0]).not.toBe(base.rule.matches[0]);
  });

  it('reads a draft through peek as it is now (a queued packet the line already rewrote)', () => {
    const base = { q: [{ ip: { src: 1, ttl: 64 }, l4: { sport: 5, x: undefined } }] };
    const peek = <U>(y: U): U => (isDraft(y) ? (current(y as object) as U) : y);
    produce(base, (d) => {
      (d.q[0] as (typeof base.q)[0]).ip.ttl = 63;
      const c = jsonCopy(d.q[0], peek);
      expect(c).toEqual({ ip: { src: 1, ttl: 63 }, l4: { sport: 5 } });
      expect(Object.keys(c?.l4 ?? {})).toEqual(['sport']);
    });
  });
});
