/**
 * SIOCADDRT / SIOCDELRT as the kernel handles them (net/ipv4/fib_frontend.c ip_rt_ioctl and
 * rtentry_to_fib_config; fib_semantics.c fib_check_nh; fib_trie.c fib_table_insert/delete). An ioctl
 * insert carries only NLM_F_CREATE: an identical route is EEXIST, a route differing only in its nexthop
 * goes in front of the others with the same key. Routes are protocol "boot"; the metric is rt_metric - 1.
 */
import type { Errno, FibRoute, KernelCtx, NsId, Scope } from '../../../kernel';
import { RT_TABLE_LOCAL, RT_TABLE_MAIN, devByName, fibDelete, fibInsert, xaGet } from '../../../kernel';
import { networkOf, prefixOfMask } from '../../../lib';
import { RTF_GATEWAY, RTF_HOST, RTF_REJECT } from '../procfs/net_route';

/** struct rtentry, reduced to what route and BusyBox route fill in. */
export interface RtEntry {
  dst: number;
  genmask: number;
  flags: number;
  /** rt_metric: 0 for none, else the metric + 1. */
  metric: number;
  gateway: number | null;
  dev: string | null;
}

const SCOPE_NUM: Record<Scope, number> = { global: 0, site: 200, link: 253, host: 254, nowhere: 255 };

/**
 * ip_route_output() with RT_SCOPE_LINK: the most specific link- or host-scope route to `ip` (on `oif` when
 * given), local table first. fib_check_nh_v4_gw() resolves a gateway with it, arp_req_set() a neighbour.
 */
export function linkScopeRoute(ctx: KernelCtx, ns: NsId, ip: number, oif: string | null): FibRoute | Errno {
  const n = xaGet(ctx.k.netns, ns);
  if (!n) return 'ENETUNREACH';
  const tables = [n.fib4[RT_TABLE_LOCAL] ?? [], n.fib4[RT_TABLE_MAIN] ?? []];
  let best: FibRoute | null = null;
  for (const table of tables) {
    for (const r of table) {
      if (networkOf(ip, r.dstLen) !== r.dst || SCOPE_NUM[r.scope] < SCOPE_NUM.link) continue;
      if (oif !== null && r.dev !== oif) continue;
      if (r.type === 'broadcast' || r.type === 'multicast') continue;
      if (!best || r.dstLen > best.dstLen) best = r;
    }
    if (best) break;
  }
  return best && best.dev !== null ? best : 'ENETUNREACH';
}

/** fib_check_nh_v4_gw(): the gateway's device, which must be up. */
function gatewayDev(ctx: KernelCtx, ns: NsId, gw: number, oif: string | null): { dev: string } | Errno {
  const best = linkScopeRoute(ctx, ns, gw, oif);
  if (typeof best === 'string') return best;
  if (best.type !== 'unicast' && best.type !== 'local') return 'EINVAL';
  const dev = xaGet(ctx.k.devices, best.dev as string);
  if (!dev) return 'ENETUNREACH';
  return dev.adminUp ? { dev: dev.id } : 'ENETDOWN';
}

/** rtentry_to_fib_config() + fib_table_insert()/fib_table_delete(). */
export function ipRtIoctl(ctx: KernelCtx, ns: NsId, rt: RtEntry, action: 'add' | 'del'): Errno | null {
  let plen = 32;
  if (!(rt.flags & RTF_HOST)) {
    const p = prefixOfMask(rt.genmask);
    // bad_mask(): holes in the mask, or host bits set in the address.
    if (p === null || (rt.dst & ~rt.genmask) >>> 0 !== 0) return 'EINVAL';
    plen = p;
  }
  const priority = rt.metric ? rt.metric - 1 : 0;
  const reject = (rt.flags & RTF_REJECT) !== 0;
  let oif: string | null = null;
  let prefsrc: number | null = null;
  if (!reject && rt.dev !== null) {
    const name = rt.dev.slice(0, 15);
    const colon = name.indexOf(':');
    const dev = devByName(ctx.k, ns, colon < 0 ? name : name.slice(0, colon));
    if (!dev) return 'ENODEV';
    oif = dev.id;
    if (colon >= 0) {
      const ifa = dev.inet.find((a) => a.label === name);
      if (!ifa) return 'ENODEV';
      prefsrc = ifa.local;
    }
  }
  const gw = !reject && rt.gateway ? rt.gateway : null;
  const isLocal = (ip: number) =>
    (xaGet(ctx.k.netns, ns)?.fib4[RT_TABLE_LOCAL] ?? []).some(
      (r) => r.type === 'local' && r.dst === ip && r.dstLen === 32,
    );
  const universe = gw !== null && (rt.flags & RTF_GATEWAY) !== 0 && !isLocal(gw);
  if (action === 'del') {
    const r = fibDelete(ctx, ns, {
      table: RT_TABLE_MAIN,
      dst: rt.dst,
      dstLen: plen,
      type: reject ? 'unreachable' : 'unicast',
      ...(universe ? { scope: 'global' as const } : {}),
      ...(priority ? { priority } : {}),
      ...(gw !== null ? { gateway: gw } : {}),
      ...(oif !== null ? { dev: oif } : {}),
      ...(prefsrc !== null ? { prefsrc } : {}),
    });
    return r.ok ? null : r.error.errno;
  }
  if (rt.flags & RTF_GATEWAY && gw === null && !reject) return 'EINVAL';
  let dev = oif;
  if (!reject) {
    if (gw !== null) {
      const hit = gatewayDev(ctx, ns, gw, oif);
      if (typeof hit === 'string') return hit;
      dev = hit.dev;
    } else {
      const d = oif === null ? undefined : xaGet(ctx.k.devices, oif);
      if (!d) return 'ENODEV';
      if (!d.adminUp) return 'ENETDOWN';
    }
  }
  const scope: Scope = reject ? 'host' : universe ? 'global' : 'link';
  const route = {
    table: RT_TABLE_MAIN,
    type: reject ? ('unreachable' as const) : ('unicast' as const),
    dst: rt.dst,
    dstLen: plen,
    tos: 0,
    priority,
    protocol: 'boot',
    scope,
    prefsrc,
    gateway: reject ? null : gw,
    dev: reject ? null : dev,
    onlink: false,
  };
  // fa_match: the same key with the same type and fib_info is a duplicate.
  const table = xaGet(ctx.k.netns, ns)?.fib4[RT_TABLE_MAIN] ?? [];
  const dup = table.some(
    (r) =>
      r.dst === route.dst &&
      r.dstLen === route.dstLen &&
      r.tos === 0 &&
      r.priority === priority &&
      r.type === route.type &&
      r.gateway === route.gateway &&
      r.dev === route.dev &&
      r.prefsrc === route.prefsrc &&
      r.scope === route.scope &&
      r.protocol === route.protocol,
  );
  if (dup) return 'EEXIST';
  const r = fibInsert(ctx, ns, route, 'prepend');
  return r.ok ? null : r.error.errno;
}
