/**
 * What a network client or server program (nc, curl, wget, nslookup) does to the kernel, one system call
 * at a time: socket()+bind(), connect() and the blocking wait for its outcome, send(), shutdown()/close(),
 * listen()/accept(), and blocking reads (poll + read). Every call is its own `io.os.mutate`, so output
 * streams between them and the line's trace shows each packet; a wait runs the simulated kernel until
 * something reaches the socket or the wait's deadline comes, in slices of at most a second so that Ctrl-C
 * (io.signal) ends it.
 */
import type { Ip4 } from '../../../lib';
import {
  runUntil,
  runUntilOr,
  sockClose,
  sockDrain,
  sockGet,
  sockOpen,
  tcpAbort,
  tcpAccept,
  tcpClose,
  tcpConnect,
  tcpSend,
  udpConnect,
  udpSendmsg,
  type Errno,
  type Payload,
  type SocketMessage,
  type SocketProto,
  xaGet,
} from '../../../kernel';
import type { CommandIO } from '../../types';
import { procNsPid } from '../../pid_ns';

/** A socket as the program holds it: its id, the program's pid, and messages read but not yet consumed. */
export interface ProgSock {
  id: number;
  proto: SocketProto;
  pid: number;
  program: string;
  pending: SocketMessage[];
}

/** What a TCP segment carries at most on a 1500-byte MTU with timestamps (MSS 1460 - 12). */
const SEG_MAX = 1448;
/** The longest single wait between two looks at Ctrl-C. */
const SLICE_US = 1_000_000;

export function nowUs(io: CommandIO): number {
  return io.os.state.clock.nowUs;
}

/** A pid for a new process in this namespace (the namespace's counter, as ping takes one). */
export function newPid(io: CommandIO): number {
  return io.os.mutate(({ kctx }) => {
    const n = xaGet(kctx.k.netns, io.proc.ns);
    return n ? n.nextPid++ : 100;
  });
}

/** socket() (+ bind() to `local` when given; listen() when `backlog` is given). */
export function openSock(
  io: CommandIO,
  proto: SocketProto,
  program: string,
  pid: number,
  local?: { addr: Ip4; port: number; backlog?: number },
): ProgSock {
  const id = io.os.mutate(({ kctx }) =>
    sockOpen(kctx, io.proc.ns, {
      proto,
      program,
      pid,
      nsPid: procNsPid(io.proc, pid),
      localAddr: local?.addr ?? 0,
      localPort: local?.port ?? 0,
      ...(local?.backlog !== undefined ? { state: 'LISTEN' as const, backlog: local.backlog } : {}),
    }),
  );
  return { id, proto, pid, program, pending: [] };
}

/** Whether something in this namespace already holds that port (bind()'s EADDRINUSE). */
export function portInUse(io: CommandIO, proto: SocketProto, addr: Ip4, port: number): boolean {
  const n = xaGet(io.os.state.kernel.netns, io.proc.ns);
  return (
    n?.sockets.some(
      (s) =>
        s.proto === proto &&
        s.localPort === port &&
        (s.state === 'LISTEN' || s.state === 'UNCONN' || proto === 'udp') &&
        (s.localAddr === 0 || addr === 0 || s.localAddr === addr),
    ) ?? false
  );
}

/** connect(): TCP sends its SYN (wait with `waitConnect`); UDP only picks its route and source. */
export function connectSock(io: CommandIO, s: ProgSock, dst: Ip4, port: number): Errno | null {
  return io.os.mutate(({ kctx }) => {
    const r =
      s.proto === 'tcp'
        ? tcpConnect(kctx, io.proc.ns, s.id, dst, port)
        : udpConnect(kctx, io.proc.ns, s.id, dst, port);
    return r.ok ? null : r.error.errno;
  });
}

/**
 * Block until a message reaches the socket or `untilUs` comes (one mutate per slice, paced). Returns false
 * when Ctrl-C ended the wait.
 */
export async function waitSock(io: CommandIO, s: ProgSock, untilUs: number): Promise<boolean> {
  while (s.pending.length === 0) {
    if (io.signal.aborted) return false;
    const start = nowUs(io);
    if (start >= untilUs) return true;
    const stop = Math.min(untilUs, start + SLICE_US);
    const msgs = io.os.mutate(({ kctx }) => {
      runUntilOr(kctx, stop, () => (sockGet(kctx, io.proc.ns, s.id)?.rx.length ?? 0) > 0);
      return sockDrain(kctx, io.proc.ns, s.id);
    });
    s.pending.push(...msgs);
    await io.pace(nowUs(io) - start);
  }
  return !io.signal.aborted;
}

export type ConnectOutcome = { ok: true } | { ok: false; errno: Errno | 'timeout' | 'aborted' };

/** The rest of a blocking connect(): SYN-ACK, RST, an ICMP error, the kernel's own SYN timeout, or ours. */
export async function waitConnect(io: CommandIO, s: ProgSock, deadlineUs: number): Promise<ConnectOutcome> {
  for (;;) {
    const m = s.pending.shift();
    if (m) {
      if (m.kind === 'connected') return { ok: true };
      if (m.kind === 'reset') return { ok: false, errno: 'ECONNREFUSED' };
      if (m.kind === 'sockerr') return { ok: false, errno: m.errno as Errno };
      continue;
    }
    if (nowUs(io) >= deadlineUs) return { ok: false, errno: 'timeout' };
    if (!(await waitSock(io, s, deadlineUs))) return { ok: false, errno: 'aborted' };
  }
}

