/**
 * What the packet path does with the forwarding database (net/bridge/br_fdb.c): br_fdb_update() learns a
 * frame's source MAC on the port it came in on (or moves it there), and br_fdb_find_rcu() answers "which
 * port is this MAC behind?" for forwarding. Learned entries age: one not refreshed for ageing_time (300 s)
 * is gone (the bridge's gc work deletes it within moments of expiring, br_fdb_cleanup), so lookups treat an
 * expired entry as absent and remove it.
 *
 * Table maintenance (local entries, ports leaving, MAC changes) is in br_fdb.ts.
 */
import type { Mac } from '../../lib';
import { ZERO_MAC, isMulticastMac } from '../../lib';
import type { KernelCtx } from '../context';
import { nextOrderSeq, peekOf } from '../context';
import { pktSummary } from '../trace_fmt';
import type { BridgeDevice, DevId, FdbEntry, Packet } from '../types';
import { fdbExpired } from './br_fdb';
import { xaGet } from '../xarray';

/** br_fdb_find_rcu(): the live entry for an address (VLAN filtering is not modelled). */
export function fdbLookup(ctx: KernelCtx, br: BridgeDevice, mac: Mac): FdbEntry | null {
  // Searched without drafting the table (a bridge of a thousand ports has thousands of entries); the entry
  // found is the draft's, which the caller may update.
  const peek = peekOf(ctx);
  const i = peek(peek(peek(br).bridge).fdb).findIndex((x) => {
    const f = peek(x);
    return f.mac === mac && f.vlan === null;
  });
  const e = i < 0 ? undefined : br.bridge.fdb[i];
  if (!e) return null;
  if (fdbExpired(ctx, br, e)) {
    br.bridge.fdb = br.bridge.fdb.filter((x) => x !== e);
    return null;
  }
  return e;
}

/**
 * br_fdb_update(): learn `mac` behind `port`. A local address seen as a source is not learned (Linux warns
 * "received packet on X with own address as source address"); an entry behind another port moves. The
 * br_fdb_update tracepoint fires only when an entry is created or moves, as in Linux.
 */
export function fdbUpdate(ctx: KernelCtx, br: BridgeDevice, port: DevId, mac: Mac, pkt: Packet): void {
  // hold_time() == 0: "some users want to always flood".
  if (br.bridge.ageingTime === 0) return;
  if (mac === ZERO_MAC || isMulticastMac(mac)) return;
  const now = ctx.clock.nowUs;
  const e = fdbLookup(ctx, br, mac);
  if (e) {
    if (e.kind === 'local') return;
    e.updatedUs = now;
    if (e.dev !== port && e.kind === 'learned') {
      e.dev = port;
      trace(ctx, br, port, mac, pkt, false, true);
    }
    return;
  }
  br.bridge.fdb.push({
    mac,
    dev: port,
    vlan: null,
    kind: 'learned',
    self: false,
    updatedUs: now,
    usedUs: now,
    seq: nextOrderSeq(ctx.k),
  });
  trace(ctx, br, port, mac, pkt, true, false);
}

function trace(
  ctx: KernelCtx,
  br: BridgeDevice,
  port: DevId,
  mac: Mac,
  pkt: Packet,
  isNew: boolean,
  moved: boolean,
): void {
  const portName = xaGet(ctx.k.devices, port)?.name ?? port;
  ctx.trace({
    kind: 'br_fdb_update',
    atUs: ctx.clock.nowUs,
    ns: br.ns,
    pkt: pkt.id,
    summary: `${br.name}: ${isNew ? 'learned' : 'moved'} ${mac} on ${portName} (${pktSummary(pkt)})`,
    bridge: br.id,
    port,
    mac,
    isNew,
    moved,
  });
}
