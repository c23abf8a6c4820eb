/**
 * BusyBox 1.35 `wget` (networking/wget.c, libbb/progress.c) for HTTP: "Connecting to HOST (IP:PORT)",
 * an HTTP/1.1 request with "Connection: close", -S echoing the status and header lines indented by two
 * spaces (the blank one too), "server returned error: STATUS" for anything but 2xx, then the body to
 * -O FILE ("-" is stdout) or to the URL's last path part ("index.html" for a directory), which must not
 * exist yet. The progress line is the non-terminal form (stderr is never a tty here): the name in 20
 * columns, the percentage, a 32-star bar (80 columns - 48), the size in five characters, the ETA.
 * -q silences all but errors; -T bounds connect and reads ("download timed out").
 */
import { formatIp4 } from '../../../lib';
import { strerror, type Errno } from '../../../kernel';
import { Getopt, type LongOpt } from '../../getopt';
import { fsErrorOf } from '../../fs';
import type { CommandIO } from '../../types';
import { getaddrinfo } from '../inet/resolv';
import {
  closeSock,
  connectSock,
  dataText,
  newPid,
  nowUs,
  openSock,
  sendText,
  waitConnect,
  waitSock,
} from '../inet/socket';
import { BUSYBOX_WGET_USAGE } from './usage';

const SIGINT_EXIT = 130;

const LONG: LongOpt[] = [
  { name: 'quiet', hasArg: 0, val: 'q' },
  { name: 'server-response', hasArg: 0, val: 'S' },
  { name: 'output-document', hasArg: 1, val: 'O' },
  { name: 'timeout', hasArg: 1, val: 'T' },
  { name: 'directory-prefix', hasArg: 1, val: 'P' },
  { name: 'user-agent', hasArg: 1, val: 'U' },
  { name: 'spider', hasArg: 0, val: 's' },
  { name: 'continue', hasArg: 0, val: 'c' },
  { name: 'header', hasArg: 1, val: 'H' },
  { name: 'no-check-certificate', hasArg: 0, val: 'k' },
];

/** smart_ulltoa5(): five characters, scaled by 1024 with a unit letter past 99999. */
function size5(n: number): string {
  if (n < 100000) return String(n).padStart(5);
  const units = 'kMGTPEZY';
  let v = n;
  let i = -1;
  while (v >= 10000 && i < units.length - 1) {
    v = Math.floor(v / 1024);
    i++;
  }
  return `${String(v).padStart(4)}${units[i] ?? ''}`;
}

function progressLine(name: string, got: number, total: number): string {
  const pct = total ? Math.floor((100 * got) / total) : 100;
  const stars = total ? Math.floor((32 * got) / total) : 32;
  return `${name.slice(0, 20).padEnd(20)} ${String(pct).padStart(3)}% |${'*'.repeat(stars).padEnd(32)}| ${size5(got)}  0:00:00 ETA\n`;
}

interface WgetOpts {
  quiet: boolean;
  headers: boolean;
  output: string | null;
  timeoutS: number;
  prefix: string | null;
  agent: string;
  spider: boolean;
}

async function exists(io: CommandIO, path: string): Promise<boolean> {
  try {
    return await io.fs.exists(path);
  } catch {
    return false;
  }
}

