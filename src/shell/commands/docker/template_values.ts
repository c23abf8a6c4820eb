/**
 * Values as text/template sees them (exec.go evalField, printValue; fmt's %v). Our data is JSON; what Go
 * executes on is a typed value, and the type decides what a name means:
 * - a struct (a formatter's *ContainerContext, the daemon's ContainerJSON) has fixed fields: an unknown one is
 *   an error, "can't evaluate field Foo in type T";
 * - a map (Labels, Options, Networks, a table's header row, JSON decoded into interface{}) answers any key: a
 *   missing one is "no value" (printed "<no value>"), or with missingkey=error "map has no entry for key".
 * A GoType describes the data; values travel with the static type Go would know them by (TV), which is what
 * an error names and how a nil prints (a nil map "map[]", a nil slice "[]", a nil pointer "<nil>", a nil
 * interface{} "<no value>" since evalPipeline digs into interface{} values).
 */
import { goStringCompare, type GoJson } from './gojson';
import { TemplateError } from './template_error';

export type GoType =
  /** open: the struct's fields are the declared ones and every key its JSON has (a daemon struct whose JSON
   *  we build field by field); closed: exactly the declared ones, in Go's order (a formatter's methods, a
   *  small API struct). `json`: a field's JSON key where it differs from its Go name (HostIP "HostIp"). */
  | {
      kind: 'struct';
      name: string;
      fields: Readonly<Record<string, GoType>>;
      open: boolean;
      json?: Readonly<Record<string, string>>;
      /** Methods that take arguments (a formatter's `Label(name string) string`): template_call.ts. */
      methods?: Readonly<Record<string, GoMethod>>;
      /** Unexported fields: reflect finds them, text/template refuses them. */
      unexported?: readonly string[];
    }
  | { kind: 'map'; name: string; elem: GoType }
  | { kind: 'slice'; name: string; elem: GoType }
  | { kind: 'scalar'; name: string }
  | { kind: 'pointer'; name: string }
  /** interface{}: what encoding/json decodes into (objects map[string]interface {}, numbers json.Number). */
  | { kind: 'iface'; name: string }
  /** A field of an open struct that we declare nothing about: typed like its JSON looks. */
  | { kind: 'infer'; name: string };

export const IFACE: GoType = { kind: 'iface', name: 'interface {}' };
export const INFER: GoType = { kind: 'infer', name: '' };
export const STRING: GoType = { kind: 'scalar', name: 'string' };
const RAW_MAP: GoType = { kind: 'map', name: 'map[string]interface {}', elem: IFACE };
const RAW_SLICE: GoType = { kind: 'slice', name: '[]interface {}', elem: IFACE };

export function struct(name: string, fields: Record<string, GoType> = {}, open = true): GoType {
  return { kind: 'struct', name, fields, open };
}
/** A struct whose fields are all declared, in order; `json` renames as the struct's tags do. */
export function closedStruct(
  name: string,
  fields: Record<string, GoType>,
  json?: Record<string, string>,
): GoType {
  return { kind: 'struct', name, fields, open: false, ...(json ? { json } : {}) };
}
export function mapOf(name: string, elem: GoType = STRING): GoType {
  return { kind: 'map', name, elem };
}
export function sliceOf(name: string, elem: GoType = INFER): GoType {
  return { kind: 'slice', name, elem };
}
export const pointer = (name: string): GoType => ({ kind: 'pointer', name });

/**
 * A method of a struct type, called as text/template calls one (exec.go evalCall): `params` are checked and
 * converted per argument, `call` gets the receiver's JSON and the arguments' values.
 */
export interface GoMethod {
  params: readonly GoType[];
  result: GoType;
  call(recv: { readonly [k: string]: GoJson }, args: readonly GoJson[]): GoJson;
}

/** A value and the type Go knows it by; v undefined is Go's invalid reflect.Value ("<no value>"). */
export interface TV {
  v: GoJson | undefined;
  t: GoType;
}

/** The dynamic type of a value (a function's result, JSON decoded into interface{}). */
export function dynamicType(v: GoJson | undefined): GoType {
  if (v === null || v === undefined) return IFACE;
  if (Array.isArray(v)) return RAW_SLICE;
  if (typeof v === 'object') return RAW_MAP;
  if (typeof v === 'string') return STRING;
  return { kind: 'scalar', name: typeof v === 'number' ? 'json.Number' : 'bool' };
}

/** An undeclared field of a typed struct: a nested object is a struct too, a list a slice. */
function inferred(v: GoJson | undefined): GoType {
  if (v !== null && typeof v === 'object') return Array.isArray(v) ? sliceOf('[]') : struct('struct');
  if (typeof v === 'string') return STRING;
  if (typeof v === 'number') return { kind: 'scalar', name: 'int' };
  if (typeof v === 'boolean') return { kind: 'scalar', name: 'bool' };
  return pointer('*struct');
}

/** The type a slot's value is known by: declared, or read from the value. */
export function settle(v: GoJson | undefined, t: GoType): TV {
  if (t.kind === 'infer') return { v, t: inferred(v) };
  return { v, t };
}

/** The zero value of a declared field our JSON leaves out (Go's omitempty). */
function zero(t: GoType): GoJson {
  if (t.kind === 'scalar') return t.name === 'string' ? '' : t.name === 'bool' ? false : 0;
  return t.kind === 'struct' ? {} : null;
}

/** A JSON object (what a Go struct or map is marshalled to). */
export const isObject = (v: GoJson | undefined): v is { [k: string]: GoJson } =>
  v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);

