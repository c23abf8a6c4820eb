/**
 * /proc/net/arp (net/ipv4/arp.c arp_seq_show / arp_format_neigh_entry): the IPv4 neighbour table of the
 * reader's namespace, NOARP entries left out (NEIGH_SEQ_SKIP_NOARP). Flags are arp_state_to_flags():
 * ATF_PERM|ATF_COM for PERMANENT, ATF_COM for the other valid states, 0 while unresolved. The hardware
 * address is the entry's last known one (zeros if it never had one).
 */
import type { KernelState, NeighEntry, NetDevice, NsId } from '../../../kernel';
import { ZERO_MAC, formatIp4 } from '../../../lib';
import type { DynamicFile } from '../../fs';
import { xaGet } from '../../../kernel';

export const ATF_COM = 0x02;
export const ATF_PERM = 0x04;
export const ATF_PUBL = 0x08;

export const ARPHRD_ETHER = 1;
export const ARPHRD_LOOPBACK = 772;

/** dev->type as SIOCGIFHWADDR and /proc/net/arp report it. */
export function arphrdOf(dev: NetDevice): number {
  return dev.kind === 'loopback' ? ARPHRD_LOOPBACK : ARPHRD_ETHER;
}

const NUD_VALID = new Set(['PERMANENT', 'NOARP', 'REACHABLE', 'PROBE', 'STALE', 'DELAY']);

export function arpFlags(state: NeighEntry['state']): number {
  if (state === 'PERMANENT') return ATF_PERM | ATF_COM;
  return NUD_VALID.has(state) ? ATF_COM : 0;
}

export interface ProcArp {
  ip: number;
  hwType: number;
  flags: number;
  hwAddr: string;
  mask: string;
  dev: string;
}

export function procArps(k: KernelState, ns: NsId): ProcArp[] {
  const out: ProcArp[] = [];
  const entries = [...(xaGet(k.netns, ns)?.neigh ?? [])].sort((a, b) => a.seq - b.seq);
  for (const n of entries) {
    // neigh_get_first() with NEIGH_SEQ_SKIP_NOARP skips entries whose state has no bit besides NOARP (NONE too).
    if (n.state === 'NOARP' || n.state === 'NONE') continue;
    const dev = xaGet(k.devices, n.dev);
    if (!dev) continue;
    out.push({
      ip: n.ip,
      hwType: arphrdOf(dev),
      flags: arpFlags(n.state),
      hwAddr: n.lladdr ?? ZERO_MAC,
      mask: '*',
      dev: dev.name,
    });
  }
  return out;
}

export function formatProcNetArp(k: KernelState, ns: NsId): string {
  let out = 'IP address       HW type     Flags       HW address            Mask     Device\n';
  for (const a of procArps(k, ns)) {
    const hx = (v: number) => `0x${v.toString(16)}`.padEnd(12);
    out += `${formatIp4(a.ip).padEnd(16)} ${hx(a.hwType)}${hx(a.flags)}${a.hwAddr.padEnd(17)}     ${a.mask.padEnd(8)} ${a.dev}\n`;
  }
  return out;
}

export const procNetArp: DynamicFile = {
  read: (proc, os) => formatProcNetArp(os.state.kernel, proc.ns),
};
