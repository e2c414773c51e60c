/**
 * The gallery's scenarios: the seed articles' experiments (shared/seeds/) and
 * more, as they run on Docker 28.5, one file each in ./scenarios/ (read into
 * gallery.gen.ts by `npm run gallery`). Every step declares what it does, which
 * `vethlab check` and test/app/gallery.test.ts hold it to.
 */
import { scenarioFromDoc } from './doc-scenario.ts';
import { GALLERY_DOCS } from './gallery.gen.ts';
import type { GalleryScenario } from './types.ts';

export { scenarioFromDoc };

export const GALLERY: readonly GalleryScenario[] = GALLERY_DOCS.map((doc) => scenarioFromDoc(doc, doc.id!));

export function findGalleryScenario(id: string | null | undefined): GalleryScenario | undefined {
  return id ? GALLERY.find((s) => s.id === id) : undefined;
}
