/** `hostname`: the machine's UTS hostname (just-bash's own ignores the machine). */
import type { CommandIO, SimCommand } from '../types';

export const hostnameCommand: SimCommand = {
  name: 'hostname',
  run(io: CommandIO) {
    if (io.argv.length > 1 && !io.argv[1]?.startsWith('-')) {
      io.err('hostname: you must be root to change the host name\n');
      return 1;
    }
    io.out(`${io.proc.hostname}\n`);
    return 0;
  },
};
