/**
 * `ethtool` 6.1 (Debian 12 on the host; netshoot ships Alpine's ethtool too): the settings of a device
 * (`ethtool DEV`), its driver (`-i`/`--driver`) and its statistics (`-S`/`--statistics`), read from the kernel
 * model (report.ts). Other modes are not modelled and are refused like a bad argument.
 *
 * Exit codes and messages as ethtool.c gives them: a bad command line prints its two lines and exits 1;
 * a device that does not exist fails each netlink request of the settings dump (five, "no device matches
 * name" with its extack offset) and ends with "No data available" (ENODATA, 75 + 0); `-i` on a driver
 * without get_drvinfo says "Operation not supported" and exits 71, `-S` without statistics "no stats
 * available" and 94, `-S` on a missing device 96.
 */
import { devByName } from '../../../kernel';
import type { CommandIO, SimCommand } from '../../types';
import { driverText, settingsText, statsText } from './report';
import { ETHTOOL_HELP, ETHTOOL_VERSION } from './usage';

const MODES: Record<string, 'driver' | 'stats' | 'help' | 'version'> = {
  '-i': 'driver',
  '--driver': 'driver',
  '-S': 'stats',
  '--statistics': 'stats',
  '-h': 'help',
  '--help': 'help',
  '--version': 'version',
};

function badArgs(io: CommandIO): number {
  io.err('ethtool: bad command line argument(s)\nFor more information run ethtool -h\n');
  return 1;
}

const NO_DEVICE_NETLINK =
  'netlink error: no device matches name (offset 24)\nnetlink error: No such device\n';

export const ethtoolCommand: SimCommand = {
  name: 'ethtool',
  run(io: CommandIO) {
    const args = io.argv.slice(1);
    const first = args[0];
    if (first === undefined) return badArgs(io);
    const mode = first.startsWith('-') ? MODES[first] : 'settings';
    if (mode === undefined) return badArgs(io);
    if (mode === 'help') return (io.out(ETHTOOL_HELP), 0);
    if (mode === 'version') return (io.out(ETHTOOL_VERSION), 0);
    const name = mode === 'settings' ? first : args[1];
    if (name === undefined) return badArgs(io);
    const extra = args[mode === 'settings' ? 1 : 2];
    if (extra !== undefined && mode === 'stats') {
      io.err(`ethtool (-S): unknown parameter '${extra}'\n`);
      return badArgs(io);
    }
    if (extra !== undefined && mode === 'driver') return badArgs(io);
    const k = io.os.state.kernel;
    const dev = devByName(k, io.proc.ns, name);
    if (mode === 'settings') {
      if (!dev) {
        io.err(NO_DEVICE_NETLINK.repeat(5));
        io.out('No data available\n');
        return 75;
      }
      io.out(settingsText(k, dev));
      return 0;
    }
    if (mode === 'driver') {
      const text = dev ? driverText(dev) : null;
      if (text === null) {
        io.err(`Cannot get driver information: ${dev ? 'Operation not supported' : 'No such device'}\n`);
        return 71;
      }
      io.out(text);
      return 0;
    }
    if (!dev) {
      io.err('Cannot get stats strings information: No such device\n');
      return 96;
    }
    const stats = statsText(k, dev);
    if (stats === null) {
      io.err('no stats available\n');
      return 94;
    }
    io.out(stats);
    return 0;
  },
};
