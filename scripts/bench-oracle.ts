/**
 * The oracle build (test/oracle/replay/main.sh up to the first capture) replayed in the simulator as the app runs
 * it (no invariant checks after each change: the transcript runner's tests do those), and, when
 * run as root on Linux, the same commands on the real kernel in throwaway namespaces; reported side by side
 * with their ratio. The simulator figure is the replay itself in a warm process (what the app does once its
 * modules are loaded), from the default World made once as the real machine is booted once; the transcript runner as a fresh process (Node + tsx start, module loading, then the
 * replay) is reported next to it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { runTranscript, scriptLines } from '../src/cli/transcript';
import { createDefaultWorld, setWorldFreezing } from '../src/sim';
import { emit, median } from './bench-lib';

const replay = 'test/oracle/replay/main.sh';
if (!existsSync(replay)) {
  process.stderr.write('bench: test/oracle not present, skipping the oracle figures\n');
  process.exit(0);
}
const all = scriptLines(readFileSync(replay, 'utf8'));
const firstCapture = all.findIndex((l) => l.startsWith('sleep'));
const build = all.slice(0, firstCapture);

// Worlds unfrozen, as the production app runs them (src/main.tsx; sim/freezing.ts says why).
setWorldFreezing(false);

// The machine is booted before the real-kernel replay starts; the app starts from the World its build
// precomputed (prebuilt_world.ts). So every simulated replay starts from the default World, made once
// (Worlds are immutable: each run starts from the same one).
const world = createDefaultWorld(1);

/** One replay of the build in this process; milliseconds. */
async function replayOnce(): Promise<number> {
  const t0 = performance.now();
  await runTranscript(
    build.join('\n'),
    { seed: 1, mode: 'json', trace: false, checkInvariants: false, world },
    () => {},
    () => {},
  );
  return performance.now() - t0;
}

// The first replay is reported on its own (module loading and V8 compiling: what the first use pays), then
// warm-up replays, then the timed ones. With one warm-up replay, the first three timed ones were 25-66 ms
// while V8 was still compiling, and the median of 15 moved with them.
const WARMUP = 10;
const runs = 15;
emit('oracle_build_sim_first', await replayOnce(), 'ms', { commands: build.length });
for (let i = 1; i < WARMUP; i++) await replayOnce();
const sim: number[] = [];
for (let i = 0; i < runs; i++) sim.push(await replayOnce());
const simMs = median(sim);
emit('oracle_build_sim', simMs, 'ms', {
  commands: build.length,
  runs,
  warmup: WARMUP,
  samples: sim.map(Math.round),
});

// The same replay as `npm run sim` does it: a fresh process each time.
const cold: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--json'], {
    input: build.join('\n'),
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  if (r.status !== 0) throw new Error(`bench: the transcript runner failed (${r.status})`);
  cold.push(performance.now() - t0);
}
emit('oracle_build_sim_process', median(cold), 'ms', {
  commands: build.length,
  samples: cold.map(Math.round),
  note: 'node + tsx start and module loading included',
});

/** Namespaces of the real-kernel replay: BENCH_NETNS_PREFIX, else `cnpbench`. */
const PREFIX = process.env.BENCH_NETNS_PREFIX ?? 'cnpbench';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && process.platform === 'linux') {
  // Same commands on the real kernel, namespaces renamed to a bench-only prefix, then torn down.
  const script = build.map((l) => l.replace(/\bgt-/g, `${PREFIX}-`)).join('\n');
  const cleanup = () =>
    spawnSync('sh', [
      '-c',
      `for n in $(ip netns list | awk '{print $1}' | grep "^${PREFIX}-"); do ip netns del "$n"; done`,
    ]);
  // Three runs, the median (the machine may be busy with other work).
  const real: number[] = [];
  let r: ReturnType<typeof spawnSync> = { status: 0 } as ReturnType<typeof spawnSync>;
  for (let i = 0; i < 3 && r.status === 0; i++) {
    cleanup();
    const t1 = performance.now();
    r = spawnSync('bash', ['-e', '-c', script], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    real.push(performance.now() - t1);
    cleanup();
  }
  const realMs = median(real);
  if (r.status === 0) {
    emit('oracle_build_real_kernel', realMs, 'ms', { commands: build.length, samples: real.map(Math.round) });
    emit('oracle_build_speedup', realMs / simMs, 'x', {
      cold_process: Math.round((realMs / median(cold)) * 10) / 10,
    });
  } else {
    process.stderr.write(`bench: real-kernel replay failed: ${String(r.stderr).slice(0, 300)}\n`);
  }
}
