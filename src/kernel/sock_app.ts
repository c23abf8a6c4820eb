/**
 * The programs behind listening sockets, as plain data (`SocketApp`) that the kernel runs when their socket
 * is woken (`app` events): a web server (nginx: one response per request, keep-alive until the client
 * closes), a DNS server (answers through `KernelHooks.dnsResolve`: Docker's embedded resolver, the
 * internet's 8.8.8.8), echo and sink services, and docker-proxy (the userland proxy: a published port's
 * connection relayed to the container, a datagram relayed both ways). TCP's own timers arrive here too.
 */
import type { Ip4 } from '../lib';
import { httpDate } from '../lib';
import type { KernelCtx } from './context';
import { tcpAbort, tcpClose, tcpConnect, tcpRetransmitTimer, tcpSend, tcpTimewaitDone } from './ipv4/tcp';
import { removeSock } from './ipv4/tcp_input';
import { udpConnect, udpSendmsg } from './ipv4/udp';
import { heldByFrozen } from './cgroup_freezer';
import { sockGet, sockOpen } from './sock';
import { nginxLogs, sendText, serveAppEvent, textOf } from './sock_app_serve';
import type { NsId, Payload, Socket, SocketApp, SocketMessage } from './types';
import { xaGet } from './xarray';

/** Take the data messages off a socket's queue (what the program read), leaving the rest. */
function takeData(s: Socket): Extract<SocketMessage, { kind: 'data' }>[] {
  const data = s.rx.filter((m): m is Extract<SocketMessage, { kind: 'data' }> => m.kind === 'data');
  s.rx = s.rx.filter((m) => m.kind !== 'data');
  return data;
}

const NGINX_404 = (server: string): string =>
  `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>${server}</center>\r\n</body>\r\n</html>\r\n`;

/** A web server: answers each complete request; closes when the client does. */
function httpServer(
  ctx: KernelCtx,
  ns: NsId,
  s: Socket,
  app: Extract<SocketApp, { kind: 'http' }>,
  action: string,
): void {
  if (action === 'tcp-eof') {
    tcpClose(ctx, ns, s.id);
    return;
  }
  if (action !== 'tcp-data') return;
  const pending = s.rx
    .filter((m) => m.kind === 'data')
    .map((m) => (m.kind === 'data' ? textOf(m.payload) : ''));
  const req = pending.join('');
  if (!req.includes('\r\n\r\n') && !req.includes('\n\n')) return;
  takeData(s);
  const [method = 'GET', target = '/'] = (req.split(/\r?\n/)[0] ?? '').split(' ');
  const path = target.split('?')[0] ?? '/';
  const found = path === '/' || path === '/index.html';
  const body = found ? app.body : NGINX_404(app.server);
  // An HTTP/1.0 request without keep-alive gets its answer and the end of the connection (nginx
  // ngx_http_set_keepalive is not reached: r->keepalive is off for 1.0 unless asked for).
  const close = /HTTP\/1\.0\r?$/.test(req.split('\n')[0] ?? '') && !/^connection:\s*keep-alive/im.test(req);
  // ngx_http_header_filter's order: Server, Date, Content-Type, Content-Length, Last-Modified, Connection,
  // then the headers_out list (ETag, Accept-Ranges from the static module).
  const w = app.wall;
  const date = w ? `Date: ${httpDate((w.epochMs * 1000 + ctx.clock.nowUs) / 1_000_000)}\r\n` : '';
  const stat =
    w && found
      ? {
          lm: `Last-Modified: ${httpDate(w.lastModifiedS)}\r\n`,
          tail: `ETag: "${w.lastModifiedS.toString(16)}-${body.length.toString(16)}"\r\nAccept-Ranges: bytes\r\n`,
        }
      : { lm: '', tail: '' };
  const head =
    `HTTP/1.1 ${found ? '200 OK' : '404 Not Found'}\r\nServer: ${app.server}\r\n${date}` +
    `Content-Type: ${found ? app.contentType : 'text/html'}\r\nContent-Length: ${body.length}\r\n${stat.lm}` +
    `Connection: ${close ? 'close' : 'keep-alive'}\r\n${stat.tail}\r\n`;
  sendText(ctx, ns, s, method === 'HEAD' ? head : head + body);
  if (w) nginxLogs(ctx, ns, s, w, req, found ? 200 : 404, method === 'HEAD' ? 0 : body.length);
  if (close) tcpClose(ctx, ns, s.id);
}

/** A DNS server: each query answered from the resolver hook (NXDOMAIN when it knows nothing). */
function dnsServer(ctx: KernelCtx, ns: NsId, s: Socket): void {
  for (const m of takeData(s)) {
    const q = m.payload;
    if (q.kind !== 'dns' || q.answers !== null) continue;
    const found = ctx.hooks.dnsResolve?.(ns, q.qname, s.localAddr) ?? null;
    const answers = q.qtype === 'A' ? (found ?? []).map((a) => ipText(a)) : [];
    const reply: Payload = {
      kind: 'dns',
      id: q.id,
      qname: q.qname,
      qtype: q.qtype,
      answers,
      rcode: found ? 0 : 3,
    };
    udpSendmsg(ctx, ns, s.id, reply, { addr: m.fromAddr, port: m.fromPort });
  }
}

function ipText(a: Ip4): string {
  return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
}

