/**
 * IPv4 interface addresses, after net/ipv4/devinet.c: __inet_insert_ifa (ordering, secondaries, EEXIST),
 * __inet_del_ifa, and the loopback's automatic 127.0.0.1/8 (inetdev_event NETDEV_UP).
 */
import type { Ip4 } from '../../lib';
import { maskOf, networkOf } from '../../lib';
import type { KernelCtx } from '../context';
import { devOf, peekOf, putOf } from '../context';
import { kerr, kok, type KResult } from '../errno';
import type { DevId, InetAddr, Scope } from '../types';
import { fibAddIfaddr, fibDelIfaddr, fibModifyPrefixRoute } from './fib_frontend';
import { xaGet } from '../xarray';

const SCOPE_VALUE: Record<Scope, number> = { global: 0, site: 200, link: 253, host: 254, nowhere: 255 };

export interface NewInetAddr {
  local: Ip4;
  /** IFA_ADDRESS: the peer of a point-to-point address (`ip addr add L peer P`); defaults to local. */
  address?: Ip4;
  prefixLen: number;
  broadcast?: Ip4 | null;
  scope?: Scope;
  label?: string;
  noprefixroute?: boolean;
  validLft?: number | null;
  preferredLft?: number | null;
  metric?: number;
}

/** __inet_insert_ifa() followed by the NETDEV_UP inetaddr notification (fib_add_ifaddr). */
export function inetAddAddr(ctx: KernelCtx, devId: DevId, spec: NewInetAddr): KResult<InetAddr> {
  const dev = devOf(ctx.k, devId);
  // rtm_to_ifaddr() copies IFA_LABEL as given: `ip addr add ... label foo` is accepted (Linux 6.18).
  const label = spec.label ?? dev.name;
  const ifa: InetAddr = {
    local: spec.local,
    address: spec.address ?? spec.local,
    prefixLen: spec.prefixLen,
    broadcast: spec.broadcast ?? null,
    scope: spec.scope ?? (spec.local >>> 24 === 127 ? 'host' : 'global'),
    label,
    secondary: false,
    noprefixroute: spec.noprefixroute ?? false,
    validLft: spec.validLft ?? null,
    preferredLft: spec.preferredLft ?? null,
  };
  if (spec.metric) ifa.metric = spec.metric;
  const mask = maskOf(ifa.prefixLen);
  let lastPrimary = 0;
  // Read through peek and written back as a new list: reading the draft would draft every address.
  const peek = peekOf(ctx);
  const addrs = peek(peek(dev).inet).map(peek);
  for (let i = 0; i < addrs.length; i++) {
    const a = addrs[i] as InetAddr;
    if (!a.secondary && SCOPE_VALUE[ifa.scope] <= SCOPE_VALUE[a.scope]) lastPrimary = i + 1;
    if (
      maskOf(a.prefixLen) === mask &&
      networkOf(a.address, a.prefixLen) === networkOf(ifa.address, ifa.prefixLen)
    ) {
      if (a.local === ifa.local) return kerr('EEXIST');
      if (a.scope !== ifa.scope) return kerr('EINVAL');
      ifa.secondary = true;
    }
  }
  const next = peek(peek(dev).inet).slice();
  if (ifa.secondary) next.push(ifa);
  else next.splice(lastPrimary, 0, ifa);
  putOf(ctx)(dev, 'inet', next);
  fibAddIfaddr(ctx, devId, ifa);
  return kok(ifa);
}

/**
 * inet_rtm_newaddr() on an existing address (replace/change): its IFA_RT_PRIORITY becomes the request's,
 * 0 when it gives none, and fib_modify_prefix_route() moves the prefix route to the new metric when the
 * address has one (a primary with a prefix route on a device that is up).
 */
export function inetSetMetric(ctx: KernelCtx, devId: DevId, ifa: InetAddr, metric: number): void {
  const dev = devOf(ctx.k, devId);
  const cur = dev.inet.find((a) => a.local === ifa.local && a.prefixLen === ifa.prefixLen);
  if (!cur || (cur.metric ?? 0) === metric) return;
  fibModifyPrefixRoute(ctx, devId, cur, metric);
  if (metric) cur.metric = metric;
  else delete cur.metric;
}

/** inet_ifa_match() with an equal mask: `b` is in `a`'s subnet (IFA_ADDRESS & mask). */
function sameSubnet(a: InetAddr, b: InetAddr): boolean {
  return (
    a.prefixLen === b.prefixLen && networkOf(a.address, a.prefixLen) === networkOf(b.address, b.prefixLen)
  );
}

/** IN_DEV_PROMOTE_SECONDARIES(): net.ipv4.conf.all.promote_secondaries OR the device's own (both 0 in a new namespace). */
function promoteSecondaries(ctx: KernelCtx, devId: DevId): boolean {
  const dev = devOf(ctx.k, devId);
  const all = Number(xaGet(ctx.k.netns, dev.ns)?.sysctl['net.ipv4.conf.all.promote_secondaries'] ?? 0);
  return all !== 0 || (dev.conf['promote_secondaries'] ?? 0) !== 0;
}

