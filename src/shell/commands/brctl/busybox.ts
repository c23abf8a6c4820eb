/**
 * BusyBox 1.35's `brctl` applet (networking/brctl.c) as Debian builds it: without FEATURE_BRCTL_FANCY and
 * FEATURE_BRCTL_SHOW, so it knows only addbr, delbr, addif and delif. Anything else is "invalid argument";
 * failures are the ioctl's errno after "bridge NAME" or "iface NAME" (bb_perror_msg_and_die).
 */
import type { Errno, KResult } from '../../../kernel';
import {
  brAddIf,
  brDelIf,
  createBridge,
  devByName,
  kerr,
  kok,
  strerror,
  unregisterDevice,
} from '../../../kernel';
import type { CommandIO } from '../../types';
import { permitted } from '../../capability';

const USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: brctl COMMAND [BRIDGE [ARGS]]

Manage ethernet bridges
Commands:
\taddbr BRIDGE\t\tCreate BRIDGE
\tdelbr BRIDGE\t\tDelete BRIDGE
\taddif BRIDGE IFACE\tAdd IFACE to BRIDGE
\tdelif BRIDGE IFACE\tDelete IFACE from BRIDGE
`;

const KEYWORDS = ['addbr', 'delbr', 'addif', 'delif'] as const;

/** SIOCBRADDBR / SIOCBRDELBR with the name cut to IFNAMSIZ-1. */
function bridgeIoctl(io: CommandIO, name: string, add: boolean): Errno | null {
  const short = name.slice(0, 15);
  const ns = io.proc.ns;
  // br_ioctl_stub() checks CAP_NET_ADMIN before it reads the name.
  if (!permitted(io.proc, 'ioctl')) return 'EPERM';
  const r = io.os.mutate(({ kctx }): KResult<void> => {
    if (add) {
      if (short.length === 0 || /[/:\s]/.test(short) || short === '.' || short === '..')
        return kerr('EINVAL');
      const br = createBridge(kctx, { ns, name: short });
      return br.ok ? kok(undefined) : br;
    }
    const dev = devByName(kctx.k, ns, short);
    if (!dev) return kerr('ENXIO');
    if (dev.kind !== 'bridge') return kerr('EPERM');
    if (dev.adminUp) return kerr('EBUSY');
    unregisterDevice(kctx, dev.id);
    return kok(undefined);
  });
  return r.ok ? null : r.error.errno;
}

/** SIOCBRADDIF / SIOCBRDELIF on the bridge name with the port's ifindex. */
function portIoctl(io: CommandIO, brName: string, ifName: string, add: boolean): Errno | null {
  const ns = io.proc.ns;
  // dev_ioctl(): SIOCBRADDIF/SIOCBRDELIF need CAP_NET_ADMIN before the bridge is looked up.
  if (!permitted(io.proc, 'ioctl')) return 'EPERM';
  const r = io.os.mutate(({ kctx }): KResult<void> => {
    const br = devByName(kctx.k, ns, brName.slice(0, 15));
    const port = devByName(kctx.k, ns, ifName);
    if (!br) return kerr('ENODEV');
    if (br.kind !== 'bridge') return kerr('EOPNOTSUPP');
    if (!port) return kerr('EINVAL');
    if (add) return port.master ? kerr('EBUSY') : brAddIf(kctx, br.id, port.id);
    return port.master === br.id ? brDelIf(kctx, port.id) : kerr('EINVAL');
  });
  return r.ok ? null : r.error.errno;
}

export function busyboxBrctl(io: CommandIO): number {
  const argv = io.argv.slice(1);
  const word = argv[0];
  if (word === undefined) {
    io.err(USAGE);
    return 1;
  }
  if (word === '--help') {
    io.err(USAGE);
    return 0;
  }
  const key = KEYWORDS.indexOf(word as (typeof KEYWORDS)[number]);
  if (key < 0) {
    io.err(`brctl: invalid argument '${word}' to 'brctl'\n`);
    return 1;
  }
  const br = argv[1];
  if (br === undefined) {
    io.err(USAGE);
    return 1;
  }
  if (word === 'addbr' || word === 'delbr') {
    // Trailing arguments are ignored, as bridge-utils does.
    const err = bridgeIoctl(io, br, word === 'addbr');
    if (err) {
      io.err(`brctl: bridge ${br}: ${strerror(err)}\n`);
      return 1;
    }
    return 0;
  }
  const iface = argv[2];
  if (iface === undefined) {
    io.err(USAGE);
    return 1;
  }
  // if_nametoindex() fails with ENODEV before any ioctl.
  if (!devByName(io.os.state.kernel, io.proc.ns, iface)) {
    io.err(`brctl: iface ${iface}: ${strerror('ENODEV')}\n`);
    return 1;
  }
  const err = portIoctl(io, br, iface, word === 'addif');
  if (err) {
    io.err(`brctl: bridge ${br}: ${strerror(err)}\n`);
    return 1;
  }
  return 0;
}
