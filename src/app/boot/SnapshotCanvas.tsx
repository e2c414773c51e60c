/**
 * The first screen's canvas: the graph snapshot drawn as the live canvas draws
 * it (canvas/flow.ts, the static drawing of StaticCanvas.tsx, without React
 * Flow), at the same positions, while the simulator loads. It cannot be edited;
 * touching it asks for React Flow at once. The live canvas starts with its view,
 * sizes and positions (handoff.ts).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { fitOptions } from '../canvas/fit.ts';
import { flowEdges, flowNodes, withMeasured } from '../canvas/flow.ts';
import { frameRect, type Size } from '../canvas/frame.ts';
import { wantFlowView } from '../canvas/load-flow-view.ts';
import { minimapColor, minimapStroke } from '../canvas/minimap-colors.ts';
import { ControlButton, StaticCanvas } from '../canvas/StaticCanvas.tsx';
import type { Viewport } from '../canvas/static-geometry.ts';
import { TidyIcon } from '../canvas/TidyIcon.tsx';
import type { GraphSnapshot } from '../graph/snapshot.ts';
import type { XY } from '../state/persist.ts';
import { firstScreenPainted, recordBootHandoff } from './handoff.ts';

interface SnapshotCanvasProps {
  graph: GraphSnapshot;
  positions: Record<string, XY>;
  /** The positions are the starter's automatic layout (initial.ts): the live canvas lays them out anew when the phone turns. */
  autoNarrow: boolean | undefined;
  theme: 'light' | 'dark';
}

export function SnapshotCanvas({ graph, positions, autoNarrow, theme }: SnapshotCanvasProps) {
  const { t } = useTranslation();
  const [sizes, setSizes] = useState<Record<string, Size>>({});
  const [viewport, setViewport] = useState<Viewport | undefined>();
  const frame = useMemo(() => frameRect(graph, positions, sizes), [graph, positions, sizes]);
  const hasFrame = frame !== undefined;
  const fit = useMemo(() => fitOptions(hasFrame), [hasFrame]);
  const nodes = useMemo(() => flowNodes({ graph, positions, sizes, frame, t }), [graph, positions, sizes, frame, t]);
  const edges = useMemo(() => flowEdges(graph), [graph]);
  const onMeasured = useCallback((measured: Record<string, Size>) => setSizes((old) => withMeasured(old, measured)), []);
  useEffect(
    () => recordBootHandoff({ sizes, positions, viewport, ...(autoNarrow !== undefined ? { autoNarrow } : {}) }),
    [sizes, positions, viewport, autoNarrow],
  );
  const starting = t('boot.starting');
  return (
    <div className="canvas" data-testid="topology" data-snapshot="" data-canvas="static">
      <StaticCanvas
        nodes={nodes}
        edges={edges}
        theme={theme}
        label={t('canvas.label')}
        viewport={viewport}
        fit={fit}
        onViewport={setViewport}
        onMeasured={onMeasured}
        onWake={wantFlowView}
        onDrawn={firstScreenPainted}
        controls={
          <ControlButton disabled title={starting} aria-label={t('canvas.tidy')}>
            <TidyIcon />
          </ControlButton>
        }
        minimapColor={minimapColor}
        minimapStroke={minimapStroke}
        minimapLabel={t('canvas.minimap')}
      />
    </div>
  );
}
