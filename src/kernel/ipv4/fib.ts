/**
 * The IPv4 forwarding information base, after net/ipv4/fib_trie.c (table storage and dump order) and
 * fib_semantics.c; the routes addresses and devices bring and take are fib_frontend.ts's.
 *
 * Tables are kept in the order fib_trie dumps them: by destination key ascending, then longer prefix first
 * (a leaf's aliases are sorted by suffix length), then tos descending, then priority ascending, then
 * insertion order (fib_insert_alias appends after equals).
 */
import type { Ip4 } from '../../lib';
import { maskOf, networkOf } from '../../lib';
import type { KernelCtx } from '../context';
import { nextOrderSeq, nsOf, peekOf, putOf } from '../context';
import { kerr, kok, type Errno, type KResult } from '../errno';
import type { DevId, FibRoute, NsId, RouteType, Scope } from '../types';
import { ruleMatches, type RuleFlow } from './fib_rules';

export const RT_TABLE_LOCAL = 255;
export const RT_TABLE_MAIN = 254;
export const RT_TABLE_DEFAULT = 253;

function compareRoutes(a: FibRoute, b: FibRoute): number {
  return a.dst - b.dst || b.dstLen - a.dstLen || b.tos - a.tos || a.priority - b.priority || a.seq - b.seq;
}

/** How the insert treats an existing route with the same (dst/len, tos, priority): rtnetlink's flags. */
export type FibInsertMode = 'add' | 'replace' | 'append' | 'prepend' | 'change';

export type NewRoute = Omit<FibRoute, 'seq'>;

function sameKey(a: FibRoute | NewRoute, b: FibRoute | NewRoute): boolean {
  return a.dst === b.dst && a.dstLen === b.dstLen && a.tos === b.tos && a.priority === b.priority;
}

function sameInfo(a: FibRoute | NewRoute, b: FibRoute | NewRoute): boolean {
  return (
    a.type === b.type &&
    a.gateway === b.gateway &&
    a.dev === b.dev &&
    a.prefsrc === b.prefsrc &&
    a.scope === b.scope &&
    a.protocol === b.protocol &&
    // fib_find_info() compares the metrics too: `change ... mtu 1400` is a different fib_info.
    JSON.stringify(a.metrics ?? []) === JSON.stringify(b.metrics ?? [])
  );
}

/**
 * A route as the table keeps it, every field in one order: routes come from a dozen call sites in as many
 * shapes, and `{ ...route, seq }` at one site seeing them all gave every route a hidden class (V8 map) of its
 * own, which made every route lookup's reads megamorphic.
 */
function routeRecord(r: NewRoute, seq: number): FibRoute {
  const out: FibRoute = {
    table: r.table,
    type: r.type,
    dst: r.dst,
    dstLen: r.dstLen,
    tos: r.tos,
    priority: r.priority,
    protocol: r.protocol,
    scope: r.scope,
    prefsrc: r.prefsrc,
    gateway: r.gateway,
    dev: r.dev,
    onlink: r.onlink,
    seq,
  };
  if (r.metrics !== undefined) out.metrics = r.metrics;
  return out;
}

/**
 * fib_table_insert(). The table is searched through `peek` and written back whole: searching it through the
 * draft would draft every route passed, and a splice into the draft drafts every route after the slot.
 */
export function fibInsert(ctx: KernelCtx, ns: NsId, route: NewRoute, mode: FibInsertMode): KResult<FibRoute> {
  const peek = peekOf(ctx);
  const put = putOf(ctx);
  const fib4 = nsOf(ctx.k, ns).fib4;
  const cur = peek(peek(fib4)[route.table]);
  const table: FibRoute[] = cur ? cur.map(peek) : [];
  if (!cur) put(fib4, route.table, []);
  if (route.dst !== networkOf(route.dst, route.dstLen))
    return kerr('EINVAL', 'Invalid prefix for given prefix length');
  const existing = table.findIndex((r) => sameKey(r, route));
  const full = routeRecord(route, nextOrderSeq(ctx.k));
  // The new table keeps the rows as they were (drafts included: put then lets immer finalise them).
  const next = cur ? cur.slice() : [];
  if (existing >= 0) {
    // fib_table_insert(): fa_first is the group's first alias, fa_match an identical one (type and info).
    const first = table[existing] as FibRoute;
    const match = table.find((r) => sameKey(r, route) && sameInfo(r, route));
    switch (mode) {
      case 'add':
        return kerr('EEXIST');
      case 'replace':
      case 'change':
        // An identical route already in the group: nothing to do if it is the first, EEXIST otherwise.
        if (match) return match === first ? kok(first) : kerr('EEXIST');
        full.seq = first.seq;
        next[existing] = full;
        put(fib4, route.table, next);
        return kok(full);
      case 'append':
        if (match) return kerr('EEXIST');
        break;
      case 'prepend':
        if (match) return kerr('EEXIST');
        full.seq = first.seq - 0.5;
        break;
    }
  } else if (mode === 'change') {
    return kerr('ENOENT');
  }
  const at = table.findIndex((r) => compareRoutes(full, r) < 0);
  if (at < 0) next.push(full);
  else next.splice(at, 0, full);
  put(fib4, route.table, next);
  return kok(full);
}

