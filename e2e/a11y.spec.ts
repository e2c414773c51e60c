/**
 * Accessibility, checked by axe-core (@axe-core/playwright) on the built app:
 * the first screen, the gallery, a trace and the phone layout, in the light
 * and the dark theme, have no violation (WCAG 2.1 A and AA rules, colour
 * contrast among them, the terminal's text included).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`));
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    // One page goes through the four screens (a boot each would cost more than the checks).
    test('the first screen, the gallery, a trace and the phone layout', async ({ page, lab }) => {
      test.slow();
      await lab.open();
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      expect(await violations(page), 'the first screen').toEqual([]);

      await page.getByRole('button', { name: 'Gallery' }).click();
      const gallery = page.getByRole('dialog', { name: 'Gallery' });
      await expect(gallery).toBeVisible();
      expect(await violations(page), 'the gallery').toEqual([]);
      await page.keyboard.press('Escape');
      await expect(gallery).toBeHidden();

      await lab.type('docker exec bbox1 ping -c 1 -W 1 172.17.0.2');
      await expect(lab.outcome()).toBeVisible();
      expect(await violations(page), 'a trace').toEqual([]);

      // The phone layout: the canvas pane (the trace's packet on it), then the terminal pane.
      await page.setViewportSize({ width: 390, height: 844 });
      const bar = page.getByRole('navigation', { name: 'Show' });
      await bar.getByRole('button', { name: 'Canvas' }).click();
      await expect(lab.node('c:bbox1')).toBeInViewport();
      expect(await violations(page), 'the phone’s canvas').toEqual([]);
      await bar.getByRole('button', { name: 'Terminal' }).click();
      await expect(lab.terminal()).toContainText('root@dockerhost:~#');
      expect(await violations(page), 'the phone’s terminal').toEqual([]);
    });
  });
}
