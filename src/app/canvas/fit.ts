/**
 * How the canvas fits the topology into view (on load, and after the tidy
 * button). Wide screens show it whole; a phone (PHONE_QUERY) would show it whole
 * only at a zoom too small to read, so there it fits the Docker host's frame
 * to the width, at a readable zoom at least (the rest is a pan away).
 */
import type { FitViewOptions } from '@xyflow/react';
import { isPhone } from '../ui/PaneBar.tsx';

/** The zoom below which a phone does not fit: a container's box is then about 110 px wide. */
export const PHONE_MIN_FIT_ZOOM = 0.6;

export function fitOptions(hasFrame: boolean, padding = 0.08): FitViewOptions {
  if (!isPhone() || !hasFrame) return { padding };
  return { padding: 0.02, minZoom: PHONE_MIN_FIT_ZOOM, nodes: [{ id: 'host' }] };
}
