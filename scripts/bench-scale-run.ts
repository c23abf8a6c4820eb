/**
 * The classroom-scale series (bench-scale.ts in Node, bench-scale-chromium.ts in the browser), through the app
 * store: what a user waits for when a line runs, then the graph's projection, layout and "what changed" are
 * published. 30 networks and 1,000 containers are created, then the latency of everyday commands at that size,
 * and (where the engine can collect on demand and tell its heap) the memory 100 undoable steps keep alive.
 */
import { createAppStore } from '../src/store';
import { quantile } from './bench-lib-pure';

export interface ScaleConfig {
  containers: number;
  networks: number;
  samples: number;
  warmup: number;
}

/** The series' settings as command-line options (node:util parseArgs), with the issue's sizes as defaults. */
export const SCALE_ARGS = {
  containers: { type: 'string', default: '1000' },
  networks: { type: 'string', default: '30' },
  samples: { type: 'string', default: '100' },
  warmup: { type: 'string', default: '10' },
} as const;

export function scaleConfig(v: Record<keyof typeof SCALE_ARGS, string>): ScaleConfig {
  return {
    containers: Number(v.containers),
    networks: Number(v.networks),
    samples: Number(v.samples),
    warmup: Number(v.warmup),
  };
}

/** What the engine gives the series. */
export interface ScaleEnv {
  /** Let the event loop turn once (a task), outside the timing. */
  turn(): Promise<void>;
  /** A full collection, where the engine exposes one (node --expose-gc, --js-flags=--expose-gc). */
  gc?: () => void;
  /** Bytes of JS heap in use, where the engine tells them exactly. */
  heapUsed?: () => number;
}

export type Emit = (name: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

export async function runScale(cfg: ScaleConfig, env: ScaleEnv, emit: Emit): Promise<void> {
  const { containers: CONTAINERS, networks: NETWORKS, samples: SAMPLES } = cfg;
  const WARMUP = Math.max(1, cfg.warmup);
  // Worlds unfrozen, as the production app runs them (src/main.tsx; sim/freezing.ts says why).
  const store = createAppStore({ paceScale: 0, welcome: false, freezeWorlds: false });
  await store.getState().init(1);
  const host = store.getState().hostTerminal;
  if (!host) throw new Error('bench: no host terminal');
  let printed = '';
  store
    .getState()
    .channel(host)
    .subscribe((d) => (printed += d));

  /** Type one line at the host prompt and wait for its result to be published; milliseconds. */
  async function timed(line: string): Promise<number> {
    printed = '';
    const t0 = performance.now();
    await store.getState().typeLine(host as string, line);
    const ms = performance.now() - t0;
    const last = store.getState().last;
    if (!last || last.result.exitCode !== 0)
      throw new Error(`bench: '${line}' failed (${last?.result.exitCode}): ${printed.slice(0, 400)}`);
    // The event loop turns once before the next line, outside the timing. In the app a line starts from a
    // keypress, a task of its own, so the tasks V8 posts meanwhile run between two lines; the one that matters
    // here is the scavenge V8 posts when the young generation is 80% full. Lines run back to back on
    // microtasks alone never let it run, and every young-generation collection then fell inside a timed line
    // as an allocation failure ("Scavenge ... allocation failure" in --trace-gc, where the app has "task").
    await env.turn();
    return ms;
  }

  const net = (i: number) => `n${i % NETWORKS}`;
  // The time the lines took, without the pauses between them (the browser page's pause is an idle period).
  let createMs = 0;
  for (let i = 0; i < NETWORKS; i++) createMs += await timed(`docker network create ${net(i)}`);
  for (let i = 0; i < CONTAINERS; i++)
    createMs += await timed(`docker run -d --name c${i} --network ${net(i)} busybox sleep 1d`);
  emit('scale_create', createMs, 'ms', { containers: CONTAINERS, networks: NETWORKS });

  // Two containers of the same network, far apart in creation order.
  const a = 0;
  const b = NETWORKS * Math.floor((CONTAINERS - 1) / NETWORKS);
  const commands: [string, string][] = [
    ['ip_a', 'ip a'],
    ['docker_ps', 'docker ps'],
    ['docker_network_inspect', `docker network inspect ${net(a)}`],
    ['ping', `docker exec c${a} ping -c 1 c${b}`],
  ];
  const gcNow = env.gc;
  for (const [name, line] of commands) {
    // Each series starts from a collected heap: a browser collects the garbage of the last phase (creating a
    // thousand containers) in the idle time before the next command is typed, Node has no idle-time GC, and
    // that debt was paid by whichever command came first. The series' own garbage is collected as it comes.
    gcNow?.();
    // The first run of a command is reported on its own (`_first`: V8 compiles the code it runs then, and for a
    // few runs more); the p50/p99 are of the runs after WARMUP runs, what a user sees typing the command again.
    // With one warm-up run, the p99 of 100 samples was the second-slowest of the runs still being compiled.
    // `_p99_warmup1` is the p99 of the 100 runs after the first one (one warm-up run), to compare with that method.
    emit(`scale_${name}_first`, await timed(line), 'ms', { line, containers: CONTAINERS });
    const runs: number[] = [];
    for (let i = 1; i < WARMUP + SAMPLES; i++) runs.push(await timed(line));
    const ms = runs.slice(WARMUP - 1);
    const extra = { line, containers: CONTAINERS, samples: SAMPLES, warmup: WARMUP };
    emit(`scale_${name}_p50`, quantile(ms, 0.5), 'ms', extra);
    emit(`scale_${name}_p99`, quantile(ms, 0.99), 'ms', extra);
    emit(`scale_${name}_p99_warmup1`, quantile(runs.slice(0, SAMPLES), 0.99), 'ms', { ...extra, warmup: 1 });
  }

  // Memory of 100 undoable steps: the heap they add (old Worlds kept for undo share what did not change).
  if (gcNow && env.heapUsed) {
    const gc = gcNow;
    const used = env.heapUsed;
    const heap = () => {
      gc();
      gc();
      return used();
    };
    const steps = [
      (i: number) => `docker run -d --name u${i} --network ${net(i)} busybox sleep 1d`,
      (i: number) => `docker network connect ${net(i + 1)} u${i - 1}`, // made by the step before
      (i: number) => `ip link add br${i} type bridge`,
      (i: number) => `iptables -A FORWARD -s 10.99.${i}.0/24 -j ACCEPT`,
    ];
    // Undo keeps the newest 100 entries (sim UNDO_LIMIT), all of them creations by now: take those back and make
    // one change, so that the history holds one entry at h0 and the 100 steps fill it (the World has ~930
    // containers from here on).
    while (store.getState().canUndo) store.getState().undo();
    await timed('ip link add bench0 type bridge');
    const h0 = heap();
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) await timed((steps[i % steps.length] as (i: number) => string)(i));
    const stepsMs = performance.now() - t0;
    const h1 = heap();
    if (!store.getState().canUndo) throw new Error('bench: nothing to undo');
    emit('scale_undo_history_100_steps', (h1 - h0) / 1024 / 1024, 'MiB', {
      containers: CONTAINERS,
      steps_ms: Math.round(stepsMs),
    });
  }
}
