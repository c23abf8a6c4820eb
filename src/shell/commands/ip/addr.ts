/**
 * `ip address add|change|replace|delete|flush` (iproute2 6.1 ip/ipaddress.c ipaddr_modify, ipaddr_flush)
 * and what the kernel answers (inet_rtm_newaddr/inet_rtm_deladdr in net/ipv4/devinet.c, inet6_addr_add/
 * inet6_addr_del in net/ipv6/addrconf.c). Listing is addr_show.ts.
 */
import { ADDR_USAGE } from './usage_texts';
import type { Ip4 } from '../../../lib';
import { own } from '../../../lib';
import type { KernelError, NetDevice, Scope } from '../../../kernel';
import {
  inet6AddAddr,
  inet6DelAddr,
  inetAddAddr,
  inetSetMetric,
  inetDelAddr,
  peekDev,
  peekOf,
  xaGet,
  devByIndex,
} from '../../../kernel';
import { formatIp6 } from '../../../lib';
import type { CommandIO } from '../../types';
import { flushAddrs, showAddrs } from './addr_show';
import type { IpOpts } from './opts';
import type { InetPrefix } from './prefix';
import { ip4Of, parseInetAddr, parseInetPrefix } from './prefix';
import { LlMap } from './rtnl/ll_map';
import { parseScope } from './rtnl/names';
import { Args, IpError, invalidArg, matches, rtnlError } from './util';
import { denied } from '../../capability';

type Mode = 'add' | 'change' | 'replace' | 'delete';

/** ifa_flag_data[]: which flags a user may set, and which only IPv6 has. */
const FLAGS: Record<string, { readonly: boolean; v6only: boolean }> = {
  secondary: { readonly: true, v6only: false },
  temporary: { readonly: true, v6only: false },
  nodad: { readonly: false, v6only: true },
  optimistic: { readonly: false, v6only: true },
  dadfailed: { readonly: true, v6only: true },
  home: { readonly: false, v6only: true },
  deprecated: { readonly: true, v6only: true },
  tentative: { readonly: true, v6only: true },
  permanent: { readonly: true, v6only: true },
  mngtmpaddr: { readonly: false, v6only: true },
  noprefixroute: { readonly: false, v6only: false },
  autojoin: { readonly: false, v6only: false },
  'stable-privacy': { readonly: true, v6only: true },
};

interface AddrRequest {
  family: 'inet' | 'inet6' | 'unspec';
  local: InetPrefix | null;
  localArg: string | null;
  /** `peer`/`remote`: IFA_ADDRESS of a point-to-point address; its length becomes ifa_prefixlen. */
  peer: InetPrefix | null;
  broadcast: Ip4 | '+' | '-' | null;
  scope: Scope | null;
  dev: string | null;
  label: string | null;
  flags: Set<string>;
  /** IFA_RT_PRIORITY (`metric`/`priority`/`preference`). */
  metric: number | null;
}

function familyText(f: 'inet' | 'inet6' | 'unspec'): string {
  return f === 'unspec' ? 'any valid' : f;
}

