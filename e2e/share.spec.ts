import { expect, test, type Page } from '@playwright/test';
import { ready, typeLines } from './helpers';

/** What the visible terminal shows after clearing it and running `line` (both pages have the same size). */
async function outputOf(page: Page, line: string): Promise<string> {
  await page.locator('.xterm').first().click();
  await page.keyboard.press('Control+L');
  await typeLines(page, line);
  // Its output and the next prompt (typeLines may return before the line has started to run).
  const typed = line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect(page.locator('.xterm-rows')).toContainText(
    new RegExp(`# ${typed}\\n[\\s\\S]+\\n\\S+[#$]\\s*$`),
    {
      useInnerText: true,
    },
  );
  return (await page.locator('.xterm-rows').innerText()).replace(/\s+$/, '');
}

async function copyLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.getByTestId('share-link');
  await expect(field).toHaveValue(/#s=/);
  const url = await field.inputValue();
  await page.getByRole('button', { name: 'Close' }).click();
  return url;
}

test.describe('share links, autosave, offline', () => {
  test('a link rebuilds the four-mode scenario: same ip a, under 2 KB of URL', async ({ page, context }) => {
    // Tall enough that the whole `ip a` of the host fits on the terminal's screen.
    await page.setViewportSize({ width: 1280, height: 2400 });
    await ready(page);
    await typeLines(page, 'docker network create mynet', 'docker run --net=none -it busybox');
    // The terminals' tabs (the side panel has its own tablist).
    const terminals = page.locator('#terminal').getByRole('tab');
    await expect(terminals.and(page.getByRole('tab', { selected: true }))).not.toContainText('docker-host');
    await typeLines(page, 'route -n', 'exit');
    await expect(terminals).toHaveCount(1);
    await typeLines(
      page,
      'docker run -d --name web --network mynet nginx',
      'docker run -d --name h --net=host busybox sleep 1000',
      'docker run -d --name my-nginx1 nginx',
      'docker run -d --name my-nginx2 --network container:my-nginx1 busybox sleep 1000',
    );
    const url = await copyLink(page);
    expect(url.length).toBeLessThanOrEqual(2048);
    const before = await outputOf(page, 'ip a');

    const other = await context.browser()!.newContext({ viewport: page.viewportSize()! });
    const copy = await other.newPage();
    await copy.goto(url);
    await expect(copy.locator('.xterm-rows')).toContainText('root@docker-host:~#');
    // The scenario's lines ran: their output is in the terminal, and the address bar lost the fragment.
    await expect(copy.locator('.react-flow__node [data-container="web"]')).toBeVisible();
    expect(new URL(copy.url()).hash).toBe('');
    expect(await outputOf(copy, 'ip a')).toBe(before);
    await other.close();
  });

  test('reload restores the session: World, output, history', async ({ page }) => {
    await ready(page);
    await typeLines(page, 'ip link add br-keep type bridge', 'ip -br link show br-keep');
    await page.reload();
    await expect(page.locator('.xterm-rows')).toContainText('root@docker-host:~#');
    await expect(page.locator('.xterm-rows')).toContainText('br-keep          DOWN');
    await page.locator('.xterm').first().click();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const shown = async () =>
      (await page.locator('.xterm-rows').innerText()).split('br-keep          DOWN').length - 1;
    await expect.poll(shown).toBe(2);
  });

  test('a broken link shows a notice and a working default host', async ({ page }) => {
    await page.goto('./#s=AXwAAAAAAAAAAAAAAAAAAAAA_this-is-not-a-link');
    await expect(page.getByRole('alert')).toContainText('could not be opened');
    await expect(page.locator('.xterm-rows')).toContainText('root@docker-host:~#');
    await typeLines(page, 'docker ps');
    await expect(page.locator('.xterm-rows')).toContainText('CONTAINER ID');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a damaged autosave is set aside with a notice', async ({ page }) => {
    await ready(page);
    await typeLines(page, 'ip link add br-lost type bridge');
    // Leave the app first: it saves when its page is hidden, which would overwrite the damage.
    await page.goto('./favicon.svg');
    await page.evaluate(() => localStorage.setItem('cnp.session', 'cnp-scenario:AQ__'));
    await page.goto('./');
    await expect(page.getByTestId('notices')).toContainText('could not be restored');
    await expect(page.locator('.xterm-rows')).toContainText('root@docker-host:~#');
    expect(await page.evaluate(() => localStorage.getItem('cnp.session.damaged'))).toBe('cnp-scenario:AQ__');
  });

  test('export a scenario file and import it elsewhere; a hostile file is refused with a notice', async ({
    page,
    browser,
  }) => {
    await ready(page);
    await typeLines(page, 'docker network create filenet', 'ip link add br-file type bridge');
    await page.getByRole('button', { name: 'More sharing options' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Export scenario file' }).click(),
    ]);
    const json = JSON.parse(
      await (await download.createReadStream()).toArray().then((b) => Buffer.concat(b).toString()),
    );
    expect(json).toMatchObject({
      v: 3,
      seed: 1,
      journal: ['docker network create filenet', 'ip link add br-file type bridge'],
    });

    const other = await browser.newPage();
    await ready(other);
    const input = other.getByTestId('import-file');
    await input.setInputFiles({
      name: 'evil.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"v":2,"seed":1,"journal":[],"layout":{"__proto__":{"x":1}}}'),
    });
    await expect(other.getByRole('alert')).toContainText('could not be imported');
    await expect(other.getByRole('alert')).toContainText('forbidden-key');
    await input.setInputFiles({
      name: 'lesson.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(json)),
    });
    await expect(other.locator('.xterm-rows')).toContainText('# ip link add br-file type bridge');
    await expect(other.getByRole('alert')).toHaveCount(0);
    await other.close();
  });

  test('works offline after the first visit', async ({ page, context }) => {
    await ready(page);
    // The service worker has installed and cached the build.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect
      .poll(() => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('cnp:')).length))
      .toBe(1);
    await typeLines(page, 'ip link add br-off type bridge');
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('.xterm-rows')).toContainText('root@docker-host:~#');
    await typeLines(
      page,
      'ip -br link show br-off',
      'docker run -d --name offline busybox sleep 1000',
      'docker ps',
    );
    await expect(page.locator('.xterm-rows')).toContainText('br-off');
    await expect(page.locator('.xterm-rows')).toContainText('offline');
    await expect(page.locator('.react-flow__node [data-container="offline"]')).toBeVisible();
    await context.setOffline(false);
  });
});
