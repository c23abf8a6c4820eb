/** `ip link show` (iproute2 6.1 ipaddr_list_link): the address lister with family AF_PACKET and do_link. */
import type { CommandIO } from '../../types';
import { listAddrs } from './addr_show';
import type { IpOpts } from './opts';

export function showLinks(io: CommandIO, opts: IpOpts, argv: string[]): number {
  return listAddrs(io, opts, argv, true);
}
