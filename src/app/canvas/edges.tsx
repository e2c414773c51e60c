/**
 * The canvas's custom edge: a link running down a bus (stack to bridge, bridge
 * to container), drawn along the gaps of the layout by busRoute (routes.ts) with
 * its label just above the lower node. Memoized: it redraws only when its ends
 * or its data change.
 */
import { BaseEdge, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { type BusHint, busRoute, svgPath } from './routes.ts';

export type BusEdgeData = BusHint & Record<string, unknown>;

export const BusEdge = memo(function BusEdge(props: EdgeProps<Edge<BusEdgeData>>) {
  const { sourceX, sourceY, targetX, targetY, data, label, markerEnd, style, labelBgPadding, labelBgBorderRadius, interactionWidth } = props;
  if (!data) return null;
  const route = busRoute({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, data);
  return (
    <BaseEdge
      path={svgPath(route.points)}
      labelX={route.label.x}
      labelY={route.label.y}
      label={label}
      labelBgPadding={labelBgPadding}
      labelBgBorderRadius={labelBgBorderRadius}
      markerEnd={markerEnd}
      style={style}
      interactionWidth={interactionWidth}
    />
  );
});

export const EDGE_TYPES = { bus: BusEdge };
