/**
 * `arp`: net-tools 2.10 (arp.c: getopt "A:H:adfp:nsei:t:vh?DNV"; show, -s set, -d delete) or, with
 * flavour busybox, the BusyBox 1.35 applet ("A:p:H:t:i:adnDsv"). Listing is show.ts, changes set.ts.
 */
import type { CommandIO, SimCommand } from '../../types';
import { inetResolve } from '../route/inet';
import { formatIp4 } from '../../../lib';
import { ARPHRD_ETHER, ARPHRD_LOOPBACK } from '../procfs/net_arp';
import { arpDelete, arpSet } from './set';
import { showArp } from './show';
import { ARP_HW_LIST, ARP_USAGE, ARP_VERSION, BUSYBOX_ARP_USAGE } from './usage';

const LONG: Record<string, string> = {
  verbose: 'v',
  version: 'V',
  all: 'a',
  delete: 'd',
  file: 'f',
  numeric: 'n',
  set: 's',
  protocol: 'A',
  'hw-type': 'H',
  device: 'i',
  help: 'h',
  'use-device': 'D',
  symbolic: 'N',
};

interface ArpArgs {
  flags: Set<string>;
  what: 'show' | 'set' | 'del' | 'file';
  device: string | null;
  hwType: string | null;
  protocol: string | null;
  rest: string[];
  error: string | null;
}

/** getopt_long with permutation; the last of -a/-f/-d/-s decides what to do. */
function parse(
  argv: readonly string[],
  short: string,
  withArg: string,
  long: Record<string, string>,
): ArpArgs {
  const a: ArpArgs = {
    flags: new Set(),
    what: 'show',
    device: null,
    hwType: null,
    protocol: null,
    rest: [],
    error: null,
  };
  const take = (c: string, v: string) => {
    if (c === 'i') a.device = v;
    else if (c === 'H' || c === 't') a.hwType = v;
    else a.protocol = v;
  };
  const flag = (c: string) => {
    a.flags.add(c);
    if (c === 'a') a.what = 'show';
    if (c === 'f') a.what = 'file';
    if (c === 'd') a.what = 'del';
    if (c === 's') a.what = 'set';
  };
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i] as string;
    if (w === '--') {
      a.rest.push(...argv.slice(i + 1));
      break;
    }
    if (w.startsWith('--')) {
      const [name, val] = w.slice(2).split('=', 2) as [string, string | undefined];
      const c = long[name];
      if (c === undefined) {
        a.error = `unrecognized option '${w}'`;
        return a;
      }
      if (withArg.includes(c)) {
        const v = val ?? argv[++i];
        if (v === undefined) {
          a.error = `option '${w}' requires an argument`;
          return a;
        }
        take(c, v);
      } else flag(c);
      continue;
    }
    if (!w.startsWith('-') || w === '-') {
      a.rest.push(w);
      continue;
    }
    for (let j = 1; j < w.length; j++) {
      const c = w[j] as string;
      if (!short.includes(c)) {
        a.error = `invalid option -- '${c}'`;
        return a;
      }
      if (withArg.includes(c)) {
        const v = w.slice(j + 1) || argv[++i];
        if (v === undefined) {
          a.error = `option requires an argument -- '${c}'`;
          return a;
        }
        take(c, v);
        break;
      }
      flag(c);
    }
  }
  return a;
}

function hwTypeNumber(name: string | null): number | null | undefined {
  if (name === null) return null;
  if (name === 'ether') return ARPHRD_ETHER;
  if (name === 'loop') return ARPHRD_LOOPBACK;
  return undefined;
}

async function gnu(io: CommandIO, argv: string[]): Promise<number> {
  const a = parse(argv, 'AHadfpnseitvhDNV', 'AHpit', LONG);
  if (a.error || a.flags.has('h')) {
    if (a.error) io.err(`arp: ${a.error}\n`);
    (a.error ? io.err.bind(io) : io.out.bind(io))(ARP_USAGE);
    io.err(ARP_HW_LIST);
    return a.error ? 3 : 0;
  }
  if (a.flags.has('V')) {
    io.out(ARP_VERSION);
    return 0;
  }
  if (a.flags.has('N')) io.err('arp: -N not yet supported.\n');
  if (a.protocol !== null && a.protocol !== 'inet') {
    io.err(`arp: ${a.protocol}: unknown address family.\n`);
    return 255;
  }
  const hw = hwTypeNumber(a.hwType);
  if (hw === undefined) {
    io.err(`arp: ${a.hwType}: unknown hardware type.\n`);
    return 255;
  }
  if (a.what === 'set') return arpSet(io, a.rest, a.device, a.flags.has('D'));
  if (a.what === 'del') return arpDelete(io, a.rest, a.device);
  if (a.what === 'file') {
    io.err('arp: cannot open etherfile /etc/ethers !\n');
    return 255;
  }
  let host: { ip: string; typed: string } | null = null;
  const name = a.rest[0];
  if (name !== undefined) {
    const r = await inetResolve(io, name, false);
    if (!r) {
      io.err(`${name}: Unknown host\n`);
      return 255;
    }
    host = { ip: formatIp4(r.addr), typed: name };
  }
  return showArp(io, {
    numeric: a.flags.has('n'),
    bsd: a.flags.has('a'),
    host,
    device: a.device,
    hwType: hw,
  });
}

async function busybox(io: CommandIO, argv: string[]): Promise<number> {
  const a = parse(argv, 'ApHtiadnDsv', 'ApHti', {});
  if (a.error) {
    io.err(`arp: ${a.error}\n${BUSYBOX_ARP_USAGE}`);
    return 1;
  }
  if (a.protocol !== null && a.protocol !== 'inet') {
    io.err(`arp: ${a.protocol}: unknown address family\n`);
    return 1;
  }
  const hw = hwTypeNumber(a.hwType);
  if (hw === undefined) {
    io.err(`arp: ${a.hwType}: unknown hardware type\n`);
    return 1;
  }
  if (a.flags.has('d') || a.flags.has('s')) {
    if (a.rest.length === 0) {
      io.err('arp: need host name\n');
      return 1;
    }
    return a.flags.has('s')
      ? arpSet(io, a.rest, a.device, a.flags.has('D'))
      : arpDelete(io, a.rest, a.device);
  }
  let host: { ip: string; typed: string } | null = null;
  const name = a.rest[0];
  if (name !== undefined) {
    const r = await inetResolve(io, name, false);
    if (!r) {
      io.err(`arp: ${name}: Unknown host\n`);
      return 1;
    }
    host = { ip: formatIp4(r.addr), typed: name };
  }
  return showArp(io, { numeric: a.flags.has('n'), bsd: true, host, device: a.device, hwType: hw });
}

export const arpCommand: SimCommand = {
  name: 'arp',
  async run(io: CommandIO) {
    const argv = io.argv.slice(1);
    return io.proc.flavour === 'busybox' ? busybox(io, argv) : gnu(io, argv);
  },
};
