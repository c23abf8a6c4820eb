/**
 * What a program does with a TCP socket (net/ipv4/tcp.c, af_inet.c): connect() (a SYN from an ephemeral
 * port, then wait for 'connected', 'reset' or 'sockerr' on the socket), send(), close() (FIN, or just
 * going away while nothing was established), abort (RST), accept() of connections a listener made, and
 * the socket's timers: retransmission with exponential backoff and TIME-WAIT's 60 s.
 */
import type { Ip4 } from '../../lib';
import type { KernelCtx } from '../context';
import { kerr, kok, type KResult } from '../errno';
import { sockEphemeralPort, sockGet, sockQueue } from '../sock';
import type { NsId, Payload, Socket } from '../types';
import { ipRouteOutput } from './route';
import { removeSock, wakeApp } from './tcp_input';
import {
  armRto,
  initialSeq,
  newTcb,
  TCP_RTO_MIN_MS,
  TCP_TIMEOUT_INIT_MS,
  tcpSendNew,
  tcpXmit,
} from './tcp_output';
import { xaGet } from '../xarray';

/** tcp_syn_retries, tcp_synack_retries, tcp_retries2. */
const SYN_RETRIES = 6;
const SYNACK_RETRIES = 5;
const DATA_RETRIES = 15;
const TCP_RTO_MAX_MS = 120_000;

/** connect(): route, implicit bind, SYN. Errors are what connect() returns at once (ENETUNREACH...). */
export function tcpConnect(ctx: KernelCtx, ns: NsId, sockId: number, dst: Ip4, dport: number): KResult<void> {
  const s = sockGet(ctx, ns, sockId);
  if (!s || s.proto !== 'tcp') return kerr('EINVAL');
  if (s.state !== 'UNCONN' && s.state !== 'CLOSED') return kerr('EISCONN');
  const r = ipRouteOutput(ctx, ns, { dst, src: s.localAddr || null, oif: s.bindDev });
  if (!r.ok) return r;
  if (r.value.type === 'broadcast' || r.value.type === 'multicast') return kerr('ENETUNREACH');
  if (!s.localAddr) s.localAddr = r.value.src;
  if (!s.localPort) s.localPort = sockEphemeralPort(ctx, ns, 'tcp');
  s.remoteAddr = dst;
  s.remotePort = dport;
  s.state = 'SYN-SENT';
  s.tcp = newTcb(initialSeq(s.localAddr, s.localPort, dst, dport, ctx.clock.nowUs));
  tcpSendNew(ctx, ns, s, 'S', { kind: 'none' });
  return kok(undefined);
}

/** send(): data on an established connection (or one whose peer has closed its side). */
export function tcpSend(ctx: KernelCtx, ns: NsId, sockId: number, payload: Payload): KResult<void> {
  const s = sockGet(ctx, ns, sockId);
  if (!s || !s.tcp) return kerr('ENOTCONN');
  if (s.state !== 'ESTAB' && s.state !== 'CLOSE-WAIT')
    return kerr(s.state === 'CLOSED' ? 'EPIPE' : 'ENOTCONN');
  tcpSendNew(ctx, ns, s, 'P.', payload);
  return kok(undefined);
}

/** close(): FIN where a connection exists, else the socket just goes. */
export function tcpClose(ctx: KernelCtx, ns: NsId, sockId: number): void {
  const s = sockGet(ctx, ns, sockId);
  if (!s) return;
  switch (s.state) {
    case 'ESTAB':
    case 'SYN-RECV':
      tcpSendNew(ctx, ns, s, 'F.', { kind: 'none' });
      s.state = 'FIN-WAIT-1';
      return;
    case 'CLOSE-WAIT':
      tcpSendNew(ctx, ns, s, 'F.', { kind: 'none' });
      s.state = 'LAST-ACK';
      return;
    case 'FIN-WAIT-1':
    case 'FIN-WAIT-2':
    case 'CLOSING':
    case 'LAST-ACK':
    case 'TIME-WAIT':
      return;
    default:
      removeSock(ctx, ns, s);
  }
}

/** An abortive close (SO_LINGER 0, or a program killed with data unread): RST. */
export function tcpAbort(ctx: KernelCtx, ns: NsId, sockId: number): void {
  const s = sockGet(ctx, ns, sockId);
  if (!s) return;
  if (s.tcp && (s.state === 'ESTAB' || s.state === 'CLOSE-WAIT' || s.state === 'SYN-RECV'))
    tcpXmit(ctx, ns, s, 'R.', { kind: 'none' });
  removeSock(ctx, ns, s);
}

/** accept(): the next established connection of a listener that no program has taken yet. */
export function tcpAccept(
  ctx: KernelCtx,
  ns: NsId,
  listenerId: number,
  program?: string,
  pid?: number,
): number | null {
  const n = xaGet(ctx.k.netns, ns);
  const c = n?.sockets.find((s) => s.tcp?.parent === listenerId && !s.tcp.accepted && s.state !== 'SYN-RECV');
  if (!c || !c.tcp) return null;
  c.tcp.accepted = true;
  if (program !== undefined) c.program = program;
  if (pid !== undefined) c.pid = pid;
  return c.id;
}

function failConnection(ctx: KernelCtx, ns: NsId, s: Socket, errno: string): void {
  const accepted = s.tcp?.parent === null || s.tcp?.accepted;
  s.state = 'CLOSED';
  if (s.tcp) s.tcp.rtoAtUs = null;
  if (!accepted) {
    removeSock(ctx, ns, s);
    return;
  }
  sockQueue(
    ctx,
    ns,
    s,
    { kind: 'sockerr', atUs: ctx.clock.nowUs, errno },
    null,
    `connection failed: ${errno}`,
  );
  wakeApp(ctx, ns, s, 'tcp-reset');
}

/** The retransmission timer fired (tcp_retransmit_timer): resend the oldest unacknowledged segment. */
export function tcpRetransmitTimer(ctx: KernelCtx, ns: NsId, sockId: number): void {
  const s = sockGet(ctx, ns, sockId);
  const tcb = s?.tcp;
  if (!s || !tcb || tcb.rtoAtUs !== ctx.clock.nowUs) return;
  tcb.rtoAtUs = null;
  const first = tcb.unacked[0];
  if (!first) return;
  const limit = s.state === 'SYN-SENT' ? SYN_RETRIES : s.state === 'SYN-RECV' ? SYNACK_RETRIES : DATA_RETRIES;
  if (tcb.retries >= limit) {
    failConnection(ctx, ns, s, 'ETIMEDOUT');
    return;
  }
  tcb.retries++;
  tcpXmit(ctx, ns, s, first.flags, first.payload, first.seq);
  const base = first.flags.includes('S') ? TCP_TIMEOUT_INIT_MS : TCP_RTO_MIN_MS;
  const retries = tcb.retries;
  armRto(ctx, ns, s, Math.min(TCP_RTO_MAX_MS, base * 2 ** retries));
  tcb.retries = retries;
}

/** TIME-WAIT is over: the connection is forgotten. */
export function tcpTimewaitDone(ctx: KernelCtx, ns: NsId, sockId: number): void {
  const s = sockGet(ctx, ns, sockId);
  if (s && s.state === 'TIME-WAIT') removeSock(ctx, ns, s);
}
