/**
 * The saved session's tolerant loader and the store's replay: corrupt or
 * foreign storage gives a fresh world and a notice, never an exception; a good
 * session comes back with its commands (replayed), positions and view.
 */
import { describe, expect, it } from 'vitest';
import {
  BACKUP_KEY,
  DEFAULT_VIEW,
  loadSession,
  parseSession,
  serializeSession,
  STORAGE_KEY,
  type StorageLike,
} from '../../src/app/state/persist.ts';
import { createAppStore } from '../../src/app/state/store.ts';
import { replay, shellQuote } from '../../src/scenario/scenario.ts';
import { shellLineOf } from '../../src/sim/shell/console.ts';
import { STARTER_SCENARIO } from '../../src/scenario/starter.ts';
import { MemoryStorage } from './memory-storage.ts';
import { EMPTY_HEADER, starterHeaderLine } from '../../src/app/gallery/header-line.ts';


describe('parseSession', () => {
  it('reads nothing as empty', () => {
    expect(parseSession(null)).toEqual({ kind: 'empty' });
    expect(parseSession('')).toEqual({ kind: 'empty' });
  });

  it.each([
    ['{not json', 'not JSON'],
    ['[1,2]', 'not an object'],
    ['{"commands":[]}', 'unsupported version null'],
    ['{"version":99,"commands":[]}', 'unsupported version 99'],
    ['{"version":1,"commands":"docker ps"}', 'commands is not a list of lines'],
    ['{"version":1,"commands":["ok",3]}', 'commands is not a list of lines'],
  ])('refuses %s (%s)', (text, reason) => {
    expect(parseSession(text)).toEqual({ kind: 'unreadable', reason });
  });

  it('keeps what is good and drops bad optional parts alone', () => {
    const text = JSON.stringify({
      version: 1,
      seed: 1,
      commands: ['docker ps'],
      positions: { a: { x: 1, y: 2 }, b: { x: 'no', y: 2 }, c: null },
      view: { theme: 'dark', panel: 'sideways', speed: 3 },
      inspector: { id: 'c:a', open: 'yes' },
    });
    const r = parseSession(text);
    expect(r.kind).toBe('loaded');
    if (r.kind !== 'loaded') return;
    expect(r.session.commands).toEqual(['docker ps']);
    expect(r.session.positions).toEqual({ a: { x: 1, y: 2 } });
    expect(r.session.view).toEqual({ ...DEFAULT_VIEW, theme: 'dark' });
    expect(r.session.inspector).toBeUndefined();
    expect(r.dropped.sort()).toEqual(['inspector', 'positions.b', 'positions.c', 'view.panel', 'view.speed']);
  });

  it('round-trips what serializeSession writes', () => {
    const session = { seed: 1, commands: ['a', 'b'], positions: { n: { x: 3, y: 4 } }, view: { ...DEFAULT_VIEW, speed: 2 } };
    expect(parseSession(serializeSession(session))).toEqual({ kind: 'loaded', session: { version: 1, ...session }, dropped: [] });
  });

  it.each([0.5, 1, 2, 4, 8])('keeps the player’s speed %s×', (speed) => {
    const r = parseSession(JSON.stringify({ version: 1, seed: 1, commands: [], view: { ...DEFAULT_VIEW, speed } }));
    expect(r.kind === 'loaded' && r.session.view.speed).toBe(speed);
  });

  it('treats storage that throws as empty, and backs up unreadable text', () => {
    const throwing: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    expect(loadSession(throwing)).toEqual({ kind: 'empty' });
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{"version":1,"commands":');
    expect(loadSession(storage).kind).toBe('unreadable');
    expect(storage.getItem(BACKUP_KEY)).toBe('{"version":1,"commands":');
  });
});

describe('the store', () => {
  it('starts with the starter scenario and saves it', () => {
    const storage = new MemoryStorage();
    const store = createAppStore({ storage });
    const s = store.getState();
    expect(s.commands).toEqual(STARTER_SCENARIO.commands);
    expect(s.origin).toBe('scenario');
    expect(s.notice).toBeNull();
    expect([...s.sim.engine.containers.values()].map((c) => c.name).sort()).toEqual(['bbox1', 'bbox2', 'bbox3']);
    expect(parseSession(storage.getItem(STORAGE_KEY)).kind).toBe('loaded');
  });

  it('records every command, keeps the last trace, and replays the same world after a reload', () => {
    const storage = new MemoryStorage();
    const store = createAppStore({ storage });
    const out = store.getState().runHost('docker exec bbox1 ping -c 1 bbox2');
    expect(out.stdout).toContain('64 bytes from 172.18.0.3');
    const inside = store.getState().runInContainer({ container: 'bbox2', shell: 'sh', main: false, session: 1 }, 'echo "it\'s me" && hostname');
    expect(inside.stdout).toMatch(/^it's me\n[0-9a-f]{12}\n$/);
    store.getState().setPositions({ 'c:bbox1': { x: 10, y: 20 } });
    store.getState().setView({ theme: 'dark' });
    const s = store.getState();
    expect(s.commands.slice(-2)).toEqual(['docker exec bbox1 ping -c 1 bbox2', `docker exec -t bbox2 sh -c 'echo "it'\\''s me" && hostname' # session 1`]);
    expect(s.trace?.trace.outcome.kind).toBe('replied');
    expect(s.player).toEqual({ step: 0, playing: true });

    const again = createAppStore({ storage }).getState();
    expect(again.origin).toBe('restored');
    expect(again.commands).toEqual(s.commands);
    expect(again.positions['c:bbox1']).toEqual({ x: 10, y: 20 });
    expect(again.view.theme).toBe('dark');
    expect(again.trace?.command).toBe('docker exec bbox1 ping -c 1 bbox2');
    const save = (x: typeof s) => x.sim.kernel.netns('host')!.netfilter.save(['-c'], 4, x.sim.kernel.now).stdout;
    expect(save(again)).toBe(save(s));
    expect(again.sim.runScriptLine('docker ps -a').stdout).toBe(s.sim.runScriptLine('docker ps -a').stdout);
  });

  it('holds its saves until released (the first draw first), then writes the world as it is then, once', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, serializeSession({ seed: 1, commands: ['docker network create mine'], positions: {}, view: { ...DEFAULT_VIEW } }));
    const before = storage.getItem(STORAGE_KEY);
    const store = createAppStore({ storage, holdSaves: true });
    store.getState().replaceWorld(['docker network create linked', 'docker run -dit --name l1 --network linked busybox']);
    store.getState().setPositions({ 'c:l1': { x: 5, y: 6 } });
    // Nothing written yet: a reload now would find the world saved before.
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
    let writes = 0;
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (key, value) => {
      writes++;
      setItem(key, value);
    };
    store.getState().releaseSaves();
    store.getState().releaseSaves();
    expect(writes).toBe(1);
    const again = createAppStore({ storage }).getState();
    expect(again.commands).toEqual(['docker network create linked', 'docker run -dit --name l1 --network linked busybox']);
    expect(again.positions['c:l1']).toEqual({ x: 5, y: 6 });
    // Released: every change is saved at once again.
    writes = 0;
    store.getState().runHost('docker network create later');
    expect(writes).toBe(1);
    expect(createAppStore({ storage }).getState().commands.at(-1)).toBe('docker network create later');
  });

  it('writes nothing when released with nothing asked (an unreadable session stays until the user acts)', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, 'garbage');
    const store = createAppStore({ storage, holdSaves: true });
    store.getState().releaseSaves();
    expect(storage.getItem(STORAGE_KEY)).toBe('garbage');
    expect(store.getState().notice).toEqual({ key: 'notice.unreadable', values: { reason: 'not JSON' } });
  });

  it('starts a fresh world with a notice when the saved session is unreadable', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, 'garbage');
    const s = createAppStore({ storage }).getState();
    expect(s.notice).toEqual({ key: 'notice.unreadable', values: { reason: 'not JSON' } });
    expect(s.commands).toEqual(STARTER_SCENARIO.commands);
    expect(storage.getItem(BACKUP_KEY)).toBe('garbage');
  });

  it('keeps what the inspector shows across a reload, and forgets it with the world', () => {
    const storage = new MemoryStorage();
    const store = createAppStore({ storage });
    store.getState().inspect('c:bbox2', true);
    let again = createAppStore({ storage }).getState();
    expect([again.inspected, again.inspectorOpen]).toEqual(['c:bbox2', true]);

    // The Trace tab over it: still selected, the inspector's tab not shown.
    store.getState().setInspectorOpen(false);
    again = createAppStore({ storage }).getState();
    expect([again.inspected, again.inspectorOpen]).toEqual(['c:bbox2', false]);

    store.getState().inspect('c:bbox2', true);
    store.getState().resetWorld();
    again = createAppStore({ storage }).getState();
    expect([again.inspected, again.inspectorOpen]).toEqual([null, false]);
  });

  it('says once when the browser stops keeping the session, and keeps working', () => {
    const storage = new MemoryStorage();
    const store = createAppStore({ storage });
    expect(store.getState().notice).toBeNull();
    const setItem = storage.setItem.bind(storage);
    storage.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    store.getState().runHost('docker network create full');
    expect(store.getState().notice).toEqual({ key: 'notice.unsaved' });
    store.getState().dismissNotice();
    store.getState().runHost('docker run -dit --name late --network full busybox');
    expect(store.getState().notice).toBeNull();
    expect(store.getState().sim.runScriptLine('docker ps --format {{.Names}}').stdout).toContain('late');
    // Saving again once there is room.
    storage.setItem = setItem;
    store.getState().runHost('docker ps');
    expect(createAppStore({ storage }).getState().commands.at(-2)).toBe('docker run -dit --name late --network full busybox');
  });

  it('resets to the scenario', () => {
    const store = createAppStore({ storage: new MemoryStorage() });
    store.getState().runHost('docker rm -f bbox3');
    store.getState().resetWorld();
    expect(store.getState().commands).toEqual(STARTER_SCENARIO.commands);
    expect(store.getState().sim.engine.findContainer('bbox3')?.state).toBe('running');
  });

  it('resets to an empty host, which a reload keeps, with its own header', () => {
    const storage = new MemoryStorage();
    const store = createAppStore({ storage });
    store.getState().resetWorld('empty');
    expect(store.getState().commands).toEqual([]);
    expect(store.getState().sim.engine.findContainer('bbox1')).toBeUndefined();
    expect(createAppStore({ storage }).getState().commands).toEqual([]);
    expect(starterHeaderLine([])).toEqual(EMPTY_HEADER);
    expect(starterHeaderLine(['docker network create n1'])).toMatchObject({ own: 'world' });
  });
});

describe('container shell lines', () => {
  it('quote so that the shell gets the line back', () => {
    expect(shellQuote('bbox1')).toBe('bbox1');
    expect(shellQuote("a'b c")).toBe(`'a'\\''b c'`);
    const bbox1 = { container: 'bbox1', shell: 'sh', main: false, session: 1 };
    expect(shellLineOf(bbox1, 'ping -c 1 bbox2')).toBe(`docker exec -t bbox1 sh -c 'ping -c 1 bbox2' # session 1`);
    const { outputs } = replay([...STARTER_SCENARIO.commands, shellLineOf(bbox1, `echo 'a b' "c'd" | wc -w`)]);
    expect(outputs.at(-1)!.stdout.trim()).toBe('3');
  });
});