/** What `ip route del` matches on: unset fields are wildcards, as fib_table_delete does. */
export interface RouteSelector {
  table: number;
  dst: Ip4;
  dstLen: number;
  tos?: number;
  priority?: number;
  type?: RouteType;
  gateway?: Ip4;
  dev?: DevId;
  protocol?: string;
  scope?: Scope;
  prefsrc?: Ip4;
}

/** fib_table_delete(): the first route matching the selector; ESRCH ("No such process") when none does. */
export function fibDelete(ctx: KernelCtx, ns: NsId, sel: RouteSelector): KResult<FibRoute> {
  const n = nsOf(ctx.k, ns);
  const table = n.fib4[sel.table];
  if (!table) return kerr('ESRCH');
  const i = table.findIndex(
    (r) =>
      r.dst === sel.dst &&
      r.dstLen === sel.dstLen &&
      (sel.tos === undefined || r.tos === sel.tos) &&
      (sel.priority === undefined || r.priority === sel.priority) &&
      (sel.type === undefined || r.type === sel.type) &&
      (sel.gateway === undefined || r.gateway === sel.gateway) &&
      (sel.dev === undefined || r.dev === sel.dev) &&
      (sel.protocol === undefined || r.protocol === sel.protocol) &&
      (sel.scope === undefined || r.scope === sel.scope) &&
      (sel.prefsrc === undefined || r.prefsrc === sel.prefsrc),
  );
  if (i < 0) return kerr('ESRCH');
  const [removed] = table.splice(i, 1);
  return kok(removed as FibRoute);
}

export interface FibResult {
  route: FibRoute;
  table: number;
  /** A rule's own error (FR_ACT_UNREACHABLE is -ENETUNREACH, where a route of type unreachable is -EHOSTUNREACH). */
  errno?: Errno;
}

/** fib_table_lookup(): longest prefix match in one table; routes on devices without carrier still match. */
export function fibTableLookup(ctx: KernelCtx, ns: NsId, table: number, dst: Ip4, tos = 0): FibRoute | null {
  // Read without drafting (every packet looks up routes); the route found is for reading too.
  const peek = peekOf(ctx);
  const routes = peek(peek(peek(nsOf(ctx.k, ns)).fib4)[table]);
  if (!routes) return null;
  let best: FibRoute | null = null;
  for (const r0 of routes) {
    const r = peek(r0);
    if ((dst & maskOf(r.dstLen)) >>> 0 !== r.dst) continue;
    if (r.tos !== 0 && r.tos !== tos) continue;
    if (best === null || r.dstLen > best.dstLen || (r.dstLen === best.dstLen && r.priority < best.priority))
      best = r;
  }
  return best;
}

/**
 * fib_lookup() -> fib_rules_lookup(): the rules in list order; a rule whose selectors match either answers
 * with its action (blackhole/unreachable/prohibit) or looks up its table, and a table without a match (or a
 * `throw` route) passes on to the next rule (-EAGAIN).
 */
export function fibLookup(
  ctx: KernelCtx,
  ns: NsId,
  dst: Ip4,
  tos = 0,
  flow: RuleFlow = {},
): FibResult | null {
  const peek = peekOf(ctx);
  for (const r0 of peek(peek(nsOf(ctx.k, ns)).rules)) {
    const rule = peek(r0);
    if (!ruleMatches(ctx, rule, dst, flow)) continue;
    const action = rule.action ?? 'lookup';
    if (action !== 'lookup') {
      // The rule's error, carried as a reject route of that type; fib4_rule_action() answers an
      // `unreachable` rule with -ENETUNREACH (a route of type unreachable is -EHOSTUNREACH).
      return {
        route: rejectRoute(action, dst),
        table: rule.table,
        ...(action === 'unreachable' ? { errno: 'ENETUNREACH' as const } : {}),
      };
    }
    const r = fibTableLookup(ctx, ns, rule.table, dst, tos);
    if (r && r.type !== 'throw') return { route: r, table: rule.table };
  }
  return null;
}

function rejectRoute(type: 'blackhole' | 'unreachable' | 'prohibit', dst: Ip4): FibRoute {
  return {
    table: 0,
    type,
    dst,
    dstLen: 32,
    tos: 0,
    priority: 0,
    protocol: 'kernel',
    scope: 'nowhere',
    prefsrc: null,
    gateway: null,
    dev: null,
    onlink: false,
    seq: 0,
  };
}
