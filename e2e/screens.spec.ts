/**
 * Screenshots to LOOK at (test-results/screenshots/): a 1280x720 classroom projector and a 1920x1080 laptop, light
 * and dark, of the first screen, the seed article's four-mode scenario (none, bridge with two containers, host,
 * a container: sidecar, a user network), a stopped container, a lesson mid-step with a hint, instructor mode and
 * embed mode; and a 390x844 phone. Each also asserts what a teacher would check by eye: nothing spills sideways,
 * the legend tells the four modes apart, the graph text is big enough to read at the back of a room.
 */
import { expect, test, type Page } from '@playwright/test';
import { ready, shot, typeLines } from './helpers';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

const FOUR_MODES = [
  'docker run -d --name web -p 8080:80 nginx',
  'docker run -d --name web2 busybox sleep 1d',
  'docker run -d --name side --network container:web busybox sleep 1d',
  'docker run -d --name hostc --network host busybox sleep 1d',
  'docker run -d --name nonec --network none busybox sleep 1d',
  'docker network create backend',
  'docker run -d --name api --network backend nginx',
];

/** The page does not scroll sideways (nothing wider than the window). */
async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Height in screen pixels of a container name on the graph (its font size times the canvas zoom). */
async function graphTextPx(page: Page, name: string): Promise<number> {
  const box = await page
    .locator(`.react-flow__node [data-container="${name}"] .truncate`)
    .first()
    .boundingBox();
  return box?.height ?? 0;
}

async function startLesson(page: Page, id: string): Promise<void> {
  await page.getByTestId('lessons-open').click();
  await page.locator(`[data-lesson="${id}"]`).click();
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
}

for (const size of SIZES) {
  for (const theme of ['light', 'dark'] as const) {
    const tag = `${size.width}x${size.height}-${theme}`;
    test(`screenshot ${tag}`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(size);
      await page.addInitScript((t) => localStorage.setItem('cnp.theme', t), theme);
      await ready(page, './?pace=0&typing=0');
      await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
      await shot(page, `welcome-${tag}`);
      await noSidewaysScroll(page);

      await typeLines(page, ...FOUR_MODES);
      await page.locator('[data-container="web"] button').first().click();
      await page.getByTestId('inspector').getByRole('tab', { name: 'Routes' }).click();
      await page.getByRole('button', { name: 'Fit to screen' }).click();
      await shot(page, `four-modes-${tag}`);
      // The legend shows the four modes, each with its own icon and border.
      for (const m of ['bridge', 'host', 'none', 'container'])
        await expect(page.locator(`[data-legend="${m}"]`)).toBeVisible();
      // Readable from the back of a classroom: a container's name is at least 11 px tall on screen.
      expect(await graphTextPx(page, 'web')).toBeGreaterThanOrEqual(11);
      await noSidewaysScroll(page);

      await typeLines(page, 'docker stop web2');
      await expect(page.getByTestId('stopped-tray')).toContainText('web2');
      await shot(page, `stopped-${tag}`);

      // A lesson mid-step: the bridge lesson's first step done, a wrong check on a later one shows a hint.
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: 'Reset' }).click();
      await expect(page.locator('[data-container="web"]')).toHaveCount(0);
      await startLesson(page, 'bridge');
      await page.getByTestId('predict').getByRole('radio').nth(1).check();
      await page.getByTestId('predict-lock').click();
      await page.getByTestId('lesson-panel').getByTestId('lesson-cmd').first().click();
      await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');
      await page.getByTestId('predict-run').click();
      await expect(page.getByTestId('predict-result')).toBeVisible();
      await shot(page, `lesson-predict-${tag}`);
      await page.getByTestId('lesson-next').click();
      await page.getByTestId('lesson-next').click();
      await page.getByTestId('lesson-check').click();
      await expect(page.getByTestId('lesson-hints')).toBeVisible();
      await shot(page, `lesson-hint-${tag}`);

      // Instructor mode: the presentation view with a demo script half played and the laser pointer on.
      await page.getByTestId('present').click();
      await expect(page.getByTestId('presentation')).toBeVisible();
      await page.getByTestId('script-open').click();
      await page
        .getByTestId('script-text')
        .fill('docker run -d --name c2 busybox sleep 3600\ndocker network create mynet\nip -br a\n');
      await page.getByTestId('script-load').click();
      await page.getByTestId('script-next').click();
      await page.getByTestId('script-next').click();
      await expect(page.getByTestId('presentation').locator('[data-bridge^="br-"]')).toHaveCount(1);
      await page.getByTestId('laser-toggle').click();
      const graph = page.locator('#present-graph');
      const box = await graph.boundingBox();
      if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
      await shot(page, `present-${tag}`);
      // One toolbar row, even on the projector; the step text starts at its title; widgets inside stay dark
      // in the light theme (the predict box was white text on a pale box).
      const header = await page.getByTestId('presentation').locator('header').boundingBox();
      expect(header?.height ?? 999).toBeLessThan(64);
      await expect(page.getByTestId('present-step').locator('p').first()).toBeInViewport();
      // The box's colour over the black page, as sRGB (computed colours are oklch/oklab strings).
      const predictBg = await page.getByTestId('predict').evaluate((el) => {
        const c = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
        c.fillStyle = '#000';
        c.fillRect(0, 0, 1, 1);
        c.fillStyle = getComputedStyle(el).backgroundColor;
        c.fillRect(0, 0, 1, 1);
        return Array.from(c.getImageData(0, 0, 1, 1).data);
      });
      expect(Math.max(...predictBg.slice(0, 3))).toBeLessThan(100);
      await noSidewaysScroll(page);
      await page.getByTestId('laser-toggle').click();
      await page.getByTestId('present-leave').click();

      // Embed mode: the compact UI a course page shows in an iframe.
      await page.goto('./?embed=1&lesson=bridge&pace=0');
      await expect(page.locator('.xterm-rows')).toContainText('#');
      await shot(page, `embed-${tag}`);
    });
  }
}

for (const theme of ['light', 'dark'] as const) {
  test(`a 390x844 phone stacks the panels (${theme})`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.addInitScript((t) => localStorage.setItem('cnp.theme', t), theme);
    await ready(page, './?pace=0');
    await shot(page, `phone-390x844-${theme}-welcome`);
    await noSidewaysScroll(page);
    await typeLines(page, ...FOUR_MODES.slice(0, 3));
    await shot(page, `phone-390x844-${theme}`);
    await noSidewaysScroll(page);
    // Stacked: graph, then terminal, then the side panel, each the full width of the screen.
    const g = await page.locator('#graph').boundingBox();
    const term = await page.locator('#terminal').boundingBox();
    expect(g && term && term.y >= g.y + g.height - 1).toBe(true);
    expect(Math.round(term?.width ?? 0)).toBeGreaterThanOrEqual(388);
  });
}

test('narrow screens stack the panels', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 1000 });
  await ready(page);
  await shot(page, 'narrow-800');
  await noSidewaysScroll(page);
});
