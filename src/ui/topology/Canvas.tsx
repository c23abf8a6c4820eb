/**
 * The topology canvas: React Flow as a controlled view of the store's projection. Drags change only the layout
 * (store.moveNode); deleting things is a command, never a node removal. The view fits itself when new boxes
 * appear, until the user pans or zooms by hand (the Fit button brings that back).
 */
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import {
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type NodeChange,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from '../i18n';
import { StoreContext } from '../store_context';
import { NsNode } from './NsNode';
import { LinkEdge } from './LinkEdge';
import { Legend } from './Legend';
import { newFlowCache, toFlow, type FlowCache, type NsFlowNode } from './to_flow';
import { PacketMarker } from '../player/PacketMarker';
import { playerFor } from '../player/player_store';
import { noteUsable } from '../usable';
import type { AppStore } from '../../store';

const nodeTypes = { ns: NsNode };
const edgeTypes = { link: LinkEdge };
const FIT = { padding: 0.05, duration: 250, maxZoom: 1.1 };
const PRO_OPTIONS = { hideAttribution: true };

type Measured = Map<string, { width: number; height: number }>;

/** What the graph shows of the store's state: a packet player stepping through a line hides the line's glow. */
function flowOf(store: AppStore, cache: FlowCache, measured: Measured) {
  const s = store.getState();
  if (!s.topo) return { nodes: [], edges: [] };
  const stepping = playerFor(store).getState().machine.status !== 'idle';
  return toFlow(s.topo, s.layout, stepping ? null : s.change, s.selection, cache, measured);
}

function Flow({ dark, cache, measured }: { dark: boolean; cache: FlowCache; measured: Measured }) {
  const store = useContext(StoreContext);
  const { t } = useTranslation();
  const flow = useReactFlow();
  const {
    topo,
    layout,
    change: lastChange,
    selection,
  } = useStore(
    store,
    useShallow((s) => ({ topo: s.topo, layout: s.layout, change: s.change, selection: s.selection })),
  );
  // While the packet player steps through a line, the glow of what the whole line changed would mislead.
  const stepping = useStore(playerFor(store), (s) => s.machine.status !== 'idle');
  const change = stepping ? null : lastChange;
  const [measureTick, setMeasureTick] = useState(0);
  const userMoved = useRef(false);

  const { nodes, edges } = useMemo(() => {
    void measureTick;
    if (!topo) return { nodes: [], edges: [] };
    return toFlow(topo, layout, change, selection, cache, measured);
  }, [topo, layout, change, selection, measureTick, cache, measured]);

  const onNodesChange = useCallback(
    (changes: NodeChange<NsFlowNode>[]) => {
      let dims = false;
      for (const c of changes) {
        if (c.type === 'position' && c.position) store.getState().moveNode(c.id, c.position);
        else if (c.type === 'dimensions' && c.dimensions) {
          const prev = measured.get(c.id);
          if (!prev || prev.width !== c.dimensions.width || prev.height !== c.dimensions.height) {
            measured.set(c.id, c.dimensions);
            dims = true;
          }
        }
      }
      if (dims) setMeasureTick((n) => n + 1);
    },
    [store, measured],
  );

  // Fit the view when boxes appear, go or grow, unless the user has taken the view over.
  const count = nodes.length;
  const allMeasured = nodes.every((n) => n.measured);
  const extent = allMeasured
    ? nodes.map((n) => `${n.id}:${n.measured?.width}x${n.measured?.height}`).join()
    : '';
  useEffect(() => {
    if (extent) noteUsable('graph');
  }, [extent]);
  // The side panel widens while the packet player is shown: fit again once the canvas has its new size.
  const sideTab = useStore(playerFor(store), (s) => s.tab);
  useEffect(() => {
    if (userMoved.current || !extent) return;
    let h = requestAnimationFrame(() => {
      h = requestAnimationFrame(() => void flow.fitView(FIT));
    });
    return () => cancelAnimationFrame(h);
  }, [extent, flow, sideTab]);

  // Stable handlers and options: React Flow's GraphView and its node and edge renderers are memoized, and a new
  // handler (or aria config) on each of this component's renders re-rendered every box and cable wrapper and
  // pushed the value into React Flow's store again (StoreUpdater), which re-rendered its subscribers; this
  // component renders several times on a cold load (React Flow's viewport coming up, the measuring round).
  const onEdgeClick = useCallback(
    (_e: unknown, edge: { id: string }) => store.getState().select({ kind: 'link', id: edge.id }),
    [store],
  );
  // A click on a box's background selects its namespace (chips and cards select themselves). Having a click
  // handler also gives the fixed host frame pointer events, which React Flow withholds from nodes that are
  // neither draggable nor selectable.
  const onNodeClick = useCallback(
    (_e: unknown, node: { id: string }) => store.getState().select({ kind: 'ns', id: node.id.slice(3) }),
    [store],
  );
  const onPaneClick = useCallback(() => store.getState().select(null), [store]);
  const onFitView = useCallback(() => {
    userMoved.current = false;
    void flow.fitView(FIT);
  }, [flow]);
  const ariaLabelConfig = useMemo(
    () => ({
      'controls.ariaLabel': t('canvas.label'),
      'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.fit'),
      'minimap.ariaLabel': t('canvas.minimap'),
    }),
    [t],
  );

  const onMoveStart = useCallback((e: MouseEvent | TouchEvent | null, _v: Viewport) => {
    if (e) userMoved.current = true;
  }, []);

  // Chrome rasterizes a `will-change: transform` layer at the scale it had when the layer was made and keeps
  // it while the transform changes (which is what makes a pan cheap), also after a zoom out: the viewport's
  // layer, made at zoom 1 and fitted to 200 containers at 0.15, was drawn from 300 tiles of the old scale per
  // frame instead of 30 (software compositing: 8 ms instead of 1 a frame). So when a move (a pan, a wheel zoom,
  // a fit) ends at a new zoom, the hint is dropped for one frame (styles.css: .cnp-reraster) and the layer is
  // made again at the new scale.
  const wrapper = useRef<HTMLDivElement>(null);
  const rasterZoom = useRef(0);
  const onMoveEnd = useCallback((_e: MouseEvent | TouchEvent | null, v: Viewport) => {
    const el = wrapper.current;
    if (!el || v.zoom === rasterZoom.current) return;
    rasterZoom.current = v.zoom;
    el.classList.add('cnp-reraster');
    requestAnimationFrame(() => requestAnimationFrame(() => el.classList.remove('cnp-reraster')));
  }, []);

  return (
    <ReactFlow<NsFlowNode>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgeClick={onEdgeClick}
      onNodeClick={onNodeClick}
      onPaneClick={onPaneClick}
      onMoveStart={onMoveStart}
      onMoveEnd={onMoveEnd}
      ref={wrapper}
      connectionMode={ConnectionMode.Loose}
      nodesConnectable={false}
      elementsSelectable
      edgesFocusable
      // No culling: at the fitted view every box is visible anyway, and culling re-renders the node and edge
      // lists on every pan frame (measured panning 60 containers: 25 -> 32 fps, the viewport layer repainted
      // 4 times instead of 26 in 4 s). Boxes are memoized, so an off-screen box costs nothing while panning.
      onlyRenderVisibleElements={false}
      minZoom={0.08}
      maxZoom={2}
      colorMode={dark ? 'dark' : 'light'}
      proOptions={PRO_OPTIONS}
      aria-label={t('canvas.label')}
      ariaLabelConfig={ariaLabelConfig}
    >
      <Controls position="top-left" showInteractive={false} onFitView={onFitView} fitViewOptions={FIT} />
      {count > 12 && <MiniMap pannable zoomable ariaLabel={t('canvas.minimap')} />}
      <PacketMarker />
    </ReactFlow>
  );
}

export default function Canvas({ dark }: { dark: boolean }) {
  const store = useContext(StoreContext);
  // Mutable caches that live as long as the canvas (not render inputs: Flow's measure tick is).
  const [cache] = useState(newFlowCache);
  const [measured] = useState((): Measured => new Map());
  // React Flow's store starts with the boxes and cables, so they are rendered (and measured) in the canvas's
  // first commit. Given only as <ReactFlow nodes>, they reach its store in a passive effect, and the boxes were
  // created in a second render and a second layout of the page (~0.1 s at 4x CPU throttling on a cold load,
  // before the measuring round could start). Flow's first toFlow returns these same objects (the cache).
  const [initial] = useState(() => flowOf(store, cache, measured));
  return (
    <div className="flex h-full flex-col">
      <Legend />
      <div className="min-h-0 flex-1">
        <ReactFlowProvider initialNodes={initial.nodes} initialEdges={initial.edges}>
          <Flow dark={dark} cache={cache} measured={measured} />
        </ReactFlowProvider>
      </div>
    </div>
  );
}
