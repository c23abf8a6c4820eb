/**
 * Random names and ids as the daemon makes them, drawn from the World's PRNG:
 * - stringid.GenerateRandomID (moby pkg/stringid): 32 random bytes as 64 hex digits, drawn again when the
 *   first 12 are all digits (the short id is used as a hostname and must not parse as a number);
 * - netutils.GenerateIfaceName: "veth" + 7 hex digits (4 random bytes, hex, truncated);
 * - netutils.GenerateRandomMAC in v27: 02:42 + 4 random bytes (the bridge's MAC);
 * - GenerateMACFromIP in v27: 02:42 + the IPv4 address bytes (a container endpoint's MAC).
 */
import type { Ip4, Mac, RngState } from '../lib';
import { macFromBytes, nextU32, randomHex } from '../lib';

export function generateId(rng: RngState): string {
  for (;;) {
    const id = randomHex(rng, 32);
    if (!/^[0-9]{12}$/.test(id.slice(0, 12))) return id;
  }
}

export function shortId(id: string): string {
  return id.slice(0, 12);
}

export function randomVethName(rng: RngState): string {
  return `veth${randomHex(rng, 4).slice(0, 7)}`;
}

export function randomDockerMac(rng: RngState): Mac {
  const v = nextU32(rng);
  return macFromBytes([0x02, 0x42, v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]);
}

export function macFromIp(ip: Ip4): Mac {
  return macFromBytes([0x02, 0x42, ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255]);
}
