/**
 * `ip neigh add | del | change | replace | flush | show` (ip/ipneigh.c).
 */
import type { CommandIO } from '../../types';
import type { IpOpts } from './opts';
import { IpError, matches } from './util';
import { flushNeigh, showNeigh } from './neigh_show';

export function doIpNeigh(io: CommandIO, opts: IpOpts, argv: string[]): number {
  const sub = argv[0];
  if (sub === undefined) return showNeigh(io, opts, []);
  const rest = argv.slice(1);
  if (matches(sub, 'list') || matches(sub, 'show') || matches(sub, 'lst')) return showNeigh(io, opts, rest);
  if (matches(sub, 'flush')) return flushNeigh(io, opts, rest);
  throw new IpError(`Command "${sub}" is unknown, try "ip neigh help".\n`, 255);
}
