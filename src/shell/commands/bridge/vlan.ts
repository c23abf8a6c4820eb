/**
 * `bridge vlan` (iproute2 6.1 bridge/vlan.c) on a kernel built without CONFIG_BRIDGE_VLAN_FILTERING, like the
 * reference machine: the link dump carries no VLAN lists, so `show` prints its header only; the new VLAN
 * dump of `-d` and `global` is refused; any change is EOPNOTSUPP once the arguments pass vlan.c's checks
 * (`ip link set BR type bridge vlan_filtering 1` is refused the same way).
 */
import { devByName } from '../../../kernel';
import type { CommandIO } from '../../types';
import { permitted } from '../../capability';
import { Args, IpError, matches } from '../ip/util';
import type { BridgeOpts } from './opts';
import { nodev, rtnlAnswers } from './util';

const VLAN_USAGE = `Usage: bridge vlan { add | del } vid VLAN_ID dev DEV [ tunnel_info id TUNNEL_ID ]
                                                     [ pvid ] [ untagged ]
                                                     [ self ] [ master ]
       bridge vlan { set } vid VLAN_ID dev DEV [ state STP_STATE ]
                                               [ mcast_router MULTICAST_ROUTER ]
       bridge vlan { show } [ dev DEV ] [ vid VLAN_ID ]
       bridge vlan { tunnelshow } [ dev DEV ] [ vid VLAN_ID ]
       bridge vlan global { set } vid VLAN_ID dev DEV
                      [ mcast_snooping MULTICAST_SNOOPING ]
                      [ mcast_querier MULTICAST_QUERIER ]
                      [ mcast_igmp_version IGMP_VERSION ]
                      [ mcast_mld_version MLD_VERSION ]
                      [ mcast_last_member_count LAST_MEMBER_COUNT ]
                      [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]
                      [ mcast_startup_query_count STARTUP_QUERY_COUNT ]
                      [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]
                      [ mcast_membership_interval MEMBERSHIP_INTERVAL ]
                      [ mcast_querier_interval QUERIER_INTERVAL ]
                      [ mcast_query_interval QUERY_INTERVAL ]
                      [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]
       bridge vlan global { show } [ dev DEV ] [ vid VLAN_ID ]
`;

function usage(): never {
  throw new IpError(VLAN_USAGE, 255);
}

/** "port" padded to IFNAMSIZ, two spaces, "vlan-id" padded to VLAN_ID_LEN. */
const HEADER = `${'port'.padEnd(16)}  ${'vlan-id'.padEnd(9)}`;

function atoi(s: string): number {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

/** vlan_show(): the dev filter is checked, then the dump (empty here) is printed under its header. */
function show(io: CommandIO, opts: BridgeOpts, argv: string[], tunnel: boolean, newDump: boolean): number {
  const args = new Args(argv);
  let dev: string | null = null;
  let vid = false;
  while (!args.done) {
    const w = args.next();
    if (w === 'dev') {
      const v = args.value();
      if (dev !== null) throw new IpError(`Error: duplicate "dev": "${v}" is the second value.\n`, 255);
      dev = v;
    } else if (w === 'vid') {
      const v = args.value();
      if (vid) throw new IpError(`Error: duplicate "vid": "${v}" is the second value.\n`, 255);
      vid = atoi(v) !== 0;
    }
  }
  if (dev !== null && !devByName(io.os.state.kernel, opts.ns, dev)) throw nodev(dev);
  if (opts.json) {
    io.out('[]\n');
    if (newDump) throw new IpError('RTNETLINK answers: Operation not supported\nDump terminated\n', 1);
    return 0;
  }
  if (newDump) {
    io.out(`${HEADER}\n`);
    throw new IpError('RTNETLINK answers: Operation not supported\nDump terminated\n', 1);
  }
  if (opts.stats && !tunnel) io.out(`${'port'.padEnd(16)}  vlan-id\n`);
  else io.out(`${HEADER}${tunnel ? '  tunnel-id' : ''}\n`);
  return 0;
}

/** vlan_modify(): argument checks, then the kernel's refusal. */
function modify(io: CommandIO, opts: BridgeOpts, argv: string[]): number {
  const args = new Args(argv);
  let dev: string | null = null;
  let vid = -1;
  let vidEnd = -1;
  let range = false;
  let pvid = false;
  while (!args.done) {
    const w = args.next() as string;
    if (w === 'dev') dev = args.value();
    else if (w === 'vid') {
      const v = args.value();
      const dash = v.indexOf('-');
      if (dash >= 0) {
        vid = atoi(v.slice(0, dash));
        vidEnd = atoi(v.slice(dash + 1));
        range = true;
      } else vid = atoi(v);
    } else if (w === 'pvid') pvid = true;
    else if (w === 'tunnel_info') throw new IpError('bridge vlan: tunnel_info is not simulated here\n', 1);
    else if (matches(w, 'help')) args.value();
  }
  if (dev === null || vid === -1) throw new IpError('Device and VLAN ID are required arguments.\n', 255);
  if (!devByName(io.os.state.kernel, opts.ns, dev))
    throw new IpError(`Cannot find bridge device "${dev}"\n`, 255);
  if (vid >= 4096) throw new IpError(`Invalid VLAN ID "${vid}"\n`, 255);
  if (range) {
    if (vidEnd === -1 || vidEnd >= 4096 || vid >= vidEnd)
      throw new IpError(`Invalid VLAN range "${vid}-${vidEnd}"\n`, 255);
    if (pvid) throw new IpError('pvid cannot be configured for a vlan range\n', 255);
  }
  // rtnetlink_rcv_msg() refuses RTM_SETLINK without CAP_NET_ADMIN before the bridge code sees it.
  throw rtnlAnswers(permitted(io.proc, 'rtnetlink') ? 'EOPNOTSUPP' : 'EPERM');
}

export function doVlan(io: CommandIO, opts: BridgeOpts, argv: string[]): number {
  const sub = argv[0];
  if (sub === undefined) return show(io, opts, [], false, opts.details > 0);
  const rest = argv.slice(1);
  if (matches(sub, 'add') || matches(sub, 'delete')) return modify(io, opts, rest);
  if (matches(sub, 'show') || matches(sub, 'lst') || matches(sub, 'list'))
    return show(io, opts, rest, false, opts.details > 0);
  if (matches(sub, 'tunnelshow')) return show(io, opts, rest, true, false);
  if (matches(sub, 'set')) return modify(io, opts, rest);
  if (sub === 'global') {
    const g = rest[0];
    if (g === undefined || matches(g, 'show') || matches(g, 'lst') || matches(g, 'list'))
      return show(io, opts, rest.slice(1), false, true);
    if (matches(g, 'set')) return modify(io, opts, rest.slice(1));
    usage();
  }
  if (matches(sub, 'help')) usage();
  throw new IpError(`Command "${sub}" is unknown, try "bridge vlan help".\n`, 255);
}
