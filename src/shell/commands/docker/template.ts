/**
 * Executing the Go text/template subset `docker inspect -f`, `docker ps --format` and friends accept
 * (text/template exec.go): actions with field chains (.A.B), variables ($v, $v.X), string and number literals,
 * pipelines, (parenthesized) pipelines, {{range}} (with "$k, $v :=" or "$v :="), {{if}}/{{else}}, {{with}}.
 * Parsing is template_parse.ts, functions template_funcs.ts, what a name means on a typed value
 * template_values.ts. An error knows where it happened as Go reports it (TemplateError).
 */
import { goStringCompare, type GoJson } from './gojson';
import { callWithArgs, methodOf } from './template_call';
import { TemplateError } from './template_error';
import { callFn, FUNC_NAMES } from './template_funcs';
import { lineOf, parseTemplate, type Cmd, type Node, type Pipe, type Word } from './template_parse';
import {
  dynamicType,
  field,
  IFACE,
  printTV,
  printValue,
  settle,
  truthy,
  type GoType,
  type TV,
} from './template_values';

export { TemplateError } from './template_error';
export type { GoType } from './template_values';

export interface ExecOptions {
  /** The Go type the data is executed as; absent: JSON decoded into interface{} (objects are maps). */
  type?: GoType;
  /** text/template's Option("missingkey=error"): a missing map key is an error, not "<no value>". */
  missingKeyError?: boolean;
  /** A table's header row: templates.HeaderFunctions replace json, join, upper... */
  header?: boolean;
  /** Functions the command adds to the builtins (Template.Funcs: `docker version`'s getDetailsOrder). */
  funcs?: TemplateFuncs;
}

/** Named functions of typed values; a thrown TemplateError's message follows "error calling NAME: ". */
export type TemplateFuncs = Readonly<Record<string, (args: TV[]) => TV>>;

const NO_FUNCS: TemplateFuncs = {};

interface Run {
  src: string;
  opts: ExecOptions;
}

type Scope = { dot: TV; vars: Map<string, TV> };

const UTF8 = new TextEncoder();

/** Tell an error where it happened (exec.go errorf + ErrorContext), unless an inner node already did. */
function locate(e: unknown, r: Run, pos: number, context: string): never {
  if (e instanceof TemplateError && e.context === null) {
    e.line = lineOf(r.src, pos);
    // A byte offset in the line: UTF-8 bytes, as Go's strings are.
    e.col = UTF8.encode(r.src.slice(r.src.lastIndexOf('\n', pos - 1) + 1, pos)).length;
    e.context = context;
  }
  throw e;
}

/** Walk `names` from `base`; Go places a chain's node at its second name (parse.go operand: newChain). */
function walkChain(base: TV, names: string[], r: Run): TV {
  let cur = base;
  for (const n of names) cur = field(cur, n, r.opts.missingKeyError === true);
  return cur;
}

/**
 * Where Go's node for a word is: a field chain's at its second name (parse.go operand: newChain), `$x.A` at
 * its first field, `(pipe).A` at the field after the pipeline, anything else where it starts.
 */
function nodePos(w: Word): number {
  const s = w.s;
  if (w.sub) return w.pos + s.length - (w.tail ?? '').length;
  if (!s.startsWith('.') && !s.startsWith('$')) return w.pos;
  const second = s.indexOf('.', s.startsWith('.') ? 1 : 0);
  return w.pos + (s.startsWith('.') && second < 0 ? 0 : Math.max(second, 0));
}

/** A field chain's start and names: `(pipe).A.B` -> pipe's value, [A, B]; `$x.A` -> $x, [A]; `.A` -> dot, [A]. */
function chainStart(w: Word, sc: Scope, r: Run): { base: TV; names: string[] } {
  if (w.sub) return { base: evalPipe(w.sub, sc, r), names: (w.tail ?? '').split('.').slice(1) };
  const names = w.s.split('.');
  const head = names.shift() as string;
  const base = head === '' ? sc.dot : (sc.vars.get(head) ?? { v: undefined, t: IFACE });
  return { base, names };
}

function evalWord(w: Word, sc: Scope, r: Run): TV {
  const s = w.s;
  if (s === '.' && !w.sub) return sc.dot;
  if (w.sub || s.startsWith('.') || s.startsWith('$')) {
    const { base, names } = chainStart(w, sc, r);
    if (names.length === 0) return base;
    try {
      return walkChain(base, names, r);
    } catch (e) {
      return locate(e, r, nodePos(w), s);
    }
  }
  if (s.startsWith('"')) return { v: JSON.parse(s) as string, t: dynamicType('') };
  if (s.startsWith('`')) return { v: s.slice(1, -1), t: dynamicType('') };
  if (/^-?\d+(\.\d+)?$/.test(s)) return { v: Number(s), t: { kind: 'scalar', name: 'int' } };
  if (s === 'true' || s === 'false') return { v: s === 'true', t: dynamicType(true) };
  if (s === 'nil') return { v: null, t: IFACE };
  return callAt(s, [], { words: [w], pos: w.pos, text: s }, r);
}

