/**
 * The main shell of `docker run -it IMAGE sh` is the container's PID 1: `exit`
 * typed there ends the container, recorded as `docker attach C # exit N`
 * (src/sim/shell/console.ts). `docker attach` itself and its client errors.
 */
import { describe, expect, it } from 'vitest';
import { attachExitLine, parseAttachExit } from '../../src/sim/shell/console.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';

function host(tty = true) {
  const sim = new Simulator({ tty, images: 'playground' });
  const line = (l: string) => sim.runScriptLine(l);
  const status = () => line('docker ps -a --format "{{.Names}} {{.Status}}"').stdout;
  const ip = (name: string) => line(`docker inspect -f "{{.NetworkSettings.IPAddress}}" ${name}`).stdout.trim();
  return { sim, line, status, ip };
}

describe('exit in the main shell of docker run -it', () => {
  it('ends the container with the status: Exited (N), its veth and address released for the next one', () => {
    const { sim, line, status, ip } = host();
    expect(line('docker run -it --name tt busybox sh').session).toEqual({ container: 'tt', shell: 'sh', main: true });
    const before = ip('tt');
    expect(before).toBe('172.17.0.2');
    expect(line('ip -br link show master docker0').stdout).toMatch(/^veth\w+@if2 /);
    const rules = () => sim.kernel.netns('host')!.netfilter.save([], 4, 0).stdout;
    expect(rules()).toContain(`-d ${before}/32`);

    expect(line('docker attach tt # exit 3')).toEqual({ stdout: '', stderr: '', exitCode: 3 });
    expect(status()).toBe('tt Exited (3) Less than a second ago\n');
    expect(line('docker inspect -f "{{.State.Status}} {{.State.ExitCode}}" tt').stdout).toBe('exited 3\n');
    expect(line('ip -br link show master docker0').stdout).toBe('');
    expect(rules()).not.toContain(`-d ${before}/32`);
    line('docker run -itd --name next busybox');
    expect(ip('next')).toBe(before);
  });

  it('a bare exit is status 0 here (the recorded line always carries the status); with --rm the container goes', () => {
    const { line, status } = host();
    line('docker run -it --name plain busybox sh');
    expect(line('docker attach plain # exit').exitCode).toBe(0);
    line('docker run -it --rm --name gone busybox sh');
    expect(line(attachExitLine('gone', 0)).exitCode).toBe(0);
    expect(status()).toBe('plain Exited (0) Less than a second ago\n');
    expect(line('docker inspect gone')).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('No such object: gone') });
  });

  it('works on the shell of a detached -itd container too, and fails like docker attach where that cannot reach a shell', () => {
    const { line, status } = host();
    line('docker run -itd --name bg busybox');
    expect(line('docker attach bg')).toMatchObject({ exitCode: 0, session: { container: 'bg', shell: 'sh', main: true } });
    line('docker pause bg');
    expect(line('docker attach bg # exit 1')).toEqual({ stdout: '', stderr: 'You cannot attach to a paused container, unpause it first\n', exitCode: 1 });
    line('docker unpause bg');
    expect(line('docker attach bg # exit 1').exitCode).toBe(1);
    expect(line('docker attach bg # exit 1')).toEqual({ stdout: '', stderr: 'You cannot attach to a stopped container, start it first\n', exitCode: 1 });
    expect(line('docker attach nosuch # exit 1')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such container: nosuch\n', exitCode: 1 });
    line('docker run -d --name web httpd');
    expect(line('docker attach web # exit 0')).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/^vethlab: docker attach is simulated for a shell started with -it/) });
    expect(status()).toBe('web Up Less than a second\nbg Exited (1) Less than a second ago\n');
    // A script without a terminal (vethlab run) cannot attach to a TTY.
    const script = host(false);
    script.line('docker run -itd --name bg busybox');
    expect(script.line('docker attach bg # exit 0')).toEqual({ stdout: '', stderr: 'the input device is not a TTY\n', exitCode: 1 });
    expect(script.status()).toBe('bg Up Less than a second\n');
  });

  it('an exec’d shell is not the main process: only run -it and attach sessions are', () => {
    const { line } = host();
    line('docker run -itd --name bg busybox');
    expect(line('docker exec -it bg sh').session).toEqual({ container: 'bg', shell: 'sh' });
    expect(line('docker attach').stderr).toContain("'docker attach' requires 1 argument"); // golden 43
  });
});

describe('the recorded line', () => {
  it('reads back exactly, and only in its own form', () => {
    expect(attachExitLine('tt', 3)).toBe('docker attach tt # exit 3');
    expect(attachExitLine('tt', 256)).toBe('docker attach tt # exit 0');
    expect(parseAttachExit('docker attach tt # exit 3')).toEqual({ container: 'tt', status: 3 });
    expect(parseAttachExit('docker attach tt # exit')).toEqual({ container: 'tt', status: 0 });
    expect(parseAttachExit('docker attach tt')).toBeUndefined();
    expect(parseAttachExit('docker attach tt # exit 3; rm -rf /')).toBeUndefined();
    expect(parseAttachExit("docker exec tt sh -c 'exit 3'")).toBeUndefined();
  });
});
