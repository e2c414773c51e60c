/**
 * The last packet's path, drawn for an exported picture: a numbered marker at
 * each place the trace's hops pass (a hop repeating its place adds no marker),
 * request and reply in their colours. The edges it crosses are highlighted by
 * the canvas (Topology); this layer adds the markers inside the viewport, so
 * html-to-image draws them with the rest.
 */
import { ViewportPortal } from '@xyflow/react';
import type { PathMarker } from './place-point.ts';

export function PathLayer({ markers }: { markers: PathMarker[] }) {
  return (
    <ViewportPortal>
      {markers.map((m) => (
        <div key={m.hop} className={`path-marker leg-${m.leg}`} data-hop={m.hop} style={{ transform: `translate(${m.at.x}px, ${m.at.y}px)` }}>
          {m.hop}
        </div>
      ))}
    </ViewportPortal>
  );
}
