/**
 * Bridge forwarding database (net/bridge/br_fdb.c): local (permanent) entries for the bridge's and each
 * port's own MAC, learned entries that age out after ageing_time, and their removal with a port.
 */
import type { Mac } from '../../lib';
import type { KernelCtx } from '../context';
import { nextOrderSeq } from '../context';
import type { BridgeDevice, DevId, FdbEntry } from '../types';

export function fdbAddLocal(ctx: KernelCtx, br: BridgeDevice, dev: DevId, mac: Mac): void {
  if (br.bridge.fdb.some((e) => e.mac === mac && e.dev === dev && e.kind === 'local')) return;
  br.bridge.fdb.push({
    mac,
    dev,
    vlan: null,
    kind: 'local',
    self: false,
    updatedUs: ctx.clock.nowUs,
    usedUs: ctx.clock.nowUs,
    seq: nextOrderSeq(ctx.k),
  });
}

export function fdbDeletePort(br: BridgeDevice, dev: DevId): void {
  br.bridge.fdb = br.bridge.fdb.filter((e) => e.dev !== dev);
}

/** br_fdb_change_mac_address: the bridge's own local entry follows its MAC. */
export function fdbChangeBridgeMac(ctx: KernelCtx, br: BridgeDevice, oldMac: Mac | null): void {
  br.bridge.fdb = br.bridge.fdb.filter((e) => !(e.dev === br.id && e.kind === 'local' && e.mac === oldMac));
  fdbAddLocal(ctx, br, br.id, br.mac);
}

/** Whether a learned entry has aged out (has_expired): ageing time is in centiseconds. */
export function fdbExpired(ctx: KernelCtx, br: BridgeDevice, e: FdbEntry): boolean {
  return e.kind === 'learned' && ctx.clock.nowUs - e.updatedUs >= br.bridge.ageingTime * 10_000;
}
