/**
 * The topology canvas: the derived graph drawn with @xyflow/react. Controlled:
 * nodes are rebuilt from the graph, the saved positions and the measured sizes
 * on every change; drags write positions to the store (saved with the session);
 * the Docker host's frame wraps its members and dragging it moves them all.
 *
 * React Flow (FlowView.tsx, a chunk of its own) is loaded once `live` (the
 * terminal takes commands) or when the user reaches for the canvas; until then
 * the same nodes and edges are drawn without it (StaticCanvas.tsx), and React
 * Flow starts at that drawing's view and sizes, so the swap moves nothing; a
 * gesture begun on the drawing goes on in React Flow (gesture-handover.ts).
 */
import type { Edge, Node, NodeChange, ReactFlowInstance, Viewport } from '@xyflow/react';
import { type ComponentType, startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { useCanvasActions } from '../actions/useCanvasActions.ts';
import type { TopologyGraph } from '../graph/types.ts';
import { useApp, useAppStore } from '../state/context.ts';
import type { XY } from '../state/persist.ts';
import { PHONE_QUERY } from '../ui/PaneBar.tsx';
import { useEffectiveTheme } from '../ui/theme.ts';
import { boundsOf, panToShow } from './camera.ts';
import type { PictureFormat } from './export.ts';
import { fitOptions, isNarrow, MAX_ZOOM, MIN_ZOOM } from './fit.ts';
import type { FlowViewProps } from './FlowView.tsx';
import { bridgeAtPoint } from './hit.ts';
import { flowEdges, flowNodes, withMeasured } from './flow.ts';
import { estimateSize, frameRect, type LayoutOptions, type Placement, placeNodes, type Size } from './layout.ts';
import { flowViewWanted, loadedFlowView, loadFlowView } from './load-flow-view.ts';
import { minimapColor, minimapStroke } from './minimap-colors.ts';
import { gesturePending, handOverGesture } from './gesture-handover.ts';
import { StableElements } from './stable.ts';
import { ControlButton, StaticCanvas } from './StaticCanvas.tsx';
import { viewportForBounds } from './static-geometry.ts';
import { useTracePlaces } from './use-trace-places.ts';
import { pathMarkers } from './place-point.ts';
import { TidyIcon } from './TidyIcon.tsx';
import { useCanvasGraph } from './use-canvas-graph.ts';
import { CollapseControl } from './collapse-control.ts';
import { useGraph } from '../graph/use-graph.ts';
import { forgetBootHandoff, peekBootHandoff } from '../boot/handoff.ts';

const UNPLACED: Placement = { positions: {}, added: {}, fresh: false };

/** The positions of the graph's nodes among these. */
function drawn(graph: TopologyGraph, positions: Record<string, XY>): Record<string, XY> {
  return Object.fromEntries(graph.nodes.flatMap((n) => (positions[n.id] ? [[n.id, positions[n.id]!]] : [])));
}

/** `live`: React Flow is wanted now (the app passes whether the terminal takes commands; the embed wants it at once). */
export function Topology({ live = true }: { live?: boolean } = {}) {
  const { t } = useTranslation();
  const store = useAppStore();
  const graph = useCanvasGraph();
  // The world's own graph: nodes a collapsed group hides still move with the host's frame.
  const worldGraph = useGraph();
  // The first screen's canvas, when this one replaces it: its viewport, sizes and positions.
  const [handoff] = useState(peekBootHandoff);
  // Once mounted (committed), the handoff is this canvas's alone.
  useEffect(() => forgetBootHandoff(), []);
  const stored = useApp((s) => s.positions);
  const hover = useApp((s) => s.hover);
  const theme = useEffectiveTheme();
  const [sizes, setSizes] = useState<Record<string, Size>>(() => handoff?.sizes ?? {});
  // The node the inspector showed before a reload is still selected.
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => {
    const id = store.getState().inspected;
    return new Set(id && graph.nodes.some((n) => n.id === id) ? [id] : []);
  });
  const flow = useRef<ReactFlowInstance<Node, Edge> | null>(null);
  const { current, places } = useTracePlaces();
  // Context menus, drag onto a bridge to connect, selection for the inspector (src/app/actions).
  // The bridge under the pointer comes from the layout (hit.ts), read through a ref so the finder stays one function.
  const geometry = useRef<{ graph: TopologyGraph; positions: Record<string, XY>; sizes: Record<string, Size> } | null>(null);
  const findBridge = useCallback((point: XY) => {
    const g = geometry.current;
    const f = flow.current;
    return g && f ? bridgeAtPoint(g.graph, g.positions, g.sizes, f.screenToFlowPosition(point)) : undefined;
  }, []);
  const actions = useCanvasActions(findBridge);
  const dropTarget = actions.dropTarget;

  // Nodes the first screen drew keep their place (a first visit: the starter layout, as placeNodes would give it).
  // Until the layout is cleared (Tidy, a turned phone): the store holds them from the mount on (the effect below).
  const [handoffCleared, setHandoffCleared] = useState(false);
  const saved = useMemo(
    () => (handoff && !handoffCleared ? { ...drawn(graph, handoff.positions), ...stored } : stored),
    [graph, handoff, handoffCleared, stored],
  );
  const clearLayout = useCallback(() => {
    setHandoffCleared(true);
    store.getState().resetLayout();
  }, [store]);
  // The canvas's shape, measured before the first paint: the layout fits it (a phone's upright screen: narrow).
  const canvasRef = useRef<HTMLDivElement>(null);
  const [shape, setShape] = useState<LayoutOptions | null>(null);
  // The canvas's size when first measured: React Flow starts at the view that fits the frame (below).
  const [startSize, setStartSize] = useState<Size | null>(null);
  const measureShape = useCallback(() => {
    const el = canvasRef.current;
    if (!el) return;
    const aspect = el.clientHeight > 0 ? el.clientWidth / el.clientHeight : undefined;
    setShape((old) => (old && old.aspect === aspect && old.narrow === isNarrow() ? old : { ...(aspect ? { aspect } : {}), narrow: isNarrow() }));
    setStartSize((old) => old ?? { width: el.clientWidth, height: el.clientHeight });
  }, []);
  useLayoutEffect(() => {
    const el = canvasRef.current;
    measureShape();
    if (!el || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measureShape);
    observer.observe(el);
    return () => observer.disconnect();
  }, [measureShape]);
  // Whether the positions on screen are the automatic layout for an upright phone (true) or a wider
  // screen (false), while the user has not moved a node (null): turning the phone lays them out anew.
  // Decided once (a lazy initial state): a ref's argument would be recomputed on every render, a drag's included.
  const [firstAutoNarrow] = useState<boolean | null>(() =>
    handoff?.autoNarrow !== undefined && Object.keys(stored).length === 0 && handoff.autoNarrow === isNarrow() ? isNarrow() : null,
  );
  const autoNarrow = useRef<boolean | null>(firstAutoNarrow);
  // Nothing is placed (nor drawn) before the shape is known: the layout depends on it.
  const placement = useMemo(() => (shape ? placeNodes(graph, saved, sizes, shape) : UNPLACED), [graph, saved, sizes, shape]);
  useEffect(() => {
    if (!handoff) return;
    const missing = Object.fromEntries(Object.entries(drawn(graph, handoff.positions)).filter(([id]) => !stored[id]));
    if (Object.keys(missing).length > 0) store.getState().setPositions(missing);
    // Once, on mount: later changes are the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const positions = placement.positions;
  useEffect(() => {
    geometry.current = { graph, positions, sizes };
  }, [graph, positions, sizes]);
  // New nodes keep the place they got (saved, so later layouts do not move them), once the canvas's shape is known.
  // A node added to a world already drawn is brought into view by a short pan, at the same zoom.
  const shown = useRef(false);
  useEffect(() => {
    if (!shape) return;
    const added = Object.keys(placement.added);
    if (added.length > 0) store.getState().setPositions(placement.added);
    if (placement.fresh) autoNarrow.current = shape.narrow ?? false;
    const el = canvasRef.current;
    if (shown.current && !placement.fresh && added.length > 0 && flow.current && el) {
      const boxes = graph.nodes.flatMap((n) => (placement.added[n.id] ? [{ ...placement.added[n.id]!, ...(sizes[n.id] ?? estimateSize(n)) }] : []));
      const rect = boundsOf(boxes);
      const view = rect && panToShow(flow.current.getViewport(), { width: el.clientWidth, height: el.clientHeight }, rect);
      // Linear: d3's default (smooth) curve zooms out and back in during a pan, so the zoom would waver.
      if (view) void flow.current.setViewport(view, { duration: 300, interpolate: 'linear' });
    }
    shown.current = true;
    // Sizes change as nodes are measured; only a new placement pans.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [placement, store, shape]);

  const frame = useMemo(() => frameRect(graph, positions, sizes), [graph, positions, sizes]);
  const hasFrame = frame !== undefined;
  // One object while the frame stays: a new one each render was one more React Flow store update per drag move.
  // (React Flow fits with it once, on load; a turned phone and the tidy button fit with options of their own.)
  const fitViewOptions = useMemo(() => fitOptions(hasFrame), [hasFrame]);
  // The view React Flow starts at (read once, when it mounts): the first screen's, else the frame fitted.
  // Kept as one object: a new `defaultViewport` each render would re-render React Flow's whole view.
  const [startViewport, setStartViewport] = useState<Viewport | undefined>(() => handoff?.viewport);
  if (!startViewport && frame && startSize) {
    setStartViewport(viewportForBounds(frame, startSize.width, startSize.height, MIN_ZOOM, MAX_ZOOM, fitViewOptions.padding ?? 0.1));
  }
  // The static drawing's view (the first screen's, else fitted once its nodes are measured): React Flow starts there.
  const [staticView, setStaticView] = useState<Viewport | undefined>(() => handoff?.viewport);

  // React Flow's renderer, once wanted (live, or the user reached for the canvas) and loaded.
  const [FlowView, setFlowView] = useState<ComponentType<FlowViewProps> | undefined>(() => (live ? loadedFlowView() : undefined));
  const [woken, setWoken] = useState(flowViewWanted);
  const wake = useCallback(() => setWoken(true), []);
  useEffect(() => {
    if (FlowView || !(live || woken)) return;
    let mounted = true;
    loadFlowView().then(
      (view) => {
        // React Flow's first render of a large world (300 containers: most of a second) is done in slices, the
        // static drawing answering meanwhile, unless the user woke it by reaching for the canvas.
        if (!mounted) return;
        if (woken) setFlowView(() => view);
        else startTransition(() => setFlowView(() => view));
      },
      (err: unknown) => {
        if (!mounted) return;
        // The drawing stays; the next touch of the canvas tries again.
        setWoken(false);
        store.getState().setNotice({ key: 'canvas.liveFailed', values: { reason: err instanceof Error ? err.message : String(err) } });
      },
    );
    return () => {
      mounted = false;
    };
  }, [FlowView, live, woken, store]);

  // An exported picture with the last packet's path: its edges and nodes highlighted and its hops numbered while it is drawn.
  const trace = useApp((s) => s.trace);
  const [pathInExport, setPathInExport] = useState(false);
  const [drawingPath, setDrawingPath] = useState(false);
  const markers = useMemo(
    () => (drawingPath && trace ? pathMarkers(graph, positions, sizes, trace.trace, places) : []),
    [drawingPath, trace, graph, positions, sizes, places],
  );

  const highlighted = useMemo(() => {
    const nodes = new Map<string, string>();
    const edges = new Map<string, string>();
    if (drawingPath) {
      for (const p of places) {
        if (p.node) nodes.set(p.node, 'is-path');
        if (p.edge) edges.set(p.edge, 'is-path');
      }
      return { nodes, edges };
    }
    const mark = (p: { node?: string; edge?: string } | undefined, cls: string) => {
      if (p?.node && !nodes.has(p.node)) nodes.set(p.node, cls);
      if (p?.edge && !edges.has(p.edge)) edges.set(p.edge, cls);
    };
    if (hover.hop !== null) mark(places[hover.hop], 'is-hovered');
    if (current !== undefined) mark(places[current], 'is-current');
    if (hover.node) nodes.set(hover.node, nodes.get(hover.node) ?? 'is-hovered');
    return { nodes, edges };
  }, [places, current, hover, drawingPath]);

  // Derived afresh, but each node or edge that did not change stays the same object (stable.ts).
  const [stableNodes] = useState(() => new StableElements<Node>());
  const [stableEdges] = useState(() => new StableElements<Edge>());
  const nodes: Node[] = useMemo(
    () => stableNodes.keep(flowNodes({ graph, positions, sizes, frame, t, highlighted: highlighted.nodes, selected, dropTarget })),
    [stableNodes, graph, positions, sizes, frame, highlighted, selected, t, dropTarget],
  );

  const edges: Edge[] = useMemo(() => stableEdges.keep(flowEdges(graph, highlighted.edges)), [stableEdges, graph, highlighted]);

  // React Flow copies each changed prop into its store, and every copy runs every node's and edge's
  // store selectors (StoreUpdater): the handler reads the latest render's values through a ref, so it
  // stays one function during a drag and a move costs one store update (React Flow's setNodes), not two.
  const latest = useRef({ frame, graph, worldGraph, positions, selected });
  useLayoutEffect(() => {
    latest.current = { frame, graph, worldGraph, positions, selected };
  }, [frame, graph, worldGraph, positions, selected]);
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const { frame, graph, worldGraph, positions, selected } = latest.current;
      const moved: Record<string, XY> = {};
      let dragEnded = false;
      const nextSizes: Record<string, Size> = {};
      const sel = new Set(selected);
      let selChanged = false;
      for (const c of changes) {
        if (c.type === 'position') {
          if (c.dragging === false) dragEnded = true;
          if (!c.position) continue;
          if (c.id === 'host' && frame) {
            const dx = c.position.x - frame.x;
            const dy = c.position.y - frame.y;
            if (dx === 0 && dy === 0) continue;
            const kept = store.getState().positions;
            for (const n of [...graph.nodes, ...worldGraph.nodes]) {
              const p = positions[n.id] ?? kept[n.id];
              if (n.parent === 'host' && p && !moved[n.id]) moved[n.id] = { x: p.x + dx, y: p.y + dy };
            }
          } else {
            moved[c.id] = { x: Math.round(c.position.x), y: Math.round(c.position.y) };
          }
        } else if (c.type === 'dimensions' && c.dimensions && c.id !== 'host') {
          nextSizes[c.id] = { width: Math.round(c.dimensions.width), height: Math.round(c.dimensions.height) };
        } else if (c.type === 'select') {
          selChanged = true;
          if (c.selected) sel.add(c.id);
          else sel.delete(c.id);
        }
      }
      if (Object.keys(nextSizes).length > 0) {
        setSizes((old) => withMeasured(old, nextSizes));
      }
      if (selChanged) setSelected(sel);
      if (Object.keys(moved).length > 0) store.getState().dragNodes(moved);
      if (dragEnded) {
        store.getState().endDrag();
        autoNarrow.current = null;
      }
    },
    [store],
  );

  const onInit = useCallback((instance: ReactFlowInstance<Node, Edge>) => {
    flow.current = instance;
    // A drag, pan or zoom begun on the static drawing goes on here (once React Flow has drawn its nodes).
    if (gesturePending()) requestAnimationFrame(() => handOverGesture());
  }, []);
  const onNodeMouseEnter = useCallback((_: unknown, node: Node) => store.getState().setHover({ node: node.id }), [store]);
  const onNodeMouseLeave = useCallback(() => store.getState().setHover({ node: null }), [store]);

  // A phone turned sideways (or a window crossing the phone breakpoint) fits the view again.
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const queries = [window.matchMedia('(orientation: portrait)'), window.matchMedia(PHONE_QUERY)];
    let frameId = 0;
    const refit = () => {
      cancelAnimationFrame(frameId);
      // The automatic layout, still untouched, takes the new shape (bridges stacked upright, side by side sideways).
      if (autoNarrow.current !== null && autoNarrow.current !== isNarrow()) {
        measureShape();
        clearLayout();
      }
      // After the layout has settled in its new shape (the static drawing fits anew).
      frameId = requestAnimationFrame(() => {
        frameId = requestAnimationFrame(() => (flow.current ? void flow.current.fitView(fitOptions(hasFrame)) : setStaticView(undefined)));
      });
    };
    for (const q of queries) q.addEventListener('change', refit);
    return () => {
      cancelAnimationFrame(frameId);
      for (const q of queries) q.removeEventListener('change', refit);
    };
  }, [hasFrame, measureShape, clearLayout]);

  // PNG and SVG of the whole diagram, in the current theme (export.ts; html-to-image loads on first use).
  const exportPicture = useCallback(
    async (format: PictureFormat) => {
      const el = canvasRef.current;
      const viewport = el?.querySelector<HTMLElement>('.react-flow__viewport');
      const flowEl = el?.querySelector<HTMLElement>('.react-flow');
      if (!viewport || !flowEl || !flow.current) return;
      const background = getComputedStyle(flowEl).getPropertyValue('--xy-background-color').trim() || getComputedStyle(flowEl).backgroundColor;
      const withPath = pathInExport && store.getState().trace !== null;
      try {
        const { renderPicture, saveAs } = await import('./export.ts');
        if (withPath) {
          setDrawingPath(true);
          // Drawn once the path is on screen: our markers render at once, but the edges' classes reach
          // React Flow's DOM through its store a render later, more than a frame or two on a busy machine.
          const shown = new Set(flow.current.getEdges().map((e) => e.id));
          const pathEdges = new Set(places.flatMap((p) => (p.edge && shown.has(p.edge) ? [p.edge] : []))).size;
          await untilDrawn(() => viewport.querySelectorAll('.react-flow__edge.is-path').length >= pathEdges && viewport.querySelector('.path-marker') !== null);
        }
        saveAs(await renderPicture(viewport, flow.current.getNodes(), format, background), `vethlab-topology.${format}`);
      } catch (err) {
        store.getState().setNotice({ key: 'canvas.exportFailed', values: { reason: err instanceof Error ? err.message : String(err) } });
      } finally {
        if (withPath) setDrawingPath(false);
      }
    },
    [store, pathInExport, places],
  );

  const tidy = useCallback(() => {
    clearLayout();
    requestAnimationFrame(() => (flow.current ? void flow.current.fitView(fitOptions(hasFrame, 0.1)) : setStaticView(undefined)));
  }, [clearLayout, hasFrame]);

  const setCollapsed = useCallback((bridge: string, collapse: boolean) => store.getState().setCollapsed(bridge, collapse), [store]);

  // One element while its inputs stay: a new one each render redrew the controls' seven buttons on every drag move.
  const hasTrace = trace !== null;
  const controls = useMemo(
    () => (
      <>
        <ControlButton onClick={tidy} title={t('canvas.tidy')} aria-label={t('canvas.tidy')}>
          <TidyIcon />
        </ControlButton>
        <ControlButton onClick={() => void exportPicture('png')} title={t('canvas.exportPng')} aria-label={t('canvas.exportPng')} className="export-button">
          PNG
        </ControlButton>
        <ControlButton onClick={() => void exportPicture('svg')} title={t('canvas.exportSvg')} aria-label={t('canvas.exportSvg')} className="export-button">
          SVG
        </ControlButton>
        <ControlButton
          onClick={() => setPathInExport((on) => !on)}
          title={t('canvas.exportPath')}
          aria-label={t('canvas.exportPath')}
          aria-pressed={pathInExport}
          disabled={!hasTrace}
          className={`export-button export-path${pathInExport ? ' is-on' : ''}`}
        >
          PATH
        </ControlButton>
      </>
    ),
    [t, tidy, exportPicture, pathInExport, hasTrace],
  );

  const onMeasured = useCallback((measured: Record<string, Size>) => setSizes((old) => withMeasured(old, measured)), []);
  const handlers = useMemo(
    () => ({ ...actions.flowProps, onNodesChange, onNodeMouseEnter, onNodeMouseLeave, onInit }),
    [actions.flowProps, onNodesChange, onNodeMouseEnter, onNodeMouseLeave, onInit],
  );

  return (
    <CollapseControl.Provider value={setCollapsed}>
      <div className="canvas" data-testid="topology" data-canvas={FlowView ? 'live' : 'static'} onKeyDown={FlowView ? actions.onKeyDown : undefined} ref={canvasRef}>
        {shape &&
          startSize &&
          (FlowView ? (
            <FlowView
              nodes={nodes}
              edges={edges}
              startSize={startSize}
              viewport={staticView}
              startViewport={startViewport}
              fitViewOptions={fitViewOptions}
              fitOnStart={hasFrame}
              handlers={handlers}
              theme={theme}
              label={t('canvas.label')}
              minimapLabel={t('canvas.minimap')}
              controls={controls}
              drawingPath={drawingPath}
              markers={markers}
              positions={positions}
              sizes={sizes}
            />
          ) : (
            <StaticCanvas
              nodes={nodes}
              edges={edges}
              theme={theme}
              label={t('canvas.label')}
              viewport={staticView}
              startViewport={startViewport}
              fit={fitViewOptions}
              onViewport={setStaticView}
              onMeasured={onMeasured}
              onWake={wake}
              controls={controls}
              minimapColor={minimapColor}
              minimapStroke={minimapStroke}
              minimapLabel={t('canvas.minimap')}
            />
          ))}
      </div>
    </CollapseControl.Provider>
  );
}

/** Resolves on the first frame where `drawn()` holds (checked after two frames at least), or after about two seconds. */
function untilDrawn(drawn: () => boolean): Promise<void> {
  return new Promise((done) => {
    let frames = 0;
    const check = () => {
      frames++;
      if ((frames >= 2 && drawn()) || frames > 120) done();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}
