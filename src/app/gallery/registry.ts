/**
 * The scenarios the app can open: the gallery's, and one opened from a link or
 * a file (its text registered in the translator under the `linked` namespace, apart
 * from the gallery's text, which is reloaded as a whole when it first loads).
 * The gallery's own list loads on demand (gallery-list.ts), and so does the format's
 * reader a saved linked scenario is read again with (doc-reader.ts): neither is on the
 * way to the first screen's terminal.
 */
import { i18n } from '../i18n/index.ts';
import type { ScenarioDoc } from '../../scenario/format/types.ts';
import { scenarioFromDoc } from '../../scenario/gallery/doc-scenario.ts';
import { scenarioResource } from '../../scenario/gallery/resource.ts';
import type { GalleryScenario } from '../../scenario/gallery/types.ts';
import { findGalleryScenario } from './gallery-list.ts';

export { findGalleryScenario, galleryScenariosLoaded, loadGalleryScenarios } from './gallery-list.ts';

/** The id of a scenario opened from a link or a file that is not one of the gallery's. */
export const LINKED_ID = 'shared';
export const LINKED_NS = 'linked';

let linked: GalleryScenario | null = null;
export function findScenario(id: string | null | undefined): GalleryScenario | undefined {
  if (id === LINKED_ID) return linked ?? undefined;
  return findGalleryScenario(id);
}

/** The linked scenario, if one is registered. */
export function linkedScenario(): GalleryScenario | null {
  return linked;
}

function sameScript(a: ScenarioDoc, b: ScenarioDoc): boolean {
  const steps = (d: ScenarioDoc) => JSON.stringify((d.steps ?? []).map((s) => [s.run, s.text ?? '', s.expect ?? null]));
  return (
    JSON.stringify(a.setup) === JSON.stringify(b.setup) &&
    steps(a) === steps(b) &&
    (a.seed ?? 1) === (b.seed ?? 1) &&
    a.title === b.title
  );
}

/**
 * The scenario a document opens as: the gallery's own when it is one of them
 * unchanged (so its translations show), else the linked one. A document with an
 * id may be the gallery's: the gallery's scenarios are loaded first.
 */
export function scenarioForDoc(doc: ScenarioDoc): GalleryScenario {
  const own = findGalleryScenario(doc.id);
  if (own && sameScript(own.doc, doc)) return own;
  return scenarioFromDoc(doc, LINKED_ID, LINKED_NS);
}

/** Makes a linked scenario the one `findScenario(LINKED_ID)` gives, with its text (the author's, in every language). */
export function registerLinked(scenario: GalleryScenario | null): void {
  linked = scenario;
  if (!scenario) return;
  const text = scenarioResource(scenario.doc);
  if (!text.title) text.title = i18n.t('link.untitled');
  i18n.addResourceBundle('en', LINKED_NS, { scenarios: { [LINKED_ID]: text } });
}

/** Reads a saved document again: the scenario format's reader, undefined when it no longer reads. */
type DocReader = (data: unknown) => ScenarioDoc | undefined;
let readDoc: DocReader | undefined;
let readerLoading: Promise<void> | undefined;

export function provideDocReader(reader: DocReader): void {
  readDoc = reader;
}

/** Loads the format's reader (doc-reader.ts) once; `restoreLinkedText` needs it for a saved linked scenario. */
export function loadDocReader(): Promise<void> {
  if (readDoc) return Promise.resolve();
  readerLoading ??= import('./doc-reader.ts').then(
    () => undefined,
    (error: unknown) => {
      readerLoading = undefined;
      throw error;
    },
  );
  return readerLoading;
}

/**
 * Registers the linked scenario a saved state holds (its document, read again); false when it
 * no longer reads. A saved document is read only once `loadDocReader` has settled: reaching it
 * before is a bug of the caller, never the user's.
 */
export function restoreLinkedText(linked: unknown): boolean {
  if (linked === undefined) return false;
  if (!readDoc) throw new Error('vethlab: a saved linked scenario was read before the format’s reader was loaded (await loadDocReader first)');
  const doc = readDoc(linked);
  if (doc) registerLinked(scenarioForDoc(doc));
  return doc !== undefined;
}
