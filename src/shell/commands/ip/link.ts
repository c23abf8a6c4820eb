/**
 * `ip link add | set | delete | show` (ip/iplink.c, iplink_parse, ip/link_veth.c, ip/iplink_bridge.c).
 * A `set` is one RTM_NEWLINK whose attributes the kernel applies in do_setlink()'s order: namespace, MAC,
 * MTU, name, master, flags (up/down), txqueuelen.
 */
import type { Mac } from '../../../lib';
import { parseMac } from '../../../lib';
import type { DevId, KResult, NetDevice, NsId } from '../../../kernel';
import {
  brAddIf,
  brDelIf,
  changeNetns,
  closeDevice,
  createBridge,
  createVethPair,
  devByName,
  openDevice,
  renameDevice,
  setMac,
  setMtu,
  setTxqlen,
  unregisterDevice,
  validDevName,
} from '../../../kernel';
import type { CommandIO } from '../../types';
import type { IpOpts } from './opts';
import { Args, IpError, cannotFindDevice, invalidArg, matches, rtnlError } from './util';
import { resolveNetns } from './netns';
import { showLinks } from './link_show';

/** The attributes iplink_parse() collects for one device. */
export interface LinkAttrs {
  dev: string | null;
  name: string | null;
  txqlen: number | null;
  mtu: number | null;
  mac: Mac | null;
  netns: NsId | null;
  up: boolean | null;
  master: string | null;
  nomaster: boolean;
  type: string | null;
  typeArgs: string[];
}

function parseU32(what: string, v: string): number {
  if (!/^\d+$/.test(v) || Number(v) > 0xffffffff) throw invalidArg(`Invalid "${what}" value`, v);
  return Number(v);
}

/** iplink_parse(): keywords in any order; a bare word is the device name; "type" takes the rest. */
export function parseLinkAttrs(io: CommandIO, argv: readonly string[], forPeer = false): LinkAttrs {
  const a: LinkAttrs = {
    dev: null,
    name: null,
    txqlen: null,
    mtu: null,
    mac: null,
    netns: null,
    up: null,
    master: null,
    nomaster: false,
    type: null,
    typeArgs: [],
  };
  const args = new Args(argv);
  while (!args.done) {
    const w = args.next() as string;
    if (w === 'up') a.up = true;
    else if (w === 'down') a.up = false;
    else if (w === 'name') {
      const v = args.value();
      if (a.name !== null) throw new IpError(`Error: either "name" is duplicate, or "${v}" is a garbage.\n`, 255);
      if (!validDevName(v)) throw invalidArg('"name" not a valid ifname', v);
      a.name = v;
      if (forPeer) a.dev = v;
    } else if (matches(w, 'txqueuelen') || w === 'qlen' || matches(w, 'txqlen')) {
      a.txqlen = parseU32('txqueuelen', args.value());
    } else if (w === 'mtu') {
      a.mtu = parseU32('mtu', args.value());
    } else if (w === 'address') {
      const v = args.value();
      const mac = parseMac(v);
      if (!mac) throw new IpError(`"${v}" is invalid lladdr.\n`, 255);
      a.mac = mac;
    } else if (w === 'netns') {
      const v = args.value();
      const ns = resolveNetns(io, v);
      if (ns === null) throw invalidArg('Invalid "netns" value', v);
      a.netns = ns;
    } else if (w === 'master') {
      a.master = args.value();
    } else if (w === 'nomaster') {
      a.nomaster = true;
    } else if (matches(w, 'type')) {
      a.type = args.value();
      a.typeArgs = args.rest();
    } else {
      const v = w === 'dev' ? args.value() : w;
      if (a.dev !== null) throw new IpError(`Error: either "dev" is duplicate, or "${v}" is a garbage.\n`, 255);
      if (!validDevName(v)) throw invalidArg('"dev" not a valid ifname', v);
      a.dev = v;
    }
  }
  return a;
}

function check<T>(r: KResult<T>): T {
  if (!r.ok) throw rtnlError(r.error);
  return r.value;
}

function findDev(io: CommandIO, ns: NsId, name: string): NetDevice {
  const d = devByName(io.os.state.kernel, ns, name);
  if (!d) throw cannotFindDevice(name);
  return d;
}

