/**
 * Health checks on the virtual clock, beyond what the rig can time under load
 * (golden run-health pins the texts): moby daemon/health.go's monitor probes every
 * interval, the start interval inside the start period, keeps 5 results, does not
 * count failures inside the start period, and leaves a stopped container unhealthy.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

function sim() {
  const s = new Simulator({ seed: 1 });
  const run = (line: string) => s.runScriptLine(line);
  const at = (ms: number) => s.kernel.advance(ms);
  return { run, at };
}

const health = "docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}'";

describe('docker run --health-*', () => {
  it('probes every interval: starting, then unhealthy after the retries, the log capped at 5', () => {
    const { run, at } = sim();
    run("docker run -d --name hc --health-cmd 'exit 1' --health-interval 2s busybox sleep 1000");
    expect(run("docker ps --format '{{.Status}}'").stdout).toBe('Up Less than a second (health: starting)\n');
    at(1999);
    expect(run(`${health} hc`).stdout).toBe('starting 0 0\n');
    at(1);
    expect(run(`${health} hc`).stdout).toBe('starting 1 1\n');
    at(4000);
    // The default 3 retries: unhealthy at the third failure.
    expect(run(`${health} hc`).stdout).toBe('unhealthy 3 3\n');
    at(10_000);
    expect(run(`${health} hc`).stdout).toBe('unhealthy 8 5\n');
    expect(run("docker ps --format '{{.Status}}'").stdout).toBe('Up 16 seconds (unhealthy)\n');
  });

  it('inside the start period probes at the start interval and does not count failures', () => {
    const { run, at } = sim();
    run("docker run -d --name sp --health-cmd 'exit 1' --health-interval 10s --health-start-period 3s --health-start-interval 1s --health-retries 1 busybox sleep 1000");
    at(2000);
    expect(run(`${health} sp`).stdout).toBe('starting 0 2\n');
    at(1000);
    // The probe at 3 s is past the start period: it counts, and one retry is enough.
    expect(run(`${health} sp`).stdout).toBe('unhealthy 1 3\n');
    at(9999);
    expect(run(`${health} sp`).stdout).toBe('unhealthy 1 3\n');
    at(1);
    expect(run(`${health} sp`).stdout).toBe('unhealthy 2 4\n');
  });

  it('a probe that succeeds makes it healthy; a stopped container reads unhealthy and starts again as starting', () => {
    const { run, at } = sim();
    run("docker run -d --name ok --health-cmd 'echo fine' --health-interval 1s busybox sleep 1000");
    at(1000);
    expect(run("docker inspect -f '{{.State.Health.Status}} {{with index .State.Health.Log 0}}{{.ExitCode}} {{json .Output}}{{end}}' ok").stdout).toBe('healthy 0 "fine\\n"\n');
    expect(run("docker ps --filter health=healthy --format '{{.Names}}'").stdout).toBe('ok\n');
    run('docker stop ok');
    expect(run(`${health} ok`).stdout).toBe('unhealthy 0 1\n');
    at(5000);
    expect(run(`${health} ok`).stdout).toBe('unhealthy 0 1\n');
    run('docker start ok');
    expect(run(`${health} ok`).stdout).toBe('starting 0 1\n');
  });

  it('bad values: the client refuses them and nothing is created', () => {
    const { run } = sim();
    expect(run('docker run -d --health-retries -2 busybox').stderr).toBe("docker: --health-retries cannot be negative\n\nRun 'docker run --help' for more information\n");
    expect(run('docker create --health-timeout 10us --health-cmd true busybox').stderr).toContain('Timeout in Healthcheck cannot be less than 1ms');
    expect(run('docker ps -aq').stdout).toBe('');
  });
});
