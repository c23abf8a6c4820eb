/**
 * `realpath`: GNU coreutils 9.1 on the host and Debian-like images, BusyBox 1.35's applet in busybox, alpine
 * and netshoot. Names canonicalized through every link (readlink's canonicalize.ts, the gnulib
 * canonicalize_filename_mode walk): GNU by default needs all but the last component (-e all, -m none), -s
 * only tidies the name lexically, -L drops ".." before following links, --relative-to/--relative-base print
 * relative names (realpath.c relpath). BusyBox takes no options (every word is a FILE) and, as
 * xmalloc_realpath_coreutils does, lets a missing last component through only after a "/" (or when the
 * name is a dangling link).
 */
import { Getopt, getoptMessage, type LongOpt } from '../../getopt';
import type { CommandIO, SimCommand } from '../../types';
import { coreutilsFlavour } from '../../userlands';
import { CAN_STRERROR, type CanMode, canonicalize } from '../readlink/canonicalize';
import { BUSYBOX_REALPATH_USAGE, GNU_REALPATH_HELP, GNU_REALPATH_VERSION } from './usage';

const GNU_LONG: readonly LongOpt[] = [
  { name: 'canonicalize-existing', hasArg: 0, val: 'e' },
  { name: 'canonicalize-missing', hasArg: 0, val: 'm' },
  { name: 'logical', hasArg: 0, val: 'L' },
  { name: 'physical', hasArg: 0, val: 'P' },
  { name: 'quiet', hasArg: 0, val: 'q' },
  { name: 'strip', hasArg: 0, val: 's' },
  { name: 'no-symlinks', hasArg: 0, val: 's' },
  { name: 'zero', hasArg: 0, val: 'z' },
  { name: 'relative-to', hasArg: 1, val: 'relative-to' },
  { name: 'relative-base', hasArg: 1, val: 'relative-base' },
  { name: 'help', hasArg: 0, val: 'help' },
  { name: 'version', hasArg: 0, val: 'version' },
];

const parts = (p: string) => p.split('/').filter((c) => c !== '' && c !== '.');

/** A name made absolute and tidied without looking at the file system ("a/../b" is "b"). */
function lexical(cwd: string, name: string): string {
  const out: string[] = [];
  for (const c of parts(name.startsWith('/') ? name : `${cwd}/${name}`)) {
    if (c === '..') out.pop();
    else out.push(c);
  }
  return `/${out.join('/')}`;
}

/** relpath(): `path` seen from `from` (both canonical). */
function relative(path: string, from: string): string {
  const a = parts(path);
  const b = parts(from);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rel = [...new Array<string>(b.length - i).fill('..'), ...a.slice(i)];
  return rel.length === 0 ? '.' : rel.join('/');
}

const under = (path: string, base: string) => base === '/' || path === base || path.startsWith(`${base}/`);

interface Opts {
  mode: CanMode;
  logical: boolean;
  strip: boolean;
  quiet: boolean;
  zero: boolean;
  relTo: string | null;
  relBase: string | null;
}

async function resolve(io: CommandIO, name: string, o: Opts) {
  if (o.strip) return { path: lexical(io.cwd, name) };
  return canonicalize(io.fs, io.cwd, o.logical ? lexical(io.cwd, name) : name, o.mode);
}

async function runGnu(io: CommandIO): Promise<number> {
  const o: Opts = {
    mode: 'all-but-last',
    logical: false,
    strip: false,
    quiet: false,
    zero: false,
    relTo: null,
    relBase: null,
  };
  const names: string[] = [];
  const g = new Getopt(io.argv, 'eLmPqsz');
  for (let r = g.next(GNU_LONG); r.kind !== 'end'; r = g.next(GNU_LONG)) {
    if (r.kind === 'nonopt') names.push(r.arg);
    else if (r.kind !== 'opt') {
      io.err(getoptMessage('realpath', r));
      io.err("Try 'realpath --help' for more information.\n");
      return 1;
    } else if (r.val === 'help') return (io.out(GNU_REALPATH_HELP), 0);
    else if (r.val === 'version') return (io.out(GNU_REALPATH_VERSION), 0);
    else if (r.val === 'e') o.mode = 'existing';
    else if (r.val === 'm') o.mode = 'missing';
    else if (r.val === 'L') o.logical = true;
    else if (r.val === 'P') o.logical = false;
    else if (r.val === 'q') o.quiet = true;
    else if (r.val === 's') o.strip = true;
    else if (r.val === 'z') o.zero = true;
    else if (r.val === 'relative-to') o.relTo = r.arg;
    else if (r.val === 'relative-base') o.relBase = r.arg;
  }
  if (names.length === 0) {
    io.err("realpath: missing operand\nTry 'realpath --help' for more information.\n");
    return 1;
  }
  // The directories of --relative-to/--relative-base are canonicalized the same way (an error is fatal).
  const dirs: { to: string | null; base: string | null } = { to: null, base: null };
  for (const key of ['to', 'base'] as const) {
    const d = key === 'to' ? o.relTo : o.relBase;
    if (d === null) continue;
    const r = await resolve(io, d, o);
    if (!('path' in r)) {
      io.err(`realpath: ${d}: ${CAN_STRERROR[r.errno]}\n`);
      return 1;
    }
    dirs[key] = r.path;
  }
  if (dirs.base !== null && dirs.to === null) dirs.to = dirs.base;
  if (dirs.base !== null && dirs.to !== null && !under(dirs.to, dirs.base)) dirs.to = null;
  let status = 0;
  for (const name of names) {
    const r = await resolve(io, name, o);
    if (!('path' in r)) {
      if (!o.quiet) io.err(`realpath: ${name}: ${CAN_STRERROR[r.errno]}\n`);
      status = 1;
      continue;
    }
    let out = r.path;
    if (dirs.to !== null && (dirs.base === null || under(out, dirs.base))) out = relative(out, dirs.to);
    io.out(out + (o.zero ? '\0' : '\n'));
  }
  return status;
}

async function runBusybox(io: CommandIO): Promise<number> {
  const names = io.argv.slice(1);
  if (names[0] === '--help') return (io.err(BUSYBOX_REALPATH_USAGE), 0);
  if (names.length === 0) return (io.err(BUSYBOX_REALPATH_USAGE), 1);
  let status = 0;
  for (const name of names) {
    let r = await canonicalize(io.fs, io.cwd, name, 'all-but-last');
    // Without a "/" there is no directory part to keep: a missing name fails unless it is a (dangling) link.
    if ('path' in r && !name.includes('/')) {
      const here = io.fs.resolvePath(io.cwd, name);
      if ((await io.fs.lstat(here).catch(() => null)) === null) r = { errno: 'ENOENT' };
    }
    if ('path' in r) io.out(`${r.path}\n`);
    else {
      io.err(`realpath: ${name}: ${CAN_STRERROR[r.errno]}\n`);
      status = 1;
    }
  }
  return status;
}

export const realpathCommand: SimCommand = {
  name: 'realpath',
  run: (io) => (coreutilsFlavour(io.proc) === 'busybox' ? runBusybox(io) : runGnu(io)),
};
