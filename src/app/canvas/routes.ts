/**
 * How an edge that runs down the diagram is drawn: orthogonal lines that keep to
 * the gaps the bus layout (layout.ts) leaves. From the upper end it drops a
 * little, runs sideways to a lane (the gutter left of the lower node's column),
 * down the lane to just above the lower node, across to its handle and down into
 * it. When nothing can stand between the two ends (the lower node's row sits
 * right under the upper node) it skips the lane. Labels sit on the last vertical
 * stretch, stacked one above the other for a node's several interfaces, so they
 * never cover a node or each other. Pure: the edge component and the layout
 * tests both use it.
 */
import type { TopoEdge, TopoNode } from '../graph/types.ts';
import type { XY } from '../state/persist.ts';
import { NODE_WIDTH } from './frame.ts';

/** How far below the upper node the line turns sideways. */
export const DROP = 12;
/** Vertical room per edge label stacked above a node. */
export const LABEL_STEP = 18;
/** Height of an edge label (10 px monospace plus its background padding). */
export const LABEL_HEIGHT = 16;
/** Width of one character of an edge label (10 px monospace). */
const LABEL_CHAR = 6.1;
const LABEL_PAD = 8;
/** The gap between columns; lanes run down its middle. */
export const COL_GAP = 36;
/** A vertical distance below which no node fits between the two ends. */
const NO_ROOM = 56;

/** What the edge needs to know about its lower end, besides where its handle is. */
export interface BusHint {
  /** From the lower node's handle left to the lane. */
  laneDx: number;
  /** From the lower node's top up to where the line comes across. */
  approach: number;
  /** From the lower node's top up to the label's centre. */
  labelRise: number;
}

export interface Route {
  points: XY[];
  label: XY;
}

export function busRoute(source: XY, target: XY, hint: BusHint): Route {
  const yApproach = target.y - hint.approach;
  const label = { x: target.x, y: target.y - hint.labelRise };
  if (yApproach > source.y && yApproach - source.y < NO_ROOM) {
    return { points: [source, { x: source.x, y: yApproach }, { x: target.x, y: yApproach }, target], label };
  }
  const y1 = source.y + DROP;
  const lane = target.x - hint.laneDx;
  return {
    points: [source, { x: source.x, y: y1 }, { x: lane, y: y1 }, { x: lane, y: yApproach }, { x: target.x, y: yApproach }, target],
    label,
  };
}

export function svgPath(points: XY[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
}

/** The label's box around its centre, as it draws at 10 px monospace. */
export function labelBox(text: string, centre: XY): { x: number; y: number; width: number; height: number } {
  const width = text.length * LABEL_CHAR + LABEL_PAD;
  return { x: centre.x - width / 2, y: centre.y - LABEL_HEIGHT / 2, width, height: LABEL_HEIGHT };
}

/** Room a node needs above it for the labels of the edges coming into it. */
export function labelRoom(interfaces: number): number {
  return LABEL_STEP * Math.max(1, interfaces) + 8;
}

/**
 * Where an edge's lower end meets its node, from the node's left (the handle's
 * x), and the hint for busRoute; undefined for edges that do not run down a bus
 * (the LAN's sideways link, the route to the internet).
 */
export function busEdgeHint(edge: TopoEdge, target: TopoNode | undefined): (BusHint & { handleX: number }) | undefined {
  if (!target) return undefined;
  const d = target.data;
  if (edge.kind === 'veth' && d.kind === 'netns') {
    const n = d.interfaces.length;
    const k = Math.max(0, d.interfaces.findIndex((i) => `if:${i.name}` === edge.targetHandle));
    const handleX = ((k + 1) / (n + 1)) * NODE_WIDTH;
    return { handleX, laneDx: handleX + COL_GAP / 2, approach: labelRoom(n), labelRise: LABEL_HEIGHT / 2 + 5 + LABEL_STEP * k };
  }
  const downward =
    (edge.kind === 'l3' && d.kind === 'bridge') || (edge.kind === 'shared-netns' && d.kind === 'container') || (edge.kind === 'veth' && d.kind === 'group');
  if (!downward) return undefined;
  const handleX = NODE_WIDTH / 2;
  return { handleX, laneDx: handleX + COL_GAP / 2, approach: labelRoom(1), labelRise: LABEL_HEIGHT / 2 + 5 };
}
