/**
 * `npm run bench:ui`: the built app in Debian's Chromium (as playwright.config.ts
 * finds it), served as a static host serves it (bench-ui/static-host.ts: compressed ahead) on
 * port 4182 (or BENCH_UI_PORT), measured as a visitor meets it:
 *
 * - time to the first drawn topology (the link's first container on the canvas)
 *   and to the terminal accepting a command (its prompt, the simulator running),
 *   for a gallery link and for a 300-container link (src/scenario/link): the median
 *   of five cold loads (BENCH_UI_COLD_LOADS), with the fastest and the slowest, as one
 *   cold load on this shared 2-core machine varies by a third from run to run;
 * - bytes transferred before each, gzip-compressed (each response's body as the
 *   network events deliver it, gzip level 6 as a static host serves it), with each
 *   chunk's share: before the topology, those that had arrived; before the terminal, those
 *   requested before the app marked it ready (`vethlab:terminal-ready`, TerminalPane.tsx).
 *   Counting arrivals instead counted xterm.js, which the terminal asks for once it is
 *   ready, whenever a fast host delivered it within the task that drew the prompt;
 * - frame times (median, p95) while dragging a node and while a packet animates,
 *   at 30 and 300 containers (requestAnimationFrame deltas);
 * - the 300-container world with its networks collapsed: frames while a group is
 *   dragged, and its first topology on reload (the saved session).
 *
 * Budgets of issue 13 with PASS/OVER; a table, then one JSON object. Needs a
 * build (`npm run bench:ui` builds first). Never part of `npm test`.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import config from '../playwright.config.ts';
import { galleryFragment, GALLERY, scenarioFragment } from '../src/scenario/index.ts';
import { formatTable, toJson, type Figure } from './bench/report.ts';
import { summarize, type Summary } from './bench/stats.ts';
import { containerName, networkOf, worldScript, WORLD_SIZES, type WorldSize } from './bench/worlds.ts';
import { FRAME_RECORDER, milestoneScript, milestoneScriptFor, type Milestones } from './bench-ui/page-probes.ts';
import { serveStatic } from './bench-ui/static-host.ts';

/** Cold loads per link; each figure is their median. */
const COLD_LOADS = Math.max(1, Number(process.env.BENCH_UI_COLD_LOADS ?? 5));

/** BENCH_UI_PORT overrides the server's port (others on the machine may be using 4182). */
const PORT = Number(process.env.BENCH_UI_PORT ?? 4182);
const BASE = `http://127.0.0.1:${PORT}/`;
const GALLERY_ID = 'isolation-connect';
const THIRTY: WorldSize = { name: 'thirty', networks: 3, containers: 30, published: 10, userRules: 0 };
const LARGE = WORLD_SIZES[2]!;

function progress(what: string): void {
  process.stderr.write(`bench:ui: ${what}\n`);
}

/** dist/ on PORT, as a static host serves it (bench-ui/static-host.ts). */
async function startHost(): Promise<Server> {
  if (!existsSync('dist/index.html')) throw new Error('bench:ui: no dist/ (run `npm run build` first; `npm run bench:ui` does)');
  return serveStatic('dist', PORT).catch((e: unknown) => {
    throw new Error(`bench:ui: cannot serve dist/ on port ${PORT} (${e instanceof Error ? e.message : String(e)}; BENCH_UI_PORT picks another)`);
  });
}

async function launch(): Promise<Browser> {
  const launchOptions = config.projects?.[0]?.use?.launchOptions ?? {};
  return chromium.launch(launchOptions);
}

interface Transfer {
  url: string;
  /** Milliseconds after navigation start when the request was sent for. */
  start: number;
  /** Milliseconds after navigation start when the response had fully arrived. */
  end: number;
  gzip: number;
}

interface Load {
  marks: Required<Milestones>;
  /** When the app marked its host terminal ready (ms after navigation start). */
  terminalReady: number;
  transfers: Transfer[];
}

/** The app's User Timing mark for the host terminal taking commands (TerminalPane.tsx). */
const TERMINAL_READY_MARK = 'vethlab:terminal-ready';

