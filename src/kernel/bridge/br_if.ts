/**
 * Bridge ports (net/bridge/br_if.c): br_add_if / br_del_if, port numbering (find_portno: lowest free from 1),
 * the bridge MAC following the lowest port MAC unless it was set (br_stp_recalculate_bridge_id), MTU
 * following the smallest port (br_mtu_auto_adjust), and what happens when a port or bridge goes away.
 */
import type { Mac } from '../../lib';
import { ZERO_MAC } from '../../lib';
import type { KernelCtx } from '../context';
import { devOf } from '../context';
import { kerr, kok, type KResult } from '../errno';
import type { BridgeDevice, DevId, NetDevice } from '../types';
import { brPortStateSelection, updateLinkState, type LinkEventOpts } from '../netdev/linkwatch';
import { fdbAddLocal, fdbChangeBridgeMac, fdbChangePortMac, fdbDeletePort } from './br_fdb';
import { xaGet } from '../xarray';

function bridgeOf(ctx: KernelCtx, id: DevId): BridgeDevice | null {
  const d = xaGet(ctx.k.devices, id);
  return d && d.kind === 'bridge' ? d : null;
}

/**
 * br_stp_recalculate_bridge_id(): an unset bridge MAC tracks the numerically smallest port MAC, and becomes
 * 00:00:00:00:00:00 when the last port leaves (seen on 6.18: `link/ether 00:00:00:00:00:00`, no local fdb
 * entry, bridge id 8000.000000000000).
 */
function recalcBridgeMac(ctx: KernelCtx, br: BridgeDevice): boolean {
  if (br.bridge.macSetByUser) return false;
  let min: string | null = null;
  for (const p of br.bridge.ports) {
    const mac = xaGet(ctx.k.devices, p)?.mac;
    if (mac && (min === null || mac < min)) min = mac;
  }
  min ??= ZERO_MAC;
  if (min === br.mac) return false;
  const old = br.mac;
  br.mac = min;
  fdbChangeBridgeMac(ctx, br, old);
  return true;
}

export function brAddIf(ctx: KernelCtx, brId: DevId, portId: DevId): KResult<void> {
  const br = bridgeOf(ctx, brId);
  const dev = devOf(ctx.k, portId);
  if (!br) return kerr('EOPNOTSUPP');
  // Non-Ethernet devices and invalid MACs first (a bridge that lost its ports has 00:..:00), then bridges.
  if (dev.kind === 'loopback' || dev.mac === ZERO_MAC) return kerr('EINVAL');
  if (dev.kind === 'bridge') return kerr('ELOOP', 'Can not enslave a bridge to a bridge');
  if (dev.ns !== br.ns) return kerr('ENODEV');
  if (dev.master === brId) return kok(undefined);
  if (dev.master) return kerr('EBUSY');
  br.bridge.gsoLimitsSet = true;
  const used = new Set(br.bridge.ports.map((p) => xaGet(ctx.k.devices, p)?.port?.portNo));
  let portNo = 1;
  while (used.has(portNo)) portNo++;
  dev.master = brId;
  dev.port = {
    portNo,
    state: 'disabled',
    priority: 32,
    cost: 2,
    hairpin: false,
    learning: true,
    flood: true,
    guard: false,
    rootBlock: false,
    fastLeave: false,
    mcastFlood: true,
    bcastFlood: true,
    mcastToUnicast: false,
    neighSuppress: false,
    vlanTunnel: false,
    isolated: false,
    locked: false,
    mcastRouter: 1,
  };
  br.bridge.ports.push(portId);
  fdbAddLocal(ctx, br, portId, dev.mac);
  // A new bridge id (the MAC followed the port) re-runs the port state selection (br_stp_change_bridge_id).
  if (recalcBridgeMac(ctx, br)) brPortStateSelection(ctx, br);
  if (!br.mtuSetByUser) {
    br.mtu = Math.min(...br.bridge.ports.map((p) => xaGet(ctx.k.devices, p)?.mtu ?? 1500));
  }
  // br_stp_enable_port() when the port's link is running: its state change runs the selection.
  updateLinkState(ctx, portId);
  return kok(undefined);
}

export function brDelIf(ctx: KernelCtx, portId: DevId, opts: LinkEventOpts = {}): KResult<void> {
  const dev = devOf(ctx.k, portId);
  if (!dev.master) return kok(undefined);
  const br = bridgeOf(ctx, dev.master);
  const wasLive = dev.port !== null && dev.port.state !== 'disabled';
  dev.master = null;
  dev.port = null;
  if (!br) return kok(undefined);
  br.bridge.ports = br.bridge.ports.filter((p) => p !== portId);
  br.bridge.gsoLimitsSet = true;
  fdbDeletePort(ctx, br, portId);
  // br_stp_disable_port() of a live port, or a new bridge id, re-runs the port state selection.
  if (recalcBridgeMac(ctx, br) || wasLive) brPortStateSelection(ctx, br, opts);
  return kok(undefined);
}

/** br_device_event(NETDEV_UNREGISTER) for a port, and br_dev_delete for a bridge (ports are released). */
export function brDeviceGone(ctx: KernelCtx, dev: NetDevice, opts: LinkEventOpts = {}): void {
  if (dev.master) brDelIf(ctx, dev.id, opts);
  if (dev.kind === 'bridge') {
    for (const p of [...dev.bridge.ports]) brDelIf(ctx, p, opts);
  }
}

/** NETDEV_CHANGEADDR of a port (br_device_event): its local entry follows, then the bridge id is recomputed. */
export function brPortMacChanged(ctx: KernelCtx, portId: DevId, oldMac: Mac): void {
  const dev = devOf(ctx.k, portId);
  const br = dev.master ? bridgeOf(ctx, dev.master) : null;
  if (!br) return;
  fdbChangePortMac(ctx, br, portId, oldMac, dev.mac);
  recalcBridgeMac(ctx, br);
}

/**
 * br->bridge_id's address: it is set (with the MAC) by br_stp_change_bridge_id() whenever the MAC is set by
 * the user or recomputed from the ports, so a bridge that never had a port nor a MAC set by the user still
 * has the all-zero id it was created with (`brctl show`: 8000.000000000000), whatever its random MAC.
 */
export function bridgeIdMac(br: BridgeDevice): Mac {
  return br.bridge.macSetByUser || br.bridge.ports.length > 0 ? br.mac : ZERO_MAC;
}
