/**
 * `brctl` from bridge-utils 1.7.1 (brctl/brctl.c, brctl_cmd.c, libbridge): getopt_long for -h/-V, then a
 * command looked up by its exact name, an argument count check, and the command. Bridges are created and
 * deleted with the SIOCBRADDBR/SIOCBRDELBR ioctls (names cut to IFNAMSIZ-1), ports added and removed with
 * SIOCBRADDIF/SIOCBRDELIF, and parameters written to sysfs; every message below was checked against the
 * Debian 12 binary.
 */
import type { BridgeDevice, Errno, KernelCtx, KResult, NetDevice } from '../../../kernel';
import {
  allocName,
  brAddIf,
  brDelIf,
  brSetParam,
  brSetPort,
  createBridge,
  devByName,
  kerr,
  kok,
  strerror,
  unregisterDevice,
  type BridgeParam,
  type PortChange,
  xaGet,
} from '../../../kernel';
import type { CommandIO } from '../../types';
import { permitted } from '../../capability';
import { dockerReadOnlyMount } from '../../readonly_mounts';
import { scanDouble, scanInt, secondsToCentis } from './cparse';
import { SHOW_HEADER, bridgesOf, showBridgeRow, showMacs, showStp } from './show';

/** Ends the command: text for stderr and the exit code. */
class BrctlExit extends Error {
  constructor(
    readonly text: string,
    readonly code: number,
  ) {
    super(text);
  }
}

function fail(text: string): never {
  throw new BrctlExit(`${text}\n`, 1);
}

interface Cmd {
  nargs: number;
  name: string;
  help: string;
  run: (io: CommandIO, argv: string[]) => number;
}

/** IFNAMSIZ - 1: what the bridge ioctls copy of a name. */
const cut = (name: string) => name.slice(0, 15);

function lookup(io: CommandIO, name: string): NetDevice | null {
  return devByName(io.os.state.kernel, io.proc.ns, name);
}

function bridgeNamed(io: CommandIO, name: string): BridgeDevice | null {
  const d = lookup(io, name);
  return d && d.kind === 'bridge' ? d : null;
}

function mutate<T>(io: CommandIO, fn: (kctx: KernelCtx) => KResult<T>): KResult<T> {
  return io.os.mutate(({ kctx }) => fn(kctx));
}

function addbr(io: CommandIO, argv: string[]): number {
  const name = cut(argv[1] as string);
  // br_ioctl_stub() checks CAP_NET_ADMIN before anything else.
  if (!permitted(io.proc, 'ioctl')) fail(`add bridge failed: ${strerror('EPERM')}`);
  const r = mutate(io, (kctx) => {
    // dev_get_valid_name(): a "%d" pattern takes the first free number.
    const ok = name.length > 0 && !/[/:\s]/.test(name) && name !== '.' && name !== '..';
    const real = ok && name.includes('%d') ? allocName(kctx, io.proc.ns, name) : name;
    const br = createBridge(kctx, { ns: io.proc.ns, name: real });
    return br.ok ? kok(undefined) : br;
  });
  if (r.ok) return 0;
  if (r.error.errno === 'EEXIST')
    fail(`device ${argv[1]} already exists; can't create bridge with the same name`);
  fail(`add bridge failed: ${strerror(r.error.errno)}`);
}

/** br_del_bridge(): ENXIO when absent, EPERM for a device that is not a bridge, EBUSY while up. */
function delbr(io: CommandIO, argv: string[]): number {
  const name = argv[1] as string;
  if (!permitted(io.proc, 'ioctl')) fail(`can't delete bridge ${name}: ${strerror('EPERM')}`);
  const dev = lookup(io, cut(name));
  if (!dev) fail(`bridge ${name} doesn't exist; can't delete it`);
  if (dev.kind !== 'bridge') fail(`can't delete bridge ${name}: ${strerror('EPERM')}`);
  if (dev.adminUp) fail(`bridge ${name} is still up; can't delete it`);
  const id = dev.id;
  io.os.mutate(({ kctx }) => unregisterDevice(kctx, id));
  return 0;
}

