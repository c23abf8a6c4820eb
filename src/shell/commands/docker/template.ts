/**
 * The Go text/template subset `docker inspect -f`, `docker ps --format` and friends accept
 * (cli/templates: json, join, split, lower, upper, title, pad, truncate, println plus the builtins index, len,
 * print, printf, eq, ne, not, and, or): actions with field chains (.A.B), variables ($v, $v.X), string and
 * number literals, pipelines, {{range}} (with "$k, $v :=" or "$v :="), {{if}}/{{else}}, {{with}}, {{end}}.
 * Values print the way fmt's %v prints decoded JSON: maps as map[k:v] with sorted keys, slices as [a b].
 */
import type { GoJson } from './gojson';
import { goMarshal } from './gojson';

/**
 * text/template's error. An execution error knows its action (`at <.ID.Len>`) and column, as Go's
 * ErrorContext reports them: the column of a field chain is that of its last field; parse errors have none.
 */
export class TemplateError extends Error {
  action: string | null = null;
  col = 0;

  /** The CLI's line: "template: :1:5: executing "" at <.ID.Len>: can't evaluate ...", or "template: :1: ...". */
  goText(): string {
    if (this.action === null) return `template: :1: ${this.message}`;
    const at = this.action.length > 20 ? `${this.action.slice(0, 20)}...` : this.action;
    return `template: :1:${this.col}: executing "" at <${at}>: ${this.message}`;
  }
}

type Node =
  | { t: 'text'; s: string }
  | { t: 'action'; pipe: string; decl: string[]; path: string[] | null; pos: number }
  | { t: 'range' | 'if' | 'with'; pipe: string; decl: string[]; body: Node[]; elseBody: Node[] };

type Token = { kind: 'text' | 'action'; s: string; pos: number };

function tokenizeTemplate(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      out.push({ kind: 'text', s: src.slice(i), pos: i });
      break;
    }
    let text = src.slice(i, open);
    let start = open + 2;
    if (src[start] === '-' && src[start + 1] === ' ') {
      text = text.replace(/\s+$/, '');
      start += 1;
    }
    if (text !== '') out.push({ kind: 'text', s: text, pos: i });
    const close = src.indexOf('}}', start);
    if (close < 0) throw new TemplateError('unclosed action');
    let body = src.slice(start, close);
    let next = close + 2;
    if (body.endsWith(' -')) {
      body = body.slice(0, -2);
      while (next < src.length && /\s/.test(src[next] as string)) next++;
    }
    // Where the action's words start (Go's node positions are byte offsets in the template).
    out.push({ kind: 'action', s: body.trim(), pos: start + (body.length - body.trimStart().length) });
    i = next;
  }
  return out;
}

function parseDecl(s: string): { decl: string[]; pipe: string } {
  const m = /^(\$\w+)\s*(?:,\s*(\$\w+)\s*)?:?=\s*(.*)$/.exec(s);
  if (!m) return { decl: [], pipe: s };
  return { decl: [m[1] as string, ...(m[2] ? [m[2]] : [])], pipe: m[3] as string };
}

function parseNodes(toks: Token[], pos: { i: number }, stopAt: string[]): Node[] {
  const out: Node[] = [];
  while (pos.i < toks.length) {
    const tk = toks[pos.i] as Token;
    if (tk.kind === 'text') {
      out.push({ t: 'text', s: tk.s });
      pos.i++;
      continue;
    }
    const word = tk.s.split(/\s+/)[0] as string;
    if (stopAt.includes(word)) return out;
    pos.i++;
    if (word.startsWith('/*')) continue;
    if (word === 'range' || word === 'if' || word === 'with') {
      const { decl, pipe } = parseDecl(tk.s.slice(word.length).trim());
      const body = parseNodes(toks, pos, ['else', 'end']);
      let elseBody: Node[] = [];
      const cur = toks[pos.i];
      if (!cur) throw new TemplateError(`unexpected EOF`);
      if (cur.s.startsWith('else')) {
        pos.i++;
        elseBody = parseNodes(toks, pos, ['end']);
        if (!toks[pos.i]) throw new TemplateError('unexpected EOF');
      }
      pos.i++;
      out.push({ t: word, pipe, decl, body, elseBody });
      continue;
    }
    if (word === 'end' || word === 'else') throw new TemplateError(`unexpected {{${word}}}`);
    const { decl, pipe } = parseDecl(tk.s);
    // A lone field chain ({{.ID}}, {{.A.B}}): what a table's columns are; its path is read directly per row.
    const path = decl.length === 0 && /^(\.[A-Za-z_]\w*)+$/.test(pipe) ? pipe.slice(1).split('.') : null;
    out.push({ t: 'action', pipe, decl, path, pos: tk.pos });
  }
  return out;
}

