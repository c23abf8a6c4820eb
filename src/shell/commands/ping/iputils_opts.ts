/**
 * iputils 20221126 ping's command line (ping/ping.c main): glibc getopt with the option string
 * "h?4bRT:6F:N:aABc:CdDe:fi:I:l:Lm:M:nOp:qQ:rs:S:t:UvVw:W:", numbers through strtol_or_err (exit 1 with
 * "invalid argument: 'x'") and ping_strtod (exit 2), usage() to stderr with exit 2.
 */
import type { Ip4 } from '../../../lib';
import { parseIp4 } from '../../../lib';
import { getoptShort } from './getopt';
import { IPUTILS_USAGE, IPUTILS_VERSION } from './usage';

export interface IputilsOpts {
  count: number;
  /** Milliseconds between packets (-i). */
  interval: number;
  /** -w: seconds until ping exits, 0 for none. */
  deadline: number;
  /** -W: milliseconds to wait for a reply after the last packet when none came back. */
  linger: number;
  datalen: number;
  ttl: number | null;
  quiet: boolean;
  numeric: boolean;
  timestamps: boolean;
  verbose: boolean;
  broadcast: boolean;
  outstanding: boolean;
  audible: boolean;
  preload: number;
  device: string | null;
  source: Ip4 | null;
  /** -M: IP_PMTUDISC_DO/DONT/WANT/PROBE, or null for the kernel's default. */
  pmtudisc: 'do' | 'dont' | 'want' | null;
  /** -4/-6: the address family asked for (null: the target's). */
  family: 4 | 6 | null;
  target: string;
}

export type Parsed = { ok: true; opts: IputilsOpts } | { ok: false; out: string; err: string; code: number };

const SHORT = 'h?4bRT:6F:N:aABc:CdDe:fi:I:l:Lm:M:nOp:qQ:rs:S:t:UvVw:W:';
const LONG_MAX = '9223372036854775807';

function fail(err: string, code: number): Parsed {
  return { ok: false, out: '', err, code };
}

/** strtol_or_err(): decimal, whole word, within [min, max]; exit 1 otherwise. */
function strtolOrErr(s: string, min: number, max: number, maxText = String(max)): number | string {
  if (!/^\s*[+-]?\d+$/.test(s)) return `ping: invalid argument: '${s}'\n`;
  const n = Number(s.trim());
  if (!Number.isSafeInteger(n) && Math.abs(n) > 9.2e18)
    return `ping: invalid argument: '${s}': Numerical result out of range\n`;
  if (n < min || n > max)
    return `ping: invalid argument: '${s}': out of range: ${min} <= value <= ${maxText}\n`;
  return n;
}

/** ping_strtod(): a C double; trailing garbage only warns. Returns [value, warnings] or an exit message. */
function strtod(s: string, what: string): { v: number; warn: string } | { err: string } {
  const m = /^\s*([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(s);
  if (s === '') return { err: `ping: ${what}: ${s}\n` };
  const v = m ? Number(m[1]) : 0;
  const rest = m ? s.slice(m[0].length) : s;
  const warn = rest
    ? `ping: option argument contains garbage: ${rest}\nping: this will become fatal error in the future\n`
    : '';
  if (!Number.isFinite(v)) return { err: `ping: ${what}: ${s}: Numerical result out of range\n` };
  return { v, warn };
}

export function parseIputils(argv: readonly string[]): Parsed & { warn?: string } {
  const o: IputilsOpts = {
    count: 0,
    interval: 1000,
    deadline: 0,
    linger: 10_000,
    datalen: 56,
    ttl: null,
    quiet: false,
    numeric: false,
    timestamps: false,
    verbose: false,
    broadcast: false,
    outstanding: false,
    audible: false,
    preload: 1,
    device: null,
    source: null,
    pmtudisc: null,
    family: null,
    target: '',
  };
  let warn = '';
  const g = getoptShort(argv, SHORT, 'ping');
  if (!g.ok) return fail(`${g.message}${IPUTILS_USAGE}`, 2);
  const rest = g.rest;
  for (const r of g.opts) {
    const arg = r.arg;
    switch (r.val) {
      case 'c': {
        const n = strtolOrErr(arg, 1, Number.MAX_SAFE_INTEGER, LONG_MAX);
        if (typeof n === 'string') return fail(n, 1);
        o.count = n;
        break;
      }
      case 'i': {
        const d = strtod(arg, 'bad timing interval');
        if ('err' in d) return fail(d.err, 2);
        if (d.v > 2147483647 / 1000) return fail(`ping: bad timing interval: ${arg}\n`, 2);
        warn += d.warn;
        o.interval = Math.trunc(d.v * 1000);
        break;
      }
      case 'W': {
        const d = strtod(arg, 'bad linger time');
        if ('err' in d) return fail(d.err, 2);
        if (d.v < 0 || d.v > 2147483647 / 1000) return fail(`ping: bad linger time: ${arg}\n`, 2);
        warn += d.warn;
        o.linger = Math.trunc(d.v * 1000);
        break;
      }
      case 'w': {
        const n = strtolOrErr(arg, 0, 2147483647);
        if (typeof n === 'string') return fail(n, 1);
        o.deadline = n;
        break;
      }
      case 's': {
        const n = strtolOrErr(arg, 0, 2147483647);
        if (typeof n === 'string') return fail(n, 1);
        o.datalen = n;
        break;
      }
      case 't': {
        const n = strtolOrErr(arg, 0, 255);
        if (typeof n === 'string') return fail(n, 1);
        o.ttl = n;
        break;
      }
      case 'l': {
        const n = strtolOrErr(arg, 1, 65536);
        if (typeof n === 'string') return fail(n, 1);
        o.preload = n;
        break;
      }
      case 'I': {
        const a = parseIp4(arg);
        if (a !== null) o.source = a;
        else o.device = arg;
        break;
      }
      case '4':
      case '6':
        o.family = r.val === '4' ? 4 : 6;
        break;
      case 'q':
        o.quiet = true;
        break;
      case 'n':
        o.numeric = true;
        break;
      case 'D':
        o.timestamps = true;
        break;
      case 'v':
        o.verbose = true;
        break;
      case 'b':
        o.broadcast = true;
        break;
      case 'O':
        o.outstanding = true;
        break;
      case 'M':
        // iputils 20221126 knows do, dont and want (probe came later).
        if (arg === 'do' || arg === 'dont' || arg === 'want') o.pmtudisc = arg;
        else return fail(`ping: invalid -M argument: ${arg}\n`, 2);
        break;
      case 'a':
        o.audible = true;
        break;
      case 'V':
        return { ok: false, out: IPUTILS_VERSION, err: '', code: 0 };
      case 'h':
      case '?':
        return fail(IPUTILS_USAGE, 2);
      default:
        // Accepted and without visible effect here: -4 -A -B -C -d -e -f -L -m -p -Q -r -R -S -T -U -6 -F -N
        break;
    }
  }
  if (rest.length === 0) return fail('ping: usage error: Destination address required\n', 1);
  o.target = rest[rest.length - 1] as string;
  return { ok: true, opts: o, warn };
}
