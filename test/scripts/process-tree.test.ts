/**
 * test-all's stop of a timed-out step (scripts/process-tree.mjs): a step whose descendant
 * started a process group of its own (as Playwright spawns its preview server) and whose
 * runner died first must not leave that descendant holding its port. Linux only (/proc).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { living, recordTree, signalTree } from '../../scripts/process-tree.mjs';

/** A runner that starts a detached server on a free port and prints `<server pid> <port>`. */
const RUNNER = `
const { spawn } = require('node:child_process');
const server = spawn(process.execPath, ['-e', "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => console.log(process.pid + ' ' + s.address().port))"], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
server.stdout.pipe(process.stdout);
setInterval(() => {}, 1000);
`;

const started: ChildProcess[] = [];
let strays: number[] = [];

async function startStep(): Promise<{ runner: ChildProcess; server: number; port: number }> {
  const runner = spawn(process.execPath, ['-e', RUNNER], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  started.push(runner);
  const line = await new Promise<string>((resolve) => runner.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
  const [server, port] = line.split(' ').map(Number) as [number, number];
  strays.push(server);
  return { runner, server, port };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean | Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 50 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
  return check();
}

/** Whether something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

afterEach(() => {
  for (const pid of strays) if (alive(pid)) process.kill(pid, 'SIGKILL');
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  strays = [];
});

describe.skipIf(!existsSync('/proc/self/stat'))('stopping a step’s process tree', () => {
  it('a group-wide signal alone leaves a descendant of its own group holding its port', async () => {
    const { runner, server, port } = await startStep();
    process.kill(-runner.pid!, 'SIGKILL');
    await until(() => !alive(runner.pid!));
    expect(alive(server)).toBe(true);
    expect(await listening(port)).toBe(true);
  });

  it('the tree recorded while whole is stopped after its runner died, port and all', async () => {
    const { runner, server, port } = await startStep();
    const tree = recordTree(runner.pid!);
    expect([...tree.keys()]).toEqual(expect.arrayContaining([runner.pid, server]));
    process.kill(-runner.pid!, 'SIGKILL'); // the runner goes first; the server is reparented
    await until(() => !alive(runner.pid!));
    expect(living(tree).map(([pid]) => pid)).toEqual([server]);
    expect(signalTree(tree, 'SIGTERM')).toBe(1);
    expect(await until(() => living(tree).length === 0)).toBe(true);
    // The leader shows as a zombie while its other threads still close its sockets: the port frees a moment later.
    expect(await until(async () => !(await listening(port)))).toBe(true);
    expect(signalTree(tree, 'SIGKILL')).toBe(0);
  });

  it('a recorded pid that now names another process is left alone', () => {
    const tree = new Map([[process.pid, { start: 'not its start time', pgid: process.pid }]]);
    expect(signalTree(tree, 'SIGTERM')).toBe(0);
    expect(living(tree)).toEqual([]);
  });
});
