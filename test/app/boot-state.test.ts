/**
 * The first screen's state (src/app/boot/initial.ts): the starter world's snapshot is a
 * chunk of its own, loaded only where it is drawn. A first visit and a saved starter world
 * draw it; a saved world of one's own draws its own snapshot and needs no starter.
 */
import { describe, expect, it } from 'vitest';
import { bootStateOf, drawsStarter, readSavedBoot } from '../../src/app/boot/initial.ts';
import { STARTER_SNAPSHOT } from '../../src/app/graph/starter-snapshot.ts';
import { DEFAULT_VIEW, saveSession } from '../../src/app/state/persist.ts';
import { STARTER_SCENARIO } from '../../src/scenario/starter.ts';
import { MemoryStorage } from './memory-storage.ts';

// A graph snapshot of one's own world: the starter's first node under another id is enough for the outline check.
const OWN_GRAPH = { nodes: [{ ...STARTER_SNAPSHOT.nodes[0]!, id: 'c:web' }], edges: [] };

function saved(commands: readonly string[], withGraph: boolean, positions: Record<string, { x: number; y: number }> = {}) {
  const storage = new MemoryStorage();
  saveSession(storage, { seed: 1, commands: [...commands], positions, view: { ...DEFAULT_VIEW, theme: 'dark' }, ...(withGraph ? { graph: OWN_GRAPH } : {}) });
  return readSavedBoot(storage);
}

describe('the first screen and the starter’s snapshot', () => {
  it('a first visit draws the starter at its automatic layout', () => {
    const first = readSavedBoot(new MemoryStorage());
    expect(drawsStarter(first)).toBe(true);
    const state = bootStateOf(first, STARTER_SNAPSHOT);
    expect(state.graph?.nodes.map((n) => n.id)).toEqual(STARTER_SNAPSHOT.nodes.map((n) => n.id));
    expect(state.positions).toBe(STARTER_SNAPSHOT.positions);
    expect(state.autoNarrow).toBe(false);
  });

  it('without the snapshot (its chunk failed to load) the canvas waits for the simulator, with the starter’s lines', () => {
    const state = bootStateOf(readSavedBoot(new MemoryStorage()), undefined);
    expect(state.graph).toBeUndefined();
    expect(state.commands).toEqual(STARTER_SCENARIO.commands);
  });

  it('a world of one’s own draws its own snapshot: the starter’s is not needed', () => {
    const own = saved(['docker network create n1', 'docker run -d --name web --network n1 busybox'], true, { 'c:web': { x: 5, y: 6 } });
    expect(drawsStarter(own)).toBe(false);
    expect(own.view.theme).toBe('dark');
    const state = bootStateOf(own, undefined);
    expect(state.graph?.nodes.map((n) => n.id)).toEqual(['c:web']);
    expect(state.positions).toEqual({ 'c:web': { x: 5, y: 6 } });
    expect(state.autoNarrow).toBeUndefined();
  });

  it('the starter’s lines saved without a snapshot or positions draw the starter’s', () => {
    const starterLines = saved(STARTER_SCENARIO.commands, false);
    expect(drawsStarter(starterLines)).toBe(true);
    const state = bootStateOf(starterLines, STARTER_SNAPSHOT);
    expect(state.graph).toBe(STARTER_SNAPSHOT);
    expect(state.autoNarrow).toBe(false);
  });
});
