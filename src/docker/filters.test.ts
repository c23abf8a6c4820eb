/** api/types/filters: Match (exact, then regexp), ExactMatch, MatchKVList, GetBoolOrDefault, Validate. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addFilter,
  exactMatch,
  filterMatch,
  getBoolOrDefault,
  matchKVList,
  validateFilters,
  type FilterArgs,
} from './filters';
import { loadGoRegexp } from './go_regexp';

// The regexp engine loads with the shell runtime, before any line runs; here there is no line.
beforeAll(() => loadGoRegexp());

function args(...pairs: [string, string][]): FilterArgs {
  return pairs.reduce<FilterArgs>((a, [k, v]) => addFilter(a, k, v), new Map());
}

describe('filters.Args', () => {
  it('Match: no values matches all; exact, or an unanchored regexp; a bad regexp matches nothing', () => {
    expect(filterMatch(new Map(), 'name', 'web')).toBe(true);
    expect(filterMatch(args(['name', 'eb']), 'name', 'web')).toBe(true);
    expect(filterMatch(args(['name', '^eb']), 'name', 'web')).toBe(false);
    expect(filterMatch(args(['name', 'x'], ['name', '^w.b$']), 'name', 'web')).toBe(true);
    expect(filterMatch(args(['name', '(?i)^WEB$']), 'name', 'web')).toBe(true);
    expect(filterMatch(args(['name', '[']), 'name', 'web')).toBe(false);
    // RE2 has no look-around: the pattern does not compile, so it matches nothing.
    expect(filterMatch(args(['name', '(?=w)']), 'name', 'web')).toBe(false);
    expect(filterMatch(args(['name', '[']), 'name', '[')).toBe(true);
    // Go's named groups.
    expect(filterMatch(args(['name', '^(?P<app>w)eb$']), 'name', 'web')).toBe(true);
  });

  it('Match runs in time linear in the name (RE2): a pattern that backtracks exponentially ends at once', () => {
    const name = `/${'a'.repeat(60)}`;
    // JavaScript's RegExp needs ~2^60 steps for this one; RE2 one pass.
    expect(filterMatch(args(['name', '^/(a|a)*b']), 'name', name)).toBe(false);
    expect(filterMatch(args(['name', '^/(a+)+$']), 'name', name)).toBe(true);
  });

  it('ExactMatch and MatchKVList', () => {
    expect(exactMatch(args(['health', 'none']), 'health', 'none')).toBe(true);
    expect(exactMatch(args(['health', 'non']), 'health', 'none')).toBe(false);
    const labels = { app: 'shop', tier: '' };
    expect(matchKVList(args(['label', 'app']), 'label', labels)).toBe(true);
    expect(matchKVList(args(['label', 'app=shop'], ['label', 'tier=']), 'label', labels)).toBe(true);
    expect(matchKVList(args(['label', 'app=shop'], ['label', 'x']), 'label', labels)).toBe(false);
    expect(matchKVList(args(['label', 'app']), 'label', {})).toBe(false);
  });

  it('GetBoolOrDefault and Validate errors list values and keys sorted', () => {
    expect(getBoolOrDefault(new Map(), 'is-task', false)).toBe(false);
    expect(getBoolOrDefault(args(['is-task', '1']), 'is-task', false)).toBe(true);
    expect(() => getBoolOrDefault(args(['is-task', 'true'], ['is-task', 'false']), 'is-task', false)).toThrow(
      "invalid filter 'is-task=[false true]'",
    );
    expect(() => validateFilters(args(['zz', '1'], ['name', 'x'], ['aa', '1']), new Set(['name']))).toThrow(
      "invalid filter 'aa'",
    );
  });
});
