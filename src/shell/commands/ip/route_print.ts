/**
 * print_route() of iproute2 6.1 ip/iproute.c: one route of a dump or the answer of `ip route get`, in text
 * (each field followed by a space, so lines end with one) or JSON.
 */
import type { RouteMetric } from '../../../kernel';
import { type Printer, familyColor } from './printer';
import type { LlMap } from './rtnl/ll_map';
import { RT_TABLE_MAIN, tableName } from './rtnl/names';
import type { RouteMsg } from './rtnl/route';
import { RTCF, RT_F } from './rtnl/route';

export interface RoutePrintCtx {
  p: Printer;
  ll: LlMap;
  details: number;
  /** filter.tb: a table was asked for (then "table X" is not printed). */
  filterTable: number;
  /** Fields the filter fixed exactly are left out (filter.*mask == -1). */
  hideProto: boolean;
  hideScope: boolean;
  hideDev: boolean;
  hideMetric: boolean;
  hideTos: boolean;
  /** `via ADDR` / `src ADDR` filters with a full-length address leave the field out. */
  hideGateway: boolean;
  hidePrefsrc: boolean;
}

/** A print context with no filter field hidden (`ip route get`, a table's rows outside a dump). */
export function plainRouteCtx(p: Printer, ll: LlMap, details: number, filterTable: number): RoutePrintCtx {
  return {
    p,
    ll,
    details,
    filterTable,
    hideProto: false,
    hideScope: false,
    hideDev: false,
    hideMetric: false,
    hideTos: false,
    hideGateway: false,
    hidePrefsrc: false,
  };
}

/** print_rt_flags(). */
function printRtFlags(p: Printer, flags: number): void {
  p.openArray('json', p.isJson ? 'flags' : '');
  const names: readonly [number, string][] = [
    [RT_F.DEAD, 'dead'],
    [RT_F.ONLINK, 'onlink'],
    [RT_F.PERVASIVE, 'pervasive'],
    [RT_F.OFFLOAD, 'offload'],
    [RT_F.TRAP, 'trap'],
    [RT_F.NOTIFY, 'notify'],
    [RT_F.LINKDOWN, 'linkdown'],
    [RT_F.UNRESOLVED, 'unresolved'],
    [0x4000, 'rt_offload'],
    [0x8000, 'rt_trap'],
    // RTM_F_OFFLOAD_FAILED shares its bit with the RTCF_MULTICAST cache flag of a cloned route.
    [0x20000000, 'rt_offload_failed'],
  ];
  for (const [bit, name] of names) if (flags & bit) p.string('any', null, '%s ', name);
  p.closeArray('json', null);
}

/** RTA_MARK: decimal below 16, hex above, nothing when 0. */
function printMark(p: Printer, mark: number | null): void {
  if (!mark) return;
  if (p.isJson) p.num('json', 'mark', null, mark);
  else if (mark >= 16) p.fp(`mark 0x${mark.toString(16)} `);
  else p.fp(`mark ${mark} `);
}

/** print_cache_flags(): "    cache " on its own line, then <local,brd,...> of the RTCF_* bits. */
function printCacheFlags(p: Printer, flags: number): void {
  const names: readonly [number, string][] = [
    [RTCF.LOCAL, 'local'],
    [RTCF.REJECT, 'reject'],
    [RTCF.MULTICAST, 'mc'],
    [RTCF.BROADCAST, 'brd'],
  ];
  let f = (flags >>> 16) << 16;
  f >>>= 0;
  if (p.isJson) {
    p.openArray('json', 'cache');
    for (const [bit, name] of names) if ((f & bit) >>> 0) p.string('json', null, null, name);
    p.closeArray('json', null);
    return;
  }
  p.fp(`${p.sl}    cache `);
  if (f === 0) return;
  p.fp('<');
  for (const [bit, name] of names) {
    if ((f & bit) >>> 0) {
      f = (f & ~bit) >>> 0;
      p.fp(`${name}${f ? ',' : '> '}`);
    }
  }
}

