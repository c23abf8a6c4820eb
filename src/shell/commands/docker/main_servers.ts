/**
 * Which servers a container's main process runs, read from its command line as the programs parse theirs:
 * BusyBox httpd (`httpd -f -p [IP:]PORT -h HOME`; without -f it forks into the background and the main
 * process returns at once), a listening netcat (BusyBox nc.c `nc -l -p PORT [ADDR]`, netcat-openbsd
 * `nc -l[k] [ADDR] PORT`), also inside `sh -c '...'` scripts: the commands before the first server run
 * first (mkdir, echo > index.html, cd), `echo ... | nc -l` answers every connection with what echo printed,
 * and a `while true` loop around it keeps it listening. Pure: lifecycle.ts opens the sockets.
 */
import type { Ip4 } from '../../../lib';
import { parseIp4 } from '../../../lib';

export type ServerSpec =
  | { kind: 'httpd'; addr: Ip4; port: number; home: string; foreground: boolean }
  | {
      kind: 'nc';
      addr: Ip4;
      port: number;
      /** -k, or a loop that starts it again. */
      keep: boolean;
      /** A pipeline feeding its stdin (`echo -e '...' | nc -l`): run for the text it sends. */
      feed: string | null;
    };

export interface MainPlan {
  /** Shell text to run first, for its side effects and output (null when there is none). */
  prelude: string | null;
  /** The working directory the servers start in (after any `cd` of the prelude). */
  cwd: string;
  servers: ServerSpec[];
}

function base(cmd: string): string {
  return cmd.slice(cmd.lastIndexOf('/') + 1);
}

/** POSIX word splitting of one simple command, quotes removed (no expansions). */
export function shellWords(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let q: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (q) {
      if (ch === q) q = null;
      else if (ch === '\\' && q === '"' && i + 1 < text.length && '"\\$`'.includes(text[i + 1] as string))
        cur += text[++i];
      else cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      q = ch;
      has = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      cur += text[++i];
      has = true;
    } else if (/\s/.test(ch)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

/** The [IP:]PORT of httpd -p (bb_strtou on the part after the last colon). */
function hostPort(v: string): { addr: Ip4; port: number } | null {
  const i = v.lastIndexOf(':');
  const port = Number(v.slice(i + 1));
  if (!/^\d+$/.test(v.slice(i + 1)) || port > 65535) return null;
  if (i < 0) return { addr: 0, port };
  const addr = parseIp4(v.slice(0, i));
  return addr === null ? null : { addr, port };
}

/** Short options with a value, per program (httpd.c "ifvc:d:e:m:r:u:p:h:", nc.c "lp:w:i:f:e:", openbsd nc). */
const VALUED: Record<string, string> = { httpd: 'cdemruph', nc: 'pwifeIMmOPqsTVWXx' };

function options(
  argv: string[],
  valued: string,
): { flags: Set<string>; vals: Record<string, string>; words: string[] } {
  const flags = new Set<string>();
  const vals: Record<string, string> = {};
  const words: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      words.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j] as string;
      if (valued.includes(c)) {
        vals[c] = j + 1 < a.length ? a.slice(j + 1) : (argv[++i] ?? '');
        break;
      }
      flags.add(c);
    }
  }
  return { flags, vals, words };
}

/** One command of the main process, as a server it starts (or null). */
export function parseServer(argv: string[], busyboxNc: boolean): ServerSpec | null {
  const name = base(argv[0] ?? '');
  if (name === 'httpd') {
    const o = options(argv, VALUED.httpd as string);
    if (o.flags.has('i') || o.vals.d !== undefined || o.vals.e !== undefined || o.vals.m !== undefined)
      return null;
    const hp = o.vals.p === undefined ? { addr: 0, port: 80 } : hostPort(o.vals.p);
    if (!hp) return null;
    return { kind: 'httpd', ...hp, home: o.vals.h ?? '.', foreground: o.flags.has('f') };
  }
  if (name === 'nc' || name === 'netcat') {
    const o = options(argv, VALUED.nc as string);
    if (!o.flags.has('l')) return null;
    if (busyboxNc) {
      // nc.c: the port comes from -p, the one word is the local address.
      const port = Number(o.vals.p ?? '0');
      const addr = o.words[0] === undefined ? 0 : parseIp4(o.words[0]);
      if (addr === null || !Number.isInteger(port)) return null;
      return { kind: 'nc', addr, port, keep: false, feed: null };
    }
    const portText = o.vals.p ?? o.words[o.words.length - 1];
    const addrText = o.vals.p === undefined ? o.words[o.words.length - 2] : o.words[0];
    const addr = addrText === undefined ? 0 : parseIp4(addrText);
    if (portText === undefined || !/^\d+$/.test(portText) || addr === null) return null;
    return { kind: 'nc', addr, port: Number(portText), keep: o.flags.has('k'), feed: null };
  }
  return null;
}

const SHELLS = ['sh', 'ash', 'bash', 'dash', 'zsh'];

/** The servers a main process starts, and what runs before them. */
export function planMain(argv: string[], busyboxNc: boolean): MainPlan {
  const name = base(argv[0] ?? '');
  if (SHELLS.includes(name) && argv[1] === '-c' && argv[2] !== undefined)
    return planScript(argv[2], busyboxNc);
  const s = parseServer(argv, busyboxNc);
  return { prelude: null, cwd: '/', servers: s ? [s] : [] };
}

function planScript(script: string, busyboxNc: boolean): MainPlan {
  const loop = /\bwhile\b[^;]*;\s*do\b/.test(script) || /\bfor\b.*;\s*do\b/.test(script);
  const body = script.replace(/\bwhile\b[^;]*;\s*do\b|\bdone\b/g, ';');
  const parts = body.split(/&&|\|\||;|\n|&(?!&)/).map((p) => p.trim());
  const prelude: string[] = [];
  const servers: ServerSpec[] = [];
  let cwd = '/';
  for (const part of parts) {
    if (part === '') continue;
    const pipe = part.split(/\|(?!\|)/);
    const last = shellWords((pipe[pipe.length - 1] ?? '').trim());
    const s = parseServer(last, busyboxNc);
    if (s) {
      if (s.kind === 'nc') {
        s.keep = s.keep || loop;
        if (pipe.length > 1) s.feed = pipe.slice(0, -1).join('|').trim();
      }
      servers.push(s);
      continue;
    }
    if (servers.length > 0) break;
    const w = shellWords(part);
    if (w[0] === 'cd') cwd = resolvePath(cwd, w[1] ?? '/root');
    if (/^(sleep|tail|top|wait|exec)$/.test(base(w[0] ?? ''))) break;
    prelude.push(part);
  }
  return { prelude: prelude.length > 0 ? prelude.join(' && ') : null, cwd, servers };
}

/** A path relative to `cwd`, normalised (no . or ..). */
export function resolvePath(cwd: string, p: string): string {
  const parts = (p.startsWith('/') ? p : `${cwd}/${p}`).split('/');
  const out: string[] = [];
  for (const x of parts) {
    if (x === '' || x === '.') continue;
    if (x === '..') out.pop();
    else out.push(x);
  }
  return `/${out.join('/')}`;
}
