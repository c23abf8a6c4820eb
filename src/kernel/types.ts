/**
 * The simulated kernel's state: plain, JSON-serializable data (no classes, no Maps), so the World can be
 * snapshotted by structural sharing (immer), diffed, saved and shared.
 *
 * Names follow Linux: struct net (NetNs), struct net_device (NetDevice), struct in_ifaddr (InetAddr),
 * struct fib_alias/fib_info (FibRoute), struct neighbour (NeighEntry), struct net_bridge_fdb_entry (FdbEntry),
 * struct nf_conn (ConntrackEntry).
 *
 * Times are simulated microseconds since the World began (`Clock.nowUs`).
 */
import type { Ip4, Mac } from '../lib';
import type { DevId, NsId } from './types_base';
import type { ConntrackEntry, Netfilter } from './types_netfilter';
import type { NetDevice, Scope } from './types_netdev';
import type { Packet } from './types_packet';
import type { FrozenWake, Socket } from './types_sock';

export type * from './types_base';
export type * from './types_netdev';
export type * from './types_netfilter';
export type * from './types_sock';
export type * from './types_packet';

/** Reads a part of a draft as it is now without drafting it (KernelCtx.peek). */
export type Peek = <T>(x: T) => T;
/** Assigns a value made of no drafts into a draft without immer walking it at the end (KernelCtx.put). */
export type Put = <T extends object, K extends keyof T>(parent: T, key: K, value: T[K]) => void;

declare const XA_BRAND: unique symbol;

/** A radix table of `T` keyed by decimal-string ids (xarray.ts). Opaque: use the xa* functions there. */
export interface XArray<T> {
  readonly [XA_BRAND]: T;
}

/** Simulated time. Only `sched.ts` moves it forward. */
export interface Clock {
  nowUs: number;
}

export interface KernelState {
  netns: XArray<NetNs>;
  devices: XArray<NetDevice>;
  /** The init_net of the simulated machine: the Docker host. */
  rootNs: NsId;
  /** Names under /run/netns (what `ip netns add` makes and `ip netns list` shows). Docker's are not here. */
  namedNs: Record<string, NsId>;
  nextNsSeq: number;
  nextDevSeq: number;
  /** Discrete-event queue (sched.ts): packets in flight and kernel timers, ordered by (atUs, seq). */
  queue: KEvent[];
  nextEventSeq: number;
  /** Monotonic sequence used to order things the kernel keeps in insertion order (IPv6 routes, fdb). */
  nextOrderSeq: number;
  /** Frozen cgroups (`docker pause`) by group, each with the program wake-ups it holds back (cgroup_freezer.ts). */
  frozen?: Record<string, FrozenWake[]>;
}

// ---------------------------------------------------------------------------------------------------------
// Network namespaces (net/core/net_namespace.c)

export interface NetNs {
  id: NsId;
  /** Shown nowhere by the kernel; used by the UI and by error messages of the simulator itself. */
  label: string;
  /** Part of the simulated outside world (LAN gateway, internet): never listed by `ip netns`. */
  hidden: boolean;
  /** Cyclic ifindex allocator (dev_index_reserve: xa_alloc_cyclic from net->ifindex). */
  ifindexNext: number;
  /** ifindex -> device, the dev_by_index table. */
  byIndex: Record<number, DevId>;
  /**
   * Device name -> device, the dev_name_head hash (netdev_name_node_add); keys are `nameKey(name)` so that
   * no interface name ('__proto__', 'constructor') can meet Object.prototype.
   */
  byName: Record<string, DevId>;
  /** Peer namespace ids as seen from here (peernet2id_alloc), the `link-netnsid N` numbers. */
  netnsids: Record<NsId, number>;
  /** IPv4 FIB tables by id: 255 local, 254 main, 253 default, others from `ip route add ... table N`. */
  fib4: Record<number, FibRoute[]>;
  /** Policy routing rules (ip rule), in list (priority) order; the three defaults unless changed. */
  rules: FibRule[];
  /** net->ipv4.fib_has_custom_rules: set by the first rule added (fib_unmerge: local is its own table). */
  fibCustomRules?: boolean;
  neigh: NeighEntry[];
  sysctl: NsSysctl;
  netfilter: Netfilter;
  conntrack: ConntrackEntry[];
  sockets: Socket[];
  nextEphemeralPort: number;
  /** iputils/busybox ping identifiers come from the pid; kept per namespace so output is reproducible. */
  nextPid: number;
  /**
   * inet_peer entries (net/ipv4/inetpeer.c) by peer address: the ICMP error rate limiter's token bucket
   * (icmpv4_xrlim_allow). Created on first use.
   */
  inetPeers?: Record<string, InetPeer>;
  /**
   * IPv4 reassembly queues (struct ipq in net->ipv4.fqdir, net/ipv4/ip_fragment.c), oldest first. Created by
   * the first fragment that waits; absent when none waits.
   */
  ipfrags?: IpFragQueue[];
  /**
   * Learned path MTUs (fib_nh_exception's fnhe_pmtu/fnhe_expires, net/ipv4/route.c __ip_rt_update_pmtu):
   * an ICMP "fragmentation needed" about a datagram this host sent lowers the MTU towards its destination
   * for ip_rt_mtu_expires (10 min). Absent when none was learned.
   */
  pmtu?: PmtuException[];
  /** IPv6 routes added by the user (`ip -6 route add`); addrconf's own are derived (ipv6/route.ts). */
  fib6?: Fib6UserRoute[];
  /** The IPv6 neighbour (ND) table's resolved and resolving entries (ipv6/ndisc_nud.ts). */
  nd6?: Nd6Entry[];
}

