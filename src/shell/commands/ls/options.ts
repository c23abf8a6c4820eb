/**
 * ls's options: GNU coreutils 9.1 (src/ls.c decode_switches) and BusyBox 1.35 (coreutils/ls.c ls_main).
 * Every option letter each accepts is accepted; the ones that change nothing the simulation can show (-b,
 * -q, -N, ...) are parsed and ignored.
 */
import { Getopt, getoptMessage, type LongOpt } from '../../getopt';
import type { CommandIO } from '../../types';
import { BUSYBOX_LS_USAGE, GNU_LS_HELP, GNU_LS_VERSION } from './usage';
import { SORT_WORDS, type SortKey } from './sort';

export type Format = 'long' | 'columns' | 'across' | 'one';

export interface LsOpts {
  /** -a: also . and .. and dot files; -A: dot files. */
  all: 'none' | 'almost' | 'all';
  format: Format;
  /** -d: directories are listed as themselves. */
  directory: boolean;
  inode: boolean;
  human: boolean;
  /** -p appends '/', -F every indicator. */
  indicator: 'none' | 'slash' | 'classify';
  /** -L: every link; -H: command-line links; default: command-line links to directories (GNU, unless -l/-d/-F). */
  deref: 'always' | 'cmdline' | 'cmdline-dirs' | 'never';
  recursive: boolean;
  sort: SortKey;
  reverse: boolean;
  color: boolean;
  /** Line width for column formats (0: unlimited). */
  width: number;
  numeric: boolean;
  /** -g drops the owner, -o the group (long format). */
  noOwner: boolean;
  noGroup: boolean;
  /** GNU at a terminal quotes names the shell would misread (quoting_style shell-escape); -N turns it off. */
  shellEscape: boolean;
}

const WHEN_ALWAYS = ['always', 'yes', 'force'];
const WHEN_NEVER = ['never', 'no', 'none'];
const WHEN_AUTO = ['auto', 'tty', 'if-tty'];

const GNU_LONG: readonly LongOpt[] = [
  ['all', 'a'],
  ['almost-all', 'A'],
  ['escape', 'b'],
  ['directory', 'd'],
  ['classify', 'F', 2],
  ['file-type', 'file-type'],
  ['human-readable', 'h'],
  ['si', 'si'],
  ['inode', 'i'],
  ['dereference', 'L'],
  ['dereference-command-line', 'H'],
  ['numeric-uid-gid', 'n'],
  ['literal', 'N'],
  ['hide-control-chars', 'q'],
  ['show-control-chars', 'show-control-chars'],
  ['quote-name', 'Q'],
  ['recursive', 'R'],
  ['reverse', 'r'],
  ['size', 's'],
  ['width', 'w', 1],
  ['tabsize', 'T', 1],
  ['color', 'color', 2],
  ['group-directories-first', 'group-directories-first'],
  ['full-time', 'full-time'],
  ['sort', 'sort', 1],
  ['no-group', 'G'],
  ['help', 'help'],
  ['version', 'version'],
].map(([name, val, hasArg]) => ({
  name: name as string,
  val: val as string,
  hasArg: (hasArg ?? 0) as 0 | 1 | 2,
}));

export type Parsed = { opts: LsOpts; names: string[] } | { exit: number };

function defaults(io: CommandIO): LsOpts {
  return {
    all: 'none',
    format: io.isatty ? 'columns' : 'one',
    directory: false,
    inode: false,
    human: false,
    indicator: 'none',
    deref: 'cmdline-dirs',
    recursive: false,
    sort: 'name',
    reverse: false,
    color: false,
    width: 80,
    numeric: false,
    noOwner: false,
    noGroup: false,
    shellEscape: false,
  };
}

