/**
 * Address <-> name conversion as net-tools' lib/inet.c (INET_resolve, INET_rresolve) and BusyBox's
 * libbb/inet_common.c do it, over the machine's /etc/hosts and /etc/networks. The simulated resolver has
 * no DNS server to ask, so a name found in neither file does not resolve and an address prints numerically.
 */
import type { Ip4 } from '../../../lib';
import { formatIp4, parseIp4, parseIp4Lax } from '../../../lib';
import type { CommandIO } from '../../types';

async function readLines(io: CommandIO, path: string): Promise<string[][]> {
  try {
    const text = await io.fs.readFile(path);
    return text
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim().split(/\s+/))
      .filter((w) => w.length >= 2 && w[0] !== '');
  } catch {
    return [];
  }
}

/** gethostbyname() from /etc/hosts (IPv4 entries only). */
async function hostByName(io: CommandIO, name: string): Promise<Ip4 | null> {
  for (const [addr, ...names] of await readLines(io, '/etc/hosts')) {
    const ip = parseIp4(addr as string);
    if (ip !== null && names.includes(name)) return ip;
  }
  return null;
}

/** gethostbyaddr() from /etc/hosts. */
async function hostByAddr(io: CommandIO, ip: Ip4): Promise<string | null> {
  for (const [addr, name] of await readLines(io, '/etc/hosts'))
    if (parseIp4(addr as string) === ip) return name ?? null;
  return null;
}

/** /etc/networks numbers are inet_network() text: "169.254.0.0", or a short "127". */
function netNumber(text: string): Ip4 | null {
  const parts = text.split('.');
  if (parts.length > 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) < 256)) return null;
  while (parts.length < 4) parts.push('0');
  return parseIp4(parts.join('.'));
}

async function netByName(io: CommandIO, name: string): Promise<Ip4 | null> {
  for (const [n, num, ...aliases] of await readLines(io, '/etc/networks'))
    if (n === name || aliases.includes(name)) return netNumber(num as string);
  return null;
}

async function netByAddr(io: CommandIO, ip: Ip4): Promise<string | null> {
  for (const [n, num] of await readLines(io, '/etc/networks'))
    if (netNumber(num as string) === ip) return n ?? null;
  return null;
}

export interface Resolved {
  addr: Ip4;
  /** INET_resolve returns 1 for "default" and network names: route then treats the target as a net. */
  isNet: boolean;
}

/** INET_resolve(): "default", a dotted quad (inet_aton), a host (first with hostfirst), a network name. */
export async function inetResolve(io: CommandIO, name: string, hostFirst: boolean): Promise<Resolved | null> {
  if (name === 'default') return { addr: 0, isNet: true };
  const quad = parseIp4Lax(name);
  if (quad !== null) return { addr: quad, isNet: false };
  if (hostFirst) {
    const h = await hostByName(io, name);
    if (h !== null) return { addr: h, isNet: false };
  }
  const n = await netByName(io, name);
  if (n !== null) return { addr: n, isNet: true };
  if (hostFirst) return null;
  const h = await hostByName(io, name);
  return h === null ? null : { addr: h, isNet: false };
}

/** Bits of INET_rresolve's `numeric` argument. */
export const RR_NUMERIC = 0x0fff;
export const RR_NETWORK = 0x8000;
export const RR_HOST = 0x4000;

/**
 * INET_rresolve() (net-tools): numeric asked -> dotted quad; 0.0.0.0 -> "default" (network with a /0 mask)
 * or "*" (/0) or "0.0.0.0"; otherwise a host name or network name if the files know it.
 * `busybox` selects libbb's variant, where 0.0.0.0 is "default" or "*" whatever the mask.
 */
export async function inetRresolve(
  io: CommandIO,
  ip: Ip4,
  numeric: number,
  netmask: Ip4,
  busybox = false,
): Promise<string> {
  if (numeric & RR_NUMERIC) return formatIp4(ip);
  if (ip === 0) {
    if (busybox || netmask === 0) return numeric & RR_NETWORK ? 'default' : '*';
    return '0.0.0.0';
  }
  const isHost = (ip & ~netmask) >>> 0 !== 0 || (numeric & RR_HOST) !== 0;
  const name = isHost ? await hostByAddr(io, ip) : await netByAddr(io, ip);
  return name ?? formatIp4(ip);
}
