/**
 * A Storage kept in memory: an embed saves nothing in the browser (the main
 * app's session stays untouched, and two embeds on one page share nothing).
 */
import type { StorageLike } from './persist.ts';

export class MemoryStorage implements StorageLike {
  readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}
