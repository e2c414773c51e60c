/**
 * Where a scenario opened from a link or a file starts: at the step the link names, else the
 * document's own view step, else the first; the steps before it have run. One rule for the
 * gallery's store, which opens it, and for the live app, which fetches the programs its lines
 * need while the saved world replays.
 */
import type { ScenarioDoc } from '../../scenario/format/types.ts';

/** The index of the first step not yet run (0: none has). */
export function openingStep(doc: ScenarioDoc, step?: number): number {
  const from = (step ?? doc.view?.step ?? 1) - 1;
  return Math.max(0, Math.min(from, doc.steps?.length ?? 0));
}

/** The lines the opened world is built from: the setup, then the steps before the opening one. */
export function openingLines(doc: ScenarioDoc, step?: number): string[] {
  return [...doc.setup, ...(doc.steps ?? []).slice(0, openingStep(doc, step)).map((s) => s.run)];
}
