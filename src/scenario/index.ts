/** src/scenario: scenarios as command scripts, and their replay into a Simulator. */
export { containerShellLine, createSimulator, DEFAULT_SEED, replay, runLine, shellQuote } from './scenario.ts';
export type { ReplayResult, Scenario } from './scenario.ts';
export { STARTER_SCENARIO } from './starter.ts';
export { checkStep, decidingRule, findGalleryScenario, GALLERY, GALLERY_NS } from './gallery/index.ts';
export type { GalleryScenario, GalleryStep, StepExpect } from './gallery/index.ts';
