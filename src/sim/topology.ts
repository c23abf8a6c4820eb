/**
 * The topology projection: World -> the graph the UI draws (DESIGN.md section 7, "a controlled view of a
 * projection"). Pure and deterministic; every string the UI shows is prepared here so the UI needs neither
 * the kernel nor lib.
 *
 * What it models: each network namespace is a box (the Docker host's root namespace is the large frame, the
 * hidden LAN gateway and internet namespaces are the uplink), holding its devices as ports and its bridges as
 * switches with their ports; containers attach to the namespace they run in (a `container:` pair shares one
 * box, a `host` container sits in the host frame, a `none` container has a box with only lo); each veth pair is
 * one link between its two ends, labelled the way `ip link` names them (`eth0@if7 ↔ veth1a2b3c4@if6`).
 */
import { formatIp4 } from '../lib';
import type { DevId, KernelState, NetDevice, NetNs, NsId } from '../kernel';
import type { DockerContainer, DockerEndpoint, DockerSandbox, DockerState } from '../docker';
import type { World } from './world';

/** The four Docker network modes (a user-defined network is a bridge-mode network). */
export type ContainerMode = 'bridge' | 'host' | 'none' | 'container';

export type NsRole = 'host' | 'sandbox' | 'netns' | 'external';

export interface TopoDevice {
  id: DevId;
  ns: NsId;
  name: string;
  ifindex: number;
  kind: NetDevice['kind'];
  mac: string;
  mtu: number;
  /** IFF_UP as `ip link set up` left it. */
  adminUp: boolean;
  operstate: NetDevice['operstate'];
  carrier: boolean;
  /** IPv4 addresses as `ip -br a` prints them (172.17.0.2/16). */
  addrs: string[];
  /** The bridge this device is a port of. */
  master: DevId | null;
  /** veth: the other end; ether: the device at the other end of the cable. */
  peer: DevId | null;
  /** `ip link` name: `eth0@if7` for a veth whose peer is in another namespace, `veth0@veth1` in the same. */
  linkName: string;
  /** Bridges only: their ports in the order they were added. */
  ports: DevId[];
}

export interface TopoContainer {
  id: string;
  shortId: string;
  name: string;
  image: string;
  status: DockerContainer['status'];
  mode: ContainerMode;
  /** `container:` mode: the name of the container whose namespace it joined. */
  modeTarget: string | null;
  /** HostConfig.NetworkMode as given (bridge, host, none, container:..., or a network name). */
  networkMode: string;
  /** The namespace it runs in, or null when it is not running. */
  ns: NsId | null;
  networks: string[];
  /** Published ports as `docker ps` shows them (0.0.0.0:8080->80/tcp). */
  ports: string[];
  /** Which userland the image ships (busybox, gnu...): decides the shell a terminal opens. */
  userland: string;
}

export interface TopoNs {
  id: NsId;
  role: NsRole;
  /** What the box is called: container names, the `ip netns` name, the host name, "LAN gateway". */
  title: string;
  /** Secondary line: the sandbox key, `ip netns` name, or the mode. */
  subtitle: string;
  /** The netns name under /run/netns, if it has one. */
  netnsName: string | null;
  /** Devices shown as ports of the box itself (not bridges, not bridge ports), by ifindex. */
  devices: DevId[];
  /** Bridges in this namespace, by ifindex. */
  bridges: DevId[];
  /** Containers running in this namespace (order: the owner of the sandbox first, then by creation). */
  containers: string[];
  /** The sandbox's mode when containers use it ('bridge' when it has a veth, 'none' with only lo). */
  mode: ContainerMode | null;
  /** Creation order (namespace sequence) for stable placement. */
  order: number;
}

export type TopoLink =
  | { id: string; kind: 'veth'; a: DevId; b: DevId; label: string }
  | { id: string; kind: 'wire'; a: DevId; b: DevId; label: string };

export interface TopoNetwork {
  id: string;
  name: string;
  driver: string;
  bridge: DevId | null;
  subnet: string | null;
  gateway: string | null;
}

export interface Topology {
  hostNs: NsId;
  namespaces: Record<NsId, TopoNs>;
  /** Namespaces in drawing order: host, then the others by creation, externals last. */
  order: NsId[];
  devices: Record<DevId, TopoDevice>;
  links: TopoLink[];
  containers: Record<string, TopoContainer>;
  /** Containers that are not running (no namespace to sit in), by creation. */
  stopped: string[];
  networks: TopoNetwork[];
}