/** Opens BASE#fragment in a fresh context (cold cache) and waits for both milestones. */
async function coldLoad(browser: Browser, fragment: string, nodeId: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(milestoneScript(nodeId));
  const pending: Promise<Transfer | undefined>[] = [];
  page.on('requestfinished', (request) => {
    pending.push(
      (async () => {
        // A request that finishes as the context closes (a chunk prefetched once the terminal is up) has no body to read any more.
        try {
          const response = await request.response();
          if (!response) return undefined;
          const body = await response.body();
          const timing = request.timing();
          return { url: request.url(), start: timing.startTime, end: timing.startTime + timing.responseEnd, gzip: gzipSync(body, { level: 6 }).length };
        } catch {
          return undefined;
        }
      })(),
    );
  });
  await page.goto(`${BASE}#${fragment}`);
  await page.waitForFunction(() => {
    const m = (window as unknown as { __benchMarks?: Milestones }).__benchMarks;
    return m?.topology !== undefined && m.terminal !== undefined && m.edges !== undefined;
  }, undefined, { timeout: 120_000 });
  const { marks, origin } = await page.evaluate(() => ({ marks: (window as unknown as { __benchMarks: Required<Milestones> }).__benchMarks, origin: performance.timeOrigin }));
  const terminalReady = await page.evaluate((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime, TERMINAL_READY_MARK);
  if (terminalReady === undefined) throw new Error(`bench:ui: the app set no ${TERMINAL_READY_MARK} mark`);
  // The terminal does take a command: one line, answered.
  await page.getByTestId('terminal-host').click();
  await page.keyboard.type('echo bench-ready');
  await page.keyboard.press('Enter');
  // In whichever terminal draws it then: the light one, or xterm after it took over.
  await page.getByTestId('terminal-host').getByText('bench-ready', { exact: true }).first().waitFor({ timeout: 30_000 });
  const transfers = (await Promise.all(pending)).filter((t): t is Transfer => t !== undefined).map((t) => ({ ...t, start: t.start - origin, end: t.end - origin }));
  await context.close();
  return { marks, terminalReady, transfers };
}

/** The median of cold loads (the middle one: an odd count is asked for), and a note with the fastest and the slowest. */
function spread(values: readonly number[]): { median: number; note: string } {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const note = sorted.length === 1 ? '1 cold load' : `median of ${sorted.length} cold loads, ${Math.round(sorted[0]!)}-${Math.round(sorted[sorted.length - 1]!)} ms`;
  return { median, note };
}

/** A link's world whose first container names the node to wait for. */
function firstContainer(lines: readonly string[]): string {
  for (const line of lines) {
    const m = /--name[ =]([A-Za-z0-9_.-]+)/.exec(line);
    if (m) return m[1]!;
  }
  throw new Error('bench:ui: the scenario starts no named container');
}

function chunkName(url: string): string {
  const path = new URL(url).pathname;
  return path.endsWith('/') ? 'index.html' : path.slice(path.lastIndexOf('/') + 1).replace(/-[A-Za-z0-9_-]{8}\.(js|css)$/, '.$1');
}

/** Bytes (gzip) of the responses that had arrived by `at` (or with `requested`, that had been asked for by then), with each chunk's share. */
function bytesBefore(transfers: readonly Transfer[], at: number, requested = false): { total: number; chunks: { name: string; gzip: number }[] } {
  const before = transfers.filter((t) => (requested ? t.start < at : t.end <= at) && !t.url.startsWith('data:'));
  const chunks = before.map((t) => ({ name: chunkName(t.url), gzip: t.gzip })).sort((a, b) => b.gzip - a.gzip);
  return { total: chunks.reduce((n, c) => n + c.gzip, 0), chunks };
}

/** Frame times while something moves: median, p95, and how many frames missed their display refresh. */
interface FrameSummary extends Summary {
  late: number;
}

/** One refresh of the 60 Hz display headless Chromium paints at; a frame half again as long missed one. */
const REFRESH_MS = 1000 / 60;
const FRAME_BUDGET = { max: 16.7, text: '<= 16.7 ms' };

/** Records frame times while `act` runs, then returns them. */
async function frames(page: Page, act: () => Promise<void>): Promise<FrameSummary> {
  await page.evaluate(FRAME_RECORDER);
  await act();
  const deltas = (await page.evaluate(() => (window as unknown as { __benchFrames: () => number[] }).__benchFrames())).slice(2);
  return { ...summarize(deltas), late: deltas.filter((d) => d > REFRESH_MS * 1.5).length };
}

/** Opens a world's link and measures frames while a node is dragged and while a ping's packet animates. */
async function frameFigures(browser: Browser, size: WorldSize): Promise<{ drag: FrameSummary; packet: FrameSummary }> {
  const lines = worldScript(size);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(milestoneScript(`c:${containerName(0)}`));
  await page.goto(`${BASE}#${scenarioFragment({ vethlab: 1, setup: lines })}`);
  await page.waitForFunction(() => {
    const m = (window as unknown as { __benchMarks?: Milestones }).__benchMarks;
    return m?.topology !== undefined && m.terminal !== undefined;
  }, undefined, { timeout: 180_000 });
  await liveCanvas(page);
  const drag = await dragFrames(page, `.react-flow__node[data-id="c:${containerName(0)}"]`);
  // A ping between two containers of one network; its packet then travels the canvas.
  const peer = Array.from({ length: size.containers }, (_, i) => i).find((i) => i > 0 && networkOf(i, size) === networkOf(0, size))!;
  const packet = await frames(page, async () => {
    await page.getByTestId('terminal-host').click();
    await page.keyboard.type(`docker exec ${containerName(0)} ping -c 1 ${containerName(peer)}`);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(2500);
  });
  await context.close();
  return { drag, packet };
}

/** Waits for React Flow's canvas (a static drawing of the same nodes stands in until the terminal takes commands). */
async function liveCanvas(page: Page): Promise<void> {
  await page.locator('[data-testid="topology"][data-canvas="live"]').waitFor({ timeout: 60_000 });
}

/** Drags a node's box by 60 small mouse moves, recording frames. */
async function dragFrames(page: Page, selector: string): Promise<FrameSummary> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`bench:ui: no ${selector} on screen to drag`);
  return frames(page, async () => {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 60; i++) {
      await page.mouse.move(box.x + box.width / 2 + i * 3, box.y + box.height / 2 + i * 2);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
  });
}

