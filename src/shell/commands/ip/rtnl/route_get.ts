/**
 * What RTM_GETROUTE answers for an IPv4 destination (inet_rtm_getroute, net/ipv4/route.c): an output route
 * resolved as ip_route_output_key_hash_rcu() does (source checks, an explicit output device, the 0.0.0.0
 * and local cases, the FIB lookup with its reject types, broadcast and multicast destinations) and
 * reported by rt_fill_info() as a cloned route with RTCF_* cache flags.
 */
import type { Ip4 } from '../../../../lib';
import { formatIp4, maskOf } from '../../../../lib';
import type { Errno, FibRoute, KernelState, NetDevice, NsId, Scope } from '../../../../kernel';
import { devicesOf } from '../../../../kernel';
import { scopeNum } from './names';
import type { RouteMsg } from './route';
import { RTCF, RT_F, fillRoute4 } from './route';

export interface RouteGetRequest {
  dst: Ip4;
  /** `from ADDR` (RTA_SRC). */
  src: Ip4 | null;
  /** `oif|dev NAME`. */
  oif: NetDevice | null;
  mark: number;
  uid: number;
  tos: number;
}

export type RouteGetResult = { ok: true; msg: RouteMsg; fib: FibRoute | null } | { ok: false; errno: Errno };

const isMulticast = (a: Ip4): boolean => a >>> 28 === 0xe;
const isLbcast = (a: Ip4): boolean => a === 0xffffffff;
const isZeronet = (a: Ip4): boolean => a >>> 24 === 0;

/** The address of `ip` on any device of the namespace (__ip_dev_find). */
function isLocalAddr(k: KernelState, ns: NsId, ip: Ip4): boolean {
  return devicesOf(k, ns).some((d) => d.inet.some((a) => a.local === ip));
}

/**
 * inet_select_addr(): a primary address of `dev` within `scope` (one on dst's subnet preferred); failing
 * that, the first primary address of any device that is neither link-scoped nor wider than `scope`.
 */
export function inetSelectAddr(k: KernelState, ns: NsId, dev: NetDevice | null, dst: Ip4, scope: number): Ip4 {
  let addr = 0;
  for (const a of dev?.inet ?? []) {
    if (a.secondary || scopeNum(a.scope) > scope) continue;
    if (!dst || ((dst ^ a.local) & maskOf(a.prefixLen)) >>> 0 === 0) return a.local;
    if (!addr) addr = a.local;
  }
  if (addr) return addr;
  for (const d of devicesOf(k, ns)) {
    for (const a of d.inet) {
      if (a.secondary || a.scope === 'link' || scopeNum(a.scope) > scope) continue;
      return a.local;
    }
  }
  return 0;
}

const REJECT: Partial<Record<FibRoute['type'], Errno>> = {
  blackhole: 'EINVAL',
  unreachable: 'EHOSTUNREACH',
  prohibit: 'EACCES',
};

type Lookup = { route: FibRoute; table: number } | { errno: Errno } | null;

/** fib_lookup() through the rules; fib_table_lookup() backs off to shorter prefixes when a nexthop is unusable. */
function fibLookupOif(k: KernelState, ns: NsId, dst: Ip4, oif: NetDevice | null): Lookup {
  const n = k.netns[ns];
  if (!n) return null;
  for (const rule of [...n.rules].sort((a, b) => a.priority - b.priority)) {
    const routes = (n.fib4[rule.table] ?? []).filter((r) => ((dst ^ r.dst) & maskOf(r.dstLen)) >>> 0 === 0);
    routes.sort((a, b) => b.dstLen - a.dstLen);
    let thrown = false;
    for (const r of routes) {
      const err = REJECT[r.type];
      if (err) return { errno: err };
      if (r.type === 'throw') {
        thrown = true;
        break;
      }
      if (oif && r.dev !== oif.id) continue;
      return { route: r, table: rule.table };
    }
    if (thrown) continue;
  }
  return null;
}

/** Whether the default policy rules are in place (then local and main share one trie: lookups report main). */
function defaultRules(k: KernelState, ns: NsId): boolean {
  const rules = k.netns[ns]?.rules ?? [];
  return rules.length === 3 && rules.every((r) => [0, 32766, 32767].includes(r.priority) && r.src === null);
}

