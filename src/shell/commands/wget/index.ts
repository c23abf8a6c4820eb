/**
 * `wget`: BusyBox 1.35's applet (busybox and alpine images, `busybox wget`, and netshoot, whose Alpine
 * base has no GNU Wget). The Docker host's GNU Wget 1.21 is not simulated: it says so and fails.
 */
import type { CommandIO, SimCommand } from '../../types';
import { settle } from '../inet/socket';
import { runBusyboxWget } from './busybox';

export const wgetCommand: SimCommand = {
  name: 'wget',
  async run(io: CommandIO) {
    if (io.proc.flavour !== 'busybox' && io.proc.userland.image !== 'nicolaka/netshoot') {
      io.err('wget: GNU Wget is not simulated here; try curl, or busybox wget\n');
      return 1;
    }
    const code = await runBusyboxWget(io);
    await settle(io);
    return code;
  },
};
