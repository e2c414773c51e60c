/**
 * Undo and redo (src/app/state/history.ts, the header's buttons, Ctrl+Z and
 * Ctrl+Shift+Z outside the terminal): a command is taken back (the world is
 * replayed without it) and done again, a drag likewise; Ctrl+Z typed in the
 * terminal stays the terminal's; a redo after a new command says why it cannot;
 * the history survives a reload.
 */
import { expect, test } from './fixtures.ts';

test('undo and redo a command and a drag, from the buttons and the keyboard', async ({ page, lab }) => {
  test.slow(); // several replays on a machine that may be shared
  await lab.open();
  const undoButton = page.getByRole('button', { name: 'Undo', exact: true });
  const redoButton = page.getByRole('button', { name: 'Redo', exact: true });
  const status = page.getByRole('status').filter({ hasText: /Undone|Redone|Nothing to/ });
  const network = page.locator('.react-flow__node-bridge').filter({ hasText: 'undo_net' });

  await lab.type('docker network create undo_net');
  await expect(network).toBeVisible();
  // In the terminal Ctrl+Z is the shell's (nothing to suspend at a prompt): the world stays.
  await page.keyboard.press('Control+z');
  await expect(network).toBeVisible();

  await undoButton.click();
  await expect(status).toHaveText('Undone: docker network create undo_net');
  await expect(network).toHaveCount(0);
  // The terminal keeps what was typed; the world no longer has it.
  await expect(lab.terminal()).toContainText('root@dockerhost:~# docker network create undo_net');
  await page.keyboard.press('Control+Shift+z');
  await expect(status).toHaveText('Redone: docker network create undo_net');
  await expect(network).toBeVisible();

  // A drag, taken back with Ctrl+Z on the canvas and done again with the button (on React Flow's canvas:
  // a drag on the static drawing before it is handed over later, after the position below is read).
  await lab.liveCanvas();
  const before = await lab.position('c:bbox3');
  const box = (await lab.node('c:bbox3').boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + 90, box.y + 72, { steps: 8 });
  await page.mouse.up();
  const moved = await lab.position('c:bbox3');
  expect(moved.y).toBeGreaterThan(before.y + 30);
  await page.keyboard.press('Control+z');
  await expect(status).toHaveText('Undone: the move on the canvas');
  await expect.poll(() => lab.position('c:bbox3')).toEqual(before);
  await redoButton.click();
  await expect.poll(() => lab.position('c:bbox3')).toEqual(moved);

  // Undone, then a new command: nothing is left to redo, and the status says why.
  await undoButton.click();
  await undoButton.click();
  await expect(network).toHaveCount(0);
  await lab.type('docker network create newer_net');
  // The button says it is unavailable (aria-disabled) but stays reachable, and pressed it says why.
  await expect(redoButton).toHaveAttribute('aria-disabled', 'true');
  await redoButton.focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('Nothing to redo: something new was done after the undo, and it replaced what could be redone.');
  await expect(network).toHaveCount(0);

  // The world and the history survive a reload: the new command is still the one to undo.
  await page.reload();
  const newer = page.locator('.react-flow__node-bridge').filter({ hasText: 'newer_net' });
  await expect(newer).toBeVisible();
  await undoButton.click();
  await expect(status).toHaveText('Undone: docker network create newer_net');
  await expect(newer).toHaveCount(0);
});
