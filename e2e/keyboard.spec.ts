/**
 * The keyboard alone: from page load Tab goes through the header's controls,
 * the canvas's nodes (each with a visible focus ring, light and dark), the
 * terminal and the side panel's tabs, in that order; on a focused container
 * Enter opens the inspector, Shift+F10 and the context-menu key its menu.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** What has the focus: `header:TEXT`, `node:ID`, `terminal`, `side:TAB`, or `other:TAG`. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const node = el.closest<HTMLElement>('.react-flow__node');
    if (node) return `node:${node.dataset.id}`;
    if (el.closest('[data-testid^="terminal-"]') && el.tagName === 'TEXTAREA') return 'terminal';
    if (el.closest('.side-tabs')) return `side:${el.textContent}`;
    if (el.closest('header')) return `header:${el.getAttribute('aria-label') ?? el.textContent?.trim()}`;
    return `other:${el.tagName.toLowerCase()}.${el.className}`;
  });
}

async function tabUntil(page: Page, want: (f: string) => boolean, max = 60): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    // In the terminal Tab completes; Esc first lets it move the focus on.
    if (seen.at(-1) === 'terminal') await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const f = await focused(page);
    seen.push(f);
    if (want(f)) return seen;
  }
  throw new Error(`not reached in ${max} Tabs: ${seen.join(', ')}`);
}

/** The focused element's outline beside the page's background. */
function focusRing(node: Locator): Promise<{ style: string; width: string; color: string; bg: string }> {
  return node.evaluate((el) => {
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: s.outlineWidth, color: s.outlineColor, bg: getComputedStyle(document.body).backgroundColor };
  });
}

// One walk, in the light theme; the dark theme's focus ring is checked on the same page (the order does not depend on the theme).
test('Tab reaches the header, the nodes, the terminal and the side tabs; Enter and Shift+F10 on a node; the focus ring in both themes', async ({ page, lab, shot }) => {
  test.slow(); // many key presses; the machine may be shared
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: 'light' });
  await lab.open();
  expect(await focused(page)).toBe('body');

  // The order: header controls, then the nodes, then the terminal, then the side tabs.
  const order = await tabUntil(page, (f) => f.startsWith('side:'));
  const kinds = order.map((f) => f.split(':')[0]).filter((k, i, all) => k !== all[i - 1]);
  expect(kinds.filter((k) => k !== 'other')).toEqual(['header', 'node', 'terminal', 'side']);
  expect(order.slice(0, 7)).toEqual([
    'header:docker exec bbox1 ping -c 1 bbox2',
    'header:Undo',
    'header:Redo',
    'header:Gallery',
    'header:Share',
    'header:Reset',
    'header:Switch to dark theme',
  ]);
  for (const id of ['c:bbox1', 'c:bbox2', 'c:bbox3', 'bridge:docker0']) expect(order).toContain(`node:${id}`);
  expect(order.at(-1)).toBe('side:Trace');

  // Arrow keys move between the side tabs and show each; Tab reaches only the shown one.
  const sideTab = (name: string) => page.getByRole('tablist', { name: 'Side panel' }).getByRole('tab', { name, exact: true });
  await page.keyboard.press('ArrowRight');
  await expect(sideTab('Rules')).toBeFocused();
  await expect(sideTab('Rules')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('rules')).toBeVisible();
  await page.keyboard.press('End');
  await expect(sideTab('Guide')).toBeFocused();
  await expect(sideTab('Guide')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(sideTab('Trace')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(sideTab('Guide')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(sideTab('Trace')).toHaveAttribute('aria-selected', 'true');
  await expect(sideTab('Rules')).toHaveAttribute('tabindex', '-1');

  // Back to bbox2 by Shift+Tab: its focus ring shows.
  for (let i = 0; i < 60 && (await focused(page)) !== 'node:c:bbox2'; i++) await page.keyboard.press('Shift+Tab');
  const node = lab.node('c:bbox2');
  await expect(node).toBeFocused();
  const ring = await focusRing(node);
  expect(ring.style).toBe('solid');
  expect(ring.width).toBe('3px');
  expect(ring.color).not.toBe(ring.bg);
  await shot('keyboard-focus-light');
  // The dark theme's ring shows on its own background too.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  await expect(node).toBeFocused();
  const dark = await focusRing(node);
  expect(dark).toMatchObject({ style: 'solid', width: '3px' });
  expect(dark.color).not.toBe(dark.bg);
  expect(dark.bg).not.toBe(ring.bg);
  await shot('keyboard-focus-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Enter: the inspector shows it.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('inspector')).toContainText('bbox2');
  await expect(node).toBeFocused();

  // Shift+F10: its menu, focus in it; Esc closes it and focus comes back.
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Actions of bbox2' });
  await expect(menu).toBeVisible();
  expect(await menu.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await shot('keyboard-menu-light');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(node).toBeFocused();

  // The context-menu key too; a menu item run by Enter types its command into the terminal.
  await page.keyboard.press('ContextMenu');
  await expect(menu).toBeVisible();
  const ping = menu.getByRole('menuitem', { name: /^Ping/ });
  for (let i = 0; i < 10 && !(await ping.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await expect(ping).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
});
