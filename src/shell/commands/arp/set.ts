/**
 * `arp -s` and `arp -d` (SIOCSARP / SIOCDARP, net/ipv4/arp.c arp_req_set / arp_req_delete).
 * Waiting for the neighbour table's update API (neighCreate/neighUpdate/neighRemove) to be exported by
 * the kernel; until then the ARP cache cannot be changed from here.
 */
import type { CommandIO } from '../../types';

export function arpSet(io: CommandIO, _args: string[], _device: string | null, _useDevice: boolean): number {
  io.err(`${io.proc.flavour === 'busybox' ? 'arp: ' : ''}SIOCSARP: Operation not supported\n`);
  return io.proc.flavour === 'busybox' ? 1 : 255;
}

export function arpDelete(io: CommandIO, _args: string[], _device: string | null): number {
  io.err(`${io.proc.flavour === 'busybox' ? 'arp: ' : ''}SIOCDARP: Operation not supported\n`);
  return io.proc.flavour === 'busybox' ? 1 : 255;
}
