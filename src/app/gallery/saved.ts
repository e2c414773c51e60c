/** What the gallery saves under `vethlab.gallery`: the open scenario, its step, whether the Guide tab shows. */
import type { StorageLike } from '../state/persist.ts';

export const GALLERY_STORAGE_KEY = 'vethlab.gallery';
export const GALLERY_VERSION = 1;

export interface SavedGallery {
  id: string | null;
  step: number;
  guide: boolean;
}

export function loadGallery(storage: StorageLike | undefined): SavedGallery {
  const empty: SavedGallery = { id: null, step: 0, guide: false };
  try {
    const text = storage?.getItem(GALLERY_STORAGE_KEY);
    if (!text) return empty;
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null) return empty;
    const d = data as Record<string, unknown>;
    if (d.version !== GALLERY_VERSION) return empty;
    return {
      id: typeof d.id === 'string' ? d.id : null,
      step: typeof d.step === 'number' && Number.isInteger(d.step) && d.step >= 0 ? d.step : 0,
      guide: d.guide === true,
    };
  } catch {
    return empty;
  }
}

