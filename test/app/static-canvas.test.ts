/**
 * The static drawing of the canvas (src/app/canvas/StaticCanvas.tsx), shown
 * before React Flow's chunk has loaded: its geometry is React Flow's own
 * (checked against @xyflow/system 12, which the live canvas runs), and given a
 * graph and its layout it draws each node at its position, with the same
 * content the live canvas's node components draw, and each edge between its
 * ends' handles.
 */
import { getBezierPath, getViewportForBounds, Position } from '@xyflow/system';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { flowEdges, flowNodes } from '../../src/app/canvas/flow.ts';
import { estimateSize, frameRect, type Size } from '../../src/app/canvas/frame.ts';
import { minimapColor, minimapStroke } from '../../src/app/canvas/minimap-colors.ts';
import { edgeGeometry, fittedView, StaticCanvas } from '../../src/app/canvas/StaticCanvas.tsx';
import { bezierPath, type HandleBox, minimapView, type Side, viewportForBounds } from '../../src/app/canvas/static-geometry.ts';
import { STARTER_SNAPSHOT } from '../../src/app/graph/starter-snapshot.ts';
import { initI18n } from '../../src/app/i18n/index.ts';
import { i18n } from '../../src/app/i18n/index.ts';

/** A small seeded generator: the same cases on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SIDES: Side[] = ['top', 'right', 'bottom', 'left'];
const POSITION: Record<Side, Position> = { top: Position.Top, right: Position.Right, bottom: Position.Bottom, left: Position.Left };

describe('the static drawing’s geometry is React Flow’s', () => {
  it('fits bounds as getViewportForBounds does, zoom clamped or not', () => {
    const next = random(7);
    for (let i = 0; i < 500; i++) {
      const bounds = { x: (next() - 0.5) * 4000, y: (next() - 0.5) * 4000, width: 1 + next() * 6000, height: 1 + next() * 4000 };
      const width = 200 + Math.round(next() * 1600);
      const height = 200 + Math.round(next() * 1000);
      const padding = [0.02, 0.08, 0.1, 0.3][i % 4]!;
      const [min, max] = i % 3 === 0 ? [0.55, 2.5] : [0.15, 2.5];
      expect(viewportForBounds(bounds, width, height, min, max, padding)).toEqual(getViewportForBounds(bounds, width, height, min, max, padding));
    }
  });

  it('draws a default edge on getBezierPath’s curve, its label at the same centre', () => {
    const next = random(11);
    for (let i = 0; i < 500; i++) {
      const source = { x: (next() - 0.5) * 2000, y: (next() - 0.5) * 2000 };
      const target = { x: (next() - 0.5) * 2000, y: (next() - 0.5) * 2000 };
      const sourceSide = SIDES[i % 4]!;
      const targetSide = SIDES[Math.floor(i / 4) % 4]!;
      const [path, labelX, labelY] = getBezierPath({
        sourceX: source.x,
        sourceY: source.y,
        sourcePosition: POSITION[sourceSide],
        targetX: target.x,
        targetY: target.y,
        targetPosition: POSITION[targetSide],
      });
      expect(bezierPath(source, sourceSide, target, targetSide)).toEqual({ path, label: { x: labelX, y: labelY } });
    }
  });

  it('frames the minimap around the nodes and the view, as MiniMap does', () => {
    // MiniMap (offsetScale 5): the box around nodes and view, scaled to the 150 × 96 element, 5 units of it around;
    // the mask covers all of it but the view.
    const inside = minimapView({ x: 10, y: 10, width: 50, height: 50 }, { x: 0, y: 0, zoom: 1 }, { width: 300, height: 192 }, { width: 150, height: 96 });
    expect(inside).toEqual({ viewBox: '-10 -10 320 212', mask: 'M-20,-20h340v232h-340z\n        M0,0h300v192h-300z' });
    // Nodes beyond the view widen the box (at zoom 2 the view is 150 × 96 flow units): 450 × 96 scaled by 3, centred.
    const wide = minimapView({ x: -300, y: 0, width: 400, height: 96 }, { x: 0, y: 0, zoom: 2 }, { width: 300, height: 192 }, { width: 150, height: 96 });
    expect(wide.viewBox).toBe('-315 -111 480 318');
  });
});

/** Handles where the app's stylesheet puts them: 6 px, centred on the node's side (app.css), a container's per interface. */
function handlesOf(type: string | undefined, size: Size, ids: { top?: (string | null)[] } = {}): HandleBox[] {
  const box = (id: string | null, kind: 'source' | 'target', position: Side, x: number, y: number): HandleBox => ({ id, type: kind, position, x: x - 3, y: y - 3, width: 6, height: 6 });
  const tops = ids.top ?? [null];
  const top = tops.map((id, k) => box(id, 'target', 'top', ((k + 1) / (tops.length + 1)) * size.width, 0));
  const bottom = box(null, 'source', 'bottom', size.width / 2, size.height);
  const west = box('w', 'target', 'left', 0, size.height / 2);
  const east = box('e', 'source', 'right', size.width, size.height / 2);
  switch (type) {
    case 'stack':
      return [top[0]!, west, bottom];
    case 'iface':
      return [west, east];
    case 'internet':
      return [bottom];
    case 'machine':
      return [top[0]!, bottom, east];
    default:
      return [...top, bottom];
  }
}

