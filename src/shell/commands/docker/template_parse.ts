/**
 * Parsing the Go text/template subset docker's --format and -f accept (text/template/parse: lex.go, parse.go).
 * Like Go, a template is checked whole before it runs: an unclosed action, a stray {{end}}, a function not in
 * the template's FuncMap or a variable never declared are parse errors ("template: :LINE: ..."), reported even
 * when there is no row to execute the template on.
 */
import { TemplateError } from './template_error';
import { FUNC_NAMES } from './template_funcs';

/** An operand as written, at its byte offset in the template; a parenthesized pipeline is parsed too. */
export interface Word {
  s: string;
  pos: number;
  /** `(pipeline)` or `(pipeline).Field...`: the inner pipeline and the field chain after it. */
  sub?: Pipe;
  tail?: string;
}

/** One command of a pipeline: its words (the first a function name, a field chain, a variable...). */
export interface Cmd {
  words: Word[];
  pos: number;
  /** The command as Go prints it in an error's context (`index . "Networks"`). */
  text: string;
}

export interface Pipe {
  decl: string[];
  cmds: Cmd[];
}

export type Node =
  | { t: 'text'; s: string }
  | { t: 'action'; pipe: Pipe; path: string[] | null; pos: number }
  | { t: 'range' | 'if' | 'with'; pipe: Pipe; body: Node[]; elseBody: Node[] };

type Token = { kind: 'text' | 'action'; s: string; pos: number };

/** The line (1-based) of byte offset `pos`, as Go's parse errors and ErrorContext count it. */
export function lineOf(src: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < src.length; i++) if (src[i] === '\n') line++;
  return line;
}

function parseError(src: string, pos: number, msg: string): TemplateError {
  const e = new TemplateError(msg);
  e.line = lineOf(src, pos);
  return e;
}

function tokenize(src: string): Token[] {
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
    if (close < 0) throw parseError(src, open, 'unclosed action');
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

/** Split `s` (at template offset `base`) into words: quoted strings and parenthesized groups stay whole. */
function splitWords(s: string, base: number): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < s.length) {
    if (/\s/.test(s[i] as string)) {
      i++;
      continue;
    }
    let j = i;
    if (s[i] === '"' || s[i] === '`') {
      const q = s[i] as string;
      j = i + 1;
      while (j < s.length && s[j] !== q) j += s[j] === '\\' && q === '"' ? 2 : 1;
      j++;
    } else if (s[i] === '(') {
      let depth = 0;
      for (; j < s.length; j++) {
        if (s[j] === '(') depth++;
        else if (s[j] === ')' && --depth === 0) break;
      }
      j++;
    }
    while (j < s.length && !/\s/.test(s[j] as string)) j++;
    out.push({ s: s.slice(i, j), pos: base + i });
    i = j;
  }
  return out;
}

/** Split at top-level `|`, keeping each part's offset. */
function splitCommands(s: string): { s: string; at: number }[] {
  const parts: { s: string; at: number }[] = [];
  let depth = 0;
  let quote: string | null = null;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === '`') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      parts.push({ s: s.slice(from, i), at: from });
      from = i + 1;
    }
  }
  parts.push({ s: s.slice(from), at: from });
  return parts;
}

const KEYWORDS = new Set(['true', 'false', 'nil']);

/** Parse a pipeline written at template offset `base`; `vars` are the variables in scope (decls are added). */
function parsePipe(src: string, text: string, base: number, vars: string[], fns: ReadonlySet<string>): Pipe {
  const m = /^(\$\w*)\s*(?:,\s*(\$\w*)\s*)?:?=\s*/.exec(text);
  const decl = m ? [m[1] as string, ...(m[2] ? [m[2]] : [])] : [];
  const rest = m ? text.slice(m[0].length) : text;
  const restAt = base + (m ? m[0].length : 0);
  const cmds: Cmd[] = [];
  for (const part of splitCommands(rest)) {
    const lead = part.s.length - part.s.trimStart().length;
    const words = splitWords(part.s, restAt + part.at);
    if (words.length === 0) throw parseError(src, restAt + part.at, 'missing value for command');
    for (const w of words) checkWord(src, w, vars, fns);
    cmds.push({ words, pos: restAt + part.at + lead, text: words.map((w) => w.s).join(' ') });
  }
  vars.push(...decl);
  return { decl, cmds };
}

