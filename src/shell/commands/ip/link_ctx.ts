/** What the link and address printers share while printing one dump (print_linkinfo's context). */
import type { KernelState } from '../../../kernel';
import type { Printer } from './printer';
import type { LlMap } from './rtnl/ll_map';

export interface LinkPrintCtx {
  p: Printer;
  k: KernelState;
  nowUs: number;
  ll: LlMap;
  /** filter.family: what the addresses are filtered to; 'link' is AF_PACKET (`ip link`). */
  family: 'unspec' | 'inet' | 'inet6' | 'link';
  /** `ip link` (do_link) rather than `ip addr`. */
  doLink: boolean;
  details: number;
  stats: number;
  brief: boolean;
  /** The names under /run/netns by the id this namespace has for them (get_name_from_nsid). */
  nsidName: (id: number) => string | null;
}