function nsSeq(ns: NetNs): number {
  const m = /(\d+)$/.exec(ns.id);
  return m ? Number(m[1]) : 0;
}

function linkName(k: KernelState, d: NetDevice): string {
  if (d.kind !== 'veth') return d.name;
  const p = k.devices[d.peer];
  if (!p) return d.name;
  return p.ns === d.ns ? `${d.name}@${p.name}` : `${d.name}@if${p.ifindex}`;
}

function topoDevice(k: KernelState, d: NetDevice): TopoDevice {
  return {
    id: d.id,
    ns: d.ns,
    name: d.name,
    ifindex: d.ifindex,
    kind: d.kind,
    mac: d.mac,
    mtu: d.mtu,
    adminUp: d.adminUp,
    operstate: d.operstate,
    carrier: d.carrier,
    addrs: d.inet.map((a) => `${formatIp4(a.local)}/${a.prefixLen}`),
    master: d.master,
    peer: d.kind === 'veth' ? d.peer : d.kind === 'ether' ? d.wire : null,
    linkName: linkName(k, d),
    ports: d.kind === 'bridge' ? [...d.bridge.ports] : [],
  };
}

/*
 * Memos. The World is immutable and shares what a line did not change, so a projection of an object that is
 * the same object as last time is the same projection: the graph of a thousand containers is rebuilt from
 * the few objects a command touched, not from scratch (and the UI gets the same objects back for the rest).
 */

/** A device's projection, valid while the device and (veth) its peer are the same objects. */
const deviceMemo = new WeakMap<NetDevice, { peer: NetDevice | undefined; out: TopoDevice }>();

function topoDeviceMemo(k: KernelState, d: NetDevice): TopoDevice {
  const peer = d.kind === 'veth' ? k.devices[d.peer] : undefined;
  const m = deviceMemo.get(d);
  if (m && m.peer === peer) return m.out;
  const out = topoDevice(k, d);
  deviceMemo.set(d, { peer, out });
  return out;
}

/** A container's projection, valid while it, its sandbox and the sandbox's endpoints are the same objects. */
const containerMemo = new WeakMap<
  DockerContainer,
  { sb: DockerSandbox | undefined; eps: (DockerEndpoint | undefined)[]; out: TopoContainer }
>();

function topoContainerMemo(docker: DockerState, c: DockerContainer): TopoContainer {
  // container: mode reads another container (its name, its namespace): not memoized, and rare.
  if (c.networkMode.startsWith('container:')) return topoContainer(docker, c);
  const sb = c.sandboxId ? docker.sandboxes[c.sandboxId] : undefined;
  const m = containerMemo.get(c);
  if (m && m.sb === sb && sb?.endpoints.every((id, i) => docker.endpoints[id] === m.eps[i]) !== false)
    return m.out;
  const out = topoContainer(docker, c);
  containerMemo.set(c, { sb, eps: (sb?.endpoints ?? []).map((id) => docker.endpoints[id]), out });
  return out;
}

/** A namespace's devices in ifindex order, split as the box shows them; valid while its devices are the same. */
interface NsDevices {
  byIndex: NetNs['byIndex'];
  devs: NetDevice[];
  /** The masters of bridge ports, as they were (a port's box placement depends on its master's kind). */
  masters: (NetDevice | undefined)[];
  external: boolean;
  devices: DevId[];
  bridges: DevId[];
}
const nsDevicesMemo = new WeakMap<NetNs, NsDevices>();

function nsDevices(k: KernelState, ns: NetNs, external: boolean): NsDevices {
  const m = nsDevicesMemo.get(ns);
  if (m && m.byIndex === ns.byIndex && m.external === external) {
    let same = true;
    let i = 0;
    // for...in: no array of ids per namespace, a thousand namespaces checked on every line.
    for (const ix in ns.byIndex) {
      const d = k.devices[ns.byIndex[ix] as DevId];
      if (d === undefined) continue;
      if (d !== m.devs[i] || (d.master !== null && k.devices[d.master] !== m.masters[i])) {
        same = false;
        break;
      }
      i++;
    }
    if (same && i === m.devs.length) return m;
  }
  const devs = Object.values(ns.byIndex)
    .map((id) => k.devices[id])
    .filter((d): d is NetDevice => d !== undefined);
  const masters = devs.map((d) => (d.master !== null ? k.devices[d.master] : undefined));
  const order = devs
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.ifindex - b.d.ifindex)
    .map((x) => x.i);
  const out: NsDevices = {
    byIndex: ns.byIndex,
    devs,
    masters,
    external,
    devices: order
      .filter((i) => {
        const d = devs[i] as NetDevice;
        if (d.kind === 'bridge') return false;
        if (external && d.kind === 'loopback') return false;
        return !(d.master && masters[i]?.kind === 'bridge');
      })
      .map((i) => (devs[i] as NetDevice).id),
    bridges: order.filter((i) => devs[i]?.kind === 'bridge').map((i) => (devs[i] as NetDevice).id),
  };
  nsDevicesMemo.set(ns, out);
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
const NO_CONTAINERS: readonly TopoContainer[] = [];

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
    order: nsSeq(ns),
  };
}

