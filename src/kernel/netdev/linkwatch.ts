/**
 * Carrier and operstate, after net/core/link_watch.c and dev.c.
 *
 * - `carrier` (LOWER_UP) changes through netif_carrier_on/off, which fire a linkwatch event.
 * - `operstate` is what the last linkwatch run computed with default_operstate(): it does not look at the
 *   administrative state, and a device no event ever touched keeps IF_OPER_UNKNOWN (a new bridge, lo).
 *   Dumps report it only while the device is up (rtnl_fill_ifinfo: DOWN otherwise): use
 *   `reportedOperstate()`. RUNNING (and NO-CARRIER) follow the reported value, LOWER_UP the carrier.
 * - A veth's carrier follows both ends being up (veth_open/veth_close); a NIC's both ends of its cable.
 * - A bridge's carrier is only set by br_port_state_selection(): on when a port is not disabled, off
 *   otherwise; it runs when ports come, go or change state and when the bridge id changes, not when a bridge
 *   without active ports is opened (that is why a fresh bridge shows UNKNOWN with LOWER_UP, and Docker's
 *   bridges, whose MAC is set, show NO-CARRIER until a port forwards).
 * - Events are processed at once, except those raised from a namespace's asynchronous teardown
 *   (cleanup_net runs in a workqueue; linkwatch batches them up to a second later).
 * A device becoming ready (operstate UP or UNKNOWN while up) starts IPv6 on it (addrconf_notify).
 */
import type { KernelCtx } from '../context';
import { peekDev, peekNs, peekOf } from '../context';
import type { BridgeDevice, BridgePort, DevId, NetDevice, OperState } from '../types';
import { addrconfLinkReady } from '../ipv6/addrconf';
import { xaGet } from '../xarray';

/** Linkwatch runs at most once a second for non-urgent events. */
export const LINKWATCH_DELAY_US = 1_000_000;

export interface LinkEventOpts {
  /** Raised from an asynchronous namespace teardown: published by linkwatch's next run, not at once. */
  deferred?: boolean;
}

/** The operstate a dump reports: linkwatch's value while the device is up, DOWN otherwise. */
export function reportedOperstate(dev: NetDevice): OperState {
  return dev.adminUp ? dev.operstate : 'DOWN';
}

/** netif_oper_up() while running: what RUNNING and IPv6's "link ready" mean. */
export function isRunning(dev: NetDevice): boolean {
  const o = reportedOperstate(dev);
  return o === 'UP' || o === 'UNKNOWN';
}

/** default_operstate() (6.x): carrier, else whether the lower device (looked up in our own netns) has one. */
function defaultOperstate(ctx: KernelCtx, dev: NetDevice): OperState {
  if (dev.carrier) return 'UP';
  if (dev.kind === 'veth') {
    const peek = peekOf(ctx);
    const peerIndex = peekDev(ctx, dev.peer)?.ifindex;
    const n = peekNs(ctx, dev.ns);
    const id = peerIndex === undefined || !n ? undefined : peek(n.byIndex)[peerIndex];
    const local = id === undefined ? undefined : peekDev(ctx, id);
    if (!local || local.id === dev.id) return 'DOWN';
    return local.carrier ? 'DOWN' : 'LOWERLAYERDOWN';
  }
  return 'DOWN';
}

/** The carrier a veth or NIC has from the state of both ends (bridges and lo are not computed). */
function linkCarrier(ctx: KernelCtx, dev: NetDevice): boolean | null {
  switch (dev.kind) {
    case 'veth': {
      const peer = peekDev(ctx, dev.peer);
      return dev.adminUp && !!peer && peer.adminUp;
    }
    case 'ether': {
      const other = dev.wire ? peekDev(ctx, dev.wire) : undefined;
      return dev.adminUp && !!other && other.adminUp;
    }
    case 'loopback':
    case 'bridge':
      return null;
  }
}

/** netif_carrier_on/off: a change fires a linkwatch event. */
export function setCarrier(ctx: KernelCtx, dev: NetDevice, on: boolean, opts: LinkEventOpts = {}): void {
  if (dev.carrier === on) return;
  dev.carrier = on;
  fireLinkwatch(ctx, dev, opts);
  // The lower-layer state of a veth end depends on its peer's carrier (default_operstate).
  if (dev.kind === 'veth') {
    const peer = peekDev(ctx, dev.peer);
    const draft = peer && !peer.carrier ? xaGet(ctx.k.devices, dev.peer) : undefined;
    if (draft) fireLinkwatch(ctx, draft, opts);
  }
}

/** linkwatch_fire_event() without a carrier change (a driver's netif_carrier_off on a device still off). */
export function linkwatchFire(ctx: KernelCtx, dev: NetDevice): void {
  fireLinkwatch(ctx, dev, {});
}

function fireLinkwatch(ctx: KernelCtx, dev: NetDevice, opts: LinkEventOpts): void {
  if (!opts.deferred) {
    linkwatchDo(ctx, dev);
    return;
  }
  const { k } = ctx;
  if (k.queue.some((e) => e.kind === 'linkwatch' && e.dev === dev.id)) return;
  const atUs = ctx.clock.nowUs + LINKWATCH_DELAY_US;
  const ev = { kind: 'linkwatch' as const, atUs, seq: k.nextEventSeq++, dev: dev.id };
  const at = k.queue.findIndex((e) => e.atUs > atUs);
  if (at < 0) k.queue.push(ev);
  else k.queue.splice(at, 0, ev);
}

