/**
 * net-tools 2.10 `route add|del ...` (lib/inet_sr.c INET_setroute): the target (with -net/-host and an
 * optional /prefix), then gw, netmask, metric, mss/window/irtt, reject, mod/dyn/reinstate and the device;
 * sanity checks on the netmask, then one SIOCADDRT/SIOCDELRT. Exit status: 0, 3 (usage), 6 (lookup), 7 (ioctl).
 */
import { strerror } from '../../../kernel';
import type { CommandIO } from '../../types';
import {
  RTF_DYNAMIC,
  RTF_GATEWAY,
  RTF_HOST,
  RTF_MODIFIED,
  RTF_REINSTATE,
  RTF_REJECT,
  RTF_UP,
} from '../procfs/net_route';
import { inetResolve } from './inet';
import { ipRtIoctl, type RtEntry } from './ioctl';
import { permitted } from '../../capability';
import { INET_ROUTE_USAGE } from './usage';

const E_OPTERR = 3;
const E_LOOKUP = 6;
const E_SOCK = 7;

/** herror() text: a name with characters no host name has is HOST_NOT_FOUND; others fail for lack of DNS. */
function lookupFailure(name: string, hostFirst: boolean): string {
  return hostFirst || /[^A-Za-z0-9.-]/.test(name)
    ? `${name}: Unknown host\n`
    : `${name}: Host name lookup failure\n`;
}

function usageErr(io: CommandIO, before = ''): number {
  io.err(before + INET_ROUTE_USAGE);
  return E_OPTERR;
}

/** strtoul(s, &end, 0) that must consume the whole string. */
function strtoulAll(s: string): number | null {
  if (/^0[xX][0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^0[0-7]*$/.test(s)) return parseInt(s, 8);
  if (/^[1-9]\d*$/.test(s)) return Number(s);
  return null;
}

const atoi = (s: string): number => {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? parseInt(m[1] as string, 10) : 0;
};

export async function editRouteGnu(io: CommandIO, action: 'add' | 'del', words: string[]): Promise<number> {
  let args = [...words];
  if (args.length === 0) {
    io.out(INET_ROUTE_USAGE);
    return 0;
  }
  let xflag = 0;
  if (args[0] === '-net') {
    xflag = 1;
    args = args.slice(1);
  } else if (args[0] === '-host') {
    xflag = 2;
    args = args.slice(1);
  }
  let target = args.shift();
  if (target === undefined) return usageErr(io);
  let genmask: number | null = null;
  let netmaskText = 'default';
  const slash = target.indexOf('/');
  if (slash >= 0) {
    // INET_getnetmask(): the shift count wraps as on x86, so /32 and /33 give odd masks, as for real.
    const n = strtoulAll(target.slice(slash + 1));
    if (n === null) return usageErr(io);
    genmask = ~(0xffffffff >>> n) >>> 0;
    netmaskText = `/${n}`;
    target = target.slice(0, slash);
  }
  const t = await inetResolve(io, target, xflag === 2);
  if (!t) {
    io.err(lookupFailure(target, xflag === 2));
    return E_LOOKUP;
  }
  const isnet = xflag === 1 ? true : xflag === 2 ? false : t.isNet;
  const rt: RtEntry = {
    dst: t.addr,
    genmask: genmask ?? 0,
    flags: RTF_UP | (isnet ? 0 : RTF_HOST),
    metric: 0,
    gateway: null,
    dev: null,
  };
  let maskSet = genmask !== null;
  while (args.length) {
    const w = args.shift() as string;
    const val = (): string | null => args.shift() ?? null;
    switch (w) {
      case 'metric': {
        const v = val();
        if (v === null || !/^\d/.test(v)) return usageErr(io);
        rt.metric = atoi(v) + 1;
        continue;
      }
      case 'netmask': {
        const v = val();
        if (v === null || (maskSet && rt.genmask !== 0)) return usageErr(io);
        netmaskText = v;
        const m = await inetResolve(io, v, false);
        if (!m) {
          io.err(lookupFailure(v, false));
          return E_LOOKUP;
        }
        rt.genmask = m.addr;
        maskSet = true;
        continue;
      }
      case 'gw':
      case 'gateway': {
        const v = val();
        if (v === null || rt.flags & RTF_GATEWAY) return usageErr(io);
        const g = await inetResolve(io, v, true);
        if (!g) {
          io.err(lookupFailure(v, true));
          return E_LOOKUP;
        }
        if (g.isNet) return usageErr(io, `route: ${v}: cannot use a NETWORK as gateway!\n`);
        rt.gateway = g.addr;
        rt.flags |= RTF_GATEWAY;
        continue;
      }
      case 'mss':
      case 'mtu': {
        const v = val();
        if (v === null) return usageErr(io);
        const n = atoi(v);
        if (n < 64 || n > 65536) return usageErr(io, 'route: Invalid MSS/MTU.\n');
        continue;
      }
      case 'window': {
        const v = val();
        if (v === null) return usageErr(io);
        if (atoi(v) < 128) return usageErr(io, 'route: Invalid window.\n');
        continue;
      }
      case 'irtt':
        if (val() === null) return usageErr(io);
        continue;
      case 'reject':
        rt.flags |= RTF_REJECT;
        continue;
      case 'mod':
        rt.flags |= RTF_MODIFIED;
        continue;
      case 'dyn':
        rt.flags |= RTF_DYNAMIC;
        continue;
      case 'reinstate':
        rt.flags |= RTF_REINSTATE;
        continue;
      case 'dev':
      case 'device': {
        const v = val();
        if (rt.dev !== null || v === null) return usageErr(io);
        rt.dev = v;
        continue;
      }
    }
    // A bare word is the device, and must be the last one.
    if (rt.dev !== null || args.length) return usageErr(io);
    rt.dev = w;
  }
  if (rt.flags & RTF_REJECT && rt.dev === null) rt.dev = 'lo';
  if (rt.genmask !== 0) {
    const inv = ~rt.genmask >>> 0;
    if (rt.flags & RTF_HOST && inv !== 0xffffffff)
      return usageErr(
        io,
        `route: netmask ${inv.toString(16).padStart(8, '0')} doesn't make sense with host route\n`,
      );
    if ((inv & (inv + 1)) >>> 0 !== 0) return usageErr(io, `route: bogus netmask ${netmaskText}\n`);
    if ((rt.dst & ~rt.genmask) >>> 0 !== 0)
      return usageErr(io, "route: netmask doesn't match route address\n");
  }
  if (action === 'add' && rt.flags & RTF_HOST) rt.genmask = 0xffffffff;
  // ip_rt_ioctl() checks CAP_NET_ADMIN first.
  const e = permitted(io.proc, 'ioctl')
    ? io.os.mutate(({ kctx }) => ipRtIoctl(kctx, io.proc.ns, rt, action))
    : 'EPERM';
  if (e) {
    io.err(`${action === 'add' ? 'SIOCADDRT' : 'SIOCDELRT'}: ${strerror(e)}\n`);
    return E_SOCK;
  }
  return 0;
}
