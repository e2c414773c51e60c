/**
 * The app as a user sees it: the first screen's scenario, a ping on one
 * network (reply, a delivered trace, the rules it passed), a ping that Docker's
 * raw-table rule drops, a container shell tab, reload keeping the world and the
 * node positions, a corrupt saved session, the phone layout, theme and language.
 * Checks that need no fresh world share a page (a boot costs more than most checks).
 * Screenshots go to the test output directory (e2e-artifacts/).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Pastes text into a terminal as the browser does (a paste event on xterm's textarea). */
async function paste(page: Page, text: string, name = 'host'): Promise<void> {
  await page.getByTestId(`terminal-${name}`).locator('textarea').evaluate((el, data) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

test('the first screen shows the scenario and its hint; the terminal completes, pastes and explains', async ({ page, lab, shot }) => {
  test.slow(); // several commands; the machine may be shared
  await lab.open();
  await expect(page).toHaveTitle('vethlab');
  for (const id of ['c:bbox1', 'c:bbox2', 'c:bbox3', 'bridge:docker0', 'host:stack', 'host:eth0', 'lan', 'gw', 'internet']) {
    await expect(lab.node(id)).toBeVisible();
  }
  await expect(lab.node('c:bbox1')).toContainText('busybox');
  await expect(lab.node('c:bbox1')).toContainText('172.18.0.2/16');
  await expect(page.locator('.react-flow__node-bridge').filter({ hasText: 'mynet' })).toContainText('172.18.0.0/16');
  await expect(page.locator('.react-flow__edge')).toHaveCount(9);
  await expect(page.getByRole('button', { name: /docker exec bbox1 ping -c 1 bbox2/ })).toBeVisible();
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await shot('first-screen');
  // The host's IP stack in the inspector, under the canvas's own title.
  await lab.node('host:stack').dblclick();
  await expect(page.getByTestId('inspector').getByRole('heading', { level: 2 })).toHaveText('IP stack: routing + iptables');
  await expect(page.getByTestId('inspector')).toContainText('ip route');

  // The same starter world serves the terminal's checks below (a boot each would cost more than they do).
  await test.step('Tab completes docker commands and names', async () => {
    await page.getByTestId('terminal-host').click();
    await page.keyboard.type('docker ex');
    await page.keyboard.press('Tab');
    await page.keyboard.type('bbox3');
    await page.keyboard.press('Space');
    await page.keyboard.type('hostn');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(lab.terminal()).toContainText('docker exec bbox3 hostname');
    await expect(lab.terminal()).toContainText(/hostname\s*[0-9a-f]{12}\s*root@dockerhost/);
  });

  await test.step('the articles’ DOCKER-ISOLATION chain: the real answer, then a note on what changed', async () => {
    await lab.type('iptables -S DOCKER-ISOLATION');
    await expect(lab.terminal()).toContainText("iptables v1.8.9 (nf_tables): chain `DOCKER-ISOLATION' in table `filter' is incompatible, use 'nft' tool.");
    await expect(lab.terminal()).toContainText('vethlab: the articles’ single DOCKER-ISOLATION chain is gone');
    await lab.type('iptables -S DOCKER-ISOLATION-STAGE-1');
    await expect(lab.terminal()).toContainText('-N DOCKER-ISOLATION-STAGE-1');
  });

  await test.step('a pasted script runs line by line; a runaway paste is refused whole with a message', async () => {
    await page.getByTestId('terminal-host').click();
    await paste(page, 'docker network create pasted\ndocker run -dit --name p1 --network pasted busybox\n');
    await expect(lab.node('c:p1')).toBeVisible();
    await page.keyboard.type('echo kept');
    await paste(page, 'docker rm -f p1\n'.repeat(2000));
    await expect(lab.terminal()).toContainText('vethlab: paste too large: 32000 bytes in 2000 lines (at most 65536 bytes and 500 lines at once); nothing of it was run.');
    await expect(lab.node('c:p1')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(lab.terminal()).toContainText(/echo kept\s*kept/);
  });
});

test('a ping between two containers on mynet is delivered, with its trace and rules', async ({ page, lab, shot }) => {
  test.slow(); // several commands and a packet animation; the machine may be shared
  await lab.open();
  await lab.type('docker exec bbox1 ping -c 1 bbox2');
  await expect(lab.terminal()).toContainText('64 bytes from 172.18.0.3: seq=0 ttl=64');
  await expect(lab.terminal()).toContainText('1 packets transmitted, 1 packets received, 0% packet loss');
  await expect(lab.outcome()).toHaveAttribute('data-outcome', 'replied');
  await expect(lab.outcome()).toContainText('Delivered');
  const hops = page.getByRole('list', { name: 'Hops' }).locator(':scope > li');
  await expect(hops).toHaveCount(24);
  await expect(hops.nth(0)).toContainText('bbox1');
  // The packet moves: pause, step, and the hop and its place on the canvas light up.
  await hops.nth(0).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.locator('.hop.is-current')).toHaveAttribute('data-hop', '1');
  await expect(lab.node('c:bbox1')).toHaveClass(/is-current/);
  await hops.nth(5).hover();
  await expect(page.locator('.react-flow__node-bridge.is-hovered')).toContainText('mynet');
  await hops.nth(7).click();
  await expect(page.getByTestId('packet')).toContainText('-A DOCKER-FORWARD -i br-');
  await shot('ping-delivered');

  await lab.showPanel('Rules');
  const rules = page.getByTestId('rules');
  await expect(rules.locator('[data-mark="passed"]').filter({ hasText: '-A FORWARD -j DOCKER-USER' })).toHaveCount(1);
  await expect(rules.locator('[data-mark="verdict"]').filter({ hasText: /-A DOCKER-FORWARD -i br-[0-9a-f]+ -j ACCEPT/ })).toHaveCount(1);
  await expect(rules.locator('[data-mark="final"]')).toHaveCount(0);
  await shot('ping-delivered-rules');

  // The suite runs as a reader who asks for less motion (playwright.config.ts): no endless loop runs.
  // With no such preference the packet pulses and the focused terminal's cursor blinks; asked again, both stop.
  const loops = () =>
    page.evaluate(() =>
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations === Infinity)
        .map((a) => (a instanceof CSSAnimation ? a.animationName.replace(/_\d+$/, '') : 'other'))
        .sort(),
    );
  await page.getByTestId('terminal-host').click();
  await expect.poll(loops).toEqual([]);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect.poll(loops).toEqual(['blink_block', 'pulse']);
  // At the walk's last hop the packet rests: only the cursor blinks.
  await lab.showPanel('Trace');
  await hops.nth(23).click();
  await expect(page.getByTestId('packet')).toHaveAttribute('data-hop', '24');
  await page.getByTestId('terminal-host').click();
  await expect.poll(loops).toEqual(['blink_block']);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect.poll(loops).toEqual([]);
});

test('a ping from mynet to docker0 stops at the raw table rule, and what changed since the articles is explained', async ({ page, lab, shot }) => {
  test.slow(); // several commands and a packet animation; the machine may be shared
  await lab.open();
  await lab.type('docker exec bbox1 ping -c 1 -W 1 172.17.0.2');
  await expect(lab.terminal()).toContainText('1 packets transmitted, 0 packets received, 100% packet loss');
  await expect(lab.outcome()).toHaveAttribute('data-outcome', 'dropped');
  await expect(lab.outcome()).toContainText('-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP');
  await expect(lab.outcome()).toContainText('table raw, chain PREROUTING');
  // Let the animation reach the drop: the packet stops there with the rule.
  await expect(page.locator('.hop.is-current')).toHaveClass(/is-deciding/, { timeout: 15_000 });
  await expect(page.getByTestId('packet')).toHaveClass(/failed/);
  await expect(page.getByTestId('packet')).toContainText('-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP');
  await expect(lab.node('host:stack')).toHaveClass(/is-current/);
  await shot('ping-dropped');
  // A drop the articles would not show is explained.
  const since = page.getByTestId('trace-since');
  await expect(since).toContainText('Since the articles:');
  await expect(since).toContainText('dropped even earlier: in the raw table’s PREROUTING');
  await expect(since.getByRole('button', { name: 'Try “Isolation between networks, and the connect fix”' })).toBeVisible();
  await lab.showPanel('Rules');
  const final = page.getByTestId('rules').locator('[data-mark="final"]');
  await expect(final).toHaveCount(1);
  await expect(final).toContainText(/\[1:84\]\s*-A PREROUTING -d 172\.17\.0\.2\/32 ! -i docker0 -j DROP/);
  await shot('ping-dropped-rules');
  // A reply has nothing to explain.
  await lab.showPanel('Trace');
  await lab.type('docker exec bbox1 ping -c 1 bbox2');
  await expect(lab.outcome()).toContainText('reply');
  await expect(since).toHaveCount(0);
});

test('docker exec -it opens a container shell tab that heads its traces; docker run -it opens the main shell: × detaches, exit ends it', async ({ page, lab, shot }) => {
  test.slow(); // several commands and a packet animation; the machine may be shared
  await lab.open();
  await lab.type('docker exec -it bbox2 sh');
  const tab = page.getByRole('tab', { name: 'bbox2 shell' });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(lab.terminal('bbox2')).toContainText('/ #');
  await lab.type('ping -c 1 bbox1', 'bbox2');
  await expect(lab.terminal('bbox2')).toContainText('64 bytes from 172.18.0.2');
  await expect(lab.outcome()).toHaveAttribute('data-outcome', 'replied');
  // Typed in the container's own tab, the trace is headed by that line, not its recorded form;
  // ping asked the embedded DNS for bbox1's A and AAAA first, so the echo is the last of three packets.
  await expect(page.locator('.trace-command')).toHaveText('bbox2 / # ping -c 1 bbox1 (last of 3 packets)');
  await shot('container-shell');
  // The arrow keys move between the terminal's tabs.
  await tab.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'dockerhost' })).toBeFocused();
  await expect(page.getByTestId('terminal-host')).toBeVisible();
  await expect(page.getByTestId('terminal-bbox2')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(tab).toBeFocused();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await lab.type('exit', 'bbox2');
  await expect(tab).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'dockerhost' })).toHaveAttribute('aria-selected', 'true');
  // The tab's shell gets what its docker exec was given: -e's variable, -w's directory (in the prompt too).
  await lab.type('docker exec -it -e GREETING=hi -w /tmp bbox1 sh');
  await expect(lab.terminal('bbox1')).toContainText('/tmp #');
  await lab.type('echo $GREETING from $(pwd)', 'bbox1');
  await expect(lab.terminal('bbox1')).toContainText('hi from /tmp');
  // The tab's shell keeps its state from line to line: a cd moves its prompt.
  await lab.type('cd /etc', 'bbox1');
  await expect(lab.terminal('bbox1')).toContainText('/etc #');
  await lab.type('exit', 'bbox1');
  // The container lines were recorded as host commands (`history` lists the recorded script).
  await lab.type('history');
  await expect(lab.terminal()).toContainText("docker exec -t bbox2 sh -c 'ping -c 1 bbox1'");
  await expect(lab.terminal()).toContainText("docker exec -t -e GREETING=hi -w /tmp bbox1 sh -c 'echo $GREETING from $(pwd)'");

  // docker run -it opens the container's main shell: × detaches, exit ends the container (--rm: its node leaves the canvas).
  // × on a main shell is a detach: the tab goes, the container stays.
  await lab.type('docker run -it --name keep busybox sh');
  await expect(page.getByRole('tab', { name: 'keep shell' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Detach from keep (it keeps running)' }).click();
  await expect(page.getByRole('tab', { name: 'keep shell' })).toHaveCount(0);
  await expect(lab.node('c:keep')).toBeVisible();

  await lab.type('docker run -it --rm --name tmp busybox sh');
  const tmpTab = page.getByRole('tab', { name: 'tmp shell' });
  await expect(tmpTab).toHaveAttribute('aria-selected', 'true');
  await expect(lab.terminal('tmp')).toContainText('tmp’s main process (PID 1): exit ends the container');
  await expect(lab.node('c:tmp')).toBeVisible();
  await lab.type('exit', 'tmp');
  await expect(tmpTab).toHaveCount(0);
  await expect(lab.node('c:tmp')).toHaveCount(0);
  await expect(lab.node('c:keep')).toBeVisible();
  // The exit is in the recorded script as the line that replays it.
  await lab.type('history');
  await expect(lab.terminal()).toContainText('docker attach tmp # exit 0');
});

test('reload keeps the world, the node positions and what the inspector shows', async ({ page, lab, shot }) => {
  test.slow(); // several commands and a packet animation; the machine may be shared
  await lab.open();
  await lab.type('docker network create other');
  await lab.type('docker run -dit --name bbox4 --network other busybox');
  await expect(lab.node('c:bbox4')).toBeVisible();
  await lab.liveCanvas();
  const before = await lab.position('c:bbox3');
  const box = (await lab.node('c:bbox3').boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + 90, box.y + 62, { steps: 8 });
  await page.mouse.up();
  const moved = await lab.position('c:bbox3');
  expect(moved.y).toBeGreaterThan(before.y + 20);
  const bbox4 = await lab.position('c:bbox4');
  // bbox4 in the inspector.
  await lab.node('c:bbox4').click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await expect(page.getByTestId('inspector')).toContainText('bbox4');

  await page.reload();
  await expect(lab.node('c:bbox4')).toBeVisible();
  // xterm's rows: its chunk comes seconds after the prompt on a loaded machine (fixtures.ts).
  await lab.xterm();
  await expect(lab.terminal()).toContainText('your session is back: 6 commands replayed');
  expect(await lab.position('c:bbox3')).toEqual(moved);
  expect(await lab.position('c:bbox4')).toEqual(bbox4);
  await expect(page.locator('.react-flow__node-bridge').filter({ hasText: 'other' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('inspector')).toContainText('bbox4');
  await expect(lab.node('c:bbox4')).toHaveClass(/selected/);
  await lab.type('docker ps --format "{{.Names}}"');
  await expect(lab.terminal()).toContainText('bbox4');
  await shot('after-reload');
});

test('Reset offers the example world or an empty host, and lists the user’s own commands that would be lost', async ({ page, lab, shot }) => {
  test.slow(); // several commands, two new worlds and a reload; the machine may be shared
  await lab.open();
  await lab.type('docker network create important');
  await lab.type('docker run -dit --name keepme --network important busybox');
  await expect(lab.node('c:keepme')).toBeVisible();
  // Disconnected from its only network, it keeps just lo (and is not a `none` container).
  await lab.type('docker network disconnect important keepme');
  await expect(lab.node('c:keepme')).toContainText('on no network (all disconnected): only lo');
  const reset = page.getByRole('button', { name: 'Reset', exact: true });
  await reset.click();
  const start = page.getByRole('dialog', { name: 'Start over' });
  await expect(start).toContainText('The 3 commands you ran yourself will be lost');
  await expect(start.locator('code')).toHaveText([
    'docker network create important',
    'docker run -dit --name keepme --network important busybox',
    'docker network disconnect important keepme',
  ]);
  await expect(start.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await shot('reset-confirm');
  await page.keyboard.press('Escape');
  await expect(start).toBeHidden();
  await expect(lab.node('c:keepme')).toBeVisible();
  await expect(reset).toBeFocused();

  await reset.click();
  await start.getByRole('button', { name: 'The example world' }).click();
  await expect(lab.node('c:keepme')).toHaveCount(0);
  await expect(lab.node('c:bbox3')).toBeVisible();
  await expect(page.locator('.scenario-title')).toHaveText('Two networks: mynet and docker0');

  // Nothing of the user's own left: the choice alone, then an empty host.
  await lab.type('docker exec bbox1 ping -c 1 bbox2');
  await reset.click();
  await expect(start.locator('code')).toHaveCount(0);
  await start.getByRole('button', { name: 'An empty host' }).click();
  await expect(lab.node('c:bbox1')).toHaveCount(0);
  await expect(lab.node('host:stack')).toBeVisible();
  await expect(page.locator('.scenario-title')).toHaveText('An empty Docker host');
  await page.reload();
  await expect(page.locator('.scenario-title')).toHaveText('An empty Docker host');
  await expect(lab.node('c:bbox1')).toHaveCount(0);
  await lab.type('docker ps');
  await expect(lab.terminal()).toContainText('CONTAINER ID   IMAGE');
  await expect(page.locator('.scenario-title')).toHaveText('Your own world');
});

test('a corrupt saved session gives a fresh world and a notice', async ({ page, lab }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('vethlab.session', '{"version":1,"commands":[1,2');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await lab.open();
  await expect(page.getByRole('alert')).toContainText('could not be read');
  await expect(lab.node('c:bbox2')).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('on a 390-px phone the canvas, the terminal and the panels take turns', async ({ page, lab, shot }) => {
  test.slow(); // several commands and a packet animation; the machine may be shared
  await page.setViewportSize({ width: 390, height: 844 });
  await lab.open();
  const bar = page.getByRole('navigation', { name: 'Show' });
  await expect(bar.getByRole('button', { name: 'Canvas' })).toHaveAttribute('aria-pressed', 'true');
  // The canvas fills the width between the header and the bar, its nodes at a readable size.
  const canvas = (await page.getByTestId('topology').boundingBox())!;
  const barBox = (await bar.boundingBox())!;
  expect(canvas.width).toBeGreaterThan(380);
  expect(canvas.height).toBeGreaterThan(500);
  expect(barBox.y + barBox.height).toBeLessThanOrEqual(844);
  for (const id of ['c:bbox1', 'c:bbox2', 'c:bbox3']) {
    await expect(lab.node(id)).toBeInViewport();
    expect((await lab.node(id).boundingBox())!.width).toBeGreaterThanOrEqual(100);
  }
  await expect(page.locator('.react-flow__minimap')).toBeHidden();
  await expect(page.getByTestId('terminal-host')).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Packet trace and rules' })).toBeHidden();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await shot('phone-390-top');

  // The terminal: full width, takes typed commands.
  await bar.getByRole('button', { name: 'Terminal' }).click();
  await expect(page.getByTestId('topology')).toBeHidden();
  const term = (await page.getByTestId('terminal-host').boundingBox())!;
  expect(term.width).toBeGreaterThan(360);
  expect(term.height).toBeGreaterThan(400);
  await lab.type('docker exec bbox1 ping -c 1 bbox2');
  await expect(lab.terminal()).toContainText('64 bytes from 172.18.0.3: seq=0 ttl=64');
  // The trace arrived while the panels were hidden: their button says so.
  await expect(bar.getByRole('button', { name: /Panels.*a new trace/ })).toBeVisible();
  await shot('phone-390-terminal');

  // The panels: the trace of that ping, and the rules.
  await bar.getByRole('button', { name: /^Panels/ }).click();
  await expect(lab.outcome()).toHaveAttribute('data-outcome', 'replied');
  await expect(lab.outcome()).toBeInViewport();
  await expect(bar.getByRole('button', { name: 'Panels', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await shot('phone-390-trace');
  await lab.showPanel('Rules');
  await expect(page.getByTestId('rules')).toBeVisible();

  // A command run from a node's menu on the canvas shows the terminal with its output.
  await bar.getByRole('button', { name: 'Canvas' }).click();
  await lab.node('c:bbox3').click({ button: 'right', position: { x: 40, y: 10 } });
  await page.getByRole('menu', { name: 'Actions of bbox3' }).getByRole('menuitem', { name: /^Stop/ }).click();
  await expect(page.getByTestId('terminal-host')).toBeVisible();
  await expect(lab.terminal()).toContainText('root@dockerhost:~# docker stop bbox3');
  await shot('phone-390');

  // Turned sideways, then back: the canvas fits the host again each time.
  await bar.getByRole('button', { name: 'Canvas' }).click();
  await page.setViewportSize({ width: 844, height: 390 });
  // Still one pane at a time: the canvas takes the height between the header and the bar.
  await expect(page.getByTestId('terminal-host')).toBeHidden();
  await expect(page.locator('.react-flow__minimap')).toBeHidden();
  for (const id of ['c:bbox1', 'c:bbox2', 'c:bbox3']) await expect(lab.node(id)).toBeInViewport();
  await shot('phone-landscape');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(bar.getByRole('button', { name: 'Canvas' })).toHaveAttribute('aria-pressed', 'true');
  for (const id of ['c:bbox1', 'c:bbox2', 'c:bbox3']) {
    await expect(lab.node(id)).toBeInViewport();
    expect((await lab.node(id).boundingBox())!.width).toBeGreaterThanOrEqual(100);
  }
});

test('dark theme and Chinese', async ({ page, lab, shot }) => {
  test.slow(); // several commands and a packet animation; the machine may be shared
  await page.emulateMedia({ colorScheme: 'dark' });
  await lab.open();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await lab.type('docker exec bbox1 ping -c 1 -W 1 172.17.0.2');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('tab', { name: '规则' })).toBeVisible();
  await expect(lab.outcome()).toContainText('被丢弃');
  // The canvas's nodes take the language too (one translation function for the canvas, node-kit.ts).
  await expect(lab.node('host:stack')).toContainText('IP 协议栈：路由 + iptables');
  await expect(lab.node('c:bbox1')).toContainText('运行中');
  // Each hop's sentence too, from its note; addresses and names stay as they are.
  await expect(page.getByRole('list', { name: '逐跳' }).locator('.hop-detail').first()).toHaveText('container:bbox1 发送 ICMP echo request 172.18.0.2 > 172.17.0.2');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await shot('dark-zh');
  await page.getByRole('button', { name: '切换到浅色主题' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('tab', { name: '追踪' })).toBeVisible();
});
