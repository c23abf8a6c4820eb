/**
 * BusyBox 1.35 `route add|del ...` (networking/route.c INET_setroute): the same rtentry as net-tools,
 * but errors end the applet with "route: ..." and exit 1, and usage errors print the applet's usage.
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
import { BUSYBOX_ROUTE_USAGE } from './usage';

class Die extends Error {}

/** xatoul_range(): a whole decimal number within the range, else die. */
function xatoul(s: string, min: number, max: number): number {
  if (!/^\d+$/.test(s)) throw new Die(`route: invalid number '${s}'\n`);
  const n = Number(s);
  if (n < min || n > max) throw new Die(`route: number ${s} is not in ${min}..${max} range\n`);
  return n;
}

const FLAG_WORDS: Record<string, number> = {
  reject: RTF_REJECT,
  mod: RTF_MODIFIED,
  dyn: RTF_DYNAMIC,
  reinstate: RTF_REINSTATE,
};
const ARG_WORDS = new Set(['metric', 'netmask', 'gw', 'gateway', 'mss', 'window', 'irtt', 'dev', 'device']);

export async function editRouteBusybox(
  io: CommandIO,
  action: 'add' | 'del',
  words: string[],
): Promise<number> {
  try {
    const args = [...words];
    let xflag = 0;
    if (args[0] === '-net' || args[0] === '-host') xflag = (args.shift() as string) === '-net' ? 1 : 2;
    const target = args.shift();
    if (target === undefined) throw new Die(BUSYBOX_ROUTE_USAGE);
    const rt: RtEntry = { dst: 0, genmask: 0, flags: 0, metric: 0, gateway: null, dev: null };
    let netmaskText = 'default';
    let host = target;
    const slash = target.indexOf('/');
    if (slash >= 0) {
      const n = xatoul(target.slice(slash + 1), 0, 32);
      rt.genmask = ~(0xffffffff >>> n) >>> 0;
      host = target.slice(0, slash);
    }
    const t = await inetResolve(io, host, xflag === 2);
    if (!t) throw new Die(`route: resolving ${host}\n`);
    rt.dst = t.addr;
    const isnet = xflag ? xflag === 1 : t.isNet;
    rt.flags = isnet ? RTF_UP : RTF_UP | RTF_HOST;
    while (args.length) {
      const w = args.shift() as string;
      if (w in FLAG_WORDS) {
        rt.flags |= FLAG_WORDS[w] as number;
        continue;
      }
      if (ARG_WORDS.has(w) && args.length) {
        const v = args.shift() as string;
        if (w === 'metric') rt.metric = xatoul(v, 0, 0xffffffff) + 1;
        else if (w === 'netmask') {
          if (rt.genmask) throw new Die(BUSYBOX_ROUTE_USAGE);
          netmaskText = v;
          const m = await inetResolve(io, v, false);
          if (!m) throw new Die(`route: resolving ${v}\n`);
          rt.genmask = m.addr;
        } else if (w === 'gw' || w === 'gateway') {
          if (rt.flags & RTF_GATEWAY) throw new Die(BUSYBOX_ROUTE_USAGE);
          const g = await inetResolve(io, v, true);
          if (!g) throw new Die(`route: resolving ${v}\n`);
          if (g.isNet) throw new Die(`route: gateway ${v} is a NETWORK\n`);
          rt.gateway = g.addr;
          rt.flags |= RTF_GATEWAY;
        } else if (w === 'mss') xatoul(v, 64, 32768);
        else if (w === 'window') xatoul(v, 128, 0x7fffffff);
        else if (w === 'irtt') xatoul(v, 0, 0xffffffff);
        else if (rt.dev === null) rt.dev = v;
        else throw new Die(BUSYBOX_ROUTE_USAGE);
        continue;
      }
      // The device may also be the last word, without "dev".
      if (rt.dev === null && args.length === 0) {
        rt.dev = w;
        continue;
      }
      throw new Die(BUSYBOX_ROUTE_USAGE);
    }
    if (rt.flags & RTF_REJECT && rt.dev === null) rt.dev = 'lo';
    if (rt.genmask) {
      const inv = ~rt.genmask >>> 0;
      if (rt.flags & RTF_HOST && inv !== 0xffffffff)
        throw new Die(`route: netmask ${inv.toString(16).padStart(8, '0')} and host route conflict\n`);
      if ((inv & (inv + 1)) >>> 0 !== 0) throw new Die(`route: bogus netmask ${netmaskText}\n`);
      if ((rt.dst & ~rt.genmask) >>> 0 !== 0) throw new Die('route: netmask and route address conflict\n');
    }
    if (action === 'add' && rt.flags & RTF_HOST) rt.genmask = 0xffffffff;
    // ip_rt_ioctl() checks CAP_NET_ADMIN first.
    const e = permitted(io.proc, 'ioctl')
      ? io.os.mutate(({ kctx }) => ipRtIoctl(kctx, io.proc.ns, rt, action))
      : 'EPERM';
    if (e) throw new Die(`route: ${action === 'add' ? 'SIOCADDRT' : 'SIOCDELRT'}: ${strerror(e)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof Die) {
      io.err(e.message);
      return 1;
    }
    throw e;
  }
}
