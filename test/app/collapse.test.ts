/**
 * Collapsed networks (src/app/canvas/collapse.ts): a network's containers drawn
 * as one group node, what the group says, which containers a collapse hides
 * (a multi-homed one stays while any of its networks is expanded), where a
 * packet through a hidden container shows, and that the collapsed list is view
 * state, saved with the positions and surviving a reload, never the world's.
 */
import { describe, expect, it } from 'vitest';
import { bootState } from '../../src/app/boot/initial.ts';
import { STARTER_SNAPSHOT } from '../../src/app/graph/starter-snapshot.ts';
import { collapseGraph, groupEdgeId, groupNodeId } from '../../src/app/canvas/collapse.ts';
import { deriveGraph } from '../../src/app/graph/derive.ts';
import type { GroupNodeData, TopologyGraph } from '../../src/app/graph/types.ts';
import { parseSession } from '../../src/app/state/persist.ts';
import { createAppStore } from '../../src/app/state/store.ts';
import { placesOfTrace } from '../../src/app/trace/places.ts';
import { replay } from '../../src/scenario/scenario.ts';
import { STARTER_SCENARIO } from '../../src/scenario/starter.ts';
import { MemoryStorage } from './memory-storage.ts';

const N1 = [
  'docker network create n1',
  'docker network create n2',
  'docker run -dit --name web1 --network n1 busybox',
  'docker run -dit --name web2 --network n1 busybox',
  'docker run -dit --name web3 --network n1 busybox',
  'docker run -dit --name side --network container:web3 busybox',
  'docker pause web2',
  'docker run -dit --name both --network n1 busybox',
  'docker network connect n2 both',
  'docker run -dit --name db1 --network n2 busybox',
];

function bridgeOf(graph: TopologyGraph, network: string): string {
  const node = graph.nodes.find((n) => n.data.kind === 'bridge' && n.data.network === network);
  if (!node) throw new Error(`no bridge for ${network}`);
  return node.id;
}

function group(graph: TopologyGraph, bridge: string): GroupNodeData | undefined {
  const node = graph.nodes.find((n) => n.id === groupNodeId(bridge));
  return node?.data.kind === 'group' ? node.data : undefined;
}

const ids = (graph: TopologyGraph) => graph.nodes.map((n) => n.id);

describe('collapseGraph', () => {
  const { sim } = replay(N1);
  const graph = deriveGraph(sim);
  const n1 = bridgeOf(graph, 'n1');
  const n2 = bridgeOf(graph, 'n2');

  it('gives the same graph when nothing (or nothing known) is collapsed', () => {
    expect(collapseGraph(graph, [])).toBe(graph);
    expect(collapseGraph(graph, ['bridge:nope', 'c:a'])).toBe(graph);
  });

  it("draws a network's containers as one node under its bridge, with their count and states", () => {
    const drawn = collapseGraph(graph, [n1]);
    for (const id of ['c:web1', 'c:web2', 'c:web3']) expect(ids(drawn)).not.toContain(id);
    // Three boxes, four containers: `side` shares web3's namespace. `both` is also on n2, still expanded.
    expect(group(drawn, n1)).toEqual({ kind: 'group', bridge: n1, network: 'n1', containers: 4, states: [['running', 3], ['paused', 1]], links: 3 });
    expect(ids(drawn)).toContain('c:both');
    const bridge = drawn.nodes.find((n) => n.id === n1)!;
    expect(bridge.data.kind === 'bridge' && bridge.data.collapsed).toBe(true);
    const intoGroup = drawn.edges.filter((e) => e.target === groupNodeId(n1));
    expect(intoGroup).toEqual([{ id: groupEdgeId(n1), kind: 'veth', source: n1, target: groupNodeId(n1) }]);
    // `both` keeps its veth to the collapsed bridge: it stands visible between n1 and n2.
    expect(drawn.edges.filter((e) => e.target === 'c:both').map((e) => e.source).sort()).toEqual([n1, n2].sort());
    // No edge is left pointing at a hidden box.
    const present = new Set(ids(drawn));
    for (const e of drawn.edges) expect(present.has(e.source) && present.has(e.target), e.id).toBe(true);
    // The world's graph is untouched.
    expect(ids(graph)).toContain('c:web1');
  });

  it('hides a multi-homed container once all its networks are collapsed, counted in each group', () => {
    const drawn = collapseGraph(graph, [n1, n2]);
    expect(ids(drawn)).not.toContain('c:both');
    expect(group(drawn, n1)?.containers).toBe(5);
    expect(group(drawn, n2)).toMatchObject({ network: 'n2', containers: 2, links: 2 });
    expect(drawn.netnsNode[sim.engine.findContainer('both')!.netns!]).toBe(groupNodeId(n1));
  });

  it('collapses the default bridge too, and nothing outside its grid', () => {
    const drawn = collapseGraph(deriveGraph(replay(STARTER_SCENARIO.commands).sim), ['bridge:docker0']);
    expect(ids(drawn)).not.toContain('c:bbox3');
    expect(ids(drawn)).toEqual(expect.arrayContaining(['host:stack', 'host:eth0', 'bridge:docker0', 'c:bbox1', 'c:bbox2', groupNodeId('bridge:docker0')]));
  });

  it('puts the hops of a packet through collapsed containers on their group and its edge', () => {
    const { sim: world, outputs } = replay([...N1, 'docker exec web1 ping -c 1 web3']);
    const trace = outputs[outputs.length - 1]!.traces!.at(-1)!;
    const g = deriveGraph(world);
    const drawn = collapseGraph(g, [bridgeOf(g, 'n1')]);
    const places = placesOfTrace(drawn, trace);
    const nodes = new Set(places.flatMap((p) => (p.node ? [p.node] : [])));
    const edges = new Set(places.flatMap((p) => (p.edge ? [p.edge] : [])));
    expect(nodes).toContain(groupNodeId(bridgeOf(g, 'n1')));
    expect(nodes).toContain(bridgeOf(g, 'n1'));
    for (const hidden of ['c:web1', 'c:web3']) expect(nodes).not.toContain(hidden);
    expect([...edges]).toEqual([groupEdgeId(bridgeOf(g, 'n1'))]);
    // Every place is something drawn.
    const present = new Set([...ids(drawn), ...drawn.edges.map((e) => e.id)]);
    for (const p of places) expect(present.has((p.node ?? p.edge)!), JSON.stringify(p)).toBe(true);
  });
});

