/**
 * `docker compose run` beyond what the golden compose-run shows (it is recorded
 * without a terminal): a shell on the user's terminal opens as a session of the
 * one-off, `-t` without a terminal is refused as Compose refuses it, `--rm`
 * removes the one-off when its command ends, `--use-aliases` gives the service's
 * aliases, and flags vethlab does not model say so.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const FILE = 'services:\\n  box:\\n    image: busybox\\n    command: sleep 3600\\n    networks:\\n      default:\\n        aliases: [boxy]\\n';

function world(tty: boolean): (line: string) => ReturnType<Simulator['runScriptLine']> {
  const sim = new Simulator({ tty });
  sim.runScriptLine('mkdir -p /srv/t');
  sim.runScriptLine(`printf '${FILE}' > /srv/t/compose.yaml`);
  return (line) => sim.runScriptLine(line);
}

describe('docker compose run', () => {
  it('opens a shell on a terminal as the one-off main process, like docker run -it', () => {
    const run = world(true);
    const out = run('docker compose -f /srv/t/compose.yaml run --rm box sh');
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe(' Network t_default  Creating\n Network t_default  Created\n');
    expect(out.session).toEqual({ container: expect.stringMatching(/^t-box-run-[0-9a-f]{12}$/), shell: 'sh', main: true });
    // -T: no terminal, so the shell reads its (empty) input and ends.
    expect(run('docker compose -f /srv/t/compose.yaml run --rm -T box sh').session).toBeUndefined();
  });

  it('refuses -t when the client has no terminal', () => {
    const run = world(false);
    expect(run('docker compose -f /srv/t/compose.yaml run --rm -t box sh')).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/the input device is not a TTY\n$/) });
    expect(run('docker compose -f /srv/t/compose.yaml run --rm -t -T box sh')).toMatchObject({ exitCode: 1, stderr: "--tty and --no-TTY can't be used together\n" });
  });

  it('removes a --rm one-off when its command ends, and keeps one without', () => {
    const run = world(false);
    expect(run('docker compose -f /srv/t/compose.yaml run --rm box echo hi')).toMatchObject({ stdout: 'hi\n', exitCode: 0 });
    expect(run("docker ps -a --format '{{.Names}}'").stdout).toBe('');
    expect(run('docker compose -f /srv/t/compose.yaml run --name kept box echo hi')).toMatchObject({ stdout: 'hi\n', exitCode: 0 });
    expect(run("docker ps -a --format '{{.Names}} {{.Status}}'").stdout).toMatch(/^kept Exited \(0\) /);
    expect(run("docker compose -f /srv/t/compose.yaml ps --format '{{.Name}}'").stdout).toBe('');
    expect(run("docker compose -f /srv/t/compose.yaml ps -a --format '{{.Name}} {{.State}}'").stdout).toBe('kept exited\n');
  });

  it('gives the service name and aliases with --use-aliases only', () => {
    const run = world(false);
    run('docker compose -f /srv/t/compose.yaml run -d --name plain box');
    run('docker compose -f /srv/t/compose.yaml run -d --use-aliases --name aliased box');
    const aliases = (name: string) => run(`docker inspect -f '{{range .NetworkSettings.Networks}}{{json .Aliases}}{{end}}' ${name}`).stdout;
    expect(aliases('plain')).toBe('["plain"]\n');
    expect(aliases('aliased')).toBe('["aliased","box","boxy"]\n');
    expect(run('docker exec plain ping -c 1 boxy').stdout).toContain('PING boxy (172.18.0.3)');
  });

  it('says which flags it does not model, and leaves nothing behind', () => {
    const run = world(false);
    expect(run('docker compose -f /srv/t/compose.yaml run --rm -u nobody box id')).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/^vethlab: docker compose run --user is not modelled/m) });
    expect(run('docker compose -f /srv/t/compose.yaml run --rm -l nolabel box true')).toMatchObject({ exitCode: 1, stderr: 'label must be set as KEY=VALUE\n' });
    expect(run("docker ps -a --format '{{.Names}}'").stdout).toBe('');
  });
});
