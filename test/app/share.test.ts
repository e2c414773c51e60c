/**
 * Share links from the app's side: what the Share dialog links to (a scenario
 * at a step, or the user's own world with its layout by stable names), how long
 * a seed-sized world's link is, and that opening a link round-trips the world,
 * its positions and its collapsed networks, asks first when the user's own commands would go, keeps
 * the old world for "back to my world", and turns every bad link into a
 * message that leaves the world as it was.
 */
import { describe, expect, it } from 'vitest';
import { autoLayout } from '../../src/app/canvas/layout.ts';
import { activeScenario } from '../../src/app/gallery/model.ts';
import { LINKED_ID, loadDocReader } from '../../src/app/gallery/registry.ts';
import { createGalleryStore } from '../../src/app/gallery/store.ts';
import { graphOf } from '../../src/app/graph/cache.ts';
import { deriveGraph } from '../../src/app/graph/derive.ts';
import { layoutOf, positionsOf } from '../../src/app/graph/layout-keys.ts';
import { resolveLink } from '../../src/app/share/links.ts';
import { shareDoc, shareFragment, shareModel, type ShareWorld } from '../../src/app/share/share-doc.ts';
import { isScenarioFragment } from '../../src/app/share/useLinkOpener.ts';
import { createAppStore } from '../../src/app/state/store.ts';
import { findGalleryScenario } from '../../src/scenario/gallery/scenarios.ts';
import { encodeScenario } from '../../src/scenario/link/encode.ts';
import { replay } from '../../src/scenario/scenario.ts';
import { STARTER_SCENARIO } from '../../src/scenario/starter.ts';
import { MemoryStorage } from './memory-storage.ts';

/** A world typed by a user, the size of a seed article's experiment. */
const SEVEN = [
  'docker network create my_net2',
  'docker run -dit --name bbox1 --network my_net2 busybox',
  'docker run -dit --name bbox2 --network my_net2 busybox',
  'docker run -dit --name bbox3 busybox',
  'docker run -d --name web1 -p 8080:80 httpd',
  'docker network connect my_net2 web1',
  'docker exec bbox1 ping -c 1 web1',
];

function worldOf(commands: readonly string[], scenario?: ShareWorld['scenario']): ShareWorld {
  const { sim } = replay(commands);
  const graph = deriveGraph(sim);
  return { commands, seed: 1, positions: autoLayout(graph), collapsed: [], graph, scenario };
}

/** The canvas id of a network's bridge in this world. */
function bridgeOf(graph: ShareWorld['graph'], network: string): string {
  return graph.nodes.find((n) => n.data.kind === 'bridge' && n.data.network === network)!.id;
}

