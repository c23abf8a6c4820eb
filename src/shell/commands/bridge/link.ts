/**
 * `bridge link [show [dev DEV]]` and `bridge link set` (iproute2 6.1 bridge/link.c). The PF_BRIDGE link
 * dump (rtnl_bridge_getlink) answers for bridge ports only: each port's line is print_linkinfo() with the
 * port's IFLA_PROTINFO (state, priority, cost, and with -d the port flags of br_port_fill_attrs).
 */
import type { BridgePort, NetDevice } from '../../../kernel';
import {
  brSetPort,
  devByName,
  devicesOf,
  type PortChange,
  type PortFlag,
  type PortState,
} from '../../../kernel';
import type { CommandIO } from '../../types';
import { permitted } from '../../capability';
import { printLinkFlags, printNameAndLink, type LinkPrintCtx } from '../ip/link_print';
import { nsidName } from '../ip/netns';
import { Printer } from '../ip/printer';
import { fillLink } from '../ip/rtnl/link';
import { LlMap } from '../ip/rtnl/ll_map';
import { Args, IpError, matches } from '../ip/util';
import type { BridgeOpts } from './opts';
import { nodev, onOff, rtnlAnswers } from './util';

const LINK_USAGE = `Usage: bridge link set dev DEV [ cost COST ] [ priority PRIO ] [ state STATE ]
                               [ guard {on | off} ]
                               [ hairpin {on | off} ]
                               [ fastleave {on | off} ]
                               [ root_block {on | off} ]
                               [ learning {on | off} ]
                               [ learning_sync {on | off} ]
                               [ flood {on | off} ]
                               [ mcast_router MULTICAST_ROUTER ]
                               [ mcast_flood {on | off} ]
                               [ bcast_flood {on | off} ]
                               [ mcast_to_unicast {on | off} ]
                               [ neigh_suppress {on | off} ]
                               [ vlan_tunnel {on | off} ]
                               [ isolated {on | off} ]
                               [ locked {on | off} ]
                               [ hwmode {vepa | veb} ]
                               [ backup_port DEVICE ] [ nobackup_port ]
                               [ self ] [ master ]
       bridge link show [dev DEV]
`;

function usage(): never {
  throw new IpError(LINK_USAGE, 255);
}

/** stp_states[] */
const STP_STATES: readonly PortState[] = ['disabled', 'listening', 'learning', 'forwarding', 'blocking'];

/** The -d flags in print_protinfo() order, with the port field each reports. */
const DETAIL_FLAGS: readonly [string, PortFlag | 'mcastRouter'][] = [
  ['hairpin', 'hairpin'],
  ['guard', 'guard'],
  ['root_block', 'rootBlock'],
  ['fastleave', 'fastLeave'],
  ['learning', 'learning'],
  ['flood', 'flood'],
  ['mcast_flood', 'mcastFlood'],
  ['bcast_flood', 'bcastFlood'],
  ['mcast_router', 'mcastRouter'],
  ['mcast_to_unicast', 'mcastToUnicast'],
  ['neigh_suppress', 'neighSuppress'],
  ['vlan_tunnel', 'vlanTunnel'],
  ['isolated', 'isolated'],
  ['locked', 'locked'],
];

/** print_protinfo() for a bridge port. */
function printProtinfo(p: Printer, port: BridgePort, details: number): void {
  p.string('any', 'state', 'state %s ', port.state);
  p.num('any', 'priority', 'priority %u ', port.priority);
  p.num('any', 'cost', 'cost %u ', port.cost);
  if (!details) return;
  p.fp(`${p.sl}    `);
  for (const [key, field] of DETAIL_FLAGS) {
    if (field === 'mcastRouter') p.num('any', key, `${key} %u `, port.mcastRouter);
    else p.onOff('any', key, `${key} %s `, port[field]);
  }
}

/** print_linkinfo() of bridge/link.c */
function printPort(ctx: LinkPrintCtx, dev: NetDevice, details: number): void {
  const { p } = ctx;
  // br_fill_ifinfo() (the PF_BRIDGE dump) sends IFLA_LINK but no IFLA_LINK_NETNSID, so the peer's index is
  // looked up in this namespace: "@if5" when nothing has it, another device's name when one does ("@br0").
  const m = { ...fillLink(ctx.k, dev.ns, dev), linkNetnsid: null };
  p.openObject();
  p.num('any', 'ifindex', '%d: ', m.ifindex);
  const mdown = printNameAndLink(ctx, '%s: ', m);
  printLinkFlags(p, m.flags, mdown);
  p.num('any', 'mtu', 'mtu %u ', m.mtu);
  if (m.master !== null) p.string('any', 'master', 'master %s ', ctx.ll.name(m.master));
  if (dev.port) printProtinfo(p, dev.port, details);
  p.string('fp', null, '%s', '\n');
  p.closeObject();
}

