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

/**
 * Ids of namespaces and devices: decimal strings from their own counters ("0", "1", ...), never reused.
 * Numbers on purpose: `netns` and `devices` are radix tables indexed by them (xarray.ts: 64-slot chunks,
 * small integer keys that V8 keeps as array-like elements), so a line that changes one device copies the
 * table's top and one chunk, about 1 KB, instead of a flat table of three thousand entries (~24 KB, kept
 * alive by the undo history). Tables iterate in ascending id order, which is creation order here.
 */
/** Reads a part of a draft as it is now without drafting it (KernelCtx.peek). */
export type Peek = <T>(x: T) => T;
/** Assigns a value made of no drafts into a draft without immer walking it at the end (KernelCtx.put). */
export type Put = <T extends object, K extends keyof T>(parent: T, key: K, value: T[K]) => void;

declare const XA_BRAND: unique symbol;

/** A radix table of `T` keyed by decimal-string ids (xarray.ts). Opaque: use the xa* functions there. */
export interface XArray<T> {
  readonly [XA_BRAND]: T;
}

export type NsId = string;
export type DevId = string;

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
// Netfilter (net/netfilter, iptables-nft's view of it)

export type NfTableName = 'filter' | 'nat' | 'raw' | 'mangle' | 'security';
export type NfHook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

export interface Netfilter {
  /** A table exists once something wrote to it (iptables-nft creates tables on first change, not on listing). */
  tables: Partial<Record<NfTableName, NfTable>>;
}

export interface NfTable {
  name: NfTableName;
  /** Built-in chains first in hook order, then user chains in creation order (listings sort them by name). */
  chains: NfChain[];
}

export interface NfCounters {
  pkts: number;
  bytes: number;
}

export interface NfChain {
  name: string;
  builtin: boolean;
  /** Built-in chains only. */
  policy: 'ACCEPT' | 'DROP' | null;
  /**
   * nf_tables keeps policy counters only on a base chain that `-P` created or updated (iptables-nft sends
   * NFTA_CHAIN_COUNTERS then); a base chain that came into being for a rule has none and lists 0 packets.
   */
  policyCounted: boolean;
  counters: NfCounters;
  rules: NfRule[];
}

/** An address match: `-s`/`-d` with optional `!`; `addr` is already masked to `prefixLen`. */
export interface NfAddrMatch {
  addr: Ip4;
  prefixLen: number;
  invert: boolean;
}

/** An interface match: `-i`/`-o`; a trailing '+' is a prefix wildcard. */
export interface NfIfaceMatch {
  name: string;
  invert: boolean;
}

export interface NfPortRange {
  from: number;
  to: number;
  invert: boolean;
}

/** A port or port range without negation (NAT targets' `:port[-port]`, `--to-ports`, multiport items). */
export interface NfPorts {
  from: number;
  to: number;
}

/** `--tcp-flags mask comp` as bits (FIN 1, SYN 2, RST 4, PSH 8, ACK 16, URG 32). */
export interface NfTcpFlags {
  mask: number;
  comp: number;
  invert: boolean;
}

export type NfMatch =
  | { kind: 'tcp'; sport: NfPortRange | null; dport: NfPortRange | null; flags: NfTcpFlags | null }
  | { kind: 'udp'; sport: NfPortRange | null; dport: NfPortRange | null }
  /** icmpType null is `any`; codes are the range the match accepts (0-255 when only a type is given). */
  | { kind: 'icmp'; icmpType: number | null; codeMin: number; codeMax: number; invert: boolean }
  | {
      kind: 'addrtype';
      srcTypes: string[] | null;
      srcInvert: boolean;
      dstTypes: string[] | null;
      dstInvert: boolean;
      limitIfaceIn: boolean;
      limitIfaceOut: boolean;
    }
  /** States in iptables' print order (INVALID, NEW, RELATED, ESTABLISHED, UNTRACKED, SNAT, DNAT). */
  | { kind: 'conntrack'; ctstate: string[]; invert: boolean }
  | { kind: 'state'; state: string[]; invert: boolean }
  | { kind: 'comment'; comment: string }
  | { kind: 'mark'; mark: number; mask: number; invert: boolean }
  | { kind: 'multiport'; dir: 'src' | 'dst' | 'any'; ports: NfPorts[]; invert: boolean };