describe('what the Share dialog links to', () => {
  it('links a seven-command world with its whole layout in at most 400 characters after the address', () => {
    const world = worldOf(SEVEN);
    const model = shareModel(world);
    expect(model.kind).toBe('world');
    const doc = shareDoc(world, model, { step: 1, layout: true, title: '' });
    expect(Object.keys(doc.layout!)).toEqual(expect.arrayContaining(['host:stack', 'network:my_net2', 'network:bridge', 'container:web1', 'container:bbox3']));
    expect(Object.keys(doc.layout!).some((k) => k.includes('br-'))).toBe(false);
    const fragment = shareFragment(world, model, { step: 1, layout: true, title: '' });
    console.log(`seven-command world with ${Object.keys(doc.layout!).length} positions: ${fragment.length + 1} characters after the address`);
    expect(fragment.length + 1).toBeLessThanOrEqual(400);
  });

  it('links an unchanged gallery scenario by its id and step; with the layout, as a whole document', () => {
    const iso = findGalleryScenario('isolation-connect')!;
    const world = worldOf([...iso.commands, iso.steps[0]!.command, iso.steps[1]!.command], iso);
    const model = shareModel(world);
    expect(model).toMatchObject({ kind: 'scenario', ran: 2, gallery: true });
    expect(shareFragment(world, model, { step: 3, layout: false, title: '' })).toBe('g=isolation-connect&step=3');
    expect(shareFragment(world, model, { step: 1, layout: false, title: '' })).toBe('g=isolation-connect');
    const full = shareDoc(world, model, { step: 3, layout: true, title: '' });
    expect(full).toMatchObject({ id: 'isolation-connect', setup: iso.commands, view: { step: 3 } });
    expect(full.steps).toEqual(iso.doc.steps);
  });

  it('carries the collapsed networks with the layout, by network name, for a few characters more', () => {
    const world = worldOf(SEVEN);
    const model = shareModel(world);
    const plain = shareFragment(world, model, { step: 1, layout: true, title: '' });
    world.collapsed = [bridgeOf(world.graph, 'my_net2')];
    expect(shareDoc(world, model, { step: 1, layout: true, title: '' }).view).toEqual({ collapsed: ['network:my_net2'] });
    // Without the layout, the diagram is the reader's own: no positions, nothing collapsed.
    expect(shareDoc(world, model, { step: 1, layout: false, title: '' }).view).toBeUndefined();
    const collapsed = shareFragment(world, model, { step: 1, layout: true, title: '' });
    console.log(`one collapsed network adds ${collapsed.length - plain.length} characters to a ${plain.length}-character link`);
    expect(collapsed.length - plain.length).toBeLessThanOrEqual(30);

    // A gallery scenario at a step: the step and the collapsed network in one view.
    const iso = findGalleryScenario('isolation-connect')!;
    const at = worldOf([...iso.commands, iso.steps[0]!.command], iso);
    at.collapsed = [bridgeOf(at.graph, 'my_net2')];
    const atModel = shareModel(at);
    expect(shareDoc(at, atModel, { step: 2, layout: true, title: '' }).view).toEqual({ step: 2, collapsed: ['network:my_net2'] });
    expect(shareFragment(at, atModel, { step: 2, layout: false, title: '' })).toBe('g=isolation-connect&step=2');
  });

  it('links a changed scenario as the user’s version: every line as setup, the steps carried', () => {
    const iso = findGalleryScenario('isolation-connect')!;
    const lines = [...iso.commands, 'docker ps', iso.steps[0]!.command];
    const world = worldOf(lines, iso);
    const model = shareModel(world);
    expect(model.kind).toBe('world');
    const doc = shareDoc(world, model, { step: 1, layout: false, title: 'My isolation' });
    expect(doc).toEqual({ vethlab: 1, title: 'My isolation', setup: lines, steps: iso.doc.steps });
  });
});

describe('layout by stable names', () => {
  it('names bridges by their network and back, whatever the bridge is called', () => {
    const { sim } = replay(SEVEN);
    const graph = deriveGraph(sim);
    const bridge = graph.nodes.find((n) => n.data.kind === 'bridge' && n.data.network === 'my_net2')!;
    const layout = layoutOf({ [bridge.id]: { x: 10.4, y: 20.6 }, 'c:bbox1': { x: 1, y: 2 }, 'c:gone': { x: 5, y: 5 } }, graph);
    expect(layout).toEqual({ 'network:my_net2': [10, 21], 'container:bbox1': [1, 2] });
    // Another seed gives the bridge another name; the layout still finds it.
    const other = deriveGraph(replay(SEVEN, 7).sim);
    const otherBridge = other.nodes.find((n) => n.data.kind === 'bridge' && n.data.network === 'my_net2')!;
    expect(otherBridge.id).not.toBe(bridge.id);
    expect(positionsOf(layout, other)).toEqual({ [otherBridge.id]: { x: 10, y: 21 }, 'c:bbox1': { x: 1, y: 2 } });
  });
});

function appWith(commands: readonly string[]) {
  const storage = new MemoryStorage();
  const app = createAppStore({ storage });
  app.getState().replaceWorld(commands);
  const gallery = createGalleryStore(app, { storage });
  return { storage, app, gallery };
}

async function open(hash: string, gallery: ReturnType<typeof createGalleryStore>, app: ReturnType<typeof createAppStore>) {
  const link = await resolveLink(hash);
  if (link.kind === 'error') app.getState().setNotice(link.notice);
  else if (link.kind === 'open') gallery.getState().openDoc(link.doc, link.step);
  return link;
}