/** The scheduler's deferred linkwatch run for one device. */
export function linkwatchRun(ctx: KernelCtx, id: DevId): void {
  const dev = xaGet(ctx.k.devices, id);
  if (dev) linkwatchDo(ctx, dev);
}

/** linkwatch_do_dev(): rfc2863_policy, then NETDEV_CHANGE for whoever listens. */
function linkwatchDo(ctx: KernelCtx, dev: NetDevice): void {
  const wasRunning = isRunning(dev);
  const oper = defaultOperstate(ctx, dev);
  if (oper !== dev.operstate) {
    dev.operstate = oper;
    ctx.trace({
      kind: 'link_change',
      atUs: ctx.clock.nowUs,
      ns: dev.ns,
      pkt: null,
      dev: dev.id,
      summary: `${dev.name}: state ${reportedOperstate(dev)}`,
      detail: reportedOperstate(dev),
    });
  }
  netdevChanged(ctx, dev, wasRunning);
}

/**
 * After the device's running state may have changed (linkwatch, open, close): IPv6 starts on a device the
 * first time it is ready, and a port's state follows its link (br_port_carrier_check).
 */
export function netdevChanged(ctx: KernelCtx, dev: NetDevice, wasRunning: boolean): void {
  if (!wasRunning && isRunning(dev) && dev.kind !== 'loopback') addrconfLinkReady(ctx, dev.id);
  if (dev.master) portLinkChanged(ctx, dev.id);
}

/**
 * Recompute what depends on the state of both ends of a link after one end opened or closed (veth_open,
 * veth_close; a NIC's cable), then let a bridge re-examine its ports.
 */
export function updateLinkState(ctx: KernelCtx, id: DevId, opts: LinkEventOpts = {}): void {
  const dev = xaGet(ctx.k.devices, id);
  if (!dev) return;
  if (dev.kind === 'bridge') {
    bridgeReexamine(ctx, dev, opts);
    return;
  }
  const carrier = linkCarrier(ctx, dev);
  if (carrier !== null) setCarrier(ctx, dev, carrier, opts);
  if (dev.master) portLinkChanged(ctx, id, opts);
}

/**
 * br_port_carrier_check / br_stp_enable_port / br_stp_disable_port: with STP off a port forwards as soon as
 * it and its bridge are up and its link is running, and is disabled otherwise; a state the user set
 * (learning) is kept while enabled. A change runs the bridge's port state selection.
 */
function portLinkChanged(ctx: KernelCtx, portId: DevId, opts: LinkEventOpts = {}): void {
  // Read through peek; the port and its bridge are drafted only when the port's state changes.
  const seen = peekDev(ctx, portId);
  const state = peekOf(ctx)(seen?.port)?.state;
  if (!seen || state === undefined || !seen.master) return;
  const brSeen = peekDev(ctx, seen.master);
  if (!brSeen || brSeen.kind !== 'bridge') return;
  const next = portStateFor(brSeen, seen, state);
  if (next === state) return;
  const port = xaGet(ctx.k.devices, portId);
  const br = xaGet(ctx.k.devices, seen.master);
  if (!port?.port || br?.kind !== 'bridge') return;
  port.port.state = next;
  brPortStateSelection(ctx, br, opts);
}

/**
 * The state a port is given now: disabled unless it and its bridge are up and running; a disabled port that
 * comes up forwards at once (no STP); any other state is kept.
 */
function portStateFor(br: NetDevice, port: NetDevice, state: BridgePort['state']): BridgePort['state'] {
  if (!(br.adminUp && port.adminUp && isRunning(port))) return 'disabled';
  return state === 'disabled' ? 'forwarding' : state;
}

/** Re-examine every port of a bridge (bridge opened or closed, br_stp_enable/disable_bridge). */
function bridgeReexamine(ctx: KernelCtx, br: BridgeDevice, opts: LinkEventOpts): void {
  let changed = false;
  // Read through peek; only a port whose state changes is drafted.
  const peek = peekOf(ctx);
  for (const p of peek(peek(peek(br).bridge).ports)) {
    const seen = peekDev(ctx, p);
    const state = peek(seen?.port)?.state;
    if (!seen || state === undefined) continue;
    const next = portStateFor(br, seen, state);
    if (next === state) continue;
    const port = xaGet(ctx.k.devices, p);
    if (port?.port) port.port.state = next;
    changed = true;
  }
  if (changed) brPortStateSelection(ctx, br, opts);
}

/** br_port_state_selection(): the bridge has carrier while any port is not disabled. */
export function brPortStateSelection(ctx: KernelCtx, br: BridgeDevice, opts: LinkEventOpts = {}): void {
  const peek = peekOf(ctx);
  const live = peek(peek(peek(br).bridge).ports).some((p) => {
    const s = peek(peekDev(ctx, p)?.port)?.state;
    return s !== undefined && s !== 'disabled';
  });
  setCarrier(ctx, br, live, opts);
}
