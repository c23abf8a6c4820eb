/**
 * Numbers to names as iproute2's lib/rt_names.c prints them (with Debian's /etc/iproute2 tables), and the
 * numeric values the kernel uses for scopes, tables and protocols.
 */
import type { Scope } from '../../../../kernel';

export const RT_TABLE_MAIN = 254;
export const RT_TABLE_LOCAL = 255;

const SCOPE_NUM: Record<Scope, number> = { global: 0, site: 200, link: 253, host: 254, nowhere: 255 };

export function scopeNum(s: Scope): number {
  return SCOPE_NUM[s];
}

/** rtnl_rtscope_n2a(). */
export function scopeName(s: Scope): string {
  return s;
}

/** rtnl_rtscope_a2n(): names, or a number 0..255. */
export function parseScope(word: string): Scope | number | null {
  if (word === 'global' || word === 'universe') return 'global';
  if (word === 'site' || word === 'link' || word === 'host' || word === 'nowhere') return word;
  if (/^\d+$/.test(word) && Number(word) <= 255) return Number(word);
  return null;
}

/** rtnl_rttable_n2a(). */
export function tableName(id: number): string {
  if (id === 255) return 'local';
  if (id === 254) return 'main';
  if (id === 253) return 'default';
  if (id === 0) return 'unspec';
  return String(id);
}

const PROTOS: Record<number, string> = {
  0: 'unspec',
  1: 'redirect',
  2: 'kernel',
  3: 'boot',
  4: 'static',
  8: 'gated',
  9: 'ra',
  10: 'mrt',
  11: 'zebra',
  12: 'bird',
  13: 'dnrouted',
  14: 'xorp',
  15: 'ntk',
  16: 'dhcp',
  18: 'keepalived',
  42: 'babel',
  99: 'openr',
  186: 'bgp',
  187: 'isis',
  188: 'ospf',
  189: 'rip',
  192: 'eigrp',
};

/** The kernel stores rtm_protocol as a number; the World keeps a name or a number as text. */
export function protoNum(p: string): number {
  if (/^\d+$/.test(p)) return Number(p);
  for (const [n, name] of Object.entries(PROTOS)) if (name === p) return Number(n);
  return 0;
}

/** rtnl_rtprot_n2a(). */
export function protoName(p: string): string {
  const n = protoNum(p);
  return PROTOS[n] ?? String(n);
}

/** rtnl_rtprot_a2n(): a known name or a number. */
export function parseProto(word: string): string | null {
  if (/^\d+$/.test(word) && Number(word) <= 255) return PROTOS[Number(word)] ?? word;
  return Object.values(PROTOS).includes(word) ? word : null;
}