describe('opening a link', () => {
  it('round-trips a world: the same lines, seed and positions', async () => {
    const world = worldOf(SEVEN);
    const fragment = shareFragment(world, shareModel(world), { step: 1, layout: true, title: 'Seven' });
    const { app, gallery } = appWith(STARTER_SCENARIO.commands);
    await open(`#${fragment}`, gallery, app);
    const s = app.getState();
    expect(s.commands).toEqual(SEVEN);
    expect(gallery.getState().activeId).toBe(LINKED_ID);
    const graph = graphOf(s.sim, s.rev);
    expect(layoutOf(s.positions, graph)).toEqual(layoutOf(world.positions, world.graph));
    // Nothing was collapsed: the link says nothing of it, and the reader's canvas is all expanded.
    expect(await resolveLink(`#${fragment}`)).toMatchObject({ kind: 'open', doc: { title: 'Seven' } });
    expect((await resolveLink(`#${fragment}`) as { doc: { view?: unknown } }).doc.view).toBeUndefined();
    expect(s.collapsed).toEqual([]);
    expect(gallery.getState().previous).toBe(false);
  });

  it('opens with the author’s collapsed networks, found by name in the reader’s world, and keeps them over a reload', async () => {
    const world = { ...worldOf(SEVEN), seed: 7 };
    world.graph = deriveGraph(replay(SEVEN, 7).sim);
    world.positions = autoLayout(world.graph);
    world.collapsed = [bridgeOf(world.graph, 'my_net2'), bridgeOf(world.graph, 'bridge')];
    const fragment = shareFragment(world, shareModel(world), { step: 1, layout: true, title: '' });
    const { app, gallery, storage } = appWith(STARTER_SCENARIO.commands);
    await open(`#${fragment}`, gallery, app);
    const s = app.getState();
    const graph = graphOf(s.sim, s.rev);
    expect(s.collapsed).toEqual([bridgeOf(graph, 'my_net2'), bridgeOf(graph, 'bridge')]);
    // Saved with the positions, as a collapse by hand is.
    expect(createAppStore({ storage }).getState().collapsed).toEqual(s.collapsed);
  });

  it('ignores collapsed names the world does not have, and names that are not a bridge', async () => {
    const doc = { vethlab: 1 as const, setup: ['docker network create n1', 'docker run -dit --name c1 --network n1 busybox'], view: { collapsed: ['network:gone', 'container:c1', 'network:n1', 'network:n1'] } };
    const { app, gallery } = appWith(STARTER_SCENARIO.commands);
    await open(`#s=${encodeScenario(doc)}`, gallery, app);
    const s = app.getState();
    expect(s.commands).toEqual(doc.setup);
    expect(s.collapsed).toEqual([bridgeOf(graphOf(s.sim, s.rev), 'n1')]);
  });

  it('round-trips a command typed over several lines (a loop) as one line of the world', async () => {
    const lines = ['docker network create n1', 'for i in 1 2 3\ndo docker run -dit --name c$i --network n1 busybox\ndone'];
    const world = worldOf(lines);
    const fragment = shareFragment(world, shareModel(world), { step: 1, layout: false, title: '' });
    const { app, gallery } = appWith(STARTER_SCENARIO.commands);
    await open(`#${fragment}`, gallery, app);
    expect(app.getState().commands).toEqual(lines);
    expect(app.getState().sim.engine.findContainer('c3')?.state).toBe('running');
  });

  it('opens a gallery link at a step with the steps before it run, and reads as that scenario', async () => {
    const { app, gallery } = appWith(STARTER_SCENARIO.commands);
    await open('#g=docker-user&step=3', gallery, app);
    const du = findGalleryScenario('docker-user')!;
    expect(app.getState().commands).toEqual([...du.commands, du.steps[0]!.command, du.steps[1]!.command]);
    expect(gallery.getState()).toMatchObject({ activeId: 'docker-user', step: 2, guideOpen: true });
  });

  it('asks before replacing the user’s own commands, keeps them, and brings them back with their collapsed networks', async () => {
    const mine = [...STARTER_SCENARIO.commands, 'docker network create important', 'docker run -dit --name keepme --network important busybox'];
    const { app, gallery, storage } = appWith(mine);
    const important = bridgeOf(graphOf(app.getState().sim, app.getState().rev), 'important');
    app.getState().setCollapsed(important, true);
    await open('#g=three-ways', gallery, app);
    expect(gallery.getState()).toMatchObject({ dialogOpen: true, confirmId: 'three-ways' });
    expect(app.getState().commands).toEqual(mine);
    gallery.getState().cancelOpen();
    expect(gallery.getState().dialogOpen).toBe(false);
    expect(app.getState().commands).toEqual(mine);

    await open('#g=three-ways', gallery, app);
    gallery.getState().confirmOpen();
    expect(activeScenario(app.getState().commands, 'three-ways')).toBeDefined();
    expect(gallery.getState().previous).toBe(true);
    expect(storage.getItem('vethlab.previous')).toContain('keepme');
    expect(app.getState().collapsed).toEqual([]);

    gallery.getState().backToMyWorld();
    expect(app.getState().commands).toEqual(mine);
    // The network the user had collapsed is drawn collapsed again, and stays so over a reload.
    expect(app.getState().collapsed).toEqual([important]);
    expect(createAppStore({ storage }).getState().collapsed).toEqual([important]);
    expect(gallery.getState()).toMatchObject({ previous: false, activeId: null });
    expect(storage.getItem('vethlab.previous')).toBeNull();
  });

  it('keeps a linked scenario across a reload (its document is saved with the gallery state)', async () => {
    const storage = new MemoryStorage();
    const app = createAppStore({ storage });
    const gallery = createGalleryStore(app, { storage });
    const doc = { vethlab: 1 as const, title: 'Mine', setup: ['docker network create n1'], steps: [{ text: 'Look', run: 'docker network ls' }] };
    gallery.getState().openDoc(doc);
    expect(app.getState().commands).toEqual(['docker network create n1']);
    // The reload: the live app loads the format's reader before the gallery store reads the saved document (Live.tsx).
    await loadDocReader();
    const app2 = createAppStore({ storage });
    const gallery2 = createGalleryStore(app2, { storage });
    expect(app2.getState().commands).toEqual(['docker network create n1']);
    expect(gallery2.getState()).toMatchObject({ activeId: LINKED_ID, guideOpen: true });
  });
});

