/**
 * The gallery: every scenario's setup replays without a failing line, every
 * step does what its scenario declares (exit status, and for a drop the rule
 * the Trace names), every text exists in English and Chinese, and the gallery
 * store opens, confirms, advances and comes back after a reload.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGalleryScenarios } from '../../src/app/gallery/gallery-list.ts';
import { createGalleryStore, GALLERY_STORAGE_KEY } from '../../src/app/gallery/store.ts';
import { activeScenario, doneSteps, lastRunStep, ownCommands } from '../../src/app/gallery/model.ts';
import { galleryEn } from '../../src/app/i18n/gallery.en.ts';
import { galleryZhCN } from '../../src/app/i18n/gallery.zh-CN.ts';
import { createAppStore } from '../../src/app/state/store.ts';
import { checkStep } from '../../src/scenario/check.ts';
import { findGalleryScenario, GALLERY, GALLERY_NS } from '../../src/scenario/gallery/index.ts';
import { replay, runLine } from '../../src/scenario/scenario.ts';
import { STARTER_SCENARIO } from '../../src/scenario/starter.ts';
import { MemoryStorage } from './memory-storage.ts';


/** Looks up `gallery:a.b.c` in a resource object. */
function lookup(resources: unknown, key: string): unknown {
  const [ns, path] = key.split(':') as [string, string];
  expect(ns).toBe(GALLERY_NS);
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], resources);
}

// The gallery's scenarios are a chunk of their own: the live app loads them before it restores a saved
// scenario (Live.tsx), and so do these tests, which restore and name scenarios by id.
beforeAll(() => loadGalleryScenarios());

describe('the gallery scenarios', () => {
  it('has ten scenarios with distinct ids', () => {
    expect(GALLERY).toHaveLength(10);
    expect(new Set(GALLERY.map((s) => s.id)).size).toBe(GALLERY.length);
  });

  describe.each(GALLERY.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
    it('replays its setup with no failing line', () => {
      const { outputs } = replay(scenario.commands);
      const failed = outputs.flatMap((o, i) => (o.exitCode === 0 ? [] : [`${scenario.commands[i]} -> ${o.exitCode}: ${o.stderr}`]));
      expect(failed).toEqual([]);
    });

    it('has steps that do what they say, in order', () => {
      const { sim } = replay(scenario.commands);
      expect(scenario.steps.length).toBeGreaterThanOrEqual(4);
      const problems: string[] = [];
      for (const [i, step] of scenario.steps.entries()) {
        const out = runLine(sim, step.command);
        expect(out.stderr).not.toContain('internal error');
        expect(step.expect, `step ${i + 1} declares what it does`).toBeDefined();
        for (const problem of checkStep(step.expect!, out)) problems.push(`step ${i + 1} \`${step.command}\`: ${problem}`);
      }
      expect(problems).toEqual([]);
    });

    it('has every text in English and Chinese', () => {
      for (const [lang, res] of [
        ['en', galleryEn],
        ['zh-CN', galleryZhCN],
      ] as const) {
        for (const key of [scenario.titleKey, scenario.summaryKey, scenario.todayKey!, ...scenario.steps.map((s) => s.textKey)]) {
          const text = lookup(res, key);
          expect(typeof text, `${lang} ${key}`).toBe('string');
          expect((text as string).trim(), `${lang} ${key}`).not.toBe('');
          if (lang === 'zh-CN') expect(text as string, key).toMatch(/[\u4e00-\u9fff]/);
        }
        const steps = lookup(res, `${GALLERY_NS}:scenarios.${scenario.id}.steps`) as unknown[];
        expect(steps, `${lang}: one text per step`).toHaveLength(scenario.steps.length);
        for (const tag of scenario.tags) expect((res.tags as Record<string, string>)[tag], `tag ${tag}`).toBeTruthy();
      }
    });
  });

  it('has no text for a scenario that does not exist', () => {
    expect(Object.keys(galleryEn.scenarios).sort()).toEqual(GALLERY.map((s) => s.id).sort());
    expect(Object.keys(galleryZhCN.scenarios).sort()).toEqual(GALLERY.map((s) => s.id).sort());
  });

  it('checks a step against the simulator: exit status, packet, the deciding rule (by text or place), output', () => {
    const { sim } = replay(['docker network create net1', 'docker run -dit --name aa --network net1 busybox', 'docker run -dit --name bb busybox']);
    const out = runLine(sim, 'docker exec aa ping -c 1 -W 1 172.17.0.2');
    expect(checkStep({ exit: 1, packet: 'dropped', droppedBy: '-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP' }, out)).toEqual([]);
    expect(checkStep({ droppedBy: 'raw PREROUTING rule 2', output: '100% packet loss' }, out)).toEqual([]);
    expect(checkStep({ exit: 0 }, out)).toEqual(['expected exit status 0, got 1']);
    expect(checkStep({ packet: 'replied' }, out)).toEqual([
      'expected the packet "replied", got "dropped by raw PREROUTING rule 2 (-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP)"',
    ]);
    expect(checkStep({ droppedBy: 'raw PREROUTING rule 3' }, out)).toEqual([
      'expected "dropped by raw PREROUTING rule 3", got "dropped by raw PREROUTING rule 2 (-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP)"',
    ]);
    expect(checkStep({ output: '1 packets received' }, out)[0]).toMatch(/^expected the output to contain "1 packets received", got "PING 172.17.0.2/);
  });
});