/** The ioctl on the bridge name: ENODEV when there is none, EOPNOTSUPP when it is not a bridge. */
function ifIoctl(io: CommandIO, brName: string, ifName: string, add: boolean): Errno | null {
  const port = lookup(io, ifName);
  if (!port) return 'ENODEV';
  const br = lookup(io, cut(brName));
  // Refused SIOCBRADDIF/SIOCBRDELIF (EPERM), brctl falls back to SIOCDEVPRIVATE on the bridge name, which
  // finds the device first (ENODEV, EOPNOTSUPP for a non-bridge) and then add_del_if() checks CAP_NET_ADMIN.
  if (!br) return 'ENODEV';
  if (br.kind !== 'bridge') return 'EOPNOTSUPP';
  if (!permitted(io.proc, 'ioctl')) return 'EPERM';
  const brId = br.id;
  const portId = port.id;
  const r = mutate(io, (kctx): KResult<void> => {
    const p = xaGet(kctx.k.devices, portId);
    if (add) return p?.master ? kerr('EBUSY') : brAddIf(kctx, brId, portId);
    // br_del_if(): EINVAL unless it is a port of this bridge.
    return p?.master === brId ? brDelIf(kctx, portId) : kerr('EINVAL');
  });
  return r.ok ? null : r.error.errno;
}

function addif(io: CommandIO, argv: string[]): number {
  const br = argv[1] as string;
  for (const ifname of argv.slice(2)) {
    const err = ifIoctl(io, br, ifname, true);
    if (err === null) continue;
    if (err === 'ENODEV')
      fail(lookup(io, ifname) ? `bridge ${br} does not exist!` : `interface ${ifname} does not exist!`);
    if (err === 'EBUSY')
      fail(`device ${ifname} is already a member of a bridge; can't add it to bridge ${br}.`);
    if (err === 'ELOOP')
      fail(`device ${ifname} is a bridge device itself; can't add a bridge device to a bridge device.`);
    fail(`can't add ${ifname} to bridge ${br}: ${strerror(err)}`);
  }
  return 0;
}

function delif(io: CommandIO, argv: string[]): number {
  const br = argv[1] as string;
  for (const ifname of argv.slice(2)) {
    const err = ifIoctl(io, br, ifname, false);
    if (err === null) continue;
    if (err === 'ENODEV')
      fail(lookup(io, ifname) ? `bridge ${br} does not exist!` : `interface ${ifname} does not exist!`);
    if (err === 'EINVAL') fail(`device ${ifname} is not a port of ${br}`);
    fail(`can't delete ${ifname} from ${br}: ${strerror(err)}`);
  }
  return 0;
}

/** A write to /sys/class/net/BR/bridge/FILE (or the ioctl fallback): ENODEV, EOPNOTSUPP or the setter's error. */
function setBridge(io: CommandIO, name: string, param: BridgeParam, value: number): Errno | null {
  const dev = lookup(io, name);
  if (!dev) return 'ENODEV';
  // The sysfs store (or old_dev_ioctl(), when a container's read-only /sys sends brctl to its fallback)
  // checks CAP_NET_ADMIN on the device it found.
  if (!permitted(io.proc, 'ioctl')) return 'EPERM';
  const id = dev.id;
  const r = mutate(io, (kctx) => brSetParam(kctx, id, param, value));
  return r.ok ? null : r.error.errno;
}

/** A write to /sys/class/net/PORT/brport/FILE: the bridge named on the command line is not used. */
function setPort(io: CommandIO, name: string, change: Partial<PortChange>): Errno | null {
  const dev = lookup(io, name);
  if (!dev) return 'ENODEV';
  if (!dev.port) return 'ENOENT';
  // A refused sysfs write (brport_store() checks CAP_NET_ADMIN; a container's /sys is read-only) sends
  // port_set() to old_dev_ioctl(), which checks CAP_NET_ADMIN for the path cost and priority but has no
  // command for hairpin_mode (oldcode 0): EOPNOTSUPP.
  const sysfsRefused = !permitted(io.proc, 'ioctl') || dockerReadOnlyMount(io.proc);
  if (sysfsRefused && change.flags?.hairpin !== undefined) return 'EOPNOTSUPP';
  if (!permitted(io.proc, 'ioctl')) return 'EPERM';
  const id = dev.id;
  const full: PortChange = {
    flags: {},
    cost: null,
    priority: null,
    state: null,
    mcastRouter: null,
    ...change,
  };
  const r = mutate(io, (kctx) => brSetPort(kctx, id, full));
  return r.ok ? null : r.error.errno;
}

