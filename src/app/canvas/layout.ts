/**
 * Where nodes go: the topology drawn as a network diagram. Inside the Docker
 * host's frame, eth0 and the IP stack stand on top; below them every bridge is
 * a bus with its containers in wrapping rows beneath it (a grid per network).
 * A container on several networks stands in a group of its own right after the
 * first of its bridges, and the bridges are ordered so that networks sharing
 * containers are neighbours; `container:` mode containers share their target's
 * box (deriveGraph); host-network and stopped containers close the list. Bridges
 * with no container stand one under another in a column of their own (as many
 * as the tallest grid beside them is high), so an empty network does not take a
 * whole column. A collapsed network's group node (collapse.ts) is one box: one
 * cell under its bridge. The
 * LAN router, the internet host and the LAN client stand in a column left of
 * the frame.
 *
 * Every column sits on one lattice (NODE_WIDTH plus COL_GAP), so the gutters
 * between columns run unbroken from the stack to the bottom: edges come down
 * them (routes.ts) without crossing a node. Rows leave room above each node for
 * the labels of the edges coming into it. How many columns a network's grid
 * takes and how many columns a row of grids spans are chosen so that the whole
 * drawing fits the canvas's shape at the largest zoom; on a phone held upright
 * (narrow) the rows are two columns wide so the frame fits the screen's width.
 *
 * placeNodes keeps positions already given (the user's, or an earlier layout's)
 * and puts each new node next to what it connects to: a container in the first
 * free cell of its bridge's grid, a new bridge right of the others.
 * Pure; positions are top-left corners in flow coordinates.
 */
import type { TopologyGraph, TopoNode } from '../graph/types.ts';
import type { XY } from '../state/persist.ts';
import { estimateSize, FRAME_PAD, FRAME_TITLE, NODE_WIDTH, type Size } from './frame.ts';
import { COL_GAP, DROP, labelRoom } from './routes.ts';

export { estimateSize, FRAME_PAD, FRAME_TITLE, frameRect, NODE_WIDTH, type Rect, type Size } from './frame.ts';

export interface LayoutOptions {
  /** Width over height of the canvas the drawing should fit (a wide screen's canvas by default). */
  aspect?: number;
  /** A phone held upright: rows two columns wide, so the host's frame fits the screen's width. */
  narrow?: boolean;
}

/** Nodes outside the Docker host, placed in a column to its left. */
const OUTSIDE = ['internet', 'gw', 'lan'];
const GAP = 56;
/** Room for the label of the sideways link from eth0 to the stack (`192.168.1.108/24`). */
const SIDE_GAP = 130;
/** From the outside column to the frame: with the frame's padding, room for `p-dh28 ⇄ eth0`. */
const OUTSIDE_GAP = 100;
/** One lattice column. */
export const PITCH = NODE_WIDTH + COL_GAP;
/** Between the stack and the first row of buses, and between rows of grids. */
const TOP_GAP = DROP + labelRoom(1) + 24;
const FLOW_GAP = labelRoom(1) + 30;
/** Most columns one network's grid may take. */
const MAX_COLUMNS = 12;
const DEFAULT_ASPECT = 16 / 9;

function sizeOf(node: TopoNode, sizes: Record<string, Size>): Size {
  return sizes[node.id] ?? estimateSize(node);
}

function interfaceCount(node: TopoNode): number {
  return node.data.kind === 'netns' ? node.data.interfaces.length : 1;
}

/** A bus (a bridge) with the boxes whose home it is, a group without a bus, or a stack of empty buses. */
interface Block {
  bus?: TopoNode;
  members: TopoNode[];
  /** Bridges with no container, one under another in a single column. */
  stack?: TopoNode[];
}

/** The blocks in order, with the empty bridges taken out to be stacked where the first of them stood. */
interface Blocks {
  blocks: Block[];
  empty: TopoNode[];
  emptyAt: number;
}

/** Which bridges each box is attached to (by its veth edges), in graph order. */
function attachments(graph: TopologyGraph): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.kind !== 'veth' || !e.source.startsWith('bridge:')) continue;
    const list = out.get(e.target) ?? [];
    if (!list.includes(e.source)) list.push(e.source);
    out.set(e.target, list);
  }
  return out;
}

