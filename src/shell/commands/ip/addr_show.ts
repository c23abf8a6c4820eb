/** `ip address show` output (ip/ipaddress.c). To be completed by the iproute2 output work. */
import type { CommandIO } from '../../types';
import type { IpOpts } from './opts';

export function showAddrs(io: CommandIO, _opts: IpOpts, _argv: string[]): number {
  io.err('ip address show: not implemented yet\n');
  return 1;
}
