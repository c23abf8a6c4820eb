/**
 * The simulated Linux network kernel. Layers above enter it only through this file.
 */
export * from './types';
export * from './errno';
export * from './trace';
export * from './drop_reason';
export * from './context';
export * from './sysctl';
export * from './netnsid';
export * from './xarray';
export {
  createNetns,
  destroyNetns,
  addNamedNetns,
  namedNetns,
  deleteNamedNetns,
  nameOfNetns,
  type NewNsOptions,
} from './netns';
export {
  IFNAMSIZ,
  validDevName,
  registerDevice,
  unregisterDevice,
  openDevice,
  closeDevice,
  renameDevice,
  setMac,
  setMtu,
  setTxqlen,
  setUserFlag,
  type UserFlag,
  changeNetns,
  allocName,
} from './netdev/dev';
export { updateLinkState, linkwatchRun, LINKWATCH_DELAY_US } from './netdev/linkwatch';
export { createVethPair, type VethEnd } from './netdev/veth';
export { createNic, connectNics, type NicSpec } from './netdev/ether';
export { createBridge, type NewBridge } from './bridge/br_device';
export { brAddIf, brDelIf, bridgeIdMac } from './bridge/br_if';
export { fdbExpired, fdbFind } from './bridge/br_fdb';
export { brFdbAdd, brFdbDelete, fdbTarget, type FdbUserState, type FdbUserFlags } from './bridge/br_fdb_user';
export {
  fdbDump,
  fdbFillbuf,
  type FdbRecord,
  type FdbState,
  type FdbDumpFilter,
  type FdbBufEntry,
} from './bridge/br_fdb_dump';
export {
  brSetParam,
  brSetPort,
  brGcTimerUs,
  type BridgeParam,
  type PortFlag,
  type PortState,
  type PortChange,
} from './bridge/br_stp_if';
export { devMcList, solicitedNodeMacOf } from './netdev/dev_addr_lists';
export {
  fibInsert,
  fibDelete,
  fibLookup,
  fibTableLookup,
  RT_TABLE_LOCAL,
  RT_TABLE_MAIN,
  RT_TABLE_DEFAULT,
  type FibInsertMode,
  type NewRoute,
  type RouteSelector,
  type FibResult,
} from './ipv4/fib';
export {
  inetAddAddr,
  inetDelAddr,
  inetSetMetric,
  primaryAddr,
  setIpForward,
  type NewInetAddr,
} from './ipv4/devinet';
export { fibRuleAdd, fibRuleDel, type RuleKey } from './ipv4/fib_rules';
export {
  setDisableIpv6,
  setIpv6Forwarding,
  ipv6Disabled,
  isTentative,
  inet6IfaFlags,
  DAD_US,
  DAD_PENDING,
} from './ipv6/addrconf';
export { fib6Routes, compareFib6Prefix, RT6_TABLE_MAIN, RT6_TABLE_LOCAL, type Fib6Route } from './ipv6/route';
export { ndiscNeighbours, type NdNeigh } from './ipv6/ndisc';
export {
  fib6Lookup,
  ip6RouteAdd,
  ip6RouteDel,
  ip6RouteReplace,
  ipv6DevGetSaddr,
  IP6_RT_PRIO_USER,
  type Fib6Config,
} from './ipv6/ip6_fib';
export { ip6RouteOutput, ip6Sendmsg, type Rt6Output, type Datagram6 } from './ipv6/ip6_output';
export { nd6State } from './ipv6/ndisc_nud';
export { IPV6_DEFAULT_HOPLIMIT } from './ipv6/icmpv6';
export { igmpNeighbours, type IgmpNeigh } from './ipv4/igmp';
export { inet6AddAddr, inet6DelAddr, ipv6AddrScope, type NewInet6Addr } from './ipv6/inet6_addr';
export { neighLookup, neighIfdown } from './neighbour';
export { cgroupFreeze, cgroupThaw } from './cgroup_freezer';
export {
  schedule,
  step,
  runUntil,
  runUntilOr,
  advance,
  nextEventUs,
  HZ,
  JIFFY_US,
  jiffiesAt,
  msToJiffies,
  timerFireUs,
} from './sched';
// The packet path: sockets and what programs send through them, neighbours as `ip neigh` changes them.
export { sockOpen, sockClose, sockGet, sockDrain, sockEphemeralPort, sockPidIn, type SockSpec } from './sock';
export { ipSendmsg, defaultTtl, type Datagram } from './ipv4/ip_output';
export { pmtuException, rtCacheFlush } from './ipv4/route_pmtu';
export { tcpConnect, tcpSend, tcpClose, tcpAbort, tcpAccept } from './ipv4/tcp';
export { udpSendmsg, udpConnect } from './ipv4/udp';
export {
  ipRouteOutput,
  ipRouteInput,
  inetSelectAddr,
  inetAddrType,
  isLocalAddr,
  routeText,
  type RtOutput,
  type FlowKey,
} from './ipv4/route';
export { neighAdminSet, neighAdminDelete, neighConfirm } from './ipv4/arp';
export { neighParms, NUD_VALID, NUD_CONNECTED, type NeighParms } from './neighbour';
export { pktSummary, pktSummaryWithLink, frameLen } from './trace_fmt';
export { nfRuleEqual } from './netfilter/nft_rule';
export {
  BUILTIN_CHAINS,
  TABLE_SAVE_ORDER,
  isBuiltinChain,
  nfEnsureTable,
  nfTable,
  nfFindChain,
  nfListChains,
  nfChainRefs,
  nfNewChain,
  nfInsertRule,
  nfAppendRule,
  nfDeleteRule,
  nfDeleteRuleNum,
  nfReplaceRule,
  nfCheckRule,
  nfFlush,
  nfDeleteChain,
  nfRenameChain,
  nfSetPolicy,
  nfZeroCounters,
  type NfRuleSpec,
} from './netfilter/tables';
export { nfRuleInvalid } from './netfilter/validate';
export { ruleSaveBody, ruleSaveText, natRangeText, saveString } from './netfilter/rule_text';
export * from './netfilter/xt_names';
export { ctLive, ctSecondsLeft, ctUse, ctEnabled, nfCtAttach, ICMP_REPLY_OF } from './netfilter/nf_conntrack';
export { nfHook, type NfVerdict, type NfHookOpts } from './netfilter/hooks';
export { kernelInvariantViolations } from './invariants';
export { UTS_SYSNAME, UTS_RELEASE, UTS_VERSION, UTS_MACHINE } from './utsname';
