import { expect, test } from '@playwright/test';
import { ready, shot, typeLines } from './helpers';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

for (const size of SIZES) {
  for (const theme of ['light', 'dark'] as const) {
    test(`screenshot ${size.width}x${size.height} ${theme}`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.addInitScript((t) => localStorage.setItem('cnp.theme', t), theme);
      await ready(page);
      await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
      await shot(page, `welcome-${size.width}x${size.height}-${theme}`);
      await typeLines(
        page,
        'docker run -d --name web -p 8080:80 nginx',
        'docker run -d --name side --network container:web busybox sleep 1d',
        'docker run -d --name hostc --network host busybox sleep 1d',
        'docker run -d --name nonec --network none busybox sleep 1d',
        'docker network create backend',
        'docker run -d --name api --network backend nginx',
      );
      await page.locator('[data-container="web"] button').first().click();
      await page.getByTestId('inspector').getByRole('tab', { name: 'Routes' }).click();
      await shot(page, `four-modes-${size.width}x${size.height}-${theme}`);
    });
  }
}

test('narrow screens stack the panels', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 1000 });
  await ready(page);
  await shot(page, 'narrow-800');
});
