/**
 * `traceroute`: the BusyBox 1.35 applet (busybox.ts) for the busybox flavour (`busybox traceroute`, busybox
 * and alpine images). The Debian traceroute 2.1 of GNU userlands is not simulated yet: it says so.
 */
import type { CommandIO, SimCommand } from '../../types';
import { runBusyboxTraceroute } from './busybox';

export const tracerouteCommand: SimCommand = {
  name: 'traceroute',
  async run(io: CommandIO) {
    if (io.proc.flavour === 'busybox') return runBusyboxTraceroute(io);
    io.err(
      'traceroute: this simulator only has BusyBox traceroute so far: try `busybox traceroute -n HOST`\n',
    );
    return 1;
  },
};
