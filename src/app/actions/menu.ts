/**
 * The actions a canvas node offers, as data: each item runs one command line (or
 * opens the inspector), so the context menu, its keyboard version and the
 * inspector's buttons show and run the very same lines. Which items exist and
 * what they type follows the world: a container's state, its image's tools
 * (busybox ping and wget, curl in the Debian images), the networks it shares
 * with the target (a name where Docker's DNS answers it, else an address).
 * Pure: reads the simulator, changes nothing.
 */
import type { Container } from '../../sim/docker/model.ts';
import type { Image } from '../../sim/docker/images.ts';
import { boundPorts } from '../../sim/docker/portmap.ts';
import type { NetnsView } from '../../sim/net/api.ts';
import { HOST_IP, INTERNET_IP } from '../../sim/docker/world.ts';
import { formatIPv4 } from '../../sim/netfilter/inet.ts';
import { shellQuote } from '../../scenario/scenario.ts';
import { type ActionWorld, attachedNetworks } from './world.ts';

export interface MenuWorld extends ActionWorld {
  kernel: { netns(name: string): NetnsView | undefined };
}

export type MenuAction =
  | { kind: 'run'; line: string }
  | { kind: 'inspect'; node: string }
  /** Opens the "Add container" (optionally on a network) or the "Add network" dialog. */
  | { kind: 'dialog'; dialog: 'container' | 'network'; network?: string };

export interface MenuItem {
  id: string;
  /** i18n key (namespace `actions`), with its values. */
  label: string;
  values?: Record<string, string>;
  action?: MenuAction;
  children?: MenuItem[];
  disabled?: boolean;
  /** Why it is disabled: an i18n key. */
  reason?: string;
  danger?: boolean;
}

const q = shellQuote;
const running = (c: Container) => c.state === 'running' || c.state === 'paused';

export function imageOf(world: ActionWorld, c: Container): Image | undefined {
  const name = c.image.replace(/:[^:/]*$/, '');
  return world.engine.images.find((i) => i.name === name);
}

/** Whether the image has a program on its PATH. */
export function hasTool(image: Image | undefined, tool: string): boolean {
  if (!image) return false;
  return ['/bin', '/usr/bin', '/sbin', '/usr/sbin', '/usr/local/bin'].some((d) => image.executables.has(`${d}/${tool}`));
}

/** How `from` names `to` in a ping or a URL: its name on a shared user network (Docker's DNS), else its address. */
export function addressFor(world: ActionWorld, from: Container, to: Container): string | undefined {
  const shared = [...to.endpoints.values()].filter((ep) => from.endpoints.has(ep.networkId));
  if (shared.some((ep) => !world.engine.networks.get(ep.networkId)?.isDefault)) return to.name;
  const ep = shared[0] ?? [...to.endpoints.values()][0];
  return ep ? formatIPv4(ep.ip) : undefined;
}

/** The TCP port a container's server listens on, or 80. */
function serverPort(world: MenuWorld, c: Container): number {
  const view = c.netns ? world.kernel.netns(c.netns) : undefined;
  const tcp = view?.sockets().find((s) => s.proto === 'tcp' && s.address !== '127.0.0.1' && s.address !== '127.0.0.11');
  return tcp?.port ?? 80;
}

function url(host: string, port: number): string {
  return port === 80 ? `http://${host}` : `http://${host}:${port}`;
}

/** `curl -sS URL` where the image has curl, else `wget -qO- URL`, else nothing. */
function fetchCommand(image: Image | undefined, target: string): string | undefined {
  if (hasTool(image, 'curl')) return `curl -sS ${target}`;
  if (hasTool(image, 'wget')) return `wget -qO- ${target}`;
  return undefined;
}

