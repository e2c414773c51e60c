/**
 * What a laid-out graph looks like on the canvas, as rectangles and lines: the
 * nodes' boxes (estimated sizes, as the layout reads them), each edge's label
 * box and, for the links down a bus, its drawn route (routes.ts). The layout
 * suite checks these for overlaps.
 */
import { estimateSize, type Rect } from '../../../src/app/canvas/frame.ts';
import { busEdgeHint, busRoute, labelBox } from '../../../src/app/canvas/routes.ts';
import type { TopologyGraph } from '../../../src/app/graph/types.ts';
import type { XY } from '../../../src/app/state/persist.ts';

export function nodeBoxes(graph: TopologyGraph, positions: Record<string, XY>): Map<string, Rect> {
  const out = new Map<string, Rect>();
  for (const n of graph.nodes) {
    const p = positions[n.id];
    if (n.id === 'host' || !p) continue;
    out.set(n.id, { ...p, ...estimateSize(n) });
  }
  return out;
}

export interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  label?: Rect;
  /** The route of a link down a bus; undefined for the others (drawn as curves). */
  points?: XY[];
}

export function drawnEdges(graph: TopologyGraph, boxes: Map<string, Rect>): DrawnEdge[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return graph.edges.flatMap((e) => {
    const s = boxes.get(e.source);
    const t = boxes.get(e.target);
    if (!s || !t) return [];
    const hint = busEdgeHint(e, byId.get(e.target));
    if (hint) {
      const route = busRoute({ x: s.x + s.width / 2, y: s.y + s.height }, { x: t.x + hint.handleX, y: t.y }, hint);
      return [{ id: e.id, source: e.source, target: e.target, points: route.points, ...(e.label ? { label: labelBox(e.label, route.label) } : {}) }];
    }
    // React Flow's curves put the label halfway between the handles: sideways links right side to left side.
    const sideways = e.source === 'host:eth0' || e.target === 'host:eth0';
    const a = sideways ? { x: s.x + s.width, y: s.y + s.height / 2 } : { x: s.x + s.width / 2, y: s.y + s.height };
    const b = sideways ? { x: t.x, y: t.y + t.height / 2 } : { x: t.x + t.width / 2, y: t.y };
    const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    return [{ id: e.id, source: e.source, target: e.target, ...(e.label ? { label: labelBox(e.label, mid) } : {}) }];
  });
}

export function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether an axis-parallel segment passes through the inside of a box. */
export function segmentCrosses(p: XY, q: XY, box: Rect): boolean {
  const x0 = Math.min(p.x, q.x);
  const x1 = Math.max(p.x, q.x);
  const y0 = Math.min(p.y, q.y);
  const y1 = Math.max(p.y, q.y);
  return x0 < box.x + box.width - 1 && x1 > box.x + 1 && y0 < box.y + box.height - 1 && y1 > box.y + 1;
}

/** Pairs of overlapping boxes, by id, found with a sweep along x (300 nodes stay fast). */
export function overlappingPairs(boxes: [string, Rect][]): [string, string][] {
  const sorted = [...boxes].sort((a, b) => a[1].x - b[1].x);
  const out: [string, string][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const [ia, a] = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]![1].x < a.x + a.width; j++) {
      const [ib, b] = sorted[j]!;
      if (overlap(a, b)) out.push([ia, ib]);
    }
  }
  return out;
}

/** Boxes bucketed on a coarse grid, to find those near a segment without trying them all. */
export class BoxIndex {
  private readonly cells = new Map<string, [string, Rect][]>();
  private static readonly CELL = 400;

  constructor(boxes: Iterable<[string, Rect]>) {
    for (const entry of boxes) {
      for (const key of this.keys(entry[1])) this.cells.set(key, [...(this.cells.get(key) ?? []), entry]);
    }
  }

  private *keys(r: Rect): Generator<string> {
    const c = BoxIndex.CELL;
    for (let i = Math.floor(r.x / c); i <= Math.floor((r.x + r.width) / c); i++) {
      for (let j = Math.floor(r.y / c); j <= Math.floor((r.y + r.height) / c); j++) yield `${i},${j}`;
    }
  }

  /** Ids of the boxes an axis-parallel segment passes through. */
  crossedBy(p: XY, q: XY): Set<string> {
    const out = new Set<string>();
    const r = { x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), width: Math.abs(p.x - q.x), height: Math.abs(p.y - q.y) };
    for (const key of this.keys(r)) {
      for (const [id, box] of this.cells.get(key) ?? []) if (segmentCrosses(p, q, box)) out.add(id);
    }
    return out;
  }
}
