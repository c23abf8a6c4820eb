/**
 * `ip route add|change|replace|prepend|append|test|delete` (iproute2 6.1 ip/iproute.c iproute_modify) and
 * the subcommand dispatch of `ip route` (do_iproute). The kernel's checks are route_check.ts; listing,
 * flush and get are route_show.ts and route_get.ts.
 */
import type { Ip4 } from '../../../lib';
import type { FibInsertMode, KernelError, RouteMetric, RouteType, Scope } from '../../../kernel';
import { devByName, fibDelete, fibInsert, xaGet } from '../../../kernel';
import { networkOf } from '../../../lib';
import type { CommandIO } from '../../types';
import type { IpOpts } from './opts';
import type { InetPrefix } from './prefix';
import { ip4Of, parseInetAddr, parseInetPrefix } from './prefix';
import { checkRoute } from './route_check';
import { modifyRoute6 } from './route6_modify';
import { routeGet } from './route_get';
import { flushRoutes, parseTableId, showRoutes } from './route_show';
import { ROUTE_USAGE } from './route_usage';
import { parseProto, parseScope } from './rtnl/names';
import { Args, IpError, invalidArg, matches, rtnlError } from './util';
import { denied } from '../../capability';

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

/** The metric keywords iproute2 matches, in its parse order (iproute_modify). */
const MX_NAMES = [
  'mtu',
  'hoplimit',
  'advmss',
  'rtt',
  'rttvar',
  'window',
  'cwnd',
  'initcwnd',
  'initrwnd',
  'ssthresh',
  'realms',
  'expires',
  'pref',
  'congctl',
  'quickack',
  'features',
  'rto_min',
  'reordering',
] as const;

/** The integer metrics kept, in RTAX_* order (mtu 2, window 3, ssthresh 6, cwnd 7, advmss 8, ...). */
const RTAX_ORDER: readonly string[] = [
  'mtu',
  'window',
  'ssthresh',
  'cwnd',
  'advmss',
  'reordering',
  'hoplimit',
  'initcwnd',
  'initrwnd',
  'quickack',
];

export interface RouteArgs {
  family: 'inet' | 'inet6' | 'unspec';
  type: RouteType | null;
  dst: InetPrefix | null;
  gateway: InetPrefix | null;
  dev: string | null;
  metric: number | null;
  table: number | null;
  protocol: string | null;
  scope: Scope | null;
  src: InetPrefix | null;
  onlink: boolean;
  tos: number;
  metrics: RouteMetric[];
}

function familyText(f: RouteArgs['family']): string {
  return f === 'unspec' ? 'any valid' : f;
}

