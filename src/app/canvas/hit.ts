/**
 * Which bridge lies under a point of the canvas, from the layout's positions and
 * the measured sizes rather than the DOM: asking the browser (elementsFromPoint)
 * on every mouse move of a drag forced a layout of the whole canvas each time,
 * a third of a 300-container world's frame budget.
 */
import type { TopologyGraph } from '../graph/types.ts';
import type { XY } from '../state/persist.ts';
import { estimateSize, type Size } from './frame.ts';

/** The bridge node whose box holds `point` (flow coordinates), if any. */
export function bridgeAtPoint(graph: Pick<TopologyGraph, 'nodes'>, positions: Record<string, XY>, sizes: Record<string, Size>, point: XY): string | undefined {
  for (const node of graph.nodes) {
    if (node.data.kind !== 'bridge') continue;
    const at = positions[node.id];
    if (!at) continue;
    const { width, height } = sizes[node.id] ?? estimateSize(node);
    if (point.x >= at.x && point.x <= at.x + width && point.y >= at.y && point.y <= at.y + height) return node.id;
  }
  return undefined;
}
