/**
 * ll_addr_a2n() of iproute2 6.1 (lib/ll_addr.c): a link-layer address as ':'-separated bytes, each read
 * with sscanf("%x") (so "0x1f", "1f" and " f" all work), at most `max` of them (the rest is ignored); a
 * dotted quad gives 4 bytes. The error names the component that failed: `"zz" is invalid lladdr.`
 */
import { getAddrIpv4 } from './prefix';
import { IpError } from './util';

const bad = (what: string): IpError => new IpError(`"${what}" is invalid lladdr.\n`, 1);

/** The bytes as lower-case hex pairs joined by ':' and how many there are. */
export function llAddrA2n(arg: string, max = 32): { mac: string; len: number } {
  const hex = (b: number[]) => b.map((x) => x.toString(16).padStart(2, '0')).join(':');
  if (arg.includes('.')) {
    const ip = getAddrIpv4(arg);
    if (ip === null) throw bad(arg);
    return { mac: hex([ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255]), len: 4 };
  }
  const parts = arg.split(':');
  const bytes: number[] = [];
  for (const part of parts.slice(0, max)) {
    const m = /^\s*(?:0[xX])?([0-9a-fA-F]+)/.exec(part);
    if (!m) throw bad(part);
    const v = parseInt(m[1] as string, 16);
    if (v > 255) throw bad(part);
    bytes.push(v);
  }
  return { mac: hex(bytes), len: bytes.length };
}
