/**
 * net-tools 2.10 `ifconfig IFACE ARGS...` (ifconfig.c main): each word is applied at once with its own
 * ioctl, errors are printed and remembered (goterr), and the exit status is that value: 1 for a failed
 * ioctl, 255 when a flag change could not read the flags (-1), 3 after a usage error.
 */
import type { Errno, KernelCtx, NsId } from '../../../kernel';
import { strerror } from '../../../kernel';
import { maskOf, parseMac } from '../../../lib';
import type { CommandIO } from '../../types';
import { permitted } from '../../capability';
import { inetResolve } from '../route/inet';
import {
  deviceExists,
  setAddr,
  setBroadcast,
  setDevMac,
  setDevMtu,
  setDevName,
  setDevTxqlen,
  setNetmask,
  setUp,
} from './ioctl';
import { baseDevice, ifaByLabel } from './iface';
import { inet6AddDel } from './inet6';
import { GNU_AF_HEAD, GNU_AF_LIST, GNU_HW_LIST, GNU_USAGE_HEAD } from './usage';

class UsageError extends Error {}

/** usage(E_OPTERR): everything to stderr, exit 3. */
export function gnuUsage(io: CommandIO, help: boolean): number {
  const main = help ? io.out.bind(io) : io.err.bind(io);
  main(GNU_USAGE_HEAD);
  io.err(GNU_HW_LIST);
  main(GNU_AF_HEAD);
  io.err(GNU_AF_LIST);
  return help ? 0 : 3;
}

/** atoi(): leading blanks, sign, digits; anything else ends the number. */
function atoi(s: string): number {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? parseInt(m[1] as string, 10) | 0 : 0;
}