export function parseTemplate(src: string): Node[] {
  const toks = tokenizeTemplate(src);
  const pos = { i: 0 };
  const nodes = parseNodes(toks, pos, []);
  return nodes;
}

type Scope = { dot: GoJson; vars: Map<string, GoJson> };

function splitWords(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    if (/\s/.test(s[i] as string)) {
      i++;
      continue;
    }
    if (s[i] === '"' || s[i] === '`') {
      const q = s[i] as string;
      let j = i + 1;
      while (j < s.length && s[j] !== q) j += s[j] === '\\' && q === '"' ? 2 : 1;
      out.push(s.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (s[i] === '(') {
      let depth = 0;
      let j = i;
      for (; j < s.length; j++) {
        if (s[j] === '(') depth++;
        else if (s[j] === ')' && --depth === 0) break;
      }
      let k = j + 1;
      while (k < s.length && !/\s/.test(s[k] as string)) k++;
      out.push(s.slice(i, k));
      i = k;
      continue;
    }
    let j = i;
    while (j < s.length && !/\s/.test(s[j] as string)) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

function field(v: GoJson, name: string): GoJson {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    // Own fields only: `in` also finds Object.prototype's (`{{.constructor}}` printed "map[]").
    return Object.hasOwn(v, name) ? (v[name] as GoJson) : null;
  }
  throw new TemplateError(`can't evaluate field ${name} in type ${typeName(v)}`);
}

function typeName(v: GoJson): string {
  if (v === null) return 'interface {}';
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'object') return 'map[string]interface {}';
  return typeof v === 'number' ? 'float64' : typeof v;
}

function chain(v: GoJson, path: string): GoJson {
  let cur = v;
  for (const p of remember(pathCache, path, () => path.split('.').filter((x) => x !== '')))
    cur = field(cur, p);
  return cur;
}

/*
 * Pipelines and field paths split once: `docker ps` runs the same template for each of a thousand rows, and
 * splitting its actions again per row was most of the time. Bounded: templates are typed by users.
 */
const pipeCache = new Map<string, string[][]>();
const pathCache = new Map<string, string[]>();

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= 512) cache.clear();
    v = make();
    cache.set(key, v);
  }
  return v;
}

export function printValue(v: GoJson | undefined): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(printValue).join(' ')}]`;
  return `map[${Object.keys(v)
    .sort()
    .map((k) => `${k}:${printValue(v[k])}`)
    .join(' ')}]`;
}

function truthy(v: GoJson): boolean {
  if (v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

function evalArg(w: string, sc: Scope): GoJson {
  // Field chains first: they are nearly every argument of a table's template (a number literal starts with a
  // digit or '-', never with '.').
  if (w.startsWith('.')) return w === '.' ? sc.dot : chain(sc.dot, w);
  if (w.startsWith('(')) {
    const close = w.lastIndexOf(')');
    const v = evalPipe(w.slice(1, close), sc);
    return close === w.length - 1 ? v : chain(v, w.slice(close + 1));
  }
  if (w.startsWith('"')) return JSON.parse(w) as string;
  if (w.startsWith('`')) return w.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(w)) return Number(w);
  if (w === 'true' || w === 'false') return w === 'true';
  if (w === 'nil') return null;
  if (w.startsWith('$')) {
    const dotAt = w.indexOf('.');
    const name = dotAt < 0 ? w : w.slice(0, dotAt);
    if (!sc.vars.has(name)) throw new TemplateError(`undefined variable "${name}"`);
    const base = sc.vars.get(name) as GoJson;
    return dotAt < 0 ? base : chain(base, w.slice(dotAt));
  }
  throw new TemplateError(`function "${w}" not defined`);
}

