/**
 * What RTM_GETROUTE answers for an IPv4 destination (inet_rtm_getroute, net/ipv4/route.c): an output route
 * resolved as ip_route_output_key_hash_rcu() does (source checks, an explicit output device, the 0.0.0.0
 * and local cases, the FIB lookup with its reject types, broadcast and multicast destinations) and
 * reported by rt_fill_info() as a cloned route with RTCF_* cache flags.
 */
import type { Ip4 } from '../../../../lib';
import { formatIp4 } from '../../../../lib';
import type { Errno, FibRoute, KernelCtx, KernelState, NetDevice, NsId } from '../../../../kernel';
import {
  devicesOf,
  fibLookup,
  ipRouteInput,
  ipRouteOutput,
  isLocalAddr,
  pmtuException,
  xaGet,
} from '../../../../kernel';
import type { RouteMsg } from './route';
import { RTCF, RT_F, fillRoute4 } from './route';

export interface RouteGetRequest {
  dst: Ip4;
  /** `from ADDR` (RTA_SRC). */
  src: Ip4 | null;
  /** `oif|dev NAME`. */
  oif: NetDevice | null;
  /** `iif NAME`: resolve as an input route, as if the packet had arrived on that device. */
  iif?: NetDevice | null;
  mark: number;
  uid: number;
  tos: number;
}

export type RouteGetResult = { ok: true; msg: RouteMsg; fib: FibRoute | null } | { ok: false; errno: Errno };

const isMulticast = (a: Ip4): boolean => a >>> 28 === 0xe;
const isLbcast = (a: Ip4): boolean => a === 0xffffffff;
const isZeronet = (a: Ip4): boolean => a >>> 24 === 0;

/**
 * Until a rule is added or deleted (fib_has_custom_rules), local and main share one trie and every lookup
 * reports table main; afterwards the table that answered (`table local`, `table 100`).
 */
function customRules(k: KernelState, ns: NsId): boolean {
  return xaGet(k.netns, ns)?.fibCustomRules === true;
}

/**
 * inet_rtm_getroute(): the source checks of ip_route_output_key_hash_rcu(), the resolution itself
 * (ipRouteOutput), then what __mkroute_output() adds (broadcast and multicast destinations, RTCF_* flags,
 * no gateway for them) and what rt_fill_info() reports.
 */
export function routeGet4(ctx: KernelCtx, ns: NsId, req: RouteGetRequest): RouteGetResult {
  const k = ctx.k;
  if (req.iif) return routeGetInput4(ctx, ns, req, req.iif);
  if (req.src) {
    if (isMulticast(req.src) || isLbcast(req.src) || isZeronet(req.src))
      return { ok: false, errno: 'EINVAL' };
    if (!isLocalAddr(ctx, ns, req.src)) return { ok: false, errno: 'ENETUNREACH' };
  }
  const out = ipRouteOutput(ctx, ns, { dst: req.dst, src: req.src, oif: req.oif?.id ?? null });
  if (!out.ok) return { ok: false, errno: out.error.errno };
  const rt = out.value;
  // The FIB entry behind the answer (for `fibmatch`, and the prefix length __mkroute_output looks at).
  const fib = rt.table !== null && req.dst !== 0 ? (fibLookup(ctx, ns, req.dst)?.route ?? null) : null;
  let type = rt.type;
  let flags = 0;
  let withInfo = rt.table !== null;
  if (type === 'local') flags |= RTCF.LOCAL;
  if (isLbcast(req.dst)) type = 'broadcast';
  else if (isMulticast(req.dst)) type = 'multicast';
  else if (isZeronet(req.dst) && type !== 'local') return { ok: false, errno: 'EINVAL' };
  const outDev = xaGet(k.devices, rt.outDev);
  if (outDev?.kind === 'loopback') flags |= RTCF.LOCAL;
  if (type === 'broadcast') {
    flags |= RTCF.BROADCAST | RTCF.LOCAL;
    withInfo = false;
  } else if (type === 'multicast') {
    flags |= RTCF.MULTICAST | RTCF.LOCAL;
    // Every IPv4 device that is up has joined 224.0.0.1 (ip_mc_up); nothing else is joined here.
    if (!(req.dst === 0xe0000001 && outDev?.adminUp)) flags &= ~RTCF.LOCAL;
    if ((fib?.dstLen ?? 32) < 4) withInfo = false;
  }
  const table = rt.table === null ? 0 : customRules(k, ns) ? rt.table : 254;
  const msg: RouteMsg = {
    family: 'inet',
    table,
    type,
    dst: formatIp4(req.dst),
    dstLen: 32,
    src: req.src === null ? null : formatIp4(req.src),
    srcLen: req.src === null ? 0 : 32,
    tos: 0,
    protocol: 'unspec',
    scope: 'global',
    flags: (flags | RT_F.CLONED) >>> 0,
    gateway: withInfo && rt.gateway !== null ? formatIp4(rt.gateway) : null,
    oif: outDev?.ifindex ?? null,
    prefsrc: rt.src !== (req.src ?? -1) ? formatIp4(rt.src) : null,
    priority: null,
    pref: null,
    uid: req.uid,
    mark: req.mark || null,
    cacheinfo: true,
  };
  // rt_fill_info(): the route's metrics, the MTU and expiry of a learned path MTU (fib_nh_exception).
  const pmtu = type === 'unicast' ? pmtuException(ctx, ns, req.dst) : null;
  const metrics = fib?.metrics?.filter((m) => !pmtu || m.name !== 'mtu') ?? [];
  if (pmtu) {
    metrics.unshift({ name: 'mtu', value: pmtu.mtu, lock: pmtu.lock === true });
    msg.expires = Math.floor((pmtu.expiresUs - ctx.clock.nowUs) / 1_000_000);
  }
  if (metrics.length > 0) msg.metrics = metrics;
  return { ok: true, msg, fib };
}

