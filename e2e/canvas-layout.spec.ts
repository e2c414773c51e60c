/**
 * The canvas at any size (issue 12): a container made from the terminal is
 * brought into view; three networks of ten fit a 1280x720 canvas with names
 * readable (zoom 0.5 or more); an upright phone shows the Docker host's whole
 * frame width. Screenshots of the three worlds of the issue at fit view are
 * saved with the run (docs/canvas/ holds copies).
 */
import type { Locator, Page } from '@playwright/test';
import { encodeScenario } from '../src/scenario/link/encode.ts';
import { expect, test } from './fixtures.ts';

/** Setup lines of a world with `networks` user networks of `each` containers. */
function gridWorld(networks: number, each: number): string[] {
  const lines: string[] = [];
  for (let n = 1; n <= networks; n++) {
    lines.push(`docker network create net${n}`);
    for (let c = 1; c <= each; c++) lines.push(`docker run -dit --name n${n}c${c} --network net${n} busybox`);
  }
  return lines;
}

async function openWorld(page: Page, title: string, setup: string[], last: string): Promise<void> {
  await page.goto(`/#s=${encodeScenario({ vethlab: 1, title, setup })}`);
  await expect(page.locator(`.react-flow__node[data-id="${last}"]`)).toBeVisible({ timeout: 20_000 });
  // React Flow's canvas, not the static drawing that stands in until the terminal takes commands.
  await expect(page.getByTestId('topology')).toHaveAttribute('data-canvas', 'live', { timeout: 20_000 });
}

/** React Flow's zoom, from its viewport's transform. */
async function zoomOf(page: Page): Promise<number> {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  const m = /scale\(([\d.]+)\)/.exec(style);
  return m ? Number(m[1]) : NaN;
}

async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const a = (await inner.boundingBox())!;
  const b = (await outer.boundingBox())!;
  return a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
}

test('a container made from the terminal is brought into view, the rest staying where it was', async ({ page, lab, shot }) => {
  await lab.open();
  // Zoomed in on the left of the host, where the new network's column is out of view.
  for (let i = 0; i < 3; i++) await page.locator('.react-flow__controls-zoomin').click();
  const before = await lab.position('c:bbox1');
  const zoom = await zoomOf(page);
  const viewport = await page.locator('.react-flow__viewport').getAttribute('style');
  await lab.type('docker network create n2');
  // Every zoom the viewport shows during the pan, not only where it ends.
  await page.evaluate(() => {
    const scales: number[] = [];
    (window as unknown as { panScales: number[] }).panScales = scales;
    const viewport = document.querySelector('.react-flow__viewport')!;
    new MutationObserver(() => {
      const m = /scale\(([\d.]+)\)/.exec(viewport.getAttribute('style') ?? '');
      if (m) scales.push(Number(m[1]));
    }).observe(viewport, { attributes: true, attributeFilter: ['style'] });
  });
  await lab.type('docker run -dit --name web --network n2 busybox');
  const web = lab.node('c:web');
  await expect(web).toBeVisible();
  // The short pan has ended when the node is inside the canvas.
  await expect.poll(() => inside(web, page.getByTestId('topology'))).toBe(true);
  expect(await lab.position('c:bbox1')).toEqual(before);
  expect(await zoomOf(page)).toBeCloseTo(zoom, 5);
  const scales = await page.evaluate(() => (window as unknown as { panScales: number[] }).panScales);
  expect(scales.length).toBeGreaterThan(0);
  for (const scale of scales) expect(scale).toBeCloseTo(zoom, 5);
  expect(await page.locator('.react-flow__viewport').getAttribute('style')).not.toBe(viewport);
  await shot('canvas-new-container-panned');
  await page.locator('.react-flow__controls-fitview').click();
  await expect.poll(() => inside(page.locator('.react-flow__node[data-id="host"]'), page.getByTestId('topology'))).toBe(true);
  await shot('canvas-starter-plus-network');
});

