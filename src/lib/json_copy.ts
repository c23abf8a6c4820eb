/**
 * A deep copy of plain JSON data as `JSON.parse(JSON.stringify(x))` makes it, without the text in between:
 * a key holding undefined (or a function) is left out, undefined or a non-finite number becomes null in an
 * array and in a field, and key order is kept. Reads through an immer draft work (structuredClone cannot copy
 * one). The kernel copies rules and packet headers this way on every change and hop.
 */
export function jsonCopy<T>(x: T, peek?: <U>(y: U) => U): T {
  return copy(x, peek) as T;
}

/**
 * `peek` (the kernel's KernelCtx.peek) reads each object without drafting it, when the source may be part of a
 * transaction's draft: reading through the draft would make a proxy of every object copied.
 */
function copy(v0: unknown, peek?: <U>(y: U) => U): unknown {
  const v = peek ? peek(v0) : v0;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  // -0 prints as 0.
  if (typeof v === 'number') return Number.isFinite(v) ? (v === 0 ? 0 : v) : null;
  if (typeof v !== 'object') return undefined;
  if (Array.isArray(v)) {
    const out: unknown[] = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = copy(v[i], peek);
      out[i] = x === undefined ? null : x;
    }
    return out;
  }
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(src)) {
    const x = copy(src[key], peek);
    if (x === undefined) continue;
    // JSON.parse makes '__proto__' an own key; assigning it would set the prototype instead.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: x, writable: true, enumerable: true, configurable: true });
    else out[key] = x;
  }
  return out;
}
