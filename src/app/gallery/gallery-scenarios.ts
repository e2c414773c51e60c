/**
 * The gallery's scenarios, registered with the registry when this module is evaluated:
 * imported statically by what always needs them (the embed's link reader, the gallery's
 * dialog), dynamically by the registry's `loadGalleryScenarios` for the app's first load.
 */
import { GALLERY } from '../../scenario/gallery/scenarios.ts';
import { provideGalleryScenarios } from './gallery-list.ts';

provideGalleryScenarios(GALLERY);

export { GALLERY };