/** Letters both implementations read the same way. */
function common(o: LsOpts, c: string): void {
  if (c === 'a') o.all = 'all';
  else if (c === 'A') o.all = 'almost';
  else if (c === 'l') o.format = 'long';
  else if (c === '1') o.format = 'one';
  else if (c === 'C') o.format = 'columns';
  else if (c === 'x') o.format = 'across';
  else if (c === 'd') o.directory = true;
  else if (c === 'i') o.inode = true;
  else if (c === 'h') o.human = true;
  else if (c === 'F') o.indicator = 'classify';
  else if (c === 'p') o.indicator = 'slash';
  else if (c === 'L') o.deref = 'always';
  else if (c === 'H') o.deref = 'cmdline';
  else if (c === 'R') o.recursive = true;
  else if (c === 't') o.sort = 'time';
  else if (c === 'S') o.sort = 'size';
  else if (c === 'X') o.sort = 'extension';
  else if (c === 'v') o.sort = 'version';
  else if (c === 'r') o.reverse = true;
  else if (c === 'n') {
    o.numeric = true;
    o.format = 'long';
  } else if (c === 'g') {
    o.noOwner = true;
    o.format = 'long';
  }
}

/** The terminal's width (TIOCGWINSZ) when stdout is one, else $COLUMNS, else 80. */
function lineWidth(io: CommandIO): number {
  if (io.isatty && io.columns !== undefined && io.columns > 0) return io.columns;
  const env = Number(io.env.get('COLUMNS') ?? '');
  return Number.isInteger(env) && env > 0 ? env : 80;
}

/** gettext quotes: curly in a UTF-8 locale (the host's C.UTF-8), plain in the C locale images run in. */
function quotes(io: CommandIO): [string, string] {
  const lang = io.env.get('LC_ALL') || io.env.get('LC_MESSAGES') || io.env.get('LANG') || '';
  return /utf-?8/i.test(lang) ? ['\u2018', '\u2019'] : ["'", "'"];
}

export function parseGnu(io: CommandIO): Parsed {
  const o = defaults(io);
  o.shellEscape = io.isatty === true;
  let color: string | null = 'never';
  let width: number | null = null;
  let derefSet = false;
  const names: string[] = [];
  const g = new Getopt(io.argv, 'abcdfghiklmnopqrstuvw:xABCDFGHI:LNQRST:UXZ1');
  for (let r = g.next(GNU_LONG); r.kind !== 'end'; r = g.next(GNU_LONG)) {
    if (r.kind === 'nonopt') names.push(r.arg);
    else if (r.kind !== 'opt') {
      io.err(getoptMessage('ls', r));
      io.err("Try 'ls --help' for more information.\n");
      return { exit: 2 };
    } else if (r.val === 'help') return (io.out(GNU_LS_HELP), { exit: 0 });
    else if (r.val === 'version') return (io.out(GNU_LS_VERSION), { exit: 0 });
    else if (r.val === 'color') color = r.arg ?? 'always';
    else if (r.val === 'w') {
      // xstrtoumax: any run of digits (a width past SIZE_MAX is as good as unlimited).
      const n = /^\d+$/.test(r.arg ?? '') ? Math.min(Number(r.arg), Number.MAX_SAFE_INTEGER) : NaN;
      if (Number.isNaN(n)) {
        const [l, q] = quotes(io);
        io.err(`ls: invalid line width: ${l}${r.arg ?? ''}${q}\n`);
        return { exit: 2 };
      }
      width = n;
    } else if (r.val === 'o') {
      o.noGroup = true;
      o.format = 'long';
    } else if (r.val === 'U' || r.val === 'f') {
      o.sort = 'none';
      if (r.val === 'f') o.all = 'all';
    } else if (r.val === 'sort') {
      const key = argmatch(io, r.arg ?? '', SORT_WORDS, '--sort');
      if (key === null) return { exit: 1 };
      o.sort = key;
    } else if (r.val === 'file-type') o.indicator = 'slash';
    else if (r.val === 'N') o.shellEscape = false;
    else if (r.val === 'F' && r.arg !== null && !WHEN_ALWAYS.includes(r.arg)) {
      if (WHEN_AUTO.includes(r.arg)) o.indicator = io.isatty ? 'classify' : o.indicator;
      else if (!WHEN_NEVER.includes(r.arg)) return badWhen(io, r.arg, 'classify');
    } else {
      if (r.val === 'L' || r.val === 'H') derefSet = true;
      common(o, r.val);
    }
  }
  if (WHEN_ALWAYS.includes(color)) o.color = true;
  else if (WHEN_AUTO.includes(color)) o.color = io.isatty === true;
  else if (!WHEN_NEVER.includes(color)) return badWhen(io, color, 'color');
  // ls.c: without -L/-H, command-line links are followed unless -d, -F or -l asks for the link itself.
  if (!derefSet && (o.directory || o.indicator === 'classify' || o.format === 'long')) o.deref = 'never';
  o.width = width ?? lineWidth(io);
  return { opts: o, names };
}

