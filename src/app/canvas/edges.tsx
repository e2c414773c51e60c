/**
 * The canvas's custom edge: a link running down a bus (stack to bridge, bridge
 * to container), drawn along the gaps of the layout by busRoute (routes.ts) with
 * its label just above the lower node (edge-label.tsx: measured once per shape,
 * not once per edge). Memoized: it redraws only when its ends or its data change.
 */
import { BaseEdge, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { EdgeLabel } from './edge-label.tsx';
import { type BusHint, busRoute, svgPath } from './routes.ts';

export type BusEdgeData = BusHint & Record<string, unknown>;

export const BusEdge = memo(function BusEdge(props: EdgeProps<Edge<BusEdgeData>>) {
  const { sourceX, sourceY, targetX, targetY, data, label, markerEnd, style, labelBgPadding, labelBgBorderRadius, interactionWidth } = props;
  if (!data) return null;
  const route = busRoute({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, data);
  return (
    <>
      <BaseEdge path={svgPath(route.points)} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />
      {typeof label === 'string' && label !== '' && (
        <EdgeLabel x={route.label.x} y={route.label.y} label={label} padding={labelBgPadding ?? [2, 4]} radius={labelBgBorderRadius ?? 2} />
      )}
    </>
  );
});

export const EDGE_TYPES = { bus: BusEdge };
