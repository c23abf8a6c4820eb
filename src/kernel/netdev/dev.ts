/**
 * Generic network-device operations, after net/core/dev.c: registration and ifindex allocation
 * (dev_index_reserve), unregistration, up/down (dev_open/dev_close), rename (dev_change_name), MAC/MTU/
 * txqueuelen changes, moving to another namespace (dev_change_net_namespace), and carrier/operstate
 * (netif_carrier_on/off, linkwatch, default_operstate).
 *
 * The consequences Linux wires through notifier chains (NETDEV_UP/DOWN/CHANGE/UNREGISTER) are called
 * directly here, in the same order: fib (fib_netdev_event), neighbours (arp_ifdown), IPv6 (addrconf_notify),
 * bridge (br_device_event).
 */
import type { Mac } from '../../lib';
import { BROADCAST_MAC } from '../../lib';
import type { KernelCtx } from '../context';
import { devByName, devOf, nameKey, nextOrderSeq, nsOf, peekNsOf, peekOf, putOf } from '../context';
import { kerr, kok, type KResult } from '../errno';
import { peernetId } from '../netnsid';
import { defaultDeviceConf } from '../sysctl';
import type { DevId, DeviceStats, NetDevice, NsId } from '../types';
import { fibAddIfaddrRoutes, fibFlushDev } from '../ipv4/fib_frontend';
import { neighIfdown } from '../neighbour';
import { addrconfDown, addrconfUpLoopback } from '../ipv6/addrconf';
import { ip6IfDown } from '../ipv6/ip6_ifdown';
import { brDeviceGone, brPortMacChanged } from '../bridge/br_if';
import { inetInsertLoopback } from '../ipv4/devinet';
import { fdbChangeBridgeMac } from '../bridge/br_fdb';
import {
  brPortStateSelection,
  linkwatchFire,
  isRunning,
  netdevChanged,
  updateLinkState,
  type LinkEventOpts,
} from './linkwatch';
import { xaGet, xaSet, xaDelete } from '../xarray';

export const IFNAMSIZ = 16;

/** dev_valid_name(): 1..15 bytes, not "." or "..", no '/', ':' or whitespace. */
export function validDevName(name: string): boolean {
  if (name.length === 0 || name.length >= IFNAMSIZ) return false;
  if (name === '.' || name === '..') return false;
  return !/[/:\s]/.test(name);
}

export function emptyStats(): DeviceStats {
  return {
    rxPackets: 0,
    rxBytes: 0,
    rxErrors: 0,
    rxDropped: 0,
    txPackets: 0,
    txBytes: 0,
    txErrors: 0,
    txDropped: 0,
    multicast: 0,
  };
}

/**
 * dev_index_reserve(): keep `wanted` when it is free in `ns`, else allocate cyclically from the namespace's
 * counter (xa_alloc_cyclic), so freed indexes are not reused until the counter wraps.
 */
export function reserveIfindex(ctx: KernelCtx, ns: NsId, wanted: number | null): number {
  const n = nsOf(ctx.k, ns);
  if (wanted !== null && n.byIndex[wanted] === undefined) return wanted;
  let i = n.ifindexNext;
  while (n.byIndex[i] !== undefined) i++;
  n.ifindexNext = i + 1;
  return i;
}

/**
 * dev_get_valid_name(): a name with a '%' is a pattern that must hold exactly one "%d" (else EINVAL) and
 * becomes the lowest free number (__dev_alloc_name); any other name must be valid and free (EEXIST).
 */
export function devGetValidName(ctx: KernelCtx, ns: NsId, name: string): KResult<string> {
  if (!validDevName(name) || !validPattern(name)) return kerr('EINVAL');
  if (name.includes('%')) return kok(allocName(ctx, ns, name));
  if (devByName(ctx.k, ns, name)) return kerr('EEXIST');
  return kok(name);
}

/** __dev_alloc_name(): a name without '%', or one whose only '%' starts "%d". */
export function validPattern(name: string): boolean {
  const p = name.indexOf('%');
  return p < 0 || (name[p + 1] === 'd' && !name.includes('%', p + 2));
}

/**
 * dev_alloc_name(): a pattern like "veth%d" with the lowest number whose name is free in `ns`; a name
 * without "%d" is kept as it is.
 */
