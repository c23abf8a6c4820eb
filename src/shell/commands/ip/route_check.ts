/**
 * What the kernel checks before it inserts an IPv4 route (net/ipv4/fib_semantics.c fib_create_info,
 * fib_check_nh_v4_gw, fib_check_nh_nongw, fib_valid_prefsrc), with its extack messages. The result is the
 * route as the FIB stores it: the nexthop device a gateway resolved to, and the route's scope.
 */
import type { Ip4 } from '../../../lib';
import { maskOf } from '../../../lib';
import type { DevId, FibRoute, KernelError, KernelState, NsId, RouteType, Scope } from '../../../kernel';
import { scopeNum } from './rtnl/names';
import { xaGet } from '../../../kernel';

export interface RouteSpec {
  table: number;
  type: RouteType;
  dst: Ip4;
  dstLen: number;
  scope: Scope;
  gateway: Ip4 | null;
  dev: DevId | null;
  onlink: boolean;
  prefsrc: Ip4 | null;
}

/** fib_props[type].scope: the narrowest scope a route of this type may have. */
const TYPE_SCOPE: Record<RouteType, Scope> = {
  unicast: 'global',
  local: 'host',
  broadcast: 'link',
  anycast: 'link',
  multicast: 'global',
  blackhole: 'global',
  unreachable: 'global',
  prohibit: 'global',
  throw: 'global',
};

const REJECT: readonly RouteType[] = ['blackhole', 'unreachable', 'prohibit', 'throw'];

/** inet_addr_type_table(): whether `ip` has a local route in this table (or the local table). */
function isLocalIn(k: KernelState, ns: NsId, ip: Ip4, table: number): boolean {
  const tables = table === 254 || table === 255 ? [255] : [table, 255];
  return tables.some((t) =>
    (xaGet(k.netns, ns)?.fib4[t] ?? []).some((r) => r.type === 'local' && r.dstLen === 32 && r.dst === ip),
  );
}

/**
 * The nexthop lookup for a gateway: routes of at least `minScope` (FIB_LOOKUP_IGNORE_LINKSTATE), through
 * the requested device when one was given, the given table first and then the policy rules.
 */
function lookupGateway(
  k: KernelState,
  ns: NsId,
  gw: Ip4,
  oif: DevId | null,
  minScope: number,
  table: number,
): FibRoute | null {
  const n = xaGet(k.netns, ns);
  if (!n) return null;
  const search = (ids: readonly number[]): FibRoute | null => {
    for (const id of ids) {
      const hits = (n.fib4[id] ?? [])
        .filter((r) => ((gw ^ r.dst) & maskOf(r.dstLen)) >>> 0 === 0)
        .filter((r) => scopeNum(r.scope) >= minScope && (!oif || r.dev === oif))
        .sort((a, b) => b.dstLen - a.dstLen);
      if (hits[0]) return hits[0];
    }
    return null;
  };
  const first = table !== 254 ? search([table]) : null;
  return first ?? search([...n.rules].sort((a, b) => a.priority - b.priority).map((r) => r.table));
}

/** fib_create_info() for one nexthop; the FIB route to insert, or the kernel's error. */
export function checkRoute(
  k: KernelState,
  ns: NsId,
  r: RouteSpec,
): { route: RouteSpec } | { error: KernelError } {
  const err = (errno: KernelError['errno'], extack?: string) => ({
    error: extack === undefined ? { errno } : { errno, extack },
  });
  if (scopeNum(TYPE_SCOPE[r.type]) > scopeNum(r.scope)) return err('EINVAL', 'Invalid scope');
  if (REJECT.includes(r.type)) {
    if (r.gateway !== null || r.dev !== null)
      return err('EINVAL', 'Gateway, device and multipath can not be specified for this route type');
    return { route: r };
  }
  const out: RouteSpec = { ...r };
  if (r.scope === 'host') {
    if (r.gateway !== null) return err('EINVAL', 'Route with host scope can not have a gateway');
    if (r.dev === null) return err('ENODEV');
  } else if (r.gateway !== null) {
    const dev = r.dev === null ? undefined : xaGet(k.devices, r.dev);
    if (r.onlink) {
      if (scopeNum(r.scope) >= scopeNum('link')) return err('EINVAL', 'Nexthop has invalid scope');
      if (!dev) return err('ENODEV', 'Nexthop device required for onlink');
      if (!dev.adminUp) return err('ENETDOWN', 'Nexthop device is not up');
      if (isLocalIn(k, ns, r.gateway, r.table)) return err('EINVAL', 'Nexthop has invalid gateway');
    } else {
      const via = lookupGateway(
        k,
        ns,
        r.gateway,
        r.dev,
        Math.max(scopeNum(r.scope) + 1, scopeNum('link')),
        r.table,
      );
      // The failed lookup's own error, or EINVAL when it found a route of the wrong type.
      if (!via) return err('ENETUNREACH', 'Nexthop has invalid gateway');
      if (via.type !== 'unicast' && via.type !== 'local') return err('EINVAL', 'Nexthop has invalid gateway');
      if (via.dev === null) return err('EINVAL', 'No egress device for nexthop gateway');
      out.dev = via.dev;
      if (!xaGet(k.devices, via.dev)?.adminUp) return err('ENETDOWN');
    }
  } else {
    if (r.onlink) return err('EINVAL', 'Invalid flags for nexthop - PERVASIVE and ONLINK can not be set');
    const dev = r.dev === null ? undefined : xaGet(k.devices, r.dev);
    if (!dev) return err('ENODEV');
    if (!dev.adminUp) return err('ENETDOWN', 'Device for nexthop is not up');
  }
  // fib_valid_prefsrc(): a preferred source must be a local address (the route's own, for a local /32).
  if (r.prefsrc !== null && !(r.type === 'local' && r.dstLen === 32 && r.dst === r.prefsrc)) {
    if (!isLocalIn(k, ns, r.prefsrc, r.table)) return err('EINVAL', 'Invalid prefsrc address');
  }
  return { route: out };
}
