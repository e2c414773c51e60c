/**
 * The first screen does not wait for the simulator: with its chunk held back,
 * the starter world's nodes are drawn (from the generated snapshot) and the
 * controls that need the simulator say it is starting; once it arrives the live
 * app takes over at the same positions and the terminal works. Nor does it wait
 * for React Flow: the topology is a static drawing until the terminal takes
 * commands, then React Flow's canvas replaces it with every node where it was.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { encodeScenario } from '../src/scenario/link/encode.ts';
import { expect, test } from './fixtures.ts';

/** Holds a chunk back (at most 10 s) until `release`; `requested` says whether the page asked for it. */
async function holdChunk(page: Page, glob: string): Promise<{ release(): void; requested(): boolean }> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let requested = false;
  await page.route(glob, async (route) => {
    requested = true;
    await Promise.race([held, new Promise((r) => setTimeout(r, 10_000))]);
    await route.continue();
  });
  return { release, requested: () => requested };
}

/** Holds xterm's chunk back until `release` (the light terminal draws the host's shell meanwhile); `requested` says whether the page asked for it. */
async function holdXterm(page: Page): Promise<{ release(): void; requested(): boolean }> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let requested = false;
  await page.route('**/assets/XtermView-*.js', async (route) => {
    requested = true;
    await Promise.race([held, new Promise((r) => setTimeout(r, 20_000))]);
    await route.continue();
  });
  return { release, requested: () => requested };
}

/** The rows a terminal shows, as text with runs of blanks as one space (xterm pads rows), empty rows left out. */
async function rowsOf(page: Page, rows: string): Promise<string[]> {
  const texts = await page.getByTestId('terminal-host').locator(`${rows} > div`).allTextContents();
  return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t !== '');
}

/** Holds the simulator's chunk back (at most 10 s) until `release`. */
function holdSimulator(page: Page): Promise<{ release(): void; requested(): boolean }> {
  return holdChunk(page, '**/assets/simulator-*.js');
}

/** Each node's box on screen, by id. */
async function screenBoxes(page: Page): Promise<Record<string, { x: number; y: number; width: number; height: number }>> {
  return page.locator('.react-flow__node').evaluateAll((nodes) =>
    Object.fromEntries(
      nodes.map((n) => {
        const r = n.getBoundingClientRect();
        return [(n as HTMLElement).dataset.id, { x: Math.round(r.x * 10) / 10, y: Math.round(r.y * 10) / 10, width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10 }];
      }),
    ),
  );
}

test('the live canvas starts at the first screen\'s view: the world is never framed twice', async ({ page, lab }) => {
  // Every distinct transform of the canvas's viewport, from the first drawing on (nothing is held back).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __views: string[] }).__views = seen;
    const watch = new MutationObserver(() => {
      const view = document.querySelector('.react-flow__viewport')?.getAttribute('style')?.match(/transform:[^;]*/)?.[0];
      if (view && seen[seen.length - 1] !== view) seen.push(view);
    });
    const start = () => watch.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    if (document.documentElement) start();
    else document.addEventListener('DOMContentLoaded', start);
  });
  await lab.open();
  // React may render the live canvas's mount more than once before committing it: each attempt takes the first screen's view.
  const views = await page.evaluate(() => (window as unknown as { __views: string[] }).__views);
  expect(views).toHaveLength(1);
});

