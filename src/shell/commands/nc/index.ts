/**
 * `nc`: netcat-openbsd 1.219 on GNU userlands (the Docker host, netshoot), BusyBox 1.35's applet when the
 * process's flavour is busybox (`busybox nc`, busybox and alpine images).
 */
import type { CommandIO, SimCommand } from '../../types';
import { runBusyboxNc } from './busybox';
import { runOpenbsd } from './openbsd';
import { settle } from '../inet/socket';

export const ncCommand: SimCommand = {
  name: 'nc',
  async run(io: CommandIO) {
    const code = await (io.proc.flavour === 'busybox' ? runBusyboxNc(io) : runOpenbsd(io));
    await settle(io);
    return code;
  },
};
