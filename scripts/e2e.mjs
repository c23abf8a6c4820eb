// npm run test:e2e: build the app, then run Playwright against the production build on a free port.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { findChromium } from './chromium.mjs';
import { freePort } from './free-port.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error('e2e: Chromium is missing: run `apt-get install -y chromium` (or set CHROMIUM_PATH).');
  process.exit(1);
}
// Each run builds into its own folder: two runs at once (or a run while someone builds dist/) must not serve
// each other half-written files.
const outDir = `.tmp/e2e-dist-${process.pid}`;
rmSync(outDir, { recursive: true, force: true });
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
const port = await freePort();
let hostPort = await freePort();
while (hostPort === port) hostPort = await freePort();
const r = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    CHROMIUM_PATH: chromium,
    E2E_PORT: String(port),
    E2E_HOST_PORT: String(hostPort),
    E2E_DIST: outDir,
  },
});
rmSync(outDir, { recursive: true, force: true });
process.exit(r.status ?? 1);
