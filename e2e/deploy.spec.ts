import { expect, test } from '@playwright/test';
import { typeLines } from './helpers';

const hostPort = Number(process.env.E2E_HOST_PORT ?? 4174);
/** The same build, copied into a sub-folder of another static server. */
const deep = `http://localhost:${hostPort}/courses/networking/playground/`;

test('the build works from any folder of a static host: app, share link, offline store', async ({ page }) => {
  await page.goto(deep);
  await expect(page.locator('.xterm-rows')).toContainText('root@docker-host:~#');
  await typeLines(page, 'ip link add br-deep type bridge');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(deep);
  await expect
    .poll(() => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('cnp:')).join()))
    .toMatch(/^cnp:\/courses\/networking\/playground\/:[0-9a-f]{16}$/);

  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link.startsWith(`${deep}#s=`)).toBe(true);
  const other = await page.context().browser()!.newPage();
  await other.goto(link);
  await expect(other.locator('.xterm-rows')).toContainText('# ip link add br-deep type bridge');
  await other.close();
});
