/**
 * A user's text is shown as text, never run or parsed as markup: an `<img
 * onerror>` and a `<script>` put through every place text from a user or a
 * link appears (a scenario's title, description and steps from a link, the
 * terminal's output, a container name in an error, a container's command in
 * the inspector, a traced command, an iptables comment in the rules panel)
 * show as characters, and no element is made of them. The built pages also
 * carry a Content-Security-Policy that allows no inline script.
 */
import type { Page } from '@playwright/test';
import { encodeScenario } from '../src/scenario/link/encode.ts';
import { expect, test } from './fixtures.ts';

// Without single quotes, so that a shell's '...' carries them whole.
const IMG = '<img src=x onerror="document.title=`pwned`">';
const SCRIPT = '<script>document.title="pwned"</script>';

/** No element was made of the payloads, and nothing they carry ran. */
async function expectInert(page: Page): Promise<void> {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('script:not([src])')).toHaveCount(0);
  expect(await page.title()).not.toBe('pwned');
}

const side = (page: Page) => page.locator('.side-body');

test('the built page allows no inline script', async ({ page, problems }) => {
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // An inline script added now is refused by the browser (the policy, not only React, stands guard).
  const violation = page.waitForEvent('console', (msg) => msg.type() === 'error' && /Content Security Policy/.test(msg.text()));
  const ran = await page.evaluate(() => {
    const w = window as unknown as { inlineRan?: boolean };
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.head.append(s);
    return w.inlineRan === true;
  });
  expect(ran).toBe(false);
  await violation;
  // The refusal is what this test wants; the fixture would count it as a problem.
  problems.splice(0, problems.length, ...problems.filter((p) => !/Executing inline script violates the following Content Security Policy/.test(p)));
});

test('the embed page carries the same policy', async ({ page }) => {
  await page.goto('/embed.html');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /script-src 'self'/);
});

test('markup in a linked scenario’s title, description and steps shows as text', async ({ page }) => {
  const doc = {
    vethlab: 1 as const,
    title: `Title ${IMG}`,
    description: `About ${SCRIPT}`,
    setup: ['docker network create n1'],
    steps: [{ text: `Step ${IMG} ${SCRIPT}`, run: `echo '${IMG}'` }],
  };
  await page.goto(`/#s=${encodeScenario(doc)}`);
  await expect(page.locator('.scenario-title')).toHaveText(`Title ${IMG}`);
  await page.getByRole('tab', { name: 'Guide' }).click();
  const guide = side(page);
  await expect(guide).toContainText(`About ${SCRIPT}`);
  await expect(guide).toContainText(`Step ${IMG} ${SCRIPT}`);
  await expect(guide).toContainText(`echo '${IMG}'`);
  await expectInert(page);
});

test('markup in the terminal, an error, the inspector, a trace and the rules shows as text', async ({ page, lab }) => {
  test.slow(); // several commands, a ping with its animation; the machine may be shared
  await lab.open();
  await lab.type(`echo '${IMG}'; echo '${SCRIPT}'`);
  await expect(lab.terminal()).toContainText(IMG);
  await expect(lab.terminal()).toContainText(SCRIPT);
  // A name Docker refuses: its error quotes it.
  await lab.type(`docker run -d --name '${SCRIPT}' busybox`);
  await expect(lab.terminal()).toContainText(`Invalid container name (${SCRIPT})`);

  // The inspector shows a container's command.
  await lab.type(`docker run -d --name xss --network mynet busybox sh -c 'echo ${SCRIPT}; sleep 999'`);
  await expect(lab.node('c:xss')).toBeVisible();
  await lab.node('c:xss').click({ position: { x: 40, y: 14 } });
  await page.getByRole('tab', { name: 'Inspector' }).click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByRole('heading', { name: 'xss', exact: true })).toBeVisible();
  await expect(inspector).toContainText(SCRIPT);

  // The trace panel shows the traced command, comment and all.
  await lab.type(`docker exec bbox1 ping -c 1 bbox2 # ${SCRIPT}`);
  await lab.showPanel('Trace');
  await expect(page.locator('.trace-command')).toContainText(SCRIPT);

  // The rules panel shows a rule's comment.
  await lab.type(`iptables -I DOCKER-USER -m comment --comment '${IMG}' -j RETURN`);
  await lab.showPanel('Rules');
  // As iptables-save writes it: in double quotes, its own escaped.
  await expect(side(page)).toContainText(`--comment "${IMG.replace(/"/g, '\\"')}"`);
  await expectInert(page);
});
