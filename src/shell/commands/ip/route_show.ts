/**
 * `ip route show|list` (iproute2 6.1 ip/iproute.c iproute_list_flush_or_save and filter_nlmsg): main table
 * by default, `table all|local|N`, and the selectors root/match/exact, dev, via, src, proto, scope, type,
 * metric, tos. The kernel answers a dump for a table that does not exist with an extack error.
 */
import type { RouteType } from '../../../kernel';
import { fibDelete, rtCacheFlush, xaGet } from '../../../kernel';
import type { CommandIO } from '../../types';
import { type IpOpts, colorEnabled } from './opts';
import type { InetPrefix } from './prefix';
import { addrInPrefix, parseInetAddr, parseInetPrefix } from './prefix';
import { flushRounds } from './flush';
import { Printer } from './printer';
import type { RoutePrintCtx } from './route_print';
import { printRoute } from './route_print';
import { LlMap } from './rtnl/ll_map';
import { RT_TABLE_LOCAL, RT_TABLE_MAIN, parseProto, parseScope, scopeNum } from './rtnl/names';
import type { RouteMsg } from './rtnl/route';
import { dumpRoutes4, dumpRoutes6, fib4TablesInDumpOrder, fib6TableExists, fillRoute4 } from './rtnl/route';
import { cachedRoutes4 } from './rtnl/route_get';
import { Args, IpError, invalidArg, matches } from './util';

const TYPES: readonly string[] = [
  'unicast',
  'local',
  'broadcast',
  'anycast',
  'multicast',
  'blackhole',
  'unreachable',
  'prohibit',
  'throw',
  'nat',
  'xresolve',
];

interface RouteFilter {
  /** 0 = all tables. */
  tb: number;
  cloned: boolean;
  protocol: string | null;
  scope: number | null;
  types: RouteType[] | null;
  tos: number | null;
  oifName: string | null;
  metric: number | null;
  rdst: InetPrefix | null;
  mdst: InetPrefix | null;
  rvia: InetPrefix | null;
  rprefsrc: InetPrefix | null;
}

/** rtnl_rttable_a2n(). */
export function parseTableId(v: string): number | null {
  if (v === 'main') return RT_TABLE_MAIN;
  if (v === 'local') return RT_TABLE_LOCAL;
  if (v === 'default') return 253;
  if (v === 'unspec') return 0;
  if (/^\d+$/.test(v) && Number(v) <= 0xffffffff) return Number(v);
  return null;
}

function familyOf(opts: IpOpts): 'inet' | 'inet6' | 'unspec' {
  return opts.family === 'inet' || opts.family === 'inet6' ? opts.family : 'unspec';
}

