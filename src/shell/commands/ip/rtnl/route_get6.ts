/**
 * RTM_GETROUTE for an IPv6 destination (inet6_rtm_getroute, net/ipv6/route.c): a lookup through the local
 * then main table of the routes addrconf keeps, answered by rt6_fill_node() with the route's own table,
 * protocol, metric and preference, `from ::` and a source from ipv6_dev_get_saddr() (an address of the
 * destination's scope, the device's own first).
 */
import { formatIp6, parseIp6 } from '../../../../lib';
import type { Errno, FibRoute, KernelState, NetDevice, NsId } from '../../../../kernel';
import { compareFib6Prefix, devicesOf, fib6Routes, isTentative, xaGet } from '../../../../kernel';
import type { InetPrefix } from '../prefix';
import type { RouteMsg } from './route';
import { RT_F } from './route';

function groupsOf(p: InetPrefix): number[] {
  const g: number[] = [];
  for (let i = 0; i < 8; i++) {
    let v = 0;
    for (let b = 0; b < 16; b++) v = v * 2 + (p.bits[i * 16 + b] ?? 0);
    g.push(v);
  }
  return g;
}

function inPrefix(a: readonly number[], net: readonly number[], len: number): boolean {
  return compareFib6Prefix(a, len, net, len) === 0;
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
  const routes = fib6Routes(k, ns, nowUs).filter(
    (r) => inPrefix(d, r.dst, r.dstLen) && (!oif || r.dev === oif.id),
  );
  // The local table's rule (priority 0) comes before main's.
  const pick = (table: number) =>
    routes
      .filter((r) => r.table === table && r.type !== 'multicast')
      .sort((a, b) => b.dstLen - a.dstLen || a.metric - b.metric)[0];
  const r = pick(255) ?? pick(254);
  if (!r) return { ok: false, errno: 'ENETUNREACH' };
  const dev = xaGet(k.devices, r.dev);
  const linkScope = d[0] !== undefined && (d[0] & 0xffc0) === 0xfe80;
  let saddr: string | null;
  if (r.type === 'local') saddr = formatIp6(d);
  else {
    const usable = (x: NetDevice) =>
      x.inet6.filter(
        (a) =>
          !isTentative({ clock: { nowUs } }, a.dadUntilUs) &&
          (a.scope === 'link') === linkScope &&
          a.scope !== 'host',
      );
    const own = dev ? usable(dev)[0] : undefined;
    const any = linkScope ? undefined : devicesOf(k, ns).flatMap(usable)[0];
    saddr = (own ?? any)?.addr ?? null;
  }
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
      protocol: r.protocol,
      scope: 'global',
      flags: r.linkdown ? RT_F.LINKDOWN : 0,
      gateway: null,
      oif:
        r.type === 'local'
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