/** `recv.name` (exec.go evalField): a struct's field, a map's key, or Go's error for the value's type. */
export function field(recv: TV, name: string, missingKeyError: boolean): TV {
  const { v, t } = recv;
  if (v === undefined) {
    if (missingKeyError) throw new TemplateError(`nil data; no entry for key "${name}"`);
    return { v: undefined, t: IFACE };
  }
  if (t.kind === 'struct' && isObject(v)) {
    const method = t.methods?.[name];
    // A method named without arguments (exec.go evalField -> evalCall with none): `{{.Label}}`.
    if (method) return callMethod(v, name, method, []);
    const declared = t.fields[name];
    const key = t.json?.[name] ?? name;
    // Own keys only: `in` also finds Object.prototype's (`{{.constructor}}`).
    if (Object.hasOwn(v, key) && (declared || t.open)) return settle(v[key], declared ?? INFER);
    if (declared) return settle(zero(declared), declared);
    if (t.unexported?.includes(name))
      throw new TemplateError(`${name} is an unexported field of struct type ${t.name}`);
    throw new TemplateError(`can't evaluate field ${name} in type ${t.name}`);
  }
  if (v === null) {
    // A nil map answers every key with no value; a nil interface{} or pointer cannot be walked.
    if (t.kind === 'map') return missing(name, missingKeyError);
    throw new TemplateError(`nil pointer evaluating ${t.name}.${name}`);
  }
  if ((t.kind === 'map' || t.kind === 'iface') && isObject(v)) {
    if (Object.hasOwn(v, name)) return settle(v[name], t.kind === 'map' ? t.elem : IFACE);
    return missing(name, missingKeyError);
  }
  throw new TemplateError(`can't evaluate field ${name} in type ${t.name}`);
}

/**
 * Call `method` of the struct value `recv` with arguments already converted to its parameters' types
 * (template_call.ts converts them); the argument count is checked here, as evalCall does first.
 */
export function callMethod(
  recv: { readonly [k: string]: GoJson },
  name: string,
  method: GoMethod,
  args: readonly GoJson[],
): TV {
  if (args.length !== method.params.length)
    throw new TemplateError(
      `wrong number of args for ${name}: want ${method.params.length} got ${args.length}`,
    );
  return settle(method.call(recv, args), method.result);
}

function missing(name: string, missingKeyError: boolean): TV {
  if (missingKeyError) throw new TemplateError(`map has no entry for key "${name}"`);
  return { v: undefined, t: IFACE };
}

/**
 * What an action prints (exec.go printValue): a top-level pointer is followed, a nil interface{} is
 * "<no value>"; the rest is fmt's %v of the value as its type.
 */
export function printTV(x: TV): string {
  if (x.v === undefined || (x.v === null && x.t.kind === 'iface')) return '<no value>';
  return fmtV(x.v, x.t);
}

/** fmt's %v of an argument of print, printf, println: a pointer to a struct shows as &{...}. */
export function fmtArg(x: TV): string {
  if (x.v === undefined) return '<nil>';
  const t = x.t.kind === 'infer' ? inferred(x.v) : x.t;
  const amp = t.kind === 'struct' && t.name.startsWith('*') && isObject(x.v) ? '&' : '';
  return amp + fmtV(x.v, t);
}

/**
 * fmt's %v of `v` as Go type `t`: a struct is {its fields in order} (our JSON keeps the struct's field order;
 * declared fields our JSON omits go last, where the omitempty pointers we declare sit), a map is map[k:v] by
 * sorted key, a slice [a b]; a nil map "map[]", a nil slice "[]", any other nil "<nil>". (Go prints a
 * pointer nested in a struct, map or slice as its address: we print what it points to.)
 */
function fmtV(v: GoJson, t: GoType): string {
  const tt = t.kind === 'infer' ? inferred(v) : t;
  if (v === null) return tt.kind === 'map' ? 'map[]' : tt.kind === 'slice' ? '[]' : '<nil>';
  if (Array.isArray(v))
    return `[${v.map((e) => fmtV(e, tt.kind === 'slice' ? tt.elem : dynamicType(e))).join(' ')}]`;
  if (typeof v !== 'object') return String(v);
  if (tt.kind === 'struct') {
    const key = (k: string) => tt.json?.[k] ?? k;
    const declared = Object.keys(tt.fields);
    const names = tt.open
      ? [...Object.keys(v), ...declared.filter((k) => !Object.hasOwn(v, key(k)))]
      : declared;
    const parts = names.map((k) => {
      const ft = tt.fields[k] ?? INFER;
      return fmtV(Object.hasOwn(v, key(k)) ? (v[key(k)] as GoJson) : zero(ft), ft);
    });
    return `{${parts.join(' ')}}`;
  }
  const elem = tt.kind === 'map' ? tt.elem : IFACE;
  return `map[${Object.keys(v)
    .sort(goStringCompare)
    .map((k) => `${k}:${fmtV(v[k] as GoJson, elem)}`)
    .join(' ')}]`;
}

/** fmt's %v of decoded JSON: maps as map[k:v] with sorted keys, slices as [a b]. */
export function printValue(v: GoJson | undefined): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(printValue).join(' ')}]`;
  return `map[${Object.keys(v)
    .sort(goStringCompare)
    .map((k) => `${k}:${printValue(v[k])}`)
    .join(' ')}]`;
}

/** exec.go isTrue: empty strings, maps and slices, zero numbers, false and nil are false. */
export function truthy(v: GoJson | undefined): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}
