/**
 * A scenario document as the app opens it (a gallery scenario, or one from a link or a
 * file), apart from the gallery's own list (scenarios.ts): a link of one's own is read
 * without the gallery's documents.
 */
import type { ScenarioDoc } from '../format/types.ts';
import { DEFAULT_SEED } from '../seed.ts';
import { GALLERY_NS } from './ns.ts';
import type { GalleryScenario, GalleryStep } from './types.ts';

/**
 * The scenario a document describes; its text is looked up under
 * `NS:scenarios.<id>` (the gallery's namespace, or another for a scenario
 * opened from a link or a file).
 */
export function scenarioFromDoc(doc: ScenarioDoc, id: string, ns: string = GALLERY_NS): GalleryScenario {
  const base = `${ns}:scenarios.${id}`;
  const steps: GalleryStep[] = (doc.steps ?? []).map((s, i) => ({ textKey: `${base}.steps.${i}`, command: s.run, ...(s.expect ? { expect: s.expect } : {}) }));
  const hint = doc.hint ?? steps[0]?.command;
  return {
    id,
    titleKey: `${base}.title`,
    notesKey: `${base}.summary`,
    summaryKey: `${base}.summary`,
    ...(doc.today !== undefined ? { todayKey: `${base}.today` } : {}),
    tags: doc.tags ?? [],
    ...(doc.article ? { article: doc.article } : {}),
    commands: doc.setup,
    ...(hint !== undefined ? { hint } : {}),
    steps,
    seed: doc.seed ?? DEFAULT_SEED,
    doc,
  };
}

