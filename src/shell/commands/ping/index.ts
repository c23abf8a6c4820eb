/**
 * `ping`: iputils 20221126 (iputils.ts) on GNU userlands, the BusyBox 1.35 applet (busybox.ts) when the
 * process's flavour is busybox (`busybox ping`, busybox and alpine images).
 */
import type { CommandIO, SimCommand } from '../../types';
import { runBusyboxPing } from './busybox';
import { runIputils } from './iputils';

export const pingCommand: SimCommand = {
  name: 'ping',
  run(io: CommandIO) {
    return io.proc.flavour === 'busybox' ? runBusyboxPing(io) : runIputils(io);
  },
};