describe('the gallery model', () => {
  const iso = findGalleryScenario('isolation-connect')!;

  it('knows a scenario only while the session starts with its setup', () => {
    expect(activeScenario([...iso.commands, 'ip route'], iso.id)).toBe(iso);
    expect(activeScenario(STARTER_SCENARIO.commands, iso.id)).toBeUndefined();
    expect(activeScenario(iso.commands, 'nope')).toBeUndefined();
  });

  it('marks the steps that ran and finds the lines of the user', () => {
    const lines = [...iso.commands, iso.steps[0]!.command, 'docker ps', iso.steps[2]!.command];
    expect([...doneSteps(lines, iso)]).toEqual([0, 2]);
    expect(ownCommands(lines, iso)).toEqual(['docker ps']);
    expect(ownCommands([...STARTER_SCENARIO.commands, STARTER_SCENARIO.hint!, 'ip a'], undefined)).toEqual(['ip a']);
    expect(ownCommands(['docker network create x'], undefined)).toEqual(['docker network create x']);
  });

  it('knows which step the last line ran, when two steps share a line', () => {
    const du = findGalleryScenario('docker-user')!;
    const ping = du.steps[0]!.command;
    expect(du.steps[7]!.command).toBe(ping);
    const after = (...lines: string[]) => lastRunStep([...du.commands, ...lines], du);
    expect(after(ping)).toBe(0);
    expect(after(ping, ping)).toBe(7);
    // Run once more when both are done: the later step shows it.
    expect(after(ping, ping, ping)).toBe(7);
    expect(after(ping, 'docker ps')).toBeUndefined();
    expect(after()).toBeUndefined();
  });
});

describe('the gallery store', () => {
  it('opens a scenario, runs its steps, asks before discarding the user’s lines, and survives a reload', () => {
    const storage = new MemoryStorage();
    const app = createAppStore({ storage });
    const gallery = createGalleryStore(app, { storage, translate: (k) => `<${k}>` });
    expect(gallery.getState().activeId).toBeNull();

    // Nothing of the user's yet: opens at once.
    gallery.getState().requestOpen('isolation-connect');
    expect(gallery.getState().activeId).toBe('isolation-connect');
    expect(gallery.getState().guideOpen).toBe(true);
    expect(app.getState().commands).toEqual(iso());
    expect(app.getState().intro).toEqual({ key: 'gallery:terminal.opened', values: { title: '<gallery:scenarios.isolation-connect.title>', count: '3' } });
    const world = app.getState().world;

    // Run asks the terminal to type and run the line; once it ran, the next step is current.
    gallery.getState().runStep(0);
    const scenario = findGalleryScenario('isolation-connect')!;
    expect(app.getState().pendingRun).toMatchObject({ line: scenario.steps[0]!.command });
    expect(app.getState().pendingRun?.typeOnly).toBeUndefined();
    app.getState().runHost(scenario.steps[0]!.command);
    expect(gallery.getState().step).toBe(1);
    expect(app.getState().trace?.trace.outcome.kind).toBe('dropped');
    gallery.getState().typeStep(5);
    expect(app.getState().pendingRun).toMatchObject({ line: 'docker network connect my_net2 web1', typeOnly: true });

    // A line of the user's own: opening another scenario asks first, naming it.
    app.getState().runHost('docker run -dit --name mine busybox');
    gallery.getState().requestOpen('docker-user');
    expect(gallery.getState().confirmId).toBe('docker-user');
    expect(gallery.getState().ownCommands()).toEqual(['docker run -dit --name mine busybox']);
    expect(gallery.getState().activeId).toBe('isolation-connect');
    gallery.getState().cancelOpen();
    expect(gallery.getState().confirmId).toBeNull();
    gallery.getState().requestOpen('docker-user');
    gallery.getState().confirmOpen();
    expect(gallery.getState().activeId).toBe('docker-user');
    expect(app.getState().world).toBe(world + 1);
    expect(app.getState().sim.engine.findContainer('mine')).toBeUndefined();
    const du = findGalleryScenario('docker-user')!;
    app.getState().runHost(du.steps[0]!.command);
    app.getState().runHost(du.steps[1]!.command);
    expect(gallery.getState().step).toBe(2); // Typed by hand, the current step counts as done all the same

    // Reload: the session replays, the gallery comes back on the same scenario and step.
    gallery.getState().selectStep(2);
    const app2 = createAppStore({ storage });
    const gallery2 = createGalleryStore(app2, { storage });
    expect(gallery2.getState()).toMatchObject({ activeId: 'docker-user', step: 2, guideOpen: true });
    expect([...doneSteps(app2.getState().commands, du)]).toEqual([0, 1]);

    // Reset to the first screen closes the scenario.
    app2.getState().resetWorld();
    expect(gallery2.getState().activeId).toBeNull();
    expect(JSON.parse(storage.getItem(GALLERY_STORAGE_KEY)!)).toMatchObject({ id: null });
  });

  it('ignores a saved gallery state that no longer matches the session', () => {
    const storage = new MemoryStorage();
    storage.setItem(GALLERY_STORAGE_KEY, JSON.stringify({ version: 1, id: 'internal', step: 3, guide: true }));
    const gallery = createGalleryStore(createAppStore({ storage }), { storage });
    expect(gallery.getState().activeId).toBeNull();
    storage.setItem(GALLERY_STORAGE_KEY, '{not json');
    expect(createGalleryStore(createAppStore({ storage }), { storage }).getState().activeId).toBeNull();
  });
});

function iso(): string[] {
  return [...findGalleryScenario('isolation-connect')!.commands];
}
