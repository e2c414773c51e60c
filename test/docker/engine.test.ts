import { describe, expect, it } from 'vitest';
import { DockerError, Engine } from '../../src/sim/docker/engine.ts';
import { HOST_NS } from '../../src/sim/docker/world.ts';
import { Kernel } from '../../src/sim/net/index.ts';
import { formatIPv4 } from '../../src/sim/netfilter/inet.ts';

const fresh = () => new Engine(new Kernel());
const rules = (e: Engine) => e.kernel.netns(HOST_NS)!.netfilter.save([], 4, 0).stdout.replace(/^#.*\n/gm, '');
const ipOf = (e: Engine, name: string) => [...e.findContainer(name)!.endpoints.values()].map((ep) => formatIPv4(ep.ip));

function daemonError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DockerError) return e.message;
    throw e;
  }
  throw new Error('expected a DockerError');
}

describe('IPAM', () => {
  it('hands out Docker’s pools in order, skipping the host’s LAN, and reuses a freed one first', () => {
    const e = fresh();
    const subnets = Array.from({ length: 16 }, (_, i) => e.createNetwork({ name: `n${i}` }).pool!.toString());
    expect(subnets.slice(0, 3)).toEqual(['172.18.0.0/16', '172.19.0.0/16', '172.20.0.0/16']);
    expect(subnets.slice(13)).toEqual(['172.31.0.0/16', '192.168.16.0/20', '192.168.32.0/20']);
    e.removeNetwork('n1');
    expect(e.createNetwork({ name: 'again' }).pool!.toString()).toBe('172.19.0.0/16');
  });

  it('gives the lowest free address and reuses a released one at once', () => {
    const e = fresh();
    for (const name of ['aa', 'bb', 'cc']) e.run({ image: 'busybox', name });
    expect(['aa', 'bb', 'cc'].map((n) => ipOf(e, n)[0])).toEqual(['172.17.0.2', '172.17.0.3', '172.17.0.4']);
    e.stop('aa');
    e.run({ image: 'busybox', name: 'dd' });
    expect(ipOf(e, 'dd')).toEqual(['172.17.0.2']);
    e.start('aa');
    expect(ipOf(e, 'aa')).toEqual(['172.17.0.5']);
  });

  it('puts the gateway at the start of --ip-range when none is given', () => {
    const e = fresh();
    const n = e.createNetwork({ name: 'r', subnet: '10.20.0.0/16', ipRange: '10.20.5.0/24' });
    expect(formatIPv4(n.pool!.gateway)).toBe('10.20.5.0');
    e.run({ image: 'busybox', name: 'xx', network: 'r' });
    expect(ipOf(e, 'xx')).toEqual(['10.20.5.1']);
  });
});

describe('lifecycle leaves no trace', () => {
  it('restores a fresh host’s rules, links and routes after everything is removed', () => {
    const e = fresh();
    const before = rules(e);
    const links = e.kernel.netns(HOST_NS)!.links().map((l) => l.name);
    e.createNetwork({ name: 'net1' });
    e.createNetwork({ name: 'quiet', internal: true });
    e.run({ image: 'httpd', name: 'web', ports: [{ proto: 'tcp', containerPort: 80, hostIp: '127.0.0.1', hostPort: 8081 }] });
    e.run({ image: 'busybox', name: 'c1', network: 'net1' });
    e.run({ image: 'busybox', name: 'qq', network: 'quiet' });
    for (const name of ['web', 'c1', 'qq']) e.remove(name, true);
    e.removeNetwork('net1');
    e.removeNetwork('quiet');
    // The raw table, once created, stays (empty) as nf_tables keeps it; every rule is gone.
    const ruleLines = (text: string) => text.split('\n').filter((l) => l.startsWith('-A'));
    expect(ruleLines(rules(e))).toEqual(ruleLines(before));
    expect(rules(e)).toContain('*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n');
    expect(e.kernel.netns(HOST_NS)!.links().map((l) => l.name)).toEqual(links);
    expect(e.kernel.netns(HOST_NS)!.sockets()).toEqual([]);
  });
});

