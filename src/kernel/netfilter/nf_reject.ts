/**
 * The REJECT target's answer (net/ipv4/netfilter/nf_reject_ipv4.c nf_send_unreach / nf_send_reset): an
 * ICMP destination-unreachable through icmp_send(), or for `--reject-with tcp-reset` a TCP RST built from
 * the offending segment (RST with seq = its ack if it carried an ACK, else RST+ACK acknowledging it),
 * attached to the offending packet's connection (nf_ct_attach) and sent as a local packet.
 */
import type { KernelCtx } from '../context';
import { icmpSend } from '../ipv4/icmp';
import { ipLocalOut } from '../ipv4/ip_output';
import { ipRouteOutput } from '../ipv4/route';
import { allocSkb } from '../skbuff';
import type { DevId, NsId, Packet } from '../types';
import { nfCtAttach } from './nf_conntrack';

/** --reject-with names and their ICMP_DEST_UNREACH codes (libipt_REJECT.c, ipt_REJECT.c reject()). */
const UNREACH_CODE: Record<string, number> = {
  'icmp-net-unreachable': 0,
  'icmp-host-unreachable': 1,
  'icmp-proto-unreachable': 2,
  'icmp-port-unreachable': 3,
  'icmp-net-prohibited': 9,
  'icmp-host-prohibited': 10,
  'icmp-admin-prohibited': 13,
};

function sendReset(ctx: KernelCtx, ns: NsId, orig: Packet): void {
  const ip = orig.ip;
  const l4 = orig.l4;
  if (!ip || !l4 || l4.proto !== 6 || !('flags' in l4) || l4.flags.includes('R')) return;
  const hasAck = l4.flags.includes('.');
  const dataLen = Math.max(0, ip.len - 40);
  const rt = ipRouteOutput(ctx, ns, { dst: ip.src, src: ip.dst }, orig.id);
  if (!rt.ok) return;
  const seqLen = dataLen + (l4.flags.includes('S') ? 1 : 0) + (l4.flags.includes('F') ? 1 : 0);
  const rst = allocSkb(ctx, {
    eth: null,
    arp: null,
    ip: { src: ip.dst, dst: ip.src, ttl: 64, proto: 6, id: 0, tos: 0, len: 40 },
    l4: {
      proto: 6,
      sport: l4.dport,
      dport: l4.sport,
      flags: hasAck ? 'R' : 'R.',
      seq: hasAck ? l4.ack : 0,
      ack: hasAck ? 0 : l4.seq + seqLen,
    },
    payload: { kind: 'none' },
  });
  nfCtAttach(rst, orig);
  ipLocalOut(ctx, ns, rst, rt.value);
}

export function nfReject(ctx: KernelCtx, ns: NsId, pkt: Packet, how: string, inDev: DevId | null): void {
  if (how === 'tcp-reset') {
    sendReset(ctx, ns, pkt);
    return;
  }
  icmpSend(ctx, ns, pkt, 3, UNREACH_CODE[how] ?? 3, inDev);
}