function callAt(name: string, args: TV[], cmd: Cmd, r: Run): TV {
  const own = r.opts.funcs && Object.hasOwn(r.opts.funcs, name) ? r.opts.funcs[name] : undefined;
  try {
    if (!own) return callFn(name, args, r.opts.header === true);
    try {
      return own(args);
    } catch (e) {
      if (e instanceof TemplateError) e.message = `error calling ${name}: ${e.message}`;
      throw e;
    }
  } catch (e) {
    return locate(e, r, cmd.pos, cmd.text);
  }
}

function evalCommand(cmd: Cmd, sc: Scope, r: Run, final: TV | undefined): TV {
  const head = cmd.words[0] as Word;
  if (FUNC_NAMES.has(head.s) || (r.opts.funcs && Object.hasOwn(r.opts.funcs, head.s))) {
    const args = cmd.words.slice(1).map((w) => evalWord(w, sc, r));
    if (final !== undefined) args.push(final);
    return callAt(head.s, args, cmd, r);
  }
  if (cmd.words.length > 1 || final !== undefined) {
    const given = cmd.words.length - 1 + (final !== undefined ? 1 : 0);
    const chain = /^(\$\w*)?(\.\w+)+$/.test(head.s);
    if (chain || (head.sub && head.tail)) {
      const called = callChain(head, cmd.words.slice(1), final, sc, r);
      if (called) return called;
    }
    if (chain) argsToField(head, sc, r, given);
    const e = new TemplateError(
      head.s === 'nil' ? 'nil is not a command' : `can't give argument to non-function ${head.s}`,
    );
    return locate(e, r, head.pos, head.s);
  }
  if (head.s === 'nil') return locate(new TemplateError('nil is not a command'), r, head.pos, 'nil');
  return evalWord(head, sc, r);
}

/**
 * A field chain given arguments whose last name is a method of what the rest of it reaches (exec.go
 * evalFieldChain -> evalField -> evalCall); null when it is not a method (the caller reports the error).
 */
function callChain(head: Word, args: Word[], final: TV | undefined, sc: Scope, r: Run): TV | null {
  const { base, names } = chainStart(head, sc, r);
  const name = names.pop() as string;
  let recv: TV;
  try {
    recv = walkChain(base, names, r);
  } catch (e) {
    return locate(e, r, nodePos(head), head.s);
  }
  const method = methodOf(recv, name);
  if (!method) return null;
  return callWithArgs(recv, name, method, head, args, final, {
    dot: sc.dot,
    value: (w) => evalWord(w, sc, r),
    fail: (e, w) => locate(e, r, nodePos(w), w.s),
  });
}

/**
 * Arguments given to a field chain (exec.go evalField/evalCall): the chain is walked (an unknown field is
 * still "can't evaluate"), then a formatter's method takes none, a struct field or a map key cannot be called.
 */
function argsToField(w: Word, sc: Scope, r: Run, given: number): never {
  const cut = w.s.lastIndexOf('.');
  const name = w.s.slice(cut + 1);
  const recv = cut <= 0 ? sc.dot : evalWord({ s: w.s.slice(0, cut), pos: w.pos }, sc, r);
  let msg = `${name} is not a method but has arguments`;
  try {
    evalWord(w, sc, r);
    if (recv.t.kind === 'struct')
      msg = recv.t.open
        ? `${name} has arguments but cannot be invoked as function`
        : `wrong number of args for ${name}: want 0 got ${given}`;
  } catch (e) {
    return locate(e, r, w.pos, w.s);
  }
  const second = w.s.indexOf('.', w.s.startsWith('.') ? 1 : 0);
  return locate(new TemplateError(msg), r, w.pos + Math.max(second, 0), w.s);
}

function evalPipe(pipe: Pipe, sc: Scope, r: Run): TV {
  let x: TV | undefined;
  for (const cmd of pipe.cmds) {
    x = evalCommand(cmd, sc, r, x);
    // evalPipeline digs into an interface{} value: a nil one becomes "no value".
    if (x.t.kind === 'iface')
      x = x.v === null || x.v === undefined ? { v: undefined, t: IFACE } : settle(x.v, dynamicType(x.v));
  }
  const out = x ?? { v: undefined, t: IFACE };
  for (const d of pipe.decl) sc.vars.set(d, out);
  return out;
}

/** A range's items: a slice's elements, a map's entries by sorted key (exec.go walkRange). */
function rangeItems(x: TV): [TV, TV][] {
  const { v, t } = x;
  if (v === undefined || v === null) return [];
  if (Array.isArray(v))
    return v.map((e, i) => [
      { v: i, t: dynamicType(0) },
      settle(e, t.kind === 'slice' ? t.elem : dynamicType(e)),
    ]);
  if (typeof v === 'object' && t.kind !== 'struct') {
    const elem = t.kind === 'map' ? t.elem : IFACE;
    return Object.keys(v)
      .sort(goStringCompare)
      .map((k) => [{ v: k, t: dynamicType(k) }, settle(v[k] as GoJson, elem)]);
  }
  throw new TemplateError(`range can't iterate over ${printValue(v)}`);
}

