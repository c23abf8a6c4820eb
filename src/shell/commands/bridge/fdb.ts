/**
 * `bridge fdb` (iproute2 6.1 bridge/fdb.c): show (the kernel's fdb dump, see kernel/bridge/br_fdb_dump.ts),
 * add/append/replace/delete (fdb_modify: one RTM_NEWNEIGH/RTM_DELNEIGH) and get.
 */
import type { FdbRecord, KernelError, KernelState, NetDevice, NsId } from '../../../kernel';
import {
  brFdbAdd,
  brFdbDelete,
  devByName,
  devOf,
  fdbDump,
  fdbFind,
  fdbTarget,
  kerr,
  kok,
  type KResult,
} from '../../../kernel';
import type { CommandIO } from '../../types';
import { permitted } from '../../capability';
import { Printer } from '../ip/printer';
import { Args, IpError, matches } from '../ip/util';
import type { BridgeOpts } from './opts';
import { nodev, rtnlAnswers } from './util';

const FDB_USAGE = `Usage: bridge fdb { add | append | del | replace } ADDR dev DEV
              [ self ] [ master ] [ use ] [ router ] [ extern_learn ]
              [ sticky ] [ local | static | dynamic ] [ vlan VID ]
              { [ dst IPADDR ] [ port PORT] [ vni VNI ] | [ nhid NHID ] }
	       [ via DEV ] [ src_vni VNI ]
       bridge fdb [ show [ br BRDEV ] [ brport DEV ] [ vlan VID ]
              [ state STATE ] [ dynamic ] ]
       bridge fdb get [ to ] LLADDR [ br BRDEV ] { brport | dev } DEV
              [ vlan VID ] [ vni VNI ] [ self ] [ master ] [ dynamic ]
       bridge fdb flush dev DEV [ brport DEV ] [ vlan VID ]
              [ self ] [ master ] [ [no]permanent | [no]static | [no]dynamic ]
              [ [no]added_by_user ] [ [no]extern_learn ] [ [no]sticky ]
              [ [no]offloaded ]
`;

function usage(): never {
  throw new IpError(FDB_USAGE, 255);
}

/** NUD_* bits as fdb.c filters and sends them. */
const NUD_REACHABLE = 0x02;
const NUD_STALE = 0x04;
const NUD_NOARP = 0x40;
const NUD_PERMANENT = 0x80;

function nudOf(r: FdbRecord): number {
  return r.state === 'permanent' ? NUD_PERMANENT : r.state === 'static' ? NUD_NOARP : NUD_REACHABLE;
}

/** state_a2n() */
function stateA2n(arg: string): number | null {
  if (matches(arg, 'permanent')) return NUD_PERMANENT;
  if (matches(arg, 'static') || matches(arg, 'temp')) return NUD_NOARP;
  if (matches(arg, 'stale')) return NUD_STALE;
  if (matches(arg, 'reachable') || matches(arg, 'dynamic')) return NUD_REACHABLE;
  if (arg === 'all') return 0xffffffff;
  // get_unsigned(): a number in any C base.
  const n = /^0x[0-9a-f]+$/i.test(arg)
    ? parseInt(arg, 16)
    : /^0[0-7]*$/.test(arg)
      ? parseInt(arg, 8)
      : /^[1-9]\d*$/.test(arg)
        ? Number(arg)
        : NaN;
  return Number.isNaN(n) ? null : n;
}

export interface PrintCtx {
  p: Printer;
  ns: NsId;
  k: KernelState;
  /** filter_index: the dev column is left out when a device was given. */
  filterIndex: boolean;
  stats: boolean;
}

function nameOf(k: KernelState, id: string): string {
  return devOf(k, id).name;
}

