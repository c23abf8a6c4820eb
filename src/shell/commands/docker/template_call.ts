/**
 * Calling a method that takes arguments, as text/template does (exec.go evalField -> evalCall, evalArg,
 * validateType): `{{.Label "app"}}` on a formatter's context. The count is checked first, at the method's
 * node ("wrong number of args for Label: want 1 got 0"); then each argument, at its own node, is converted to
 * its parameter's type: a literal must be of that kind ("expected string; found 1"), nil only fits a type
 * that can be nil, and an evaluated operand (a field, a variable, a pipeline, a function) must have the
 * parameter's type ("wrong type for value; expected string; got int"); a piped-in final value is checked last.
 */
import type { GoJson } from './gojson';
import { TemplateError } from './template_error';
import type { Word } from './template_parse';
import { callMethod, dynamicType, isObject, type GoMethod, type GoType, type TV } from './template_values';

/** What evaluating arguments needs from the executing template (template.ts). */
export interface ArgScope {
  dot: TV;
  /** The value of an operand word: a field chain, a variable, a (pipeline) or a function name. */
  value(w: Word): TV;
  /** Throw `e` located at the node `w` is (exec.go state.at + errorf). */
  fail(e: unknown, w: Word): never;
}

/** exec.go canBeNil: an untyped nil fits a map, slice, pointer or interface. */
function canBeNil(t: GoType): boolean {
  return t.kind === 'map' || t.kind === 'slice' || t.kind === 'pointer' || t.kind === 'iface';
}

/** The Go type a value has for assignment: an interface{} holding a value is that value's dynamic type. */
function concrete(x: TV): GoType {
  return x.t.kind === 'iface' && x.v !== null && x.v !== undefined ? dynamicType(x.v) : x.t;
}

/** exec.go validateType: `x` must be assignable to `t`. */
function validateType(x: TV, t: GoType): GoJson {
  if (x.v === undefined) {
    if (canBeNil(t)) return null;
    throw new TemplateError(`invalid value; expected ${t.name}`);
  }
  if (t.kind === 'iface' || concrete(x).name === t.name) return x.v;
  throw new TemplateError(`wrong type for value; expected ${t.name}; got ${concrete(x).name}`);
}

const INTEGER = /^[-+]?(0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]*|[1-9][0-9_]*)$/;

/** A literal argument (exec.go evalString, evalInteger, evalBool, evalEmptyInterface). */
function literal(s: string, t: GoType): GoJson {
  const isString = s.startsWith('"') || s.startsWith('`');
  const text = () => (s.startsWith('"') ? (JSON.parse(s) as string) : s.slice(1, -1));
  if (t.kind === 'iface') {
    if (isString) return text();
    if (s === 'true' || s === 'false') return s === 'true';
    return Number(s);
  }
  if (t.kind === 'scalar' && t.name === 'string') {
    if (isString) return text();
    throw new TemplateError(`expected string; found ${s}`);
  }
  if (t.kind === 'scalar' && t.name === 'bool') {
    if (s === 'true' || s === 'false') return s === 'true';
    throw new TemplateError(`expected bool; found ${s}`);
  }
  if (t.kind === 'scalar' && /^u?int\d*$/.test(t.name)) {
    if (INTEGER.test(s)) return Number(s.replace(/_/g, ''));
    throw new TemplateError(`expected integer; found ${s}`);
  }
  throw new TemplateError(`can't handle ${s} for arg of type ${t.name}`);
}

/** An operand word (not a literal): what exec.go evalArg evaluates and then validates. */
function isOperand(s: string): boolean {
  return (
    s.startsWith('.') ||
    s.startsWith('$') ||
    s.startsWith('(') ||
    (/^[A-Za-z_]\w*$/.test(s) && s !== 'true' && s !== 'false' && s !== 'nil')
  );
}

/**
 * The node Go's state last visited when it evaluated `w`: errorf reports there. A parenthesized pipeline's
 * last command's last word (exec.go moves state.at to every node it evaluates), any other word itself.
 */
function lastNode(w: Word): Word {
  const cmd = w.sub?.cmds[w.sub.cmds.length - 1];
  const last = cmd?.words[cmd.words.length - 1];
  return last ? lastNode(last) : w;
}

/** exec.go evalArg: one argument word converted to `t`, its errors located at the word. */
function evalArg(w: Word, t: GoType, sc: ArgScope): GoJson {
  try {
    if (w.s === '.' && !w.sub) return validateType(sc.dot, t);
    if (w.s === 'nil') {
      if (canBeNil(t)) return null;
      throw new TemplateError(`cannot assign nil to ${t.name}`);
    }
    if (!isOperand(w.s)) return literal(w.s, t);
  } catch (e) {
    return sc.fail(e, w);
  }
  // value() locates its own errors (an unknown field inside the operand); the type check is located where
  // evaluating it ended.
  const x = sc.value(w);
  try {
    return validateType(x, t);
  } catch (e) {
    return sc.fail(e, lastNode(w));
  }
}

/**
 * The method `name` of `recv`, if its type has one (a formatter context's method table); null otherwise, for
 * the field and map errors the caller reports.
 */
export function methodOf(recv: TV, name: string): GoMethod | null {
  if (recv.t.kind !== 'struct' || !isObject(recv.v)) return null;
  return recv.t.methods?.[name] ?? null;
}

/**
 * `head args... | final`: call the method `name` of `recv` (exec.go evalCall). `head` is the field chain's
 * word, where the count and the final value's type are checked when no argument was evaluated before them.
 */
export function callWithArgs(
  recv: TV,
  name: string,
  method: GoMethod,
  head: Word,
  args: readonly Word[],
  final: TV | undefined,
  sc: ArgScope,
): TV {
  const given = args.length + (final !== undefined ? 1 : 0);
  if (given !== method.params.length)
    sc.fail(
      new TemplateError(`wrong number of args for ${name}: want ${method.params.length} got ${given}`),
      head,
    );
  const values = args.map((w, i) => evalArg(w, method.params[i] as GoType, sc));
  if (final !== undefined) {
    try {
      values.push(validateType(final, method.params[method.params.length - 1] as GoType));
    } catch (e) {
      // The last node visited: the last argument, or the method's own.
      sc.fail(e, args[args.length - 1] ?? head);
    }
  }
  return callMethod(recv.v as { readonly [k: string]: GoJson }, name, method, values);
}
