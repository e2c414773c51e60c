/**
 * React access to the gallery store: one per app store (made on first use, so
 * the page's entry point needs no change), saved in the browser's localStorage.
 */
import { i18n } from '../i18n/index.ts';
import { useStore } from 'zustand';
import type { StorageLike } from '../state/persist.ts';
import { useAppStore } from '../state/context.ts';
import type { AppStore } from '../state/store.ts';
import { createGalleryStore, type GalleryState, type GalleryStore } from './store.ts';

const stores = new WeakMap<AppStore, GalleryStore>();

function browserStorage(): StorageLike | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Makes the gallery store of an app store with this storage (an embed's, in memory) before anything asks for it. */
export function provideGalleryStore(app: AppStore, storage: StorageLike | undefined): GalleryStore {
  const store = createGalleryStore(app, { storage, translate: (key) => i18n.t(key) });
  stores.set(app, store);
  return store;
}

export function galleryStoreFor(app: AppStore): GalleryStore {
  let store = stores.get(app);
  if (!store) {
    store = createGalleryStore(app, { storage: browserStorage(), translate: (key) => i18n.t(key) });
    stores.set(app, store);
  }
  return store;
}

export function useGalleryStore(): GalleryStore {
  return galleryStoreFor(useAppStore());
}

export function useGallery<T>(selector: (s: GalleryState) => T): T {
  return useStore(useGalleryStore(), selector);
}
