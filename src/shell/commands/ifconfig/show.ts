/**
 * ifconfig's listing: all interfaces (net-tools for_all_interfaces/do_if_print, BusyBox
 * display_interfaces), only those that are up unless -a, or one named interface (if_print with a name).
 */
import type { CommandIO } from '../../types';
import { formatIfconfigBusybox } from './format_busybox';
import { formatIfconfigGnu } from './format_gnu';
import { fetchInterface, interfaceNames, nstrcmp, strcmpNames, type IfInfo } from './iface';
import { IFF } from '../ip/rtnl/link';

const SHORT_HEADER = 'Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n';

/** ife_print_short(): one line per interface, flags as letters. */
export function formatShort(i: IfInfo): string {
  let out = `${i.name.slice(0, 15).padEnd(15)} ${String(i.mtu).padStart(5)} `;
  const s = i.stats;
  if (s) {
    out += `${String(s.rxPackets).padStart(8)} ${String(s.rxErrs).padStart(6)} ${String(s.rxDrop).padStart(6)} ${String(s.rxFifo).padEnd(6)} `;
    out += `${String(s.txPackets).padStart(8)} ${String(s.txErrs).padStart(6)} ${String(s.txDrop).padStart(6)} ${String(s.txFifo).padStart(6)} `;
  } else {
    out += '     - no statistics available -'.padEnd(56);
  }
  const f = i.flags;
  if (f === 0) out += '[NO FLAGS]';
  const letters: [number, string][] = [
    [IFF.ALLMULTI, 'A'],
    [IFF.BROADCAST, 'B'],
    [IFF.DEBUG, 'D'],
    [IFF.LOOPBACK, 'L'],
    [IFF.MULTICAST, 'M'],
    [IFF.DYNAMIC, 'd'],
    [IFF.PROMISC, 'P'],
    [IFF.NOTRAILERS, 'N'],
    [IFF.NOARP, 'O'],
    [IFF.POINTOPOINT, 'P'],
    [IFF.SLAVE, 's'],
    [IFF.MASTER, 'm'],
    [IFF.RUNNING, 'R'],
    [IFF.UP, 'U'],
  ];
  for (const [bit, c] of letters) if (f & bit) out += c;
  return `${out}\n`;
}

export interface ShowOpts {
  all: boolean;
  short: boolean;
}

/** Print every interface (or one); returns the exit status. */
export function showInterfaces(io: CommandIO, name: string | null, o: ShowOpts): number {
  const k = io.os.state.kernel;
  const now = io.os.state.clock.nowUs;
  const busybox = io.proc.flavour === 'busybox';
  const format = busybox ? formatIfconfigBusybox : o.short ? formatShort : formatIfconfigGnu;
  if (!busybox && o.short) io.out(SHORT_HEADER);
  const notFound = (n: string) =>
    io.err(`${busybox ? 'ifconfig: ' : ''}${n}: error fetching interface information: Device not found\n`);
  if (name !== null) {
    const i = fetchInterface(k, io.proc.ns, name, now);
    if (!i) {
      notFound(name);
      return 1;
    }
    io.out(format(i));
    return 0;
  }
  // for_all_interfaces(do_if_print): a name whose fetch fails (an address label like "web:1" names no
  // device: SIOCGIFFLAGS on "web" is ENODEV) ends the listing with that error (both net-tools and BusyBox).
  for (const n of interfaceNames(k, io.proc.ns, busybox ? strcmpNames : nstrcmp)) {
    const i = fetchInterface(k, io.proc.ns, n, now);
    if (!i) {
      notFound(n);
      return 1;
    }
    if (o.all || i.flags & IFF.UP) io.out(format(i));
  }
  return 0;
}