export type NfTarget =
  | { kind: 'ACCEPT' }
  | { kind: 'DROP' }
  | { kind: 'RETURN' }
  | { kind: 'jump'; chain: string }
  | { kind: 'goto'; chain: string }
  | { kind: 'REJECT'; with: string }
  | { kind: 'MASQUERADE'; toPorts: NfPorts | null; random: boolean }
  | { kind: 'SNAT'; to: NfNatRange; random: boolean; persistent: boolean }
  | { kind: 'DNAT'; to: NfNatRange; random: boolean; persistent: boolean }
  | { kind: 'REDIRECT'; toPorts: NfPorts | null; random: boolean }
  | { kind: 'LOG'; prefix: string | null; level: number }
  /** xt_MARK in its canonical --set-xmark form: mark = (mark & ~mask) ^ value. */
  | { kind: 'MARK'; value: number; mask: number }
  /** `-j NOTRACK` (viaCt false) or `-j CT --notrack` (viaCt true) in the raw table: both untrack, print apart. */
  | { kind: 'NOTRACK'; viaCt: boolean }
  | { kind: 'none' };

export interface NfNatRange {
  addrFrom: Ip4 | null;
  addrTo: Ip4 | null;
  portFrom: number | null;
  portTo: number | null;
}

export interface NfRule {
  src: NfAddrMatch | null;
  dst: NfAddrMatch | null;
  inIface: NfIfaceMatch | null;
  outIface: NfIfaceMatch | null;
  /** Protocol number (6 tcp, 17 udp, 1 icmp) or null for any. */
  proto: number | null;
  protoInvert: boolean;
  /**
   * `-f` (IPT_F_FRAG): true matches only second and further fragments, false (`! -f`) only the others;
   * absent when the rule does not look at fragments.
   */
  frag?: boolean;
  /** Matches in the order iptables prints them (command-line order, `-m tcp` where the first tcp option was). */
  matches: NfMatch[];
  target: NfTarget;
  counters: NfCounters;
}

// ---------------------------------------------------------------------------------------------------------
// Connection tracking (net/netfilter/nf_conntrack_core.c, nf_nat_core.c)

export interface CtTuple {
  src: Ip4;
  dst: Ip4;
  /** TCP/UDP ports; for ICMP echo-like types sport = dport = the id; 0 for other protocols. */
  sport: number;
  dport: number;
}

export interface ConntrackEntry {
  id: number;
  proto: number;
  orig: CtTuple;
  /** What a reply looks like: after NAT it is not the inverse of `orig` (that is how NAT is undone). */
  reply: CtTuple;
  /** TCP state name as conntrack prints it, or null for other protocols. */
  tcpState: string | null;
  /** Which direction sent the first FIN (the close sequence's bookkeeping), or null. */
  tcpFinFrom: 'orig' | 'reply' | null;
  /** IPS_SEEN_REPLY: printed as [UNREPLIED] while false. */
  seenReply: boolean;
  assured: boolean;
  /** In the hash table (__nf_conntrack_confirm at INPUT/POSTROUTING); unconfirmed entries die with their packet. */
  confirmed: boolean;
  srcNat: boolean;
  dstNat: boolean;
  /** NAT already decided for this direction of hooks (nf_nat_initialized for SRC/DST manip). */
  natDoneSrc: boolean;
  natDoneDst: boolean;
  createdUs: number;
  expiresUs: number;
  icmpType: number | null;
  icmpCode: number | null;
  mark: number;
  zone: number;
}

// ---------------------------------------------------------------------------------------------------------
// Sockets: just enough transport for teaching (listeners, connect/refused/timeout, ping sockets)

export type SocketProto = 'tcp' | 'udp' | 'icmp';

/** What answers on a listening socket. Plain data so the World stays serializable. */
export type SocketApp =
  | {
      kind: 'http';
      server: string;
      body: string;
      contentType: string;
      /**
       * nginx's Date/Last-Modified/ETag headers and its logs: the wall clock at simulated time 0, the page's
       * mtime, and ngx_connection_counter (`conns`, counted on the listener; `no`: a connection's number, `*N`).
       */
      wall?: { epochMs: number; lastModifiedS: number; conns: number; no?: number };
    }
  /** BusyBox httpd (networking/httpd.c): the files under its home as they were when it started. */
  | { kind: 'httpd'; epochMs: number; files: Record<string, { body: string; mtimeS: number }> }
  /**
   * A listening netcat run as a background program: `reply` is what its stdin holds (sent on accept), and
   * with `stdinEof` (a pipe or /dev/null) it then shuts its side down; what it reads is its stdout
   * (`KernelHooks.programOutput`); `keep` (-k, or a loop) listens again.
   */
  | { kind: 'nc'; stdinEof: boolean; keep: boolean; reply: string }
  | { kind: 'dns' }
  | { kind: 'echo' }
  | { kind: 'proxy'; toAddr: Ip4; toPort: number }
  | { kind: 'sink' }
  | { kind: 'client' };

