/**
 * A bridge's /sys/class/net/<br>/bridge/ (net/bridge/br_sysfs_br.c) and a port's brport/
 * (net/bridge/br_sysfs_if.c). Times are clock_t (centiseconds, jiffies_to_clock_t); ids are
 * br_show_bridge_id's "%.2x%.2x.%.2x%.2x%.2x%.2x%.2x%.2x". Writes go through the same setters as
 * `ip link set ... type bridge` and `bridge link set` (kernel/bridge/br_stp_if.ts), with the sysfs store's
 * kstrtoul parse first.
 *
 * STP is not simulated (the bridge is its own root, its timers idle), so the STP fields read as a lone
 * bridge's. The multicast and netfilter knobs read their defaults; the simulated kernel keeps no state
 * for them, so writing them is refused (EACCES) rather than pretending. The write-only `flush` files and
 * this kernel's absent vlan files are not listed.
 */
import type { BridgeDevice, BridgePort, KernelState, NetDevice } from '../../../kernel';
import {
  brGcTimerUs,
  brSetParam,
  brSetPort,
  bridgeIdMac,
  xaGet,
  type BridgeParam,
  type PortFlag,
} from '../../../kernel';
import { macBytes } from '../../../lib';
import { type Attr, type Shown, constAttr, storeUlong } from './attr';

/** br_show_bridge_id(): the priority's two bytes in hex, a dot, the MAC's six. */
function bridgeId(br: BridgeDevice): string {
  const p = br.bridge.priority;
  const hex = (v: number) => v.toString(16).padStart(2, '0');
  return `${hex((p >> 8) & 255)}${hex(p & 255)}.${macBytes(bridgeIdMac(br)).map(hex).join('')}\n`;
}

/** store_bridge_parm() over one of br_stp_if.c's setters. */
function brParam(param: BridgeParam, read: (br: BridgeDevice) => number): Attr {
  return {
    show: (_k, d) => (d.kind === 'bridge' ? `${read(d)}\n` : { errno: 'EINVAL' }),
    store: storeUlong((ctx, d, v) => {
      const r = brSetParam(ctx, d.id, param, v);
      return r.ok ? null : r.error.errno;
    }),
  };
}

function ofBridge(f: (br: BridgeDevice, nowUs: number) => string): Attr {
  return { show: (_k, d, nowUs) => (d.kind === 'bridge' ? f(d, nowUs) : { errno: 'EINVAL' }) };
}

const BRIDGE_ATTRS: Record<string, Attr> = {
  ageing_time: brParam('ageingTime', (b) => b.bridge.ageingTime),
  bridge_id: ofBridge(bridgeId),
  forward_delay: brParam('forwardDelay', (b) => b.bridge.forwardDelay),
  // br_timer_value(&br->gc_work.timer): what is left until br_fdb_cleanup runs, as `ip -d link` shows it.
  gc_timer: ofBridge((b, now) => `${Math.floor(brGcTimerUs(now, b) / 10_000)}\n`),
  group_addr: constAttr('01:80:c2:00:00:00'),
  group_fwd_mask: constAttr('0x0'),
  hash_elasticity: constAttr(16),
  hash_max: constAttr(4096),
  hello_time: brParam('helloTime', (b) => b.bridge.helloTime),
  hello_timer: constAttr(0),
  max_age: brParam('maxAge', (b) => b.bridge.maxAge),
  multicast_igmp_version: constAttr(2),
  multicast_last_member_count: constAttr(2),
  multicast_last_member_interval: constAttr(100),
  multicast_membership_interval: constAttr(26000),
  multicast_mld_version: constAttr(1),
  multicast_querier: constAttr(0),
  multicast_querier_interval: constAttr(25500),
  multicast_query_interval: constAttr(12500),
  multicast_query_response_interval: constAttr(1000),
  multicast_query_use_ifaddr: constAttr(0),
  multicast_router: constAttr(1),
  multicast_snooping: ofBridge((b) => `${b.bridge.multicastSnooping ? 1 : 0}\n`),
  multicast_startup_query_count: constAttr(2),
  multicast_startup_query_interval: constAttr(3124),
  multicast_stats_enabled: constAttr(0),
  nf_call_arptables: constAttr(0),
  nf_call_ip6tables: constAttr(0),
  nf_call_iptables: constAttr(0),
  no_linklocal_learn: constAttr(0),
  priority: brParam('priority', (b) => b.bridge.priority),
  root_id: ofBridge(bridgeId),
  root_path_cost: constAttr(0),
  root_port: constAttr(0),
  // br->stp_enabled: BR_KERNEL_STP (1) when on, as no /sbin/bridge-stp takes it over.
  stp_state: brParam('stp', (b) => (b.bridge.stpEnabled ? 1 : 0)),
  tcn_timer: constAttr(0),
  topology_change: constAttr(0),
  topology_change_detected: constAttr(0),
  topology_change_timer: constAttr(0),
};

