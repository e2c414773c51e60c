/**
 * The reader's `prefers-reduced-motion`: with `reduce`, the app's endless
 * decorations stop (the terminal cursor's blink here; the packet's pulse and the
 * current link's moving dashes in the CSS). What moves to tell something (the
 * packet walking its hops) still moves. Each endless loop also repaints the page
 * on every frame, for as long as it runs.
 */
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const mq = window.matchMedia(QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches,
    () => false,
  );
}
