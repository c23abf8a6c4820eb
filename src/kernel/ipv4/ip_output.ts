/**
 * IPv4 output (net/ipv4/ip_output.c): __ip_local_out() runs the OUTPUT hook for what this host sends,
 * ip_output() the POSTROUTING hook for everything leaving (sent or forwarded), and ip_finish_output2() finds
 * the link-layer destination: loopback for local destinations, broadcast/multicast MACs, or the neighbour
 * layer (ipv4/arp.ts) for the next hop. ipSendmsg() is what a socket's sendmsg() does before that:
 * route the flow (ip_route_output_flow), build the header, confirm the neighbour on MSG_CONFIRM.
 */
import type { Ip4 } from '../../lib';
import { BROADCAST_MAC, formatIp4 } from '../../lib';
import type { KernelCtx } from '../context';
import { kerr, kok, type Errno, type KResult } from '../errno';
import { devQueueXmit } from '../netdev/dev_queue_xmit';
import { nfHook } from '../netfilter/hooks';
import { allocSkb, kfreeSkb } from '../skbuff';
import { ETH_P_IP, payloadLen } from '../trace_fmt';
import type { DevId, L4, NsId, Packet, Payload, RouteType } from '../types';
import { sockGet, sockQueue } from '../sock';
import { neighConfirm, neighOutput } from './arp';
import { ipDoFragment } from './ip_fragment';
import { ipRouteOutput, type RtOutput } from './route';
import { pathMtu, pmtuException } from './route_pmtu';
import { xaGet } from '../xarray';

/** IP_MAX_MTU (include/net/ip.h): the largest IPv4 datagram, 0xFFFF bytes. */
const IP_MAX_MTU = 0xffff;

/** Where ip_output() sends a packet: the device, and the gateway if the route has one. */
export interface NextHop {
  type: RouteType;
  outDev: DevId;
  gateway: Ip4 | null;
  /** The route's MTU when it is not the device's: a learned exception, or the route's `mtu` metric. */
  mtu?: number;
}

/** ip_finish_output2(). */
function finishOutput2(ctx: KernelCtx, ns: NsId, pkt: Packet, hop: NextHop): void {
  const dev = xaGet(ctx.k.devices, hop.outDev);
  if (!dev || !pkt.ip) {
    kfreeSkb(ctx, ns, pkt, 'IP_OUTNOROUTES', hop.outDev, 'the output device is gone');
    return;
  }
  if (dev.kind === 'loopback' || hop.type === 'local') {
    pkt.eth = { src: dev.mac, dst: dev.mac, ethertype: ETH_P_IP };
    devQueueXmit(ctx, dev, pkt);
    return;
  }
  if (hop.type === 'broadcast') {
    pkt.eth = { src: dev.mac, dst: BROADCAST_MAC, ethertype: ETH_P_IP };
    devQueueXmit(ctx, dev, pkt);
    return;
  }
  neighOutput(ctx, ns, dev.id, hop.gateway ?? pkt.ip.dst, pkt);
}

/** ip_output(): POSTROUTING (out = the device), then the link layer. Returns EPERM if a rule dropped it. */
export function ipOutput(ctx: KernelCtx, ns: NsId, pkt: Packet, hop: NextHop): 'ok' | Errno {
  const dev = xaGet(ctx.k.devices, hop.outDev);
  if (!dev || !dev.adminUp) {
    kfreeSkb(ctx, ns, pkt, 'DEV_READY', hop.outDev, `${dev?.name ?? 'the output device'} is down`);
    return 'ENETDOWN';
  }
  if (nfHook(ctx, ns, 'POSTROUTING', pkt, null, hop.outDev) === 'DROP') {
    kfreeSkb(ctx, ns, pkt, 'NETFILTER_DROP', hop.outDev, `iptables POSTROUTING dropped it (out ${dev.name})`);
    return 'EPERM';
  }
  // ip_finish_output(): longer than the MTU (ip_skb_dst_mtu, capped at IP_MAX_MTU: loopback never
  // fragments), or reassembled by conntrack/the bridge: ip_fragment(). A forwarded DF datagram too big was
  // answered in ip_forward(); a local one may only be too big when its socket allows fragments.
  const mtu = Math.min(hop.mtu ?? dev.mtu, IP_MAX_MTU);
  if (pkt.ip && (pkt.ip.len > mtu || pkt.fragMax !== undefined)) {
    const limit = pkt.fragMax !== undefined ? Math.min(mtu, pkt.fragMax) : mtu;
    ipDoFragment(ctx, pkt, limit, (frag) => finishOutput2(ctx, ns, frag, hop));
    return 'ok';
  }
  finishOutput2(ctx, ns, pkt, hop);
  return 'ok';
}

