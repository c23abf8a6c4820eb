/**
 * iproute2's inet_prefix (lib/utils.c get_prefix/get_addr, inet_addr_match): an IPv4 or IPv6 address as
 * bits with a prefix length, and the "is this address inside" test the `to`/`root`/`match` filters use.
 */
import type { Ip4 } from '../../../lib';
import { parseIp6 } from '../../../lib';

export interface InetPrefix {
  family: 'inet' | 'inet6';
  /** Address bits, most significant first (32 or 128 of them). */
  bits: number[];
  bitlen: number;
  /** A prefix length was written ("/N"). */
  explicitLen: boolean;
}

/** strtoul(s, &end, 0) on a prefix of `s`: decimal, 0x hex or 0 octal; null when no digit was read. */
function strtoul(s: string): { n: number; rest: string } | null {
  const m = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(s);
  if (!m) return null;
  const t = m[1] as string;
  const n = /^0[xX]/.test(t) ? parseInt(t.slice(2), 16) : t.startsWith('0') ? parseInt(t, 8) || 0 : Number(t);
  return { n, rest: s.slice(t.length) };
}

/**
 * get_addr_ipv4() (lib/utils.c): up to four dot-separated numbers in C notation; missing trailing bytes
 * are zero, so "10.8" is 10.8.0.0.
 */
export function getAddrIpv4(text: string): Ip4 | null {
  const bytes = [0, 0, 0, 0];
  let cp = text;
  for (let i = 0; i < 4; i++) {
    const r = strtoul(cp);
    if (r === null || r.n > 255) return null;
    bytes[i] = r.n;
    if (r.rest === '') break;
    if (i === 3 || !r.rest.startsWith('.')) return null;
    cp = r.rest.slice(1);
  }
  return (
    (((bytes[0] as number) << 24) |
      ((bytes[1] as number) << 16) |
      ((bytes[2] as number) << 8) |
      (bytes[3] as number)) >>>
    0
  );
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
    return {
      family: f,
      bits: new Array<number>(f === 'inet' ? 32 : 128).fill(0),
      bitlen: 0,
      explicitLen: true,
    };
  }
  if (family !== 'inet6' && !text.includes(':')) {
    const v = getAddrIpv4(text);
    if (v === null) return null;
    return {
      family: 'inet',
      bits: toBits([(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255], 8),
      bitlen: 32,
      explicitLen: false,
    };
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

/** The IPv4 address of an inet prefix as a number. */
export function ip4Of(p: InetPrefix): Ip4 {
  let v = 0;
  for (let i = 0; i < 32; i++) v = v * 2 + (p.bits[i] ?? 0);
  return v >>> 0;
}
