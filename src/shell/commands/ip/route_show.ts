/** `ip route show` and `ip route get` output (ip/iproute.c). To be completed by the iproute2 output work. */
import type { CommandIO } from '../../types';
import type { IpOpts } from './opts';

export function showRoutes(io: CommandIO, _opts: IpOpts, _argv: string[]): number {
  io.err('ip route show: not implemented yet\n');
  return 1;
}

export function routeGet(io: CommandIO, _opts: IpOpts, _argv: string[]): number {
  io.err('ip route get: not implemented yet\n');
  return 1;
}
