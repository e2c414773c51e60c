/**
 * What `up` does with depends_on conditions beyond golden compose-health (recorded
 * on the rig): the errors that end it, as docker/compose v2.40's
 * pkg/compose/convergence.go words them (waitDependencies, isServiceHealthy,
 * isServiceCompleted), and env_file's missing file as compose-go's
 * types/project.go loadEnvFile does (`env file PATH not found: stat PATH: ...`).
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import { transcript } from '../shell/helpers.ts';

const run = (sim: Simulator, line: string) => transcript(sim.runScriptLine(line));

function project(yaml: string): Simulator {
  const sim = new Simulator();
  run(sim, 'mkdir -p /srv/p');
  run(sim, `cat > /srv/p/compose.yaml <<'EOF'\n${yaml}EOF`);
  return sim;
}

const DEPENDENT = `  app:
    image: busybox
    command: sleep 1000
    depends_on:
      db:
        condition: CONDITION
`;

describe('depends_on conditions that fail', () => {
  it('an unhealthy dependency ends up before the dependent starts', () => {
    const sim = project(`services:\n  db:\n    image: busybox\n    command: sleep 1000\n    healthcheck:\n      test: exit 1\n      interval: 1s\n      retries: 2\n${DEPENDENT.replace('CONDITION', 'service_healthy')}`);
    const out = run(sim, 'cd /srv/p && docker compose up -d');
    expect(out).toContain(' Container p-db-1  Started\n Container p-db-1  Waiting\n Container p-db-1  Error\ndependency failed to start: container p-db-1 is unhealthy\n[exit 1]\n');
    expect(run(sim, "docker ps -a --format '{{.Names}} {{.State}}'")).toBe('p-app-1 created\np-db-1 running\n');
  });

  it('a dependency without a healthcheck cannot become healthy', () => {
    const sim = project(`services:\n  db:\n    image: busybox\n    command: sleep 1000\n${DEPENDENT.replace('CONDITION', 'service_healthy')}`);
    expect(run(sim, 'cd /srv/p && docker compose up -d')).toContain(' Container p-db-1  Waiting\n Container p-db-1  Error\ndependency failed to start: container p-db-1 has no healthcheck configured\n[exit 1]\n');
  });

  it('service_completed_successfully waits for the one-shot to exit 0, and names a failed one', () => {
    const ok = project(`services:\n  db:\n    image: busybox\n    command: sleep 2\n${DEPENDENT.replace('CONDITION', 'service_completed_successfully')}`);
    expect(run(ok, 'cd /srv/p && docker compose up -d')).toContain(' Container p-db-1  Waiting\n Container p-db-1  Exited\n Container p-app-1  Starting\n Container p-app-1  Started\n');
    const failed = project(`services:\n  db:\n    image: busybox\n    command: sh -c 'exit 3'\n${DEPENDENT.replace('CONDITION', 'service_completed_successfully')}`);
    expect(run(failed, 'cd /srv/p && docker compose up -d')).toContain(` Container p-db-1  Waiting\n Container p-db-1  service "db" didn't complete successfully: exit 3\nservice "db" didn't complete successfully: exit 3\n[exit 1]\n`);
  });

  it('a healthcheck disabled is Test NONE; a string test runs in the shell', () => {
    const sim = project(`services:\n  off:\n    image: busybox\n    command: sleep 1000\n    healthcheck:\n      disable: true\n  on:\n    image: busybox\n    command: sleep 1000\n    healthcheck:\n      test: test -d /etc\n      interval: 1s\n`);
    run(sim, 'cd /srv/p && docker compose up -d');
    run(sim, 'sleep 2');
    expect(run(sim, "docker inspect -f '{{json .Config.Healthcheck}}' p-off-1 p-on-1")).toBe('{"Test":["NONE"]}\n{"Test":["CMD-SHELL","test -d /etc"],"Interval":1000000000}\n');
    expect(run(sim, "docker ps --format '{{.Names}} {{.Status}}'")).toMatch(/^p-on-1 Up \d+ seconds \(healthy\)\np-off-1 Up \d+ seconds\n$/);
  });
});

describe('env_file', () => {
  it('a missing required file ends the load; required: false skips it', () => {
    const sim = project(`services:\n  app:\n    image: busybox\n    command: sleep 1000\n    env_file: missing.env\n`);
    expect(run(sim, 'cd /srv/p && docker compose up -d')).toBe('env file /srv/p/missing.env not found: stat /srv/p/missing.env: no such file or directory\n[exit 1]\n');
    expect(run(sim, "docker ps -a --format '{{.Names}}'")).toBe('');
    const optional = project(`services:\n  app:\n    image: busybox\n    command: sleep 1000\n    env_file:\n      - path: missing.env\n        required: false\n`);
    expect(run(optional, 'cd /srv/p && docker compose up -d')).toContain(' Container p-app-1  Started\n');
  });
});
