/**
 * The derived graph as React Flow's nodes and edges (plain data), shared by the
 * live canvas (Topology), the static drawing shown until React Flow has loaded
 * (StaticCanvas) and the first screen's snapshot canvas (src/app/boot), so all
 * draw the same thing and the swap from one to the other shows no change.
 */
import type { Edge, Node } from '@xyflow/react';
import type { TFunction } from '../i18n/index.ts';
import type { TopoEdge, TopologyGraph } from '../graph/types.ts';
import type { XY } from '../state/persist.ts';
import type { Rect, Size } from './frame.ts';
import { busEdgeHint } from './routes.ts';

function edgeStyle(e: TopoEdge): Partial<Edge> {
  switch (e.kind) {
    case 'veth':
      return { type: 'default', className: 'edge-veth', markerEnd: undefined };
    case 'l3':
      return { type: 'default', className: 'edge-l3' };
    case 'shared-netns':
      return { type: 'default', className: 'edge-shared' };
    case 'route':
      return { type: 'default', className: 'edge-route', markerEnd: { type: 'arrowclosed', width: 14, height: 14 } };
  }
}

export interface FlowNodeOptions {
  graph: Pick<TopologyGraph, 'nodes'>;
  positions: Record<string, XY>;
  sizes: Record<string, Size>;
  frame: Rect | undefined;
  t: TFunction;
  /** Node id -> `is-hovered` or `is-current`. */
  highlighted?: ReadonlyMap<string, string>;
  selected?: ReadonlySet<string>;
  dropTarget?: string | null;
}

export function flowNodes({ graph, positions, sizes, frame, t, highlighted, selected, dropTarget }: FlowNodeOptions): Node[] {
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
    const cls = [`node node-${n.data.kind}`, highlighted?.get(n.id) ?? '', dropTarget === n.id ? 'is-drop-target' : ''].join(' ').trim();
    const node: Node = {
      id: n.id,
      type: n.data.kind,
      position: pos,
      data: n.data as unknown as Record<string, unknown>,
      className: cls,
      selected: selected?.has(n.id) ?? false,
      ariaLabel: n.id,
    };
    const size = sizes[n.id];
    if (size) node.measured = size;
    out.push(node);
  }
  return out;
}

export function flowEdges(graph: Pick<TopologyGraph, 'nodes' | 'edges'>, highlighted?: ReadonlyMap<string, string>): Edge[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return graph.edges.map((e) => {
    const hl = highlighted?.get(e.id);
    const style = edgeStyle(e);
    const edge: Edge = {
      id: e.id,
      source: e.source,
      target: e.target,
      ...style,
      className: [style.className, hl ?? ''].join(' ').trim(),
      animated: hl === 'is-current',
    };
    // Links down a bus keep to the layout's gaps (routes.ts).
    const hint = busEdgeHint(e, byId.get(e.target));
    if (hint) {
      edge.type = 'bus';
      edge.data = { laneDx: hint.laneDx, approach: hint.approach, labelRise: hint.labelRise };
    }
    if (e.targetHandle) edge.targetHandle = e.targetHandle;
    // The LAN link runs sideways: gw's right side -> eth0 -> the IP stack's left side.
    if (e.target === 'host:eth0' || e.source === 'host:eth0') {
      edge.sourceHandle = 'e';
      edge.targetHandle = 'w';
    }
    if (e.label) {
      edge.label = e.label;
      edge.labelBgPadding = [4, 2];
      edge.labelBgBorderRadius = 4;
    }
    return edge;
  });
}

/** Collects the sizes React Flow measured from its node changes; unchanged sizes give the same object. */
export function withMeasured(old: Record<string, Size>, measured: Record<string, Size>): Record<string, Size> {
  const changed = Object.entries(measured).some(([id, s]) => old[id]?.width !== s.width || old[id]?.height !== s.height);
  return changed ? { ...old, ...measured } : old;
}
