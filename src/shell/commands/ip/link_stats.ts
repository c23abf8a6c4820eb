/**
 * print_stats64() of iproute2 6.1 ip/ipaddress.c: the `-s` counter block. Columns widen to the longest
 * number (size_columns); `-s -s` adds the error breakdown rows. Counters the simulation does not keep
 * (missed, carrier, collisions, the error details) are 0, as on a veth or bridge.
 */
import type { Printer } from './printer';
import type { LinkMsg } from './rtnl/link';

function sizeColumns(cols: number[], vals: readonly number[]): void {
  vals.forEach((v, i) => {
    const len = String(v).length;
    if (len > (cols[i] ?? 0)) cols[i] = len;
  });
}

/** print_num() without -h: right-aligned in the column, then a space. */
function pad(width: number, v: number): string {
  return String(v).padStart(width) + ' ';
}

export function printStats64(p: Printer, m: LinkMsg, level: number): void {
  const s = m.stats;
  if (p.isJson) {
    p.openObject('stats64');
    p.openObject('rx');
    p.num('json', 'bytes', null, s.rxBytes);
    p.num('json', 'packets', null, s.rxPackets);
    p.num('json', 'errors', null, s.rxErrors);
    p.num('json', 'dropped', null, s.rxDropped);
    p.num('json', 'over_errors', null, 0);
    p.num('json', 'multicast', null, s.multicast);
    if (level > 1) {
      for (const k of ['length_errors', 'crc_errors', 'frame_errors', 'fifo_errors', 'missed_errors'])
        p.num('json', k, null, 0);
    }
    p.closeObject();
    p.openObject('tx');
    p.num('json', 'bytes', null, s.txBytes);
    p.num('json', 'packets', null, s.txPackets);
    p.num('json', 'errors', null, s.txErrors);
    p.num('json', 'dropped', null, s.txDropped);
    p.num('json', 'carrier_errors', null, 0);
    p.num('json', 'collisions', null, 0);
    if (level > 1) {
      for (const k of ['aborted_errors', 'fifo_errors', 'window_errors', 'heartbeat_errors'])
        p.num('json', k, null, 0);
      p.num('json', 'carrier_changes', null, 0);
    }
    p.closeObject();
    p.closeObject();
    return;
  }
  const cols = [
    '*X errors:'.length,
    'packets'.length,
    'errors'.length,
    'dropped'.length,
    'heartbt'.length,
    'overrun'.length,
    'compressed'.length,
    'otherhost'.length,
  ];
  sizeColumns(cols, [s.rxBytes, s.rxPackets, s.rxErrors, s.rxDropped, 0, s.multicast, 0, 0]);
  sizeColumns(cols, [s.txBytes, s.txPackets, s.txErrors, s.txDropped, 0, 0, 0, 0]);
  const c = (i: number): number => cols[i] ?? 0;
  const head = (a: string, c4: string, c5: string): string =>
    `    ${a}: ${'bytes'.padStart(c(0) - 4)} ${'packets'.padStart(c(1))} ${'errors'.padStart(c(2))} ${'dropped'.padStart(c(3))} ${c4.padStart(c(4))} ${c5.padStart(c(5))} ${''.padStart(c(6))}${p.sl}`;
  let t = head('RX', 'missed', 'mcast');
  t +=
    '    ' +
    pad(c(0), s.rxBytes) +
    pad(c(1), s.rxPackets) +
    pad(c(2), s.rxErrors) +
    pad(c(3), s.rxDropped) +
    pad(c(4), 0) +
    pad(c(5), s.multicast);
  if (level > 1) {
    t +=
      p.sl +
      `    RX errors:${''.padStart(c(0) - 10)} ${'length'.padStart(c(1))} ${'crc'.padStart(c(2))} ${'frame'.padStart(c(3))} ${'fifo'.padStart(c(4))} ${'overrun'.padStart(c(5))}${p.sl}`;
    t += ''.padStart(c(0) + 5) + pad(c(1), 0) + pad(c(2), 0) + pad(c(3), 0) + pad(c(4), 0) + pad(c(5), 0);
  }
  t += p.sl;
  t += head('TX', 'carrier', 'collsns');
  t +=
    '    ' +
    pad(c(0), s.txBytes) +
    pad(c(1), s.txPackets) +
    pad(c(2), s.txErrors) +
    pad(c(3), s.txDropped) +
    pad(c(4), 0) +
    pad(c(5), 0);
  if (level > 1) {
    t +=
      p.sl +
      `    TX errors:${''.padStart(c(0) - 10)} ${'aborted'.padStart(c(1))} ${'fifo'.padStart(c(2))} ${'window'.padStart(c(3))} ${'heartbt'.padStart(c(4))} ${'transns'.padStart(c(5))}${p.sl}`;
    t += ''.padStart(c(0) + 5) + pad(c(1), 0) + pad(c(2), 0) + pad(c(3), 0) + pad(c(4), 0) + pad(c(5), 0);
  }
  p.fp(t);
}
