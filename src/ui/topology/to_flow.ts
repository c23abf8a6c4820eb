/**
 * Topology + layout + selection + changes -> React Flow nodes and edges (DESIGN.md section 7:
 * `nodes = toFlow(topology(world), layout, selection)`).
 *
 * Every namespace is ONE node (its interfaces, bridges, ports and container cards are drawn inside it, and the
 * interfaces carry the edge handles), which keeps a 200-container world near 200 nodes. Node and edge objects
 * are reused when nothing about them changed (same data signature, same position), so React Flow's memoized
 * nodes do not re-render and a drag only touches the dragged node.
 */
import type { Edge, Node } from '@xyflow/react';
import type { TopoContainer, TopoDevice, Topology, TopoNs } from '../../sim';
import { columnWidth, type ChangeView, type LayoutState, type Selection, type XY } from '../../store';

export interface BridgeView {
  dev: TopoDevice;
  ports: TopoDevice[];
  col: number;
}

export interface NsData extends Record<string, unknown> {
  ns: TopoNs;
  /** Interfaces drawn as ports of the box. */
  devices: TopoDevice[];
  bridges: BridgeView[];
  containers: TopoContainer[];
  /** Ids inside this node the last command touched (`dev:..`, `ctr:..`) and whether the box itself is new. */
  changed: string[];
  boxChanged: boolean;
  changeSeq: number;
  /** The selected id inside this node (`dev:..`, `ctr:..`, or `ns:..` for the box). */
  selected: string | null;
  /** Widths of the host frame's columns in pixels (column 0, then each bridge column); [] for other boxes. */
  colWidths: number[];
}

export type NsFlowNode = Node<NsData, 'ns'>;

export interface VethData extends Record<string, unknown> {
  label: string;
  kind: 'veth' | 'wire';
  changed: boolean;
  changeSeq: number;
}

export type LinkEdge = Edge<VethData, 'link'>;

export interface FlowCache {
  nodes: Map<string, { sig: string; node: NsFlowNode }>;
  edges: Map<string, { sig: string; edge: LinkEdge }>;
  /** The inputs of the last call (identity), to skip rebuilding node data when only positions moved. */
  inputs: {
    t: Topology;
    change: ChangeView | null;
    sel: Selection;
    bridgeCol: LayoutState['bridgeCol'];
  } | null;
}

export const newFlowCache = (): FlowCache => ({ nodes: new Map(), edges: new Map(), inputs: null });

/** What a namespace box shows (everything but its position). */
function nodeData(
  t: Topology,
  ns: TopoNs,
  layout: LayoutState,
  hl: ReadonlySet<string>,
  seq: number,
  sel: Selection,
  hostCols: number,
): NsData {
  const devices = ns.devices.map((d) => t.devices[d] as TopoDevice);
  // The LAN gateway: its port toward the internet (above) first, so that cable does not cross the other port.
  if (ns.role === 'external')
    devices.sort((a, b) => Number(peerNs(t, a) === t.hostNs) - Number(peerNs(t, b) === t.hostNs));
  const bridges: BridgeView[] = ns.bridges.map((b) => {
    const dev = t.devices[b] as TopoDevice;
    return {
      dev,
      ports: dev.ports.map((p) => t.devices[p]).filter((p): p is TopoDevice => !!p),
      col: layout.bridgeCol[b] ?? 1,
    };
  });
  const containers = ns.containers.map((c) => t.containers[c] as TopoContainer);
  const inner = [
    ...devices.map((d) => `dev:${d.id}`),
    ...bridges.flatMap((b) => [`dev:${b.dev.id}`, ...b.ports.map((p) => `dev:${p.id}`)]),
    ...containers.map((c) => `ctr:${c.id}`),
  ];
  const changed = inner.filter((x) => hl.has(x));
  const boxChanged = hl.has(`ns:${ns.id}`);
  return {
    ns,
    devices,
    bridges,
    containers,
    changed,
    boxChanged,
    changeSeq: changed.length > 0 || boxChanged ? seq : 0,
    selected: selectedIn(sel, t, ns),
    colWidths: ns.role === 'host' ? Array.from({ length: hostCols }, (_, c) => columnWidth(layout, c)) : [],
  };
}

const peerNs = (t: Topology, d: TopoDevice): string | undefined =>
  d.peer ? t.devices[d.peer]?.ns : undefined;

function selectedIn(sel: Selection, t: Topology, ns: TopoNs): string | null {
  if (!sel) return null;
  if (sel.kind === 'ns') return sel.id === ns.id ? `ns:${ns.id}` : null;
  if (sel.kind === 'dev') return t.devices[sel.id]?.ns === ns.id ? `dev:${sel.id}` : null;
  if (sel.kind === 'ctr') return ns.containers.includes(sel.id) ? `ctr:${sel.id}` : null;
  return null;
}

/** A chip's side a cable leaves from: top, bottom, left, right. */
export type HandleSide = 't' | 'b' | 'l' | 'r';

const NO_SIDES: readonly HandleSide[] = [];
const TOP: readonly HandleSide[] = ['t'];
const LEFT: readonly HandleSide[] = ['l'];
const TOP_BOTTOM: readonly HandleSide[] = ['t', 'b'];
const OUTSIDE: readonly HandleSide[] = ['t', 'b', 'r'];

/**
 * The handles a chip carries: every side toFlow may pick for its cable, and no other (each handle is an
 * element React Flow measures and searches per edge). Only veth pairs and Ethernet cables are drawn; in the
 * host frame cables always enter from above (its uplink NIC from the left); the LAN gateway's port toward the
 * host faces right. Constant arrays, so memoized chips keep equal props.
 */
