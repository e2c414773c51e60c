/**
 * A scenario's text as the app's i18n resource `gallery:scenarios.<id>` holds
 * it (title, summary, today, steps): from a document (its English) or from a
 * translation file. Apart from the scenarios so that a language's chunk can
 * use it without carrying the gallery.
 */
import type { ScenarioDoc } from '../format/types.ts';

/** A document's text as the i18n resource `scenarios.<id>` holds it. */
export function scenarioResource(doc: Pick<ScenarioDoc, 'title' | 'description' | 'today'> & { steps?: readonly ({ text?: string } | string)[] }) {
  return {
    title: doc.title ?? '',
    summary: doc.description ?? '',
    ...(doc.today !== undefined ? { today: doc.today } : {}),
    steps: (doc.steps ?? []).map((s) => (typeof s === 'string' ? s : (s.text ?? ''))),
  };
}

