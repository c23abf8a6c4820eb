/**
 * The first look at parsed JSON, before any field is read: no prototype-polluting keys anywhere (JSON.parse
 * makes `__proto__` an own property, which a careless `Object.assign` or spread would then follow), and no
 * nesting deeper than a scenario ever has.
 */
import { shareError, type ShareError } from './errors';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
/** A scenario nests at most ~12 levels (journal entries, layout); anything deeper is not one. */
const MAX_DEPTH = 24;

export function guardJson(value: unknown): ShareError | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '$', depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop() as { v: unknown; path: string; depth: number };
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_DEPTH) return shareError('invalid', 'nested too deeply', path);
    if (Array.isArray(v)) {
      v.forEach((x, i) => stack.push({ v: x, path: `${path}[${i}]`, depth: depth + 1 }));
      continue;
    }
    for (const [k, x] of Object.entries(v)) {
      if (FORBIDDEN.has(k)) return shareError('forbidden-key', `the key ${k} is not allowed`, `${path}.${k}`);
      stack.push({ v: x, path: `${path}.${k}`, depth: depth + 1 });
    }
  }
  return null;
}
