/**
 * `--pid host` beyond golden run-pid-uts-ipc (whose rig host's process list is that
 * machine's own): busybox ps in the container lists the Docker host's processes,
 * the same table the host's ps shows (dockerd, containerd, each container's shim and
 * main process), with ps itself as the newest.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

describe('docker run --pid host', () => {
  it("lists the host's processes, other containers' included", () => {
    const s = new Simulator({ seed: 1 });
    const run = (line: string) => s.runScriptLine(line);
    run('docker run -d --name other busybox sleep 100');
    const out = run('docker run --rm --pid host busybox ps -o args').stdout.split('\n');
    expect(out[0]).toBe('COMMAND');
    expect(out).toContain('/usr/sbin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock');
    expect(out).toContain('sleep 100');
    expect(out.filter((l) => l !== '').pop()).toBe('ps -o args');
    // Its own namespace: only its main process and ps.
    expect(run('docker run --rm busybox sh -c "ps -o args"').stdout).toBe('COMMAND\nsh -c ps -o args\nps -o args\n');
  });
});
