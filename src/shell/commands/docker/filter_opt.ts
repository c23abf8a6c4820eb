/**
 * The CLI's --filter flag (opts/filter.go FilterOpt): each value "name=value" is added with the name
 * lower-cased and both sides trimmed; a value without "=" is refused when the flag is set (verb_flags.ts).
 */
import { addFilter, type FilterArgs } from '../../../docker';

export function filterArgs(values: readonly string[]): FilterArgs {
  let args: FilterArgs = new Map();
  for (const v of values) {
    if (v === '') continue;
    const eq = v.indexOf('=');
    args = addFilter(args, v.slice(0, eq).trim().toLowerCase(), v.slice(eq + 1).trim());
  }
  return args;
}