async function fetchOne(io: CommandIO, o: WgetOpts, url: string): Promise<number> {
  const m = /^(?:(\w+):\/\/)?([^/:]*)(?::(\d+))?(\/.*)?$/.exec(url);
  const scheme = m?.[1]?.toLowerCase() ?? 'http';
  if (!m || (scheme !== 'http' && scheme !== 'https')) {
    io.err(`wget: not an http or ftp url: ${url.replace(/:\/\/.*/, '')}\n`);
    return 1;
  }
  const host = m[2] ?? '';
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  const path = m[4] ?? '/';
  const hostText = m[3] ? `${host}:${m[3]}` : host;
  const r = await getaddrinfo(io, host, 'wget');
  if (r === 'aborted') return SIGINT_EXIT;
  if (!r.ok) {
    io.err(`wget: bad address '${host}'\n`);
    return 1;
  }
  if (!o.quiet) io.err(`Connecting to ${hostText} (${formatIp4(r.addr)}:${port})\n`);
  const deadline = () => nowUs(io) + o.timeoutS * 1_000_000;
  const s = openSock(io, 'tcp', 'wget', newPid(io));
  const e = connectSock(io, s, r.addr, port);
  const c = e ? ({ ok: false, errno: e } as const) : await waitConnect(io, s, deadline());
  if (!c.ok) {
    closeSock(io, s);
    if (c.errno === 'aborted') return SIGINT_EXIT;
    io.err(
      c.errno === 'timeout'
        ? 'wget: download timed out\n'
        : `wget: can't connect to remote host (${formatIp4(r.addr)}): ${strerror(c.errno as Errno)}\n`,
    );
    return 1;
  }
  const base =
    path
      .replace(/[?#].*/, '')
      .split('/')
      .pop() || 'index.html';
  const fname = o.output ?? (o.prefix ? `${o.prefix.replace(/\/$/, '')}/${base}` : base);
  const toStdout = fname === '-';
  const full = fname.startsWith('/') ? fname : `${io.cwd.replace(/\/$/, '')}/${fname}`;
  sendText(
    io,
    s,
    `${o.spider ? 'HEAD' : 'GET'} ${path} HTTP/1.1\r\nHost: ${hostText}\r\nUser-Agent: ${o.agent}\r\nConnection: close\r\n\r\n`,
  );
  let buf = '';
  let until = deadline();
  for (;;) {
    let eof = false;
    for (let msg = s.pending.shift(); msg; msg = s.pending.shift()) {
      if (msg.kind === 'data') {
        buf += dataText(msg);
        until = deadline();
      } else if (msg.kind === 'eof' || msg.kind === 'reset') eof = true;
    }
    const end = buf.indexOf('\r\n\r\n');
    const len = end < 0 ? NaN : Number(/^content-length:\s*(\d+)/im.exec(buf.slice(0, end))?.[1] ?? NaN);
    if (eof || (end >= 0 && (o.spider || (Number.isFinite(len) && buf.length - end - 4 >= len)))) break;
    if (nowUs(io) >= until) {
      closeSock(io, s);
      io.err('wget: download timed out\n');
      return 1;
    }
    if (!(await waitSock(io, s, until))) {
      closeSock(io, s);
      return SIGINT_EXIT;
    }
  }
  closeSock(io, s);
  const end = buf.indexOf('\r\n\r\n');
  const lines = (end < 0 ? buf : buf.slice(0, end)).split('\r\n');
  const status = lines[0] ?? '';
  if (o.headers) io.err(`${lines.map((l) => `  ${l}\n`).join('')}  \n`);
  const code = Number(/^HTTP\/\S+ (\d{3})/.exec(status)?.[1] ?? 0);
  if (code < 200 || code > 299) {
    io.err(`wget: server returned error: ${status}\n`);
    return 1;
  }
  if (o.spider) return 0;
  if (!toStdout && o.output === null && (await exists(io, full))) {
    io.err(`wget: can't open '${fname}': File exists\n`);
    return 1;
  }
  const body = end < 0 ? '' : buf.slice(end + 4);
  // BusyBox 1.35 opens the file before it says "saving to": a refused open prints no such line.
  if (!toStdout) {
    try {
      await io.fs.writeFile(full, '');
    } catch (e) {
      io.err(`wget: can't open '${fname}': ${fsErrorOf(e).message}\n`);
      return 1;
    }
  }
  if (!o.quiet) io.err(toStdout ? 'writing to stdout\n' : `saving to '${fname}'\n`);
  if (toStdout) io.out(body);
  else await io.fs.writeFile(full, body);
  if (!o.quiet) {
    io.err(progressLine(toStdout ? '-' : (fname.split('/').pop() ?? fname), body.length, body.length));
    io.err(toStdout ? 'written to stdout\n' : `'${fname}' saved\n`);
  }
  return 0;
}

export async function runBusyboxWget(io: CommandIO): Promise<number> {
  const o: WgetOpts = {
    quiet: false,
    headers: false,
    output: null,
    timeoutS: 900,
    prefix: null,
    agent: 'Wget',
    spider: false,
  };
  const g = new Getopt(io.argv, 'cqSO:o:P:Y:U:T:H:');
  const urls: string[] = [];
  for (;;) {
    const r = g.next(LONG);
    if (r.kind === 'end') break;
    if (r.kind === 'nonopt') {
      urls.push(r.arg);
      continue;
    }
    if (r.kind !== 'opt') {
      const what =
        r.kind === 'missing'
          ? 'option requires an argument'
          : r.text.startsWith('--')
            ? 'unrecognized option'
            : 'invalid option';
      io.err(
        `wget: ${what} ${r.text.startsWith('--') ? `'${r.text}'` : `-- '${r.text.slice(1)}'`}\n${BUSYBOX_WGET_USAGE}`,
      );
      return 1;
    }
    if (r.val === 'q') o.quiet = true;
    else if (r.val === 'S') o.headers = true;
    else if (r.val === 'O') o.output = r.arg;
    else if (r.val === 'P') o.prefix = r.arg;
    else if (r.val === 'U') o.agent = r.arg ?? '';
    else if (r.val === 's') o.spider = true;
    else if (r.val === 'T') {
      if (!/^\d+$/.test(r.arg ?? '')) {
        io.err(`wget: invalid number '${r.arg ?? ''}'\n`);
        return 1;
      }
      o.timeoutS = Number(r.arg);
    }
  }
  if (urls.length === 0) {
    io.err(BUSYBOX_WGET_USAGE);
    return 1;
  }
  for (const u of urls) {
    const code = await fetchOne(io, o, u);
    if (code !== 0) return code;
  }
  return 0;
}