function parseFilter(opts: IpOpts, argv: readonly string[]): RouteFilter {
  const f: RouteFilter = {
    tb: RT_TABLE_MAIN,
    cloned: false,
    protocol: null,
    scope: null,
    types: null,
    tos: null,
    oifName: null,
    metric: null,
    rdst: null,
    mdst: null,
    rvia: null,
    rprefsrc: null,
  };
  const fam = familyOf(opts);
  const prefix = (v: string): InetPrefix => {
    const p = parseInetPrefix(v, fam);
    if (p === null)
      throw new IpError(
        `Error: ${fam === 'inet' ? 'inet ' : fam === 'inet6' ? 'inet6 ' : 'any valid '}prefix is expected rather than "${v}".\n`,
        1,
      );
    return p;
  };
  const cursor = new Args(argv);
  while (!cursor.done) {
    const w = cursor.next() as string;
    const next = (): string => cursor.value();
    if (matches(w, 'table')) {
      const v = next();
      const t = parseTableId(v);
      if (t !== null) f.tb = t;
      else if (v === 'all') f.tb = 0;
      else if (v === 'cache') f.cloned = true;
      else throw invalidArg('table id value is invalid\n', v);
    } else if (matches(w, 'cached') || matches(w, 'cloned')) f.cloned = true;
    else if (w === 'tos' || matches(w, 'dsfield')) {
      const v = next();
      const n = /^0x[0-9a-f]+$/i.test(v) ? parseInt(v, 16) : /^\d+$/.test(v) ? Number(v) : NaN;
      if (!(n >= 0 && n <= 255)) throw invalidArg('TOS value is invalid\n', v);
      f.tos = n;
    } else if (matches(w, 'protocol')) {
      const v = next();
      const pr = parseProto(v);
      if (pr === null && v !== 'all') throw invalidArg('invalid "protocol"\n', v);
      f.protocol = pr;
    } else if (matches(w, 'scope')) {
      const v = next();
      const s = parseScope(v);
      if (s === null && v !== 'all') throw invalidArg('invalid "scope"\n', v);
      f.scope = s === null ? null : typeof s === 'number' ? s : scopeNum(s);
    } else if (matches(w, 'type')) {
      const v = next();
      if (!TYPES.includes(v)) throw invalidArg('node type value is invalid\n', v);
      f.types = [v as RouteType];
    } else if (w === 'dev' || w === 'oif') f.oifName = next();
    else if (w === 'iif' || w === 'mark' || matches(w, 'realms') || matches(w, 'vrf')) next();
    else if (matches(w, 'metric') || matches(w, 'priority') || w === 'preference') {
      const v = next();
      if (!/^\d+$/.test(v) || Number(v) > 0xffffffff) throw invalidArg('"metric" value is invalid\n', v);
      f.metric = Number(v);
    } else if (w === 'via') f.rvia = prefix(next());
    else if (w === 'src') f.rprefsrc = prefix(next());
    else if (matches(w, 'from')) {
      let v = next();
      if (matches(v, 'root') || matches(v, 'match') || matches(v, 'exact')) v = next();
      prefix(v);
    } else {
      let v = w;
      if (matches(v, 'to')) v = next();
      if (matches(v, 'root')) f.rdst = prefix(next());
      else if (matches(v, 'match')) f.mdst = prefix(next());
      else {
        if (matches(v, 'exact')) v = next();
        const pfx = prefix(v);
        f.mdst = pfx;
        f.rdst = pfx;
      }
    }
  }
  return f;
}

function dstPrefix(r: RouteMsg): InetPrefix {
  const a = r.dst === null ? parseInetAddr('default', r.family) : parseInetAddr(r.dst, r.family);
  return { ...(a as InetPrefix), bitlen: r.dstLen };
}

/** filter_nlmsg(): the selectors iproute2 applies to each dumped route. */
function routePasses(f: RouteFilter, r: RouteMsg, oif: number): boolean {
  if (f.cloned !== !!(r.flags & 0x200)) return false;
  if (f.protocol !== null && r.protocol !== f.protocol) return false;
  if (f.scope !== null && scopeNum(r.scope) !== f.scope) return false;
  if (f.types !== null && !f.types.includes(r.type as RouteType)) return false;
  if (f.tos !== null && r.tos !== f.tos) return false;
  if (f.rdst && (r.family !== f.rdst.family || f.rdst.bitlen > r.dstLen)) return false;
  if (f.mdst && (r.family !== f.mdst.family || f.mdst.bitlen < r.dstLen)) return false;
  const dst = dstPrefix(r);
  if (f.rdst && !addrInPrefix(dst, f.rdst, f.rdst.bitlen)) return false;
  if (f.mdst && !addrInPrefix(dst, f.mdst, r.dstLen)) return false;
  if (f.rvia) {
    const via = r.gateway === null ? null : parseInetAddr(r.gateway, r.family);
    if (r.family !== f.rvia.family || !via || !addrInPrefix(via, f.rvia)) return false;
  }
  if (f.rprefsrc) {
    const src = r.prefsrc === null ? null : parseInetAddr(r.prefsrc, r.family);
    if (r.family !== f.rprefsrc.family || !src || !addrInPrefix(src, f.rprefsrc)) return false;
  }
  if (oif && r.oif !== oif) return false;
  if (f.metric !== null && (r.priority ?? 0) !== f.metric) return false;
  return true;
}

export function showRoutes(io: CommandIO, opts: IpOpts, argv: string[]): number {
  return listOrFlush(io, opts, argv, false);
}

export function flushRoutes(io: CommandIO, opts: IpOpts, argv: string[]): number {
  if (argv.length === 0) throw new IpError('"ip route flush" requires arguments.\n', 1);
  return listOrFlush(io, opts, argv, true);
}

/**
 * iproute_flush(): dump, send RTM_DELROUTE for every route that passed the filter, repeat until a dump
 * finds nothing. The IPv6 routes here are addrconf's own and are left alone.
 */
