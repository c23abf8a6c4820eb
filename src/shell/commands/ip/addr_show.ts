/**
 * `ip address show` and `ip link show` (iproute2 6.1 ip/ipaddress.c ipaddr_list_flush_or_save with
 * action LIST; `ip link` is the same with family AF_PACKET and do_link): filters, the link dump (or one
 * link), the address dump, ipaddr_filter() keeping the links that have a matching address, and printing.
 */
import type { KernelState, NsId } from '../../../kernel';
import { own } from '../../../lib';
import { devByIndex, devicesOf, inet6DelAddr, inetDelAddr } from '../../../kernel';
import type { CommandIO } from '../../types';
import type { AddrPrintCtx } from './addr_print';
import { printAddrinfo } from './addr_print';
import type { LinkPrintCtx } from './link_ctx';
import { printLinkinfo } from './link_print';
import { printStats64 } from './link_stats';
import { flushRounds } from './flush';
import { nsidName } from './netns';
import { type IpOpts, colorEnabled } from './opts';
import { addrInPrefix, ip4Of, parseInetAddr, parseInetPrefix, type InetPrefix } from './prefix';
import { Printer } from './printer';
import type { AddrMsg } from './rtnl/addr';
import { IFA_F, devAddrs, dumpAddrs } from './rtnl/addr';
import type { LinkMsg } from './rtnl/link';
import { IFF, allocLinkNsids, fillLink } from './rtnl/link';
import { LlMap } from './rtnl/ll_map';
import { parseScope, scopeNum } from './rtnl/names';
import { Args, IpError, invalidArg } from './util';

interface AddrFilter {
  family: 'unspec' | 'inet' | 'inet6' | 'link';
  pfx: InetPrefix | null;
  /** Scope number and mask (scopemask -1 = match exactly). */
  scope: number;
  scopeAll: boolean;
  scopeSet: boolean;
  up: boolean;
  flags: number;
  flagmask: number;
  label: string | null;
  group: number | null;
  master: number | null;
  kind: string | null;
  slaveKind: string | null;
  dev: string | null;
}

const FLAG_NAMES: Record<string, number> = {
  secondary: IFA_F.SECONDARY,
  temporary: IFA_F.SECONDARY,
  nodad: IFA_F.NODAD,
  optimistic: IFA_F.OPTIMISTIC,
  dadfailed: IFA_F.DADFAILED,
  home: IFA_F.HOMEADDRESS,
  deprecated: IFA_F.DEPRECATED,
  tentative: IFA_F.TENTATIVE,
  permanent: IFA_F.PERMANENT,
  mngtmpaddr: IFA_F.MANAGETEMPADDR,
  noprefixroute: IFA_F.NOPREFIXROUTE,
  autojoin: IFA_F.MCAUTOJOIN,
  'stable-privacy': IFA_F.STABLE_PRIVACY,
};

/** get_filter(): a flag name, "-name" for its absence; dynamic and primary are the inverse of permanent/secondary. */
function flagFilter(f: AddrFilter, word: string): boolean {
  let inv = false;
  let arg = word;
  if (arg.startsWith('-')) {
    inv = true;
    arg = arg.slice(1);
  }
  if (arg === 'dynamic') {
    inv = !inv;
    arg = 'permanent';
  } else if (arg === 'primary') {
    inv = !inv;
    arg = 'secondary';
  }
  const mask = own(FLAG_NAMES, arg);
  if (mask === undefined) return false;
  if (inv) f.flags &= ~mask;
  else f.flags |= mask;
  f.flagmask |= mask;
  return true;
}

/** fnmatch(3) for the label filter: *, ? and [...] classes. */
function fnmatch(pattern: string, s: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(s);
}

