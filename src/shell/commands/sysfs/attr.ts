/**
 * What one sysfs attribute file is: a show() that formats the value from the kernel state, as the
 * attribute's show method does, and for writable ones a store() that goes through the same kernel call as
 * the netlink or ioctl path (net/core/net-sysfs.c netdev_store). Shared by the device, statistics and
 * bridge attribute tables.
 */
import type { Errno, KernelCtx, KernelState, NetDevice } from '../../../kernel';

/** A read's content, or the errno the show method returns (carrier of a device that is down: EINVAL). */
export type Shown = string | { errno: Errno };

export interface Attr {
  show(k: KernelState, dev: NetDevice, nowUs: number): Shown;
  /** Absent: the file is read-only (0444), and opening it for writing is EACCES even for root. */
  store?(ctx: KernelCtx, dev: NetDevice, text: string): Errno | null;
}

/** A file that always reads the same line (a feature the simulated kernel keeps off or at its default). */
export function constAttr(value: string | number): Attr {
  return { show: () => `${value}\n` };
}

/** ULONG_MAX of a 64-bit kernel. */
const ULONG_MAX = (1n << 64n) - 1n;

/**
 * kstrtoul(buf, 0, &v) as netdev_store parses a value: decimal, 0x hex or 0 octal, one trailing newline
 * allowed; anything else is EINVAL, a value past unsigned long ERANGE.
 */
export function parseUlong(text: string): number | { errno: Errno } {
  const t = text.endsWith('\n') ? text.slice(0, -1) : text;
  const m = /^\+?(?:0[xX]([0-9a-fA-F]+)|0([0-7]*)|([1-9][0-9]*))$/.exec(t);
  if (!m) return { errno: 'EINVAL' };
  const digits =
    m[1] !== undefined ? `0x${m[1]}` : m[2] !== undefined ? `0o${m[2] || '0'}` : (m[3] as string);
  const v = BigInt(digits);
  return v > ULONG_MAX ? { errno: 'ERANGE' } : Number(v);
}

/** netdev_store() / store_bridge_parm(): parse with kstrtoul, then the setter, whose errno is the write's. */
export function storeUlong(set: (ctx: KernelCtx, dev: NetDevice, v: number) => Errno | null): Attr['store'] {
  return (ctx, dev, text) => {
    const v = parseUlong(text);
    return typeof v === 'number' ? set(ctx, dev, v) : v.errno;
  };
}