/** Apply the settable attributes to an existing device, in do_setlink() order. */
function applySet(io: CommandIO, ns: NsId, id: DevId, a: LinkAttrs): void {
  io.os.mutate(({ kctx }) => {
    if (a.netns !== null) check(changeNetns(kctx, id, a.netns));
    const dev = kctx.k.devices[id] as NetDevice;
    if (a.mac !== null) check(setMac(kctx, id, a.mac));
    if (a.mtu !== null) check(setMtu(kctx, id, a.mtu));
    if (a.name !== null && a.name !== dev.name) check(renameDevice(kctx, id, a.name));
    if (a.master !== null) {
      const br = devByName(kctx.k, dev.ns, a.master);
      if (!br) throw invalidArg('Device does not exist\n', a.master);
      check(brAddIf(kctx, br.id, id));
    }
    if (a.nomaster) check(brDelIf(kctx, id));
    if (a.up === true) openDevice(kctx, id);
    if (a.up === false) closeDevice(kctx, id);
    if (a.txqlen !== null) check(setTxqlen(kctx, id, a.txqlen));
  });
  void ns;
}

function doAdd(io: CommandIO, opts: IpOpts, argv: string[]): number {
  const a = parseLinkAttrs(io, argv);
  if (a.type === null) throw new IpError('Not enough information: "type" argument is required\n', 255);
  const ns = opts.ns;
  const name = a.name ?? a.dev;
  if (a.master !== null && !devByName(io.os.state.kernel, ns, a.master)) {
    throw invalidArg('Device does not exist\n', a.master);
  }
  if (a.type === 'veth') {
    let peer: LinkAttrs | null = null;
    if (a.typeArgs.length > 0) {
      if (a.typeArgs[0] !== 'peer') throw new IpError(`Error: argument "${a.typeArgs[0]}" is wrong: unknown option\n`, 255);
      peer = parseLinkAttrs(io, a.typeArgs.slice(1), true);
    }
    io.os.mutate(({ kctx }) => {
      const r = check(
        createVethPair(
          kctx,
          { ns, name, mac: a.mac, mtu: a.mtu, txqlen: a.txqlen },
          {
            ns: peer?.netns ?? ns,
            name: peer?.name ?? peer?.dev ?? null,
            mac: peer?.mac ?? null,
            mtu: peer?.mtu ?? a.mtu,
            txqlen: peer?.txqlen ?? null,
          },
        ),
      );
      if (a.master !== null) {
        const br = devByName(kctx.k, ns, a.master);
        if (br) check(brAddIf(kctx, br.id, r.dev));
      }
      if (a.up) openDevice(kctx, r.dev);
      if (peer?.up) openDevice(kctx, r.peer);
    });
    return 0;
  }
  if (a.type === 'bridge') {
    io.os.mutate(({ kctx }) => {
      const br = check(createBridge(kctx, { ns, name, mtu: a.mtu, txqlen: a.txqlen, mac: a.mac }));
      if (a.up) openDevice(kctx, br.id);
    });
    return 0;
  }
  throw new IpError(`Error: Unknown device type.\n`, 2);
}

function doSet(io: CommandIO, opts: IpOpts, argv: string[]): number {
  const a = parseLinkAttrs(io, argv);
  if (a.dev === null) throw new IpError('Not enough information: "dev" argument is required.\n', 255);
  const dev = findDev(io, opts.ns, a.dev);
  applySet(io, opts.ns, dev.id, a);
  return 0;
}

function doDelete(io: CommandIO, opts: IpOpts, argv: string[]): number {
  const a = parseLinkAttrs(io, argv);
  if (a.dev === null) throw new IpError('Not enough information: "dev" argument is required.\n', 255);
  const dev = findDev(io, opts.ns, a.dev);
  if (dev.kind === 'loopback' || dev.kind === 'ether') throw new IpError('RTNETLINK answers: Operation not supported\n', 2);
  io.os.mutate(({ kctx }) => unregisterDevice(kctx, dev.id));
  return 0;
}

export function doIpLink(io: CommandIO, opts: IpOpts, argv: string[]): number {
  const sub = argv[0];
  if (sub === undefined) return showLinks(io, opts, []);
  const rest = argv.slice(1);
  if (matches(sub, 'add')) return doAdd(io, opts, rest);
  if (matches(sub, 'set') || matches(sub, 'change')) return doSet(io, opts, rest);
  if (matches(sub, 'delete')) return doDelete(io, opts, rest);
  if (matches(sub, 'show') || matches(sub, 'lst') || matches(sub, 'list')) return showLinks(io, opts, rest);
  throw new IpError(`Command "${sub}" is unknown, try "ip link help".\n`, 255);
}
