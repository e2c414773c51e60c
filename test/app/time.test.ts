/**
 * Time passes in the UI as on a host (`Up 5 minutes`), while a replay stays
 * deterministic: each line's time is saved with it, and the world's clock
 * goes on from the save while the page is closed.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/app/state/store.ts';
import { parseSession } from '../../src/app/state/persist.ts';
import { MemoryStorage } from './memory-storage.ts';

const MINUTE = 60_000;

describe('time between lines', () => {
  it('shows in docker ps, survives a reload, and goes on while the page is closed', () => {
    let wall = 1_800_000_000_000;
    const storage = new MemoryStorage();
    const store = createAppStore({ storage, now: () => wall });
    store.getState().replaceWorld([]);
    store.getState().runHost('docker run -dit --name sleeper busybox');
    wall += 5 * MINUTE;
    const ps = () => store.getState().runHost('docker ps --format "{{.Names}} {{.Status}}"').stdout;
    expect(ps()).toBe('sleeper Up 5 minutes\n');
    const saved = parseSession(storage.getItem('vethlab.session'));
    expect(saved.kind === 'loaded' && saved.session.times).toEqual([0, 5 * MINUTE]);

    // Reloaded at once: the same world, the same answer.
    const again = createAppStore({ storage, now: () => wall });
    expect(again.getState().runHost('docker ps --format "{{.Names}} {{.Status}}"').stdout).toBe('sleeper Up 5 minutes\n');
    // An hour later (the page closed meanwhile): the container ran on.
    wall += 60 * MINUTE;
    const later = createAppStore({ storage, now: () => wall });
    expect(later.getState().runHost('docker ps --format "{{.Names}} {{.Status}}"').stdout).toBe('sleeper Up About an hour\n');
  });

  it('never goes backwards when the wall clock does', () => {
    let wall = 1_800_000_000_000;
    const store = createAppStore({ storage: new MemoryStorage(), now: () => wall });
    store.getState().replaceWorld([]);
    store.getState().runHost('docker run -dit --name a busybox');
    wall -= 10 * MINUTE;
    store.getState().runHost('docker ps');
    const { times } = store.getState();
    expect(times[times.length - 1]).toBeGreaterThanOrEqual(times[times.length - 2]!);
  });

  it('drops times that do not fit the lines (the lines then replay at once)', () => {
    const text = JSON.stringify({ version: 1, seed: 1, commands: ['docker ps', 'docker ps'], times: [5, 1], positions: {}, view: { theme: 'system', panel: 'trace', speed: 1 } });
    const read = parseSession(text);
    expect(read.kind === 'loaded' && [read.session.times, read.dropped]).toEqual([undefined, ['times']]);
  });
});