const GROUP_NODE = '.react-flow__node-group';

/**
 * The 300-container world with every network collapsed into its group node (the
 * collapse buttons, as a user presses them): frames while a group is dragged, then
 * the first topology after a reload, when the saved session has them collapsed.
 */
async function collapsedFigures(browser: Browser, size: WorldSize): Promise<{ drag: FrameSummary; reloadTopology: number }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(milestoneScriptFor(GROUP_NODE));
  await page.goto(`${BASE}#${scenarioFragment({ vethlab: 1, setup: worldScript(size) })}`);
  await page.locator(`.react-flow__node[data-id="c:${containerName(0)}"]`).waitFor({ timeout: 180_000 });
  await liveCanvas(page);
  const expanded = page.locator('.react-flow__node-bridge .collapse-toggle[aria-expanded="true"]');
  // A click event on each button (at fit zoom they are a few pixels wide; the pointer's aim is not what is measured).
  while ((await expanded.count()) > 0) await expanded.first().dispatchEvent('click');
  await page.locator(GROUP_NODE).nth(size.networks - 1).waitFor();
  await page.waitForTimeout(500);
  const drag = await dragFrames(page, GROUP_NODE);
  // The session is saved as the world changes; a reload draws it from there.
  await page.waitForTimeout(1000);
  await page.reload();
  await page.waitForFunction(() => {
    const m = (window as unknown as { __benchMarks?: Milestones }).__benchMarks;
    return m?.topology !== undefined && m.terminal !== undefined;
  }, undefined, { timeout: 180_000 });
  const reloadTopology = await page.evaluate(() => (window as unknown as { __benchMarks: Required<Milestones> }).__benchMarks.topology);
  await context.close();
  return { drag, reloadTopology };
}

const framesNote = (f: FrameSummary): string => `${f.samples} frames, ${f.late} late`;

