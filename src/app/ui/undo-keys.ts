/**
 * Ctrl+Z and Ctrl+Shift+Z (Cmd on a Mac; Ctrl+Y too) undo and redo the world,
 * but only where no other undo is meant: not in the terminal (xterm's input
 * line, where Ctrl+Z is the shell's key and is passed to it), not in a text
 * field, a select or a dialog. The header's buttons work from anywhere.
 */
import { useEffect } from 'react';
import type { AppStore } from '../state/store.ts';
import { inTurn } from '../state/programs.ts';

export type HistoryKey = 'undo' | 'redo' | null;

/** Which history action a key press asks for (pure). */
export function historyKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): HistoryKey {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/** The places whose own keys Ctrl+Z belongs to. */
const OWN_UNDO = '.xterm, input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="dialog"]';

export function keyOwnedByTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(OWN_UNDO) !== null;
}

export function useUndoShortcuts(store: AppStore): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const action = historyKey(e);
      if (!action || e.defaultPrevented || keyOwnedByTarget(e.target)) return;
      e.preventDefault();
      // After the lines typed before it (state/programs.ts).
      inTurn(() => (action === 'undo' ? store.getState().undo() : store.getState().redo()));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