/** `ip route get ... fibmatch`: the FIB entry itself, as a dump prints it. */
export function fibMatchMsg(k: KernelState, r: FibRoute): RouteMsg {
  return fillRoute4(k, r);
}

/** ip_route_input()'s errors as the rtnetlink answer (rt->dst.error): no route, unreachable, prohibit. */
const INPUT_ERRNO: Record<number, Errno> = { 0: 'ENETUNREACH', 1: 'EHOSTUNREACH', 13: 'EACCES' };

/**
 * inet_rtm_getroute() with RTA_IIF: ip_route_input_rcu() on that device; rt_fill_info() then reports the
 * source as `from`, no preferred source and no uid, and the input device after the cache flags.
 */
function routeGetInput4(ctx: KernelCtx, ns: NsId, req: RouteGetRequest, iif: NetDevice): RouteGetResult {
  const k = ctx.k;
  const src = req.src ?? 0;
  const res = ipRouteInput(ctx, ns, src, req.dst, iif.id, null);
  if (res.kind === 'error')
    return { ok: false, errno: res.icmpCode === null ? 'EINVAL' : (INPUT_ERRNO[res.icmpCode] ?? 'EINVAL') };
  const lo = devicesOf(k, ns).find((d) => d.kind === 'loopback');
  const custom = customRules(k, ns);
  let type = 'unicast';
  let flags = 0;
  let oif = lo?.ifindex ?? null;
  let gateway: string | null = null;
  let table = 0;
  if (res.kind === 'local') {
    type = 'local';
    flags |= RTCF.LOCAL;
    table = custom ? res.table : 254;
  } else if (res.kind === 'broadcast') {
    type = 'broadcast';
    flags |= RTCF.BROADCAST | RTCF.LOCAL;
  } else {
    oif = xaGet(k.devices, res.outDev)?.ifindex ?? null;
    gateway = res.gateway === null ? null : formatIp4(res.gateway);
    table = custom ? res.table : 254;
  }
  const msg: RouteMsg = {
    family: 'inet',
    table,
    type,
    dst: formatIp4(req.dst),
    dstLen: 32,
    src: req.src === null ? null : formatIp4(req.src),
    srcLen: req.src === null ? 0 : 32,
    tos: 0,
    protocol: 'unspec',
    scope: 'global',
    flags: (flags | RT_F.CLONED) >>> 0,
    gateway,
    oif,
    prefsrc: null,
    priority: null,
    pref: null,
    uid: null,
    mark: req.mark || null,
    cacheinfo: true,
    iif: iif.ifindex,
  };
  return { ok: true, msg, fib: null };
}

/**
 * The IPv4 route cache as `ip route show cache` dumps it (fnhe_dump_buckets -> rt_fill_info): one cloned
 * route per learned path MTU that has not expired, through the nexthop the FIB gives its destination.
 */
export function cachedRoutes4(ctx: KernelCtx, ns: NsId): RouteMsg[] {
  const now = ctx.clock.nowUs;
  const out: RouteMsg[] = [];
  for (const e of xaGet(ctx.k.netns, ns)?.pmtu ?? []) {
    if (e.expiresUs <= now) continue;
    const route = fibLookup(ctx, ns, e.dst)?.route;
    const dev = route?.dev === null || route?.dev === undefined ? undefined : xaGet(ctx.k.devices, route.dev);
    out.push({
      family: 'inet',
      table: 254,
      type: 'unicast',
      dst: formatIp4(e.dst),
      dstLen: 32,
      src: null,
      srcLen: 0,
      tos: 0,
      protocol: 'unspec',
      scope: 'global',
      flags: RT_F.CLONED,
      gateway: route?.gateway === null || route?.gateway === undefined ? null : formatIp4(route.gateway),
      oif: dev?.ifindex ?? null,
      prefsrc: null,
      priority: null,
      pref: null,
      uid: null,
      mark: null,
      cacheinfo: true,
      expires: Math.floor((e.expiresUs - now) / 1_000_000),
      metrics: [{ name: 'mtu', value: e.mtu, lock: e.lock === true }],
    });
  }
  return out;
}
