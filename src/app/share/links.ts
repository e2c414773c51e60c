/**
 * What a page's URL fragment opens (its own chunk, loaded only when there is
 * one: it carries the link codec, fflate and the format's schema). A bad link
 * becomes a message for the user; it never changes the world.
 */
import type { ScenarioDoc } from '../../scenario/format/types.ts';
import { findGalleryScenario } from '../../scenario/gallery/scenarios.ts';
import type { LinkError } from '../../scenario/link/codec.ts';
import { parseFragment } from '../../scenario/link/fragment.ts';
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

export function resolveLink(hash: string): LinkOpen {
  const target = parseFragment(hash);
  switch (target.kind) {
    case 'none':
      return { kind: 'none' };
    case 'error':
      return { kind: 'error', notice: linkErrorNotice(target.error) };
    case 'scenario':
      return { kind: 'open', doc: target.doc };
    case 'gallery': {
      const scenario = findGalleryScenario(target.id);
      if (!scenario) return { kind: 'error', notice: linkErrorNotice({ kind: 'unknown-scenario', id: target.id }) };
      return { kind: 'open', doc: scenario.doc, step: target.step ?? 1 };
    }
  }
}
