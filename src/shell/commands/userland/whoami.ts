/**
 * `whoami`: the name of the effective user (geteuid() through getpwuid). Every machine here runs its
 * shells as root. GNU coreutils 9.1 (src/whoami.c: --help/--version, any operand is extra) and BusyBox
 * 1.35 (coreutils/whoami.c: any argument shows the usage).
 */
import type { CommandIO, SimCommand } from '../../types';
import { effectiveUser } from './identity';
import { gnuBadOption, gnuExtraOperand } from '../gnu_coreutils';
import { coreutilsFlavour } from '../../userlands';
import { BUSYBOX_WHOAMI_USAGE, GNU_WHOAMI_HELP } from './usage';

function gnu(io: CommandIO): number {
  const args = io.argv.slice(1);
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '--help') {
      io.out(GNU_WHOAMI_HELP);
      return 0;
    }
    if (a === '--version') {
      io.out('whoami (GNU coreutils) 9.1\n');
      return 0;
    }
    if (a.startsWith('-') && a !== '-') return gnuBadOption(io, 'whoami', a);
    break;
  }
  if (i < args.length) return gnuExtraOperand(io, 'whoami', args[i] as string);
  io.out(`${effectiveUser(io.proc).name}\n`);
  return 0;
}

function busybox(io: CommandIO): number {
  if (io.argv.length > 1) {
    io.err(BUSYBOX_WHOAMI_USAGE);
    return io.argv[1] === '--help' ? 0 : 1;
  }
  io.out(`${effectiveUser(io.proc).name}\n`);
  return 0;
}

export const whoamiCommand: SimCommand = {
  name: 'whoami',
  run(io: CommandIO) {
    return coreutilsFlavour(io.proc) === 'busybox' ? busybox(io) : gnu(io);
  },
};
