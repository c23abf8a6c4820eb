/**
 * What an RTM_NEWLINK message carries for a device, as the kernel builds it: rtnl_fill_ifinfo
 * (net/core/rtnetlink.c) for ordinary link dumps and gets, inet6_fill_ifinfo (net/ipv6/addrconf.c) for a
 * dump asked with family AF_INET6 (`ip -6 addr`), which has no qdisc, master, group or link-netnsid.
 * iproute2 and BusyBox both print from these messages.
 */
import type { DevId, DeviceStats, KernelState, NetDevice, NsId } from '../../../../kernel';
import { devicesOf, peernetId, peernetIdIfAny, xaGet } from '../../../../kernel';
import type { CommandIO } from '../../../types';

/** include/uapi/linux/if.h net_device_flags. */
export const IFF = {
  UP: 0x1,
  BROADCAST: 0x2,
  DEBUG: 0x4,
  LOOPBACK: 0x8,
  POINTOPOINT: 0x10,
  NOTRAILERS: 0x20,
  RUNNING: 0x40,
  NOARP: 0x80,
  PROMISC: 0x100,
  ALLMULTI: 0x200,
  MASTER: 0x400,
  SLAVE: 0x800,
  MULTICAST: 0x1000,
  PORTSEL: 0x2000,
  AUTOMEDIA: 0x4000,
  DYNAMIC: 0x8000,
  LOWER_UP: 0x10000,
  DORMANT: 0x20000,
  ECHO: 0x40000,
} as const;

/** IF_OPER_* as numbers (iproute2 indexes its name table with them). */
export const OPER_STATES = [
  'UNKNOWN',
  'NOTPRESENT',
  'DOWN',
  'LOWERLAYERDOWN',
  'TESTING',
  'DORMANT',
  'UP',
] as const;

export interface LinkMsg {
  ifindex: number;
  /** ifi_type: ARPHRD_ETHER or ARPHRD_LOOPBACK, by name. */
  type: 'ether' | 'loopback';
  /** ifi_flags: dev_get_flags(). */
  flags: number;
  name: string;
  mtu: number;
  /** IFLA_QDISC; absent from AF_INET6 link messages. */
  qdisc: string | null;
  /** IFLA_MASTER ifindex. */
  master: number | null;
  /** IFLA_OPERSTATE as an index into OPER_STATES. */
  operstate: number;
  /** IFLA_LINKMODE, IFLA_GROUP: null where the message has none. */
  linkmode: number | null;
  group: number | null;
  /** tx_queue_len (IFLA_TXQLEN, or what SIOCGIFTXQLEN answers when the message has none). */
  txqlen: number;
  address: string;
  broadcast: string | null;
  /** IFLA_LINK: the peer's ifindex, when it differs from ours or the peer is in another namespace. */
  link: number | null;
  /** IFLA_LINK_NETNSID: the id this namespace has for the peer's namespace. */
  linkNetnsid: number | null;
  promiscuity: number;
  allmulti: number;
  minMtu: number;
  maxMtu: number;
  /** IFLA_INFO_KIND and IFLA_INFO_SLAVE_KIND. */
  kind: string | null;
  slaveKind: string | null;
  numTxQueues: number;
  numRxQueues: number;
  stats: DeviceStats;
  /** IFLA_IFALIAS (full messages only). */
  alias: string | null;
  /** The device itself, for the kind-specific attributes (IFLA_INFO_DATA) that `-d` prints. */
  dev: NetDevice;
}

/** dev->min_mtu / dev->max_mtu (0 = no limit): what each driver sets up. */
export function mtuLimits(dev: Pick<NetDevice, 'kind'>): { min: number; max: number } {
  if (dev.kind === 'loopback') return { min: 0, max: 0 };
  return { min: 68, max: dev.kind === 'ether' ? 9000 : 65535 };
}

/** dev_get_flags(): administrative flags plus RUNNING (operstate up) and LOWER_UP (carrier) while up. */
export function devFlags(dev: NetDevice): number {
  let f = dev.kind === 'loopback' ? IFF.LOOPBACK : IFF.BROADCAST | IFF.MULTICAST;
  // What `ip link set` changed: gflags' PROMISC/ALLMULTI, NOARP, MULTICAST off.
  const u = dev.userFlags;
  if (u?.promisc) f |= IFF.PROMISC;
  if (u?.allmulti) f |= IFF.ALLMULTI;
  if (u?.noarp) f |= IFF.NOARP;
  if (u?.nomulticast) f &= ~IFF.MULTICAST;
  if (dev.adminUp) {
    f |= IFF.UP;
    if (dev.operstate === 'UP' || dev.operstate === 'UNKNOWN') f |= IFF.RUNNING;
    if (dev.carrier) f |= IFF.LOWER_UP;
  }
  return f;
}

