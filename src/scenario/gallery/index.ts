/** src/scenario/gallery: guided scenarios (the seed articles' experiments and more). */
export { GALLERY_NS } from './ns.ts';
export { findGalleryScenario, GALLERY, scenarioFromDoc } from './scenarios.ts';
export { scenarioResource } from './resource.ts';
export type { ArticleRef, GalleryScenario, GalleryStep } from './types.ts';
