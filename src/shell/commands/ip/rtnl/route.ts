/**
 * RTM_NEWROUTE messages of a route dump: IPv4 from the FIB (fib_dump_info, net/ipv4/fib_semantics.c; tables
 * walked by hash bucket, id & 255, so main before local), then IPv6 (rt6_fill_node, net/ipv6/route.c) from
 * the routes addrconf keeps (kernel/ipv6/route.ts).
 */
import { formatIp4, formatIp6 } from '../../../../lib';
import type { FibRoute, KernelState, NetDevice, NsId, RouteMetric, Scope } from '../../../../kernel';
import { fib6Routes, xaGet } from '../../../../kernel';
import { protoName } from './names';

/** RTNH_F_* (low byte) and RTM_F_* flags of rtm_flags, and the RTCF_* cache flags of cloned routes. */
export const RT_F = {
  DEAD: 0x1,
  PERVASIVE: 0x2,
  ONLINK: 0x4,
  OFFLOAD: 0x8,
  LINKDOWN: 0x10,
  UNRESOLVED: 0x20,
  TRAP: 0x40,
  NOTIFY: 0x100,
  CLONED: 0x200,
} as const;

export const RTCF = {
  BROADCAST: 0x10000000,
  MULTICAST: 0x20000000,
  REJECT: 0x40000000,
  LOCAL: 0x80000000,
} as const;

export interface RouteMsg {
  family: 'inet' | 'inet6';
  table: number;
  /** rtm_type by name (rtnl_rtntype_n2a). */
  type: string;
  dst: string | null;
  dstLen: number;
  src: string | null;
  srcLen: number;
  tos: number;
  protocol: string;
  scope: Scope;
  /** rtm_flags, including cache flags for cloned (route get) answers. */
  flags: number;
  gateway: string | null;
  oif: number | null;
  prefsrc: string | null;
  /** RTA_PRIORITY: IPv4 only when non-zero; IPv6 always. */
  priority: number | null;
  /** RTA_PREF (IPv6): 'medium'. */
  pref: string | null;
  uid: number | null;
  /** RTA_MARK (route get with `mark N`). */
  mark: number | null;
  /** RTA_CACHEINFO of a cloned route: present, all zero (nothing to print) but for `expires`. */
  cacheinfo: boolean;
  /** rta_expires in seconds (a learned path MTU's remaining life), when not 0. */
  expires?: number;
  /** RTA_METRICS, in RTAX_* order. */
  metrics?: readonly RouteMetric[];
  /** RTA_IIF of an input route (`ip route get ... iif DEV`). */
  iif?: number;
}

/** IFF_RUNNING of a nexthop device (netif_oper_up). */
export function devRunning(dev: NetDevice | undefined): boolean {
  return !!dev && dev.adminUp && (dev.operstate === 'UP' || dev.operstate === 'UNKNOWN');
}

/** fib_dump_info() for one alias. A nexthop on a device without carrier is linkdown unless host-scoped. */
export function fillRoute4(k: KernelState, r: FibRoute): RouteMsg {
  const dev = r.dev === null ? undefined : xaGet(k.devices, r.dev);
  let flags = 0;
  if (r.onlink) flags |= RT_F.ONLINK;
  if (dev && r.scope !== 'host' && !devRunning(dev)) flags |= RT_F.LINKDOWN;
  return {
    family: 'inet',
    table: r.table,
    type: r.type,
    dst: r.dstLen > 0 ? formatIp4(r.dst) : null,
    dstLen: r.dstLen,
    src: null,
    srcLen: 0,
    tos: r.tos,
    protocol: protoName(r.protocol),
    scope: r.scope,
    flags,
    gateway: r.gateway === null ? null : formatIp4(r.gateway),
    oif: dev ? dev.ifindex : null,
    prefsrc: r.prefsrc === null ? null : formatIp4(r.prefsrc),
    priority: r.priority !== 0 ? r.priority : null,
    pref: null,
    uid: null,
    mark: null,
    cacheinfo: false,
    ...(r.metrics && r.metrics.length > 0 ? { metrics: r.metrics } : {}),
  };
}

/** The IPv4 tables of a namespace in dump order: by hash bucket (id & 255). */
export function fib4TablesInDumpOrder(k: KernelState, ns: NsId): number[] {
  const n = xaGet(k.netns, ns);
  if (!n) return [];
  return Object.keys(n.fib4)
    .map(Number)
    .sort((a, b) => (a & 255) - (b & 255) || b - a);
}

/** inet_dump_fib(): every table (or one) of the namespace. */
export function dumpRoutes4(k: KernelState, ns: NsId, table: number | null): RouteMsg[] {
  const n = xaGet(k.netns, ns);
  if (!n) return [];
  const out: RouteMsg[] = [];
  for (const id of fib4TablesInDumpOrder(k, ns)) {
    if (table !== null && id !== table) continue;
    for (const r of n.fib4[id] ?? []) out.push(fillRoute4(k, r));
  }
  return out;
}

/** inet6_dump_fib(): the IPv6 routes of the namespace (optionally one table). */
export function dumpRoutes6(k: KernelState, ns: NsId, nowUs: number, table: number | null): RouteMsg[] {
  return fib6Routes(k, ns, nowUs)
    .filter((r) => table === null || r.table === table)
    .map((r) => ({
      family: 'inet6' as const,
      table: r.table,
      type: r.type,
      dst: r.dstLen > 0 ? formatIp6(r.dst) : null,
      dstLen: r.dstLen,
      src: null,
      srcLen: 0,
      tos: 0,
      protocol: protoName(r.protocol),
      scope: 'global' as const,
      flags: r.linkdown ? RT_F.LINKDOWN : 0,
      gateway: r.gateway === null ? null : formatIp6(r.gateway),
      oif: xaGet(k.devices, r.dev)?.ifindex ?? null,
      prefsrc: null,
      priority: r.metric,
      pref: 'medium',
      uid: null,
      mark: null,
      cacheinfo: false,
    }));
}

/** Whether an IPv6 table exists (fib6_get_table): main and local once anything is configured. */
export function fib6TableExists(k: KernelState, ns: NsId, nowUs: number, table: number): boolean {
  if (table === 254 || table === 255) return true;
  return fib6Routes(k, ns, nowUs).some((r) => r.table === table);
}
