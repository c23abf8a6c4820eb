/**
 * TCP receive (net/ipv4/tcp_ipv4.c tcp_v4_rcv, tcp_input.c tcp_rcv_state_process, tcp_v4_err), reduced to
 * what a teaching playground shows: the handshake (a listener answers a SYN with a SYN-ACK from a new
 * connection in SYN-RECV, which an ACK makes ESTAB), in-order data and FIN with immediate ACKs (Linux's
 * quickack mode at the start of a connection), RST on both sides, the close states, and a RST for a
 * segment that no socket wants ("Connection refused"). ICMP errors about a connection still being set up
 * are fatal for it (host/net unreachable, port unreachable, administratively prohibited).
 */
import type { Ip4 } from '../../lib';
import type { KernelCtx } from '../context';
import { schedule } from '../sched_queue';
import { consumeSkb, kfreeSkb } from '../skbuff';
import { sockQueue } from '../sock';
import { payloadLen } from '../trace_fmt';
import type { NetDevice, NsId, Packet, Socket } from '../types';
import {
  initialSeq,
  newTcb,
  seqSpace,
  TCP_TIMEWAIT_US,
  tcpSendNew,
  tcpSendReset,
  tcpXmit,
} from './tcp_output';
import { xaGet } from '../xarray';

type TcpSeg = { sport: number; dport: number; flags: string; seq: number; ack: number };

/** __inet_lookup_established() then __inet_lookup_listener(). */
export function tcpLookup(
  sockets: readonly Socket[],
  src: Ip4,
  sport: number,
  dst: Ip4,
  dport: number,
): Socket | null {
  const est = sockets.find(
    (s) =>
      s.proto === 'tcp' &&
      !s.v6 &&
      s.state !== 'LISTEN' &&
      s.state !== 'CLOSED' &&
      s.localPort === dport &&
      s.remotePort === sport &&
      s.remoteAddr === src &&
      (s.localAddr === dst || s.localAddr === 0),
  );
  if (est) return est;
  let best: Socket | null = null;
  for (const s of sockets) {
    // An AF_INET6 listener here is IPV6_V6ONLY (nginx's [::]:80): IPv4 never reaches it.
    if (s.proto !== 'tcp' || s.v6 || s.state !== 'LISTEN' || s.localPort !== dport) continue;
    if (s.localAddr !== 0 && s.localAddr !== dst) continue;
    if (!best || (s.localAddr !== 0 && best.localAddr === 0)) best = s;
  }
  return best;
}

/** Wake the application behind a server socket (or a relay) to react. */
export function wakeApp(ctx: KernelCtx, ns: NsId, s: Socket, action: string): void {
  const app = s.app.kind;
  if (app !== 'client' || (s.tcp?.peerSock ?? null) !== null)
    schedule(ctx, { kind: 'app', atUs: ctx.clock.nowUs, ns, socket: s.id, action });
}

function stopTimer(s: Socket): void {
  if (s.tcp) {
    s.tcp.rtoAtUs = null;
    s.tcp.retries = 0;
  }
}

function enterTimeWait(ctx: KernelCtx, ns: NsId, s: Socket): void {
  s.state = 'TIME-WAIT';
  stopTimer(s);
  schedule(ctx, {
    kind: 'app',
    atUs: ctx.clock.nowUs + TCP_TIMEWAIT_US,
    ns,
    socket: s.id,
    action: 'tcp-timewait',
  });
}

/** A listener got a SYN: a new connection in SYN-RECV answers it (the request sock, made a socket here). */
function passiveOpen(ctx: KernelCtx, ns: NsId, l: Socket, pkt: Packet, seg: TcpSeg): void {
  const n = xaGet(ctx.k.netns, ns);
  if (!n || !pkt.ip) return;
  const iss = initialSeq(pkt.ip.dst, seg.dport, pkt.ip.src, seg.sport, ctx.clock.nowUs);
  const child: Socket = {
    ...JSON.parse(JSON.stringify(l)),
    id: ctx.k.nextOrderSeq++,
    localAddr: pkt.ip.dst,
    remoteAddr: pkt.ip.src,
    remotePort: seg.sport,
    state: 'SYN-RECV',
    rx: [],
    tcp: { ...newTcb(iss), rcvNxt: (seg.seq + 1) >>> 0, parent: l.id },
  };
  n.sockets.push(child);
  const c = n.sockets[n.sockets.length - 1] as Socket;
  tcpSendNew(ctx, ns, c, 'S.', { kind: 'none' });
  consumeSkb(ctx, ns, pkt, null, `SYN for ${l.program}: SYN-ACK sent`);
}