function parseFilter(
  io: CommandIO,
  k: KernelState,
  ns: NsId,
  family: AddrFilter['family'],
  argv: readonly string[],
): AddrFilter {
  const f: AddrFilter = {
    family,
    pfx: null,
    scope: 0,
    scopeAll: false,
    scopeSet: false,
    up: false,
    flags: 0,
    flagmask: 0,
    label: null,
    group: null,
    master: null,
    kind: null,
    slaveKind: null,
    dev: null,
  };
  const ll = new LlMap(k, ns);
  const cursor = new Args(argv);
  while (!cursor.done) {
    const w = cursor.next() as string;
    const next = (): string => cursor.value();
    if (w === 'to') {
      const v = next();
      const fam = f.family === 'inet' || f.family === 'inet6' ? f.family : 'unspec';
      const pfx = parseInetPrefix(v, fam);
      if (pfx === null) throw invalidArg('invalid "to"\n', v);
      f.pfx = pfx;
      if (f.family === 'unspec') f.family = pfx.family;
    } else if (w === 'scope') {
      const v = next();
      const s = parseScope(v);
      f.scopeSet = true;
      if (s === null) {
        if (v !== 'all') throw invalidArg('invalid "scope"\n', v);
        f.scopeAll = true;
      } else f.scope = typeof s === 'number' ? s : scopeNum(s);
    } else if (w === 'up') f.up = true;
    else if (flagFilter(f, w)) {
      /* a flag */
    } else if (w === 'label') f.label = next();
    else if (w === 'group') {
      const v = next();
      if (v === 'default') f.group = 0;
      else if (/^\d+$/.test(v)) f.group = Number(v);
      else throw invalidArg('Invalid "group" value\n', v);
    } else if (w === 'master' || w === 'vrf') {
      const v = next();
      const idx = ll.index(v);
      if (!idx) throw invalidArg(w === 'master' ? 'Device does not exist\n' : 'Not a valid VRF name\n', v);
      if (w === 'vrf') throw invalidArg('Not a valid VRF name\n', v);
      f.master = idx;
    } else if (w === 'nomaster') f.master = -1;
    else if (w === 'type') {
      const v = next();
      if (v.endsWith('_slave')) f.slaveKind = v.slice(0, -'_slave'.length);
      else f.kind = v;
    } else {
      let v = w;
      if (w === 'dev') v = next();
      if (f.dev !== null)
        throw new IpError(`Error: either "dev" is duplicate, or "${v}" is a garbage.\n`, 255);
      f.dev = v;
    }
  }
  void io;
  return f;
}

/** print_linkinfo()'s own filters: up, group, master and kind. */
function linkPasses(f: AddrFilter, m: LinkMsg): boolean {
  if (f.up && !(m.flags & IFF.UP)) return false;
  if (f.group !== null && m.group !== null && m.group !== f.group) return false;
  if (f.master !== null) {
    if (f.master > 0 && m.master !== f.master) return false;
    if (f.master === -1 && m.master !== null) return false;
  }
  if (f.kind !== null && m.kind !== f.kind) return false;
  if (f.slaveKind !== null && m.slaveKind !== f.slaveKind) return false;
  return true;
}

/** The filters print_addrinfo() and ipaddr_filter() apply to one address. */
function addrPasses(f: AddrFilter, a: AddrMsg, ll: LlMap): boolean {
  if (f.family !== 'unspec' && f.family !== a.family) return false;
  if (f.scopeSet && !f.scopeAll && scopeNum(a.scope) !== f.scope) return false;
  if ((f.flags ^ a.flags) & f.flagmask) return false;
  if (f.label !== null && !fnmatch(f.label, a.label ?? ll.name(a.ifindex))) return false;
  if (f.pfx !== null) {
    const local = parseInetAddr(a.local, a.family);
    if (!local || !addrInPrefix(local, f.pfx)) return false;
  }
  return true;
}

