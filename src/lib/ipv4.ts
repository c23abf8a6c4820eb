/**
 * IPv4 addresses as unsigned 32-bit numbers, with the dotted-quad and CIDR forms the tools print.
 * Parsing is strict (four decimal octets, no leading "+"), like inet_pton(AF_INET).
 */
export type Ip4 = number;

export function parseIp4(text: string): Ip4 | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let v = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    v = v * 256 + n;
  }
  return v >>> 0;
}

/**
 * inet_aton(3) is laxer than inet_pton: "10.1" is 10.0.0.1, "127.1" is 127.0.0.1, hex and octal parts are
 * allowed. iproute2's get_addr_1 uses it for "ip route get 10.1", net-tools' route and ping also accept it.
 */
export function parseIp4Lax(text: string): Ip4 | null {
  if (text === '' || text.endsWith('.')) return null;
  const parts = text.split('.');
  if (parts.length > 4) return null;
  const nums: number[] = [];
  for (const p of parts) {
    let n: number;
    if (/^0[xX][0-9a-fA-F]*$/.test(p)) n = p.length === 2 ? 0 : parseInt(p.slice(2), 16);
    else if (/^0[0-7]*$/.test(p)) n = parseInt(p, 8);
    else if (/^[1-9]\d*$/.test(p)) n = Number(p);
    else return null;
    nums.push(n);
  }
  const last = nums[nums.length - 1] ?? 0;
  const head = nums.slice(0, -1);
  if (head.some((n) => n > 255)) return null;
  const restBits = 8 * (4 - head.length);
  if (restBits < 32 && last >= 2 ** restBits) return null;
  let v = 0;
  for (const n of head) v = v * 256 + n;
  return (v * 2 ** restBits + last) >>> 0;
}

export function formatIp4(ip: Ip4): string {
  return `${(ip >>> 24) & 255}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

export function maskOf(prefixLen: number): Ip4 {
  return prefixLen <= 0 ? 0 : (0xffffffff << (32 - prefixLen)) >>> 0;
}

export function networkOf(ip: Ip4, prefixLen: number): Ip4 {
  return (ip & maskOf(prefixLen)) >>> 0;
}

export function broadcastOf(ip: Ip4, prefixLen: number): Ip4 {
  return (networkOf(ip, prefixLen) | (~maskOf(prefixLen) >>> 0)) >>> 0;
}

export function inPrefix(ip: Ip4, net: Ip4, prefixLen: number): boolean {
  return networkOf(ip, prefixLen) === networkOf(net, prefixLen);
}

/** Prefix length of a contiguous netmask, or null when the mask has holes (route/ifconfig reject those). */
export function prefixOfMask(mask: Ip4): number | null {
  let n = 0;
  while (n < 32 && (mask & (0x80000000 >>> n)) !== 0) n++;
  return maskOf(n) === mask >>> 0 ? n : null;
}

export interface Cidr4 {
  readonly addr: Ip4;
  readonly prefixLen: number;
}

/** "a.b.c.d/n" or "a.b.c.d" (prefix 32). */
export function parseCidr4(text: string): Cidr4 | null {
  const slash = text.indexOf('/');
  const addr = parseIp4(slash < 0 ? text : text.slice(0, slash));
  if (addr === null) return null;
  if (slash < 0) return { addr, prefixLen: 32 };
  const p = text.slice(slash + 1);
  if (!/^\d{1,2}$/.test(p) || Number(p) > 32) return null;
  return { addr, prefixLen: Number(p) };
}

export function formatCidr4(c: Cidr4): string {
  return `${formatIp4(c.addr)}/${c.prefixLen}`;
}

export function overlaps(a: Cidr4, b: Cidr4): boolean {
  const p = Math.min(a.prefixLen, b.prefixLen);
  return networkOf(a.addr, p) === networkOf(b.addr, p);
}

/** Host-order hex as /proc/net/route prints it: the address bytes little-endian on x86. */
export function procHex(ip: Ip4): string {
  const le =
    (((ip & 255) << 24) | (((ip >>> 8) & 255) << 16) | (((ip >>> 16) & 255) << 8) | (ip >>> 24)) >>> 0;
  return le.toString(16).toUpperCase().padStart(8, '0');
}

export function isMulticast4(ip: Ip4): boolean {
  return ip >>> 28 === 0xe;
}

export function isLoopback4(ip: Ip4): boolean {
  return ip >>> 24 === 127;
}
