/**
 * deriveGraph on real simulated worlds: the first-screen scenario, a shared
 * namespace (`--network container:`), host and none containers, a stopped one,
 * and published ports.
 */
import { describe, expect, it } from 'vitest';
import { deriveGraph } from '../../src/app/graph/derive.ts';
import type { TopologyGraph, TopoNode } from '../../src/app/graph/types.ts';
import { placeNodes, frameRect } from '../../src/app/canvas/layout.ts';
import { replay } from '../../src/scenario/scenario.ts';
import { STARTER_SCENARIO } from '../../src/scenario/starter.ts';

function node(g: TopologyGraph, id: string): TopoNode {
  const n = g.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}: ${g.nodes.map((x) => x.id).join(', ')}`);
  return n;
}

describe('deriveGraph', () => {
  it('draws the starter scenario: host frame, stack, eth0, both bridges, three containers, lan, gw, internet', () => {
    const { sim } = replay(STARTER_SCENARIO.commands);
    const g = deriveGraph(sim);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(
      ['bridge:br-12cf8b548fc9', 'bridge:docker0', 'c:bbox1', 'c:bbox2', 'c:bbox3', 'gw', 'host', 'host:eth0', 'host:stack', 'internet', 'lan'].sort(),
    );
    for (const id of ['host:stack', 'host:eth0', 'bridge:docker0', 'c:bbox1']) expect(node(g, id).parent).toBe('host');
    for (const id of ['lan', 'gw', 'internet']) expect(node(g, id).parent).toBeUndefined();

    const mynet = node(g, 'bridge:br-12cf8b548fc9').data;
    expect(mynet).toMatchObject({ kind: 'bridge', network: 'mynet', subnet: '172.18.0.0/16', gateway: '172.18.0.1', internal: false, icc: true, ports: 2 });
    expect(node(g, 'bridge:docker0').data).toMatchObject({ network: 'bridge', subnet: '172.17.0.0/16', isDefault: true, ports: 1 });

    const bbox1 = node(g, 'c:bbox1').data;
    if (bbox1.kind !== 'netns') throw new Error('bbox1 is not a namespace box');
    expect(bbox1.containers).toEqual([{ name: 'bbox1', image: 'busybox', state: 'running', mode: 'bridge' }]);
    expect(bbox1.interfaces).toHaveLength(1);
    expect(bbox1.interfaces[0]).toMatchObject({ name: 'eth0', addresses: ['172.18.0.2/16'], network: 'mynet' });
    expect(bbox1.interfaces[0]!.display).toMatch(/^eth0@if\d+$/);
    expect(bbox1.interfaces[0]!.mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);

    // One veth edge per container, from its bridge to its eth0, with both end names.
    const veths = g.edges.filter((e) => e.kind === 'veth' && e.target.startsWith('c:'));
    expect(veths.map((e) => `${e.source}->${e.target}`).sort()).toEqual([
      'bridge:br-12cf8b548fc9->c:bbox1',
      'bridge:br-12cf8b548fc9->c:bbox2',
      'bridge:docker0->c:bbox3',
    ]);
    const e1 = veths.find((e) => e.target === 'c:bbox1')!;
    expect(e1.targetHandle).toBe('if:eth0');
    expect(e1.label).toMatch(/^veth[0-9a-f]{7} ⇄ eth0$/);
    // The LAN: gw's ports to the host's eth0 and to lan.
    expect(g.edges.find((e) => e.kind === 'veth' && e.target === 'host:eth0')?.source).toBe('gw');
    expect(g.edges.find((e) => e.kind === 'veth' && e.target === 'lan')?.source).toBe('gw');
    expect(g.netnsNode['container:bbox2']).toBe('c:bbox2');
    expect(g.ifaceNode['host|docker0']).toBe('bridge:docker0');
  });

  it('puts containers that share a namespace in one box with their owner, and shows host, none and stopped containers', () => {
    const { sim } = replay([
      'docker run -d --name web -p 8080:80 httpd',
      'docker run -dit --name side --network container:web busybox',
      'docker run -dit --name hostbox --network host busybox',
      'docker run -dit --name iso --network none busybox',
      'docker create --name later busybox',
      'docker network create --internal -o com.docker.network.bridge.enable_icc=false quiet',
    ]);
    const g = deriveGraph(sim);
    const web = node(g, 'c:web').data;
    if (web.kind !== 'netns') throw new Error('web is not a namespace box');
    expect(web.containers.map((c) => `${c.name}:${c.mode}`)).toEqual(['web:bridge', 'side:container:web']);
    expect(web.ports.map((p) => p.text)).toContain('0.0.0.0:8080->80/tcp');
    expect(web.ports.some((p) => p.kind === 'listening' && p.text.includes(':80 '))).toBe(true);
    expect(g.nodes.some((n) => n.id === 'c:side')).toBe(false);

    expect(node(g, 'c:hostbox').data).toMatchObject({ kind: 'container', netns: 'host', container: { mode: 'host' } });
    expect(g.edges.find((e) => e.target === 'c:hostbox')?.kind).toBe('shared-netns');
    expect(node(g, 'c:iso').data).toMatchObject({ kind: 'netns', isolated: true, interfaces: [] });
    expect(node(g, 'c:later').data).toMatchObject({ kind: 'container', container: { state: 'created' } });
    const quiet = g.nodes.find((n) => n.data.kind === 'bridge' && n.data.network === 'quiet');
    expect(quiet?.data).toMatchObject({ internal: true, icc: false });
  });

  it('follows a rename: the node takes the new name, joined containers stay in its box', () => {
    const g = deriveGraph(
      replay([...STARTER_SCENARIO.commands, 'docker run -dit --name joined --network container:bbox3 busybox', 'docker rename bbox3 box3']).sim,
    );
    expect(g.nodes.find((n) => n.id === 'c:bbox3')).toBeUndefined();
    const box = g.nodes.find((n) => n.id === 'c:box3');
    expect(box?.data.kind).toBe('netns');
    if (box?.data.kind !== 'netns') return;
    expect(box.data.containers.map((c) => c.name)).toEqual(['box3', 'joined']);
  });

  it('is deterministic: the same commands give the same graph', () => {
    const a = deriveGraph(replay(STARTER_SCENARIO.commands).sim);
    const b = deriveGraph(replay(STARTER_SCENARIO.commands).sim);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('layout', () => {
  it('places every node, keeps saved positions, and places new nodes off the placed ones', () => {
    const first = deriveGraph(replay(STARTER_SCENARIO.commands).sim);
    const { positions, added } = placeNodes(first, {});
    expect(Object.keys(added).sort()).toEqual(first.nodes.filter((n) => n.id !== 'host').map((n) => n.id).sort());
    // The user moves bbox1 far away; a new container appears.
    const saved = { ...positions, 'c:bbox1': { x: 2000, y: 1500 } };
    const second = deriveGraph(replay([...STARTER_SCENARIO.commands, 'docker run -dit --name bbox4 --network mynet busybox']).sim);
    const next = placeNodes(second, saved);
    expect(Object.keys(next.added)).toEqual(['c:bbox4']);
    for (const [id, p] of Object.entries(saved)) expect(next.positions[id]).toEqual(p);
    const p4 = next.added['c:bbox4']!;
    for (const [id, p] of Object.entries(saved)) {
      if (id === 'host:stack' || id === 'gw' || id === 'lan' || id === 'internet' || id === 'host:eth0') continue;
      const apart = Math.abs(p.x - p4.x) >= 250 || Math.abs(p.y - p4.y) >= 60;
      expect(apart, `bbox4 overlaps ${id}`).toBe(true);
    }
    // The frame wraps the host's nodes and leaves the outside ones out.
    const frame = frameRect(second, next.positions)!;
    expect(frame.x).toBeLessThan(next.positions['host:eth0']!.x);
    expect(next.positions.gw!.x).toBeLessThan(frame.x);
  });
});
