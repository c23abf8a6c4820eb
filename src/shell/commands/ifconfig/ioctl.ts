/**
 * The interface ioctls ifconfig issues, as the kernel answers them: dev_ifsioc() (net/core/dev_ioctl.c)
 * for flags, MTU, hardware address, queue length and name, on the device an "eth0:1" name belongs to;
 * devinet_ioctl() (net/ipv4/devinet.c) for the IPv4 address, netmask and broadcast of the address whose
 * label is exactly the name. Each returns null or the errno the ioctl fails with.
 */
import type { DevId, Errno, InetAddr, KernelCtx, KResult, NetDevice, NsId } from '../../../kernel';
import {
  closeDevice,
  inetAddAddr,
  inetDelAddr,
  openDevice,
  renameDevice,
  setMac,
  setMtu,
  setTxqlen,
} from '../../../kernel';
import type { Mac } from '../../../lib';
import { maskOf, prefixOfMask } from '../../../lib';
import { baseDevice, ifaByLabel } from './iface';

const errOf = (r: KResult<unknown>): Errno | null => (r.ok ? null : r.error.errno);

/** inet_abc_len(): the classful prefix length SIOCSIFADDR gives a new address; null for multicast. */
export function abcLen(ip: number): number | null {
  if (ip >>> 24 === 0 || ip === 0xffffffff) return 0;
  const top = ip >>> 24;
  if (top < 128) return 8;
  if (top < 192) return 16;
  if (top < 224) return 24;
  if (top >= 240) return 32;
  return null;
}

function dev(ctx: KernelCtx, ns: NsId, name: string): NetDevice | null {
  return baseDevice(ctx.k, ns, name);
}

/** SIOCGIFFLAGS succeeds for any name whose device exists. */
export function deviceExists(ctx: KernelCtx, ns: NsId, name: string): boolean {
  return dev(ctx, ns, name) !== null;
}

/**
 * SIOCSIFFLAGS with IFF_UP set or cleared. On an alias name only a down does something: it deletes that
 * address (devinet_ioctl's "special case"); the device itself is not touched.
 */
export function setUp(ctx: KernelCtx, ns: NsId, name: string, up: boolean): Errno | null {
  const d = dev(ctx, ns, name);
  if (!d) return 'ENODEV';
  if (name.includes(':')) {
    // devinet_ioctl(): an alias names an address by its label; none -> EADDRNOTAVAIL, up or down.
    const ifa = ifaByLabel(d, name);
    if (!ifa) return 'EADDRNOTAVAIL';
    if (!up) inetDelAddr(ctx, d.id, ifa.local, ifa.prefixLen);
    return null;
  }
  if (up) openDevice(ctx, d.id);
  else closeDevice(ctx, d.id);
  return null;
}

/** Re-insert an address after changing it (inet_del_ifa + inet_insert_ifa). */
function reinsert(
  ctx: KernelCtx,
  devId: DevId,
  old: InetAddr,
  next: { local: number; prefixLen: number; broadcast: number | null },
): Errno | null {
  inetDelAddr(ctx, devId, old.local, old.prefixLen);
  if (next.local === 0) return null;
  return errOf(
    inetAddAddr(ctx, devId, {
      local: next.local,
      prefixLen: next.prefixLen,
      broadcast: next.broadcast,
      label: old.label,
      scope: next.local >>> 24 === 127 ? 'host' : old.scope,
    }),
  );
}

/** SIOCSIFADDR: replace the labelled address (or add one) with a classful prefix and broadcast. */
export function setAddr(ctx: KernelCtx, ns: NsId, name: string, ip: number): Errno | null {
  const d = dev(ctx, ns, name);
  if (!d) return 'ENODEV';
  const plen = abcLen(ip);
  if (plen === null) return 'EINVAL';
  const brd = plen < 31 ? (ip | ~maskOf(plen)) >>> 0 : null;
  const old = ifaByLabel(d, name);
  if (old) {
    if (old.local === ip) return null;
    return reinsert(ctx, d.id, old, { local: ip, prefixLen: plen, broadcast: brd });
  }
  // inet_set_ifa() frees an address of 0.0.0.0 instead of inserting it.
  if (ip === 0) return null;
  const label = name.includes(':') ? name : d.name;
  return errOf(inetAddAddr(ctx, d.id, { local: ip, prefixLen: plen, broadcast: brd, label }));
}

/**
 * SIOCSIFNETMASK: a contiguous mask only; the broadcast follows when it was the old subnet's
 * ("otherwise it's a funny address, so don't touch it").
 */
export function setNetmask(ctx: KernelCtx, ns: NsId, name: string, mask: number): Errno | null {
  const d = dev(ctx, ns, name);
  if (!d) return 'ENODEV';
  const old = ifaByLabel(d, name);
  if (!old) return 'EADDRNOTAVAIL';
  const plen = prefixOfMask(mask);
  if (plen === null) return 'EINVAL';
  if (plen === old.prefixLen) return null;
  const oldMask = maskOf(old.prefixLen);
  let brd = old.broadcast;
  if (plen < 31 && (old.broadcast ?? 0) === (old.local | ~oldMask) >>> 0) brd = (old.local | ~mask) >>> 0;
  return reinsert(ctx, d.id, old, { local: old.local, prefixLen: plen, broadcast: brd });
}

/** SIOCSIFBRDADDR */
export function setBroadcast(ctx: KernelCtx, ns: NsId, name: string, brd: number): Errno | null {
  const d = dev(ctx, ns, name);
  if (!d) return 'ENODEV';
  const old = ifaByLabel(d, name);
  if (!old) return 'EADDRNOTAVAIL';
  if ((old.broadcast ?? 0) === brd) return null;
  return reinsert(ctx, d.id, old, { local: old.local, prefixLen: old.prefixLen, broadcast: brd });
}

export function setDevMtu(ctx: KernelCtx, ns: NsId, name: string, mtu: number): Errno | null {
  const d = dev(ctx, ns, name);
  return d ? errOf(setMtu(ctx, d.id, mtu)) : 'ENODEV';
}

export function setDevMac(ctx: KernelCtx, ns: NsId, name: string, mac: Mac): Errno | null {
  const d = dev(ctx, ns, name);
  return d ? errOf(setMac(ctx, d.id, mac)) : 'ENODEV';
}

export function setDevTxqlen(ctx: KernelCtx, ns: NsId, name: string, qlen: number): Errno | null {
  const d = dev(ctx, ns, name);
  return d ? errOf(setTxqlen(ctx, d.id, qlen)) : 'ENODEV';
}

export function setDevName(ctx: KernelCtx, ns: NsId, name: string, newName: string): Errno | null {
  const d = dev(ctx, ns, name);
  return d ? errOf(renameDevice(ctx, d.id, newName)) : 'ENODEV';
}
