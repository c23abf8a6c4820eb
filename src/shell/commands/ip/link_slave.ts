/**
 * `ip link set PORT type bridge_slave OPTIONS` (iproute2 6.1 ip/iplink_bridge_slave.c bridge_slave_parse_opt):
 * the port attributes go to the kernel as IFLA_INFO_SLAVE_DATA, which br_port_slave_changelink() hands to
 * br_setport() (brSetPort: flags, then cost, priority, state), EOPNOTSUPP for a device that is no port.
 * Options the simulation has no port state for are parsed and checked, then have no effect.
 */
import type { PortChange, PortFlag, PortState } from '../../../kernel';
import { IpError, invalidArg, matches } from './util';

const USAGE = `Usage: ... bridge_slave [ fdb_flush ]
			[ state STATE ]
			[ priority PRIO ]
			[ cost COST ]
			[ guard {on | off} ]
			[ hairpin {on | off} ]
			[ fastleave {on | off} ]
			[ root_block {on | off} ]
			[ learning {on | off} ]
			[ flood {on | off} ]
			[ proxy_arp {on | off} ]
			[ proxy_arp_wifi {on | off} ]
			[ mcast_router MULTICAST_ROUTER ]
			[ mcast_fast_leave {on | off} ]
			[ mcast_flood {on | off} ]
			[ bcast_flood {on | off} ]
			[ mcast_to_unicast {on | off} ]
			[ group_fwd_mask MASK ]
			[ neigh_suppress {on | off} ]
			[ vlan_tunnel {on | off} ]
			[ isolated {on | off} ]
			[ locked {on | off} ]
			[ backup_port DEVICE ] [ nobackup_port ]
`;

/** Options that are on/off port flags, in bridge_slave_parse_opt()'s order, with the kernel's name. */
const FLAGS: readonly [string, PortFlag | null][] = [
  ['guard', 'guard'],
  ['hairpin', 'hairpin'],
  ['fastleave', 'fastLeave'],
  ['root_block', 'rootBlock'],
  ['learning', 'learning'],
  ['flood', 'flood'],
  ['mcast_flood', 'mcastFlood'],
  ['bcast_flood', 'bcastFlood'],
  ['mcast_to_unicast', 'mcastToUnicast'],
  ['proxy_arp', null],
  ['proxy_arp_wifi', null],
  ['mcast_fast_leave', null],
  ['neigh_suppress', 'neighSuppress'],
  ['vlan_tunnel', 'vlanTunnel'],
  ['isolated', 'isolated'],
  ['locked', 'locked'],
];

const STATES: readonly PortState[] = ['disabled', 'listening', 'learning', 'forwarding', 'blocking'];

/** get_u8/get_u16/get_u32(): decimal, hex or octal within the width. */
function getUnsigned(v: string, max: number): number | null {
  const m = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(v);
  if (!m) return null;
  const n = /^0[xX]/.test(v)
    ? parseInt(v.slice(2), 16)
    : v.length > 1 && v.startsWith('0')
      ? parseInt(v, 8)
      : Number(v);
  return n <= max ? n : null;
}

/** parse_on_off(): "off" or "on"; anything else ends ip with exit 1. */
function onOff(key: string, v: string): boolean {
  if (v === 'on' || v === 'off') return v === 'on';
  throw new IpError(`Error: argument of "${key}" must be one of "off", "on", not "${v}"\n`, 1);
}

export function parseBridgeSlaveOpts(args: readonly string[]): PortChange {
  const change: PortChange = { flags: {}, cost: null, priority: null, state: null, mcastRouter: null };
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as string;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new IpError('Command line is not complete. Try option "help"\n', 255);
      return v;
    };
    const flag = FLAGS.find(([name]) => matches(w, name));
    if (matches(w, 'fdb_flush')) continue;
    else if (matches(w, 'state')) {
      const v = value();
      const n = getUnsigned(v, 0xff);
      if (n === null) throw invalidArg('state is invalid', v);
      const st = STATES[n];
      // br_set_port_state(): states past blocking are EINVAL.
      change.state = st ?? null;
      if (st === undefined) throw new IpError('RTNETLINK answers: Invalid argument\n', 2);
    } else if (matches(w, 'priority')) {
      const v = value();
      const n = getUnsigned(v, 0xffff);
      if (n === null) throw invalidArg('priority is invalid', v);
      change.priority = n;
    } else if (matches(w, 'cost')) {
      const v = value();
      const n = getUnsigned(v, 0xffffffff);
      if (n === null) throw invalidArg('cost is invalid', v);
      change.cost = n;
    } else if (flag) {
      const on = onOff(flag[0], value());
      if (flag[1] !== null) change.flags[flag[1]] = on;
    } else if (matches(w, 'mcast_router')) {
      const v = value();
      const n = getUnsigned(v, 0xff);
      if (n === null) throw invalidArg('mcast_router is invalid', v);
      change.mcastRouter = n;
    } else if (matches(w, 'group_fwd_mask') || matches(w, 'backup_port')) value();
    else if (matches(w, 'nobackup_port')) continue;
    else if (matches(w, 'help')) throw new IpError(USAGE, 1);
    else throw new IpError(`bridge_slave: unknown option "${w}"?\n${USAGE}`, 1);
  }
  return change;
}
