/**
 * IPv4 route resolution for packets, after net/ipv4/route.c: ip_route_output_key_hash_rcu() for what a local
 * socket sends (device, source address selection, the loopback device for local destinations),
 * ip_route_input_slow() for what arrives (local delivery, broadcast, forwarding, or an error that ip_error()
 * may answer with ICMP), and inet_select_addr() (net/ipv4/devinet.c). The FIB itself is fib.ts.
 */
import type { Ip4 } from '../../lib';
import { formatIp4, isLoopback4, isMulticast4, maskOf, networkOf } from '../../lib';
import type { KernelCtx } from '../context';
import { devByIndex, devicesOf } from '../context';
import type { DropReason } from '../drop_reason';
import { kerr, kok, type Errno, type KResult } from '../errno';
import type { DevId, FibRoute, InetAddr, NetDevice, NsId, RouteType, Scope } from '../types';
import { fibLookup, type FibResult } from './fib';
import { ruleMatches } from './fib_rules';
import { setRouteMtu } from './route_pmtu';
import { xaGet } from '../xarray';

const SCOPE_VALUE: Record<Scope, number> = { global: 0, site: 200, link: 253, host: 254, nowhere: 255 };
const RT_SCOPE_LINK = 253;
const RT_SCOPE_HOST = 254;
export const LIMITED_BROADCAST = 0xffffffff;

function inetMatch(dst: Ip4, ifa: InetAddr): boolean {
  return networkOf(dst, ifa.prefixLen) === networkOf(ifa.address, ifa.prefixLen);
}

function localnetScope(dev: NetDevice): number {
  return dev.conf['route_localnet'] ? RT_SCOPE_LINK : RT_SCOPE_HOST;
}

/** in_dev_select_addr(): the first primary address that is not link-scoped and fits `scope`. */
function inDevSelectAddr(dev: NetDevice, scope: number): Ip4 | null {
  for (const ifa of dev.inet) {
    if (ifa.secondary) continue;
    if (
      SCOPE_VALUE[ifa.scope] !== RT_SCOPE_LINK &&
      Math.min(SCOPE_VALUE[ifa.scope], localnetScope(dev)) <= scope
    )
      return ifa.local;
  }
  return null;
}

/**
 * inet_select_addr(dev, dst, scope): a primary address of `dev` within `scope`, the one on dst's subnet if
 * there is one; failing that, a suitable address of any device of the namespace (lo first).
 */
export function inetSelectAddr(ctx: KernelCtx, ns: NsId, devId: DevId | null, dst: Ip4, scope: number): Ip4 {
  const dev = devId ? xaGet(ctx.k.devices, devId) : undefined;
  let addr: Ip4 | null = null;
  if (dev) {
    for (const ifa of dev.inet) {
      if (ifa.secondary) continue;
      if (Math.min(SCOPE_VALUE[ifa.scope], localnetScope(dev)) > scope) continue;
      if (!dst || inetMatch(dst, ifa)) {
        addr = ifa.local;
        break;
      }
      addr ??= ifa.local;
    }
  }
  if (addr !== null) return addr;
  for (const d of devicesOf(ctx.k, ns)) {
    const a = inDevSelectAddr(d, scope);
    if (a !== null) return a;
  }
  return 0;
}

/** inet_addr_type(): what an address is to this namespace (local table first, as fib_lookup's rules do). */
export function inetAddrType(ctx: KernelCtx, ns: NsId, ip: Ip4): RouteType | 'none' {
  if (ip === 0) return 'broadcast';
  if (ip === LIMITED_BROADCAST) return 'broadcast';
  if (isMulticast4(ip)) return 'multicast';
  const r = fibLookup(ctx, ns, ip);
  if (!r) return 'none';
  return r.route.type === 'local' || r.route.type === 'broadcast' ? r.route.type : 'unicast';
}

/** Whether `ip` is one of this namespace's own addresses (__ip_dev_find). */
export function isLocalAddr(ctx: KernelCtx, ns: NsId, ip: Ip4): boolean {
  return inetAddrType(ctx, ns, ip) === 'local';
}

