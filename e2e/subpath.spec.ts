/**
 * "Hosted anywhere": one production build works from any static host at any
 * path. dist/ is served by a plain static server (e2e/static-server.ts: files
 * only, no rewrites, like GitHub Pages) at a project-page path `/vethlab/` and at
 * the root `/`; at each the app loads with no console error or failed request,
 * every request stays under the mount, the canvas draws the starter world, the
 * terminal runs `docker ps`, lazy chunks (gallery dialog, rules panel) load, the
 * favicon and every file of public/ are found beside index.html, a reload keeps
 * the world, and a link with a fragment (`#g=three-ways`) starts the app from
 * the same files. A file check makes sure the built HTML, JS and CSS use no
 * root-absolute URL. Run `vite build` first (`npm run test:e2e` does).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, xtermReady } from './fixtures.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

const ROOT = path.join(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
const PUBLIC = path.join(ROOT, 'public');

/** Files under `dir`, as `/`-separated paths relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** Paths of every request the page makes to the site; `outside()` lists those not under the mount. */
function watchRequests(page: Page, site: StaticSite) {
  const paths: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.origin === site.origin) paths.push(url.pathname);
  });
  return {
    paths,
    outside: () => paths.filter((p) => !p.startsWith(site.base)),
    loaded: (re: RegExp) => paths.some((p) => p.startsWith(`${site.base}assets/`) && re.test(p.slice(site.base.length + 'assets/'.length))),
  };
}

/** The app has started: the live app replaced the first screen and the terminal has its prompt. */
async function started(page: Page): Promise<void> {
  await expect(page.locator('.react-flow__node[data-id="c:bbox1"]')).toBeVisible();
  await xtermReady(page);
  await expect(page.getByTestId('terminal-host').locator('.xterm-rows')).toContainText('root@dockerhost:~#');
  await expect(page.getByTestId('boot-status')).toHaveCount(0);
}

test.beforeAll(() => {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/index.html is missing: run `vite build` first');
});

