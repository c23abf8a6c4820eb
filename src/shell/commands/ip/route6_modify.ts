/**
 * `ip -6 route add|delete` (iproute2 iproute_modify with an inet6 prefix): RTM_NEWROUTE/RTM_DELROUTE for
 * the kernel's static IPv6 routes (kernel/ipv6/ip6_fib.ts). Table main unless `table N`, protocol boot
 * unless `proto`; replace/change swap a static route in place; append/prepend/test are not modelled for IPv6
 * (EOPNOTSUPP).
 */
import type { NetDevice } from '../../../kernel';
import { ip6RouteAdd, ip6RouteDel, ip6RouteReplace } from '../../../kernel';
import type { CommandIO } from '../../types';
import type { IpOpts } from './opts';
import type { InetPrefix } from './prefix';
import { groupsOf } from './rtnl/route_get6';
import { rtnlError } from './util';

/** The parts of `ip route`'s arguments (route.ts RouteArgs) an IPv6 route takes. */
export interface Route6Args {
  type: string | null;
  dst: InetPrefix | null;
  gateway: InetPrefix | null;
  table: number | null;
  metric: number | null;
  protocol: string | null;
}

export function modifyRoute6(
  io: CommandIO,
  opts: IpOpts,
  a: Route6Args,
  dev: NetDevice | null,
  mode: 'add' | 'delete' | 'replace' | 'change' | 'other',
): number {
  // append/prepend make multipath routes, test probes: not modelled for IPv6.
  if (mode === 'other' || (a.type !== null && a.type !== 'unicast')) throw rtnlError({ errno: 'EOPNOTSUPP' });
  const dst = a.dst as InetPrefix;
  const groups = groupsOf(dst);
  const cfg = {
    table: a.table ?? 254,
    dst: groups,
    dstLen: dst.bitlen,
    gateway: a.gateway === null ? null : groupsOf(a.gateway),
    dev: dev?.id ?? null,
    metric: a.metric,
    protocol: a.protocol ?? 'boot',
  };
  const r = io.os.mutate(({ kctx }) =>
    mode === 'add'
      ? ip6RouteAdd(kctx, opts.ns, cfg)
      : mode === 'delete'
        ? ip6RouteDel(kctx, opts.ns, cfg)
        : ip6RouteReplace(kctx, opts.ns, cfg, mode === 'replace'),
  );
  if (!r.ok) throw rtnlError(r.error);
  return 0;
}
