/**
 * The IPv4 routing table as net-tools prints it (lib/inet_gr.c rprint_fib: route, route -e/-ee,
 * netstat -r) and as BusyBox does (networking/route.c bb_displayroutes: route and netstat -r), both
 * reading /proc/net/route. Without -n, 0.0.0.0 becomes "default" (destination) and, for BusyBox, "*"
 * (gateway); other addresses become names when /etc/hosts or /etc/networks know them.
 */
import { formatIp4 } from '../../../lib';
import type { CommandIO } from '../../types';
import {
  RTF_DYNAMIC,
  RTF_GATEWAY,
  RTF_HOST,
  RTF_MODIFIED,
  RTF_REINSTATE,
  RTF_REJECT,
  RTF_UP,
  procRoutes,
  type ProcRoute,
} from '../procfs/net_route';
import { RR_HOST, RR_NETWORK, RR_NUMERIC, inetRresolve } from './inet';

/** 1: route (Metric Ref Use), 2: netstat -r and route -e (MSS Window irtt), 3: route -ee (both). */
export type RouteFormat = 1 | 2 | 3;

const HEADERS: Record<RouteFormat, string> = {
  1: 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n',
  2: 'Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n',
  3: 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface    MSS   Window irtt\n',
};

const p = (s: string | number, w: number) => String(s).padEnd(w);
const l = (s: string | number, w: number) => String(s).padStart(w);

/** net-tools' flag letters: "!" replaces everything before it for a reject route. */
function gnuFlags(f: number): string {
  let s = '';
  if (f & RTF_UP) s += 'U';
  if (f & RTF_GATEWAY) s += 'G';
  if (f & RTF_REJECT) s = '!';
  if (f & RTF_HOST) s += 'H';
  if (f & RTF_REINSTATE) s += 'R';
  if (f & RTF_DYNAMIC) s += 'D';
  if (f & RTF_MODIFIED) s += 'M';
  return s;
}

function gnuLine(r: ProcRoute, dst: string, gw: string, fmt: RouteFormat): string {
  const mask = formatIp4(r.mask);
  const flags = gnuFlags(r.flags);
  const reject = (r.flags & RTF_REJECT) !== 0;
  if (fmt === 1) {
    if (reject)
      return `${p(dst, 15)} -               ${p(mask, 15)} ${p(flags, 5)} ${p(r.metric, 6)} -  ${l(r.use, 7)} -\n`;
    return `${p(dst, 15)} ${p(gw, 15)} ${p(mask, 15)} ${p(flags, 5)} ${p(r.metric, 6)} ${p(r.refcnt, 2)} ${l(r.use, 7)} ${r.iface}\n`;
  }
  if (fmt === 2) {
    if (reject) return `${p(dst, 15)} -               ${p(mask, 15)} ${p(flags, 5)}     - -          - -\n`;
    return `${p(dst, 15)} ${p(gw, 15)} ${p(mask, 15)} ${p(flags, 5)} ${l(r.mtu, 5)} ${p(r.window, 5)} ${l(r.irtt, 6)} ${r.iface}\n`;
  }
  if (reject)
    return `${p(dst, 15)} -               ${p(mask, 15)} ${p(flags, 5)} ${p(r.metric, 6)} -  ${l(r.use, 7)} -        -     -      -\n`;
  return (
    `${p(dst, 15)} ${p(gw, 15)} ${p(mask, 15)} ${p(flags, 5)} ${p(r.metric, 6)} ${p(r.refcnt, 3)} ${l(r.use, 6)} ` +
    `${p(r.iface.slice(0, 6), 6)}   ${p(r.mtu, 5)} ${p(r.window, 6)} ${r.irtt}\n`
  );
}

/** BusyBox's set_flags(): "UGHRDM" for the IPv4 bits, a reject route's first letter becomes '!'. */
function bbFlags(f: number): string {
  const bits: [number, string][] = [
    [RTF_UP, 'U'],
    [RTF_GATEWAY, 'G'],
    [RTF_HOST, 'H'],
    [RTF_REINSTATE, 'R'],
    [RTF_DYNAMIC, 'D'],
    [RTF_MODIFIED, 'M'],
  ];
  const s = bits.filter(([b]) => f & b).map(([, c]) => c);
  if (f & RTF_REJECT) s[0] = '!';
  return s.join('');
}

/** Print the table; `numeric` is -n. */
export async function displayRoutes(io: CommandIO, numeric: boolean, fmt: RouteFormat): Promise<number> {
  const busybox = io.proc.flavour === 'busybox';
  const routes = procRoutes(io.os.state.kernel, io.proc.ns);
  const num = numeric ? RR_NUMERIC : 0;
  let out = 'Kernel IP routing table\n';
  const bbFmt: RouteFormat = fmt === 1 ? 1 : 2;
  out += HEADERS[busybox ? bbFmt : fmt];
  for (const r of routes) {
    const hostFlag = r.flags & RTF_HOST ? RR_HOST : 0;
    if (busybox) {
      const dst = await inetRresolve(io, r.dst, num | RR_NETWORK, r.mask, true);
      const gw = await inetRresolve(io, r.gateway, num | RR_HOST, r.mask, true);
      out += `${p(dst.slice(0, 15), 15)} ${p(gw.slice(0, 15), 15)} ${p(formatIp4(r.mask), 16)}${p(bbFlags(r.flags), 6)}`;
      out +=
        bbFmt === 2
          ? `${l(r.mtu, 5)} ${p(r.window, 5)} ${l(r.irtt, 6)} ${r.iface}\n`
          : `${p(r.metric, 6)} ${p(r.refcnt, 2)} ${l(r.use, 7)} ${r.iface}\n`;
      continue;
    }
    const dst = (await inetRresolve(io, r.dst, num | RR_NETWORK | hostFlag, r.mask)).slice(0, 15);
    const gw = (await inetRresolve(io, r.gateway, num | RR_HOST, 0xffffff00)).slice(0, 15);
    out += gnuLine(r, dst, gw, fmt);
  }
  io.out(out);
  return 0;
}
