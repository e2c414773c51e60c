/**
 * The canvas as a picture for tutorial authors: PNG or SVG of the whole diagram
 * (every node, the host's frame and the links), at zoom 1 unless that would make
 * an image wider or taller than MAX_SIDE, on the current theme's background.
 * html-to-image, the library React Flow's own docs use for this, is loaded only
 * when the user exports.
 */
import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';

export type PictureFormat = 'png' | 'svg';

const MAX_SIDE = 4096;
const PAD = 24;

/** The picture's size and the viewport transform that puts the whole diagram in it. */
export function pictureFrame(nodes: Node[]): { width: number; height: number; transform: string } {
  const bounds = getNodesBounds(nodes);
  const scale = Math.min(1, MAX_SIDE / (bounds.width + 2 * PAD), MAX_SIDE / (bounds.height + 2 * PAD));
  const width = Math.ceil((bounds.width + 2 * PAD) * scale);
  const height = Math.ceil((bounds.height + 2 * PAD) * scale);
  const view = getViewportForBounds(bounds, width, height, scale, scale, PAD / Math.max(width, height));
  return { width, height, transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})` };
}

/** Draws the diagram from React Flow's viewport element; a data URL of the picture. */
export async function renderPicture(viewport: HTMLElement, nodes: Node[], format: PictureFormat, background: string): Promise<string> {
  const { toPng, toSvg } = await import('html-to-image');
  const { width, height, transform } = pictureFrame(nodes);
  const options = { backgroundColor: background, width, height, style: { width: `${width}px`, height: `${height}px`, transform } };
  return format === 'png' ? toPng(viewport, options) : toSvg(viewport, options);
}

/** Saves a data URL as a file through the browser's download. */
export function saveAs(dataUrl: string, filename: string): void {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = filename;
  a.click();
}
