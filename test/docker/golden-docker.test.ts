/**
 * The docker client against golden transcripts from the real engine, for the
 * scripts' leading lines that are plain `docker ...` commands (no shell syntax):
 * each command's normalized output and exit status must match. The full runner
 * (`vethlab run`, with the shell) will replay whole scripts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/sim/docker/engine.ts';
import { Kernel } from '../../src/sim/net/index.ts';
import { dockerCommand } from '../../src/sim/shell/docker/cli.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import { hostsFile } from '../../src/sim/docker/files.ts';
// @ts-expect-error: the shared normalizer is plain JavaScript without types.
import { normalizeTranscript } from '../fixtures/normalize.mjs';

const GOLDEN = new URL('../golden/', import.meta.url);
const PLAIN_DOCKER = /^docker [A-Za-z0-9 ._:/=,-]+$/;

/** The script's lines up to the first one this test cannot run without a shell. */
function leadingDockerLines(script: string, limit: number): string[] {
  const lines = script.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const out: string[] = [];
  for (const line of lines) {
    if (!PLAIN_DOCKER.test(line) || line.includes('--format') || line.includes(' -f ') || line.startsWith('docker exec') || line.startsWith('docker inspect')) break;
    out.push(line);
    if (out.length === limit) break;
  }
  return out;
}

function transcriptOf(lines: string[]): string {
  const sim = new Simulator();
  const docker = (argv: string[]) => sim.runOnMachine('host', ['docker', ...argv]);
  return lines
    .map((line) => {
      const r = docker(line.split(' ').slice(1));
      const body = r.stdout + r.stderr;
      return `$ ${line}\n${body}${body === '' || body.endsWith('\n') ? '' : '\n'}${r.exitCode !== 0 ? `[exit ${r.exitCode}]\n` : ''}`;
    })
    .join('');
}

function goldenBlocks(name: string, count: number): string {
  const text = readFileSync(new URL(`transcripts/${name}.txt`, GOLDEN), 'utf8');
  const blocks = text.split(/^(?=\$ )/m);
  return blocks.slice(0, count).join('');
}

const CASES: [string, number][] = [
  ['41-errors-networks', 20],
  ['15-ipam-order', 40],
  ['21-ports-forms', 20],
  ['42-errors-ports-links', 4],
  ['31-pause-stop-restart', 5],
  ['14-network-create-options', 4],
  ['12-ps-filter-format', 6],
  ['04-seed-isolation-connect', 6],
  ['26-links-default-bridge', 6],
  ['22-ports-reach', 5],
  ['33-default-route-multi-net', 4],
  ['29-container-tools', 5],
];

describe('docker commands agree with the real engine', () => {
  for (const [name, limit] of CASES) {
    it(name, () => {
      const script = readFileSync(new URL(`scripts/${name}.sh`, GOLDEN), 'utf8');
      const lines = leadingDockerLines(script, limit);
      expect(lines.length).toBeGreaterThan(2);
      const ours = normalizeTranscript(transcriptOf(lines)) as string;
      const real = normalizeTranscript(goldenBlocks(name, lines.length)) as string;
      expect(ours).toBe(real);
    });
  }
});

describe('legacy links (golden 26)', () => {
  it('gives the linking container the target’s variables and a hosts entry', () => {
    const engine = new Engine(new Kernel());
    const docker = dockerCommand(engine, { tty: false });
    for (const line of ['run -d --name redis redis', 'run -d --name web httpd', 'run -itd --name plain busybox', 'run -itd --name app --link redis:db busybox', 'run -itd --name app2 --link web busybox']) {
      expect(docker(line.split(' ')).exitCode).toBe(0);
    }
    const app = engine.findContainer('app')!;
    expect(engine.containerEnv(app)).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      `HOSTNAME=${app.id.slice(0, 12)}`,
      'DB_PORT=tcp://172.17.0.2:6379',
      'DB_PORT_6379_TCP=tcp://172.17.0.2:6379',
      'DB_PORT_6379_TCP_ADDR=172.17.0.2',
      'DB_PORT_6379_TCP_PORT=6379',
      'DB_PORT_6379_TCP_PROTO=tcp',
      'DB_NAME=/app/db',
      'HOME=/root',
    ]);
    const redis = engine.findContainer('redis')!;
    expect(hostsFile(engine, app)).toContain(`172.17.0.2\tdb ${redis.id.slice(0, 12)} redis\n172.17.0.5\t${app.id.slice(0, 12)}\n`);
    const web = engine.findContainer('web')!;
    expect(hostsFile(engine, engine.findContainer('app2')!)).toContain(`172.17.0.3\tweb ${web.id.slice(0, 12)}\n`);
  });

  it('refuses links to missing or stopped containers and malformed ones (golden 42)', () => {
    const engine = new Engine(new Kernel());
    const docker = dockerCommand(engine, { tty: false });
    expect(docker(['run', '-itd', '--name', 'l1', '--link', 'nosuch:db', 'busybox'])).toMatchObject({ exitCode: 125, stderr: "docker: Error response from daemon: could not get container for nosuch: No such container: nosuch\n\nRun 'docker run --help' for more information\n" });
    docker(['create', '--name', 'stopped', 'busybox']);
    const l2 = docker(['run', '-itd', '--name', 'l2', '--link', 'stopped:db', 'busybox']);
    expect(l2.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(l2.stderr).toBe("docker: Error response from daemon: Cannot link to a non running container: /stopped AS /l2/db\n\nRun 'docker run --help' for more information\n");
    expect(docker(['run', '-itd', '--name', 'l3', '--link', 'web:db:extra', 'busybox'])).toMatchObject({ exitCode: 125, stderr: 'invalid argument "web:db:extra" for "--link" flag: bad format for links: web:db:extra\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun \'docker run --help\' for more information\n' });
  });
});

describe('docker inspect (golden 13)', () => {
  it('prints a container on two networks exactly as Docker 28.5 does', () => {
    const setup = ['docker network create --subnet 10.10.0.0/24 net1', 'docker run -d --name web --hostname webhost -e A=1 -p 8080:80 httpd', 'docker network connect net1 web'];
    const ours = transcriptOf([...setup, 'docker inspect web']);
    const golden = readFileSync(new URL('transcripts/13-inspect-templates.txt', GOLDEN), 'utf8');
    const blocks = golden.split(/^(?=\$ )/m);
    const expected = [...blocks.slice(0, 3), blocks.find((b) => b.startsWith('$ docker inspect web\n'))!].join('');
    expect(normalizeTranscript(ours)).toBe(normalizeTranscript(expected));
  });

  it('answers an unknown object with [] and the client’s error (golden 40)', () => {
    expect(normalizeTranscript(transcriptOf(['docker inspect nosuchctr']))).toBe('$ docker inspect nosuchctr\n[]\nError: No such object: nosuchctr\n[exit 1]\n');
  });
});
