import { expect, test, type Page } from '@playwright/test';
import { ready, shot, typeLines } from './helpers';

/** The graph node (a namespace box) that holds the container card `name`. */
const boxOf = (page: Page, name: string) =>
  page.locator('.react-flow__node').filter({ has: page.locator(`[data-container="${name}"]`) });

/** Two containers on docker0, the journey tab open, step mode on, then a ping c1 -> c2 in step mode. */
async function pingInStepMode(page: Page): Promise<void> {
  await ready(page);
  await typeLines(
    page,
    'docker run -d --name c1 busybox sleep 1000',
    'docker run -d --name c2 busybox sleep 1000',
  );
  await page.getByRole('tab', { name: /Packet journey/ }).click();
  await page.getByRole('switch', { name: 'Step mode' }).check();
  await typeLines(page, 'docker exec c1 ping -c 1 172.17.0.3');
  await expect(page.getByTestId('step-banner')).toContainText('before the command');
}

/** Click the first event row of `stage` that contains every text (jump-to-row). */
async function jumpTo(page: Page, stage: string, ...texts: string[]): Promise<void> {
  let rows = page.getByTestId('journey-events').locator(`li[data-stage="${stage}"]`);
  for (const text of texts) rows = rows.filter({ hasText: text });
  await rows.first().getByRole('button').click();
}

test('ping c1 -> c2 in step mode: the packet moves on the graph, tables fill and empty again', async ({
  page,
}) => {
  await pingInStepMode(page);
  const player = page.getByTestId('player');
  const c1 = boxOf(page, 'c1');
  const events = page.getByTestId('journey-events').locator('li');
  expect(await events.count()).toBeGreaterThan(40);
  await expect(page.getByTestId('packet-marker')).toHaveCount(0);

  // Step 1: c1 looks up its route; c1's eth0 is the device that decides, with the route that matched.
  await player.getByRole('button', { name: 'Step forward' }).click();
  await expect(c1.locator('[data-dev="eth0"]')).toHaveAttribute('data-packet-focus', 'decide');
  await expect(page.getByTestId('step-detail')).toHaveAttribute('data-stage', 'fib_table_lookup');
  await expect(page.getByTestId('decision').locator('tr[data-hit]')).toHaveText(
    /172\.17\.0\.0\/16 dev eth0 .*src 172\.17\.0\.2/,
  );
  await expect(page.getByTestId('step-banner')).toContainText('after event 1 of');

  // The keyboard steps too: ← and → while the panel has the focus. Steps 2-4: no ARP entry, the request, out.
  await player.getByRole('button', { name: 'Step forward' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('explanation')).toContainText('has no ARP entry for 172.17.0.3');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-detail')).toHaveAttribute('data-stage', 'net_dev_xmit');
  // The ARP request crosses c1's veth pair: the marker is on that edge, from c1's eth0 to the host's end.
  const marker = page.getByTestId('packet-marker');
  await expect(marker).toHaveAttribute('data-from', 'c1 eth0');
  await expect(marker).toHaveAttribute('data-to', /^docker-host veth[0-9a-f]{7}$/);
  const hostEnd = ((await marker.getAttribute('data-to')) ?? '').split(' ')[1] ?? '';
  const link = (await marker.getAttribute('data-link')) ?? '';
  await expect(page.locator(`.react-flow__edge[data-id="${link}"]`)).toHaveAttribute(
    'aria-label',
    new RegExp(`^eth0@if\\d+ ↔ ${hostEnd}@if\\d+$`),
  );
  await expect(page.getByTestId('packet')).toContainText('ff:ff:ff:ff:ff:ff');

  // One step on: the frame arrives at the host's end; the highlight moves to that port.
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(`[data-ns="host"] [data-dev="${hostEnd}"]`)).toHaveAttribute(
    'data-packet-focus',
    'decide',
  );
  await expect(c1.locator('[data-dev="eth0"]')).not.toHaveAttribute('data-packet-focus', /./);
  // The dot rests at the host's end of the same edge while the host handles the frame.
  await expect(marker).toHaveAttribute('data-moving', 'false');
  await expect(marker).toHaveAttribute('data-link', link);
  // Back: the frame crosses c1's edge again.
  await page.keyboard.press('ArrowLeft');
  await expect(marker).toHaveAttribute('data-moving', 'true');
  await expect(c1.locator('[data-dev="eth0"]')).toHaveAttribute('data-packet-focus', 'decide');

  // The echo request crossing docker0: the bridge's forward and the FORWARD rule that let it through.
  await jumpTo(page, 'nf_hook', 'filter FORWARD: -A FORWARD -i docker0 -o docker0 -j ACCEPT');
  await expect(page.getByTestId('explanation')).toContainText('chain FORWARD');
  await expect(page.getByTestId('decision').locator('tr[data-hit]')).toContainText(
    '-A FORWARD -i docker0 -o docker0 -j ACCEPT',
  );

  // The ARP reply reaches c1: its neighbour entry for c2 becomes REACHABLE...
  await jumpTo(page, 'neigh_update', 'INCOMPLETE -> REACHABLE');
  await expect(page.getByTestId('decision').locator('tr[data-hit]')).toContainText(
    '172.17.0.3 dev eth0 lladdr 02:42:ac:11:00:03 REACHABLE',
  );
  // ... and the inspector's table (it shows the World at the step) has it.
  await page.getByRole('tab', { name: /Changes & tables/ }).click();
  await c1.locator('[data-container="c1"] button').first().click();
  const insp = page.getByTestId('inspector');
  await insp.getByRole('tab', { name: 'Neighbours' }).click();
  await expect(insp.getByRole('table')).toContainText('02:42:ac:11:00:03');
  // One step back (the reply not yet handled): the entry is still INCOMPLETE, without an address.
  await page.getByRole('tab', { name: /Packet journey/ }).click();
  await player.getByRole('button', { name: 'Step back' }).click();
  await page.getByRole('tab', { name: /Changes & tables/ }).click();
  await expect(insp).toContainText('INCOMPLETE');
  await expect(insp).not.toContainText('02:42:ac:11:00:03');
  // Back to the start: the World before the command, c1 has no neighbour at all.
  await page.getByRole('tab', { name: /Packet journey/ }).click();
  await player.getByRole('button', { name: 'Back to the start' }).click();
  await expect(page.getByTestId('step-banner')).toContainText('before the command');
  await page.getByRole('tab', { name: /Changes & tables/ }).click();
  await expect(insp).not.toContainText('172.17.0.3');

  // Back to live: the World after the ping.
  await page.getByTestId('step-banner').getByRole('button', { name: 'Back to live' }).click();
  await expect(page.getByTestId('step-banner')).toHaveCount(0);
  await expect(insp.getByRole('table')).toContainText('02:42:ac:11:00:03');
});

