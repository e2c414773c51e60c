/**
 * Where nodes go. dagre lays the whole graph out top to bottom (internet, gw,
 * the host's eth0 and stack, bridges, containers), with the Docker host's
 * nodes kept together as a cluster. Nodes the user (or an earlier layout)
 * placed keep their positions; a new node is placed where dagre puts it
 * relative to a placed neighbour, then nudged off anything it would cover.
 * Pure; positions are top-left corners in flow coordinates.
 */
import dagre from '@dagrejs/dagre';
import type { TopologyGraph, TopoNode } from '../graph/types.ts';
import type { XY } from '../state/persist.ts';
import { estimateSize, FRAME_PAD, type Size } from './frame.ts';

export { estimateSize, FRAME_PAD, FRAME_TITLE, frameRect, NODE_WIDTH, type Rect, type Size } from './frame.ts';

function sizeOf(node: TopoNode, sizes: Record<string, Size>): Size {
  return sizes[node.id] ?? estimateSize(node);
}

/** Nodes outside the Docker host, placed in a column to its left. */
const OUTSIDE = ['internet', 'gw', 'lan'];
const GAP = 56;
/** Room for the edge labels of the sideways LAN link (`p-dh28 ⇄ eth0`, `192.168.1.108/24`). */
const SIDE_GAP = 110;

/**
 * The automatic layout: dagre lays out what is on the Docker host top to bottom
 * (IP stack, bridges, containers); eth0 sits left of the stack, and the LAN
 * router, the internet host and the LAN client stand in a column left of the
 * host's frame, so the drawing is wide rather than tall, like the canvas.
 */
export function autoLayout(graph: TopologyGraph, sizes: Record<string, Size> = {}): Record<string, XY> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 52, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const inner = graph.nodes.filter((n) => n.id !== 'host' && n.id !== 'host:eth0' && !OUTSIDE.includes(n.id));
  for (const n of inner) {
    const s = sizeOf(n, sizes);
    g.setNode(n.id, { width: s.width, height: s.height });
  }
  for (const e of graph.edges) {
    if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target, {}, e.id);
  }
  dagre.layout(g);
  const out: Record<string, XY> = {};
  for (const n of inner) {
    const p = g.node(n.id) as { x: number; y: number; width: number; height: number } | undefined;
    if (p) out[n.id] = { x: Math.round(p.x - p.width / 2), y: Math.round(p.y - p.height / 2) };
  }
  // eth0 left of the IP stack, at its height.
  const stack = out['host:stack'];
  const stackNode = byId.get('host:stack');
  const eth0 = byId.get('host:eth0');
  if (eth0) {
    const es = sizeOf(eth0, sizes);
    const minX = Math.min(0, ...Object.values(out).map((p) => p.x));
    const sh = stackNode ? sizeOf(stackNode, sizes).height : es.height;
    out['host:eth0'] = stack
      ? { x: Math.min(stack.x - es.width - SIDE_GAP, minX), y: Math.round(stack.y + (sh - es.height) / 2) }
      : { x: minX, y: 0 };
  }
  // The outside column, left of the frame: internet above gw (level with eth0), lan below.
  const left = Math.min(0, ...Object.values(out).map((p) => p.x)) - FRAME_PAD - SIDE_GAP;
  const anchorY = out['host:eth0']?.y ?? 0;
  const gw = byId.get('gw');
  const internet = byId.get('internet');
  const lan = byId.get('lan');
  if (gw) {
    const s = sizeOf(gw, sizes);
    out.gw = { x: left - s.width, y: anchorY };
    if (internet) {
      const is = sizeOf(internet, sizes);
      out.internet = { x: left - is.width, y: anchorY - is.height - GAP };
    }
    if (lan) out.lan = { x: left - sizeOf(lan, sizes).width, y: anchorY + s.height + GAP };
  } else {
    let y = anchorY;
    for (const n of [internet, lan]) {
      if (!n) continue;
      const s = sizeOf(n, sizes);
      out[n.id] = { x: left - s.width, y };
      y += s.height + GAP;
    }
  }
  return out;
}

function overlaps(a: XY, as: Size, b: XY, bs: Size, gap = 16): boolean {
  return a.x < b.x + bs.width + gap && b.x < a.x + as.width + gap && a.y < b.y + bs.height + gap && b.y < a.y + as.height + gap;
}

export interface Placement {
  /** Every node's position (the host frame excluded). */
  positions: Record<string, XY>;
  /** Positions given now to nodes that had none (to be saved, so they stay put). */
  added: Record<string, XY>;
}

/** Keeps saved positions; places the rest (see the module comment). */
export function placeNodes(graph: TopologyGraph, saved: Record<string, XY>, sizes: Record<string, Size> = {}): Placement {
  const members = graph.nodes.filter((n) => n.id !== 'host');
  const missing = members.filter((n) => !saved[n.id]);
  const positions: Record<string, XY> = {};
  for (const n of members) if (saved[n.id]) positions[n.id] = saved[n.id]!;
  if (missing.length === 0) return { positions, added: {} };
  const auto = autoLayout(graph, sizes);
  const added: Record<string, XY> = {};
  const byId = new Map(members.map((n) => [n.id, n]));
  const neighbours = (id: string) =>
    graph.edges.flatMap((e) => (e.source === id ? [e.target] : e.target === id ? [e.source] : []));
  // Nothing placed yet: dagre's layout as it is.
  const nothingPlaced = members.every((n) => !saved[n.id]);
  for (const n of missing) {
    let pos = auto[n.id] ?? { x: 0, y: 0 };
    if (!nothingPlaced) {
      const anchor = neighbours(n.id).find((id) => positions[id] && auto[id]);
      if (anchor) {
        pos = { x: positions[anchor]!.x + (pos.x - auto[anchor]!.x), y: positions[anchor]!.y + (pos.y - auto[anchor]!.y) };
      }
      const size = sizeOf(n, sizes);
      for (let tries = 0; tries < 200; tries++) {
        const hit = Object.entries(positions).find(([id, p]) => overlaps(pos, size, p, sizeOf(byId.get(id)!, sizes)));
        if (!hit) break;
        pos = { x: hit[1].x + sizeOf(byId.get(hit[0])!, sizes).width + 24, y: pos.y };
      }
    }
    positions[n.id] = pos;
    added[n.id] = pos;
  }
  return { positions, added };
}
