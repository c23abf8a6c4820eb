/**
 * eth_type_trans() (net/ethernet/eth.c): how a received frame is classified by its destination MAC, which
 * decides whether ARP and IP look at it at all (PACKET_OTHERHOST frames are dropped by both).
 */
import { BROADCAST_MAC, isMulticastMac } from '../../lib';
import type { NetDevice, Packet } from '../types';

export type PktType = 'host' | 'broadcast' | 'multicast' | 'otherhost';

export function pktTypeOf(dev: NetDevice, pkt: Packet): PktType {
  const dst = pkt.eth?.dst ?? dev.mac;
  if (dev.kind === 'loopback' || dst === dev.mac) return 'host';
  if (dst === BROADCAST_MAC) return 'broadcast';
  if (isMulticastMac(dst)) return 'multicast';
  return 'otherhost';
}
