/**
 * Where a hop's place is drawn, in flow coordinates: a node's upper middle, or
 * the middle of the veth it crosses (at the handle of the interface it enters).
 * Pure; the packet's animation and the exported path's markers (pathMarkers) share it.
 */
import type { Trace } from '../../sim/net/trace.ts';
import type { TopologyGraph } from '../graph/types.ts';
import type { XY } from '../state/persist.ts';
import type { HopPlace } from '../trace/places.ts';
import { estimateSize, type Rect, type Size } from './frame.ts';

export function placePoint(graph: TopologyGraph, positions: Record<string, XY>, sizes: Record<string, Size>, place: HopPlace | undefined): XY | undefined {
  const rect = (id: string): Rect | undefined => {
    const p = positions[id];
    const node = graph.nodes.find((n) => n.id === id);
    if (!p || !node) return undefined;
    return { ...p, ...(sizes[id] ?? estimateSize(node)) };
  };
  if (!place) return undefined;
  if (place.node) {
    const r = rect(place.node);
    return r && { x: r.x + r.width / 2, y: r.y + Math.min(r.height / 2, 28) };
  }
  if (place.edge) {
    const e = graph.edges.find((x) => x.id === place.edge);
    if (!e) return undefined;
    const s = rect(e.source);
    const tr = rect(e.target);
    if (!s || !tr) return undefined;
    let fx = 0.5;
    const target = graph.nodes.find((n) => n.id === e.target);
    if (e.targetHandle && target?.data.kind === 'netns') {
      const k = target.data.interfaces.findIndex((i) => `if:${i.name}` === e.targetHandle);
      fx = (k + 1) / (target.data.interfaces.length + 1);
    }
    const a = { x: s.x + s.width / 2, y: s.y + s.height };
    const b = { x: tr.x + tr.width * fx, y: tr.y };
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  }
  return undefined;
}

export interface PathMarker {
  /** The first hop (1-based) at this place. */
  hop: number;
  leg: string;
  at: XY;
}

/** One marker per run of hops at the same place, each where placePoint draws it. */
export function pathMarkers(graph: TopologyGraph, positions: Record<string, XY>, sizes: Record<string, Size>, trace: Trace, places: HopPlace[]): PathMarker[] {
  const out: PathMarker[] = [];
  let previous: HopPlace | undefined;
  places.forEach((place, i) => {
    const same = previous && previous.node === place.node && previous.edge === place.edge;
    previous = place;
    if (same) return;
    const at = placePoint(graph, positions, sizes, place);
    if (at) out.push({ hop: i + 1, leg: trace.hops[i]!.leg, at });
  });
  return out;
}