export function handleSides(role: TopoNs['role'], kind: TopoDevice['kind']): readonly HandleSide[] {
  if (kind !== 'veth' && kind !== 'ether') return NO_SIDES;
  if (role === 'host') return kind === 'ether' ? LEFT : TOP;
  return role === 'external' ? OUTSIDE : TOP_BOTTOM;
}

/** Top or bottom: the side of the box that faces the node at the other end of the interface's cable. */
function sideToward(here: XY | undefined, there: XY | undefined): 't' | 'b' {
  if (!here || !there) return 'b';
  return there.y > here.y ? 'b' : 't';
}

export function toFlow(
  t: Topology,
  layout: LayoutState,
  change: ChangeView | null,
  sel: Selection,
  cache: FlowCache,
  measured: ReadonlyMap<string, { width: number; height: number }>,
): { nodes: NsFlowNode[]; edges: LinkEdge[] } {
  const nodes: NsFlowNode[] = [];
  const hl = change?.ids ?? new Set<string>();
  const seq = change?.seq ?? 0;
  const posOfNs = (ns: string) => layout.pos[`ns:${ns}`];
  const nextNodes = new Map<string, { sig: string; node: NsFlowNode }>();
  const hostCols = 1 + Math.max(0, ...Object.values(layout.bridgeCol));
  /** Which handle of each interface its cable uses: every chip has a top and a bottom one (ether: left/right). */
  const sides = new Map<string, HandleSide>();

  // A drag changes positions only: then every node's data is still valid and is not rebuilt.
  const sameInputs =
    cache.inputs !== null &&
    cache.inputs.t === t &&
    cache.inputs.change === change &&
    cache.inputs.sel === sel &&
    cache.inputs.bridgeCol === layout.bridgeCol;
  cache.inputs = { t, change, sel, bridgeCol: layout.bridgeCol };

  for (const nsId of t.order) {
    const ns = t.namespaces[nsId] as TopoNs;
    const id = `ns:${nsId}`;
    const position = layout.pos[id];
    if (!position) continue;
    const cached = cache.nodes.get(id);
    let data: NsData;
    let sig: string;
    if (sameInputs && cached) {
      data = cached.node.data;
      sig = cached.sig;
    } else {
      data = nodeData(t, ns, layout, hl, seq, sel, hostCols);
      sig = JSON.stringify(data);
      if (cached && cached.sig === sig) data = cached.node.data;
    }
    for (const d of [...data.devices, ...data.bridges.flatMap((b) => b.ports)]) {
      const peer = d.peer ? t.devices[d.peer] : undefined;
      const options = handleSides(ns.role, d.kind);
      if (options.length === 1) sides.set(d.id, options[0] as HandleSide);
      else if (ns.role === 'external' && peer?.ns === t.hostNs) sides.set(d.id, 'r');
      else if (options.length > 0) sides.set(d.id, sideToward(position, peer ? posOfNs(peer.ns) : undefined));
    }
    const prev = cache.nodes.get(id);
    const m = measured.get(id);
    let node: NsFlowNode;
    if (
      prev &&
      prev.sig === sig &&
      prev.node.position === position &&
      prev.node.measured?.width === m?.width &&
      prev.node.measured?.height === m?.height
    ) {
      node = prev.node;
    } else {
      node = {
        id,
        type: 'ns',
        position,
        data,
        ...(m ? { measured: m } : {}),
        draggable: ns.role !== 'host',
        selectable: false,
        // As <ReactFlow nodesConnectable={false}> says, but known from the first render: React Flow's store
        // starts with the boxes (Canvas) and with its default `true`, and the prop's value, set in an effect
        // after that render, changed every box's isConnectable and rendered all of them again.
        connectable: false,
        zIndex: 0,
        ariaLabel: ns.title,
      };
    }
    nextNodes.set(id, { sig, node });
    nodes.push(node);
  }
  cache.nodes = nextNodes;

  const edges: LinkEdge[] = [];
  const nextEdges = new Map<string, { sig: string; edge: LinkEdge }>();
  for (const l of t.links) {
    const a = t.devices[l.a];
    const b = t.devices[l.b];
    if (!a || !b) continue;
    const na = nextNodes.get(`ns:${a.ns}`)?.node;
    const nb = nextNodes.get(`ns:${b.ns}`)?.node;
    if (!na || !nb) continue;
    const sa = sides.get(a.id) ?? 'b';
    const sb = sides.get(b.id) ?? 't';
    const changed = hl.has(`link:${l.id}`);
    const selected = sel?.kind === 'link' && sel.id === l.id;
    const data: VethData = { label: l.label, kind: l.kind, changed, changeSeq: changed ? seq : 0 };
    const sig = `${na.id}|${nb.id}|${sa}|${sb}|${l.label}|${changed}|${selected}|${data.changeSeq}`;
    const prev = cache.edges.get(l.id);
    const edge: LinkEdge =
      prev && prev.sig === sig
        ? prev.edge
        : {
            id: l.id,
            type: 'link',
            source: na.id,
            target: nb.id,
            sourceHandle: `${a.id}:${sa}`,
            targetHandle: `${b.id}:${sb}`,
            data,
            selected,
            ariaLabel: l.label,
            // Cables are drawn over the boxes so their labels stay readable where they cross the host frame
            // (a cable only takes clicks on its stroke, so the chips under it stay clickable). The outside world's
            // cables run between boxes that stand apart, and drawn under them they enter a box at its edge
            // instead of crossing the LAN gateway's title and ports.
            zIndex: l.kind === 'wire' ? 0 : 1,
          };
    nextEdges.set(l.id, { sig, edge });
    edges.push(edge);
  }
  cache.edges = nextEdges;
  return { nodes, edges };
}