function parseRequest(io: CommandIO, opts: IpOpts, argv: readonly string[]): AddrRequest {
  const r: AddrRequest = {
    family: opts.family === 'inet' || opts.family === 'inet6' ? opts.family : 'unspec',
    local: null,
    localArg: null,
    peer: null,
    broadcast: null,
    scope: null,
    dev: null,
    label: null,
    flags: new Set(),
    metric: null,
  };
  let brdGiven = false;
  let validLft: string | null = null;
  let preferredLft: string | null = null;
  const cursor = new Args(argv);
  while (!cursor.done) {
    let w = cursor.next() as string;
    const next = (): string => cursor.value();
    if (w === 'peer' || w === 'remote') {
      const v = next();
      if (r.peer !== null) throw new IpError(`Error: duplicate "peer": "${v}" is the second value.\n`, 255);
      const p = parseInetPrefix(v, r.family);
      if (p === null)
        throw new IpError(`Error: ${familyText(r.family)} prefix is expected rather than "${v}".\n`, 1);
      r.peer = p;
      if (r.family === 'unspec') r.family = p.family;
    } else if (matches(w, 'broadcast') || w === 'brd') {
      const v = next();
      if (brdGiven) throw new IpError(`Error: duplicate "broadcast": "${v}" is the second value.\n`, 255);
      brdGiven = true;
      if (v === '+' || v === '-') r.broadcast = v;
      else {
        const a = parseInetAddr(v, r.family);
        if (a === null)
          throw new IpError(`Error: ${familyText(r.family)} address is expected rather than "${v}".\n`, 1);
        if (r.family === 'unspec') r.family = a.family;
        r.broadcast = a.family === 'inet' ? ip4Of(a) : null;
      }
    } else if (w === 'anycast') next();
    else if (w === 'scope') {
      const v = next();
      const s = parseScope(v);
      if (s === null || typeof s === 'number') throw invalidArg('invalid scope value.', v);
      r.scope = s;
    } else if (w === 'dev') r.dev = next();
    else if (w === 'label') r.label = next();
    else if (matches(w, 'metric') || matches(w, 'priority') || matches(w, 'preference')) {
      const v = next();
      if (!/^\d+$/.test(v) || Number(v) > 0xffffffff) throw invalidArg('"metric" value is invalid\n', v);
      r.metric = Number(v);
    } else if (matches(w, 'valid_lft')) {
      if (validLft !== null)
        throw new IpError(`Error: duplicate "valid_lft": "${w}" is the second value.\n`, 255);
      validLft = next();
      if (validLft !== 'forever' && !/^\d+$/.test(validLft)) throw invalidArg('valid_lft value', validLft);
    } else if (matches(w, 'preferred_lft')) {
      if (preferredLft !== null)
        throw new IpError(`Error: duplicate "preferred_lft": "${w}" is the second value.\n`, 255);
      preferredLft = next();
      if (preferredLft !== 'forever' && !/^\d+$/.test(preferredLft))
        throw invalidArg('preferred_lft value', preferredLft);
    } else if (own(FLAGS, w)) {
      const f = own(FLAGS, w) as { readonly: boolean; v6only: boolean };
      if (f.readonly) io.err(`Warning: ${w} option is not mutable from userspace\n`);
      else if (f.v6only && r.family !== 'inet6')
        io.err(`Warning: ${w} option can be set only for IPv6 addresses\n`);
      else r.flags.add(w);
    } else {
      if (w === 'local') w = next();
      if (r.local !== null)
        throw new IpError(`Error: either "local" is duplicate, or "${w}" is a garbage.\n`, 255);
      const p = parseInetPrefix(w, r.family);
      if (p === null)
        throw new IpError(`Error: ${familyText(r.family)} prefix is expected rather than "${w}".\n`, 1);
      r.local = p;
      r.localArg = w;
      if (r.family === 'unspec') r.family = p.family;
    }
  }
  const lft = (v: string | null) => (v === null || v === 'forever' ? 0xffffffff : Number(v));
  if (validLft !== null || preferredLft !== null) {
    if (lft(validLft) === 0) throw new IpError('valid_lft is zero\n', 1);
    if (lft(validLft) < lft(preferredLft)) throw new IpError('preferred_lft is greater than valid_lft\n', 1);
  }
  return r;
}

function v6Text(p: InetPrefix): string {
  const g: number[] = [];
  for (let i = 0; i < 8; i++) g.push(parseInt(p.bits.slice(i * 16, i * 16 + 16).join(''), 2));
  return formatIp6(g);
}

