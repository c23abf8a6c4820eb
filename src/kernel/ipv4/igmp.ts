/**
 * The IPv4 neighbour entry IGMP leaves behind without any IPv4 traffic: a bridge that opens with multicast
 * snooping joins the all-snoopers group 224.0.0.106 (br_multicast_join_snoopers -> ip_mc_inc_group), which
 * sends IGMPv3 membership reports to 224.0.0.22 (igmpv3_send_cr); the route to that multicast address gets
 * a NUD_NOARP neighbour with the mapped MAC 01:00:5e:00:00:16 (arp_constructor, ip_eth_mc_map). NETDEV_DOWN
 * (neigh_ifdown) takes it away and the next open sends the reports again, so it is derived from the device
 * state like the IPv6 ones in ipv6/ndisc.ts. Seen with `ip neigh show nud noarp` on Linux 6.18: only
 * bridges have it (plain veths with addresses do not).
 */
import type { Ip4, Mac } from '../../lib';
import { devicesOf } from '../context';
import type { DevId, KernelState, NsId } from '../types';

/** IGMPV3_ALL_MCR */
export const IGMPV3_ALL_MCR: Ip4 = 0xe0000016;

export interface IgmpNeigh {
  dev: DevId;
  ip: Ip4;
  lladdr: Mac;
}

export function igmpNeighbours(k: KernelState, ns: NsId): IgmpNeigh[] {
  const out: IgmpNeigh[] = [];
  for (const dev of devicesOf(k, ns)) {
    if (dev.kind !== 'bridge' || !dev.adminUp || !dev.bridge.multicastSnooping) continue;
    out.push({ dev: dev.id, ip: IGMPV3_ALL_MCR, lladdr: '01:00:5e:00:00:16' });
  }
  return out;
}
