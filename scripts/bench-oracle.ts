/**
 * The oracle build (../shared/oracle/replay/main.sh up to the first capture) replayed in the simulator, and,
 * when run as root on Linux, the same commands on the real kernel in throwaway namespaces; reported side by
 * side with their ratio.
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { runTranscript, scriptLines } from '../src/cli/transcript';

function emit(name: string, value: number, unit: string, extra: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, ...extra })}\n`);
}

const replay = '../shared/oracle/replay/main.sh';
if (!existsSync(replay)) {
  process.stderr.write('bench: ../shared/oracle not present, skipping the oracle figures\n');
  process.exit(0);
}
const all = scriptLines(readFileSync(replay, 'utf8'));
const firstCapture = all.findIndex((l) => l.startsWith('sleep'));
const build = all.slice(0, firstCapture);

// Warm up the runtime (module loading, JIT) once, then time the replay.
await runTranscript(
  build.join('\n'),
  { seed: 1, mode: 'json', trace: false },
  () => {},
  () => {},
);
const runs = 5;
const t0 = performance.now();
for (let i = 0; i < runs; i++)
  await runTranscript(
    build.join('\n'),
    { seed: 1, mode: 'json', trace: false },
    () => {},
    () => {},
  );
const simMs = (performance.now() - t0) / runs;
emit('oracle_build_sim', simMs, 'ms', { commands: build.length });

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && process.platform === 'linux') {
  // Same commands on the real kernel, namespaces renamed to a bench-only prefix, then torn down.
  const script = build.map((l) => l.replace(/\bgt-/g, 'bench-')).join('\n');
  const cleanup = () =>
    spawnSync('sh', [
      '-c',
      'for n in $(ip netns list | awk \'{print $1}\' | grep "^bench-"); do ip netns del "$n"; done',
    ]);
  cleanup();
  const t1 = performance.now();
  const r = spawnSync('bash', ['-e', '-c', script], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const realMs = performance.now() - t1;
  cleanup();
  if (r.status === 0) {
    emit('oracle_build_real_kernel', realMs, 'ms', { commands: build.length });
    emit('oracle_build_speedup', realMs / simMs, 'x');
  } else {
    process.stderr.write(`bench: real-kernel replay failed: ${r.stderr.slice(0, 300)}\n`);
  }
}