/** strtoul(s, NULL, 0) as ifconfig reads txqueuelen. */
function strtoul0(s: string): number {
  const m = /^\s*(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(s);
  if (!m) return 0;
  const t = m[1] as string;
  return /^0[xX]/.test(t)
    ? parseInt(t.slice(2), 16)
    : t.length > 1 && t.startsWith('0')
      ? parseInt(t, 8)
      : Number(t);
}

export async function setInterfaceGnu(io: CommandIO, name: string, words: string[]): Promise<number> {
  const ns: NsId = io.proc.ns;
  let goterr = 0;
  const run = <T>(fn: (ctx: KernelCtx) => T): T => io.os.mutate(({ kctx }) => fn(kctx));
  // devinet_ioctl()/dev_ioctl() refuse every SIOCS* without CAP_NET_ADMIN before they look the device up.
  const sioc = (fn: (ctx: KernelCtx) => Errno | null): Errno | null =>
    permitted(io.proc, 'ioctl') ? run(fn) : 'EPERM';
  const fail = (what: string, e: Errno | null): void => {
    if (e === null) return;
    io.err(`${what}: ${strerror(e)}\n`);
    goterr |= 1;
  };
  /** set_flag()/clr_flag(): read the flags first; a missing device makes the whole result -1. */
  const flag = (apply: ((ctx: KernelCtx) => Errno | null) | null): void => {
    if (!run((ctx) => deviceExists(ctx, ns, name))) {
      io.err(`${name}: ERROR while getting interface flags: ${strerror('ENODEV')}\n`);
      goterr = -1;
      return;
    }
    // set_flag()/clr_flag() return -1 when SIOCSIFFLAGS fails too (goterr |= -1: exit status 255).
    const e = !permitted(io.proc, 'ioctl') ? 'EPERM' : apply ? run(apply) : null;
    if (e !== null) {
      io.err(`SIOCSIFFLAGS: ${strerror(e)}\n`);
      goterr = -1;
    }
  };
  let i = 0;
  const next = (): string => {
    const w = words[++i];
    if (w === undefined) throw new UsageError();
    return w;
  };
  /** ap->input(): a dotted quad, "default", or a name from /etc/hosts or /etc/networks. */
  const addr = async (host: string): Promise<number | null> => {
    const r = await inetResolve(io, host, false);
    if (!r) io.err(`${host}: Host name lookup failure\n`);
    return r?.addr ?? null;
  };
  let didNetmask = false;
  let pendingMask: number | null = null;
  try {
    // An address family word first (get_aftype): inet6 can only add/del, not set an address.
    const inet6 = words[0] === 'inet6';
    if (words[0] === 'inet' || inet6) i++;
    for (; i < words.length; i++) {
      const w = words[i] as string;
      switch (w) {
        case 'up':
          flag((ctx) => setUp(ctx, ns, name, true));
          continue;
        case 'down':
          flag((ctx) => setUp(ctx, ns, name, false));
          continue;
        // Flags the simulation does not keep: read like the real tool, nothing changes.
        case 'arp':
        case '-arp':
        case 'trailers':
        case '-trailers':
        case 'promisc':
        case '-promisc':
        case 'multicast':
        case '-multicast':
        case 'allmulti':
        case '-allmulti':
        case 'dynamic':
        case '-dynamic':
        case '-pointopoint':
        case '-pointtopoint':
        case '-broadcast':
          flag(null);
          continue;
        case 'mtu': {
          const v = atoi(next());
          fail(
            'SIOCSIFMTU',
            sioc((ctx) => setDevMtu(ctx, ns, name, v)),
          );
          continue;
        }
        case 'txqueuelen': {
          const v = strtoul0(next());
          fail(
            'SIOCSIFTXQLEN',
            sioc((ctx) => setDevTxqlen(ctx, ns, name, v)),
          );
          continue;
        }
        case 'name': {
          const v = next().slice(0, 15);
          fail(
            'SIOCSIFNAME',
            sioc((ctx) => setDevName(ctx, ns, name, v)),
          );
          continue;
        }
        case 'netmask': {
          const v = words[i + 1];
          if (v === undefined || didNetmask) throw new UsageError();
          i++;
          const m = await addr(v);
          if (m === null) {
            goterr = 1;
            continue;
          }
          didNetmask = true;
          fail(
            'SIOCSIFNETMASK',
            sioc((ctx) => setNetmask(ctx, ns, name, m)),
          );
          continue;
        }
        case 'broadcast': {
          const v = words[i + 1];
          if (v !== undefined) {
            i++;
            const b = await addr(v);
            if (b === null) {
              goterr = 1;
              continue;
            }
            fail(
              'SIOCSIFBRDADDR',
              sioc((ctx) => setBroadcast(ctx, ns, name, b)),
            );
          }
          flag(null);
          continue;
        }
        case 'hw': {
          const type = next();
          if (type !== 'ether') throw new UsageError();
          const text = next();
          const mac = parseMac(text);
          if (!mac) {
            io.err(`${text}: invalid ether address.\n`);
            goterr = 1;
            continue;
          }
          const e = sioc((ctx) => setDevMac(ctx, ns, name, mac));
          if (e === 'EBUSY') io.err(`SIOCSIFHWADDR: ${strerror(e)} - you may need to down the interface\n`);
          else fail('SIOCSIFHWADDR', e);
          if (e) goterr |= 1;
          continue;
        }
        case 'mem_start':
        case 'io_addr':
        case 'irq': {
          next();
          if (!run((ctx) => deviceExists(ctx, ns, name))) fail(`${w}: SIOCGIFMAP`, 'ENODEV');
          else fail(`${w}: SIOCSIFMAP`, 'EOPNOTSUPP');
          continue;
        }
        case 'add':
        case 'del': {
          goterr |= await addDelAlias(io, name, next(), w === 'add');
          continue;
        }
      }
      if (inet6) {
        io.err("Don't know how to set addresses for family 10.\n");
        return 1;
      }
      // Anything else is the address, optionally with a /prefix (INET_getnetmask).
      let host = w;
      const slash = host.indexOf('/');
      if (slash >= 0) {
        const p = host.slice(slash + 1);
        if (!/^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.test(p)) throw new UsageError();
        if (didNetmask) throw new UsageError();
        pendingMask = maskOf(Math.min(strtoul0(p), 32));
        host = host.slice(0, slash);
      }
      const r = await inetResolve(io, host, false);
      if (!r) {
        io.err(`${host}: Host name lookup failure\nifconfig: \`--help' gives usage information.\n`);
        return 1;
      }
      fail(
        'SIOCSIFADDR',
        sioc((ctx) => setAddr(ctx, ns, name, r.addr)),
      );
      // An alias set to 0.0.0.0 was deleted: it is not brought up again.
      if (!(name.includes(':') && (name.endsWith('-') || r.addr === 0)))
        flag((ctx) => setUp(ctx, ns, name, true));
    }
  } catch (e) {
    if (e instanceof UsageError) return gnuUsage(io, false);
    throw e;
  }
  if (pendingMask !== null) {
    const m = pendingMask;
    fail(
      'SIOCSIFNETMASK',
      sioc((ctx) => setNetmask(ctx, ns, name, m)),
    );
  }
  return goterr & 0xff;
}

/**
 * `add ADDR` / `del ADDR` (set_ifstate): find the NAME:N alias holding ADDR and bring it up or down;
 * an add without one creates the lowest free NAME:N with the parent's netmask and broadcast.
 */
async function addDelAlias(io: CommandIO, name: string, text: string, add: boolean): Promise<number> {
  const ns = io.proc.ns;
  if (text.includes(':')) {
    const r = inet6AddDel(io, name, text, add);
    if ('usage' in r) throw new UsageError();
    if ('error' in r) {
      io.err(`${r.error}\n`);
      return 1;
    }
    return 0;
  }
  const r = await inetResolve(io, text, false);
  if (!r) {
    io.err(`${text}: Host name lookup failure\n`);
    return 1;
  }
  return io.os.mutate(({ kctx }) => {
    const d = baseDevice(kctx.k, ns, name);
    if (!d) {
      io.err(
        `${name}: error fetching interface information: Device not found\nInterface ${name} not initialized\n`,
      );
      return 1;
    }
    // set_ifstate() does not check its SIOCSIFADDR/SIOCSIFFLAGS: refused, nothing changes and nothing is said.
    if (!permitted(io.proc, 'ioctl')) return 0;
    const parent = ifaByLabel(d, name);
    const used = new Set<number>();
    for (const a of d.inet) {
      const m = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)$`).exec(a.label);
      if (!m) continue;
      used.add(Number(m[1]));
      if (a.address === r.addr)
        return (add ? setUp(kctx, ns, a.label, true) : setUp(kctx, ns, a.label, false)) ? 1 : 0;
    }
    // set_ifstate() falls through to creating an alias for a del as well.
    let n = 0;
    while (used.has(n)) n++;
    const label = `${name}:${n}`;
    if (setAddr(kctx, ns, label, r.addr)) return 0;
    setNetmask(kctx, ns, label, parent ? maskOf(parent.prefixLen) : 0);
    setBroadcast(kctx, ns, label, parent?.broadcast ?? 0);
    return 0;
  });
}