export function printRoute(ctx: RoutePrintCtx, r: RouteMsg): void {
  const { p } = ctx;
  const hostLen = r.family === 'inet6' ? 128 : 32;
  p.openObject();
  if (r.type !== 'unicast' || ctx.details > 0) p.string('any', 'type', '%s ', r.type);
  let dst: string;
  if (r.dst !== null) dst = r.dstLen !== hostLen ? `${r.dst}/${r.dstLen}` : r.dst;
  else if (r.dstLen) dst = `0/${r.dstLen} `;
  else dst = 'default';
  const fc = familyColor(r.family);
  // Only an RTA_DST is an address to colour; "default" is printed plain.
  p.colorString('any', r.dst !== null ? fc : null, 'dst', '%s ', dst);
  if (r.src !== null)
    p.colorString('any', fc, 'from', 'from %s ', r.srcLen !== hostLen ? `${r.src}/${r.srcLen}` : r.src);
  if (r.tos && !ctx.hideTos) p.string('any', 'tos', 'tos %s ', `0x${r.tos.toString(16).padStart(2, '0')}`);
  if (r.gateway !== null && !ctx.hideGateway) {
    if (p.isJson) p.string('json', 'gateway', null, r.gateway);
    else {
      p.fp('via ');
      p.colorString('fp', fc, null, '%s ', r.gateway);
    }
  }
  if (r.oif !== null && !ctx.hideDev) {
    const name = ctx.ll.name(r.oif);
    if (p.isJson) p.string('json', 'dev', null, name);
    else {
      p.fp('dev ');
      p.colorString('fp', 'ifname', null, '%s ', name);
    }
  }
  if (r.table && (r.table !== RT_TABLE_MAIN || ctx.details > 0) && !ctx.filterTable) {
    p.string('any', 'table', 'table %s ', tableName(r.table));
  }
  if (!(r.flags & RT_F.CLONED)) {
    if ((r.protocol !== 'boot' || ctx.details > 0) && !ctx.hideProto)
      p.string('any', 'protocol', 'proto %s ', r.protocol);
    if ((r.scope !== 'global' || ctx.details > 0) && !ctx.hideScope)
      p.string('any', 'scope', 'scope %s ', r.scope);
  }
  if (r.prefsrc !== null && !ctx.hidePrefsrc) {
    if (p.isJson) p.string('json', 'prefsrc', null, r.prefsrc);
    else {
      p.fp('src ');
      p.colorString('fp', fc, null, '%s ', r.prefsrc);
    }
  }
  if (r.priority !== null && !ctx.hideMetric) p.num('any', 'metric', 'metric %u ', r.priority);
  printRtFlags(p, r.flags);
  printMark(p, r.mark);
  if (r.uid !== null) p.num('any', 'uid', 'uid %u ', r.uid);
  if (r.family === 'inet' && r.flags & RT_F.CLONED) {
    printCacheFlags(p, r.flags);
    // print_rta_cacheinfo()
    if (r.expires) p.num('any', 'expires', 'expires %dsec ', r.expires);
  }
  if (r.metrics) printMetrics(p, r.metrics);
  if (r.iif !== undefined) {
    const name = ctx.ll.name(r.iif);
    if (p.isJson) p.string('json', 'iif', null, name);
    else p.fp(`iif ${name} `);
  }
  if (r.pref !== null) p.string('any', 'pref', 'pref %s', r.pref);
  p.string('fp', null, '\n', null);
  p.closeObject();
}

/** print_rta_metrics(): "mtu 1400 ", "mtu lock 1300 " in text; {"metrics":[{"mtu":1400}]} in JSON. */
function printMetrics(p: Printer, metrics: readonly RouteMetric[]): void {
  p.openArray('json', 'metrics');
  p.openObject();
  for (const m of metrics) {
    if (p.isJson) p.num('json', m.name, null, m.value);
    else p.fp(`${m.name} ${m.lock ? 'lock ' : ''}${m.value} `);
  }
  p.closeObject();
  p.closeArray('json', null);
}
