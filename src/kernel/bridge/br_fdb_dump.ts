/**
 * What the kernel answers to an fdb dump and to a read of a bridge's forwarding table:
 * - RTM_GETNEIGH for PF_BRIDGE (`bridge fdb show`): rtnl_fdb_dump() in net/core/rtnetlink.c walks the
 *   namespace's devices in ifindex order. For a bridge port it first asks the bridge (br_fdb_dump with the
 *   port as filter: the entries pointing at that port), then the device itself: a bridge answers with its
 *   own address lists (ndo_dflt_fdb_dump: `self permanent`) followed by the entries that belong to the
 *   bridge itself; any other Ethernet device answers with its address lists only.
 * - /sys/class/net/BR/brforward (`brctl showmacs`): br_fdb_fillbuf() in net/bridge/br_fdb.c, every entry
 *   that points at a port, with its port number and, for non-static entries, the time since it was updated.
 *
 * Learned entries past their ageing time are left out: the bridge's gc work deletes them within 10 ms of
 * expiring (br_fdb_cleanup), so no tool can catch them.
 */
import type { Mac } from '../../lib';
import type { KernelCtx } from '../context';
import { devicesOf } from '../context';
import { devMcList } from '../netdev/dev_addr_lists';
import type { BridgeDevice, DevId, FdbEntry, NetDevice, NsId } from '../types';
import { fdbExpired } from './br_fdb';
import { xaGet } from '../xarray';

/** ndm_state as bridge fdb prints it: NUD_PERMANENT, NUD_NOARP ("static"), NUD_REACHABLE (""). */
export type FdbState = 'permanent' | 'static' | 'reachable';

/** One RTM_NEWNEIGH message of the dump. */
export interface FdbRecord {
  mac: Mac;
  /** ndm_ifindex: the port the entry points at, or the device whose own list it is. */
  dev: DevId;
  /** NTF_SELF: the device's own address list rather than bridge state. */
  self: boolean;
  /** NDA_MASTER: the bridge, for bridge entries. */
  master: DevId | null;
  state: FdbState;
  /** NDA_CACHEINFO ages (bridge entries only): microseconds since last used / updated. */
  usedAgoUs: number | null;
  updatedAgoUs: number | null;
}

export interface FdbDumpFilter {
  /** NDA_MASTER: only this bridge and its ports. */
  br: DevId | null;
  /** ndm_ifindex: only this device. */
  dev: DevId | null;
}

function isBridge(d: NetDevice | undefined): d is BridgeDevice {
  return d !== undefined && d.kind === 'bridge';
}

/** Live entries of a bridge in fdb_list order (newest first). */
function liveEntries(ctx: KernelCtx, br: BridgeDevice): FdbEntry[] {
  return br.bridge.fdb.filter((e) => !fdbExpired(ctx, br, e)).sort((a, b) => b.seq - a.seq);
}

/** br_fdb_fill_info() */
function bridgeRecord(ctx: KernelCtx, br: BridgeDevice, e: FdbEntry): FdbRecord {
  const state: FdbState = e.kind === 'local' ? 'permanent' : e.kind === 'static' ? 'static' : 'reachable';
  return {
    mac: e.mac,
    dev: e.dev,
    self: false,
    master: br.id,
    state,
    usedAgoUs: ctx.clock.nowUs - e.usedUs,
    updatedAgoUs: ctx.clock.nowUs - e.updatedUs,
  };
}

/** ndo_dflt_fdb_dump(): the device's unicast and multicast address lists, Ethernet devices only. */
function selfRecords(ctx: KernelCtx, dev: NetDevice): FdbRecord[] {
  if (dev.kind === 'loopback') return [];
  return devMcList(ctx, dev).map((mac) => ({
    mac,
    dev: dev.id,
    self: true,
    master: null,
    state: 'permanent' as const,
    usedAgoUs: null,
    updatedAgoUs: null,
  }));
}

/** rtnl_fdb_dump() */
export function fdbDump(ctx: KernelCtx, ns: NsId, filter: FdbDumpFilter): FdbRecord[] {
  const out: FdbRecord[] = [];
  const brFilter = filter.br === null ? null : xaGet(ctx.k.devices, filter.br);
  for (const dev of devicesOf(ctx.k, ns)) {
    if (filter.dev !== null && dev.id !== filter.dev) continue;
    const master = dev.master === null ? undefined : xaGet(ctx.k.devices, dev.master);
    if (brFilter) {
      if (dev.id !== brFilter.id && !isBridge(master)) continue;
      if (master?.id !== brFilter.id && dev.kind !== 'bridge') continue;
    }
    if (isBridge(master)) {
      for (const e of liveEntries(ctx, master)) if (e.dev === dev.id) out.push(bridgeRecord(ctx, master, e));
    }
    out.push(...selfRecords(ctx, dev));
    if (isBridge(dev)) {
      for (const e of liveEntries(ctx, dev)) if (e.dev === dev.id) out.push(bridgeRecord(ctx, dev, e));
    }
  }
  return out;
}

/** One struct __fdb_entry as br_fdb_fillbuf() writes it. */
export interface FdbBufEntry {
  mac: Mac;
  portNo: number;
  isLocal: boolean;
  /** Centiseconds since the entry was updated (jiffies_delta_to_clock_t); 0 for static entries. */
  ageingCs: number;
}

/** br_fdb_fillbuf(): entries that point at a port, newest first. */
export function fdbFillbuf(ctx: KernelCtx, br: BridgeDevice): FdbBufEntry[] {
  const out: FdbBufEntry[] = [];
  for (const e of liveEntries(ctx, br)) {
    const port = e.dev === br.id ? undefined : xaGet(ctx.k.devices, e.dev)?.port;
    if (!port) continue;
    const isStatic = e.kind !== 'learned';
    out.push({
      mac: e.mac,
      portNo: port.portNo,
      isLocal: e.kind === 'local',
      ageingCs: isStatic ? 0 : Math.floor((ctx.clock.nowUs - e.updatedUs) / 10_000),
    });
  }
  return out;
}
