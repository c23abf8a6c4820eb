/**
 * The end of __netif_receive_skb_core() (net/core/dev.c) for a device that has no rx_handler (not a bridge
 * port), or for a bridge device a frame was passed up to: count it, fire the netif_receive_skb tracepoint,
 * classify it (eth.ts) and hand it to the
 * protocol registered for its ethertype (dev_add_pack: arp_rcv, ip_rcv).
 */
import { BROADCAST_MAC, isMulticastMac } from '../../lib';
import type { KernelCtx } from '../context';
import { skbHeaders } from '../trace';
import { arpRcv } from '../ipv4/arp_rcv';
import { ipRcv } from '../ipv4/ip_input';
import { ipv6Rcv } from '../ipv6/ip6_input';
import { kfreeSkb } from '../skbuff';
import { ETH_P_ARP, ETH_P_IP, ETH_P_IPV6, frameLen, pktSummary } from '../trace_fmt';
import type { NetDevice, Packet } from '../types';
import { pktTypeOf, type PktType } from './eth';

/** Receive counters and the netif_receive_skb tracepoint. */
export function rxAccount(ctx: KernelCtx, dev: NetDevice, pkt: Packet, bytes: number = frameLen(pkt)): void {
  dev.stats.rxPackets++;
  dev.stats.rxBytes += bytes;
  if (pkt.eth && pkt.eth.dst !== BROADCAST_MAC && isMulticastMac(pkt.eth.dst)) dev.stats.multicast++;
  ctx.trace({
    kind: 'netif_receive_skb',
    atUs: ctx.clock.nowUs,
    ns: dev.ns,
    pkt: pkt.id,
    summary: pktSummary(pkt),
    dev: dev.id,
    len: bytes,
    skb: skbHeaders(pkt, ctx.peek),
  });
}

/** deliver_skb() to the protocol handler for the frame's ethertype. `pktType` overrides the classification. */
export function ptypeDeliver(
  ctx: KernelCtx,
  dev: NetDevice,
  pkt: Packet,
  pktType: PktType = pktTypeOf(dev, pkt),
): void {
  const et = pkt.eth?.ethertype ?? ETH_P_IP;
  if (et === ETH_P_ARP && pkt.arp) {
    arpRcv(ctx, dev, pkt, pktType);
    return;
  }
  if (et === ETH_P_IP && pkt.ip) {
    ipRcv(ctx, dev, pkt, pktType);
    return;
  }
  if (et === ETH_P_IPV6 && dev.conf.disable_ipv6) {
    kfreeSkb(ctx, dev.ns, pkt, 'IPV6DISABLED', dev.id);
    return;
  }
  if (et === ETH_P_IPV6 && pkt.ip6) {
    ipv6Rcv(ctx, dev, pkt, pktType);
    return;
  }
  kfreeSkb(
    ctx,
    dev.ns,
    pkt,
    'UNHANDLED_PROTO',
    dev.id,
    `no handler for ethertype 0x${et.toString(16).padStart(4, '0')}`,
  );
}
