/**
 * The kernel's state, continued (types.ts re-exports it): devices, the bridge and the addresses on
 * devices (net/core/dev.c, drivers/net/veth.c, drivers/net/loopback.c, net/bridge, net/ipv4/devinet.c,
 * net/ipv6/addrconf.c).
 */
import type { Ip4, Mac } from '../lib';
import type { DevId, NsId } from './types_base';

// ---------------------------------------------------------------------------------------------------------
// Devices (net/core/dev.c, drivers/net/veth.c, drivers/net/loopback.c, net/bridge/br_if.c)

export type OperState = 'UP' | 'DOWN' | 'LOWERLAYERDOWN' | 'UNKNOWN';

export type DeviceKind = 'loopback' | 'veth' | 'bridge' | 'ether';

export interface DeviceStats {
  rxPackets: number;
  rxBytes: number;
  rxErrors: number;
  rxDropped: number;
  txPackets: number;
  txBytes: number;
  txErrors: number;
  txDropped: number;
  multicast: number;
}

export interface DeviceConf {
  /** net.ipv6.conf.<dev>.disable_ipv6 */
  disable_ipv6: number;
  /** net.ipv4.conf.<dev>.forwarding */
  forwarding: number;
  [key: string]: number;
}

interface DeviceBase {
  id: DevId;
  ns: NsId;
  ifindex: number;
  name: string;
  mac: Mac;
  /** "brd" in `ip link`: ff:ff:ff:ff:ff:ff, or 00:... for loopback. */
  broadcast: Mac;
  mtu: number;
  txqlen: number;
  /** IFF_UP, as set by `ip link set up/down`. */
  adminUp: boolean;
  /** Physical carrier (netif_carrier_ok): LOWER_UP. */
  carrier: boolean;
  /**
   * RFC 2863 operstate as linkwatch last published it (default_operstate()). It lags `carrier` for
   * non-urgent events (a bridge losing its last port keeps "UP" for up to a second); RUNNING, NO-CARRIER,
   * `state` and `linkdown` on routes follow this, LOWER_UP follows `carrier`.
   */
  operstate: OperState;
  /** Bridge this device is a port of (IFF_SLAVE-ish "master" in ip link). */
  master: DevId | null;
  /** IFLA_GROUP */
  group: number;
  alias: string | null;
  /**
   * The flags `ip link set ... promisc|allmulticast|arp|multicast on|off` changed (dev_change_flags): PROMISC
   * and ALLMULTI as dev->gflags asked for them, NOARP set, MULTICAST cleared. Absent: none changed.
   */
  userFlags?: { promisc?: boolean; allmulti?: boolean; noarp?: boolean; nomulticast?: boolean };
  inet: InetAddr[];
  inet6: Inet6Addr[];
  conf: DeviceConf;
  stats: DeviceStats;
  /** Order in which IPv6 became ready on this device (addrconf_dev_config); orders fe80::/64 routes. */
  addrconfSeq: number | null;
  /**
   * ipv6_mc_down() took the device's IPv6 groups (ff02::1, ...) out of its hardware multicast list: an ifdown
   * of a device IPv6 had been ready on (net/ipv6/mcast.c). ipv6_mc_up() puts them back once it is ready again;
   * a new or moved device starts with them in (ipv6_add_dev joins ff02::1 at registration).
   */
  inet6McDown: boolean;
  /** Order of creation, used as a stable tie-break by the UI. */
  createdSeq: number;
  /**
   * dev->qdisc is no longer noop_qdisc: dev_activate() attached the default qdisc when the device was first
   * opened, and it stays after a close (`qdisc noqueue state DOWN`); dev_shutdown() on a namespace move resets it.
   */
  qdiscAttached: boolean;
  /** Bridge port state when `master` is a bridge (STP off: forwarding at once). */
  port: BridgePort | null;
}

export interface LoopbackDevice extends DeviceBase {
  kind: 'loopback';
}

export interface VethDevice extends DeviceBase {
  kind: 'veth';
  peer: DevId;
}

/** A NIC whose cable ends in a NIC of another (hidden) namespace: the host's uplink to the LAN gateway. */
export interface EtherDevice extends DeviceBase {
  kind: 'ether';
  /** The device at the other end of the cable, or null when unplugged. */
  wire: DevId | null;
  qdisc: string;
}

