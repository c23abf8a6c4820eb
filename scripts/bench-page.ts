/**
 * The app in headless Chromium (Debian's, through Playwright), served from a production build:
 *
 * - cold load: a fresh browser context (empty cache, no service worker) with the CPU throttled 4x through the
 *   DevTools protocol (Emulation.setCPUThrottlingRate), from navigation to the app's `cnp:usable` mark (the
 *   host prompt drawn by the terminal and the graph's boxes drawn and measured: src/ui/usable.ts); then the
 *   time until a first typed line has answered (the shell runtime is a lazy chunk);
 * - panning: 200 containers created the way a student does (one typed shell loop of `docker run -d`), then
 *   the mouse drags the graph's pane for a few seconds while the page records requestAnimationFrame times.
 *
 *   tsx scripts/bench-page.ts DIST [--loads N] [--pan-seconds S] [--containers N]
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from './chromium.mjs';
import { freePort } from './free-port.mjs';
import { emit, median, quantile } from './bench-lib';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    loads: { type: 'string', default: '3' },
    'pan-seconds': { type: 'string', default: '4' },
    containers: { type: 'string', default: '200' },
    throttle: { type: 'string', default: '4' },
  },
});
const dist = positionals[0] ?? 'dist';
const THROTTLE = Number(values.throttle);

const exe = findChromium();
if (!exe) {
  process.stderr.write('bench: Chromium is missing (apt-get install -y chromium, or set CHROMIUM_PATH)\n');
  process.exit(1);
}
const port = (await freePort()) as number;
const server = spawn(process.execPath, ['scripts/static-server.mjs', String(port), `${dist}=/`], {
  stdio: 'ignore',
});
const base = `http://127.0.0.1:${port}/`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {
    // not listening yet
  }
  if (i > 100) throw new Error('bench: the static server did not start');
  await new Promise((r) => setTimeout(r, 50));
}

const browser: Browser = await chromium.launch({
  executablePath: exe,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});

/** A page in a fresh context (cold cache), 1280x720 like a classroom projector. */
async function freshPage(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  return ctx.newPage();
}

/** Type a line into the host terminal and wait until it has run (no tab says "running"). */
async function typeLine(page: Page, line: string, timeout = 120_000): Promise<void> {
  await page.locator('.xterm').first().click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: /running/ }).waitFor({ state: 'detached', timeout });
}

async function coldLoad(): Promise<{ usable: number; firstLine: number }> {
  const page = await freshPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.goto(base, { waitUntil: 'commit' });
  await page.waitForFunction(() => 'usable' in document.documentElement.dataset, null, { timeout: 60_000 });
  const usable = await page.evaluate(() => performance.getEntriesByName('cnp:usable')[0]?.startTime ?? NaN);
  await typeLine(page, 'echo ready', 60_000);
  await page
    .locator('.xterm-rows > div', { hasText: /^ready\s*$/ })
    .first()
    .waitFor({ timeout: 60_000 });
  const firstLine = await page.evaluate(() => performance.now());
  await page.context().close();
  return { usable, firstLine };
}

async function panning(containers: number, seconds: number): Promise<void> {
  const page = await freshPage();
  // pace=0: simulated time does not wait in real time (the loop would otherwise take simulated seconds).
  await page.goto(`${base}?pace=0`);
  await page.waitForFunction(() => 'usable' in document.documentElement.dataset, null, { timeout: 60_000 });
  const t0 = Date.now();
  await typeLine(page, `for i in $(seq ${containers}); do docker run -d busybox sleep 1d; done`, 600_000);
  const nodes = page.locator('.react-flow__node');
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length >= n, containers);
  const createMs = Date.now() - t0;
  await page.waitForTimeout(1000); // the fit animation and measuring settle
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('bench: no graph pane');
  // A string, not a function: tsx would wrap a named arrow in a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__rec = true;
    window.__views = new Set();
    const vp = document.querySelector('.react-flow__viewport');
    const tick = (t) => {
      window.__frames.push(t);
      window.__views.add(vp ? vp.style.transform : '');
      if (window.__rec) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  // Drag the pane back and forth (what a user does with the mouse), one small move per round trip.
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const end = Date.now() + seconds * 1000;
  let step = 0;
  while (Date.now() < end) {
    const phase = (step++ % 120) / 120;
    const dx = Math.sin(phase * 2 * Math.PI) * pane.width * 0.3;
    const dy = Math.cos(phase * 2 * Math.PI) * pane.height * 0.2;
    await page.mouse.move(cx + dx, cy + dy);
  }
  await page.mouse.up();
  const frames = (await page.evaluate('window.__rec = false, window.__frames')) as number[];
  // Frames that showed a new viewport position: the drag really panned.
  const moved = (await page.evaluate('window.__views.size')) as number;
  const dts = frames.slice(1).map((t, i) => t - (frames[i] as number));
  const span = (frames[frames.length - 1] as number) - (frames[0] as number);
  const drawn = await nodes.count();
  emit('pan_fps_avg', (dts.length / span) * 1000, 'fps', {
    containers,
    nodes_in_dom: drawn,
    viewports: moved,
    frames: dts.length,
    seconds,
    create_ms: createMs,
  });
  emit('pan_frame_p95', quantile(dts, 0.95), 'ms', { containers, frames: dts.length });
  await page.context().close();
}

try {
  const loads: { usable: number; firstLine: number }[] = [];
  for (let i = 0; i < Number(values.loads); i++) loads.push(await coldLoad());
  const usable = loads.map((l) => l.usable);
  const first = loads.map((l) => l.firstLine);
  emit('load_usable_4x', median(usable), 'ms', { throttle: THROTTLE, samples: usable.map(Math.round) });
  emit('load_first_line_4x', median(first), 'ms', { throttle: THROTTLE, samples: first.map(Math.round) });
  await panning(Number(values.containers), Number(values['pan-seconds']));
} finally {
  await browser.close();
  server.kill();
}
