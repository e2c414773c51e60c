/**
 * The keyboard of a tab list (WAI-ARIA tabs pattern, automatic activation):
 * Tab reaches only the selected tab; Left/Right move to the previous or next
 * tab (wrapping), Home/End to the first or last, and the tab reached is
 * selected and focused.
 */
import type { KeyboardEvent } from 'react';

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/** The tab a key moves to from `current` among `ids`, or undefined when the key is not a tab key. */
export function tabAfterKey(key: string, ids: readonly string[], current: string): string | undefined {
  const move = MOVES[key];
  if (!move || ids.length === 0) return undefined;
  const i = Math.max(0, ids.indexOf(current));
  return ids[move(i, ids.length)];
}

/**
 * A keydown handler for the element with role="tablist": selects the tab the
 * key moves to and focuses its element (found by `tabElementId`).
 */
export function tablistKeyDown(
  ids: readonly string[],
  current: string,
  select: (id: string) => void,
  tabElementId: (id: string) => string,
): (e: KeyboardEvent<HTMLElement>) => void {
  return (e) => {
    if (!(e.target instanceof HTMLElement) || e.target.getAttribute('role') !== 'tab') return;
    const next = tabAfterKey(e.key, ids, current);
    if (next === undefined) return;
    e.preventDefault();
    select(next);
    document.getElementById(tabElementId(next))?.focus();
  };
}
