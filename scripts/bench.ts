/**
 * npm run bench: one JSON object per figure on stdout ({"name","value","unit"}). Never part of npm test.
 * Figures: gzip size of the initial JS and of the lazy shell chunk (from a fresh production build), the time
 * to replay the oracle build in the simulator, and (as root on Linux) the same steps on the real kernel.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

function emit(name: string, value: number, unit: string, extra: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, ...extra })}\n`);
}

function bundleSizes(): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const html = readFileSync('dist/index.html', 'utf8');
  const entry = /src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  const assets = readdirSync('dist/assets');
  const gz = (f: string) => gzipSync(readFileSync(path.join('dist/assets', f))).length / 1024;
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

bundleSizes();
const oracle = spawnSync('npx', ['tsx', 'scripts/bench-oracle.ts'], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
process.exitCode = oracle.status ?? 0;
