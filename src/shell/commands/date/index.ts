/**
 * `date`: GNU coreutils 9.1 (the host, Debian-based images) and BusyBox 1.35's applet (busybox, alpine, netshoot),
 * reading the simulated clock: the World's epoch plus its simulated microseconds, the same clock the
 * engine's timestamps and tcpdump read, so a replay prints the same dates. Every machine is in UTC. GNU's
 * quote() quotes are curly in the host's C.UTF-8 locale and plain in the C locale containers start in.
 *
 * Setting the clock (`-s`, or GNU's MMDDhhmm operand) needs CAP_SYS_TIME, which Docker's default set does not
 * give a container: settimeofday fails with EPERM and date still prints the time it would have set. The
 * host's root could set it; the simulation keeps one clock for every machine, so that is refused with a
 * playground message rather than pretended.
 */
import { getoptMessage, Getopt, type LongOpt } from '../../getopt';
import { coreutilsFlavour } from '../../userlands';
import { coreutilsVersion, gnuExtraOperand, gnuQuote } from '../gnu_coreutils';
import type { CommandIO, SimCommand } from '../../types';
import { parseBusyboxDate, parseGnuDate } from './parse_time';
import { strftime, type Moment } from '../../strftime';
import { BUSYBOX_DATE_USAGE } from './usage';

const DEFAULT_FMT = '%a %b %e %H:%M:%S %Z %Y';
const RFC_EMAIL = '%a, %d %b %Y %H:%M:%S %z';
/** -I/--iso-8601 argument -> format (argmatch order, as the error lists them). */
const ISO: readonly [string, string][] = [
  ['hours', '%Y-%m-%dT%H%:z'],
  ['minutes', '%Y-%m-%dT%H:%M%:z'],
  ['date', '%Y-%m-%d'],
  ['seconds', '%Y-%m-%dT%H:%M:%S%:z'],
  ['ns', '%Y-%m-%dT%H:%M:%S,%N%:z'],
];
const RFC3339: readonly [string, string][] = [
  ['date', '%Y-%m-%d'],
  ['seconds', '%Y-%m-%d %H:%M:%S%:z'],
  ['ns', '%Y-%m-%d %H:%M:%S.%N%:z'],
];

const GNU_LONG: readonly LongOpt[] = [
  { name: 'date', hasArg: 1, val: 'd' },
  { name: 'file', hasArg: 1, val: 'f' },
  { name: 'iso-8601', hasArg: 2, val: 'I' },
  { name: 'reference', hasArg: 1, val: 'r' },
  { name: 'rfc-email', hasArg: 0, val: 'R' },
  { name: 'rfc-822', hasArg: 0, val: 'R' },
  { name: 'rfc-2822', hasArg: 0, val: 'R' },
  { name: 'rfc-3339', hasArg: 1, val: 'rfc-3339' },
  { name: 'set', hasArg: 1, val: 's' },
  { name: 'utc', hasArg: 0, val: 'u' },
  { name: 'universal', hasArg: 0, val: 'u' },
  { name: 'help', hasArg: 0, val: 'help' },
  { name: 'version', hasArg: 0, val: 'version' },
];

/** The simulated wall clock: the World's epoch and its simulated microseconds. */
export function wallClock(io: CommandIO): Moment {
  const us = io.os.state.docker.epochMs * 1000 + io.os.state.clock.nowUs;
  const secs = Math.floor(us / 1_000_000);
  return { secs, nanos: (us - secs * 1_000_000) * 1000 };
}

/** argmatch: an exact name or an unambiguous prefix of one. */
function argmatch(arg: string, table: readonly [string, string][]): string | null {
  const exact = table.find(([k]) => k === arg);
  if (exact) return exact[1];
  const hits = table.filter(([k]) => k.startsWith(arg) && arg !== '');
  return hits.length === 1 ? (hits[0] as [string, string])[1] : null;
}

