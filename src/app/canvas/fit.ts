/**
 * How the canvas fits the topology into view (on load, and after the tidy
 * button). Wide screens show it whole; a phone (PHONE_QUERY) would show it whole
 * only at a zoom too small to read, so there it fits the Docker host's frame
 * to the width, at a readable zoom at least (the rest is a pan away).
 */
import { isPhone } from '../ui/PaneBar.tsx';

/** How a view is fitted: React Flow's FitViewOptions as the canvas uses them (the static drawing fits alike). */
export interface FitSpec {
  padding?: number;
  minZoom?: number;
  maxZoom?: number;
  nodes?: { id: string }[];
}

/** The zoom range of the canvas, the first screen's included (the same diagram must zoom alike before and after the live canvas arrives). */
export const MIN_ZOOM = 0.15;
export const MAX_ZOOM = 2.5;

/** The zoom below which a phone does not fit: a container's box is then about 140 px wide. */
export const PHONE_MIN_FIT_ZOOM = 0.55;

/** A phone held upright: the layout stacks the bridges so the host's frame fits its width. */
export const NARROW_QUERY = '(max-width: 480px)';

export function isNarrow(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(NARROW_QUERY).matches;
}

export function fitOptions(hasFrame: boolean, padding = 0.08): FitSpec {
  if (!isPhone() || !hasFrame) return { padding };
  return { padding: 0.02, minZoom: PHONE_MIN_FIT_ZOOM, nodes: [{ id: 'host' }] };
}