describe('the static drawing of the starter world', () => {
  beforeAll(async () => {
    await initI18n({ language: 'en', persist: false });
    await i18n.changeLanguage('en');
  });

  const graph = STARTER_SNAPSHOT;
  const positions = STARTER_SNAPSHOT.positions;
  const sizes = Object.fromEntries(graph.nodes.map((n) => [n.id, estimateSize(n)]));
  const frame = frameRect(graph, positions, sizes)!;

  function draw(viewport = { x: 12, y: 34, zoom: 0.75 }): string {
    const nodes = flowNodes({ graph, positions, sizes, frame, t: i18n.t });
    return renderToStaticMarkup(
      createElement(StaticCanvas, {
        nodes,
        edges: flowEdges(graph),
        theme: 'light',
        label: 'Network topology',
        viewport,
        fit: { padding: 0.08 },
        onViewport: () => undefined,
        onMeasured: () => undefined,
        minimapColor,
        minimapStroke,
        minimapLabel: 'Minimap',
      }),
    );
  }

  it('puts every node at its position, the frame around the host’s, in the view given', () => {
    const html = draw();
    expect(html).toContain('class="react-flow__viewport xyflow__viewport react-flow__container" style="transform:translate(12px, 34px) scale(0.75)"');
    for (const node of graph.nodes.filter((n) => n.id !== 'host')) {
      const p = positions[node.id]!;
      const tag = new RegExp(`<div class="react-flow__node react-flow__node-${node.data.kind} [^"]*" data-id="${node.id}"[^>]*style="z-index:0;transform:translate\\(${p.x}px, ${p.y}px\\)`);
      expect(html, node.id).toMatch(tag);
    }
    expect(html).toMatch(
      new RegExp(`data-id="host"[^>]*style="z-index:-1;transform:translate\\(${frame.x}px, ${frame.y}px\\);pointer-events:all;visibility:visible;width:${frame.width}px;height:${frame.height}px"`),
    );
  });

  it('draws each node’s content with the live canvas’s components, handles in React Flow’s markup', () => {
    const html = draw();
    expect(html).toContain('Docker host dockerhost');
    expect(html).toContain('bbox1');
    expect(html).toContain('172.18.0.2/16');
    expect(html).toContain('ip_forward=1');
    expect(html).toContain('data-handleid="if:eth0" data-nodeid="c:bbox1" data-handlepos="top" class="react-flow__handle react-flow__handle-top nodrag nopan target');
    // Zoomed out past the threshold, containers draw as chips, as on the live canvas.
    expect(draw({ x: 0, y: 0, zoom: 0.3 })).toContain('<div class="compact-name">bbox1</div>');
    expect(html).not.toContain('compact-name');
  });

  it('runs each edge from its source handle to its target handle', () => {
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const handles = (id: string) => {
      const node = byId.get(id)!;
      const d = node.data;
      return handlesOf(d.kind, sizes[id]!, d.kind === 'netns' ? { top: d.interfaces.map((i) => `if:${i.name}`) } : {});
    };
    const edges = flowEdges(graph);
    expect(edges).toHaveLength(9);
    for (const edge of edges) {
      const g = edgeGeometry(edge, (id) => positions[id], handles)!;
      expect(g, edge.id).toBeDefined();
      const numbers = g.path.match(/-?[\d.]+/g)!.map(Number);
      expect([numbers[0], numbers[1]], edge.id).toEqual([g.from.at.x, g.from.at.y]);
      expect(numbers.slice(-2), edge.id).toEqual([g.to.at.x, g.to.at.y]);
    }
    // bbox1's veth comes into the middle of its top side, from the bottom of its bridge.
    const veth = edges.find((e) => e.target === 'c:bbox1')!;
    const bbox1 = positions['c:bbox1']!;
    const bridge = positions[veth.source]!;
    const g = edgeGeometry(veth, (id) => positions[id], handles)!;
    expect(g.to).toEqual({ at: { x: bbox1.x + sizes['c:bbox1']!.width / 2, y: bbox1.y - 3 }, side: 'top' });
    expect(g.from).toEqual({ at: { x: bridge.x + sizes[veth.source]!.width / 2, y: bridge.y + sizes[veth.source]!.height + 3 }, side: 'bottom' });
    // The LAN's sideways link leaves gw's right side for eth0's left one.
    const lan = edges.find((e) => e.target === 'host:eth0')!;
    const lanGeometry = edgeGeometry(lan, (id) => positions[id], handles)!;
    expect([lanGeometry.from.side, lanGeometry.to.side]).toEqual(['right', 'left']);
  });

  it('fits the view as React Flow’s fitView would, the phone’s fit to the host’s frame alone', () => {
    const nodes = flowNodes({ graph, positions, sizes, frame, t: i18n.t }).map((n) => ({ ...n, measured: n.measured ?? sizes[n.id]! }));
    const boxes = nodes.map((n) => ({ x: n.position.x, y: n.position.y, w: n.measured.width!, h: n.measured.height! }));
    const x0 = Math.min(...boxes.map((b) => b.x));
    const y0 = Math.min(...boxes.map((b) => b.y));
    const bounds = { x: x0, y: y0, width: Math.max(...boxes.map((b) => b.x + b.w)) - x0, height: Math.max(...boxes.map((b) => b.y + b.h)) - y0 };
    expect(fittedView(nodes, { width: 950, height: 545 }, { padding: 0.08 })).toEqual(getViewportForBounds(bounds, 950, 545, 0.15, 2.5, 0.08));
    expect(fittedView(nodes, { width: 390, height: 600 }, { padding: 0.02, minZoom: 0.55, nodes: [{ id: 'host' }] })).toEqual(
      getViewportForBounds(frame, 390, 600, 0.55, 2.5, 0.02),
    );
    expect(fittedView(nodes, { width: 0, height: 0 }, { padding: 0.08 })).toBeUndefined();
  });
});