/** docker-proxy over TCP: an accepted connection gets a backend connection to the container. */
function tcpProxy(
  ctx: KernelCtx,
  ns: NsId,
  s: Socket,
  app: Extract<SocketApp, { kind: 'proxy' }>,
  action: string,
): void {
  const tcb = s.tcp;
  if (!tcb) return;
  const other = tcb.peerSock === null ? null : sockGet(ctx, ns, tcb.peerSock);
  if (action === 'tcp-accept' && tcb.peerSock === null) {
    tcb.accepted = true;
    const back = sockOpen(ctx, ns, {
      proto: 'tcp',
      program: s.program,
      pid: s.pid,
      nsPid: s.nsPid,
      app: { kind: 'client' },
    });
    tcb.peerSock = back;
    const b = sockGet(ctx, ns, back);
    if (b) {
      const r = tcpConnect(ctx, ns, back, app.toAddr, app.toPort);
      if (b.tcp) b.tcp.peerSock = s.id;
      if (!r.ok) {
        removeSock(ctx, ns, b);
        tcpClose(ctx, ns, s.id);
      }
    }
    return;
  }
  if (!other) return;
  const forward = (from: Socket, to: Socket): void => {
    if (to.state !== 'ESTAB' && to.state !== 'CLOSE-WAIT') return;
    for (const m of takeData(from)) tcpSend(ctx, ns, to.id, m.payload);
  };
  switch (action) {
    case 'tcp-connected':
      forward(other, s);
      // The client already closed its side while the backend was connecting: pass the FIN on now.
      if (other.state === 'CLOSE-WAIT') tcpClose(ctx, ns, s.id);
      return;
    case 'tcp-data':
      forward(s, other);
      return;
    case 'tcp-eof':
      // A backend still connecting gets the FIN once it is connected (above), not a close that drops it.
      if (other.state !== 'SYN-SENT') tcpClose(ctx, ns, other.id);
      return;
    case 'tcp-reset':
      if (other.state === 'ESTAB' || other.state === 'CLOSE-WAIT') tcpClose(ctx, ns, other.id);
      else tcpAbort(ctx, ns, other.id);
      if (s.state === 'CLOSED') removeSock(ctx, ns, s);
      return;
    default:
  }
}

/** docker-proxy over UDP: one backend socket per client, replies sent back from the published port. */
function udpProxy(ctx: KernelCtx, ns: NsId, s: Socket, app: Extract<SocketApp, { kind: 'proxy' }>): void {
  const n = xaGet(ctx.k.netns, ns);
  if (!n) return;
  const isBackend = s.remoteAddr !== null;
  for (const m of takeData(s)) {
    if (isBackend) {
      const front = n.sockets.find(
        (x) =>
          x.proto === 'udp' &&
          x.remoteAddr === null &&
          x.app.kind === 'proxy' &&
          x.app.toAddr === s.remoteAddr &&
          x.app.toPort === s.remotePort,
      );
      if (front) udpSendmsg(ctx, ns, front.id, m.payload, { addr: app.toAddr, port: app.toPort });
      continue;
    }
    let back = n.sockets.find(
      (x) =>
        x.proto === 'udp' &&
        x.remoteAddr === app.toAddr &&
        x.remotePort === app.toPort &&
        x.app.kind === 'proxy' &&
        x.app.toAddr === m.fromAddr &&
        x.app.toPort === m.fromPort,
    );
    if (!back) {
      const id = sockOpen(ctx, ns, {
        proto: 'udp',
        program: s.program,
        pid: s.pid,
        nsPid: s.nsPid,
        app: { kind: 'proxy', toAddr: m.fromAddr, toPort: m.fromPort },
      });
      if (!udpConnect(ctx, ns, id, app.toAddr, app.toPort).ok) continue;
      back = sockGet(ctx, ns, id) ?? undefined;
    }
    if (back) udpSendmsg(ctx, ns, back.id, m.payload);
  }
}

/** An `app` event: a socket's program reacts (or a TCP timer fires). */
export function socketAppEvent(ctx: KernelCtx, ns: NsId, socket: number, action: string): void {
  if (action === 'tcp-rto') {
    tcpRetransmitTimer(ctx, ns, socket);
    return;
  }
  if (action === 'tcp-timewait') {
    tcpTimewaitDone(ctx, ns, socket);
    return;
  }
  const s = sockGet(ctx, ns, socket);
  if (!s) return;
  // A frozen program (docker pause) reads nothing; the kernel already queued what came (TCP timers above run).
  if (heldByFrozen(ctx, ns, s, action)) return;
  if (serveAppEvent(ctx, ns, s, action)) return;
  const app = s.app;
  switch (app.kind) {
    case 'http':
      if (s.proto === 'tcp') httpServer(ctx, ns, s, app, action);
      return;
    case 'dns':
      if (s.proto === 'udp') dnsServer(ctx, ns, s);
      return;
    case 'echo':
      for (const m of takeData(s)) {
        if (s.proto === 'udp') udpSendmsg(ctx, ns, s.id, m.payload, { addr: m.fromAddr, port: m.fromPort });
        else tcpSend(ctx, ns, s.id, m.payload);
      }
      if (action === 'tcp-eof') tcpClose(ctx, ns, s.id);
      return;
    case 'sink':
      takeData(s);
      if (action === 'tcp-eof') tcpClose(ctx, ns, s.id);
      return;
    case 'proxy':
      if (s.proto === 'udp') udpProxy(ctx, ns, s, app);
      else tcpProxy(ctx, ns, s, app, action);
      return;
    case 'client':
      if (s.tcp && s.tcp.peerSock !== null) {
        const front = sockGet(ctx, ns, s.tcp.peerSock);
        if (front && front.app.kind === 'proxy') tcpProxy(ctx, ns, s, front.app, action);
      }
      return;
  }
}