async function main(): Promise<number> {
  const browser = await launch();
  const server = await startHost().catch(async (e: unknown) => {
    await browser.close();
    throw e;
  });
  const figures: Figure[] = [];
  const chunkShares: Record<string, unknown> = {};
  try {
    const gallery = GALLERY.find((s) => s.id === GALLERY_ID)!;
    const links = [
      { name: 'gallery', fragment: galleryFragment(GALLERY_ID), node: `c:${firstContainer(gallery.doc.setup)}`, note: `#g=${GALLERY_ID}` },
      { name: 'link-300', fragment: scenarioFragment({ vethlab: 1, setup: worldScript(LARGE) }), node: `c:${containerName(0)}`, note: '300 containers, 30 networks' },
    ];
    for (const link of links) {
      const loads: Load[] = [];
      for (let i = 0; i < COLD_LOADS; i++) {
        progress(`cold load ${i + 1}/${COLD_LOADS} of the ${link.name} link`);
        loads.push(await coldLoad(browser, link.fragment, link.node));
      }
      const mark = (which: keyof Milestones) => spread(loads.map((l) => l.marks[which]));
      const topology = mark('topology');
      const terminal = mark('terminal');
      // The bytes of the load whose terminal was ready at the median time (what arrived by then depends on it).
      const load = loads.find((l) => l.marks.terminal === terminal.median)!;
      const topo = bytesBefore(load.transfers, load.marks.topology);
      const term = bytesBefore(load.transfers, load.terminalReady, true);
      figures.push(
        { key: `${link.name}.first-topology`, value: topology.median, unit: 'ms', budget: { max: 1500, text: '<= 1.5 s' }, note: `${link.note}; ${topology.note}` },
        { key: `${link.name}.first-edges`, value: mark('edges').median, unit: 'ms', note: 'an edge to that container drawn' },
        { key: `${link.name}.terminal-ready`, value: terminal.median, unit: 'ms', budget: { max: 2500, text: '<= 2.5 s' }, note: terminal.note },
        { key: `${link.name}.gzip-before-topology`, value: topo.total / 1000, unit: 'KB' },
        { key: `${link.name}.gzip-before-terminal`, value: term.total / 1000, unit: 'KB', budget: { max: 330, text: '<= 330 KB' } },
      );
      chunkShares[link.name] = { beforeTopology: topo.chunks, beforeTerminal: term.chunks };
      if (link.name === 'gallery') {
        process.stdout.write('gzip bytes before the terminal accepts a command (gallery link), by chunk:\n');
        for (const c of term.chunks) process.stdout.write(`  ${c.name.padEnd(40)} ${(c.gzip / 1000).toFixed(1).padStart(7)} KB  ${((c.gzip / term.total) * 100).toFixed(1).padStart(5)}%\n`);
        process.stdout.write('\n');
      }
    }
    for (const size of [THIRTY, LARGE]) {
      progress(`frames at ${size.containers} containers`);
      const f = await frameFigures(browser, size);
      const n = size.containers;
      figures.push(
        { key: `frames-${n}.drag.median`, value: f.drag.median, unit: 'ms', note: framesNote(f.drag) },
        { key: `frames-${n}.drag.p95`, value: f.drag.p95, unit: 'ms', budget: FRAME_BUDGET },
        { key: `frames-${n}.packet.median`, value: f.packet.median, unit: 'ms', note: framesNote(f.packet) },
        { key: `frames-${n}.packet.p95`, value: f.packet.p95, unit: 'ms', budget: FRAME_BUDGET },
      );
    }
    progress(`collapsed networks at ${LARGE.containers} containers`);
    const collapsed = await collapsedFigures(browser, LARGE);
    figures.push(
      { key: `collapsed-${LARGE.containers}.drag.median`, value: collapsed.drag.median, unit: 'ms', note: `${framesNote(collapsed.drag)}, a group dragged` },
      { key: `collapsed-${LARGE.containers}.drag.p95`, value: collapsed.drag.p95, unit: 'ms', budget: FRAME_BUDGET },
      { key: `collapsed-${LARGE.containers}.reload-topology`, value: collapsed.reloadTopology, unit: 'ms', budget: { max: 1500, text: '<= 1.5 s' }, note: 'reload, saved session' },
    );
  } finally {
    await browser.close();
    server.close();
  }
  // Wall-clock figures: a loaded machine inflates them, so the load is printed beside them.
  const load = loadavg()[0]!;
  process.stdout.write(`load ${load.toFixed(1)} on ${cpus().length} CPUs\n\n`);
  process.stdout.write(formatTable(figures));
  process.stdout.write(`\n${JSON.stringify(toJson(figures, { port: PORT, load, cpus: cpus().length, chunks: chunkShares, date: new Date().toISOString() }))}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