function show(io: CommandIO, opts: BridgeOpts, argv: string[]): number {
  let filterDev: string | null = null;
  const args = new Args(argv);
  while (!args.done) {
    // brlink_show(): words other than "dev NAME" are skipped.
    if (args.next() === 'dev') {
      const v = args.value();
      if (filterDev !== null) throw new IpError(`Error: duplicate "dev": "${v}" is the second value.\n`, 255);
      filterDev = v;
    }
  }
  const k = io.os.state.kernel;
  let only: NetDevice | null = null;
  if (filterDev !== null) {
    only = devByName(k, opts.ns, filterDev);
    if (!only) throw nodev(filterDev);
  }
  const p = new Printer({ json: opts.json, pretty: opts.pretty, oneline: opts.oneline });
  const ctx: LinkPrintCtx = {
    p,
    k,
    nowUs: io.os.state.clock.nowUs,
    ll: new LlMap(k, opts.ns),
    family: 'link',
    doLink: true,
    details: opts.details,
    stats: 0,
    brief: false,
    nsidName: (id) => nsidName(k, opts.ns, id),
  };
  p.newJsonObj();
  // rtnl_bridge_getlink() answers for each device that has a bridge as master.
  for (const dev of devicesOf(k, opts.ns)) {
    if (!dev.port || (only && only.id !== dev.id)) continue;
    printPort(ctx, dev, opts.details);
  }
  p.deleteJsonObj();
  p.flush(io);
  return 0;
}

/** brlink_modify(): one RTM_SETLINK with the port attributes given. */
function set(io: CommandIO, opts: BridgeOpts, argv: string[]): number {
  const change: PortChange = { flags: {}, cost: null, priority: null, state: null, mcastRouter: null };
  let dev: string | null = null;
  let self = false;
  const args = new Args(argv);
  const flagWords: Record<string, PortFlag> = {
    guard: 'guard',
    hairpin: 'hairpin',
    fastleave: 'fastLeave',
    root_block: 'rootBlock',
    learning: 'learning',
    flood: 'flood',
    mcast_flood: 'mcastFlood',
    bcast_flood: 'bcastFlood',
    mcast_to_unicast: 'mcastToUnicast',
    neigh_suppress: 'neighSuppress',
    vlan_tunnel: 'vlanTunnel',
    isolated: 'isolated',
    locked: 'locked',
  };
  while (!args.done) {
    const w = args.next() as string;
    const flag = flagWords[w];
    if (w === 'dev') dev = args.value();
    else if (flag !== undefined) change.flags[flag] = onOff(w, args.value());
    else if (w === 'learning_sync') onOff(w, args.value());
    else if (w === 'mcast_router') {
      // __s8 mcast_router: sent only when not negative.
      const v = s8(atoi(args.value()));
      if (v >= 0) change.mcastRouter = v;
    } else if (w === 'cost') {
      // iproute2 sends the cost only when atoi() gives more than 0.
      const c = atoi(args.value());
      if (c > 0) change.cost = c;
    } else if (w === 'priority') {
      // __s16 priority: sent only when not negative.
      const v = s16(atoi(args.value()));
      if (v >= 0) change.priority = v;
    } else if (w === 'state') {
      const v = args.value();
      const numeric = /^[+-]?\d+$/.test(v.trim()) && v.trim() === v;
      const n = numeric ? s8(Number(v)) : STP_STATES.indexOf(v as PortState);
      if (!numeric && n < 0) throw new IpError('Error: invalid STP port state\n', 255);
      if (n >= 0) {
        // br_set_port_state(): states past blocking are EINVAL.
        const st = STP_STATES[n];
        if (st === undefined) throw rtnlAnswers('EINVAL');
        change.state = st;
      }
    } else if (w === 'hwmode') {
      const v = args.value();
      if (v !== 'vepa' && v !== 'veb') throw new IpError('Mode argument must be "vepa" or "veb".\n', 255);
      self = true;
    } else if (w === 'self') self = true;
    else if (w === 'master') {
      /* BRIDGE_FLAGS_MASTER: the default target anyway */
    } else if (w === 'backup_port') {
      const v = args.value();
      if (!devByName(io.os.state.kernel, opts.ns, v))
        throw new IpError(`Error: device ${v} does not exist\n`, 255);
      throw new IpError('bridge link set: backup ports are not simulated here\n', 1);
    } else if (w === 'nobackup_port') {
      /* no backup port is ever set */
    } else usage();
  }
  if (dev === null) throw new IpError('Device is a required argument.\n', 255);
  const d = devByName(io.os.state.kernel, opts.ns, dev);
  if (!d) throw new IpError(`Cannot find bridge device "${dev}"\n`, 255);
  // rtnetlink_rcv_msg() refuses RTM_SETLINK without CAP_NET_ADMIN before any handler.
  if (!permitted(io.proc, 'rtnetlink')) throw rtnlAnswers('EPERM');
  // `self` asks the device's own driver (ndo_bridge_setlink), which only hardware switches have.
  if (self && d.kind !== 'bridge') throw rtnlAnswers('EOPNOTSUPP');
  const id = d.id;
  const r = io.os.mutate(({ kctx }) => brSetPort(kctx, id, change));
  if (!r.ok) throw rtnlAnswers(r.error.errno);
  return 0;
}

function s8(n: number): number {
  const v = n & 0xff;
  return v >= 0x80 ? v - 0x100 : v;
}

function s16(n: number): number {
  const v = n & 0xffff;
  return v >= 0x8000 ? v - 0x10000 : v;
}

/** atoi(): leading digits with an optional sign, 0 when there are none. */
function atoi(s: string): number {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

export function doLink(io: CommandIO, opts: BridgeOpts, argv: string[]): number {
  const sub = argv[0];
  if (sub === undefined) return show(io, opts, []);
  const rest = argv.slice(1);
  if (matches(sub, 'set') || matches(sub, 'change')) return set(io, opts, rest);
  if (matches(sub, 'show') || matches(sub, 'lst') || matches(sub, 'list')) return show(io, opts, rest);
  if (matches(sub, 'help')) usage();
  throw new IpError(`Command "${sub}" is unknown, try "bridge link help".\n`, 255);
}
