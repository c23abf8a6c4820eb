/**
 * `ls`: GNU coreutils 9.1 on the host and Debian-like images, BusyBox 1.35's applet in busybox, alpine and
 * netshoot (Alpine: no coreutils package). Instead of just-bash's, which printed one name per line at a
 * terminal, showed no link targets and no real modes, sizes or link counts for /proc and /sys.
 *
 * What both do (ls.c): the command-line names that are not directories are listed first as one group, then
 * each directory, under a "NAME:" header when there was more than one name (or -R), separated by blank
 * lines. A name that cannot be stat'ed is reported and the rest go on: GNU says `cannot access 'X'` and
 * exits 2, BusyBox `X: No such file or directory` and exits 1. At a terminal the names come in columns as
 * wide as the terminal (columns.ts), elsewhere one per line.
 */
import { coreutilsFlavour } from '../../userlands';
import type { CommandIO, SimCommand } from '../../types';
import { CAN_STRERROR, canonicalize } from '../readlink/canonicalize';
import {
  type Entry,
  isDir,
  isLink,
  joinPath,
  locate,
  nowUs,
  readDir,
  type StatError,
  statEntry,
} from './entry';
import { totalLine } from './long';
import { needsQuoting, shellEscape } from './names';
import { type LsOpts, parseBusybox, parseGnu } from './options';
import { type RenderCtx, renderEntries, sortEntries } from './render';

interface Run extends RenderCtx {
  io: CommandIO;
  status: number;
  /** Something was printed already (the next header is preceded by a blank line). */
  printed: boolean;
  /** Headers are printed ("NAME:"). */
  headers: boolean;
}

function fail(r: Run, name: string, why: StatError, what: 'access' | 'open'): void {
  const msg = CAN_STRERROR[why];
  if (r.busybox) r.io.err(`ls: ${name}: ${msg}\n`);
  else {
    // quote(): shell-escape-always, single quotes unless the name itself needs another form.
    const q = needsQuoting(name) ? shellEscape(name) : `'${name}'`;
    r.io.err(`ls: cannot ${what === 'access' ? 'access' : 'open directory'} ${q}: ${msg}\n`);
  }
  r.status = r.busybox ? 1 : 2;
}

/** Link counts and link texts are printed by -l, and a link's size (its text's length) sorts -S. */
const wantLong = (o: LsOpts) => o.format === 'long' || o.sort === 'size';

/** A command-line name: lstat, or stat when links given on the command line are followed. */
async function commandLineEntry(r: Run, name: string): Promise<Entry | StatError> {
  const { o, io } = r;
  const want = { long: wantLong(o), target: true };
  const at = await locate(io, name);
  const follow = at.follow || o.deref === 'always' || o.deref === 'cmdline';
  const e = await statEntry(io, { abs: at.abs, path: name }, name, follow, want);
  // A trailing "/" asks for a directory (path_lookupat with LOOKUP_DIRECTORY).
  if (typeof e !== 'string' && name.endsWith('/') && !isDir(e.mode)) return 'ENOTDIR';
  if (typeof e === 'string' || o.deref !== 'cmdline-dirs' || !isLink(e.mode) || !isDir(e.linkMode ?? 0))
    return e;
  const real = await canonicalize(io.fs, io.cwd, name, 'existing');
  return statEntry(io, { abs: 'path' in real ? real.path : at.abs, path: name }, name, true, want);
}

async function listDirectory(r: Run, dir: Entry): Promise<void> {
  const { o, io } = r;
  if (r.headers) {
    io.out(`${r.printed ? '\n' : ''}${dir.path}:\n`);
    r.printed = true;
  }
  const names = await readDir(io, dir.abs);
  if (typeof names === 'string') return fail(r, dir.path, names, 'open');
  const shown = names.filter((n) => o.all !== 'none' || !n.startsWith('.'));
  if (o.all === 'all') shown.push('.', '..');
  const entries: Entry[] = [];
  const want = { long: wantLong(o), target: o.indicator !== 'none' || o.color };
  // Entries are looked up in the directory the path leads to (its links resolved once); . and .. are it and
  // its parent there.
  const real = await canonicalize(io.fs, io.cwd, dir.abs, 'existing');
  const here = 'path' in real ? real.path : dir.abs;
  for (const name of shown) {
    const dots = name === '.' || name === '..';
    const abs =
      name === '.' ? here : name === '..' ? here.replace(/\/[^/]*$/, '') || '/' : joinPath(here, name);
    const path = joinPath(dir.path, name);
    const e = await statEntry(io, { abs, path }, name, dots || o.deref === 'always', want);
    if (typeof e !== 'string') entries.push(e);
    else fail(r, path, e, 'access');
  }
  sortEntries(entries, o);
  if (o.format === 'long') io.out(totalLine(entries, o, r.busybox));
  io.out(renderEntries(entries, r));
  r.printed = true;
  if (!o.recursive) return;
  for (const e of entries) {
    if (!isDir(e.mode) || e.name === '.' || e.name === '..') continue;
    await listDirectory(r, e);
  }
}

async function run(io: CommandIO, busybox: boolean): Promise<number> {
  const parsed = busybox ? parseBusybox(io) : parseGnu(io);
  if ('exit' in parsed) return parsed.exit;
  const o: LsOpts = parsed.opts;
  const names = parsed.names.length > 0 ? parsed.names : ['.'];
  const r: Run = {
    io,
    o,
    busybox,
    color: { used: false },
    now: nowUs(io),
    status: 0,
    printed: false,
    headers: names.length > 1 || o.recursive,
  };
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const name of names) {
    const e = await commandLineEntry(r, name);
    if (typeof e === 'string') fail(r, name, e, 'access');
    else if (!o.directory && isDir(e.mode)) dirs.push(e);
    else files.push(e);
  }
  if (files.length > 0) {
    io.out(renderEntries(sortEntries(files, o), r));
    r.printed = true;
  }
  for (const d of sortEntries(dirs, o)) await listDirectory(r, d);
  return r.status;
}

export const lsCommand: SimCommand = {
  name: 'ls',
  run: (io) => run(io, coreutilsFlavour(io.proc) === 'busybox'),
};
