/**
 * The world the user had before opening a link ("back to my world"), kept
 * under `vethlab.previous`: the session's lines, seed, positions and collapsed
 * networks, and the gallery's state then. Opening a link never loses what the user built.
 */
import { parseSession, serializeSession, type SavedSession, type StorageLike } from '../state/persist.ts';
import { parseGallery, serializeGallery, type SavedGallery } from './saved.ts';

export const PREVIOUS_KEY = 'vethlab.previous';

export interface PreviousWorld {
  session: Pick<SavedSession, 'seed' | 'commands' | 'positions' | 'times' | 'collapsed'>;
  gallery: SavedGallery;
}

export function savePrevious(storage: StorageLike | undefined, world: PreviousWorld): boolean {
  try {
    const { seed, commands, positions, times, collapsed } = world.session;
    const session = serializeSession({
      seed,
      commands,
      positions,
      ...(times ? { times } : {}),
      ...(collapsed && collapsed.length > 0 ? { collapsed } : {}),
      view: { theme: 'system', panel: 'trace', speed: 1 },
    });
    storage?.setItem(PREVIOUS_KEY, JSON.stringify({ version: 1, session, gallery: serializeGallery(world.gallery) }));
    return storage !== undefined;
  } catch {
    return false;
  }
}

export function loadPrevious(storage: StorageLike | undefined): PreviousWorld | undefined {
  try {
    const text = storage?.getItem(PREVIOUS_KEY);
    if (!text) return undefined;
    const data = JSON.parse(text) as Record<string, unknown>;
    if (data.version !== 1 || typeof data.session !== 'string' || typeof data.gallery !== 'string') return undefined;
    const session = parseSession(data.session);
    if (session.kind !== 'loaded') return undefined;
    const { seed, commands, positions, times, collapsed } = session.session;
    return { session: { seed, commands, positions, ...(times ? { times } : {}), ...(collapsed ? { collapsed } : {}) }, gallery: parseGallery(data.gallery) };
  } catch {
    return undefined;
  }
}

export function dropPrevious(storage: StorageLike | undefined): void {
  try {
    storage?.removeItem(PREVIOUS_KEY);
  } catch {
    // Nothing to do: it is only kept for the user's convenience.
  }
}
