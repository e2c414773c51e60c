/**
 * The UI's actions as command lines (src/app/actions) and the inspector's
 * read-only view (src/app/inspector/data.ts), on the first screen's world.
 */
import { describe, expect, it } from 'vitest';
import { replay, runLine } from '../../src/scenario/scenario.ts';
import { STARTER_SCENARIO } from '../../src/scenario/starter.ts';
import {
  EMPTY_NETWORK_FORM,
  EMPTY_RUN_FORM,
  networkCreateLine,
  runCommandLine,
  runFlags,
  suggestName,
  validateNetwork,
  validateRun,
} from '../../src/app/actions/commands.ts';
import { containerMenu, type MenuItem, networkMenu, nodeMenu } from '../../src/app/actions/menu.ts';
import { dropLine } from '../../src/app/actions/world.ts';
import { deriveGraph } from '../../src/app/graph/derive.ts';
import { inspect } from '../../src/app/inspector/data.ts';

const starter = () => replay(STARTER_SCENARIO.commands).sim;

function lines(items: MenuItem[]): string[] {
  return items.flatMap((i) => [...(i.action?.kind === 'run' ? [i.action.line] : []), ...lines(i.children ?? [])]);
}
const find = (items: MenuItem[], id: string) => items.find((i) => i.id === id);

describe('docker run from the form', () => {
  it('builds the line with -dit for shells and -d for servers', () => {
    const sim = starter();
    expect(runCommandLine({ ...EMPTY_RUN_FORM, name: 'bbox4', network: 'mynet' }, sim)).toBe('docker run -dit --name bbox4 --network mynet busybox');
    expect(runCommandLine({ image: 'nginx', name: 'web', network: '', ports: '8080:80, 127.0.0.1:8443:443/tcp', links: 'bbox3:db' }, sim)).toBe(
      'docker run -d --name web -p 8080:80 -p 127.0.0.1:8443:443/tcp --link bbox3:db nginx',
    );
    const flags = Object.fromEntries(sim.engine.images.map((i) => [i.name, runFlags(i)]));
    expect(flags).toEqual({ busybox: '-dit', httpd: '-d', redis: '-d', alpine: '-dit', nginx: '-d', python: '-dit', ubuntu: '-dit' });
  });

  it('every image runs and stays up with its flags', () => {
    const sim = starter();
    for (const image of sim.engine.images) {
      const name = suggestName(image.name, sim);
      const out = runLine(sim, runCommandLine({ ...EMPTY_RUN_FORM, image: image.name, name }, sim));
      expect(out.exitCode, `${image.name}: ${out.stderr}`).toBe(0);
      expect(sim.engine.findContainer(name)?.state).toBe('running');
    }
  });

  it('warns where Docker would refuse, and the simulator refuses too', () => {
    const sim = starter();
    const keys = (form: Partial<typeof EMPTY_RUN_FORM>) => validateRun({ ...EMPTY_RUN_FORM, ...form }, sim).map((p) => p.key);
    expect(keys({ name: 'bbox4' })).toEqual([]);
    expect(keys({ name: 'bbox1' })).toEqual(['check.nameInUse']);
    expect(keys({ name: 'x' })).toEqual(['check.badName']);
    expect(keys({ name: 'ok1', network: 'nosuch' })).toEqual(['check.noNetwork']);
    expect(keys({ name: 'ok1', ports: '8080:80 99999:80 abc' })).toEqual(['check.badPort', 'check.badPort']);
    expect(keys({ name: 'ok1', links: 'nosuch:db' })).toEqual(['check.noLinkTarget']);
    runLine(sim, 'docker run -d --name web -p 8080:80 nginx');
    expect(keys({ name: 'web2', ports: '8080:80' })).toEqual(['check.portTaken']);
    for (const form of [{ name: 'bbox1' }, { name: 'x' }, { name: 'ok1', network: 'nosuch' }, { name: 'web2', ports: '8080:80', image: 'httpd' }]) {
      const out = runLine(sim, runCommandLine({ ...EMPTY_RUN_FORM, ...form }, sim));
      expect(out.exitCode, JSON.stringify(form)).not.toBe(0);
    }
  });
});

