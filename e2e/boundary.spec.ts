/**
 * An error in a panel is caught by its boundary (src/app/ui/PanelBoundary.tsx):
 * the panel says what happened, in the UI's language, and offers to draw it
 * again; the world, the terminal and the saved session go on. The panel is made
 * to fail by the test hook of src/app/ui/test-fault.ts, which only an automated
 * browser heeds.
 */
import type { Page } from '@playwright/test';
import { expect, test, xtermReady } from './fixtures.ts';

async function failPanel(page: Page, panel: string | null): Promise<void> {
  await page.evaluate((name) => {
    if (name === null) sessionStorage.removeItem('vethlab.test.fault');
    else sessionStorage.setItem('vethlab.test.fault', name);
    window.dispatchEvent(new Event('vethlab-test-fault'));
  }, panel);
}

/** React reports an error its boundary caught on the console; that one is expected here. */
function forgiveCaught(problems: string[], panel: string): void {
  const caught = `a test made the ${panel} panel fail`;
  for (let i = problems.length - 1; i >= 0; i--) if (problems[i]!.includes(caught)) problems.splice(i, 1);
}

test('a failing side panel says so; the world, the terminal and the saved session go on', async ({ page, lab, problems }) => {
  test.slow();
  await lab.open();
  await lab.type('docker network create kept_net');
  await lab.showPanel('Rules');
  await failPanel(page, 'rules');
  const error = page.getByTestId('panel-error-rules');
  await expect(error).toContainText('The rules panel ran into an error and stopped drawing. Your world, the terminal and your saved session are unaffected.');
  await expect(error).toContainText('a test made the rules panel fail');
  // The canvas and the terminal go on; a command still runs and is drawn.
  await expect(lab.node('c:bbox1')).toBeVisible();
  await lab.type('docker run -dit --name after_error --network kept_net busybox');
  await expect(lab.node('c:after_error')).toBeVisible();
  await expect(lab.terminal()).toContainText('docker run -dit --name after_error');
  // Drawn again once the fault is gone.
  await failPanel(page, null);
  await error.getByRole('button', { name: 'Draw it again' }).click();
  await expect(error).toHaveCount(0);
  await expect(page.locator('.side-body')).toContainText('DOCKER-USER');
  // The saved session has every line.
  await page.reload();
  await expect(lab.node('c:after_error')).toBeVisible();
  forgiveCaught(problems, 'rules');
});

test('a failing canvas or terminal leaves the other and the world; in Chinese too', async ({ page, lab, problems }) => {
  test.slow();
  await lab.open();
  await failPanel(page, 'canvas');
  await expect(page.getByTestId('panel-error-canvas')).toContainText('The canvas ran into an error');
  await lab.type('docker network create still_here');
  await expect(lab.terminal()).toContainText('root@dockerhost:~# docker network create still_here');
  await failPanel(page, null);
  await page.getByTestId('panel-error-canvas').getByRole('button').click();
  await expect(page.locator('.react-flow__node', { hasText: 'still_here' }).first()).toBeVisible();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await failPanel(page, 'terminal');
  await expect(page.getByTestId('panel-error-terminal')).toContainText('终端出错，已停止绘制。你的世界、终端和已保存的会话都不受影响。');
  await expect(lab.node('c:bbox1')).toBeVisible();
  await expect(page.locator('.react-flow__node', { hasText: 'still_here' }).first()).toBeVisible();
  forgiveCaught(problems, 'canvas');
  forgiveCaught(problems, 'terminal');
});

test('an embed has the same boundaries: a failing canvas says so, the terminal and the Guide go on', async ({ page, problems }) => {
  await page.goto('/embed.html#g=isolation-connect');
  await expect(page.locator('.embed-title')).toHaveText('Isolation between networks, and the connect fix');
  await expect(page.locator('.react-flow__node[data-id="c:bbox1"]')).toBeVisible();
  await failPanel(page, 'canvas');
  const error = page.getByTestId('panel-error-canvas');
  await expect(error).toContainText('The canvas ran into an error');
  await expect(error).toContainText('a test made the canvas panel fail');
  // The rest of the embed goes on: the Guide's steps, and the terminal runs a line.
  await expect(page.locator('.guide-step[data-step="1"]')).toBeVisible();
  await page.getByTestId('terminal-host').click();
  await page.keyboard.type('docker network create after_error');
  await page.keyboard.press('Enter');
  await xtermReady(page);
  await expect(page.getByTestId('terminal-host').locator('.xterm-rows')).toContainText('root@dockerhost:~# docker network create after_error');
  // Drawn again, with what ran meanwhile.
  await failPanel(page, null);
  await error.getByRole('button', { name: 'Draw it again' }).click();
  await expect(page.locator('.react-flow__node', { hasText: 'after_error' }).first()).toBeVisible();
  forgiveCaught(problems, 'canvas');
});
