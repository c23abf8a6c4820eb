// npm run test:e2e: build the app, then run Playwright against the production build on a free port.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';
import { freePort } from './free-port.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error('e2e: Chromium is missing: run `apt-get install -y chromium` (or set CHROMIUM_PATH).');
  process.exit(1);
}
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const port = await freePort();
let hostPort = await freePort();
while (hostPort === port) hostPort = await freePort();
const r = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium, E2E_PORT: String(port), E2E_HOST_PORT: String(hostPort) },
});
process.exit(r.status ?? 1);