/** What the kernel does with the request; errors as rtnetlink reports them. */
function apply(io: CommandIO, dev: NetDevice, r: AddrRequest, mode: Mode): KernelError | null {
  // rtnetlink_rcv_msg checks CAP_NET_ADMIN before it looks for the family's handler.
  const refused = denied(io.proc, 'rtnetlink');
  if (refused) return refused;
  const local = r.local;
  // No address at all: the request has family AF_UNSPEC, which has no RTM_NEWADDR/RTM_DELADDR handler.
  if (local === null || r.family === 'unspec') return { errno: 'EOPNOTSUPP' };
  return io.os.mutate(({ kctx }) => {
    if (local.family === 'inet6') {
      const text = v6Text(local);
      if (mode === 'delete') {
        const res = inet6DelAddr(kctx, dev.id, text, local.bitlen);
        return res.ok ? null : res.error;
      }
      const existing = xaGet(kctx.k.devices, dev.id)?.inet6.find((a) => a.addr === text);
      if (existing && mode !== 'add') return null;
      const res = inet6AddAddr(kctx, dev.id, {
        addr: text,
        prefixLen: local.bitlen,
        nodad: r.flags.has('nodad'),
      });
      return res.ok ? null : res.error;
    }
    const addr = ip4Of(local);
    // ipaddr_modify(): a peer's length is ifa_prefixlen (32 unless given); otherwise the local prefix's.
    const peer = r.peer !== null && r.peer.family === 'inet' ? r.peer : null;
    const plen = peer !== null ? peer.bitlen : local.bitlen;
    if (mode === 'delete') {
      const res = inetDelAddr(kctx, dev.id, addr, peer !== null || local.explicitLen ? plen : null);
      if (res.ok) return null;
      return res.error.errno === 'EADDRNOTAVAIL'
        ? { errno: 'EADDRNOTAVAIL', extack: 'ipv4: Address not found' }
        : res.error;
    }
    // find_matching_ifa(): change/replace update an address with the same local and prefix length.
    const peek = peekOf(kctx);
    const same = peek(peekDev(kctx, dev.id)?.inet)?.find((a0) => {
      const a = peek(a0);
      return a.local === addr && a.prefixLen === plen;
    });
    if (same && mode !== 'add') {
      inetSetMetric(kctx, dev.id, peek(same), r.metric ?? 0);
      return null;
    }
    let brd: Ip4 | null = null;
    if (r.broadcast === '+' || r.broadcast === '-') {
      if (plen <= 30) {
        const host = (0xffffffff >>> plen) >>> 0;
        brd = r.broadcast === '+' ? (addr | host) >>> 0 : (addr & ~host) >>> 0;
      }
    } else brd = r.broadcast;
    const res = inetAddAddr(kctx, dev.id, {
      local: addr,
      address: peer !== null ? ip4Of(peer) : addr,
      prefixLen: plen,
      broadcast: brd,
      scope: r.scope ?? (addr >>> 24 === 127 ? 'host' : 'global'),
      label: r.label ?? dev.name,
      noprefixroute: r.flags.has('noprefixroute'),
      metric: r.metric ?? 0,
    });
    if (res.ok) return null;
    if (res.error.errno === 'EEXIST') return { errno: 'EEXIST', extack: 'ipv4: Address already assigned' };
    if (res.error.errno === 'EINVAL' && !res.error.extack)
      return { errno: 'EINVAL', extack: 'ipv4: Invalid scope value' };
    return res.error;
  });
}

function modify(io: CommandIO, opts: IpOpts, argv: readonly string[], mode: Mode): number {
  const r = parseRequest(io, opts, argv);
  if (r.dev === null) throw new IpError('Not enough information: "dev" argument is required.\n', 1);
  if (mode === 'delete' && r.local && r.local.family === 'inet' && !r.local.explicitLen) {
    io.err(
      `Warning: Executing wildcard deletion to stay compatible with old scripts.\n` +
        `         Explicitly specify the prefix length (${r.localArg}/32) to avoid this warning.\n` +
        `         This special behaviour is likely to disappear in further releases,\n` +
        `         fix your scripts!\n`,
    );
  }
  if ((r.broadcast === '+' || r.broadcast === '-') && mode !== 'delete' && r.family !== 'inet') {
    throw new IpError('Broadcast can be set only for IPv4 addresses\n', 1);
  }
  const k = io.os.state.kernel;
  const idx = new LlMap(k, opts.ns).index(r.dev);
  if (!idx) throw new IpError(`Cannot find device "${r.dev}"\n`, 1);
  const dev = devByIndex(k, opts.ns, idx) as NetDevice;
  const err = apply(io, dev, r, mode);
  if (err) throw rtnlError(err);
  return 0;
}

export function doIpAddr(io: CommandIO, opts: IpOpts, argv: string[]): number {
  const sub = argv[0];
  if (sub === undefined) return showAddrs(io, opts, []);
  const rest = argv.slice(1);
  if (matches(sub, 'add')) return modify(io, opts, rest, 'add');
  if (matches(sub, 'change') || sub === 'chg') return modify(io, opts, rest, 'change');
  if (matches(sub, 'replace')) return modify(io, opts, rest, 'replace');
  if (matches(sub, 'delete')) return modify(io, opts, rest, 'delete');
  if (matches(sub, 'list') || matches(sub, 'show') || matches(sub, 'lst')) return showAddrs(io, opts, rest);
  if (matches(sub, 'flush')) return flushAddrs(io, opts, rest);
  if (matches(sub, 'help')) throw new IpError(ADDR_USAGE, 255);
  throw new IpError(`Command "${sub}" is unknown, try "ip address help".\n`, 255);
}