/** print_fdb() */
export function printFdb(c: PrintCtx, r: FdbRecord): void {
  const { p } = c;
  p.openObject();
  p.string('any', 'mac', '%s ', r.mac);
  if (!c.filterIndex) {
    p.string('fp', null, 'dev ', null);
    p.string('any', 'ifname', '%s ', nameOf(c.k, r.dev));
  }
  if (c.stats && r.usedAgoUs !== null && r.updatedAgoUs !== null) {
    // NDA_CACHEINFO in clock_t, divided by get_user_hz() (100): whole seconds.
    const used = Math.floor(r.usedAgoUs / 1_000_000);
    const updated = Math.floor(r.updatedAgoUs / 1_000_000);
    if (p.isJson) {
      p.num('json', 'used', null, used);
      p.num('json', 'updated', null, updated);
    } else p.fp(`used ${used}/${updated} `);
  }
  p.openArray('json', 'flags');
  if (r.self) p.string('any', null, '%s ', 'self');
  p.closeArray('json', null);
  if (r.master !== null) p.string('any', 'master', 'master %s ', nameOf(c.k, r.master));
  p.string('any', 'state', '%s\n', r.state === 'reachable' ? '' : r.state);
  p.closeObject();
}

function show(io: CommandIO, opts: BridgeOpts, argv: string[]): number {
  let filterDev: string | null = null;
  let br: string | null = null;
  let vlan = 0;
  let state = 0;
  let dynamic = false;
  const args = new Args(argv);
  while (!args.done) {
    const w = args.next() as string;
    if (w === 'brport' || w === 'dev') filterDev = args.value();
    else if (w === 'br') br = args.value();
    else if (w === 'vlan') {
      const v = args.value();
      if (vlan) throw new IpError(`Error: duplicate "vlan": "${v}" is the second value.\n`, 255);
      vlan = Number(/^\s*[+-]?\d+/.exec(v)?.[0] ?? 0);
    } else if (w === 'state') {
      const v = args.value();
      const s = stateA2n(v);
      if (s === null) throw new IpError(`Error: argument "${v}" is wrong: invalid state\n`, 255);
      state |= s;
    } else if (w === 'dynamic') dynamic = true;
    else if (matches(w, 'help')) usage();
  }
  const k = io.os.state.kernel;
  let brDev: NetDevice | null = null;
  if (br !== null) {
    brDev = devByName(k, opts.ns, br);
    if (!brDev) throw new IpError(`Cannot find bridge device "${br}"\n`, 255);
  }
  let dev: NetDevice | null = null;
  if (filterDev !== null) {
    dev = devByName(k, opts.ns, filterDev);
    if (!dev) throw nodev(filterDev);
  }
  const records = fdbDump(io.os.view(), opts.ns, { br: brDev?.id ?? null, dev: dev?.id ?? null });
  const p = new Printer({ json: opts.json, pretty: opts.pretty, oneline: opts.oneline });
  const c: PrintCtx = { p, ns: opts.ns, k, filterIndex: dev !== null, stats: opts.stats > 0 };
  p.newJsonObj();
  for (const r of records) {
    if (state && !(nudOf(r) & state)) continue;
    // No entry has a VLAN on this kernel: any VLAN filter matches nothing.
    if (vlan) continue;
    if (dynamic && r.state === 'permanent') continue;
    printFdb(c, r);
  }
  p.deleteJsonObj();
  p.flush(io);
  return 0;
}

/** sscanf("%hhx:%hhx:%hhx:%hhx:%hhx:%hhx"): six hex numbers, each kept to its low byte. */
function scanMac(s: string): string | null {
  const m =
    /^\s*(?:0[xX])?([0-9a-fA-F]+):\s*(?:0[xX])?([0-9a-fA-F]+):\s*(?:0[xX])?([0-9a-fA-F]+):\s*(?:0[xX])?([0-9a-fA-F]+):\s*(?:0[xX])?([0-9a-fA-F]+):\s*(?:0[xX])?([0-9a-fA-F]+)/.exec(
      s,
    );
  if (!m) return null;
  return m
    .slice(1, 7)
    .map((h) => (parseInt(h.slice(-2), 16) & 255).toString(16).padStart(2, '0'))
    .join(':');
}

interface ModifyReq {
  mac: string;
  dev: NetDevice;
  self: boolean;
  master: boolean;
  permanent: boolean;
  noarp: boolean;
  reachable: boolean;
}

