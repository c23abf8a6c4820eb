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
import type { KernelState, NetDevice, NetNs, NsId } from '../kernel';
import type { DockerState } from '../docker';
import type { World } from './world';
import type { NsRole, TopoContainer, TopoLink, TopoNetwork, TopoNs, Topology } from './topology_types';

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
import { containerRecord, deviceRecord, sameItems, sameRecord } from './topology_records';
import { ownValuesSince, tableValues } from './table_diff';
import { xaGet, xaValues } from '../kernel';

/**
 * The last projection and what it was made of: a line that changed nothing the graph shows gets the same
 * object back (and the UI does nothing), and one that changed a few devices redoes only their namespaces'
 * boxes and their links, not a thousand boxes and three thousand links.
 */
let last: {
  topo: Topology;
  /** The namespace table, and its records in table order. */
  nsTable: KernelState['netns'];
  nss: NetNs[];
  namedNs: KernelState['namedNs'];
  sbKeys: Map<NsId, string>;
  /** Every link found (table order), before sorting. */
  links: TopoLink[];
  /** `links` by id, made when a line first needs it and kept while `links` is. */
  linkById: Map<string, TopoLink> | null;
  /** The running containers of each namespace. */
  inNs: Map<NsId, TopoContainer[]>;
} | null = null;
let lastNetworks: { table: DockerState['networks']; out: TopoNetwork[] } | null = null;
let lastSbKeys: { table: DockerState['sandboxes']; out: Map<NsId, string> } | null = null;

export function topology(world: World): Topology {
  const k = world.kernel;
  const docker = world.docker;
  const { out: devices, changed } = deviceRecord(k);
  const containers = containerRecord(docker);
  const sbKeys = sandboxKeys(docker);
  const prev = last;
  // The namespaces in table order: last call's array, brought up to date in place when the same ids are there
  // (then `nsChanges` says which changed and what they were), else a new one.
  const nsUp = prev ? ownValuesSince(k.netns, prev.nsTable, prev.nss) : null;
  const nss = nsUp ? nsUp.values : tableValues(k.netns).slice();
  const nsChanges = nsUp ? nsUp.changes : null;
  const nsAligned = nsChanges !== null;

  // Who runs where, and which containers have no namespace (stopped).
  let stopped: string[];
  let inNs: Map<NsId, TopoContainer[]>;
  if (prev && nsAligned && prev.topo.containers === containers) {
    stopped = prev.topo.stopped;
    inNs = prev.inNs;
  } else {
    stopped = [];
    inNs = new Map();
    for (const c of Object.values(containers)) {
      if (!c.ns || !xaGet(k.netns, c.ns)) {
        stopped.push(c.id);
        continue;
      }
      const l = inNs.get(c.ns);
      if (l) l.push(c);
      else inNs.set(c.ns, [c]);
    }
  }

  // Namespaces whose box may differ from last time: all of them, unless only some devices changed (then the
  // namespaces those devices were and are in).
  const everything =
    prev === null ||
    changed === null ||
    nsChanges === null ||
    prev.topo.hostNs !== k.rootNs ||
    prev.namedNs !== k.namedNs ||
    prev.sbKeys !== sbKeys ||
    prev.topo.containers !== containers;

  let nsNames: Record<NsId, string> | null = null;
  const boxOf = (ns: NetNs, kept: TopoNs | undefined): TopoNs => {
    if (!nsNames) {
      nsNames = {};
      for (const [name, id] of Object.entries(k.namedNs)) nsNames[id] ??= name;
    }
    const role: NsRole = ns.id === k.rootNs ? 'host' : ns.hidden ? 'external' : 'netns';
    return topoNsMemo(
      {
        ns,
        role,
        devs: nsDevices(k, ns, role === 'external'),
        netnsName: nsNames[ns.id] ?? null,
        sbKey: sbKeys.get(ns.id) ?? null,
        ctrs: inNs.get(ns.id) ?? NO_CONTAINERS,
      },
      kept,
    );
  };

  // The boxes that are new objects, by namespace (all of them when everything is redone).
  const redone = new Map<NsId, TopoNs>();
  if (everything) {
    for (const ns of nss) {
      const kept = prev?.topo.namespaces[ns.id];
      const box = boxOf(ns, kept);
      if (box !== kept || !kept) redone.set(ns.id, box);
    }
  } else {
    // Only the namespaces that are other objects, or hold a device that moved, changed kind or master: a box
    // shows its devices' ids, kinds and bridge ports (nsDevices), not their counters, neighbours, addresses or
    // state, which change on every packet.
    const recheck = new Set<NetNs>();
    for (const { was, now } of nsChanges)
      if (was.byIndex !== now.byIndex || was.label !== now.label || was.hidden !== now.hidden)
        recheck.add(now);
    for (const { was, now } of changed)
      if (was.ns !== now.ns || was.kind !== now.kind || was.master !== now.master)
        for (const id of [was.ns, now.ns]) {
          const ns = xaGet(k.netns, id);
          if (ns) recheck.add(ns);
        }
    for (const ns of recheck) {
      const kept = prev.topo.namespaces[ns.id];
      const box = boxOf(ns, kept);
      if (box !== kept) redone.set(ns.id, box);
    }
  }
  let namespaces: Record<NsId, TopoNs>;
  let order: NsId[];
  if (prev && redone.size === 0 && prev.topo.order.length === nss.length) {
    namespaces = prev.topo.namespaces;
    order = prev.topo.order;
  } else {
    const boxes = nss.map((ns) => redone.get(ns.id) ?? (prev?.topo.namespaces[ns.id] as TopoNs));
    namespaces = {};
    for (const b of boxes) namespaces[b.id] = b;
    order = [...boxes].sort((a, b) => rank(a) - rank(b) || a.order - b.order).map((n) => n.id);
  }

  // Links: a device's link changes only with it or its other end (and which namespaces are hidden, fixed
  // when they are made).
  let found: TopoLink[];
  const before = (id: string): TopoLink | undefined => {
    if (prev && !prev.linkById) prev.linkById = new Map(prev.links.map((l) => [l.id, l]));
    return prev?.linkById?.get(id);
  };
  let linksSame = prev !== null && changed !== null && prev.topo.hostNs === k.rootNs;
  if (linksSame) {
    const recheck = new Set<NetDevice>();
    for (const { now } of changed ?? []) {
      recheck.add(now);
      const other = otherEnd(k, now);
      if (other) recheck.add(other);
    }
    for (const d of recheck) {
      const was = before(`veth:${d.id}`) ?? before(`wire:${d.id}`) ?? null;
      if (topoLinkMemo(k, d, before) !== was) {
        linksSame = false;
        break;
      }
    }
  }
  if (linksSame && prev) found = prev.links;
  else {
    found = [];
    for (const d of xaValues(k.devices)) {
      const l = topoLinkMemo(k, d, before);
      if (l) found.push(l);
    }
  }
  const links = prev && found === prev.links ? prev.topo.links : sortLinks(found);

  const networks = networkList(docker);
  const topo: Topology =
    prev &&
    namespaces === prev.topo.namespaces &&
    devices === prev.topo.devices &&
    links === prev.topo.links &&
    containers === prev.topo.containers &&
    sameItems(stopped, prev.topo.stopped) &&
    networks === prev.topo.networks &&
    prev.topo.hostNs === k.rootNs
      ? prev.topo
      : { hostNs: k.rootNs, namespaces, order, devices, links, containers, stopped, networks };
  const linkById = prev && found === prev.links ? prev.linkById : null;
  last = { topo, nsTable: k.netns, nss, namedNs: k.namedNs, sbKeys, links: found, linkById, inNs };
  return topo;
}

