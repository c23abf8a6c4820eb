/**
 * IPv6 addresses added and removed by the user, after net/ipv6/addrconf.c inet6_addr_add() and
 * inet6_addr_del(): the scope follows the address type (ipv6_addr_scope), the address is placed in the
 * device's list after the wider scopes and before older ones of its scope (ipv6_link_dev_addr), and it is
 * tentative while duplicate address detection runs unless `nodad` was asked for. A device with IPv6
 * disabled refuses (addrconf_add_dev: EACCES). The prefix and host routes follow from the address
 * (ipv6/route.ts derives them).
 */
import { formatIp6, parseIp6 } from '../../lib';
import type { KernelCtx } from '../context';
import { devOf } from '../context';
import { kerr, kok, type KResult } from '../errno';
import type { DevId, Inet6Addr } from '../types';
import { DAD_PENDING, DAD_US, ipv6Disabled } from './addrconf';

const SCOPE_ORDER: Record<Inet6Addr['scope'], number> = { global: 0x0e, link: 0x02, host: 0x01 };

/** ipv6_addr_scope() for the scopes the simulation keeps. */
export function ipv6AddrScope(groups: readonly number[]): Inet6Addr['scope'] {
  if (groups.every((g, i) => (i === 7 ? g === 1 : g === 0))) return 'host';
  if (((groups[0] ?? 0) & 0xffc0) === 0xfe80) return 'link';
  return 'global';
}

export interface NewInet6Addr {
  addr: string;
  prefixLen: number;
  nodad: boolean;
}

export function inet6AddAddr(ctx: KernelCtx, devId: DevId, spec: NewInet6Addr): KResult<Inet6Addr> {
  const dev = devOf(ctx.k, devId);
  const groups = parseIp6(spec.addr);
  if (!groups || spec.prefixLen > 128) return kerr('EINVAL');
  if (ipv6Disabled(ctx, dev)) return kerr('EACCES', 'ipv6: IPv6 is disabled on this device');
  const addr = formatIp6(groups);
  if (dev.inet6.some((a) => a.addr === addr)) return kerr('EEXIST', 'ipv6: address already assigned');
  const scope = ipv6AddrScope(groups);
  const ready = dev.adminUp && (dev.operstate === 'UP' || dev.operstate === 'UNKNOWN');
  const ifa: Inet6Addr = {
    addr,
    prefixLen: spec.prefixLen,
    scope,
    dadUntilUs: spec.nodad || dev.kind === 'loopback' ? 0 : ready ? ctx.clock.nowUs + DAD_US : DAD_PENDING,
    permanent: true,
  };
  // ipv6_link_dev_addr(): before the first address whose scope is not wider than this one's.
  const at = dev.inet6.findIndex((a) => SCOPE_ORDER[scope] >= SCOPE_ORDER[a.scope]);
  if (at < 0) dev.inet6.push(ifa);
  else dev.inet6.splice(at, 0, ifa);
  return kok(ifa);
}

/** inet6_addr_del(): the address with this prefix length, or "address not found". */
export function inet6DelAddr(
  ctx: KernelCtx,
  devId: DevId,
  addrText: string,
  prefixLen: number,
): KResult<Inet6Addr> {
  const dev = devOf(ctx.k, devId);
  const groups = parseIp6(addrText);
  const addr = groups ? formatIp6(groups) : addrText;
  const i = dev.inet6.findIndex((a) => a.addr === addr && a.prefixLen === prefixLen);
  if (i < 0) return kerr('EADDRNOTAVAIL', 'ipv6: address not found');
  const [gone] = dev.inet6.splice(i, 1);
  return kok(gone as Inet6Addr);
}
