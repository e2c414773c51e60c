/**
 * The layout suite: the automatic layout and incremental placement over
 * generated worlds (1 to 300 containers, 1 to 30 networks, multi-homed and
 * `container:` mode boxes, host-network and stopped containers). What a user
 * would see as a broken diagram is a failure: two nodes on top of each other, a
 * label on a node or on another label, a link drawn through a node, a container
 * outside the host's frame or far from its bridge, a placed node that moved, a
 * diagram too small to read at fit view.
 */
import { describe, expect, it } from 'vitest';
import { type Rect, frameRect } from '../../../src/app/canvas/frame.ts';
import { collapseGraph, groupNodeId } from '../../../src/app/canvas/collapse.ts';
import { autoLayoutOf, type LayoutOptions, PITCH, placeNodes } from '../../../src/app/canvas/layout.ts';
import { deriveGraph } from '../../../src/app/graph/derive.ts';
import type { TopologyGraph } from '../../../src/app/graph/types.ts';
import type { XY } from '../../../src/app/state/persist.ts';
import { replay } from '../../../src/scenario/scenario.ts';
import { STARTER_SCENARIO } from '../../../src/scenario/starter.ts';
import { BoxIndex, drawnEdges, nodeBoxes, overlap, overlappingPairs } from './geometry.ts';
import { bridgeId, randomSpec, world, type WorldSpec } from './worlds.ts';

const WIDE: LayoutOptions = { aspect: 1280 / 720 };
const PHONE: LayoutOptions = { aspect: 390 / 470, narrow: true };
const OUTSIDE = new Set(['internet', 'gw', 'lan']);

/** Everything wrong with a drawing, in words (empty when it reads as a diagram). */
function problems(graph: TopologyGraph, positions: Record<string, XY>, columns: number): string[] {
  const out: string[] = [];
  const boxes = nodeBoxes(graph, positions);
  for (const n of graph.nodes) if (n.id !== 'host' && !boxes.has(n.id)) out.push(`${n.id} has no position`);
  for (const [a, b] of overlappingPairs([...boxes])) out.push(`${a} overlaps ${b}`);
  const edges = drawnEdges(graph, boxes);
  const labels: [string, Rect][] = edges.flatMap((e) => (e.label ? [[`label of ${e.id}`, e.label] as [string, Rect]] : []));
  for (const [a, b] of overlappingPairs([...labels, ...boxes])) {
    if (a.startsWith('label') || b.startsWith('label')) out.push(`${a} overlaps ${b}`);
  }
  const index = new BoxIndex(boxes);
  for (const e of edges) {
    if (!e.points) continue;
    const crossed = new Set<string>();
    for (let i = 1; i < e.points.length; i++) for (const id of index.crossedBy(e.points[i - 1]!, e.points[i]!)) crossed.add(id);
    for (const id of crossed) if (id !== e.source && id !== e.target) out.push(`${e.id} crosses ${id}`);
  }
  const frame = frameRect(graph, positions)!;
  for (const n of graph.nodes) {
    const box = boxes.get(n.id);
    if (!box) continue;
    const inside = box.x >= frame.x && box.y >= frame.y && box.x + box.width <= frame.x + frame.width && box.y + box.height <= frame.y + frame.height;
    if (n.parent === 'host' && !inside) out.push(`${n.id} is outside the host's frame`);
    if (OUTSIDE.has(n.id) && overlap(box, frame)) out.push(`${n.id} is inside the host's frame`);
  }
  // Each box within reach of its nearest bridge: its grid's width across, and its grid's rows down.
  const perBridge = new Map<string, number>();
  for (const e of graph.edges) if (e.kind === 'veth' && e.source.startsWith('bridge:')) perBridge.set(e.source, (perBridge.get(e.source) ?? 0) + 1);
  const byBox = new Map<string, string[]>();
  for (const e of graph.edges) if (e.kind === 'veth' && e.source.startsWith('bridge:')) byBox.set(e.target, [...(byBox.get(e.target) ?? []), e.source]);
  for (const [id, bridges] of byBox) {
    const box = boxes.get(id)!;
    const reach = Math.min(
      ...bridges.map((b) => {
        const bus = boxes.get(b)!;
        const rows = Math.ceil((perBridge.get(b) ?? 1) / columns) + 2;
        const dx = Math.abs(box.x - bus.x) / ((columns + 2) * PITCH);
        const dy = Math.abs(box.y - bus.y) / (rows * 200);
        return Math.max(dx, dy);
      }),
    );
    if (reach > 1) out.push(`${id} is far from its bridge (${reach.toFixed(2)} of the bound)`);
  }
  return out;
}

