/**
 * /proc/net/route (net/ipv4/fib_trie.c fib_route_seq_show): the main table in trie order, without
 * broadcast and multicast routes, each line padded to 127 columns (seq_setwidth/seq_pad). Flags come from
 * fib_flag_trans(): RTF_UP always, RTF_GATEWAY with a gateway, RTF_HOST for a /32, RTF_REJECT for
 * unreachable and prohibit. A route without a device (blackhole, throw, reject) names "*".
 * net-tools' and BusyBox's route -n and netstat -r print this file.
 */
import type { FibRoute, KernelState, NsId } from '../../../kernel';
import { RT_TABLE_MAIN, xaGet } from '../../../kernel';
import { maskOf, procHex } from '../../../lib';
import type { DynamicFile } from '../../fs';

export const RTF_UP = 0x0001;
export const RTF_GATEWAY = 0x0002;
export const RTF_HOST = 0x0004;
export const RTF_REINSTATE = 0x0008;
export const RTF_DYNAMIC = 0x0010;
export const RTF_MODIFIED = 0x0020;
export const RTF_REJECT = 0x0200;

/** One line of /proc/net/route, as the tools scan it back. */
export interface ProcRoute {
  iface: string;
  dst: number;
  gateway: number;
  flags: number;
  refcnt: number;
  use: number;
  metric: number;
  mask: number;
  mtu: number;
  window: number;
  irtt: number;
}

function flagsOf(r: FibRoute): number {
  let f = r.type === 'unreachable' || r.type === 'prohibit' ? RTF_REJECT : 0;
  if (r.gateway !== null) f |= RTF_GATEWAY;
  if (r.dstLen === 32) f |= RTF_HOST;
  return f | RTF_UP;
}

function metric(r: FibRoute, name: string): number {
  return r.metrics?.find((m) => m.name === name)?.value ?? 0;
}

export function procRoutes(k: KernelState, ns: NsId): ProcRoute[] {
  const table = xaGet(k.netns, ns)?.fib4[RT_TABLE_MAIN] ?? [];
  return table
    .filter((r) => r.type !== 'broadcast' && r.type !== 'multicast')
    .map((r) => ({
      iface: r.dev !== null ? (xaGet(k.devices, r.dev)?.name ?? '*') : '*',
      dst: r.dst,
      gateway: r.gateway ?? 0,
      flags: flagsOf(r),
      refcnt: 0,
      use: 0,
      metric: r.priority,
      mask: maskOf(r.dstLen),
      // fib_route_seq_show(): the MTU column is advmss + 40 (0 without one), Window the window metric.
      mtu: metric(r, 'advmss') ? metric(r, 'advmss') + 40 : 0,
      window: metric(r, 'window'),
      irtt: 0,
    }));
}

export function formatProcNetRoute(k: KernelState, ns: NsId): string {
  const head = 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT';
  let out = `${head.padEnd(127)}\n`;
  for (const r of procRoutes(k, ns)) {
    const flags = r.flags.toString(16).toUpperCase().padStart(4, '0');
    const line =
      `${r.iface}\t${procHex(r.dst)}\t${procHex(r.gateway)}\t${flags}\t${r.refcnt}\t${r.use}\t` +
      `${r.metric}\t${procHex(r.mask)}\t${r.mtu}\t${r.window}\t${r.irtt}`;
    out += `${line.padEnd(127)}\n`;
  }
  return out;
}

export const procNetRoute: DynamicFile = {
  read: (proc, os) => formatProcNetRoute(os.state.kernel, proc.ns),
};