/** Bridges in graph order, each followed by the unplaced one sharing most boxes with it. */
function chainOrder(bridges: TopoNode[], attached: Map<string, string[]>): TopoNode[] {
  // How many boxes each pair of bridges shares, counted once.
  const pairs = new Map<string, number>();
  for (const list of attached.values()) {
    for (const a of list) for (const b of list) if (a !== b) pairs.set(`${a} ${b}`, (pairs.get(`${a} ${b}`) ?? 0) + 1);
  }
  const shared = (a: string, b: string) => pairs.get(`${a} ${b}`) ?? 0;
  const left = [...bridges];
  const out: TopoNode[] = [];
  while (left.length > 0) {
    const last = out[out.length - 1];
    let pick = 0;
    if (last) {
      let best = 0;
      left.forEach((b, i) => {
        const s = shared(last.id, b.id);
        if (s > best) {
          best = s;
          pick = i;
        }
      });
    }
    out.push(left.splice(pick, 1)[0]!);
  }
  return out;
}

function blocksOf(graph: TopologyGraph): Blocks {
  const attached = attachments(graph);
  const host = graph.nodes.filter((n) => n.parent === 'host');
  const bridges = chainOrder(host.filter((n) => n.data.kind === 'bridge'), attached);
  const rank = new Map(bridges.map((b, i) => [b.id, i]));
  const boxes = host.filter((n) => n.data.kind !== 'bridge' && n.data.kind !== 'stack' && n.data.kind !== 'iface');
  const homes = new Map<string, Block>();
  const blocks: Block[] = [];
  const misc: Block = { members: [] };
  const sharedAfter = new Map<string, Block[]>();
  for (const b of bridges) homes.set(b.id, { bus: b, members: [] });
  for (const box of boxes) {
    const on = (attached.get(box.id) ?? []).filter((id) => rank.has(id)).sort((a, b) => rank.get(a)! - rank.get(b)!);
    if (on.length === 0) misc.members.push(box);
    else if (on.length === 1) homes.get(on[0]!)!.members.push(box);
    else {
      const key = on.join('+');
      let block = homes.get(key);
      if (!block) {
        block = { members: [] };
        homes.set(key, block);
        sharedAfter.set(on[0]!, [...(sharedAfter.get(on[0]!) ?? []), block]);
      }
      block.members.push(box);
    }
  }
  const empty: TopoNode[] = [];
  let emptyAt = -1;
  const linked = new Set([...attached.values()].flat());
  for (const b of bridges) {
    const home = homes.get(b.id)!;
    const shared = sharedAfter.get(b.id) ?? [];
    // Empty: no box on it at all (a bridge whose only boxes stand in a shared group keeps its place beside them).
    if (!linked.has(b.id)) {
      if (emptyAt < 0) emptyAt = blocks.length;
      empty.push(b);
      continue;
    }
    blocks.push(home, ...shared);
  }
  if (misc.members.length > 0) blocks.push(misc);
  return { blocks, empty, emptyAt: Math.max(0, emptyAt) };
}

/** Between stacked empty buses: room for the label and the approach of the link coming into the lower one. */
const STACK_GAP = labelRoom(1) + 14;

function stackHeight(buses: number, busHeight: number): number {
  return buses * busHeight + Math.max(0, buses - 1) * STACK_GAP;
}

/**
 * The blocks with the empty bridges stacked: as many in one column as fit the
 * height of the tallest grid beside them (one at least), so an empty network
 * does not take a whole column of its own.
 */
function withStacks({ blocks, empty, emptyAt }: Blocks, grids: Grid[], busHeight: number, busGap: number): { blocks: Block[]; grids: Grid[] } {
  if (empty.length === 0) return { blocks, grids };
  const room = busHeight + busGap + Math.max(0, ...grids.map(gridHeight));
  const perStack = Math.max(1, Math.floor((room + STACK_GAP) / (busHeight + STACK_GAP)));
  const stacks: Block[] = [];
  for (let i = 0; i < empty.length; i += perStack) stacks.push({ members: [], stack: empty.slice(i, i + perStack) });
  const stackGrids = stacks.map((b): Grid => ({ columns: 1, rowHeights: [stackHeight(b.stack!.length, busHeight) - busHeight - busGap], gap: 0 }));
  return {
    blocks: [...blocks.slice(0, emptyAt), ...stacks, ...blocks.slice(emptyAt)],
    grids: [...grids.slice(0, emptyAt), ...stackGrids, ...grids.slice(emptyAt)],
  };
}

/** The room between a block's rows: the labels of the edges into its boxes. */
function rowGap(block: Block): number {
  return labelRoom(Math.max(1, ...block.members.map(interfaceCount))) + 14;
}

