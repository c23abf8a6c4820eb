/**
 * Every UI text exists in both languages: the key sets of English and Simplified Chinese must be equal
 * (plural forms compared by their base key: English has `x` and `x_other`, Chinese only needs one form), and
 * every interpolation a text uses exists in the other language's text too.
 */
import { describe, expect, it } from 'vitest';
import { RESOURCES } from './i18n';

type Tree = { [k: string]: string | Tree };

function flatten(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('UI text in both languages', () => {
  const en = flatten(RESOURCES.en as unknown as Tree);
  const zh = flatten(RESOURCES['zh-CN'] as unknown as Tree);

  it('has no key missing in Simplified Chinese', () => {
    const zhBase = new Set([...zh.keys()].map(base));
    expect([...en.keys()].map(base).filter((k) => !zhBase.has(k))).toEqual([]);
  });

  it('has no key missing in English', () => {
    const enBase = new Set([...en.keys()].map(base));
    expect([...zh.keys()].map(base).filter((k) => !enBase.has(k))).toEqual([]);
  });

  it('has no empty text', () => {
    for (const [k, v] of [...en, ...zh]) expect(v.trim(), k).not.toBe('');
  });

  it('uses the same interpolations in both languages', () => {
    const enByBase = new Map([...en].map(([k, v]) => [base(k), v]));
    for (const [k, v] of zh) {
      const e = enByBase.get(base(k));
      if (e !== undefined) expect(vars(v), k).toEqual(vars(e));
    }
  });
});
