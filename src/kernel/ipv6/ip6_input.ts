/**
 * IPv6 receive and forwarding (net/ipv6/ip6_input.c, ip6_output.c ip6_forward, route.c ip6_route_input):
 *  - ipv6_rcv() drops frames for another host's MAC; a multicast destination is delivered when the device
 *    is in the group (ipv6_chk_mcast_addr: all-nodes, all-routers while forwarding, the solicited-node
 *    group of each of its addresses);
 *  - a unicast destination that a local route covers (any address of the namespace, anycast included) is
 *    delivered to ICMPv6 (icmpv6.ts);
 *  - else, with net.ipv6.conf.all.forwarding, it is forwarded: no route -> "no route" unreachable
 *    (ip6_pkt_drop), hop limit 1 or less -> "hop limit exceeded in transit", link-local addresses are not
 *    forwarded; the hop limit is decremented and the packet leaves through ip6_output.ts. Without
 *    forwarding the packet is dropped (a host is no router).
 * ip6tables is not modelled: no PREROUTING/INPUT/FORWARD hooks run for IPv6.
 */
import { formatIp6, parseIp6 } from '../../lib';
import type { KernelCtx } from '../context';
import type { PktType } from '../netdev/eth';
import { kfreeSkb } from '../skbuff';
import { pktSummary } from '../trace_fmt';
import type { NetDevice, Packet } from '../types';
import { xaGet } from '../xarray';
import { isTentative } from './addrconf';
import { ICMPV6_DEST_UNREACH, ICMPV6_NOROUTE, ICMPV6_TIME_EXCEED, icmp6Send, icmpv6Rcv } from './icmpv6';
import { fib6Lookup } from './ip6_fib';
import { ip6Output } from './ip6_output';
import { solicitedNode } from './ndisc_nud';

function sameGroups(a: readonly number[], b: readonly number[]): boolean {
  return a.every((g, i) => g === b[i]);
}

/** ipv6_chk_mcast_addr(): whether the device listens to the group. */
function inGroup(dev: NetDevice, g: readonly number[]): boolean {
  const allNodes = [0xff02, 0, 0, 0, 0, 0, 0, 1];
  const allRouters = [0xff02, 0, 0, 0, 0, 0, 0, 2];
  if (sameGroups(g, allNodes)) return true;
  if (sameGroups(g, allRouters)) return !!dev.conf.ipv6_forwarding;
  return dev.inet6.some((a) => {
    const ag = parseIp6(a.addr);
    return !!ag && sameGroups(g, solicitedNode(ag));
  });
}

export function ipv6Rcv(ctx: KernelCtx, dev: NetDevice, pkt: Packet, pktType: PktType): void {
  const ns = dev.ns;
  const ip6 = pkt.ip6;
  if (!ip6) return;
  if (pktType === 'otherhost') {
    kfreeSkb(ctx, ns, pkt, 'OTHERHOST', dev.id, `frame for ${pkt.eth?.dst}, not ${dev.name}'s MAC`);
    return;
  }
  const d = parseIp6(ip6.dst);
  if (!d) return;
  if (((d[0] ?? 0) & 0xff00) === 0xff00) {
    if (inGroup(dev, d)) icmpv6Rcv(ctx, dev, pkt);
    else kfreeSkb(ctx, ns, pkt, 'NOT_SPECIFIED', dev.id, `${dev.name} is not in the group ${ip6.dst}`);
    return;
  }
  const rt = fib6Lookup(ctx.k, ns, ctx.clock.nowUs, d);
  if (rt && (rt.type === 'local' || rt.type === 'anycast')) {
    ctx.trace({
      kind: 'ip_local_deliver',
      atUs: ctx.clock.nowUs,
      ns,
      pkt: pkt.id,
      summary: `deliver locally on ${dev.name}: ${pktSummary(pkt)}`,
      dev: dev.id,
    });
    icmpv6Rcv(ctx, dev, pkt);
    return;
  }
  // A tentative address of ours is not yet ours (DAD): the packet is dropped, not forwarded.
  if (dev.inet6.some((a) => a.addr === ip6.dst && isTentative(ctx, a.dadUntilUs))) {
    kfreeSkb(ctx, ns, pkt, 'NOT_SPECIFIED', dev.id, `${ip6.dst} is still tentative`);
    return;
  }
  if (!Number(xaGet(ctx.k.netns, ns)?.sysctl['net.ipv6.conf.all.forwarding'] ?? 0)) {
    kfreeSkb(ctx, ns, pkt, 'NOT_SPECIFIED', dev.id, `${ip6.dst} is not ours and IPv6 forwarding is off`);
    return;
  }
  ip6Forward(ctx, dev, pkt, d);
}

/** ip6_forward() with the route ip6_route_input() found. */
function ip6Forward(ctx: KernelCtx, dev: NetDevice, pkt: Packet, d: readonly number[]): void {
  const ns = dev.ns;
  const ip6 = pkt.ip6;
  if (!ip6) return;
  const src = parseIp6(ip6.src) ?? [];
  if (((src[0] ?? 0) & 0xffc0) === 0xfe80 || ((d[0] ?? 0) & 0xffc0) === 0xfe80) {
    kfreeSkb(ctx, ns, pkt, 'NOT_SPECIFIED', dev.id, 'link-local addresses are not forwarded');
    return;
  }
  const rt = fib6Lookup(ctx.k, ns, ctx.clock.nowUs, d);
  if (!rt || rt.type === 'unreachable' || rt.type === 'prohibit' || rt.type === 'blackhole') {
    if (rt?.type !== 'blackhole') icmp6Send(ctx, ns, pkt, ICMPV6_DEST_UNREACH, ICMPV6_NOROUTE);
    kfreeSkb(ctx, ns, pkt, 'IP_INNOROUTES', dev.id, `no IPv6 route to ${ip6.dst}`);
    return;
  }
  if (ip6.hopLimit <= 1) {
    icmp6Send(ctx, ns, pkt, ICMPV6_TIME_EXCEED, 0);
    kfreeSkb(ctx, ns, pkt, 'IP_TTL_EXCEEDED', dev.id, 'hop limit exceeded in transit');
    return;
  }
  ip6.hopLimit--;
  const out = xaGet(ctx.k.devices, rt.dev);
  ctx.trace({
    kind: 'ip_forward',
    atUs: ctx.clock.nowUs,
    ns,
    pkt: pkt.id,
    summary: `forward ${dev.name} -> ${out?.name ?? rt.dev}, hop limit ${ip6.hopLimit}: ${pktSummary(pkt)}`,
    dev: dev.id,
    outDev: rt.dev,
    ttl: ip6.hopLimit,
  });
  ip6Output(ctx, ns, pkt, {
    local: false,
    dev: rt.dev,
    gateway: rt.gateway === null ? null : formatIp6(rt.gateway),
    src: ip6.src,
    metric: rt.metric,
    table: rt.table,
    protocol: rt.protocol,
  });
}
