/**
 * The packet on the graph, in step with the player: on a step that puts a frame on a link (a veth pair or the
 * uplink cable), that edge glows and a dot runs along it from the sending end to the receiving one, where it
 * rests while the packet is handled there (where.ts); the devices of the step (the one that decides first)
 * are marked with a `data-packet-focus` attribute.
 *
 * Cheap by design: the dot lives in React Flow's viewport portal (one small SVG, SMIL animateMotion on the
 * edge's own path, read from the DOM), and the focus marks are attributes React does not own, so no node or
 * edge re-renders per step. A MutationObserver puts the marks back when a box is redrawn.
 */
import {
  memo,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useSyncExternalStore,
} from 'react';
import { ViewportPortal, useStore as useFlowStore } from '@xyflow/react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { JourneyStep, Topology } from '../../sim';
import { StoreContext } from '../store_context';
import { usePlayer } from './context';
import { packetPlace } from './where';

const ATTR = 'data-packet-focus';

const css = (v: string) =>
  typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(v) : v.replace(/["\\]/g, '\\$&');

/** The graph elements of a step's focus: device chips and bridges (the deciding one first), else its box. */
export function focusElements(root: Element, topo: Topology, step: JourneyStep): [Element, string][] {
  const out: [Element, string][] = [];
  const devs = step.focus.filter((f) => f.startsWith('dev:')).map((f) => f.slice(4));
  const ordered =
    step.devId && devs.includes(step.devId) ? [step.devId, ...devs.filter((d) => d !== step.devId)] : devs;
  for (const [n, id] of ordered.entries()) {
    const d = topo.devices[id];
    const box = d && root.querySelector(`.react-flow__node[data-id="${css(`ns:${d.ns}`)}"]`);
    if (!d || !box) continue;
    const el =
      d.kind === 'bridge'
        ? box.querySelector(`[data-bridge="${css(d.name)}"] > button`)
        : box.querySelector(`[data-dev="${css(d.name)}"]`);
    if (el) out.push([el, n === 0 ? 'decide' : 'pass']);
  }
  if (out.length === 0) {
    const box = root.querySelector(`.react-flow__node[data-id="${css(`ns:${step.ns}`)}"] [data-ns]`);
    if (box) out.push([box, 'ns']);
  }
  return out;
}

function useFocusMarks(step: JourneyStep | null, topo: Topology | null) {
  const root = useFlowStore((s) => s.domNode);
  useEffect(() => {
    if (!root || !step || !topo) return;
    let applied: Element[] = [];
    const clear = () => {
      for (const el of applied) el.removeAttribute(ATTR);
      applied = [];
    };
    const apply = () => {
      clear();
      for (const [el, kind] of focusElements(root, topo, step)) {
        el.setAttribute(ATTR, kind);
        applied.push(el);
      }
    };
    const observer = new MutationObserver(apply);
    apply();
    observer.observe(root, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      clear();
    };
  }, [root, step, topo]);
}

/** The `d` of an edge's path as React Flow drew it, kept up to date while boxes are dragged. */
function useEdgePath(link: string | null): string | null {
  const root = useFlowStore((s) => s.domNode);
  const subscribe = useCallback(
    (changed: () => void) => {
      if (!root) return () => {};
      const observer = new MutationObserver(changed);
      const edges = root.querySelector('.react-flow__edges') ?? root;
      observer.observe(edges, { subtree: true, childList: true, attributes: true, attributeFilter: ['d'] });
      return () => observer.disconnect();
    },
    [root],
  );
  const read = () =>
    root && link
      ? (root
          .querySelector(`.react-flow__edge[data-id="${css(link)}"] path.react-flow__edge-path`)
          ?.getAttribute('d') ?? null)
      : null;
  return useSyncExternalStore(subscribe, read, () => null);
}

const reducedMotion = () =>
  typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches;

function Dot({ path, reverse, ms }: { path: string; reverse: boolean; ms: number }) {
  const anim = useRef<SVGAnimateMotionElement>(null);
  // Begin at once, before the first paint (a SMIL animation added to a running document would otherwise
  // start at the document's time 0 and show its end straight away).
  useLayoutEffect(() => {
    const a = anim.current;
    if (a && typeof a.beginElement === 'function') a.beginElement();
  }, []);
  return (
    <circle r={7} className="cnp-packet-dot">
      <animateMotion
        ref={anim}
        begin="indefinite"
        dur={`${reducedMotion() ? 1 : ms}ms`}
        fill="freeze"
        path={path}
        keyPoints={reverse ? '1;0' : '0;1'}
        keyTimes="0;1"
        calcMode="linear"
      />
    </circle>
  );
}

export const PacketMarker = memo(function PacketMarker() {
  const app = useContext(StoreContext);
  const topo = useStore(app, (s) => s.topo);
  const { step, move, moving, cursor, speed } = usePlayer(
    useShallow((s) => {
      const active = s.machine.status !== 'idle' && s.machine.cursor >= 0;
      const steps = s.journey?.steps ?? [];
      // Selected as parts: the move is the journey's own object, so an unchanged place keeps its identity.
      const place = active ? packetPlace(steps, s.machine.cursor) : null;
      return {
        step: active ? (steps[s.machine.cursor] ?? null) : null,
        move: place?.move ?? null,
        moving: place?.moving ?? false,
        cursor: s.machine.cursor,
        speed: s.machine.speed,
      };
    }),
  );
  useFocusMarks(step, topo);
  const path = useEdgePath(move?.link ?? null);
  if (!move || !path || !topo) return null;
  const link = topo.links.find((l) => l.id === move.link);
  const from = topo.devices[move.from];
  const to = topo.devices[move.to];
  const label = (d: typeof from) => (d ? `${topo.namespaces[d.ns]?.title ?? d.ns} ${d.name}` : '');
  return (
    <ViewportPortal>
      <svg
        className="pointer-events-none absolute top-0 left-0 overflow-visible"
        width={1}
        height={1}
        data-testid="packet-marker"
        data-link={move.link}
        data-from={label(from)}
        data-to={label(to)}
        data-moving={moving}
        aria-hidden
      >
        <path d={path} className={moving ? 'cnp-packet-path' : 'cnp-packet-path cnp-packet-path-rest'} />
        <Dot
          key={cursor}
          path={path}
          reverse={link ? link.a !== move.from : false}
          ms={moving ? Math.min(700, 800 / speed) : 1}
        />
      </svg>
    </ViewportPortal>
  );
});
