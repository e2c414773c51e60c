/**
 * The offline app (vite-plugin-pwa's service worker, vite.config.ts `offline()`):
 * after one visit, the app, its lazy chunks and the terminal load and work with
 * no network; the manifest makes it installable; the saved session is in
 * localStorage, not in the caches a new version replaces. Then a new build is
 * deployed while the app is open: the update bar offers Reload, and the reload
 * brings the new build with the user's world. The only spec that lets the
 * service worker register (playwright.config.ts blocks it elsewhere).
 *
 * The site is a copy of dist/ on a plain static host (e2e/static-server.ts), so
 * that the test can deploy "the next build" over it: the lane's own build, with
 * index.html changed and its precache revision in sw.js with it, which is what a
 * new `vite build` does to the files it changes (no second build is made).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

test.use({ serviceWorkers: 'allow' });

const DIST = path.join(import.meta.dirname, '..', 'dist');
let root = '';
let site: StaticSite | undefined;

test.beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'vethlab-offline-'));
  cpSync(DIST, root, { recursive: true });
  site = await serveStatic(root);
});

test.afterAll(async () => {
  await site?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Deploys the next build over the site: a changed index.html, and the worker that precaches it. */
function deployNextBuild(): void {
  const index = path.join(root, 'index.html');
  const html = readFileSync(index, 'utf8');
  writeFileSync(index, html.replace('<head>', '<head>\n    <meta name="vethlab-build" content="next" />'));
  const worker = path.join(root, 'sw.js');
  const text = readFileSync(worker, 'utf8');
  const next = text.replace(/(\{url:"index\.html",revision:")[0-9a-f]+(")/, '$1next$2');
  if (next === text) throw new Error('sw.js has no precache entry for index.html with a revision');
  writeFileSync(worker, next);
}

test('after one visit the app and the terminal work offline; a new build offers Reload, and the world survives it', async ({ page, context, lab }) => {
  test.slow();
  await page.goto(site!.url);
  await expect(lab.node('c:bbox1')).toBeVisible();
  // xterm's rows: its chunk comes seconds after the prompt on a loaded machine (fixtures.ts).
  await lab.xterm();
  await expect(lab.terminal()).toContainText('root@dockerhost:~#');
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

  // A new build is deployed while the app is open; the browser's own update check (on a navigation,
  // or every 24 hours) is made now. The new worker waits: the page is not reloaded under the user.
  deployNextBuild();
  const bar = page.getByRole('status').filter({ hasText: 'Reload' });
  await page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())!.update();
  });
  await expect(bar).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('meta[name="vethlab-build"]')).toHaveCount(0);
  await expect(lab.node('c:offline_box')).toBeVisible();
  await bar.getByRole('button', { name: 'Reload' }).click();
  // The new build's page, with the world as the user left it.
  await expect(page.locator('meta[name="vethlab-build"]')).toHaveCount(1, { timeout: 15_000 });
  await expect(lab.node('c:offline_box')).toBeVisible();
  await lab.xterm();
  await expect(lab.terminal()).toContainText('your session is back');
  await expect(bar).toHaveCount(0);
  await lab.type('docker exec offline_box ping -c 1 offline_box');
  await expect(lab.terminal()).toContainText('1 packets transmitted, 1 packets received');
});
