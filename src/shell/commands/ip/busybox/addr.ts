/**
 * BusyBox 1.35 `ip addr` / `ip link` listings (libiproute/ipaddress.c ipaddr_list_or_flush, print_linkinfo,
 * print_addrinfo): the header has no state or group and ends "qlen N" with no trailing space; the peer of
 * a link is looked up in this namespace only, so a veth whose peer is elsewhere reads M-DOWN and a peer
 * index that happens to exist here prints that device's name (`eth0@eth0`).
 */
import type { CommandIO } from '../../../types';
import type { IpOpts } from '../opts';
import { addrInPrefix, parseInetAddr, parseInetPrefix, type InetPrefix } from '../prefix';
import type { AddrMsg } from '../rtnl/addr';
import { IFA_F, INFINITY_LIFE_TIME, dumpAddrs } from '../rtnl/addr';
import type { LinkMsg } from '../rtnl/link';
import { IFF, allocLinkNsids, dumpLinks } from '../rtnl/link';
import { devicesOf } from '../../../../kernel';
import { LlMap } from '../rtnl/ll_map';
import { parseScope, scopeNum } from '../rtnl/names';
import { Args } from '../util';
import { bbDie, indexInSubstrings } from './util';

interface BbAddrFilter {
  family: IpOpts['family'];
  pfx: InetPrefix | null;
  scope: number | null;
  up: boolean;
  label: string | null;
  ifindex: number;
}

const FLAG_ORDER: readonly [number, string][] = [
  [IFF.LOOPBACK, 'LOOPBACK'],
  [IFF.BROADCAST, 'BROADCAST'],
  [IFF.POINTOPOINT, 'POINTOPOINT'],
  [IFF.MULTICAST, 'MULTICAST'],
  [IFF.NOARP, 'NOARP'],
  [IFF.UP, 'UP'],
  [IFF.LOWER_UP, 'LOWER_UP'],
];

/** print_link_flags() (BusyBox prints fewer flag names; the rest as hex). */
function linkFlags(flags: number, mdown: boolean): string {
  let out = '<';
  let f = flags;
  if (f & IFF.UP && !(f & IFF.RUNNING)) out += 'NO-CARRIER,';
  f &= ~IFF.RUNNING;
  const names: string[] = [];
  for (const [bit, name] of FLAG_ORDER) {
    if (f & bit) {
      names.push(name);
      f &= ~bit;
    }
  }
  out += names.join(',');
  if (f) out += (names.length ? ',' : '') + f.toString(16);
  if (mdown) out += ',M-DOWN';
  return out + '> ';
}

function fnmatch(pattern: string, s: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(s);
}

/** print_linkinfo(): returns false when a filter hides the header (its addresses may still print). */
function linkHeader(l: LinkMsg, f: BbAddrFilter, ll: LlMap, sl: string): string | null {
  if (f.ifindex && l.ifindex !== f.ifindex) return null;
  if (f.up && !(l.flags & IFF.UP)) return null;
  if (f.label !== null && (f.family === 'unspec' || f.family === 'link') && !fnmatch(f.label, l.name))
    return null;
  let s = `${l.ifindex}: ${l.name}`;
  let mdown = false;
  if (l.link !== null) {
    if (l.link === 0) s += '@NONE: ';
    else {
      s += `@${ll.name(l.link)}: `;
      mdown = !((ll.flags(l.link) ?? 0) & IFF.UP);
    }
  } else s += ': ';
  s += linkFlags(l.flags, mdown);
  s += `mtu ${l.mtu} `;
  if (l.qdisc !== null) s += `qdisc ${l.qdisc} `;
  if (l.master !== null) s += `master ${ll.name(l.master)} `;
  if (l.txqlen) s += `qlen ${l.txqlen}`;
  if (f.family === 'unspec' || f.family === 'link') {
    s += `${sl}    link/${l.type} ${l.address}`;
    if (l.broadcast !== null) s += ` brd ${l.broadcast}`;
  }
  return s + '\n';
}

function addrPasses(a: AddrMsg, f: BbAddrFilter, ll: LlMap): boolean {
  if (f.ifindex && a.ifindex !== f.ifindex) return false;
  if (f.scope !== null && scopeNum(a.scope) !== f.scope) return false;
  if (f.label !== null && !fnmatch(f.label, a.label ?? ll.name(a.ifindex))) return false;
  if (f.pfx !== null) {
    const local = parseInetAddr(a.local, a.family);
    if (!local || !addrInPrefix(local, f.pfx)) return false;
  }
  return true;
}

