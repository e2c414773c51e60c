/**
 * The one lane every command line of the app goes through before it reaches the
 * simulator: typed in a terminal, sent by a host page, replayed for a scenario or a
 * link. A line runs at once when nothing waits ahead of it and the programs it may
 * need are loaded (src/sim/shell/lazy/needs.ts); otherwise it waits for them, behind
 * everything queued before it, so lines keep the order they were given in.
 */
import { partsForLine } from '../../sim/shell/lazy/needs.ts';
import { loadAllParts, loadParts, partsLoaded, type LazyPart } from '../../sim/shell/lazy/parts.ts';

let tail: Promise<unknown> = Promise.resolve();
let waiting = 0;

/**
 * Runs `task` once the programs these lines may need have loaded, after every task
 * queued before it: at once, returning its value, when nothing is missing or queued;
 * else a promise of its value (rejected if a part cannot be fetched: the task never ran).
 */
export function whenProgramsReady<T>(lines: readonly string[], task: () => T): T | Promise<T> {
  const parts = new Set<LazyPart>(lines.flatMap((line) => partsForLine(line)));
  if (waiting === 0 && partsLoaded(parts)) return task();
  waiting++;
  const result = tail.then(() => loadParts(parts)).then(task);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  tail = settled.then(() => {
    waiting--;
  });
  return result;
}

/** The notice for lines that did not run because a program could not be fetched (offline before the first full visit). */
export function programsUnavailable(error: unknown): { key: string; values: { reason: string } } {
  return { key: 'notice.programsUnavailable', values: { reason: error instanceof Error ? error.message : String(error) } };
}

/**
 * A change of the world that replays lines already run here (undo, redo: their programs
 * are loaded) or the starter's (which need none, test/app/programs.test.ts): it waits
 * only for its turn behind the lines queued before it.
 */
export function inTurn(task: () => void): void {
  void whenProgramsReady([], task);
}

/** Resolves once every line queued so far has run (or failed to load). */
export function programsIdle(): Promise<void> {
  return tail.then(() => undefined);
}

/**
 * Loads every program in the background, so a user rarely waits: called once the
 * terminal takes commands, when the browser is idle (the first screen's work first).
 */
export function preloadPrograms(): void {
  const load = () => void loadAllParts().catch(() => undefined); // a line that needs a part tries again
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 500);
}
