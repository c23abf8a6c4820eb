import { expect, test, type Page } from '@playwright/test';
import { ready, typeLines } from './helpers';

/** The graph node (a namespace box) that holds the container card `name`. */
const boxOf = (page: Page, name: string) =>
  page.locator('.react-flow__node').filter({ has: page.locator(`[data-container="${name}"]`) });

test.describe('topology follows the commands', () => {
  test('ip netns + veth + bridge: a box, one labelled veth edge, a bridge with its port', async ({
    page,
  }) => {
    await ready(page);
    await typeLines(
      page,
      'ip netns add red',
      'ip link add br0 type bridge',
      'ip link add veth-red type veth peer name eth0 netns red',
      'ip link set veth-red master br0',
    );
    const red = page.locator('.react-flow__node [data-ns="red"]');
    await expect(red).toBeVisible();
    await expect(red.locator('[data-dev="eth0"]')).toBeVisible();
    await expect(page.locator('[data-bridge="br0"] [data-dev="veth-red"]')).toBeVisible();
    await expect(page.locator('.react-flow__edge[aria-label^="eth0@if"]')).toHaveAttribute(
      'aria-label',
      /^eth0@if\d+ ↔ veth-red@if\d+$/,
    );
    await expect(page.getByTestId('changes')).toContainText('attached veth-red to bridge br0');
  });

  test('the four network modes, undo, the route table, and Tab completion', async ({ page }) => {
    await ready(page);
    await typeLines(page, 'docker run -d --name web nginx');
    const web = boxOf(page, 'web');
    await expect(web).toHaveCount(1);
    await expect(web.locator('[data-mode="bridge"]').first()).toBeVisible();
    // Its veth edge: the container's eth0 to a veth on docker0.
    await expect(page.locator('.react-flow__edge[aria-label^="eth0@if"]')).toHaveCount(1);
    await expect(page.locator('[data-bridge="docker0"] [data-dev^="veth"]')).toHaveCount(1);

    await typeLines(page, 'docker run -d --name side --network container:web busybox sleep 1d');
    const shared = boxOf(page, 'side');
    await expect(shared.locator('[data-container="web"]')).toBeVisible();
    await expect(shared.locator('[data-container="side"][data-mode="container"]')).toBeVisible();

    await typeLines(page, 'docker run -d --name hostc --network host busybox sleep 1d');
    await expect(page.locator('[data-ns="host"] [data-container="hostc"][data-mode="host"]')).toBeVisible();

    await typeLines(page, 'docker run -d --name nonec --network none busybox sleep 1d');
    const none = boxOf(page, 'nonec');
    await expect(none.locator('[data-dev]')).toHaveCount(1);
    await expect(none.locator('[data-dev="lo"]')).toBeVisible();
    await expect(none.locator('[data-mode="none"]').first()).toBeVisible();

    // Undo (Ctrl+Z in the terminal) takes the last container away, redo brings it back.
    await page.keyboard.press('Control+z');
    await expect(page.locator('[data-container="nonec"]')).toHaveCount(0);
    await expect(page.getByTestId('changes')).toContainText('Undo of');
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(page.locator('[data-container="nonec"]')).toHaveCount(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator('[data-container="nonec"]')).toHaveCount(0);

    // The inspector shows web's routes, as a table and as `route -n` prints them.
    await web.locator('[data-container="web"] button').first().click();
    const insp = page.getByTestId('inspector');
    await insp.getByRole('tab', { name: 'Routes' }).click();
    await expect(insp.getByRole('table')).toContainText('172.17.0.1');
    await expect(insp.getByRole('table')).toContainText('UG');
    await insp.getByLabel(/as the real command prints it/).check();
    await expect(insp.getByTestId('raw-output')).toContainText('172.17.0.1');

    // Tab completes a container name.
    await page.locator('.xterm').first().click();
    await page.keyboard.type('docker exec -it we');
    await page.keyboard.press('Tab');
    await expect(page.locator('.xterm-rows')).toContainText('docker exec -it web ');
  });

  test('docker exec -it opens a tab with the container shell, which takes the keyboard', async ({ page }) => {
    await ready(page);
    await typeLines(page, 'docker run -d --name bb busybox sleep 1d', 'docker exec -it bb sh');
    await expect(page.getByRole('tab', { name: 'bb' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.xterm-rows')).toContainText('/ #');
    await page.keyboard.type('ip a\n');
    await expect(page.locator('.xterm-rows')).toContainText('eth0@if');
    await page.keyboard.type('exit\n');
    await expect(page.getByRole('tab', { name: /docker-host/ })).toHaveAttribute('aria-selected', 'true');
  });

  test('inspector: a bridge shows its FDB, the host its iptables chains, Docker its network', async ({
    page,
  }) => {
    await ready(page);
    await typeLines(page, 'docker run -d --name web -p 8080:80 nginx');
    await page.locator('[data-bridge="docker0"] > button').click();
    const insp = page.getByTestId('inspector');
    await insp.getByRole('tab', { name: 'Bridge FDB' }).click();
    await expect(insp.getByRole('table')).toContainText('permanent');
    await insp.getByLabel(/as the real command prints it/).check();
    await expect(insp.getByText('# bridge fdb show br docker0')).toBeVisible();
    await insp.getByRole('tab', { name: 'iptables' }).click();
    await expect(insp.getByText('# iptables -t nat -L -n -v')).toBeVisible();
    await expect(insp.getByTestId('raw-output').nth(1)).toContainText('DNAT');
    await insp.getByLabel(/as the real command prints it/).uncheck();
    await expect(insp).toContainText('-j DNAT --to-destination 172.17.0.2:80');
    await insp.getByRole('tab', { name: 'Docker' }).click();
    await expect(insp).toContainText('172.17.0.0/16');
  });

  test('toolbar Run container types the command into the host terminal', async ({ page }) => {
    await ready(page);
    await page.getByRole('button', { name: 'Run container' }).click();
    const dlg = page.getByRole('dialog', { name: 'Run a container' });
    await dlg.getByLabel('Name').fill('db');
    await dlg.getByLabel('Image').fill('busybox');
    await dlg.getByLabel(/^none/).check();
    await expect(dlg.getByTestId('run-preview')).toHaveText(
      '$ docker run -d --name db --network none busybox sleep 1d',
    );
    await dlg.getByRole('button', { name: 'Run' }).click();
    await expect(page.locator('.xterm-rows')).toContainText(
      'docker run -d --name db --network none busybox sleep 1d',
    );
    await expect(page.locator('[data-container="db"][data-mode="none"]')).toBeVisible();
  });

  test('names typed by users render as text, and the table view lists them', async ({ page }) => {
    await ready(page);
    await typeLines(page, `ip netns add '<img src=x onerror=alert(1)>'`);
    await expect(page.locator('[data-ns="<img src=x onerror=alert(1)>"]')).toBeVisible();
    await expect(page.locator('.react-flow__node img')).toHaveCount(0);
    await page.getByRole('button', { name: 'Table' }).click();
    const table = page.getByTestId('topology-table');
    await expect(table).toContainText('<img src=x onerror=alert(1)>');
    await expect(table).toContainText('docker-host');
  });

  test('a multi-line paste runs line by line', async ({ page }) => {
    await ready(page);
    await page.locator('.xterm').first().click();
    await page.evaluate(() => {
      const ta = document.querySelector('.xterm-helper-textarea') as HTMLTextAreaElement;
      const dt = new DataTransfer();
      dt.setData('text/plain', 'ip netns add a1\nip netns add a2\nip netns list\n');
      ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await expect(page.locator('[data-ns="a2"]')).toBeVisible();
    await expect(page.locator('.xterm-rows')).toContainText('ip netns list');
  });
});

test('a stopped container leaves the graph for the stopped tray, and its ▶ types docker start', async ({
  page,
}) => {
  await ready(page);
  await typeLines(page, 'docker run -d --name web nginx', 'docker stop web');
  const tray = page.getByTestId('stopped-tray');
  // No namespace any more: no box holds it, the tray shows it dimmed with Docker's status word.
  await expect(page.locator('.react-flow__node [data-container="web"]')).toHaveCount(0);
  await expect(tray.locator('[data-container="web"][data-status="exited"]')).toBeVisible();
  await expect(tray).toContainText('nginx · exited');
  // Its inspector has only the Docker view left, and docker inspect (run on the host) shows it exited.
  await tray.locator('[data-container="web"] button').first().click();
  const insp = page.getByTestId('inspector');
  await expect(insp.getByRole('tab')).toHaveText(['Docker']);
  await insp.getByLabel(/as the real command prints it/).check();
  await expect(insp.getByTestId('raw-output')).toContainText('"Status": "exited"');
  await tray.getByRole('button', { name: /Start web/ }).click();
  await expect(page.locator('.xterm-rows')).toContainText('# docker start web');
  await expect(page.locator('.react-flow__node [data-container="web"]')).toHaveCount(1);
  await expect(tray).toHaveCount(0);
});
