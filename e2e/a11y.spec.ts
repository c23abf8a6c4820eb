import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { ready, typeLines } from './helpers';

const require = createRequire(import.meta.url);

// axe is injected as a script: the page's Content-Security-Policy (no inline script) would block it.
test.use({ bypassCSP: true });

async function serious(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core') });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious violations (${theme})`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('cnp.theme', t), theme);
    await ready(page);
    expect(await serious(page)).toEqual([]);
    await typeLines(
      page,
      'docker run -d --name web nginx',
      'docker run -d --name nonec --network none busybox sleep 1d',
    );
    await page.locator('[data-container="web"] button').first().click();
    expect(await serious(page)).toEqual([]);
    await page.getByRole('button', { name: 'Table' }).click();
    expect(await serious(page)).toEqual([]);
  });
}

test('keyboard: the toolbar is reachable and focus is visible', async ({ page }) => {
  await ready(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the terminal' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Run container' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Run a container' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
