/**
 * The IPv4 forwarding information base, after net/ipv4/fib_trie.c (table storage and dump order),
 * fib_frontend.c (fib_magic, fib_add_ifaddr, fib_del_ifaddr, fib_disable_ip) and fib_semantics.c.
 *
 * Tables are kept in the order fib_trie dumps them: by destination key ascending, then longer prefix first
 * (a leaf's aliases are sorted by suffix length), then tos descending, then priority ascending, then
 * insertion order (fib_insert_alias appends after equals).
 */
import type { Ip4 } from '../../lib';
import { broadcastOf, maskOf, networkOf } from '../../lib';
import type { KernelCtx } from '../context';
import { devicesOf, nextOrderSeq, nsOf, peekDev, peekOf, putOf } from '../context';
import { kerr, kok, type Errno, type KResult } from '../errno';
import type { DevId, FibRoute, InetAddr, NsId, RouteType, Scope } from '../types';
import { ruleMatches, type RuleFlow } from './fib_rules';
import { xaGet } from '../xarray';

export const RT_TABLE_LOCAL = 255;
export const RT_TABLE_MAIN = 254;
export const RT_TABLE_DEFAULT = 253;

function compareRoutes(a: FibRoute, b: FibRoute): number {
  return a.dst - b.dst || b.dstLen - a.dstLen || b.tos - a.tos || a.priority - b.priority || a.seq - b.seq;
}

/** How the insert treats an existing route with the same (dst/len, tos, priority): rtnetlink's flags. */
export type FibInsertMode = 'add' | 'replace' | 'append' | 'prepend' | 'change';

export type NewRoute = Omit<FibRoute, 'seq'>;

function sameKey(a: FibRoute | NewRoute, b: FibRoute | NewRoute): boolean {
  return a.dst === b.dst && a.dstLen === b.dstLen && a.tos === b.tos && a.priority === b.priority;
}

function sameInfo(a: FibRoute | NewRoute, b: FibRoute | NewRoute): boolean {
  return (
    a.type === b.type &&
    a.gateway === b.gateway &&
    a.dev === b.dev &&
    a.prefsrc === b.prefsrc &&
    a.scope === b.scope &&
    a.protocol === b.protocol &&
    // fib_find_info() compares the metrics too: `change ... mtu 1400` is a different fib_info.
    JSON.stringify(a.metrics ?? []) === JSON.stringify(b.metrics ?? [])
  );
}

/**
 * A route as the table keeps it, every field in one order: routes come from a dozen call sites in as many
 * shapes, and `{ ...route, seq }` at one site seeing them all gave every route a hidden class (V8 map) of its
 * own, which made every route lookup's reads megamorphic.
 */
function routeRecord(r: NewRoute, seq: number): FibRoute {
  const out: FibRoute = {
    table: r.table,
    type: r.type,
    dst: r.dst,
    dstLen: r.dstLen,
    tos: r.tos,
    priority: r.priority,
    protocol: r.protocol,
    scope: r.scope,
    prefsrc: r.prefsrc,
    gateway: r.gateway,
    dev: r.dev,
    onlink: r.onlink,
    seq,
  };
  if (r.metrics !== undefined) out.metrics = r.metrics;
  return out;
}

/**
 * fib_table_insert(). The table is searched through `peek` and written back whole: searching it through the
 * draft would draft every route passed, and a splice into the draft drafts every route after the slot.
 */
export function fibInsert(ctx: KernelCtx, ns: NsId, route: NewRoute, mode: FibInsertMode): KResult<FibRoute> {
  const peek = peekOf(ctx);
  const put = putOf(ctx);
  const fib4 = nsOf(ctx.k, ns).fib4;
  const cur = peek(peek(fib4)[route.table]);
  const table: FibRoute[] = cur ? cur.map(peek) : [];
  if (!cur) put(fib4, route.table, []);
  if (route.dst !== networkOf(route.dst, route.dstLen))
    return kerr('EINVAL', 'Invalid prefix for given prefix length');
  const existing = table.findIndex((r) => sameKey(r, route));
  const full = routeRecord(route, nextOrderSeq(ctx.k));
  // The new table keeps the rows as they were (drafts included: put then lets immer finalise them).
  const next = cur ? cur.slice() : [];
  if (existing >= 0) {
    // fib_table_insert(): fa_first is the group's first alias, fa_match an identical one (type and info).
    const first = table[existing] as FibRoute;
    const match = table.find((r) => sameKey(r, route) && sameInfo(r, route));
    switch (mode) {
      case 'add':
        return kerr('EEXIST');
      case 'replace':
      case 'change':
        // An identical route already in the group: nothing to do if it is the first, EEXIST otherwise.
        if (match) return match === first ? kok(first) : kerr('EEXIST');
        full.seq = first.seq;
        next[existing] = full;
        put(fib4, route.table, next);
        return kok(full);
      case 'append':
        if (match) return kerr('EEXIST');
        break;
      case 'prepend':
        if (match) return kerr('EEXIST');
        full.seq = first.seq - 0.5;
        break;
    }
  } else if (mode === 'change') {
    return kerr('ENOENT');
  }
  const at = table.findIndex((r) => compareRoutes(full, r) < 0);
  if (at < 0) next.push(full);
  else next.splice(at, 0, full);
  put(fib4, route.table, next);
  return kok(full);
}

