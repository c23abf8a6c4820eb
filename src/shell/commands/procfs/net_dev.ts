/**
 * /proc/net/dev (net/core/net-procfs.c dev_seq_show / dev_seq_printf_stats): one line per device of the
 * reader's namespace, in ifindex order, with the rtnl_link_stats64 counters the packet path keeps.
 * net-tools' and BusyBox's ifconfig take their interface list and counters from this file.
 */
import type { KernelState, NetDevice, NsId } from '../../../kernel';
import { devicesOf } from '../../../kernel';
import type { DynamicFile } from '../../fs';

const HEADER =
  'Inter-|   Receive                                                |  Transmit\n' +
  ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';

/** The 16 counters of one line, in the file's column order. */
export interface DevCounters {
  rxBytes: number;
  rxPackets: number;
  rxErrs: number;
  rxDrop: number;
  rxFifo: number;
  rxFrame: number;
  rxCompressed: number;
  rxMulticast: number;
  txBytes: number;
  txPackets: number;
  txErrs: number;
  txDrop: number;
  txFifo: number;
  txColls: number;
  txCarrier: number;
  txCompressed: number;
}

export function devCounters(dev: NetDevice): DevCounters {
  const s = dev.stats;
  return {
    rxBytes: s.rxBytes,
    rxPackets: s.rxPackets,
    rxErrs: s.rxErrors,
    rxDrop: s.rxDropped,
    rxFifo: 0,
    rxFrame: 0,
    rxCompressed: 0,
    rxMulticast: s.multicast,
    txBytes: s.txBytes,
    txPackets: s.txPackets,
    txErrs: s.txErrors,
    txDrop: s.txDropped,
    txFifo: 0,
    txColls: 0,
    txCarrier: 0,
    txCompressed: 0,
  };
}

const r = (v: number, w: number) => String(v).padStart(w);

export function formatProcNetDev(k: KernelState, ns: NsId): string {
  let out = HEADER;
  for (const d of devicesOf(k, ns)) {
    const c = devCounters(d);
    out +=
      `${d.name.padStart(6)}: ${r(c.rxBytes, 7)} ${r(c.rxPackets, 7)} ${r(c.rxErrs, 4)} ${r(c.rxDrop, 4)} ` +
      `${r(c.rxFifo, 4)} ${r(c.rxFrame, 5)} ${r(c.rxCompressed, 10)} ${r(c.rxMulticast, 9)} ` +
      `${r(c.txBytes, 8)} ${r(c.txPackets, 7)} ${r(c.txErrs, 4)} ${r(c.txDrop, 4)} ${r(c.txFifo, 4)} ` +
      `${r(c.txColls, 5)} ${r(c.txCarrier, 7)} ${r(c.txCompressed, 10)}\n`;
  }
  return out;
}

export const procNetDev: DynamicFile = {
  read: (proc, os) => formatProcNetDev(os.state.kernel, proc.ns),
};
