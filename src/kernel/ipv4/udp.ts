/**
 * UDP receive (net/ipv4/udp.c __udp4_lib_rcv): a datagram for a port nobody listens on is answered with ICMP
 * port unreachable (unless it was broadcast or multicast) and dropped with NO_SOCKET; otherwise it is queued
 * on the socket bound to that port (a specific address wins over 0.0.0.0), and its application runs.
 * Sending: udpSendmsg/udpConnect.
 */
import type { Ip4 } from '../../lib';
import type { KernelCtx } from '../context';
import { schedule } from '../sched_queue';
import { consumeSkb, kfreeSkb } from '../skbuff';
import { kerr, kok, type KResult } from '../errno';
import { sockEphemeralPort, sockGet, sockQueue } from '../sock';
import type { NetDevice, NsId, Packet, Payload, Socket } from '../types';
import { icmpSend } from './icmp';
import { defaultTtl, ipSendmsg, type Datagram } from './ip_output';
import { ipRouteOutput } from './route';
import { xaGet } from '../xarray';

/** __udp4_lib_lookup(): the best-scoring socket for (dst, dport). */
export function udpLookup(
  sockets: readonly Socket[],
  dst: Ip4,
  dport: number,
  src: Ip4,
  sport: number,
): Socket | null {
  let best: Socket | null = null;
  let bestScore = -1;
  for (const s of sockets) {
    if (s.proto !== 'udp' || s.localPort !== dport) continue;
    if (s.localAddr !== 0 && s.localAddr !== dst) continue;
    if (s.remoteAddr !== null && (s.remoteAddr !== src || s.remotePort !== sport)) continue;
    const score = (s.localAddr !== 0 ? 2 : 0) + (s.remoteAddr !== null ? 4 : 0);
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

export function udpRcv(ctx: KernelCtx, dev: NetDevice, pkt: Packet, bcast: boolean): void {
  const ns = dev.ns;
  const n = xaGet(ctx.k.netns, ns);
  const l4 = pkt.l4;
  if (!n || !pkt.ip || !l4 || l4.proto !== 17 || !('sport' in l4)) {
    kfreeSkb(ctx, ns, pkt, 'PKT_TOO_SMALL', dev.id);
    return;
  }
  const s = udpLookup(n.sockets, pkt.ip.dst, l4.dport, pkt.ip.src, l4.sport);
  if (!s) {
    if (!bcast) icmpSend(ctx, ns, pkt, 3, 3, dev.id);
    kfreeSkb(ctx, ns, pkt, 'NO_SOCKET', dev.id, `nothing listens on UDP port ${l4.dport}`);
    return;
  }
  sockQueue(
    ctx,
    ns,
    s,
    {
      kind: 'data',
      fromAddr: pkt.ip.src,
      fromPort: l4.sport,
      ttl: pkt.ip.ttl,
      atUs: ctx.clock.nowUs,
      payload: JSON.parse(JSON.stringify(pkt.payload)),
    },
    pkt,
    `UDP datagram for port ${l4.dport}`,
  );
  if (s.app.kind !== 'client')
    schedule(ctx, { kind: 'app', atUs: ctx.clock.nowUs, ns, socket: s.id, action: 'udp' });
  consumeSkb(ctx, ns, pkt, dev.id, `delivered to ${s.program}`);
}

/**
 * sendto()/send() on a UDP socket (udp_sendmsg): an unbound socket gets an ephemeral port first; a
 * connected one sends to its peer. Returns the packet id, or the errno sendmsg() fails with.
 */
export function udpSendmsg(
  ctx: KernelCtx,
  ns: NsId,
  sockId: number,
  payload: Payload,
  to: { addr: Ip4; port: number } | null = null,
): KResult<{ pktId: number }> {
  const s = sockGet(ctx, ns, sockId);
  if (!s || s.proto !== 'udp') return kerr('EINVAL');
  const dst = to?.addr ?? s.remoteAddr;
  const dport = to?.port ?? s.remotePort;
  if (dst === null || dport === null) return kerr('EDESTADDRREQ');
  if (!s.localPort) s.localPort = sockEphemeralPort(ctx, ns, 'udp');
  const d: Datagram = {
    dst,
    src: s.localAddr,
    oif: s.bindDev,
    proto: 17,
    l4: { proto: 17, sport: s.localPort, dport },
    payload,
    ttl: s.ttl ?? defaultTtl(ctx, ns),
    broadcast: true,
    sock: s.id,
  };
  if (s.pmtudisc) d.pmtudisc = s.pmtudisc;
  const r = ipSendmsg(ctx, ns, d);
  return r.ok ? kok({ pktId: r.value.pktId }) : r;
}

/** connect() on a UDP socket: route check, implicit bind, the peer it sends to and hears from. */
export function udpConnect(ctx: KernelCtx, ns: NsId, sockId: number, dst: Ip4, dport: number): KResult<void> {
  const s = sockGet(ctx, ns, sockId);
  if (!s || s.proto !== 'udp') return kerr('EINVAL');
  const r = ipRouteOutput(ctx, ns, { dst, src: s.localAddr || null, oif: s.bindDev });
  if (!r.ok) return r;
  if (!s.localAddr) s.localAddr = r.value.src;
  if (!s.localPort) s.localPort = sockEphemeralPort(ctx, ns, 'udp');
  s.remoteAddr = dst;
  s.remotePort = dport;
  return kok(undefined);
}
