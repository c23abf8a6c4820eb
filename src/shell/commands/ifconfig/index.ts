/**
 * `ifconfig`: net-tools 2.10 (ifconfig.c) or, with flavour busybox, the BusyBox 1.35 applet. Without
 * arguments or with one interface name it lists; with more it configures (set_gnu.ts, set_busybox.ts).
 */
import type { CommandIO, SimCommand } from '../../types';
import { gnuUsage, setInterfaceGnu } from './set_gnu';
import { setInterfaceBusybox } from './set_busybox';
import { showInterfaces } from './show';
import { BUSYBOX_USAGE } from './usage';

async function gnu(io: CommandIO, argv: string[]): Promise<number> {
  let all = false;
  let short = false;
  let i = 0;
  for (; i < argv.length && (argv[i] as string).startsWith('-'); i++) {
    const a = argv[i] as string;
    if (a === '-a') all = true;
    else if (a === '-s') short = true;
    else if (a === '-v') continue;
    else if (a === '-V' || a === '-version' || a === '--version') {
      io.out('net-tools 2.10\n');
      return 0;
    } else if (a === '-?' || a === '-h' || a === '-help' || a === '--help') return gnuUsage(io, true);
    else {
      io.err(`ifconfig: option \`${a}' not recognised.\nifconfig: \`--help' gives usage information.\n`);
      return 1;
    }
  }
  const rest = argv.slice(i);
  if (rest.length === 0) return showInterfaces(io, null, { all, short });
  // safe_strncpy into ifr_name: at most IFNAMSIZ-1 characters.
  const name = (rest[0] as string).slice(0, 15);
  if (rest.length === 1) return showInterfaces(io, name, { all, short });
  return setInterfaceGnu(io, name, rest.slice(1));
}

function busybox(io: CommandIO, argv: string[]): number {
  let rest = argv;
  let all = false;
  if (rest[0] === '--help') {
    io.err(BUSYBOX_USAGE);
    return 0;
  }
  if (rest[0] === '-a') {
    all = true;
    rest = rest.slice(1);
  }
  if (rest.length <= 1) return showInterfaces(io, rest[0] ?? null, { all, short: false });
  return setInterfaceBusybox(io, (rest[0] as string).slice(0, 15), rest.slice(1));
}

export const ifconfigCommand: SimCommand = {
  name: 'ifconfig',
  async run(io: CommandIO) {
    const argv = io.argv.slice(1);
    return io.proc.flavour === 'busybox' ? busybox(io, argv) : gnu(io, argv);
  },
};
