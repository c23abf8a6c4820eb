/**
 * print_addrinfo() of iproute2 6.1 ip/ipaddress.c: one `inet`/`inet6` line and its lifetimes line, the
 * brief form (`10.0.0.1/24 `), and the oneline form prefixed with "N: dev".
 */
import { type Printer, familyColor } from './printer';
import type { AddrMsg } from './rtnl/addr';
import { IFA_F, INFINITY_LIFE_TIME } from './rtnl/addr';
import type { LlMap } from './rtnl/ll_map';

export interface AddrPrintCtx {
  p: Printer;
  ll: LlMap;
  brief: boolean;
  oneline: boolean;
}

/** ifa_flag_data[] in its order: the name printed, the mask, and whether only IPv6 has it. */
const IFA_FLAG_DATA: readonly [string, number][] = [
  ['secondary', IFA_F.SECONDARY],
  ['temporary', IFA_F.SECONDARY],
  ['nodad', IFA_F.NODAD],
  ['optimistic', IFA_F.OPTIMISTIC],
  ['dadfailed', IFA_F.DADFAILED],
  ['home', IFA_F.HOMEADDRESS],
  ['deprecated', IFA_F.DEPRECATED],
  ['tentative', IFA_F.TENTATIVE],
  ['permanent', IFA_F.PERMANENT],
  ['mngtmpaddr', IFA_F.MANAGETEMPADDR],
  ['noprefixroute', IFA_F.NOPREFIXROUTE],
  ['autojoin', IFA_F.MCAUTOJOIN],
  ['stable-privacy', IFA_F.STABLE_PRIVACY],
];

/** print_ifa_flags(): "secondary ", "tentative ", "dynamic " (when not permanent), ... */
function printIfaFlags(p: Printer, a: AddrMsg): void {
  let flags = a.flags;
  for (const [name, mask] of IFA_FLAG_DATA) {
    if (mask === IFA_F.PERMANENT) {
      if (!(flags & mask)) p.bool('any', 'dynamic', 'dynamic ', true);
    } else if (flags & mask) {
      if (mask === IFA_F.SECONDARY && a.family === 'inet6') p.bool('any', 'temporary', 'temporary ', true);
      else {
        p.string('fp', null, '%s ', name);
        p.bool('json', name, null, true);
      }
    }
    flags &= ~mask;
  }
  if (flags) {
    const hex = flags.toString(16).padStart(2, '0');
    if (p.isJson) p.string('json', 'ifa_flags', null, hex);
    else p.fp(`flags ${hex} `);
  }
}

function printLifetime(p: Printer, key: string, v: number): void {
  if (v === INFINITY_LIFE_TIME) {
    p.num('json', key, null, INFINITY_LIFE_TIME);
    p.string('fp', null, '%s', 'forever');
  } else p.num('any', key, '%usec', v);
}

export function printAddrinfo(ctx: AddrPrintCtx, a: AddrMsg): void {
  const { p } = ctx;
  if (!ctx.brief) {
    if (ctx.oneline) {
      const dev = ctx.ll.name(a.ifindex);
      if (p.isJson) {
        p.num('json', 'index', null, a.ifindex);
        p.string('json', 'dev', null, dev);
      } else p.fp(`${a.ifindex}: ${dev}`);
    }
    p.string('any', 'family', '    %s ', a.family);
  }
  const fc = familyColor(a.family);
  p.colorString('any', fc, 'local', '%s', a.local);
  if (a.address !== a.local) {
    p.string('fp', null, ' %s ', 'peer');
    p.colorString('any', fc, 'address', '%s', a.address);
  }
  p.num('any', 'prefixlen', '/%d ', a.prefixLen);
  if (a.metric !== null) p.num('any', 'metric', 'metric %u ', a.metric);
  if (ctx.brief) return;
  if (a.broadcast !== null) {
    p.string('fp', null, '%s ', 'brd');
    p.colorString('any', fc, 'broadcast', '%s ', a.broadcast);
  }
  p.string('any', 'scope', 'scope %s ', a.scope);
  printIfaFlags(p, a);
  if (a.label !== null) p.string('any', 'label', '%s', a.label);
  p.nl();
  p.string('fp', null, '       valid_lft ', null);
  printLifetime(p, 'valid_life_time', a.validLft);
  p.string('fp', null, ' preferred_lft ', null);
  printLifetime(p, 'preferred_life_time', a.preferredLft);
  p.string('fp', null, '%s', '\n');
}
