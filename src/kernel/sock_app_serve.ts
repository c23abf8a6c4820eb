/**
 * Servers that containers run as their main process, as socket applications (`app` events):
 *
 * - BusyBox 1.35 httpd (networking/httpd.c): one request per connection (it forks a child per accept()),
 *   answered with "Connection: close"; GET/HEAD of a file under its home (a path ending in '/' means its
 *   index.html; a directory without the slash is redirected, 302 + Location), else 404; any other method
 *   501. Header order and texts as send_headers() writes them (checked against Debian's busybox 1.35).
 * - A listening netcat in the background (BusyBox nc.c / netcat-openbsd, run by `docker run -d`): it
 *   accept()s one connection and stops listening (-k: listens on); it sends what its stdin holds and, at
 *   stdin's EOF (a pipe, or /dev/null), shuts its write side (the client sees the FIN); what it reads is its
 *   stdout (the container's log, through `KernelHooks.programOutput`); the peer's FIN ends it (close()).
 */
import { clfDate, formatIp4, httpDate } from '../lib';
import type { KernelCtx } from './context';
import { tcpClose, tcpSend } from './ipv4/tcp';
import { sockClose, sockGet } from './sock';
import type { NsId, Payload, Socket, SocketApp } from './types';

/** What a TCP segment carries at most with timestamps on a 1500-byte MTU (MSS 1460 - 12). */
const SEG_MAX = 1448;

/** The text a payload carries (a sized one reads as spaces). */
export function textOf(p: Payload): string {
  return p.kind === 'text' ? p.text : p.kind === 'bytes' ? ' '.repeat(p.size) : '';
}

/** send() a text stream, cut into MSS-sized segments. */
export function sendText(ctx: KernelCtx, ns: NsId, s: Socket, text: string): void {
  for (let i = 0; i < text.length; i += SEG_MAX)
    tcpSend(ctx, ns, s.id, { kind: 'text', text: text.slice(i, i + SEG_MAX) });
}

/** The data read so far, taken off the queue. */
function takeText(s: Socket): string {
  const text = s.rx.map((m) => (m.kind === 'data' ? textOf(m.payload) : '')).join('');
  s.rx = s.rx.filter((m) => m.kind !== 'data');
  return text;
}

/** httpd.c's static suffix table, reduced to what a lesson serves. */
function contentType(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'html' || ext === 'htm') return 'text/html';
  if (ext === 'txt' || ext === 'h' || ext === 'c' || ext === 'cc' || ext === 'cpp') return 'text/plain';
  if (ext === 'css') return 'text/css';
  if (ext === 'js') return 'application/javascript';
  return 'application/octet-stream';
}

/** send_headers_and_exit(): the error page httpd.c builds from its HTTP_RESPONSE table. */
function errorPage(code: string, text: string): string {
  return `<HTML><HEAD><TITLE>${code}</TITLE></HEAD>\n<BODY><H1>${code}</H1>\n${text}\n</BODY></HTML>\n`;
}

function busyboxHttpd(
  ctx: KernelCtx,
  ns: NsId,
  s: Socket,
  app: Extract<SocketApp, { kind: 'httpd' }>,
  action: string,
): void {
  if (action === 'tcp-eof' && !s.rx.some((m) => m.kind === 'data')) {
    tcpClose(ctx, ns, s.id);
    return;
  }
  if (action !== 'tcp-data' && action !== 'tcp-eof') return;
  const pending = s.rx.map((m) => (m.kind === 'data' ? textOf(m.payload) : '')).join('');
  if (!pending.includes('\r\n\r\n') && !pending.includes('\n\n') && action !== 'tcp-eof') return;
  takeText(s);
  const [method = '', target = '/'] = (pending.split(/\r?\n/)[0] ?? '').split(' ');
  const date = httpDate((app.epochMs * 1000 + ctx.clock.nowUs) / 1_000_000);
  let path = target.split('?')[0] ?? '/';
  if (path.endsWith('/')) path += 'index.html';
  const file = app.files[path];
  const isDir = !file && Object.keys(app.files).some((f) => f.startsWith(`${path}/`));
  let head: string;
  let body = '';
  if (method !== 'GET' && method !== 'HEAD') {
    head = `HTTP/1.1 501 Not Implemented\r\nDate: ${date}\r\nConnection: close\r\nContent-type: text/html\r\n\r\n`;
    body = errorPage('501 Not Implemented', 'The requested method is not recognized');
  } else if (file) {
    const mtime = httpDate(file.mtimeS);
    head =
      `HTTP/1.1 200 OK\r\nDate: ${date}\r\nConnection: close\r\nContent-type: ${contentType(path)}\r\n` +
      `Accept-Ranges: bytes\r\nLast-Modified: ${mtime}\r\n` +
      `ETag: "${file.mtimeS.toString(16)}-${file.body.length.toString(16)}"\r\n` +
      `Content-Length: ${file.body.length}\r\n\r\n`;
    body = file.body;
  } else if (isDir) {
    head = `HTTP/1.1 302 Found\r\nDate: ${date}\r\nConnection: close\r\nContent-type: text/html\r\nLocation: ${path}/\r\n\r\n`;
  } else {
    head = `HTTP/1.1 404 Not Found\r\nDate: ${date}\r\nConnection: close\r\nContent-type: text/html\r\n\r\n`;
    body = errorPage('404 Not Found', 'The requested URL was not found');
  }
  sendText(ctx, ns, s, method === 'HEAD' ? head : head + body);
  tcpClose(ctx, ns, s.id);
}

