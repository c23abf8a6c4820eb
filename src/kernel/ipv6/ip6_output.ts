/**
 * IPv6 output (net/ipv6/ip6_output.c, route.c): ip6_route_output() picks the route and, through
 * ipv6_dev_get_saddr(), the source; ip6_finish_output2() puts the link-layer header on: the loopback for
 * local destinations (a local route's packets leave through lo), the mapped 33:33 MAC for multicast, else
 * the neighbour (ndisc_nud.ts) of the gateway or of the destination itself. ip6tables is not modelled: no
 * OUTPUT/POSTROUTING hooks run for IPv6.
 */
import { formatIp6, parseIp6 } from '../../lib';
import type { KernelCtx } from '../context';
import { devicesOf } from '../context';
import { kerr, kok, type KResult } from '../errno';
import { devQueueXmit } from '../netdev/dev_queue_xmit';
import { allocSkb, kfreeSkb } from '../skbuff';
import { ETH_P_IPV6 } from '../trace_fmt';
import type { DevId, Icmp6Msg, NetDevice, NsId, Packet } from '../types';
import { xaGet } from '../xarray';
import { fib6Lookup, ipv6DevGetSaddr } from './ip6_fib';
import { ip6McMac, nd6Output } from './ndisc_nud';

/** Where a packet goes: a local delivery (through lo), or a device and an optional gateway. */
export interface Rt6Output {
  local: boolean;
  dev: DevId;
  gateway: string | null;
  src: string;
  metric: number;
  table: number;
  protocol: string;
}

/** ip6_route_output() + the source address ip6_datagram_connect/ping would bind. */
export function ip6RouteOutput(
  ctx: KernelCtx,
  ns: NsId,
  dst: string,
  oif: DevId | null,
  src: string | null = null,
): KResult<Rt6Output> {
  const d = parseIp6(dst);
  if (!d) return kerr('EINVAL');
  const nowUs = ctx.clock.nowUs;
  const k = ctx.k;
  // Multicast: out of the bound device (ND, router solicitations name theirs).
  if (((d[0] ?? 0) & 0xff00) === 0xff00) {
    const dev = oif === null ? undefined : xaGet(k.devices, oif);
    if (!dev) return kerr('ENETUNREACH');
    const s = src ?? ipv6DevGetSaddr(k, ns, nowUs, dev, d);
    if (s === null) return kerr('EADDRNOTAVAIL');
    return kok({
      local: false,
      dev: dev.id,
      gateway: null,
      src: s,
      metric: 256,
      table: 255,
      protocol: 'kernel',
    });
  }
  const r = fib6Lookup(k, ns, nowUs, d, oif);
  if (!r || r.type === 'unreachable' || r.type === 'prohibit' || r.type === 'blackhole')
    return kerr('ENETUNREACH');
  const local = r.type === 'local' || r.type === 'anycast';
  const dev = xaGet(k.devices, r.dev) as NetDevice | undefined;
  const s = src ?? (local ? dst : ipv6DevGetSaddr(k, ns, nowUs, dev ?? null, d));
  if (s === null) return kerr('EADDRNOTAVAIL');
  return kok({
    local,
    dev: r.dev,
    gateway: r.gateway === null ? null : formatIp6(r.gateway),
    src: s,
    metric: r.metric,
    table: r.table,
    protocol: r.protocol,
  });
}

/** ip6_finish_output2(): the link layer for a routed packet. */
export function ip6Output(ctx: KernelCtx, ns: NsId, pkt: Packet, rt: Rt6Output): void {
  const ip6 = pkt.ip6;
  if (!ip6) return;
  if (rt.local) {
    const lo = devicesOf(ctx.k, ns).find((x) => x.kind === 'loopback');
    if (!lo || !lo.adminUp) {
      kfreeSkb(ctx, ns, pkt, 'DEV_READY', lo?.id ?? null, 'lo is down');
      return;
    }
    pkt.eth = { src: lo.mac, dst: lo.mac, ethertype: ETH_P_IPV6 };
    devQueueXmit(ctx, lo, pkt);
    return;
  }
  const dev = xaGet(ctx.k.devices, rt.dev);
  if (!dev || !dev.adminUp) {
    kfreeSkb(ctx, ns, pkt, 'DEV_READY', rt.dev, `${dev?.name ?? 'the output device'} is down`);
    return;
  }
  const d = parseIp6(ip6.dst) ?? [];
  if (((d[0] ?? 0) & 0xff00) === 0xff00) {
    pkt.eth = { src: dev.mac, dst: ip6McMac(d), ethertype: ETH_P_IPV6 };
    devQueueXmit(ctx, dev, pkt);
    return;
  }
  nd6Output(ctx, ns, dev, rt.gateway ?? ip6.dst, pkt);
}

export interface Datagram6 {
  dst: string;
  src: string | null;
  oif: DevId | null;
  hopLimit: number;
  icmp6: Icmp6Msg;
  /** ICMPv6 payload length (header included). */
  plen: number;
}

/** rawv6_sendmsg()/icmpv6 output: route, build the header, send. */
export function ip6Sendmsg(ctx: KernelCtx, ns: NsId, dg: Datagram6): KResult<Packet> {
  const rt = ip6RouteOutput(ctx, ns, dg.dst, dg.oif, dg.src);
  if (!rt.ok) return rt;
  const pkt = allocSkb(ctx, {
    eth: null,
    arp: null,
    ip: null,
    l4: { proto: 58 },
    ip6: { src: rt.value.src, dst: dg.dst, hopLimit: dg.hopLimit, nexthdr: 58, plen: dg.plen },
    icmp6: dg.icmp6,
    payload: { kind: 'none' },
  });
  ip6Output(ctx, ns, pkt, rt.value);
  return kok(pkt);
}