export function routeGet4(k: KernelState, ns: NsId, req: RouteGetRequest): RouteGetResult {
  let saddr = req.src ?? 0;
  let dst = req.dst;
  if (saddr) {
    if (isMulticast(saddr) || isLbcast(saddr) || isZeronet(saddr)) return { ok: false, errno: 'EINVAL' };
    if (!isLocalAddr(k, ns, saddr)) return { ok: false, errno: 'ENETUNREACH' };
  }
  let devOut: NetDevice | null = null;
  let type: FibRoute['type'] = 'unicast';
  let flags = 0;
  let gateway: Ip4 | null = null;
  let table = 0;
  let fib: FibRoute | null = null;
  let prefixLen = 32;
  const lo = devicesOf(k, ns).find((d) => d.kind === 'loopback') ?? null;
  const routeScope = (s: Scope): number => scopeNum(s);

  resolve: {
    if (req.oif) {
      devOut = req.oif;
      if (!devOut.adminUp) return { ok: false, errno: 'ENETUNREACH' };
      if (isLbcast(dst) || (isMulticast(dst) && dst >>> 8 === 0xe00000)) {
        if (!saddr) saddr = inetSelectAddr(k, ns, devOut, 0, scopeNum('link'));
        break resolve;
      }
      if (!saddr && isMulticast(dst)) saddr = inetSelectAddr(k, ns, devOut, 0, scopeNum('link'));
    }
    if (!dst) {
      dst = saddr;
      if (!dst) dst = saddr = 0x7f000001;
      devOut = lo;
      type = 'local';
      flags |= RTCF.LOCAL;
      break resolve;
    }
    const res = fibLookupOif(k, ns, dst, req.oif);
    if (res === null) {
      if (req.oif) {
        if (!saddr) saddr = inetSelectAddr(k, ns, devOut, 0, scopeNum('link'));
        type = 'unicast';
        break resolve;
      }
      return { ok: false, errno: 'ENETUNREACH' };
    }
    if ('errno' in res) return { ok: false, errno: res.errno };
    fib = res.route;
    prefixLen = res.route.dstLen;
    table = defaultRules(k, ns) ? 254 : res.table;
    type = res.route.type;
    if (type === 'local') {
      if (!saddr) saddr = res.route.prefsrc ?? dst;
      devOut = lo;
      flags |= RTCF.LOCAL;
      break resolve;
    }
    devOut = res.route.dev === null ? null : (k.devices[res.route.dev] ?? null);
    if (!saddr) saddr = res.route.prefsrc ?? inetSelectAddr(k, ns, devOut, res.route.gateway ?? 0, routeScope(res.route.scope));
    gateway = res.route.gateway;
  }

  // __mkroute_output(): the destination decides broadcast and multicast.
  let withInfo = fib !== null;
  if (isLbcast(dst)) type = 'broadcast';
  else if (isMulticast(dst)) type = 'multicast';
  else if (isZeronet(dst) && type !== 'local') return { ok: false, errno: 'EINVAL' };
  if (devOut?.kind === 'loopback') flags |= RTCF.LOCAL;
  if (type === 'broadcast') {
    flags |= RTCF.BROADCAST | RTCF.LOCAL;
    withInfo = false;
  } else if (type === 'multicast') {
    flags |= RTCF.MULTICAST | RTCF.LOCAL;
    // Every IPv4 device that is up has joined 224.0.0.1 (ip_mc_up); nothing else is joined here.
    if (!(dst === 0xe0000001 && devOut?.adminUp)) flags &= ~RTCF.LOCAL;
    if (prefixLen < 4) withInfo = false;
  }
  const usesGateway = withInfo && gateway !== null;
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
    gateway: usesGateway ? formatIp4(gateway as Ip4) : null,
    oif: devOut?.ifindex ?? null,
    prefsrc: saddr !== (req.src ?? -1) ? formatIp4(saddr) : null,
    priority: null,
    pref: null,
    uid: req.uid,
    mark: req.mark || null,
    cacheinfo: true,
  };
  return { ok: true, msg, fib };
}

/** `ip route get ... fibmatch`: the FIB entry itself, as a dump prints it. */
export function fibMatchMsg(k: KernelState, r: FibRoute): RouteMsg {
  return fillRoute4(k, r);
}
