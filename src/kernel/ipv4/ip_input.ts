/**
 * IPv4 receive (net/ipv4/ip_input.c): ip_rcv() drops frames that were for another host's MAC, runs
 * PREROUTING (skipped when br_netfilter already ran it for a bridged frame: ip_sabotage_in; fragments are
 * reassembled first while conntrack is in use, ipv4/ip_fragment.ts), routes the
 * packet (ip_route_input: route.ts) and either delivers it locally (reassembled, then the INPUT hook, raw sockets, then ICMP/UDP/TCP
 * by protocol), forwards it (ip_forward.ts), or drops it, answering with ICMP where ip_error() would.
 */
import { formatIp4 } from '../../lib';
import type { KernelCtx } from '../context';
import type { PktType } from '../netdev/eth';
import { nfHook } from '../netfilter/hooks';
import { nfDefragEnabled } from '../netfilter/nf_conntrack';
import { kfreeSkb } from '../skbuff';
import { pktSummary } from '../trace_fmt';
import type { NetDevice, Packet } from '../types';
import { ICMP_DEST_UNREACH, icmpRcv, icmpSend } from './icmp';
import { ipErrorAllow } from './inetpeer';
import { ipForward } from './ip_forward';
import { ipDefrag, ipIsFragment } from './ip_fragment';
import { ipRouteInput } from './route';
import { tcpRcv } from './tcp_input';
import { udpRcv } from './udp';

/** ip_local_deliver(): reassembly (ip_defrag), INPUT, then the protocol. */
function ipLocalDeliver(ctx: KernelCtx, dev: NetDevice, frag: Packet, bcast: boolean): void {
  const ns = dev.ns;
  const pkt = frag.ip && ipIsFragment(frag.ip) ? ipDefrag(ctx, ns, frag, 'local', dev.id) : frag;
  if (!pkt) return;
  if (nfHook(ctx, ns, 'INPUT', pkt, dev.id, null) === 'DROP') {
    kfreeSkb(ctx, ns, pkt, 'NETFILTER_DROP', dev.id, `iptables INPUT dropped it (in ${dev.name})`);
    return;
  }
  ctx.trace({
    kind: 'ip_local_deliver',
    atUs: ctx.clock.nowUs,
    ns,
    pkt: pkt.id,
    summary: `deliver locally on ${dev.name}: ${pktSummary(pkt)}`,
    dev: dev.id,
  });
  const proto = pkt.ip?.proto ?? 0;
  switch (proto) {
    case 1:
      icmpRcv(ctx, dev, pkt, bcast);
      return;
    case 6:
      if (bcast) kfreeSkb(ctx, ns, pkt, 'NOT_SPECIFIED', dev.id, 'TCP to a broadcast address');
      else tcpRcv(ctx, dev, pkt);
      return;
    case 17:
      udpRcv(ctx, dev, pkt, bcast);
      return;
    default:
      // No protocol handler and no raw socket for it: ICMP protocol unreachable (not for broadcast).
      if (!bcast) icmpSend(ctx, ns, pkt, ICMP_DEST_UNREACH, 2, dev.id);
      kfreeSkb(ctx, ns, pkt, 'IP_NOPROTO', dev.id, `no handler for IP protocol ${proto}`);
  }
}

export function ipRcv(ctx: KernelCtx, dev: NetDevice, pkt: Packet, pktType: PktType): void {
  const ns = dev.ns;
  const ip = pkt.ip;
  if (!ip) return;
  if (pktType === 'otherhost') {
    kfreeSkb(ctx, ns, pkt, 'OTHERHOST', dev.id, `frame for ${pkt.eth?.dst}, not ${dev.name}'s MAC`);
    return;
  }
  // nf_defrag_ipv4 (priority -400, registered while conntrack is in use here): PREROUTING, NAT and the
  // filter see the whole datagram, which ip_output refragments.
  if (!pkt.brnf && ipIsFragment(ip) && nfDefragEnabled(ctx, ns)) {
    const whole = ipDefrag(ctx, ns, pkt, 'conntrack-in', dev.id);
    if (whole) ipRcvWhole(ctx, dev, whole);
    return;
  }
  ipRcvWhole(ctx, dev, pkt);
}

/** ip_rcv() from PREROUTING on, for a datagram conntrack may have reassembled. */
function ipRcvWhole(ctx: KernelCtx, dev: NetDevice, pkt: Packet): void {
  const ns = dev.ns;
  const ip = pkt.ip;
  if (!ip) return;
  if (!pkt.brnf && nfHook(ctx, ns, 'PREROUTING', pkt, dev.id, null) === 'DROP') {
    kfreeSkb(ctx, ns, pkt, 'NETFILTER_DROP', dev.id, `iptables PREROUTING dropped it (in ${dev.name})`);
    return;
  }
  const rt = ipRouteInput(ctx, ns, ip.src, ip.dst, dev.id, pkt.id);
  switch (rt.kind) {
    case 'local':
      ipLocalDeliver(ctx, dev, pkt, false);
      return;
    case 'broadcast':
      ipLocalDeliver(ctx, dev, pkt, true);
      return;
    case 'forward':
      ipForward(ctx, dev, pkt, rt.outDev, rt.gateway, rt.mtu);
      return;
    case 'error':
      if (rt.icmpCode !== null && ipErrorAllow(ctx, ns, ip.src))
        icmpSend(ctx, ns, pkt, ICMP_DEST_UNREACH, rt.icmpCode, dev.id);
      kfreeSkb(ctx, ns, pkt, rt.reason, dev.id, `${formatIp4(ip.dst)}: ${rt.detail}`);
  }
}