/** A box, valid while its namespace and every input are the same (a line changes a few of a thousand). */
const nsMemo = new WeakMap<NetNs, { in: NsInputs; out: TopoNs }>();

function topoNsMemo(i: NsInputs): TopoNs {
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
  const out = topoNs(i);
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
  const hostSide = d.ns === k.rootNs || (!k.netns[d.ns]?.hidden && k.netns[p.ns]?.hidden);
  const first = hostSide || (p.ns !== k.rootNs && d.id < p.id);
  if (!first) return null;
  return { id: `wire:${d.id}`, kind: 'wire', a: d.id, b: p.id, label: `${d.name} ↔ ${p.name}` };
}

/** A device's link, valid while it, its other end, the root namespace and (wires) which sides are hidden are. */
const linkMemo = new WeakMap<
  NetDevice,
  { p: NetDevice; rootNs: NsId; hidden: string; out: TopoLink | null }
>();

function topoLinkMemo(k: KernelState, d: NetDevice): TopoLink | null {
  const otherId = d.kind === 'veth' ? d.peer : d.kind === 'ether' ? d.wire : null;
  const p = otherId ? k.devices[otherId] : undefined;
  if (!p) return null;
  // A wire's drawing end depends on which namespaces are hidden; a veth's does not.
  const hidden = d.kind === 'veth' ? '' : `${!!k.netns[d.ns]?.hidden}${!!k.netns[p.ns]?.hidden}`;
  const m = linkMemo.get(d);
  if (m && m.p === p && m.rootNs === k.rootNs && m.hidden === hidden) return m.out;
  const out = topoLink(k, d, p);
  linkMemo.set(d, { p, rootNs: k.rootNs, hidden, out });
  return out;
}

const byLinkId = (a: TopoLink, b: TopoLink) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The last sorted links: a line adds or removes a few, so the rest keep their (sorted) order. */
let linksMemo: { set: Set<TopoLink>; sorted: TopoLink[] } | null = null;

