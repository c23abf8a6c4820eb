/**
 * `hostname`: the machine's UTS hostname, and what the resolver and the interfaces say about it.
 * Debian 12's is the `hostname` package 3.23 (hostname.c): -s cuts at the first dot; -i resolves the name
 * (every address of it, no trailing blank); -I walks getifaddrs() (every IPv4 address of every device,
 * then every IPv6 one, in the kernel's dump order) skipping devices that are down or loopback and IPv6
 * link-local addresses, each followed by a blank; a bad option prints the usage on stdout, status 255.
 * BusyBox 1.35 (networking/hostname.c) knows -s -i -d -f -F only: -i prints the addresses blank-separated,
 * an unknown name is "NAME: Unknown host".
 */
import { devicesOf } from '../../kernel';
import { formatIp4 } from '../../lib';
import type { CommandIO, SimCommand } from '../types';
import { dumpAddrs } from './ip/rtnl/addr';
import { parseHosts, readEtc } from './inet/resolv';
import { coreutilsFlavour } from '../userlands';
import { BUSYBOX_HOSTNAME_USAGE, GNU_HOSTNAME_USAGE } from './userland/usage';

type Mode = 'name' | 'short' | 'ip' | 'all-ip' | 'fqdn' | 'domain';

const GNU_LONG: Readonly<Record<string, Mode | 'help' | 'version'>> = {
  '--short': 'short',
  '--ip-address': 'ip',
  '--all-ip-addresses': 'all-ip',
  '--fqdn': 'fqdn',
  '--long': 'fqdn',
  '--domain': 'domain',
  '--help': 'help',
  '--version': 'version',
};

const SHORT: Readonly<Record<string, Mode | 'help' | 'version'>> = {
  s: 'short',
  i: 'ip',
  I: 'all-ip',
  f: 'fqdn',
  d: 'domain',
  h: 'help',
  V: 'version',
};

/** `hostname -I`: getifaddrs() in dump order, without loopback, down devices and IPv6 link-local. */
function allAddresses(io: CommandIO): string {
  const st = io.os.state;
  const up = new Map(
    devicesOf(st.kernel, io.proc.ns).map((d) => [d.ifindex, d.adminUp && d.kind !== 'loopback']),
  );
  const out: string[] = [];
  for (const a of dumpAddrs(st.kernel, io.proc.ns, st.clock.nowUs)) {
    if (!up.get(a.ifindex)) continue;
    if (a.family === 'inet6' && /^fe[89ab]/i.test(a.local)) continue;
    out.push(`${a.local} `);
  }
  return `${out.join('')}\n`;
}

/** The addresses /etc/hosts gives the name (nss_files with `multi on`: every matching line), in file order. */
async function addressesOf(io: CommandIO, name: string): Promise<string[]> {
  const lines = parseHosts(await readEtc(io, '/etc/hosts'));
  return lines.filter((l) => l.names.includes(name)).map((l) => formatIp4(l.addr));
}

/** The canonical name: the first name of the first /etc/hosts line that has it, else the name itself. */
async function fqdnOf(io: CommandIO, name: string): Promise<string | null> {
  const line = parseHosts(await readEtc(io, '/etc/hosts')).find((l) => l.names.includes(name));
  return line ? (line.names[0] as string) : null;
}

async function show(io: CommandIO, mode: Mode, busybox: boolean): Promise<number> {
  const name = io.proc.hostname;
  if (mode === 'name') io.out(`${name}\n`);
  else if (mode === 'short') io.out(`${name.split('.')[0] as string}\n`);
  else if (mode === 'all-ip') io.out(allAddresses(io));
  else {
    const addrs = await addressesOf(io, name);
    if (addrs.length === 0) {
      io.err(busybox ? `hostname: ${name}: Unknown host\n` : 'hostname: Name or service not known\n');
      return 1;
    }
    const fqdn = (await fqdnOf(io, name)) ?? name;
    if (mode === 'ip') io.out(`${addrs.join(' ')}\n`);
    else if (mode === 'fqdn') io.out(`${fqdn}\n`);
    else io.out(fqdn.includes('.') ? `${fqdn.slice(fqdn.indexOf('.') + 1)}\n` : '\n');
  }
  return 0;
}

function setName(io: CommandIO, busybox: boolean): number {
  io.err(
    busybox
      ? 'hostname: sethostname: Operation not permitted\n'
      : 'hostname: you must be root to change the host name\n',
  );
  return 1;
}

async function gnu(io: CommandIO): Promise<number> {
  let mode: Mode = 'name';
  const operands: string[] = [];
  const usage = () => {
    io.out(GNU_HOSTNAME_USAGE);
    return 255;
  };
  for (const a of io.argv.slice(1)) {
    let picks: (Mode | 'help' | 'version' | undefined)[];
    if (a.startsWith('--')) {
      const key = GNU_LONG[a];
      if (key === undefined) {
        io.err(`hostname: unrecognized option '${a}'\n`);
        return usage();
      }
      picks = [key];
    } else if (a.startsWith('-') && a.length > 1) picks = [...a.slice(1)].map((c) => SHORT[c]);
    else {
      operands.push(a);
      continue;
    }
    for (const [i, p] of picks.entries()) {
      if (p === undefined) {
        io.err(`hostname: invalid option -- '${a.slice(1)[i] as string}'\n`);
        return usage();
      }
      if (p === 'help') return usage();
      if (p === 'version') {
        io.out('hostname 3.23\n');
        return 0;
      }
      mode = p;
    }
  }
  if (operands.length > 0) return mode === 'name' ? setName(io, false) : usage();
  return show(io, mode, false);
}

async function busybox(io: CommandIO): Promise<number> {
  let mode: Mode = 'name';
  const operands: string[] = [];
  for (const a of io.argv.slice(1)) {
    if (a === '--help') {
      io.err(BUSYBOX_HOSTNAME_USAGE);
      return 0;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        const p = ({ s: 'short', i: 'ip', f: 'fqdn', d: 'domain' } as const)[c as 's'];
        if (p === undefined) {
          io.err(`hostname: invalid option -- '${c}'\n${BUSYBOX_HOSTNAME_USAGE}`);
          return 1;
        }
        mode = p;
      }
    } else operands.push(a);
  }
  if (operands.length > 0) return setName(io, true);
  return show(io, mode, true);
}

export const hostnameCommand: SimCommand = {
  name: 'hostname',
  run(io: CommandIO) {
    return coreutilsFlavour(io.proc) === 'busybox' ? busybox(io) : gnu(io);
  },
};