const str = (v: GoJson) => (typeof v === 'string' ? v : printValue(v));

function callFn(name: string, args: GoJson[]): GoJson {
  switch (name) {
    case 'json':
      return goMarshal(args[0] ?? null, '');
    case 'join': {
      const a = args[0];
      return Array.isArray(a) ? a.map(str).join(str(args[1] ?? '')) : str(a ?? '');
    }
    case 'split':
      return str(args[0] ?? '').split(str(args[1] ?? ''));
    case 'lower':
      return str(args[0] ?? '').toLowerCase();
    case 'upper':
      return str(args[0] ?? '').toUpperCase();
    case 'title':
      return str(args[0] ?? '').replace(/\b\w/g, (c) => c.toUpperCase());
    case 'pad':
      return `${' '.repeat(Number(args[1] ?? 0))}${str(args[0] ?? '')}${' '.repeat(Number(args[2] ?? 0))}`;
    case 'truncate': {
      const s = str(args[0] ?? '');
      const n = Number(args[1] ?? 0);
      return [...s].length > n ? [...s].slice(0, n).join('') : s;
    }
    case 'println':
      return `${args.map(printValue).join(' ')}\n`;
    case 'print':
      return args.map(printValue).join('');
    case 'printf': {
      let i = 1;
      return str(args[0] ?? '').replace(/%[vsdq%]/g, (m) =>
        m === '%%' ? '%' : m === '%q' ? JSON.stringify(str(args[i++] ?? '')) : printValue(args[i++]),
      );
    }
    case 'len': {
      const a = args[0] ?? null;
      if (typeof a === 'string') return a.length;
      if (Array.isArray(a)) return a.length;
      if (a && typeof a === 'object') return Object.keys(a).length;
      throw new TemplateError(`error calling len: len of type ${typeName(a)}`);
    }
    case 'index': {
      let cur = args[0] ?? null;
      for (const k of args.slice(1)) {
        if (Array.isArray(cur)) cur = cur[Number(k)] ?? null;
        else if (cur && typeof cur === 'object')
          cur = Object.hasOwn(cur, str(k)) ? ((cur as Record<string, GoJson>)[str(k)] ?? null) : null;
        else throw new TemplateError(`error calling index: cannot index slice/array with nil`);
      }
      return cur;
    }
    case 'eq':
      return args.slice(1).some((a) => a === args[0]);
    case 'ne':
      return args[0] !== args[1];
    case 'not':
      return !truthy(args[0] ?? null);
    case 'and':
      return args.every(truthy) ? (args[args.length - 1] ?? null) : (args.find((a) => !truthy(a)) ?? null);
    case 'or':
      return args.find(truthy) ?? args[args.length - 1] ?? null;
    default:
      throw new TemplateError(`function "${name}" not defined`);
  }
}

const FUNCS = new Set([
  'json',
  'join',
  'split',
  'lower',
  'upper',
  'title',
  'pad',
  'truncate',
  'println',
  'print',
  'printf',
  'len',
  'index',
  'eq',
  'ne',
  'not',
  'and',
  'or',
]);

function evalCommand(words: string[], sc: Scope, piped: GoJson | undefined): GoJson {
  const head = words[0] as string;
  if (FUNCS.has(head)) {
    const args = words.slice(1).map((w) => evalArg(w, sc));
    if (piped !== undefined) args.push(piped);
    return callFn(head, args);
  }
  if (words.length > 1 || piped !== undefined)
    throw new TemplateError(`can't give argument to non-function ${head}`);
  return evalArg(head, sc);
}

function evalPipe(pipe: string, sc: Scope): GoJson {
  let v: GoJson | undefined;
  for (const words of remember(pipeCache, pipe, () => splitPipe(pipe))) v = evalCommand(words, sc, v);
  return v ?? null;
}

/** A pipeline's commands (split at top-level `|`), each as its words. */
function splitPipe(pipe: string): string[][] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  let quote: string | null = null;
  for (const ch of pipe) {
    if (quote) {
      cur += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === '`') quote = ch;
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '|' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => splitWords(p.trim()));
}

