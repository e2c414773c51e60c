/**
 * A graph snapshot: the derived graph's nodes and edges as plain data, enough
 * for the first screen to draw the world before the simulator has loaded
 * (src/app/boot). Saved with the session; the starter world's is generated
 * (starter-snapshot.ts). Reading one is tolerant: anything odd gives undefined.
 */
import type { EdgeKind, TopoEdge, TopologyGraph, TopoNode } from './types.ts';

export interface GraphSnapshot {
  nodes: TopoNode[];
  edges: TopoEdge[];
}

export function snapshotOf(graph: Pick<TopologyGraph, 'nodes' | 'edges'>): GraphSnapshot {
  return { nodes: graph.nodes, edges: graph.edges };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const NODE_KINDS = new Set(['host', 'stack', 'iface', 'bridge', 'netns', 'container', 'machine', 'internet']);
const EDGE_KINDS = new Set<EdgeKind>(['veth', 'l3', 'shared-netns', 'route']);

function isNode(v: unknown): v is TopoNode {
  return isRecord(v) && typeof v.id === 'string' && isRecord(v.data) && NODE_KINDS.has(v.data.kind as string);
}

function isEdge(v: unknown): v is TopoEdge {
  return (
    isRecord(v) &&
    typeof v.id === 'string' &&
    typeof v.source === 'string' &&
    typeof v.target === 'string' &&
    EDGE_KINDS.has(v.kind as EdgeKind)
  );
}

/** A saved snapshot, checked in its outline (it was written by this app). */
export function readGraphSnapshot(v: unknown): GraphSnapshot | undefined {
  if (!isRecord(v) || !Array.isArray(v.nodes) || !Array.isArray(v.edges)) return undefined;
  if (!v.nodes.every(isNode) || !v.edges.every(isEdge)) return undefined;
  return { nodes: v.nodes, edges: v.edges };
}
