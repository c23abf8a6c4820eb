/**
 * What the browser benches share: a built folder served over HTTP, and headless Chromium (Debian's, through
 * Playwright) started the way every bench page runs in it.
 */
import { spawn } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from './chromium.mjs';
import { freePort } from './free-port.mjs';

/** Serve `dir` at / on a free port; resolves once it answers. */
export async function serveDir(dir: string): Promise<{ base: string; stop: () => void }> {
  const port = (await freePort()) as number;
  const server = spawn(process.execPath, ['scripts/static-server.mjs', String(port), `${dir}=/`], {
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 100) {
      server.kill();
      throw new Error('bench: the static server did not start');
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { base, stop: () => server.kill() };
}

/** Headless Chromium, or exit with what to install. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const exe = findChromium();
  if (!exe) {
    process.stderr.write('bench: Chromium is missing (apt-get install -y chromium, or set CHROMIUM_PATH)\n');
    process.exit(1);
  }
  // Chromium's new headless mode runs the full browser UI: each new window preloads the omnibox's two WebUI
  // popups in a renderer of their own (~1.5 s of unthrottled CPU in the first seconds of a context, measured
  // from /proc), which competed with the page for the machine's cores during every cold load. A user's browser
  // has its UI up before they navigate; the popups are not the page's cost.
  return chromium.launch({
    executablePath: exe,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
      ...extraArgs,
    ],
  });
}
