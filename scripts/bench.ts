/**
 * npm run bench: one JSON object per figure on stdout ({"name","value","unit", ...details}), all measured in
 * this one run. Never part of npm test; `npm run bench:check` compares the figures with bench/budgets.json.
 *
 * 1. a fresh production build: gzip size of the initial JS and of the lazy shell chunk;
 * 2. the build in headless Chromium: cold load at 4x CPU throttling, panning 200 containers (bench-page.ts);
 * 3. classroom scale through the app store: 1,000 containers on 30 networks (bench-scale.ts, with --expose-gc),
 *    and the same series in headless Chromium (bench-scale-chromium.ts, figures `chromium_scale_*`);
 * 4. the oracle build in the simulator vs the real kernel (bench-oracle.ts);
 * 5. the share URL of the seed's four-mode scenario (bench-share.ts).
 *
 * The machine's load average is printed with every step (a shared machine makes every timing noisy).
 *   tsx scripts/bench.ts [--skip page,scale,scale-chromium,oracle,share]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { emit } from './bench-lib';

const { values } = parseArgs({ options: { skip: { type: 'string', default: '' } } });
const skip = new Set(values.skip.split(',').filter(Boolean));

const machine = () => ({
  cpus: cpus().length,
  cpu: cpus()[0]?.model.trim(),
  load1: Math.round((loadavg()[0] ?? 0) * 100) / 100,
});
emit('machine_load1', machine().load1, 'load', machine());

// Each run builds into its own folder (another build or an e2e run may be using dist/ at the same time).
const dist = `.tmp/bench-dist-${process.pid}`;

function bundleSizes(): void {
  rmSync(dist, { recursive: true, force: true });
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', dist], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entry = /src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  const assets = readdirSync(path.join(dist, 'assets'));
  const gz = (f: string) => gzipSync(readFileSync(path.join(dist, 'assets', f))).length / 1024;
  if (entry) {
    // The entry and what it imports statically (modulepreload links) load before first paint.
    const preloads = [...html.matchAll(/href="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1] as string);
    const initial = [entry, ...preloads.filter((p) => p !== entry)];
    emit(
      'initial_js_gzip',
      initial.reduce((a, f) => a + gz(f), 0),
      'KiB',
      { files: initial },
    );
  }
  const shell = assets.find((f) => f.startsWith('browser-') && f.endsWith('.js'));
  if (shell) emit('shell_chunk_gzip', gz(shell), 'KiB', { file: shell });
}

/** Run a bench step as its own process; its JSON lines go straight to our stdout. */
function step(name: string, args: string[]): void {
  if (skip.has(name)) return;
  emit(`machine_load1_${name}`, machine().load1, 'load');
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    process.stderr.write(`bench: ${name} failed (exit ${r.status})\n`);
    process.exitCode = 1;
  }
}

try {
  bundleSizes();
  step('page', ['--import', 'tsx', 'scripts/bench-page.ts', dist]);
  step('scale', ['--expose-gc', '--import', 'tsx', 'scripts/bench-scale.ts']);
  step('scale-chromium', ['--import', 'tsx', 'scripts/bench-scale-chromium.ts']);
  step('oracle', ['--import', 'tsx', 'scripts/bench-oracle.ts']);
  step('share', ['--import', 'tsx', 'scripts/bench-share.ts']);
  emit('machine_load1_end', machine().load1, 'load');
} finally {
  rmSync(dist, { recursive: true, force: true });
}
