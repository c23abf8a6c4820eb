/** ip's global options (ip/ip.c main), as parsed before the object word. */
import type { NsId } from '../../../kernel';

export type Family = 'inet' | 'inet6' | 'link' | 'unspec';

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
  /** The namespace the command acts in (-n NAME switches into it). */
  ns: NsId;
}