export function allocName(ctx: KernelCtx, ns: NsId, pattern: string): string {
  if (!pattern.includes('%d')) return pattern;
  for (let i = 0; ; i++) {
    const name = pattern.replace('%d', String(i));
    if (!devByName(ctx.k, ns, name)) return name;
  }
}

type Assigned =
  | 'id'
  | 'ns'
  | 'ifindex'
  | 'createdSeq'
  | 'stats'
  | 'conf'
  | 'addrconfSeq'
  | 'inet'
  | 'inet6'
  | 'qdiscAttached'
  | 'inet6McDown';
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What a driver provides to register a device; the rest is assigned by registration. */
export type NewDevice = DistributiveOmit<NetDevice, Assigned> & { ifindex?: number | null };

/**
 * register_netdevice(): give the device an id and an ifindex in `ns` and publish it. The device starts down
 * (no carrier, operstate DOWN) unless it is a loopback, whose operstate is never set (UNKNOWN).
 */
export function registerDevice(ctx: KernelCtx, ns: NsId, init: NewDevice): NetDevice {
  const { k } = ctx;
  const ifindex = reserveIfindex(ctx, ns, init.ifindex ?? null);
  const id: DevId = String(k.nextDevSeq++);
  // The caller's fresh literal, completed in place: objects made at one call site then share one hidden class
  // (V8 map). `{ ...init, id, ... }` here saw four kinds of init, went megamorphic, and V8 gave every device
  // a map of its own: every later read of a device field (a thousand-container `ip a`, the graph's
  // projection) was a megamorphic lookup, two to three times slower.
  const dev = Object.assign(init, {
    id,
    ns,
    ifindex,
    createdSeq: nextOrderSeq(k),
    stats: emptyStats(),
    conf: defaultDeviceConf(peekOf(ctx)(peekNsOf(ctx, ns).sysctl)),
    addrconfSeq: null,
    inet6McDown: false,
    qdiscAttached: false,
    inet: [],
    inet6: [],
  }) as NetDevice;
  // Made here of fresh parts: nothing in it for immer to look for drafts in at the end.
  xaSet(k.devices, id, dev, putOf(ctx));
  nsOf(k, ns).byIndex[ifindex] = id;
  nsOf(k, ns).byName[nameKey(dev.name)] = id;
  return dev;
}

/**
 * unregister_netdevice(): a veth takes its peer with it (veth_dellink), a bridge releases its ports, a port
 * leaves its bridge; routes, neighbours and addresses on the device go.
 */
