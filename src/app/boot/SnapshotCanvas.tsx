/**
 * The first screen's canvas: the graph snapshot drawn with the live canvas's
 * node components, edges and frame (canvas/flow.ts), at the same positions,
 * while the simulator loads. It can be panned and zoomed but not edited; the
 * live canvas starts with its viewport, sizes and positions (handoff.ts).
 */
import { Background, ControlButton, Controls, MiniMap, type Node, type NodeChange, ReactFlow, useStore } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fitOptions, MAX_ZOOM, MIN_ZOOM } from '../canvas/fit.ts';
import { flowEdges, flowNodes, withMeasured } from '../canvas/flow.ts';
import { frameRect, type Size } from '../canvas/frame.ts';
import { EDGE_TYPES } from '../canvas/edges.tsx';
import { NODE_TYPES } from '../canvas/nodes.tsx';
import { TidyIcon } from '../canvas/TidyIcon.tsx';
import type { GraphSnapshot } from '../graph/snapshot.ts';
import type { XY } from '../state/persist.ts';
import { recordBootHandoff } from './handoff.ts';

/** Inside React Flow: keeps the handoff's viewport current. */
function ViewportHandoff() {
  const [x, y, zoom] = useStore((s) => s.transform);
  useEffect(() => recordBootHandoff({ viewport: { x, y, zoom } }), [x, y, zoom]);
  return null;
}

export function SnapshotCanvas({ graph, positions, theme }: { graph: GraphSnapshot; positions: Record<string, XY>; theme: 'light' | 'dark' }) {
  const { t } = useTranslation();
  const [sizes, setSizes] = useState<Record<string, Size>>({});
  const frame = useMemo(() => frameRect(graph, positions, sizes), [graph, positions, sizes]);
  const nodes: Node[] = useMemo(() => flowNodes({ graph, positions, sizes, frame, t }), [graph, positions, sizes, frame, t]);
  const edges = useMemo(() => flowEdges(graph), [graph]);
  const onNodesChange = useCallback((changes: NodeChange[]) => {
    const measured: Record<string, Size> = {};
    for (const c of changes) {
      if (c.type === 'dimensions' && c.dimensions && c.id !== 'host') {
        measured[c.id] = { width: Math.round(c.dimensions.width), height: Math.round(c.dimensions.height) };
      }
    }
    if (Object.keys(measured).length > 0) setSizes((old) => withMeasured(old, measured));
  }, []);
  useEffect(() => recordBootHandoff({ sizes, positions }), [sizes, positions]);
  const starting = t('boot.starting');
  return (
    <div className="canvas" data-testid="topology" data-snapshot="">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        colorMode={theme}
        fitView
        fitViewOptions={fitOptions(frame !== undefined)}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        proOptions={{ hideAttribution: true }}
        aria-label={t('canvas.label')}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} position="top-right">
          <ControlButton disabled title={starting} aria-label={t('canvas.tidy')}>
            <TidyIcon />
          </ControlButton>
        </Controls>
        <MiniMap pannable zoomable position="bottom-left" className="minimap" ariaLabel={t('canvas.minimap')} style={{ width: 150, height: 96 }} />
        <ViewportHandoff />
      </ReactFlow>
    </div>
  );
}