/** BR_STATE_* numbers (include/uapi/linux/if_bridge.h). */
const STATE_NUM: Record<BridgePort['state'], number> = {
  disabled: 0,
  listening: 1,
  learning: 2,
  forwarding: 3,
  blocking: 4,
};

function portSetter(change: (v: number) => Partial<Parameters<typeof brSetPort>[2]>): Attr['store'] {
  return storeUlong((ctx, d, v) => {
    const r = brSetPort(ctx, d.id, {
      flags: {},
      cost: null,
      priority: null,
      state: null,
      mcastRouter: null,
      ...change(v),
    });
    return r.ok ? null : r.error.errno;
  });
}

function ofPort(f: (p: BridgePort, dev: NetDevice) => string): Attr['show'] {
  return (_k, d) => (d.port ? f(d.port, d) : { errno: 'EINVAL' });
}

/** A BRPORT_ATTR_FLAG: 0/1 from the port's flag, any non-zero value sets it (store_flag). */
function portFlag(flag: PortFlag & keyof BridgePort): Attr {
  return {
    show: ofPort((p) => `${p[flag] ? 1 : 0}\n`),
    store: portSetter((v) => ({ flags: { [flag]: v !== 0 } })),
  };
}

/** The port id (br_make_port_id): priority above BR_PORT_BITS (10) bits of port number. */
const portId = (p: BridgePort) => ((p.priority << 10) | (p.portNo & 0x3ff)) & 0xffff;

/** The bridge's id, which STP (not simulated) makes the port's designated root and bridge. */
function portBridgeId(k: KernelState, dev: NetDevice): Shown {
  const br = dev.port && dev.master ? xaGet(k.devices, dev.master) : undefined;
  return br?.kind === 'bridge' ? bridgeId(br) : { errno: 'EINVAL' };
}

const BRPORT_ATTRS: Record<string, Attr> = {
  // No backup port set: the file is empty (show_backup_port prints nothing).
  backup_port: { show: ofPort(() => '') },
  bpdu_guard: portFlag('guard'),
  broadcast_flood: portFlag('bcastFlood'),
  change_ack: constAttr(0),
  config_pending: constAttr(0),
  designated_bridge: { show: portBridgeId },
  designated_cost: constAttr(0),
  designated_port: { show: ofPort((p) => `${portId(p)}\n`) },
  designated_root: { show: portBridgeId },
  forward_delay_timer: constAttr(0),
  group_fwd_mask: constAttr('0x0'),
  hairpin_mode: portFlag('hairpin'),
  hold_timer: constAttr(0),
  isolated: portFlag('isolated'),
  learning: portFlag('learning'),
  message_age_timer: constAttr(0),
  multicast_fast_leave: portFlag('fastLeave'),
  multicast_flood: portFlag('mcastFlood'),
  multicast_router: {
    show: ofPort((p) => `${p.mcastRouter}\n`),
    store: portSetter((v) => ({ mcastRouter: v })),
  },
  multicast_to_unicast: portFlag('mcastToUnicast'),
  neigh_suppress: portFlag('neighSuppress'),
  path_cost: { show: ofPort((p) => `${p.cost}\n`), store: portSetter((v) => ({ cost: v })) },
  port_id: { show: ofPort((p) => `0x${portId(p).toString(16)}\n`) },
  port_no: { show: ofPort((p) => `0x${p.portNo.toString(16)}\n`) },
  priority: { show: ofPort((p) => `${p.priority}\n`), store: portSetter((v) => ({ priority: v })) },
  proxyarp: constAttr(0),
  proxyarp_wifi: constAttr(0),
  root_block: portFlag('rootBlock'),
  state: { show: ofPort((p) => `${STATE_NUM[p.state]}\n`) },
  unicast_flood: portFlag('flood'),
};

function pick(table: Record<string, Attr>, name: string): Attr | null {
  return Object.hasOwn(table, name) ? (table[name] ?? null) : null;
}

export const BRIDGE_ATTR_NAMES: readonly string[] = Object.keys(BRIDGE_ATTRS);
export const BRPORT_ATTR_NAMES: readonly string[] = Object.keys(BRPORT_ATTRS);
export const bridgeAttr = (name: string) => pick(BRIDGE_ATTRS, name);
export const brportAttr = (name: string) => pick(BRPORT_ATTRS, name);
