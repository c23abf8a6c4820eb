/**
 * `type bridge` options of `ip link add|set` (iproute2 6.1 ip/iplink_bridge.c bridge_parse_opt) and how the
 * kernel applies them (br_changelink -> br_stp_if.ts). Options the simulation has no state for are
 * parsed and checked like the real tool, then have no effect.
 */
import type { BridgeParam, KernelCtx, KernelError, DevId } from '../../../kernel';
import { brSetParam } from '../../../kernel';
import { IpError, invalidArg, matches } from './util';

const BRIDGE_USAGE =
  'Usage: ... bridge [ fdb_flush ]\n' +
  [
    'forward_delay FORWARD_DELAY',
    'hello_time HELLO_TIME',
    'max_age MAX_AGE',
    'ageing_time AGEING_TIME',
    'stp_state STP_STATE',
    'priority PRIORITY',
    'group_fwd_mask MASK',
    'group_address ADDRESS',
    'no_linklocal_learn NO_LINKLOCAL_LEARN',
    'vlan_filtering VLAN_FILTERING',
    'vlan_protocol VLAN_PROTOCOL',
    'vlan_default_pvid VLAN_DEFAULT_PVID',
    'vlan_stats_enabled VLAN_STATS_ENABLED',
    'vlan_stats_per_port VLAN_STATS_PER_PORT',
    'mcast_snooping MULTICAST_SNOOPING',
    'mcast_vlan_snooping MULTICAST_VLAN_SNOOPING',
    'mcast_router MULTICAST_ROUTER',
    'mcast_query_use_ifaddr MCAST_QUERY_USE_IFADDR',
    'mcast_querier MULTICAST_QUERIER',
    'mcast_hash_elasticity HASH_ELASTICITY',
    'mcast_hash_max HASH_MAX',
    'mcast_last_member_count LAST_MEMBER_COUNT',
    'mcast_startup_query_count STARTUP_QUERY_COUNT',
    'mcast_last_member_interval LAST_MEMBER_INTERVAL',
    'mcast_membership_interval MEMBERSHIP_INTERVAL',
    'mcast_querier_interval QUERIER_INTERVAL',
    'mcast_query_interval QUERY_INTERVAL',
    'mcast_query_response_interval QUERY_RESPONSE_INTERVAL',
    'mcast_startup_query_interval STARTUP_QUERY_INTERVAL',
    'mcast_stats_enabled MCAST_STATS_ENABLED',
    'mcast_igmp_version IGMP_VERSION',
    'mcast_mld_version MLD_VERSION',
    'nf_call_iptables NF_CALL_IPTABLES',
    'nf_call_ip6tables NF_CALL_IP6TABLES',
    'nf_call_arptables NF_CALL_ARPTABLES',
  ]
    .map((o) => `\t\t  [ ${o} ]\n`)
    .join('') +
  '\nWhere: VLAN_PROTOCOL := { 802.1Q | 802.1ad }\n';

/** Options matched by prefix in bridge_parse_opt()'s order; those with a kernel parameter say which. */
const OPTIONS: readonly [string, BridgeParam | null][] = [
  ['forward_delay', 'forwardDelay'],
  ['hello_time', 'helloTime'],
  ['max_age', 'maxAge'],
  ['ageing_time', 'ageingTime'],
  ['stp_state', 'stp'],
  ['priority', 'priority'],
  ['vlan_filtering', 'vlanFiltering'],
  ['vlan_protocol', null],
  ['group_fwd_mask', null],
  ['group_address', null],
  ['no_linklocal_learn', null],
  ['vlan_default_pvid', null],
  ['vlan_stats_enabled', null],
  ['vlan_stats_per_port', null],
  ['mcast_router', null],
  ['mcast_snooping', null],
  ['mcast_vlan_snooping', null],
  ['mcast_query_use_ifaddr', null],
  ['mcast_querier', null],
  ['mcast_hash_elasticity', null],
  ['mcast_hash_max', null],
  ['mcast_last_member_count', null],
  ['mcast_startup_query_count', null],
  ['mcast_last_member_interval', null],
  ['mcast_membership_interval', null],
  ['mcast_querier_interval', null],
  ['mcast_query_interval', null],
  ['mcast_query_response_interval', null],
  ['mcast_startup_query_interval', null],
  ['mcast_stats_enabled', null],
  ['mcast_igmp_version', null],
  ['mcast_mld_version', null],
  ['nf_call_iptables', null],
  ['nf_call_ip6tables', null],
  ['nf_call_arptables', null],
];

export type BridgeOpt = [BridgeParam, number];

export function parseBridgeOpts(args: readonly string[]): BridgeOpt[] {
  const out: BridgeOpt[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as string;
    if (matches(w, 'fdb_flush')) continue;
    const exact = w === 'no_linklocal_learn' || w === 'mcast_vlan_snooping';
    const opt = OPTIONS.find(([name]) =>
      exact
        ? name === w
        : matches(w, name) && name !== 'no_linklocal_learn' && name !== 'mcast_vlan_snooping',
    );
    if (!opt) throw new IpError(`bridge: unknown command "${w}"?\n${BRIDGE_USAGE}`, 1);
    const v = args[++i];
    if (v === undefined) throw new IpError('Command line is not complete. Try option "help"\n', 255);
    const [name, param] = opt;
    if (name === 'group_address' || name === 'vlan_protocol') continue;
    if (!/^(0x[0-9a-f]+|\d+)$/i.test(v)) throw invalidArg(`invalid ${name}`, v);
    if (param !== null) out.push([param, Number(v)]);
  }
  // br_changelink() reads the attributes in its own fixed order (forward_delay, hello_time, max_age,
  // ageing_time, stp_state, priority, vlan_filtering, ...), not the command line's.
  const rank = (p: BridgeParam): number => OPTIONS.findIndex(([, q]) => q === p);
  return out.sort((a, b) => rank(a[0]) - rank(b[0]));
}

/** br_changelink(): the parameters in order; the first the kernel refuses stops the request. */
export function applyBridgeOpts(ctx: KernelCtx, id: DevId, opts: readonly BridgeOpt[]): KernelError | null {
  for (const [param, value] of opts) {
    const r = brSetParam(ctx, id, param, value);
    if (!r.ok) return r.error;
  }
  return null;
}