/**
 * __ip_local_out() + dst_output(): OUTPUT (out = the route's device), then ip_output(). A DNAT in OUTPUT
 * re-routes the packet (ip_route_me_harder). EPERM when a rule dropped it, as sendmsg() reports it.
 */
export function ipLocalOut(ctx: KernelCtx, ns: NsId, pkt: Packet, rt: RtOutput): 'ok' | Errno {
  if (!pkt.ip) return 'EINVAL';
  const dst = pkt.ip.dst;
  if (nfHook(ctx, ns, 'OUTPUT', pkt, null, rt.outDev) === 'DROP') {
    kfreeSkb(ctx, ns, pkt, 'NETFILTER_DROP', rt.outDev, 'iptables OUTPUT dropped it');
    return 'EPERM';
  }
  let route = rt;
  if (pkt.ip.dst !== dst) {
    const r = ipRouteOutput(ctx, ns, { dst: pkt.ip.dst, src: pkt.ip.src }, pkt.id);
    if (!r.ok) {
      kfreeSkb(ctx, ns, pkt, 'IP_OUTNOROUTES', null, `no route to ${formatIp4(pkt.ip.dst)} after DNAT`);
      return r.error.errno;
    }
    route = r.value;
  }
  const hop: NextHop = { type: route.type, outDev: route.outDev, gateway: route.gateway };
  // ip_skb_dst_mtu(): the path MTU (a learned exception, else the route's metric) for what may be
  // fragmented; a DF datagram was sized for its socket's MTU already (IP_PMTUDISC_PROBE: the device's).
  if (!pkt.ip.df) {
    const pmtu = pmtuException(ctx, ns, pkt.ip.dst);
    if (pmtu) hop.mtu = pmtu.mtu;
    else if (route.mtu) hop.mtu = route.mtu;
  }
  return ipOutput(ctx, ns, pkt, hop);
}

/** What a socket hands to the IP layer. */
export interface Datagram {
  dst: Ip4;
  /** Bound/selected source, or 0 to let routing pick. */
  src: Ip4;
  oif: DevId | null;
  proto: number;
  l4: L4;
  payload: Payload;
  ttl: number;
  tos?: number;
  /** SO_BROADCAST: without it a broadcast destination is EACCES. */
  broadcast?: boolean;
  /** MSG_CONFIRM: the sender saw the peer answer; the neighbour entry is confirmed. */
  confirm?: boolean;
  /**
   * IP_MTU_DISCOVER (ip(7)); a raw or UDP socket's default is `want` (net.ipv4.ip_no_pmtu_disc 0): DF on
   * a datagram that fits the path MTU, fragments otherwise. `dont` never sets DF. `do` sets DF and refuses
   * a datagram longer than the path MTU with EMSGSIZE (`probe` the same against the device's MTU); with
   * IP_RECVERR the socket `sock` gets a local error carrying the MTU (also for any datagram over IP_MAX_MTU).
   */
  pmtudisc?: 'want' | 'dont' | 'do' | 'probe';
  sock?: number;
}

/** The L4 header size of a datagram (ICMP 8, UDP 8, TCP 20 without options). */
export function l4HeaderLen(l4: L4): number {
  return l4.proto === 6 ? 20 : l4.proto === 1 || l4.proto === 17 ? 8 : 0;
}

