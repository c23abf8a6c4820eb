/**
 * `ip address add | del | flush | show` (ip/ipaddress.c ipaddr_modify, ipaddr_flush).
 */
import type { Ip4 } from '../../../lib';
import { broadcastOf, parseIp4 } from '../../../lib';
import type { NetDevice, Scope } from '../../../kernel';
import { devByName, inetAddAddr, inetDelAddr } from '../../../kernel';
import type { CommandIO } from '../../types';
import type { IpOpts } from './opts';
import { Args, IpError, cannotFindDevice, invalidArg, matches, rtnlError } from './util';
import { showAddrs } from './addr_show';

interface AddrArgs {
  local: { addr: Ip4; prefixLen: number; explicitLen: boolean } | null;
  broadcast: Ip4 | '+' | '-' | null;
  scope: Scope | null;
  label: string | null;
  dev: string | null;
  noprefixroute: boolean;
}

const SCOPES: Record<string, Scope> = { global: 'global', site: 'site', link: 'link', host: 'host', nowhere: 'nowhere' };

/** get_prefix(): "a.b.c.d[/len]" with iproute2's messages. */
function parsePrefix(v: string): { addr: Ip4; prefixLen: number; explicitLen: boolean } {
  const [a, p] = v.split('/');
  const addr = parseIp4(a ?? '');
  if (addr === null) throw new IpError(`Error: inet prefix is expected rather than "${v}".\n`, 1);
  if (p === undefined) return { addr, prefixLen: 32, explicitLen: false };
  if (!/^\d+$/.test(p) || Number(p) > 32) throw new IpError(`Error: inet prefix is expected rather than "${v}".\n`, 1);
  return { addr, prefixLen: Number(p), explicitLen: true };
}

function parseAddrArgs(argv: readonly string[]): AddrArgs {
  const r: AddrArgs = { local: null, broadcast: null, scope: null, label: null, dev: null, noprefixroute: false };
  const args = new Args(argv);
  while (!args.done) {
    const w = args.next() as string;
    if (w === 'peer' || w === 'remote') throw new IpError('ip address: peer addresses are not simulated here\n', 1);
    else if (matches(w, 'broadcast') || w === 'brd') {
      const v = args.value();
      if (v === '+' || v === '-') r.broadcast = v;
      else {
        const b = parseIp4(v);
        if (b === null) throw invalidArg('invalid broadcast\n', v);
        r.broadcast = b;
      }
    } else if (matches(w, 'scope')) {
      const v = args.value();
      const s = SCOPES[v];
      if (!s) throw invalidArg('invalid scope value.', v);
      r.scope = s;
    } else if (w === 'dev') r.dev = args.value();
    else if (matches(w, 'label')) r.label = args.value();
    else if (w === 'noprefixroute') r.noprefixroute = true;
    else if (w === 'valid_lft' || w === 'preferred_lft') args.value();
    else if (w === 'home' || w === 'nodad' || w === 'mngtmpaddr' || w === 'autojoin') {
      /* IPv6 flags: accepted */
    } else {
      const v = matches(w, 'local') ? args.value() : w;
      if (r.local !== null) throw new IpError(`Error: either "local" is duplicate, or "${v}" is a garbage.\n`, 255);
      r.local = parsePrefix(v);
    }
  }
  return r;
}

function requireDev(io: CommandIO, opts: IpOpts, name: string | null): NetDevice {
  if (name === null) throw new IpError('Not enough information: "dev" argument is required.\n', 1);
  const d = devByName(io.os.state.kernel, opts.ns, name);
  if (!d) throw cannotFindDevice(name);
  return d;
}

function doAdd(io: CommandIO, opts: IpOpts, argv: string[]): number {
  const a = parseAddrArgs(argv);
  const dev = requireDev(io, opts, a.dev);
  if (a.local === null) throw new IpError('Not enough information: "local" argument is required.\n', 1);
  const { addr, prefixLen } = a.local;
  let brd: Ip4 | null = null;
  if (a.broadcast === '+') brd = prefixLen < 31 ? broadcastOf(addr, prefixLen) : null;
  else if (a.broadcast === '-') brd = prefixLen < 31 ? (addr & ~(0xffffffff >>> prefixLen)) >>> 0 : null;
  else if (typeof a.broadcast === 'number') brd = a.broadcast;
  const r = io.os.mutate(({ kctx }) =>
    inetAddAddr(kctx, dev.id, {
      local: addr,
      prefixLen,
      broadcast: brd,
      scope: a.scope ?? (addr >>> 24 === 127 ? 'host' : 'global'),
      label: a.label ?? dev.name,
      noprefixroute: a.noprefixroute,
    }),
  );
  if (!r.ok) {
    if (r.error.errno === 'EEXIST') throw new IpError('Error: ipv4: Address already assigned.\n', 2);
    throw rtnlError(r.error);
  }
  return 0;
}

function doDel(io: CommandIO, opts: IpOpts, argv: string[]): number {
  const a = parseAddrArgs(argv);
  const dev = requireDev(io, opts, a.dev);
  if (a.local === null) throw new IpError('Not enough information: "local" argument is required.\n', 1);
  if (!a.local.explicitLen) {
    io.err(
      `Warning: Executing wildcard deletion to stay compatible with old scripts.\n         Explicitly specify the prefix length (${argv.find((x) => x.includes('.'))}/32) to avoid this warning.\n         This special behaviour is likely to disappear in further releases,\n         fix your scripts!\n`,
    );
  }
  const local = a.local;
  const r = io.os.mutate(({ kctx }) => inetDelAddr(kctx, dev.id, local.addr, local.explicitLen ? local.prefixLen : null));
  if (!r.ok) {
    if (r.error.errno === 'EADDRNOTAVAIL') throw new IpError('RTNETLINK answers: Cannot assign requested address\n', 2);
    throw rtnlError(r.error);
  }
  return 0;
}

function doFlush(io: CommandIO, opts: IpOpts, argv: string[]): number {
  const a = parseAddrArgs(argv.filter((w) => w !== 'dev'));
  const name = a.dev ?? (a.local === null ? null : null);
  const devName = name ?? argv.filter((w) => w !== 'dev')[0] ?? null;
  if (devName === null) throw new IpError('Flush requires arguments.\n', 255);
  const dev = requireDev(io, opts, devName);
  io.os.mutate(({ kctx }) => {
    for (const ifa of [...(kctx.k.devices[dev.id]?.inet ?? [])].reverse()) inetDelAddr(kctx, dev.id, ifa.local, ifa.prefixLen);
  });
  return 0;
}

export function doIpAddr(io: CommandIO, opts: IpOpts, argv: string[]): number {
  const sub = argv[0];
  if (sub === undefined) return showAddrs(io, opts, []);
  const rest = argv.slice(1);
  if (matches(sub, 'add')) return doAdd(io, opts, rest);
  if (matches(sub, 'delete')) return doDel(io, opts, rest);
  if (matches(sub, 'flush')) return doFlush(io, opts, rest);
  if (matches(sub, 'show') || matches(sub, 'lst') || matches(sub, 'list')) return showAddrs(io, opts, rest);
  throw new IpError(`Command "${sub}" is unknown, try "ip address help".\n`, 255);
}
