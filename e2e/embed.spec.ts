import { expect, test } from '@playwright/test';

const appPort = Number(process.env.E2E_PORT ?? 4173);
const hostPort = Number(process.env.E2E_HOST_PORT ?? 4174);
const app = `http://127.0.0.1:${appPort}/`;
/** The course page, on another origin (and another site) than the app. */
const host = `http://localhost:${hostPort}/?app=${encodeURIComponent(app)}`;

test.describe('embedding from another origin', () => {
  test('the course page drives the playground over postMessage; other origins are ignored', async ({
    page,
  }) => {
    await page.goto(host);
    const log = page.locator('#log');
    await expect(log).toContainText(
      'playground {"type":"cnp:ready","version":1,"readonly":false,"lesson":null}',
    );
    const frame = page.frameLocator('#playground');
    await expect(frame.locator('.xterm-rows')).toContainText('root@docker-host:~#');
    await expect(frame.getByTestId('embed')).toBeVisible();
    await expect(frame.getByRole('toolbar')).toHaveCount(0);

    await page.getByRole('button', { name: 'Run: ip link add br0 type bridge' }).click();
    await expect(log).toContainText(
      'playground {"type":"cnp:ran","terminal":"t1","line":"ip link add br0 type bridge","exitCode":0,"output":""}',
    );
    await expect(log).toContainText('playground {"type":"cnp:reply","id":1,"ok":true,"exitCode":0}');
    await expect(frame.locator('.xterm-rows')).toContainText('# ip link add br0 type bridge');

    // The student types; the page hears about it.
    await frame.locator('.xterm').click();
    await page.keyboard.type('ip -br link show br0');
    await page.keyboard.press('Enter');
    await expect(log).toContainText('"line":"ip -br link show br0","exitCode":0,"output":"br0 ');

    // The frame that does not allow this page's origin ran nothing and answered nothing.
    const stranger = page.frameLocator('#stranger');
    // Chromium does not paint cross-origin frames that are off screen.
    await page.locator('#stranger').scrollIntoViewIfNeeded();
    await expect(stranger.locator('.xterm-rows')).toContainText('root@docker-host:~#');
    await page.getByRole('button', { name: 'Run: docker ps' }).click();
    await expect(log).toContainText('"line":"docker ps"');
    await expect(log).not.toContainText('stranger');
    await expect(stranger.locator('.xterm-rows')).not.toContainText('evil');

    // "Open in full app" carries the scenario as it is now.
    const open = frame.getByTestId('open-full');
    await open.focus();
    await expect(open).toHaveAttribute('href', new RegExp(`^${app.replace(/[.?]/g, '\\$&')}#s=`));
    const [full] = await Promise.all([page.context().waitForEvent('page'), open.click()]);
    // A whole second app boots (and replays the scenario) while the two frames run: give it time.
    await expect(full.locator('.xterm-rows')).toContainText('# ip link add br0 type bridge', {
      timeout: 40_000,
    });
    await expect(full.getByRole('toolbar')).toBeVisible();

    // Reset goes back to the embed's start (a fresh host here).
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(log).toContainText('{"type":"cnp:reply","id":4,"ok":true}');
    await expect(frame.locator('.xterm-rows')).not.toContainText('br0');
  });

  test('lesson=: the frame runs the lesson, and the page hears when a step passes', async ({ page }) => {
    await page.goto(`${host}&lesson=bridge`);
    const frame = page.frameLocator('#playground');
    await expect(page.locator('#log')).toContainText('"lesson":"bridge"');
    // Third-party storage is denied here: the frame tells the student their work will not be kept.
    await expect(frame.getByTestId('notices')).toContainText('does not let the page save your work');
    await expect(frame.getByRole('region', { name: /lesson/i })).toBeVisible();
    await page.locator('#line').fill('docker run -d --name c1 busybox sleep 3600');
    await page.getByRole('button', { name: 'Run it' }).click();
    await expect(page.locator('#log')).toContainText(
      'playground {"type":"cnp:step-passed","lesson":"bridge","step":"c1"}',
    );
  });

  test('lesson=: a reload brings the lesson back with the saved work', async ({ page }) => {
    // First-party here: this Chromium denies storage to third-party frames (the frame then says so).
    await page.goto(`${app}?embed=1&lesson=bridge`);
    await expect(page.getByRole('region', { name: /lesson/i })).toBeVisible();
    await page.locator('.xterm').first().click();
    await page.keyboard.type('docker run -d --name c1 busybox sleep 3600');
    await page.keyboard.press('Enter');
    await expect(page.locator('.react-flow__node [data-container="c1"]')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('region', { name: /lesson/i })).toBeVisible();
    await expect(page.locator('.xterm-rows')).toContainText('docker run -d --name c1 busybox sleep 3600');
    await expect(page.locator('.react-flow__node [data-container="c1"]')).toBeVisible();
  });

  test('embed options: a scenario, the terminal view, read-only', async ({ page }) => {
    await page.goto(app);
    await expect(page.locator('.xterm-rows')).toContainText('root@docker-host:~#');
    await page.locator('.xterm').first().click();
    await page.keyboard.type('docker network create course-net');
    await page.keyboard.press('Enter');
    await expect(page.locator('.xterm-rows')).toContainText(/course-net[0-9a-f]{64}/);
    await page.getByRole('button', { name: 'More sharing options' }).click();
    await page.getByRole('menuitem', { name: 'Copy embed code' }).click();
    const snippet = await page.getByTestId('embed-code').inputValue();
    const src = /src="([^"]+)"/.exec(snippet)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(src).toMatch(/\?embed=1&view=both&scenario=/);

    const ro = src.replace('view=both', 'view=terminal&readonly&lang=zh-CN');
    await page.goto(ro);
    await expect(page.getByTestId('embed')).toBeVisible();
    await expect(page.locator('.xterm-rows')).toContainText('docker network create course-net');
    await expect(page.getByTestId('embed-graph')).toHaveCount(0);
    await expect(page.getByText('只读')).toBeVisible();
    await expect(page.getByRole('button', { name: '重置' })).toHaveCount(0);
    await page.locator('.xterm').first().click();
    await page.keyboard.type('ip link add nope type bridge');
    await page.keyboard.press('Enter');
    await expect(page.locator('.xterm-rows')).not.toContainText('nope');
  });
});