/** ACK processing: what it acknowledges leaves the retransmission queue. Returns whether all is acked. */
function ackUpdate(s: Socket, ack: number): boolean {
  const tcb = s.tcp;
  if (!tcb) return false;
  const acked = (ack - tcb.sndUna) >>> 0;
  const inFlight = (tcb.sndNxt - tcb.sndUna) >>> 0;
  if (acked > 0 && acked <= inFlight) {
    tcb.sndUna = ack;
    // Keep the segments that end after `ack` (sequence arithmetic modulo 2^32).
    tcb.unacked = tcb.unacked.filter((u) => {
      const d = (u.seq + seqSpace(u.flags, u.payload) - ack) >>> 0;
      return d !== 0 && d < 0x80000000;
    });
    if (tcb.unacked.length === 0) stopTimer(s);
  }
  return tcb.sndUna === tcb.sndNxt;
}

/** tcp_rcv_state_process() for a segment of an existing connection. */
function segmentArrives(ctx: KernelCtx, ns: NsId, s: Socket, pkt: Packet, seg: TcpSeg): void {
  const tcb = s.tcp;
  const now = ctx.clock.nowUs;
  if (!tcb) return;
  const f = seg.flags;
  if (s.state === 'SYN-SENT') {
    if (f.includes('R')) {
      if (f.includes('.') && seg.ack === tcb.sndNxt) {
        s.state = 'CLOSED';
        stopTimer(s);
        sockQueue(ctx, ns, s, { kind: 'reset', atUs: now }, pkt, 'RST: connection refused');
        wakeApp(ctx, ns, s, 'tcp-reset');
      }
      consumeSkb(ctx, ns, pkt, null, 'RST in SYN-SENT');
      return;
    }
    if (f.includes('S') && f.includes('.') && seg.ack === tcb.sndNxt) {
      tcb.rcvNxt = (seg.seq + 1) >>> 0;
      ackUpdate(s, seg.ack);
      s.state = 'ESTAB';
      tcpXmit(ctx, ns, s, '.', { kind: 'none' });
      sockQueue(ctx, ns, s, { kind: 'connected', atUs: now }, pkt, 'connected');
      wakeApp(ctx, ns, s, 'tcp-connected');
      consumeSkb(ctx, ns, pkt, null, 'SYN-ACK: connection established');
      return;
    }
    consumeSkb(ctx, ns, pkt, null, 'unexpected segment in SYN-SENT');
    return;
  }
  if (s.state === 'TIME-WAIT') {
    if (f.includes('F')) tcpXmit(ctx, ns, s, '.', { kind: 'none' });
    consumeSkb(ctx, ns, pkt, null, 'segment in TIME-WAIT');
    return;
  }
  if (f.includes('R')) {
    const wasOpen = s.state !== 'SYN-RECV';
    s.state = 'CLOSED';
    stopTimer(s);
    if (wasOpen) sockQueue(ctx, ns, s, { kind: 'reset', atUs: now }, pkt, 'RST: connection reset');
    wakeApp(ctx, ns, s, 'tcp-reset');
    if (!wasOpen) removeSock(ctx, ns, s);
    consumeSkb(ctx, ns, pkt, null, 'RST');
    return;
  }
  if (f.includes('S')) {
    // A retransmitted SYN for a connection in SYN-RECV: send the SYN-ACK again.
    if (s.state === 'SYN-RECV') tcpXmit(ctx, ns, s, 'S.', { kind: 'none' }, tcb.iss);
    consumeSkb(ctx, ns, pkt, null, 'duplicate SYN');
    return;
  }
  let finAcked = false;
  if (f.includes('.')) {
    finAcked = ackUpdate(s, seg.ack);
    if (s.state === 'SYN-RECV' && seg.ack === tcb.sndNxt) {
      s.state = 'ESTAB';
      wakeApp(ctx, ns, s, 'tcp-accept');
    }
    if (finAcked) {
      if (s.state === 'FIN-WAIT-1') s.state = 'FIN-WAIT-2';
      else if (s.state === 'CLOSING') enterTimeWait(ctx, ns, s);
      else if (s.state === 'LAST-ACK') {
        s.state = 'CLOSED';
        removeSock(ctx, ns, s);
        consumeSkb(ctx, ns, pkt, null, 'last ACK: connection closed');
        return;
      }
    }
  }
  const len = payloadLen(pkt.payload);
  let ackNow = false;
  if (len > 0) {
    if (
      seg.seq === tcb.rcvNxt &&
      (s.state === 'ESTAB' || s.state === 'FIN-WAIT-1' || s.state === 'FIN-WAIT-2')
    ) {
      tcb.rcvNxt = (tcb.rcvNxt + len) >>> 0;
      const payload = JSON.parse(JSON.stringify(pkt.payload)) as Packet['payload'];
      sockQueue(
        ctx,
        ns,
        s,
        {
          kind: 'data',
          fromAddr: pkt.ip?.src ?? 0,
          fromPort: seg.sport,
          ttl: pkt.ip?.ttl ?? 0,
          atUs: now,
          payload,
        },
        pkt,
        `${len} bytes`,
      );
      wakeApp(ctx, ns, s, 'tcp-data');
    }
    ackNow = true;
  }
  if (f.includes('F') && (seg.seq + len) >>> 0 === tcb.rcvNxt) {
    tcb.rcvNxt = (tcb.rcvNxt + 1) >>> 0;
    ackNow = true;
    sockQueue(ctx, ns, s, { kind: 'eof', atUs: now }, pkt, 'FIN');
    if (s.state === 'ESTAB') s.state = 'CLOSE-WAIT';
    else if (s.state === 'FIN-WAIT-1') {
      if (finAcked) enterTimeWait(ctx, ns, s);
      else s.state = 'CLOSING';
    } else if (s.state === 'FIN-WAIT-2') enterTimeWait(ctx, ns, s);
    wakeApp(ctx, ns, s, 'tcp-eof');
  }
  if (ackNow) tcpXmit(ctx, ns, s, '.', { kind: 'none' });
  consumeSkb(ctx, ns, pkt, null, `segment for ${s.program} (${s.state})`);
}

