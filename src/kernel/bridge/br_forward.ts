/**
 * Bridge forwarding (net/bridge/br_forward.c): br_forward() to the port a destination MAC was learned on,
 * br_flood() to every other port that takes floods (broadcast, multicast, unknown unicast), and br_dev_xmit()
 * (br_device.c): what the host itself sends through the bridge device.
 *
 * A bridged IPv4 frame meets netfilter's FORWARD and POSTROUTING hooks on its way out when
 * net.bridge.bridge-nf-call-iptables is 1 (br_netfilter.ts); frames the host sends do not (their hooks ran
 * in the IP stack).
 */
import { BROADCAST_MAC, isMulticastMac } from '../../lib';
import type { KernelCtx } from '../context';
import { lowerXmit, txAccount } from '../netdev/xmit';
import { cloneSkb, kfreeSkb } from '../skbuff';
import { pktSummary } from '../trace_fmt';
import type { BridgeDevice, DevId, NetDevice, Packet } from '../types';
import { fdbLookup } from './br_fdb_learn';
import { brNfDevQueueXmit, brNfForward } from './br_netfilter';
import { xaGet } from '../xarray';

/** should_deliver(): a port in forwarding state, not the one the frame came in on (unless hairpin). */
function shouldDeliver(port: NetDevice, from: DevId | null): boolean {
  if (!port.port || port.port.state !== 'forwarding') return false;
  return port.id !== from || port.port.hairpin;
}

/**
 * __br_forward(): the bridge-netfilter hooks for a bridged frame, then the port's own xmit. `from` is null
 * for frames the host sends through the bridge device (br_dev_xmit: no bridge-level IPv4 hooks).
 */
function deliver(ctx: KernelCtx, br: BridgeDevice, to: NetDevice, from: DevId | null, pkt: Packet): void {
  if (from !== null && brNfForward(ctx, br, from, to.id, pkt) === 'DROP') return;
  if (pkt.fragMax !== undefined) brNfDevQueueXmit(ctx, to, pkt, (frag) => lowerXmit(ctx, to, frag));
  else lowerXmit(ctx, to, pkt);
}

/** br_forward(): a known unicast destination behind port `to`. */
export function brForward(
  ctx: KernelCtx,
  br: BridgeDevice,
  to: DevId,
  from: DevId | null,
  pkt: Packet,
): void {
  const port = xaGet(ctx.k.devices, to);
  if (!port || !shouldDeliver(port, from)) {
    const why =
      port && port.id === from
        ? `the destination ${pkt.eth?.dst} is behind the port it came in on`
        : 'the port is not forwarding';
    kfreeSkb(
      ctx,
      br.ns,
      pkt,
      port?.port?.state !== 'forwarding' ? 'BRIDGE_NOT_FORWARDING' : 'NOT_SPECIFIED',
      to,
      why,
    );
    return;
  }
  ctx.trace({
    kind: 'br_forward',
    atUs: ctx.clock.nowUs,
    ns: br.ns,
    pkt: pkt.id,
    summary: `${br.name}: ${pkt.eth?.dst} is behind ${port.name}: ${pktSummary(pkt)}`,
    bridge: br.id,
    from,
    to,
    fdbMac: pkt.eth?.dst ?? '',
  });
  deliver(ctx, br, port, from, pkt);
}

/**
 * br_flood(): a copy to every port that should get it. Broadcasts go to ports with BR_BCAST_FLOOD,
 * multicast to BR_MCAST_FLOOD, unknown unicast to BR_FLOOD. Returns how many ports got a copy.
 */
export function brFlood(ctx: KernelCtx, br: BridgeDevice, from: DevId | null, pkt: Packet): number {
  const dst = pkt.eth?.dst ?? BROADCAST_MAC;
  const why = dst === BROADCAST_MAC ? 'broadcast' : isMulticastMac(dst) ? 'multicast' : 'unknown-unicast';
  const targets: NetDevice[] = [];
  for (const id of br.bridge.ports) {
    const p = xaGet(ctx.k.devices, id);
    if (!p?.port || !shouldDeliver(p, from)) continue;
    const flag =
      why === 'broadcast' ? p.port.bcastFlood : why === 'multicast' ? p.port.mcastFlood : p.port.flood;
    if (flag === false) continue;
    // BR_ISOLATED: isolated ports do not talk to each other.
    const fromPort = from ? xaGet(ctx.k.devices, from) : undefined;
    if (p.port.isolated && fromPort?.port?.isolated) continue;
    targets.push(p);
  }
  const names = targets.map((t) => t.name).join(', ');
  ctx.trace({
    kind: 'br_flood',
    atUs: ctx.clock.nowUs,
    ns: br.ns,
    pkt: pkt.id,
    summary: `${br.name}: flood (${why}) to ${names || 'no port'}: ${pktSummary(pkt)}`,
    bridge: br.id,
    from,
    to: targets.map((t) => t.id),
    why,
  });
  for (const t of targets) deliver(ctx, br, t, from, cloneSkb(pkt));
  return targets.length;
}

/** br_dev_xmit(): the host sends a frame out of the bridge device. */
export function brDevXmit(ctx: KernelCtx, br: BridgeDevice, pkt: Packet): void {
  if (!br.adminUp) {
    br.stats.txDropped++;
    kfreeSkb(ctx, br.ns, pkt, 'DEV_READY', br.id, `${br.name} is down`);
    return;
  }
  txAccount(ctx, br, pkt);
  const dst = pkt.eth?.dst ?? BROADCAST_MAC;
  if (dst === BROADCAST_MAC || isMulticastMac(dst)) {
    if (brFlood(ctx, br, null, pkt) === 0) kfreeSkb(ctx, br.ns, pkt, 'BRIDGE_NO_PORT', br.id);
    return;
  }
  const e = fdbLookup(ctx, br, dst);
  if (e && e.kind !== 'local') {
    e.usedUs = ctx.clock.nowUs;
    brForward(ctx, br, e.dev, null, pkt);
    return;
  }
  if (e) {
    kfreeSkb(ctx, br.ns, pkt, 'NOT_SPECIFIED', br.id, `${dst} is the bridge's own address`);
    return;
  }
  if (brFlood(ctx, br, null, pkt) === 0) kfreeSkb(ctx, br.ns, pkt, 'BRIDGE_NO_PORT', br.id);
}
