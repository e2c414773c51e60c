/**
 * Embeds in a tutorial page (public/embed-demo.html, public/embed.js, embed.html):
 * two embeds of different scenarios, sized to their content; the page drives
 * one through the postMessage API and hears `ready`, `step`, `trace` and
 * `resize`, and the packet moves on the embed's canvas; a read-only embed runs
 * its steps but takes no typing; the URL's options (panels, theme, language);
 * messages checked and from the embedding page only; and nothing an embed does
 * touches the main app's saved session or the other embed.
 */
import type { Page } from '@playwright/test';
import { expect, test, xtermReady } from './fixtures.ts';

const events = (page: Page) => page.locator('#events');

test('the demo tutorial: two embeds, driven through the API, with their events and the packet on the canvas', async ({ page, shot }) => {
  // Three apps boot in it (the main page, then two embeds): about 28 s on a quiet machine.
  test.slow();
  // The main app's world first: the embeds must leave it alone.
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="c:bbox1"]')).toBeVisible();
  await page.getByTestId('terminal-host').click();
  await page.keyboard.type('docker network create mine');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('terminal-host')).toContainText('root@dockerhost:~# ', { timeout: 5000 });
  const saved = await page.evaluate(() => localStorage.getItem('vethlab.session'));
  expect(saved).toContain('docker network create mine');

  await page.goto('/embed-demo.html');
  const first = page.frameLocator('#three-ways iframe');
  const second = page.frameLocator('#isolation iframe');
  await expect(events(page)).toContainText('ready Three ways containers talk: IP, DNS, joined, 8 steps');
  await expect(first.locator('.embed-title')).toHaveText('Three ways containers talk: IP, DNS, joined');
  await expect(second.locator('.embed-title')).toHaveText('Isolation between networks, and the connect fix');
  await expect(first.locator('.react-flow__node[data-id="c:joined"], .react-flow__node[data-id="c:web1"]').first()).toBeVisible();

  // Sized to its content: no inner scrollbar, no gap.
  await expect(events(page)).toContainText('resize');
  await expect
    .poll(async () => {
      const outer = await page.locator('#three-ways iframe').evaluate((f) => f.getBoundingClientRect().height);
      const inner = await first.locator('.embed').evaluate((e) => e.getBoundingClientRect().height);
      return Math.abs(outer - inner);
    })
    .toBeLessThanOrEqual(1);

  // The page runs step 1 through the API: the step event, the trace event, the packet on the canvas.
  await page.getByRole('button', { name: 'Run step 1 in the embed' }).click();
  await expect(events(page)).toContainText('step 1: docker exec bbox2 ping -c 1 172.18.0.2 (exit 0)');
  await expect(events(page)).toContainText('trace docker exec bbox2 ping -c 1 172.18.0.2 -> replied');
  // The packet walks its path on the embed's canvas, to the last hop.
  const packet = first.getByTestId('packet');
  await expect(packet).toHaveAttribute('data-command', 'docker exec bbox2 ping -c 1 172.18.0.2');
  const hops = await packet.getAttribute('data-hops');
  expect(Number(hops)).toBeGreaterThan(4);
  await expect(packet).toHaveAttribute('data-hop', hops!, { timeout: 30_000 });
  await expect(first.getByTestId('terminal-host')).toContainText('1 packets transmitted, 1 packets received');
  await expect(first.locator('.guide-step[data-step="1"]')).toHaveClass(/is-done/);
  await shot('embed-demo');

  // A command, then another scenario, through the API.
  await page.getByRole('button', { name: 'Ping bbox1 by name' }).click();
  await expect(events(page)).toContainText('trace docker exec bbox2 ping -c 1 bbox1 -> replied');
  await page.getByRole('button', { name: 'Load “isolation” into it' }).click();
  await expect(first.locator('.embed-title')).toHaveText('Isolation between networks, and the connect fix');

  // The other embed saw none of it.
  await expect(second.locator('.guide-step.is-done')).toHaveCount(0);
  // Nothing was saved by the embeds; the main app's world is as it was.
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  expect(keys.filter((k) => k !== 'vethlab.session' && k !== 'vethlab.gallery' && k !== 'vethlab.lang')).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('vethlab.session'))).toBe(saved);
  await page.goto('/');
  await page.getByTestId('terminal-host').click();
  await page.keyboard.type('docker network ls --format {{.Name}}');
  await page.keyboard.press('Enter');
  await xtermReady(page);
  await expect(page.getByTestId('terminal-host').locator('.xterm-rows')).toContainText('mine');
});

