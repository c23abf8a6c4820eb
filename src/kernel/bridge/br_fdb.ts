/**
 * Bridge forwarding database (net/bridge/br_fdb.c): local (permanent) entries for the bridge's and each
 * port's own MAC, learned entries that age out after ageing_time, and their removal with a port.
 *
 * The table is a hash keyed by (MAC, VLAN): one entry per address. A local entry is owned by the port with
 * that MAC, or by the bridge itself (`dev` = the bridge) when only the bridge has it. New entries go to the
 * head of br->fdb_list, so dumps list the newest first (`seq` descending).
 */
import type { Mac } from '../../lib';
import { ZERO_MAC, isMulticastMac } from '../../lib';
import type { KernelCtx } from '../context';
import { nextOrderSeq } from '../context';
import type { BridgeDevice, DevId, FdbEntry } from '../types';
import { xaGet } from '../xarray';

/** is_valid_ether_addr(): not multicast, not all zeroes. */
function validEtherAddr(mac: Mac): boolean {
  return mac !== ZERO_MAC && !isMulticastMac(mac);
}

/** br_fdb_find(): the entry for an address (VLAN 0: this kernel has no CONFIG_BRIDGE_VLAN_FILTERING). */
export function fdbFind(br: BridgeDevice, mac: Mac): FdbEntry | null {
  return br.bridge.fdb.find((e) => e.mac === mac && e.vlan === null) ?? null;
}

function fdbDelete(br: BridgeDevice, entry: FdbEntry): void {
  br.bridge.fdb = br.bridge.fdb.filter((e) => e !== entry);
}

/**
 * fdb_add_local(): a local entry owned by `dev` (a port, or the bridge). An existing local entry for the
 * address is kept as it is ("multiple ports with the same address: use the first one"); a learned or static
 * one is replaced. Invalid addresses (a bridge whose MAC became 00:00:00:00:00:00) get no entry.
 */
export function fdbAddLocal(ctx: KernelCtx, br: BridgeDevice, dev: DevId, mac: Mac): void {
  if (!validEtherAddr(mac)) return;
  const old = fdbFind(br, mac);
  if (old) {
    if (old.kind === 'local') return;
    fdbDelete(br, old);
  }
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

/**
 * fdb_delete_local(): a local entry that `port` (null: the bridge) no longer owns passes to another port with
 * the same MAC, else to the bridge if the bridge has that MAC and a port let go of it, else it is deleted.
 */
function fdbDeleteLocal(ctx: KernelCtx, br: BridgeDevice, port: DevId | null, entry: FdbEntry): void {
  const heir = br.bridge.ports.find((p) => p !== port && xaGet(ctx.k.devices, p)?.mac === entry.mac);
  if (heir !== undefined) {
    entry.dev = heir;
    return;
  }
  if (port !== null && br.mac === entry.mac) {
    entry.dev = br.id;
    return;
  }
  fdbDelete(br, entry);
}

/** br_fdb_delete_by_port(do_all): a port leaving takes its entries, local ones as fdb_delete_local says. */
export function fdbDeletePort(ctx: KernelCtx, br: BridgeDevice, dev: DevId): void {
  for (const e of br.bridge.fdb.filter((x) => x.dev === dev)) {
    if (e.kind === 'local') fdbDeleteLocal(ctx, br, dev, e);
    else fdbDelete(br, e);
  }
}

/** br_fdb_change_mac_address(): the bridge's own local entry follows its MAC. */
export function fdbChangeBridgeMac(ctx: KernelCtx, br: BridgeDevice, oldMac: Mac | null): void {
  const old = oldMac === null ? null : fdbFind(br, oldMac);
  if (old && old.kind === 'local' && old.dev === br.id) fdbDeleteLocal(ctx, br, null, old);
  fdbAddLocal(ctx, br, br.id, br.mac);
}

/** br_fdb_changeaddr(): a port's local entry follows the port's new MAC. */
export function fdbChangePortMac(
  ctx: KernelCtx,
  br: BridgeDevice,
  port: DevId,
  oldMac: Mac,
  newMac: Mac,
): void {
  const old = fdbFind(br, oldMac);
  if (old && old.kind === 'local' && old.dev === port) fdbDeleteLocal(ctx, br, port, old);
  fdbAddLocal(ctx, br, port, newMac);
}

/** Whether a learned entry has aged out (has_expired): ageing time is in centiseconds. */
export function fdbExpired(ctx: KernelCtx, br: BridgeDevice, e: FdbEntry): boolean {
  return e.kind === 'learned' && ctx.clock.nowUs - e.updatedUs >= br.bridge.ageingTime * 10_000;
}
