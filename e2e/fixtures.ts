/**
 * Fixtures of the e2e suite: every test fails on console errors, page errors,
 * failed requests or HTTP errors; `lab` is a page object for the app (terminal,
 * canvas, trace and rules panels) and `shot` saves a screenshot in the test
 * output directory.
 */
import path from 'node:path';
import { expect, type Locator, type Page, type Request, test as base, type TestInfo } from '@playwright/test';

export class Lab {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.node('c:bbox1')).toBeVisible();
    await this.xterm();
    await expect(this.terminal()).toContainText('root@dockerhost:~#');
    await this.liveCanvas();
  }

  /**
   * Waits for xterm.js to draw the host's shell: until its chunk has loaded (once the page is idle
   * after the terminal takes commands, or at the first command) the light terminal draws it, and
   * then both are on the page for a frame. `terminal()` is xterm's rows.
   */
  async xterm(): Promise<void> {
    await xtermReady(this.page);
  }

  /**
   * Waits for React Flow's canvas: until its chunk has loaded (once the terminal takes commands, or
   * the canvas is touched) a static drawing of the same nodes stands in, which cannot be dragged,
   * menu-clicked or zoomed.
   */
  async liveCanvas(): Promise<void> {
    await expect(this.page.getByTestId('topology')).toHaveAttribute('data-canvas', 'live');
  }

  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  terminal(name = 'host'): Locator {
    return this.page.getByTestId(`terminal-${name}`).locator('.xterm-rows');
  }

  /**
   * Enters a line: its text as one input event (xterm hands it on as one chunk, as it does
   * an IME's), then Enter. A key per character cost the suite minutes under load; the tests
   * of typing itself (completion, history, line editing) press their keys one by one.
   */
  async type(line: string, name = 'host'): Promise<void> {
    await this.page.getByTestId(`terminal-${name}`).click();
    // xterm drops inserted text while it believes a key is down (its IME guard), and a
    // terminal that lost focus between a key's down and up (Enter on `docker exec -it`
    // opens another tab) never saw the up: a modifier's release tells it.
    await this.page.keyboard.up('Shift');
    await this.page.keyboard.insertText(line);
    await this.page.keyboard.press('Enter');
  }

  outcome(): Locator {
    return this.page.getByTestId('trace-outcome');
  }

  async showPanel(name: 'Trace' | 'Rules'): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }

  /** The node's position in flow coordinates, from React Flow's transform. */
  async position(id: string): Promise<{ x: number; y: number }> {
    const style = (await this.node(id).getAttribute('style')) ?? '';
    const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(style);
    if (!m) throw new Error(`no transform on ${id}: ${style}`);
    return { x: Number(m[1]), y: Number(m[2]) };
  }
}

/**
 * xterm.js draws the host's shell (`data-view="xterm"` on its panel). Its chunk is fetched once the
 * light terminal shows the prompt, after the simulator: on a loaded machine that takes seconds more
 * than the prompt, hence the longer wait. Checks of `.xterm-rows` right after a page load wait for this.
 */
export async function xtermReady(page: Page): Promise<void> {
  await expect(page.getByTestId('terminal-host')).toHaveAttribute('data-view', 'xterm', { timeout: 30_000 });
}

export const test = base.extend<{ lab: Lab; shot: (name: string) => Promise<void>; problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      // A reload or goto cuts off what the page was still loading (lazy chunks fetched on idle,
      // late under load): not the app's failure. Any other failed request is.
      let navigations = 0;
      const startedAt = new WeakMap<Request, number>();
      page.on('request', (req) => {
        if (req.isNavigationRequest() && req.frame() === page.mainFrame()) navigations++;
        else startedAt.set(req, navigations);
      });
      page.on('requestfailed', (req) => {
        const error = req.failure()?.errorText ?? '?';
        if (error === 'net::ERR_ABORTED' && startedAt.has(req) && startedAt.get(req) !== navigations) return;
        problems.push(`request failed: ${req.url()} (${error})`);
      });
      page.on('response', (res) => {
        if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
      });
      await use(problems);
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
  lab: async ({ page }, use) => {
    await use(new Lab(page));
  },
  shot: async ({ page }, use, testInfo: TestInfo) => {
    await use(async (name: string) => {
      await page.screenshot({ path: path.join(testInfo.project.outputDir, `${name}.png`) });
    });
  },
});

export { expect };
