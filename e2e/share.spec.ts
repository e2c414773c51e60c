/**
 * Share links in the browser: the Share dialog's link (with its QR code)
 * opened in another browser gives the same world and layout; a gallery link
 * opens at its step; a link over the user's own world asks first and keeps it
 * ("Back to my world"); bad links say why and change nothing; the header
 * names the world on screen.
 */
import { readFileSync } from 'node:fs';
import { encodeScenario } from '../src/scenario/link/encode.ts';
import { expect, test, xtermReady } from './fixtures.ts';

test('a world shared as a link opens the same, with its layout, in another browser', async ({ page, lab, browser, shot }) => {
  await lab.open();
  await expect(page.locator('.scenario-title')).toHaveText('Two networks: mynet and docker0');
  await lab.type('docker network create shared_net');
  await lab.type('docker run -dit --name c9 --network shared_net busybox');
  await expect(lab.node('c:c9')).toBeVisible();
  await expect(page.locator('.scenario-title')).toHaveText('Your version of “Two networks: mynet and docker0”');
  // Move a node, so the layout is the user's own.
  await lab.liveCanvas();
  const box = (await lab.node('c:c9').boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 80, box.y + 70, { steps: 5 });
  await page.mouse.up();
  const moved = await lab.position('c:c9');

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share' });
  await expect(dialog).toContainText('its 6 commands run again');
  await expect(dialog.getByTestId('share-qr')).toBeVisible();
  await dialog.getByLabel('Title').fill('Two networks and mine');
  const url = await dialog.getByTestId('share-url').inputValue();
  expect(url).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/#s=1\.[A-Za-z0-9_-]+$/);
  await shot('share-dialog');
  // The Embed tab writes both snippets for the same link.
  await dialog.getByRole('tab', { name: 'Embed' }).click();
  await dialog.getByLabel('Read-only (steps run, typing is off)').check();
  const fragment = url.slice(url.indexOf('#'));
  await expect(dialog.getByTestId('embed-script')).toHaveValue(
    new RegExp(`^<script src="http://[^"]+/embed\\.js" async></script>\n<div data-vethlab="http://[^"]+/${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" data-title="vethlab: Two networks and mine" data-readonly="1"></div>$`),
  );
  await expect(dialog.getByTestId('embed-iframe')).toHaveValue(new RegExp(`^<iframe src="http://[^"]+/embed\\.html\\?readonly=1${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" title="vethlab: Two networks and mine"`));
  await shot('share-embed');
  await page.keyboard.press('Escape');

  // Another browser (no saved session) opens it without asking.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  const errors: string[] = [];
  page2.on('pageerror', (e) => errors.push(e.message));
  await page2.goto(url);
  await expect(page2.locator('.react-flow__node[data-id="c:c9"]')).toBeVisible();
  await expect(page2.locator('.scenario-title')).toHaveText('Two networks and mine');
  await expect(page2).toHaveURL(/\/$/);
  const style = (await page2.locator('.react-flow__node[data-id="c:c9"]').getAttribute('style')) ?? '';
  const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(style)!;
  expect([Math.round(Number(m[1])), Math.round(Number(m[2]))]).toEqual([Math.round(moved.x), Math.round(moved.y)]);
  await page2.getByTestId('terminal-host').click();
  await page2.keyboard.type('docker ps --format {{.Names}}');
  await page2.keyboard.press('Enter');
  await xtermReady(page2);
  await expect(page2.getByTestId('terminal-host').locator('.xterm-rows')).toContainText('c9');
  // The terminal says what opened, in words (the link loads no gallery text: the note is among the first screen's strings).
  await expect(page2.getByTestId('terminal-host').locator('.xterm-rows')).toContainText('vethlab: opened “Two networks and mine”: 6 setup commands ran');
  // A reload keeps the opened world, and does not ask again.
  await page2.reload();
  await expect(page2.locator('.react-flow__node[data-id="c:c9"]')).toBeVisible();
  await expect(page2.getByRole('dialog')).toHaveCount(0);
  expect(errors).toEqual([]);
  await other.close();
});