describe('docker network create from the form', () => {
  it('builds the line', () => {
    expect(networkCreateLine({ ...EMPTY_NETWORK_FORM, name: 'back' })).toBe('docker network create back');
    expect(networkCreateLine({ name: 'back', subnet: '10.10.0.0/24', internal: true, icc: false })).toBe(
      'docker network create --subnet 10.10.0.0/24 --internal -o com.docker.network.bridge.enable_icc=false back',
    );
  });

  it('warns where Docker would refuse, and the simulator refuses too', () => {
    const sim = starter();
    const keys = (form: Partial<typeof EMPTY_NETWORK_FORM>) => validateNetwork({ ...EMPTY_NETWORK_FORM, ...form }, sim).map((p) => p.key);
    expect(keys({ name: 'back', subnet: '10.10.0.0/24' })).toEqual([]);
    expect(keys({ name: 'mynet' })).toEqual(['check.networkInUse']);
    expect(keys({ name: '' })).toEqual(['check.networkNameMissing']);
    expect(keys({ name: 'b2', subnet: '10.10.0.1/24' })).toEqual(['check.subnetHostBits']);
    expect(keys({ name: 'b3', subnet: '172.18.5.0/24' })).toEqual(['check.subnetOverlaps']);
    expect(keys({ name: 'b4', subnet: '10.300.0.0/16' })).toEqual(['check.badSubnet']);
    for (const form of [{ name: 'mynet' }, { name: 'b3', subnet: '172.18.5.0/24' }]) {
      expect(runLine(sim, networkCreateLine({ ...EMPTY_NETWORK_FORM, ...form })).exitCode).not.toBe(0);
    }
    expect(runLine(sim, networkCreateLine({ name: 'back', subnet: '10.10.0.0/24', internal: true, icc: false })).exitCode).toBe(0);
  });
});

describe('context menus', () => {
  it('pings by name on a shared user network, else by address', () => {
    const sim = starter();
    const ping = find(containerMenu(sim, 'bbox1'), 'ping')!;
    expect(lines(ping.children!)).toEqual(['docker exec bbox1 ping -c 1 bbox2', 'docker exec bbox1 ping -c 1 172.17.0.2', 'docker exec bbox1 ping -c 1 203.0.113.10']);
    runLine(sim, 'docker network connect mynet bbox3');
    expect(lines(find(containerMenu(sim, 'bbox1'), 'ping')!.children!)).toContain('docker exec bbox1 ping -c 1 bbox3');
  });

  it('offers what the state allows', () => {
    const sim = starter();
    const ids = (name: string) => containerMenu(sim, name).map((i) => i.id);
    expect(ids('bbox1')).toEqual(['inspect', 'shell', 'ping', 'fetch', 'connect', 'disconnect', 'stop', 'restart', 'pause', 'remove']);
    runLine(sim, 'docker stop bbox1');
    expect(ids('bbox1')).toEqual(['inspect', 'shell', 'ping', 'fetch', 'connect', 'disconnect', 'start', 'remove']);
    expect(find(containerMenu(sim, 'bbox1'), 'shell')!.disabled).toBe(true);
    runLine(sim, 'docker pause bbox2');
    expect(ids('bbox2')).toContain('unpause');
  });

  it('fetches with the tool the image has, at the port its server listens on', () => {
    const sim = starter();
    runLine(sim, 'docker run -d --name web --network mynet -p 8080:80 nginx');
    runLine(sim, 'docker run -d --name cache --network mynet redis');
    const fromBbox = lines(find(containerMenu(sim, 'bbox1'), 'fetch')!.children!);
    expect(fromBbox).toContain('docker exec bbox1 wget -qO- http://web');
    expect(fromBbox).toContain('docker exec bbox1 wget -qO- http://cache:6379');
    expect(fromBbox).toContain('docker exec bbox1 wget -qO- http://192.168.1.108:8080');
    expect(lines(find(containerMenu(sim, 'web'), 'fetch')!.children!)).toContain('docker exec web curl -sS http://bbox1');
    expect(find(containerMenu(sim, 'web'), 'ping')!.disabled).toBe(true);
    expect(lines(nodeMenu(sim, 'lan'))).toEqual(['lan$ curl -sS http://192.168.1.108:8080']);
    const out = runLine(sim, 'docker exec bbox1 wget -qO- http://web');
    expect(out.stdout).toContain('Welcome to nginx!');
  });

  it('every line of every menu runs without an internal error', () => {
    const sim = starter();
    runLine(sim, 'docker run -d --name web --network mynet -p 8080:80 nginx');
    const graph = deriveGraph(sim);
    const all = graph.nodes.flatMap((n) => lines(nodeMenu(sim, n.id)));
    expect(all.length).toBeGreaterThan(30);
    for (const line of all) {
      const fresh = replay([...STARTER_SCENARIO.commands, 'docker run -d --name web --network mynet -p 8080:80 nginx']).sim;
      const out = runLine(fresh, line);
      expect(out.stderr, line).not.toContain('internal error');
    }
  });

  it('a network offers its containers to connect and disconnect', () => {
    const sim = starter();
    const menu = networkMenu(sim, 'docker0');
    expect(lines(find(menu, 'connect')!.children!)).toEqual(['docker network connect bridge bbox1', 'docker network connect bridge bbox2']);
    expect(lines(find(menu, 'disconnect')!.children!)).toEqual(['docker network disconnect bridge bbox3']);
    expect(lines(menu)).toContain('docker network rm bridge');
  });

  it('a container dropped on a bridge connects to its network, once', () => {
    const sim = starter();
    const mynet = [...sim.engine.networks.values()].find((n) => n.name === 'mynet')!;
    expect(dropLine(sim, 'c:bbox3', `bridge:${mynet.bridge}`)).toBe('docker network connect mynet bbox3');
    expect(dropLine(sim, 'c:bbox1', `bridge:${mynet.bridge}`)).toBeUndefined();
    expect(dropLine(sim, 'host:stack', `bridge:${mynet.bridge}`)).toBeUndefined();
    expect(runLine(sim, 'docker network connect mynet bbox3').exitCode).toBe(0);
    expect(dropLine(sim, 'c:bbox3', `bridge:${mynet.bridge}`)).toBeUndefined();
  });
});

