/**
 * The derived topology of the current world, computed once per change (rev) and
 * shared by the canvas, the packet animation and the trace panel.
 */
import { useApp } from '../state/context.ts';
import { graphOf } from './cache.ts';
import type { TopologyGraph } from './types.ts';

export { graphOf };

export function useGraph(): TopologyGraph {
  const sim = useApp((s) => s.sim);
  const rev = useApp((s) => s.rev);
  return graphOf(sim, rev);
}
