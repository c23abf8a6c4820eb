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
 *   tsx scripts/bench-page.ts DIST [--loads N] [--pan-seconds S] [--containers N] [--load-trace F] [--pan-trace F]
 * (--loads 0 measures only panning; --containers 0 only the cold loads)
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveDir } from './bench-browser';
import { emit, median, quantile } from './bench-lib';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    loads: { type: 'string', default: '3' },
    'pan-seconds': { type: 'string', default: '4' },
    containers: { type: 'string', default: '200' },
    throttle: { type: 'string', default: '4' },
    /** Write a DevTools CPU profile of the page while it pans (open it in Chrome's Performance panel). */
    'pan-profile': { type: 'string' },
    /** Write a DevTools trace (devtools.timeline) of the page while it pans. */
    'pan-trace': { type: 'string' },
    /** Write a DevTools trace of the first cold load up to the usable mark (tracing slows that load a little). */
    'load-trace': { type: 'string' },
  },
});
const dist = positionals[0] ?? 'dist';
const THROTTLE = Number(values.throttle);

const server = await serveDir(dist);
const base = server.base;
const browser: Browser = await launchChromium();

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

/** Calls the binding once <html data-usable> appears (src/ui/usable.ts sets it after the usable mark). */
const USABLE_WATCH = `(() => {
  const seen = () => document.documentElement && 'usable' in document.documentElement.dataset;
  const mo = new MutationObserver(() => {
    if (!seen()) return;
    mo.disconnect();
    globalThis.cnpBenchUsable('');
  });
  mo.observe(document, { attributes: true, attributeFilter: ['data-usable'], subtree: true });
})();`;

async function coldLoad(trace?: string): Promise<{ usable: number; firstLine: number }> {
  const page = await freshPage();
  if (trace)
    await browser.startTracing(page, {
      path: trace,
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'blink.user_timing',
        'disabled-by-default-v8.cpu_profiler',
      ],
    });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  // The page tells us it is usable through a DevTools binding called from a MutationObserver installed
  // before its own scripts: Playwright's waitForFunction would compile Playwright's injected script in the
  // throttled page (~0.2 s of its main thread at 4x) and poll on every animation frame while the app loads.
  await cdp.send('Runtime.enable');
  await cdp.send('Page.enable'); // new-document scripts run only for a session with Page enabled
  await cdp.send('Runtime.addBinding', { name: 'cnpBenchUsable' });
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: USABLE_WATCH });
  const marked = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench: no usable mark within 60 s')), 60_000);
    cdp.on('Runtime.bindingCalled', (e) => {
      if (e.name !== 'cnpBenchUsable') return;
      clearTimeout(timer);
      resolve();
    });
  });
  await page.goto(base, { waitUntil: 'commit' });
  await marked;
  const usable = await page.evaluate(() => performance.getEntriesByName('cnp:usable')[0]?.startTime ?? NaN);
  if (trace) await browser.stopTracing();
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
  if (values['pan-trace'])
    await browser.startTracing(page, { path: values['pan-trace'], categories: ['devtools.timeline'] });
  const cdp = values['pan-profile'] ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  // The drag runs in the page, one mouse move per frame (as a hand on a mouse gives), from a point where the
  // pane itself is under the mouse (a box there would be dragged instead): a driver outside the page sends
  // moves only as fast as its round trips, and most frames would show nothing new. A string, not a function:
  // tsx would wrap a named arrow in a helper the page does not have.
  const result = (await page.evaluate(`new Promise((resolve, reject) => {
    const pane = document.querySelector('.react-flow__pane');
    const vp = document.querySelector('.react-flow__viewport');
    const r = pane.getBoundingClientRect();
    let start = null;
    for (let fy = 0.5; fy < 0.95 && !start; fy += 0.05)
      for (let fx = 0.5; fx < 0.95 && !start; fx += 0.05) {
        const x = r.left + r.width * fx, y = r.top + r.height * fy;
        if (document.elementFromPoint(x, y) === pane) start = [x, y];
      }
    if (!start) return reject(new Error('no empty spot of the graph pane to drag'));
    const [cx, cy] = start;
    const mouse = (type, x, y, target) => target.dispatchEvent(new MouseEvent(type, {
      bubbles: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0, buttons: type === 'mouseup' ? 0 : 1,
    }));
    const frames = [];
    const views = new Set();
    let end = 0;
    let i = 0;
    const tick = (t) => {
      if (end === 0) end = t + ${seconds * 1000};
      frames.push(t);
      views.add(vp.style.transform);
      if (t > end) {
        mouse('mouseup', cx, cy, window);
        return resolve({ frames, views: views.size });
      }
      const a = (i++ / 120) * 2 * Math.PI;
      mouse('mousemove', cx + Math.sin(a) * r.width * 0.15, cy + (1 - Math.cos(a)) * r.height * 0.1, window);
      requestAnimationFrame(tick);
    };
    // Start once the page has settled (five frames in a row under 100 ms apart, or ten seconds): the graph
    // of a big world may still be drawing after the command's prompt came back.
    let calm = 0;
    let last = performance.now();
    const giveUp = last + 10000;
    const settle = (t) => {
      calm = t - last < 100 ? calm + 1 : 0;
      last = t;
      if (calm < 5 && t < giveUp) return requestAnimationFrame(settle);
      mouse('mousedown', cx, cy, pane);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(settle);
  })`)) as { frames: number[]; views: number };
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(values['pan-profile'] as string, JSON.stringify(profile));
  }
  if (values['pan-trace']) await browser.stopTracing();
  const frames = result.frames;
  const moved = result.views;
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
  for (let i = 0; i < Number(values.loads); i++)
    loads.push(await coldLoad(i === 0 ? values['load-trace'] : undefined));
  const usable = loads.map((l) => l.usable);
  const first = loads.map((l) => l.firstLine);
  emit('load_usable_4x', median(usable), 'ms', { throttle: THROTTLE, samples: usable.map(Math.round) });
  emit('load_first_line_4x', median(first), 'ms', { throttle: THROTTLE, samples: first.map(Math.round) });
  if (Number(values.containers) > 0) await panning(Number(values.containers), Number(values['pan-seconds']));
} finally {
  await browser.close();
  server.stop();
}
