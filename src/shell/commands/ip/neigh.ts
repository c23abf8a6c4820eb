/** `ip neigh` (iproute2 6.1 ip/ipneigh.c do_ipneigh): subcommands matched by prefix in ipneigh's order. */
import type { CommandIO } from '../../types';
import { getNeigh } from './neigh_get';
import { modifyNeigh } from './neigh_modify';
import { flushNeigh, showNeigh } from './neigh_show';
import type { IpOpts } from './opts';
import { IpError, matches } from './util';
import { NEIGH_USAGE } from './usage_texts';

export function doIpNeigh(io: CommandIO, opts: IpOpts, argv: string[]): number {
  const sub = argv[0];
  if (sub === undefined) return showNeigh(io, opts, []);
  const rest = argv.slice(1);
  if (matches(sub, 'add')) return modifyNeigh(io, opts, rest, 'add');
  if (matches(sub, 'change') || sub === 'chg') return modifyNeigh(io, opts, rest, 'change');
  if (matches(sub, 'replace')) return modifyNeigh(io, opts, rest, 'replace');
  if (matches(sub, 'delete')) return modifyNeigh(io, opts, rest, 'delete');
  if (matches(sub, 'show') || matches(sub, 'lst') || matches(sub, 'list')) return showNeigh(io, opts, rest);
  if (matches(sub, 'flush')) return flushNeigh(io, opts, rest);
  if (matches(sub, 'get')) return getNeigh(io, opts, rest);
  if (matches(sub, 'help')) throw new IpError(NEIGH_USAGE, 255);
  throw new IpError(`Command "${sub}" is unknown, try "ip neigh help".\n`, 255);
}
