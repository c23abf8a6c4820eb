/**
 * Ethernet (EUI-48) addresses as lowercase colon-separated text, the form iproute2 prints and the World stores.
 */
import type { RngState } from './prng';
import { nextU32 } from './prng';
import { formatIp6 } from './ipv6';

export type Mac = string;

export const BROADCAST_MAC: Mac = 'ff:ff:ff:ff:ff:ff';
export const ZERO_MAC: Mac = '00:00:00:00:00:00';

export function parseMac(text: string): Mac | null {
  const parts = text.split(':');
  if (parts.length !== 6) return null;
  if (!parts.every((p) => /^[0-9a-fA-F]{1,2}$/.test(p))) return null;
  return parts.map((p) => p.toLowerCase().padStart(2, '0')).join(':');
}

export function macBytes(mac: Mac): number[] {
  return mac.split(':').map((p) => parseInt(p, 16));
}

export function macFromBytes(bytes: readonly number[]): Mac {
  return bytes.map((b) => (b & 255).toString(16).padStart(2, '0')).join(':');
}

export function isMulticastMac(mac: Mac): boolean {
  // The first octet: parseInt stops at the first ':' (every received frame asks; no split).
  return (parseInt(mac, 16) & 1) === 1;
}

/**
 * eth_random_addr(): random bytes with the multicast bit cleared and the locally-administered bit set,
 * as the kernel gives a veth or bridge that nobody assigned a MAC to.
 */
export function randomLocalMac(rng: RngState): Mac {
  const a = nextU32(rng);
  const b = nextU32(rng);
  const bytes = [a & 255, (a >>> 8) & 255, (a >>> 16) & 255, (a >>> 24) & 255, b & 255, (b >>> 8) & 255];
  bytes[0] = ((bytes[0] ?? 0) & 0xfe) | 0x02;
  return macFromBytes(bytes);
}

/** IPv6 interface identifier (modified EUI-64, RFC 4291 appendix A): flip the U/L bit, insert ff:fe. */
export function eui64LinkLocal(mac: Mac): string {
  const b = macBytes(mac);
  const g = (hi: number, lo: number) => ((hi & 255) << 8) | (lo & 255);
  const iid = [
    g((b[0] ?? 0) ^ 2, b[1] ?? 0),
    g(b[2] ?? 0, 0xff),
    g(0xfe, b[3] ?? 0),
    g(b[4] ?? 0, b[5] ?? 0),
  ];
  return formatIp6([0xfe80, 0, 0, 0, ...iid]);
}

/** The solicited-node multicast MAC 33:33:ff:xx:xx:xx that IPv6 joins for an address ending in those bytes. */
export function solicitedNodeMac(mac: Mac): Mac {
  const b = macBytes(mac);
  return macFromBytes([0x33, 0x33, 0xff, b[3] ?? 0, b[4] ?? 0, b[5] ?? 0]);
}