export function parseRouteArgs(opts: IpOpts, argv: readonly string[]): RouteArgs {
  const r: RouteArgs = {
    family: opts.family === 'inet' || opts.family === 'inet6' ? opts.family : 'unspec',
    type: null,
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
    metrics: [],
  };
  const addr = (v: string): InetPrefix => {
    const a = parseInetAddr(v, r.family);
    if (a === null)
      throw new IpError(`Error: ${familyText(r.family)} address is expected rather than "${v}".\n`, 1);
    if (r.family === 'unspec') r.family = a.family;
    return a;
  };
  const cursor = new Args(argv);
  while (!cursor.done) {
    let w = cursor.next() as string;
    const next = (): string => cursor.value();
    if (w === 'src') r.src = addr(next());
    else if (w === 'via') {
      let v = next();
      if (r.gateway !== null) throw invalidArg('use nexthop syntax to specify multiple via\n', v);
      if (v === 'inet' || v === 'inet6') v = next();
      r.gateway = addr(v);
    } else if (w === 'from') next();
    else if (w === 'tos' || matches(w, 'dsfield')) {
      const v = next();
      const n = /^0x[0-9a-f]+$/i.test(v) ? parseInt(v, 16) : /^\d+$/.test(v) ? Number(v) : NaN;
      if (!(n >= 0 && n <= 255)) throw invalidArg('"tos" value is invalid\n', v);
      r.tos = n;
    } else if (matches(w, 'metric') || matches(w, 'priority') || w === 'preference') {
      const v = next();
      if (!/^(0x[0-9a-f]+|\d+)$/i.test(v) || Number(v) > 0xffffffff)
        throw invalidArg('"metric" value is invalid\n', v);
      r.metric = Number(v);
    } else if (w === 'scope') {
      const v = next();
      const s = parseScope(v);
      if (s === null || typeof s === 'number') throw invalidArg('invalid "scope" value\n', v);
      r.scope = s;
    } else if (w === 'onlink') r.onlink = true;
    else if (matches(w, 'protocol')) {
      const v = next();
      const p = parseProto(v);
      if (p === null) throw invalidArg('"protocol" value is invalid\n', v);
      r.protocol = p;
    } else if (matches(w, 'table')) {
      const v = next();
      const t = parseTableId(v);
      if (t === null) throw invalidArg('"table" value is invalid\n', v);
      r.table = t;
    } else if (w === 'dev' || w === 'oif') r.dev = next();
    else if (MX_NAMES.some((k) => w === k || matches(w, k))) {
      let v = next();
      const lock = v === 'lock';
      if (lock) v = next();
      const name = MX_NAMES.find((m) => w === m || matches(w, m));
      // Plain unsigned metrics are kept (RTA_METRICS); the time-valued and special ones are read and dropped.
      if (name !== undefined && RTAX_ORDER.includes(name)) {
        if (!/^\d+$/.test(v) || Number(v) > 0xffffffff) throw invalidArg(`"${name}" value is invalid\n`, v);
        r.metrics = r.metrics.filter((m) => m.name !== name);
        r.metrics.push({ name, value: Number(v), lock });
        r.metrics.sort((a, b) => RTAX_ORDER.indexOf(a.name) - RTAX_ORDER.indexOf(b.name));
      }
    } else {
      if (w === 'to') w = next();
      if ((w[0] ?? '0') < '0' || (w[0] ?? '0') > '9') {
        if (TYPES.includes(w)) {
          r.type = w as RouteType;
          w = next();
        }
      }
      if (w !== '' && 'help'.startsWith(w)) throw new IpError(ROUTE_USAGE, 255);
      if (r.dst !== null)
        throw new IpError(`Error: either "to" is duplicate, or "${w}" is a garbage.\n`, 255);
      const p = parseInetPrefix(w, r.family);
      if (p === null)
        throw new IpError(`Error: ${familyText(r.family)} prefix is expected rather than "${w}".\n`, 1);
      if (r.family === 'unspec') r.family = p.family;
      r.dst = p;
    }
  }
  if (r.dst === null) throw new IpError(ROUTE_USAGE, 255);
  return r;
}

type Mode = FibInsertMode | 'delete' | 'test';

