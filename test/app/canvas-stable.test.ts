/**
 * The canvas at 300 containers: derived nodes and edges that did not change keep
 * their identity (canvas/stable.ts), so React Flow redraws only the dragged node
 * and the frame; the bridge under a dragged container comes from the layout
 * (canvas/hit.ts) instead of a DOM hit test.
 */
import type { TFunction } from '../../src/app/i18n/index.ts';
import { describe, expect, it } from 'vitest';
import { flowEdges, flowNodes } from '../../src/app/canvas/flow.ts';
import { frameRect } from '../../src/app/canvas/frame.ts';
import { bridgeAtPoint } from '../../src/app/canvas/hit.ts';
import { autoLayout } from '../../src/app/canvas/layout.ts';
import { keepUnchanged, StableElements } from '../../src/app/canvas/stable.ts';
import { bridgeId, world } from './layout/worlds.ts';

const t = ((key: string) => key) as unknown as TFunction;
const graph = world({ networks: Array.from({ length: 30 }, () => 10) });
const positions = autoLayout(graph);

function nodesAt(at: typeof positions, highlighted?: ReadonlyMap<string, string>) {
  return flowNodes({ graph, positions: at, sizes: {}, frame: frameRect(graph, at), t, ...(highlighted ? { highlighted } : {}) });
}

describe('stable canvas elements', () => {
  it('keeps every node but the dragged one and the frame around them when one container moves', () => {
    const stable = new StableElements<ReturnType<typeof nodesAt>[number]>();
    const before = stable.keep(nodesAt(positions));
    const dragged = graph.nodes.find((n) => n.data.kind === 'netns')!.id;
    const moved = { ...positions, [dragged]: { x: positions[dragged]!.x + 500, y: positions[dragged]!.y - 5000 } };
    const after = stable.keep(nodesAt(moved));
    expect(after).toHaveLength(before.length);
    const redrawn = after.filter((n, i) => n !== before[i]).map((n) => n.id);
    // The frame grows to hold the container dragged above it.
    expect(redrawn.sort()).toEqual([dragged, 'host'].sort());
    expect(after.find((n) => n.id === dragged)!.position).toEqual(moved[dragged]);
  });

  it('gives back the same list when nothing changed, and a new one when a node is highlighted', () => {
    const stable = new StableElements<ReturnType<typeof nodesAt>[number]>();
    const first = stable.keep(nodesAt(positions));
    expect(stable.keep(nodesAt(positions))).toBe(first);
    const bridge = bridgeId(3);
    const lit = stable.keep(nodesAt(positions, new Map([[bridge, 'is-current']])));
    expect(lit).not.toBe(first);
    expect(lit.filter((n, i) => n !== first[i]).map((n) => n.id)).toEqual([bridge]);
    expect(lit.find((n) => n.id === bridge)!.className).toContain('is-current');
  });

  it('redraws only the edge a packet is on', () => {
    const stable = new StableElements<ReturnType<typeof flowEdges>[number]>();
    const first = stable.keep(flowEdges(graph));
    const edge = graph.edges.find((e) => e.kind === 'veth' && e.target.startsWith('c:'))!.id;
    const next = stable.keep(flowEdges(graph, new Map([[edge, 'is-current']])));
    expect(next.filter((e, i) => e !== first[i]).map((e) => e.id)).toEqual([edge]);
    expect(next.find((e) => e.id === edge)!.animated).toBe(true);
  });

  it('follows nodes that come and go', () => {
    const a = { id: 'a', position: { x: 1, y: 2 } };
    const b = { id: 'b', position: { x: 3, y: 4 } };
    const before = keepUnchanged(undefined, [a, b]);
    const after = keepUnchanged(before, [{ id: 'b', position: { x: 3, y: 4 } }]);
    expect(after).toEqual([b]);
    expect(after[0]).toBe(b);
    // Compared one level down: a new graph's node, whose addresses are another list, is drawn anew.
    const c = { id: 'c', data: { name: 'x', addresses: ['10.0.0.2/24'] } };
    expect(keepUnchanged([c], [{ id: 'c', data: { name: 'x', addresses: ['10.0.0.2/24'] } }])[0]).not.toBe(c);
    expect(keepUnchanged([c], [{ id: 'c', data: c.data }])[0]).toBe(c);
  });
});

describe('the bridge under the pointer', () => {
  const bridges = graph.nodes.filter((n) => n.data.kind === 'bridge');

  it('finds each bridge from a point inside its box, and none over a container or empty space', () => {
    expect(bridges).toHaveLength(30);
    for (const b of bridges) {
      const at = positions[b.id]!;
      expect(bridgeAtPoint(graph, positions, {}, { x: at.x + 10, y: at.y + 10 })).toBe(b.id);
    }
    const container = graph.nodes.find((n) => n.data.kind === 'netns')!;
    const c = positions[container.id]!;
    expect(bridgeAtPoint(graph, positions, {}, { x: c.x + 10, y: c.y + 10 })).toBeUndefined();
    expect(bridgeAtPoint(graph, positions, {}, { x: -1e6, y: -1e6 })).toBeUndefined();
  });

  it('reads the measured size where there is one', () => {
    const b = bridges[0]!;
    const at = positions[b.id]!;
    const below = { x: at.x + 10, y: at.y + 150 };
    expect(bridgeAtPoint(graph, positions, {}, below)).toBeUndefined();
    expect(bridgeAtPoint(graph, positions, { [b.id]: { width: 250, height: 200 } }, below)).toBe(b.id);
  });
});

describe('edge label shapes (measured once per shape)', () => {
  it('gives veth labels of one length one shape, and keeps the characters outside the monospace set', async () => {
    const { labelShape } = await import('../../src/app/canvas/edge-label.tsx');
    expect(labelShape('veth1a2b3c4 ⇄ eth0')).toBe(labelShape('vethffee009 ⇄ eth1'));
    expect(labelShape('veth1a2b3c4 ⇄ eth0')).toContain('⇄');
    expect(labelShape('veth1a2b3c4 ⇄ eth0')).not.toBe(labelShape('veth1a2b3c4 ⇄ eth10'));
    expect(labelShape('172.18.0.1/16')).toBe(labelShape('10.250.0.1/16').padStart(13, '0'));
  });
});
