/**
 * The derived topology of the current world, computed once per change (rev) and
 * shared by the canvas, the packet animation and the trace panel.
 */
import type { Simulator } from '../../sim/shell/simulator.ts';
import { useApp } from '../state/context.ts';
import { deriveGraph } from './derive.ts';
import type { TopologyGraph } from './types.ts';

let cache: { sim: Simulator; rev: number; graph: TopologyGraph } | undefined;

export function graphOf(sim: Simulator, rev: number): TopologyGraph {
  if (!cache || cache.sim !== sim || cache.rev !== rev) cache = { sim, rev, graph: deriveGraph(sim) };
  return cache.graph;
}

export function useGraph(): TopologyGraph {
  const sim = useApp((s) => s.sim);
  const rev = useApp((s) => s.rev);
  return graphOf(sim, rev);
}
