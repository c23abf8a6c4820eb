/**
 * BusyBox 1.35 `ip route list|show|flush|get` (libiproute/iproute.c iproute_list_or_flush, iproute_get,
 * print_route): no "proto", no "linkdown", no "pref", " src A " and " metric N " with their own leading
 * spaces (hence "scope link  src"), the IPv6 main table meaning "every IPv6 route that is not local".
 */
import type { Ip4 } from '../../../../lib';
import { devByIndex, strerror, xaGet } from '../../../../kernel';
import { fibDelete } from '../../../../kernel';
import type { CommandIO } from '../../../types';
import type { IpOpts } from '../opts';
import type { InetPrefix } from '../prefix';
import { addrInPrefix, ip4Of, parseInetAddr, parseInetPrefix } from '../prefix';
import { LlMap } from '../rtnl/ll_map';
import { RT_TABLE_LOCAL, RT_TABLE_MAIN, parseScope, scopeNum, tableName } from '../rtnl/names';
import type { RouteMsg } from '../rtnl/route';
import { RT_F, dumpRoutes4, dumpRoutes6, fib4TablesInDumpOrder, fillRoute4 } from '../rtnl/route';
import { routeGet4 } from '../rtnl/route_get';
import { routeGet6 } from '../rtnl/route_get6';
import { parseTableId } from '../route_show';
import { Args } from '../util';
import { bbDie, indexInSubstrings } from './util';
import { permitted } from '../../../capability';

interface BbRouteFilter {
  /** -1 cache, 0 all, else a table id. */
  tb: number;
  scope: number | null;
  oif: number;
  rvia: InetPrefix | null;
  rdst: InetPrefix | null;
  mdst: InetPrefix | null;
}

/** print_route(). */
export function bbRouteLine(r: RouteMsg, f: BbRouteFilter, ll: LlMap): string {
  const hostLen = r.family === 'inet6' ? 128 : 32;
  let s = r.type !== 'unicast' ? `${r.type} ` : '';
  if (r.dst !== null) s += r.dstLen !== hostLen ? `${r.dst}/${r.dstLen} ` : `${r.dst} `;
  else if (r.dstLen) s += `0/${r.dstLen} `;
  else s += 'default ';
  if (r.src !== null) s += r.srcLen !== hostLen ? `from ${r.src}/${r.srcLen} ` : `from ${r.src} `;
  if (r.gateway !== null && f.rvia?.bitlen !== hostLen) s += `via ${r.gateway} `;
  if (r.oif !== null) s += `dev ${ll.name(r.oif)} `;
  if (r.table && r.table !== RT_TABLE_MAIN && !f.tb) s += `table ${tableName(r.table)} `;
  if (!(r.flags & RT_F.CLONED) && r.scope !== 'global' && f.scope === null) s += `scope ${r.scope} `;
  if (r.prefsrc !== null) s += ` src ${r.prefsrc} `;
  if (r.priority !== null) s += ` metric ${r.priority} `;
  if (r.flags & RT_F.DEAD) s += 'dead ';
  if (r.flags & RT_F.ONLINK) s += 'onlink ';
  if (r.flags & RT_F.PERVASIVE) s += 'pervasive ';
  if (r.flags & RT_F.NOTIFY) s += 'notify ';
  if (r.family === 'inet6' && r.flags & RT_F.CLONED) s += '\n    cache ';
  return s + '\n';
}

