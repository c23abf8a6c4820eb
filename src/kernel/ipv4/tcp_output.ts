/**
 * Sending TCP segments (net/ipv4/tcp_output.c, tcp_ipv4.c tcp_v4_send_reset) and the retransmission timer
 * (tcp_timer.c). A segment is built from the connection's sequence state and goes through ip_local_out like
 * anything the host sends. Header sizes are Linux's defaults: a SYN or SYN-ACK carries 20 bytes of options
 * (MSS, SACK permitted, timestamps, window scale), other segments 12 (timestamps), a RST none.
 *
 * Timers are `app` events on the socket (action tcp-rto, tcp-timewait): the initial RTO is 1 s
 * (TCP_TIMEOUT_INIT) and doubles on each retransmission; a SYN is retried 6 times (tcp_syn_retries, about
 * 127 s in all), a SYN-ACK 5 times, data 15 times (tcp_retries2), then the connection fails with ETIMEDOUT.
 */
import type { Ip4 } from '../../lib';
import type { KernelCtx } from '../context';
import { schedule, timerFireUs, msToJiffies } from '../sched_queue';
import { allocSkb } from '../skbuff';
import { payloadLen } from '../trace_fmt';
import type { NsId, Packet, Payload, Socket, TcpCb } from '../types';
import { defaultTtl, ipLocalOut } from './ip_output';
import { ipRouteOutput } from './route';

export const TCP_TIMEOUT_INIT_MS = 1000;
export const TCP_RTO_MIN_MS = 200;
export const TCP_TIMEWAIT_US = 60_000_000;

/** The header length Linux sends for these flags. */
export function tcpHeaderLen(flags: string): number {
  if (flags.startsWith('R')) return 20;
  return flags.includes('S') ? 40 : 32;
}

/** What a segment occupies in sequence space: its data, plus one for SYN and for FIN. */
export function seqSpace(flags: string, payload: Payload): number {
  return payloadLen(payload) + (flags.includes('S') ? 1 : 0) + (flags.includes('F') ? 1 : 0);
}

/** secure_tcp_seq(), deterministically: a hash of the connection and the time, no PRNG draw. */
export function initialSeq(src: Ip4, sport: number, dst: Ip4, dport: number, nowUs: number): number {
  let h = (src ^ Math.imul(dst, 0x9e3779b1) ^ (sport << 16) ^ dport ^ Math.floor(nowUs / 4)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function newTcb(iss: number): TcpCb {
  return {
    iss,
    sndNxt: iss,
    sndUna: iss,
    rcvNxt: 0,
    rtoAtUs: null,
    retries: 0,
    unacked: [],
    parent: null,
    peerSock: null,
    accepted: false,
  };
}

/** Build and send one segment of a connected socket. `seq` defaults to snd_nxt (retransmissions pass theirs). */
export function tcpXmit(
  ctx: KernelCtx,
  ns: NsId,
  s: Socket,
  flags: string,
  payload: Payload,
  seq?: number,
): Packet | null {
  const tcb = s.tcp;
  if (!tcb || s.remoteAddr === null || s.remotePort === null) return null;
  // Segments go out on the socket's cached route (ip_queue_xmit -> __sk_dst_check): Linux looks routes up at
  // connect (ip_route_connect, then ip_route_newports for the SYN) and for a SYN-ACK (inet_csk_route_req) only.
  const key = { dst: s.remoteAddr, src: s.localAddr || null, oif: s.bindDev };
  const r = ipRouteOutput(ctx, ns, key, null, flags.includes('S'));
  if (!r.ok) return null;
  const len = payloadLen(payload);
  const pkt = allocSkb(ctx, {
    eth: null,
    arp: null,
    ip: {
      src: s.localAddr || r.value.src,
      dst: s.remoteAddr,
      ttl: s.ttl ?? defaultTtl(ctx, ns),
      proto: 6,
      id: 0,
      tos: 0,
      len: 20 + tcpHeaderLen(flags) + len,
    },
    l4: {
      proto: 6,
      sport: s.localPort,
      dport: s.remotePort,
      flags,
      seq: (seq ?? tcb.sndNxt) >>> 0,
      ack: flags.includes('.') ? tcb.rcvNxt >>> 0 : 0,
    },
    payload,
  });
  pkt.ip!.id = pkt.id & 0xffff;
  ipLocalOut(ctx, ns, pkt, r.value);
  return pkt;
}

/** Arm (or re-arm) the retransmission timer `rtoMs` from now, on the timer wheel. */
export function armRto(ctx: KernelCtx, ns: NsId, s: Socket, rtoMs: number): void {
  if (!s.tcp) return;
  const at = timerFireUs(ctx.clock.nowUs, msToJiffies(rtoMs));
  s.tcp.rtoAtUs = at;
  schedule(ctx, { kind: 'app', atUs: at, ns, socket: s.id, action: 'tcp-rto' });
}

/** Send new data or a SYN/FIN: it occupies sequence space, so it is kept for retransmission. */
export function tcpSendNew(ctx: KernelCtx, ns: NsId, s: Socket, flags: string, payload: Payload): void {
  const tcb = s.tcp;
  if (!tcb) return;
  const seq = tcb.sndNxt;
  tcpXmit(ctx, ns, s, flags, payload, seq);
  tcb.sndNxt = (seq + seqSpace(flags, payload)) >>> 0;
  tcb.unacked.push({ seq, flags, payload });
  if (tcb.rtoAtUs === null) {
    tcb.retries = 0;
    armRto(
      ctx,
      ns,
      s,
      flags.includes('S') ? TCP_TIMEOUT_INIT_MS : Math.max(TCP_RTO_MIN_MS, TCP_TIMEOUT_INIT_MS / 5),
    );
  }
}

/**
 * tcp_v4_send_reset(): the answer to a segment nobody wants. It acknowledged something: RST with that
 * sequence; otherwise RST+ACK acknowledging all of it.
 */
export function tcpSendReset(ctx: KernelCtx, ns: NsId, orig: Packet): void {
  const ip = orig.ip;
  const l4 = orig.l4;
  if (!ip || !l4 || l4.proto !== 6 || !('flags' in l4) || l4.flags.includes('R')) return;
  const hasAck = l4.flags.includes('.');
  const r = ipRouteOutput(ctx, ns, { dst: ip.src, src: ip.dst }, orig.id);
  if (!r.ok) return;
  const rst = allocSkb(ctx, {
    eth: null,
    arp: null,
    ip: { src: ip.dst, dst: ip.src, ttl: defaultTtl(ctx, ns), proto: 6, id: 0, tos: 0, len: 40 },
    l4: {
      proto: 6,
      sport: l4.dport,
      dport: l4.sport,
      flags: hasAck ? 'R' : 'R.',
      seq: hasAck ? l4.ack : 0,
      ack: hasAck ? 0 : (l4.seq + seqSpace(l4.flags, orig.payload)) >>> 0,
    },
    payload: { kind: 'none' },
  });
  rst.ip!.id = rst.id & 0xffff;
  ipLocalOut(ctx, ns, rst, r.value);
}