export interface BridgeDevice extends DeviceBase {
  kind: 'bridge';
  /** An MTU set explicitly no longer follows the smallest port (br_mtu_auto_adjust). */
  mtuSetByUser: boolean;
  bridge: BridgeState;
}

export type NetDevice = LoopbackDevice | VethDevice | EtherDevice | BridgeDevice;

// ---------------------------------------------------------------------------------------------------------
// Bridge (net/bridge)

export interface BridgeState {
  /** Ports in the order they were added (br_add_if appends to br->port_list). */
  ports: DevId[];
  /** Port numbers are allocated lowest-free from 1 (find_portno). */
  fdb: FdbEntry[];
  /** Ageing time in centiseconds (default 30000 = 300 s). */
  ageingTime: number;
  stpEnabled: boolean;
  priority: number;
  forwardDelay: number;
  helloTime: number;
  maxAge: number;
  vlanFiltering: boolean;
  multicastSnooping: boolean;
  /** Whether the bridge's MAC was set by the user (then it no longer follows the ports). */
  macSetByUser: boolean;
  /**
   * br_set_gso_limits() ran (a port was added or removed): tso_max_size is then the ports' minimum
   * (TSO_MAX_SIZE without ports) instead of alloc_netdev's TSO_LEGACY_MAX_SIZE (65536).
   */
  gsoLimitsSet?: boolean;
}

export interface BridgePort {
  portNo: number;
  /** STP state name as `bridge link` prints it. */
  state: 'disabled' | 'listening' | 'learning' | 'forwarding' | 'blocking';
  priority: number;
  cost: number;
  /** The port flags (BR_HAIRPIN_MODE, BR_LEARNING, BR_FLOOD, ... in net_bridge_port.flags). */
  hairpin: boolean;
  learning: boolean;
  flood: boolean;
  /** BR_BPDU_GUARD, BR_ROOT_BLOCK, BR_MULTICAST_FAST_LEAVE */
  guard: boolean;
  rootBlock: boolean;
  fastLeave: boolean;
  /** BR_MCAST_FLOOD, BR_BCAST_FLOOD, BR_MULTICAST_TO_UNICAST */
  mcastFlood: boolean;
  bcastFlood: boolean;
  mcastToUnicast: boolean;
  /** BR_NEIGH_SUPPRESS, BR_VLAN_TUNNEL, BR_ISOLATED, BR_PORT_LOCKED */
  neighSuppress: boolean;
  vlanTunnel: boolean;
  isolated: boolean;
  locked: boolean;
  /** multicast_router: 0 disabled, 1 temp_query (default), 2 permanent, 3 temp. */
  mcastRouter: number;
}

export interface FdbEntry {
  mac: Mac;
  /** The port (or the bridge itself for its own address). */
  dev: DevId;
  vlan: number | null;
  /** local/permanent entries never age; learned ones age against `updatedUs`. */
  kind: 'local' | 'static' | 'learned';
  /** "self" entries are the device's own unicast/multicast lists shown by `bridge fdb`, not bridge state. */
  self: boolean;
  updatedUs: number;
  usedUs: number;
  seq: number;
}

// ---------------------------------------------------------------------------------------------------------
// IPv4 / IPv6 addresses (net/ipv4/devinet.c, net/ipv6/addrconf.c)

export type Scope = 'global' | 'site' | 'link' | 'host' | 'nowhere';

export interface InetAddr {
  local: Ip4;
  /** IFA_ADDRESS; equals local except on point-to-point links. */
  address: Ip4;
  prefixLen: number;
  broadcast: Ip4 | null;
  scope: Scope;
  label: string;
  secondary: boolean;
  noprefixroute: boolean;
  /** Seconds, or null for "forever". */
  validLft: number | null;
  preferredLft: number | null;
  /** IFA_RT_PRIORITY (`ip addr add ... metric N`): the prefix route's metric; absent or 0 for none. */
  metric?: number;
}

export interface Inet6Addr {
  /** Canonical text form, e.g. "fe80::42:acff:fe11:2". */
  addr: string;
  prefixLen: number;
  scope: 'global' | 'link' | 'host';
  /** Duplicate address detection still running: printed as "tentative" until `dadUntilUs`. */
  dadUntilUs: number;
  permanent: boolean;
}
