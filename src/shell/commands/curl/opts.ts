/**
 * curl 7.88.1's command line (src/tool_getparam.c), the options a network lesson uses: -s -S -v -i -I -o
 * -O -w -f -L -m --connect-timeout -H -X -A -d -4 -k -q --http1.1 --no-progress-meter. Short options
 * cluster (-sSo file), long ones take `--opt value` or `--opt=value`; an unknown one is "option X: is
 * unknown" and exit 2 (PARAM_OPTION_UNKNOWN), a missing argument "option X: requires parameter".
 */

import { own } from '../../../lib';
export interface CurlOpts {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  include: boolean;
  head: boolean;
  fail: boolean;
  noProgress: boolean;
  output: string | null;
  remoteName: boolean;
  writeOut: string | null;
  connectTimeoutMs: number | null;
  maxTimeMs: number | null;
  headers: string[];
  method: string | null;
  userAgent: string;
  data: string | null;
  urls: string[];
}

export type CurlParse = { ok: true; o: CurlOpts } | { ok: false; err: string; code: number };

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

type Kind = 'flag' | 'arg';
const LONG: Record<string, [string, Kind]> = {
  silent: ['s', 'flag'],
  'show-error': ['S', 'flag'],
  verbose: ['v', 'flag'],
  include: ['i', 'flag'],
  head: ['I', 'flag'],
  fail: ['f', 'flag'],
  location: ['L', 'flag'],
  insecure: ['k', 'flag'],
  ipv4: ['4', 'flag'],
  output: ['o', 'arg'],
  'remote-name': ['O', 'flag'],
  'write-out': ['w', 'arg'],
  'max-time': ['m', 'arg'],
  'connect-timeout': ['connect-timeout', 'arg'],
  header: ['H', 'arg'],
  request: ['X', 'arg'],
  'user-agent': ['A', 'arg'],
  data: ['d', 'arg'],
  'http1.1': ['http1.1', 'flag'],
  'no-progress-meter': ['no-progress-meter', 'flag'],
  url: ['url', 'arg'],
};
const SHORT_ARG = 'owmHXAd';
const SHORT_FLAG = 'sSviIfLk4Oq#';

/** A seconds value as curl takes it (str2num: decimals allowed), in ms; null when not a number. */
function secondsMs(v: string): number | null {
  return /^\d+(\.\d+)?$/.test(v) ? Math.round(Number(v) * 1000) : null;
}

function apply(o: CurlOpts, key: string, val: string | null, name: string): string | null {
  switch (key) {
    case 's':
      o.silent = true;
      return null;
    case 'S':
      o.showError = true;
      return null;
    case 'v':
      o.verbose = true;
      return null;
    case 'i':
      o.include = true;
      return null;
    case 'I':
      o.head = true;
      return null;
    case 'f':
      o.fail = true;
      return null;
    case 'O':
      o.remoteName = true;
      return null;
    case 'no-progress-meter':
      o.noProgress = true;
      return null;
    case 'o':
      o.output = val;
      return null;
    case 'w':
      o.writeOut = val;
      return null;
    case 'm':
    case 'connect-timeout': {
      const ms = secondsMs(val ?? '');
      if (ms === null) return `curl: option ${name}: expected a proper numerical parameter\n${TRY}`;
      if (key === 'm') o.maxTimeMs = ms;
      else o.connectTimeoutMs = ms;
      return null;
    }
    case 'H':
      o.headers.push(val ?? '');
      return null;
    case 'X':
      o.method = val;
      return null;
    case 'A':
      o.userAgent = val ?? '';
      return null;
    case 'd':
      o.data = val;
      return null;
    case 'url':
      o.urls.push(val ?? '');
      return null;
    default:
      return null;
  }
}

export function parseCurl(argv: readonly string[]): CurlParse {
  const o: CurlOpts = {
    silent: false,
    showError: false,
    verbose: false,
    include: false,
    head: false,
    fail: false,
    noProgress: false,
    output: null,
    remoteName: false,
    writeOut: null,
    connectTimeoutMs: null,
    maxTimeMs: null,
    headers: [],
    method: null,
    userAgent: 'curl/7.88.1',
    data: null,
    urls: [],
  };
  const bad = (err: string) => ({ ok: false as const, err, code: 2 });
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const def = own(LONG, name);
      if (!def) return bad(`curl: option ${a}: is unknown\n${TRY}`);
      let val: string | null = null;
      if (def[1] === 'arg') {
        if (eq >= 0) val = a.slice(eq + 1);
        else if (i + 1 < argv.length) val = argv[++i] as string;
        else return bad(`curl: option ${a}: requires parameter\n${TRY}`);
      }
      const e = apply(o, def[0], val, a);
      if (e) return bad(e);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        if (SHORT_ARG.includes(c)) {
          let val: string;
          if (j + 1 < a.length) val = a.slice(j + 1);
          else if (i + 1 < argv.length) val = argv[++i] as string;
          else return bad(`curl: option -${c}: requires parameter\n${TRY}`);
          const e = apply(o, c, val, `-${c}`);
          if (e) return bad(e);
          break;
        }
        if (!SHORT_FLAG.includes(c)) return bad(`curl: option -${c}: is unknown\n${TRY}`);
        apply(o, c, null, `-${c}`);
      }
      continue;
    }
    o.urls.push(a);
  }
  if (o.urls.length === 0) return bad(argv.length > 1 ? `curl: no URL specified!\n${TRY}` : TRY);
  return { ok: true, o };
}
