/**
 * A gesture begun on the static drawing (StaticCanvas.tsx), handed to React
 * Flow's canvas once it is there. The static drawing cannot drag, pan or zoom:
 * its first touch asks for React Flow, and the gesture went nowhere. Now the
 * touch is recorded (where the button went down, where the pointer is, whether
 * it is up again; each wheel turn), and when the live canvas has mounted at the
 * same view the gesture is replayed onto it as the mouse events React Flow's
 * handlers (d3-drag, d3-zoom) listen to: a press where the pointer went down,
 * on what the live canvas has there (the same node, or the pane), then a move
 * to where the pointer is now. A mouse still held then drives the drag itself;
 * a touch or pen is followed by moves and a release, as mouse events, until it
 * lifts; one already released is released at once. The node ends where the
 * pointer ended, by React Flow's own drag (drop on a bridge, undo and all).
 * One gesture at a time, for the page: the first screen's canvas may record it
 * and the live app's hand it over.
 */
import type { XY } from '../state/persist.ts';

interface Press {
  pointerId: number;
  pointerType: string;
  start: XY;
  last: XY;
  released: boolean;
  modifiers: Modifiers;
}

interface Modifiers {
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

interface Turn extends Modifiers {
  at: XY;
  deltaX: number;
  deltaY: number;
  deltaMode: number;
}

/** Where a press is not a gesture on the drawing: its buttons, minimap and panels. */
const NOT_DRAWING = '.react-flow__panel, .react-flow__controls, .react-flow__minimap, button, a, input';

let press: Press | undefined;
let turns: Turn[] = [];
/** Removes the window listeners that follow the pointer. */
let unfollow: (() => void) | undefined;
/** Handed over and still held: the pointer's moves are forwarded to the live canvas (touch and pen). */
let forwarding = false;

const pointOf = (e: { clientX: number; clientY: number }): XY => ({ x: e.clientX, y: e.clientY });
const modifiersOf = (e: Modifiers): Modifiers => ({ ctrlKey: e.ctrlKey, shiftKey: e.shiftKey, altKey: e.altKey, metaKey: e.metaKey });

function mouse(type: 'mousedown' | 'mousemove' | 'mouseup', at: XY, modifiers: Modifiers, buttons: number, target: Element = document.elementFromPoint(at.x, at.y) ?? document.body): void {
  target.dispatchEvent(
    new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, view: window, clientX: at.x, clientY: at.y, screenX: at.x, screenY: at.y, button: 0, buttons, ...modifiers }),
  );
}

function follow(): void {
  const move = (e: PointerEvent) => {
    if (!press || e.pointerId !== press.pointerId) return;
    press.last = pointOf(e);
    if (forwarding) mouse('mousemove', press.last, modifiersOf(e), 1);
  };
  const up = (e: PointerEvent) => {
    if (!press || e.pointerId !== press.pointerId) return;
    press.last = pointOf(e);
    press.released = true;
    if (forwarding) {
      mouse('mouseup', press.last, modifiersOf(e), 0);
      forget();
    }
  };
  window.addEventListener('pointermove', move, true);
  window.addEventListener('pointerup', up, true);
  window.addEventListener('pointercancel', up, true);
  unfollow = () => {
    window.removeEventListener('pointermove', move, true);
    window.removeEventListener('pointerup', up, true);
    window.removeEventListener('pointercancel', up, true);
  };
}

/** Drops what was recorded (the live canvas shows another world than the one touched). */
export function forgetGesture(): void {
  forget();
}

function forget(): void {
  unfollow?.();
  unfollow = undefined;
  press = undefined;
  turns = [];
  forwarding = false;
}

/** The static drawing was touched: a press of the main button on a node or the pane, or a wheel turn, is kept for the live canvas. */
export function recordGesture(event: Event): void {
  if (typeof window === 'undefined') return;
  if (event.type === 'pointerdown') {
    const e = event as PointerEvent;
    if (e.button !== 0 || (e.target instanceof Element && e.target.closest(NOT_DRAWING))) return;
    forget();
    const at = pointOf(e);
    press = { pointerId: e.pointerId, pointerType: e.pointerType, start: at, last: at, released: false, modifiers: modifiersOf(e) };
    follow();
  } else if (event.type === 'wheel') {
    const e = event as WheelEvent;
    turns.push({ at: pointOf(e), deltaX: e.deltaX, deltaY: e.deltaY, deltaMode: e.deltaMode, ...modifiersOf(e) });
  }
}

/** Whether a gesture waits for the live canvas. */
export function gesturePending(): boolean {
  return press !== undefined || turns.length > 0;
}

/**
 * React Flow's canvas is on screen at the drawing's view: the recorded gesture
 * is replayed onto it (see above). Call once its nodes and handlers are in place.
 */
export function handOverGesture(): void {
  const p = press;
  for (const turn of turns) {
    const { at, deltaX, deltaY, deltaMode, ...modifiers } = turn;
    const target = document.elementFromPoint(at.x, at.y);
    target?.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, composed: true, view: window, clientX: at.x, clientY: at.y, deltaX, deltaY, deltaMode, ...modifiers }));
  }
  turns = [];
  if (!p) return;
  const target = document.elementFromPoint(p.start.x, p.start.y);
  if (!target) return forget();
  if (target.closest('.react-flow__node')) {
    // React Flow starts a node's drag at the first move past 1 px, holding the node at that move's point: the
    // press goes down 2 px away (on the same element) and that move goes to where the real press was, so the
    // node keeps its grab point under the pointer. (A pan follows the press's own point: it needs no such step.)
    mouse('mousedown', { x: p.start.x - 2, y: p.start.y }, p.modifiers, 1, target);
    mouse('mousemove', p.start, p.modifiers, 1);
  } else {
    mouse('mousedown', p.start, p.modifiers, 1, target);
  }
  if (p.last.x !== p.start.x || p.last.y !== p.start.y) mouse('mousemove', p.last, p.modifiers, 1);
  if (p.released) {
    mouse('mouseup', p.last, p.modifiers, 0);
    forget();
  } else if (p.pointerType === 'mouse') {
    // The mouse's own moves and release reach React Flow's listeners on the window from now on.
    forget();
  } else {
    // A touch or pen sends no mouse events while it moves: its pointer events are forwarded as such.
    forwarding = true;
  }
}
