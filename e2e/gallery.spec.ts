/**
 * The gallery as a user meets it: the header's Gallery button opens a dialog of
 * scenarios; opening "Isolation between networks, and the connect fix" builds
 * its world and shows its steps in the Guide tab; the ping step is dropped by
 * Docker's raw-table rule, the connect step fixes it, the ping is then
 * delivered. Also: the confirmation before the user's own commands are
 * discarded, keyboard use of the dialog, reload, Chinese, and a 390-px phone.
 * Screenshots go to the test output directory (e2e-artifacts/).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const ISOLATION = 'Isolation between networks, and the connect fix';
const PING = 'docker exec bbox1 ping -c 1 -W 1 172.17.0.2';
const CONNECT = 'docker network connect my_net2 web1';
const PING_AFTER = 'docker exec bbox1 ping -c 1 172.22.16.3';
const RAW_RULE = '-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP';

function gallery(page: Page) {
  return page.getByRole('dialog', { name: 'Gallery' });
}

function step(page: Page, n: number, region = 'Steps of the scenario') {
  return page.getByRole('region', { name: region }).locator(`li[data-step="${n}"]`);
}

test('the gallery opens a scenario; its steps run, drop, fix and deliver', async ({ page, lab, shot }) => {
  test.slow(); // a new world and several commands with packet animations; the machine may be shared
  await lab.open();
  await page.getByRole('button', { name: 'Gallery' }).click();
  const dialog = gallery(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.gallery-card')).toHaveCount(10);
  await expect(dialog.getByRole('heading', { name: ISOLATION })).toBeVisible();
  await shot('gallery-dialog');

  await dialog.getByRole('button', { name: `Open ${ISOLATION}` }).click();
  await expect(dialog).toBeHidden();
  // The new world: bbox1 on my_net2, web1 (httpd) on docker0; the first screen's containers are gone.
  await expect(lab.node('c:bbox1')).toContainText('172.22.16.2/24');
  await expect(lab.node('c:web1')).toContainText('httpd');
  await expect(lab.node('c:bbox3')).toHaveCount(0);
  await expect(page.locator('.react-flow__node-bridge').filter({ hasText: 'my_net2' })).toContainText('172.22.16.0/24');
  await expect(lab.terminal()).toContainText('opened “Isolation between networks, and the connect fix”');
  await expect(page.getByRole('tab', { name: 'Guide' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.scenario-title')).toHaveText(ISOLATION);
  await expect(page.getByRole('complementary', { name: 'Today vs the article' })).toContainText('raw table');

  // Step 1: the ping is dropped, and the step says by which rule.
  await page.getByRole('button', { name: `Run step 1: ${PING}` }).click();
  await expect(lab.terminal()).toContainText(PING);
  await expect(lab.terminal()).toContainText('1 packets transmitted, 0 packets received, 100% packet loss');
  const result1 = step(page, 1).getByTestId('step-result');
  await expect(result1).toHaveAttribute('data-outcome', 'dropped');
  await expect(result1).toContainText(RAW_RULE);
  await expect(result1).toContainText('table raw, chain PREROUTING');
  await expect(step(page, 1)).toHaveClass(/is-done/);
  await expect(step(page, 2)).toHaveAttribute('aria-current', 'step');
  // (The packet's walk to the rule on the canvas: e2e/walkthrough.spec.ts, for every dropping step.)
  await shot('guide-dropped');

  // Step 6: connect web1 to my_net2; a second interface appears on the canvas.
  await page.getByRole('button', { name: `Run step 6: ${CONNECT}` }).click();
  await expect(lab.node('c:web1')).toContainText('172.22.16.3/24');
  await expect(step(page, 6)).toHaveClass(/is-done/);

  // Step 8: the ping over the shared network is delivered.
  await page.getByRole('button', { name: `Run step 8: ${PING_AFTER}` }).click();
  await expect(lab.terminal()).toContainText('1 packets transmitted, 1 packets received, 0% packet loss');
  await expect(step(page, 8).getByTestId('step-result')).toHaveAttribute('data-outcome', 'replied');
  await expect(step(page, 8)).toHaveClass(/is-done/);
  await shot('guide-delivered');

  // The Trace tab shows the same packet; the Guide is one click back.
  await lab.showPanel('Trace');
  await expect(lab.outcome()).toHaveAttribute('data-outcome', 'replied');
  await page.getByRole('tab', { name: 'Guide' }).click();
  await expect(step(page, 8)).toHaveClass(/is-done/);

  // Type puts the line on the prompt without running it.
  await page.getByRole('button', { name: 'Type step 9 into the terminal: docker exec bbox1 wget -q -O - http://web1' }).click();
  await expect(lab.terminal()).toContainText('# docker exec bbox1 wget -q -O - http://web1');
  await page.keyboard.press('Enter');
  await expect(lab.terminal()).toContainText('It works!');
  await expect(step(page, 9)).toHaveClass(/is-done/);

  // Reload: the same world, scenario and done steps.
  await page.reload();
  await expect(lab.node('c:web1')).toContainText('172.22.16.3/24');
  await expect(page.getByRole('tab', { name: 'Guide' })).toHaveAttribute('aria-selected', 'true');
  for (const n of [1, 6, 8, 9]) await expect(step(page, n)).toHaveClass(/is-done/);
  await expect(step(page, 2)).not.toHaveClass(/is-done/);
});

test('opening a scenario asks before the user’s own commands are lost; the dialog works by keyboard; in Chinese too', async ({ page, lab, shot }) => {
  test.slow(); // a new world and several commands; the machine may be shared
  await lab.open();
  await lab.type('docker network create mine');
  await expect(lab.terminal()).toContainText(/[0-9a-f]{64}/);

  const opener = page.getByRole('button', { name: 'Gallery' });
  await opener.click();
  const dialog = gallery(page);
  await expect(dialog).toBeVisible();
  // Focus is in the dialog and stays there.
  await expect(dialog.getByRole('button', { name: /^Open / }).first()).toBeFocused();
  for (let i = 0; i < 14; i++) await page.keyboard.press('Tab');
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Shift+Tab');
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Open A DOCKER-USER rule that blocks one container' }).click();
  const confirm = page.getByRole('dialog', { name: 'Replace the current world?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('The command you ran yourself will be lost');
  await expect(confirm.locator('code')).toHaveText(['docker network create mine']);
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await shot('gallery-confirm');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.locator('.gallery-card')).toHaveCount(10);
  await dialog.getByRole('button', { name: 'Open A DOCKER-USER rule that blocks one container' }).click();
  await page.getByRole('button', { name: 'Replace the world' }).click();
  await expect(lab.node('c:bad')).toBeVisible();
  await expect(page.locator('.react-flow__node-bridge').filter({ hasText: 'mine' })).toHaveCount(0);

  // The header offers the next step; it runs like the Guide's Run.
  const next = page.getByRole('button', { name: 'docker exec bad ping -c 1 203.0.113.10', exact: true });
  await next.click();
  await expect(lab.terminal()).toContainText('1 packets received');
  await expect(step(page, 1)).toHaveClass(/is-done/);
  await page.getByRole('button', { name: 'Run step 2: iptables -I DOCKER-USER -s 172.18.0.3 -j DROP' }).click();
  await page.getByRole('button', { name: 'Run step 3: docker exec bad ping -c 1 -W 1 203.0.113.10' }).click();
  await expect(step(page, 3).getByTestId('step-result')).toContainText('-A DOCKER-USER -s 172.18.0.3/32 -j DROP');

  // Reset goes back to the first screen; the Guide says no scenario is open.
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('dialog', { name: 'Start over' }).getByRole('button', { name: 'The example world' }).click();
  await expect(lab.node('c:bbox3')).toBeVisible();
  await expect(page.getByText('No guided scenario is open')).toBeVisible();
  await expect(page.getByRole('button', { name: /docker exec bbox1 ping -c 1 bbox2/ })).toBeVisible();

  // The gallery and the Guide in Chinese (nothing of the user's own now: it opens without asking).
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('button', { name: '场景库', exact: true }).click();
  const zh = page.getByRole('dialog', { name: '场景库' });
  await expect(zh).toBeVisible();
  await expect(zh.getByRole('heading', { name: '网络之间的隔离，以及用 connect 打通' })).toBeVisible();
  await expect(zh).toContainText('出自文章《Docker系列 13 理解容器之间的连通性》（2017）');
  await shot('gallery-dialog-zh');
  await zh.getByRole('button', { name: '打开 网络之间的隔离，以及用 connect 打通' }).click();
  await expect(page.getByRole('tab', { name: '引导' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: `运行第 1 步：${PING}` }).click();
  await expect(step(page, 1, '场景步骤').getByTestId('step-result')).toContainText('被丢弃');
  await expect(page.getByRole('complementary', { name: '今天的 Docker 与文章的不同' })).toContainText('raw 表');
  await shot('guide-zh');
});

test('the gallery and the guide on a 390-px phone', async ({ page, lab, shot }) => {
  test.slow(); // a new world; the machine may be shared
  await page.setViewportSize({ width: 390, height: 844 });
  await lab.open();
  await page.getByRole('button', { name: 'Gallery' }).click();
  const dialog = gallery(page);
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(390);
  await shot('phone-390-gallery');
  await dialog.getByRole('button', { name: `Open ${ISOLATION}` }).click();
  await page.getByRole('button', { name: `Run step 1: ${PING}` }).click();
  await expect(step(page, 1).getByTestId('step-result')).toHaveAttribute('data-outcome', 'dropped');
  // Under the step, the lines ping printed, not only "dropped".
  await expect(step(page, 1).getByTestId('step-output')).toContainText('1 packets transmitted, 0 packets received, 100% packet loss');
  // Commands, and the rule that dropped the packet, wrap at spaces only: every word stands on one line.
  const words = page.locator('.guide-cmd code .word');
  expect(await words.count()).toBeGreaterThan(3);
  const ruleWords = step(page, 1).getByTestId('step-result').locator('code .word');
  await expect(ruleWords).toHaveText(RAW_RULE.split(' '));
  const brokenIn = (els: Element[]) => els.filter((el) => el.getClientRects().length > 1).map((el) => el.textContent);
  expect(await words.evaluateAll(brokenIn)).toEqual([]);
  expect(await ruleWords.evaluateAll(brokenIn)).toEqual([]);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await step(page, 1).scrollIntoViewIfNeeded();
  await shot('phone-390-guide');
});
