/**
 * UDP receive (net/ipv4/udp.c __udp4_lib_rcv): a datagram for a port nobody listens on is answered with ICMP
 * port unreachable (unless it was broadcast or multicast) and dropped with NO_SOCKET; otherwise it is queued
 * on the socket bound to that port (a specific address wins over 0.0.0.0), and its application runs.
 */
import type { Ip4 } from '../../lib';
import type { KernelCtx } from '../context';
import { schedule } from '../sched_queue';
import { consumeSkb, kfreeSkb } from '../skbuff';
import { sockQueue } from '../sock';
import type { NetDevice, Packet, Socket } from '../types';
import { icmpSend } from './icmp';

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
  const n = ctx.k.netns[ns];
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