function others(world: ActionWorld, c: Container): Container[] {
  return [...world.engine.containers.values()]
    .filter((o) => o !== c && running(o) && o.netns !== undefined && o.netns !== c.netns && o.endpoints.size > 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function run(id: string, label: string, line: string, values?: Record<string, string>, extra: Partial<MenuItem> = {}): MenuItem {
  return { id, label, ...(values ? { values } : {}), action: { kind: 'run', line }, ...extra };
}

function empty(id: string): MenuItem {
  return { id, label: 'menu.none', disabled: true };
}

export function containerMenu(world: MenuWorld, name: string): MenuItem[] {
  const c = [...world.engine.containers.values()].find((x) => x.name === name);
  if (!c) return [];
  const n = q(c.name);
  const image = imageOf(world, c);
  const up = c.state === 'running';
  const items: MenuItem[] = [{ id: 'inspect', label: 'menu.inspect', action: { kind: 'inspect', node: `c:${c.name}` } }];
  items.push(run('shell', 'menu.shell', `docker exec -it ${n} sh`, undefined, up ? {} : { disabled: true, reason: 'menu.notRunning' }));

  const targets = up ? others(world, c) : [];
  const ping: MenuItem = { id: 'ping', label: 'menu.ping' };
  if (!up) Object.assign(ping, { disabled: true, reason: 'menu.notRunning' });
  else if (!hasTool(image, 'ping')) Object.assign(ping, { disabled: true, reason: 'menu.noPing' });
  else {
    ping.children = targets.flatMap((t) => {
      const addr = addressFor(world, c, t);
      return addr ? [run(`ping:${t.name}`, 'menu.target', `docker exec ${n} ping -c 1 ${addr}`, { name: t.name, address: addr })] : [];
    });
    ping.children.push(run('ping:internet', 'menu.internet', `docker exec ${n} ping -c 1 ${INTERNET_IP}`, { address: INTERNET_IP }));
  }
  items.push(ping);

  const fetch: MenuItem = { id: 'fetch', label: hasTool(image, 'curl') ? 'menu.curl' : 'menu.wget' };
  if (!up) Object.assign(fetch, { disabled: true, reason: 'menu.notRunning' });
  else if (!fetchCommand(image, '')) Object.assign(fetch, { disabled: true, reason: 'menu.noFetch' });
  else {
    fetch.children = [];
    for (const t of targets) {
      const addr = addressFor(world, c, t);
      if (!addr) continue;
      const u = url(addr, serverPort(world, t));
      fetch.children.push(run(`fetch:${t.name}`, 'menu.target', `docker exec ${n} ${fetchCommand(image, u)}`, { name: t.name, address: u.slice(7) }));
      for (const p of boundPorts(t)) {
        if (!p.proxied || p.hostIp.includes(':') || p.proto !== 'tcp') continue;
        const pu = url(HOST_IP, p.hostPort);
        fetch.children.push(
          run(`fetch:${t.name}:${p.hostPort}`, 'menu.published', `docker exec ${n} ${fetchCommand(image, pu)}`, { name: t.name, address: pu.slice(7), port: String(p.containerPort) }),
        );
      }
    }
    if (fetch.children.length === 0) fetch.children.push(empty('fetch:none'));
  }
  items.push(fetch);

  const attached = attachedNetworks(world, c);
  const bridgeMode = c.networkMode.kind === 'bridge';
  const connectable = [...world.engine.networks.values()].filter((net) => net.driver === 'bridge' && !attached.includes(net));
  items.push({
    id: 'connect',
    label: 'menu.connect',
    ...(bridgeMode ? { children: connectable.length ? connectable.map((net) => run(`connect:${net.name}`, 'menu.network', `docker network connect ${q(net.name)} ${n}`, { network: net.name })) : [empty('connect:none')] } : { disabled: true, reason: 'menu.notBridgeMode' }),
  });
  items.push({
    id: 'disconnect',
    label: 'menu.disconnect',
    ...(attached.length
      ? { children: attached.map((net) => run(`disconnect:${net.name}`, 'menu.network', `docker network disconnect ${q(net.name)} ${n}`, { network: net.name })) }
      : { disabled: true, reason: 'menu.noNetworks' }),
  });

  if (c.state === 'running') {
    items.push(run('stop', 'menu.stop', `docker stop ${n}`));
    items.push(run('restart', 'menu.restart', `docker restart ${n}`));
    items.push(run('pause', 'menu.pause', `docker pause ${n}`));
  } else if (c.state === 'paused') {
    items.push(run('unpause', 'menu.unpause', `docker unpause ${n}`));
    items.push(run('stop', 'menu.stop', `docker stop ${n}`));
  } else {
    items.push(run('start', 'menu.start', `docker start ${n}`));
  }
  items.push(run('remove', 'menu.remove', `docker rm -f ${n}`, undefined, { danger: true }));
  return items;
}

export function networkMenu(world: MenuWorld, bridge: string): MenuItem[] {
  const items: MenuItem[] = [{ id: 'inspect', label: 'menu.inspect', action: { kind: 'inspect', node: `bridge:${bridge}` } }];
  const net = [...world.engine.networks.values()].find((x) => x.bridge === bridge);
  if (!net) return items;
  const nq = q(net.name);
  const containers = [...world.engine.containers.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const on = containers.filter((c) => attachedNetworks(world, c).includes(net));
  const off = containers.filter((c) => c.networkMode.kind === 'bridge' && !on.includes(c));
  items.push({
    id: 'connect',
    label: 'menu.connectContainer',
    children: off.length ? off.map((c) => run(`connect:${c.name}`, 'menu.container', `docker network connect ${nq} ${q(c.name)}`, { name: c.name })) : [empty('connect:none')],
  });
  items.push({
    id: 'disconnect',
    label: 'menu.disconnectContainer',
    ...(on.length
      ? { children: on.map((c) => run(`disconnect:${c.name}`, 'menu.container', `docker network disconnect ${nq} ${q(c.name)}`, { name: c.name })) }
      : { disabled: true, reason: 'menu.noContainers' }),
  });
  if (!net.isDefault) items.push({ id: 'add', label: 'menu.addOn', values: { network: net.name }, action: { kind: 'dialog', dialog: 'container', network: net.name } });
  items.push(run('remove', 'menu.removeNetwork', `docker network rm ${nq}`, undefined, { danger: true }));
  return items;
}

/** The Docker host and the LAN client: fetch each published port (from the host through localhost, from the LAN at the host's address). */
function publishedMenu(world: MenuWorld, node: 'host:stack' | 'lan'): MenuItem[] {
  const items: MenuItem[] = [{ id: 'inspect', label: 'menu.inspect', action: { kind: 'inspect', node } }];
  const children: MenuItem[] = [];
  for (const c of world.engine.containers.values()) {
    if (c.state !== 'running') continue;
    for (const p of boundPorts(c)) {
      if (!p.proxied || p.hostIp.includes(':') || p.proto !== 'tcp') continue;
      const u = url(node === 'lan' ? HOST_IP : '127.0.0.1', p.hostPort);
      const line = node === 'lan' ? `lan$ curl -sS ${u}` : `curl -sS ${u}`;
      children.push(run(`fetch:${c.name}:${p.hostPort}`, 'menu.published', line, { name: c.name, address: u.slice(7), port: String(p.containerPort) }));
    }
  }
  items.push({ id: 'fetch', label: 'menu.curl', ...(children.length ? { children } : { disabled: true, reason: 'menu.noPublished' }) });
  return items;
}

/** The canvas's own menu (a right click on the background). */
export const PANE_MENU: readonly MenuItem[] = [
  { id: 'add-container', label: 'toolbar.addContainer', action: { kind: 'dialog', dialog: 'container' } },
  { id: 'add-network', label: 'toolbar.addNetwork', action: { kind: 'dialog', dialog: 'network' } },
];

/** The menu of a canvas node (by its id; `pane` for the canvas itself), or none. */
export function nodeMenu(world: MenuWorld, nodeId: string): MenuItem[] {
  if (nodeId === 'pane') return [...PANE_MENU];
  if (nodeId.startsWith('c:')) return containerMenu(world, nodeId.slice(2));
  if (nodeId.startsWith('bridge:')) return networkMenu(world, nodeId.slice('bridge:'.length));
  if (nodeId === 'host:stack' || nodeId === 'lan') return publishedMenu(world, nodeId);
  if (nodeId === 'host') return [];
  return [{ id: 'inspect', label: 'menu.inspect', action: { kind: 'inspect', node: nodeId } }];
}