/** What `ip route del` matches on: unset fields are wildcards, as fib_table_delete does. */
export interface RouteSelector {
  table: number;
  dst: Ip4;
  dstLen: number;
  tos?: number;
  priority?: number;
  type?: RouteType;
  gateway?: Ip4;
  dev?: DevId;
  protocol?: string;
  scope?: Scope;
  prefsrc?: Ip4;
}

/** fib_table_delete(): the first route matching the selector; ESRCH ("No such process") when none does. */
export function fibDelete(ctx: KernelCtx, ns: NsId, sel: RouteSelector): KResult<FibRoute> {
  const n = nsOf(ctx.k, ns);
  const table = n.fib4[sel.table];
  if (!table) return kerr('ESRCH');
  const i = table.findIndex(
    (r) =>
      r.dst === sel.dst &&
      r.dstLen === sel.dstLen &&
      (sel.tos === undefined || r.tos === sel.tos) &&
      (sel.priority === undefined || r.priority === sel.priority) &&
      (sel.type === undefined || r.type === sel.type) &&
      (sel.gateway === undefined || r.gateway === sel.gateway) &&
      (sel.dev === undefined || r.dev === sel.dev) &&
      (sel.protocol === undefined || r.protocol === sel.protocol) &&
      (sel.scope === undefined || r.scope === sel.scope) &&
      (sel.prefsrc === undefined || r.prefsrc === sel.prefsrc),
  );
  if (i < 0) return kerr('ESRCH');
  const [removed] = table.splice(i, 1);
  return kok(removed as FibRoute);
}

/** fib_magic(): a kernel route, appended quietly (an exact duplicate is not added twice). */
function fibMagic(
  ctx: KernelCtx,
  ns: NsId,
  type: RouteType,
  dst: Ip4,
  dstLen: number,
  dev: DevId,
  prefsrc: Ip4,
  table: number,
  priority = 0,
): void {
  const scope: Scope = type === 'local' ? 'host' : 'link';
  fibInsert(
    ctx,
    ns,
    {
      table,
      type,
      dst: networkOf(dst, dstLen),
      dstLen,
      tos: 0,
      priority,
      protocol: 'kernel',
      scope,
      prefsrc,
      gateway: null,
      dev,
      onlink: false,
    },
    'append',
  );
}

function primaryFor(addrs: readonly InetAddr[], ifa: InetAddr): InetAddr {
  if (!ifa.secondary) return ifa;
  return (
    addrs.find(
      (a) =>
        !a.secondary &&
        a.prefixLen === ifa.prefixLen &&
        networkOf(a.address, a.prefixLen) === networkOf(ifa.address, ifa.prefixLen),
    ) ?? ifa
  );
}

/**
 * fib_add_ifaddr(): the local route always; when the device is up, the explicit broadcast, the prefix route
 * (not for secondaries, /32s or noprefixroute) and the subnet broadcast for prefixes shorter than /31.
 */
