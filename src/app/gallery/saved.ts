/**
 * What the gallery saves under `vethlab.gallery`: the open scenario, its step,
 * whether the Guide tab shows, and a scenario opened from a link or a file
 * (its document, read again on load). Version 1 had no linked scenario.
 */
import type { StorageLike } from '../state/persist.ts';

export const GALLERY_STORAGE_KEY = 'vethlab.gallery';
export const GALLERY_VERSION = 2;

export interface SavedGallery {
  id: string | null;
  step: number;
  guide: boolean;
  /** The document of a scenario opened from a link or a file, unread (registry.ts reads it). */
  linked?: unknown;
}

export const EMPTY_GALLERY: SavedGallery = { id: null, step: 0, guide: false };

/** Reads a saved gallery state's text (either version). Never throws. */
export function parseGallery(text: string | null | undefined): SavedGallery {
  try {
    if (!text) return EMPTY_GALLERY;
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null) return EMPTY_GALLERY;
    const d = data as Record<string, unknown>;
    if (d.version !== 1 && d.version !== GALLERY_VERSION) return EMPTY_GALLERY;
    return {
      id: typeof d.id === 'string' ? d.id : null,
      step: typeof d.step === 'number' && Number.isInteger(d.step) && d.step >= 0 ? d.step : 0,
      guide: d.guide === true,
      ...(d.version === 2 && d.linked !== undefined ? { linked: d.linked } : {}),
    };
  } catch {
    return EMPTY_GALLERY;
  }
}

export function serializeGallery(saved: SavedGallery): string {
  return JSON.stringify({ version: GALLERY_VERSION, ...saved });
}

export function loadGallery(storage: StorageLike | undefined): SavedGallery {
  try {
    return parseGallery(storage?.getItem(GALLERY_STORAGE_KEY));
  } catch {
    return EMPTY_GALLERY;
  }
}
