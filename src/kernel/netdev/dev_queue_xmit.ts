/**
 * dev_queue_xmit() (net/core/dev.c): hand a finished frame to its device's driver. A bridge device's
 * driver is br_dev_xmit (the bridge forwards or floods it to its ports); every other device puts it on its
 * wire (xmit.ts).
 */
import type { KernelCtx } from '../context';
import { brDevXmit } from '../bridge/br_forward';
import type { NetDevice, Packet } from '../types';
import { lowerXmit } from './xmit';

export function devQueueXmit(ctx: KernelCtx, dev: NetDevice, pkt: Packet): void {
  if (dev.kind === 'bridge') brDevXmit(ctx, dev, pkt);
  else lowerXmit(ctx, dev, pkt);
}
