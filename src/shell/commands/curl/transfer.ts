/**
 * One URL's transfer as curl 7.88.1 does it over HTTP/1.1 (lib/connect.c, lib/http.c, lib/transfer.c):
 * resolve, connect (with the --connect-timeout / -m budget; "Trying", "connect to ... failed" and
 * "Connected to" in -v), send the request, read the status line and headers, then the body by
 * Content-Length (or until the server closes), and leave a keep-alive connection "intact" or close it.
 * The verbose trace goes to stderr as it happens; the progress meter ticks through `Meter`.
 */
import type { Ip4 } from '../../../lib';
import { formatIp4 } from '../../../lib';
import { sockGet, strerror, type Errno } from '../../../kernel';
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
  type ConnectOutcome,
  type ProgSock,
} from '../inet/socket';
import type { CurlOpts } from './opts';
import type { Url } from './url';

export interface Meter {
  /** Called while waiting, with the time now: prints a status line each new second. */
  tick(): void;
}

export interface Transfer {
  code: number;
  errMsg: string | null;
  httpCode: number;
  httpVersion: string;
  headersRaw: string;
  body: string;
  contentType: string | null;
  remote: { ip: Ip4; port: number } | null;
  local: { ip: Ip4; port: number } | null;
  startUs: number;
  connectUs: number | null;
  expected: number;
  /** HTTP/1.1 without `Connection: close`: -v says the connection is left intact. */
  keepAlive: boolean;
}

const SIGINT = -1;

function verbose(io: CommandIO, o: CurlOpts, text: string): void {
  if (o.verbose) io.err(text);
}

/** Wait on the socket until `until`, a second at a time so the meter can tick. */
async function waitTicking(io: CommandIO, s: ProgSock, until: number, meter: Meter): Promise<boolean> {
  while (s.pending.length === 0 && nowUs(io) < until) {
    const step = Math.min(until, nowUs(io) + 1_000_000 - (nowUs(io) % 1_000_000));
    if (!(await waitSock(io, s, step))) return false;
    if (nowUs(io) < until) meter.tick();
  }
  return !io.signal.aborted;
}

function requestText(o: CurlOpts, url: Url): string {
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== null ? 'POST' : 'GET');
  const lines = [`${method} ${url.path} HTTP/1.1`, `Host: ${url.hostHeader}`];
  const custom = o.headers.map((h) => h.split(':')[0]?.trim().toLowerCase());
  if (!custom.includes('user-agent') && o.userAgent) lines.push(`User-Agent: ${o.userAgent}`);
  if (!custom.includes('accept')) lines.push('Accept: */*');
  for (const h of o.headers) if (/:\s*\S/.test(h)) lines.push(h);
  if (o.data !== null) {
    lines.push(`Content-Length: ${o.data.length}`);
    if (!custom.includes('content-type')) lines.push('Content-Type: application/x-www-form-urlencoded');
  }
  return lines.map((l) => `${l}\r\n`).join('') + '\r\n' + (o.data ?? '');
}

function header(raw: string, name: string): string | null {
  const m = new RegExp(`^${name}:\\s*(.*?)\\r?$`, 'im').exec(raw);
  return m ? (m[1] ?? '') : null;
}

