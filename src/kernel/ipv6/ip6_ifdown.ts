/**
 * NETDEV_DOWN/UNREGISTER for IPv6's tables: rt6_sync_down_dev() deletes the static routes through the
 * device (an IPv6 route does not survive its device going down, unlike an IPv4 one kept as linkdown) and
 * neigh_ifdown(&nd_tbl) its neighbours.
 */
import type { KernelCtx } from '../context';
import type { DevId, NsId } from '../types';
import { ip6RoutesFlushDev } from './ip6_fib';
import { nd6Ifdown } from './ndisc_nud';

export function ip6IfDown(ctx: KernelCtx, ns: NsId, dev: DevId): void {
  ip6RoutesFlushDev(ctx, ns, dev);
  nd6Ifdown(ctx, ns, dev);
}