function modify(io: CommandIO, opts: IpOpts, argv: string[], mode: Mode): number {
  const a = parseRouteArgs(opts, argv);
  const k = io.os.state.kernel;
  const dev = a.dev === null ? null : devByName(k, opts.ns, a.dev);
  if (a.dev !== null && !dev) throw new IpError(`Cannot find device "${a.dev}"\n`, 1);
  const refused = denied(io.proc, 'rtnetlink');
  if (refused) throw rtnlError(refused);
  if (a.family === 'inet6')
    return modifyRoute6(
      io,
      opts,
      a,
      dev,
      mode === 'add' || mode === 'delete' || mode === 'replace' || mode === 'change' ? mode : 'other',
    );
  const dst = a.dst as InetPrefix;
  const type: RouteType = a.type ?? 'unicast';
  const table = a.table ?? (type === 'local' || type === 'broadcast' || type === 'anycast' ? 255 : 254);
  const dstAddr = dst.bitlen === 0 ? 0 : ip4Of(dst);
  const gateway = a.gateway === null ? null : ip4Of(a.gateway);
  const src: Ip4 | null = a.src === null ? null : ip4Of(a.src);
  if (mode === 'delete') {
    const r = io.os.mutate(({ kctx }) =>
      fibDelete(kctx, opts.ns, {
        table,
        dst: dstAddr,
        dstLen: dst.bitlen,
        ...(a.tos ? { tos: a.tos } : {}),
        ...(a.metric !== null ? { priority: a.metric } : {}),
        ...(a.type !== null ? { type: a.type } : {}),
        ...(a.scope !== null ? { scope: a.scope } : {}),
        ...(a.protocol !== null ? { protocol: a.protocol } : {}),
        ...(gateway !== null ? { gateway } : {}),
        ...(dev ? { dev: dev.id } : {}),
        ...(src !== null ? { prefsrc: src } : {}),
      }),
    );
    if (!r.ok) throw rtnlError(r.error);
    return 0;
  }
  if (networkOf(dstAddr, dst.bitlen) !== dstAddr)
    throw rtnlError({ errno: 'EINVAL', extack: 'Invalid prefix for given prefix length' });
  // iproute_modify(): local/nat are host-scoped, broadcast/multicast/anycast link-scoped, a unicast route
  // without a gateway link-scoped; everything else (gateways, reject types) universe.
  const scope: Scope =
    a.scope ??
    (type === 'local'
      ? 'host'
      : type === 'broadcast' || type === 'multicast' || type === 'anycast'
        ? 'link'
        : type === 'unicast' && gateway === null
          ? 'link'
          : 'global');
  // The checks read the World as the line found it (nothing is written before the insert): through the
  // transaction's draft they would draft every device and route they look at.
  const k0 = io.os.view().k;
  const checked = checkRoute(k0, opts.ns, {
    table,
    type,
    dst: dstAddr,
    dstLen: dst.bitlen,
    scope,
    gateway,
    dev: dev?.id ?? null,
    onlink: a.onlink,
    prefsrc: src,
  });
  if ('error' in checked) throw rtnlError(checked.error);
  const route = checked.route;
  const existing = (xaGet(k0.netns, opts.ns)?.fib4[table] ?? []).some(
    (x) => x.dst === dstAddr && x.dstLen === dst.bitlen && x.tos === a.tos && x.priority === (a.metric ?? 0),
  );
  // `test` is NLM_F_EXCL without NLM_F_CREATE: EEXIST if the key is there, ENOENT otherwise.
  if (mode === 'test') throw rtnlError(existing ? { errno: 'EEXIST' } : { errno: 'ENOENT' });
  const err = io.os.mutate(({ kctx }): KernelError | null => {
    const res = fibInsert(
      kctx,
      opts.ns,
      {
        table,
        type,
        dst: dstAddr,
        dstLen: dst.bitlen,
        tos: a.tos,
        priority: a.metric ?? 0,
        protocol: a.protocol ?? 'boot',
        scope,
        prefsrc: src,
        gateway,
        dev: route.dev,
        onlink: a.onlink,
        ...(a.metrics.length > 0 ? { metrics: a.metrics } : {}),
      },
      mode,
    );
    return res.ok ? null : res.error;
  });
  if (err) throw rtnlError(err);
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
  if (matches(sub, 'test')) return modify(io, opts, rest, 'test');
  if (matches(sub, 'delete')) return modify(io, opts, rest, 'delete');
  if (matches(sub, 'list') || matches(sub, 'show') || matches(sub, 'lst')) return showRoutes(io, opts, rest);
  if (matches(sub, 'get')) return routeGet(io, opts, rest);
  if (matches(sub, 'flush')) return flushRoutes(io, opts, rest);
  if (matches(sub, 'help')) throw new IpError(ROUTE_USAGE, 255);
  throw new IpError(`Command "${sub}" is unknown, try "ip route help".\n`, 255);
}
