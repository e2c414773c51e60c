/**
 * Collapsed networks (issue 12): the bridge's button folds its containers into
 * one node with their count and states; a packet through them shows on that
 * node; the collapse survives a reload; the keyboard expands it again.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const COLLAPSE = 'Collapse the containers of network mynet into one node';
const EXPAND = 'Expand the containers of network mynet again';

const group = (page: Page) => page.locator('.react-flow__node-group');

test('a collapsed network is one node, a packet through its containers shows on it, a reload keeps it, Enter expands it', async ({ page, lab, shot }) => {
  await lab.open();
  await page.getByRole('button', { name: COLLAPSE }).click();
  await expect(group(page)).toHaveText(/mynet · 2 containers\s*2 running/);
  await expect(lab.node('c:bbox1')).toHaveCount(0);
  await expect(lab.node('c:bbox3')).toBeVisible();
  await shot('canvas-collapsed');

  await lab.type('docker exec bbox1 ping -c 1 bbox2');
  await expect(lab.outcome()).toBeVisible();
  // The first hop leaves bbox1: the packet and the highlight are on the group. (Dispatched: the list moves while it plays.)
  await page.locator('.hops li[data-hop="0"]').dispatchEvent('click');
  await expect(group(page)).toHaveClass(/is-current/);
  await expect(page.getByTestId('packet')).toHaveAttribute('data-hop', '1');
  await expect
    .poll(async () => {
      const p = (await page.locator('.packet-dot').boundingBox())!;
      const g = (await group(page).boundingBox())!;
      const x = p.x + p.width / 2;
      const y = p.y + p.height / 2;
      return x > g.x && x < g.x + g.width && y > g.y && y < g.y + g.height;
    })
    .toBe(true);

  // It stays collapsed after a reload, and Enter on its button expands it.
  await page.reload();
  await expect(group(page)).toBeVisible();
  await lab.liveCanvas();
  await expect(lab.node('c:bbox2')).toHaveCount(0);
  const expand = page.getByRole('button', { name: EXPAND }).first();
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await expand.focus();
  await page.keyboard.press('Enter');
  await expect(lab.node('c:bbox2')).toBeVisible();
  await expect(group(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: COLLAPSE })).toHaveAttribute('aria-expanded', 'true');
});
