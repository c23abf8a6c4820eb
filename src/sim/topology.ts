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
import type {
  ContainerMode,
  NsRole,
  TopoContainer,
  TopoDevice,
  TopoLink,
  TopoNetwork,
  TopoNs,
  Topology,
} from './topology_types';

export type {
  ContainerMode,
  NsRole,
  TopoContainer,
  TopoDevice,
  TopoLink,
  TopoNetwork,
  TopoNs,
  Topology,
} from './topology_types';
import { NO_CONTAINERS, nsDevices, sortLinks, topoLinkMemo, topoNsMemo } from './topology_boxes';

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

/*
 * The device and container records are a function of the kernel's device table (peers included) and of
 * Docker's containers, sandboxes and endpoints: a line that changed neither (a route, a rule, a sysctl) keeps
 * them, instead of a record of three thousand keys rebuilt.
 */
let deviceRecordMemo: { table: KernelState['devices']; out: Record<DevId, TopoDevice> } | null = null;

function deviceRecord(k: KernelState): Record<DevId, TopoDevice> {
  if (deviceRecordMemo?.table === k.devices) return deviceRecordMemo.out;
  const out: Record<DevId, TopoDevice> = {};
  for (const id in k.devices) {
    const d = k.devices[id] as NetDevice;
    out[d.id] = topoDeviceMemo(k, d);
  }
  deviceRecordMemo = { table: k.devices, out };
  return out;
}

let containerRecordMemo: {
  tables: [DockerState['containers'], DockerState['sandboxes'], DockerState['endpoints']];
  out: Record<string, TopoContainer>;
} | null = null;

function containerRecord(docker: DockerState): Record<string, TopoContainer> {
  const m = containerRecordMemo;
  if (
    m &&
    m.tables[0] === docker.containers &&
    m.tables[1] === docker.sandboxes &&
    m.tables[2] === docker.endpoints
  )
    return m.out;
  const out: Record<string, TopoContainer> = {};
  for (const c of containersByCreation(docker)) out[c.id] = topoContainerMemo(docker, c);
  containerRecordMemo = { tables: [docker.containers, docker.sandboxes, docker.endpoints], out };
  return out;
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
  const devices = deviceRecord(k);

  const nsNames: Record<NsId, string> = {};
  for (const [name, id] of Object.entries(k.namedNs)) nsNames[id] ??= name;

  const containers = containerRecord(docker);

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
