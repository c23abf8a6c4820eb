/**
 * JSON as the docker CLI prints it: Go's encoding/json (HTML-safe escaping of <, > and &, U+2028/2029
 * escaped) re-indented by json.Indent with four spaces (cli/command/inspect NewIndentedInspector). Empty
 * objects and arrays stay "{}" and "[]". With the value's Go type, a map's keys are written sorted, a struct's
 * fields in their order (the order our JSON was built in).
 */
export type GoJson = null | boolean | number | string | GoJson[] | { [k: string]: GoJson };

/** What encoding/json needs to know of a value's Go type (template_values.ts GoType is one). */
export type JsonShape =
  | { kind: 'map' | 'slice'; elem: JsonShape }
  | {
      kind: 'struct';
      fields: Readonly<Record<string, JsonShape>>;
      json?: Readonly<Record<string, string>>;
    }
  | { kind: 'iface' | 'scalar' | 'pointer' | 'infer' };

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

/**
 * Go's string order (sort.Strings compares UTF-8 bytes, that is code points). UTF-16 code units agree except
 * that surrogates (the halves of a code point above U+FFFF) sort below U+E000..U+FFFF: those are moved up.
 */
export function goStringCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x < 0xd800 || y < 0xd800 ? x - y : utf8Rank(x) - utf8Rank(y);
  }
  return a.length - b.length;
}

const utf8Rank = (c: number) => (c >= 0xe000 ? c - 0x800 : c + 0x2000);

/**
 * How encoding/json writes an object with the Go type it has: a map (or the map[string]interface{} JSON decodes
 * into) by sorted key, a struct in field order (ours: the order its JSON was built in), and the type of each
 * member. JavaScript keeps insertion order except for integer-like keys, which it puts first ("10" before
 * "a", "2" before "10"): a map's order must come from sorting here, whatever order it was built in.
 */
function members(v: { [k: string]: GoJson }, t: JsonShape | undefined): [string, JsonShape | undefined][] {
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
export function goMarshal(v: GoJson, indent = '    ', level = 0, escapeHTML = true, t?: JsonShape): string {
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
