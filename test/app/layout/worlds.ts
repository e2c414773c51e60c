/**
 * Generated worlds for the layout suite: topology graphs shaped exactly as
 * deriveGraph makes them (the same node kinds, ids, handles and edge labels),
 * built directly so that a 300-container world costs milliseconds, not a
 * replay of 300 `docker run`s. A small seeded generator picks the shapes.
 */
import type { IfaceInfo, TopoEdge, TopologyGraph, TopoNode } from '../../../src/app/graph/types.ts';

export interface WorldSpec {
  /** Containers per network, in network order (network 0 is docker0). */
  networks: number[];
  /** Extra networks each container joins: [container index, network index]. */
  connects?: [number, number][];
  /** Containers that join another's namespace (`--network container:`): [joiner name, target index]. */
  joins?: [string, number][];
  /** Host-network containers and stopped ones (no namespace of their own). */
  loose?: number;
}

function iface(name: string, address: string, network: string, peer: number): IfaceInfo {
  return { name, display: `${name}@if${peer}`, addresses: [address], mac: '02:42:ac:11:00:02', up: true, network };
}

/** The node id of network `i`'s bridge (0 is docker0). */
export function bridgeId(i: number): string {
  return `bridge:${i === 0 ? 'docker0' : `br-${(0x10000000 + i * 7919).toString(16).padStart(12, '0')}`}`;
}

/** A graph as deriveGraph would give for the world the spec describes. */
export function world(spec: WorldSpec): TopologyGraph {
  const nodes: TopoNode[] = [
    { id: 'internet', data: { kind: 'internet', netns: 'gw', address: '203.0.113.10', services: ['tcp/80 httpd'] } },
    { id: 'gw', data: { kind: 'machine', netns: 'gw', name: 'gw', role: 'router', interfaces: [iface('br0', '192.168.1.1/24', '', 1)] } },
    { id: 'lan', data: { kind: 'machine', netns: 'lan', name: 'lan', role: 'lan', interfaces: [iface('eth0', '192.168.1.20/24', '', 3)] } },
    { id: 'host', data: { kind: 'host', label: 'dockerhost' } },
  ];
  const edges: TopoEdge[] = [
    { id: 'route:gw-internet', kind: 'route', source: 'internet', target: 'gw' },
    { id: 'veth:gw|p-lan', kind: 'veth', source: 'gw', target: 'lan', label: 'p-lan ⇄ eth0' },
    { id: 'veth:gw|p-dh28', kind: 'veth', source: 'gw', target: 'host:eth0', label: 'p-dh28 ⇄ eth0' },
    { id: 'l3:host:eth0', kind: 'l3', source: 'host:eth0', target: 'host:stack', label: '192.168.1.108/24' },
  ];
  const bridges = spec.networks.map((_, i) => bridgeId(i).slice('bridge:'.length));
  const routes = ['default via 192.168.1.1 dev eth0', ...bridges.map((b, i) => `172.${17 + i}.0.0/16 dev ${b}`)];
  nodes.push({ id: 'host:stack', parent: 'host', data: { kind: 'stack', netns: 'host', ipForward: true, routes } });
  nodes.push({ id: 'host:eth0', parent: 'host', data: { kind: 'iface', netns: 'host', iface: iface('eth0', '192.168.1.108/24', '', 2) } });
  bridges.forEach((b, i) => {
    nodes.push({
      id: `bridge:${b}`,
      parent: 'host',
      data: { kind: 'bridge', netns: 'host', name: b, network: i === 0 ? 'bridge' : `n${i}`, addresses: [`172.${17 + i}.0.1/16`], internal: false, icc: true, isDefault: i === 0, ports: spec.networks[i]! },
    });
    edges.push({ id: `l3:bridge:${b}`, kind: 'l3', source: 'host:stack', target: `bridge:${b}`, label: `172.${17 + i}.0.1/16` });
  });
  // Containers: c<network>x<index>, each with eth0 on its network, more interfaces for connects.
  const boxes: { name: string; nets: number[] }[] = [];
  spec.networks.forEach((count, net) => {
    for (let c = 0; c < count; c++) boxes.push({ name: `c${net}x${c}`, nets: [net] });
  });
  for (const [box, net] of spec.connects ?? []) {
    const b = boxes[box % boxes.length];
    if (b && !b.nets.includes(net % bridges.length)) b.nets.push(net % bridges.length);
  }
  let veth = 0;
  boxes.forEach((box, bi) => {
    const joiners = (spec.joins ?? []).filter(([, target]) => target % boxes.length === bi).map(([name]) => name);
    const interfaces = box.nets.map((net, k) => iface(`eth${k}`, `172.${17 + net}.0.${2 + bi}/16`, net === 0 ? 'bridge' : `n${net}`, 100 + veth + k));
    const id = `c:${box.name}`;
    nodes.push({
      id,
      parent: 'host',
      data: {
        kind: 'netns',
        netns: `container:${box.name}`,
        containers: [box.name, ...joiners].map((name) => ({ name, image: 'busybox', state: 'running', mode: 'bridge' })),
        interfaces,
        ports: [],
        isolated: false,
      },
    });
    box.nets.forEach((net, k) => {
      const host = `veth${(0x1000000 + veth++ * 104729).toString(16).slice(-7)}`;
      edges.push({
        id: `veth:host|${host}`,
        kind: 'veth',
        source: `bridge:${bridges[net]}`,
        target: id,
        targetHandle: `if:eth${k}`,
        label: `${host} ⇄ eth${k}`,
        ends: { source: { netns: 'host', iface: host }, target: { netns: `container:${box.name}`, iface: `eth${k}` } },
      });
    });
  });
  for (let i = 0; i < (spec.loose ?? 0); i++) {
    const id = `c:loose${i}`;
    const hostNet = i % 2 === 0;
    nodes.push({
      id,
      parent: 'host',
      data: hostNet
        ? { kind: 'container', container: { name: `loose${i}`, image: 'busybox', state: 'running', mode: 'host' }, ports: [], netns: 'host' }
        : { kind: 'container', container: { name: `loose${i}`, image: 'busybox', state: 'exited', mode: 'bridge' }, ports: [] },
    });
    if (hostNet) edges.push({ id: `shared:${id}`, kind: 'shared-netns', source: 'host:stack', target: id, label: 'host netns' });
  }
  return { nodes, edges, netnsNode: {}, vethEdge: {}, ifaceNode: {} };
}

/** A small seeded generator (mulberry32), so a failing world can be rebuilt from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random world: 1 to 30 networks, 1 to 300 containers, some multi-homed, some joined, some loose. */
export function randomSpec(seed: number): WorldSpec {
  const r = random(seed);
  const networks = 1 + Math.floor(r() * 30);
  const total = 1 + Math.floor(r() * 300);
  const counts = Array.from({ length: networks }, () => 0);
  for (let i = 0; i < total; i++) counts[Math.floor(r() * r() * networks)]!++;
  const connects: [number, number][] = [];
  const joins: [string, number][] = [];
  if (networks > 1) for (let i = 0; i < Math.floor(r() * 8); i++) connects.push([Math.floor(r() * total), Math.floor(r() * networks)]);
  for (let i = 0; i < Math.floor(r() * 4); i++) joins.push([`joined${i}`, Math.floor(r() * total)]);
  return { networks: counts, connects, joins, loose: Math.floor(r() * 3) };
}