describe('inspector', () => {
  it('shows a container as docker inspect and ip do', () => {
    const sim = starter();
    const graph = deriveGraph(sim);
    const v = inspect(sim, graph, 'c:bbox1');
    expect(v?.kind).toBe('container');
    if (v?.kind !== 'container') return;
    const ep = [...sim.engine.findContainer('bbox1')!.endpoints.values()][0]!;
    expect(v.image).toBe('busybox');
    expect(v.command).toBe('sh');
    expect(v.networks).toEqual([{ network: 'mynet', ip: '172.18.0.2', prefixLen: 16, mac: ep.mac, gateway: '172.18.0.1', ifname: 'eth0', veth: expect.stringMatching(/^veth:/) }]);
    expect(v.ipRoute).toBe('default via 172.18.0.1 dev eth0 \n172.18.0.0/16 dev eth0 proto kernel scope link src 172.18.0.2 \n');
    expect(v.ipAddr).toContain('172.18.0.2/16');
    expect(JSON.parse(v.json)[0].Name).toBe('/bbox1');
  });

  it('shows a network, a veth pair and the host', () => {
    const sim = starter();
    const graph = deriveGraph(sim);
    const net = inspect(sim, graph, 'bridge:docker0');
    expect(net).toMatchObject({ kind: 'network', network: 'bridge', driver: 'bridge', subnet: '172.17.0.0/16', gateway: '172.17.0.1', internal: false, icc: true, isDefault: true });
    if (net?.kind === 'network') {
      expect(net.containers.map((c) => c.name)).toEqual(['bbox3']);
      expect(net.ipLink).toMatch(/^\d+: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP>/);
      expect(net.ipLink).toContain('bridge forward_delay');
    }
    const vethId = graph.edges.find((e) => e.kind === 'veth' && e.ends?.target.netns === 'container:bbox3')!.id;
    const veth = inspect(sim, graph, vethId);
    expect(veth?.kind).toBe('veth');
    if (veth?.kind === 'veth') {
      expect(veth.ends[0]).toMatchObject({ netns: 'host', master: 'docker0' });
      expect(veth.ends[1]).toMatchObject({ netns: 'container:bbox3', iface: 'eth0', addresses: ['172.17.0.2/16'] });
      expect(veth.ipLink).toContain('bridge_slave state forwarding');
    }
    expect(inspect(sim, graph, 'host:stack')).toMatchObject({ kind: 'netns', netns: 'host' });
    expect(inspect(sim, graph, 'c:nosuch')).toBeUndefined();
  });

  it('reading changes nothing: the transcript after it is the same', () => {
    const script = ['docker exec bbox1 ping -c 2 bbox2', 'docker run -dit --name bbox4 busybox', 'docker inspect -f "{{.State.StartedAt}}" bbox4', 'iptables-save -c', 'ip -s link'];
    const plain = starter();
    const read = starter();
    const graph = deriveGraph(read);
    for (const n of graph.nodes) inspect(read, graph, n.id);
    for (const e of graph.edges) inspect(read, graph, e.id);
    for (const line of script) expect(runLine(read, line)).toEqual(runLine(plain, line));
  });
});
