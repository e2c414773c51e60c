/**
 * The gallery's scenarios: the seed articles' experiments (shared/seeds/) and
 * more, as they run on Docker 28.5, one file each in ./scenarios/ (read into
 * gallery.gen.ts by `npm run gallery`). Every step declares what it does, which
 * `vethlab check` and test/app/gallery.test.ts hold it to.
 */
import type { ScenarioDoc } from '../format/types.ts';
import { DEFAULT_SEED } from '../seed.ts';
import { GALLERY_DOCS } from './gallery.gen.ts';
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

export const GALLERY: readonly GalleryScenario[] = GALLERY_DOCS.map((doc) => scenarioFromDoc(doc, doc.id!));

export function findGalleryScenario(id: string | null | undefined): GalleryScenario | undefined {
  return id ? GALLERY.find((s) => s.id === id) : undefined;
}
