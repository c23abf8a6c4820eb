/**
 * /proc/net/if_inet6 (net/ipv6/addrconf.c if6_seq_show): every IPv6 address of the reader's namespace as
 * "addr ifindex prefixlen scope flags name". The kernel walks its address hash; we list devices in ifindex
 * order and each device's addresses in its own order (readers sort or filter by name).
 */
import type { Inet6Addr, KernelState, NsId } from '../../../kernel';
import { devicesOf, inet6IfaFlags } from '../../../kernel';
import { ip6Hex, parseIp6 } from '../../../lib';
import type { DynamicFile } from '../../fs';

/** IFA_* scope values (include/net/ipv6.h IPV6_ADDR_* >> 16 as ipv6_addr_scope() gives them). */
export const IFA_HOST = 0x10;
export const IFA_LINK = 0x20;
export const IFA_SITE = 0x40;

export function ifaScope(a: Inet6Addr): number {
  return a.scope === 'host' ? IFA_HOST : a.scope === 'link' ? IFA_LINK : 0;
}

export interface ProcInet6 {
  addr: number[];
  ifindex: number;
  prefixLen: number;
  scope: number;
  flags: number;
  dev: string;
}

export function procInet6(k: KernelState, ns: NsId, nowUs: number): ProcInet6[] {
  const out: ProcInet6[] = [];
  for (const d of devicesOf(k, ns)) {
    for (const a of d.inet6) {
      const groups = parseIp6(a.addr);
      if (!groups) continue;
      const flags = inet6IfaFlags(d.kind, a, nowUs);
      out.push({
        addr: groups,
        ifindex: d.ifindex,
        prefixLen: a.prefixLen,
        scope: ifaScope(a),
        flags,
        dev: d.name,
      });
    }
  }
  return out;
}

const h2 = (v: number) => v.toString(16).padStart(2, '0');

export function formatProcNetIfInet6(rows: readonly ProcInet6[]): string {
  return rows
    .map(
      (r) =>
        `${ip6Hex(r.addr)} ${h2(r.ifindex)} ${h2(r.prefixLen)} ${h2(r.scope)} ${h2(r.flags)} ${r.dev.padStart(8)}\n`,
    )
    .join('');
}

export const procNetIfInet6: DynamicFile = {
  read: (proc, os) => formatProcNetIfInet6(procInet6(os.state.kernel, proc.ns, os.state.clock.nowUs)),
};
