/**
 * The namespace boxes and links of the topology projection, each memoized on the kernel objects it is made of:
 * a line changes a few of a thousand namespaces and veth pairs, so the rest are the same boxes and links as
 * last time (the same objects, which the UI then skips) instead of being rebuilt and re-sorted on every line.
 */
import type { DevId, KernelState, NetDevice, NetNs, NsId } from '../kernel';
import { devicesOf, xaGet } from '../kernel';
import type { ContainerMode, NsRole, TopoContainer, TopoLink, TopoNs } from './topology_types';
import { sameItems, sameRecord } from './topology_records';

/** A namespace's devices in ifindex order, split as the box shows them. */
export interface NsDevices {
  devices: DevId[];
  bridges: DevId[];
}

/**
 * What a namespace's split was made of: valid while its devices (and ports' masters) are the same objects.
 * Keyed by the namespace's ifindex table, which outlives copies of the namespace record (a neighbour entry or
 * a counter changes the record, not the table).
 */
interface NsDevicesMemo {
  devs: NetDevice[];
  /** The masters of bridge ports, as they were (a port's box placement depends on its master's kind). */
  masters: (NetDevice | undefined)[];
  external: boolean;
  out: NsDevices;
}
const nsDevicesMemo = new WeakMap<NetNs['byIndex'], NsDevicesMemo>();

export function nsDevices(k: KernelState, ns: NetNs, external: boolean): NsDevices {
  const m = nsDevicesMemo.get(ns.byIndex);
  if (m && m.external === external) {
    // The same ifindex table: the same ids. Still the same split while each device and its master are.
    let same = true;
    for (let i = 0; i < m.devs.length && same; i++) {
      const was = m.devs[i] as NetDevice;
      const d = xaGet(k.devices, was.id);
      if (d !== was || (d.master !== null && xaGet(k.devices, d.master) !== m.masters[i])) same = false;
    }
    if (same) return m.out;
  }
  const devs = devicesOf(k, ns.id);
  const masters = devs.map((d) => (d.master !== null ? xaGet(k.devices, d.master) : undefined));
  let out: NsDevices = {
    devices: devs
      .filter((d, i) => {
        if (d.kind === 'bridge') return false;
        if (external && d.kind === 'loopback') return false;
        return !(d.master && masters[i]?.kind === 'bridge');
      })
      .map((d) => d.id),
    bridges: devs.filter((d) => d.kind === 'bridge').map((d) => d.id),
  };
  // Devices that changed only inside (counters, neighbours) leave the same split: the box stays the same.
  if (m && sameItems(m.out.devices, out.devices) && sameItems(m.out.bridges, out.bridges)) out = m.out;
  nsDevicesMemo.set(ns.byIndex, { devs, masters, external, out });
  return out;
}

/** What a namespace box is made of: its box is the same object while these are the same. */
interface NsInputs {
  ns: NetNs;
  /** Before Docker's sandboxes: host, external or netns. */
  role: NsRole;
  devs: NsDevices;
  netnsName: string | null;
  /** The key of the (last) sandbox Docker made in it, if any. */
  sbKey: string | null;
  /** The running containers in it, by creation. */
  ctrs: readonly TopoContainer[];
}
export const NO_CONTAINERS: readonly TopoContainer[] = [];

function topoNs(i: NsInputs): TopoNs {
  const { ns, devs, netnsName } = i;
  const role: NsRole = i.sbKey !== null ? 'sandbox' : i.role;
  let title = i.role === 'host' ? ns.label : (netnsName ?? ns.label);
  let subtitle = i.sbKey ?? '';
  let mode: ContainerMode | null = null;
  let ctrs = i.ctrs;
  if (role === 'host') mode = ctrs.length > 0 ? 'host' : null;
  else if (ctrs.length > 0) {
    // The container whose own sandbox this is comes first; joiners (container: mode) after it.
    ctrs = [...ctrs].sort((a, b) => (a.mode === 'container' ? 1 : 0) - (b.mode === 'container' ? 1 : 0));
    mode = (ctrs[0] as TopoContainer).mode;
    title = ctrs.map((c) => c.name).join(' + ');
    if (!subtitle) subtitle = netnsName ?? '';
  }
  return {
    id: ns.id,
    role,
    title,
    subtitle,
    netnsName,
    devices: [...devs.devices],
    bridges: [...devs.bridges],
    containers: ctrs.map((c) => c.id),
    mode,
    // Ids count up from one counter: creation order.
    order: Number(ns.id),
  };
}

/** A box, valid while its namespace and every input are the same (a line changes a few of a thousand). */
const nsMemo = new WeakMap<NetNs, { in: NsInputs; out: TopoNs }>();

