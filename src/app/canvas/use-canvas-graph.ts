/**
 * The graph as the canvas draws it: the derived graph with the collapsed
 * networks folded into group nodes (collapse.ts). Computed once per change of
 * either and shared by the canvas and its packet animation.
 */
import { useGraph } from '../graph/use-graph.ts';
import type { TopologyGraph } from '../graph/types.ts';
import { useApp } from '../state/context.ts';
import { collapseGraph } from './collapse.ts';

let last: { graph: TopologyGraph; collapsed: readonly string[]; drawn: TopologyGraph } | undefined;

/** collapseGraph, remembered for the last graph and list (both change by identity only). */
export function drawnGraphOf(graph: TopologyGraph, collapsed: readonly string[]): TopologyGraph {
  if (last?.graph !== graph || last.collapsed !== collapsed) last = { graph, collapsed, drawn: collapseGraph(graph, collapsed) };
  return last.drawn;
}

export function useCanvasGraph(): TopologyGraph {
  const graph = useGraph();
  const collapsed = useApp((s) => s.collapsed);
  return drawnGraphOf(graph, collapsed);
}
