/**
 * The gallery's data model: guided scenarios, each a script that builds a world
 * (the setup lines) and steps the learner runs in it one by one. Text lives in
 * the app's i18n resources (the core has no language): every text field here is
 * an i18n key. Plain data, no DOM and no clock.
 */
import type { Scenario } from '../scenario.ts';

/** What running a step's line should do, checked by the unit tests against the simulator. */
export interface StepExpect {
  /** The command exits with status 0 (for ping: a reply came back). */
  ok: boolean;
  /**
   * The packet is dropped (or rejected) by this rule: its text exactly as the
   * Trace names it (`-A CHAIN ...` in iptables-save form, `:CHAIN DROP` for a policy).
   */
  droppedBy?: string;
}

export interface GalleryStep {
  /** i18n key of what the step shows and explains. */
  textKey: string;
  /** One host line, run exactly as if typed into the Docker host's terminal. */
  command: string;
  expect?: StepExpect;
}

/** One of the seed articles (shared/seeds/) a scenario comes from; titles stay in their language. */
export interface ArticleRef {
  title: string;
  year: string;
}

export type GalleryTag =
  | 'article'
  | 'link'
  | 'dns'
  | 'isolation'
  | 'veth'
  | 'bridge'
  | 'iptables'
  | 'ports'
  | 'nat'
  | 'icc'
  | 'internal'
  | 'host'
  | 'none'
  | 'joined';

export interface GalleryScenario extends Scenario {
  /** i18n key of the one-line summary on the card (also the scenario's notes). */
  summaryKey: string;
  /** i18n key of "today vs the article": where Docker 28.5 differs from what the article showed. */
  todayKey: string;
  tags: readonly GalleryTag[];
  article?: ArticleRef;
  steps: readonly GalleryStep[];
}