/** fdb_modify()'s parsing: the address, dev and the state and flag words, with its defaults. */
function parseModify(io: CommandIO, opts: BridgeOpts, argv: string[]): ModifyReq {
  let addr: string | null = null;
  let d: string | null = null;
  let self = false;
  let master = false;
  let permanent = false;
  let reachable = false;
  let noarp = true;
  let vid = -1;
  const args = new Args(argv);
  while (!args.done) {
    let w = args.next() as string;
    if (w === 'dev') d = args.value();
    else if (w === 'dst' || w === 'nhid' || w === 'port' || w === 'vni' || w === 'src_vni' || w === 'via') {
      args.value();
      throw new IpError(`bridge fdb: "${w}" (VXLAN remotes) is not simulated here\n`, 1);
    } else if (w === 'self') self = true;
    else if (matches(w, 'master')) master = true;
    else if (matches(w, 'local') || matches(w, 'permanent')) permanent = true;
    else if (matches(w, 'temp') || matches(w, 'static')) reachable = true;
    else if (matches(w, 'dynamic')) {
      reachable = true;
      noarp = false;
    } else if (matches(w, 'vlan')) {
      if (vid >= 0) throw new IpError(`Error: either "vlan" is duplicate, or "${w}" is a garbage.\n`, 255);
      vid = Number(/^\s*[+-]?\d+/.exec(args.value())?.[0] ?? 0);
    } else if (
      matches(w, 'router') ||
      matches(w, 'use') ||
      matches(w, 'extern_learn') ||
      matches(w, 'sticky')
    ) {
      /* NTF_ROUTER/NTF_USE/NTF_EXT_LEARNED/NTF_STICKY: no effect on what is shown here */
    } else {
      if (w === 'to') w = args.value();
      if (matches(w, 'help')) usage();
      if (addr !== null) throw new IpError(`Error: either "to" is duplicate, or "${w}" is a garbage.\n`, 255);
      addr = w;
    }
  }
  if (d === null || addr === null) throw new IpError('Device and address are required arguments.\n', 255);
  // Assume self; assume permanent.
  if (!self && !master) self = true;
  if (!permanent && !reachable) permanent = true;
  const mac = scanMac(addr);
  if (mac === null) throw new IpError(`Invalid mac address ${addr}\n`, 255);
  const dev = devByName(io.os.state.kernel, opts.ns, d);
  if (!dev) throw nodev(d);
  // rtnetlink_rcv_msg() refuses RTM_NEWNEIGH/RTM_DELNEIGH without CAP_NET_ADMIN before any handler.
  if (!permitted(io.proc, 'rtnetlink')) throw rtnlAnswers('EPERM');
  // This kernel has no VLAN filtering: a VLAN on a bridge entry is refused like any VLAN request.
  if (vid >= 0) throw rtnlAnswers('EOPNOTSUPP');
  return { mac, dev, self, master, permanent, noarp, reachable };
}

/**
 * rtnl_fdb_add / rtnl_fdb_del: `master` on a bridge port goes to its bridge, then `self` to the device itself
 * (for a bridge, br_fdb_add/br_fdb_delete with no port); the first failure ends the request, and a request
 * nothing handled is EOPNOTSUPP.
 */
function runModify(
  io: CommandIO,
  req: ModifyReq,
  op: 'add' | 'del',
  flags: { create: boolean; excl: boolean },
): KResult<void> {
  const state = { permanent: req.permanent, noarp: req.noarp, reachable: req.reachable };
  const id = req.dev.id;
  return io.os.mutate(({ kctx }): KResult<void> => {
    let done = false;
    for (const master of [true, false]) {
      if (master ? !req.master || !fdbTarget(kctx, id, true) : !req.self) continue;
      const r =
        op === 'add'
          ? brFdbAdd(kctx, id, master, req.mac, state, flags)
          : brFdbDelete(kctx, id, master, req.mac);
      if (!r.ok) return r;
      done = true;
    }
    return done ? kok(undefined) : kerr('EOPNOTSUPP');
  });
}

function modify(
  io: CommandIO,
  opts: BridgeOpts,
  argv: string[],
  op: 'add' | 'del',
  flags: { create: boolean; excl: boolean },
): number {
  const req = parseModify(io, opts, argv);
  // ndo_dflt_fdb_add/del edit an ordinary device's own unicast/multicast lists: not simulated.
  if (req.self && req.dev.kind !== 'bridge') {
    throw new IpError("bridge fdb: a device's own address list (self) is only simulated on bridges\n", 1);
  }
  const r = runModify(io, req, op, flags);
  if (!r.ok) throw rtnlAnswers(r.error);
  return 0;
}

