/**
 * The classroom-scale series (../bench-scale-run.ts) in the browser, the engine the app runs in: its JIT tiers
 * and its collector, and the simulator compiled as the production build compiles it. The page runs the series
 * when it loads, with its settings from the query string, and leaves the figures in `window.__benchScale`
 * for bench-scale-chromium.ts to read.
 */
import { runScale } from '../bench-scale-run';

interface Figure {
  name: string;
  value: number;
  unit: string;
  [k: string]: unknown;
}

declare global {
  interface Window {
    __benchScale?: { figures: Figure[]; error?: string };
    /** Chromium with --js-flags=--expose-gc. */
    gc?: () => void;
  }
}

const q = new URLSearchParams(location.search);
const num = (k: string, d: number) => Number(q.get(k) ?? d);
const figures: Figure[] = [];
// The pause before the next line, as a user's: the page goes idle, where Blink runs V8's idle-time work
// (scavenges and the end of incremental marking are idle tasks there). A task alone (MessageChannel) never let
// the page be idle, so every collection fell inside a timed line.
const turn = () =>
  new Promise<void>((resolve) => {
    requestIdleCallback(() => resolve(), { timeout: 100 });
  });
// performance.memory is exact with --enable-precise-memory-info (bench-scale-chromium.ts starts it so).
const memory = () => (performance as { memory?: { usedJSHeapSize: number } }).memory;
const gc = window.gc;

runScale(
  {
    containers: num('containers', 1000),
    networks: num('networks', 30),
    samples: num('samples', 100),
    warmup: num('warmup', 10),
  },
  { turn, ...(gc ? { gc } : {}), ...(memory() ? { heapUsed: () => memory()?.usedJSHeapSize ?? NaN } : {}) },
  (name, value, unit, extra = {}) => figures.push({ name, value, unit, ...extra }),
).then(
  () => (window.__benchScale = { figures }),
  (e: unknown) => (window.__benchScale = { figures, error: String(e) }),
);