/** The device at the other end of a veth pair or a cable. */
function otherEnd(k: KernelState, d: NetDevice): NetDevice | undefined {
  const id = d.kind === 'veth' ? d.peer : d.kind === 'ether' ? d.wire : null;
  return id === null ? undefined : xaGet(k.devices, id);
}

function sandboxKeys(docker: DockerState): Map<NsId, string> {
  const m = lastSbKeys;
  if (m?.table === docker.sandboxes) return m.out;
  const out = new Map<NsId, string>();
  for (const sb of Object.values(docker.sandboxes)) if (!sb.isHost) out.set(sb.ns, sb.key);
  // The same keys as before (a line that changed an endpoint, not a sandbox's namespace): the same map.
  const same = m !== null && m.out.size === out.size && [...out].every(([ns, key]) => m.out.get(ns) === key);
  lastSbKeys = { table: docker.sandboxes, out: same && m ? m.out : out };
  return lastSbKeys.out;
}

function networkList(docker: DockerState): TopoNetwork[] {
  if (lastNetworks?.table === docker.networks) return lastNetworks.out;
  const out = Object.values(docker.networks)
    .sort((a, b) => a.createdUs - b.createdUs || (a.name < b.name ? -1 : 1))
    .map((n) => ({
      id: n.id,
      name: n.name,
      driver: n.driver,
      bridge: n.bridgeDev,
      subnet: n.pool ? `${formatIp4(n.pool.subnet)}/${n.pool.prefixLen}` : null,
      gateway: n.pool && n.pool.gateway !== null ? formatIp4(n.pool.gateway) : null,
    }));
  // Same networks as last time (a line that touched another table): the same list.
  const prev = lastNetworks?.out;
  const same =
    prev !== undefined &&
    prev.length === out.length &&
    out.every((n, i) => sameRecord(prev[i] as TopoNetwork, n));
  lastNetworks = { table: docker.networks, out: same ? prev : out };
  return lastNetworks.out;
}

function rank(n: TopoNs): number {
  return n.role === 'host' ? 0 : n.role === 'external' ? 2 : 1;
}