/** Links by id (ids are unique: one per drawing device), merging the new ones into the last sorted list. */
function sortLinks(links: TopoLink[]): TopoLink[] {
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

/** The containers by creation, reused while the container table is the same object. */
let sortedMemo: { table: DockerState['containers']; sorted: DockerContainer[] } | null = null;

function containersByCreation(docker: DockerState): DockerContainer[] {
  if (sortedMemo?.table === docker.containers) return sortedMemo.sorted;
  const sorted = Object.values(docker.containers).sort(
    (a, b) => a.createdUs - b.createdUs || (a.id < b.id ? -1 : 1),
  );
  sortedMemo = { table: docker.containers, sorted };
  return sorted;
}

/** The container's namespace: its own sandbox's, or (container: mode) the one it joined. */
function containerNs(docker: DockerState, c: DockerContainer, depth = 0): NsId | null {
  if (c.status !== 'running' || depth > 8) return null;
  if (c.networkMode.startsWith('container:')) {
    const target = findContainer(docker, c.networkMode.slice('container:'.length));
    return target ? containerNs(docker, target, depth + 1) : null;
  }
  const sb = c.sandboxId ? docker.sandboxes[c.sandboxId] : undefined;
  return sb?.ns ?? null;
}

function findContainer(docker: DockerState, ref: string): DockerContainer | null {
  const byId = docker.containers[ref];
  if (byId) return byId;
  for (const c of Object.values(docker.containers)) {
    if (c.name === ref || c.name === `/${ref}` || c.id.startsWith(ref)) return c;
  }
  return null;
}

function modeOf(mode: string): ContainerMode {
  if (mode === 'host') return 'host';
  if (mode === 'none') return 'none';
  if (mode.startsWith('container:')) return 'container';
  return 'bridge';
}

function displayName(c: DockerContainer): string {
  return c.name.replace(/^\//, '');
}

function formatPorts(docker: DockerState, c: DockerContainer): string[] {
  const out: string[] = [];
  const sb = c.sandboxId ? docker.sandboxes[c.sandboxId] : undefined;
  for (const epId of sb?.endpoints ?? []) {
    for (const m of docker.endpoints[epId]?.portMappings ?? []) {
      out.push(`${formatIp4(m.hostIp)}:${m.hostPort}->${m.containerPort}/${m.proto}`);
    }
  }
  return out;
}

function topoContainer(docker: DockerState, c: DockerContainer): TopoContainer {
  const mode = modeOf(c.networkMode);
  const target =
    mode === 'container' ? findContainer(docker, c.networkMode.slice('container:'.length)) : null;
  return {
    id: c.id,
    shortId: c.id.slice(0, 12),
    name: displayName(c),
    image: c.image,
    status: c.status,
    mode,
    modeTarget: target ? displayName(target) : mode === 'container' ? c.networkMode.slice(10, 22) : null,
    networkMode: c.networkMode,
    ns: containerNs(docker, c),
    networks: Object.keys(c.networks),
    ports: formatPorts(docker, c),
    userland: c.userland,
  };
}

export function topology(world: World): Topology {
  const k = world.kernel;
  const docker = world.docker;
  const devices: Record<DevId, TopoDevice> = {};
  for (const id in k.devices) {
    const d = k.devices[id] as NetDevice;
    devices[d.id] = topoDeviceMemo(k, d);
  }

  const nsNames: Record<NsId, string> = {};
  for (const [name, id] of Object.entries(k.namedNs)) nsNames[id] ??= name;

  const containers: Record<string, TopoContainer> = {};
  for (const c of containersByCreation(docker)) containers[c.id] = topoContainerMemo(docker, c);

  // Sandboxes: the namespaces Docker made (the last one's key is the subtitle), and who runs where.
  const sbKeys = new Map<NsId, string>();
  for (const sb of Object.values(docker.sandboxes)) if (!sb.isHost) sbKeys.set(sb.ns, sb.key);
  const stopped: string[] = [];
  const inNs = new Map<NsId, TopoContainer[]>();
  for (const id in containers) {
    const c = containers[id] as TopoContainer;
    if (!c.ns || !k.netns[c.ns]) {
      stopped.push(c.id);
      continue;
    }
    const l = inNs.get(c.ns);
    if (l) l.push(c);
    else inNs.set(c.ns, [c]);
  }

  const namespaces: Record<NsId, TopoNs> = {};
  for (const id in k.netns) {
    const ns = k.netns[id] as NetNs;
    const role: NsRole = ns.id === k.rootNs ? 'host' : ns.hidden ? 'external' : 'netns';
    namespaces[ns.id] = topoNsMemo({
      ns,
      role,
      devs: nsDevices(k, ns, role === 'external'),
      netnsName: nsNames[ns.id] ?? null,
      sbKey: sbKeys.get(ns.id) ?? null,
      ctrs: inNs.get(ns.id) ?? NO_CONTAINERS,
    });
  }

  const links: TopoLink[] = [];
  for (const id in k.devices) {
    const l = topoLinkMemo(k, k.devices[id] as NetDevice);
    if (l) links.push(l);
  }

  const order = Object.values(namespaces)
    .sort((a, b) => rank(a) - rank(b) || a.order - b.order)
    .map((n) => n.id);

  const networks: TopoNetwork[] = Object.values(docker.networks)
    .sort((a, b) => a.createdUs - b.createdUs || (a.name < b.name ? -1 : 1))
    .map((n) => ({
      id: n.id,
      name: n.name,
      driver: n.driver,
      bridge: n.bridgeDev,
      subnet: n.pool ? `${formatIp4(n.pool.subnet)}/${n.pool.prefixLen}` : null,
      gateway: n.pool && n.pool.gateway !== null ? formatIp4(n.pool.gateway) : null,
    }));

  return {
    hostNs: k.rootNs,
    namespaces,
    order,
    devices,
    links: sortLinks(links),
    containers,
    stopped,
    networks,
  };
}

function rank(n: TopoNs): number {
  return n.role === 'host' ? 0 : n.role === 'external' ? 2 : 1;
}

/** `eth0@if7`: a veth end named with its peer's ifindex, the form `ip link` uses across namespaces. */
function vethLabel(k: KernelState, d: NetDevice): string {
  if (d.kind !== 'veth') return d.name;
  const p = k.devices[d.peer];
  return p ? `${d.name}@if${p.ifindex}` : d.name;
}
