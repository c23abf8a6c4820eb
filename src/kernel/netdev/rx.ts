/**
 * Receive path entry (net/core/dev.c __netif_receive_skb): a frame arrives on a device at the end of a
 * veth, a cable or loopback (the `rx` events of the scheduler). A device that went down meanwhile drops it;
 * a bridge port hands it to the bridge (its rx_handler, br_handle_frame); anything else goes to the
 * protocol handlers (ptype.ts).
 */
import type { KernelCtx } from '../context';
import { brHandleFrame } from '../bridge/br_input';
import { kfreeSkb } from '../skbuff';
import type { DevId, Packet } from '../types';
import { ptypeDeliver, rxAccount } from './ptype';
import { xaGet } from '../xarray';

export function netifReceive(ctx: KernelCtx, devId: DevId, pkt: Packet): void {
  const dev = xaGet(ctx.k.devices, devId);
  if (!dev) return;
  if (!dev.adminUp) {
    dev.stats.rxDropped++;
    kfreeSkb(ctx, dev.ns, pkt, 'DEV_READY', dev.id, `${dev.name} is down`);
    return;
  }
  rxAccount(ctx, dev, pkt);
  const br = dev.master ? xaGet(ctx.k.devices, dev.master) : undefined;
  if (br && br.kind === 'bridge') {
    brHandleFrame(ctx, br, dev, pkt);
    return;
  }
  ptypeDeliver(ctx, dev, pkt);
}