test.describe('on a 1280x720 canvas', () => {
  // The side panel takes a third of the width and the terminal a third of the height: the canvas is 1280x720.
  test.use({ viewport: { width: 1940, height: 1185 } });

  // One page: the second world's link replaces the first, as a reader's would.
  test('three networks of ten fit at a readable zoom; thirty draw as a diagram', async ({ page, shot }) => {
    test.setTimeout(90_000);
    await openWorld(page, 'Three networks of ten', gridWorld(3, 10), 'c:n3c10');
    const canvas = (await page.getByTestId('topology').boundingBox())!;
    expect(Math.round(canvas.width)).toBeGreaterThanOrEqual(1270);
    expect(Math.round(canvas.height)).toBeGreaterThanOrEqual(710);
    expect(await zoomOf(page)).toBeGreaterThanOrEqual(0.5);
    for (const id of ['host', 'gw', 'c:n1c1', 'c:n3c10']) {
      expect(await inside(page.locator(`.react-flow__node[data-id="${id}"]`), page.getByTestId('topology')), id).toBe(true);
    }
    // Above the compact zoom: full boxes, with their interfaces.
    await expect(page.locator('.compact-name')).toHaveCount(0);
    // Drawn without a transform each (docs/performance.md), a container's top handle is still centred on its top edge
    // (inside the coloured top border), and every edge label's text inside its background box.
    const container = page.locator('.react-flow__node[data-id="c:n1c1"]');
    const node = (await container.boundingBox())!;
    const handle = (await container.locator('.react-flow__handle-top').boundingBox())!;
    const border = Number.parseFloat(await container.evaluate((el) => getComputedStyle(el).borderTopWidth)) * (await zoomOf(page));
    expect(Math.abs(handle.x + handle.width / 2 - (node.x + node.width / 2))).toBeLessThan(1);
    expect(Math.abs(handle.y + handle.height / 2 - (node.y + border))).toBeLessThan(1);
    const labels = await page.locator('.react-flow__edge-textwrapper').evaluateAll((wrappers) =>
      wrappers.map((w) => {
        const text = w.querySelector('text')!.getBoundingClientRect();
        const bg = w.querySelector('rect')!.getBoundingClientRect();
        return { label: w.textContent, text: [text.x, text.y, text.right, text.bottom], bg: [bg.x, bg.y, bg.right, bg.bottom] };
      }),
    );
    expect(labels.length).toBeGreaterThanOrEqual(30);
    for (const { label, text, bg } of labels) {
      expect(text[0]! >= bg[0]! - 0.5 && text[1]! >= bg[1]! - 0.5 && text[2]! <= bg[2]! + 0.5 && text[3]! <= bg[3]! + 0.5, `${label}: ${text} in ${bg}`).toBe(true);
    }
    await shot('canvas-3x10');

    // Thirty networks of ten, opened by a link over it, draw as a diagram.
    await openWorld(page, 'Thirty networks of ten', gridWorld(30, 10), 'c:n30c10');
    await expect(page.locator('.react-flow__node[data-id="host"]')).toBeVisible();
    // Semantic zoom: at fit view, containers and bridges are compact chips of name, state and address.
    expect(await zoomOf(page)).toBeLessThan(0.45);
    await expect(page.locator('.react-flow__node[data-id="c:n1c1"] .compact-name')).toHaveText('n1c1');
    await expect(page.locator('.react-flow__node[data-id="c:n1c1"] .compact-line')).toContainText('running 172.18.0.2');
    await shot('canvas-30x10');
    // Zoomed in, the details come back.
    while ((await zoomOf(page)) < 0.5) await page.locator('.react-flow__controls-zoomin').click();
    await expect(page.locator('.react-flow__node[data-id="c:n1c1"] .compact-name')).toHaveCount(0);
    await expect(page.locator('.react-flow__node[data-id="c:n1c1"] .iface-name')).toHaveText(/^eth0@if\d+$/);
  });
});

test.describe('on an upright 390-px phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the canvas shows the Docker host's whole frame width, starter and three networks of ten", async ({ page, lab, shot }) => {
    await lab.open();
    const frame = page.locator('.react-flow__node[data-id="host"]');
    const widthShown = async () => {
      const box = (await frame.boundingBox())!;
      return box.x >= -0.5 && box.x + box.width <= 390.5;
    };
    await expect.poll(widthShown).toBe(true);
    expect(await zoomOf(page)).toBeGreaterThanOrEqual(0.55);
    await shot('canvas-phone-starter');
    await openWorld(page, 'Three networks of ten', gridWorld(3, 10), 'c:n3c10');
    await expect.poll(widthShown).toBe(true);
    expect(await zoomOf(page)).toBeGreaterThanOrEqual(0.55);
    await shot('canvas-phone-3x10');
  });
});

// One page: the theme changes under it, as a reader's system setting would; then a packet's path goes in.
test("the canvas exports as PNG and SVG pictures, in the current theme, with the last packet's path if asked", async ({ page, lab }) => {
  test.slow(); // four pictures drawn; the machine may be shared
  const backgrounds: string[] = [];
  await lab.open();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    const background = await page.locator('.react-flow').evaluate((el) => getComputedStyle(el).getPropertyValue('--xy-background-color').trim());
    const png = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export the canvas as a PNG picture' }).click();
    const pngFile = await png;
    expect(pngFile.suggestedFilename()).toBe('vethlab-topology.png');
    const pngBytes = await readAll(await pngFile.createReadStream());
    expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngBytes.length).toBeGreaterThan(10_000);
    const svg = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export the canvas as an SVG picture' }).click();
    const svgFile = await svg;
    expect(svgFile.suggestedFilename()).toBe('vethlab-topology.svg');
    const text = (await readAll(await svgFile.createReadStream())).toString('utf8');
    // The whole diagram, drawn on the theme's background.
    for (const name of ['bbox1', 'bbox2', 'bbox3', 'dockerhost']) expect(text.includes(name), `${scheme}: ${name}`).toBe(true);
    expect(text.startsWith('<svg'), 'an SVG document').toBe(true);
    // The picture's background is the theme's canvas colour (computed, as html-to-image inlines it).
    const rgb = await page.evaluate((c) => {
      const probe = document.createElement('div');
      probe.style.color = c;
      document.body.append(probe);
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    }, background);
    backgrounds.push(rgb);
    expect(text.includes(`border-box ${rgb};`), `${scheme} background ${rgb}`).toBe(true);
  }
  expect(backgrounds[0]).not.toBe(backgrounds[1]);

  // The last packet's path, if asked: its edges and numbered hop markers.
  await lab.type('docker exec bbox1 ping -c 1 bbox2');
  await expect(lab.outcome()).toBeVisible();
  const exportSvg = async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export the canvas as an SVG picture' }).click();
    return (await readAll(await (await download).createReadStream())).toString('utf8');
  };
  const plain = await exportSvg();
  expect(plain.includes('path-marker')).toBe(false);
  const option = page.getByRole('button', { name: 'Include the last packet’s path in exported pictures' });
  await option.click();
  await expect(option).toHaveAttribute('aria-pressed', 'true');
  const withPath = await exportSvg();
  expect(withPath.match(/class="path-marker leg-request"/g)?.length ?? 0).toBeGreaterThan(2);
  expect(withPath).toContain('class="path-marker leg-reply"');
  expect(withPath).toMatch(/react-flow__edge[^"]*is-path/);
  // The canvas itself is back as it was: no markers.
  await expect(page.locator('.path-marker')).toHaveCount(0);
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
