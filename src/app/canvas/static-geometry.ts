/**
 * The geometry React Flow (12.x, @xyflow/system) applies to a diagram, as plain
 * functions: the viewport that fits some bounds, where an edge meets a handle,
 * the bezier path of a default edge, the minimap's view box and the dotted
 * background's pattern. The static drawing (StaticCanvas.tsx), shown until
 * React Flow's chunk has loaded, draws with them, so React Flow then takes over
 * with every node, edge and dot where it already was. Pure, and without
 * React Flow's code (keeping it off the first screen is their reason to be):
 * test/app/static-geometry.test.ts checks each against @xyflow/system's own.
 */
import type { XY } from '../state/persist.ts';
import type { Rect, Size } from './frame.ts';

export type Side = 'top' | 'right' | 'bottom' | 'left';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** A handle as React Flow measures it: its box relative to its node's top left, in flow units. */
export interface HandleBox {
  id: string | null;
  type: 'source' | 'target';
  position: Side;
  x: number;
  y: number;
  width: number;
  height: number;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/** A numeric padding (a share of the canvas) in pixels, as React Flow's parsePadding rounds it. */
function paddingPixels(padding: number, size: number): number {
  return Math.floor((size - size / (1 + padding)) * 0.5);
}

/** getViewportForBounds with a numeric padding (the only kind the canvas uses). */
export function viewportForBounds(bounds: Rect, width: number, height: number, minZoom: number, maxZoom: number, padding: number): Viewport {
  const px = paddingPixels(padding, width);
  const py = paddingPixels(padding, height);
  const zoom = clamp(Math.min((width - 2 * px) / bounds.width, (height - 2 * py) / bounds.height), minZoom, maxZoom);
  const x = width / 2 - (bounds.x + bounds.width / 2) * zoom;
  const y = height / 2 - (bounds.y + bounds.height / 2) * zoom;
  // The padding actually left on each side; where it is less than asked (the zoom was clamped), the view shifts.
  const left = Math.floor(bounds.x * zoom + x);
  const top = Math.floor(bounds.y * zoom + y);
  const right = Math.floor(width - ((bounds.x + bounds.width) * zoom + x));
  const bottom = Math.floor(height - ((bounds.y + bounds.height) * zoom + y));
  const offset = { left: Math.min(left - px, 0), top: Math.min(top - py, 0), right: Math.min(right - px, 0), bottom: Math.min(bottom - py, 0) };
  return { x: x - offset.left + offset.right, y: y - offset.top + offset.bottom, zoom };
}

/** The rectangle around some boxes (getInternalNodesBounds); a zero rectangle for none. */
export function boundsOfBoxes(boxes: readonly Rect[]): Rect {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The handle an edge end uses (getHandle): the first of its type without an id, else the one with that id. */
export function pickHandle(handles: readonly HandleBox[], id: string | null | undefined): HandleBox | undefined {
  return id ? handles.find((h) => h.id === id) : handles[0];
}

/** Where an edge meets a handle of a node at `node` (getHandlePosition): the middle of the handle's outer side. */
export function handlePoint(node: XY, handle: HandleBox): XY {
  const x = node.x + handle.x;
  const y = node.y + handle.y;
  switch (handle.position) {
    case 'top':
      return { x: x + handle.width / 2, y };
    case 'right':
      return { x: x + handle.width, y: y + handle.height / 2 };
    case 'bottom':
      return { x: x + handle.width / 2, y: y + handle.height };
    case 'left':
      return { x, y: y + handle.height / 2 };
  }
}

function controlOffset(distance: number, curvature: number): number {
  return distance >= 0 ? 0.5 * distance : curvature * 25 * Math.sqrt(-distance);
}

function control(side: Side, from: XY, to: XY, curvature: number): XY {
  switch (side) {
    case 'left':
      return { x: from.x - controlOffset(from.x - to.x, curvature), y: from.y };
    case 'right':
      return { x: from.x + controlOffset(to.x - from.x, curvature), y: from.y };
    case 'top':
      return { x: from.x, y: from.y - controlOffset(from.y - to.y, curvature) };
    case 'bottom':
      return { x: from.x, y: from.y + controlOffset(to.y - from.y, curvature) };
  }
}

/** A default (bezier) edge's path and its label's centre (getBezierPath, curvature 0.25). */
export function bezierPath(source: XY, sourceSide: Side, target: XY, targetSide: Side): { path: string; label: XY } {
  const c1 = control(sourceSide, source, target, 0.25);
  const c2 = control(targetSide, target, source, 0.25);
  const label = {
    x: source.x * 0.125 + c1.x * 0.375 + c2.x * 0.375 + target.x * 0.125,
    y: source.y * 0.125 + c1.y * 0.375 + c2.y * 0.375 + target.y * 0.125,
  };
  return { path: `M${source.x},${source.y} C${c1.x},${c1.y} ${c2.x},${c2.y} ${target.x},${target.y}`, label };
}

/** The minimap's view box around the nodes and the canvas's view (MiniMap), and its mask path. */
export function minimapView(nodes: Rect, view: Viewport, canvas: Size, element: Size, offsetScale = 5): { viewBox: string; mask: string } {
  const viewBB = { x: -view.x / view.zoom, y: -view.y / view.zoom, width: canvas.width / view.zoom, height: canvas.height / view.zoom };
  const b = boundsOfBoxes([nodes, viewBB]);
  const scale = Math.max(b.width / element.width, b.height / element.height);
  const viewWidth = scale * element.width;
  const viewHeight = scale * element.height;
  const offset = offsetScale * scale;
  const x = b.x - (viewWidth - b.width) / 2 - offset;
  const y = b.y - (viewHeight - b.height) / 2 - offset;
  const width = viewWidth + offset * 2;
  const height = viewHeight + offset * 2;
  return {
    viewBox: `${x} ${y} ${width} ${height}`,
    mask: `M${x - offset},${y - offset}h${width + offset * 2}v${height + offset * 2}h${-width - offset * 2}z
        M${viewBB.x},${viewBB.y}h${viewBB.width}v${viewBB.height}h${-viewBB.width}z`,
  };
}

/** The dotted background's pattern at a view (Background, variant dots). */
export function dotPattern(view: Viewport, gap: number, size: number): { x: number; y: number; cell: number; radius: number; shift: number } {
  const cell = gap * view.zoom || 1;
  return { x: view.x % cell, y: view.y % cell, cell, radius: (size * view.zoom) / 2, shift: cell / 2 };
}
