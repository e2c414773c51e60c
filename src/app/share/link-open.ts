/**
 * What a page's URL fragment opens, for the app's first load: a gallery link
 * (`#g=`) is opened from the gallery's list, loaded for it; only a whole scenario's
 * link (`#s=`) loads the codec with fflate and the format's schema (link-data.ts),
 * and the gallery's list only if the document names a scenario (it may be one of
 * the gallery's). A bad link becomes a message for the user; it never changes the world.
 */
import type { ScenarioDoc } from '../../scenario/format/types.ts';
import { findGalleryScenario, loadGalleryScenarios } from '../gallery/gallery-list.ts';
import type { LinkError } from '../../scenario/link/codec.ts';
import { readFragment, type FragmentTarget } from '../../scenario/link/target.ts';
import type { Notice } from '../state/store.ts';

export type LinkOpen =
  | { kind: 'none' }
  /** `step` from 1; undefined: the document's own view step. */
  | { kind: 'open'; doc: ScenarioDoc; step?: number }
  | { kind: 'error'; notice: Notice };

/** The notice for a link that cannot be opened: `link.bad` with the reason's key and values. */
export function linkErrorNotice(error: LinkError): Notice {
  const reason = (key: string, values: Record<string, string> = {}): Notice => ({ key: 'link.bad', values: { reasonKey: `link.${key}`, ...values } });
  switch (error.kind) {
    case 'corrupt':
      return reason('corrupt');
    case 'truncated':
      return reason('truncated');
    case 'too-large':
      return reason('tooLarge');
    case 'newer':
      return reason('newer', { version: String(error.version) });
    case 'too-many-lines':
      return reason('tooManyLines', { lines: String(error.lines) });
    case 'invalid':
      return reason('invalid', { detail: error.detail.slice(0, 200) });
    case 'unknown-scenario':
      return reason('unknownScenario', { id: error.id });
  }
}

/** What a fragment opens, but for a scenario's data, which only the codec reads; a gallery link once the gallery's scenarios have loaded. */
export function openTarget(target: Exclude<FragmentTarget, { kind: 'scenario-data' }>): LinkOpen {
  switch (target.kind) {
    case 'none':
      return { kind: 'none' };
    case 'error':
      return { kind: 'error', notice: linkErrorNotice(target.error) };
    case 'gallery': {
      const scenario = findGalleryScenario(target.id);
      if (!scenario) return { kind: 'error', notice: linkErrorNotice({ kind: 'unknown-scenario', id: target.id }) };
      return { kind: 'open', doc: scenario.doc, step: target.step ?? 1 };
    }
  }
}

/** The last fragment read, and what it opens: the live app reads a link's lines before it opens it (Live.tsx). */
let lastRead: { hash: string; link: Promise<LinkOpen> } | undefined;

/** What the fragment opens; the codec's chunk is loaded for a `#s=` link only. Read once for the same fragment. */
export function openLink(hash: string): Promise<LinkOpen> {
  if (lastRead?.hash !== hash) lastRead = { hash, link: readLink(hash) };
  return lastRead.link;
}

async function readLink(hash: string): Promise<LinkOpen> {
  const target = readFragment(hash);
  if (target.kind === 'gallery') await loadGalleryScenarios();
  if (target.kind !== 'scenario-data') return openTarget(target);
  const { openScenarioData } = await import('./link-data.ts');
  const link = await openScenarioData(target.data);
  // A document with an id opens as the gallery's scenario when it is one, unchanged (registry.ts).
  if (link.kind === 'open' && link.doc.id !== undefined) await loadGalleryScenarios();
  return link;
}

/** Whether what opens is a gallery scenario (by its id), whose title and steps are the gallery's text. */
export function opensGalleryScenario(link: LinkOpen): boolean {
  return link.kind === 'open' && link.doc.id !== undefined && findGalleryScenario(link.doc.id) !== undefined;
}
