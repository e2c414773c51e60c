/**
 * Every gallery scenario, done by clicking only, as a learner would: the Gallery
 * button, the scenario's Open button, then each step's Run button in order.
 * Each step must show what the simulator's core says that line does (the core
 * itself is held to the real engine by the golden transcripts): its last output
 * line in the terminal, and for a line that sends packets, the step's result
 * (replied, dropped by which rule...) and the packet on the canvas walking its
 * path to the last hop. Desktop walks all ten (on three pages); the phone walks the three whose
 * packets get dropped, switching panes with the bar at the bottom.
 */
import type { Page } from '@playwright/test';
import { GALLERY, type GalleryScenario } from '../src/scenario/gallery/index.ts';
import { replay, runLine } from '../src/scenario/scenario.ts';
import { galleryEn } from '../src/app/i18n/gallery.en.ts';
import { loadAllParts } from '../src/sim/shell/lazy/parts.ts';
import { expect, type Lab, test } from './fixtures.ts';

/** What a step's line does in the core, run after the setup and the steps before it. */
interface Expected {
  command: string;
  lastLine: string | undefined;
  /** How many lines it prints. */
  lines: number;
  packet?: { outcome: string; hops: number; rule?: string };
}

// The core computes each step's expectation here with every program it may run (the app
// loads them as lines name them): curl, nc, nslookup and the other lazy parts included. Each
// test loads them while its page boots: a beforeAll did it alone, within a hook's 30 s, which
// a loaded machine's first import of them once overran (both walks failed before starting).

function expectedSteps(scenario: GalleryScenario): Expected[] {
  const { sim } = replay(scenario.commands);
  return scenario.steps.map(({ command }) => {
    const out = runLine(sim, command);
    const lines = `${out.stderrFirst ? '' : out.stdout}${out.stderr}${out.stderrFirst ? out.stdout : ''}`
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter((l) => l !== '');
    const trace = out.traces?.at(-1);
    const o = trace?.outcome;
    return {
      command,
      lastLine: lines.at(-1),
      lines: lines.length,
      ...(trace && o
        ? { packet: { outcome: o.kind, hops: trace.hops.length, ...(o.kind === 'dropped' || o.kind === 'rejected' ? { rule: o.by.text } : {}) } }
        : {}),
    };
  });
}

function title(scenario: GalleryScenario): string {
  return (galleryEn.scenarios as Record<string, { title: string }>)[scenario.id]!.title;
}

/** The terminal's text with runs of blanks as one space (xterm pads rows). */
async function terminalText(lab: Lab): Promise<string> {
  return ((await lab.terminal().textContent()) ?? '').replace(/\s+/g, ' ');
}

