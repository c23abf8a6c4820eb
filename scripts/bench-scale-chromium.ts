/**
 * The classroom-scale series (bench-scale-run.ts) in headless Chromium: the page scripts/bench-scale-page is
 * built as the app is (Vite, production), served, and run; its figures are printed as `chromium_scale_*`.
 * bench-scale.ts runs the same series in Node (the figures the budgets name); this one is the engine users
 * have, whose JIT tiers and collector differ from Node 20's.
 *
 *   tsx scripts/bench-scale-chromium.ts [--containers N] [--networks N] [--samples N] [--warmup N]
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, serveDir } from './bench-browser';
import { emit } from './bench-lib';
import { SCALE_ARGS } from './bench-scale-run';

const { values } = parseArgs({ options: SCALE_ARGS });

const out = path.resolve(`.tmp/bench-scale-page-${process.pid}`);
execFileSync(
  'npx',
  ['vite', 'build', '--config', 'scripts/bench-scale-page/vite.config.ts', '--outDir', out],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
const server = await serveDir(out);
// A full collection before each series and for the undo-history figure, as node --expose-gc gives.
const browser = await launchChromium(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
try {
  const page = await browser.newPage();
  const query = new URLSearchParams(values as Record<string, string>).toString();
  await page.goto(`${server.base}?${query}`);
  await page.waitForFunction(() => window.__benchScale !== undefined, null, {
    timeout: 30 * 60_000,
    polling: 1000,
  });
  const r = await page.evaluate(() => window.__benchScale);
  const engine = `Chromium ${browser.version()}`;
  for (const { name, value, unit, ...extra } of r?.figures ?? [])
    emit(`chromium_${name}`, value, unit, { ...extra, engine });
  if (!r || r.error) {
    process.stderr.write(`bench: the page's series failed: ${r?.error ?? 'no result'}\n`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  server.stop();
  rmSync(out, { recursive: true, force: true });
}
