/**
 * sk_buff life cycle (net/core/skbuff.c): allocation with a packet id, skb_clone for copies (a bridge flood,
 * a raw socket's copy), and the two ways a packet ends: kfree_skb_reason() when it is dropped (with a
 * reason, always traced: nothing is lost silently) and consume_skb() when it was used up normally.
 */
import { jsonCopy } from '../lib';
import type { KernelCtx } from './context';
import { nextOrderSeq } from './context';
import type { DropReason } from './drop_reason';
import { describeDropReason } from './drop_reason';
import { ctDropUnconfirmed } from './netfilter/nf_conntrack';
import { pktSummary } from './trace_fmt';
import type { DevId, NsId, Packet } from './types';

export type NewPacket = Omit<Packet, 'id' | 'ct' | 'mark' | 'brnf'> &
  Partial<Pick<Packet, 'ct' | 'mark' | 'brnf'>>;

/** alloc_skb: a new packet with its own id (every hop of it is traced under this id). */
export function allocSkb(ctx: KernelCtx, init: NewPacket): Packet {
  return { ct: null, mark: 0, brnf: false, ...init, id: nextOrderSeq(ctx.k) };
}

/**
 * skb_clone/skb_copy: an independent copy (NAT rewrites packets in place) that keeps the id, so a flooded
 * frame's copies read as one packet taking several paths.
 */
export function cloneSkb(pkt: Packet): Packet {
  return jsonCopy(pkt);
}

/**
 * kfree_skb_reason(): the packet is dropped; the trace says where and why. A connection the packet created
 * and that was never confirmed dies with it (nf_conntrack_destroy of an unconfirmed entry).
 */
export function kfreeSkb(
  ctx: KernelCtx,
  ns: NsId,
  pkt: Packet,
  reason: DropReason,
  dev: DevId | null,
  detail: string = describeDropReason(reason),
): void {
  ctx.trace({
    kind: 'kfree_skb',
    atUs: ctx.clock.nowUs,
    ns,
    pkt: pkt.id,
    summary: pktSummary(pkt),
    reason,
    dev,
    detail,
  });
  ctDropUnconfirmed(ctx, ns, pkt);
}

/** consume_skb(): the packet reached its end normally (delivered to a socket, answered, ignored by design). */
export function consumeSkb(ctx: KernelCtx, ns: NsId, pkt: Packet, dev: DevId | null, detail: string): void {
  ctx.trace({
    kind: 'consume_skb',
    atUs: ctx.clock.nowUs,
    ns,
    pkt: pkt.id,
    summary: pktSummary(pkt),
    dev,
    detail,
  });
}