test('a gallery link opens the scenario at its step', async ({ page, lab }) => {
  await page.goto('/#g=docker-user&step=3');
  await expect(page.locator('.scenario-title')).toHaveText('A DOCKER-USER rule that blocks one container');
  await expect(page.getByRole('tab', { name: 'Guide' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.guide-step[data-step="1"]')).toHaveClass(/is-done/);
  await expect(page.locator('.guide-step[data-step="2"]')).toHaveClass(/is-done/);
  await expect(page.locator('.guide-step[data-step="3"]')).toHaveAttribute('aria-current', 'step');
  await page.locator('.guide-step[data-step="3"]').getByRole('button', { name: /^Run step 3/ }).click();
  await expect(page.getByTestId('step-result')).toContainText('-A DOCKER-USER -s 172.18.0.3/32 -j DROP');
  await expect(lab.node('c:bad')).toBeVisible();
});

test('a link over the user’s own world asks first, and the world comes back', async ({ page, lab, shot }) => {
  await lab.open();
  await lab.type('docker network create important');
  await lab.type('docker run -dit --name keepme --network important busybox');
  await expect(lab.node('c:keepme')).toBeVisible();
  await page.evaluate(() => {
    window.location.hash = 'g=three-ways';
  });
  const confirm = page.getByRole('dialog', { name: 'Replace the current world?' });
  await expect(confirm).toContainText('The 2 commands you ran yourself are kept');
  await shot('link-confirm');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(lab.node('c:keepme')).toBeVisible();

  await page.evaluate(() => {
    window.location.hash = 'g=three-ways';
  });
  await confirm.getByRole('button', { name: 'Replace the world' }).click();
  await expect(lab.node('c:web1')).toBeVisible();
  await expect(lab.node('c:keepme')).toHaveCount(0);
  await expect(page.getByText('You are looking at a shared scenario. Your own world is kept.')).toBeVisible();
  // Kept across a reload too.
  await page.reload();
  await expect(lab.node('c:web1')).toBeVisible();
  await page.getByRole('button', { name: 'Back to my world' }).click();
  await expect(lab.node('c:keepme')).toBeVisible();
  await expect(lab.node('c:web1')).toHaveCount(0);
  await expect(page.locator('.scenario-title')).toHaveText('Your version of “Two networks: mynet and docker0”');
  await expect(page.getByRole('button', { name: 'Back to my world' })).toHaveCount(0);
});

test('bad links say why, in the UI’s language, and leave the world as it was', async ({ page, lab }) => {
  const good = encodeScenario({ vethlab: 1, title: 'Cut short', setup: ['docker network create n1', 'docker run -dit --name x1 --network n1 busybox', 'docker run -dit --name x2 --network n1 busybox'] });
  const bad: [string, string][] = [
    [`s=${good.slice(0, Math.floor(good.length / 2))}`, 'it ends too soon'],
    ['s=1.!!!notbase64', 'it is not a vethlab link'],
    ['s=1.q83vEjRWeJq83vEjRWeJq83vEjRWeJ', 'it is not a vethlab link'],
    [`s=7.${good.slice(2)}`, 'it was made by a newer vethlab (version 7)'],
    [`s=${encodeScenario({ vethlab: 1, setup: ['x'.repeat(300 * 1024)] })}`, 'at most 256 KiB'],
    [`s=${encodeScenario({ vethlab: 1, setup: Array.from({ length: 600 }, (_, i) => `docker network create n${i}`) })}`, 'it has 600 lines'],
    [`s=${encodeScenario({ vethlab: 1, setup: [], title: '<img src=x onerror=alert(1)>', steps: 3 } as never)}`, 'its scenario is not valid (steps:'],
    ['g=nope', 'the gallery has no scenario “nope”'],
  ];
  // A first visit (nothing saved) by a bad link: the starter world, and the reason.
  await page.goto('/#s=1.!!!notbase64');
  await expect(page.getByRole('alert')).toContainText('it is not a vethlab link');
  await expect(lab.node('c:bbox1')).toBeVisible();
  await expect(page.locator('.scenario-title')).toHaveText('Two networks: mynet and docker0');
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  // The same page goes on (a new navigation now would cut the lazy chunks' downloads short).
  await lab.xterm();
  await expect(lab.terminal()).toContainText('root@dockerhost:~#');
  await lab.liveCanvas();
  await lab.type('docker network create important');
  await expect(page.locator('.scenario-title')).toHaveText('Your version of “Two networks: mynet and docker0”');
  for (const [fragment, why] of bad) {
    await page.evaluate((f) => {
      window.location.hash = f;
    }, fragment);
    const notice = page.getByRole('alert');
    await expect(notice).toContainText('This link could not be opened:');
    await expect(notice).toContainText(why);
    await expect(notice).toContainText('Your world is unchanged.');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(lab.node('c:bbox1')).toBeVisible();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
  }
  await lab.type('docker network ls --format {{.Name}}');
  await expect(lab.terminal()).toContainText('important');

  // In Chinese, too.
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.evaluate(() => {
    window.location.hash = 'g=nope';
  });
  await expect(page.getByRole('alert')).toContainText('无法打开这个链接：场景库里没有 “nope” 这个场景。你的世界没有改变。');
});

// One world serves both downloads (a boot and its commands each would cost more than the checks).
test('"Reproduce on Linux" downloads a shell script that builds the world on screen in namespaces; the world saved as a scenario file opens again from the gallery; a bad file says why', async ({ page, lab }, testInfo) => {
  test.slow(); // several commands, two downloads and a new world; the machine may be shared
  await lab.open();
  await lab.type('docker network create linuxnet');
  await lab.type('docker run -dit --name lx1 --network linuxnet busybox');
  await expect(lab.node('c:lx1')).toBeVisible();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share' });
  await dialog.getByLabel('Title').fill('On my laptop');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Reproduce on Linux (.sh)' }).click()]);
  expect(download.suggestedFilename()).toBe('on-my-laptop.linux.sh');
  const script = testInfo.outputPath('on-my-laptop.linux.sh');
  await download.saveAs(script);
  const text = readFileSync(script, 'utf8');
  expect(text.startsWith('#!/bin/sh\n# "On my laptop": a vethlab world rebuilt on the real Linux kernel, without Docker.\n')).toBe(true);
  // The container just started, in its own namespace, on the network's bridge.
  expect(text).toContain('\nip netns add vl-lx1\n');
  // Each namespace's links are made by one `ip -batch`: the host's makes the bridge.
  expect(text).toMatch(/\nip -n vl-host -batch - <<'VETHLAB_IP'\n(?:[^\n]*\n)*?link add br-[0-9a-f]{12} type bridge\n/);

  await dialog.getByLabel('Title').fill('Filed away');
  const [saved] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download as a scenario file (.yaml)' }).click()]);
  expect(saved.suggestedFilename()).toBe('filed-away.vethlab.yaml');
  const file = testInfo.outputPath('filed-away.vethlab.yaml');
  await saved.saveAs(file);
  await page.keyboard.press('Escape');

  // A fresh world, then the file: the same lines and title.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('dialog', { name: 'Start over' }).getByRole('button', { name: 'The example world' }).click();
  await expect(lab.node('c:lx1')).toHaveCount(0);
  await page.getByRole('button', { name: 'Gallery', exact: true }).click();
  await page.getByTestId('open-file').setInputFiles(file);
  await expect(lab.node('c:lx1')).toBeVisible();
  await expect(page.locator('.scenario-title')).toHaveText('Filed away');

  await page.getByRole('button', { name: 'Gallery', exact: true }).click();
  await page.getByTestId('open-file').setInputFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from('vethlab: 1\nsetup:\n  - docker ps\n steps: []\n') });
  await expect(page.getByRole('alert')).toContainText('The file “broken.yaml” could not be opened: line 4, column 1: All mapping items must start at the same column. Your world is unchanged.');
  await expect(lab.node('c:lx1')).toBeVisible();
});

test('text in a link is shown as text: nothing in it runs in the page', async ({ page, lab }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
  const link = encodeScenario({ vethlab: 1, title: evil, description: evil, setup: ['docker network create n1'], steps: [{ text: evil, run: 'echo "<b>hi</b>"' }] });
  await page.goto(`/#s=${link}`);
  await expect(page.locator('.scenario-title')).toHaveText(evil);
  await expect(page.locator('.guide-step-text')).toHaveText(evil);
  await page.getByRole('button', { name: /^Run step 1/ }).click();
  await expect(lab.terminal()).toContainText('<b>hi</b>');
  expect(await page.locator('img[src="x"], script:text("alert")').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