/** A route as `ip route` prints its key fields (what fib_table_lookup events quote; the journey's tables). */
export function routeText(r: FibRoute, devName: (d: DevId | null) => string): string {
  const dst = r.dstLen === 0 ? 'default' : `${formatIp4(r.dst)}${r.dstLen === 32 ? '' : `/${r.dstLen}`}`;
  const type = r.type === 'unicast' ? '' : `${r.type} `;
  const via = r.gateway !== null ? ` via ${formatIp4(r.gateway)}` : '';
  return `${type}${dst}${via} dev ${devName(r.dev)}${r.prefsrc !== null ? ` src ${formatIp4(r.prefsrc)}` : ''}`;
}

function traceLookup(
  ctx: KernelCtx,
  ns: NsId,
  dir: 'input' | 'output',
  dst: Ip4,
  src: Ip4 | null,
  pktId: number | null,
  r: { route: FibRoute; table: number } | null,
): void {
  const name = (d: DevId | null): string => (d ? (xaGet(ctx.k.devices, d)?.name ?? d) : '?');
  const text = r ? routeText(r.route, name) : null;
  ctx.trace({
    kind: 'fib_table_lookup',
    atUs: ctx.clock.nowUs,
    ns,
    pkt: pktId,
    summary: r
      ? `route ${dir} ${formatIp4(dst)}: table ${r.table === 255 ? 'local' : r.table === 254 ? 'main' : r.table}: ${text}`
      : `route ${dir} ${formatIp4(dst)}: no route`,
    table: r ? r.table : null,
    dst,
    src,
    result: r ? r.route.type : 'unreachable',
    routeText: text,
    dev: r?.route.dev ?? null,
    gateway: r?.route.gateway ?? null,
    dir,
  });
}

/** fib_table_lookup's nexthop check when the socket is bound to a device (flowi4_oif). */
function lookupOif(
  ctx: KernelCtx,
  ns: NsId,
  dst: Ip4,
  oif: DevId | null,
  src: Ip4 | null = null,
): FibResult | null {
  if (oif === null) return fibLookup(ctx, ns, dst, 0, { src, oif });
  const n = xaGet(ctx.k.netns, ns);
  if (!n) return null;
  for (const rule of n.rules) {
    if ((rule.action ?? 'lookup') !== 'lookup' || !ruleMatches(ctx, rule, dst, { src, oif })) continue;
    let best: FibRoute | null = null;
    for (const r of n.fib4[rule.table] ?? []) {
      if ((dst & maskOf(r.dstLen)) >>> 0 !== r.dst) continue;
      if (r.dev !== null && r.dev !== oif && r.type !== 'local') continue;
      if (r.type === 'local' && r.dev !== oif) continue;
      if (best === null || r.dstLen > best.dstLen || (r.dstLen === best.dstLen && r.priority < best.priority))
        best = r;
    }
    if (best && best.type !== 'throw') return { route: best, table: rule.table };
  }
  return null;
}

/** The route a locally generated packet takes. `outDev` is where it is transmitted (lo for local). */
export interface RtOutput {
  type: RouteType;
  /** The route's device (for a local destination: the device that holds the address). */
  dev: DevId;
  outDev: DevId;
  src: Ip4;
  dst: Ip4;
  gateway: Ip4 | null;
  table: number | null;
  /** The route's `mtu` metric (RTAX_MTU), when it has one. */
  mtu?: number;
}

export interface FlowKey {
  dst: Ip4;
  src?: Ip4 | null;
  /** SO_BINDTODEVICE / IP_PKTINFO device. */
  oif?: DevId | null;
}

const ROUTE_ERRNO: Partial<Record<RouteType, Errno>> = {
  blackhole: 'EINVAL',
  unreachable: 'EHOSTUNREACH',
  prohibit: 'EACCES',
};

/** net->loopback_dev: registered first in every namespace (ifindex 1), never deleted or moved. */
function loopbackOf(ctx: KernelCtx, ns: NsId): NetDevice | null {
  const lo = devByIndex(ctx.k, ns, 1);
  return lo?.kind === 'loopback' ? lo : null;
}

/**
 * ip_route_output_key_hash_rcu(). `traced` false: the caller stands for a socket sending on the route it
 * cached (sk_dst_cache); the result is computed again (a route change takes effect at once, as the dst's
 * revalidation makes it in Linux) but no fib lookup happens in Linux, so none is traced.
 */