/** print_addrinfo(). */
function addrLine(a: AddrMsg, oneline: boolean, ll: LlMap, sl: string): string {
  let s = oneline ? `${a.ifindex}: ${ll.name(a.ifindex)}` : '';
  s += a.family === 'inet' ? '    inet ' : '    inet6 ';
  s += a.local;
  s += a.address === a.local ? `/${a.prefixLen} ` : ` peer ${a.address}/${a.prefixLen} `;
  if (a.broadcast !== null) s += `brd ${a.broadcast} `;
  s += `scope ${a.scope} `;
  let flags = a.flags;
  const take = (bit: number, word: string) => {
    if (flags & bit) {
      flags &= ~bit;
      s += `${word} `;
    }
  };
  take(IFA_F.SECONDARY, 'secondary');
  take(IFA_F.TENTATIVE, 'tentative');
  take(IFA_F.DADFAILED, 'dadfailed');
  take(IFA_F.DEPRECATED, 'deprecated');
  if (!(flags & IFA_F.PERMANENT)) s += 'dynamic ';
  else flags &= ~IFA_F.PERMANENT;
  take(IFA_F.NOPREFIXROUTE, 'noprefixroute');
  if (flags) s += `flags ${flags.toString(16).padStart(2, '0')} `;
  if (a.label !== null) s += a.label;
  const lft = (v: number) => (v === INFINITY_LIFE_TIME ? 'forever' : `${v}sec`);
  s += `${sl}       valid_lft ${lft(a.validLft)} preferred_lft ${lft(a.preferredLft)}`;
  return s + '\n';
}

/** ipaddr_list_or_flush() for listing; `ip link` is the same with family AF_PACKET. */
export function bbListAddrs(io: CommandIO, opts: IpOpts, argv: readonly string[], isLink: boolean): number {
  const k = io.os.state.kernel;
  const ns = opts.ns;
  const ll = new LlMap(k, ns);
  const errCode = isLink ? 2 : 1;
  const f: BbAddrFilter = { family: opts.family, pfx: null, scope: null, up: false, label: null, ifindex: 0 };
  let dev: string | null = null;
  const cursor = new Args(argv, () => bbDie('command line is not complete, try "help"', errCode));
  while (!cursor.done) {
    const w = cursor.next() as string;
    const next = (): string => cursor.value();
    const key = indexInSubstrings(['to', 'scope', 'up', 'label', 'dev'], w);
    if (key === 0) {
      const v = next();
      const fam = f.family === 'inet' || f.family === 'inet6' ? f.family : 'unspec';
      const p = parseInetPrefix(v, fam);
      if (p === null) throw bbDie(`an inet prefix is expected rather than "${v}"`, errCode);
      f.pfx = p;
      if (f.family === 'unspec') f.family = p.family;
    } else if (key === 1) {
      const v = next();
      const s = parseScope(v);
      if (s === null && v !== 'all') throw bbDie(`invalid argument '${v}' to 'scope'`, errCode);
      f.scope = s === null ? null : typeof s === 'number' ? s : scopeNum(s);
    } else if (key === 2) f.up = true;
    else if (key === 3) f.label = next();
    else {
      const v = key === 4 ? next() : w;
      if (dev !== null) throw bbDie(`either "dev" is duplicate, or "${v}" is garbage`, errCode);
      dev = v;
    }
  }
  // A full link dump builds messages that allocate peer namespace ids (rtnl_fill_link_netnsid).
  if (f.family !== 'inet6')
    allocLinkNsids(
      io,
      devicesOf(k, ns).map((d) => d.id),
    );
  let links = dumpLinks(io.os.state.kernel, ns, f.family === 'inet6' ? 'inet6' : 'unspec');
  if (dev !== null) {
    f.ifindex = ll.index(dev);
    if (!f.ifindex) throw bbDie(`can't find device '${dev}'`, errCode);
  }
  const addrs =
    f.family === 'link'
      ? []
      : dumpAddrs(
          k,
          ns,
          io.os.state.clock.nowUs,
          f.family === 'inet' || f.family === 'inet6' ? f.family : 'unspec',
        );
  if (f.family !== 'unspec' && f.family !== 'link') {
    links = links.filter((l) =>
      addrs.some((a) => a.ifindex === l.ifindex && addrPasses(a, { ...f, ifindex: 0 }, ll)),
    );
  }
  const sl = opts.oneline ? '\\' : '\n';
  let out = '';
  for (const l of links) {
    let printAddrs = true;
    if (!(opts.oneline && f.family !== 'link')) {
      const h = linkHeader(l, f, ll, sl);
      if (h !== null) out += h;
    }
    if (f.family === 'link') printAddrs = false;
    if (printAddrs) {
      for (const a of addrs)
        if (a.ifindex === l.ifindex && addrPasses(a, f, ll)) out += addrLine(a, opts.oneline, ll, sl);
    }
  }
  io.out(out);
  return 0;
}
