/** src/scenario: scenarios as documents and command scripts, their replay, checks and links. */
export { createSimulator, DEFAULT_SEED, replay, runLine, shellQuote } from './scenario.ts';
export type { ReplayResult, Scenario } from './scenario.ts';
export { STARTER_SCENARIO } from './starter.ts';
export { checkScenario, checkStep, decidingRule, describeOutcome, rulePlace } from './check.ts';
export type { ScenarioCheck, StepCheck } from './check.ts';
export { findGalleryScenario, GALLERY, GALLERY_NS, scenarioFromDoc, scenarioResource } from './gallery/index.ts';
export type { GalleryScenario, GalleryStep } from './gallery/index.ts';
export * from './format/types.ts';
export { describeReadError, readScenario, readScenarioText } from './format/read.ts';
export type { ReadError, ReadResult } from './format/read.ts';
export { parseScenarioTextYaml, parseScenarioYaml, scenarioToYaml } from './format/yaml.ts';
export { decodeScenario, LINK_VERSION, MAX_INFLATED_BYTES } from './link/codec.ts';
export { encodeScenario } from './link/encode.ts';
export type { LinkError, LinkResult } from './link/codec.ts';
export { galleryFragment, parseFragment, scenarioFragment } from './link/fragment.ts';
export type { LinkTarget } from './link/fragment.ts';
