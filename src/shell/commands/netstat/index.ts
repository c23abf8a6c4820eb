/**
 * `netstat`: net-tools 2.10 (netstat.c) -r (the routing table, as route prints it: MSS/Window/irtt
 * columns, -e for Metric/Ref/Use, -ee for both) and -i (the interface table, as ifconfig -s or, with -e,
 * ifconfig's long format); BusyBox 1.35 -r; the socket listings of both (sockets.ts).
 */
import type { CommandIO, SimCommand } from '../../types';
import { own } from '../../../lib';
import { formatIfconfigGnu } from '../ifconfig/format_gnu';
import { fetchInterface, interfaceNames, nstrcmp } from '../ifconfig/iface';
import { formatShort } from '../ifconfig/show';
import { IFF } from '../ip/rtnl/link';
import { displayRoutes } from '../route/display';
import { listSockets } from './sockets';
import { BUSYBOX_NETSTAT_USAGE, NETSTAT_AF_LIST, NETSTAT_USAGE, NETSTAT_VERSION } from './usage';

const SHORT_OPTS = 'aAcCdeFghiIlMnNoprstuUvVWwxZ64S';
const WITH_ARG = 'A';
const LONG: Record<string, string> = {
  route: 'r',
  interfaces: 'i',
  groups: 'g',
  statistics: 's',
  masquerade: 'M',
  verbose: 'v',
  wide: 'W',
  numeric: 'n',
  'numeric-hosts': 'n',
  'numeric-ports': 'n',
  'numeric-users': 'n',
  symbolic: 'N',
  extend: 'e',
  programs: 'p',
  timers: 'o',
  continuous: 'c',
  listening: 'l',
  all: 'a',
  fib: 'F',
  cache: 'C',
  context: 'Z',
  tcp: 't',
  udp: 'u',
  raw: 'w',
  unix: 'x',
  inet: '4',
  inet6: '6',
  help: 'h',
  version: 'V',
};

interface Parsed {
  flags: string[];
  error: string | null;
}

function parse(argv: readonly string[], shortOpts: string, longOpts: Record<string, string>): Parsed {
  const flags: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith('--')) {
      const f = own(longOpts, a.slice(2));
      if (f === undefined) return { flags, error: `unrecognized option '${a}'` };
      flags.push(f);
      continue;
    }
    if (!a.startsWith('-') || a === '-') continue;
    for (let j = 1; j < a.length; j++) {
      const c = a[j] as string;
      if (!shortOpts.includes(c)) return { flags, error: `invalid option -- '${c}'` };
      flags.push(c);
      if (WITH_ARG.includes(c)) {
        if (j === a.length - 1) i++;
        break;
      }
    }
  }
  return { flags, error: null };
}

function interfaceTable(io: CommandIO, all: boolean, extend: boolean): number {
  const k = io.os.state.kernel;
  let out = 'Kernel Interface table\n';
  if (!extend)
    out += 'Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n';
  for (const n of interfaceNames(k, io.proc.ns, nstrcmp)) {
    const i = fetchInterface(k, io.proc.ns, n, io.os.state.clock.nowUs);
    if (!i || (!all && !(i.flags & IFF.UP))) continue;
    out += extend ? formatIfconfigGnu(i) : formatShort(i);
  }
  io.out(out);
  return 0;
}

async function gnu(io: CommandIO, argv: string[]): Promise<number> {
  const p = parse(argv, SHORT_OPTS, LONG);
  if (p.error) {
    io.err(`netstat: ${p.error}\n${NETSTAT_USAGE}`);
    io.err(NETSTAT_AF_LIST);
    return 3;
  }
  const has = (c: string) => p.flags.includes(c);
  if (has('V')) {
    io.out(NETSTAT_VERSION);
    return 0;
  }
  if (has('h')) {
    io.out(NETSTAT_USAGE);
    io.err(NETSTAT_AF_LIST);
    return 0;
  }
  const extend = p.flags.filter((f) => f === 'e').length;
  if (has('r')) {
    if (has('x')) {
      io.err("No routing for address family `unix'.\n");
      return 3;
    }
    if (has('6')) {
      io.err('netstat: IPv6 routing tables are not simulated here; use ip -6 route\n');
      return 1;
    }
    return displayRoutes(io, has('n'), extend >= 2 ? 3 : extend === 1 ? 1 : 2);
  }
  if (has('i')) return interfaceTable(io, has('a'), extend > 0);
  return listSockets(io, {
    tcp: has('t'),
    udp: has('u'),
    listening: has('l'),
    all: has('a'),
    numeric: has('n'),
    programs: has('p'),
    busybox: false,
  });
}

async function busybox(io: CommandIO, argv: string[]): Promise<number> {
  const p = parse(argv, 'laentuwxrWp', {});
  if (p.error) {
    io.err(`netstat: ${p.error}\n${BUSYBOX_NETSTAT_USAGE}`);
    return 1;
  }
  const has = (c: string) => p.flags.includes(c);
  if (has('r')) return displayRoutes(io, has('n'), has('e') ? 1 : 2);
  return listSockets(io, {
    tcp: has('t'),
    udp: has('u'),
    listening: has('l'),
    all: has('a'),
    numeric: has('n'),
    programs: has('p'),
    busybox: true,
  });
}

export const netstatCommand: SimCommand = {
  name: 'netstat',
  async run(io: CommandIO) {
    const argv = io.argv.slice(1);
    return io.proc.flavour === 'busybox' ? busybox(io, argv) : gnu(io, argv);
  },
};