export interface Socket {
  id: number;
  proto: SocketProto;
  localAddr: Ip4;
  localPort: number;
  remoteAddr: Ip4 | null;
  remotePort: number | null;
  state:
    | 'LISTEN'
    | 'UNCONN'
    | 'SYN-SENT'
    | 'SYN-RECV'
    | 'ESTAB'
    | 'FIN-WAIT-1'
    | 'FIN-WAIT-2'
    | 'CLOSING'
    | 'CLOSE-WAIT'
    | 'LAST-ACK'
    | 'TIME-WAIT'
    | 'CLOSED';
  /** Program name as `ss -p`/`netstat -p` would show it. */
  program: string;
  /** The holding process's pid as the host's (initial) PID namespace numbers it. */
  pid: number;
  /**
   * The holding process's own PID namespace and its pid there, when it is not the host's: a container's
   * processes (Docker gives each container its own PID namespace). ss and netstat find a socket's process by
   * walking /proc, which shows only the reader's PID namespace and those below it: a container sharing a
   * network namespace (`--network container:web`) sees web's sockets but not web's processes. Null: a process
   * of the host (docker-proxy, dockerd's embedded DNS).
   */
  nsPid: SocketNsPid | null;
  app: SocketApp;
  /** Data and errors delivered to the socket, drained by the program (ping reads replies here). */
  rx: SocketMessage[];
  /** SO_BINDTODEVICE (ping -I eth0, traceroute -i): the only device it sends through and receives from. */
  bindDev: DevId | null;
  /** IP_TTL, or null for net.ipv4.ip_default_ttl. */
  ttl: number | null;
  /** IP_MTU_DISCOVER when set (absent: want, net.ipv4.ip_no_pmtu_disc 0); ip_output.ts Datagram.pmtudisc. */
  pmtudisc?: 'want' | 'dont' | 'do' | 'probe';
  /** IP_RECVERR: ICMP errors about this socket's packets are queued as 'error' messages. */
  recverr: boolean;
  /** TCP's control block (struct tcp_sock, reduced), null for other protocols and listeners. */
  tcp: TcpCb | null;
  /** listen()'s backlog (sk_max_ack_backlog, capped by net.core.somaxconn): what ss shows as a listener's Send-Q. */
  backlog: number;
}

/** A process's PID namespace (an opaque id: a container's) and its pid in it. */
export interface SocketNsPid {
  ns: string;
  pid: number;
}

/** The TCP sequence space and timers of one connection (include/linux/tcp.h struct tcp_sock, reduced). */
export interface TcpCb {
  iss: number;
  /** Next sequence number to send, oldest unacknowledged, next expected from the peer. */
  sndNxt: number;
  sndUna: number;
  rcvNxt: number;
  /** The retransmit timer's expiry (icsk_retransmit_timer), and how many times it fired for this segment. */
  rtoAtUs: number | null;
  retries: number;
  /** Segments sent but not acknowledged yet, for retransmission (their flags and payload). */
  unacked: { seq: number; flags: string; payload: Payload }[];
  /** The listener an accepted connection came from. */
  parent: number | null;
  /** The socket whose data this one relays (docker-proxy's two halves). */
  peerSock: number | null;
  /** An accepted connection was handed to its program (accept()). */
  accepted: boolean;
}

export type SocketMessage =
  | { kind: 'data'; fromAddr: Ip4; fromPort: number; ttl: number; atUs: number; payload: Payload }
  | {
      kind: 'error';
      fromAddr: Ip4;
      atUs: number;
      icmpType: number;
      icmpCode: number;
      payload: Payload;
      /** The offending datagram the ICMP error quotes (sock_extended_err's payload): our own header. */
      inner: Ip4Header | null;
      innerL4: InnerL4 | null;
      /** ee_origin: an ICMP message from `fromAddr`, or a local error (EMSGSIZE...). */
      origin: 'icmp' | 'local';
      /**
       * ee_errno and ee_info of a local error (ip_local_error): EMSGSIZE with the path MTU; ee_info of an
       * ICMP "fragmentation needed" is its next-hop MTU.
       */
      eeErrno?: string;
      eeInfo?: number;
      /** IP_RECVTTL: the TTL the ICMP message arrived with. */
      ttl: number;
    }
  /** A whole ICMP message read from a raw ICMP socket (ping, traceroute's receive socket). */
  | {
      kind: 'icmp';
      fromAddr: Ip4;
      toAddr: Ip4;
      atUs: number;
      ttl: number;
      /** IP total length of the datagram. */
      ipLen: number;
      icmp: Extract<L4, { proto: 1 }>;
      /** The receiving device (IP_PKTINFO). */
      dev: DevId | null;
    }
  | { kind: 'reset'; atUs: number }
  | { kind: 'connected'; atUs: number }
  /** The peer closed its side (a FIN): read() returns 0 from now on. */
  | { kind: 'eof'; atUs: number }
  /** A connection-level error (sk_err): ETIMEDOUT, EHOSTUNREACH, ECONNREFUSED from ICMP... */
  | { kind: 'sockerr'; atUs: number; errno: string };