/** The zoom at which the whole drawing (or only the host's frame) fits a canvas, as fitView computes it (@xyflow/system getViewportForBounds). */
function fitZoom(graph: TopologyGraph, positions: Record<string, XY>, canvas: { width: number; height: number }, frameOnly = false, padding = 0.08): number {
  const boxes = [...nodeBoxes(graph, positions).values()];
  const frame = frameRect(graph, positions)!;
  const all = frameOnly ? [frame] : [...boxes, frame];
  const x0 = Math.min(...all.map((b) => b.x));
  const x1 = Math.max(...all.map((b) => b.x + b.width));
  const y0 = Math.min(...all.map((b) => b.y));
  const y1 = Math.max(...all.map((b) => b.y + b.height));
  const w = (x1 - x0) * (1 + padding);
  const h = (y1 - y0) * (1 + padding);
  return frameOnly ? canvas.width / w : Math.min(canvas.width / w, canvas.height / h);
}

const grid = (networks: number, each: number): WorldSpec => ({ networks: [0, ...Array.from({ length: networks }, () => each)] });

describe('the automatic layout', () => {
  const named: [string, WorldSpec][] = [
    ['the starter world and a new network', { networks: [1, 2, 1], connects: [[0, 2]] }],
    ['three networks of ten', grid(3, 10)],
    ['thirty networks of ten', grid(30, 10)],
    ['one network of 300', { networks: [0, 300] }],
    ['containers on three networks, joined and loose ones', { networks: [2, 3, 3, 2], connects: [[0, 1], [0, 2], [3, 3], [4, 1]], joins: [['j1', 2], ['j2', 2]], loose: 3 }],
  ];
  for (const [name, spec] of named) {
    for (const [shape, options] of [['wide', WIDE], ['phone', PHONE]] as const) {
      it(`draws ${name} as a diagram (${shape})`, () => {
        const graph = world(spec);
        const auto = autoLayoutOf(graph, {}, options);
        expect(problems(graph, auto.positions, auto.columns)).toEqual([]);
      });
    }
  }

  it('draws 24 random worlds as diagrams, wide and on a phone', () => {
    for (let seed = 1; seed <= 24; seed++) {
      const graph = world(randomSpec(seed));
      for (const options of [WIDE, PHONE]) {
        const auto = autoLayoutOf(graph, {}, options);
        expect(problems(graph, auto.positions, auto.columns), `seed ${seed} ${options.narrow ? 'phone' : 'wide'}`).toEqual([]);
      }
    }
  });

  it('draws the starter world, derived from the simulator, as a diagram', () => {
    const graph = deriveGraph(replay([...STARTER_SCENARIO.commands, 'docker network create n2', 'docker run -dit --name web --network n2 busybox', 'docker network connect n2 bbox1']).sim);
    for (const options of [WIDE, PHONE]) {
      const auto = autoLayoutOf(graph, {}, options);
      expect(problems(graph, auto.positions, auto.columns)).toEqual([]);
    }
  });

  it('fits three networks of ten in a 1280x720 canvas at zoom 0.5 or more', () => {
    const graph = world(grid(3, 10));
    const canvas = { width: 1280, height: 720 };
    const auto = autoLayoutOf(graph, {}, { aspect: canvas.width / canvas.height });
    expect(fitZoom(graph, auto.positions, canvas)).toBeGreaterThanOrEqual(0.5);
  });

  it("on a 390-px phone shows the host frame's whole width at zoom 0.55 or more", () => {
    for (const spec of [{ networks: [1, 2] }, grid(3, 10), grid(30, 10)]) {
      const graph = world(spec);
      const auto = autoLayoutOf(graph, {}, PHONE);
      expect(fitZoom(graph, auto.positions, { width: 390, height: 470 }, true, 0.02)).toBeGreaterThanOrEqual(0.55);
    }
  });

  it('stacks the bridges on a phone and sets them side by side on a wide screen', () => {
    const graph = world(grid(3, 4));
    const buses = (p: Record<string, XY>) => graph.nodes.filter((n) => n.data.kind === 'bridge').map((n) => p[n.id]!);
    const phone = buses(autoLayoutOf(graph, {}, PHONE).positions);
    expect(new Set(phone.map((p) => p.y)).size).toBeGreaterThan(1);
    expect(Math.max(...phone.map((p) => p.x))).toBeLessThanOrEqual(PITCH);
    const wide = buses(autoLayoutOf(graph, {}, { aspect: 3 }).positions);
    expect(new Set(wide.map((p) => p.y)).size).toBe(1);
  });
});