/** send() of a byte stream, cut into segments; a UDP socket sends one datagram. */
export function sendText(io: CommandIO, s: ProgSock, text: string): Errno | null {
  return io.os.mutate(({ kctx }) => {
    if (s.proto === 'udp') {
      const r = udpSendmsg(kctx, io.proc.ns, s.id, { kind: 'text', text });
      return r.ok ? null : r.error.errno;
    }
    for (let i = 0; i < text.length || i === 0; i += SEG_MAX) {
      if (text.length === 0) break;
      const r = tcpSend(kctx, io.proc.ns, s.id, { kind: 'text', text: text.slice(i, i + SEG_MAX) });
      if (!r.ok) return r.error.errno;
    }
    return null;
  });
}

/** send() of any payload on a connected UDP socket (a DNS query). */
export function sendPayload(io: CommandIO, s: ProgSock, payload: Payload): Errno | null {
  return io.os.mutate(({ kctx }) => {
    const r = udpSendmsg(kctx, io.proc.ns, s.id, payload);
    return r.ok ? null : r.error.errno;
  });
}

/** shutdown(SHUT_WR): our FIN; reading goes on. */
export function shutdownWrite(io: CommandIO, s: ProgSock): void {
  io.os.mutate(({ kctx }) => tcpClose(kctx, io.proc.ns, s.id));
}

/**
 * close() as the program exits: a TCP connection gets its FIN (RST if data was left unread, as
 * tcp_close() does); anything else just goes.
 */
export function closeSock(io: CommandIO, s: ProgSock): void {
  io.os.mutate(({ kctx }) => {
    const k = sockGet(kctx, io.proc.ns, s.id);
    if (!k) return;
    if (k.proto !== 'tcp' || k.state === 'LISTEN' || k.state === 'UNCONN') {
      sockClose(kctx, io.proc.ns, s.id);
      return;
    }
    const unread = k.rx.some((m) => m.kind === 'data') || s.pending.some((m) => m.kind === 'data');
    if (unread) tcpAbort(kctx, io.proc.ns, s.id);
    else tcpClose(kctx, io.proc.ns, s.id);
  });
}

/** The text of a data message. */
export function dataText(m: SocketMessage): string {
  if (m.kind !== 'data') return '';
  const p = m.payload;
  return p.kind === 'text' ? p.text : p.kind === 'bytes' ? ' '.repeat(p.size) : '';
}

/** accept(): block until a connection is established on the listener (or the deadline, or Ctrl-C). */
export async function acceptConn(
  io: CommandIO,
  l: ProgSock,
  deadlineUs: number,
): Promise<{ sock: ProgSock; peer: Ip4; peerPort: number } | null> {
  for (;;) {
    if (io.signal.aborted) return null;
    const got = io.os.mutate(({ kctx }) => {
      const id = tcpAccept(kctx, io.proc.ns, l.id, l.program, l.pid);
      const c = id === null ? null : sockGet(kctx, io.proc.ns, id);
      return c ? { id: c.id, peer: c.remoteAddr ?? 0, peerPort: c.remotePort ?? 0 } : null;
    });
    if (got) {
      const sock: ProgSock = { id: got.id, proto: 'tcp', pid: l.pid, program: l.program, pending: [] };
      return { sock, peer: got.peer, peerPort: got.peerPort };
    }
    const start = nowUs(io);
    if (start >= deadlineUs) return null;
    const stop = Math.min(deadlineUs, start + SLICE_US);
    io.os.mutate(({ kctx }) => {
      const ns = io.proc.ns;
      runUntilOr(kctx, stop, () =>
        (xaGet(kctx.k.netns, ns)?.sockets ?? []).some(
          (c) => c.tcp?.parent === l.id && !c.tcp.accepted && c.state !== 'SYN-RECV',
        ),
      );
    });
    await io.pace(nowUs(io) - start);
  }
}

/** recvfrom() on an unconnected UDP socket: the first datagram and who sent it. */
export function takeDatagram(s: ProgSock): { text: string; from: Ip4; port: number } | null {
  const i = s.pending.findIndex((m) => m.kind === 'data');
  if (i < 0) return null;
  const m = s.pending.splice(i, 1)[0] as Extract<SocketMessage, { kind: 'data' }>;
  return { text: dataText(m), from: m.fromAddr, port: m.fromPort };
}

/**
 * The program has exited: let the kernel finish what is already on the wire (the last ACKs and FINs of
 * its connections take microseconds on a real host), so that ss or netstat typed next sees the states
 * the close reached rather than packets frozen in flight.
 */
export async function settle(io: CommandIO): Promise<void> {
  const start = nowUs(io);
  io.os.mutate(({ kctx }) => runUntil(kctx, kctx.clock.nowUs + 2000));
  await io.pace(nowUs(io) - start);
}