async function openFromGallery(page: Page, scenario: GalleryScenario): Promise<void> {
  await page.getByRole('button', { name: 'Gallery', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Gallery' });
  await dialog.getByRole('button', { name: `Open ${title(scenario)}` }).click();
  await expect(dialog).toBeHidden();
}

interface Panes {
  /** Before a step: where its Run button is. */
  toGuide(): Promise<void>;
  /** After a step: where its output shows. */
  toTerminal(): Promise<void>;
  /** Where the packet walks. */
  toCanvas(): Promise<void>;
}

const DESKTOP: Panes = { toGuide: async () => {}, toTerminal: async () => {}, toCanvas: async () => {} };

function phonePanes(page: Page): Panes {
  // "Panels" may carry a dot that says a new trace is there.
  const pane = (name: string) => page.getByRole('navigation', { name: 'Show' }).getByRole('button', { name: new RegExp(`^${name}`) });
  return {
    toGuide: () => pane('Panels').click(),
    toTerminal: () => pane('Terminal').click(),
    toCanvas: () => pane('Canvas').click(),
  };
}

async function walk(page: Page, lab: Lab, scenario: GalleryScenario, panes: Panes, shot: (name: string) => Promise<void>): Promise<void> {
  await openFromGallery(page, scenario);
  await expect(page.locator('.scenario-title')).toHaveText(title(scenario));
  const steps = expectedSteps(scenario);
  // Watched to its end: every dropped packet, and the shortest path of the rest.
  const shortest = steps.reduce<Expected | undefined>(
    (best, s) => (s.packet && !s.packet.rule && (!best || s.packet.hops < best.packet!.hops) ? s : best),
    undefined,
  );
  for (const [i, want] of steps.entries()) {
    const n = i + 1;
    await panes.toGuide();
    const item = page.getByRole('region', { name: 'Steps of the scenario' }).locator(`li[data-step="${n}"]`);
    await item.getByRole('button', { name: `Run step ${n}: ${want.command}` }).click();
    await expect(item).toHaveClass(/is-done/);
    // One result shows, this step's (another step with the same line keeps none).
    await expect(page.getByTestId('step-result')).toHaveCount(want.packet ? 1 : 0);
    if (want.packet) {
      const result = item.getByTestId('step-result');
      await expect(result).toHaveAttribute('data-outcome', want.packet.outcome);
      await expect(result).toBeInViewport();
      if (want.packet.rule) await expect(result).toContainText(want.packet.rule);
    }
    await panes.toTerminal();
    // The line itself, unless its output has scrolled it out of sight.
    if (want.lines <= 4) await expect(lab.terminal()).toContainText(want.command);
    if (want.lastLine) await expect.poll(() => terminalText(lab), { message: `step ${n}: ${want.command}` }).toContain(want.lastLine);
    if (want.packet) {
      await panes.toCanvas();
      const packet = page.getByTestId('packet');
      await expect(packet).toHaveAttribute('data-command', want.command);
      await expect(packet).toHaveAttribute('data-hops', String(want.packet.hops));
      if (want.packet.rule || want === shortest) {
        // The packet walks its path to the last hop (at 8x, seconds); a drop ends where its rule is.
        await expect(packet).toHaveAttribute('data-hop', String(want.packet.hops), { timeout: 45_000 });
        if (want.packet.rule) await expect(packet).toContainText(want.packet.rule);
      } else {
        // The others set off on their way (watching each to the end would take minutes).
        await expect.poll(async () => Number(await packet.getAttribute('data-hop'))).toBeGreaterThan(1);
      }
    }
  }
  await panes.toGuide();
  await expect(page.locator('.guide-all-done')).toBeVisible();
  await shot(`walk-${scenario.id}`);
}

/**
 * The first screen's hint (a ping), then the fastest animation from the player
 * it shows, so the walk takes seconds per packet, not tens.
 */
async function fastest(page: Page, lab: Lab, panes: Panes): Promise<void> {
  await page.getByRole('button', { name: 'docker exec bbox1 ping -c 1 bbox2' }).click();
  await panes.toGuide();
  await lab.showPanel('Trace');
  await expect(lab.outcome()).toHaveAttribute('data-outcome', 'replied');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
}

// A page walks several, one after another from the gallery, as a learner would: a boot per
// scenario would cost the suite more than the walks themselves. Three pages share the ten
// (the first scenarios take longest), so no one of them holds the suite's end alone.
const PAGES = [
  [0, 3],
  [3, 6],
  [6, GALLERY.length],
] as const;
for (const [from, to] of PAGES) {
  test(`walk the gallery scenarios ${from + 1} to ${to} by clicking`, async ({ page, lab, shot }) => {
    test.setTimeout((to - from) * 60_000);
    await Promise.all([lab.open(), loadAllParts()]);
    await fastest(page, lab, DESKTOP);
    for (const scenario of GALLERY.slice(from, to)) {
      await test.step(`walk “${title(scenario)}”`, () => walk(page, lab, scenario, DESKTOP, shot));
    }
  });
}

test.describe('on a 390-px phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const dropping = ['isolation-connect', 'icc-off', 'docker-user'].map((id) => GALLERY.find((s) => s.id === id)!);
  test('walk the scenarios whose packets get dropped by tapping', async ({ page, lab, shot }) => {
    test.setTimeout(dropping.length * 60_000);
    const panes = phonePanes(page);
    await Promise.all([page.goto('/'), loadAllParts()]);
    await expect(page.getByRole('navigation', { name: 'Show' })).toBeVisible();
    await fastest(page, lab, panes);
    for (const scenario of dropping) {
      await test.step(`walk “${title(scenario)}”`, () => walk(page, lab, scenario, panes, async (name) => shot(`phone-${name}`)));
    }
  });
});
