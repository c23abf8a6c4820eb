/**
 * `brctl`: bridge-utils 1.7.1 on GNU userlands, BusyBox's applet when the process runs BusyBox (an image
 * whose brctl is the applet, or `busybox brctl`).
 */
import type { CommandIO, SimCommand } from '../../types';
import { bridgeUtilsBrctl } from './bridge_utils';
import { busyboxBrctl } from './busybox';

export const brctlCommand: SimCommand = {
  name: 'brctl',
  run(io: CommandIO) {
    return io.proc.flavour === 'busybox' ? busyboxBrctl(io) : bridgeUtilsBrctl(io);
  },
};