function backgroundNc(
  ctx: KernelCtx,
  ns: NsId,
  s: Socket,
  app: Extract<SocketApp, { kind: 'nc' }>,
  action: string,
): void {
  const tcb = s.tcp;
  if (!tcb) return;
  if (action === 'tcp-accept') {
    tcb.accepted = true;
    // One connection: the listening socket is closed once it is accepted (unless -k).
    if (!app.keep && tcb.parent !== null && sockGet(ctx, ns, tcb.parent)?.state === 'LISTEN')
      sockClose(ctx, ns, tcb.parent);
    if (app.reply !== '') sendText(ctx, ns, s, app.reply);
    if (app.stdinEof) tcpClose(ctx, ns, s.id);
    return;
  }
  const text = takeText(s);
  if (text !== '') ctx.hooks.programOutput?.(ns, s.pid, text);
  if (action === 'tcp-eof' || action === 'tcp-reset') {
    s.rx = [];
    tcpClose(ctx, ns, s.id);
  }
}

/**
 * nginx's logs for one request, both the container's log: an error_log line (stderr) when the file is not
 * there, `*N` being the connection's number (ngx_connection_counter, counted on the listener; worker 29
 * takes it), then the access log line in the image's log_format main (stdout): the client as nginx sees
 * it (docker-proxy's backend address for a published port), [time_local], the request line, status, body
 * bytes, Referer, User-Agent and X-Forwarded-For ("-" when absent).
 */
export function nginxLogs(
  ctx: KernelCtx,
  ns: NsId,
  s: Socket,
  w: { epochMs: number; lastModifiedS: number; conns: number; no?: number },
  req: string,
  status: number,
  bytes: number,
): void {
  const lines = req.split(/\r?\n/);
  const header = (name: string) =>
    lines
      .find((l) => l.toLowerCase().startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim() || '';
  const nowS = (w.epochMs * 1000 + ctx.clock.nowUs) / 1_000_000;
  const client = formatIp4(s.remoteAddr ?? 0);
  if (w.no === undefined) {
    const parent = s.tcp?.parent ?? null;
    const l = parent === null ? null : sockGet(ctx, ns, parent);
    const lw = l?.app.kind === 'http' ? l.app.wall : undefined;
    w.no = lw ? ++lw.conns : 1;
  }
  let out = '';
  if (status === 404) {
    const path = (lines[0] ?? '').split(' ')[1]?.split('?')[0] ?? '/';
    const host = header('host');
    out +=
      `${errorLogDate(nowS)} [error] 29#29: *${w.no} open() "/usr/share/nginx/html${path}" failed ` +
      `(2: No such file or directory), client: ${client}, server: localhost, request: "${lines[0] ?? ''}"` +
      `${host ? `, host: "${host}"` : ''}\n`;
  }
  out +=
    `${client} - - [${clfDate(nowS)}] "${lines[0] ?? ''}" ${status} ${bytes} ` +
    `"${header('referer') || '-'}" "${header('user-agent') || '-'}" "${header('x-forwarded-for') || '-'}"\n`;
  ctx.hooks.programOutput?.(ns, s.pid, out);
}

/** nginx's error_log time: 2026/11/28 00:00:05 (the container's zone is UTC). */
function errorLogDate(unixS: number): string {
  return clfDate(unixS).replace(
    /^(\d\d)\/(\w{3})\/(\d{4}):(\d\d:\d\d:\d\d) \+0000$/,
    (_m, d: string, mon: string, y: string, t: string) =>
      `${y}/${String(MONTHS.indexOf(mon) + 1).padStart(2, '0')}/${d} ${t}`,
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An `app` event for one of these servers; false when the socket's program is not one of them. */
export function serveAppEvent(ctx: KernelCtx, ns: NsId, s: Socket, action: string): boolean {
  const app = s.app;
  if (app.kind === 'httpd') {
    if (s.proto === 'tcp') busyboxHttpd(ctx, ns, s, app, action);
    return true;
  }
  if (app.kind === 'nc') {
    if (s.proto === 'tcp') backgroundNc(ctx, ns, s, app, action);
    return true;
  }
  return false;
}
