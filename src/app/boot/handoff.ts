/**
 * What the first screen's canvas hands to the live one when the simulator has
 * arrived, so the swap shows no change: the viewport (fitted, or where the user
 * panned and zoomed), the node sizes measured, and the positions drawn (for a
 * first visit, the starter layout, which the live canvas would compute alike).
 * And when the first screen's drawing has been painted: the live app's replay
 * of the saved session (one long task: 1.2 s of CPU for 300 containers) waits
 * for it, or it would run before the first screen's first render and a
 * returning visitor would look at an empty page meanwhile.
 */
import { forgetGesture } from '../canvas/gesture-handover.ts';
import type { Viewport } from '../canvas/static-geometry.ts';
import type { Size } from '../canvas/frame.ts';
import type { XY } from '../state/persist.ts';

export interface BootHandoff {
  viewport: Viewport | undefined;
  sizes: Record<string, Size>;
  positions: Record<string, XY>;
  /** The positions drawn are the starter's automatic layout for an upright phone (true) or a wider screen (false). */
  autoNarrow?: boolean;
}

let handoff: BootHandoff | undefined;
let discarded = false;

export function recordBootHandoff(update: Partial<BootHandoff>): void {
  if (discarded) return;
  handoff = { viewport: undefined, sizes: {}, positions: {}, ...handoff, ...update };
}

/** The live app starts with another world than the first screen drew (a link's): its canvas starts afresh. */
export function discardBootHandoff(): void {
  discarded = true;
  handoff = undefined;
  // A drag begun on the first screen's drawing was on that world: not carried over to another.
  forgetGesture();
}

/**
 * The handoff, for the live canvas's first render. Reading it does not use it up: React may
 * render a mount more than once before one is committed (a render thrown away when something
 * suspends, or interrupted), and each attempt must start from the first screen's view. The
 * canvas that mounts calls `forgetBootHandoff`; the next one (after a reset or a new scenario)
 * starts afresh.
 */
export function peekBootHandoff(): BootHandoff | undefined {
  return handoff;
}

/** The live canvas has mounted with the handoff: it is not handed to another. */
export function forgetBootHandoff(): void {
  handoff = undefined;
}

let markPainted: () => void = () => undefined;
const painted = new Promise<void>((resolve) => {
  markPainted = resolve;
});

/** The first screen's drawing is on screen (or it has nothing to draw). */
export function firstScreenPainted(): void {
  markPainted();
}

/** Resolves once the first screen is painted, or after `limitMs` (a first screen that never paints must not hold the app back). */
export function untilFirstScreenPainted(limitMs: number): Promise<void> {
  return Promise.race([painted, new Promise<void>((resolve) => setTimeout(resolve, limitMs))]);
}
