/**
 * JSON as the docker CLI prints it: Go's encoding/json (HTML-safe escaping of <, > and &, U+2028/2029
 * escaped) re-indented by json.Indent with four spaces (cli/command/inspect NewIndentedInspector). Empty
 * objects and arrays stay "{}" and "[]". Object keys keep insertion order (the daemon's struct field order).
 */
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

/** escapeHTML false: an Encoder with SetEscapeHTML(false), as docker/cli's templates "json" function uses. */
export function goMarshal(v: GoJson, indent = '    ', level = 0, escapeHTML = true): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'string') return quote(v, escapeHTML);
  const pad = indent === '' ? '' : `\n${indent.repeat(level + 1)}`;
  const end = indent === '' ? '' : `\n${indent.repeat(level)}`;
  const sep = indent === '' ? ':' : ': ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${v.map((x) => pad + goMarshal(x, indent, level + 1, escapeHTML)).join(',')}${end}]`;
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return '{}';
  return `{${keys.map((k) => `${pad}${quote(k, escapeHTML)}${sep}${goMarshal(v[k] as GoJson, indent, level + 1, escapeHTML)}`).join(',')}${end}}`;
}