/**
 * inet_rtm_deladdr() -> __inet_del_ifa(): the first address matching local (and prefix length when given).
 * Deleting a primary deletes the secondaries of its subnet, unless promote_secondaries is set: then the
 * first of them becomes primary, moves after the last primary of at least the deleted one's scope, and it
 * and the later secondaries get their routes again with the new preferred source.
 */
export function inetDelAddr(
  ctx: KernelCtx,
  devId: DevId,
  local: Ip4,
  prefixLen: number | null,
): KResult<InetAddr> {
  const dev = devOf(ctx.k, devId);
  const i = dev.inet.findIndex((a) => a.local === local && (prefixLen === null || a.prefixLen === prefixLen));
  if (i < 0) return kerr('EADDRNOTAVAIL');
  const ifa1 = dev.inet[i] as InetAddr;
  if (ifa1.secondary) {
    dev.inet.splice(i, 1);
    fibDelIfaddr(ctx, devId, ifa1, dev.inet);
    return kok(ifa1);
  }
  const doPromote = promoteSecondaries(ctx, devId);
  let lastPrim = dev.inet[0] as InetAddr;
  let promote: InetAddr | null = null;
  const dropped: InetAddr[] = [];
  for (const a of dev.inet.slice(i + 1)) {
    if (!a.secondary && SCOPE_VALUE[ifa1.scope] <= SCOPE_VALUE[a.scope]) lastPrim = a;
    if (!a.secondary || !sameSubnet(ifa1, a)) continue;
    if (!doPromote) dropped.push(a);
    else {
      promote = a;
      break;
    }
  }
  dev.inet = dev.inet.filter((a) => !dropped.includes(a));
  for (const g of dropped) fibDelIfaddr(ctx, devId, g, dev.inet);
  // The secondaries that change their primary lose their routes silently first (fib_del_ifaddr).
  const moved = promote ? dev.inet.slice(dev.inet.indexOf(promote)).filter((a) => sameSubnet(ifa1, a)) : [];
  const others = dev.inet.filter((a) => a !== ifa1 && !moved.includes(a));
  for (const m of moved) fibDelIfaddr(ctx, devId, m, others);
  dev.inet = dev.inet.filter((a) => a !== ifa1);
  fibDelIfaddr(ctx, devId, ifa1, dev.inet);
  if (promote) {
    const p = promote;
    const from = dev.inet.indexOf(p);
    // Relinked after last_prim, unless it directly followed the deleted address (prev_prom == NULL).
    if (from !== i) {
      dev.inet.splice(from, 1);
      dev.inet.splice(lastPrim === ifa1 ? i : dev.inet.indexOf(lastPrim) + 1, 0, p);
    }
    p.secondary = false;
    fibAddIfaddr(ctx, devId, p);
    for (const m of moved) if (m !== p) fibAddIfaddr(ctx, devId, m);
  }
  return kok(ifa1);
}

/** inetdev_event(NETDEV_UP) on a loopback: 127.0.0.1/8 scope host appears if it is not there. */
export function inetInsertLoopback(ctx: KernelCtx, devId: DevId): void {
  const dev = devOf(ctx.k, devId);
  const lo = 0x7f000001;
  if (dev.inet.some((a) => a.local === lo && a.prefixLen === 8)) return;
  inetAddAddr(ctx, devId, { local: lo, prefixLen: 8, scope: 'host', label: dev.name });
}

/** The first primary address of a device (what ifconfig shows, what inet_select_addr prefers). */
export function primaryAddr(ctx: KernelCtx, devId: DevId): InetAddr | null {
  return devOf(ctx.k, devId).inet.find((a) => !a.secondary) ?? null;
}

/**
 * devinet_sysctl_forward() for net.ipv4.ip_forward / conf.all.forwarding (one value): on a change,
 * inet_forward_change() gives conf.default and every device the same raw value and sets
 * conf.all.accept_redirects to its negation.
 */
export function setIpForward(ctx: KernelCtx, ns: string, value: number): void {
  const n = xaGet(ctx.k.netns, ns);
  if (!n) return;
  const old = Number(n.sysctl['net.ipv4.ip_forward'] ?? 0);
  n.sysctl['net.ipv4.ip_forward'] = value;
  n.sysctl['net.ipv4.conf.all.forwarding'] = value;
  if (old === value) return;
  n.sysctl['net.ipv4.conf.all.accept_redirects'] = value ? 0 : 1;
  n.sysctl['net.ipv4.conf.default.forwarding'] = value;
  for (const id of Object.values(n.byIndex)) {
    const d = xaGet(ctx.k.devices, id);
    if (d) d.conf.forwarding = value;
  }
}
