/**
 * A link's world built ahead (src/app/share/link-ahead.ts, state/replay-ahead.ts): the page
 * replays a link's lines while the live app downloads, and opening the link takes that world
 * instead of replaying again. What a user sees must not change: the world opened is the one its
 * lines build, a world built for other lines is never taken, and a link that asks first still asks.
 */
import { describe, expect, it } from 'vitest';
import { LINKED_ID } from '../../src/app/gallery/registry.ts';
import { createGalleryStore } from '../../src/app/gallery/store.ts';
import { deriveGraph } from '../../src/app/graph/derive.ts';
import { buildLinkWorldAhead } from '../../src/app/share/link-ahead.ts';
import { openLink } from '../../src/app/share/link-open.ts';
import { keptReplay, replayAhead, takeReplay } from '../../src/app/state/replay-ahead.ts';
import { createAppStore } from '../../src/app/state/store.ts';
import { encodeScenario } from '../../src/scenario/link/encode.ts';
import { replay } from '../../src/scenario/scenario.ts';
import { STARTER_SCENARIO } from '../../src/scenario/starter.ts';
import { MemoryStorage } from './memory-storage.ts';

const SETUP = ['docker network create n1', 'docker run -d --name web --network n1 -p 8080:80 nginx'];
const STEPS = [
  { text: 'Look', run: 'docker exec web nginx -v' },
  { text: 'Ping', run: 'docker run --rm --network n1 busybox ping -c 1 web' },
];

function stores(commands: readonly string[]) {
  const storage = new MemoryStorage();
  const app = createAppStore({ storage });
  app.getState().replaceWorld(commands);
  return { app, gallery: createGalleryStore(app, { storage }) };
}

/** Opens the page's link as the live app does (useLinkOpener.ts): the same read of the fragment. */
async function openPageLink(hash: string, gallery: ReturnType<typeof createGalleryStore>) {
  const link = await openLink(hash);
  if (link.kind !== 'open') throw new Error(`the link does not open: ${link.kind}`);
  gallery.getState().openDoc(link.doc, link.step);
}

describe('a link’s world built ahead', () => {
  it('is the world opening the link shows: its setup and the steps before the link’s, taken, not replayed again', async () => {
    const hash = `#s=${encodeScenario({ vethlab: 1, title: 'Ahead', seed: 5, setup: SETUP, steps: STEPS, view: { step: 2 } })}`;
    const { app, gallery } = stores(STARTER_SCENARIO.commands);
    await buildLinkWorldAhead(hash).built;
    const kept = keptReplay();
    expect(kept).toBeDefined();
    await openPageLink(hash, gallery);
    expect(app.getState().sim).toBe(kept!.sim);
    expect(keptReplay()).toBeUndefined();
    const lines = [...SETUP, STEPS[0]!.run];
    expect(app.getState().commands).toEqual(lines);
    expect(gallery.getState()).toMatchObject({ activeId: LINKED_ID, step: 1 });
    // The world shown is the one these lines build with the link's seed.
    expect(deriveGraph(app.getState().sim)).toEqual(deriveGraph(replay(lines, 5, lines.map(() => 0)).sim));
  });

  it('is built once per link: asked again, the same build is awaited', async () => {
    const hash = `#s=${encodeScenario({ vethlab: 1, setup: ['docker network create once'] })}`;
    const first = buildLinkWorldAhead(hash);
    expect(buildLinkWorldAhead(hash)).toBe(first);
    await first.fetching;
    await first.built;
    expect(keptReplay()).toBeDefined();
    takeReplay([], 1, []);
  });

  it('is never taken for other lines, another seed or other times: those are replayed, and the kept world is dropped', () => {
    replayAhead(['docker network create kept'], 1, [0]);
    const other = takeReplay(['docker network create other'], 1, [0]);
    expect(keptReplay()).toBeUndefined();
    expect(other.sim.engine.findNetwork('other')).toBeDefined();
    expect(other.sim.engine.findNetwork('kept')).toBeUndefined();
    replayAhead(['docker network create kept'], 1, [0]);
    const kept = keptReplay()!;
    expect(takeReplay(['docker network create kept'], 2, [0]).sim).not.toBe(kept.sim);
    expect(keptReplay()).toBeUndefined();
    replayAhead(['docker network create kept'], 1, [0]);
    const later = takeReplay(['docker network create kept'], 1, [60_000]);
    expect(later.sim.engine.kernel.now - later.start).toBeGreaterThanOrEqual(60_000);
  });

  it('waits while the link asks first over the user’s own commands, and is the world once they say yes', async () => {
    const hash = `#s=${encodeScenario({ vethlab: 1, title: 'Asks', setup: SETUP })}`;
    const { app, gallery } = stores([...STARTER_SCENARIO.commands, 'docker network create mine']);
    await buildLinkWorldAhead(hash).built;
    const kept = keptReplay();
    await openPageLink(hash, gallery);
    expect(gallery.getState().confirmId).toBe(LINKED_ID);
    expect(app.getState().commands.at(-1)).toBe('docker network create mine');
    expect(keptReplay()).toBe(kept);
    gallery.getState().confirmOpen();
    await Promise.resolve();
    expect(app.getState().commands).toEqual(SETUP);
    expect(app.getState().sim).toBe(kept!.sim);
  });

  it('leaves a bad link to opening it, which says why', async () => {
    await buildLinkWorldAhead('#s=1.not-a-link').fetching;
    await buildLinkWorldAhead('#s=1.not-a-link').built;
    expect(keptReplay()).toBeUndefined();
    expect((await openLink('#s=1.not-a-link')).kind).toBe('error');
  });
});

describe('a store that starts empty (a link’s world replaces it at once)', () => {
  it('has no line and no container; Reset still brings the starter world', () => {
    const app = createAppStore({ storage: new MemoryStorage(), startEmpty: true });
    expect(app.getState().commands).toEqual([]);
    expect(app.getState().sim.engine.containers.size).toBe(0);
    app.getState().resetWorld();
    expect(app.getState().commands).toEqual(STARTER_SCENARIO.commands);
  });

  it('opens a link without asking, and keeps no world to come back to', async () => {
    const storage = new MemoryStorage();
    const app = createAppStore({ storage, startEmpty: true });
    const gallery = createGalleryStore(app, { storage });
    const hash = `#s=${encodeScenario({ vethlab: 1, title: 'First visit', setup: SETUP })}`;
    await buildLinkWorldAhead(hash).built;
    const kept = keptReplay();
    await openPageLink(hash, gallery);
    expect(gallery.getState()).toMatchObject({ confirmId: null, activeId: LINKED_ID, previous: false });
    expect(app.getState().sim).toBe(kept!.sim);
  });

  it('with something saved, starts from the saved world all the same', () => {
    const storage = new MemoryStorage();
    const first = createAppStore({ storage });
    first.getState().replaceWorld(['docker network create saved']);
    const again = createAppStore({ storage, startEmpty: true });
    expect(again.getState().commands).toEqual(['docker network create saved']);
  });
});