test('the first screen shows the starter nodes before the simulator has loaded', async ({ page, lab, shot }) => {
  test.slow(); // the light terminal's commands, an axe-core check and xterm's take-over besides the boot
  const simulator = await holdSimulator(page);
  // The gallery's English text is not part of the first screen (nor of the live app's start).
  const galleryChunks: string[] = [];
  // React Flow (its chunk and @xyflow/system's with d3) comes after the terminal takes commands.
  const flowChunks: string[] = [];
  page.on('request', (req) => {
    if (/\/assets\/gallery\.en-[^/]*\.js$/.test(req.url())) galleryChunks.push(req.url());
    if (/\/assets\/(FlowView|esm)-[^/]*\.js$/.test(req.url())) flowChunks.push(req.url());
  });
  await page.goto('/');
  for (const id of ['c:bbox1', 'c:bbox2', 'c:bbox3', 'bridge:docker0', 'host:stack', 'lan', 'gw', 'internet']) {
    await expect(lab.node(id)).toBeVisible();
  }
  await expect(lab.node('c:bbox1')).toContainText('172.18.0.2/16');
  await expect(page.locator('.react-flow__edge')).toHaveCount(9);
  await expect(page.getByTestId('boot-status')).toHaveText('Starting the simulator…');
  await expect(page.getByRole('button', { name: /docker exec bbox1 ping -c 1 bbox2/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Gallery' })).toBeDisabled();
  await expect(page.getByRole('tab', { name: 'Guide' })).toBeDisabled();
  expect(simulator.requested()).toBe(true);
  expect(galleryChunks).toEqual([]);
  // The topology is drawn, edges, labels, minimap and all, with none of React Flow's code.
  await expect(page.getByTestId('topology')).toHaveAttribute('data-canvas', 'static');
  await expect(page.locator('.react-flow__edge-text', { hasText: 'veth09a6df2 ⇄ eth0' })).toBeVisible();
  await expect(page.locator('.react-flow__minimap-node')).toHaveCount(11);
  expect(flowChunks).toEqual([]);
  const before = await lab.position('c:bbox2');
  const drawn = await screenBoxes(page);
  expect(Object.keys(drawn)).toHaveLength(11);
  await shot('boot-snapshot');

  // The terminal takes a command before xterm.js has arrived: the light terminal draws the host's shell.
  const xterm = await holdXterm(page);
  simulator.release();
  await expect(page.getByTestId('boot-status')).toHaveCount(0);
  const host = page.getByTestId('terminal-host');
  const light = host.locator('.lineterm-rows');
  await expect(light).toContainText('root@dockerhost:~#');
  await expect(host).toHaveAttribute('data-view', 'light');
  // React Flow's canvas takes over after the prompt, every node at the same place on screen.
  await lab.liveCanvas();
  expect(flowChunks.length).toBeGreaterThan(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(9);
  expect(await screenBoxes(page)).toEqual(drawn);
  expect(await lab.position('c:bbox2')).toEqual(before);
  // The light terminal still draws the host's shell (xterm held back) and takes a command (after the canvas check: a
  // command makes the header a line taller). What it prints is text, markup and all.
  const img = '<img src=x onerror="document.title=`pwned`">';
  await lab.type(`echo '${img}'; docker network ls`);
  await expect(light).toContainText(`root@dockerhost:~# echo '${img}'; docker network ls`);
  await expect(light).toContainText(/NETWORK ID\s+NAME\s+DRIVER\s+SCOPE/);
  await expect(light).toContainText(/[0-9a-f]{12}\s+mynet\s+bridge\s+local/);
  await expect(light.getByText(img, { exact: true }).first()).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  // History with up: the line comes back, is cleared (Ctrl+U), then a half-typed line waits for xterm.
  await page.keyboard.press('ArrowUp');
  await expect(light).toContainText(/root@dockerhost:~# echo '<img[^\n]*docker network ls\s*$/);
  await page.keyboard.press('Control+U');
  // A container's shell needs xterm (Ctrl-P Ctrl-Q, a REPL): its tab says so until xterm is in.
  await lab.type('docker exec -it bbox1 sh');
  await expect(page.getByRole('tab', { name: 'bbox1 shell' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('terminal-bbox1')).toHaveText('Loading the terminal…');
  await page.getByRole('tab', { name: 'dockerhost' }).click();
  await host.click();
  await page.keyboard.type('echo carried over');
  // Named, with text in the theme's contrast (axe-core, as e2e/a11y.spec.ts checks the rest).
  await expect(page.getByRole('textbox', { name: 'Terminal input' })).toBeFocused();
  const axe = await new AxeBuilder({ page }).include('[data-testid="terminal-host"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await expect(host.locator('.xterm-rows')).toHaveCount(0);
  const shown = await rowsOf(page, '.lineterm-rows');

  // xterm takes over with the same lines, the half-typed one included; keys typed during the swap land.
  xterm.release();
  await page.keyboard.type(' and on');
  await expect(host).toHaveAttribute('data-view', 'xterm');
  expect(xterm.requested()).toBe(true);
  await expect(host.locator('.lineterm')).toHaveCount(0);
  await expect(lab.terminal()).toContainText('root@dockerhost:~# echo carried over and on');
  expect((await rowsOf(page, '.xterm-rows')).slice(0, shown.length - 1)).toEqual(shown.slice(0, -1));
  await page.keyboard.press('Enter');
  await expect(lab.terminal()).toContainText(/echo carried over and on\s*carried over and on\s*root@dockerhost:~#/);
  await page.getByRole('tab', { name: 'bbox1 shell' }).click();
  await expect(lab.terminal('bbox1')).toContainText('/ #');
  await lab.type('hostname', 'bbox1');
  await expect(lab.terminal('bbox1')).toContainText(/hostname\s*[0-9a-f]{12}\s*\/ #/);
  await page.getByRole('tab', { name: 'dockerhost' }).click();
  await expect(page.getByRole('button', { name: /docker exec bbox1 ping -c 1 bbox2/ })).toBeEnabled();
  await lab.type('docker exec bbox1 ping -c 1 bbox2');
  await expect(lab.terminal()).toContainText('1 packets transmitted, 1 packets received, 0% packet loss');
  await shot('boot-live');
});

test("a link's first screen draws no other world while the link's is built", async ({ page, lab }) => {
  const simulator = await holdSimulator(page);
  const link = encodeScenario({ vethlab: 1, setup: ['docker network create n1', 'docker run -d --name linked --network n1 busybox sleep 1000'] });
  await page.goto(`/#s=${link}`);
  await expect(page.getByTestId('boot-status')).toHaveText('Starting the simulator…');
  expect(simulator.requested()).toBe(true);
  // Not the starter world (nor a saved one): it would be the wrong world, and drawing it delays the simulator.
  await expect(page.getByTestId('topology')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  simulator.release();
  await expect(lab.node('c:linked')).toBeVisible();
  await expect(lab.node('c:bbox1')).toHaveCount(0);
});

test('a returning visitor sees the saved world at once, where it was left', async ({ page, lab, shot }) => {
  await lab.open();
  await lab.type('docker run -dit --name bbox4 --network mynet busybox');
  await expect(lab.node('c:bbox4')).toBeVisible();
  const bbox4 = await lab.position('c:bbox4');

  const { release } = await holdSimulator(page);
  // React Flow too, so that the canvas is still the static drawing when the drag below begins.
  const flowView = await holdChunk(page, '**/assets/FlowView-*.js');
  await page.reload();
  await expect(page.getByTestId('boot-status')).toBeVisible();
  await expect(lab.node('c:bbox4')).toBeVisible();
  expect(await lab.position('c:bbox4')).toEqual(bbox4);
  release();
  await lab.xterm();
  await expect(lab.terminal()).toContainText('your session is back: 5 commands replayed');
  expect(await lab.position('c:bbox4')).toEqual(bbox4);

  // A drag begun on the static drawing (a cold load: React Flow not loaded) goes on once React Flow is in,
  // and the node ends where the pointer ended, saved as a move.
  await expect(page.getByTestId('topology')).toHaveAttribute('data-canvas', 'static');
  const before = (await lab.node('c:bbox4').boundingBox())!;
  const from = { x: before.x + before.width / 2, y: before.y + before.height / 2 };
  const zoom = await page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
  // Towards the canvas's middle, away from its edges (where React Flow would pan the view along).
  const canvas = (await page.getByTestId('topology').boundingBox())!;
  const dx = from.x < canvas.x + canvas.width / 2 ? 1 : -1;
  const dy = from.y < canvas.y + canvas.height / 2 ? 1 : -1;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 20 * dx, from.y + 30 * dy, { steps: 4 });
  expect(flowView.requested()).toBe(true);
  flowView.release();
  await lab.liveCanvas();
  await page.mouse.move(from.x + 50 * dx, from.y + 70 * dy, { steps: 5 });
  await page.mouse.up();
  const after = (await lab.node('c:bbox4').boundingBox())!;
  expect(Math.abs(after.x - (before.x + 50 * dx))).toBeLessThan(1.5);
  expect(Math.abs(after.y - (before.y + 70 * dy))).toBeLessThan(1.5);
  const moved = await lab.position('c:bbox4');
  expect(Math.abs(moved.x - (bbox4.x + (50 * dx) / zoom))).toBeLessThan(1.5);
  expect(Math.abs(moved.y - (bbox4.y + (70 * dy) / zoom))).toBeLessThan(1.5);
  await shot('boot-drag-handover');
  await page.reload();
  // xterm's rows: its chunk comes seconds after the prompt on a loaded machine (fixtures.ts).
  await lab.xterm();
  await expect(lab.terminal()).toContainText('your session is back');
  expect(await lab.position('c:bbox4')).toEqual(moved);
});

test('a restored gallery scenario shows its title and next step on the first screen', async ({ page, lab }) => {
  const title = 'Isolation between networks, and the connect fix';
  await lab.open();
  await page.getByRole('button', { name: 'Gallery' }).click();
  await page.getByRole('dialog', { name: 'Gallery' }).getByRole('button', { name: `Open ${title}` }).click();
  await expect(page.locator('.scenario-title')).toHaveText(title);
  await expect(lab.terminal()).toContainText(`opened “${title}”`);

  const { release } = await holdSimulator(page);
  // Every title the header shows from the first frame on: never an i18n key.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { titles: string[] }).titles = seen;
    new MutationObserver(() => {
      const text = document.querySelector('.scenario-title')?.textContent;
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.reload();
  await expect(page.getByTestId('boot-status')).toBeVisible();
  await expect(page.locator('.scenario-title')).toHaveText(title);
  await expect(page.locator('.hint-label')).toHaveText('Next step');
  await expect(page.getByRole('button', { name: /docker exec bbox1 ping -c 1 -W 1 172\.17\.0\.2/ })).toBeDisabled();
  await expect(page.getByRole('tab', { name: 'Guide' })).toHaveAttribute('aria-selected', 'true');
  release();
  await expect(page.getByTestId('boot-status')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Steps of the scenario' })).toBeVisible();
  await expect(page.locator('.scenario-title')).toHaveText(title);
  expect(await page.evaluate(() => (window as unknown as { titles: string[] }).titles)).toEqual([title]);
});
