/** `ip neigh show` / `flush` (ip/ipneigh.c). To be completed by the iproute2 output work. */
import type { CommandIO } from '../../types';
import type { IpOpts } from './opts';

export function showNeigh(io: CommandIO, _opts: IpOpts, _argv: string[]): number {
  io.err('ip neigh show: not implemented yet\n');
  return 1;
}

export function flushNeigh(io: CommandIO, _opts: IpOpts, _argv: string[]): number {
  io.err('ip neigh flush: not implemented yet\n');
  return 1;
}
