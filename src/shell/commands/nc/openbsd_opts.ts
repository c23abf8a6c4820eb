/**
 * netcat-openbsd 1.219's command line (netcat.c main): glibc getopt with argument permutation over
 * "46bCDdFhI:i:klM:m:NnO:P:p:q:rSs:T:tUuV:vW:w:X:x:Zz", then the checks main() makes before doing
 * anything, with their errx() texts. Port lists (build_ports): a number, a service name or lo-hi.
 */
import { Getopt } from '../../getopt';
import { servicePort } from '../inet/services';
import { OPENBSD_USAGE } from './usage';

export interface NcOpts {
  listen: boolean;
  keep: boolean;
  numeric: boolean;
  udp: boolean;
  verbose: boolean;
  zero: boolean;
  shutdownOnEof: boolean;
  noStdin: boolean;
  /** -q: seconds to linger after EOF on stdin (-1: until the peer closes). */
  quitAfter: number;
  /** -w: connect and idle-read timeout in seconds, or null. */
  timeout: number | null;
  /** -p: local port. */
  sourcePort: number | null;
  /** -s: local address (as typed). */
  sourceAddr: string | null;
  host: string | null;
  ports: number[];
  /** Whether the port came as a number (the -v line's [tcp/...] still names it). */
  help: boolean;
}

export type NcParse = { ok: true; o: NcOpts } | { ok: false; err: string };

const SPEC = '46bCDdFhI:i:klM:m:NnO:P:p:q:rSs:T:tUuV:vW:w:X:x:Zz';

/** strtonum()-style check of a port word (build_ports). */
function portOf(word: string, udp: boolean): number | string {
  if (/^\d+$/.test(word)) {
    const n = Number(word);
    if (n < 1) return `port number too small: ${word}`;
    if (n > 65535) return `port number too large: ${word}`;
    return n;
  }
  const byName = servicePort(word, udp ? 'udp' : 'tcp');
  return byName ?? `port number invalid: ${word}`;
}

/** build_ports(): "80", "http", or "lo-hi" in either order. */
export function buildPorts(word: string, udp: boolean): number[] | string {
  const m = /^([^-]+)-([^-]+)$/.exec(word);
  if (!m) {
    const p = portOf(word, udp);
    return typeof p === 'string' ? p : [p];
  }
  const lo = portOf(m[1] as string, udp);
  if (typeof lo === 'string') return lo;
  const hi = portOf(m[2] as string, udp);
  if (typeof hi === 'string') return hi;
  const out: number[] = [];
  for (let p = Math.min(lo, hi); p <= Math.max(lo, hi); p++) out.push(p);
  return out;
}

function seconds(word: string, what: string): number | string {
  return /^\d+$/.test(word) && Number(word) <= 2147483 ? Number(word) : `${what} invalid: ${word}`;
}

export function parseOpenbsd(argv: readonly string[]): NcParse {
  const o: NcOpts = {
    listen: false,
    keep: false,
    numeric: false,
    udp: false,
    verbose: false,
    zero: false,
    shutdownOnEof: false,
    noStdin: false,
    quitAfter: -1,
    timeout: null,
    sourcePort: null,
    sourceAddr: null,
    host: null,
    ports: [],
    help: false,
  };
  const g = new Getopt(argv, SPEC);
  const words: string[] = [];
  for (;;) {
    const r = g.next([]);
    if (r.kind === 'end') break;
    if (r.kind === 'nonopt') {
      words.push(r.arg);
      continue;
    }
    if (r.kind === 'unknown')
      return { ok: false, err: `nc: invalid option -- '${r.text.slice(1)}'\n${OPENBSD_USAGE}` };
    if (r.kind === 'missing')
      return { ok: false, err: `nc: option requires an argument -- '${r.text.slice(1)}'\n${OPENBSD_USAGE}` };
    const arg = r.arg ?? '';
    switch (r.val) {
      case 'l':
        o.listen = true;
        break;
      case 'k':
        o.keep = true;
        break;
      case 'n':
        o.numeric = true;
        break;
      case 'u':
        o.udp = true;
        break;
      case 'v':
        o.verbose = true;
        break;
      case 'z':
        o.zero = true;
        break;
      case 'N':
        o.shutdownOnEof = true;
        break;
      case 'd':
        o.noStdin = true;
        break;
      case 'h':
        o.help = true;
        break;
      case 'q': {
        const q = seconds(arg, 'quit timer');
        if (typeof q === 'string') return { ok: false, err: `nc: ${q}\n` };
        o.quitAfter = q;
        break;
      }
      case 'w': {
        const w = seconds(arg, 'timeout');
        if (typeof w === 'string') return { ok: false, err: `nc: ${w}\n` };
        o.timeout = w;
        break;
      }
      case 'p': {
        const p = portOf(arg, false);
        if (typeof p === 'string') return { ok: false, err: `nc: ${p}\n` };
        o.sourcePort = p;
        break;
      }
      case 's':
        o.sourceAddr = arg;
        break;
      default:
    }
  }
  if (o.help) return { ok: true, o };
  if (o.listen && o.zero) return { ok: false, err: 'nc: cannot use -z and -l\n' };
  if (o.listen) {
    // `nc -l -p PORT`, `nc -l PORT`, `nc -l ADDR PORT` (-p with a word is an error in 1.219).
    if (o.sourcePort !== null) {
      if (words.length > 0) return { ok: false, err: OPENBSD_USAGE };
      o.ports = [o.sourcePort];
      return { ok: true, o };
    }
    if (words.length === 0) return { ok: false, err: 'nc: missing port number\n' };
    if (words.length > 2) return { ok: false, err: OPENBSD_USAGE };
    const p = buildPorts(words[words.length - 1] as string, o.udp);
    if (typeof p === 'string') return { ok: false, err: `nc: ${p}\n` };
    o.host = words.length === 2 ? (words[0] as string) : null;
    o.ports = p.slice(0, 1);
    return { ok: true, o };
  }
  if (words.length === 0) return { ok: false, err: OPENBSD_USAGE };
  if (words.length === 1) return { ok: false, err: 'nc: missing port number\n' };
  const portWords = words.slice(1);
  o.host = words[0] as string;
  for (const w of portWords) {
    const p = buildPorts(w, o.udp);
    if (typeof p === 'string') return { ok: false, err: `nc: ${p}\n` };
    o.ports.push(...p);
  }
  return { ok: true, o };
}
