/**
 * IPv6, only as far as it shows in the tools: ::1 on an up loopback (init_loopback), an EUI-64 link-local
 * address once a device is first ready (addrconf_dev_config on NETDEV_UP/CHANGE), removal on NETDEV_DOWN
 * (addrconf_ifdown) and when net.ipv6.conf.<dev>.disable_ipv6 is set. After net/ipv6/addrconf.c.
 */
import { eui64LinkLocal } from '../../lib';
import type { KernelCtx } from '../context';
import { devOf, devicesOf, nextOrderSeq, nsOf, peekNsOf, peekOf } from '../context';
import type { DevId, Inet6Addr, NetDevice, NsId } from '../types';

/** DAD: one probe after up to rtr_solicit_delay (1 s), answered after retrans_timer (1 s). */
export const DAD_US = 1_500_000;

/** The DAD deadline of an address whose device is not ready yet: DAD starts when it becomes ready. */
export const DAD_PENDING = Number.MAX_SAFE_INTEGER;

export function ipv6Disabled(ctx: KernelCtx, dev: NetDevice): boolean {
  // Read through peek: the settings are only read here, and drafting them copies nothing but costs a proxy each.
  const peek = peekOf(ctx);
  const d = peek(dev);
  if (peek(d.conf).disable_ipv6 !== 0) return true;
  return Number(peek(peekNsOf(ctx, d.ns).sysctl)['net.ipv6.conf.all.disable_ipv6']) !== 0;
}

/** The device became ready (operstate UP) for the first time since it was last brought up. */
export function addrconfLinkReady(ctx: KernelCtx, devId: DevId): void {
  const dev = devOf(ctx.k, devId);
  if (dev.kind === 'loopback' || ipv6Disabled(ctx, dev) || dev.addrconfSeq !== null) return;
  dev.addrconfSeq = nextOrderSeq(ctx.k);
  // addrconf_dad_run(): addresses added while the device was not ready start their DAD now.
  for (const a of dev.inet6) if (a.dadUntilUs === DAD_PENDING) a.dadUntilUs = ctx.clock.nowUs + DAD_US;
  dev.inet6McDown = false;
  const addr = eui64LinkLocal(dev.mac);
  if (dev.inet6.some((a) => a.addr === addr)) return;
  dev.inet6.push({
    addr,
    prefixLen: 64,
    scope: 'link',
    dadUntilUs: ctx.clock.nowUs + DAD_US,
    permanent: true,
  });
}

/** init_loopback(): ::1/128 on the loopback when it comes up. */
export function addrconfUpLoopback(ctx: KernelCtx, devId: DevId): void {
  const dev = devOf(ctx.k, devId);
  if (ipv6Disabled(ctx, dev)) return;
  if (dev.addrconfSeq === null) dev.addrconfSeq = nextOrderSeq(ctx.k);
  if (!dev.inet6.some((a) => a.addr === '::1'))
    dev.inet6.push({ addr: '::1', prefixLen: 128, scope: 'host', dadUntilUs: 0, permanent: true });
}

/** addrconf_ifdown(): addresses go and the device must become ready again to get them back. */
export function addrconfDown(ctx: KernelCtx, devId: DevId): void {
  const dev = devOf(ctx.k, devId);
  // addrconf_ifdown(): ipv6_mc_down() only when the device had been ready (IF_READY).
  if (dev.addrconfSeq !== null && dev.kind !== 'loopback') dev.inet6McDown = true;
  dev.inet6 = [];
  dev.addrconfSeq = null;
}

/** Writing net.ipv6.conf.<dev>.disable_ipv6 (addrconf_disable_ipv6 -> dev_disable_change). */
export function setDisableIpv6(ctx: KernelCtx, devId: DevId, value: number): void {
  const dev = devOf(ctx.k, devId);
  const before = dev.conf.disable_ipv6;
  dev.conf.disable_ipv6 = value ? 1 : 0;
  if (before === dev.conf.disable_ipv6) return;
  if (dev.conf.disable_ipv6) {
    addrconfDown(ctx, devId);
  } else if (dev.adminUp) {
    if (dev.kind === 'loopback') addrconfUpLoopback(ctx, devId);
    else if (dev.operstate === 'UP' || dev.operstate === 'UNKNOWN') addrconfLinkReady(ctx, devId);
  }
}

/** Whether an IPv6 address is still in duplicate address detection ("tentative" in ip -6 addr). */
export function isTentative(ctx: { clock: { nowUs: number } }, dadUntilUs: number): boolean {
  return ctx.clock.nowUs < dadUntilUs;
}

/** IFA_F_* bits of an IPv6 address as inet6_fill_ifaddr() and if6_seq_show() report them (ifa->flags). */
export const IFA6_F = { NODAD: 0x02, TENTATIVE: 0x40, PERMANENT: 0x80 } as const;

/**
 * ifa->flags of an address: permanent (added by hand), tentative while DAD runs, nodad when it was added
 * with `nodad` (it never ran DAD; loopback addresses skip DAD without carrying the flag).
 */
export function inet6IfaFlags(devKind: string, a: Inet6Addr, nowUs: number): number {
  let flags = a.permanent ? IFA6_F.PERMANENT : 0;
  if (isTentative({ clock: { nowUs } }, a.dadUntilUs)) flags |= IFA6_F.TENTATIVE;
  if (a.dadUntilUs === 0 && devKind !== 'loopback') flags |= IFA6_F.NODAD;
  return flags;
}

/**
 * Writing net.ipv6.conf.all.forwarding (addrconf_fixup_forwarding): "default" and every device of the
 * namespace follow; a device's forwarding decides the Router flag of its advertisements and its
 * subnet-router anycast addresses (ipv6/route.ts).
 */
export function setIpv6Forwarding(ctx: KernelCtx, ns: NsId, value: number): void {
  const n = nsOf(ctx.k, ns);
  n.sysctl['net.ipv6.conf.all.forwarding'] = value;
  n.sysctl['net.ipv6.conf.default.forwarding'] = value;
  for (const d of devicesOf(ctx.k, ns)) devOf(ctx.k, d.id).conf.ipv6_forwarding = value;
}