export async function transfer(io: CommandIO, o: CurlOpts, url: Url, meter: Meter): Promise<Transfer> {
  const startUs = nowUs(io);
  const t: Transfer = {
    code: 0,
    errMsg: null,
    httpCode: 0,
    httpVersion: '0',
    headersRaw: '',
    body: '',
    contentType: null,
    remote: null,
    local: null,
    startUs,
    connectUs: null,
    expected: 0,
    keepAlive: false,
  };
  const ms = () => Math.floor((nowUs(io) - startUs) / 1000);
  const fail = (code: number, msg: string): Transfer => {
    t.code = code;
    t.errMsg = msg;
    return t;
  };
  const r = await getaddrinfo(io, url.host, 'curl');
  if (r === 'aborted') return fail(SIGINT, '');
  if (!r.ok) {
    verbose(io, o, `* Could not resolve host: ${url.host}\n`);
    return fail(6, `Could not resolve host: ${url.host}`);
  }
  const ip = r.addr;
  const maxAt = o.maxTimeMs !== null ? startUs + o.maxTimeMs * 1000 : Number.POSITIVE_INFINITY;
  const connectMs = o.connectTimeoutMs ?? 300_000;
  const connectAt = Math.min(maxAt, startUs + connectMs * 1000);
  verbose(io, o, `*   Trying ${formatIp4(ip)}:${url.port}...\n`);
  const s = openSock(io, 'tcp', 'curl', newPid(io));
  const e = connectSock(io, s, ip, url.port);
  let c: ConnectOutcome | null = e ? { ok: false, errno: e } : null;
  while (!c) {
    const w = await waitConnect(io, s, Math.min(connectAt, nowUs(io) + 1_000_000));
    if (w.ok || w.errno !== 'timeout' || nowUs(io) >= connectAt) c = w;
    else meter.tick();
  }
  if (!c.ok) {
    closeSock(io, s);
    if (c.errno === 'aborted') return fail(SIGINT, '');
    if (c.errno === 'timeout') {
      if (nowUs(io) >= maxAt && o.connectTimeoutMs === null)
        return fail(28, `Connection timed out after ${ms()} milliseconds`);
      verbose(io, o, `* ipv4 connect timeout after ${connectMs}ms, move on!\n`);
      const msg = `Failed to connect to ${url.host} port ${url.port} after ${ms()} ms: Timeout was reached`;
      verbose(io, o, `* ${msg}\n`);
      return fail(28, msg);
    }
    verbose(io, o, `* connect to ${formatIp4(ip)} port ${url.port} failed: ${strerror(c.errno as Errno)}\n`);
    const msg = `Failed to connect to ${url.host} port ${url.port} after ${ms()} ms: Couldn't connect to server`;
    verbose(io, o, `* ${msg}\n`);
    return fail(7, msg);
  }
  t.connectUs = nowUs(io);
  t.remote = { ip, port: url.port };
  const k = sockGet(io.os.view(), io.proc.ns, s.id);
  t.local = k ? { ip: k.localAddr, port: k.localPort } : null;
  verbose(io, o, `* Connected to ${url.host} (${formatIp4(ip)}) port ${url.port} (#0)\n`);
  const req = requestText(o, url);
  sendText(io, s, req);
  if (o.verbose) {
    const head = req.slice(0, req.indexOf('\r\n\r\n') + 4);
    io.err(
      head
        .split('\r\n')
        .slice(0, -1)
        .map((l) => `> ${l}\r\n`)
        .join(''),
    );
  }
  let buf = '';
  let eof = false;
  let headEnd = -1;
  const isHead = (o.method ?? (o.head ? 'HEAD' : 'GET')) === 'HEAD';
  for (;;) {
    for (let m = s.pending.shift(); m; m = s.pending.shift()) {
      if (m.kind === 'data') buf += dataText(m);
      else if (m.kind === 'eof' || m.kind === 'reset') eof = true;
    }
    if (headEnd < 0) headEnd = buf.indexOf('\r\n\r\n');
    if (headEnd >= 0) {
      const len = Number(header(buf.slice(0, headEnd + 2), 'Content-Length') ?? NaN);
      if (isHead || (Number.isFinite(len) && buf.length - headEnd - 4 >= len)) break;
    }
    if (eof) break;
    if (nowUs(io) >= maxAt) {
      closeSock(io, s);
      const got = headEnd < 0 ? 0 : buf.length - headEnd - 4;
      const msg = `Operation timed out after ${ms()} milliseconds with ${got} bytes received`;
      verbose(io, o, `* ${msg}\n`);
      return { ...fail(28, msg), remote: t.remote };
    }
    if (!(await waitTicking(io, s, maxAt, meter))) {
      closeSock(io, s);
      return fail(SIGINT, '');
    }
  }
  if (headEnd < 0) {
    closeSock(io, s);
    verbose(io, o, '* Empty reply from server\n');
    return fail(52, 'Empty reply from server');
  }
  t.headersRaw = buf.slice(0, headEnd + 4);
  const status = /^HTTP\/(\d(?:\.\d)?) (\d{3})/.exec(t.headersRaw);
  t.httpVersion = status?.[1] ?? '1.1';
  t.httpCode = Number(status?.[2] ?? 0);
  t.contentType = header(t.headersRaw, 'Content-Type');
  t.expected = Number(header(t.headersRaw, 'Content-Length') ?? 0) || 0;
  t.body = isHead ? '' : buf.slice(headEnd + 4);
  const close = t.httpVersion === '1.0' || /^close$/i.test(header(t.headersRaw, 'Connection') ?? '');
  if (o.verbose) {
    if (t.httpVersion === '1.0') io.err('* HTTP 1.0, assume close after body\n');
    io.err(
      t.headersRaw
        .split('\r\n')
        .slice(0, -1)
        .map((l) => `< ${l}\r\n`)
        .join(''),
    );
  }
  closeSock(io, s);
  t.keepAlive = !close;
  return t;
}

/** The end of a transfer's -v trace: keep the connection (HTTP/1.1 keep-alive) or close it. */
export function endTrace(io: CommandIO, o: CurlOpts, t: Transfer, url: Url): void {
  if (t.keepAlive) verbose(io, o, `* Connection #0 to host ${url.host} left intact\n`);
  else verbose(io, o, '* Closing connection 0\n');
}

export { SIGINT };
