/**
 * netcat-openbsd 1.219 listen mode (netcat.c main's lflag branch, local_listen, report_sock): bind to the
 * address (any by default) and port, listen(s, 1), accept one connection and copy both ways until the peer
 * closes; -k accepts the next one instead of exiting. UDP: bind, read the first datagram, connect() to its
 * sender, go on copying. -v reports "Listening on ADDR PORT" and "Connection received on ADDR PORT"
 * through getnameinfo() (names unless -n; a failed lookup prints "nc: getnameinfo: ..." and goes on).
 * Ctrl-C kills it (exit 130).
 */
import type { Ip4 } from '../../../lib';
import { formatIp4 } from '../../../lib';
import { udpConnect } from '../../../kernel';
import type { CommandIO } from '../../types';
import { GAI_STRERROR, getaddrinfo, getnameinfo } from '../inet/resolv';
import { acceptConn, closeSock, newPid, openSock, portInUse, waitSock, type ProgSock } from '../inet/socket';
import type { NcOpts } from './openbsd_opts';
import { relay } from './relay';

const SIGINT_EXIT = 130;

/** report_sock(): "MSG on HOST PORT", the host through getnameinfo() unless -n. */
async function report(io: CommandIO, o: NcOpts, msg: string, addr: Ip4, port: number): Promise<boolean> {
  let host = formatIp4(addr);
  if (!o.numeric) {
    const r = await getnameinfo(io, addr, 'nc');
    if (r === 'aborted') return false;
    if (r === 'again' || r === 'noname' || r === 'nodata') {
      io.err(`nc: getnameinfo: ${GAI_STRERROR[r]}\n`);
      return true;
    }
    host = r;
  }
  io.err(`${msg} on ${host} ${port}\n`);
  return true;
}

async function serveUdp(io: CommandIO, o: NcOpts, s: ProgSock): Promise<number> {
  if (!(await waitSock(io, s, Number.POSITIVE_INFINITY))) return SIGINT_EXIT;
  const first = s.pending.find((m) => m.kind === 'data');
  if (first && first.kind === 'data') {
    const from = first.fromAddr;
    const port = first.fromPort;
    io.os.mutate(({ kctx }) => udpConnect(kctx, io.proc.ns, s.id, from, port));
    if (o.verbose && !(await report(io, o, 'Connection received', from, port))) return SIGINT_EXIT;
  }
  const end = await relay(io, s, { shutdownOnEof: false, quitAfter: null, idle: o.timeout });
  closeSock(io, s);
  return end === 'aborted' ? SIGINT_EXIT : 0;
}

export async function runOpenbsdListen(io: CommandIO, o: NcOpts): Promise<number> {
  let addr: Ip4 = 0;
  if (o.host !== null) {
    const r = await getaddrinfo(io, o.host, 'nc');
    if (r === 'aborted') return SIGINT_EXIT;
    if (!r.ok) {
      io.err(`nc: getaddrinfo: ${GAI_STRERROR[r.error]}\n`);
      return 1;
    }
    addr = r.addr;
  }
  const port = o.ports[0] ?? 0;
  const proto = o.udp ? 'udp' : 'tcp';
  if (portInUse(io, proto, addr, port)) {
    io.err('nc: Address already in use\n');
    return 1;
  }
  const pid = newPid(io);
  const l = openSock(io, proto, 'nc', pid, proto === 'tcp' ? { addr, port, backlog: 1 } : { addr, port });
  if (o.verbose && !(await report(io, o, proto === 'udp' ? 'Bound' : 'Listening', addr, port))) {
    closeSock(io, l);
    return SIGINT_EXIT;
  }
  if (proto === 'udp') return serveUdp(io, o, l);
  for (;;) {
    const c = await acceptConn(io, l, Number.POSITIVE_INFINITY);
    if (!c) {
      closeSock(io, l);
      return SIGINT_EXIT;
    }
    if (o.verbose && !(await report(io, o, 'Connection received', c.peer, c.peerPort))) {
      closeSock(io, c.sock);
      closeSock(io, l);
      return SIGINT_EXIT;
    }
    // Without -k the listener closes once a connection is taken (netcat.c: close(s) after accept).
    if (!o.keep) closeSock(io, l);
    const end = await relay(io, c.sock, {
      shutdownOnEof: o.shutdownOnEof,
      quitAfter: o.quitAfter < 0 ? null : o.quitAfter,
      idle: o.timeout,
      noStdin: o.noStdin,
    });
    closeSock(io, c.sock);
    if (end === 'aborted') {
      if (o.keep) closeSock(io, l);
      return SIGINT_EXIT;
    }
    if (!o.keep) return 0;
  }
}
