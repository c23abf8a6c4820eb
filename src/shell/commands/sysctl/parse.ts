/**
 * procps-ng 4.0.2 sysctl's command line (sysctl.c main(): getopt_long "bneNwfp::qoxaAXr:Vdh" plus long
 * options). GNU getopt permutes, so options may follow the settings; "--" ends them.
 */

export interface SysctlOpts {
  all: boolean;
  /** -b: values without a newline. */
  binary: boolean;
  /** -e: no error for unknown keys. */
  ignore: boolean;
  /** -N: names only. */
  namesOnly: boolean;
  /** -n: values only. */
  valuesOnly: boolean;
  quiet: boolean;
  write: boolean;
  dryRun: boolean;
  /** -p/-f/--load: files to preload ([] means /etc/sysctl.conf). */
  load: string[] | null;
  pattern: string | null;
  args: string[];
}

export type SysctlParse =
  | { kind: 'run'; opts: SysctlOpts }
  | { kind: 'help' }
  | { kind: 'version' }
  /** A getopt error: the message goes to stderr and the usage to stdout. */
  | { kind: 'bad'; message: string };

const LONG: Record<string, string> = {
  all: 'a',
  binary: 'b',
  ignore: 'e',
  names: 'N',
  values: 'n',
  load: 'p',
  quiet: 'q',
  write: 'w',
  pattern: 'r',
  help: 'h',
  version: 'V',
  'dry-run': 'dry-run',
  deprecated: 'deprecated',
  system: 'system',
};

/** Unambiguous prefixes of long options are accepted, as getopt_long does. */
function longName(word: string): string | null {
  if (Object.hasOwn(LONG, word)) return word;
  const hits = Object.keys(LONG).filter((n) => n.startsWith(word));
  return hits.length === 1 ? (hits[0] as string) : null;
}

export function parseSysctlArgs(argv: readonly string[]): SysctlParse {
  const o: SysctlOpts = {
    all: false,
    binary: false,
    ignore: false,
    namesOnly: false,
    valuesOnly: false,
    quiet: false,
    write: false,
    dryRun: false,
    load: null,
    pattern: null,
    args: [],
  };
  const apply = (c: string, value: string | null): SysctlParse | null => {
    switch (c) {
      case 'a':
      case 'A':
      case 'X':
        o.all = true;
        break;
      case 'b':
        o.binary = true;
        o.valuesOnly = true;
        break;
      case 'e':
        o.ignore = true;
        break;
      case 'N':
        o.namesOnly = true;
        break;
      case 'n':
        o.valuesOnly = true;
        break;
      case 'q':
        o.quiet = true;
        break;
      case 'w':
        o.write = true;
        break;
      case 'p':
      case 'f':
        o.load = value === null ? (o.load ?? []) : [...(o.load ?? []), value];
        break;
      case 'r':
        o.pattern = value;
        break;
      case 'o':
      case 'x':
      case 'deprecated':
        break;
      case 'dry-run':
        o.dryRun = true;
        break;
      case 'system':
        o.load = o.load ?? [];
        break;
      case 'h':
      case 'd':
        return { kind: 'help' };
      case 'V':
        return { kind: 'version' };
    }
    return null;
  };
  let i = 0;
  let options = true;
  while (i < argv.length) {
    const w = argv[i++] as string;
    if (!options || w === '-' || !w.startsWith('-')) {
      o.args.push(w);
      continue;
    }
    if (w === '--') {
      options = false;
      continue;
    }
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const word = w.slice(2, eq < 0 ? undefined : eq);
      const name = longName(word);
      if (name === null) return { kind: 'bad', message: `sysctl: unrecognized option '${w}'\n` };
      const c = LONG[name] as string;
      let value: string | null = eq < 0 ? null : w.slice(eq + 1);
      if (c === 'r' && value === null) {
        value = argv[i++] ?? null;
        if (value === null)
          return { kind: 'bad', message: `sysctl: option '--pattern' requires an argument\n` };
      } else if (c !== 'p' && value !== null) {
        return { kind: 'bad', message: `sysctl: option '--${name}' doesn't allow an argument\n` };
      }
      const r = apply(c, value);
      if (r) return r;
      continue;
    }
    for (let j = 1; j < w.length; j++) {
      const c = w[j] as string;
      if (!'bneNwfpqoxaAXrVdh'.includes(c))
        return { kind: 'bad', message: `sysctl: invalid option -- '${c}'\n` };
      let value: string | null = null;
      if (c === 'p' || c === 'f' || c === 'r') {
        const rest = w.slice(j + 1);
        if (rest !== '') value = rest;
        else if (c === 'r') {
          value = argv[i++] ?? null;
          if (value === null) return { kind: 'bad', message: `sysctl: option requires an argument -- 'r'\n` };
        }
        j = w.length;
      }
      const r = apply(c, value);
      if (r) return r;
    }
  }
  return { kind: 'run', opts: o };
}

/** `sysctl -h` (procps-ng 4.0.2, Debian 12). */
export const SYSCTL_USAGE = `
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -A                   alias of -a
  -X                   alias of -a
      --deprecated     include deprecated parameters to listing
      --dry-run        Print the key and values but do not write
  -b, --binary         print value without new line
  -e, --ignore         ignore unknown variables errors
  -N, --names          print variable names without values
  -n, --values         print only values of the given variable(s)
  -p, --load[=<file>]  read values from file
  -f                   alias of -p
      --system         read values from all system directories
  -r, --pattern <expression>
                       select setting that match expression
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable
  -o                   does nothing
  -x                   does nothing
  -d                   alias of -h

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see sysctl(8).
`;
