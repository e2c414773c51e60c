/**
 * The gallery's model: guided scenarios, each a script that builds a world
 * (the setup lines) and steps the learner runs in it one by one, read from
 * scenario documents (src/scenario/format). The app shows text through i18n
 * keys (`gallery:scenarios.<id>.title`...): the English of each document and
 * its translations are loaded under them, so a scenario opened from a link
 * shows the same way as one of the gallery's.
 */
import type { ArticleRef, ScenarioDoc, StepExpectation } from '../format/types.ts';
import type { Scenario } from '../scenario.ts';

export type { ArticleRef };

export interface GalleryStep {
  /** i18n key of what the step shows and explains. */
  textKey: string;
  /** One host line, run exactly as if typed into the Docker host's terminal. */
  command: string;
  expect?: StepExpectation;
}

export interface GalleryScenario extends Scenario {
  /** i18n key of the one-line summary on the card (also the scenario's notes). */
  summaryKey: string;
  /** i18n key of "today vs the article"; undefined when the document has none. */
  todayKey?: string;
  tags: readonly string[];
  article?: ArticleRef;
  steps: readonly GalleryStep[];
  seed: number;
  /** The document it was read from. */
  doc: ScenarioDoc;
}
