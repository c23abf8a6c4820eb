/**
 * The routes the kernel itself adds and removes for addresses and devices, after net/ipv4/fib_frontend.c:
 * fib_magic, fib_add_ifaddr, fib_modify_prefix_route, fib_del_ifaddr (with fib_sync_down_addr) and
 * fib_disable_ip (fib_sync_down_dev). The tables themselves are fib.ts's.
 */
import type { Ip4 } from '../../lib';
import { broadcastOf, networkOf } from '../../lib';
import type { KernelCtx } from '../context';
import { devicesOf, nsOf, peekDev, peekOf, putOf } from '../context';
import type { DevId, FibRoute, InetAddr, NsId, RouteType, Scope } from '../types';
import { xaGet } from '../xarray';
import { RT_TABLE_LOCAL, RT_TABLE_MAIN, fibDelete, fibInsert } from './fib';

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
