/** localStorage for tests: what the app saves, kept in a Map. */
import type { StorageLike } from '../../src/app/state/persist.ts';

export class MemoryStorage implements StorageLike {
  readonly map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}
