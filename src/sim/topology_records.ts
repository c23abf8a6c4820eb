/**
 * The per-object records of the topology projection: each device and container projected once and kept while
 * the kernel and Docker objects it is made of are the same objects, and (when an object changed in what the
 * graph does not show: counters, neighbours) while it reads the same, so the graph redraws only what changed.
 */
import { formatIp4 } from '../lib';
import type { DevId, KernelState, NetDevice, NsId } from '../kernel';
import type { DockerContainer, DockerEndpoint, DockerSandbox, DockerState } from '../docker';
import type { ContainerMode, TopoContainer, TopoDevice } from './topology_types';
import { tableChanges, tableValues } from './table_diff';
import { xaGet } from '../kernel';

function linkName(k: KernelState, d: NetDevice): string {
  if (d.kind !== 'veth') return d.name;
  const p = xaGet(k.devices, d.peer);
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

/** `before`: the device's projection in the last record, kept when the new one reads the same. */
function topoDeviceMemo(k: KernelState, d: NetDevice, before: TopoDevice | undefined): TopoDevice {
  const peer = d.kind === 'veth' ? xaGet(k.devices, d.peer) : undefined;
  const m = deviceMemo.get(d);
  if (m && m.peer === peer) return m.out;
  // A device object also changes with what the graph does not show (its counters, on every packet): the
  // last projection is kept when it reads the same, so the graph has nothing to redraw.
  let out = topoDevice(k, d);
  if (before && sameRecord(before, out)) out = before;
  deviceMemo.set(d, { peer, out });
  return out;
}

/**
 * Two projection records read the same: the same fields, each the same value or (arrays of plain values) the
 * same items. Generic so that a field added to a record is compared without anyone remembering to.
 */
export function sameRecord<T extends object>(a: T, b: T): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const key in x) {
    const u = x[key];
    const v = y[key];
    if (u !== v && !(Array.isArray(u) && Array.isArray(v) && sameItems(u, v))) return false;
    n++;
  }
  return n === Object.keys(y).length;
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
export interface DeviceRecord {
  out: Record<DevId, TopoDevice>;
  /**
   * What changed since the table of the last call: the devices at positions whose object changed, old and
   * new (null: the tables are not aligned, a device came or went; then the caller redoes everything).
   */
  changed: readonly { was: NetDevice; now: NetDevice }[] | null;
}

let deviceRecordMemo: {
  table: KernelState['devices'];
  /** The table's devices in table order, and their projections. */
  devs: NetDevice[];
  outs: TopoDevice[];
  out: Record<DevId, TopoDevice>;
  /** Position of each id in `devs` (made when first needed; positions hold while the tables stay aligned). */
  pos: Map<DevId, number> | null;
} | null = null;

export function deviceRecord(k: KernelState): DeviceRecord {
  const m = deviceRecordMemo;
  if (m?.table === k.devices) return { out: m.out, changed: [] };
  // The same ids in the same order as last time (most lines): only the devices that are other objects, and
  // the veths whose peer is one (their link name), can project differently.
  const diff = m ? tableChanges(m.table, k.devices) : null;
  if (m && diff) {
    // The memo's own array, brought up to date in place: a ping changes five of three thousand devices.
    const devs = m.devs;
    for (const { i, now } of diff) devs[i] = now;
    let outs = m.outs;
    const redo = (i: number) => {
      const t = topoDeviceMemo(k, devs[i] as NetDevice, m.outs[i]);
      if (t === outs[i]) return;
      if (outs === m.outs) outs = m.outs.slice();
      outs[i] = t;
    };
    for (const { i, now } of diff) {
      redo(i);
      if (now.kind === 'veth') {
        m.pos ??= new Map(m.devs.map((d, j) => [d.id, j]));
        const j = m.pos.get(now.peer);
        if (j !== undefined) redo(j);
      }
    }
    let out = m.out;
    if (outs !== m.outs) {
      out = {};
      for (const t of outs) out[t.id] = t;
    }
    deviceRecordMemo = { table: k.devices, devs, outs, out, pos: m.pos };
    return { out, changed: diff };
  }
  // The table's values in id order, and a device that is the same object as last time is found by position
  // without hashing anything.
  // A copy of the memo's own: the aligned path above updates it in place.
  const devs = tableValues(k.devices).slice();
  const outs: TopoDevice[] = new Array<TopoDevice>(devs.length);
  let aligned = m !== null && m.devs.length === devs.length;
  let same = aligned;
  const changed: { was: NetDevice; now: NetDevice }[] = [];
  for (let i = 0; i < devs.length; i++) {
    const d = devs[i] as NetDevice;
    const was = aligned ? (m?.devs[i] as NetDevice) : undefined;
    if (was !== undefined && was !== d) {
      if (was.id === d.id) changed.push({ was, now: d });
      else {
        aligned = false;
        same = false;
      }
    }
    // A device of the same object keeps its projection unless it is a veth whose peer changed (its name).
    const t =
      was === d &&
      (d.kind !== 'veth' || xaGet(k.devices, d.peer) === (m ? xaGet(m.table, d.peer) : undefined))
        ? (m?.outs[i] as TopoDevice)
        : topoDeviceMemo(k, d, was?.id === d.id ? m?.outs[i] : m?.out[d.id]);
    outs[i] = t;
    if (same && t !== m?.outs[i]) same = false;
  }
  let out: Record<DevId, TopoDevice>;
  if (same && m) out = m.out;
  else {
    out = {};
    for (const t of outs) out[t.id] = t;
  }
  deviceRecordMemo = { table: k.devices, devs, outs, out, pos: null };
  return { out, changed: aligned ? changed : null };
}

let containerRecordMemo: {
  tables: [DockerState['containers'], DockerState['sandboxes'], DockerState['endpoints']];
  out: Record<string, TopoContainer>;
  list: TopoContainer[];
} | null = null;

export function containerRecord(docker: DockerState): Record<string, TopoContainer> {
  const m = containerRecordMemo;
  if (
    m &&
    m.tables[0] === docker.containers &&
    m.tables[1] === docker.sandboxes &&
    m.tables[2] === docker.endpoints
  )
    return m.out;
  const list = containersByCreation(docker).map((c) => topoContainerMemo(docker, c));
  const same = m !== null && sameItems(list, m.list);
  const out: Record<string, TopoContainer> = same && m ? m.out : {};
  if (!same) for (const c of list) out[c.id] = c;
  containerRecordMemo = { tables: [docker.containers, docker.sandboxes, docker.endpoints], out, list };
  return out;
}

export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
