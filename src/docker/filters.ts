/**
 * api/types/filters (parse.go, errors.go): the filters of a list request, a set of values per key, and how the
 * daemon matches them. Values of one key are alternatives (any may match), keys all apply. Go keeps both in
 * maps and walks them in random order; where that order shows (which invalid key or value an error names, the
 * values listed in it), we take them sorted, so that a line always prints the same.
 */
import type { RE2JS } from 're2js';
import { compileGoRegexp } from './go_regexp';
import { invalid } from './errors';

/** filters.Args: key -> its values. */
export type FilterArgs = ReadonlyMap<string, ReadonlySet<string>>;

/** Args.Add, on a fresh copy. */
export function addFilter(args: FilterArgs, key: string, value: string): FilterArgs {
  const next = new Map(args);
  next.set(key, new Set([...(args.get(key) ?? []), value]));
  return next;
}

/** A key's values, sorted (Args.Get and WalkValues give them in map order). */
export function filterValues(args: FilterArgs, key: string): string[] {
  return [...(args.get(key) ?? [])].sort();
}

/** errors.go invalidFilter: "invalid filter 'KEY'" or, with values, "invalid filter 'KEY=[v1 v2]'". */
export function invalidFilter(key: string, values?: readonly string[]): Error {
  return invalid(`invalid filter '${key}${values ? `=[${values.join(' ')}]` : ''}'`);
}

/** Args.Validate: every key must be accepted. */
export function validateFilters(args: FilterArgs, accepted: ReadonlySet<string>): void {
  const bad = [...args.keys()].sort().find((k) => !accepted.has(k));
  if (bad !== undefined) throw invalidFilter(bad);
}

/** Args.ExactMatch: no values for the key, or one equal to `source`. */
export function exactMatch(args: FilterArgs, key: string, source: string): boolean {
  const vs = args.get(key);
  return !vs || vs.size === 0 || vs.has(source);
}

/** Args.Match: ExactMatch, or a value that is a regular expression matching somewhere in `source`. */
export function filterMatch(args: FilterArgs, key: string, source: string): boolean {
  if (exactMatch(args, key, source)) return true;
  for (const v of args.get(key) ?? []) if (goRegexpFind(v, source)) return true;
  return false;
}

/** Args.MatchKVList: every "k" or "k=v" value names a label `sources` has (with that value). */
export function matchKVList(
  args: FilterArgs,
  key: string,
  sources: Readonly<Record<string, string>>,
): boolean {
  const vs = args.get(key);
  if (!vs || vs.size === 0) return true;
  for (const v of vs) {
    const eq = v.indexOf('=');
    const k = eq < 0 ? v : v.slice(0, eq);
    if (!Object.hasOwn(sources, k)) return false;
    if (eq >= 0 && sources[k] !== v.slice(eq + 1)) return false;
  }
  return true;
}

/** Args.GetBoolOrDefault: "1"/"true" or "0"/"false"; anything else, or both, is invalid. */
export function getBoolOrDefault(args: FilterArgs, key: string, dflt: boolean): boolean {
  const vs = args.get(key);
  if (!vs) return dflt;
  const isFalse = vs.has('0') || vs.has('false');
  const isTrue = vs.has('1') || vs.has('true');
  if (isFalse === isTrue) throw invalidFilter(key, filterValues(args, key));
  return isTrue;
}

/**
 * regexp.MatchString(pattern, s): Go's RE2, through re2js (a port of RE2): the same syntax as Go's regexp
 * ((?P<name>), (?i), no look-around or back-references), and matching in time linear in the name. JavaScript's
 * backtracking engine took minutes on `name=^(a|a)*b` against a long name, a hang typed in one line.
 * A pattern RE2 does not compile is no match, as Match skips a value whose pattern does not compile.
 */
function goRegexpFind(pattern: string, s: string): boolean {
  let re = compiled.get(pattern);
  if (re === undefined) {
    if (compiled.size >= 256) compiled.clear();
    compiled.set(pattern, (re = compileGoRegexp(pattern)));
  }
  return re !== null && re.test(s);
}

/** Patterns compiled once: a listing matches one against every container. */
const compiled = new Map<string, RE2JS | null>();
