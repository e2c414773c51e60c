/**
 * The diagram drawn without React Flow: the same nodes and edges (flow.ts),
 * drawn by the same node components (nodes.tsx) and edge label, in the markup
 * and classes React Flow's renderer uses, so its stylesheet and ours draw it
 * alike, and placed with React Flow's own geometry (static-geometry.ts): the
 * fitted view, handles measured as React Flow measures them, bezier and bus
 * paths, the minimap and the dotted background. The first screen shows it
 * while the simulator loads (src/app/boot) and the live canvas shows it until
 * React Flow's chunk has loaded (Topology.tsx), which keeps about 60 KB (gzip)
 * off the path to a terminal that takes commands. It cannot be edited: a
 * pointer down, a wheel turn, a key or the focus on it says the user reaches
 * for the canvas (`onWake`), and the owner brings React Flow in; a press or a
 * wheel turn is kept for React Flow to carry out (gesture-handover.ts).
 */
import type { Edge, Node, NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { type ButtonHTMLAttributes, type ComponentType, createContext, memo, type ReactNode, type SyntheticEvent, useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { EdgeLabel, measureLabels } from './edge-label.tsx';
import { recordGesture } from './gesture-handover.ts';
import { type FitSpec, MAX_ZOOM, MIN_ZOOM } from './fit.ts';
import type { XY } from '../state/persist.ts';
import type { Rect, Size } from './frame.ts';
import { COMPACT_ZOOM, type HandleProps, type NodeKit, NodeKitProvider } from './node-kit.ts';
import { NODE_TYPES } from './nodes.tsx';
import { busRoute, type BusHint, svgPath } from './routes.ts';
import {
  bezierPath,
  boundsOfBoxes,
  dotPattern,
  type HandleBox,
  handlePoint,
  minimapView,
  pickHandle,
  type Side,
  viewportForBounds,
  type Viewport,
} from './static-geometry.ts';

export interface StaticCanvasProps {
  nodes: readonly Node[];
  edges: readonly Edge[];
  theme: 'light' | 'dark';
  label: string;
  /** The view; undefined: fitted (`fit`) once every node is measured, then reported by `onViewport`. */
  viewport: Viewport | undefined;
  /** The view the nodes are first drawn at, before the fit (the zoom decides whether they are chips). */
  startViewport?: Viewport | undefined;
  fit: FitSpec;
  onViewport(viewport: Viewport): void;
  /** Node sizes as drawn (offsetWidth/Height, the frame excepted), when they differ from the nodes' `measured`. */
  onMeasured(sizes: Record<string, Size>): void;
  onWake?(): void;
  /** After the first paint of the whole drawing (nodes, edges and minimap at the view). */
  onDrawn?(): void;
  /** Buttons after zoom in, zoom out and fit view (ControlButton). */
  controls?: ReactNode;
  minimapColor(node: Node): string;
  minimapStroke(node: Node): string;
  minimapLabel: string;
  children?: ReactNode;
}

const NodeIdContext = createContext('');

/** A handle in React Flow's markup (Handle), for its stylesheet and the measurement below. */
function StaticHandle({ id, type, position, style }: HandleProps) {
  const nodeId = useContext(NodeIdContext);
  return (
    <div
      data-handleid={id}
      data-nodeid={nodeId}
      data-handlepos={position}
      className={`react-flow__handle react-flow__handle-${position} nodrag nopan ${type} connectablestart connectableend`}
      style={style}
    />
  );
}

function nodeClasses(node: Node): string {
  return ['react-flow__node', `react-flow__node-${node.type ?? 'default'}`, 'nopan', node.className, node.selectable === false ? '' : 'selectable', 'draggable', node.selected ? 'selected' : '']
    .filter(Boolean)
    .join(' ');
}

const COMPONENTS = NODE_TYPES as unknown as Record<string, ComponentType<NodeProps>>;

/** A node in React Flow's wrapper markup (NodeWrapper), drawn by its component. */
const StaticNode = memo(function StaticNode({ node }: { node: Node }) {
  const Component = COMPONENTS[node.type ?? ''];
  if (!Component) return null;
  const width = typeof node.style?.width === 'number' ? node.style.width : undefined;
  const height = typeof node.style?.height === 'number' ? node.style.height : undefined;
  const props: NodeProps = {
    id: node.id,
    data: node.data,
    type: node.type ?? 'default',
    selected: node.selected ?? false,
    isConnectable: false,
    zIndex: node.zIndex ?? 0,
    positionAbsoluteX: node.position.x,
    positionAbsoluteY: node.position.y,
    dragging: false,
    draggable: true,
    selectable: node.selectable ?? true,
    deletable: true,
    ...(width !== undefined ? { width } : {}),
    ...(height !== undefined ? { height } : {}),
  };
  return (
    <div
      className={nodeClasses(node)}
      data-id={node.id}
      data-testid={`rf__node-${node.id}`}
      tabIndex={0}
      role="group"
      aria-roledescription="node"
      aria-label={node.ariaLabel}
      style={{
        zIndex: (node.zIndex ?? 0) + (node.selected ? 1000 : 0),
        transform: `translate(${node.position.x}px, ${node.position.y}px)`,
        pointerEvents: 'all',
        visibility: 'visible',
        ...(width !== undefined ? { width } : {}),
        ...(height !== undefined ? { height } : {}),
      }}
    >
      <NodeIdContext.Provider value={node.id}>
        <Component {...props} />
      </NodeIdContext.Provider>
    </div>
  );
});

const ARROW = 'static-canvas-arrowclosed';

interface EdgeEnd {
  at: XY;
  side: Side;
}

/**
 * Where an edge runs between its ends' handles (React Flow's getEdgePosition): a
 * bus edge along the layout's gaps (routes.ts), any other a bezier curve; with
 * its label's centre. Undefined when an end or its handle is not drawn.
 */
export function edgeGeometry(
  edge: Edge,
  positionOf: (id: string) => XY | undefined,
  handlesOf: (id: string) => readonly HandleBox[] | undefined,
): { from: EdgeEnd; to: EdgeEnd; path: string; label: XY } | undefined {
  const source = pickHandle((handlesOf(edge.source) ?? []).filter((h) => h.type === 'source'), edge.sourceHandle);
  const target = pickHandle((handlesOf(edge.target) ?? []).filter((h) => h.type === 'target'), edge.targetHandle);
  const sourceAt = positionOf(edge.source);
  const targetAt = positionOf(edge.target);
  if (!source || !target || !sourceAt || !targetAt) return undefined;
  const from = { at: handlePoint(sourceAt, source), side: source.position };
  const to = { at: handlePoint(targetAt, target), side: target.position };
  const bus = edge.type === 'bus' ? (edge.data as BusHint | undefined) : undefined;
  if (bus) {
    const route = busRoute(from.at, to.at, bus);
    return { from, to, path: svgPath(route.points), label: route.label };
  }
  return { from, to, ...bezierPath(from.at, from.side, to.at, to.side) };
}

/** An edge in React Flow's markup (EdgeWrapper); redrawn only when it or its path changed. */
const StaticEdge = memo(function StaticEdge({ edge, path, labelX, labelY }: { edge: Edge; path: string; labelX: number; labelY: number }) {
  const classes = ['react-flow__edge', `react-flow__edge-${edge.type ?? 'default'}`, edge.className, 'nopan', 'selectable', edge.animated ? 'animated' : '']
    .filter(Boolean)
    .join(' ');
  const text = typeof edge.label === 'string' && edge.label !== '' ? edge.label : undefined;
  const padding = edge.labelBgPadding ?? [2, 4];
  return (
    <svg style={{ zIndex: 0 }}>
      <g className={classes} role="img" aria-roledescription="edge" data-id={edge.id} data-testid={`rf__edge-${edge.id}`} aria-label={`Edge from ${edge.source} to ${edge.target}`}>
        <path d={path} fill="none" className="react-flow__edge-path" {...(edge.markerEnd ? { markerEnd: `url('#${ARROW}')` } : {})} />
        <path d={path} fill="none" strokeOpacity={0} strokeWidth={20} className="react-flow__edge-interaction" />
        {text && <EdgeLabel x={labelX} y={labelY} label={text} padding={padding} radius={edge.labelBgBorderRadius ?? 2} />}
      </g>
    </svg>
  );
});

/** React Flow's closed arrowhead (MarkerSymbols), 14 by 14, in its default marker colour. */
function ArrowMarker() {
  return (
    <svg className="react-flow__marker" aria-hidden>
      <defs>
        <marker className="react-flow__arrowhead" id={ARROW} markerWidth="14" markerHeight="14" viewBox="-10 -10 20 20" markerUnits="strokeWidth" orient="auto-start-reverse" refX="0" refY="0">
          <polyline className="arrowclosed" strokeLinecap="round" strokeLinejoin="round" points="-5,-4 0,0 -5,4 -5,-4" style={{ strokeWidth: 1, stroke: '#b1b1b7', fill: '#b1b1b7' }} />
        </marker>
      </defs>
    </svg>
  );
}

/** A button of the controls panel (React Flow's ControlButton markup); the live canvas draws the same inside its Controls. */
export function ControlButton({ className, children, ...rest }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="button" className={['react-flow__controls-button', className].filter(Boolean).join(' ')} {...rest}>
      {children}
    </button>
  );
}

/** React Flow's Controls panel: zoom in, zoom out, fit view (its icons), then ours. */
function StaticControls({ children, onPress }: { children: ReactNode; onPress: () => void }) {
  return (
    <div className="react-flow__panel react-flow__controls vertical top right" data-testid="rf__controls" aria-label="Control Panel">
      <ControlButton className="react-flow__controls-zoomin" title="Zoom In" aria-label="Zoom In" onClick={onPress}>
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
          <path d="M32 18.133H18.133V32h-4.266V18.133H0v-4.266h13.867V0h4.266v13.867H32z" />
        </svg>
      </ControlButton>
      <ControlButton className="react-flow__controls-zoomout" title="Zoom Out" aria-label="Zoom Out" onClick={onPress}>
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 5">
          <path d="M0 0h32v4.2H0z" />
        </svg>
      </ControlButton>
      <ControlButton className="react-flow__controls-fitview" title="Fit View" aria-label="Fit View" onClick={onPress}>
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30">
          <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
        </svg>
      </ControlButton>
      {children}
    </div>
  );
}

function* labelsOf(edges: readonly Edge[]): Iterable<string> {
  for (const e of edges) if (typeof e.label === 'string' && e.label !== '') yield e.label;
}

/** A node's box in flow coordinates: its position and its size (drawn, or the frame's own). */
function boxOf(node: Node): Rect | undefined {
  const size = node.measured;
  if (!size?.width || !size.height) return undefined;
  return { x: node.position.x, y: node.position.y, width: size.width, height: size.height };
}

const MINIMAP: Size = { width: 150, height: 96 };

/** Above this many edges, they (and the minimap) are drawn after the nodes' first paint. */
const LATE_EDGES = 100;

function StaticMinimap({ nodes, view, canvas, color, stroke, label }: { nodes: readonly Node[]; view: Viewport; canvas: Size; color(node: Node): string; stroke(node: Node): string; label: string }) {
  const boxes = nodes.flatMap((n) => {
    const box = boxOf(n);
    return box ? [{ node: n, box }] : [];
  });
  const { viewBox, mask } = minimapView(boundsOfBoxes(boxes.map((b) => b.box)), view, canvas, MINIMAP);
  return (
    <div className="react-flow__panel react-flow__minimap minimap bottom left" data-testid="rf__minimap" style={{ width: MINIMAP.width, height: MINIMAP.height }}>
      <svg width={MINIMAP.width} height={MINIMAP.height} viewBox={viewBox} className="react-flow__minimap-svg" role="img" aria-label={label}>
        {boxes.map(({ node, box }) => (
          <rect
            key={node.id}
            className="react-flow__minimap-node"
            x={box.x}
            y={box.y}
            rx={5}
            ry={5}
            width={box.width}
            height={box.height}
            shapeRendering="crispEdges"
            style={{ fill: color(node), stroke: stroke(node) }}
          />
        ))}
        <path className="react-flow__minimap-mask" d={mask} fillRule="evenodd" pointerEvents="none" />
      </svg>
    </div>
  );
}

function StaticBackground({ view }: { view: Viewport }) {
  const id = `static-pattern-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const p = dotPattern(view, 24, 1);
  return (
    <svg className="react-flow__background" data-testid="rf__background" style={{ position: 'absolute', width: '100%', height: '100%', top: 0, left: 0 }}>
      <pattern id={id} x={p.x} y={p.y} width={p.cell} height={p.cell} patternUnits="userSpaceOnUse" patternTransform={`translate(-${p.shift},-${p.shift})`}>
        <circle cx={p.radius} cy={p.radius} r={p.radius} className="react-flow__background-pattern dots" />
      </pattern>
      <rect x="0" y="0" width="100%" height="100%" fill={`url(#${id})`} />
    </svg>
  );
}

/** Each node's handles, measured from the page as React Flow measures them (getHandleBounds). */
function measureHandles(nodeEl: HTMLElement, zoom: number): HandleBox[] {
  const nodeRect = nodeEl.getBoundingClientRect();
  return Array.from(nodeEl.querySelectorAll<HTMLElement>('.react-flow__handle')).map((h) => {
    const r = h.getBoundingClientRect();
    return {
      id: h.getAttribute('data-handleid'),
      type: h.classList.contains('source') ? 'source' : 'target',
      position: (h.getAttribute('data-handlepos') ?? 'top') as Side,
      x: (r.left - nodeRect.left) / zoom,
      y: (r.top - nodeRect.top) / zoom,
      width: h.offsetWidth,
      height: h.offsetHeight,
    };
  });
}

/**
 * Screen pixels within which a handle measured again has not moved: the page measures in
 * 1/64 px, so the same handle measured at another zoom differs by up to 1/64 px over the
 * zoom in flow units (0.1 at a 300-container world's zoom), which is no reason to redraw.
 */
const HANDLE_TOLERANCE = 0.05;

function sameHandles(a: readonly HandleBox[] | undefined, b: readonly HandleBox[], zoom: number): boolean {
  const near = (p: number, q: number) => Math.abs(p - q) * zoom < HANDLE_TOLERANCE;
  return (
    a !== undefined &&
    a.length === b.length &&
    a.every((h, i) => {
      const o = b[i]!;
      return h.id === o.id && h.type === o.type && h.position === o.position && near(h.x, o.x) && near(h.y, o.y) && h.width === o.width && h.height === o.height;
    })
  );
}

/** The view React Flow's fitView would give these nodes on a canvas of this size. */
export function fittedView(nodes: readonly Node[], canvas: Size, fit: FitSpec): Viewport | undefined {
  const only = fit.nodes ? new Set(fit.nodes.map((n) => n.id)) : undefined;
  const boxes = nodes.flatMap((n) => {
    const box = only && !only.has(n.id) ? undefined : boxOf(n);
    return box ? [box] : [];
  });
  if (boxes.length === 0 || canvas.width <= 0 || canvas.height <= 0) return undefined;
  return viewportForBounds(boundsOfBoxes(boxes), canvas.width, canvas.height, fit.minZoom ?? MIN_ZOOM, fit.maxZoom ?? MAX_ZOOM, fit.padding ?? 0.1);
}

export function StaticCanvas(props: StaticCanvasProps) {
  const { nodes, edges, theme, label, viewport, startViewport, fit, onWake, controls, children } = props;
  const root = useRef<HTMLDivElement>(null);
  const viewportEl = useRef<HTMLDivElement>(null);
  const [canvas, setCanvas] = useState<Size>({ width: 0, height: 0 });
  const [handles, setHandles] = useState<ReadonlyMap<string, HandleBox[]>>(new Map());
  // Nothing to fit (no nodes, or a canvas of no size): the drawing is as complete as it gets.
  const [unfittable, setUnfittable] = useState(false);
  const view = viewport ?? startViewport ?? { x: 0, y: 0, zoom: 1 };
  const compact = view.zoom < COMPACT_ZOOM;
  const { t } = useTranslation();
  const kit: NodeKit = useMemo(() => ({ Handle: StaticHandle, useCompact: () => compact, t }), [compact, t]);

  // Measured before the first paint, as React Flow measures (sizes, handles), then fitted once sizes hold still.
  // The callbacks through a ref: an owner's new function is no reason to measure again.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  useLayoutEffect(() => {
    const el = root.current;
    const holder = viewportEl.current;
    if (!el || !holder) return;
    const size = { width: el.clientWidth, height: el.clientHeight };
    if (size.width !== canvas.width || size.height !== canvas.height) {
      setCanvas(size);
      return;
    }
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const changed: Record<string, Size> = {};
    const measured = new Map<string, HandleBox[]>();
    let handlesChanged = false;
    for (const nodeEl of holder.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const id = nodeEl.dataset.id ?? '';
      const node = byId.get(id);
      if (!node) continue;
      const boxes = measureHandles(nodeEl, view.zoom);
      const old = handles.get(id);
      // A handle where it was keeps its box: the edges drawn from it stay as they are.
      if (old && sameHandles(old, boxes, view.zoom)) measured.set(id, old);
      else {
        measured.set(id, boxes);
        handlesChanged = true;
      }
      if (node.type === 'frame') continue;
      const drawn = { width: nodeEl.offsetWidth, height: nodeEl.offsetHeight };
      if (node.measured?.width !== drawn.width || node.measured.height !== drawn.height) changed[id] = drawn;
    }
    if (handlesChanged || measured.size !== handles.size) setHandles(measured);
    if (Object.keys(changed).length > 0) {
      latest.current.onMeasured(changed);
      return;
    }
    // The edges are drawn once the view is known: their labels' boxes are known before.
    const edgesEl = holder.querySelector('.react-flow__edges');
    if (edgesEl) measureLabels(labelsOf(latest.current.edges), edgesEl);
    if (!viewport) {
      const fitted = fittedView(nodes, size, fit);
      if (fitted) latest.current.onViewport(fitted);
      else setUnfittable(true);
    }
  }, [nodes, view.zoom, compact, viewport, canvas, handles, fit]);

  // The canvas's size follows its box (a window resized, a phone turned).
  useLayoutEffect(() => {
    const el = root.current;
    if (!el || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(() => setCanvas((old) => (old.width === el.clientWidth && old.height === el.clientHeight ? old : { width: el.clientWidth, height: el.clientHeight })));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // In a large world the edges and the minimap follow the nodes' first paint at the view: drawn in the
  // same task, their style and layout (300 edges with labels, 337 minimap boxes) came before the first
  // picture. A small world's cost little, and a frame without them would only flash.
  const [restDue, setRestDue] = useState(() => edges.length <= LATE_EDGES);
  useEffect(() => {
    if (!viewport || restDue) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame's callback runs before its paint; a task queued there runs after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setRestDue(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [viewport, restDue]);
  const rest = viewport !== undefined && restDue;
  const complete = rest || unfittable;
  useEffect(() => {
    if (!complete) return;
    const drawn = () => latest.current.onDrawn?.();
    // A hidden page paints no frames.
    if (document.visibilityState === 'hidden') return drawn();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(drawn, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [complete]);

  const positions = useMemo(() => new Map(nodes.map((n) => [n.id, n.position])), [nodes]);
  // Drawn once the view is known (fitted, or given) and the nodes are on screen.
  const drawnEdges = rest
    ? edges.flatMap((edge) => {
        const geometry = edgeGeometry(edge, (id) => positions.get(id), (id) => handles.get(id));
        return geometry ? [<StaticEdge key={edge.id} edge={edge} path={geometry.path} labelX={geometry.label.x} labelY={geometry.label.y} />] : [];
      })
    : [];

  const wake = (event?: SyntheticEvent) => {
    if (event) recordGesture(event.nativeEvent);
    onWake?.();
  };
  return (
    <div
      data-testid="rf__wrapper"
      aria-label={label}
      className={`react-flow ${theme}`}
      role="application"
      style={{ width: '100%', height: '100%', overflow: 'hidden', position: 'relative', zIndex: 0 }}
      ref={root}
      onPointerDown={wake}
      onWheel={wake}
      onKeyDown={wake}
      onFocus={wake}
    >
      <div className="react-flow__renderer" style={{ position: 'absolute', width: '100%', height: '100%', top: 0, left: 0 }}>
        <div className="react-flow__pane draggable" style={{ position: 'absolute', width: '100%', height: '100%', top: 0, left: 0 }}>
          <div
            className="react-flow__viewport xyflow__viewport react-flow__container"
            style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})` }}
            ref={viewportEl}
          >
            <div className="react-flow__edges">
              {rest && edges.some((e) => e.markerEnd) && <ArrowMarker />}
              {drawnEdges}
            </div>
            <div className="react-flow__edgelabel-renderer" />
            <div className="react-flow__nodes" style={{ position: 'absolute', width: '100%', height: '100%', top: 0, left: 0 }}>
              <NodeKitProvider value={kit}>
                {nodes.map((n) => (
                  <StaticNode key={n.id} node={n} />
                ))}
              </NodeKitProvider>
            </div>
          </div>
        </div>
      </div>
      <StaticBackground view={view} />
      <StaticControls onPress={wake}>{controls}</StaticControls>
      {viewport && restDue && canvas.width > 0 && (
        <StaticMinimap nodes={nodes} view={viewport} canvas={canvas} color={props.minimapColor} stroke={props.minimapStroke} label={props.minimapLabel} />
      )}
      {children}
    </div>
  );
}