/**
 * gnulib XARGMATCH: the word itself or a prefix of exactly one of `words`; otherwise "invalid" (or
 * "ambiguous") and the valid words, then usage(EXIT_FAILURE): status 1.
 */
function argmatch<T extends string>(io: CommandIO, arg: string, words: readonly T[], opt: string): T | null {
  const hits = words.filter((w) => w.startsWith(arg));
  const hit = words.find((w) => w === arg) ?? (hits.length === 1 ? hits[0] : undefined);
  if (hit !== undefined) return hit;
  const [l, r] = quotes(io);
  const why = hits.length > 1 ? 'ambiguous' : 'invalid';
  io.err(
    `ls: ${why} argument ${l}${arg}${r} for ${l}${opt}${r}\nValid arguments are:\n` +
      words.map((w) => `  - ${l}${w}${r}\n`).join('') +
      "Try 'ls --help' for more information.\n",
  );
  return null;
}

function badWhen(io: CommandIO, arg: string, opt: string): Parsed {
  const [l, r] = quotes(io);
  io.err(
    `ls: invalid argument ${l}${arg}${r} for ${l}--${opt}${r}\n` +
      'Valid arguments are:\n' +
      `  - ${l}always${r}, ${l}yes${r}, ${l}force${r}\n` +
      `  - ${l}never${r}, ${l}no${r}, ${l}none${r}\n` +
      `  - ${l}auto${r}, ${l}tty${r}, ${l}if-tty${r}\n` +
      "Try 'ls --help' for more information.\n",
  );
  return { exit: 1 };
}

const BUSYBOX_LONG: readonly LongOpt[] = [
  { name: 'color', hasArg: 2, val: 'color' },
  { name: 'full-time', hasArg: 0, val: 'full-time' },
  { name: 'group-directories-first', hasArg: 0, val: 'group-directories-first' },
];

export function parseBusybox(io: CommandIO): Parsed {
  const o = defaults(io);
  // FEATURE_LS_COLOR_IS_DEFAULT (defconfig, the busybox and Alpine images): colors on a terminal unless
  // TERM is dumb or LS_COLORS is "none"/empty.
  const lsColors = io.env.get('LS_COLORS');
  const dumb = io.env.get('TERM') === 'dumb';
  o.color =
    !dumb && (lsColors === undefined || (lsColors !== '' && lsColors !== 'none')) && io.isatty === true;
  // get_terminal_width(STDIN_FILENO) minus one (ls.c "go one less").
  let width = lineWidth(io) - 1;
  let ownLinks = false;
  const names: string[] = [];
  const g = new Getopt(io.argv, '1AaCxdLHRFplinshrSXvctugkZw:');
  for (let r = g.next(BUSYBOX_LONG); r.kind !== 'end'; r = g.next(BUSYBOX_LONG)) {
    if (r.kind === 'nonopt') names.push(r.arg);
    else if (r.kind === 'opt') {
      if (r.val === 'color') {
        const when = r.arg ?? 'always';
        if (when.startsWith('n')) o.color = false;
        else if (WHEN_ALWAYS.includes(when)) o.color = true;
        else if (WHEN_AUTO.includes(when)) o.color = !dumb && io.isatty === true;
      } else if (r.val === 'w') width = Number.parseInt(r.arg ?? '', 10) || 0;
      else {
        if ('lisF'.includes(r.val)) ownLinks = true;
        common(o, r.val);
      }
    } else if (r.text === '--help') {
      io.err(BUSYBOX_LS_USAGE);
      return { exit: 0 };
    } else {
      io.err(getoptMessage('ls', r));
      io.err(BUSYBOX_LS_USAGE);
      return { exit: 1 };
    }
  }
  // ls_main: command-line links are followed unless -l, -i, -s or -F (or always with -H/-L).
  if (o.deref === 'cmdline-dirs') o.deref = ownLinks ? 'never' : 'cmdline';
  if (o.directory) o.recursive = false;
  o.width = width;
  return { opts: o, names };
}