describe('empty networks', () => {
  const spec: WorldSpec = { networks: [0, 12, 0, 0, 5, 0, 0, 0, 0] };
  const emptyBridges = (graph: TopologyGraph) => graph.nodes.filter((n) => n.data.kind === 'bridge' && n.data.ports === 0).map((n) => n.id);

  it('share a column, one bus under another, and still draw as a diagram', () => {
    const graph = world(spec);
    expect(emptyBridges(graph)).toHaveLength(7);
    for (const options of [WIDE, PHONE]) {
      const auto = autoLayoutOf(graph, {}, options);
      expect(problems(graph, auto.positions, auto.columns), options.narrow ? 'phone' : 'wide').toEqual([]);
      const columns = new Set(emptyBridges(graph).map((id) => auto.positions[id]!.x));
      expect(columns.size, options.narrow ? 'phone' : 'wide').toBeLessThan(7);
    }
    // On a wide screen the seven fit beside the grids: at most two columns.
    const wide = autoLayoutOf(graph, {}, WIDE).positions;
    expect(new Set(emptyBridges(graph).map((id) => wide[id]!.x)).size).toBeLessThanOrEqual(2);
  });

  it('make the drawing no wider than the same world without them', () => {
    const width = (graph: TopologyGraph) => frameRect(graph, autoLayoutOf(graph, {}, WIDE).positions)!.width;
    expect(width(world(spec))).toBeLessThanOrEqual(width(world({ networks: [0, 12, 5] })) + PITCH);
  });
});

describe('incremental placement', () => {
  /** The world grown by `more`, placed over the first world's layout. */
  function grow(before: WorldSpec, after: WorldSpec, options: LayoutOptions = WIDE) {
    const first = world(before);
    const saved = placeNodes(first, {}, {}, options).positions;
    const second = world(after);
    return { saved, next: placeNodes(second, saved, {}, options), graph: second };
  }

  it('never moves a placed node, and puts a new container in its network grid, off every other node', () => {
    const { saved, next, graph } = grow(grid(3, 10), { networks: [0, 10, 11, 10] });
    for (const [id, p] of Object.entries(saved)) expect(next.positions[id], id).toEqual(p);
    expect(Object.keys(next.added)).toEqual(['c:c2x10']);
    expect(next.fresh).toBe(false);
    const boxes = nodeBoxes(graph, next.positions);
    expect(overlappingPairs([...boxes])).toEqual([]);
    const bus = boxes.get(bridgeId(2))!;
    const box = boxes.get('c:c2x10')!;
    expect(box.y).toBeGreaterThan(bus.y);
    expect(Math.abs(box.x - bus.x)).toBeLessThan(4 * PITCH);
  });

  it('puts a new network right of the others, its container under it, and the user-moved nodes stay', () => {
    const first = world({ networks: [1, 2] });
    const saved: Record<string, XY> = { ...placeNodes(first, {}, {}, WIDE).positions, 'c:c1x0': { x: 900, y: 700 } };
    const second = world({ networks: [1, 2, 1] });
    const next = placeNodes(second, saved, {}, WIDE);
    for (const [id, p] of Object.entries(saved)) expect(next.positions[id], id).toEqual(p);
    expect(Object.keys(next.added).sort()).toEqual([bridgeId(2), 'c:c2x0'].sort());
    const bus = next.positions[bridgeId(2)]!;
    for (const id of ['bridge:docker0', bridgeId(1)]) expect(bus.x).toBeGreaterThan(saved[id]!.x);
    const box = next.positions['c:c2x0']!;
    expect(box.x).toBe(bus.x);
    expect(box.y).toBeGreaterThan(bus.y);
    expect(problems(second, next.positions, 2).filter((p) => !p.includes('c:c1x0'))).toEqual([]);
  });

  it('adds nodes to 24 random worlds without moving or covering a placed one', () => {
    for (let seed = 1; seed <= 24; seed++) {
      const spec = randomSpec(seed);
      const fewer = { ...spec, networks: spec.networks.map((n, i) => (i === spec.networks.length - 1 ? Math.max(0, n - 3) : n)) };
      const { saved, next, graph } = grow(fewer, spec);
      for (const [id, p] of Object.entries(saved)) if (next.positions[id]) expect(next.positions[id], `seed ${seed} ${id}`).toEqual(p);
      expect(overlappingPairs([...nodeBoxes(graph, next.positions)]), `seed ${seed}`).toEqual([]);
    }
  });

  it('lays out everything anew when nothing is placed (the tidy button)', () => {
    const graph = world(grid(3, 10));
    const tidy = placeNodes(graph, {}, {}, WIDE);
    expect(tidy.fresh).toBe(true);
    expect(tidy.positions).toEqual(autoLayoutOf(graph, {}, WIDE).positions);
  });
});

