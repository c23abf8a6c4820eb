import { defineConfig, devices } from '@playwright/test';

/**
 * e2e in Debian's Chromium (npx playwright install cannot download here). scripts/e2e.mjs finds Chromium,
 * picks a free port and builds the app first; the server is the production build (CSP included).
 */
const port = Number(process.env.E2E_PORT ?? 4173);
/** The production build under test (scripts/e2e.mjs builds one per run). */
const dist = process.env.E2E_DIST ?? 'dist';
/** A second origin: the page that embeds the app, and the build under a sub-folder (scripts/static-server.mjs). */
const hostPort = Number(process.env.E2E_HOST_PORT ?? 4174);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  testMatch: /.*\.spec\.ts/,
  outputDir: 'test-results/pw',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 720 },
        launchOptions: {
          executablePath: chromium,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The page that embeds the app, and a copy of the build in a sub-folder (any base path works).
      command: `node scripts/static-server.mjs ${hostPort} e2e/embed-host=/ ${dist}=/courses/networking/playground/`,
      url: `http://localhost:${hostPort}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
