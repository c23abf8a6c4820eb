/**
 * `busybox APPLET ...`: BusyBox's multi-call binary. Runs the applet with BusyBox's own output formats,
 * whatever the machine's usual userland is.
 */
import { BUSYBOX_APPLETS } from '../userlands';
import type { CommandIO, SimCommand } from '../types';

export const busyboxCommand: SimCommand = {
  name: 'busybox',
  async run(io: CommandIO) {
    const applet = io.argv[1];
    if (applet === undefined) {
      io.out('BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n');
      return 0;
    }
    if (!BUSYBOX_APPLETS.includes(applet)) {
      io.err(`${applet}: applet not found\n`);
      return 127;
    }
    const r = await io.exec(io.argv.slice(1), {
      ...io.proc,
      flavour: 'busybox',
      userland: { ...io.proc.userland, commands: [...io.proc.userland.commands, ...BUSYBOX_APPLETS] },
    });
    io.out(r.stdout);
    io.err(r.stderr);
    return r.exitCode;
  },
};
