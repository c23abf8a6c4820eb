/**
 * ARP and neighbour resolution (net/ipv4/arp.c, net/core/neighbour.c timers).
 * Placeholder until the packet path lands.
 */
import type { Ip4 } from '../../lib';
import type { KernelCtx } from '../context';
import type { DevId, NsId } from '../types';

export function neighTimer(_ctx: KernelCtx, _ns: NsId, _dev: DevId, _ip: Ip4): void {}