export function fibAddIfaddr(ctx: KernelCtx, devId: DevId, ifa: InetAddr): void {
  // The device is only read (the routes are what changes): through peek, not drafted.
  const peek = peekOf(ctx);
  const dev = peekDev(ctx, devId);
  if (!dev) return;
  const prim = primaryFor(peek(dev.inet).map(peek), ifa);
  const src = prim.local;
  fibMagic(ctx, dev.ns, 'local', ifa.local, 32, devId, src, RT_TABLE_LOCAL);
  if (!dev.adminUp) return;
  if (ifa.broadcast !== null && ifa.broadcast !== 0xffffffff) {
    fibMagic(ctx, dev.ns, 'broadcast', ifa.broadcast, 32, devId, src, RT_TABLE_LOCAL);
  }
  // The prefix is IFA_ADDRESS's: a point-to-point address (`peer`) routes to its peer.
  const prefix = networkOf(ifa.address, ifa.prefixLen);
  if (prefix !== 0 && !ifa.secondary && (prefix !== ifa.local || ifa.prefixLen < 32)) {
    if (!ifa.noprefixroute) {
      fibMagic(
        ctx,
        dev.ns,
        dev.kind === 'loopback' ? 'local' : 'unicast',
        prefix,
        ifa.prefixLen,
        devId,
        src,
        dev.kind === 'loopback' ? RT_TABLE_LOCAL : RT_TABLE_MAIN,
        ifa.metric ?? 0,
      );
    }
    if (ifa.prefixLen < 31) {
      fibMagic(
        ctx,
        dev.ns,
        'broadcast',
        broadcastOf(ifa.address, ifa.prefixLen),
        32,
        devId,
        src,
        RT_TABLE_LOCAL,
      );
    }
  }
}

/**
 * fib_modify_prefix_route(): the prefix route of a primary address on a device that is up is added with the
 * new metric, then the one with the old metric deleted.
 */
export function fibModifyPrefixRoute(ctx: KernelCtx, devId: DevId, ifa: InetAddr, metric: number): void {
  const dev = peekDev(ctx, devId);
  if (!dev || !dev.adminUp || ifa.secondary || ifa.noprefixroute) return;
  const prefix = networkOf(ifa.address, ifa.prefixLen);
  if (prefix === 0 || (prefix === ifa.local && ifa.prefixLen === 32)) return;
  const peek = peekOf(ctx);
  const src = primaryFor(peek(dev.inet).map(peek), ifa).local;
  const type = dev.kind === 'loopback' ? 'local' : 'unicast';
  const table = dev.kind === 'loopback' ? RT_TABLE_LOCAL : RT_TABLE_MAIN;
  fibMagic(ctx, dev.ns, type, prefix, ifa.prefixLen, devId, src, table, metric);
  fibDelete(ctx, dev.ns, {
    table,
    dst: prefix,
    dstLen: ifa.prefixLen,
    priority: ifa.metric ?? 0,
    type,
    dev: devId,
    protocol: 'kernel',
  });
}

/** NETDEV_UP: every address of the device gets its routes back. */
export function fibAddIfaddrRoutes(ctx: KernelCtx, devId: DevId): void {
  const peek = peekOf(ctx);
  const dev = peekDev(ctx, devId);
  if (!dev) return;
  for (const ifa of peek(dev.inet)) fibAddIfaddr(ctx, devId, peek(ifa));
}

/**
 * fib_del_ifaddr(): remove the routes this address brought, unless another address of the device still
 * needs the same local/broadcast route.
 */
export function fibDelIfaddr(
  ctx: KernelCtx,
  devId: DevId,
  ifa: InetAddr,
  remaining: readonly InetAddr[],
): void {
  const dev = xaGet(ctx.k.devices, devId);
  if (!dev) return;
  const n = nsOf(ctx.k, dev.ns);
  const stillLocal = new Set<Ip4>();
  const stillBrd = new Set<Ip4>();
  for (const a of remaining) {
    stillLocal.add(a.local);
    if (a.broadcast !== null) stillBrd.add(a.broadcast);
    if (a.prefixLen < 31) stillBrd.add(broadcastOf(a.address, a.prefixLen));
  }
  const prefix = networkOf(ifa.address, ifa.prefixLen);
  for (const [tid, table] of Object.entries(n.fib4)) {
    n.fib4[Number(tid)] = table.filter((r) => {
      if (r.dev !== devId || r.protocol !== 'kernel') return true;
      if (r.type === 'local' && r.dstLen === 32 && r.dst === ifa.local) return stillLocal.has(ifa.local);
      if (
        r.type === 'broadcast' &&
        (r.dst === ifa.broadcast || r.dst === broadcastOf(ifa.address, ifa.prefixLen))
      )
        return stillBrd.has(r.dst);
      if (
        !ifa.secondary &&
        r.dst === prefix &&
        r.dstLen === ifa.prefixLen &&
        (r.type === 'unicast' || r.type === 'local')
      )
        return false;
      return true;
    });
  }
  // The address is gone from the namespace: fib_sync_down_addr() kills the main table's routes that used
  // it as their preferred source (`ip route add ... src A`), whatever their device.
  if (stillLocal.has(ifa.local)) return;
  if (devicesOf(ctx.k, dev.ns).some((d) => d.inet.some((a) => a.local === ifa.local))) return;
  const main = n.fib4[RT_TABLE_MAIN];
  if (main?.some((r) => r.prefsrc === ifa.local))
    n.fib4[RT_TABLE_MAIN] = main.filter((r) => r.prefsrc !== ifa.local);
}