function badArg(io: CommandIO, arg: string, opt: string, table: readonly [string, string][]): number {
  const q = (x: string) => gnuQuote(io, x);
  io.err(`date: invalid argument ${q(arg)} for ${q(opt)}\nValid arguments are:\n`);
  io.err(table.map(([k]) => `  - ${q(k)}\n`).join(''));
  io.err("Try 'date --help' for more information.\n");
  return 1;
}

function cannotSet(io: CommandIO): string {
  return io.proc.machine === 'host'
    ? 'playground: the host clock is the simulation clock; date cannot set it here\n'
    : 'date: cannot set date: Operation not permitted\n';
}

async function runGnu(io: CommandIO): Promise<number> {
  let dateStr: string | null = null;
  let setStr: string | null = null;
  let fmt: string | null = null;
  let formats = 0;
  let reference: string | null = null;
  const operands: string[] = [];
  const g = new Getopt(io.argv, 'd:f:I::r:Rs:u');
  for (let r = g.next(GNU_LONG); r.kind !== 'end'; r = g.next(GNU_LONG)) {
    if (r.kind === 'nonopt') operands.push(r.arg);
    else if (r.kind === 'unknown' || r.kind === 'missing') {
      io.err(getoptMessage('date', r) + "Try 'date --help' for more information.\n");
      return 1;
    } else if (r.val === 'help') {
      io.out(
        'Usage: date [OPTION]... [+FORMAT]\n  or:  date [-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]\n',
      );
      return 0;
    } else if (r.val === 'version') {
      io.out(coreutilsVersion('date', 'David MacKenzie'));
      return 0;
    } else if (r.val === 'd') dateStr = r.arg ?? '';
    else if (r.val === 's') setStr = r.arg ?? '';
    else if (r.val === 'r') reference = r.arg ?? '';
    else if (r.val === 'f') {
      io.err(`date: ${r.arg}: No such file or directory\n`);
      return 1;
    } else if (r.val === 'R') {
      fmt = RFC_EMAIL;
      formats++;
    } else if (r.val === 'I' || r.val === 'rfc-3339') {
      const table = r.val === 'I' ? ISO : RFC3339;
      const f = r.arg === null ? (ISO[2] as [string, string])[1] : argmatch(r.arg, table);
      if (f === null) return badArg(io, r.arg ?? '', r.val === 'I' ? '--iso-8601' : '--rfc-3339', table);
      fmt = f;
      formats++;
    }
  }
  const plus = operands[0]?.startsWith('+') ? (operands.shift() as string) : null;
  if (plus !== null) {
    fmt = plus.slice(1);
    formats++;
  }
  if (formats > 1) {
    io.err("date: multiple output formats specified\nTry 'date --help' for more information.\n");
    return 1;
  }
  if (operands.length > (setStr === null && dateStr === null ? 1 : 0)) {
    return gnuExtraOperand(io, 'date', operands[setStr === null && dateStr === null ? 1 : 0] as string);
  }
  if (dateStr !== null && setStr !== null) {
    io.err(
      "date: the options to print and set the time may not be used together\nTry 'date --help' for more information.\n",
    );
    return 1;
  }
  const now = wallClock(io);
  let when = now;
  if (reference !== null) {
    io.err(await referenceError(io, reference, false));
    return 1;
  }
  const given = dateStr ?? setStr ?? (operands[0] !== undefined ? gnuSetOperand(operands[0], now) : null);
  if (given !== null) {
    const m = typeof given === 'string' ? parseGnuDate(given, now) : given;
    if (m === null) {
      io.err(
        `date: invalid date ${gnuQuote(io, typeof given === 'string' ? given : (operands[0] as string))}\n`,
      );
      return 1;
    }
    when = m;
  }
  const setting = setStr !== null || operands.length > 0;
  if (setting) io.err(cannotSet(io));
  io.out(strftime(fmt ?? DEFAULT_FMT, when, true) + '\n');
  return setting ? 1 : 0;
}

