/**
 * Bridge ports (net/bridge/br_if.c): br_add_if / br_del_if, port numbering (find_portno: lowest free from 1),
 * the bridge MAC following the lowest port MAC unless it was set (br_stp_recalculate_bridge_id), MTU
 * following the smallest port (br_mtu_auto_adjust), and what happens when a port or bridge goes away.
 */
import type { KernelCtx } from '../context';
import { devOf } from '../context';
import { kerr, kok, type KResult } from '../errno';
import type { BridgeDevice, DevId, NetDevice } from '../types';
import { updateLinkState } from '../netdev/linkwatch';
import { fdbAddLocal, fdbChangeBridgeMac, fdbDeletePort } from './br_fdb';

function bridgeOf(ctx: KernelCtx, id: DevId): BridgeDevice | null {
  const d = ctx.k.devices[id];
  return d && d.kind === 'bridge' ? d : null;
}

/** br_stp_recalculate_bridge_id(): an unset bridge MAC tracks the numerically smallest port MAC. */
function recalcBridgeMac(ctx: KernelCtx, br: BridgeDevice): void {
  if (br.bridge.macSetByUser || br.bridge.ports.length === 0) return;
  let min: string | null = null;
  for (const p of br.bridge.ports) {
    const mac = ctx.k.devices[p]?.mac;
    if (mac && (min === null || mac < min)) min = mac;
  }
  if (min && min !== br.mac) {
    const old = br.mac;
    br.mac = min;
    fdbChangeBridgeMac(ctx, br, old);
  }
}

export function brAddIf(ctx: KernelCtx, brId: DevId, portId: DevId): KResult<void> {
  const br = bridgeOf(ctx, brId);
  const dev = devOf(ctx.k, portId);
  if (!br) return kerr('EOPNOTSUPP');
  if (dev.id === br.id || dev.kind === 'bridge') return kerr('ELOOP');
  if (dev.kind === 'loopback') return kerr('EINVAL');
  if (dev.ns !== br.ns) return kerr('ENODEV');
  if (dev.master === brId) return kok(undefined);
  if (dev.master) return kerr('EBUSY');
  const used = new Set(br.bridge.ports.map((p) => ctx.k.devices[p]?.port?.portNo));
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
  };
  br.bridge.ports.push(portId);
  fdbAddLocal(ctx, br, portId, dev.mac);
  recalcBridgeMac(ctx, br);
  if (!br.mtuSetByUser) {
    br.mtu = Math.min(...br.bridge.ports.map((p) => ctx.k.devices[p]?.mtu ?? 1500));
  }
  updateLinkState(ctx, portId);
  updateLinkState(ctx, brId);
  return kok(undefined);
}

export function brDelIf(ctx: KernelCtx, portId: DevId): KResult<void> {
  const dev = devOf(ctx.k, portId);
  if (!dev.master) return kok(undefined);
  const br = bridgeOf(ctx, dev.master);
  dev.master = null;
  dev.port = null;
  if (!br) return kok(undefined);
  br.bridge.ports = br.bridge.ports.filter((p) => p !== portId);
  fdbDeletePort(br, portId);
  recalcBridgeMac(ctx, br);
  updateLinkState(ctx, br.id);
  return kok(undefined);
}

/** br_device_event(NETDEV_UNREGISTER) for a port, and br_dev_delete for a bridge (ports are released). */
export function brDeviceGone(ctx: KernelCtx, dev: NetDevice): void {
  if (dev.master) brDelIf(ctx, dev.id);
  if (dev.kind === 'bridge') {
    for (const p of [...dev.bridge.ports]) brDelIf(ctx, p);
  }
}

/** NETDEV_DOWN of a bridge or a port: port states are recomputed by linkwatch. */
export function brDeviceDown(ctx: KernelCtx, dev: NetDevice): void {
  if (dev.master) updateLinkState(ctx, dev.master);
}
