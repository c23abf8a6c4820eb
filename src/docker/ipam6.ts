/**
 * The default IPAM driver for IPv6 pools (libnetwork/ipams/defaultipam, v27.5.1): newPoolData() pre-reserves
 * ordinal 0 only (an IPv6 pool has no broadcast address; the subnet-router anycast address is never handed
 * out), and RequestAddress takes the preferred address or, with serial false as the local bridge driver
 * asks, the lowest free ordinal (bitmap SetAny). Host ordinals of a /64 exceed 2^53, but they are handed out
 * from the bottom, so the ones in use stay small.
 */
import { formatIp6, parseIp6, sha256 } from '../lib';
import { DockerError } from './errors';
import { ERR_IP_IN_USE } from './ipam';
import type { DockerState, Ipam6Pool } from './state';

function maskTo(groups: readonly number[], len: number): number[] {
  return groups.map((g, i) => {
    const keep = Math.max(0, Math.min(16, len - i * 16));
    return keep === 0 ? 0 : g & ((0xffff << (16 - keep)) & 0xffff);
  });
}

/** The pool of an IPv6 subnet written as "ADDR/LEN", or null when it is not one. */
export function newPool6(cidr: string): Ipam6Pool | null {
  const m = /^([0-9a-fA-F:.]+)\/(\d{1,3})$/.exec(cidr);
  const g = m ? parseIp6(m[1] as string) : null;
  const len = Number(m?.[2]);
  if (!g || !(len >= 0 && len <= 128)) return null;
  return { subnet: formatIp6(maskTo(g, len)), prefixLen: len, gateway: null, allocated: [0] };
}

/** ipbits.Add(base, ordinal): the address `ordinal` hosts into the pool. */
function addrOf(p: Ipam6Pool, ordinal: number): string {
  const g = parseIp6(p.subnet) ?? [0, 0, 0, 0, 0, 0, 0, 0];
  let carry = ordinal;
  for (let i = 7; i >= 0 && carry > 0; i--) {
    const v = (g[i] ?? 0) + (carry % 0x10000);
    g[i] = v & 0xffff;
    carry = Math.floor(carry / 0x10000) + (v > 0xffff ? 1 : 0);
  }
  return formatIp6(g);
}

/** netiputil.HostID: the ordinal of an address inside the pool, or null when it is outside (or too far). */
function ordinalOf(p: Ipam6Pool, addr: string): number | null {
  const a = parseIp6(addr);
  const base = parseIp6(p.subnet);
  if (!a || !base) return null;
  if (maskTo(a, p.prefixLen).some((x, i) => x !== base[i])) return null;
  let n = 0;
  for (let i = 0; i < 8; i++) {
    const host = (a[i] ?? 0) - (base[i] ?? 0);
    n = n * 0x10000 + host;
  }
  return Number.isSafeInteger(n) ? n : null;
}

/** RequestAddress on an IPv6 pool: the preferred address, else the lowest free one. Returns its text. */
export function requestAddress6(p: Ipam6Pool, preferred: string | null): string {
  if (preferred !== null) {
    const o = ordinalOf(p, preferred);
    if (o === null) throw new DockerError('invalid', 'requested address is out of range');
    if (p.allocated.includes(o)) throw new DockerError('forbidden', ERR_IP_IN_USE);
    p.allocated = [...p.allocated, o].sort((x, y) => x - y);
    return addrOf(p, o);
  }
  let o = 0;
  for (const a of p.allocated) {
    if (a !== o) break;
    o++;
  }
  p.allocated = [...p.allocated, o].sort((x, y) => x - y);
  return addrOf(p, o);
}

export function releaseAddress6(p: Ipam6Pool, addr: string): void {
  const o = ordinalOf(p, addr);
  if (o !== null && o !== 0) p.allocated = p.allocated.filter((x) => x !== o);
}

/**
 * deriveULABaseNetwork (daemon/daemon.go): the low 40 bits of the first 8 bytes of sha256(hostID) as the
 * Global ID after fd00::/8, a /48 split into /64s; the pool Docker 27 adds when no IPv6 default pool is set.
 */
export function ulaBase(hostId: string): number[] {
  const d = sha256(hostId);
  const b = (i: number): number => d[i] ?? 0;
  // Bytes 3..7 are the 40 bits: fdXX:XXXX:XXXX::/48.
  return [0xfd00 | b(3), (b(4) << 8) | b(5), (b(6) << 8) | b(7), 0, 0, 0, 0, 0];
}

/** allocatePredefinedPool for IPv6: the lowest /64 of the ULA /48 that no network's IPv6 pool overlaps. */
export function allocateUla64(st: DockerState, hostId: string): string {
  const base = ulaBase(hostId);
  const taken = Object.values(st.networks)
    .map((n) => n.pool6)
    .filter((p): p is Ipam6Pool => !!p)
    .map((p) => ({ g: parseIp6(p.subnet) ?? [], len: p.prefixLen }));
  for (let i = 0; i < 0x10000; i++) {
    const g = [base[0] ?? 0, base[1] ?? 0, base[2] ?? 0, i, 0, 0, 0, 0];
    const clash = taken.some(({ g: t, len }) => {
      const common = Math.min(len, 64);
      return maskTo(t, common).every((x, j) => x === maskTo(g, common)[j]);
    });
    if (!clash) return `${formatIp6(g)}/64`;
  }
  throw new DockerError('invalid', 'all predefined address pools have been fully subnetted');
}