describe('collapsed networks', () => {
  /** Every other network of a world collapsed (docker0 included when it has containers). */
  function halfCollapsed(graph: TopologyGraph): string[] {
    return graph.nodes.filter((n) => n.data.kind === 'bridge').flatMap((n, i) => (i % 2 === 0 ? [n.id] : []));
  }

  it('draws worlds with collapsed networks as diagrams, each group in one grid cell under its bridge', () => {
    const specs: WorldSpec[] = [grid(3, 10), grid(30, 10), ...Array.from({ length: 12 }, (_, i) => randomSpec(i + 1))];
    for (const [i, spec] of specs.entries()) {
      const whole = world(spec);
      const graph = collapseGraph(whole, halfCollapsed(whole));
      for (const options of [WIDE, PHONE]) {
        const auto = autoLayoutOf(graph, {}, options);
        const label = `world ${i} ${options.narrow ? 'phone' : 'wide'}`;
        expect(problems(graph, auto.positions, auto.columns), label).toEqual([]);
        for (const n of graph.nodes) {
          if (n.data.kind !== 'group') continue;
          const bus = auto.positions[n.data.bridge]!;
          const box = auto.positions[n.id]!;
          expect(box.x, `${label} ${n.id}`).toBe(bus.x);
          expect(box.y, `${label} ${n.id}`).toBeGreaterThan(bus.y);
        }
      }
    }
  });

  it('shrinks a 30x10 world: with every network collapsed its fit zoom nearly doubles (the stack’s 31 routes stay as tall)', () => {
    const whole = world(grid(30, 10));
    const graph = collapseGraph(whole, whole.nodes.filter((n) => n.data.kind === 'bridge').map((n) => n.id));
    expect(graph.nodes.filter((n) => n.data.kind === 'group')).toHaveLength(30);
    const canvas = { width: 1280, height: 720 };
    const aspect = canvas.width / canvas.height;
    const zoom = fitZoom(graph, autoLayoutOf(graph, {}, { aspect }).positions, canvas);
    expect(zoom).toBeGreaterThan(1.8 * fitZoom(whole, autoLayoutOf(whole, {}, { aspect }).positions, canvas));
  });

  it('collapsing and expanding never moves a placed node, and the group takes its bridge’s first cell', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const whole = world(randomSpec(seed));
      const saved = placeNodes(whole, {}, {}, WIDE).positions;
      const collapsed = halfCollapsed(whole);
      const drawn = collapseGraph(whole, collapsed);
      const next = placeNodes(drawn, saved, {}, WIDE);
      for (const [id, p] of Object.entries(saved)) if (next.positions[id]) expect(next.positions[id], `seed ${seed} ${id}`).toEqual(p);
      expect(overlappingPairs([...nodeBoxes(drawn, next.positions)]), `seed ${seed}`).toEqual([]);
      for (const id of Object.keys(next.added)) expect(id.startsWith('group:'), `seed ${seed} ${id}`).toBe(true);
      for (const bridge of collapsed) {
        const group = next.positions[groupNodeId(bridge)];
        if (group) expect(group.x, `seed ${seed} ${bridge}`).toBe(saved[bridge]!.x);
      }
      // Expanded again: every container is back where it was, and nothing else is placed.
      const back = placeNodes(whole, { ...saved, ...next.added }, {}, WIDE);
      expect(back.added, `seed ${seed}`).toEqual({});
      for (const n of whole.nodes) if (saved[n.id]) expect(back.positions[n.id], `seed ${seed} ${n.id}`).toEqual(saved[n.id]);
    }
  });

  it('places a container added while its network is collapsed in a free cell once expanded', () => {
    const before = world(grid(3, 10));
    const saved = placeNodes(before, {}, {}, WIDE).positions;
    const collapsedBridge = bridgeId(2);
    const drawn = placeNodes(collapseGraph(before, [collapsedBridge]), saved, {}, WIDE);
    const after = world({ networks: [0, 10, 11, 10] });
    // Still collapsed: the new container hides in the group, nothing moves or is added.
    const hidden = placeNodes(collapseGraph(after, [collapsedBridge]), { ...saved, ...drawn.added }, {}, WIDE);
    expect(hidden.added).toEqual({});
    const expanded = placeNodes(after, { ...saved, ...drawn.added }, {}, WIDE);
    expect(Object.keys(expanded.added)).toEqual(['c:c2x10']);
    expect(overlappingPairs([...nodeBoxes(after, expanded.positions)])).toEqual([]);
  });
});