export function removeSock(ctx: KernelCtx, ns: NsId, s: Socket): void {
  const n = xaGet(ctx.k.netns, ns);
  if (n) n.sockets = n.sockets.filter((x) => x.id !== s.id);
}

/** tcp_v4_rcv(). */
export function tcpRcv(ctx: KernelCtx, dev: NetDevice, pkt: Packet): void {
  const ns = dev.ns;
  const n = xaGet(ctx.k.netns, ns);
  const l4 = pkt.l4;
  if (!n || !pkt.ip || !l4 || l4.proto !== 6 || !('flags' in l4)) {
    kfreeSkb(ctx, ns, pkt, 'PKT_TOO_SMALL', dev.id);
    return;
  }
  const seg: TcpSeg = l4;
  const s = tcpLookup(n.sockets, pkt.ip.src, seg.sport, pkt.ip.dst, seg.dport);
  if (!s) {
    tcpSendReset(ctx, ns, pkt);
    kfreeSkb(ctx, ns, pkt, 'NO_SOCKET', dev.id, `nothing listens on TCP port ${seg.dport}`);
    return;
  }
  if (s.state === 'LISTEN') {
    if (seg.flags.includes('R')) {
      consumeSkb(ctx, ns, pkt, dev.id, 'RST for a listener');
      return;
    }
    if (seg.flags === 'S') {
      passiveOpen(ctx, ns, s, pkt, seg);
      return;
    }
    tcpSendReset(ctx, ns, pkt);
    kfreeSkb(ctx, ns, pkt, 'TCP_CLOSE', dev.id, 'no connection for this segment');
    return;
  }
  segmentArrives(ctx, ns, s, pkt, seg);
}

/** icmp_err_convert[]: the errno of each destination-unreachable code, and whether it is fatal. */
const UNREACH_ERR: readonly [string, boolean][] = [
  ['ENETUNREACH', true],
  ['EHOSTUNREACH', true],
  ['ENOPROTOOPT', true],
  ['ECONNREFUSED', true],
  ['EMSGSIZE', false],
  ['EOPNOTSUPP', true],
  ['ENETUNREACH', true],
  ['EHOSTDOWN', true],
  ['ENONET', true],
  ['ENETUNREACH', true],
  ['EHOSTUNREACH', true],
  ['ENETUNREACH', false],
  ['EHOSTUNREACH', false],
  ['EHOSTUNREACH', true],
  ['EHOSTUNREACH', true],
  ['EHOSTUNREACH', true],
];

/** What an ICMP error means to a socket: icmp_err_convert, time exceeded being soft. */
export function icmpErrno(type: number, code: number): { errno: string; fatal: boolean } {
  if (type === 3) {
    const e = UNREACH_ERR[code];
    return e ? { errno: e[0], fatal: e[1] } : { errno: 'EHOSTUNREACH', fatal: false };
  }
  return { errno: 'EHOSTUNREACH', fatal: false };
}

/** tcp_v4_err(): a fatal error ends a connection that is still being set up. */
export function tcpErr(ctx: KernelCtx, ns: NsId, s: Socket, type: number, code: number, pkt: Packet): void {
  const e = icmpErrno(type, code);
  if (!e.fatal || (s.state !== 'SYN-SENT' && s.state !== 'SYN-RECV')) return;
  s.state = 'CLOSED';
  stopTimer(s);
  sockQueue(
    ctx,
    ns,
    s,
    { kind: 'sockerr', atUs: ctx.clock.nowUs, errno: e.errno },
    pkt,
    `connection failed: ${e.errno}`,
  );
  wakeApp(ctx, ns, s, 'tcp-reset');
}