// ---------------------------------------------------------------------------------------------------------
// Packets (struct sk_buff, reduced to the headers the simulation reads)

export interface EthHeader {
  src: Mac;
  dst: Mac;
  /** 0x0800 IPv4, 0x0806 ARP, 0x86dd IPv6 */
  ethertype: number;
}

export interface ArpPayload {
  op: 1 | 2;
  senderMac: Mac;
  senderIp: Ip4;
  targetMac: Mac;
  targetIp: Ip4;
}

export type L4 =
  | {
      proto: 1;
      type: number;
      code: number;
      id: number;
      seq: number;
      inner: Ip4Header | null;
      innerL4?: InnerL4 | null;
      /** The next-hop MTU of a "fragmentation needed" (RFC 1191, icmph->un.frag.mtu). */
      mtu?: number;
    }
  | { proto: 6; sport: number; dport: number; flags: string; seq: number; ack: number }
  | { proto: 17; sport: number; dport: number }
  | { proto: 2 }
  | { proto: number };

/** The first bytes of the offending datagram that an ICMP error quotes. */
export type InnerL4 =
  { sport: number; dport: number } | { type: number; code: number; id: number; seq: number };

export interface Ip4Header {
  src: Ip4;
  dst: Ip4;
  ttl: number;
  proto: number;
  id: number;
  tos: number;
  /** Total length in bytes (header + payload). */
  len: number;
  /**
   * A fragment (net/ipv4/ip_output.c ip_do_fragment): the offset of its data in the datagram, in bytes (a
   * multiple of 8; the header field counts 8-byte units), and More Fragments. Absent on a whole datagram.
   * A first fragment keeps the datagram's L4 header and payload; the others have neither.
   */
  fragOff?: number;
  mf?: boolean;
  /** Don't Fragment: a forwarder answers "fragmentation needed" instead of fragmenting it. */
  df?: boolean;
}

export type Payload =
  | { kind: 'none' }
  | { kind: 'bytes'; size: number }
  | { kind: 'text'; text: string }
  | { kind: 'dns'; id: number; qname: string; qtype: string; answers: string[] | null; rcode: number };

export interface Packet {
  /** Stable id for the trace: every hop of one packet carries the same id. */
  id: number;
  eth: EthHeader | null;
  arp: ArpPayload | null;
  ip: Ip4Header | null;
  l4: L4 | null;
  payload: Payload;
  /**
   * Conntrack entry this packet belongs to (skb->_nfct) with its direction and ctinfo (IP_CT_NEW,
   * IP_CT_ESTABLISHED, IP_CT_RELATED); `untracked` (id 0) after -j NOTRACK/CT --notrack in raw.
   */
  ct: PacketCt | null;
  /** skb->mark */
  mark: number;
  /** Set once the packet crossed a bridge's netfilter hooks (br_netfilter), to avoid running them twice. */
  brnf: boolean;
  /**
   * IPCB(skb)->frag_max_size: the largest fragment of a datagram that conntrack or the bridge reassembled;
   * ip_output refragments it at no more than that (ipv4/ip_fragment.ts). Absent otherwise.
   */
  fragMax?: number;
}

export interface PacketCt {
  id: number;
  dir: 'orig' | 'reply';
  info: 'new' | 'established' | 'related' | 'untracked';
}

// ---------------------------------------------------------------------------------------------------------
// Scheduled kernel events (sched.ts)

export type KEvent =
  | { kind: 'rx'; atUs: number; seq: number; dev: DevId; pkt: Packet }
  | { kind: 'neigh-timer'; atUs: number; seq: number; ns: NsId; ip: Ip4; dev: DevId }
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
