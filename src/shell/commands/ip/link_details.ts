/**
 * `ip -d link`: the details part of print_linkinfo() (iproute2 6.1 ip/ipaddress.c) with the kind-specific
 * attributes printed by ip/iplink_bridge.c (bridge_print_opt) and ip/iplink_bridge_slave.c
 * (bridge_slave_print_opt), from what the kernel's br_fill_info / br_port_fill_attrs report
 * (net/bridge/br_netlink.c). A veth has no IFLA_INFO_DATA; its line reads just "veth ".
 */
import type { BridgeDevice, NetDevice } from '../../../kernel';
import { brGcTimerUs, bridgeIdMac, xaGet } from '../../../kernel';
import { macBytes } from '../../../lib';
import { cfmt } from './cfmt';
import type { LinkPrintCtx } from './link_ctx';
import type { Printer } from './printer';
import type { LinkMsg } from './rtnl/link';

/** br_dump_bridge_id(): priority as 4 hex digits, then the MAC bytes without padding. */
export function bridgeIdText(priority: number, mac: string): string {
  const b = macBytes(mac).map((x) => x.toString(16));
  return cfmt('%.2x%.2x', (priority >> 8) & 255, priority & 255) + '.' + b.join(':');
}

/** _bridge_print_timer(): seconds with two decimals, "%4i.%.2i" in text, a bare number in JSON. */
function printTimer(p: Printer, key: string, us: number): void {
  const sec = Math.floor(us / 1_000_000);
  const cs = Math.floor((us % 1_000_000) / 10_000);
  if (p.isJson) p.jsonRaw(key, cfmt('%i.%.2i', sec, cs));
  else p.fp(cfmt('%s %4i.%.2i ', key, sec, cs));
}

function printBridgeOpt(ctx: LinkPrintCtx, br: BridgeDevice): void {
  const { p } = ctx;
  const b = br.bridge;
  // br->bridge_id: all zero until a port joins or the MAC is set (brctl show's 8000.000000000000).
  const id = bridgeIdText(b.priority, bridgeIdMac(br));
  p.num('any', 'forward_delay', 'forward_delay %u ', b.forwardDelay);
  p.num('any', 'hello_time', 'hello_time %u ', b.helloTime);
  p.num('any', 'max_age', 'max_age %u ', b.maxAge);
  p.num('any', 'ageing_time', 'ageing_time %u ', b.ageingTime);
  p.num('any', 'stp_state', 'stp_state %u ', b.stpEnabled ? 1 : 0);
  p.num('any', 'priority', 'priority %u ', b.priority);
  p.num('any', 'vlan_filtering', 'vlan_filtering %u ', b.vlanFiltering ? 1 : 0);
  p.string('any', 'bridge_id', 'bridge_id %s ', id);
  p.string('any', 'root_id', 'designated_root %s ', id);
  p.num('any', 'root_port', 'root_port %u ', 0);
  p.num('any', 'root_path_cost', 'root_path_cost %u ', 0);
  p.num('any', 'topology_change', 'topology_change %u ', 0);
  p.num('any', 'topology_change_detected', 'topology_change_detected %u ', 0);
  printTimer(p, 'hello_timer', 0);
  printTimer(p, 'tcn_timer', 0);
  printTimer(p, 'topology_change_timer', 0);
  printTimer(p, 'gc_timer', brGcTimerUs(ctx.nowUs, br));
  p.hex0x('any', 'group_fwd_mask', 'group_fwd_mask %#x ', 0);
  p.string('any', 'group_addr', 'group_address %s ', '01:80:c2:00:00:00');
  p.num('any', 'mcast_snooping', 'mcast_snooping %u ', b.multicastSnooping ? 1 : 0);
  p.num('any', 'no_linklocal_learn', 'no_linklocal_learn %u ', 0);
  p.num('any', 'mcast_vlan_snooping', 'mcast_vlan_snooping %u ', 0);
  const mcast: readonly [string, string, number][] = [
    ['mcast_router', 'mcast_router', 1],
    ['mcast_query_use_ifaddr', 'mcast_query_use_ifaddr', 0],
    ['mcast_querier', 'mcast_querier', 0],
    ['mcast_hash_elasticity', 'mcast_hash_elasticity', 16],
    ['mcast_hash_max', 'mcast_hash_max', 4096],
    ['mcast_last_member_cnt', 'mcast_last_member_count', 2],
    ['mcast_startup_query_cnt', 'mcast_startup_query_count', 2],
    ['mcast_last_member_intvl', 'mcast_last_member_interval', 100],
    ['mcast_membership_intvl', 'mcast_membership_interval', 26000],
    ['mcast_querier_intvl', 'mcast_querier_interval', 25500],
    ['mcast_query_intvl', 'mcast_query_interval', 12500],
    ['mcast_query_response_intvl', 'mcast_query_response_interval', 1000],
    ['mcast_startup_query_intvl', 'mcast_startup_query_interval', 3124],
    ['mcast_stats_enabled', 'mcast_stats_enabled', 0],
    ['mcast_igmp_version', 'mcast_igmp_version', 2],
    ['mcast_mld_version', 'mcast_mld_version', 1],
  ];
  for (const [key, label, v] of mcast) p.num('any', key, `${label} %u `, v);
  // br_netfilter's per-bridge switches stay 0 unless set on the bridge itself.
  p.num('any', 'nf_call_iptables', 'nf_call_iptables %u ', 0);
  p.num('any', 'nf_call_ip6tables', 'nf_call_ip6tables %u ', 0);
  p.num('any', 'nf_call_arptables', 'nf_call_arptables %u ', 0);
}