/** `before`: the namespace's box in the last projection, kept when the new one reads the same. */
export function topoNsMemo(i: NsInputs, before: TopoNs | undefined): TopoNs {
  const m = nsMemo.get(i.ns);
  if (
    m &&
    m.in.role === i.role &&
    m.in.devs === i.devs &&
    m.in.netnsName === i.netnsName &&
    m.in.sbKey === i.sbKey &&
    m.in.ctrs.length === i.ctrs.length &&
    m.in.ctrs.every((c, j) => c === i.ctrs[j])
  )
    return m.out;
  let out = topoNs(i);
  if (before && sameRecord(before, out)) out = before;
  nsMemo.set(i.ns, { in: i, out });
  return out;
}

/** The link drawn from this device (null: none, or drawn from its other end). */
function topoLink(k: KernelState, d: NetDevice, p: NetDevice): TopoLink | null {
  if (d.kind === 'veth') {
    // One link per pair, from the end outside the host's namespace (the container's eth0); a pair with
    // both ends on the same side is drawn once, from the end created first.
    const dRoot = d.ns === k.rootNs;
    const pRoot = p.ns === k.rootNs;
    const owner = dRoot !== pRoot ? (dRoot ? p : d) : d.createdSeq <= p.createdSeq ? d : p;
    if (owner !== d) return null;
    return {
      id: `veth:${d.id}`,
      kind: 'veth',
      a: d.id,
      b: p.id,
      label: `${vethLabel(k, d)} ↔ ${vethLabel(k, p)}`,
    };
  }
  const hostSide = d.ns === k.rootNs || (!xaGet(k.netns, d.ns)?.hidden && xaGet(k.netns, p.ns)?.hidden);
  const first = hostSide || (p.ns !== k.rootNs && d.id < p.id);
  if (!first) return null;
  return { id: `wire:${d.id}`, kind: 'wire', a: d.id, b: p.id, label: `${d.name} ↔ ${p.name}` };
}

/** A device's link, valid while it, its other end, the root namespace and (wires) which sides are hidden are. */
const linkMemo = new WeakMap<
  NetDevice,
  { p: NetDevice; rootNs: NsId; hidden: string; out: TopoLink | null }
>();

/** `before(id)`: the link of that id in the last projection, kept when the new one reads the same. */
export function topoLinkMemo(
  k: KernelState,
  d: NetDevice,
  before: (id: string) => TopoLink | undefined,
): TopoLink | null {
  const otherId = d.kind === 'veth' ? d.peer : d.kind === 'ether' ? d.wire : null;
  const p = otherId ? xaGet(k.devices, otherId) : undefined;
  if (!p) return null;
  // A wire's drawing end depends on which namespaces are hidden; a veth's does not.
  const hidden =
    d.kind === 'veth' ? '' : `${!!xaGet(k.netns, d.ns)?.hidden}${!!xaGet(k.netns, p.ns)?.hidden}`;
  const m = linkMemo.get(d);
  if (m && m.p === p && m.rootNs === k.rootNs && m.hidden === hidden) return m.out;
  let out = topoLink(k, d, p);
  const was = out && before(out.id);
  if (out && was && sameRecord(was, out)) out = was;
  linkMemo.set(d, { p, rootNs: k.rootNs, hidden, out });
  return out;
}

const byLinkId = (a: TopoLink, b: TopoLink) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The last sorted links: a line adds or removes a few, so the rest keep their (sorted) order. */
let linksMemo: { set: Set<TopoLink>; sorted: TopoLink[] } | null = null;

/** Links by id (ids are unique: one per drawing device), merging the new ones into the last sorted list. */
export function sortLinks(links: TopoLink[]): TopoLink[] {
  const prev = linksMemo;
  const set = new Set(links);
  let sorted: TopoLink[];
  if (!prev) sorted = [...links].sort(byLinkId);
  else {
    const kept = prev.sorted.filter((l) => set.has(l));
    const added = links.filter((l) => !prev.set.has(l)).sort(byLinkId);
    if (added.length === 0 && kept.length === prev.sorted.length) sorted = prev.sorted;
    else {
      sorted = [];
      let i = 0;
      let j = 0;
      while (i < kept.length || j < added.length) {
        const x = kept[i];
        const y = added[j];
        if (y === undefined || (x !== undefined && byLinkId(x, y) < 0)) {
          sorted.push(x as TopoLink);
          i++;
        } else {
          sorted.push(y);
          j++;
        }
      }
    }
  }
  linksMemo = { set, sorted };
  return sorted;
}

/** `eth0@if7`: a veth end named with its peer's ifindex, the form `ip link` uses across namespaces. */
function vethLabel(k: KernelState, d: NetDevice): string {
  if (d.kind !== 'veth') return d.name;
  const p = xaGet(k.devices, d.peer);
  return p ? `${d.name}@if${p.ifindex}` : d.name;
}
