/**
 * print_linkinfo() and print_linkinfo_brief() of iproute2 6.1 ip/ipaddress.c: the link header of `ip link`
 * and `ip addr`, the `link/ether` line, `-d` details and `-s` counters, in text or JSON.
 */
import type { Printer } from './printer';
import type { LinkPrintCtx } from './link_ctx';
export type { LinkPrintCtx } from './link_ctx';
import type { LinkMsg } from './rtnl/link';
import { IFF, OPER_STATES } from './rtnl/link';
import { printLinkDetails } from './link_details';
import { printStats64 } from './link_stats';

const FLAG_ORDER: readonly (keyof typeof IFF)[] = [
  'LOOPBACK',
  'BROADCAST',
  'POINTOPOINT',
  'MULTICAST',
  'NOARP',
  'ALLMULTI',
  'PROMISC',
  'MASTER',
  'SLAVE',
  'DEBUG',
  'DYNAMIC',
  'AUTOMEDIA',
  'PORTSEL',
  'NOTRAILERS',
  'UP',
  'LOWER_UP',
  'DORMANT',
  'ECHO',
];

/** The flags in print order with their bits (looked up once, not per flag of every link). */
const FLAG_BITS: readonly (readonly [string, number])[] = FLAG_ORDER.map((name) => [name, IFF[name]]);

/** print_link_flags(): "<NO-CARRIER,BROADCAST,...>" and ",M-DOWN" when the local peer is down. */
export function printLinkFlags(p: Printer, flags: number, mdown: boolean): void {
  p.openArray('any', p.isJson ? 'flags' : '<');
  let f = flags;
  if (f & IFF.UP && !(f & IFF.RUNNING)) p.string('any', null, f ? '%s,' : '%s', 'NO-CARRIER');
  f &= ~IFF.RUNNING;
  for (const [name, bit] of FLAG_BITS) {
    if (f & bit) {
      f &= ~bit;
      p.string('any', null, f ? '%s,' : '%s', name);
    }
  }
  if (f) p.hex('any', null, '%x', f);
  if (mdown) p.string('any', null, ',%s', 'M-DOWN');
  p.closeArray('any', '> ');
}

/**
 * print_name_and_link(): "name@peer". With a link-netnsid the peer is "ifN" of the other namespace (JSON:
 * link_index); otherwise it is looked up here (JSON: link), and M-DOWN says the local peer is not up.
 */
export function printNameAndLink(ctx: LinkPrintCtx, fmt: string, m: LinkMsg): boolean {
  const { p } = ctx;
  let name = m.name;
  let mdown = false;
  if (m.link !== null) {
    if (m.link === 0) {
      if (p.isJson) p.null('json', 'link', '', '');
      else name = `${name}@NONE`;
    } else if (m.linkNetnsid !== null) {
      if (p.isJson) p.num('json', 'link_index', null, m.link);
      else name = `${name}@if${m.link}`;
    } else {
      const peer = ctx.ll.name(m.link);
      if (p.isJson) p.string('json', 'link', null, peer);
      else name = `${name}@${peer}`;
      const flags = ctx.ll.flags(m.link);
      mdown = flags !== null && !(flags & IFF.UP);
    }
  }
  p.colorString('any', 'ifname', 'ifname', fmt, name);
  return mdown;
}

/** IF_OPER_DOWN and IF_OPER_UP (include/uapi/linux/if.h). */
const IF_OPER_DOWN = 2;
const IF_OPER_UP = 6;

/** print_operstate(). */
function printOperstate(ctx: LinkPrintCtx, state: number): void {
  const { p } = ctx;
  const name = OPER_STATES[state] ?? 'UNKNOWN';
  // oper_state_color(): UP green, DOWN red, the others plain.
  const color = state === IF_OPER_UP ? 'up' : state === IF_OPER_DOWN ? 'down' : null;
  if (ctx.brief) p.colorString('any', color, 'operstate', '%-14s ', name);
  else if (p.isJson) p.string('json', 'operstate', null, name);
  else {
    p.fp('state ');
    p.colorString('fp', color, null, '%s ', name);
  }
}

/** print_linkinfo_brief(): name, state, and for `ip -br link` the address and flags. */
function printLinkBrief(ctx: LinkPrintCtx, m: LinkMsg): void {
  const { p } = ctx;
  const mdown = printNameAndLink(ctx, '%-16s ', m);
  printOperstate(ctx, m.operstate);
  if (ctx.family === 'link') {
    p.colorString('any', 'mac', 'address', '%s ', m.address);
    printLinkFlags(p, m.flags, mdown);
    p.string('fp', null, '%s', '\n');
  }
}

/** print_linkinfo(). */
export function printLinkinfo(ctx: LinkPrintCtx, m: LinkMsg): void {
  const { p } = ctx;
  if (ctx.brief) {
    printLinkBrief(ctx, m);
    return;
  }
  p.num('any', 'ifindex', '%d: ', m.ifindex);
  const mdown = printNameAndLink(ctx, '%s: ', m);
  printLinkFlags(p, m.flags, mdown);
  p.num('any', 'mtu', 'mtu %u ', m.mtu);
  if (m.qdisc !== null) p.string('any', 'qdisc', 'qdisc %s ', m.qdisc);
  if (m.master !== null) p.string('any', 'master', 'master %s ', ctx.ll.name(m.master));
  printOperstate(ctx, m.operstate);
  if (ctx.doLink && m.linkmode !== null)
    p.string('any', 'linkmode', 'mode %s ', m.linkmode === 0 ? 'DEFAULT' : 'DORMANT');
  if (m.group !== null) p.string('any', 'group', 'group %s ', m.group === 0 ? 'default' : String(m.group));
  // filter.showqueue: IFLA_TXQLEN, or SIOCGIFTXQLEN when the message lacks it; 0 is not printed.
  if (m.txqlen) p.num('any', 'txqlen', 'qlen %d', m.txqlen);

  if (ctx.family === 'unspec' || ctx.family === 'link' || ctx.details) {
    p.nl();
    p.string('any', 'link_type', '    link/%s ', m.type);
    p.colorString('any', 'mac', 'address', '%s', m.address);
    if (m.broadcast !== null) {
      p.string('fp', null, ' brd ', null);
      p.colorString('any', 'mac', 'broadcast', '%s', m.broadcast);
    }
  }
  if (m.linkNetnsid !== null) {
    if (p.isJson) p.num('json', 'link_netnsid', null, m.linkNetnsid);
    else {
      const name = ctx.nsidName(m.linkNetnsid);
      if (name !== null) p.string('fp', null, ' link-netns %s', name);
      else p.num('fp', null, ' link-netnsid %d', m.linkNetnsid);
    }
  }
  if (ctx.details) printLinkDetails(ctx, m);
  if ((ctx.doLink || ctx.details) && m.alias !== null) {
    p.string('fp', null, '%s    ', p.sl);
    p.string('any', 'ifalias', 'alias %s', m.alias);
  }
  if (ctx.doLink && ctx.stats) {
    p.nl();
    printStats64(p, m, ctx.stats);
  }
  p.string('fp', null, '%s', '\n');
}
