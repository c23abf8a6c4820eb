/**
 * Received ARP (net/ipv4/arp.c arp_rcv, arp_process). With the defaults of a fresh namespace
 * (arp_ignore 0, arp_filter 0, arp_accept 0, no proxy ARP):
 * - a request for any address this namespace owns, on whatever interface, is answered from the receiving
 *   device's MAC, and the asker is entered as STALE (neigh_event_ns);
 * - otherwise only an existing entry for the sender is updated: REACHABLE for a unicast reply, STALE for a
 *   request or a broadcast reply; a different MAC replaces the cached one only after locktime (1 s), so the
 *   first of several answers wins. Unsolicited ARP creates nothing.
 */
import { formatIp4, isLoopback4, isMulticast4 } from '../../lib';
import type { KernelCtx } from '../context';
import { neighCreate, neighLookup, neighParms } from '../neighbour';
import type { PktType } from '../netdev/eth';
import { consumeSkb, kfreeSkb } from '../skbuff';
import type { NetDevice, Packet } from '../types';
import { arpSend, neighUpdate } from './arp';
import { inetAddrType, ipRouteInput } from './route';

export function arpRcv(ctx: KernelCtx, dev: NetDevice, pkt: Packet, pktType: PktType): void {
  const a = pkt.arp;
  const ns = dev.ns;
  if (!a) return;
  // arp_rcv(): IFF_NOARP devices and frames for another host are not looked at.
  if (dev.kind === 'loopback' || dev.userFlags?.noarp) {
    consumeSkb(ctx, ns, pkt, dev.id, 'ARP on a NOARP device');
    return;
  }
  if (pktType === 'otherhost') {
    consumeSkb(ctx, ns, pkt, dev.id, `ARP addressed to another host (${pkt.eth?.dst})`);
    return;
  }
  const sip = a.senderIp;
  const tip = a.targetIp;
  if (isMulticast4(tip) || (!dev.conf['route_localnet'] && isLoopback4(tip))) {
    kfreeSkb(ctx, ns, pkt, 'NOT_SPECIFIED', dev.id, `ARP for ${formatIp4(tip)} is never answered`);
    return;
  }
  // RFC 2131 duplicate address detection probe (sender 0.0.0.0): answer if the address is ours.
  if (sip === 0) {
    if (a.op === 1 && inetAddrType(ctx, ns, tip) === 'local')
      arpSend(ctx, dev, 2, sip, tip, a.senderMac, a.senderMac, pkt.id);
    consumeSkb(ctx, ns, pkt, dev.id, 'duplicate address detection probe');
    return;
  }
  // arp_process() routes a request's target as if it were a received packet (ip_route_input_noref): a local
  // route means the address is ours (what decides the answer, seen as a fib_table_lookup on Linux 6.18).
  if (a.op === 1 && ipRouteInput(ctx, ns, sip, tip, dev.id, pkt.id).kind === 'local') {
    // neigh_event_ns(): create the asker's entry (or refresh it) as STALE, then reply.
    const n = neighLookup(ctx, ns, dev.id, sip) ?? neighCreate(ctx, ns, dev.id, sip);
    neighUpdate(ctx, ns, n, a.senderMac, 'STALE', { override: true }, pkt.id);
    arpSend(ctx, dev, 2, sip, tip, a.senderMac, a.senderMac, pkt.id);
    consumeSkb(ctx, ns, pkt, dev.id, `answered: ${formatIp4(tip)} is ours`);
    return;
  }
  const n = neighLookup(ctx, ns, dev.id, sip);
  if (n) {
    const isGarp =
      sip === tip && (a.op === 1 || a.targetMac === a.senderMac) && inetAddrType(ctx, ns, sip) === 'unicast';
    const override = ctx.clock.nowUs > n.updatedUs + neighParms(ctx, ns).locktimeUs || isGarp;
    const state = a.op === 2 && pktType === 'host' ? 'REACHABLE' : 'STALE';
    neighUpdate(ctx, ns, n, a.senderMac, state, { override }, pkt.id);
    consumeSkb(
      ctx,
      ns,
      pkt,
      dev.id,
      a.op === 2 ? 'ARP reply processed' : `request for ${formatIp4(tip)} (not ours): sender refreshed`,
    );
    return;
  }
  consumeSkb(
    ctx,
    ns,
    pkt,
    dev.id,
    a.op === 1
      ? `request for ${formatIp4(tip)}, not ours: ignored`
      : `unsolicited reply from ${formatIp4(sip)}: ignored (arp_accept=0)`,
  );
}