/** fdb_get(): one entry of a bridge, by `br BR` or by a port (`dev PORT`). */
function get(io: CommandIO, opts: BridgeOpts, argv: string[]): number {
  let d: string | null = null;
  let br: string | null = null;
  let addr: string | null = null;
  let dynamic = false;
  const args = new Args(argv);
  while (!args.done) {
    let w = args.next() as string;
    if (w === 'brport' || w === 'dev') d = args.value();
    else if (w === 'br') br = args.value();
    else if (w === 'vni' || matches(w, 'vlan')) args.value();
    else if (w === 'self' || matches(w, 'master')) {
      /* only bridge entries are simulated */
    } else if (matches(w, 'dynamic')) dynamic = true;
    else {
      if (w === 'to') w = args.value();
      if (matches(w, 'help')) usage();
      if (addr !== null) throw new IpError(`Error: either "to" is duplicate, or "${w}" is a garbage.\n`, 255);
      addr = w;
    }
  }
  if ((d === null && br === null) || addr === null) {
    throw new IpError('Device or master and address are required arguments.\n', 255);
  }
  const mac = scanMac(addr);
  if (mac === null) throw new IpError(`Invalid mac address ${addr}\n`, 255);
  const k = io.os.state.kernel;
  const dev = d === null ? null : devByName(k, opts.ns, d);
  if (d !== null && !dev) throw new IpError(`Cannot find device "${d}"\n`, 255);
  const brDev = br === null ? null : devByName(k, opts.ns, br);
  if (br !== null && !brDev) throw new IpError(`Cannot find bridge device "${br}"\n`, 255);
  // rtnl_fdb_get()
  const fail = (extack: string, errno: KernelError['errno']) =>
    new IpError(rtnlAnswers({ errno, extack }).message, 254);
  if (brDev && dev) throw fail('Master and device are mutually exclusive', 'EINVAL');
  const bridge = brDev ?? (dev?.master ? devOf(k, dev.master) : null);
  if (!brDev && !dev?.master) throw fail('Device is not a bridge port', 'EINVAL');
  if (!bridge || bridge.kind !== 'bridge')
    throw fail('Fdb get operation not supported by device', 'EOPNOTSUPP');
  const e = fdbFind(bridge, mac);
  const rec = e
    ? fdbDump(io.os.view(), opts.ns, { br: bridge.id, dev: null }).find((r) => !r.self && r.mac === mac)
    : undefined;
  if (!rec) throw fail('Fdb entry not found', 'ENOENT');
  const p = new Printer({ json: opts.json, pretty: opts.pretty, oneline: opts.oneline });
  p.newJsonObj();
  if (!(dynamic && rec.state === 'permanent'))
    printFdb({ p, ns: opts.ns, k, filterIndex: false, stats: opts.stats > 0 }, rec);
  p.deleteJsonObj();
  p.flush(io);
  return 0;
}

export function doFdb(io: CommandIO, opts: BridgeOpts, argv: string[]): number {
  const sub = argv[0];
  if (sub === undefined) return show(io, opts, []);
  const rest = argv.slice(1);
  if (matches(sub, 'add')) return modify(io, opts, rest, 'add', { create: true, excl: true });
  if (matches(sub, 'append') || matches(sub, 'replace'))
    return modify(io, opts, rest, 'add', { create: true, excl: false });
  if (matches(sub, 'delete')) return modify(io, opts, rest, 'del', { create: false, excl: false });
  if (matches(sub, 'get')) return get(io, opts, rest);
  if (matches(sub, 'show') || matches(sub, 'lst') || matches(sub, 'list')) return show(io, opts, rest);
  if (sub === 'flush') throw new IpError('bridge fdb flush: not simulated here\n', 1);
  if (matches(sub, 'help')) usage();
  throw new IpError(`Command "${sub}" is unknown, try "bridge fdb help".\n`, 255);
}
