/**
 * Forwarding (net/ipv4/ip_forward.c ip_forward): a packet for another host that routing sent out again.
 * The TTL is checked before the FORWARD hook, so a router answers "time exceeded" even for traffic its
 * firewall would drop (observation 30: traceroute sees the Docker host as hop 1 towards an isolated
 * network). A DF datagram too big for the next hop is answered with "fragmentation needed" (one without DF
 * is fragmented by ip_output). Then the TTL is decremented, FORWARD runs (in and out interfaces), and ip_output() takes over.
 */
import type { Ip4 } from '../../lib';
import type { KernelCtx } from '../context';
import { nfHook } from '../netfilter/hooks';
import { kfreeSkb } from '../skbuff';
import { pktSummary } from '../trace_fmt';
import type { DevId, NetDevice, Packet } from '../types';
import { ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, ICMP_TIME_EXCEEDED, icmpSend } from './icmp';
import { ipOutput } from './ip_output';
import { xaGet } from '../xarray';

export function ipForward(
  ctx: KernelCtx,
  inDev: NetDevice,
  pkt: Packet,
  outDev: DevId,
  gateway: Ip4 | null,
  /** The route's `mtu` metric: ip_dst_mtu_maybe_forward() honours it before the device's. */
  routeMtu?: number,
): void {
  const ns = inDev.ns;
  const ip = pkt.ip;
  if (!ip) return;
  if (ip.ttl <= 1) {
    icmpSend(ctx, ns, pkt, ICMP_TIME_EXCEEDED, 0, inDev.id);
    kfreeSkb(ctx, ns, pkt, 'IP_TTL_EXCEEDED', inDev.id, `TTL ${ip.ttl} would reach 0 here`);
    return;
  }
  const out = xaGet(ctx.k.devices, outDev);
  // ip_exceeds_mtu(): a DF datagram longer than the output device's MTU is not fragmented here; its sender
  // hears "fragmentation needed" with that MTU (quoting the header as it came, TTL not yet decremented).
  const mtu = Math.min(routeMtu ?? out?.mtu ?? 1500, 0xffff);
  if (ip.df === true && ip.len > mtu) {
    icmpSend(ctx, ns, pkt, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, inDev.id, mtu);
    kfreeSkb(
      ctx,
      ns,
      pkt,
      'PKT_TOO_BIG',
      inDev.id,
      `${ip.len} bytes with DF set exceed ${out?.name}'s MTU ${mtu}`,
    );
    return;
  }
  ip.ttl--;
  ctx.trace({
    kind: 'ip_forward',
    atUs: ctx.clock.nowUs,
    ns,
    pkt: pkt.id,
    summary: `forward ${inDev.name} -> ${out?.name ?? outDev}, ttl ${ip.ttl}: ${pktSummary(pkt)}`,
    dev: inDev.id,
    outDev,
    ttl: ip.ttl,
  });
  if (nfHook(ctx, ns, 'FORWARD', pkt, inDev.id, outDev) === 'DROP') {
    kfreeSkb(
      ctx,
      ns,
      pkt,
      'NETFILTER_DROP',
      inDev.id,
      `iptables FORWARD dropped it (${inDev.name} -> ${out?.name ?? outDev})`,
    );
    return;
  }
  ipOutput(
    ctx,
    ns,
    pkt,
    routeMtu ? { type: 'unicast', outDev, gateway, mtu: routeMtu } : { type: 'unicast', outDev, gateway },
  );
}
