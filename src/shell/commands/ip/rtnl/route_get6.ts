/**
 * RTM_GETROUTE for an IPv6 destination (inet6_rtm_getroute, net/ipv6/route.c): fib6_lookup through the
 * local then main table (kernel/ipv6/ip6_fib.ts), answered by rt6_fill_node() with the route's own table,
 * protocol, gateway, metric and preference, `from ::` and the source ipv6_dev_get_saddr() selects.
 */
import { formatIp6, parseIp6 } from '../../../../lib';
import type { Errno, FibRoute, KernelState, NetDevice, NsId } from '../../../../kernel';
import { devicesOf, fib6Lookup, ipv6DevGetSaddr, xaGet } from '../../../../kernel';
import { protoName } from './names';
import type { InetPrefix } from '../prefix';
import type { RouteMsg } from './route';
import { RT_F } from './route';

export function groupsOf(p: InetPrefix): number[] {
  const g: number[] = [];
  for (let i = 0; i < 8; i++) {
    let v = 0;
    for (let b = 0; b < 16; b++) v = v * 2 + (p.bits[i * 16 + b] ?? 0);
    g.push(v);
  }
  return g;
}

export function routeGet6(
  k: KernelState,
  ns: NsId,
  nowUs: number,
  dst: InetPrefix,
  src: InetPrefix | null,
  oif: NetDevice | null,
): { ok: true; msg: RouteMsg; fib: FibRoute | null } | { ok: false; errno: Errno } {
  const d = groupsOf(dst);
  const r = fib6Lookup(k, ns, nowUs, d, oif?.id ?? null);
  if (!r || r.type === 'multicast') return { ok: false, errno: 'ENETUNREACH' };
  const dev = xaGet(k.devices, r.dev);
  const local = r.type === 'local' || r.type === 'anycast';
  const saddr = local ? formatIp6(d) : ipv6DevGetSaddr(k, ns, nowUs, dev ?? null, d);
  const srcText = src === null ? '::' : formatIp6(groupsOf(src));
  return {
    ok: true,
    fib: null,
    msg: {
      family: 'inet6',
      table: r.table,
      type: r.type,
      dst: formatIp6(d),
      dstLen: 128,
      src: parseIp6(srcText) ? srcText : '::',
      srcLen: 128,
      tos: 0,
      protocol: protoName(r.protocol),
      scope: 'global',
      flags: r.linkdown ? RT_F.LINKDOWN : 0,
      gateway: r.gateway === null ? null : formatIp6(r.gateway),
      oif: local
        ? (devicesOf(k, ns).find((x) => x.kind === 'loopback')?.ifindex ?? null)
        : (dev?.ifindex ?? null),
      prefsrc: saddr,
      priority: r.metric,
      pref: 'medium',
      uid: null,
      mark: null,
      cacheinfo: false,
    },
  };
}
