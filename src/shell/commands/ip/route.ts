/**
 * `ip route add | del | replace | append | change | prepend | get | show | flush` (ip/iproute.c
 * iproute_modify): the request is checked by the kernel as fib_create_info()/fib_check_nh() do.
 */
import type { Ip4 } from '../../../lib';
import { networkOf, parseIp4 } from '../../../lib';
import type { FibInsertMode, RouteType, Scope } from '../../../kernel';
import { RT_TABLE_LOCAL, RT_TABLE_MAIN, devByName, fibDelete, fibInsert, fibLookup } from '../../../kernel';
import type { CommandIO } from '../../types';
import type { IpOpts } from './opts';
import { Args, IpError, cannotFindDevice, invalidArg, matches, rtnlError } from './util';
import { flushRoutes, showRoutes } from './route_show';
import { routeGet } from './route_get';

const TYPES: readonly RouteType[] = ['unicast', 'local', 'broadcast', 'multicast', 'blackhole', 'unreachable', 'prohibit', 'throw', 'anycast'];
const SCOPES: Record<string, Scope> = { global: 'global', universe: 'global', site: 'site', link: 'link', host: 'host', nowhere: 'nowhere' };
const PROTOS: Record<string, string> = { kernel: 'kernel', boot: 'boot', static: 'static', redirect: 'redirect', dhcp: 'dhcp' };

export interface RouteArgs {
  type: RouteType;
  dst: { addr: Ip4; len: number } | null;
  gateway: Ip4 | null;
  dev: string | null;
  metric: number | null;
  table: number | null;
  protocol: string | null;
  scope: Scope | null;
  src: Ip4 | null;
  onlink: boolean;
  tos: number;
}

export function parseTable(v: string): number {
  if (v === 'main') return RT_TABLE_MAIN;
  if (v === 'local') return RT_TABLE_LOCAL;
  if (v === 'default') return 253;
  if (/^\d+$/.test(v) && Number(v) <= 0xffffffff) return Number(v);
  throw invalidArg('invalid table ID\n', v);
}

function parseDst(v: string): { addr: Ip4; len: number } {
  if (v === 'default' || v === 'all' || v === 'any') return { addr: 0, len: 0 };
  const [a, p] = v.split('/');
  const addr = parseIp4(a ?? '');
  const len = p === undefined ? 32 : /^\d+$/.test(p) ? Number(p) : NaN;
  if (addr === null || !(len >= 0 && len <= 32)) throw new IpError(`Error: inet prefix is expected rather than "${v}".\n`, 1);
  return { addr, len };
}

export function parseRouteArgs(argv: readonly string[]): RouteArgs {
  const r: RouteArgs = {
    type: 'unicast',
    dst: null,
    gateway: null,
    dev: null,
    metric: null,
    table: null,
    protocol: null,
    scope: null,
    src: null,
    onlink: false,
    tos: 0,
  };
  const args = new Args(argv);
  while (!args.done) {
    const w = args.next() as string;
    if (w === 'via') {
      const v = args.value();
      const g = parseIp4(v);
      if (g === null) throw new IpError(`Error: inet address is expected rather than "${v}".\n`, 1);
      r.gateway = g;
    } else if (w === 'dev' || w === 'oif') r.dev = args.value();
    else if (w === 'metric' || w === 'priority' || w === 'preference') {
      const v = args.value();
      if (!/^\d+$/.test(v)) throw invalidArg('"metric" value is invalid\n', v);
      r.metric = Number(v);
    } else if (w === 'table') r.table = parseTable(args.value());
    else if (matches(w, 'protocol')) {
      const v = args.value();
      r.protocol = PROTOS[v] ?? (/^\d+$/.test(v) ? v : (() => { throw invalidArg('"protocol" value is invalid\n', v); })());
    } else if (w === 'scope') {
      const v = args.value();
      const s = SCOPES[v];
      if (!s) throw invalidArg('invalid "scope" value\n', v);
      r.scope = s;
    } else if (w === 'src') {
      const v = args.value();
      const s = parseIp4(v);
      if (s === null) throw new IpError(`Error: inet address is expected rather than "${v}".\n`, 1);
      r.src = s;
    } else if (w === 'onlink') r.onlink = true;
    else if (w === 'tos' || w === 'dsfield') r.tos = Number(args.value());
    else if ((TYPES as readonly string[]).includes(w) && r.dst === null) r.type = w as RouteType;
    else {
      const v = w === 'to' ? args.value() : w;
      if (r.dst !== null) throw new IpError(`Error: either "to" is duplicate, or "${v}" is a garbage.\n`, 255);
      r.dst = parseDst(v);
    }
  }
  return r;
}

