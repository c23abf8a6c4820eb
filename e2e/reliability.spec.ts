import { expect, test } from '@playwright/test';
import { ready, typeLines } from './helpers';

test.describe('reliability in the browser', () => {
  test('the page runs under a Content-Security-Policy without inline script, and nothing violates it', async ({
    page,
  }) => {
    // Collected from the first script on (Playwright injects this through the DevTools protocol, which
    // the page's policy does not govern).
    await page.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const console: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) console.push(m.text());
    });
    const res = await page.goto('./');
    const html = (await res?.text()) ?? '';
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // Every script of the built page is a file: no inline script the policy would have to allow.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

    await expect(page.locator('.xterm-rows')).toContainText('root@docker-host:~#');
    await typeLines(page, 'ip link add br0 type bridge', 'docker run -d --name web nginx');
    await expect(page.locator('.react-flow__node [data-container="web"]')).toBeVisible();
    await page.getByRole('button', { name: 'Table' }).click();
    await expect(page.getByTestId('topology-table')).toContainText('br0');
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
    expect(console).toEqual([]);
  });

  test('ping without -c runs until Ctrl-C, then prints its statistics and the prompt', async ({ page }) => {
    await ready(page);
    await page.locator('.xterm').first().click();
    await page.keyboard.type('ping 127.0.0.1');
    await page.keyboard.press('Enter');
    await expect(page.locator('.xterm-rows')).toContainText('icmp_seq=2 ttl=64');
    await page.keyboard.press('Control+c');
    await expect(page.locator('.xterm-rows')).toContainText('--- 127.0.0.1 ping statistics ---');
    await expect(page.getByRole('tab', { name: /running/ })).toHaveCount(0);
    await typeLines(page, 'hostname');
    await expect(page.locator('.xterm-rows > div', { hasText: /^docker-host\s*$/ })).toHaveCount(1);
  });

  test('a 10 MB paste types nothing, says so, and the app goes on with nothing lost', async ({ page }) => {
    await ready(page);
    await typeLines(page, 'ip netns add kept');
    await expect(page.locator('[data-ns="kept"]')).toBeVisible();
    await page.locator('.xterm').first().click();
    const started = Date.now();
    await page.evaluate(() => {
      const ta = document.querySelector('.xterm-helper-textarea') as HTMLTextAreaElement;
      const dt = new DataTransfer();
      dt.setData('text/plain', 'ip netns add junk\n'.repeat(600_000));
      ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await expect(page.locator('.xterm-rows')).toContainText('playground: paste too large');
    // Responsive: the paste came and went within a few seconds, and typing works at once.
    expect(Date.now() - started).toBeLessThan(10_000);
    await typeLines(page, 'ip netns list');
    await expect(page.locator('.xterm-rows > div', { hasText: /^kept\s*$/ })).toHaveCount(1);
    await expect(page.locator('[data-ns="junk"]')).toHaveCount(0);
    await expect(page.locator('[data-ns="kept"]')).toBeVisible();
    // The autosave still holds the session: a reload brings `kept` back.
    await page.waitForTimeout(1500);
    await page.reload();
    await expect(page.locator('[data-ns="kept"]')).toBeVisible();
  });

  test('a bridge loop is cut with a message and the app still works', async ({ page }) => {
    // 10,000 packet deliveries take a few seconds of CPU; a loaded CI machine may need more.
    test.setTimeout(180_000);
    await ready(page);
    await typeLines(
      page,
      'ip link add br1 type bridge; ip link add br2 type bridge',
      'ip link add a1 type veth peer name b1; ip link add a2 type veth peer name b2',
      'for d in a1 a2; do ip link set $d master br1 up; done; for d in b1 b2; do ip link set $d master br2 up; done',
      'ip link set br1 up; ip link set br2 up; ip addr add 10.5.0.1/24 dev br1',
    );
    // The ARP request for 10.5.0.9 circles until the line's event budget runs out (seconds, not forever).
    const started = Date.now();
    await page.keyboard.type('ping -c 1 -W 1 10.5.0.9');
    await page.keyboard.press('Enter');
    await expect(page.locator('.xterm-rows')).toContainText(
      'playground: this line stopped after 10000 packet',
      {
        timeout: 120_000,
      },
    );
    test.info().annotations.push({ type: 'bridge loop line', description: `${Date.now() - started} ms` });
    await typeLines(page, 'ip -br link show br2');
    await expect(page.locator('.xterm-rows > div', { hasText: /^br2\s+UP/ })).toHaveCount(1);
  });
});