export function listAddrs(io: CommandIO, opts: IpOpts, argv: readonly string[], doLink: boolean): number {
  const k0 = () => io.os.state.kernel;
  const kp = k0();
  const ns = opts.ns;
  const nowUs = io.os.state.clock.nowUs;
  const f = parseFilter(io, kp, ns, doLink ? 'link' : opts.family, argv);
  let ll = new LlMap(kp, ns);
  let ifindex = 0;
  if (f.dev !== null) {
    ifindex = ll.index(f.dev);
    if (!ifindex) throw new IpError(`Device "${f.dev}" does not exist.\n`, 1);
  }
  // The link dump (or get) builds full RTM_NEWLINK messages, which allocate peer namespace ids;
  // an AF_INET6 link dump carries no link-netnsid.
  const fullMessages = ifindex !== 0 || f.family !== 'inet6';
  if (fullMessages) {
    const dev = ifindex ? devByIndex(k0(), ns, ifindex) : null;
    allocLinkNsids(io, dev ? [dev.id] : devicesOf(k0(), ns).map((d) => d.id));
  }
  const k = k0();
  ll = new LlMap(k, ns);
  const color = colorEnabled(opts, io.isatty ?? false);
  const p = new Printer({ json: opts.json, pretty: opts.pretty, oneline: opts.oneline, color });
  const lctx: LinkPrintCtx = {
    p,
    k,
    nowUs,
    ll,
    family: f.family,
    doLink,
    details: opts.details,
    stats: opts.stats,
    brief: opts.brief,
    nsidName: (id) => nsidName(k, ns, id),
  };
  const actx: AddrPrintCtx = { p, ll, brief: opts.brief, oneline: opts.oneline };
  p.newJsonObj();

  // A single device and only link filters: RTM_GETLINK for it (iplink_get), printed whatever the family.
  if (f.dev !== null && f.group === null && doLink) {
    const dev = devByIndex(k, ns, ifindex);
    if (dev) {
      const m = fillLink(k, ns, dev);
      p.openObject();
      if (linkPasses(f, m) && f.label === null) printLinkinfo(lctx, m);
      p.closeObject();
    }
    p.deleteJsonObj();
    p.flush(io);
    return 0;
  }

  // The link dump: a get (not a dump) answers with the full message even when asked with family AF_INET6.
  // Each message is built as it is printed (the dump is a pure function of the kernel): a thousand of them
  // built first stayed alive through the printing, for the garbage collector to copy.
  const getDev = ifindex ? devByIndex(k, ns, ifindex) : undefined;
  const linkDevs = ifindex ? (getDev ? [getDev] : []) : devicesOf(k, ns);
  const linkFamily = ifindex || f.family !== 'inet6' ? 'unspec' : 'inet6';

  // Each link's addresses are made when the link is printed (iproute2 groups the address dump per link):
  // for a namespace with a thousand veths, all of them made first stayed alive through the printing.
  const addrFamily = f.family === 'inet' || f.family === 'inet6' ? f.family : 'unspec';
  const noLink = f.family !== 'link' && opts.oneline;
  // ipaddr_filter(): keep links with a matching address, or with no address at all when unfiltered.
  const kept = (mine: readonly AddrMsg[]): boolean => {
    if (f.family === 'link') return true;
    if (mine.length === 0) return f.family === 'unspec';
    return mine.some((a) => addrPasses(f, a, ll));
  };

  for (const dev of linkDevs) {
    const mine = f.family === 'link' ? [] : devAddrs(dev, nowUs, addrFamily);
    if (!kept(mine)) continue;
    const l = fillLink(k, ns, dev, linkFamily);
    p.openObject();
    let res = 0;
    if (opts.brief || !noLink) {
      if (f.up && !(l.flags & IFF.UP)) res = -1;
      else if (f.label !== null) res = 0;
      else if (!linkPasses(f, l)) res = -1;
      else {
        printLinkinfo(lctx, l);
        res = 1;
      }
    }
    if (res >= 0 && f.family !== 'link') {
      p.openArray('json', 'addr_info');
      for (const a of mine) {
        if (f.family !== 'unspec' && f.family !== a.family) continue;
        if (f.up && !(l.flags & IFF.UP)) continue;
        p.openObject();
        if (addrPasses(f, a, ll)) printAddrinfo(actx, a);
        p.closeObject();
      }
      p.closeArray('json', null);
      if (opts.brief) p.string('fp', null, '%s', '\n');
    }
    if (res > 0 && !doLink && opts.stats) {
      printStats64(p, l, opts.stats);
      p.nl();
    }
    p.closeObject();
  }
  p.deleteJsonObj();
  p.flush(io);
  return 0;
}

export function showAddrs(io: CommandIO, opts: IpOpts, argv: string[]): number {
  return listAddrs(io, opts, argv, false);
}

/**
 * ipaddr_flush(): dump, send RTM_DELADDR for every address that passes the filter (deleting a primary takes
 * its secondaries; the failed deletes that follow are ignored), repeat until nothing matches; only one
 * round when flushing primaries.
 */
export function flushAddrs(io: CommandIO, opts: IpOpts, argv: string[]): number {
  if (argv.length === 0) throw new IpError('Flush requires arguments.\n', 1);
  if (opts.family === 'link') throw new IpError('Cannot flush link addresses.\n', 1);
  const ns = opts.ns;
  const f = parseFilter(io, io.os.state.kernel, ns, opts.family, argv);
  const ll = new LlMap(io.os.state.kernel, ns);
  let ifindex = 0;
  if (f.dev !== null) {
    ifindex = ll.index(f.dev);
    if (!ifindex) throw new IpError(`Device "${f.dev}" does not exist.\n`, 1);
  }
  const fam = f.family === 'inet' || f.family === 'inet6' ? f.family : 'unspec';
  return flushRounds(io, {
    noun: 'addresses',
    sendFailed: 255,
    stats: opts.stats > 0,
    maxRounds: 10,
    dump: () =>
      dumpAddrs(io.os.state.kernel, ns, io.os.state.clock.nowUs, fam).filter(
        (a) => (!ifindex || a.ifindex === ifindex) && addrPasses(f, a, ll),
      ),
    remove: (victims) =>
      io.os.mutate(({ kctx }) => {
        for (const a of victims) {
          const dev = devByIndex(kctx.k, ns, a.ifindex);
          if (!dev) continue;
          if (a.family === 'inet6') inet6DelAddr(kctx, dev.id, a.local, a.prefixLen);
          else {
            const ip = parseInetAddr(a.local, 'inet');
            if (ip) inetDelAddr(kctx, dev.id, ip4Of(ip), a.prefixLen);
          }
        }
      }),
    done: () => !(f.flags & IFA_F.SECONDARY) && (f.flagmask & IFA_F.SECONDARY) !== 0,
    bailOut: (n) => {
      io.err(`*** Flush remains incomplete after ${n} rounds. ***\n`);
      return 1;
    },
  });
}
