/**
 * netcat-openbsd 1.219 (Debian), client side (netcat.c main's connect loop, remote_connect, udptest,
 * readwrite): one getaddrinfo() for the host, then each port in turn; a TCP connect() is non-blocking with
 * -w (timeout_connect: "timed out: Operation now in progress"), else it waits for the kernel's own outcome
 * (refused at the RST, ETIMEDOUT after the SYN retries). Failures are reported only with -v; the exit code
 * is 0 when any port connected. With -z nothing is sent; UDP has no handshake, so -v/-z probe it with four
 * one-byte writes whose last result decides (an ICMP port unreachable in between fails the next write).
 * Ctrl-C kills it (exit 130).
 */
import type { Ip4 } from '../../../lib';
import { formatIp4, parseIp4 } from '../../../lib';
import { runUntilOr, sockGet, strerror, type Errno } from '../../../kernel';
import type { CommandIO } from '../../types';
import { GAI_STRERROR, getaddrinfo } from '../inet/resolv';
import { serviceName } from '../inet/services';
import {
  closeSock,
  connectSock,
  newPid,
  nowUs,
  openSock,
  sendText,
  waitConnect,
  type ProgSock,
} from '../inet/socket';
import { runOpenbsdListen } from './openbsd_listen';
import { parseOpenbsd, type NcOpts } from './openbsd_opts';
import { relay } from './relay';
import { OPENBSD_SUMMARY, OPENBSD_USAGE, OPENBSD_VERSION } from './usage';

const SIGINT_EXIT = 130;

/** How the -v lines name the peer: the host as typed, with the address when it was a name. */
function peerText(o: NcOpts, host: string, addr: Ip4): string {
  return o.numeric || parseIp4(host) !== null ? host : `${host} (${formatIp4(addr)})`;
}

/**
 * udptest(): four one-byte writes; a port unreachable that came back in between makes the next write
 * fail (ECONNREFUSED). Each write lets the kernel run briefly, as the real writes give the softirq that
 * delivers the ICMP error a chance to run in between.
 */
function udpTest(io: CommandIO, s: ProgSock): boolean {
  let ok = true;
  for (let i = 0; i < 4; i++) {
    const failed = io.os.mutate(({ kctx }) => {
      const k = sockGet(kctx, io.proc.ns, s.id);
      const err = k?.rx.findIndex((m) => m.kind === 'sockerr') ?? -1;
      if (k && err >= 0) {
        k.rx.splice(err, 1);
        return true;
      }
      return false;
    });
    ok = failed ? false : sendText(io, s, 'X') === null;
    io.os.mutate(({ kctx }) => {
      const ns = io.proc.ns;
      runUntilOr(kctx, kctx.clock.nowUs + 1000, () =>
        (sockGet(kctx, ns, s.id)?.rx ?? []).some((m) => m.kind === 'sockerr'),
      );
    });
  }
  return ok;
}

type PortResult = 'ok' | 'fail' | 'aborted';

async function connectPort(
  io: CommandIO,
  o: NcOpts,
  host: string,
  addr: Ip4,
  port: number,
  pid: number,
): Promise<{ r: PortResult; s: ProgSock | null }> {
  const proto = o.udp ? 'udp' : 'tcp';
  const s = openSock(
    io,
    proto,
    'nc',
    pid,
    o.sourcePort !== null ? { addr: 0, port: o.sourcePort } : undefined,
  );
  const fail = (what: string): { r: PortResult; s: null } => {
    if (o.verbose) io.err(`nc: connect to ${peerText(o, host, addr)} port ${port} (${proto}) ${what}\n`);
    closeSock(io, s);
    return { r: 'fail', s: null };
  };
  const e = connectSock(io, s, addr, port);
  if (e) return fail(`failed: ${strerror(e)}`);
  if (proto === 'tcp') {
    const deadline = o.timeout !== null ? nowUs(io) + o.timeout * 1_000_000 : Number.POSITIVE_INFINITY;
    const c = await waitConnect(io, s, deadline);
    if (!c.ok) {
      if (c.errno === 'aborted') {
        closeSock(io, s);
        return { r: 'aborted', s: null };
      }
      if (c.errno === 'timeout') return fail('timed out: Operation now in progress');
      return fail(`failed: ${strerror(c.errno as Errno)}`);
    }
  } else if ((o.verbose || o.zero) && !udpTest(io, s)) {
    closeSock(io, s);
    return { r: 'fail', s: null };
  }
  if (o.verbose) {
    const serv = o.numeric ? null : serviceName(port, proto);
    io.err(`Connection to ${peerText(o, host, addr)} ${port} port [${proto}/${serv ?? '*'}] succeeded!\n`);
  }
  return { r: 'ok', s };
}

export async function runOpenbsd(io: CommandIO): Promise<number> {
  const p = parseOpenbsd(io.argv);
  if (!p.ok) {
    io.err(p.err);
    return 1;
  }
  const o = p.o;
  if (o.help) {
    io.err(`${OPENBSD_VERSION}${OPENBSD_USAGE}${OPENBSD_SUMMARY}`);
    return 0;
  }
  if (o.listen) return runOpenbsdListen(io, o);
  const host = o.host ?? '';
  const port0 = o.ports[0] ?? 0;
  if (o.numeric && parseIp4(host) === null) {
    io.err(`nc: getaddrinfo for host "${host}" port ${port0}: Name or service not known\n`);
    return 1;
  }
  const res = await getaddrinfo(io, host, 'nc');
  if (res === 'aborted') return SIGINT_EXIT;
  if (!res.ok) {
    io.err(`nc: getaddrinfo for host "${host}" port ${port0}: ${GAI_STRERROR[res.error]}\n`);
    return 1;
  }
  const pid = newPid(io);
  let any = false;
  for (const port of o.ports) {
    const { r, s } = await connectPort(io, o, host, res.addr, port, pid);
    if (r === 'aborted') return SIGINT_EXIT;
    if (r === 'fail' || !s) continue;
    any = true;
    if (o.zero) {
      closeSock(io, s);
      continue;
    }
    const end = await relay(io, s, {
      shutdownOnEof: o.shutdownOnEof,
      quitAfter: o.quitAfter < 0 ? null : o.quitAfter,
      idle: o.timeout,
      noStdin: o.noStdin,
    });
    closeSock(io, s);
    if (end === 'aborted') return SIGINT_EXIT;
  }
  return any ? 0 : 1;
}
