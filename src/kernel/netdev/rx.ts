/**
 * Receive path entry (net/core/dev.c __netif_receive_skb): a packet arrives on a device.
 * Placeholder until the packet path lands: every packet is dropped with a reason.
 */
import type { KernelCtx } from '../context';
import type { DevId, Packet } from '../types';

export function netifReceive(ctx: KernelCtx, dev: DevId, pkt: Packet): void {
  const d = ctx.k.devices[dev];
  ctx.trace({
    kind: 'kfree_skb',
    atUs: ctx.clock.nowUs,
    ns: d?.ns ?? ctx.k.rootNs,
    pkt: pkt.id,
    summary: 'packet path not implemented',
    reason: 'NOT_SPECIFIED',
    dev,
    detail: 'packet path not implemented yet',
  });
}
