/**
 * `docker run --device` and `--init` beyond goldens run-device, run-device-more and
 * run-init: the client's parsing of a mapping (docker/cli opts parseLinuxDevice), how
 * ls shows device nodes on the host (GNU ls, as on the rig's machine) and in a
 * container (busybox), State.Error after a failed start, and --init where the daemon
 * has docker-init (the playground's world, a normal Docker install). The rig's engine
 * has none, so the successful --init is grounded in moby v28.5.2 daemon/oci_linux.go
 * (withCommonOptions: `/sbin/docker-init -- CMD...` in a private PID namespace only)
 * and tini (it forwards the stop signal to its child and exits 128 + the signal that
 * ended it).
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import { parseDevice } from '../../src/sim/shell/docker/run-values.ts';

function sim(images: 'rig' | 'playground' = 'rig') {
  const s = new Simulator({ seed: 1, images });
  return (line: string) => s.runScriptLine(line);
}

describe('docker run --device', () => {
  it('parses HOST[:CONTAINER][:PERMISSIONS] as the client does', () => {
    expect(parseDevice('/dev/net/tun')).toEqual({ pathOnHost: '/dev/net/tun', pathInContainer: '/dev/net/tun', cgroupPermissions: 'rwm' });
    expect(parseDevice('/dev/net/tun:r')).toEqual({ pathOnHost: '/dev/net/tun', pathInContainer: '/dev/net/tun', cgroupPermissions: 'r' });
    expect(parseDevice('/dev/net/tun:/dev/t')).toEqual({ pathOnHost: '/dev/net/tun', pathInContainer: '/dev/t', cgroupPermissions: 'rwm' });
    expect(parseDevice('/dev/net/tun:/dev/t:rw')).toEqual({ pathOnHost: '/dev/net/tun', pathInContainer: '/dev/t', cgroupPermissions: 'rw' });
    // The client's fallthrough: a mode in the middle of three parts wins over the last one.
    expect(parseDevice('/dev/net/tun:w:rw')).toEqual({ pathOnHost: '/dev/net/tun', pathInContainer: '/dev/net/tun', cgroupPermissions: 'w' });
  });

  it('puts the host node in the container, where busybox ls -l shows its numbers in place of a size', () => {
    const run = sim();
    const out = run('docker run --rm --device /dev/fuse:/dev/f busybox ls -l /dev/f');
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^crw-rw-rw- {4}1 root {5}root {7}10, 229 \w{3} [ \d]\d \d\d:\d\d \/dev\/f\n$/);
    // A node the container did not get is not there; the default ones are.
    expect(run('docker run --rm busybox ls /dev/fuse /dev/null')).toMatchObject({ stdout: '/dev/null\n', stderr: 'ls: /dev/fuse: No such file or directory\n', exitCode: 1 });
  });

  it('lets a null device take writes without keeping them: /dev is a tmpfs, not the container layer', () => {
    const run = sim();
    run('docker run -d --name w1 --device /dev/null:/dev/mynull busybox sleep 100');
    expect(run("docker exec w1 sh -c 'echo hi > /dev/mynull; cat /dev/mynull; echo done'").stdout).toBe('done\n');
    expect(run('docker diff w1')).toMatchObject({ stdout: '', exitCode: 0 });
  });

  it('looks the host path up at each start: a missing one leaves the container created, with State.Error and exit code 128', () => {
    const run = sim();
    run('docker create --name d1 --device /dev/nosuch busybox true');
    expect(run('docker start d1')).toMatchObject({ stderr: 'Error response from daemon: error gathering device information while adding custom device "/dev/nosuch": no such file or directory\nError: failed to start containers: d1\n', exitCode: 1 });
    expect(run("docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}' d1").stdout).toBe('created 128 error gathering device information while adding custom device "/dev/nosuch": no such file or directory\n');
    // A host directory without devices, or a plain file, is not a device node.
    expect(run('docker run --rm --device /etc busybox true').stderr).toContain('adding custom device "/etc": not a device node\n');
  });

  it('clears State.Error and the exit code when a later start succeeds', () => {
    const run = sim();
    run('docker create --name target busybox sleep 100');
    run('docker create --name app --link target busybox sleep 100');
    expect(run('docker start app').exitCode).toBe(1);
    expect(run("docker inspect -f '{{.State.ExitCode}} {{.State.Error}}' app").stdout).toBe('128 Cannot link to a non running container: /target AS /app/target\n');
    run('docker start target');
    expect(run('docker start app').exitCode).toBe(0);
    expect(run("docker inspect -f '{{.State.ExitCode}} {{json .State.Error}}' app").stdout).toBe('0 ""\n');
  });

  it('keeps docker create --device in HostConfig.Devices', () => {
    const run = sim();
    expect(run('docker create --name dd --device /dev/net/tun:/dev/t:rw --device /dev/fuse busybox').exitCode).toBe(0);
    expect(run("docker inspect -f '{{json .HostConfig.Devices}}' dd").stdout).toBe('[{"PathOnHost":"/dev/net/tun","PathInContainer":"/dev/t","CgroupPermissions":"rw"},{"PathOnHost":"/dev/fuse","PathInContainer":"/dev/fuse","CgroupPermissions":"rwm"}]\n');
    run('docker create --name plain busybox');
    expect(run("docker inspect -f '{{json .HostConfig.Devices}}' plain").stdout).toBe('[]\n');
  });

  it("shows the host's nodes with GNU ls's columns: major and minor each padded to the widest", () => {
    const run = sim();
    const lines = run('ls -l /dev/null /dev/net/tun /etc/passwd').stdout.split('\n');
    // As on the rig's machine: `crw-rw-rw- 1 root root  1,   3 ...` beside `10, 200`.
    expect(lines[0]).toMatch(/^crw-rw-rw- 1 root root 10, 200 .* \/dev\/net\/tun$/);
    expect(lines[1]).toMatch(/^crw-rw-rw- 1 root root {2}1, {3}3 .* \/dev\/null$/);
    expect(lines[2]).toMatch(/^-rw-r--r-- 1 root root {6}\d\d .* \/etc\/passwd$/);
  });
});

describe('docker run --init', () => {
  it('starts on the rig when the container shares a PID namespace: the daemon adds no init then', () => {
    const run = sim();
    expect(run('docker run --rm --init --pid host busybox true')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(run('docker run --rm --init busybox true').exitCode).toBe(127);
  });

  it('runs docker-init as PID 1 with the command as its child where the daemon has it', () => {
    const run = sim('playground');
    expect(run('docker run --rm --init busybox ps').stdout).toBe('PID   USER     COMMAND\n    1 root     /sbin/docker-init -- ps\n    7 root     ps\n');
    run('docker run -d --name i1 --init alpine sleep 100');
    expect(run('docker exec i1 ps').stdout).toBe('PID   USER     COMMAND\n    1 root     /sbin/docker-init -- sleep 100\n    7 root     sleep 100\n    8 root     ps\n');
    expect(run("docker inspect -f '{{json .HostConfig.Init}} {{.State.Status}}' i1").stdout).toBe('true running\n');
    // docker top lists the container's whole tree: tini and its child.
    const top = run('docker top i1').stdout.split('\n').filter(Boolean).map((l) => l.split(/\s{2,}/).pop());
    expect(top.slice(1)).toEqual(['/sbin/docker-init -- sleep 100', 'sleep 100']);
  });

  it('lets docker stop end the command at once with its stop signal (tini forwards it); without it PID 1 ignores SIGTERM until the timeout', () => {
    const run = sim('playground');
    run('docker run -d --name with --init alpine sleep 100');
    run('docker run -d --name without alpine sleep 100');
    run('docker run -d --name killed --init --stop-signal SIGKILL alpine sleep 100');
    run('docker run -d --name short --stop-timeout 3 alpine sleep 100');
    run('docker stop with without killed');
    // `without` took the daemon's 10 s before its SIGKILL; `with` was done before that, `killed` right after.
    expect(run("docker ps -a --filter name=with --filter name=killed --format '{{.Names}} {{.Status}}'").stdout).toBe('killed Exited (137) Less than a second ago\nwithout Exited (137) Less than a second ago\nwith Exited (143) 10 seconds ago\n');
    const clock = () => Number(run('date +%s').stdout);
    const before = clock();
    run('docker stop short');
    expect(clock() - before).toBe(3);
    run('docker start short');
    const again = clock();
    run('docker stop -t 1 short');
    expect(clock() - again).toBe(1);
  });
});