function passes(r: RouteMsg, f: BbRouteFilter): boolean {
  if (r.family === 'inet6') {
    if (f.tb < 0) return false;
    if (f.tb === RT_TABLE_LOCAL && r.type !== 'local') return false;
    if (f.tb === RT_TABLE_MAIN && r.type === 'local') return false;
    if (f.tb > 0 && f.tb !== RT_TABLE_LOCAL && f.tb !== RT_TABLE_MAIN) return false;
  } else if (f.tb > 0 && f.tb !== r.table) return false;
  if (f.scope !== null && scopeNum(r.scope) !== f.scope) return false;
  if (f.rdst && (r.family !== f.rdst.family || f.rdst.bitlen > r.dstLen)) return false;
  if (f.mdst && (r.family !== f.mdst.family || (f.mdst.bitlen >= 0 && f.mdst.bitlen < r.dstLen)))
    return false;
  const dst = { ...(parseInetAddr(r.dst ?? 'default', r.family) as InetPrefix), bitlen: r.dstLen };
  if (f.rdst && !addrInPrefix(dst, f.rdst, f.rdst.bitlen)) return false;
  if (f.mdst && !addrInPrefix(dst, f.mdst, r.dstLen)) return false;
  if (f.oif && r.oif !== f.oif) return false;
  return true;
}

export function bbListRoutes(io: CommandIO, opts: IpOpts, argv: readonly string[], flush: boolean): number {
  if (flush && argv.length === 0) throw bbDie('"ip route flush" requires an argument');
  const k = io.os.state.kernel;
  const ns = opts.ns;
  const ll = new LlMap(k, ns);
  const f: BbRouteFilter = { tb: RT_TABLE_MAIN, scope: null, oif: 0, rvia: null, rdst: null, mdst: null };
  let family: 'inet' | 'inet6' | 'unspec' =
    opts.family === 'inet' || opts.family === 'inet6' ? opts.family : 'unspec';
  const keywords = [
    'protocol',
    'dev',
    'oif',
    'iif',
    'via',
    'table',
    'cache',
    'from',
    'to',
    'scope',
    'all',
    'root',
    'match',
    'exact',
    'main',
  ];
  const prefix = (v: string): InetPrefix => {
    const p = parseInetPrefix(v, family);
    if (p === null) throw bbDie(`an inet prefix is expected rather than "${v}"`);
    return p;
  };
  let od: string | null = null;
  const cursor = new Args(argv, () => bbDie('command line is not complete, try "help"'));
  while (!cursor.done) {
    let w = cursor.next() as string;
    const next = (): string => cursor.value();
    let arg = indexInSubstrings(keywords, w);
    if (arg === 0 || arg === 3) next();
    else if (arg === 1 || arg === 2) od = next();
    else if (arg === 4) f.rvia = prefix(next());
    else if (arg === 5) {
      const v = next();
      const parm = indexInSubstrings(keywords, v);
      if (parm === 6) f.tb = -1;
      else if (parm === 10) f.tb = 0;
      else if (parm !== 14) {
        const t = parseTableId(v);
        if (t === null) throw bbDie(`invalid argument '${v}' to 'table'`);
        f.tb = t;
      }
    } else if (arg === 6) f.tb = -1;
    else if (arg === 9) {
      const v = next();
      const s = parseScope(v);
      if (s === null && v !== 'all') throw bbDie(`invalid argument '${v}' to 'scope'`);
      f.scope = s === null ? null : typeof s === 'number' ? s : scopeNum(s);
    } else if (arg === 7) {
      let v = next();
      if (indexInSubstrings(keywords, v) >= 11) v = next();
      prefix(v);
    } else {
      if (arg === 8) {
        w = next();
        arg = indexInSubstrings(keywords, w);
      }
      if (arg === 11) f.rdst = prefix(next());
      else if (arg === 12) f.mdst = prefix(next());
      else {
        if (arg === 13) w = next();
        f.mdst = prefix(w);
        f.rdst = f.mdst;
      }
    }
  }
  if (family === 'unspec' && f.tb) family = 'inet';
  if (od !== null) {
    f.oif = ll.index(od);
    if (!f.oif) throw bbDie(`can't find device '${od}'`);
  }
  const nowUs = io.os.state.clock.nowUs;
  if (flush) {
    const anyMatch = (): boolean => {
      const n = xaGet(k.netns, ns);
      if (!n || family === 'inet6') return false;
      return fib4TablesInDumpOrder(k, ns).some((id) =>
        (n.fib4[id] ?? []).some((r) => passes(fillRoute4(k, r), f)),
      );
    };
    // The deletes go out in one batch; rtnl_send_check() sees the EPERM of a process without CAP_NET_ADMIN.
    if (!permitted(io.proc, 'rtnetlink') && anyMatch())
      throw bbDie("can't send flush request: Operation not permitted");
    io.os.mutate(({ kctx }) => {
      const n = xaGet(kctx.k.netns, ns);
      if (!n || family === 'inet6') return;
      for (const id of fib4TablesInDumpOrder(kctx.k, ns)) {
        for (const r of [...(n.fib4[id] ?? [])]) {
          if (!passes(fillRoute4(kctx.k, r), f)) continue;
          fibDelete(kctx, ns, {
            table: r.table,
            dst: r.dst,
            dstLen: r.dstLen,
            tos: r.tos,
            priority: r.priority,
            type: r.type,
          });
        }
      }
    });
    return 0;
  }
  // BusyBox asks for a plain (not strict) dump: every table comes back and is filtered here.
  const routes = [
    ...(family !== 'inet6' ? dumpRoutes4(k, ns, null) : []),
    ...(family !== 'inet' ? dumpRoutes6(k, ns, nowUs, null) : []),
  ];
  io.out(
    routes
      .filter((r) => passes(r, f))
      .map((r) => bbRouteLine(r, f, ll))
      .join(''),
  );
  return 0;
}

