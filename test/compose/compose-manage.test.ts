/**
 * `docker compose kill`, `rm`, `top` and `images` beyond the golden
 * compose-manage (recorded without a terminal): rm's question on a terminal,
 * rm --stop, a signal vethlab does not model, one-off containers in kill, top
 * and images, and images of a pulled image (never tagged: Compose's CREATED
 * reads Go's zero time).
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const FILE = 'services:\\n  web:\\n    image: httpd\\n  worker:\\n    image: busybox\\n    command: sleep 3600\\n';

function world(opts: { tty?: boolean; images?: 'rig' | 'playground' } = {}): (line: string) => ReturnType<Simulator['runScriptLine']> {
  const sim = new Simulator({ tty: opts.tty ?? false, ...(opts.images ? { images: opts.images } : {}) });
  const run = (line: string) => {
    const out = sim.runScriptLine(line);
    sim.kernel.advance(1000);
    return out;
  };
  run('mkdir -p /srv/m');
  run(`printf '${FILE}' > /srv/m/compose.yaml`);
  run('docker compose -f /srv/m/compose.yaml --progress quiet up -d');
  return run;
}

describe('docker compose kill, rm, top, images', () => {
  it('asks to confirm rm on a terminal, says it cannot take the answer, and removes nothing', () => {
    const run = world({ tty: true });
    run('docker compose -f /srv/m/compose.yaml kill worker');
    const out = run('docker compose -f /srv/m/compose.yaml rm');
    expect(out).toMatchObject({ exitCode: 0, stdout: 'Going to remove m-worker-1\n', stderr: expect.stringMatching(/^vethlab: Compose would ask to confirm here/) });
    expect(run("docker ps -a --format '{{.Names}}'").stdout).toBe('m-worker-1\nm-web-1\n');
  });

  it('rm --stop stops the service first, then removes it', () => {
    const run = world();
    const out = run('docker compose -f /srv/m/compose.yaml rm -s -f web');
    expect(out.stdout).toBe('Going to remove m-web-1\n');
    expect(out.stderr).toBe(' Container m-web-1  Stopping\n Container m-web-1  Stopped\n Container m-web-1  Removing\n Container m-web-1  Removed\n');
    expect(run("docker ps -a --format '{{.Names}}'").stdout).toBe('m-worker-1\n');
  });

  it('kills with SIGKILL (137) and refuses signals it does not model, changing nothing', () => {
    const run = world();
    expect(run('docker compose -f /srv/m/compose.yaml kill -s TERM web')).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/^vethlab: docker compose kill -s TERM is not modelled/) });
    expect(run("docker ps --format '{{.Names}}'").stdout).toBe('m-worker-1\nm-web-1\n');
    expect(run('docker compose -f /srv/m/compose.yaml kill -s 9 web').stderr).toBe(' Container m-web-1  Killing\n Container m-web-1  Killed\n');
    expect(run("docker ps -a --format '{{.Names}} {{.Status}}' --filter name=m-web-1").stdout).toMatch(/^m-web-1 Exited \(137\) /);
  });

  it("top's UID is the host's name for the uid, as docker top prints it", () => {
    // Golden compose-top-user: the daemon's ps -ef on the host names uid 1000 by the rig machine's
    // own account, in compose top as in docker top; a uid the host has no account for stays a number.
    const run = world();
    run("printf 'services:\\n  staff:\\n    image: busybox\\n    command: sleep 3600\\n    user: \"1000\"\\n  app:\\n    image: busybox\\n    command: sleep 3600\\n    user: \"4242\"\\n' > /srv/m/users.yaml");
    run('docker compose -f /srv/m/users.yaml -p u --progress quiet up -d');
    run("echo 'deploy:x:1000:1000::/home/deploy:/bin/bash' >> /etc/passwd");
    const uids = (text: string, column: number) => text.trim().split('\n').slice(1).map((l) => l.split(/ +/)[column]);
    expect(uids(run('docker compose -f /srv/m/users.yaml -p u top').stdout, 2)).toEqual(['4242', 'deploy']);
    expect(uids(run('docker top u-staff-1').stdout, 0)).toEqual(['deploy']);
    expect(uids(run('docker top u-app-1').stdout, 0)).toEqual(['4242']);
  });

  it('counts a one-off in top and images, and kill takes it too', () => {
    const run = world();
    run('docker compose -f /srv/m/compose.yaml run -d --name once worker');
    const top = run('docker compose -f /srv/m/compose.yaml top worker').stdout.split('\n');
    expect(top[0]).toMatch(/^SERVICE +# +UID +PID +PPID +C +STIME +TTY +TIME +CMD$/);
    expect(top.slice(1, 3).map((l) => l.replace(/ +\d+ +\d+ +/, ' PIDS '))).toEqual(['worker   1   root PIDS 0   00:00  ?    00:00:00  sleep 3600', 'worker       root PIDS 0   00:00  ?    00:00:00  sleep 3600']);
    expect(run('docker compose -f /srv/m/compose.yaml images worker').stdout.split('\n').map((l) => l.split(/ {2,}/)[0])).toEqual(['CONTAINER', 'm-worker-1', 'once', '']);
    expect(run('docker compose -f /srv/m/compose.yaml kill worker').stderr).toBe(' Container m-worker-1  Killing\n Container once  Killing\n Container m-worker-1  Killed\n Container once  Killed\n');
  });

  it('shows a pulled image as Compose does: tag kept, CREATED from the zero tag time', () => {
    const sim = new Simulator({ images: 'playground' });
    sim.runScriptLine('mkdir -p /srv/p');
    sim.runScriptLine(`printf 'services:\\n  web:\\n    image: nginx:1.27-alpine\\n' > /srv/p/compose.yaml`);
    expect(sim.runScriptLine('docker compose -f /srv/p/compose.yaml --progress quiet up -d').exitCode).toBe(0);
    const row = sim.runScriptLine('docker compose -f /srv/p/compose.yaml images').stdout.split('\n')[1]!;
    expect(row.split(/ {3,}/)).toEqual(['p-web-1', 'nginx', '1.27-alpine', 'linux/amd64', expect.stringMatching(/^[0-9a-f]{12}$/), expect.stringMatching(/^\d+(\.\d+)?MB$/), '292 years ago']);
  });
});

describe('docker compose up --force-recreate and dependencies', () => {
  it('recreates the named service only, its dependencies too with --always-recreate-deps', () => {
    const sim = new Simulator();
    sim.runScriptLine('mkdir -p /srv/r');
    sim.runScriptLine(`printf 'services:\\n  web:\\n    image: httpd\\n    depends_on: [db]\\n  db:\\n    image: redis\\n' > /srv/r/compose.yaml`);
    sim.runScriptLine('docker compose -f /srv/r/compose.yaml --progress quiet up -d');
    expect(sim.runScriptLine('docker compose -f /srv/r/compose.yaml up -d --force-recreate web').stderr).toBe(' Container r-db-1  Running\n Container r-web-1  Recreate\n Container r-web-1  Recreated\n Container r-web-1  Starting\n Container r-web-1  Started\n');
    expect(sim.runScriptLine('docker compose -f /srv/r/compose.yaml up -d --force-recreate --always-recreate-deps web').stderr).toBe(' Container r-db-1  Recreate\n Container r-db-1  Recreated\n Container r-web-1  Recreate\n Container r-web-1  Recreated\n Container r-db-1  Starting\n Container r-db-1  Started\n Container r-web-1  Starting\n Container r-web-1  Started\n');
    expect(sim.runScriptLine('docker compose -f /srv/r/compose.yaml up -d --no-recreate --always-recreate-deps')).toMatchObject({ exitCode: 1, stderr: '--always-recreate-deps and --no-recreate are incompatible\n' });
  });
});
