/**
 * iproute2's inet_prefix (lib/utils.c get_prefix/get_addr, inet_addr_match): an IPv4 or IPv6 address as
 * bits with a prefix length, and the "is this address inside" test the `to`/`root`/`match` filters use.
 */
import { parseIp4, parseIp6 } from '../../../lib';

export interface InetPrefix {
  family: 'inet' | 'inet6';
  /** Address bits, most significant first (32 or 128 of them). */
  bits: number[];
  bitlen: number;
  /** A prefix length was written ("/N"). */
  explicitLen: boolean;
}

function toBits(groups: readonly number[], width: number): number[] {
  const out: number[] = [];
  for (const g of groups) for (let i = width - 1; i >= 0; i--) out.push((g >> i) & 1);
  return out;
}

/** get_addr_1(): an address of the requested family (or either), "default"/"any"/"all" as 0/0. */
export function parseInetAddr(text: string, family: 'inet' | 'inet6' | 'unspec'): InetPrefix | null {
  if (text === 'default' || text === 'any' || text === 'all') {
    const f = family === 'inet6' ? 'inet6' : 'inet';
    return { family: f, bits: new Array<number>(f === 'inet' ? 32 : 128).fill(0), bitlen: 0, explicitLen: true };
  }
  if (family !== 'inet6' && !text.includes(':')) {
    const v = parseIp4(text);
    if (v === null) return null;
    return { family: 'inet', bits: toBits([(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255], 8), bitlen: 32, explicitLen: false };
  }
  if (family !== 'inet' && text.includes(':')) {
    const g = parseIp6(text);
    if (g === null) return null;
    return { family: 'inet6', bits: toBits(g, 16), bitlen: 128, explicitLen: false };
  }
  return null;
}

/** get_prefix_1(): "ADDR[/LEN]". */
export function parseInetPrefix(text: string, family: 'inet' | 'inet6' | 'unspec'): InetPrefix | null {
  const slash = text.indexOf('/');
  const a = parseInetAddr(slash < 0 ? text : text.slice(0, slash), family);
  if (a === null) return null;
  if (slash < 0) return a;
  const len = text.slice(slash + 1);
  const max = a.family === 'inet' ? 32 : 128;
  if (!/^\d+$/.test(len) || Number(len) > max) return null;
  return { ...a, bitlen: Number(len), explicitLen: true };
}

/** inet_addr_match(): the first `bits` bits of the address equal the prefix's. */
export function addrInPrefix(addr: InetPrefix, pfx: InetPrefix, bits = pfx.bitlen): boolean {
  if (addr.family !== pfx.family) return false;
  for (let i = 0; i < bits; i++) if (addr.bits[i] !== pfx.bits[i]) return false;
  return true;
}