/** iproute_get(): from, iif, oif/dev, notify, connected, to. */
export function bbGetRoute(io: CommandIO, opts: IpOpts, argv: readonly string[]): number {
  const k = io.os.state.kernel;
  const ns = opts.ns;
  const ll = new LlMap(k, ns);
  let family: 'inet' | 'inet6' | 'unspec' =
    opts.family === 'inet' || opts.family === 'inet6' ? opts.family : 'unspec';
  let dst: InetPrefix | null = null;
  let src: InetPrefix | null = null;
  let odev: string | null = null;
  let connected = false;
  const prefix = (v: string): InetPrefix => {
    const p = parseInetPrefix(v, family);
    if (p === null) throw bbDie(`an inet prefix is expected rather than "${v}"`);
    if (family === 'unspec') family = p.family;
    return p;
  };
  const options = ['from', 'iif', 'oif', 'dev', 'notify', 'connected', 'to'];
  const cursor = new Args(argv, () => bbDie('command line is not complete, try "help"'));
  while (!cursor.done) {
    const w = cursor.next() as string;
    const next = (): string => cursor.value();
    const key = options.indexOf(w);
    if (key === 0) src = prefix(next());
    else if (key === 1) next();
    else if (key === 2 || key === 3) odev = next();
    else if (key === 4) {
      /* notify */
    } else if (key === 5) connected = true;
    else dst = prefix(key === 6 ? next() : w);
  }
  if (dst === null || dst.bitlen === 0) throw bbDie('need at least destination address');
  let oif = null;
  if (odev !== null) {
    const idx = ll.index(odev);
    if (!idx) throw bbDie(`can't find device '${odev}'`);
    oif = devByIndex(k, ns, idx);
  }
  const r =
    dst.family === 'inet6'
      ? routeGet6(k, ns, io.os.state.clock.nowUs, dst, src, oif)
      : routeGet4(io.os.view(), ns, {
          dst: ip4Of(dst) as Ip4,
          src: src === null ? null : ip4Of(src),
          oif,
          mark: 0,
          uid: 0,
          tos: 0,
        });
  if (!r.ok) throw bbDie(`RTNETLINK answers: ${strerror(r.errno)}`, 2);
  // BusyBox does not ask for RTM_F_LOOKUP_TABLE: the answer says table main.
  const msg: RouteMsg = { ...r.msg, table: r.msg.family === 'inet' ? RT_TABLE_MAIN : r.msg.table, uid: null };
  const f: BbRouteFilter = { tb: 0, scope: null, oif: 0, rvia: null, rdst: null, mdst: null };
  let out = bbRouteLine(msg, f, ll);
  if (connected && src === null) out += bbRouteLine(msg, f, ll);
  io.out(out);
  return 0;
}