/** A block's grid at `k` columns at most: its width in columns and its rows' heights. */
interface Grid {
  columns: number;
  rowHeights: number[];
  gap: number;
}

function gridOf(block: Block, k: number, sizes: Record<string, Size>): Grid {
  const columns = Math.max(1, Math.min(k, block.members.length));
  const rowHeights: number[] = [];
  block.members.forEach((m, i) => {
    const r = Math.floor(i / columns);
    rowHeights[r] = Math.max(rowHeights[r] ?? 0, sizeOf(m, sizes).height);
  });
  return { columns, rowHeights, gap: rowGap(block) };
}

function gridHeight(g: Grid): number {
  return g.rowHeights.reduce((a, h) => a + h, 0) + Math.max(0, g.rowHeights.length - 1) * g.gap;
}

/** Rows of blocks: which blocks start each row, given a row width of `span` columns. */
function flowRows(blocks: Block[], grids: Grid[], span: number): number[][] {
  const rows: number[][] = [];
  let used = 0;
  blocks.forEach((b, i) => {
    const cols = grids[i]!.columns;
    const row = rows[rows.length - 1];
    // A shared group stays in its first bridge's row, even past the span: it stands between its bridges.
    if (row && (used + cols <= span || (!b.bus && !b.stack))) {
      row.push(i);
      used += cols;
    } else {
      rows.push([i]);
      used = cols;
    }
  });
  return rows;
}

interface Arrangement {
  k: number;
  span: number;
  width: number;
  height: number;
}

/** The grids' area: buses, their rows, and the positions of everything in it (top-left at 0,0). */
function arrange(blocks: Block[], grids: Grid[], span: number, busHeight: number, busGap: number, out?: Record<string, XY>): { width: number; height: number } {
  let y = 0;
  let width = 0;
  const rows = flowRows(blocks, grids, span);
  rows.forEach((row, r) => {
    if (r > 0) y += FLOW_GAP;
    let col = 0;
    let rowHeight = 0;
    for (const i of row) {
      const block = blocks[i]!;
      const grid = grids[i]!;
      const x0 = col * PITCH;
      if (out && block.bus) out[block.bus.id] = { x: x0, y };
      if (out && block.stack) block.stack.forEach((bus, j) => (out[bus.id] = { x: x0, y: y + j * (busHeight + STACK_GAP) }));
      const top = y + busHeight + busGap;
      if (out) {
        let rowTop = top;
        block.members.forEach((m, j) => {
          const gr = Math.floor(j / grid.columns);
          if (j > 0 && j % grid.columns === 0) rowTop += grid.rowHeights[gr - 1]! + grid.gap;
          out[m.id] = { x: x0 + (j % grid.columns) * PITCH, y: rowTop };
        });
      }
      rowHeight = Math.max(rowHeight, busHeight + busGap + gridHeight(grid));
      col += grid.columns;
    }
    width = Math.max(width, col * PITCH - COL_GAP);
    y += rowHeight;
  });
  return { width, height: y };
}

export interface AutoLayout {
  positions: Record<string, XY>;
  /** Columns a network's grid takes at most (new containers fill their bridge's grid so wide). */
  columns: number;
}