function printBridgeSlaveOpt(ctx: LinkPrintCtx, dev: NetDevice, br: BridgeDevice): void {
  const { p } = ctx;
  const port = dev.port;
  if (!port) return;
  const id = bridgeIdText(br.bridge.priority, br.mac);
  const portId = ((port.priority << 10) | port.portNo) & 0xffff;
  p.string('any', 'state', 'state %s ', port.state);
  p.num('any', 'priority', 'priority %d ', port.priority);
  p.num('any', 'cost', 'cost %d ', port.cost);
  p.onOff('any', 'hairpin', 'hairpin %s ', port.hairpin);
  p.onOff('any', 'guard', 'guard %s ', false);
  p.onOff('any', 'root_block', 'root_block %s ', false);
  p.onOff('any', 'fastleave', 'fastleave %s ', false);
  p.onOff('any', 'learning', 'learning %s ', port.learning);
  p.onOff('any', 'flood', 'flood %s ', port.flood);
  p.hex0x('any', 'id', 'port_id %#x ', portId);
  p.hex0x('any', 'no', 'port_no %#x ', port.portNo);
  p.num('any', 'designated_port', 'designated_port %u ', portId);
  p.num('any', 'designated_cost', 'designated_cost %u ', 0);
  p.string('any', 'bridge_id', 'designated_bridge %s ', id);
  p.string('any', 'root_id', 'designated_root %s ', id);
  printTimer(p, 'hold_timer', 0);
  printTimer(p, 'message_age_timer', 0);
  printTimer(p, 'forward_delay_timer', 0);
  p.num('any', 'topology_change_ack', 'topology_change_ack %u ', 0);
  p.num('any', 'config_pending', 'config_pending %u ', 0);
  p.onOff('any', 'proxy_arp', 'proxy_arp %s ', false);
  p.onOff('any', 'proxy_arp_wifi', 'proxy_arp_wifi %s ', false);
  p.num('any', 'multicast_router', 'mcast_router %u ', 1);
  p.string('fp', null, 'mcast_fast_leave %s ', 'off');
  p.onOff('any', 'mcast_flood', 'mcast_flood %s ', true);
  p.onOff('any', 'bcast_flood', 'bcast_flood %s ', true);
  p.onOff('any', 'mcast_to_unicast', 'mcast_to_unicast %s ', false);
  p.onOff('any', 'neigh_suppress', 'neigh_suppress %s ', false);
  p.hex0x('any', 'group_fwd_mask', 'group_fwd_mask %#x ', 0);
  p.string('any', 'group_fwd_mask_str', 'group_fwd_mask_str %s ', '0x0');
  p.onOff('any', 'vlan_tunnel', 'vlan_tunnel %s ', false);
  p.onOff('any', 'isolated', 'isolated %s ', false);
  p.onOff('any', 'locked', 'locked %s ', false);
}

/** print_linktype(): "    veth " / "    bridge ..." and "    bridge_slave ..." on lines of their own. */
function printLinktype(ctx: LinkPrintCtx, m: LinkMsg): void {
  const { p } = ctx;
  p.openObject('linkinfo');
  if (m.kind !== null) {
    p.nl();
    p.string('any', 'info_kind', '    %s ', m.kind);
    if (m.kind === 'bridge' && m.dev.kind === 'bridge') {
      p.openObject('info_data');
      printBridgeOpt(ctx, m.dev);
      p.closeObject();
    }
  }
  if (m.slaveKind !== null) {
    p.nl();
    p.string('any', 'info_slave_kind', '    %s_slave ', m.slaveKind);
    const br = m.dev.master ? xaGet(ctx.k.devices, m.dev.master) : undefined;
    if (br && br.kind === 'bridge') {
      p.openObject('info_slave_data');
      printBridgeSlaveOpt(ctx, m.dev, br);
      p.closeObject();
    }
  }
  p.closeObject();
}

/** The `show_details` block of print_linkinfo(). */
export function printLinkDetails(ctx: LinkPrintCtx, m: LinkMsg): void {
  const { p } = ctx;
  p.num('any', 'promiscuity', ' promiscuity %u ', m.promiscuity);
  p.num('any', 'allmulti', ' allmulti %u ', m.allmulti);
  p.num('any', 'min_mtu', 'minmtu %u ', m.minMtu);
  p.num('any', 'max_mtu', 'maxmtu %u ', m.maxMtu);
  if (m.kind !== null || m.slaveKind !== null) printLinktype(ctx, m);
  // IFLA_AF_SPEC's IPv6 part: the address generation mode (IN6_ADDR_GEN_MODE_EUI64 by default).
  if (ctx.doLink) p.string('any', 'inet6_addr_gen_mode', 'addrgenmode %s ', 'eui64');
  p.num('any', 'num_tx_queues', 'numtxqueues %u ', m.numTxQueues);
  p.num('any', 'num_rx_queues', 'numrxqueues %u ', m.numRxQueues);
  p.num('any', 'gso_max_size', 'gso_max_size %u ', 65536);
  p.num('any', 'gso_max_segs', 'gso_max_segs %u ', 65535);
  // A bridge keeps alloc_netdev()'s TSO_LEGACY_MAX_SIZE until br_set_gso_limits() first runs (port add/del).
  const legacyTso = m.dev.kind === 'bridge' && !m.dev.bridge.gsoLimitsSet;
  p.num('any', 'tso_max_size', 'tso_max_size %u ', legacyTso ? 65536 : 524280);
  p.num('any', 'tso_max_segs', 'tso_max_segs %u ', 65535);
  p.num('any', 'gro_max_size', 'gro_max_size %u ', 65536);
}
