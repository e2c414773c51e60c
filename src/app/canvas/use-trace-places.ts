/**
 * The places on the canvas of the current trace's hops, and the hop the player
 * is at: the canvas highlights them, and its packet animation (PacketLayer)
 * moves along them.
 */
import { useMemo } from 'react';
import { useApp } from '../state/context.ts';
import { type HopPlace, placesOfTrace } from '../trace/places.ts';
import { useCanvasGraph } from './use-canvas-graph.ts';

export function useTracePlaces(): { places: HopPlace[]; current: number | undefined } {
  const graph = useCanvasGraph();
  const trace = useApp((s) => s.trace);
  const step = useApp((s) => s.player.step);
  const places = useMemo(() => (trace ? placesOfTrace(graph, trace.trace) : []), [graph, trace]);
  return { places, current: trace ? step : undefined };
}
