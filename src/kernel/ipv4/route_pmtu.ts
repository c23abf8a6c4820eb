/**
 * Path MTU exceptions (net/ipv4/route.c __ip_rt_update_pmtu, update_or_create_fnhe, ipv4_mtu): an ICMP
 * "fragmentation needed" about a datagram this host sent lowers the MTU towards that destination for
 * ip_rt_mtu_expires (600 s). Locally sent datagrams then use it: `ping -M do` fails with "local error:
 * message too long, mtu=N", a default (IP_PMTUDISC_WANT) sender fragments at it, and `ip route get` shows
 * `cache expires Nsec mtu N`. Forwarded packets keep the device's MTU (ip_dst_mtu_maybe_forward without
 * ip_forward_use_pmtu). `ip route flush cache` forgets them (rt_cache_flush bumps the generation, and an
 * exception of an older one is reset).
 *
 * Reduced: Linux hangs an exception on the nexthop the route used; here it is keyed by destination only.
 */
import type { Ip4 } from '../../lib';
import type { KernelCtx } from '../context';
import { peekNs, peekOf } from '../context';
import type { NsId, PmtuException, RouteMetric } from '../types';
import { xaGet } from '../xarray';

/** ip_rt_mtu_expires: 10 minutes. */
const MTU_EXPIRES_US = 600_000_000;
/** net.ipv4.route.min_pmtu: 552. */
const MIN_PMTU = 552;

/** A route's `mtu` metric (RTAX_MTU) onto a lookup result: dst_metric_raw(dst, RTAX_MTU) of its dst. */
export function setRouteMtu(rt: { mtu?: number }, metrics: readonly RouteMetric[]): void {
  for (const m of metrics) if (m.name === 'mtu' && m.value > 0) rt.mtu = m.value;
}

/** The learned path MTU towards `dst` that has not expired, or null. */
export function pmtuException(ctx: KernelCtx, ns: NsId, dst: Ip4): PmtuException | null {
  const peek = peekOf(ctx);
  const list = peek(peekNs(ctx, ns)?.pmtu);
  if (!list) return null;
  for (const e0 of list) {
    const e = peek(e0);
    if (e.dst === dst && e.expiresUs > ctx.clock.nowUs) return e;
  }
  return null;
}

/**
 * ipv4_mtu(): the MTU of a locally sent datagram to `dst`: a learned exception, else the route's `mtu`
 * metric (`routeMtu`, 0 for none), else the device's; at most IP_MAX_MTU.
 */
export function pathMtu(ctx: KernelCtx, ns: NsId, dst: Ip4, devMtu: number, routeMtu = 0): number {
  const e = pmtuException(ctx, ns, dst);
  return Math.min(e ? e.mtu : routeMtu || devMtu, 0xffff);
}

/**
 * __ip_rt_update_pmtu(): a "fragmentation needed" with next-hop MTU `mtu` for `dst`, whose current path MTU
 * is `current`. A larger MTU than the current one is ignored; below min_pmtu the exception takes min_pmtu.
 */
export function ipRtUpdatePmtu(ctx: KernelCtx, ns: NsId, dst: Ip4, mtu: number, current: number): void {
  const n = xaGet(ctx.k.netns, ns);
  if (!n || current < mtu || mtu <= 0) return;
  const value = mtu < MIN_PMTU ? Math.min(current, MIN_PMTU) : mtu;
  const peek = peekOf(ctx);
  const now = ctx.clock.nowUs;
  const e = pmtuException(ctx, ns, dst);
  // Unchanged and more than half its life left: not renewed.
  if (e && e.mtu === value && now < e.expiresUs - MTU_EXPIRES_US / 2) return;
  const rest = (peek(n.pmtu) ?? []).filter((x) => peek(x).dst !== dst && peek(x).expiresUs > now);
  const entry: PmtuException = { dst, mtu: value, expiresUs: now + MTU_EXPIRES_US };
  if (mtu < MIN_PMTU) entry.lock = true;
  n.pmtu = [...rest, entry];
}

/** rt_cache_flush() (`ip route flush cache`): every learned path MTU is forgotten. */
export function rtCacheFlush(ctx: KernelCtx, ns: NsId): void {
  if (!peekOf(ctx)(peekNs(ctx, ns)?.pmtu)) return;
  const n = xaGet(ctx.k.netns, ns);
  if (n) delete n.pmtu;
}