/** The automatic layout of the whole graph (see the module comment). */
export function autoLayoutOf(graph: TopologyGraph, sizes: Record<string, Size> = {}, options: LayoutOptions = {}): AutoLayout {
  const aspect = options.aspect && Number.isFinite(options.aspect) && options.aspect > 0 ? options.aspect : DEFAULT_ASPECT;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const out: Record<string, XY> = {};
  const stack = byId.get('host:stack');
  const eth0 = byId.get('host:eth0');
  const stackSize = stack ? sizeOf(stack, sizes) : { width: 0, height: 0 };
  const eth0Size = eth0 ? sizeOf(eth0, sizes) : { width: 0, height: 0 };

  // eth0, then the stack at its right, level with each other.
  const topHeight = Math.max(stackSize.height, eth0Size.height);
  if (eth0) out['host:eth0'] = { x: 0, y: Math.round((topHeight - eth0Size.height) / 2) };
  if (stack) out['host:stack'] = { x: eth0 ? eth0Size.width + SIDE_GAP : 0, y: Math.round((topHeight - stackSize.height) / 2) };
  const topWidth = (eth0 ? eth0Size.width + SIDE_GAP : 0) + stackSize.width;
  const gridTop = stack || eth0 ? topHeight + TOP_GAP : 0;

  const sorted = blocksOf(graph);
  const { blocks } = sorted;
  const busHeight = Math.max(0, ...blocks.flatMap((b) => (b.bus ? [sizeOf(b.bus, sizes).height] : [])), ...sorted.empty.map((b) => sizeOf(b, sizes).height));
  const busGap = DROP + labelRoom(Math.max(1, ...blocks.flatMap((b) => b.members.map(interfaceCount)))) + 14;
  const largest = Math.max(1, ...blocks.map((b) => b.members.length));
  const maxK = options.narrow ? 2 : Math.min(MAX_COLUMNS, largest);
  const outsideWidth = Math.max(0, ...OUTSIDE.flatMap((id) => (byId.get(id) ? [sizeOf(byId.get(id)!, sizes).width + OUTSIDE_GAP] : [])));

  let best: Arrangement | undefined;
  let bestScore = Infinity;
  // Upright phones: two columns, so each bus heads rows of two (the buses stack down the screen).
  const gridsAt = (k: number) => withStacks(sorted, blocks.map((b) => gridOf(b, k, sizes)), busHeight, busGap);
  for (let k = options.narrow ? 2 : 1; k <= maxK; k++) {
    const { blocks: laid, grids } = gridsAt(k);
    const widest = Math.max(1, ...grids.map((g) => g.columns));
    const total = grids.reduce((a, g) => a + g.columns, 0);
    const spans = options.narrow ? [Math.max(2, widest)] : Array.from({ length: Math.max(1, total - widest + 1) }, (_, i) => widest + i);
    for (const span of spans) {
      const { width, height } = arrange(laid, grids, span, busHeight, busGap);
      const frameWidth = Math.max(topWidth, width) + 2 * FRAME_PAD;
      const frameHeight = gridTop + height + 2 * FRAME_PAD + FRAME_TITLE;
      // The size the canvas must show, at its aspect: the smaller it is, the larger the zoom that fits it.
      const shownWidth = options.narrow ? frameWidth : frameWidth + outsideWidth;
      const score = options.narrow ? shownWidth / aspect : Math.max(shownWidth / aspect, frameHeight);
      if (score < bestScore - 0.5) {
        bestScore = score;
        best = { k, span, width, height };
      } else if (shownWidth / aspect >= bestScore) {
        break; // wider rows only widen the drawing from here
      }
    }
  }
  const k = best?.k ?? 1;
  const { blocks: laid, grids } = gridsAt(k);
  const inGrid: Record<string, XY> = {};
  arrange(laid, grids, best?.span ?? 1, busHeight, busGap, inGrid);
  for (const [id, p] of Object.entries(inGrid)) out[id] = { x: p.x, y: p.y + gridTop };

  // The outside column, left of the frame: internet above gw (level with eth0), lan below.
  const left = -FRAME_PAD - OUTSIDE_GAP;
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
  return { positions: out, columns: k };
}

/** The automatic layout's positions (the tidy button's, and a first visit's). */
export function autoLayout(graph: TopologyGraph, sizes: Record<string, Size> = {}, options: LayoutOptions = {}): Record<string, XY> {
  return autoLayoutOf(graph, sizes, options).positions;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The room a node claims: itself, half a gutter each side and its labels' room above. */
function claim(p: XY, s: Size, node: TopoNode): Box {
  const above = labelRoom(interfaceCount(node)) + 6;
  return { x: p.x - COL_GAP / 2, y: p.y - above, width: s.width + COL_GAP, height: s.height + above };
}

function hits(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The free spot nearest `want` on a grid of steps around it, or `want` when the search runs out. */
function nearestFree(want: XY, size: Size, node: TopoNode, taken: Box[]): XY {
  const free = (p: XY) => {
    const c = claim(p, size, node);
    return !taken.some((t) => hits(c, t));
  };
  if (free(want)) return want;
  const stepX = PITCH / 2;
  const stepY = 40;
  for (let ring = 1; ring <= 40; ring++) {
    const candidates: XY[] = [];
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        candidates.push({ x: want.x + i * stepX, y: want.y + j * stepY });
      }
    }
    candidates.sort((a, b) => Math.hypot(a.x - want.x, a.y - want.y) - Math.hypot(b.x - want.x, b.y - want.y));
    const found = candidates.find(free);
    if (found) return found;
  }
  return want;
}

export interface Placement {
  /** Every node's position (the host frame excluded). */
  positions: Record<string, XY>;
  /** Positions given now to nodes that had none (to be saved, so they stay put). */
  added: Record<string, XY>;
  /** Nothing was placed before: the whole layout is new (the view fits it rather than panning). */
  fresh: boolean;
}