/** A static IPv6 route (struct fib6_info added by ip6_route_add), addresses as eight 16-bit groups. */
export interface Fib6UserRoute {
  table: number;
  type: 'unicast' | 'blackhole' | 'unreachable' | 'prohibit';
  dst: number[];
  dstLen: number;
  gateway: number[] | null;
  dev: DevId;
  metric: number;
  protocol: string;
  /** Insertion order among routes of the same prefix and metric. */
  seq: number;
}

/** An IPv6 neighbour (struct neighbour in nd_tbl), reduced to what ND and the listings need. */
export interface Nd6Entry {
  dev: DevId;
  /** Canonical IPv6 text. */
  addr: string;
  lladdr: Mac | null;
  state: NudState;
  /** NTF_ROUTER: the neighbour's last advertisement had the Router flag. */
  router: boolean;
  probes: number;
  confirmedUs: number;
  usedUs: number;
  updatedUs: number;
  reachableTimeUs: number;
  /** When the state's timer fires, or null. */
  timerUs: number | null;
  queue: Packet[];
  seq: number;
}

/** One datagram being reassembled: the fragments that came, ordered by offset. */
export interface IpFragQueue {
  /** ipq's key: saddr, daddr, id, protocol and the defrag user (local delivery, conntrack in/out, bridge). */
  src: Ip4;
  dst: Ip4;
  id: number;
  proto: number;
  user: string;
  /** When the queue was created: it expires ipfrag_time (30 s) later. */
  startUs: number;
  frags: Packet[];
}

export interface PmtuException {
  dst: Ip4;
  mtu: number;
  expiresUs: number;
  /** Locked (fnhe_mtu_locked): the MTU asked for was below min_pmtu; `ip route get` says `mtu lock`. */
  lock?: boolean;
}

/** struct inet_peer, reduced to the ICMP rate limit: tokens in microseconds of credit, refilled with time. */
export interface InetPeer {
  rateTokensUs: number;
  rateLastUs: number;
}

/** Per-namespace sysctls that the simulation honours. Per-device ones live in `NetDevice.conf`. */
export interface NsSysctl {
  'net.ipv4.ip_forward': number;
  'net.bridge.bridge-nf-call-iptables': number;
  'net.bridge.bridge-nf-call-ip6tables': number;
  'net.ipv4.conf.all.forwarding': number;
  'net.ipv6.conf.all.disable_ipv6': number;
  'net.ipv6.conf.default.disable_ipv6': number;
  'net.ipv4.ip_local_port_range': string;
  'net.ipv4.neigh.default.base_reachable_time_ms': number;
  'net.ipv4.conf.all.route_localnet': number;
  [key: string]: number | string;
}

// ---------------------------------------------------------------------------------------------------------
// IPv4 routing (net/ipv4/fib_trie.c, fib_semantics.c, fib_rules.c)

export type RouteType =
  | 'unicast'
  | 'local'
  | 'broadcast'
  | 'anycast'
  | 'multicast'
  | 'blackhole'
  | 'unreachable'
  | 'prohibit'
  | 'throw';