/**
 * Parse-time checks Go makes on an operand: functions must be defined (the builtins, or `fns`: those a
 * command adds with Funcs), variables declared.
 */
function checkWord(src: string, w: Word, vars: string[], fns: ReadonlySet<string>): void {
  const s = w.s;
  if (s.startsWith('(')) {
    const close = s.lastIndexOf(')');
    w.sub = parsePipe(src, s.slice(1, close), w.pos + 1, [...vars], fns);
    w.tail = s.slice(close + 1);
    return;
  }
  if (s.startsWith('$')) {
    const name = s.split('.')[0] as string;
    if (!vars.includes(name)) throw parseError(src, w.pos, `undefined variable "${name}"`);
    return;
  }
  if (/^[A-Za-z_]\w*$/.test(s) && !KEYWORDS.has(s) && !FUNC_NAMES.has(s) && !fns.has(s))
    throw parseError(src, w.pos, `function "${s}" not defined`);
}

function parseNodes(
  src: string,
  toks: Token[],
  at: { i: number },
  stopAt: string[],
  vars: string[],
  fns: ReadonlySet<string>,
): Node[] {
  const out: Node[] = [];
  while (at.i < toks.length) {
    const tk = toks[at.i] as Token;
    if (tk.kind === 'text') {
      out.push({ t: 'text', s: tk.s });
      at.i++;
      continue;
    }
    const word = tk.s.split(/\s+/)[0] as string;
    if (stopAt.includes(word)) return out;
    at.i++;
    if (word.startsWith('/*')) continue;
    if (word === 'range' || word === 'if' || word === 'with') {
      const inner = [...vars];
      const lead = tk.s.slice(word.length);
      const pipe = parsePipe(
        src,
        lead.trim(),
        tk.pos + word.length + (lead.length - lead.trimStart().length),
        inner,
        fns,
      );
      const body = parseNodes(src, toks, at, ['else', 'end'], [...inner], fns);
      let elseBody: Node[] = [];
      const cur = toks[at.i];
      if (!cur) throw parseError(src, src.length, 'unexpected EOF');
      if (cur.s.startsWith('else')) {
        at.i++;
        elseBody = parseNodes(src, toks, at, ['end'], [...inner], fns);
        if (!toks[at.i]) throw parseError(src, src.length, 'unexpected EOF');
      }
      at.i++;
      out.push({ t: word, pipe, body, elseBody });
      continue;
    }
    if (word === 'end' || word === 'else') throw parseError(src, tk.pos, `unexpected {{${word}}}`);
    const pipe = parsePipe(src, tk.s, tk.pos, vars, fns);
    // A lone field chain ({{.ID}}, {{.A.B}}): what a table's columns are; its path is read directly per row.
    const only = pipe.cmds.length === 1 && pipe.decl.length === 0 ? pipe.cmds[0]?.words : undefined;
    const lone = only?.length === 1 && /^(\.[A-Za-z_]\w*)+$/.test(only[0]?.s ?? '') ? only[0] : undefined;
    out.push({ t: 'action', pipe, path: lone ? lone.s.slice(1).split('.') : null, pos: tk.pos });
  }
  return out;
}

/**
 * Parse a whole template; throws TemplateError (a parse error: line, no column) as Go's Parse does. `fns`:
 * the names of functions the command adds to the builtins.
 */
export function parseTemplate(src: string, fns: ReadonlySet<string> = new Set()): Node[] {
  return parseNodes(src, tokenize(src), { i: 0 }, [], ['$'], fns);
}