/** setageing, setfd, sethello, setmaxage: seconds (strtotimeval), written as centiseconds. */
function timeSetter(param: BridgeParam, bad: string, what: string) {
  return (io: CommandIO, argv: string[]): number => {
    const secs = scanDouble(argv[2] as string);
    if (secs === null) fail(bad);
    const err = setBridge(io, argv[1] as string, param, secondsToCentis(secs));
    if (err) fail(`${what} failed: ${strerror(err)}`);
    return 0;
  };
}

function setbridgeprio(io: CommandIO, argv: string[]): number {
  const prio = scanInt(argv[2] as string);
  if (prio === null) fail('bad priority');
  const err = setBridge(io, argv[1] as string, 'priority', prio);
  if (err) fail(`set bridge priority failed: ${strerror(err)}`);
  return 0;
}

function setpathcost(io: CommandIO, argv: string[]): number {
  const cost = scanInt(argv[3] as string);
  if (cost === null) fail('bad path cost value');
  const err = setPort(io, argv[2] as string, { cost });
  if (err) fail(`set path cost failed: ${strerror(err)}`);
  return 0;
}

function setportprio(io: CommandIO, argv: string[]): number {
  const prio = scanInt(argv[3] as string);
  if (prio === null) fail('bad path priority value');
  const err = setPort(io, argv[2] as string, { priority: prio });
  if (err) fail(`set port priority failed: ${strerror(err)}`);
  return 0;
}

function onOff(word: string): boolean | null {
  if (word === 'on' || word === 'yes' || word === '1') return true;
  if (word === 'off' || word === 'no' || word === '0') return false;
  return null;
}

function stp(io: CommandIO, argv: string[]): number {
  const on = onOff(argv[2] as string);
  if (on === null) fail('expect on/off for argument');
  const err = setBridge(io, argv[1] as string, 'stp', on ? 1 : 0);
  if (err) fail(`set stp status failed: ${strerror(err)}`);
  return 0;
}

function hairpin(io: CommandIO, argv: string[]): number {
  const [, br, port, mode] = argv as [string, string, string, string];
  const on = onOff(mode);
  if (on === null) fail('expect on/off for argument');
  if (!lookup(io, port)) fail(`interface ${port} does not exist!`);
  if (!lookup(io, br)) fail(`bridge ${br} does not exist!`);
  const err = setPort(io, port, { flags: { hairpin: on } });
  if (err) fail(`can't set ${port} to hairpin on bridge ${br}: ${strerror(err)}`);
  return 0;
}

/** Reads of a bridge's sysfs directory: "does not exist" / "is not a bridge". */
function needBridge(io: CommandIO, name: string): BridgeDevice {
  const br = bridgeNamed(io, name);
  if (br) return br;
  if (lookup(io, name)) fail(`device ${name} is not a bridge!`);
  fail(`bridge ${name} does not exist!`);
}

/** br_cmd_show(): the header comes with the first bridge shown; unknown names are reported and counted. */
function show(io: CommandIO, argv: string[]): number {
  const ctx = io.os.view();
  let header = true;
  let errs = 0;
  const emit = (br: BridgeDevice) => {
    if (header) io.out(SHOW_HEADER);
    header = false;
    io.out(showBridgeRow(ctx, br));
  };
  if (argv.length === 1) {
    for (const br of bridgesOf(ctx, io.proc.ns)) emit(br);
    return 0;
  }
  for (const name of argv.slice(1)) {
    try {
      emit(needBridge(io, name));
    } catch (e) {
      if (!(e instanceof BrctlExit)) throw e;
      io.err(e.text);
      errs++;
    }
  }
  return errs > 0 ? 1 : 0;
}

function showmacs(io: CommandIO, argv: string[]): number {
  const name = argv[1] as string;
  const dev = lookup(io, name);
  if (!dev) fail(`read of forward table failed: ${strerror('ENODEV')}`);
  if (dev.kind !== 'bridge') fail(`read of forward table failed: ${strerror('EOPNOTSUPP')}`);
  io.out(showMacs(io.os.view(), dev));
  return 0;
}

function showstp(io: CommandIO, argv: string[]): number {
  io.out(showStp(io.os.view(), needBridge(io, argv[1] as string)));
  return 0;
}