test('filters: ICMP only, then only what happens in c2', async ({ page }) => {
  await pingInStepMode(page);
  const events = page.getByTestId('journey-events').locator('li');
  const all = await events.count();
  await page.getByRole('button', { name: 'icmp', exact: true }).click();
  // ARP frames are gone; the steps of the ping's own packet remain (its ARP entry included).
  await expect(events.filter({ hasText: 'ARP, ' })).toHaveCount(0);
  await expect(events.filter({ hasText: 'ICMP echo reply' }).first()).toBeVisible();
  const icmp = await events.count();
  expect(icmp).toBeLessThan(all);
  await page.getByRole('combobox', { name: 'Container' }).selectOption({ label: 'c2' });
  // c1's own steps are hidden; what happens in c2 and the frames sent to it remain.
  await expect(events.filter({ hasText: 'c1' })).toHaveCount(0);
  await expect(events.filter({ hasText: 'c2' }).first()).toBeVisible();
  expect(await events.count()).toBeLessThan(icmp);
});

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

for (const size of SIZES) {
  for (const theme of ['light', 'dark'] as const) {
    test(`player screenshot ${size.width}x${size.height} ${theme}`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.addInitScript((t) => localStorage.setItem('cnp.theme', t), theme);
      await pingInStepMode(page);
      // Mid-journey: the echo request in the host, let through by the FORWARD rule (its table, the counter).
      await jumpTo(page, 'nf_hook', 'filter FORWARD: -A FORWARD -i docker0 -o docker0 -j ACCEPT');
      await expect(page.getByTestId('packet-marker')).toHaveAttribute('data-moving', 'false');
      await expect(page.getByTestId('decision').locator('tr[data-hit]')).toHaveCount(1);
      await shot(page, `player-${size.width}x${size.height}-${theme}`);
    });
  }
}

test('the player in Simplified Chinese: every label, the explanation and the tables are translated', async ({
  page,
}) => {
  await ready(page, './?lang=zh-CN');
  await typeLines(
    page,
    'docker run -d --name c1 busybox sleep 1000',
    'docker run -d --name c2 busybox sleep 1000',
  );
  await page.getByRole('tab', { name: /数据包旅程/ }).click();
  await page.getByRole('switch', { name: '单步模式' }).check();
  await typeLines(page, 'docker exec c1 ping -c 1 172.17.0.3');
  await jumpTo(page, 'nf_hook', 'filter FORWARD: -A FORWARD -i docker0 -o docker0 -j ACCEPT');
  await expect(page.getByTestId('step-banner')).toContainText('之后的世界');
  // No i18n key shows through (`journey.` or `player.` would be an untranslated text).
  await expect(page.getByTestId('player')).not.toContainText(/journey\.|player\./);
  await expect(page.getByTestId('explanation')).not.toContainText(/[A-Za-z]{12,}/);
  await shot(page, 'player-1280x720-light-zh');
});

test('a line run normally can be stepped too: MASQUERADE on the way out, the packet before and after NAT', async ({
  page,
}) => {
  await ready(page);
  await typeLines(page, 'docker run -d --name c1 busybox sleep 1000', 'docker exec c1 ping -c 1 8.8.8.8');
  await page.getByRole('tab', { name: /Packet journey/ }).click();
  await expect(page.getByTestId('journey-line')).toHaveValue(/\d+/);
  // Not recorded in step mode: the live World stays on screen (no banner), the journey can still be stepped.
  await jumpTo(page, 'nat', 'SNAT');
  await expect(page.getByTestId('step-banner')).toHaveCount(0);
  await expect(page.getByTestId('decision-note')).toContainText(/^SNAT: .*172\.17\.0\.2.* → .*10\.0\.12\.13/);
  const packet = page.getByTestId('packet');
  await expect(packet.getByRole('columnheader', { name: 'before NAT' })).toBeVisible();
  await expect(packet.locator('tr[data-field="ip.src"]')).toContainText('172.17.0.2');
  await expect(packet.locator('tr[data-field="ip.src"]')).toContainText('10.0.12.13');
  await shot(page, 'player-nat-1280x720-light');
});
