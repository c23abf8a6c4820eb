/**
 * Transmission on devices that put frames on a "wire": dev_hard_start_xmit() into the drivers
 * veth_xmit (drivers/net/veth.c), loopback_xmit (drivers/net/loopback.c) and a NIC whose cable ends in
 * another NIC (ether.ts). The frame arrives at the other end after a small simulated latency, as an `rx`
 * event in the queue: that is where a packet's hops become visible one by one.
 *
 * A bridge device's own xmit (br_dev_xmit) is in bridge/br_forward.ts; netdev/dev_queue_xmit.ts picks.
 *
 * What crosses a veth is scrubbed (skb_scrub_packet from __dev_forward_skb): conntrack and bridge-netfilter
 * state always, the mark only when the peer is in another namespace. Loopback keeps both (the same stack
 * sees the packet again).
 */
import type { KernelCtx } from '../context';
import { peekOf } from '../context';
import { skbHeaders } from '../trace';
import { schedule } from '../sched_queue';
import { kfreeSkb } from '../skbuff';
import { frameLen, pktSummary } from '../trace_fmt';
import type { NetDevice, Packet } from '../types';
import { xaGet } from '../xarray';

/**
 * Time from a driver's xmit to the frame's netif_receive_skb at the other end: tens of microseconds, with a
 * deterministic jitter derived from the packet and the hop (no PRNG draw, so pinging does not change the
 * MACs the next `ip link add` picks).
 */
export function hopLatencyUs(dev: NetDevice, pkt: Packet, nowUs: number): number {
  const base = dev.kind === 'loopback' ? 14 : dev.kind === 'ether' ? 30 : 22;
  let h = (pkt.id * 2654435761 + dev.ifindex * 40503 + Math.floor(nowUs / 7)) >>> 0;
  h = (h ^ (h >>> 15)) >>> 0;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h = (h ^ (h >>> 12)) >>> 0;
  return base + (h % 17);
}

/**
 * Queue the frame's arrival at `to`. A link is FIFO (a veth or the loopback device feeds the receiver's
 * backlog in order): nothing overtakes a frame already on its way to the same device.
 */
function deliverLater(ctx: KernelCtx, from: NetDevice, to: NetDevice, pkt: Packet): void {
  let at = ctx.clock.nowUs + hopLatencyUs(from, pkt, ctx.clock.nowUs);
  const peek = peekOf(ctx);
  for (const x of peek(ctx.k.queue)) {
    const e = peek(x);
    if (e.kind === 'rx' && e.dev === to.id && e.atUs > at) at = e.atUs;
  }
  schedule(ctx, { kind: 'rx', atUs: at, dev: to.id, pkt });
}

/** The net_dev_xmit tracepoint and the device's tx counters (`ok` false: the driver dropped it). */
export function txAccount(ctx: KernelCtx, dev: NetDevice, pkt: Packet, ok = true): void {
  const len = frameLen(pkt);
  if (ok) {
    dev.stats.txPackets++;
    dev.stats.txBytes += len;
  } else {
    dev.stats.txDropped++;
  }
  ctx.trace({
    kind: 'net_dev_xmit',
    atUs: ctx.clock.nowUs,
    ns: dev.ns,
    pkt: pkt.id,
    summary: pktSummary(pkt),
    dev: dev.id,
    len,
    skb: skbHeaders(pkt, ctx.peek),
  });
}

/**
 * __dev_queue_xmit() for a veth, a NIC or loopback: a device that is not up drops the frame
 * (SKB_DROP_REASON_DEV_READY); otherwise the driver sends it towards the other end.
 */
export function lowerXmit(ctx: KernelCtx, dev: NetDevice, pkt: Packet): void {
  if (!dev.adminUp) {
    dev.stats.txDropped++;
    kfreeSkb(ctx, dev.ns, pkt, 'DEV_READY', dev.id, `${dev.name} is down`);
    return;
  }
  switch (dev.kind) {
    case 'veth': {
      const peer = xaGet(ctx.k.devices, dev.peer);
      // veth_forward_skb -> __dev_forward_skb: is_skb_forwardable() wants the peer up, and the frame no
      // longer than the peer's MTU + its header + a VLAN tag (a big reply to a device whose MTU was
      // lowered is dropped there, and counted in the peer's rx_dropped).
      const up = !!peer && peer.adminUp;
      const fits = !peer || frameLen(pkt) <= peer.mtu + 14 + 4;
      txAccount(ctx, dev, pkt, up && fits);
      if (!peer || !up) {
        kfreeSkb(ctx, dev.ns, pkt, 'VETH_PEER_DOWN', dev.id, `the other end of ${dev.name} is down`);
        return;
      }
      if (!fits) {
        peer.stats.rxDropped++;
        kfreeSkb(
          ctx,
          dev.ns,
          pkt,
          'PKT_TOO_BIG',
          dev.id,
          `${frameLen(pkt)} bytes exceed ${peer.name}'s MTU ${peer.mtu}`,
        );
        return;
      }
      pkt.ct = null;
      pkt.brnf = false;
      if (peer.ns !== dev.ns) pkt.mark = 0;
      deliverLater(ctx, dev, peer, pkt);
      return;
    }
    case 'ether': {
      const other = dev.wire ? xaGet(ctx.k.devices, dev.wire) : undefined;
      const ok = !!other && other.adminUp && dev.carrier;
      txAccount(ctx, dev, pkt, ok);
      if (!other || !ok) {
        kfreeSkb(
          ctx,
          dev.ns,
          pkt,
          'CABLE_UNPLUGGED',
          dev.id,
          `nothing answers at the other end of ${dev.name}'s cable`,
        );
        return;
      }
      // A new skb on the other machine: nothing of this stack's state travels with it.
      pkt.ct = null;
      pkt.brnf = false;
      pkt.mark = 0;
      deliverLater(ctx, dev, other, pkt);
      return;
    }
    case 'loopback':
      txAccount(ctx, dev, pkt);
      deliverLater(ctx, dev, dev, pkt);
      return;
    case 'bridge':
      throw new Error('kernel: lowerXmit on a bridge (use devQueueXmit)');
  }
}
