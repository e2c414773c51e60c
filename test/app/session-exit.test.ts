/**
 * The tab of `docker run -it IMAGE sh` holds the container's main process: its
 * `exit` ends the container and is recorded as `docker attach C # exit N`, so a
 * reload replays the same world. An exec'd shell's `exit` ends only itself.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/app/state/store.ts';
import { builtinOf, exitStatus, formatHistory } from '../../src/app/terminal/shell-lines.ts';
import { MemoryStorage } from './memory-storage.ts';

function session() {
  const storage = new MemoryStorage();
  const store = createAppStore({ storage });
  const host = (line: string) => store.getState().runHost(line).stdout;
  const ps = () => host('docker ps -a --format "{{.Names}}: {{.Status}}"');
  const ip = (name: string) => host(`docker inspect -f "{{.NetworkSettings.IPAddress}}" ${name}`).trim();
  return { storage, store, host, ps, ip };
}

describe('exit in the tab of docker run -it', () => {
  it('ends the container: docker ps -a shows it Exited (0), its address goes to the next container, and history shows the line', () => {
    const { store, host, ps, ip } = session();
    const out = store.getState().runHost('docker run -it --name tt busybox sh');
    expect(out.session).toEqual({ container: 'tt', shell: 'sh', main: true });
    const address = ip('tt');
    expect(address).toBe('172.17.0.3'); // bbox3 has .2 on docker0
    expect(store.getState().runInContainer({ container: 'tt', shell: 'sh', main: true }, 'hostname').exitCode).toBe(0);

    // The terminal's `exit` after a command that succeeded.
    expect(builtinOf('exit')).toBe('exit');
    store.getState().exitContainerShell('tt', exitStatus('exit', 0), true);
    expect(formatHistory(store.getState().commands).split('\n').filter(Boolean).slice(-2)).toEqual([
      expect.stringMatching(/^ +\d+ {2}docker exec -t tt sh -c hostname # session main$/),
      expect.stringMatching(/^ +\d+ {2}docker attach tt # exit 0$/),
    ]);
    const listed = ps();
    expect(listed).toContain('tt: Exited (0) Less than a second ago\n');
    expect(listed).toContain('bbox1: Up');
    host('docker run -itd --name next busybox');
    expect(ip('next')).toBe(address);
  });

  it('exit 3 gives Exited (3); a bare exit takes the status of the last command', () => {
    const { store, ps } = session();
    store.getState().runHost('docker run -it --name three busybox sh');
    expect(builtinOf('exit 3')).toBe('exit');
    expect(store.getState().exitContainerShell('three', exitStatus('exit 3', 0), true)?.exitCode).toBe(3);
    expect(ps()).toContain('three: Exited (3)');

    store.getState().runHost('docker run -it --name last busybox sh');
    const failed = store.getState().runInContainer({ container: 'last', shell: 'sh', main: true }, 'ls /nowhere');
    expect(failed.exitCode).toBe(1);
    store.getState().exitContainerShell('last', exitStatus('exit', failed.exitCode), true);
    expect(ps()).toContain('last: Exited (1)');
    expect(exitStatus('exit 256', 1)).toBe(0);
    expect(builtinOf('exit abc')).toBeUndefined();
  });

  it('with --rm the container is gone', () => {
    const { store, host, ps } = session();
    store.getState().runHost('docker run -it --rm --name tmp busybox sh');
    expect(ps()).toContain('tmp: Up');
    store.getState().exitContainerShell('tmp', 0, true);
    expect(ps()).not.toContain('tmp');
    expect(host('docker ps -a -q').trim().split('\n')).toHaveLength(3);
  });

  it('a reload replays the recorded lines into the same world', () => {
    const { storage, store } = session();
    const s0 = store.getState();
    s0.runHost('docker run -it --name tt busybox sh');
    s0.runInContainer({ container: 'tt', shell: 'sh', main: true }, 'touch /tmp/x');
    store.getState().exitContainerShell('tt', 3, true);
    store.getState().runHost('docker run -it --rm --name tmp busybox sh');
    store.getState().exitContainerShell('tmp', 0, true);
    store.getState().runHost('docker run -itd --name next busybox');
    const s = store.getState();
    const again = createAppStore({ storage }).getState();
    expect(again.origin).toBe('restored');
    expect(again.commands).toEqual(s.commands);
    for (const line of ['docker ps -a --no-trunc', 'docker inspect tt next', 'ip addr', 'iptables-save', 'bridge link']) {
      expect(again.sim.runScriptLine(line).stdout).toBe(s.sim.runScriptLine(line).stdout);
    }
    expect(again.sim.runScriptLine('docker ps -a --format "{{.Names}} {{.Status}}"').stdout).toContain('tt Exited (3)');
  });

  it('exit in a docker exec -it shell ends only that shell: nothing recorded, the container keeps running', () => {
    const { store, ps } = session();
    const before = store.getState().commands.length;
    expect(store.getState().exitContainerShell('bbox1', 0, false)).toBeUndefined();
    expect(store.getState().commands).toHaveLength(before);
    expect(ps()).toContain('bbox1: Up');
  });

  it('a main shell whose container was already stopped only closes its tab', () => {
    const { store, ps } = session();
    store.getState().runHost('docker run -it --name tt busybox sh');
    store.getState().runHost('docker stop tt');
    const before = store.getState().commands.length;
    expect(store.getState().exitContainerShell('tt', 0, true)).toBeUndefined();
    expect(store.getState().commands).toHaveLength(before);
    expect(ps()).toContain('tt: Exited (137)');
  });
});
