/**
 * Carrier and operstate, after net/core/link_watch.c and dev.c: netif_carrier_on/off, default_operstate(),
 * and linkwatch's deferral of non-urgent events. A port's carrier change propagates to its bridge
 * (br_port_carrier_check), and a device's first "ready" starts IPv6 on it (addrconf_notify NETDEV_CHANGE).
 */
import type { KernelCtx } from '../context';
import { nsOf } from '../context';
import type { DevId, NetDevice, OperState } from '../types';
import { addrconfLinkReady } from '../ipv6/addrconf';

/** What the device's carrier should be now, from its own state and what it is connected to. */
function computeCarrier(ctx: KernelCtx, dev: NetDevice): boolean {
  if (!dev.adminUp) return false;
  switch (dev.kind) {
    case 'loopback':
      return true;
    case 'veth': {
      const peer = ctx.k.devices[dev.peer];
      return !!peer && peer.adminUp;
    }
    case 'ether': {
      const other = dev.wire ? ctx.k.devices[dev.wire] : undefined;
      return !!other && other.adminUp;
    }
    case 'bridge':
      // br_port_carrier_check / br_stp: the bridge has carrier when a port is forwarding with carrier.
      return dev.bridge.ports.some((p) => {
        const port = ctx.k.devices[p];
        return !!port && port.carrier && port.adminUp && port.port?.state === 'forwarding';
      });
  }
}

/** default_operstate(), given the carrier. */
function computeOperstate(ctx: KernelCtx, dev: NetDevice): OperState {
  if (dev.kind === 'loopback') return dev.adminUp ? 'UNKNOWN' : 'DOWN';
  if (!dev.adminUp) return 'DOWN';
  if (dev.carrier) return 'UP';
  if (dev.kind === 'veth') {
    // iflink is the peer's ifindex, looked up in the device's *own* namespace (as 6.x does).
    const id = nsOf(ctx.k, dev.ns).byIndex[ctx.k.devices[dev.peer]?.ifindex ?? -1];
    const local = id === undefined ? undefined : ctx.k.devices[id];
    if (!local || local.id === dev.id) return 'DOWN';
    return local.carrier ? 'DOWN' : 'LOWERLAYERDOWN';
  }
  return 'DOWN';
}

/** Linkwatch delays non-urgent events (a device without a lower link losing carrier) to its next run. */
export const LINKWATCH_DELAY_US = 1_000_000;

/**
 * netif_carrier_on/off + linkwatch: recompute carrier now, and publish the operstate either at once
 * (urgent: stacked devices such as veth, or carrier coming up) or after the linkwatch delay.
 */
export function updateLinkState(ctx: KernelCtx, id: DevId): void {
  const dev = ctx.k.devices[id];
  if (!dev) return;
  if (dev.kind === 'bridge') for (const p of dev.bridge.ports) updatePortState(ctx, p);
  const carrier = computeCarrier(ctx, dev);
  const carrierChanged = carrier !== dev.carrier;
  dev.carrier = carrier;
  const oper = computeOperstate(ctx, dev);
  if (oper !== dev.operstate) {
    const urgent = dev.kind === 'veth' || dev.kind === 'loopback' || oper === 'UP' || !dev.adminUp;
    if (urgent) publishOperstate(ctx, dev, oper);
    else scheduleLinkwatch(ctx, dev);
  }
  if (dev.master) {
    const before = dev.port?.state;
    updatePortState(ctx, id);
    if (carrierChanged || before !== dev.port?.state) updateLinkState(ctx, dev.master);
  }
}

/**
 * br_port_carrier_check / br_stp_enable_port: with STP off a port forwards as soon as both it and its
 * bridge are up and it has carrier, and is disabled otherwise.
 */
function updatePortState(ctx: KernelCtx, portId: DevId): void {
  const port = ctx.k.devices[portId];
  if (!port?.port || !port.master) return;
  const br = ctx.k.devices[port.master];
  const on = !!br && br.adminUp && port.adminUp && port.carrier;
  // br_stp_enable_port() only acts on a disabled port: a state set by the user (learning) stays.
  if (!on) port.port.state = 'disabled';
  else if (port.port.state === 'disabled') port.port.state = 'forwarding';
}

function scheduleLinkwatch(ctx: KernelCtx, dev: NetDevice): void {
  const { k } = ctx;
  if (k.queue.some((e) => e.kind === 'linkwatch' && e.dev === dev.id)) return;
  const atUs = ctx.clock.nowUs + LINKWATCH_DELAY_US;
  const ev = { kind: 'linkwatch' as const, atUs, seq: k.nextEventSeq++, dev: dev.id };
  const at = k.queue.findIndex((e) => e.atUs > atUs);
  if (at < 0) k.queue.push(ev);
  else k.queue.splice(at, 0, ev);
}

/** The linkwatch run for one device (called by the scheduler when the deferred event is due). */
export function linkwatchRun(ctx: KernelCtx, id: DevId): void {
  const dev = ctx.k.devices[id];
  if (!dev) return;
  const oper = computeOperstate(ctx, dev);
  if (oper !== dev.operstate) publishOperstate(ctx, dev, oper);
}

function publishOperstate(ctx: KernelCtx, dev: NetDevice, oper: OperState): void {
  const wasUp = dev.operstate === 'UP' || dev.operstate === 'UNKNOWN';
  dev.operstate = oper;
  const isUp = oper === 'UP' || oper === 'UNKNOWN';
  ctx.trace({
    kind: 'link_change',
    atUs: ctx.clock.nowUs,
    ns: dev.ns,
    pkt: null,
    dev: dev.id,
    summary: `${dev.name}: state ${oper}`,
    detail: oper,
  });
  // NETDEV_CHANGE: IPv6 starts on a device the first time it is ready (addrconf_notify).
  if (isUp && !wasUp && dev.kind !== 'loopback') addrconfLinkReady(ctx, dev.id);
}