export interface FibRoute {
  table: number;
  type: RouteType;
  dst: Ip4;
  dstLen: number;
  tos: number;
  /** Metric ("metric N" in ip route, Metric in route -n). */
  priority: number;
  /** rtm_protocol: 'kernel' (2), 'boot' (3), 'static' (4), or a number. */
  protocol: string;
  scope: Scope;
  prefsrc: Ip4 | null;
  gateway: Ip4 | null;
  dev: DevId | null;
  onlink: boolean;
  /** RTA_METRICS (`mtu 1400`, `advmss 1200`, `mtu lock 1300`...), in RTAX_* order; absent when none. */
  metrics?: RouteMetric[];
  /** Insertion order among equal keys (fib_insert_alias appends). */
  seq: number;
}

/** One RTAX_* route metric: its iproute2 name (mx_names[]), value and whether it is locked (RTAX_LOCK). */
export interface RouteMetric {
  name: string;
  value: number;
  lock: boolean;
}

export interface FibRule {
  priority: number;
  table: number;
  /** `from PREFIX` (null: from all). */
  src: Ip4 | null;
  srcLen: number;
  /** `to PREFIX` (absent/null: any destination). */
  dst?: Ip4 | null;
  dstLen?: number;
  /** `iif NAME` / `oif NAME`: device names (a rule may name a device that does not exist yet). */
  iif?: string | null;
  oif?: string | null;
  /** FR_ACT_*: lookup a table (default) or answer with an error type. */
  action?: 'lookup' | 'blackhole' | 'unreachable' | 'prohibit';
}

// ---------------------------------------------------------------------------------------------------------
// Neighbour (ARP) table (net/core/neighbour.c, net/ipv4/arp.c)

export type NudState =
  'INCOMPLETE' | 'REACHABLE' | 'STALE' | 'DELAY' | 'PROBE' | 'FAILED' | 'NOARP' | 'PERMANENT' | 'NONE';

export interface NeighEntry {
  ip: Ip4;
  dev: DevId;
  lladdr: Mac | null;
  state: NudState;
  /** Probes sent in the current resolution attempt (busybox prints "probes N"). */
  probes: number;
  /** Last time the entry was confirmed reachable, used, or updated (neigh->confirmed/used/updated). */
  confirmedUs: number;
  usedUs: number;
  updatedUs: number;
  /** When the current state's timer fires (neigh->timer), or null. */
  timerUs: number | null;
  /** This entry's reachable_time (randomised from base_reachable_time, 0.5x..1.5x). */
  reachableTimeUs: number;
  /** Packets waiting for resolution (arp_queue), by event id of the held packet. */
  queue: Packet[];
  /** Kernel refcount as busybox shows it ("ref N"): a number of in-flight users. */
  refcnt: number;
  /** Creation order, for dump order (hash order is unspecified; we use creation order). */
  seq: number;
  /** Entry created by the user (`ip neigh add`). */
  manual: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Scheduled kernel events (sched.ts)

export type KEvent =
  | { kind: 'rx'; atUs: number; seq: number; dev: DevId; pkt: Packet }
  | { kind: 'neigh-timer'; atUs: number; seq: number; ns: NsId; ip: Ip4; dev: DevId }
  /** The IPv6 neighbour timer of `addr` on `dev` (ipv6/ndisc_nud.ts). */
  | { kind: 'nd6-timer'; atUs: number; seq: number; ns: NsId; addr: string; dev: DevId }
  | { kind: 'linkwatch'; atUs: number; seq: number; dev: DevId }
  | { kind: 'app'; atUs: number; seq: number; ns: NsId; socket: number; action: string }
  /**
   * dst_link_failure() for a packet the neighbour layer gave up on (arp_error_report): ICMP host unreachable
   * to its sender. Linux calls it from the neighbour timer; it is queued at the same instant here so that the
   * neighbour code does not import the ICMP sender (which sends through the neighbour code).
   */
  | { kind: 'link-failure'; atUs: number; seq: number; ns: NsId; pkt: Packet }
  /** ip_expire(): the ipfrag_time timer of the reassembly queue created at `startUs` (ipv4/ip_fragment.ts). */
  | ({ kind: 'ipfrag-expire'; atUs: number; seq: number; ns: NsId } & Omit<IpFragQueue, 'frags'>)
  /**
   * The REJECT target's answer (nf_reject_ipv4.c) to a copy of the packet it dropped, queued at the same
   * instant for the same reason: the hook code must not import the senders that call the hooks.
   */
  | { kind: 'nf-reject'; atUs: number; seq: number; ns: NsId; pkt: Packet; how: string; inDev: DevId | null };
