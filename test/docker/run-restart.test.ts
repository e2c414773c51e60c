/**
 * Restart policies at work beyond what the rig can time reliably (golden
 * run-restart pins on-failure:N, stop, kill and docker update): `always` with a
 * process that keeps failing restarts it with the daemon's backoff (moby
 * daemon/restartmanager: 100 ms, doubling), ps says `Restarting (N)` while it
 * waits, and docker stop ends it. Also the flags the simulation refuses by name.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

function sim() {
  const s = new Simulator({ seed: 1 });
  const run = (line: string) => s.runScriptLine(line);
  const at = (ms: number) => s.kernel.advance(ms);
  return { s, run, at };
}

describe('docker run --restart', () => {
  it('always: restarts a failing main process after 100, 200, 400 ... ms and shows Restarting while it waits', () => {
    const { run, at } = sim();
    expect(run("docker run -d --restart always --name loop busybox sh -c 'exit 2'").exitCode).toBe(0);
    // Each exit counts a restart and sets it due: at 0.1, 0.3, 0.7, 1.5, 3.1 s after the first exit.
    at(1000);
    expect(run("docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.Running}} {{.State.Restarting}}' loop").stdout).toBe('4 restarting true true\n');
    at(2200);
    expect(run("docker inspect -f '{{.RestartCount}}' loop").stdout).toBe('6\n');
    expect(run("docker ps --format '{{.Names}} {{.Status}} {{.State}}'").stdout).toBe('loop Restarting (2) Less than a second ago restarting\n');
    expect(run("docker ps --filter status=restarting --format '{{.Names}}'").stdout).toBe('loop\n');
    expect(run('docker stop loop')).toMatchObject({ stdout: 'loop\n', exitCode: 0 });
    at(60_000);
    expect(run("docker ps -a --format '{{.Names}} {{.Status}}'").stdout).toBe('loop Exited (2) About a minute ago\n');
    expect(run("docker inspect -f '{{.RestartCount}} {{.State.Status}}' loop").stdout).toBe('6 exited\n');
  });

  it('a main process that sleeps on the virtual clock and fails is restarted at each due moment, in time order', () => {
    const { run, at } = sim();
    run("docker run -d --restart always --name sl busybox sh -c 'sleep 1; exit 3'");
    const state = () => run("docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.StartedAt}} {{.State.FinishedAt}}' sl").stdout;
    at(1000);
    expect(state()).toBe('1 restarting 2026-11-23T22:00:00.000000000Z 2026-11-23T22:00:01.000000000Z\n');
    // Restarted at 1.1 s, its sleep runs from then: still running at 2.0 s.
    at(1000);
    expect(state()).toBe('1 running 2026-11-23T22:00:01.100000000Z 2026-11-23T22:00:01.000000000Z\n');
    // It ends at 2.1 s; the backoff has doubled to 200 ms.
    at(200);
    expect(state()).toBe('2 restarting 2026-11-23T22:00:01.100000000Z 2026-11-23T22:00:02.100000000Z\n');
    at(100);
    expect(state()).toBe('2 running 2026-11-23T22:00:02.300000000Z 2026-11-23T22:00:02.100000000Z\n');
  });

  it('docker start gives the container a new restart count', () => {
    const { run, at } = sim();
    run("docker run -d --restart on-failure:2 --name f2 busybox sh -c 'exit 1'");
    at(5000);
    expect(run("docker inspect -f '{{.RestartCount}} {{.State.Status}}' f2").stdout).toBe('2 exited\n');
    run('docker start f2');
    at(50);
    expect(run("docker inspect -f '{{.RestartCount}} {{.State.Status}}' f2").stdout).toBe('1 restarting\n');
  });

  it('a server that keeps running is not restarted, and its RestartPolicy shows', () => {
    const { run, at } = sim();
    run('docker run -d --restart unless-stopped --name web httpd');
    at(5000);
    expect(run("docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.HostConfig.RestartPolicy.Name}}' web").stdout).toBe('0 running unless-stopped\n');
  });
});

describe('flags whose behaviour is not modelled', () => {
  it('are refused by name, and nothing is created', () => {
    const { run } = sim();
    expect(run('docker run -d --device-cgroup-rule "c 10:200 rwm" busybox sleep 9')).toMatchObject({ stdout: '', stderr: 'vethlab: docker run --device-cgroup-rule is not modelled yet\n', exitCode: 125 });
    expect(run('docker create --userns host busybox')).toMatchObject({ stderr: 'vethlab: docker create --userns is not modelled yet\n', exitCode: 125 });
    expect(run('docker run --log-driver syslog busybox true')).toMatchObject({ stderr: 'vethlab: the syslog log driver is not modelled (json-file and none are)\n', exitCode: 125 });
    expect(run('docker ps -aq').stdout).toBe('');
  });

  it('limits are kept as inspect shows them', () => {
    const { run } = sim();
    run('docker run -d --memory 256m --cpus 0.5 --pids-limit 50 --shm-size 128m --name r2 busybox sleep 100');
    expect(run("docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}} {{.HostConfig.ShmSize}}' r2").stdout).toBe('268435456 500000000 50 134217728\n');
    expect(run('docker update --memory 512m --cpus 1 r2')).toMatchObject({ stdout: 'r2\n', exitCode: 0 });
    expect(run("docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}}' r2").stdout).toBe('536870912 1000000000\n');
    expect(run('docker update --memory 1m r2')).toMatchObject({ stderr: 'Error response from daemon: Minimum memory limit allowed is 6MB\n', exitCode: 1 });
  });
});
