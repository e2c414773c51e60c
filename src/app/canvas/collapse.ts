/**
 * Collapsed networks: the canvas can draw a network's containers as one group
 * node ("n1 · 10 containers") under its bridge. Which bridges are collapsed is
 * view state (saved with the node positions, never part of the world), so this
 * is a pure transform of the derived graph, applied by the canvas alone; the
 * trace panel and the inspector keep the real graph.
 *
 * A box (a container's namespace, with the containers joined to it) is hidden
 * when every bridge it is attached to is collapsed: a multi-homed container
 * stays visible while any of its networks is expanded, and its veth to a
 * collapsed bridge then runs to it as before. A hidden box counts in the group
 * of each of its networks; its veth pairs to a bridge become that bridge's one
 * edge to its group, and whatever else names the box (the namespace a trace
 * hop happened in, its interfaces) lands on the group of its first network, so
 * a packet through a collapsed container travels to the group and its hop
 * highlight lands there.
 */
import type { BridgeNodeData, GroupNodeData, TopoEdge, TopologyGraph, TopoNode } from '../graph/types.ts';

/** The group node standing for a collapsed bridge's containers. */
export function groupNodeId(bridge: string): string {
  return `group:${bridge}`;
}

/** The one edge from a collapsed bridge to its group. */
export function groupEdgeId(bridge: string): string {
  return `veth-group:${bridge}`;
}

/** Boxes that can hide in a group: what sits under a bridge in the layout. */
function isBox(n: TopoNode): boolean {
  return n.data.kind === 'netns' || n.data.kind === 'container';
}

function containerStates(n: TopoNode): string[] {
  if (n.data.kind === 'netns') return n.data.containers.map((c) => c.state);
  if (n.data.kind === 'container') return [n.data.container.state];
  return [];
}

/** Bridges that have something a collapse would hide (the only ones whose control does anything). */
export function bridgesWithBoxes(graph: Pick<TopologyGraph, 'nodes' | 'edges'>): Set<string> {
  const boxes = new Set(graph.nodes.filter(isBox).map((n) => n.id));
  const out = new Set<string>();
  for (const e of graph.edges) if (e.kind === 'veth' && e.source.startsWith('bridge:') && boxes.has(e.target)) out.add(e.source);
  return out;
}

/**
 * The graph as the canvas draws it with these bridges collapsed (node ids);
 * ids that name no bridge with containers are ignored. The same graph object
 * when nothing is collapsed.
 */
export function collapseGraph(graph: TopologyGraph, collapsed: readonly string[]): TopologyGraph {
  if (collapsed.length === 0) return graph;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const wanted = new Set(collapsed.filter((id) => byId.get(id)?.data.kind === 'bridge'));
  if (wanted.size === 0) return graph;

  // Each box's bridges, in edge order.
  const bridgesOf = new Map<string, string[]>();
  for (const e of graph.edges) {
    const target = byId.get(e.target);
    if (e.kind !== 'veth' || !e.source.startsWith('bridge:') || !target || !isBox(target)) continue;
    const list = bridgesOf.get(e.target) ?? [];
    if (!list.includes(e.source)) list.push(e.source);
    bridgesOf.set(e.target, list);
  }
  // A hidden box -> the group of its first network; each group's boxes.
  const hiddenIn = new Map<string, string>();
  const members = new Map<string, TopoNode[]>();
  for (const [box, bridges] of bridgesOf) {
    if (!bridges.every((b) => wanted.has(b))) continue;
    hiddenIn.set(box, groupNodeId(bridges[0]!));
    for (const b of bridges) members.set(b, [...(members.get(b) ?? []), byId.get(box)!]);
  }
  if (hiddenIn.size === 0) return graph;

  const nodes: TopoNode[] = [];
  for (const n of graph.nodes) {
    if (hiddenIn.has(n.id)) continue;
    const boxes = members.get(n.id);
    if (n.data.kind !== 'bridge' || !boxes) {
      nodes.push(n);
      continue;
    }
    const data: BridgeNodeData = { ...n.data, collapsed: true };
    nodes.push({ ...n, data });
    nodes.push({ id: groupNodeId(n.id), parent: 'host', data: groupData(n.id, data, boxes) });
  }

  const links = new Map<string, number>();
  for (const e of graph.edges) if (e.kind === 'veth' && members.has(e.source) && hiddenIn.has(e.target)) links.set(e.source, (links.get(e.source) ?? 0) + 1);
  for (const n of nodes) if (n.data.kind === 'group') n.data.links = links.get(n.data.bridge) ?? 0;

  const edges: TopoEdge[] = [];
  const edgeIds = new Map<string, string>();
  const seen = new Set<string>();
  const add = (old: string, e: TopoEdge) => {
    edgeIds.set(old, e.id);
    if (seen.has(e.id)) return;
    seen.add(e.id);
    edges.push(e);
  };
  for (const e of graph.edges) {
    const hiddenTarget = hiddenIn.has(e.target);
    const hiddenSource = hiddenIn.has(e.source);
    if (!hiddenTarget && !hiddenSource) {
      add(e.id, e);
    } else if (e.kind === 'veth' && members.has(e.source) && hiddenTarget) {
      add(e.id, { id: groupEdgeId(e.source), kind: 'veth', source: e.source, target: groupNodeId(e.source) });
    } else {
      const source = hiddenIn.get(e.source) ?? e.source;
      const target = hiddenIn.get(e.target) ?? e.target;
      if (source === target) continue;
      const { targetHandle: _handle, ends: _ends, ...rest } = e;
      add(e.id, { ...rest, id: `${e.id}@${hiddenTarget ? target : source}`, source, target });
    }
  }

  const remap = (map: Record<string, string>, through: (id: string) => string | undefined) =>
    Object.fromEntries(Object.entries(map).map(([k, v]) => [k, through(v) ?? v]));
  return {
    nodes,
    edges,
    netnsNode: remap(graph.netnsNode, (id) => hiddenIn.get(id)),
    ifaceNode: remap(graph.ifaceNode, (id) => hiddenIn.get(id)),
    vethEdge: remap(graph.vethEdge, (id) => edgeIds.get(id)),
  };
}

function groupData(bridge: string, data: BridgeNodeData, boxes: TopoNode[]): GroupNodeData {
  const counts = new Map<string, number>();
  let containers = 0;
  for (const box of boxes) {
    for (const state of containerStates(box)) {
      containers++;
      counts.set(state, (counts.get(state) ?? 0) + 1);
    }
  }
  const states = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { kind: 'group', bridge, network: data.network ?? data.name, containers, states, links: 0 };
}
