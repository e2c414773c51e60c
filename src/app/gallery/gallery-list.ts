/**
 * The gallery's scenarios, a chunk of their own (gallery-scenarios.ts registers them
 * here when it is evaluated): a link of one's own, or a first visit, does not load them
 * before the terminal. Whatever opens or restores a gallery scenario awaits
 * `loadGalleryScenarios` first; until then the gallery has none.
 */
import type { GalleryScenario } from '../../scenario/gallery/types.ts';

let gallery: readonly GalleryScenario[] = [];
let loading: Promise<void> | undefined;

/** The gallery's scenarios, from the module that holds them (gallery-scenarios.ts). */
export function provideGalleryScenarios(scenarios: readonly GalleryScenario[]): void {
  gallery = scenarios;
}

/** Loads the gallery's scenarios once; settles when `findGalleryScenario` knows them. */
export function loadGalleryScenarios(): Promise<void> {
  if (gallery.length > 0) return Promise.resolve();
  loading ??= import('./gallery-scenarios.ts').then(
    () => undefined,
    (error: unknown) => {
      loading = undefined; // fetched again on the next ask (offline before the first full visit)
      throw error;
    },
  );
  return loading;
}

/** Whether the gallery's scenarios have loaded. */
export function galleryScenariosLoaded(): boolean {
  return gallery.length > 0;
}

/** One of the gallery's scenarios (once loaded), not the linked one. */
export function findGalleryScenario(id: string | null | undefined): GalleryScenario | undefined {
  return id ? gallery.find((s) => s.id === id) : undefined;
}