function modify(io: CommandIO, opts: IpOpts, argv: string[], mode: FibInsertMode | 'delete'): number {
  const a = parseRouteArgs(argv);
  if (a.dst === null) throw new IpError('Error: either "to" is duplicate, or "" is a garbage.\n', 255);
  const k = io.os.state.kernel;
  const dev = a.dev === null ? null : devByName(k, opts.ns, a.dev);
  if (a.dev !== null && !dev) throw cannotFindDevice(a.dev);
  const table = a.table ?? (a.type === 'local' || a.type === 'broadcast' ? RT_TABLE_LOCAL : RT_TABLE_MAIN);
  const dst = a.dst;
  if (mode === 'delete') {
    const r = io.os.mutate(({ kctx }) =>
      fibDelete(kctx, opts.ns, {
        table,
        dst: dst.addr,
        dstLen: dst.len,
        ...(a.metric !== null ? { priority: a.metric } : {}),
        ...(a.gateway !== null ? { gateway: a.gateway } : {}),
        ...(dev ? { dev: dev.id } : {}),
      }),
    );
    if (!r.ok) throw rtnlError(r.error);
    return 0;
  }
  if (networkOf(dst.addr, dst.len) !== dst.addr) throw new IpError('Error: Invalid prefix for given prefix length.\n', 2);
  const r = io.os.mutate(({ kctx }) => {
    let outDev = dev?.id ?? null;
    // iproute_modify(): local and nat are host-scoped, broadcast/multicast/anycast link-scoped, a unicast
    // route without a gateway link-scoped; everything else (gateways, blackhole, unreachable...) universe.
    let scope: Scope =
      a.scope ?? (a.type === 'local' ? 'host' : a.type === 'broadcast' || a.type === 'multicast' || a.type === 'anycast' ? 'link' : 'global');
    if (a.type === 'unicast' && a.gateway !== null && !a.onlink) {
      // fib_check_nh(): the gateway must be directly reachable (a scope link route, or on the given dev).
      const hit = fibLookup(kctx, opts.ns, a.gateway);
      const via = hit?.route;
      const ok = via && via.gateway === null && via.type === 'unicast' && (outDev === null || via.dev === outDev);
      if (!ok) return { ok: false as const, error: { errno: 'ENETUNREACH' as const, extack: 'Nexthop has invalid gateway' } };
      outDev = via.dev;
    }
    if (a.type === 'unicast' && outDev === null && a.gateway === null) {
      return { ok: false as const, error: { errno: 'ENODEV' as const, extack: 'Nexthop device required for onlink' } };
    }
    if (a.scope === null && a.type === 'unicast' && a.gateway === null) scope = 'link';
    return fibInsert(
      kctx,
      opts.ns,
      {
        table,
        type: a.type,
        dst: dst.addr,
        dstLen: dst.len,
        tos: a.tos,
        priority: a.metric ?? 0,
        protocol: a.protocol ?? 'boot',
        scope,
        prefsrc: a.src,
        gateway: a.gateway,
        dev: outDev,
        onlink: a.onlink,
      },
      mode,
    );
  });
  if (!r.ok) throw rtnlError(r.error);
  return 0;
}

export function doIpRoute(io: CommandIO, opts: IpOpts, argv: string[]): number {
  const sub = argv[0];
  if (sub === undefined) return showRoutes(io, opts, []);
  const rest = argv.slice(1);
  if (matches(sub, 'add')) return modify(io, opts, rest, 'add');
  if (matches(sub, 'change') || sub === 'chg') return modify(io, opts, rest, 'change');
  if (matches(sub, 'replace')) return modify(io, opts, rest, 'replace');
  if (matches(sub, 'prepend')) return modify(io, opts, rest, 'prepend');
  if (matches(sub, 'append')) return modify(io, opts, rest, 'append');
  if (matches(sub, 'delete')) return modify(io, opts, rest, 'delete');
  if (matches(sub, 'list') || matches(sub, 'show') || matches(sub, 'lst')) return showRoutes(io, opts, rest);
  if (matches(sub, 'get')) return routeGet(io, opts, rest);
  if (matches(sub, 'flush')) return flushRoutes(io, opts, rest);
  throw new IpError(`Command "${sub}" is unknown, try "ip route help".\n`, 255);
}
