/**
 * Static IPv6 routes and the lookups that use them, after net/ipv6/route.c and ip6_fib.c:
 *  - ip6_route_add(): a gateway must be reachable through a route without a gateway of its own
 *    (ip6_validate_gw -> ip6_route_check_nh: EHOSTUNREACH), which gives the nexthop device when none was
 *    named; the default metric is IP6_RT_PRIO_USER (1024); a route with the same prefix and metric is there
 *    already: EEXIST (fib6_add_rt2node with NLM_F_EXCL);
 *  - ip6_route_del(): the first route of the prefix matching the given gateway/device/metric; a missing
 *    prefix is ESRCH, but the default prefix finds the table's root node, whose leaf is the null entry:
 *    ENOENT (__ip6_del_rt);
 *  - fib6_lookup() through the default rules: table local, then main; the longest prefix, then the lowest
 *    metric (fib6_select_path/rt6_score_route);
 *  - ipv6_dev_get_saddr(): RFC 6724 source address selection (same address, appropriate scope, outgoing
 *    interface, longest matching prefix), tentative addresses excluded.
 */
import { formatIp6, parseIp6 } from '../../lib';
import type { KernelCtx } from '../context';
import { devicesOf, nextOrderSeq, nsOf } from '../context';
import { kerr, kok, type KResult } from '../errno';
import type { DevId, Fib6UserRoute, KernelState, NetDevice, NsId } from '../types';
import { xaGet } from '../xarray';
import { isTentative } from './addrconf';
import { compareFib6Prefix, fib6Routes, type Fib6Route } from './route';

/** IP6_RT_PRIO_USER: the metric of a route added without one. */
export const IP6_RT_PRIO_USER = 1024;

export interface Fib6Config {
  table: number;
  dst: number[];
  dstLen: number;
  gateway: number[] | null;
  dev: DevId | null;
  metric: number | null;
  protocol: string;
}

