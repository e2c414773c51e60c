/** src/scenario/gallery: guided scenarios (the seed articles' experiments and more) and their checks. */
export { checkStep, decidingRule } from './check.ts';
export { GALLERY_NS } from './ns.ts';
export { findGalleryScenario, GALLERY } from './scenarios.ts';
export type { ArticleRef, GalleryScenario, GalleryStep, GalleryTag, StepExpect } from './types.ts';
