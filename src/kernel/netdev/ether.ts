/**
 * A physical Ethernet NIC and its cable. The simulated host's eth0 is one; the LAN gateway's NIC at the
 * other end of the cable lives in a hidden namespace. Unlike a veth, a NIC has no peer ifindex (no "@ifN"),
 * and carrier needs both ends of the cable up.
 */
import type { Mac } from '../../lib';
import { BROADCAST_MAC } from '../../lib';
import type { KernelCtx } from '../context';
import type { DevId, EtherDevice, NsId } from '../types';
import { registerDevice } from './dev';
import { xaGet } from '../xarray';

export interface NicSpec {
  ns: NsId;
  name: string;
  mac: Mac;
  mtu?: number;
  txqlen?: number;
  qdisc?: string;
}

export function createNic(ctx: KernelCtx, spec: NicSpec): EtherDevice {
  return registerDevice(ctx, spec.ns, {
    kind: 'ether',
    wire: null,
    qdisc: spec.qdisc ?? 'fq_codel',
    name: spec.name,
    mac: spec.mac,
    broadcast: BROADCAST_MAC,
    mtu: spec.mtu ?? 1500,
    txqlen: spec.txqlen ?? 1000,
    adminUp: false,
    carrier: false,
    operstate: 'DOWN',
    master: null,
    group: 0,
    alias: null,
    port: null,
  }) as EtherDevice;
}

/** Plug a cable between two NICs. */
export function connectNics(ctx: KernelCtx, a: DevId, b: DevId): void {
  const da = xaGet(ctx.k.devices, a);
  const db = xaGet(ctx.k.devices, b);
  if (da?.kind !== 'ether' || db?.kind !== 'ether') throw new Error('kernel: connectNics needs two NICs');
  da.wire = b;
  db.wire = a;
}