function flush(
  io: CommandIO,
  opts: IpOpts,
  f: RouteFilter,
  family: 'inet' | 'inet6' | 'unspec',
  oif: number,
): number {
  const ns = opts.ns;
  return flushRounds(io, {
    noun: 'entries',
    stats: opts.stats > 0,
    maxRounds: 30,
    sendFailed: 2,
    dump: () => {
      const k = io.os.state.kernel;
      const n = xaGet(k.netns, ns);
      if (family === 'inet6' || !n) return [];
      return fib4TablesInDumpOrder(k, ns)
        .filter((id) => !f.tb || id === f.tb)
        .flatMap((id) => n.fib4[id] ?? [])
        .filter((r) => routePasses(f, fillRoute4(k, r), oif));
    },
    remove: (victims) =>
      io.os.mutate(({ kctx }) => {
        for (const r of victims) {
          fibDelete(kctx, ns, {
            table: r.table,
            dst: r.dst,
            dstLen: r.dstLen,
            tos: r.tos,
            priority: r.priority,
            type: r.type,
            ...(r.gateway !== null ? { gateway: r.gateway } : {}),
            ...(r.dev !== null ? { dev: r.dev } : {}),
          });
        }
      }),
    bailOut: (n) => {
      io.out(`\n*** Flush not completed after ${n} seconds, 0 entries remain ***\n`);
      return 1;
    },
  });
}

function listOrFlush(io: CommandIO, opts: IpOpts, argv: string[], flushing: boolean): number {
  const k = io.os.state.kernel;
  const ns = opts.ns;
  const nowUs = io.os.state.clock.nowUs;
  const f = parseFilter(opts, argv);
  let family = familyOf(opts);
  if (family === 'unspec' && f.tb) family = 'inet';
  const ll = new LlMap(k, ns);
  let oif = 0;
  if (f.oifName !== null) {
    oif = ll.index(f.oifName);
    if (!oif) throw new IpError(`Cannot find device "${f.oifName}"\n`, 1);
  }
  // The kernel checks a requested table exists before dumping (strict dump request with RTA_TABLE).
  if (f.tb) {
    const exists =
      family === 'inet6' ? fib6TableExists(k, ns, nowUs, f.tb) : xaGet(k.netns, ns)?.fib4[f.tb] !== undefined;
    if (!exists) {
      io.err(`Error: ${family === 'inet6' ? 'ipv6' : 'ipv4'}: FIB table does not exist.\nDump terminated\n`);
      return 2;
    }
  }
  // iproute_flush_cache(): `flush cache` writes net/ipv4/route/flush first (rt_cache_flush: learned path
  // MTUs are forgotten).
  if (flushing && f.cloned && family !== 'inet6') io.os.mutate(({ kctx }) => rtCacheFlush(kctx, ns));
  if (flushing) return flush(io, opts, f, family, oif);
  const table = f.tb || null;
  // The cache holds the learned path MTUs (IPv4 nexthop exceptions); IPv6 clones are not kept.
  const routes = f.cloned
    ? family !== 'inet6'
      ? cachedRoutes4(io.os.view(), ns)
      : []
    : [
        ...(family !== 'inet6' ? dumpRoutes4(k, ns, table) : []),
        ...(family !== 'inet' ? dumpRoutes6(k, ns, nowUs, table) : []),
      ];
  const color = colorEnabled(opts, io.isatty ?? false);
  const p = new Printer({ json: opts.json, pretty: opts.pretty, oneline: opts.oneline, color });
  const ctx: RoutePrintCtx = {
    p,
    ll,
    details: opts.details,
    filterTable: f.tb,
    hideProto: f.protocol !== null,
    hideScope: f.scope !== null,
    hideDev: oif !== 0,
    hideMetric: f.metric !== null,
    hideTos: f.tos !== null,
    hideGateway: f.rvia !== null && f.rvia.bitlen === (f.rvia.family === 'inet' ? 32 : 128),
    hidePrefsrc: f.rprefsrc !== null && f.rprefsrc.bitlen === (f.rprefsrc.family === 'inet' ? 32 : 128),
  };
  p.newJsonObj();
  for (const r of routes) if (routePasses(f, r, oif)) printRoute(ctx, r);
  p.deleteJsonObj();
  p.flush(io);
  return 0;
}
