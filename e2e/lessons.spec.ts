/**
 * Lessons and instructor mode, in English and Simplified Chinese: start a lesson, click a command and see
 * the check pass, answer a predict question before running its command and see it graded; in the
 * presentation view, Next types and runs a script line and Back undoes it; the language switch is
 * remembered. Screenshots at 1280x720 and 1920x1080 (test-results/screenshots/lessons-*).
 */
import { expect, test, type Page } from '@playwright/test';
import { ready, shot } from './helpers';

const T = {
  en: {
    lessons: 'Lessons',
    bridgeTitle: 'bridge: docker0 and a veth pair per container',
    done: 'Done',
    right: 'Right!',
    present: 'Present',
    next: 'Next',
    back: 'Back',
    lineOf: (n: number, total: number) => `Line ${n} of ${total}`,
  },
  'zh-CN': {
    lessons: '课程',
    bridgeTitle: 'bridge：docker0 和每个容器一对 veth',
    done: '已完成',
    right: '答对了！',
    present: '演示',
    next: '下一步',
    back: '后退',
    lineOf: (n: number, total: number) => `第 ${n} 行，共 ${total} 行`,
  },
} as const;

async function startLesson(page: Page, lang: 'en' | 'zh-CN', id: string): Promise<void> {
  await page.getByTestId('lessons-open').click();
  await expect(page.getByRole('dialog')).toContainText(T[lang].lessons);
  await page.locator(`[data-lesson="${id}"]`).click();
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
}

for (const lang of ['en', 'zh-CN'] as const) {
  test.describe(`lessons (${lang})`, () => {
    test('walk the bridge lesson: click a command, the check passes, predict before running', async ({
      page,
    }) => {
      await ready(page, `./?lang=${lang}&pace=0`);
      await expect(page.getByTestId('lessons-open')).toHaveText(new RegExp(T[lang].lessons));
      await startLesson(page, lang, 'bridge');
      const panel = page.getByTestId('lesson-panel');
      await expect(panel).toContainText(T[lang].bridgeTitle);
      await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'waiting');

      // Predict first: the run button appears only once an answer is locked in.
      await expect(page.getByTestId('predict-run')).toHaveCount(0);
      await page.getByTestId('predict').getByRole('radio').nth(1).check();
      await page.getByTestId('predict-lock').click();

      await panel.getByTestId('lesson-cmd').first().click();
      await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');
      await expect(page.getByTestId('lesson-status')).toContainText(T[lang].done);
      await expect(page.locator('.xterm-rows')).toContainText('docker run -d --name c1 busybox sleep 3600');
      // The graph marks c1's endpoint.
      await expect(page.locator('#graph .cnp-lesson-hl').first()).toBeVisible();
      await shot(page, `lessons-${lang}-1280-step1`);

      await page.getByTestId('predict-run').click();
      await expect(page.getByTestId('predict-result')).toHaveAttribute('data-correct', 'true');
      await expect(page.getByTestId('predict-result')).toContainText(T[lang].right);
      // Tool output is never translated.
      await expect(page.locator('.xterm-rows')).toContainText(
        'inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0',
      );
      await shot(page, `lessons-${lang}-1280-predict`);

      // A wrong try shows a hint.
      await page.getByTestId('lesson-next').click();
      await page.getByTestId('lesson-next').click();
      await page.getByTestId('lesson-check').click();
      await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'failed');
      await expect(page.getByTestId('lesson-hints')).toBeVisible();

      await page.setViewportSize({ width: 1920, height: 1080 });
      await shot(page, `lessons-${lang}-1920-hint`);
    });

    test('instructor mode: Next types and runs a line, Back undoes it, bookmark resets', async ({ page }) => {
      await ready(page, `./?lang=${lang}&pace=0&typing=0`);
      await startLesson(page, lang, 'cnm');
      await page.getByTestId('present').click();
      const view = page.getByTestId('presentation');
      await expect(view).toBeVisible();
      await expect(page.getByTestId('present-step')).toBeVisible();
      await page.getByTestId('script-open').click();
      await page
        .getByTestId('script-text')
        .fill('docker run -d --name c1 busybox sleep 3600\ndocker network create mynet\n');
      await page.getByTestId('script-load').click();
      await expect(page.getByTestId('script-pos')).toHaveText(T[lang].lineOf(0, 2));

      await page.getByTestId('script-next').click();
      await expect(page.getByTestId('script-pos')).toHaveText(T[lang].lineOf(1, 2));
      await expect(view.locator('.xterm-rows')).toContainText('docker run -d --name c1 busybox sleep 3600');
      await expect(view.locator('[data-container="c1"]')).toBeVisible();
      // The lesson's step passed through the script, and the graph highlights c1's sandbox.
      await expect(view.locator('.cnp-lesson-hl').first()).toBeVisible();
      await page.getByTestId('bookmark').click();

      await page.getByTestId('script-next').click();
      await expect(page.getByTestId('script-pos')).toHaveText(T[lang].lineOf(2, 2));
      await expect(view.locator('[data-bridge^="br-"]')).toHaveCount(1);
      await page.getByTestId('laser-toggle').click();
      const graph = view.locator('#present-graph');
      const box = await graph.boundingBox();
      if (box) {
        await page.mouse.move(box.x + 200, box.y + 200);
        await page.mouse.move(box.x + 320, box.y + 260, { steps: 6 });
      }
      await expect(page.getByTestId('laser')).toBeVisible();
      await shot(page, `lessons-${lang}-1280-present`);
      await page.setViewportSize({ width: 1920, height: 1080 });
      await shot(page, `lessons-${lang}-1920-present`);
      await page.getByTestId('laser-toggle').click();

      await page.getByTestId('script-back').click();
      await expect(page.getByTestId('script-pos')).toHaveText(T[lang].lineOf(1, 2));
      await expect(view.locator('[data-bridge^="br-"]')).toHaveCount(0);
      await page.getByTestId('script-back').click();
      await expect(page.getByTestId('script-pos')).toHaveText(T[lang].lineOf(0, 2));
      await expect(view.locator('[data-container="c1"]')).toHaveCount(0);

      await page.getByTestId('bookmark-reset').click();
      await expect(page.getByTestId('script-pos')).toHaveText(T[lang].lineOf(1, 2));
      await expect(view.locator('[data-container="c1"]')).toBeVisible();
      await page.getByTestId('present-leave').click();
      await expect(page.getByTestId('lesson-panel')).toBeVisible();
    });
  });
}

test('the language switch applies at once and is remembered', async ({ page }) => {
  await ready(page, './');
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('lessons-open')).toHaveText(/课程/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.reload();
  await expect(page.getByTestId('lessons-open')).toHaveText(/课程/);
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByTestId('lessons-open')).toHaveText(/Lessons/);
});