/** The default TTL of a namespace (net.ipv4.ip_default_ttl). */
export function defaultTtl(ctx: KernelCtx, ns: NsId): number {
  const v = Number(xaGet(ctx.k.netns, ns)?.sysctl['net.ipv4.ip_default_ttl'] ?? 64);
  return Number.isFinite(v) && v > 0 ? v : 64;
}

/** sendmsg() on a raw/UDP socket down to ip_local_out(). Returns the packet id, or the errno sendmsg sees. */
export function ipSendmsg(ctx: KernelCtx, ns: NsId, d: Datagram): KResult<{ pktId: number; src: Ip4 }> {
  const len = 20 + l4HeaderLen(d.l4) + payloadLen(d.payload);
  // raw_sendmsg() / udp_sendmsg(), first thing: what the caller hands over (a raw ICMP socket's buffer holds
  // the ICMP header, a UDP socket's only the payload) is at most 0xFFFF bytes; more is EMSGSIZE, nothing queued.
  if ((d.proto === 17 ? payloadLen(d.payload) : len - 20) > 0xffff) return kerr('EMSGSIZE');
  const r = ipRouteOutput(ctx, ns, { dst: d.dst, src: d.src || null, oif: d.oif });
  if (!r.ok) return r;
  const rt = r.value;
  if ((rt.type === 'broadcast' || d.dst === 0xffffffff) && !d.broadcast) return kerr('EACCES');
  // The path MTU as ip_setup_cork() takes it (dst_mtu: ipv4_mtu() caps the device's at IP_MAX_MTU, so
  // loopback's 65536 is 65535; a learned exception lowers it, except for IP_PMTUDISC_PROBE).
  const pmtudisc = d.pmtudisc ?? 'want';
  const devMtu = Math.min(xaGet(ctx.k.devices, rt.outDev)?.mtu ?? 1500, IP_MAX_MTU);
  const mtu = pmtudisc === 'probe' ? devMtu : pathMtu(ctx, ns, d.dst, devMtu, rt.mtu);
  const noFrag = pmtudisc === 'do' || pmtudisc === 'probe';
  // __ip_append_data(): a datagram that may not be fragmented (IP_PMTUDISC_DO) must fit the MTU, any other
  // an IP datagram (maxnonfragsize IP_MAX_MTU); past that, ip_local_error(EMSGSIZE, mtu) for a socket with
  // IP_RECVERR, and EMSGSIZE (`ping -s 65508`: "local error: message too long, mtu=65535").
  if (len > (noFrag ? mtu : IP_MAX_MTU)) {
    const s = d.sock === undefined ? null : sockGet(ctx, ns, d.sock);
    if (s?.recverr)
      sockQueue(
        ctx,
        ns,
        s,
        {
          kind: 'error',
          fromAddr: d.dst,
          atUs: ctx.clock.nowUs,
          icmpType: 0,
          icmpCode: 0,
          payload: { kind: 'none' },
          inner: null,
          innerL4: null,
          origin: 'local',
          eeErrno: 'EMSGSIZE',
          eeInfo: mtu,
          ttl: 0,
        },
        null,
        `local error: message too long, mtu=${mtu}`,
      );
    return kerr('EMSGSIZE');
  }
  const pkt = allocSkb(ctx, {
    eth: null,
    arp: null,
    ip: { src: rt.src, dst: d.dst, ttl: d.ttl, proto: d.proto, id: 0, tos: d.tos ?? 0, len },
    l4: d.l4,
    payload: d.payload,
  });
  pkt.ip!.id = pkt.id & 0xffff;
  // __ip_make_skb(): DF when the socket forbids fragments, or wants PMTU discovery and the datagram fits.
  if (noFrag || (pmtudisc === 'want' && len <= mtu)) pkt.ip!.df = true;
  if (d.confirm && rt.type !== 'local') neighConfirm(ctx, ns, rt.outDev, rt.gateway ?? d.dst);
  const rc = ipLocalOut(ctx, ns, pkt, rt);
  if (rc !== 'ok') return kerr(rc);
  return kok({ pktId: pkt.id, src: rt.src });
}
