/**
 * A device's hardware multicast list (dev->mc, net/core/dev_addr_lists.c), derived from the state that
 * fills it on Linux rather than stored: `bridge fdb show` lists it as `self permanent` entries
 * (ndo_dflt_fdb_dump) and `ip maddr` as `link` lines. Only Ethernet-type devices have one that is shown.
 *
 * Who adds what, in the order the entries are added (the list keeps insertion order):
 * - IPv6 joins ff02::1 (33:33:00:00:00:01) when the device is registered (ipv6_add_dev), if its MTU is at
 *   least 1280 so it gets an inet6_dev at all. ipv6_mc_down() withdraws the IPv6 groups when a device IPv6
 *   was ready on goes down or gets disable_ipv6, and ipv6_mc_up() restores them when it is ready again
 *   (`inet6McDown`). A device that was never ready keeps ff02::1 even with IPv6 disabled.
 * - A bridge that opens with multicast snooping joins the snoopers' groups 224.0.0.106 and ff02::6a
 *   (br_multicast_join_snoopers, from br_dev_open) and leaves them when it stops.
 * - NETDEV_UP: ip_mc_up() joins 224.0.0.1 (01:00:5e:00:00:01) on every device; every device has an
 *   in_device, addresses or not. NETDEV_DOWN leaves it.
 * - Each IPv6 address joins its solicited-node group ff02::1:ffXX:XXXX (33:33:ff:XX:XX:XX) while it exists,
 *   tentative or not (addrconf_join_solict). Groups are refcounted, so addresses ending alike share one.
 *
 * Checked on Linux 6.18 with veths and bridges in scratch namespaces (up/down, carrier loss, disable_ipv6
 * before and after up, mtu 1200, mcast_snooping 0).
 */
import type { Mac } from '../../lib';
import { parseIp6 } from '../../lib';
import type { KernelCtx } from '../context';
import { ipv6Disabled } from '../ipv6/addrconf';
import type { NetDevice } from '../types';

/** IPV6_MIN_MTU: below it a device gets no inet6_dev (and no IPv6 groups). */
const IPV6_MIN_MTU = 1280;

const ALL_NODES6 = '33:33:00:00:00:01';
const ALL_SNOOPERS4 = '01:00:5e:00:00:6a';
const ALL_SNOOPERS6 = '33:33:00:00:00:6a';
const ALL_HOSTS4 = '01:00:5e:00:00:01';

/** ndisc_mc_map() of the solicited-node group of an IPv6 address: 33:33:ff + its last three bytes. */
export function solicitedNodeMacOf(addr: string): Mac | null {
  const g = parseIp6(addr);
  if (!g) return null;
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  const g6 = g[6] ?? 0;
  const g7 = g[7] ?? 0;
  return `33:33:ff:${hex(g6 & 0xff)}:${hex(g7 >> 8)}:${hex(g7 & 0xff)}`;
}

/** dev->mc, in the order Linux adds the entries when a device is created and brought up. */
export function devMcList(ctx: KernelCtx, dev: NetDevice): Mac[] {
  if (dev.kind === 'loopback') return [];
  const out: Mac[] = [];
  const add = (m: Mac | null) => {
    if (m !== null && !out.includes(m)) out.push(m);
  };
  const hasIdev = dev.mtu >= IPV6_MIN_MTU;
  if (hasIdev && !dev.inet6McDown) add(ALL_NODES6);
  if (dev.adminUp && dev.kind === 'bridge' && dev.bridge.multicastSnooping) {
    add(ALL_SNOOPERS4);
    // ff02::6a is joined at open even with IPv6 disabled; only a withdrawal while open drops it.
    if (hasIdev && !(dev.inet6McDown && ipv6Disabled(ctx, dev))) add(ALL_SNOOPERS6);
  }
  if (dev.adminUp) add(ALL_HOSTS4);
  if (!dev.inet6McDown) for (const a of dev.inet6) add(solicitedNodeMacOf(a.addr));
  return out;
}
