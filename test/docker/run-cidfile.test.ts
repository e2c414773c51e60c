/**
 * `--cidfile` beyond golden run-cidfile-top: the client creates the file before it
 * asks the daemon and removes it again when no container came of the command
 * (cli/command/container/create.go, cidFile.Close), so a failed run leaves no file
 * behind to block the next one.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

describe('docker run --cidfile', () => {
  it('leaves no file when the reference is malformed or the image cannot be pulled', () => {
    const s = new Simulator({ seed: 1 });
    const run = (line: string) => s.runScriptLine(line);
    expect(run('docker run --rm --cidfile /tmp/x.cid bad::ref true')).toMatchObject({ stderr: "docker: invalid reference format\n\nRun 'docker run --help' for more information\n", exitCode: 125 });
    expect(run('ls /tmp/x.cid').exitCode).toBe(2);
    expect(run('docker run --rm --cidfile /tmp/x.cid nosuchimage:1 true').exitCode).toBe(125);
    expect(run('ls /tmp/x.cid').exitCode).toBe(2);
    const id = run('docker run -d --cidfile /tmp/x.cid busybox sleep 100').stdout.trim();
    expect(run('cat /tmp/x.cid').stdout).toBe(id);
  });

  it('keeps the ID of a container whose start failed (it was created)', () => {
    const s = new Simulator({ seed: 1 });
    const run = (line: string) => s.runScriptLine(line);
    expect(run('docker run --cidfile /tmp/n.cid --name nf busybox nosuchcommand').exitCode).toBe(127);
    expect(run('cat /tmp/n.cid').stdout).toBe(run("docker inspect -f '{{.Id}}' nf").stdout.trim());
  });
});
