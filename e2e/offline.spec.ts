/**
 * The offline app (vite-plugin-pwa's service worker, vite.config.ts `offline()`):
 * after one visit, the app, its lazy chunks and the terminal load and work with
 * no network; the manifest makes it installable; the saved session is in
 * localStorage, not in the caches a new version replaces. The only spec that
 * lets the service worker register (playwright.config.ts blocks it elsewhere).
 */
import { expect, test } from './fixtures.ts';

test.use({ serviceWorkers: 'allow' });

test('after one visit the app and the terminal work offline; the session is not in the caches', async ({ page, context, lab }) => {
  test.slow();
  await lab.open();
  await lab.type('docker network create before_offline');
  // The worker has installed (every file precached) and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href;
    return href ? ((await (await fetch(href)).json()) as { name: string; display: string; icons: { sizes: string; purpose: string }[] }) : null;
  });
  expect(manifest).toMatchObject({ display: 'standalone' });
  expect(manifest!.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    return urls;
  });
  // The lazy chunks are precached, not only the first screen's.
  for (const chunk of [/\/assets\/simulator-[\w-]+\.js$/, /\/assets\/sim-sed-[\w-]+\.js$/, /\/assets\/sim-compose-[\w-]+\.js$/, /\/assets\/TerminalPane-[\w-]+\.js$/, /\/assets\/RulesPanel-[\w-]+\.js$/, /\/embed\.html$/]) {
    expect(cached.some((u) => chunk.test(u))).toBe(true);
  }
  // The caches hold the build's files only (a new version replaces them); the session is in localStorage.
  expect(cached.filter((u) => !/^\/(assets\/)?[\w.-]+$/.test(u))).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('vethlab.session'))).toContain('docker network create before_offline');

  await context.setOffline(true);
  await page.reload();
  await expect(lab.node('c:bbox1')).toBeVisible();
  await expect(page.locator('.react-flow__node-bridge').filter({ hasText: 'before_offline' })).toBeVisible();
  await lab.type('docker run -dit --name offline_box --network before_offline busybox');
  await expect(lab.node('c:offline_box')).toBeVisible();
  await lab.type('docker exec offline_box ping -c 1 offline_box');
  await expect(lab.terminal()).toContainText('1 packets transmitted, 1 packets received');
  // A program loaded on first use (src/sim/shell/lazy/) comes from the cache too.
  await lab.type("echo offline one | sed 's/one/two/'");
  await expect(lab.terminal()).toContainText('offline two');
  // A lazy panel too.
  await lab.showPanel('Rules');
  await expect(page.locator('.side-body')).toContainText('DOCKER-USER');
  await context.setOffline(false);
});
