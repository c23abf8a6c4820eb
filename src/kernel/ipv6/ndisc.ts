/**
 * The IPv6 neighbour (ND) table as far as it shows without IPv6 traffic: the NOARP entries the stack makes
 * for the multicast destinations it sends to by itself once a device is configured (net/ipv6/ndisc.c
 * ndisc_constructor gives multicast destinations NUD_NOARP and the mapped 33:33:xx MAC):
 *  - ff02::16, where MLDv2 reports go when the solicited-node group is joined (mld_send_report);
 *  - ff02::1:ffXX:XXXX, the solicited-node group of each address, where its DAD probe goes;
 *  - ff02::2, where router solicitations go once the link-local address is usable (addrconf_dad_completed).
 * They are derived from device state like the IPv6 routes; NETDEV_DOWN (neigh_ifdown) empties them.
 */
import type { Mac } from '../../lib';
import { formatIp6, parseIp6 } from '../../lib';
import { devicesOf } from '../context';
import type { DevId, KernelState, NsId } from '../types';
import { DAD_US } from './addrconf';

export interface NdNeigh {
  dev: DevId;
  /** IPv6 address text. */
  addr: string;
  lladdr: Mac;
  /** When the stack first sent there (the entry's creation). */
  createdUs: number;
}

/** ipv6_eth_mc_map(): 33:33 and the low 32 bits of the group. */
function mcMac(groups: readonly number[]): Mac {
  const g6 = groups[6] ?? 0;
  const g7 = groups[7] ?? 0;
  const b = [0x33, 0x33, g6 >> 8, g6 & 255, g7 >> 8, g7 & 255];
  return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
}

export function ndiscNeighbours(k: KernelState, ns: NsId, nowUs: number): NdNeigh[] {
  const out: NdNeigh[] = [];
  for (const dev of devicesOf(k, ns)) {
    if (dev.kind === 'loopback' || !dev.adminUp || dev.addrconfSeq === null) continue;
    const ll = dev.inet6.find((a) => a.scope === 'link');
    const readyUs = Math.min(...dev.inet6.map((a) => a.dadUntilUs - DAD_US), nowUs);
    const add = (groups: number[], createdUs: number) => {
      if (createdUs > nowUs) return;
      const addr = formatIp6(groups);
      if (!out.some((e) => e.dev === dev.id && e.addr === addr))
        out.push({ dev: dev.id, addr, lladdr: mcMac(groups), createdUs });
    };
    add([0xff02, 0, 0, 0, 0, 0, 0, 0x16], readyUs);
    if (ll) add([0xff02, 0, 0, 0, 0, 0, 0, 2], ll.dadUntilUs);
    for (const a of dev.inet6) {
      const g = parseIp6(a.addr);
      if (!g) continue;
      add([0xff02, 0, 0, 0, 0, 1, 0xff00 | ((g[6] ?? 0) & 0xff), g[7] ?? 0], a.dadUntilUs - DAD_US);
    }
  }
  return out;
}
