/**
 * `traceroute`: Debian's traceroute 2.1.2 (gnu.ts) on GNU userlands, the BusyBox 1.35 applet (busybox.ts)
 * for the busybox flavour (`busybox traceroute`, busybox and alpine images).
 */
import type { CommandIO, SimCommand } from '../../types';
import { runBusyboxTraceroute } from './busybox';
import { runGnuTraceroute } from './gnu';

export const tracerouteCommand: SimCommand = {
  name: 'traceroute',
  run(io: CommandIO) {
    return io.proc.flavour === 'busybox' ? runBusyboxTraceroute(io) : runGnuTraceroute(io);
  },
};
