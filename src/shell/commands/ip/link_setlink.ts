/**
 * do_setlink() (net/core/rtnetlink.c) for `ip link set` and for what `ip link add` leaves to it: each
 * attribute in the kernel's order (namespace, MAC, MTU, group, name, alias, master, flags, txqueuelen), the
 * first error stopping the request and what came before it staying applied, as the kernel does.
 */
import type { DevId, KResult, KernelCtx, KernelError, NetDevice } from '../../../kernel';
import {
  brAddIf,
  brDelIf,
  changeNetns,
  closeDevice,
  devByName,
  openDevice,
  renameDevice,
  setMac,
  setMtu,
  setTxqlen,
  setUserFlag,
  xaGet,
} from '../../../kernel';
import type { LinkRequest } from './link_parse';
import { mtuLimits } from './rtnl/link';

/** dev_validate_mtu() with the device's limits. */
export function mtuError(dev: Pick<NetDevice, 'kind'>, mtu: number): KernelError | null {
  const { min, max } = mtuLimits(dev);
  if (mtu < 0 || mtu < min) return { errno: 'EINVAL', extack: 'mtu less than device minimum' };
  if (max > 0 && mtu > max) return { errno: 'EINVAL', extack: 'mtu greater than device maximum' };
  return null;
}

export function fail<T>(r: KResult<T>): KernelError | null {
  return r.ok ? null : r.error;
}

/** do_setlink(): each attribute in turn; the first error stops, what came before stays. */
export function setLink(
  ctx: KernelCtx,
  id: DevId,
  r: LinkRequest,
  renameTo: string | null,
): KernelError | null {
  const dev = (): NetDevice => xaGet(ctx.k.devices, id) as NetDevice;
  if (r.netns !== null) {
    const d = dev();
    const before = d.name;
    const e = fail(changeNetns(ctx, id, r.netns, renameTo));
    if (e) return e;
    // The new name served as the name in the target (its own was taken there): nothing left to rename.
    if (dev().name !== before) renameTo = null;
  }
  if (r.mac !== null) {
    if (r.macLen !== 6) return { errno: 'EINVAL' };
    const e = fail(setMac(ctx, id, r.mac));
    if (e) return e;
  }
  if (r.mtu !== null) {
    const e = mtuError(dev(), r.mtu) ?? fail(setMtu(ctx, id, r.mtu));
    if (e) return e;
  }
  if (r.group !== null) dev().group = r.group;
  if (renameTo !== null) {
    if (renameTo.length >= 16) return { errno: 'EINVAL', extack: 'Attribute failed policy validation' };
    const e = fail(renameDevice(ctx, id, renameTo));
    if (e) return e;
  }
  if (r.alias !== null) dev().alias = r.alias === '' ? null : r.alias;
  if (r.master !== null) {
    const d = dev();
    if (r.master === '') {
      const e = fail(brDelIf(ctx, id));
      if (e) return e;
    } else {
      const br = devByName(ctx.k, d.ns, r.master);
      if (!br) return { errno: 'ENODEV' };
      if (br.kind !== 'bridge') return { errno: 'EOPNOTSUPP' };
      if (d.master && d.master !== br.id) {
        const e = fail(brDelIf(ctx, id));
        if (e) return e;
      }
      const e = fail(brAddIf(ctx, br.id, id));
      if (e) return e;
    }
  }
  for (const f of r.flags) setUserFlag(ctx, id, f.flag, f.on);
  if (r.up === true) openDevice(ctx, id);
  if (r.up === false) closeDevice(ctx, id);
  if (r.txqlen !== null) {
    const e = fail(setTxqlen(ctx, id, r.txqlen));
    if (e) return e;
  }
  return null;
}