export function ipRouteOutput(
  ctx: KernelCtx,
  ns: NsId,
  key: FlowKey,
  pktId: number | null = null,
  traced = true,
): KResult<RtOutput> {
  const lo = loopbackOf(ctx, ns);
  if (!lo) return kerr('ENETUNREACH');
  let src = key.src ?? 0;
  let dst = key.dst;
  const oif = key.oif ?? null;
  if (oif !== null) {
    const d = xaGet(ctx.k.devices, oif);
    if (!d || !d.adminUp) return kerr('ENETUNREACH');
    if (dst === LIMITED_BROADCAST || (isMulticast4(dst) && (dst & 0xffffff00) >>> 0 === 0xe0000000)) {
      if (!src) src = inetSelectAddr(ctx, ns, oif, 0, RT_SCOPE_LINK);
      return kok({
        type: dst === LIMITED_BROADCAST ? 'broadcast' : 'multicast',
        dev: oif,
        outDev: oif,
        src,
        dst,
        gateway: null,
        table: null,
      });
    }
  }
  if (dst === 0) {
    dst = src || 0x7f000001;
    if (!src) src = dst;
    if (traced) traceLookup(ctx, ns, 'output', dst, src || null, pktId, null);
    return kok({ type: 'local', dev: lo.id, outDev: lo.id, src, dst, gateway: null, table: null });
  }
  const res = lookupOif(ctx, ns, dst, oif, src || null);
  if (traced) traceLookup(ctx, ns, 'output', dst, src || null, pktId, res);
  if (!res) {
    if (oif !== null) {
      // "Apparently, routing tables are wrong. Assume, that the destination is on link."
      if (!src) src = inetSelectAddr(ctx, ns, oif, 0, RT_SCOPE_LINK);
      return kok({ type: 'unicast', dev: oif, outDev: oif, src, dst, gateway: null, table: null });
    }
    return kerr('ENETUNREACH');
  }
  const { route } = res;
  const err = res.errno ?? ROUTE_ERRNO[route.type];
  if (err) return kerr(err);
  if (route.type === 'local') {
    if (!src) src = route.prefsrc ?? dst;
    return kok({
      type: 'local',
      dev: route.dev ?? lo.id,
      outDev: lo.id,
      src,
      dst,
      gateway: null,
      table: res.table,
    });
  }
  const dev = route.dev ?? oif;
  if (dev === null) return kerr('ENETUNREACH');
  if (!src) {
    // fib_result_prefsrc(): the route's prefsrc, else inet_select_addr(nexthop dev, gateway, route scope).
    src = route.prefsrc ?? inetSelectAddr(ctx, ns, dev, route.gateway ?? 0, SCOPE_VALUE[route.scope]);
  }
  const out: RtOutput = {
    type: route.type,
    dev,
    outDev: dev,
    src,
    dst,
    gateway: route.gateway,
    table: res.table,
  };
  if (route.metrics) setRouteMtu(out, route.metrics);
  return kok(out);
}

/** What ip_route_input() decided for a received packet. */
export type RtInput =
  | { kind: 'local'; table: number }
  | { kind: 'broadcast' }
  | { kind: 'forward'; outDev: DevId; gateway: Ip4 | null; table: number; mtu?: number }
  /** Dropped; `icmpCode` set when ip_error() answers (forwarding on): 0 net, 1 host, 13 filtered. */
  | { kind: 'error'; reason: DropReason; detail: string; icmpCode: number | null };

/**
 * fib_validate_source() with rp_filter off (the default; rp_filter is not simulated): a packet that arrives
 * from outside with a source address this namespace owns is a martian (inet_lookup_ifaddr_rcu), unless
 * accept_local is on. A routing loop between two hosts ends here: the sender drops its own packet coming back.
 */
function martianSource(ctx: KernelCtx, ns: NsId, inDev: NetDevice, src: Ip4): boolean {
  if (inDev.conf['accept_local'] || xaGet(ctx.k.netns, ns)?.sysctl['net.ipv4.conf.all.accept_local'])
    return false;
  return isLocalAddr(ctx, ns, src);
}

