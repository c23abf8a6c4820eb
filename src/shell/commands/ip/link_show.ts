/** `ip link show` output (ip/ipaddress.c print_linkinfo). To be completed by the iproute2 output work. */
import type { CommandIO } from '../../types';
import type { IpOpts } from './opts';

export function showLinks(io: CommandIO, _opts: IpOpts, _argv: string[]): number {
  io.err('ip link show: not implemented yet\n');
  return 1;
}