describe('the collapsed networks as view state', () => {
  it('are saved with the positions and survive a reload, and a new world starts expanded', () => {
    const storage = new MemoryStorage();
    const store = createAppStore({ storage, now: () => 0 });
    const commands = store.getState().commands;
    store.getState().setCollapsed('bridge:docker0', true);
    store.getState().setCollapsed('bridge:docker0', true);
    expect(store.getState().collapsed).toEqual(['bridge:docker0']);
    // Not part of the world: no command line was recorded.
    expect(store.getState().commands).toEqual(commands);
    const reloaded = createAppStore({ storage, now: () => 0 });
    expect(reloaded.getState().collapsed).toEqual(['bridge:docker0']);
    reloaded.getState().resetLayout();
    expect(reloaded.getState().collapsed).toEqual(['bridge:docker0']);
    reloaded.getState().setCollapsed('bridge:docker0', false);
    expect(createAppStore({ storage, now: () => 0 }).getState().collapsed).toEqual([]);
    reloaded.getState().setCollapsed('bridge:docker0', true);
    reloaded.getState().resetWorld();
    expect(reloaded.getState().collapsed).toEqual([]);
  });

  it('are drawn on the first screen too, before the simulator loads', () => {
    const storage = new MemoryStorage();
    const store = createAppStore({ storage, now: () => 0 });
    store.getState().setCollapsed('bridge:docker0', true);
    const ids = bootState(storage, STARTER_SNAPSHOT).graph!.nodes.map((n) => n.id);
    expect(ids).toContain(groupNodeId('bridge:docker0'));
    expect(ids).not.toContain('c:bbox3');
    expect(ids).toContain('c:bbox1');
  });

  it('are read tolerantly: a bad list is dropped alone', () => {
    const base = { version: 1, commands: [] };
    const good = parseSession(JSON.stringify({ ...base, collapsed: ['bridge:docker0', 'bridge:docker0'] }));
    expect(good.kind === 'loaded' && good.session.collapsed).toEqual(['bridge:docker0']);
    for (const bad of ['bridge:docker0', [3], ['c:web']]) {
      const r = parseSession(JSON.stringify({ ...base, collapsed: bad }));
      expect(r.kind === 'loaded' && r.session.collapsed).toBeUndefined();
      expect(r.kind === 'loaded' && r.dropped).toEqual(['collapsed']);
    }
  });
});
