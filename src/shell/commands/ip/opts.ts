/** ip's global options (ip/ip.c main), as parsed before the object word. */
import type { NsId } from '../../../kernel';

export type Family = 'inet' | 'inet6' | 'link' | 'unspec';

/**
 * check_enable_color(): -json never colours; `always` does; `auto` only when stdout is a terminal
 * (isatty(fileno(stdout))).
 */
export function colorEnabled(opts: Pick<IpOpts, 'color' | 'json'>, isatty: boolean): boolean {
  if (opts.json) return false;
  return opts.color === 'always' || (opts.color === 'auto' && isatty);
}

export interface IpOpts {
  family: Family;
  brief: boolean;
  json: boolean;
  pretty: boolean;
  details: number;
  stats: number;
  oneline: boolean;
  resolve: boolean;
  all: boolean;
  /**
   * -color: 'always' (-c, -color, -color=always), 'auto' (colour only on a terminal), 'never'; absent
   * is never. check_enable_color() turns it off with -json.
   */
  color?: 'always' | 'auto' | 'never';
  /** The namespace the command acts in (-n NAME switches into it). */
  ns: NsId;
}