/** dev_get_iflink(): a veth's peer ifindex; everything else links to itself. */
function iflink(k: KernelState, dev: NetDevice): { index: number; peerNs: NsId | null } {
  if (dev.kind === 'veth') {
    const peer = xaGet(k.devices, dev.peer);
    if (!peer) return { index: 0, peerNs: null };
    return { index: peer.ifindex, peerNs: peer.ns };
  }
  return { index: dev.ifindex, peerNs: null };
}

/** The qdisc the device's queue points at: noop until first opened, then the default (noqueue if IFF_NO_QUEUE). */
function qdiscOf(dev: NetDevice): string {
  if (!dev.qdiscAttached) return 'noop';
  return dev.kind === 'ether' ? dev.qdisc : 'noqueue';
}

function operIndex(dev: NetDevice): number {
  return OPER_STATES.indexOf(dev.adminUp ? dev.operstate : 'DOWN');
}

/** rtnl_fill_ifinfo() (family AF_UNSPEC) or inet6_fill_ifinfo() (family inet6). */
export function fillLink(
  k: KernelState,
  ns: NsId,
  dev: NetDevice,
  family: 'unspec' | 'inet6' = 'unspec',
): LinkMsg {
  const il = iflink(k, dev);
  const otherNs = il.peerNs !== null && il.peerNs !== ns;
  const netnsid = family === 'unspec' && otherNs ? peernetIdIfAny(k, ns, il.peerNs as NsId) : null;
  // rtnetlink always puts IFLA_LINK when it puts a link-netnsid (nla_put_iflink(force)); inet6 only on a difference.
  const link = il.index !== dev.ifindex || netnsid !== null ? il.index : null;
  const isPort = dev.master !== null;
  const full = family === 'unspec';
  return {
    ifindex: dev.ifindex,
    type: dev.kind === 'loopback' ? 'loopback' : 'ether',
    flags: devFlags(dev),
    name: dev.name,
    mtu: dev.mtu,
    qdisc: full ? qdiscOf(dev) : null,
    master: full && dev.master ? (xaGet(k.devices, dev.master)?.ifindex ?? null) : null,
    operstate: operIndex(dev),
    linkmode: full ? 0 : null,
    group: full ? dev.group : null,
    txqlen: dev.txqlen,
    address: dev.mac,
    broadcast: dev.broadcast,
    link,
    linkNetnsid: netnsid,
    // br_add_if() puts a port in promiscuous and allmulti mode; so does the user's own flag, once.
    promiscuity: (isPort ? 1 : 0) + (dev.userFlags?.promisc ? 1 : 0),
    allmulti: (isPort ? 1 : 0) + (dev.userFlags?.allmulti ? 1 : 0),
    minMtu: mtuLimits(dev).min,
    maxMtu: mtuLimits(dev).max,
    kind: dev.kind === 'veth' ? 'veth' : dev.kind === 'bridge' ? 'bridge' : null,
    slaveKind: isPort ? 'bridge' : null,
    // veth allocates one queue per possible CPU (2 on the reference machine).
    numTxQueues: dev.kind === 'veth' ? 2 : 1,
    numRxQueues: dev.kind === 'veth' ? 2 : 1,
    stats: dev.stats,
    alias: full ? dev.alias : null,
    dev,
  };
}

/** An RTM_GETLINK dump: every device of the namespace in ifindex order. */
export function dumpLinks(k: KernelState, ns: NsId, family: 'unspec' | 'inet6' = 'unspec'): LinkMsg[] {
  return devicesOf(k, ns).map((d) => fillLink(k, ns, d, family));
}

/**
 * Building an RTM_NEWLINK for a veth whose peer lives in another namespace allocates the device
 * namespace's id for the peer's (rtnl_fill_link_netnsid -> peernet2id_alloc): a dump, or the announcement
 * of a change, is enough. `devs` are the devices the messages are about.
 */
export function allocLinkNsids(io: CommandIO, devs: readonly DevId[]): void {
  const k = io.os.state.kernel;
  const missing = devs.filter((id) => {
    const d = xaGet(k.devices, id);
    if (d?.kind !== 'veth') return false;
    const peer = xaGet(k.devices, d.peer);
    return !!peer && peer.ns !== d.ns && peernetIdIfAny(k, d.ns, peer.ns) === null;
  });
  if (missing.length === 0) return;
  io.os.mutate(({ kctx }) => {
    for (const id of missing) {
      const d = xaGet(kctx.k.devices, id);
      const peer = d?.kind === 'veth' ? xaGet(kctx.k.devices, d.peer) : undefined;
      if (d && peer) peernetId(kctx.k, d.ns, peer.ns);
    }
  });
}