test('the built HTML, JS and CSS refer to no root-absolute URL', () => {
  // Both pages are built; a missing one fails the read below.
  const pages = ['index.html', 'embed.html'];
  for (const page of pages) {
    const html = readFileSync(path.join(DIST, page), 'utf8');
    for (const [, attr, value] of html.matchAll(/\s(src|href)="([^"]*)"/g)) {
      if (/^(data:|https?:|mailto:|#)/.test(value)) continue;
      expect(value, `${page}: ${attr}="${value}"`).toMatch(/^\.\//);
    }
  }
  // A root-absolute reference to a built or public file, in code or CSS: "/assets/x", url(/favicon.svg).
  const names = ['assets/', ...filesUnder(PUBLIC)].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const absolute = new RegExp(`["'\`(]/(${names.join('|')})`);
  const code = filesUnder(path.join(DIST, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  expect(code.length).toBeGreaterThan(0);
  for (const file of code) {
    const m = absolute.exec(readFileSync(path.join(DIST, 'assets', file), 'utf8'));
    expect(m?.[0], `assets/${file}`).toBeUndefined();
  }
});

for (const base of ['/vethlab/', '/']) {
  test.describe(`dist/ served at ${base}`, () => {
    let site: StaticSite;
    test.beforeAll(async () => {
      site = await serveStatic(DIST, base);
    });
    test.afterAll(async () => {
      await site?.close();
    });

    test('the app loads, draws, runs a command and loads its lazy chunks and public files', async ({ page, lab }) => {
      const requests = watchRequests(page, site);
      await page.goto(site.url);
      await expect(page).toHaveTitle('vethlab');
      await started(page);
      // The canvas draws the starter world.
      await expect(lab.node('c:bbox1')).toContainText('172.18.0.2/16');
      await expect(page.locator('.react-flow__edge')).toHaveCount(9);
      // The stylesheets arrived and apply.
      expect(await page.evaluate(() => [...document.styleSheets].every((s) => s.cssRules.length > 0))).toBe(true);

      // The terminal (a lazy chunk) runs a command on the simulator (another).
      await lab.type('docker ps');
      await expect(lab.terminal()).toContainText(/CONTAINER ID\s+IMAGE\s+COMMAND\s+CREATED\s+STATUS\s+PORTS\s+NAMES/);
      await expect(lab.terminal()).toContainText('bbox1');

      // Lazy chunks loaded on demand: the gallery dialog with its text, the rules panel.
      await page.getByRole('button', { name: 'Gallery' }).click();
      const gallery = page.getByRole('dialog', { name: 'Gallery' });
      await expect(gallery.locator('.gallery-card')).toHaveCount(10);
      await page.keyboard.press('Escape');
      await expect(gallery).toBeHidden();
      await lab.showPanel('Rules');
      await expect(page.getByTestId('rules')).toContainText('-A FORWARD -j DOCKER-USER');
      // Everything index.html names, and the lazy chunks, came from the mount's assets/.
      const entry = [...readFileSync(path.join(DIST, 'index.html'), 'utf8').matchAll(/(?:src|href)="\.\/assets\/([^"]+)"/g)].map((m) => m[1]);
      expect(entry.length).toBeGreaterThan(0);
      for (const file of entry) expect(requests.paths, `${file} of index.html`).toContain(`${base}assets/${file}`);
      for (const chunk of [/^Live-.*\.js$/, /^simulator-.*\.js$/, /^TerminalPane-.*\.js$/, /^GalleryDialog-.*\.js$/, /^RulesPanel-.*\.js$/]) {
        expect(requests.loaded(chunk), `${chunk} loaded from ${base}assets/`).toBe(true);
      }

      // The favicon and every file of public/ (embed.js, …) beside index.html, as a page would find them.
      const icon = await page.locator('link[rel="icon"]').getAttribute('href');
      const wanted = [icon ?? 'no icon link', ...filesUnder(PUBLIC)];
      const found = await page.evaluate(
        (files) =>
          Promise.all(
            files.map(async (f) => {
              const url = new URL(f, document.baseURI);
              const res = await fetch(url);
              // Read the body: one still streaming when the page reloads would count as a failed request.
              const size = (await res.arrayBuffer()).byteLength;
              return { f, path: url.pathname, status: res.status, type: res.headers.get('content-type'), size };
            }),
          ),
        wanted,
      );
      for (const r of found) {
        expect(r.path, r.f).toBe(base + r.f.replace(/^\.?\//, ''));
        expect(r.status, r.f).toBe(200);
        expect(r.type, r.f).not.toBe('application/octet-stream');
        expect(r.size, r.f).toBe(statSync(path.join(DIST, r.f)).size);
      }
      expect(found.find((r) => r.f === icon)?.type).toBe('image/svg+xml');

      // A reload at the same address (no server rewrite needed) brings the world back.
      await page.reload();
      await started(page);
      await expect(lab.terminal()).toContainText('your session is back');

      expect(requests.outside()).toEqual([]);
    });

    test('a link with a fragment loads the files from the mount and starts the app', async ({ page }) => {
      const requests = watchRequests(page, site);
      await page.goto(`${site.url}#g=three-ways`);
      await xtermReady(page);
      await expect(page.getByTestId('terminal-host').locator('.xterm-rows')).toContainText('root@dockerhost:~#');
      await expect(page.getByTestId('boot-status')).toHaveCount(0);
      // Whatever the app does with the fragment, the page stays at the mount.
      expect(new URL(page.url()).pathname).toBe(base);
      expect(requests.loaded(/^simulator-/)).toBe(true);
      expect(requests.outside()).toEqual([]);
    });

    test('embed.html loads its files from the mount', async ({ page }) => {
      const requests = watchRequests(page, site);
      await page.goto(`${site.url}embed.html#g=three-ways`);
      await page.waitForLoadState('networkidle');
      expect(requests.paths.some((p) => p.startsWith(`${base}assets/`))).toBe(true);
      expect(requests.outside()).toEqual([]);
    });
  });
}
