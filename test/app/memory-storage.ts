/** localStorage for tests: what the app saves, kept in a Map (the embed's own). */
export { MemoryStorage } from '../../src/app/state/memory-storage.ts';
