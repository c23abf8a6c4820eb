/**
 * Command-line flags as spf13/pflag parses them for the docker CLI: long flags with "=" or a following word,
 * grouped shorthands ("-it", "-p8080:80"), "--" ending the flags, and (for run, create, exec) parsing that
 * stops at the first positional word (SetInterspersed(false)). Errors carry pflag's wording; the caller adds
 * "See 'docker X --help'." (cli.FlagErrorFunc) and exits 125.
 */
import { goQuote } from '../../../lib';

export type FlagKind = 'bool' | 'value';

export interface FlagSpec {
  long: string;
  short?: string;
  kind: FlagKind;
  /**
   * The flag value's own Set check (a ListOpts validator, FilterOpt.Set, an int flag's ParseInt): its error
   * text, or null. pflag reports it as `invalid argument "V" for "-s, --long" flag: ERR`.
   */
  check?: (value: string) => string | null;
}

export interface ParsedFlags {
  /** Values by long name, in the order given (bools as "true"/"false"). */
  values: Map<string, string[]>;
  args: string[];
}

export class FlagError extends Error {}

export function parseFlags(
  argv: readonly string[],
  specs: readonly FlagSpec[],
  interspersed: boolean,
): ParsedFlags {
  const byLong = new Map(specs.map((s) => [s.long, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const values = new Map<string, string[]>();
  const args: string[] = [];
  const set = (s: FlagSpec, v: string) => {
    const bad = s.check?.(v) ?? null;
    if (bad !== null)
      throw new FlagError(
        `invalid argument ${goQuote(v)} for "${s.short ? `-${s.short}, ` : ''}--${s.long}" flag: ${bad}`,
      );
    const cur = values.get(s.long) ?? [];
    cur.push(v);
    values.set(s.long, cur);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const s = byLong.get(name);
      if (!s) throw new FlagError(`unknown flag: --${name}`);
      if (s.kind === 'bool') {
        const v = eq >= 0 ? a.slice(eq + 1) : 'true';
        if (!['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False', 'T', 'F'].includes(v))
          throw new FlagError(
            `invalid argument "${v}" for "${s.short ? `-${s.short}, ` : ''}--${s.long}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`,
          );
        set(s, ['true', '1', 't', 'TRUE', 'True', 'T'].includes(v) ? 'true' : 'false');
      } else if (eq >= 0) {
        set(s, a.slice(eq + 1));
      } else if (i + 1 < argv.length) {
        set(s, argv[++i] as string);
      } else {
        throw new FlagError(`flag needs an argument: --${name}`);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        const s = byShort.get(c);
        if (!s) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        if (s.kind === 'bool') {
          if (a[j + 1] === '=') {
            const v = a.slice(j + 2);
            set(s, ['true', '1', 't', 'TRUE', 'True', 'T'].includes(v) ? 'true' : 'false');
            break;
          }
          set(s, 'true');
          continue;
        }
        const rest = a.slice(j + 1);
        if (rest !== '') set(s, rest.startsWith('=') ? rest.slice(1) : rest);
        else if (i + 1 < argv.length) set(s, argv[++i] as string);
        else throw new FlagError(`flag needs an argument: '${c}' in ${a}`);
        break;
      }
      continue;
    }
    if (!interspersed) {
      args.push(...argv.slice(i));
      break;
    }
    args.push(a);
  }
  return { values, args };
}

export function flagBool(p: ParsedFlags, long: string): boolean {
  const v = p.values.get(long);
  return v !== undefined && v[v.length - 1] === 'true';
}

export function flagString(p: ParsedFlags, long: string, dflt = ''): string {
  const v = p.values.get(long);
  return v === undefined ? dflt : (v[v.length - 1] as string);
}

export function flagList(p: ParsedFlags, ...longs: string[]): string[] {
  return longs.flatMap((l) => p.values.get(l) ?? []);
}

export function flagSet(p: ParsedFlags, long: string): boolean {
  return p.values.has(long);
}
