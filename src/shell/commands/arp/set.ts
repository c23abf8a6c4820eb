/**
 * `arp -s` and `arp -d`: net-tools 2.10 arp_set/arp_del and BusyBox 1.35's, through SIOCSARP/SIOCDARP as
 * net/ipv4/arp.c handles them. Without -i the device is the one a link-scope route gives (ENETUNREACH
 * otherwise); a set makes the entry PERMANENT (STALE with "temp") as the administrator; a delete makes it
 * FAILED and removes it (ENXIO when there is none). Proxy ("pub") entries are not kept by the simulation:
 * a pub set fails as it does without a matching device, a pub delete finds nothing.
 */
import type { Errno, KernelCtx, NsId } from '../../../kernel';
import { devByName, neighAdminDelete, neighAdminSet, strerror, xaGet } from '../../../kernel';
import { formatIp4, parseMac } from '../../../lib';
import type { CommandIO } from '../../types';
import { permitted } from '../../capability';
import { ARPHRD_LOOPBACK, ATF_PERM, ATF_PUBL, arphrdOf } from '../procfs/net_arp';
import { inetResolve } from '../route/inet';
import { linkScopeRoute } from '../route/ioctl';
import { BUSYBOX_ARP_USAGE } from './usage';

/** arp_ioctl's device: -i names it, else the link-scope route to the address. */
function arpDevice(
  ctx: KernelCtx,
  ns: NsId,
  ip: number,
  device: string | null,
): { dev: string } | { err: Errno } {
  if (device !== null) {
    const d = devByName(ctx.k, ns, device);
    return d ? { dev: d.id } : { err: 'ENODEV' };
  }
  const r = linkScopeRoute(ctx, ns, ip, null);
  if (typeof r === 'string') return { err: r };
  // A local address routes through the loopback device, whose hardware type is not Ethernet.
  return r.type === 'local' ? { err: 'EINVAL' } : { dev: r.dev as string };
}

/** arp_req_set(). */
function sioCsArp(
  ctx: KernelCtx,
  ns: NsId,
  ip: number,
  mac: string,
  flags: number,
  device: string | null,
): Errno | null {
  if (flags & ATF_PUBL) return 'ENODEV';
  const found = arpDevice(ctx, ns, ip, device);
  if ('err' in found) return found.err;
  const d = xaGet(ctx.k.devices, found.dev);
  if (!d || arphrdOf(d) === ARPHRD_LOOPBACK) return 'EINVAL';
  const r = neighAdminSet(ctx, ns, d.id, ip, mac, flags & ATF_PERM ? 'PERMANENT' : 'STALE', {
    create: true,
    replace: true,
    excl: false,
  });
  return r.ok ? null : r.error.errno;
}

/** arp_req_delete() / arp_invalidate(). */
function sioCdArp(
  ctx: KernelCtx,
  ns: NsId,
  ip: number,
  pub: boolean,
  device: string | null,
): Errno | 'ENXIO' | null {
  if (pub) return 'ENOENT';
  const found = arpDevice(ctx, ns, ip, device);
  if ('err' in found) return found.err;
  const r = neighAdminDelete(ctx, ns, found.dev, ip);
  return r.ok ? null : 'ENXIO';
}

const errText = (e: Errno | 'ENXIO') => (e === 'ENXIO' ? 'No such device or address' : strerror(e));

/** Options after the host (and hardware address): temp, pub, priv, trail, dontpub, auto, dev X, netmask M. */
function options(args: string[]): { flags: number; pub: number; dev: string | null } | null {
  let flags = ATF_PERM;
  let pub = 0;
  let dev: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as string;
    if (w === 'temp') flags &= ~ATF_PERM;
    else if (w === 'pub') pub |= 1;
    else if (w === 'priv') pub |= 2;
    else if (w === 'trail' || w === 'dontpub' || w === 'auto') continue;
    else if (w === 'dev' || w === 'netmask') {
      const v = args[++i];
      if (v === undefined) return null;
      if (w === 'dev') dev = v;
    } else return null;
  }
  return { flags, pub, dev };
}

export async function arpSet(
  io: CommandIO,
  args: string[],
  device: string | null,
  _useDevice: boolean,
): Promise<number> {
  const bb = io.proc.flavour === 'busybox';
  const fail = (msg: string) => {
    io.err(`${bb ? 'arp: ' : ''}${msg}\n`);
    return bb ? 1 : 255;
  };
  const host = args[0];
  if (host === undefined) return fail(`${bb ? '' : 'arp: '}need host name`);
  const r = await inetResolve(io, host, false);
  if (!r) return fail(`${host}: Unknown host`);
  const hw = args[1];
  if (hw === undefined) return fail(`${bb ? '' : 'arp: '}need hardware address`);
  const mac = parseMac(hw);
  if (!mac) return fail(`${bb ? '' : 'arp: '}invalid hardware address`);
  const o = options(args.slice(2));
  if (!o) {
    io.err(BUSYBOX_ARP_USAGE);
    return bb ? 1 : 3;
  }
  const flags = o.flags | (o.pub & 1 ? ATF_PUBL : 0);
  // arp_ioctl() checks CAP_NET_ADMIN for SIOCSARP/SIOCDARP before anything else.
  const e = permitted(io.proc, 'ioctl')
    ? io.os.mutate(({ kctx }) => sioCsArp(kctx, io.proc.ns, r.addr, mac, flags, o.dev ?? device))
    : 'EPERM';
  return e ? fail(`SIOCSARP: ${strerror(e)}`) : 0;
}

export async function arpDelete(io: CommandIO, args: string[], device: string | null): Promise<number> {
  const bb = io.proc.flavour === 'busybox';
  const host = args[0];
  if (host === undefined) {
    io.err('arp: need host name\n');
    return bb ? 1 : 255;
  }
  const r = await inetResolve(io, host, false);
  if (!r) {
    io.err(`${bb ? 'arp: ' : ''}${host}: Unknown host\n`);
    return bb ? 1 : 255;
  }
  const o = options(args.slice(1));
  if (!o) {
    io.err(BUSYBOX_ARP_USAGE);
    return bb ? 1 : 3;
  }
  const which = o.pub === 0 ? 3 : o.pub;
  const dev = o.dev ?? device;
  const call = (pub: boolean) =>
    permitted(io.proc, 'ioctl')
      ? io.os.mutate(({ kctx }) => sioCdArp(kctx, io.proc.ns, r.addr, pub, dev))
      : 'EPERM';
  const noEntry = () => {
    io.out(`No ARP entry for ${bb ? host : formatIp4(r.addr)}\n`);
    return bb ? 1 : 255;
  };
  if (which & 2) {
    const e = call(false);
    if (e === null) return 0;
    if (!(e === 'ENXIO' || (!bb && e === 'ENOENT'))) {
      io.err(`${bb ? 'arp: SIOCDARP(priv)' : 'SIOCDARP(dontpub)'}: ${errText(e)}\n`);
      return bb ? 1 : 255;
    }
    if (!(which & 1)) return noEntry();
  }
  const e = call(true);
  if (e === null) return 0;
  if (e === 'ENXIO' || (!bb && e === 'ENOENT')) return noEntry();
  io.err(`${bb ? 'arp: ' : ''}SIOCDARP(pub): ${errText(e)}\n`);
  return bb ? 1 : 255;
}
