/**
 * A frame arriving on a bridge port (net/bridge/br_input.c): br_handle_frame() checks the source and the
 * port state, br_netfilter's PREROUTING runs for IPv4 (br_netfilter_pre.ts), then br_handle_frame_finish()
 * learns the source MAC, and sends the frame on: to the bridge device itself when the destination is one
 * of the bridge's own addresses (br_pass_frame_up), to the one port the destination was learned on
 * (br_forward), or to every other port (br_flood) for broadcast, multicast and unknown unicast. Broadcast
 * and multicast frames also go up to the bridge device.
 */
import { BROADCAST_MAC, ZERO_MAC, isMulticastMac } from '../../lib';
import type { KernelCtx } from '../context';
import { ptypeDeliver, rxAccount } from '../netdev/ptype';
import { cloneSkb, consumeSkb, kfreeSkb } from '../skbuff';
import { frameLen, pktSummary } from '../trace_fmt';
import type { BridgeDevice, NetDevice, Packet } from '../types';
import { fdbLookup, fdbUpdate } from './br_fdb_learn';
import { brFlood, brForward } from './br_forward';
import { brNfDefrag, brNfPreRouting } from './br_netfilter_pre';

/** br_pass_frame_up(): the bridge device receives the frame (its counters exclude the Ethernet header). */
function passFrameUp(ctx: KernelCtx, br: BridgeDevice, port: NetDevice, pkt: Packet, forHost: boolean): void {
  if (!br.adminUp) {
    kfreeSkb(ctx, br.ns, pkt, 'DEV_READY', br.id, `${br.name} is down`);
    return;
  }
  ctx.trace({
    kind: 'br_local',
    atUs: ctx.clock.nowUs,
    ns: br.ns,
    pkt: pkt.id,
    summary: `${br.name}: up to the host (from ${port.name}): ${pktSummary(pkt)}`,
    bridge: br.id,
    from: port.id,
  });
  rxAccount(ctx, br, pkt, frameLen(pkt) - 14);
  ptypeDeliver(ctx, br, pkt, forHost ? 'host' : undefined);
}

/** br_handle_frame() + br_handle_frame_finish() for a frame received on `port` of `br`. */
export function brHandleFrame(ctx: KernelCtx, br: BridgeDevice, port: NetDevice, frame: Packet): void {
  const eth = frame.eth;
  if (!eth || eth.src === ZERO_MAC || isMulticastMac(eth.src)) {
    kfreeSkb(ctx, br.ns, frame, 'NOT_SPECIFIED', port.id, 'invalid source MAC address');
    return;
  }
  const state = port.port?.state ?? 'disabled';
  if (state !== 'forwarding' && state !== 'learning') {
    kfreeSkb(ctx, br.ns, frame, 'BRIDGE_NOT_FORWARDING', port.id, `${port.name} is ${state}`);
    return;
  }
  // IEEE 802.1D link-local group (STP BPDUs, LLDP, pause): consumed by the bridge, not forwarded.
  if (eth.dst.startsWith('01:80:c2:00:00:')) {
    consumeSkb(ctx, br.ns, frame, port.id, 'link-local group address: not forwarded by a bridge');
    return;
  }
  const pkt = brNfDefrag(ctx, br, port, frame);
  if (!pkt) return;
  const nf = brNfPreRouting(ctx, br, port, pkt);
  if (nf !== 'ACCEPT') return;

  if (port.port?.learning) fdbUpdate(ctx, br, port.id, eth.src, pkt);
  if (state === 'learning') {
    consumeSkb(ctx, br.ns, pkt, port.id, `${port.name} is learning: frames are not forwarded yet`);
    return;
  }
  const dst = pkt.eth?.dst ?? BROADCAST_MAC;
  if (dst === BROADCAST_MAC || isMulticastMac(dst)) {
    brFlood(ctx, br, port.id, pkt);
    passFrameUp(ctx, br, port, cloneSkb(pkt), false);
    return;
  }
  const e = fdbLookup(ctx, br, dst);
  if (e && e.kind === 'local') {
    passFrameUp(ctx, br, port, pkt, true);
    return;
  }
  if (e) {
    e.usedUs = ctx.clock.nowUs;
    brForward(ctx, br, e.dev, port.id, pkt);
    return;
  }
  if (brFlood(ctx, br, port.id, pkt) === 0) {
    kfreeSkb(
      ctx,
      br.ns,
      pkt,
      'BRIDGE_NO_PORT',
      port.id,
      `${dst} is unknown and ${br.name} has no other port to flood to`,
    );
  }
}
