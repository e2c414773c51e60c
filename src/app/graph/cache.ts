/**
 * The derived graph of a world, computed once per change (rev): the canvas,
 * the packet animation, the trace panel and the saved snapshot share it.
 */
import type { Simulator } from '../../sim/shell/simulator.ts';
import { deriveGraph } from './derive.ts';
import type { TopologyGraph } from './types.ts';

let cache: { sim: Simulator; rev: number; graph: TopologyGraph } | undefined;

export function graphOf(sim: Simulator, rev: number): TopologyGraph {
  if (!cache || cache.sim !== sim || cache.rev !== rev) cache = { sim, rev, graph: deriveGraph(sim) };
  return cache.graph;
}
