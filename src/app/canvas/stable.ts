/**
 * Keeps React Flow's input objects stable across renders. The canvas derives its
 * nodes and edges afresh whenever positions, sizes or highlights change; React
 * Flow compares them by identity, so a fresh object re-renders its node even
 * when nothing about it changed. With 300 containers, a drag (one position per
 * frame) re-rendered every node and missed the frame budget (issue 12): here
 * each element equal to the one of the same id last time is that object again.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** Equal, or arrays / plain objects whose items are identical (positions, sizes, styles, paddings). */
function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && Object.is(a[k], b[k]));
}

/** Whether two elements have the same fields, each equal one level down (a node's data: the same graph's). */
export function sameElement(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && shallowEqual(x[k], y[k]));
}

/**
 * `next` with every element equal to the previous one of its id replaced by that
 * previous object; the previous array itself when nothing changed at all.
 */
export function keepUnchanged<T extends { id: string }>(previous: readonly T[] | undefined, next: readonly T[]): readonly T[] {
  if (!previous) return next;
  const before = new Map(previous.map((e) => [e.id, e]));
  let changed = previous.length !== next.length;
  const out = next.map((e, i) => {
    const old = before.get(e.id);
    if (old && sameElement(old, e)) {
      if (previous[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return e;
  });
  return changed ? out : previous;
}

/** Remembers what it returned last, so each call keeps what did not change since (one per list the canvas draws). */
export class StableElements<T extends { id: string }> {
  private last: readonly T[] | undefined;

  keep(next: readonly T[]): T[] {
    this.last = keepUnchanged(this.last, next);
    return this.last as T[];
  }
}