const COMMANDS: readonly Cmd[] = [
  { nargs: 1, name: 'addbr', help: '<bridge>\t\tadd bridge', run: addbr },
  { nargs: 1, name: 'delbr', help: '<bridge>\t\tdelete bridge', run: delbr },
  { nargs: 2, name: 'addif', help: '<bridge> <device>\tadd interface to bridge', run: addif },
  { nargs: 2, name: 'delif', help: '<bridge> <device>\tdelete interface from bridge', run: delif },
  { nargs: 3, name: 'hairpin', help: '<bridge> <port> {on|off}\tturn hairpin on/off', run: hairpin },
  {
    nargs: 2,
    name: 'setageing',
    help: '<bridge> <time>\t\tset ageing time',
    run: timeSetter('ageingTime', 'bad ageing time value', 'set ageing time'),
  },
  { nargs: 2, name: 'setbridgeprio', help: '<bridge> <prio>\t\tset bridge priority', run: setbridgeprio },
  {
    nargs: 2,
    name: 'setfd',
    help: '<bridge> <time>\t\tset bridge forward delay',
    run: timeSetter('forwardDelay', 'bad forward delay value', 'set forward delay'),
  },
  {
    nargs: 2,
    name: 'sethello',
    help: '<bridge> <time>\t\tset hello time',
    run: timeSetter('helloTime', 'bad hello timer value', 'set hello timer'),
  },
  {
    nargs: 2,
    name: 'setmaxage',
    help: '<bridge> <time>\t\tset max message age',
    run: timeSetter('maxAge', 'bad max age value', 'set max age'),
  },
  { nargs: 3, name: 'setpathcost', help: '<bridge> <port> <cost>\tset path cost', run: setpathcost },
  { nargs: 3, name: 'setportprio', help: '<bridge> <port> <prio>\tset port priority', run: setportprio },
  { nargs: 0, name: 'show', help: '[ <bridge> ]\t\tshow a list of bridges', run: show },
  { nargs: 1, name: 'showmacs', help: '<bridge>\t\tshow a list of mac addrs', run: showmacs },
  { nargs: 1, name: 'showstp', help: '<bridge>\t\tshow bridge stp info', run: showstp },
  { nargs: 2, name: 'stp', help: '<bridge> {on|off}\tturn stp on/off', run: stp },
];

/** help(): "\t%-10s\t%s\n" per command. */
function helpText(): string {
  let out = 'Usage: brctl [commands]\ncommands:\n';
  for (const c of COMMANDS) out += `\t${c.name.padEnd(10)}\t${c.help}\n`;
  return out;
}

type Getopt =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'bad'; message: string }
  | { kind: 'args'; rest: string[] };

/**
 * getopt_long(argc, argv, "Vh", {help, version}): GNU getopt moves options out from anywhere in the
 * command line, stops at "--", and reports the first unknown option, which brctl turns into its help.
 */
function getopt(argv: readonly string[]): Getopt {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') return { kind: 'args', rest: [...rest, ...argv.slice(i + 1)] };
    if (a.startsWith('--')) {
      const name = a.slice(2).split('=')[0] as string;
      const hits = ['help', 'version'].filter((o) => o.startsWith(name));
      if (name === '' || hits.length !== 1)
        return { kind: 'bad', message: `brctl: unrecognized option '${a}'\n` };
      return { kind: hits[0] === 'help' ? 'help' : 'version' };
    }
    if (a.startsWith('-') && a.length > 1) {
      const c = a[1] as string;
      if (c === 'h') return { kind: 'help' };
      if (c === 'V') return { kind: 'version' };
      return { kind: 'bad', message: `brctl: invalid option -- '${c}'\n` };
    }
    rest.push(a);
  }
  return { kind: 'args', rest };
}

export function bridgeUtilsBrctl(io: CommandIO): number {
  const opt = getopt(io.argv.slice(1));
  if (opt.kind === 'help') {
    io.out(helpText());
    return 0;
  }
  if (opt.kind === 'version') {
    io.out('bridge-utils, 1.7\n');
    return 0;
  }
  if (opt.kind === 'bad') {
    io.err(`${opt.message}Unknown option '?'\n`);
    io.out(helpText());
    return 1;
  }
  const argv = opt.rest;
  const name = argv[0];
  if (name === undefined) {
    io.out(helpText());
    return 1;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.err(`never heard of command [${name}]\n`);
    io.out(helpText());
    return 1;
  }
  if (argv.length < cmd.nargs + 1) {
    io.out(`Incorrect number of arguments for command\nUsage: brctl ${cmd.name} ${cmd.help}\n`);
    return 1;
  }
  try {
    return cmd.run(io, argv);
  } catch (e) {
    if (!(e instanceof BrctlExit)) throw e;
    io.err(e.text);
    return e.code;
  }
}
