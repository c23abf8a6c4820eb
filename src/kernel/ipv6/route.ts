/**
 * The IPv6 routes the kernel holds for addrconf's own needs, derived from device state instead of stored
 * (net/ipv6/addrconf.c, route.c, ip6_fib.c):
 *  - `multicast ff00::/8` in table local, metric 256, when a non-loopback device is configured
 *    (addrconf_add_dev -> addrconf_add_mroute), and `fe80::/64` in main right after, when its link-local
 *    address is added (addrconf_add_linklocal -> addrconf_prefix_route);
 *  - the prefix route of every other address with a prefix shorter than /128 (addrconf_prefix_route);
 *  - `local ADDR` (metric 0) for every address once duplicate address detection is over: the host route is
 *    inserted by __ipv6_ifa_notify(RTM_NEWADDR), which runs when DAD completes.
 * A nexthop whose device is not running (no carrier) is flagged linkdown, except host routes (local).
 *
 * Dump order is the fib6 tree walk: main (254) before local (255); in a table, prefixes in a post-order
 * walk of the radix tree (a more specific prefix before the one containing it, siblings by address);
 * routes of one prefix by metric, then in insertion order.
 */
import { parseIp6 } from '../../lib';
import { devicesOf } from '../context';
import { xaGet } from '../xarray';
import type { DevId, KernelState, NetDevice, NsId } from '../types';
import { isTentative } from './addrconf';

export const RT6_TABLE_MAIN = 254;
export const RT6_TABLE_LOCAL = 255;

export interface Fib6Route {
  table: number;
  type: 'unicast' | 'local' | 'anycast' | 'multicast' | 'blackhole' | 'unreachable' | 'prohibit';
  /** Eight 16-bit groups. */
  dst: number[];
  dstLen: number;
  dev: DevId;
  metric: number;
  protocol: string;
  /** The nexthop's gateway (eight groups) of a route added with `via`. */
  gateway: number[] | null;
  /** The nexthop device has no carrier (RTNH_F_LINKDOWN). */
  linkdown: boolean;
  /** Insertion order among routes of the same prefix. */
  seq: number;
}

/** Bit `i` (0 = most significant) of an address given as eight groups. */
function bit(a: readonly number[], i: number): number {
  return ((a[i >> 4] ?? 0) >> (15 - (i & 15))) & 1;
}

/** fib6 walk order of two prefixes: the first differing bit decides; a prefix follows the ones it contains. */
export function compareFib6Prefix(
  a: readonly number[],
  alen: number,
  b: readonly number[],
  blen: number,
): number {
  const common = Math.min(alen, blen);
  for (let i = 0; i < common; i++) {
    const d = bit(a, i) - bit(b, i);
    if (d !== 0) return d;
  }
  return blen - alen;
}

export function maskGroups(a: readonly number[], len: number): number[] {
  return a.map((g, i) => {
    const keep = Math.max(0, Math.min(16, len - i * 16));
    return keep === 0 ? 0 : g & ((0xffff << (16 - keep)) & 0xffff);
  });
}

/** Whether the device has no carrier as routing sees it (IFF_RUNNING off: operstate not UP/UNKNOWN). */
function notRunning(dev: NetDevice): boolean {
  return !(dev.operstate === 'UP' || dev.operstate === 'UNKNOWN');
}

/** The IPv6 routes of a namespace, tables in dump order (main, then local). */
export function fib6Routes(k: KernelState, ns: NsId, nowUs: number): Fib6Route[] {
  const routes: Fib6Route[] = [];
  const clock = { clock: { nowUs } };
  for (const dev of devicesOf(k, ns)) {
    if (!dev.adminUp || dev.addrconfSeq === null) continue;
    const linkdown = notRunning(dev);
    const seq = dev.addrconfSeq;
    if (dev.kind !== 'loopback') {
      routes.push({
        table: RT6_TABLE_LOCAL,
        type: 'multicast',
        dst: [0xff00, 0, 0, 0, 0, 0, 0, 0],
        dstLen: 8,
        dev: dev.id,
        metric: 256,
        protocol: 'kernel',
        gateway: null,
        linkdown,
        seq,
      });
    }
    for (const a of dev.inet6) {
      const groups = parseIp6(a.addr);
      if (!groups) continue;
      if (a.prefixLen < 128) {
        const dst = maskGroups(groups, a.prefixLen);
        // The link-local prefix route comes with addrconf (ordered like the device); others with the address
        // (added when it was: its DAD deadline is its creation time plus a constant).
        const prefixSeq = a.scope === 'link' ? seq : a.dadUntilUs;
        if (
          !routes.some(
            (r) =>
              r.table === RT6_TABLE_MAIN &&
              r.dev === dev.id &&
              r.dstLen === a.prefixLen &&
              r.dst.every((g, i) => g === dst[i]),
          )
        ) {
          routes.push({
            table: RT6_TABLE_MAIN,
            type: 'unicast',
            dst,
            dstLen: a.prefixLen,
            dev: dev.id,
            metric: 256,
            protocol: 'kernel',
            gateway: null,
            linkdown,
            seq: prefixSeq,
          });
        }
      }
      if (!isTentative(clock, a.dadUntilUs)) {
        routes.push({
          table: RT6_TABLE_LOCAL,
          type: 'local',
          dst: groups,
          dstLen: 128,
          dev: dev.id,
          metric: 0,
          protocol: 'kernel',
          gateway: null,
          linkdown: false,
          seq: a.dadUntilUs,
        });
        // addrconf_join_anycast(): a forwarding device answers the subnet-router anycast address of each of
        // its prefixes (ipv6_dev_ac_inc adds the route to table local).
        if (dev.conf.ipv6_forwarding && a.prefixLen < 128 && dev.kind !== 'loopback') {
          const ac = maskGroups(groups, a.prefixLen);
          const dup = routes.some(
            (r) => r.type === 'anycast' && r.dev === dev.id && r.dst.every((g, i) => g === ac[i]),
          );
          if (!dup)
            routes.push({
              table: RT6_TABLE_LOCAL,
              type: 'anycast',
              dst: ac,
              dstLen: 128,
              dev: dev.id,
              metric: 0,
              protocol: 'kernel',
              gateway: null,
              linkdown: false,
              seq: dev.ifindex,
            });
        }
      }
    }
  }
  // Static routes (ip6_fib.ts) while their device is up.
  for (const r of xaGet(k.netns, ns)?.fib6 ?? []) {
    const dev = xaGet(k.devices, r.dev);
    if (!dev || !dev.adminUp) continue;
    routes.push({ ...r, linkdown: notRunning(dev) });
  }
  return routes.sort((x, y) =>
    x.table === y.table
      ? compareFib6Prefix(x.dst, x.dstLen, y.dst, y.dstLen) || x.metric - y.metric || x.seq - y.seq
      : // fib6 tables hash by id & 255 (FIB6_TABLE_HASHSZ 256): 100 before main (254) before local (255)
        (x.table & 255) - (y.table & 255) || x.table - y.table,
  );
}
