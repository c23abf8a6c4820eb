import { expect, test } from '@playwright/test';

test('the page loads, a terminal is there, and the shell runs a pipeline', async ({ page }) => {
  await page.goto('./');
  const terminal = page.locator('.xterm').first();
  await expect(terminal).toBeVisible();
  await expect(page.locator('.xterm-rows')).toContainText('root@docker-host:~#');
  await terminal.click();
  await page.keyboard.type('echo hello | tr a-z A-Z');
  await page.keyboard.press('Enter');
  await expect(page.locator('.xterm-rows')).toContainText('HELLO');
});
