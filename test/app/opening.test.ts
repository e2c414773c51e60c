/**
 * Where a scenario from a link or a file opens (src/app/gallery/opening.ts): the gallery's
 * store opens it there, and the live app fetches the programs of the same lines ahead of it.
 */
import { describe, expect, it, vi } from 'vitest';
import { galleryScenariosLoaded } from '../../src/app/gallery/gallery-list.ts';
import { openingLines, openingStep } from '../../src/app/gallery/opening.ts';
import { createGalleryStore } from '../../src/app/gallery/store.ts';
import { createAppStore } from '../../src/app/state/store.ts';
import { MemoryStorage } from './memory-storage.ts';

// The unit project shares modules between files (isolate: false): another file may have loaded the
// gallery's scenarios already. This file's modules are fresh ones.
vi.hoisted(() => vi.resetModules());
import { openLink } from '../../src/app/share/link-open.ts';
import type { ScenarioDoc } from '../../src/scenario/format/types.ts';
import { galleryFragment, scenarioFragment } from '../../src/scenario/index.ts';

const DOC: ScenarioDoc = {
  vethlab: 1,
  setup: ['docker network create n1'],
  steps: [{ run: 'docker run -d --name web --network n1 nginx' }, { run: 'docker exec web nginx -v' }, { run: 'docker rm -f web' }],
};

describe('the gallery’s scenarios, a chunk of their own', () => {
  it('load when a gallery scenario is asked for before they have (the trace’s note names one)', async () => {
    expect(galleryScenariosLoaded()).toBe(false);
    const storage = new MemoryStorage();
    const app = createAppStore({ storage, now: () => 0 });
    const gallery = createGalleryStore(app, { storage });
    gallery.getState().requestOpen('isolation-connect');
    await vi.waitFor(() => expect(gallery.getState().activeId).toBe('isolation-connect'));
    expect(galleryScenariosLoaded()).toBe(true);
    expect(app.getState().commands[0]).toMatch(/^docker network create/);
  });
});

describe('where a linked scenario opens', () => {
  it('at the link’s step, else the document’s view step, else the first; never past the last', () => {
    expect(openingStep(DOC)).toBe(0);
    expect(openingStep(DOC, 3)).toBe(2);
    expect(openingStep({ ...DOC, view: { step: 2 } })).toBe(1);
    expect(openingStep(DOC, 40)).toBe(3);
    expect(openingStep({ vethlab: 1, setup: [] }, 5)).toBe(0);
  });

  it('built from the setup and the steps before it', () => {
    expect(openingLines(DOC)).toEqual(['docker network create n1']);
    expect(openingLines(DOC, 3)).toEqual(['docker network create n1', 'docker run -d --name web --network n1 nginx', 'docker exec web nginx -v']);
  });
});

describe('reading a link', () => {
  it('once for the same fragment: the live app’s early read and the opening share it', async () => {
    const hash = `#${scenarioFragment(DOC)}`;
    const first = openLink(hash);
    expect(openLink(hash)).toBe(first);
    const link = await first;
    expect(link.kind === 'open' && link.doc.setup).toEqual(DOC.setup);
    // Another fragment is read afresh.
    const gallery = await openLink(`#${galleryFragment('no-such-scenario')}`);
    expect(gallery.kind).toBe('error');
  });
});