function run(nodes: Node[], sc: Scope, r: Run, out: string[]): void {
  for (const n of nodes) {
    if (n.t === 'text') out.push(n.s);
    else if (n.t === 'action') {
      const x = evalPipe(n.pipe, sc, r);
      if (n.pipe.decl.length === 0) out.push(printTV(x));
    } else if (n.t === 'if' || n.t === 'with') {
      const x = evalPipe(n.pipe, sc, r);
      if (truthy(x.v)) run(n.body, n.t === 'with' ? { dot: x, vars: sc.vars } : sc, r, out);
      else run(n.elseBody, sc, r, out);
    } else {
      const x = evalPipe(n.pipe, sc, r);
      let items: [TV, TV][];
      try {
        items = rangeItems(x);
      } catch (e) {
        const w = n.pipe.cmds[n.pipe.cmds.length - 1]?.words[0];
        return locate(e, r, w?.pos ?? 0, w?.s ?? '');
      }
      if (items.length === 0) run(n.elseBody, sc, r, out);
      for (const [k, x] of items) {
        const vars = new Map(sc.vars);
        if (n.pipe.decl.length === 2) {
          vars.set(n.pipe.decl[0] as string, k);
          vars.set(n.pipe.decl[1] as string, x);
        } else if (n.pipe.decl.length === 1) vars.set(n.pipe.decl[0] as string, x);
        run(n.body, { dot: x, vars }, r, out);
      }
    }
  }
}

/**
 * A lone field chain's value ({{.ID}}): its path, split when parsed, walked from dot (a table's columns, for
 * every row of a long list). An error is found again through evalWord, which says where it happened.
 */
function loneChain(n: Node, dot: TV, r: Run): TV {
  if (n.t !== 'action') return dot;
  if (n.path !== null)
    try {
      return walkChain(dot, n.path, r);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
    }
  const w = n.pipe.cmds[0]?.words[0];
  return w ? evalWord(w, { dot, vars: NO_VARS }, r) : dot;
}

const NO_VARS = new Map<string, TV>();

/** The last template parsed: a table runs the same one per row (a thousand rows parsed it a thousand times). */
let lastParsed: {
  src: string;
  funcs: TemplateFuncs;
  nodes: Node[];
  fields: ReadonlySet<string> | null;
} | null = null;

function parsedTemplate(
  src: string,
  funcs: TemplateFuncs = NO_FUNCS,
): { nodes: Node[]; fields: ReadonlySet<string> | null } {
  if (lastParsed?.src !== src || lastParsed.funcs !== funcs) {
    const nodes = parseTemplate(src, new Set(Object.keys(funcs)));
    lastParsed = { src, funcs, nodes, fields: directFields(nodes) };
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
 * for a template that does not parse.
 */
export function templateFields(src: string): ReadonlySet<string> | null {
  return parsedTemplate(src).fields;
}

/** Parse `src` (Go parses before executing anything); throws the parse error. `funcs`: as ExecOptions'. */
export function checkTemplate(src: string, funcs?: TemplateFuncs): void {
  parsedTemplate(src, funcs);
}

/**
 * A --format of `docker inspect`, `info` or `version` that does not parse: the CLI prints the error and exits
 * 64 (templates.Parse's error becomes cli.StatusError{StatusCode: 64}). Returns that status, or null when `src`
 * parses. `name`: the template's name in the message ("version" for version.go's).
 */
export function templateParseStatus(
  err: (text: string) => void,
  src: string,
  funcs?: TemplateFuncs,
  name = '',
): number | null {
  try {
    checkTemplate(src, funcs);
    return null;
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    e.tmplName = name;
    err(`${e.cliText()}\n`);
    return 64;
  }
}

/**
 * Execute `src` against `data`: what it printed, and the error that stopped it (Go's Execute writes as it
 * goes, so output before an error stays: the table header keeps it).
 */
export function runTemplate(
  src: string,
  data: GoJson,
  opts: ExecOptions = {},
): { out: string; error: TemplateError | null } {
  const { nodes, fields } = parsedTemplate(src, opts.funcs);
  const r: Run = { src, opts };
  const root = { v: data, t: opts.type ?? dynamicType(data) };
  // Text and lone field chains only (a table's columns, per row of a long list): no scope to build, and the
  // pieces are concatenated as they come (an array joined per row cost more than the row).
  if (fields !== null) {
    let text = '';
    try {
      for (const n of nodes) text += n.t === 'text' ? n.s : printTV(loneChain(n, root, r));
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      return { out: text, error: e };
    }
    return { out: text, error: null };
  }
  const out: string[] = [];
  try {
    run(nodes, { dot: root, vars: new Map([['$', root]]) }, r, out);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    return { out: out.join(''), error: e };
  }
  return { out: out.join(''), error: null };
}

/** Execute `src` against `data`; throws TemplateError with text/template's wording on errors. */
export function execTemplate(src: string, data: GoJson, opts: ExecOptions = {}): string {
  const { out, error } = runTemplate(src, data, opts);
  if (error) throw error;
  return out;
}
