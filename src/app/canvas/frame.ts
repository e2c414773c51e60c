/**
 * Sizes and the Docker host's frame: pure and without dagre, so the first
 * screen's snapshot canvas (src/app/boot) draws the frame as the live canvas does.
 */
import type { TopologyGraph, TopoNode } from '../graph/types.ts';
import type { XY } from '../state/persist.ts';

export interface Size {
  width: number;
  height: number;
}

export const NODE_WIDTH = 250;
export const FRAME_PAD = 22;
export const FRAME_TITLE = 30;

/** A size good enough before the node is measured (rows of text at ~20 px). */
export function estimateSize(node: TopoNode): Size {
  const d = node.data;
  switch (d.kind) {
    case 'netns':
      return { width: NODE_WIDTH, height: 62 + 22 * (d.containers.length - 1) + 40 * d.interfaces.length + 18 * d.ports.length };
    case 'container':
      return { width: NODE_WIDTH, height: 70 + 18 * d.ports.length };
    case 'bridge':
      return { width: NODE_WIDTH, height: 96 };
    case 'stack':
      return { width: 280, height: 70 + 17 * d.routes.length };
    case 'iface':
      return { width: 220, height: 64 };
    case 'machine':
      return { width: 220, height: 66 };
    case 'internet':
      return { width: 220, height: 66 };
    case 'group':
      return { width: NODE_WIDTH, height: 74 };
    case 'host':
      return { width: 0, height: 0 };
  }
}

function sizeOf(node: TopoNode, sizes: Record<string, Size>): Size {
  return sizes[node.id] ?? estimateSize(node);
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The Docker host's frame: around its members, with room for its title. */
export function frameRect(graph: Pick<TopologyGraph, 'nodes'>, positions: Record<string, XY>, sizes: Record<string, Size> = {}): Rect | undefined {
  const members = graph.nodes.filter((n) => n.parent === 'host' && positions[n.id]);
  if (members.length === 0) return undefined;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of members) {
    const p = positions[n.id]!;
    const s = sizeOf(n, sizes);
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x + s.width);
    y1 = Math.max(y1, p.y + s.height);
  }
  return { x: x0 - FRAME_PAD, y: y0 - FRAME_PAD - FRAME_TITLE, width: x1 - x0 + 2 * FRAME_PAD, height: y1 - y0 + 2 * FRAME_PAD + FRAME_TITLE };
}
