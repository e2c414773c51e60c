/**
 * Actions as commands (ARCHITECTURE.md, principle 2) and the inspector: the
 * "Add container" and "Add network" dialogs, the context menus (mouse and
 * keyboard), dragging a container onto a bridge, the inspector's view of a
 * container, a network and a veth; every action shows as a typed line in the
 * terminal and comes back after a reload. Screenshots go to e2e-artifacts/.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const bridge = (page: Page, network: string) => page.locator('.react-flow__node-bridge').filter({ hasText: network });
const vethEdges = (page: Page) => page.locator('.react-flow__edge.edge-veth');

test('add a container and a network from the dialogs', async ({ page, lab, shot }) => {
  test.slow(); // several commands; the machine may be shared
  await lab.open();
  const opener = page.getByRole('button', { name: 'Add container' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Add a container' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Image')).toBeFocused();
  await dialog.getByLabel('Image').selectOption('nginx');
  const preview = dialog.getByTestId('command-preview');
  await expect(preview).toContainText('docker run -d --name web1 nginx');
  // Docker would refuse a name in use: the dialog says so, and still lets the user try.
  await dialog.getByLabel('Name').fill('bbox1');
  await expect(dialog.getByText('The container name "/bbox1" is already in use.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Run anyway' })).toBeVisible();
  await dialog.getByLabel('Name').fill('web');
  await dialog.getByLabel('Network').selectOption('mynet');
  await dialog.getByLabel('Published ports').fill('8080:80');
  await expect(preview).toContainText('docker run -d --name web --network mynet -p 8080:80 nginx');
  await expect(dialog.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  await shot('actions-add-container');
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(lab.terminal()).toContainText('root@dockerhost:~# docker run -d --name web --network mynet -p 8080:80 nginx');
  await expect(lab.node('c:web')).toBeVisible();
  await expect(lab.node('c:web')).toContainText('nginx');
  await expect(lab.node('c:web')).toContainText('0.0.0.0:8080->80/tcp');

  // Keyboard only: the network dialog opens from the toolbar, keeps focus inside, Esc gives it back.
  const addNetwork = page.getByRole('button', { name: 'Add network' });
  await addNetwork.focus();
  await page.keyboard.press('Enter');
  const netDialog = page.getByRole('dialog', { name: 'Add a network' });
  await expect(netDialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(netDialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(netDialog.getByRole('button', { name: 'Run', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(netDialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(netDialog).toHaveCount(0);
  await expect(addNetwork).toBeFocused();
  await page.keyboard.press('Enter');
  await netDialog.getByLabel('Name').fill('backend');
  await netDialog.getByLabel('Subnet').fill('10.10.0.0/24');
  await netDialog.getByLabel('Internal: no route out of the network').check();
  await netDialog.getByLabel('Containers on it may talk to each other (icc)').uncheck();
  await expect(netDialog.getByTestId('command-preview')).toContainText(
    'docker network create --subnet 10.10.0.0/24 --internal -o com.docker.network.bridge.enable_icc=false backend',
  );
  await page.keyboard.press('Enter');
  await expect(netDialog).toHaveCount(0);
  await expect(lab.terminal()).toContainText('docker network create --subnet 10.10.0.0/24 --internal');
  await expect(bridge(page, 'backend')).toContainText('10.10.0.0/24');
  await expect(bridge(page, 'backend')).toContainText('internal');
  await expect(bridge(page, 'backend')).toContainText('icc off');
});

test('ping dropped, drag onto the bridge connects, ping delivered; the inspector; reload keeps it all', async ({ page, lab, shot }) => {
  test.slow(); // several commands, packet animations and a reload; the machine may be shared
  await lab.open();

  // Right click bbox1 -> Ping -> bbox3 on docker0, by address: Docker drops it.
  await lab.node('c:bbox1').click({ button: 'right', position: { x: 60, y: 14 } });
  const menu = page.getByRole('menu', { name: 'Actions of bbox1' });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: /^Ping/ }).hover();
  const target = page.getByRole('menuitem', { name: /bbox3 \(172\.17\.0\.2\)/ });
  await expect(target).toContainText('docker exec bbox1 ping -c 1 172.17.0.2');
  await shot('actions-context-menu');
  await target.click();
  await expect(menu).toHaveCount(0);
  await expect(lab.terminal()).toContainText('root@dockerhost:~# docker exec bbox1 ping -c 1 172.17.0.2');
  await expect(lab.terminal()).toContainText('1 packets transmitted, 0 packets received, 100% packet loss');
  await expect(lab.outcome()).toHaveAttribute('data-outcome', 'dropped');

  // Drag bbox3 onto mynet's bridge: `docker network connect`, a new veth, and bbox3 back in its place.
  const veths = await vethEdges(page).count();
  const before = await lab.position('c:bbox3');
  const from = (await lab.node('c:bbox3').boundingBox())!;
  const to = (await bridge(page, 'mynet').boundingBox())!;
  await page.mouse.move(from.x + 50, from.y + 14);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await expect(bridge(page, 'mynet')).toHaveClass(/is-drop-target/);
  await shot('actions-drag-onto-bridge');
  await page.mouse.up();
  await expect(lab.terminal()).toContainText('root@dockerhost:~# docker network connect mynet bbox3');
  await expect(bridge(page, 'mynet')).not.toHaveClass(/is-drop-target/);
  await expect(vethEdges(page)).toHaveCount(veths + 1);
  await expect(lab.node('c:bbox3')).toContainText('172.18.0.4/16');
  expect(await lab.position('c:bbox3')).toEqual(before);

  // The same menu from the keyboard: Shift+F10 on the focused node, arrows, Enter; now by name, and delivered.
  await lab.node('c:bbox1').focus();
  await page.keyboard.press('Shift+F10');
  await expect(menu.getByRole('menuitem', { name: /^Inspect/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /^Ping/ })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const sub = page.getByRole('menu', { name: 'Ping: choose one' });
  await expect(sub.getByRole('menuitem').first()).toBeFocused();
  await expect(sub.getByRole('menuitem', { name: /^bbox3 \(bbox3\)/ })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(sub).toHaveCount(0);
  await expect(menu.getByRole('menuitem', { name: /^Ping/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await sub.getByRole('menuitem', { name: /^bbox3/ }).focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect(lab.node('c:bbox1')).toBeFocused();
  await expect(lab.terminal()).toContainText('docker exec bbox1 ping -c 1 bbox3');
  await expect(lab.terminal()).toContainText('64 bytes from 172.18.0.4: seq=0 ttl=64');
  await expect(lab.outcome()).toHaveAttribute('data-outcome', 'replied');
  await expect(lab.terminal()).toContainText('1 packets transmitted, 1 packets received, 0% packet loss');
  await shot('actions-ping-delivered');

  // Esc closes a menu and gives the focus back to the node.
  await page.keyboard.press('Shift+F10');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(lab.node('c:bbox1')).toBeFocused();

  // The inspector: select bbox3, open the tab; both networks with address, MAC and gateway.
  await lab.node('c:bbox3').click({ position: { x: 60, y: 14 } });
  await page.getByRole('tab', { name: 'Inspector' }).click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByRole('heading', { name: 'bbox3', exact: true })).toBeVisible();
  const nets = inspector.getByTestId('inspector-networks');
  const macs = await lab.node('c:bbox3').locator('.iface-addr .muted').allTextContents();
  expect(macs).toHaveLength(2);
  await expect(nets.getByRole('row', { name: /bridge/ })).toContainText('172.17.0.2/16');
  await expect(nets.getByRole('row', { name: /bridge/ })).toContainText(macs[0]!);
  await expect(nets.getByRole('row', { name: /bridge/ })).toContainText('172.17.0.1');
  await expect(nets.getByRole('row', { name: /mynet/ })).toContainText('172.18.0.4/16');
  await expect(nets.getByRole('row', { name: /mynet/ })).toContainText(macs[1]!);
  await expect(inspector).toContainText('default via 172.17.0.1 dev eth0');
  await shot('actions-inspector-container');
  // Its veth: both ends and `ip -d link` of the host end.
  await inspector.getByRole('button', { name: /Inspect the veth of eth1/ }).click();
  await expect(inspector.getByRole('heading', { name: /veth.* ⇄ eth1/ })).toBeVisible();
  await expect(inspector).toContainText('master br-');
  await expect(inspector).toContainText('bridge_slave state forwarding');
  // The network on the other end of it.
  await inspector.getByRole('region', { name: 'Host end' }).getByRole('button').last().click();
  await expect(inspector.getByRole('heading', { name: 'mynet', exact: true })).toBeVisible();
  await expect(inspector.getByRole('row', { name: /bbox3/ })).toContainText('172.18.0.4/16');
  await expect(inspector).toContainText('172.18.0.0/16');
  await shot('actions-inspector-network');

  // Reload: the same world, with every action's line in the session.
  await page.reload();
  // xterm's rows: its chunk comes seconds after the prompt on a loaded machine (fixtures.ts).
  await lab.xterm();
  await expect(lab.terminal()).toContainText('your session is back: 7 commands replayed');
  await expect(vethEdges(page)).toHaveCount(veths + 1);
  await expect(lab.node('c:bbox3')).toContainText('172.18.0.4/16');
  expect(await lab.position('c:bbox3')).toEqual(before);
  await lab.type('history');
  await expect(lab.terminal()).toContainText('docker network connect mynet bbox3');
  await expect(lab.terminal()).toContainText('docker exec bbox1 ping -c 1 bbox3');
  await shot('actions-after-reload');
});

test('stop, start and a shell from the menus; dark theme and Chinese', async ({ page, lab, shot }) => {
  test.slow(); // several commands; the machine may be shared
  await page.emulateMedia({ colorScheme: 'dark' });
  await lab.open();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await lab.node('c:bbox2').click({ button: 'right', position: { x: 60, y: 14 } });
  const menu = page.getByRole('menu', { name: 'bbox2 的操作' });
  await menu.getByRole('menuitem', { name: /^停止/ }).click();
  await expect(lab.terminal()).toContainText('root@dockerhost:~# docker stop bbox2');
  await expect(lab.node('c:bbox2')).toContainText('未运行');
  await lab.node('c:bbox2').click({ button: 'right', position: { x: 40, y: 10 } });
  await expect(menu.getByRole('menuitem', { name: /^打开 shell/ })).toHaveAttribute('aria-disabled', 'true');
  await menu.getByRole('menuitem', { name: /^启动/ }).click();
  await expect(lab.terminal()).toContainText('docker start bbox2');
  await expect(lab.node('c:bbox2')).toContainText('172.18.0.3/16');

  await lab.node('c:bbox2').click({ button: 'right', position: { x: 60, y: 14 } });
  await menu.getByRole('menuitem', { name: /^打开 shell/ }).click();
  await expect(page.getByRole('tab', { name: 'bbox2 shell' })).toHaveAttribute('aria-selected', 'true');
  await expect(lab.terminal('bbox2')).toContainText('/ #');

  await page.getByRole('button', { name: '添加容器' }).click();
  const dialog = page.getByRole('dialog', { name: '添加容器' });
  await dialog.getByLabel('名称').fill('x');
  await expect(dialog.getByText('容器名无效（x）')).toBeVisible();
  await shot('actions-dark-zh-dialog');
  await dialog.getByRole('button', { name: '仍然运行' }).click();
  // The simulator gives Docker's own error.
  await expect(lab.terminal()).toContainText('Invalid container name (x)');

  await lab.node('bridge:docker0').click({ button: 'right', position: { x: 40, y: 10 } });
  await page.getByRole('menu', { name: 'docker0 的操作' }).getByRole('menuitem', { name: /^检查/ }).click();
  await expect(page.getByRole('tab', { name: '检查器' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('inspector')).toContainText('172.17.0.0/16');
  await shot('actions-dark-zh-inspector');
});