test('a read-only embed runs its steps, takes no typing and offers no Type', async ({ page }) => {
  await page.goto('/embed.html?readonly=1#g=isolation-connect');
  await expect(page.locator('.embed-title')).toHaveText('Isolation between networks, and the connect fix');
  await expect(page.getByRole('button', { name: /^Type step/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add container' })).toHaveCount(0);
  // xterm's rows are what is checked (the light terminal, which draws the shell until xterm has loaded, takes no keys either).
  await xtermReady(page);
  await page.getByTestId('terminal-host').click();
  await page.keyboard.type('docker ps');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('terminal-host').locator('.xterm-rows')).not.toContainText('docker ps');
  await page.locator('.guide-step[data-step="1"]').getByRole('button', { name: /^Run step 1/ }).click();
  await expect(page.getByTestId('step-result')).toContainText('-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP');
  await expect(page.getByTestId('terminal-host').locator('.xterm-rows')).toContainText('100% packet loss');
});

test('options in the URL: panels, theme, language; Open in vethlab carries the world', async ({ page, context }) => {
  await page.goto('/embed.html?panels=canvas,trace&theme=dark&lang=zh-CN#g=docker-user&step=3');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('terminal-host')).toHaveCount(0);
  await expect(page.locator('.embed-guide')).toHaveCount(0);
  await expect(page.locator('.embed-trace')).toBeVisible();
  const open = page.getByRole('link', { name: /在 vethlab 中打开/ });
  await expect(open).toHaveAttribute('href', /\/#g=docker-user&step=3$/);
  const [full] = await Promise.all([context.waitForEvent('page'), open.click()]);
  // The full app speaks its reader's own language (the embed's lang= is the embed's).
  await expect(full.locator('.scenario-title')).toHaveText('A DOCKER-USER rule that blocks one container');
  await expect(full.locator('.guide-step[data-step="3"]')).toHaveAttribute('aria-current', 'step');
});

test('the API checks messages and obeys only the embedding page (and its origin, when given)', async ({ page }) => {
  await page.goto('/embed-demo.html');
  await expect(events(page)).toContainText('ready');
  await page.evaluate(() => {
    const div = document.getElementById('three-ways')!;
    const send = (m: unknown) => (window as unknown as { vethlab: { send(d: Element, m: unknown): void } }).vethlab.send(div, m);
    send({ type: 'vethlab:step', step: 99 });
    send({ type: 'vethlab:run', command: 'docker ps\nrm -rf /' });
    send({ type: 'vethlab:frob' });
    send({ type: 'vethlab:load', link: '#s=1.***' });
    send({ type: 'something-else' });
  });
  await expect(events(page)).toContainText('error vethlab:step: the scenario has 8 steps');
  await expect(events(page)).toContainText('error vethlab:run: command: one line');
  await expect(events(page)).toContainText('error vethlab:frob: ');
  await expect(events(page)).toContainText('error vethlab:load: it is not a vethlab link');

  // An embed told to obey another origin ignores this page.
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.id = 'strict';
    frame.style.height = '600px';
    frame.src = './embed.html?origin=https://tutorial.example#g=three-ways';
    document.body.appendChild(frame);
  });
  const strict = page.frameLocator('#strict');
  await expect(strict.locator('.embed-title')).toHaveText('Three ways containers talk: IP, DNS, joined');
  await page.evaluate(() => (document.getElementById('strict') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'vethlab:step', step: 1 }, '*'));
  await page.waitForTimeout(800);
  await expect(strict.locator('.guide-step.is-done')).toHaveCount(0);
});

test('an embed with a bad link says why and shows the first screen’s world', async ({ page }) => {
  await page.goto('/embed.html#s=1.q83vEjRWeJq83vEjRWeJq83vEjRWeJ');
  await expect(page.getByRole('alert')).toContainText('This link could not be opened: it is not a vethlab link');
  await expect(page.locator('.react-flow__node[data-id="c:bbox1"]')).toBeVisible();
});

test('autoplay runs the steps one after another, with no click', async ({ page }) => {
  // Step 1's packet is dropped early (raw PREROUTING); steps 2 and 3 send none: each waits for the last to finish.
  await page.goto('/embed.html?autoplay=1&panels=canvas,guide#g=isolation-connect');
  await expect(page.locator('.guide-step[data-step="1"]')).toHaveClass(/is-done/, { timeout: 20_000 });
  await expect(page.getByTestId('packet')).toHaveAttribute('data-command', 'docker exec bbox1 ping -c 1 -W 1 172.17.0.2');
  await expect(page.locator('.guide-step[data-step="2"]')).not.toHaveClass(/is-done/);
  await expect(page.locator('.guide-step[data-step="3"]')).toHaveClass(/is-done/, { timeout: 45_000 });
  await expect(page.locator('.guide-step.is-done')).toHaveCount(3);
});
