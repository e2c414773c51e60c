/**
 * The live canvas's renderer: React Flow, in a chunk of its own that the canvas
 * (Topology.tsx) loads once the terminal takes commands or the user reaches
 * for the canvas; until then the canvas shows the static drawing of the same
 * nodes (StaticCanvas.tsx). React Flow starts at that drawing's view with the
 * sizes it measured, so it takes over with nothing moving.
 */
import {
  Background,
  Controls,
  type Edge,
  Handle as FlowHandle,
  MiniMap,
  type Node,
  type NodeChange,
  type NodeMouseHandler,
  type OnSelectionChangeFunc,
  Position,
  ReactFlow,
  type ReactFlowInstance,
  ReactFlowProvider,
  type ReactFlowState,
  useStore,
  useStoreApi,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { type ComponentProps, type ReactNode, useLayoutEffect, useMemo } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { EDGE_TYPES } from './edges.tsx';
import type { Size } from './frame.ts';
import { type FitSpec, MAX_ZOOM, MIN_ZOOM } from './fit.ts';
import { minimapColor, minimapStroke } from './minimap-colors.ts';
import { COMPACT_ZOOM, type HandleProps, type NodeKit, NodeKitProvider } from './node-kit.ts';
import { NODE_TYPES } from './nodes.tsx';
import { PacketLayer } from './PacketLayer.tsx';
import { PathLayer } from './PathLayer.tsx';
import type { PathMarker } from './place-point.ts';
import type { XY } from '../state/persist.ts';

/** One object: a new style each render made the minimap (memoized) draw again on every drag move. */
const MINIMAP_SIZE = { width: 150, height: 96 };

const SIDES: Record<HandleProps['position'], Position> = { top: Position.Top, right: Position.Right, bottom: Position.Bottom, left: Position.Left };

function Handle({ id, type, position, style }: HandleProps) {
  return <FlowHandle {...(id ? { id } : {})} type={type} position={SIDES[position]} isConnectable={false} {...(style ? { style } : {})} />;
}

const isCompact = (s: ReactFlowState) => s.transform[2] < COMPACT_ZOOM;

/** Each node subscribes to whether the zoom is below the threshold only: zooming re-renders nodes once, when it crosses it. */
const useFlowCompact = () => useStore(isCompact);

/**
 * Puts React Flow at the static drawing's view before the first paint (it
 * would apply `defaultViewport` only after, one frame late).
 */
function InitialViewport({ viewport }: { viewport: Viewport }) {
  const flowStore = useStoreApi();
  useLayoutEffect(() => {
    flowStore.setState({ transform: [viewport.x, viewport.y, viewport.zoom] });
  }, [flowStore, viewport]);
  return null;
}

type FlowProps = Partial<ComponentProps<typeof ReactFlow<Node, Edge>>>;

export interface FlowViewProps {
  nodes: Node[];
  edges: Edge[];
  /** The canvas's size when first measured: React Flow's store starts with it. */
  startSize: Size;
  /** The view to start at: the static drawing's; undefined: fitted once the nodes are measured. */
  viewport: Viewport | undefined;
  /** The view before the fit, when there is none to start at. */
  startViewport: Viewport | undefined;
  fitViewOptions: FitSpec;
  fitOnStart: boolean;
  handlers: FlowProps & {
    onNodesChange(changes: NodeChange[]): void;
    onNodeMouseEnter: NodeMouseHandler;
    onNodeMouseLeave: NodeMouseHandler;
    onInit(instance: ReactFlowInstance<Node, Edge>): void;
    onSelectionChange?: OnSelectionChangeFunc;
  };
  theme: 'light' | 'dark';
  label: string;
  minimapLabel: string;
  /** Buttons after zoom in, zoom out and fit view. */
  controls: ReactNode;
  drawingPath: boolean;
  markers: PathMarker[];
  positions: Record<string, XY>;
  sizes: Record<string, Size>;
}

export function FlowView(props: FlowViewProps) {
  const { nodes, edges, startSize, viewport, startViewport, fitViewOptions, fitOnStart, handlers, theme, label } = props;
  const start = viewport ?? startViewport;
  const { t } = useTranslation();
  // One object while the language stays: a new kit would draw every node again.
  const kit: NodeKit = useMemo(() => ({ Handle, useCompact: useFlowCompact, t }), [t]);
  return (
    <NodeKitProvider value={kit}>
      {/* React Flow's store starts at the view given (its size is known before the nodes are measured), not at zoom 1:
          a large world's nodes are first drawn as the chips they show at that zoom, not in full and then again as chips. */}
      <ReactFlowProvider
        initialNodes={nodes}
        initialEdges={edges}
        initialWidth={startSize.width}
        initialHeight={startSize.height}
        fitView={fitOnStart && !viewport}
        initialFitViewOptions={fitViewOptions}
        initialMinZoom={MIN_ZOOM}
        initialMaxZoom={MAX_ZOOM}
      >
        <ReactFlow
          {...handlers}
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          colorMode={theme}
          fitView={!viewport}
          fitViewOptions={fitViewOptions}
          {...(start ? { defaultViewport: start } : {})}
          minZoom={MIN_ZOOM}
          maxZoom={MAX_ZOOM}
          nodesConnectable={false}
          edgesFocusable={false}
          proOptions={{ hideAttribution: true }}
          aria-label={label}
        >
          <Background gap={24} size={1} />
          <Controls showInteractive={false} position="top-right">
            {props.controls}
          </Controls>
          <MiniMap
            pannable
            zoomable
            position="bottom-left"
            className="minimap"
            ariaLabel={props.minimapLabel}
            style={MINIMAP_SIZE}
            nodeColor={minimapColor}
            nodeStrokeColor={minimapStroke}
          />
          {!props.drawingPath && <PacketLayer positions={props.positions} sizes={props.sizes} />}
          {props.drawingPath && <PathLayer markers={props.markers} />}
          {viewport && <InitialViewport viewport={viewport} />}
        </ReactFlow>
      </ReactFlowProvider>
    </NodeKitProvider>
  );
}
