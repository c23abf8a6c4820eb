/**
 * The default IPAM driver (libnetwork/ipams/defaultipam) for IPv4, local scope:
 * - predefined pools (ipamutils.localScopeDefaultNetworks) split into subnets in this order: 172.17-19/16,
 *   172.20/14, 172.24/14 and 172.28/14 as /16s, then 192.168.0.0/16 as /20s;
 * - v27's linear allocator (address_space.go allocatePredefinedPool): the lowest subnet that overlaps neither
 *   an allocated pool nor a reserved prefix (the host's nameservers and on-link routes, InferReservedNetworks);
 * - per pool, a bitmap where the network and broadcast addresses are pre-reserved (newPoolData) and dynamic
 *   requests take the lowest free address (bitmask.SetAny with serial=false), from the ip-range when one is set.
 */
import type { Cidr4, Ip4 } from '../lib';
import { broadcastOf, inPrefix, networkOf, overlaps } from '../lib';
import { DockerError } from './errors';
import type { DockerState, IpamPool } from './state';

export const ERR_NO_MORE_SUBNETS = 'all predefined address pools have been fully subnetted';
export const ERR_POOL_OVERLAP = 'invalid pool request: Pool overlaps with other one on this address space';
export const ERR_IP_IN_USE = 'Address already in use';
export const ERR_NO_AVAILABLE_IPS = 'no available addresses on this pool';

const ip = (a: number, b: number, c: number, d: number): Ip4 => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

/** Every predefined subnet in allocation order. */
export function predefinedSubnets(): Cidr4[] {
  const out: Cidr4[] = [];
  for (const [base, bits, size] of [
    [ip(172, 17, 0, 0), 16, 16],
    [ip(172, 18, 0, 0), 16, 16],
    [ip(172, 19, 0, 0), 16, 16],
    [ip(172, 20, 0, 0), 14, 16],
    [ip(172, 24, 0, 0), 14, 16],
    [ip(172, 28, 0, 0), 14, 16],
    [ip(192, 168, 0, 0), 16, 20],
  ] as const) {
    const n = 2 ** (size - bits);
    for (let i = 0; i < n; i++) out.push({ addr: (base + i * 2 ** (32 - size)) >>> 0, prefixLen: size });
  }
  return out;
}

export function poolCidr(p: IpamPool): Cidr4 {
  return { addr: p.subnet, prefixLen: p.prefixLen };
}

/** Pools already handed out (one per network that has one). */
export function allocatedPools(st: DockerState): Cidr4[] {
  return Object.values(st.networks)
    .map((n) => n.pool)
    .filter((p): p is IpamPool => p !== null)
    .map(poolCidr);
}

/** allocatePredefinedPool: the lowest predefined subnet overlapping nothing allocated or reserved. */
export function allocatePredefinedSubnet(st: DockerState, reserved: readonly Cidr4[]): Cidr4 {
  const taken = [...allocatedPools(st), ...reserved];
  for (const s of predefinedSubnets()) if (!taken.some((t) => overlaps(s, t))) return s;
  throw new DockerError('invalid', ERR_NO_MORE_SUBNETS);
}

/** RequestPool with an explicit subnet: only other Docker pools are checked (allocateSubnetL). */
export function checkUserSubnet(st: DockerState, subnet: Cidr4): void {
  if (allocatedPools(st).some((t) => overlaps(subnet, t)))
    throw new DockerError('forbidden', ERR_POOL_OVERLAP);
}

export function newPool(subnet: Cidr4, range: Cidr4 | null, aux: Record<string, Ip4>): IpamPool {
  return {
    subnet: subnet.addr,
    prefixLen: subnet.prefixLen,
    range,
    gateway: null,
    aux: { ...aux },
    allocated: [],
  };
}

function reservedInPool(p: IpamPool, a: Ip4): boolean {
  // newPoolData: for IPv4 pools bigger than /31 the network and broadcast addresses are never handed out.
  if (p.prefixLen >= 31) return false;
  return a === p.subnet || a === broadcastOf(p.subnet, p.prefixLen);
}

function isFree(p: IpamPool, a: Ip4): boolean {
  return !reservedInPool(p, a) && !p.allocated.includes(a);
}

function take(p: IpamPool, a: Ip4): Ip4 {
  p.allocated.push(a);
  p.allocated.sort((x, y) => x - y);
  return a;
}

/** RequestAddress: a preferred address (must be free and inside the pool) or the lowest free one. */
export function requestAddress(p: IpamPool, preferred: Ip4 | null): Ip4 {
  if (preferred !== null) {
    if (!inPrefix(preferred, p.subnet, p.prefixLen))
      throw new DockerError('invalid', 'requested address is out of range');
    if (!isFree(p, preferred)) throw new DockerError('forbidden', ERR_IP_IN_USE);
    return take(p, preferred);
  }
  const r = p.range ?? poolCidr(p);
  const first = networkOf(r.addr, r.prefixLen);
  const last = broadcastOf(r.addr, r.prefixLen);
  for (let a = first; a <= last; a++) if (isFree(p, a)) return take(p, a);
  throw new DockerError('unavailable', ERR_NO_AVAILABLE_IPS);
}

export function releaseAddress(p: IpamPool, a: Ip4): void {
  p.allocated = p.allocated.filter((x) => x !== a);
}

/** Whether `a` is where a static --ip may go (EndpointIPAMConfig.IsInRange: the ip-range, else the subnet). */
export function poolContains(p: IpamPool, a: Ip4): boolean {
  const r = p.range ?? poolCidr(p);
  return inPrefix(a, r.addr, r.prefixLen);
}
