/**
 * Advances the packet animation: while playing, moves to the next hop after the
 * current hop's duration (longer at netfilter decisions) divided by the speed.
 */
import { useEffect } from 'react';
import { useGraph } from '../graph/use-graph.ts';
import { useApp, useAppStore } from '../state/context.ts';
import { hopDuration, placesOfTrace } from './places.ts';

export function usePlayer(): void {
  const store = useAppStore();
  const graph = useGraph();
  const trace = useApp((s) => s.trace);
  const player = useApp((s) => s.player);
  const speed = useApp((s) => s.view.speed);
  useEffect(() => {
    if (!trace || !player.playing) return;
    const hops = trace.trace.hops.length;
    const places = placesOfTrace(graph, trace.trace);
    const timer = setTimeout(() => {
      const s = store.getState();
      if (player.step + 1 < hops) s.setStep(player.step + 1);
      else s.setPlaying(false);
    }, hopDuration(trace.trace, places, player.step) / speed);
    return () => clearTimeout(timer);
  }, [trace, player, speed, graph, store]);
}
