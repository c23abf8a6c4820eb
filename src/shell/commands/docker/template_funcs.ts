/**
 * The functions a docker template can call: text/template's builtins (funcs.go) and docker/cli's
 * templates.basicFunctions (json without HTML escaping, split, join, title, lower, upper, pad, truncate). A
 * table's header row runs with templates.HeaderFunctions instead, which hand a column's title back untouched.
 * A failing call is "error calling NAME: ..." (exec.go evalCall).
 */
import type { GoJson } from './gojson';
import { goMarshal } from './gojson';
import { TemplateError } from './template_error';
import {
  dynamicType,
  fmtArg,
  IFACE,
  isObject,
  printValue,
  settle,
  truthy,
  type GoType,
  type TV,
} from './template_values';

/** Every name a template may call: Go's parser rejects any other ("function "x" not defined"). */
export const FUNC_NAMES: ReadonlySet<string> = new Set([
  ...['and', 'call', 'html', 'index', 'slice', 'js', 'len', 'not', 'or', 'print', 'printf', 'println'],
  ...['urlquery', 'eq', 'ge', 'gt', 'le', 'lt', 'ne'],
  ...['json', 'split', 'join', 'title', 'lower', 'upper', 'pad', 'truncate'],
]);

/** templates.HeaderFunctions: these return the column title they are given. */
const HEADER_IDENTITY = new Set(['json', 'split', 'join', 'title', 'lower', 'upper', 'truncate']);

const str = (v: GoJson | undefined) => (typeof v === 'string' ? v : printValue(v));
const ret = (v: GoJson): TV => ({ v, t: dynamicType(v) });

function fail(name: string, msg: string): never {
  throw new TemplateError(`error calling ${name}: ${msg}`);
}

/** `index x k...` (funcs.go index): a map's key (its element's zero value when missing), a slice's element. */
function index(xs: TV[]): TV {
  let cur = xs[0] as TV;
  for (const k of xs.slice(1)) {
    const v = cur.v;
    if (v === undefined) fail('index', 'index of untyped nil');
    if (Array.isArray(v)) {
      const i = Number(k.v);
      if (!(i >= 0 && i < v.length)) fail('index', `index out of range: ${i}`);
      cur = settle(v[i], cur.t.kind === 'slice' ? cur.t.elem : dynamicType(v[i]));
    } else if (cur.t.kind === 'struct' || (v !== null && typeof v !== 'object'))
      // A struct, even through its pointer, cannot be indexed.
      fail('index', `can't index item of type ${cur.t.name.replace(/^\*/, '')}`);
    else {
      const elem = cur.t.kind === 'map' ? cur.t.elem : dynamicType(null);
      const key = str(k.v);
      if (v !== null && Object.hasOwn(v, key)) cur = settle(v[key] as GoJson, elem);
      else cur = { v: elem.kind === 'scalar' && elem.name === 'string' ? '' : null, t: elem };
    }
  }
  return cur;
}

/** `slice x i j` (funcs.go slice): a string's bytes or a slice's elements from i to j, bounds checked. */
function slice(xs: TV[]): TV {
  const x = xs[0] as TV;
  const v = x.v;
  if (typeof v !== 'string' && !Array.isArray(v))
    return fail('slice', `can't slice item of type ${x.t.name}`);
  const idx = xs.slice(1).map((i) => Number(i.v));
  for (const i of idx) if (!(i >= 0 && i <= v.length)) fail('slice', `index out of range: ${i}`);
  const [i = 0, j = v.length] = idx;
  if (i > j) fail('slice', `invalid slice index: ${i} > ${j}`);
  return typeof v === 'string' ? ret(v.slice(i, j)) : { v: v.slice(i, j), t: x.t };
}