function sameGroups(a: readonly number[] | null, b: readonly number[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.every((g, i) => g === b[i]);
}

export function inPrefix6(a: readonly number[], net: readonly number[], len: number): boolean {
  return compareFib6Prefix(a, len, net, len) === 0;
}

/** fib6_lookup() in one table: the longest prefix containing `dst`, then the lowest metric. */
function lookupTable(routes: readonly Fib6Route[], table: number, dst: readonly number[], oif: DevId | null) {
  let best: Fib6Route | undefined;
  for (const r of routes) {
    if (r.table !== table || r.type === 'multicast' || !inPrefix6(dst, r.dst, r.dstLen)) continue;
    if (oif !== null && r.dev !== oif && r.type !== 'local') continue;
    if (!best || r.dstLen > best.dstLen || (r.dstLen === best.dstLen && r.metric < best.metric)) best = r;
  }
  return best;
}

/** The route a packet to `dst` takes: the local table's rule (priority 0) before main's (32766). */
export function fib6Lookup(
  k: KernelState,
  ns: NsId,
  nowUs: number,
  dst: readonly number[],
  oif: DevId | null = null,
): Fib6Route | null {
  const routes = fib6Routes(k, ns, nowUs);
  return lookupTable(routes, 255, dst, oif) ?? lookupTable(routes, 254, dst, oif) ?? null;
}

/**
 * `replace` (NLM_F_CREATE|NLM_F_REPLACE) and `change` (NLM_F_REPLACE): fib6_add_rt2node swaps the static
 * route of that prefix and metric in place; without one, replace adds and change fails with its extack.
 */
export function ip6RouteReplace(
  ctx: KernelCtx,
  ns: NsId,
  cfg: Fib6Config,
  create: boolean,
): KResult<Fib6UserRoute> {
  const n = nsOf(ctx.k, ns);
  const metric = cfg.metric ?? IP6_RT_PRIO_USER;
  const list = n.fib6 ?? [];
  const i = list.findIndex(
    (r) =>
      r.table === cfg.table && r.dstLen === cfg.dstLen && sameGroups(r.dst, cfg.dst) && r.metric === metric,
  );
  if (i < 0) {
    if (!create) return kerr('ENOENT', 'Can not replace route - no match found');
    return ip6RouteAdd(ctx, ns, cfg);
  }
  const old = list[i] as Fib6UserRoute;
  n.fib6 = list.filter((_, j) => j !== i);
  const r = ip6RouteAdd(ctx, ns, cfg);
  const now = n.fib6;
  if (!r.ok) {
    n.fib6 = list;
    return r;
  }
  // In the old one's place, as its replacement.
  n.fib6 = [...now.slice(0, i), { ...r.value, seq: old.seq }, ...now.slice(i, -1)];
  return kok({ ...r.value, seq: old.seq });
}

/** ip6_route_add(). */
export function ip6RouteAdd(ctx: KernelCtx, ns: NsId, cfg: Fib6Config): KResult<Fib6UserRoute> {
  const k = ctx.k;
  let dev = cfg.dev;
  if (cfg.gateway !== null) {
    // ip6_route_check_nh(): the gateway through the routes as they are, and it must be on-link there.
    const via = fib6Lookup(k, ns, ctx.clock.nowUs, cfg.gateway, cfg.dev);
    if (!via || via.gateway !== null || via.type === 'local') return kerr('EHOSTUNREACH');
    if (dev === null) dev = via.dev;
  }
  if (dev === null) return kerr('ENODEV');
  const metric = cfg.metric ?? IP6_RT_PRIO_USER;
  const n = nsOf(k, ns);
  const all = fib6Routes(k, ns, ctx.clock.nowUs);
  if (
    all.some(
      (r) =>
        r.table === cfg.table &&
        r.dstLen === cfg.dstLen &&
        sameGroups(r.dst, cfg.dst) &&
        r.metric === metric &&
        r.type !== 'local',
    )
  )
    return kerr('EEXIST');
  const route: Fib6UserRoute = {
    table: cfg.table,
    type: 'unicast',
    dst: cfg.dst,
    dstLen: cfg.dstLen,
    gateway: cfg.gateway,
    dev,
    metric,
    protocol: cfg.protocol,
    seq: nextOrderSeq(k),
  };
  n.fib6 = [...(n.fib6 ?? []), route];
  return kok(route);
}

/** ip6_route_del(). */
export function ip6RouteDel(ctx: KernelCtx, ns: NsId, cfg: Fib6Config): KResult<null> {
  const n = nsOf(ctx.k, ns);
  const list = n.fib6 ?? [];
  const i = list.findIndex(
    (r) =>
      r.table === cfg.table &&
      r.dstLen === cfg.dstLen &&
      sameGroups(r.dst, cfg.dst) &&
      (cfg.gateway === null || sameGroups(r.gateway, cfg.gateway)) &&
      (cfg.dev === null || r.dev === cfg.dev) &&
      (cfg.metric === null || r.metric === cfg.metric),
  );
  if (i < 0) return kerr(cfg.dstLen === 0 ? 'ENOENT' : 'ESRCH');
  n.fib6 = list.filter((_, j) => j !== i);
  return kok(null);
}

/** A device going away takes its routes with it (rt6_sync_down_dev on NETDEV_UNREGISTER). */
export function ip6RoutesFlushDev(ctx: KernelCtx, ns: NsId, dev: DevId): void {
  const n = xaGet(ctx.k.netns, ns);
  if (n?.fib6?.some((r) => r.dev === dev)) n.fib6 = n.fib6.filter((r) => r.dev !== dev);
}

/** IPV6_ADDR_SCOPE_* of an address (ipv6_addr_scope): multicast by its scope field. */
export function ip6Scope(g: readonly number[]): number {
  const g0 = g[0] ?? 0;
  if ((g0 & 0xff00) === 0xff00) return g0 & 0x0f;
  if (g.every((x, i) => (i === 7 ? x === 1 : x === 0))) return 0x01;
  if ((g0 & 0xffc0) === 0xfe80) return 0x02;
  return 0x0e;
}

function commonPrefixLen(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 128; i++) {
    const ba = ((a[i >> 4] ?? 0) >> (15 - (i & 15))) & 1;
    const bb = ((b[i >> 4] ?? 0) >> (15 - (i & 15))) & 1;
    if (ba !== bb) return i;
  }
  return 128;
}

/** ipv6_dev_get_saddr(): the source for `dst` leaving through `dev` (null: none usable). */
export function ipv6DevGetSaddr(
  k: KernelState,
  ns: NsId,
  nowUs: number,
  dev: NetDevice | null,
  dst: readonly number[],
): string | null {
  const dscope = ip6Scope(dst);
  const clock = { clock: { nowUs } };
  // Link-scoped destinations look only at the outgoing interface.
  const devs = dscope <= 0x02 && dev ? [dev] : devicesOf(k, ns).filter((d) => d.adminUp);
  let best: { addr: number[]; scope: number; onDev: boolean; text: string } | null = null;
  for (const d of devs) {
    for (const a of d.inet6) {
      if (isTentative(clock, a.dadUntilUs)) continue;
      const g = parseIp6(a.addr);
      if (!g) continue;
      const cand = { addr: g, scope: ip6Scope(g), onDev: dev !== null && d.id === dev.id, text: a.addr };
      if (sameGroups(g, dst)) return a.addr;
      if (!best) {
        best = cand;
        continue;
      }
      // Rule 2: appropriate scope.
      if (cand.scope !== best.scope) {
        const better = best.scope < cand.scope ? best.scope < dscope : cand.scope >= dscope;
        if (better) best = cand;
        continue;
      }
      // Rule 5: the outgoing interface.
      if (cand.onDev !== best.onDev) {
        if (cand.onDev) best = cand;
        continue;
      }
      // Rule 8: longest matching prefix.
      if (commonPrefixLen(cand.addr, dst) > commonPrefixLen(best.addr, dst)) best = cand;
    }
  }
  return best ? formatIp6(best.addr) : null;
}
