/**
 * The topology canvas: the derived graph drawn with @xyflow/react. Controlled:
 * nodes are rebuilt from the graph, the saved positions and the measured sizes
 * on every change; drags write positions to the store (saved with the session);
 * the Docker host's frame wraps its members and dragging it moves them all.
 */
import {
  Background,
  Controls,
  ControlButton,
  type Edge,
  MarkerType,
  MiniMap,
  type Node,
  type NodeChange,
  ReactFlow,
  type ReactFlowInstance,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanvasActions } from '../actions/useCanvasActions.ts';
import type { TopoEdge } from '../graph/types.ts';
import { useGraph } from '../graph/use-graph.ts';
import { useApp, useAppStore } from '../state/context.ts';
import type { XY } from '../state/persist.ts';
import { useEffectiveTheme } from '../ui/theme.ts';
import { frameRect, placeNodes, type Size } from './layout.ts';
import { NODE_TYPES } from './nodes.tsx';
import { PacketLayer, useTracePlaces } from './PacketLayer.tsx';

function edgeStyle(e: TopoEdge): Partial<Edge> {
  switch (e.kind) {
    case 'veth':
      return { type: 'default', className: 'edge-veth', markerEnd: undefined };
    case 'l3':
      return { type: 'default', className: 'edge-l3' };
    case 'shared-netns':
      return { type: 'default', className: 'edge-shared' };
    case 'route':
      return { type: 'default', className: 'edge-route', markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 } };
  }
}

