/**
 * Forwarding entries added and deleted by user space (RTM_NEWNEIGH / RTM_DELNEIGH for PF_BRIDGE):
 * br_fdb_add / fdb_add_entry and br_fdb_delete (net/bridge/br_fdb.c). rtnl_fdb_add() sends `master`
 * requests for a bridge port to its bridge and `self` requests to the device itself, which for a bridge
 * is br_fdb_add again, with no port.
 */
import type { Mac } from '../../lib';
import { ZERO_MAC } from '../../lib';
import type { KernelCtx } from '../context';
import { nextOrderSeq } from '../context';
import { kerr, kok, type KResult } from '../errno';
import type { BridgeDevice, DevId, FdbEntry } from '../types';
import { fdbFind } from './br_fdb';
import { xaGet } from '../xarray';

/** ndm_state bits the request carries. */
export interface FdbUserState {
  permanent: boolean;
  noarp: boolean;
  reachable: boolean;
}

/** NLM_F_CREATE / NLM_F_EXCL / NLM_F_REPLACE as `bridge fdb add|append|replace` send them. */
export interface FdbUserFlags {
  create: boolean;
  excl: boolean;
}

/**
 * Where rtnl_fdb_add/del send a request for `dev`: `master` goes to the bridge of a port (null when `dev` is
 * no port: EOPNOTSUPP), `self` to the device's own handler, which only a bridge has here (br_fdb_add with no
 * port); other devices' own lists (ndo_dflt_fdb_add) are not simulated.
 */
export function fdbTarget(
  ctx: KernelCtx,
  devId: DevId,
  master: boolean,
): { br: BridgeDevice; port: DevId | null } | null {
  const dev = xaGet(ctx.k.devices, devId);
  if (!dev) return null;
  if (!master) return dev.kind === 'bridge' ? { br: dev, port: null } : null;
  const br = dev.master ? xaGet(ctx.k.devices, dev.master) : undefined;
  return br && br.kind === 'bridge' ? { br, port: dev.id } : null;
}

function kindOf(state: FdbUserState): FdbEntry['kind'] {
  if (state.permanent) return 'local';
  if (state.noarp) return 'static';
  return 'learned';
}

/** br_fdb_add() for `dev` (see fdbTarget). */
export function brFdbAdd(
  ctx: KernelCtx,
  devId: DevId,
  master: boolean,
  mac: Mac,
  state: FdbUserState,
  flags: FdbUserFlags,
): KResult<void> {
  const t = fdbTarget(ctx, devId, master);
  if (!t) return kerr('EOPNOTSUPP');
  if (!state.permanent && !state.noarp && !state.reachable) return kerr('EINVAL');
  if (mac === ZERO_MAC) return kerr('EINVAL');
  const { br, port } = t;
  // fdb_add_entry(): a port that cannot learn takes only local and static entries; the bridge only local.
  const portState = port === null ? null : xaGet(ctx.k.devices, port)?.port?.state;
  if (
    port !== null &&
    !state.permanent &&
    !state.noarp &&
    portState !== 'learning' &&
    portState !== 'forwarding'
  ) {
    return kerr('EPERM');
  }
  if (port === null && !state.permanent) return kerr('EINVAL');
  const now = ctx.clock.nowUs;
  let e = fdbFind(br, mac);
  if (!e) {
    if (!flags.create) return kerr('ENOENT');
    e = {
      mac,
      dev: port ?? br.id,
      vlan: null,
      kind: kindOf(state),
      self: false,
      updatedUs: now,
      usedUs: now,
      seq: nextOrderSeq(ctx.k),
    };
    br.bridge.fdb.push(e);
    return kok(undefined);
  }
  if (flags.excl) return kerr('EEXIST');
  let modified = false;
  if (e.dev !== (port ?? br.id)) {
    e.dev = port ?? br.id;
    modified = true;
  }
  if (e.kind !== kindOf(state)) {
    e.kind = kindOf(state);
    modified = true;
  }
  e.usedUs = now;
  if (modified) e.updatedUs = now;
  return kok(undefined);
}

/** br_fdb_delete(): the entry must exist and point at this port (or at the bridge for `self`). */
export function brFdbDelete(ctx: KernelCtx, devId: DevId, master: boolean, mac: Mac): KResult<void> {
  const t = fdbTarget(ctx, devId, master);
  if (!t) return kerr('EOPNOTSUPP');
  const e = fdbFind(t.br, mac);
  if (!e || e.dev !== (t.port ?? t.br.id)) return kerr('ENOENT');
  t.br.bridge.fdb = t.br.bridge.fdb.filter((x) => x !== e);
  return kok(undefined);
}