describe('a bad link', () => {
  const good = encodeScenario({ vethlab: 1, setup: SEVEN });
  const data = good.slice(2);
  const cases: [string, string, Record<string, string>?][] = [
    ['corrupt', `#s=1.${data.slice(0, 10)}!!${data.slice(12)}`, {}],
    ['truncated', `#s=1.${data.slice(0, Math.floor(data.length / 2))}`, {}],
    ['random bytes', '#s=1.q83vEjRWeJq83vEjRWeJq83vEjRWeJ', {}],
    ['a newer link version', `#s=2.${data}`, { version: '2' }],
    ['a newer document', `#s=${encodeScenario({ vethlab: 99, setup: [] } as never)}`, { version: '99' }],
    ['too many lines', `#s=${encodeScenario({ vethlab: 1, setup: Array.from({ length: 501 }, (_, i) => `docker network create n${i}`) })}`, { lines: '501' }],
    ['not a scenario', `#s=${encodeScenario({ vethlab: 1, setup: 'docker ps' } as never)}`, {}],
    ['collapsed networks that are not names', `#s=${encodeScenario({ vethlab: 1, setup: [], view: { collapsed: [3] } } as never)}`, {}],
    ['an unknown gallery scenario', '#g=no-such-thing', { id: 'no-such-thing' }],
  ];

  it.each(cases)('%s: a message, and the world as it was', async (_name, hash, values) => {
    const mine = [...STARTER_SCENARIO.commands, 'docker network create important'];
    const { app, gallery } = appWith(mine);
    const before = app.getState().sim;
    const link = await open(hash, gallery, app);
    expect(link.kind).toBe('error');
    const notice = app.getState().notice!;
    expect(notice.key).toBe('link.bad');
    expect(notice.values).toMatchObject(values ?? {});
    expect(app.getState().commands).toEqual(mine);
    expect(app.getState().sim).toBe(before);
    expect(gallery.getState()).toMatchObject({ activeId: null, dialogOpen: false, previous: false });
  });

  it('names each kind: corrupt, truncated, too large, newer, invalid', async () => {
    const reasons = await Promise.all(
      cases.map(async ([, hash]) => {
        const link = await resolveLink(hash);
        return link.kind === 'error' ? link.notice.values!.reasonKey : link.kind;
      }),
    );
    expect(reasons).toEqual([
      'link.corrupt',
      'link.truncated',
      'link.corrupt',
      'link.newer',
      'link.newer',
      'link.tooManyLines',
      'link.invalid',
      'link.invalid',
      'link.unknownScenario',
    ]);
  });

  it('stops a link that inflates beyond 256 KiB', async () => {
    const huge = encodeScenario({ vethlab: 1, setup: ['x'.repeat(300 * 1024)] });
    expect(huge.length).toBeLessThan(2000);
    const link = await resolveLink(`#s=${huge}`);
    expect(link.kind === 'error' && link.notice.values!.reasonKey).toBe('link.tooLarge');
  });

  it('leaves other fragments alone', async () => {
    expect(isScenarioFragment('#top')).toBe(false);
    expect(isScenarioFragment('')).toBe(false);
    expect(isScenarioFragment('#s=1.abc')).toBe(true);
    expect(isScenarioFragment('#g=three-ways&step=2')).toBe(true);
    expect(await resolveLink('#section-2')).toEqual({ kind: 'none' });
  });
});