export function Topology() {
  const { t } = useTranslation();
  const store = useAppStore();
  const graph = useGraph();
  const saved = useApp((s) => s.positions);
  const hover = useApp((s) => s.hover);
  const theme = useEffectiveTheme();
  const [sizes, setSizes] = useState<Record<string, Size>>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const flow = useRef<ReactFlowInstance<Node, Edge> | null>(null);
  const { current, places } = useTracePlaces();
  // Context menus, drag onto a bridge to connect, selection for the inspector (src/app/actions).
  const actions = useCanvasActions();
  const dropTarget = actions.dropTarget;

  const placement = useMemo(() => placeNodes(graph, saved, sizes), [graph, saved, sizes]);
  const positions = placement.positions;
  // New nodes keep the place they got (saved, so later layouts do not move them).
  useEffect(() => {
    if (Object.keys(placement.added).length > 0) store.getState().setPositions(placement.added);
  }, [placement, store]);

  const frame = useMemo(() => frameRect(graph, positions, sizes), [graph, positions, sizes]);

  const highlighted = useMemo(() => {
    const nodes = new Map<string, string>();
    const edges = new Map<string, string>();
    const mark = (p: { node?: string; edge?: string } | undefined, cls: string) => {
      if (p?.node && !nodes.has(p.node)) nodes.set(p.node, cls);
      if (p?.edge && !edges.has(p.edge)) edges.set(p.edge, cls);
    };
    if (hover.hop !== null) mark(places[hover.hop], 'is-hovered');
    if (current !== undefined) mark(places[current], 'is-current');
    if (hover.node) nodes.set(hover.node, nodes.get(hover.node) ?? 'is-hovered');
    return { nodes, edges };
  }, [places, current, hover]);

  const nodes: Node[] = useMemo(() => {
    const out: Node[] = [];
    const host = graph.nodes.find((n) => n.id === 'host');
    if (host && frame) {
      out.push({
        id: 'host',
        type: 'frame',
        position: { x: frame.x, y: frame.y },
        data: host.data as unknown as Record<string, unknown>,
        style: { width: frame.width, height: frame.height },
        width: frame.width,
        height: frame.height,
        measured: { width: frame.width, height: frame.height },
        zIndex: -1,
        className: 'frame',
        selectable: false,
        ariaLabel: t('node.host', { name: 'dockerhost' }),
      });
    }
    for (const n of graph.nodes) {
      if (n.id === 'host') continue;
      const pos = positions[n.id];
      if (!pos) continue;
      const cls = [`node node-${n.data.kind}`, highlighted.nodes.get(n.id) ?? '', dropTarget === n.id ? 'is-drop-target' : ''].join(' ').trim();
      const node: Node = {
        id: n.id,
        type: n.data.kind,
        position: pos,
        data: n.data as unknown as Record<string, unknown>,
        className: cls,
        selected: selected.has(n.id),
        ariaLabel: n.id,
      };
      const size = sizes[n.id];
      if (size) node.measured = size;
      out.push(node);
    }
    return out;
  }, [graph, positions, sizes, frame, highlighted, selected, t, dropTarget]);

  const edges: Edge[] = useMemo(
    () =>
      graph.edges.map((e) => {
        const hl = highlighted.edges.get(e.id);
        const edge: Edge = {
          id: e.id,
          source: e.source,
          target: e.target,
          ...edgeStyle(e),
          className: [edgeStyle(e).className, hl ?? ''].join(' ').trim(),
          animated: hl === 'is-current',
        };
        if (e.targetHandle) edge.targetHandle = e.targetHandle;
        // The LAN link runs sideways: gw's right side -> eth0 -> the IP stack's left side.
        if (e.target === 'host:eth0') {
          edge.sourceHandle = 'e';
          edge.targetHandle = 'w';
        }
        if (e.source === 'host:eth0') {
          edge.sourceHandle = 'e';
          edge.targetHandle = 'w';
        }
        if (e.label) {
          edge.label = e.label;
          edge.labelBgPadding = [4, 2];
          edge.labelBgBorderRadius = 4;
        }
        return edge;
      }),
    [graph, highlighted],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
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
            for (const n of graph.nodes) {
              const p = positions[n.id];
              if (n.parent === 'host' && p) moved[n.id] = { x: p.x + dx, y: p.y + dy };
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
        setSizes((old) => {
          const changed = Object.entries(nextSizes).some(([id, s]) => old[id]?.width !== s.width || old[id]?.height !== s.height);
          return changed ? { ...old, ...nextSizes } : old;
        });
      }
      if (selChanged) setSelected(sel);
      if (Object.keys(moved).length > 0) store.getState().setPositions(moved, { save: false });
      if (dragEnded) store.getState().setPositions({});
    },
    [frame, graph, positions, selected, store],
  );

  const onNodeMouseEnter = useCallback((_: unknown, node: Node) => store.getState().setHover({ node: node.id }), [store]);
  const onNodeMouseLeave = useCallback(() => store.getState().setHover({ node: null }), [store]);

  const tidy = useCallback(() => {
    store.getState().resetLayout();
    requestAnimationFrame(() => void flow.current?.fitView({ padding: 0.1 }));
  }, [store]);

  return (
    <div className="canvas" data-testid="topology" onKeyDown={actions.onKeyDown}>
      <ReactFlow
        {...actions.flowProps}
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onNodeMouseEnter={onNodeMouseEnter}
        onNodeMouseLeave={onNodeMouseLeave}
        onInit={(instance) => {
          flow.current = instance;
        }}
        colorMode={theme}
        fitView
        fitViewOptions={{ padding: 0.08 }}
        minZoom={0.15}
        maxZoom={2.5}
        nodesConnectable={false}
        edgesFocusable={false}
        proOptions={{ hideAttribution: true }}
        aria-label={t('canvas.label')}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} position="top-right">
          <ControlButton onClick={tidy} title={t('canvas.tidy')} aria-label={t('canvas.tidy')}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden>
              <rect x="1" y="1" width="5" height="4" rx="1" fill="currentColor" />
              <rect x="10" y="1" width="5" height="4" rx="1" fill="currentColor" />
              <rect x="5.5" y="11" width="5" height="4" rx="1" fill="currentColor" />
              <path d="M3.5 5v3h9V5M8 8v3" stroke="currentColor" fill="none" strokeWidth="1.3" />
            </svg>
          </ControlButton>
        </Controls>
        <MiniMap pannable zoomable position="bottom-left" className="minimap" ariaLabel={t('canvas.minimap')} style={{ width: 150, height: 96 }} />
        <PacketLayer positions={positions} sizes={sizes} />
      </ReactFlow>
    </div>
  );
}
