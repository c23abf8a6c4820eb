import { expect, type Page } from '@playwright/test';

/** Wait for the host prompt, then type lines into the active terminal (each followed by Enter). */
export async function ready(page: Page, url = './'): Promise<void> {
  await page.goto(url);
  await expect(page.locator('.xterm-rows')).toContainText('root@docker-host:~#');
}

export async function typeLines(page: Page, ...lines: string[]): Promise<void> {
  await page.locator('.xterm').first().click();
  for (const line of lines) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
    // The next prompt (or the same line count of prompts) means the line finished.
    await expect(page.getByRole('tab', { name: /running/ })).toHaveCount(0);
  }
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}