describe('the daemon’s errors', () => {
  it('refuses a name in use, an invalid name and an unknown image, creating nothing', () => {
    const e = fresh();
    const first = e.run({ image: 'busybox', name: 'dup' });
    expect(daemonError(() => e.run({ image: 'busybox', name: 'dup' }))).toBe(
      `Conflict. The container name "/dup" is already in use by container "${first.id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
    expect(daemonError(() => e.run({ image: 'busybox', name: 'w' }))).toBe('Invalid container name (w), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed');
    expect(daemonError(() => e.run({ image: 'alpine' }))).toContain('lookup registry-1.docker.io on 192.168.1.1:53: no such host');
    expect(e.containers.size).toBe(1);
  });

  it('refuses duplicate, overlapping and malformed networks', () => {
    const e = fresh();
    e.createNetwork({ name: 'n1', subnet: '10.1.0.0/16' });
    expect(daemonError(() => e.createNetwork({ name: 'n1' }))).toBe('network with name n1 already exists');
    expect(daemonError(() => e.createNetwork({ name: 'n2', subnet: '10.1.2.0/24' }))).toBe('invalid pool request: Pool overlaps with other one on this address space');
    expect(daemonError(() => e.createNetwork({ name: 'n3', subnet: '300.1.1.0/24' }))).toBe('invalid network config:\ninvalid subnet 300.1.1.0/24: invalid CIDR block notation');
    expect(daemonError(() => e.createNetwork({ name: 'n4', subnet: '10.4.0.5/24' }))).toBe('invalid network config:\ninvalid subnet 10.4.0.5/24: it should be 10.4.0.0/24');
    expect(daemonError(() => e.createNetwork({ name: 'n5', driver: 'host' }))).toBe('only one instance of "host" network is allowed');
    expect([...e.networks.values()].map((n) => n.name).sort()).toEqual(['bridge', 'host', 'n1', 'none']);
  });

  it('refuses to remove a network in use or a pre-defined one, and a running container without -f', () => {
    const e = fresh();
    e.createNetwork({ name: 'n1' });
    const c = e.run({ image: 'busybox', name: 'c1', network: 'n1' });
    const ep = [...c.endpoints.values()][0]!;
    expect(daemonError(() => e.removeNetwork('n1'))).toBe(`error while removing network: network n1 has active endpoints (name:"c1" id:"${ep.id.slice(0, 12)}")`);
    expect(daemonError(() => e.removeNetwork('bridge'))).toBe('bridge is a pre-defined network and cannot be removed');
    expect(daemonError(() => e.remove('c1'))).toBe('cannot remove container "c1": container is running: stop the container before removing or force remove');
    expect(daemonError(() => e.removeNetwork('nosuchnet'))).toBe('network nosuchnet not found');
  });

  it('keeps a created container when its network is missing, as docker run does', () => {
    const e = fresh();
    expect(daemonError(() => e.run({ image: 'busybox', name: 'lost', network: 'nosuchnet' }))).toBe('failed to set up container networking: network nosuchnet not found');
    expect(e.findContainer('lost')!.state).toBe('created');
    expect(e.kernel.netns('container:lost')).toBeUndefined();
  });
});

describe('network modes', () => {
  it('shares one namespace with --network container:, so 127.0.0.1 reaches the other’s server', () => {
    const e = fresh();
    e.run({ image: 'httpd', name: 'web1' });
    const joined = e.run({ image: 'busybox', name: 'side', network: 'container:web1' });
    expect(joined.netns).toBe('container:web1');
    expect(e.kernel.probe({ kind: 'tcp-connect', from: joined.netns!, dst: '127.0.0.1', port: 80 }).outcome).toEqual({ kind: 'delivered', netns: 'container:web1', process: 'httpd' });
  });

  it('runs a host-mode container in the host’s namespace and a none-mode one with only lo', () => {
    const e = fresh();
    expect(e.run({ image: 'busybox', name: 'hh', network: 'host' }).netns).toBe(HOST_NS);
    const none = e.run({ image: 'busybox', name: 'nn', network: 'none' });
    expect(e.kernel.netns(none.netns!)!.links().map((l) => l.name)).toEqual(['lo']);
  });
});

describe('network connect and disconnect', () => {
  const defaultVia = (e: Engine, name: string) => e.kernel.netns(e.findContainer(name)!.netns!)!.routes().find((r) => r.dst === 'default');

  it('moves the default route to the network whose name sorts first, or the highest --gw-priority (golden 33)', () => {
    const e = fresh();
    e.createNetwork({ name: 'zeta' });
    e.createNetwork({ name: 'alpha' });
    e.run({ image: 'busybox', name: 'onbridge' });
    e.connect('zeta', 'onbridge');
    expect(defaultVia(e, 'onbridge')).toMatchObject({ via: '172.17.0.1', dev: 'eth0' });
    e.connect('alpha', 'onbridge');
    expect(defaultVia(e, 'onbridge')).toMatchObject({ via: '172.19.0.1', dev: 'eth2' });
    e.run({ image: 'busybox', name: 'prio', network: 'zeta' });
    e.connect('bridge', 'prio', { gwPriority: 10 });
    expect(defaultVia(e, 'prio')).toMatchObject({ via: '172.17.0.1', dev: 'eth1' });
  });

  it('gives a network connected after a disconnect the lowest free ethN', () => {
    const e = fresh();
    e.createNetwork({ name: 'zeta' });
    e.createNetwork({ name: 'alpha' });
    e.run({ image: 'busybox', name: 'onbridge' });
    e.connect('zeta', 'onbridge');
    e.connect('alpha', 'onbridge');
    e.disconnect('zeta', 'onbridge');
    e.connect('zeta', 'onbridge');
    const links = e.kernel.netns('container:onbridge')!.links().map((l) => `${l.ifindex}:${l.name}`);
    expect(links).toEqual(['1:lo', '2:eth0', '4:eth2', '5:eth1']);
  });

  it('answers connect and disconnect mistakes with the daemon’s words', () => {
    const e = fresh();
    e.createNetwork({ name: 'n1' });
    const c1 = e.run({ image: 'busybox', name: 'c1', network: 'n1' });
    e.run({ image: 'busybox', name: 'hostly', network: 'host' });
    expect(daemonError(() => e.connect('n1', 'c1'))).toBe('endpoint with name c1 already exists in network n1');
    expect(daemonError(() => e.connect('n1', 'hostly'))).toBe('container sharing network namespace with another container or host cannot be connected to any other network');
    expect(daemonError(() => e.disconnect('host', 'hostly'))).toBe('cannot disconnect container from host network - container was created in host network mode');
    expect(daemonError(() => e.disconnect('bridge', 'c1'))).toBe(`container ${c1.id} is not connected to network bridge`);
    expect(daemonError(() => e.connect('n1', 'nosuchctr'))).toBe('No such container: nosuchctr');
    // Golden 41 #41: on the default bridge both rules fail, as `* ` lines (and before "already exists").
    expect(daemonError(() => e.connect('bridge', 'c1', { ip: '172.17.0.50' }))).toBe(
      'invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* user specified IP address is supported only when connecting to networks with user configured subnets',
    );
    e.createNetwork({ name: 'n2' });
    expect(daemonError(() => e.connect('n2', 'c1', { ip: '172.19.0.50' }))).toBe('invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user configured subnets');
  });

  it('lets two isolated networks talk once a container joins both (seed 04)', () => {
    const e = fresh();
    e.createNetwork({ name: 'my_net1' });
    e.createNetwork({ name: 'my_net2' });
    e.run({ image: 'busybox', name: 'web1', network: 'my_net1' });
    e.run({ image: 'busybox', name: 'web2', network: 'my_net2' });
    const k = e.kernel;
    expect(k.probe({ kind: 'icmp-echo', from: 'container:web2', dst: '172.18.0.2' }).outcome).toMatchObject({ kind: 'dropped', by: { table: 'raw' } });
    e.connect('my_net1', 'web2');
    expect(k.probe({ kind: 'icmp-echo', from: 'container:web2', dst: '172.18.0.2' }).outcome).toEqual({ kind: 'replied' });
  });
});