export function unregisterDevice(ctx: KernelCtx, id: DevId, opts: LinkEventOpts = {}): void {
  const { k } = ctx;
  const dev = xaGet(k.devices, id);
  if (!dev) return;
  if (dev.adminUp) closeDevice(ctx, id, opts);
  brDeviceGone(ctx, dev, opts);
  fibFlushDev(ctx, dev.ns, id);
  neighIfdown(ctx, dev.ns, id);
  ip6IfDown(ctx, dev.ns, id);
  dev.inet = [];
  dev.inet6 = [];
  delete nsOf(k, dev.ns).byIndex[dev.ifindex];
  delete nsOf(k, dev.ns).byName[nameKey(dev.name)];
  xaDelete(k.devices, id);
  k.queue = k.queue.filter((e) => !('dev' in e) || e.dev !== id);
  if (dev.kind === 'veth') {
    if (xaGet(k.devices, dev.peer)) unregisterDevice(ctx, dev.peer, opts);
  } else if (dev.kind === 'ether' && dev.wire) {
    const other = xaGet(k.devices, dev.wire);
    if (other && other.kind === 'ether') {
      other.wire = null;
      updateLinkState(ctx, other.id, opts);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Administrative state

/** dev_open(): IFF_UP, then NETDEV_UP: loopback's 127.0.0.1 and ::1, the routes of existing addresses. */
export function openDevice(ctx: KernelCtx, id: DevId): void {
  const dev = devOf(ctx.k, id);
  if (dev.adminUp) return;
  const wasRunning = isRunning(dev);
  dev.adminUp = true;
  dev.qdiscAttached = true;
  if (dev.kind === 'loopback') inetInsertLoopback(ctx, id);
  fibAddIfaddrRoutes(ctx, id);
  if (dev.kind === 'loopback') addrconfUpLoopback(ctx, id);
  // NETDEV_UP: a device whose link is already running (a bridge whose carrier nobody changed) is ready now.
  netdevChanged(ctx, dev, wasRunning);
  updateLinkState(ctx, id);
  if (dev.kind === 'veth') updateLinkState(ctx, dev.peer);
  if (dev.kind === 'ether' && dev.wire) updateLinkState(ctx, dev.wire);
}

/** dev_close(): NETDEV_DOWN flushes the device's routes, neighbours and IPv6 addresses. */
export function closeDevice(ctx: KernelCtx, id: DevId, opts: LinkEventOpts = {}): void {
  const dev = devOf(ctx.k, id);
  if (!dev.adminUp) return;
  dev.adminUp = false;
  updateLinkState(ctx, id, opts);
  fibFlushDev(ctx, dev.ns, id, false);
  neighIfdown(ctx, dev.ns, id);
  ip6IfDown(ctx, dev.ns, id);
  addrconfDown(ctx, id);
  if (dev.kind === 'veth') updateLinkState(ctx, dev.peer, opts);
  if (dev.kind === 'ether' && dev.wire) updateLinkState(ctx, dev.wire, opts);
}

/** dev_change_name(): EEXIST when the name is taken in the namespace; Linux 6.18 renames a device that is up. */
export function renameDevice(ctx: KernelCtx, id: DevId, name: string): KResult<void> {
  const dev = devOf(ctx.k, id);
  if (dev.name === name) return kok(undefined);
  const valid = devGetValidName(ctx, dev.ns, name);
  if (!valid.ok) return valid;
  name = valid.value;
  const names = nsOf(ctx.k, dev.ns).byName;
  delete names[nameKey(dev.name)];
  names[nameKey(name)] = id;
  dev.name = name;
  inetdevChangename(dev.inet, name);
  return kok(undefined);
}

/**
 * inetdev_changename() (net/ipv4/devinet.c): on NETDEV_CHANGENAME every IPv4 label takes the new name; the
 * first address keeps it bare, the others keep their ":suffix", and one without a suffix gets ":N", N
 * being its place in the list (1-based), all cut to fit IFNAMSIZ.
 */
function inetdevChangename(inet: NetDevice['inet'], name: string): void {
  inet.forEach((a, i) => {
    if (i === 0) {
      a.label = name;
      return;
    }
    const colon = a.label.indexOf(':');
    const dot = colon >= 0 ? a.label.slice(colon) : `:${i + 1}`;
    a.label =
      dot.length + name.length < IFNAMSIZ ? name + dot : name.slice(0, IFNAMSIZ - dot.length - 1) + dot;
  });
}

export function setMac(ctx: KernelCtx, id: DevId, mac: Mac): KResult<void> {
  const dev = devOf(ctx.k, id);
  if (dev.kind === 'loopback') return kerr('EOPNOTSUPP');
  if (parseInt(mac.slice(0, 2), 16) & 1) return kerr('EADDRNOTAVAIL');
  if (mac === '00:00:00:00:00:00') return kerr('EADDRNOTAVAIL');
  const old = dev.mac;
  dev.mac = mac;
  if (dev.kind === 'bridge') {
    dev.bridge.macSetByUser = true;
    fdbChangeBridgeMac(ctx, dev, old);
    // br_set_mac_address -> br_stp_change_bridge_id: a new bridge id re-runs the port state selection.
    if (old !== mac) brPortStateSelection(ctx, dev);
  }
  // NETDEV_CHANGEADDR on a bridge port (br_device_event).
  if (dev.master) brPortMacChanged(ctx, id, old);
  return kok(undefined);
}

export function setMtu(ctx: KernelCtx, id: DevId, mtu: number): KResult<void> {
  const dev = devOf(ctx.k, id);
  const max = dev.kind === 'loopback' ? 0x7fffffff : dev.kind === 'ether' ? 9000 : 65535;
  const min = 68;
  if (mtu < min || mtu > max) return kerr('EINVAL');
  dev.mtu = mtu;
  if (dev.kind === 'bridge') dev.mtuSetByUser = true;
  return kok(undefined);
}

export type UserFlag = 'promisc' | 'allmulti' | 'noarp' | 'nomulticast';

/**
 * dev_change_flags() for the flags user space may flip (IFF_PROMISC, IFF_ALLMULTI through gflags and
 * dev_set_promiscuity/dev_set_allmulti; IFF_NOARP and IFF_MULTICAST directly). Only what changed is kept.
 */
export function setUserFlag(ctx: KernelCtx, id: DevId, flag: UserFlag, on: boolean): void {
  const dev = devOf(ctx.k, id);
  const cur = { ...(dev.userFlags ?? {}) };
  if (on) cur[flag] = true;
  else delete cur[flag];
  if (Object.keys(cur).length > 0) dev.userFlags = cur;
  else delete dev.userFlags;
}

export function setTxqlen(ctx: KernelCtx, id: DevId, txqlen: number): KResult<void> {
  if (txqlen < 0 || txqlen > 0xffffffff) return kerr('EINVAL');
  devOf(ctx.k, id).txqlen = txqlen;
  return kok(undefined);
}

/**
 * dev_change_net_namespace(): bridges and loopback are netns-local (EINVAL); the name must be free in the
 * target (EEXIST). The device is closed, unregistered here (addresses, routes, neighbours and bridge
 * membership go), keeps its ifindex if the target does not use it, and is registered there down.
 */
export function changeNetns(
  ctx: KernelCtx,
  id: DevId,
  target: NsId,
  pat: string | null = null,
): KResult<void> {
  const { k } = ctx;
  const dev = devOf(k, id);
  if (dev.ns === target) return kok(undefined);
  if (dev.kind === 'bridge' || dev.kind === 'loopback')
    return kerr('EINVAL', 'The interface netns is immutable');
  // __dev_change_net_namespace(): a name taken in the target is replaced by the request's IFLA_IFNAME
  // (`ip link set X netns NS name Y`) when there is one, else the move is refused.
  let newName = dev.name;
  if (devByName(k, target, dev.name)) {
    if (pat === null) return kerr('EEXIST', 'An interface with the same name exists in the target netns');
    const valid = devGetValidName(ctx, target, pat);
    if (!valid.ok)
      return kerr('EEXIST', `Unable to use '${pat}' for the new interface name in the target netns`);
    newName = valid.value;
  }
  // The RTM_DELLINK sent in the old namespace carries IFLA_NEW_NETNSID: the old namespace gets an id for
  // the target (peernet2id_alloc in __dev_change_net_namespace).
  peernetId(k, dev.ns, target);
  const peerBefore = dev.kind === 'veth' ? xaGet(k.devices, dev.peer) : undefined;
  const peerCarrier = peerBefore?.carrier;
  if (dev.adminUp) closeDevice(ctx, id);
  if (dev.master) brDeviceGone(ctx, dev);
  fibFlushDev(ctx, dev.ns, id);
  neighIfdown(ctx, dev.ns, id);
  ip6IfDown(ctx, dev.ns, id);
  dev.inet = [];
  dev.inet6 = [];
  dev.addrconfSeq = null;
  dev.inet6McDown = false;
  dev.qdiscAttached = false;
  delete nsOf(k, dev.ns).byIndex[dev.ifindex];
  delete nsOf(k, dev.ns).byName[nameKey(dev.name)];
  dev.ns = target;
  dev.name = newName;
  dev.ifindex = reserveIfindex(ctx, target, dev.ifindex);
  nsOf(k, target).byIndex[dev.ifindex] = id;
  nsOf(k, target).byName[nameKey(dev.name)] = id;
  dev.conf = defaultDeviceConf(peekOf(ctx)(peekNsOf(ctx, target).sysctl));
  // RTM_NEWLINK in the target names the peer's namespace: that allocates the target's id for it.
  const other = dev.kind === 'veth' ? xaGet(k.devices, dev.peer) : null;
  if (other && other.ns !== target) peernetId(k, target, other.ns);
  updateLinkState(ctx, id);
  if (other) updateLinkState(ctx, other.id);
  // The peer's carrier change above queued a linkwatch event, which runs once the move is done
  // (linkwatch_urgent_event still goes through the workqueue): default_operstate() then looks the lower
  // device up by index in the peer's own namespace and no longer finds it there.
  if (other && peerCarrier !== undefined && other.carrier !== peerCarrier) linkwatchFire(ctx, other);
  return kok(undefined);
}

export function defaultEtherFields(): { broadcast: Mac } {
  return { broadcast: BROADCAST_MAC };
}
