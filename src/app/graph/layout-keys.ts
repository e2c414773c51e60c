/**
 * Node positions by stable names (a scenario's `layout`) and by the canvas's
 * node ids. The canvas names a bridge by its interface (`bridge:br-12cf8b548fc9`),
 * which Docker generates; a scenario names it by its network (`network:mynet`),
 * so a link made on one machine lays out the same on another, whatever ids the
 * simulator of that build generates. Containers are named alike on both sides.
 */
import type { ScenarioLayout } from '../../scenario/format/types.ts';
import type { XY } from '../state/persist.ts';
import type { TopologyGraph } from './types.ts';

/** The stable name of a canvas node, or undefined for one that has none. */
function stableName(id: string, graph: TopologyGraph): string | undefined {
  if (id.startsWith('c:')) return `container:${id.slice(2)}`;
  if (id.startsWith('bridge:')) {
    const node = graph.nodes.find((n) => n.id === id);
    const network = node?.data.kind === 'bridge' ? node.data.network : undefined;
    return network !== undefined ? `network:${network}` : id;
  }
  if (id.startsWith('ns:')) return undefined;
  return id;
}

/** The canvas's positions as a scenario's layout, rounded to whole pixels. */
export function layoutOf(positions: Record<string, XY>, graph: TopologyGraph): ScenarioLayout {
  const layout: Record<string, [number, number]> = {};
  const present = new Set(graph.nodes.map((n) => n.id));
  for (const [id, p] of Object.entries(positions)) {
    if (!present.has(id)) continue;
    const name = stableName(id, graph);
    if (name !== undefined) layout[name] = [Math.round(p.x), Math.round(p.y)];
  }
  return layout;
}

/** This world's canvas node ids by their stable names. */
function idsByName(graph: TopologyGraph): Map<string, string> {
  const idOf = new Map<string, string>();
  for (const node of graph.nodes) {
    const name = stableName(node.id, graph);
    if (name !== undefined) idOf.set(name, node.id);
  }
  return idOf;
}

/** A scenario's layout as positions of this world's canvas nodes; names it does not have are left out. */
export function positionsOf(layout: ScenarioLayout | undefined, graph: TopologyGraph): Record<string, XY> {
  if (!layout) return {};
  const idOf = idsByName(graph);
  const positions: Record<string, XY> = {};
  for (const [name, [x, y]] of Object.entries(layout)) {
    const id = idOf.get(name);
    if (id !== undefined) positions[id] = { x, y };
  }
  return positions;
}

/** Collapsed bridges (canvas node ids) by stable names (`network:NAME`), in order; ids this canvas lacks are left out. */
export function collapsedNamesOf(collapsed: readonly string[], graph: TopologyGraph): string[] {
  const bridges = new Set(graph.nodes.filter((n) => n.data.kind === 'bridge').map((n) => n.id));
  return collapsed.flatMap((id) => {
    const name = bridges.has(id) ? stableName(id, graph) : undefined;
    return name !== undefined ? [name] : [];
  });
}

/** A scenario's collapsed networks as this world's bridge node ids; names it does not have are left out. */
export function collapsedIdsOf(names: readonly string[] | undefined, graph: TopologyGraph): string[] {
  if (!names) return [];
  const idOf = idsByName(graph);
  return bridgesAmong(names.map((name) => idOf.get(name)).filter((id): id is string => id !== undefined), graph);
}

/** The canvas ids among `ids` that are bridges of this world, each once: what can be drawn collapsed. */
export function bridgesAmong(ids: readonly string[], graph: TopologyGraph): string[] {
  const bridges = new Set(graph.nodes.filter((n) => n.data.kind === 'bridge').map((n) => n.id));
  return [...new Set(ids.filter((id) => bridges.has(id)))];
}