/** GNU's operand form MMDDhhmm[[CC]YY][.ss] (posixtime): the moment, or the operand itself when it is invalid. */
function gnuSetOperand(op: string, now: Moment): Moment | string {
  const r = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2}|\d{4})?(?:\.(\d{2}))?$/.exec(op);
  if (!r) return op;
  const yy = r[5];
  const year =
    yy === undefined
      ? strftime('%Y', now, true)
      : yy.length === 4
        ? yy
        : String(Number(yy) + (Number(yy) < 69 ? 2000 : 1900));
  return parseGnuDate(`${year}-${r[1]}-${r[2]} ${r[3]}:${r[4]}:${r[6] ?? '00'}`, now) ?? op;
}

/** `-r FILE`: files here carry no simulated times, so only a missing file is answered as date would. */
async function referenceError(io: CommandIO, file: string, busybox: boolean): Promise<string> {
  const exists = await io.fs.stat(file).then(
    () => true,
    () => false,
  );
  if (exists) return 'playground: file times are not simulated; date -r cannot read them\n';
  return busybox
    ? `date: can't stat '${file}': No such file or directory\n`
    : `date: ${file}: No such file or directory\n`;
}

async function runBusybox(io: CommandIO): Promise<number> {
  let dateStr: string | null = null;
  let setStr: string | null = null;
  let fmt: string | null = null;
  const operands: string[] = [];
  const g = new Getopt(io.argv, 'Rs:ud:r:D:I::');
  const usage = () => (io.err(BUSYBOX_DATE_USAGE), 1);
  for (let r = g.next([]); r.kind !== 'end'; r = g.next([])) {
    if (r.kind === 'nonopt') operands.push(r.arg);
    else if (r.kind === 'unknown' || r.kind === 'missing') {
      io.err(getoptMessage('date', r));
      return usage();
    } else if (r.val === 'd') dateStr = r.arg ?? '';
    else if (r.val === 's') setStr = r.arg ?? '';
    else if (r.val === 'R') fmt = RFC_EMAIL;
    else if (r.val === 'I') {
      const f = r.arg === null ? '%Y-%m-%d' : (ISO.find(([k]) => k === r.arg)?.[1] ?? null);
      if (f === null) return usage();
      // date.c writes the nanoseconds itself; without FEATURE_DATE_NANO (off in defconfig and in Debian's
      // build) it read the clock in whole seconds, so they are nine zeros.
      // and turns strftime's %z (+0000) into coreutils' +00:00 by hand.
      fmt = f.replace('%N', '000000000').replace('%:z', '+00:00');
    } else if (r.val === 'r') {
      io.err(await referenceError(io, r.arg ?? '', true));
      return 1;
    }
  }
  if (operands[0]?.startsWith('+')) fmt = (operands.shift() as string).slice(1);
  if (operands.length > 0 && setStr === null) {
    setStr = operands.shift() as string;
    // FEATURE_DATE_COMPAT: an all-digit operand is MMDDhhmm[[CC]YY][.ss]; the year moves to the front.
    const c = /^(\d+)(\.\d\d)?$/.exec(setStr);
    if (c) {
      const extra = (c[1] as string).length - 8;
      if (extra < 0 || extra > 4 || extra % 2 === 1) {
        io.err(`date: invalid date '${setStr}'\n`);
        return 1;
      }
      const d = c[1] as string;
      setStr = d.slice(8) + d.slice(0, 8) + (c[2] ?? '');
    }
  }
  if (operands.length > 0) return usage();
  const now = wallClock(io);
  let when: Moment = { secs: now.secs, nanos: now.nanos };
  const given = dateStr ?? setStr;
  if (given !== null) {
    const m = parseBusyboxDate(given, now);
    if (m === null) {
      io.err(`date: invalid date '${given}'\n`);
      return 1;
    }
    when = m;
  }
  // bb_simple_perror_msg: the failure is reported and the date printed; the status stays 0.
  if (setStr !== null) io.err(cannotSet(io).replace('date: cannot set date: ', "date: can't set date: "));
  io.out(strftime(fmt ?? DEFAULT_FMT, when, false) + '\n');
  return 0;
}

export const dateCommand: SimCommand = {
  name: 'date',
  run(io: CommandIO) {
    return coreutilsFlavour(io.proc) === 'busybox' ? runBusybox(io) : runGnu(io);
  },
};
