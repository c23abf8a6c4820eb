/**
 * JSON as the docker CLI prints it: Go's encoding/json (HTML-safe escaping of <, > and &, U+2028/2029
 * escaped) re-indented by json.Indent with four spaces (cli/command/inspect NewIndentedInspector). Empty
 * objects and arrays stay "{}" and "[]". With the value's Go type, a map's keys are written sorted, a struct's
 * fields in their order (the order our JSON was built in).
 */
import type { GoType } from './template_values';

export type GoJson = null | boolean | number | string | GoJson[] | { [k: string]: GoJson };

function quote(s: string, escapeHTML: boolean): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (
      (escapeHTML && (ch === '<' || ch === '>' || ch === '&')) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c < 0x20
    )
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Go's string order (sort.Strings compares bytes, UTF-8): UTF-16 code units differ above U+FFFF only. */
export function goStringCompare(a: string, b: string): number {
  if (a === b) return 0;
  const ua = [...a];
  const ub = [...b];
  for (let i = 0; i < Math.min(ua.length, ub.length); i++) {
    const d = (ua[i] as string).codePointAt(0)! - (ub[i] as string).codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ua.length - ub.length;
}

/**
 * How encoding/json writes an object with the Go type it has: a map (or the map[string]interface{} JSON decodes
 * into) by sorted key, a struct in field order (ours: the order its JSON was built in), and the type of each
 * member. JavaScript keeps insertion order except for integer-like keys, which it puts first ("10" before
 * "a", "2" before "10"): a map's order must come from sorting here, whatever order it was built in.
 */
function members(v: { [k: string]: GoJson }, t: GoType | undefined): [string, GoType | undefined][] {
  const keys = Object.keys(v);
  if (t?.kind === 'map' || t?.kind === 'iface')
    return keys.sort(goStringCompare).map((k) => [k, t.kind === 'map' ? t.elem : t]);
  if (t?.kind !== 'struct') return keys.map((k) => [k, undefined]);
  const byJson = new Map(Object.entries(t.json ?? {}).map(([f, j]) => [j, f]));
  return keys.map((k) => [k, t.fields[byJson.get(k) ?? k]]);
}

/**
 * escapeHTML false: an Encoder with SetEscapeHTML(false), as docker/cli's templates "json" function uses.
 * `t`: the value's Go type (template_values.ts), which orders maps' keys; without one, keys keep their order.
 */
export function goMarshal(v: GoJson, indent = '    ', level = 0, escapeHTML = true, t?: GoType): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'string') return quote(v, escapeHTML);
  const pad = indent === '' ? '' : `\n${indent.repeat(level + 1)}`;
  const end = indent === '' ? '' : `\n${indent.repeat(level)}`;
  const sep = indent === '' ? ':' : ': ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const elem = t?.kind === 'slice' ? t.elem : t?.kind === 'iface' ? t : undefined;
    return `[${v.map((x) => pad + goMarshal(x, indent, level + 1, escapeHTML, elem)).join(',')}${end}]`;
  }
  const ms = members(v, t);
  if (ms.length === 0) return '{}';
  return `{${ms.map(([k, kt]) => `${pad}${quote(k, escapeHTML)}${sep}${goMarshal(v[k] as GoJson, indent, level + 1, escapeHTML, kt)}`).join(',')}${end}}`;
}
