/**
 * Bringing new nodes into view: the smallest pan that shows a rectangle (in
 * flow coordinates) inside the canvas with a margin, at the same zoom, so the
 * user sees what their command made without the view jumping. Pure.
 */
import type { Rect } from './frame.ts';

export interface View {
  x: number;
  y: number;
  zoom: number;
}

/** Screen pixels kept free between the rectangle and the canvas's edge. */
const MARGIN = 24;

/** The viewport that shows `rect`, or undefined when it is already in view. */
export function panToShow(view: View, canvas: { width: number; height: number }, rect: Rect): View | undefined {
  const shift = (start: number, size: number, room: number) => {
    // Screen extent of the rectangle along one axis.
    const lo = start;
    const hi = start + size;
    if (size + 2 * MARGIN > room) return room / 2 - (lo + hi) / 2; // too big: centre it
    if (lo < MARGIN) return MARGIN - lo;
    if (hi > room - MARGIN) return room - MARGIN - hi;
    return 0;
  };
  const dx = shift(rect.x * view.zoom + view.x, rect.width * view.zoom, canvas.width);
  const dy = shift(rect.y * view.zoom + view.y, rect.height * view.zoom, canvas.height);
  if (Math.abs(dx) < 1 && Math.abs(dy) < 1) return undefined;
  return { x: view.x + dx, y: view.y + dy, zoom: view.zoom };
}

/** The rectangle around some nodes' boxes. */
export function boundsOf(boxes: Rect[]): Rect | undefined {
  if (boxes.length === 0) return undefined;
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.width));
  const y1 = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
