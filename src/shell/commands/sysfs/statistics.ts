/**
 * /sys/class/net/<dev>/statistics/ (net/core/net-sysfs.c netstat_attrs): one read-only file per field of
 * the rtnl_link_stats64 that dev_get_stats() fills, "%lu". The counters are those /proc/net/dev,
 * `ip -s link` and ifconfig print; the ones the simulated devices never count (collisions, the error
 * breakdown) are 0, as they are on a veth, a bridge or loopback.
 */
import type { DeviceStats } from '../../../kernel';
import type { Attr } from './attr';

const FIELDS: Record<string, keyof DeviceStats | null> = {
  collisions: null,
  multicast: 'multicast',
  rx_bytes: 'rxBytes',
  rx_compressed: null,
  rx_crc_errors: null,
  rx_dropped: 'rxDropped',
  rx_errors: 'rxErrors',
  rx_fifo_errors: null,
  rx_frame_errors: null,
  rx_length_errors: null,
  rx_missed_errors: null,
  rx_nohandler: null,
  rx_over_errors: null,
  rx_packets: 'rxPackets',
  tx_aborted_errors: null,
  tx_bytes: 'txBytes',
  tx_carrier_errors: null,
  tx_compressed: null,
  tx_dropped: 'txDropped',
  tx_errors: 'txErrors',
  tx_fifo_errors: null,
  tx_heartbeat_errors: null,
  tx_packets: 'txPackets',
  tx_window_errors: null,
};

export const STAT_NAMES: readonly string[] = Object.keys(FIELDS);

export function statAttr(name: string): Attr | null {
  if (!Object.hasOwn(FIELDS, name)) return null;
  const field = FIELDS[name] ?? null;
  return { show: (_k, d) => `${field === null ? 0 : d.stats[field]}\n` };
}
