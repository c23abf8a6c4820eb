/**
 * `readlink`: GNU coreutils 9.1 on the host and Debian-like images, BusyBox 1.35's applet in busybox/alpine
 * (coreutils/readlink.c: one FILE, -f -n -v, and -s -q accepted). What a link says, or with -f/-e/-m the
 * name canonicalized through every link (canonicalize.ts). Failures are silent unless -v: GNU prints
 * `readlink: FILE: <error>`, BusyBox `readlink: FILE: cannot read link: not a symlink`.
 */
import { Getopt, getoptMessage, type LongOpt } from '../../getopt';
import type { CommandIO, SimCommand } from '../../types';
import { coreutilsFlavour } from '../../userlands';
import { CAN_STRERROR, type CanErrno, type CanMode, canonicalize } from './canonicalize';
import { BUSYBOX_READLINK_USAGE, GNU_READLINK_HELP, GNU_READLINK_VERSION } from './usage';

const GNU_LONG: readonly LongOpt[] = [
  { name: 'canonicalize', hasArg: 0, val: 'f' },
  { name: 'canonicalize-existing', hasArg: 0, val: 'e' },
  { name: 'canonicalize-missing', hasArg: 0, val: 'm' },
  { name: 'no-newline', hasArg: 0, val: 'n' },
  { name: 'quiet', hasArg: 0, val: 'q' },
  { name: 'silent', hasArg: 0, val: 's' },
  { name: 'verbose', hasArg: 0, val: 'v' },
  { name: 'zero', hasArg: 0, val: 'z' },
  { name: 'help', hasArg: 0, val: 'help' },
  { name: 'version', hasArg: 0, val: 'version' },
];

interface Opts {
  mode: CanMode | null;
  noNewline: boolean;
  verbose: boolean;
  zero: boolean;
}

/** readlink(2) on a name: its text, or why not (a name ending in "/" names the directory, never a link). */
async function readOne(io: CommandIO, name: string): Promise<string | { errno: CanErrno | 'EINVAL' }> {
  const abs = io.fs.resolvePath(io.cwd, name);
  if (!name.endsWith('/')) {
    try {
      return await io.fs.readlink(abs);
    } catch {
      // Not a link, or not there: which one is the error.
    }
  }
  return { errno: (await io.fs.exists(abs)) ? 'EINVAL' : 'ENOENT' };
}

async function resolveOne(io: CommandIO, name: string, mode: CanMode | null) {
  if (mode === null) return readOne(io, name);
  const r = await canonicalize(io.fs, io.cwd, name, mode);
  return 'path' in r ? r.path : r;
}

async function runGnu(io: CommandIO): Promise<number> {
  const o: Opts = { mode: null, noNewline: false, verbose: false, zero: false };
  const names: string[] = [];
  const g = new Getopt(io.argv, 'efmnqsvz');
  for (let r = g.next(GNU_LONG); r.kind !== 'end'; r = g.next(GNU_LONG)) {
    if (r.kind === 'nonopt') names.push(r.arg);
    else if (r.kind !== 'opt') {
      io.err(getoptMessage('readlink', r));
      io.err("Try 'readlink --help' for more information.\n");
      return 1;
    } else if (r.val === 'help') return (io.out(GNU_READLINK_HELP), 0);
    else if (r.val === 'version') return (io.out(GNU_READLINK_VERSION), 0);
    else if (r.val === 'f') o.mode = 'all-but-last';
    else if (r.val === 'e') o.mode = 'existing';
    else if (r.val === 'm') o.mode = 'missing';
    else if (r.val === 'n') o.noNewline = true;
    else if (r.val === 'v') o.verbose = true;
    else if (r.val === 'q' || r.val === 's') o.verbose = false;
    else if (r.val === 'z') o.zero = true;
  }
  if (names.length === 0) {
    io.err("readlink: missing operand\nTry 'readlink --help' for more information.\n");
    return 1;
  }
  if (o.noNewline && names.length > 1) {
    io.err('readlink: ignoring --no-newline with multiple arguments\n');
    o.noNewline = false;
  }
  const end = o.noNewline ? '' : o.zero ? '\0' : '\n';
  let status = 0;
  for (const name of names) {
    const r = await resolveOne(io, name, o.mode);
    if (typeof r === 'string') io.out(r + end);
    else {
      if (o.verbose) io.err(`readlink: ${name}: ${CAN_STRERROR[r.errno]}\n`);
      status = 1;
    }
  }
  return status;
}

async function runBusybox(io: CommandIO): Promise<number> {
  const o: Opts = { mode: null, noNewline: false, verbose: false, zero: false };
  const names: string[] = [];
  const g = new Getopt(io.argv, 'nfvsq');
  for (let r = g.next([]); r.kind !== 'end'; r = g.next([])) {
    if (r.kind === 'nonopt') names.push(r.arg);
    else if (r.kind === 'opt') {
      if (r.val === 'f') o.mode = 'all-but-last';
      if (r.val === 'n') o.noNewline = true;
      if (r.val === 'v') o.verbose = true;
    } else if (r.text === '--help') {
      io.err(BUSYBOX_READLINK_USAGE);
      return 0;
    } else {
      io.err(getoptMessage('readlink', r));
      io.err(BUSYBOX_READLINK_USAGE);
      return 1;
    }
  }
  const name = names[0];
  if (name === undefined || names.length > 1) {
    io.err(BUSYBOX_READLINK_USAGE);
    return 1;
  }
  const r = await resolveOne(io, name, o.mode);
  if (typeof r !== 'string') {
    // xmalloc_readlink_or_warn(): only a plain read complains, and only with -v.
    if (o.verbose && o.mode === null) {
      const why = r.errno === 'EINVAL' ? 'not a symlink' : CAN_STRERROR[r.errno];
      io.err(`readlink: ${name}: cannot read link: ${why}\n`);
    }
    return 1;
  }
  io.out(o.noNewline ? r : `${r}\n`);
  return 0;
}

export const readlinkCommand: SimCommand = {
  name: 'readlink',
  run: (io) => (coreutilsFlavour(io.proc) === 'busybox' ? runBusybox(io) : runGnu(io)),
};