/** ip_route_input_slow(). */
export function ipRouteInput(
  ctx: KernelCtx,
  ns: NsId,
  src: Ip4,
  dst: Ip4,
  inDevId: DevId,
  pktId: number | null,
): RtInput {
  const inDev = xaGet(ctx.k.devices, inDevId);
  if (!inDev) return { kind: 'error', reason: 'NOT_SPECIFIED', detail: 'device gone', icmpCode: null };
  if (isMulticast4(dst)) return { kind: 'broadcast' };
  if (isMulticast4(src) || src === LIMITED_BROADCAST) {
    return {
      kind: 'error',
      reason: 'IP_INADDRERRORS',
      detail: `martian source ${formatIp4(src)}`,
      icmpCode: null,
    };
  }
  if (dst === LIMITED_BROADCAST) return { kind: 'broadcast' };
  if (dst >>> 24 === 0)
    return {
      kind: 'error',
      reason: 'IP_INADDRERRORS',
      detail: `martian destination ${formatIp4(dst)}`,
      icmpCode: null,
    };
  if (inDev.kind !== 'loopback' && !inDev.conf['route_localnet'] && (isLoopback4(dst) || isLoopback4(src))) {
    return {
      kind: 'error',
      reason: 'IP_INADDRERRORS',
      detail: `martian ${isLoopback4(dst) ? 'destination' : 'source'} on ${inDev.name}`,
      icmpCode: null,
    };
  }
  const forwarding = !!inDev.conf.forwarding;
  const res = fibLookup(ctx, ns, dst, 0, { src, iif: inDevId });
  // A packet that came back through lo still carries the route it was sent on (loopback_xmit keeps the dst),
  // so ip_rcv_finish_core() does not look it up again.
  if (inDev.kind !== 'loopback') traceLookup(ctx, ns, 'input', dst, src, pktId, res);
  if (!res) {
    if (!forwarding)
      return {
        kind: 'error',
        reason: 'IP_INADDRERRORS',
        detail: `not for this host and ${inDev.name} does not forward`,
        icmpCode: null,
      };
    return { kind: 'error', reason: 'IP_INNOROUTES', detail: `no route to ${formatIp4(dst)}`, icmpCode: 0 };
  }
  const { route } = res;
  // fib_validate_source() runs for broadcast, local and forwarded packets alike (not for a zero source);
  // what comes back through lo still carries its route and is not looked up.
  if (src !== 0 && inDev.kind !== 'loopback' && martianSource(ctx, ns, inDev, src))
    return {
      kind: 'error',
      reason: 'IP_INVALID_SOURCE',
      detail: `martian source ${formatIp4(src)} from ${inDev.name}: the address is ours`,
      icmpCode: null,
    };
  if (route.type === 'broadcast') return { kind: 'broadcast' };
  if (route.type === 'local') return { kind: 'local', table: res.table };
  if (!forwarding) {
    return {
      kind: 'error',
      reason: 'IP_INADDRERRORS',
      detail: `not for this host and ${inDev.name} does not forward (ip_forward=0)`,
      icmpCode: null,
    };
  }
  switch (route.type) {
    case 'unreachable':
      // ip_error(): -ENETUNREACH (an unreachable rule) is "net unreachable", the route type "host".
      if (res.errno === 'ENETUNREACH')
        return {
          kind: 'error',
          reason: 'IP_INNOROUTES',
          detail: `unreachable rule for ${formatIp4(dst)}`,
          icmpCode: 0,
        };
      return {
        kind: 'error',
        reason: 'IP_INNOROUTES',
        detail: `unreachable route to ${formatIp4(dst)}`,
        icmpCode: 1,
      };
    case 'prohibit':
      return {
        kind: 'error',
        reason: 'IP_INNOROUTES',
        detail: `prohibit route to ${formatIp4(dst)}`,
        icmpCode: 13,
      };
    case 'blackhole':
      return {
        kind: 'error',
        reason: 'IP_INNOROUTES',
        detail: `blackhole route to ${formatIp4(dst)}`,
        icmpCode: null,
      };
    default:
      break;
  }
  if (route.dev === null)
    return { kind: 'error', reason: 'IP_INNOROUTES', detail: 'route without a device', icmpCode: 0 };
  const fwd: RtInput = { kind: 'forward', outDev: route.dev, gateway: route.gateway, table: res.table };
  if (route.metrics) setRouteMtu(fwd, route.metrics);
  return fwd;
}
