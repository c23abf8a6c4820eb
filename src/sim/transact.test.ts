import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { peekDraft } from './transact';

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