/** lt, le, gt, ge (funcs.go): numbers with numbers, strings with strings. */
function compare(name: string, a: GoJson | undefined, b: GoJson | undefined): boolean {
  const ok =
    (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
  if (!ok) fail(name, 'incompatible types for comparison');
  const [x, y] = [a as number | string, b as number | string];
  return name === 'lt' ? x < y : name === 'le' ? x <= y : name === 'gt' ? x > y : x >= y;
}

function printf(xs: TV[]): string {
  let i = 1;
  return str(xs[0]?.v).replace(/%[vsdq%]/g, (m) => {
    if (m === '%%') return '%';
    const x = xs[i++];
    if (!x) return `%!${m[1] as string}(MISSING)`;
    return m === '%q' ? JSON.stringify(str(x.v)) : fmtArg(x);
  });
}

/** fmt.Sprint: a space between operands when neither is a string. */
function print(xs: TV[]): string {
  let out = '';
  xs.forEach((x, i) => {
    if (i > 0 && typeof x.v !== 'string' && typeof xs[i - 1]?.v !== 'string') out += ' ';
    out += fmtArg(x);
  });
  return out;
}

/**
 * What `json` marshals: a formatter context (a struct with a method table) is its methods that take no
 * arguments (formatter/reflect.go marshalForMethod), not the unexported field its methods read.
 */
function marshalled(x: TV | undefined): { v: GoJson; t: GoType | undefined } {
  const v = x?.v ?? null;
  const t = x?.t;
  if (t?.kind !== 'struct' || !t.methods || !isObject(v)) return { v, t };
  // marshalForMethod's result is a map[string]interface{}: its keys go out sorted.
  return { v: Object.fromEntries(Object.keys(t.fields).map((k) => [k, v[k] ?? null])), t: IFACE };
}

export function callFn(name: string, xs: TV[], header: boolean): TV {
  const args = xs.map((x) => x.v);
  const a0 = args[0];
  if (header && HEADER_IDENTITY.has(name)) {
    if (typeof a0 !== 'string')
      throw new TemplateError(`wrong type for value; expected string; got ${xs[0]?.t.name ?? 'nil'}`);
    return ret(a0);
  }
  switch (name) {
    case 'json': {
      const m = marshalled(xs[0]);
      return ret(goMarshal(m.v, '', 0, false, m.t));
    }
    case 'join':
      return ret(Array.isArray(a0) ? a0.map(str).join(str(args[1])) : str(a0));
    case 'split':
      return ret(str(a0).split(str(args[1])));
    case 'lower':
      return ret(str(a0).toLowerCase());
    case 'upper':
      return ret(str(a0).toUpperCase());
    case 'title':
      return ret(str(a0).replace(/\b\w/g, (c) => c.toUpperCase()));
    case 'pad': {
      const s = str(a0);
      return ret(s === '' ? s : `${' '.repeat(Number(args[1] ?? 0))}${s}${' '.repeat(Number(args[2] ?? 0))}`);
    }
    case 'truncate': {
      const s = str(a0);
      const n = Number(args[1] ?? 0);
      return ret(s.length < n ? s : s.slice(0, n));
    }
    case 'println':
      return ret(`${xs.map(fmtArg).join(' ')}\n`);
    case 'print':
      return ret(print(xs));
    case 'printf':
      return ret(printf(xs));
    case 'len': {
      // funcs.go length returns an int.
      const int = (n: number): TV => ({ v: n, t: { kind: 'scalar', name: 'int' } });
      if (typeof a0 === 'string') return int(new TextEncoder().encode(a0).length);
      if (Array.isArray(a0)) return int(a0.length);
      if (a0 && typeof a0 === 'object' && xs[0]?.t.kind !== 'struct') return int(Object.keys(a0).length);
      return fail('len', `len of type ${xs[0]?.t.name ?? 'nil'}`);
    }
    case 'index':
      return index(xs);
    case 'slice':
      return slice(xs);
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge':
      return ret(compare(name, a0, args[1]));
    case 'eq':
      return ret(args.slice(1).some((a) => a === a0));
    case 'ne':
      return ret(a0 !== args[1]);
    case 'not':
      return ret(!truthy(a0));
    case 'and':
      return xs.find((x) => !truthy(x.v)) ?? (xs[xs.length - 1] as TV);
    case 'or':
      return xs.find((x) => truthy(x.v)) ?? (xs[xs.length - 1] as TV);
    default:
      return fail(name, 'not supported here');
  }
}
