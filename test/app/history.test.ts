/**
 * Undo and redo: the history model alone (src/app/state/history.ts), then the
 * store around it: a command undone is gone from the world (rebuilt by replaying
 * the other lines) and from the saved session, a redo brings exactly that world
 * back, a drag is undone and redone, a redo after a new command says why it
 * cannot, and the history survives a reload. Last, which keys undo and redo.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, fitsCommands, HISTORY_LIMIT, readHistory, record, redo, undo, type HistoryEntry } from '../../src/app/state/history.ts';
import { parseSession, STORAGE_KEY } from '../../src/app/state/persist.ts';
import { createAppStore } from '../../src/app/state/store.ts';
import { historyKey } from '../../src/app/ui/undo-keys.ts';
import { MemoryStorage } from './memory-storage.ts';

const cmd = (line: string, at = 0): HistoryEntry => ({ kind: 'command', line, at });

describe('the history model', () => {
  it('undoes newest first, redoes in the same order, and a new action drops what could be redone', () => {
    let h = record(record(EMPTY_HISTORY, cmd('a')), cmd('b'));
    const u1 = undo(h)!;
    expect(u1.entry).toEqual(cmd('b'));
    const u2 = undo(u1.history)!;
    expect(u2.entry).toEqual(cmd('a'));
    expect(undo(u2.history)).toBeUndefined();
    const r1 = redo(u2.history)!;
    expect(r1.entry).toEqual(cmd('a'));
    h = record(r1.history, cmd('c'));
    expect(h.past.map((e) => e.kind === 'command' && e.line)).toEqual(['a', 'c']);
    expect(redo(h)).toBeUndefined();
    expect(h.redoLost).toBe(true);
    // Only dropping something sets it; the next undo clears it.
    expect(record(EMPTY_HISTORY, cmd('a')).redoLost).toBe(false);
    expect(undo(h)!.history.redoLost).toBe(false);
  });

  it(`keeps the newest ${HISTORY_LIMIT} entries`, () => {
    let h = EMPTY_HISTORY;
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h = record(h, cmd(`line ${i}`));
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toEqual(cmd('line 5'));
  });

  it('fits only lines that end with its commands, in order', () => {
    const move: HistoryEntry = { kind: 'move', before: { 'c:a': null }, after: { 'c:a': { x: 1, y: 2 } } };
    const h = { past: [cmd('x'), move, cmd('y')], future: [], redoLost: false };
    expect(fitsCommands(h, ['setup', 'x', 'y'])).toBe(true);
    expect(fitsCommands(h, ['x', 'setup', 'y'])).toBe(false);
    expect(fitsCommands(h, ['y'])).toBe(false);
    expect(fitsCommands(EMPTY_HISTORY, [])).toBe(true);
  });

  it('reads a saved history, and drops one that is not whole', () => {
    const saved = { past: [cmd('x', 5), { kind: 'move', before: { n: null, m: { x: 1, y: 1 } }, after: { n: { x: 3, y: 4 } } }], future: [], redoLost: true };
    expect(readHistory(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
    expect(readHistory({ past: [cmd('x', -1)], future: [] })).toBeUndefined();
    expect(readHistory({ past: [{ kind: 'move', before: {}, after: { n: { x: 'a', y: 1 } } }], future: [] })).toBeUndefined();
    expect(readHistory({ past: [{ kind: 'rm -rf' }], future: [] })).toBeUndefined();
    expect(readHistory({ past: Array.from({ length: HISTORY_LIMIT + 1 }, () => cmd('x')), future: [] })).toBeUndefined();
    expect(readHistory('nope')).toBeUndefined();
  });
});

describe('undo and redo in the store', () => {
  const names = (store: ReturnType<typeof createAppStore>) =>
    store.getState().sim.runScriptLine('docker network ls --format {{.Name}}').stdout.trim().split('\n').sort();

  it('undoes a command by replaying the lines without it, and redoes it to the same world', () => {
    const storage = new MemoryStorage();
    const store = createAppStore({ storage });
    const before = store.getState().commands.length;
    store.getState().runHost('docker network create undone_net');
    store.getState().runHost('docker run -dit --name web --network undone_net busybox');
    const inspect = () => store.getState().sim.runScriptLine('docker inspect web --format {{.Id}}{{.NetworkSettings.Networks.undone_net.IPAddress}}');
    const original = inspect().stdout;

    store.getState().undo();
    expect(store.getState().commands).toHaveLength(before + 1);
    expect(store.getState().historyNote).toMatchObject({ key: 'history.undone', values: { line: 'docker run -dit --name web --network undone_net busybox' } });
    expect(inspect().stderr).toContain('No such object: web');
    // The saved session has lost the line too.
    const saved = parseSession(storage.getItem(STORAGE_KEY));
    expect(saved.kind === 'loaded' && saved.session.commands.at(-1)).toBe('docker network create undone_net');

    store.getState().redo();
    expect(store.getState().historyNote).toMatchObject({ key: 'history.redone' });
    // Replayed with the same seed: the same container ID and address as the first time.
    expect(inspect().stdout).toBe(original);
  });

  it('a redo after a new command is not possible, and says so', () => {
    const store = createAppStore({ storage: new MemoryStorage() });
    store.getState().runHost('docker network create first');
    store.getState().undo();
    store.getState().runHost('docker network create second');
    const commands = store.getState().commands;
    store.getState().redo();
    expect(store.getState().historyNote).toMatchObject({ key: 'history.redoLost' });
    expect(store.getState().commands).toBe(commands);
    expect(names(store)).toContain('second');
    expect(names(store)).not.toContain('first');
  });

  it('says when there is nothing to undo or redo, and leaves the world', () => {
    const store = createAppStore({ storage: new MemoryStorage() });
    const { commands, sim } = store.getState();
    store.getState().undo();
    expect(store.getState().historyNote).toMatchObject({ key: 'history.nothingToUndo' });
    store.getState().redo();
    expect(store.getState().historyNote).toMatchObject({ key: 'history.nothingToRedo' });
    expect(store.getState().commands).toBe(commands);
    expect(store.getState().sim).toBe(sim);
  });

  it('undoes and redoes a drag; a drop that ran a command is no move', () => {
    const store = createAppStore({ storage: new MemoryStorage() });
    store.getState().setPositions({ 'c:bbox1': { x: 10, y: 20 } });
    store.getState().dragNodes({ 'c:bbox1': { x: 15, y: 25 } });
    store.getState().dragNodes({ 'c:bbox1': { x: 110, y: 220 }, 'c:fresh': { x: 1, y: 1 } });
    store.getState().endDrag();
    store.getState().undo();
    expect(store.getState().historyNote).toMatchObject({ key: 'history.undoneMove' });
    expect(store.getState().positions['c:bbox1']).toEqual({ x: 10, y: 20 });
    expect(store.getState().positions['c:fresh']).toBeUndefined();
    store.getState().redo();
    expect(store.getState().positions['c:bbox1']).toEqual({ x: 110, y: 220 });
    expect(store.getState().positions['c:fresh']).toEqual({ x: 1, y: 1 });

    // A click that moved nothing is no entry.
    const { history } = store.getState();
    store.getState().dragNodes({ 'c:bbox1': { x: 110, y: 220 } });
    store.getState().endDrag();
    expect(store.getState().history).toBe(history);

    // Dropped on a bridge: back where it was, and the command is what undo takes back.
    store.getState().dragNodes({ 'c:bbox1': { x: 500, y: 500 } });
    store.getState().endDrag();
    store.getState().discardMove();
    expect(store.getState().positions['c:bbox1']).toEqual({ x: 110, y: 220 });
    expect(store.getState().history.past.at(-1)).toEqual({ kind: 'move', before: { 'c:bbox1': { x: 10, y: 20 }, 'c:fresh': null }, after: { 'c:bbox1': { x: 110, y: 220 }, 'c:fresh': { x: 1, y: 1 } } });
  });

  it('keeps the history over a reload, and forgets it with a new world', () => {
    const storage = new MemoryStorage();
    const store = createAppStore({ storage });
    store.getState().runHost('docker network create one');
    store.getState().runHost('docker network create two');
    store.getState().undo();

    const reloaded = createAppStore({ storage });
    expect(reloaded.getState().history.future).toHaveLength(1);
    reloaded.getState().redo();
    expect(names(reloaded)).toContain('two');
    reloaded.getState().undo();
    reloaded.getState().undo();
    expect(names(reloaded)).not.toContain('one');

    reloaded.getState().resetWorld();
    expect(reloaded.getState().history).toEqual(EMPTY_HISTORY);
  });

  it('drops a saved history that does not end with the saved lines', () => {
    const storage = new MemoryStorage();
    const store = createAppStore({ storage });
    store.getState().runHost('docker network create one');
    const text = storage.getItem(STORAGE_KEY)!;
    storage.setItem(STORAGE_KEY, text.replace('"commands":[', '"commands":["docker network create edited",').replace(/"docker network create one"\]/, '"docker network create one","docker ps"]'));
    const reloaded = createAppStore({ storage });
    expect(reloaded.getState().commands.at(-1)).toBe('docker ps');
    expect(reloaded.getState().history).toEqual(EMPTY_HISTORY);
    reloaded.getState().undo();
    expect(reloaded.getState().commands.at(-1)).toBe('docker ps');
  });
});

describe('the undo keys', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
    historyKey({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
  it('are Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (Cmd on a Mac), and nothing else', () => {
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('z', { metaKey: true })).toBe('undo');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
    expect(key('z')).toBeNull();
    expect(key('z', { ctrlKey: true, altKey: true })).toBeNull();
    expect(key('x', { ctrlKey: true })).toBeNull();
  });
});