type ActionNode = Extract<Node, { t: 'action' }>;

/** Evaluate an action; an error is told where it happened (the action, its column) unless it already knows. */
function evalAction(n: ActionNode, dot: GoJson, sc: Scope | null): GoJson {
  try {
    if (n.path === null) return evalPipe(n.pipe, sc as Scope);
    let v = dot;
    for (const p of n.path) v = field(v, p);
    return v;
  } catch (e) {
    if (e instanceof TemplateError && e.action === null) {
      e.action = n.pipe;
      e.col = n.path !== null ? n.pos + n.pipe.lastIndexOf('.') : n.pos;
    }
    throw e;
  }
}

function run(nodes: Node[], sc: Scope, out: string[]): void {
  for (const n of nodes) {
    if (n.t === 'text') out.push(n.s);
    else if (n.t === 'action') {
      const v = evalAction(n, sc.dot, sc);
      if (n.decl.length > 0) sc.vars.set(n.decl[0] as string, v);
      else out.push(printValue(v));
    } else if (n.t === 'if' || n.t === 'with') {
      const v = evalPipe(n.pipe, sc);
      if (truthy(v)) run(n.body, n.t === 'with' ? { dot: v, vars: sc.vars } : sc, out);
      else run(n.elseBody, sc, out);
    } else {
      const v = evalPipe(n.pipe, sc);
      const items: [GoJson, GoJson][] = [];
      if (Array.isArray(v)) v.forEach((x, i) => items.push([i, x]));
      else if (v && typeof v === 'object')
        for (const k of Object.keys(v).sort()) items.push([k, v[k] as GoJson]);
      else if (v !== null) throw new TemplateError(`range can't iterate over ${printValue(v)}`);
      if (items.length === 0) run(n.elseBody, sc, out);
      for (const [k, x] of items) {
        const vars = new Map(sc.vars);
        if (n.decl.length === 2) {
          vars.set(n.decl[0] as string, k);
          vars.set(n.decl[1] as string, x);
        } else if (n.decl.length === 1) vars.set(n.decl[0] as string, x);
        run(n.body, { dot: x, vars }, out);
      }
    }
  }
}

/** The last template parsed: a table runs the same one per row (a thousand rows parsed it a thousand times). */
let lastParsed: { src: string; nodes: Node[]; fields: ReadonlySet<string> | null } | null = null;

function parsedTemplate(src: string): { nodes: Node[]; fields: ReadonlySet<string> | null } {
  if (lastParsed?.src !== src) {
    const nodes = parseTemplate(src);
    lastParsed = { src, nodes, fields: directFields(nodes) };
  }
  return lastParsed;
}

/**
 * A template made only of text and lone field chains (every table column of `docker ps`) reads nothing of its
 * data but those fields: their first names, or null when the template may read anything (a function, a
 * variable, `{{.}}`, range, if, with).
 */
function directFields(nodes: Node[]): ReadonlySet<string> | null {
  const fields = new Set<string>();
  for (const n of nodes) {
    if (n.t === 'text') continue;
    if (n.t !== 'action' || n.path === null) return null;
    fields.add(n.path[0] as string);
  }
  return fields;
}

/**
 * The top-level fields `src` can read of its data, or null for "any": a formatter computes only those of each
 * row, as the Go formatter's fields are methods called when a template names them. Throws TemplateError
 * like execTemplate for a template that does not parse.
 */
export function templateFields(src: string): ReadonlySet<string> | null {
  return parsedTemplate(src).fields;
}

/** Execute `src` against `data`; throws TemplateError with text/template's wording on errors. */
export function execTemplate(src: string, data: GoJson): string {
  const { nodes, fields } = parsedTemplate(src);
  if (fields !== null) {
    // Text and field chains only: no scope, no variables, one string.
    let out = '';
    for (const n of nodes) {
      if (n.t === 'text') out += n.s;
      else if (n.t === 'action') out += printValue(evalAction(n, data, null));
    }
    return out;
  }
  const out: string[] = [];
  run(nodes, { dot: data, vars: new Map([['$', data]]) }, out);
  return out.join('');
}
