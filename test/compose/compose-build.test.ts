/**
 * `docker compose up` of a service with `build:` (golden pending/compose-build, recorded
 * on the rig): `--build` with `--no-build` is refused before anything runs, `--no-build`
 * of a missing image gets the daemon's error, and the build itself (BuildKit on the
 * rig) is refused in one vethlab line, also when `--build` asks to rebuild an image
 * that is here. Nothing is created in any of these cases.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const FILE = 'services:\\n  tool:\\n    build: ./web\\n    command: sleep 1000\\n';

function world() {
  const sim = new Simulator({ tty: false, images: 'rig' });
  const run = (line: string) => sim.runScriptLine(line);
  run('mkdir -p /srv/cb/web');
  run(`printf 'FROM busybox\\nCMD ["sleep", "1000"]\\n' > /srv/cb/web/Dockerfile`);
  run(`printf '${FILE}' > /srv/cb/compose.yaml`);
  return run;
}

const containers = (run: ReturnType<typeof world>) => run("docker ps -a --format '{{.Names}}'").stdout;

describe('docker compose up with build:', () => {
  it('refuses --build with --no-build as Compose does', () => {
    const run = world();
    expect(run('docker compose -f /srv/cb/compose.yaml -p cb up -d --build --no-build tool')).toMatchObject({ stdout: '', stderr: '--build and --no-build are incompatible\n', exitCode: 1 });
    expect(containers(run)).toBe('');
  });

  it('--no-build of a missing image: the daemon has no such image', () => {
    const run = world();
    expect(run('docker compose -f /srv/cb/compose.yaml -p cb --progress quiet up -d --no-build tool')).toMatchObject({ stderr: 'Error response from daemon: No such image: cb-tool:latest\n', exitCode: 1 });
    expect(containers(run)).toBe('');
  });

  it('a missing image, or --build of one that is here, is refused in one vethlab line', () => {
    const run = world();
    const missing = run('docker compose -f /srv/cb/compose.yaml -p cb up -d tool');
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/^vethlab: Compose builds service "tool" with the daemon's BuildKit, which is not modelled here; build its image with docker build -t cb-tool <its context>, then run this again\n$/);
    expect(run('docker build -q -t cb-tool /srv/cb/web').exitCode).toBe(0);
    const rebuild = run('docker compose -f /srv/cb/compose.yaml -p cb up -d --build tool');
    expect(rebuild.stderr).toMatch(/then run this again without --build\n$/);
    expect(containers(run)).toBe('');
    expect(run('docker compose -f /srv/cb/compose.yaml -p cb --progress quiet up -d tool').exitCode).toBe(0);
    expect(containers(run)).toBe('cb-tool-1\n');
  });
});