/**
 * fib_disable_ip(): kill every route whose nexthop is this device, in all tables. Without `force` (a
 * NETDEV_DOWN) fib_sync_down_dev() passes over host-scope routes, whose nexthop scope is RT_SCOPE_NOWHERE
 * (fib_create_info): the local routes of the device's addresses stay while it is down.
 */
export function fibFlushDev(ctx: KernelCtx, ns: NsId, devId: DevId, force = true): void {
  const n = xaGet(ctx.k.netns, ns);
  if (!n) return;
  // Read through peek: only a table that loses a route is written (a new list of the routes it keeps).
  const peek = peekOf(ctx);
  const put = putOf(ctx);
  for (const [tid, table] of Object.entries(peek(peek(n).fib4))) {
    const routes = peek(table);
    const dies = (r: FibRoute): boolean => r.dev === devId && (force || r.scope !== 'host');
    if (routes.some((r) => dies(peek(r))))
      put(
        n.fib4,
        Number(tid),
        routes.filter((r) => !dies(peek(r))),
      );
  }
}

export interface FibResult {
  route: FibRoute;
  table: number;
  /** A rule's own error (FR_ACT_UNREACHABLE is -ENETUNREACH, where a route of type unreachable is -EHOSTUNREACH). */
  errno?: Errno;
}

/** fib_table_lookup(): longest prefix match in one table; routes on devices without carrier still match. */
export function fibTableLookup(ctx: KernelCtx, ns: NsId, table: number, dst: Ip4, tos = 0): FibRoute | null {
  // Read without drafting (every packet looks up routes); the route found is for reading too.
  const peek = peekOf(ctx);
  const routes = peek(peek(peek(nsOf(ctx.k, ns)).fib4)[table]);
  if (!routes) return null;
  let best: FibRoute | null = null;
  for (const r0 of routes) {
    const r = peek(r0);
    if ((dst & maskOf(r.dstLen)) >>> 0 !== r.dst) continue;
    if (r.tos !== 0 && r.tos !== tos) continue;
    if (best === null || r.dstLen > best.dstLen || (r.dstLen === best.dstLen && r.priority < best.priority))
      best = r;
  }
  return best;
}

/**
 * fib_lookup() -> fib_rules_lookup(): the rules in list order; a rule whose selectors match either answers
 * with its action (blackhole/unreachable/prohibit) or looks up its table, and a table without a match (or a
 * `throw` route) passes on to the next rule (-EAGAIN).
 */
export function fibLookup(
  ctx: KernelCtx,
  ns: NsId,
  dst: Ip4,
  tos = 0,
  flow: RuleFlow = {},
): FibResult | null {
  const peek = peekOf(ctx);
  for (const r0 of peek(peek(nsOf(ctx.k, ns)).rules)) {
    const rule = peek(r0);
    if (!ruleMatches(ctx, rule, dst, flow)) continue;
    const action = rule.action ?? 'lookup';
    if (action !== 'lookup') {
      // The rule's error, carried as a reject route of that type; fib4_rule_action() answers an
      // `unreachable` rule with -ENETUNREACH (a route of type unreachable is -EHOSTUNREACH).
      return {
        route: rejectRoute(action, dst),
        table: rule.table,
        ...(action === 'unreachable' ? { errno: 'ENETUNREACH' as const } : {}),
      };
    }
    const r = fibTableLookup(ctx, ns, rule.table, dst, tos);
    if (r && r.type !== 'throw') return { route: r, table: rule.table };
  }
  return null;
}

function rejectRoute(type: 'blackhole' | 'unreachable' | 'prohibit', dst: Ip4): FibRoute {
  return {
    table: 0,
    type,
    dst,
    dstLen: 32,
    tos: 0,
    priority: 0,
    protocol: 'kernel',
    scope: 'nowhere',
    prefsrc: null,
    gateway: null,
    dev: null,
    onlink: false,
    seq: 0,
  };
}