/** Keeps saved positions; places the rest (see the module comment). */
export function placeNodes(graph: TopologyGraph, saved: Record<string, XY>, sizes: Record<string, Size> = {}, options: LayoutOptions = {}): Placement {
  const members = graph.nodes.filter((n) => n.id !== 'host');
  const missing = members.filter((n) => !saved[n.id]);
  const positions: Record<string, XY> = {};
  for (const n of members) if (saved[n.id]) positions[n.id] = saved[n.id]!;
  if (missing.length === 0) return { positions, added: {}, fresh: false };
  const auto = autoLayoutOf(graph, sizes, options);
  const fresh = members.every((n) => !saved[n.id]);
  if (fresh) {
    for (const n of members) positions[n.id] = auto.positions[n.id] ?? { x: 0, y: 0 };
    return { positions, added: { ...positions }, fresh };
  }
  const byId = new Map(members.map((n) => [n.id, n]));
  const taken: Box[] = Object.entries(positions).map(([id, p]) => claim(p, sizeOf(byId.get(id)!, sizes), byId.get(id)!));
  const attached = attachments(graph);
  const neighbours = (id: string) => graph.edges.flatMap((e) => (e.source === id ? [e.target] : e.target === id ? [e.source] : []));
  const added: Record<string, XY> = {};
  const put = (n: TopoNode, p: XY) => {
    positions[n.id] = p;
    added[n.id] = p;
    taken.push(claim(p, sizeOf(n, sizes), n));
  };
  // Bridges and the host's own nodes first, so that new boxes find their bridge placed.
  const boxLike = (n: TopoNode) => n.parent === 'host' && n.data.kind !== 'bridge' && n.data.kind !== 'stack' && n.data.kind !== 'iface';
  const order = [...missing.filter((n) => !boxLike(n)), ...missing.filter(boxLike)];
  for (const n of order) {
    const size = sizeOf(n, sizes);
    const bridge = (attached.get(n.id) ?? []).find((id) => positions[id]);
    if (bridge) {
      put(n, gridCell(n, size, positions[bridge]!, sizeOf(byId.get(bridge)!, sizes), auto.columns, taken) ?? nearestFree(positions[bridge]!, size, n, taken));
      continue;
    }
    if (n.data.kind === 'bridge') {
      put(n, nearestFree(newBusSpot(graph, positions, sizes), size, n, taken));
      continue;
    }
    // Anything else: where the automatic layout puts it relative to a placed neighbour.
    let want = auto.positions[n.id] ?? { x: 0, y: 0 };
    const anchor = neighbours(n.id).find((id) => positions[id] && auto.positions[id]);
    if (anchor) {
      want = { x: positions[anchor]!.x + (want.x - auto.positions[anchor]!.x), y: positions[anchor]!.y + (want.y - auto.positions[anchor]!.y) };
    }
    put(n, nearestFree(want, size, n, taken));
  }
  return { positions, added, fresh };
}

/** The first free cell of a bridge's grid, row by row (undefined when its first rows are all taken). */
function gridCell(node: TopoNode, size: Size, bus: XY, busSize: Size, columns: number, taken: Box[]): XY | undefined {
  const top = bus.y + busSize.height + DROP + labelRoom(interfaceCount(node)) + 14;
  const pitchY = size.height + labelRoom(interfaceCount(node)) + 14;
  for (let row = 0; row < 40; row++) {
    for (let col = 0; col < columns; col++) {
      const p = { x: bus.x + col * PITCH, y: top + row * pitchY };
      const c = claim(p, size, node);
      if (!taken.some((t) => hits(c, t))) return p;
    }
  }
  return undefined;
}

/** A new bus: right of everything on the host, level with the topmost bridge. */
function newBusSpot(graph: TopologyGraph, positions: Record<string, XY>, sizes: Record<string, Size>): XY {
  let right = -Infinity;
  let busY = Infinity;
  for (const n of graph.nodes) {
    const p = positions[n.id];
    if (!p || n.parent !== 'host' || n.data.kind === 'stack' || n.data.kind === 'iface') continue;
    right = Math.max(right, p.x + sizeOf(n, sizes).width);
    if (n.data.kind === 'bridge') busY = Math.min(busY, p.y);
  }
  if (!Number.isFinite(right)) {
    const stack = positions['host:stack'];
    return stack ? { x: stack.x, y: stack.y + 200 } : { x: 0, y: 0 };
  }
  return { x: right + COL_GAP, y: Number.isFinite(busY) ? busY : 0 };
}
