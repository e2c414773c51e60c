/**
 * `--read-only` and `--tmpfs` beyond golden run-readonly-tmpfs: a volume mounted
 * read-write stays writable in a read-only container; a tmpfs without `size=`
 * gets the kernel's default, half the host's memory (SERVER.memTotal, 4109000704
 * bytes: 2006348 1K blocks); df says plainly what it does not model.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

describe('docker run --read-only / --tmpfs', () => {
  const sim = () => {
    const s = new Simulator({ seed: 1 });
    return (line: string) => s.runScriptLine(line);
  };

  it('keeps a read-write volume writable while the root is read-only', () => {
    const run = sim();
    expect(run("docker run --rm --read-only -v data:/data busybox sh -c 'echo kept > /data/f && cat /data/f'")).toMatchObject({ stdout: 'kept\n', exitCode: 0 });
    expect(run("docker run --rm --read-only -v data:/data busybox sh -c 'echo no > /f'")).toMatchObject({ stderr: "sh: can't create /f: Read-only file system\n", exitCode: 1 });
  });

  it("sizes a tmpfs without size= at half the host's memory, and df refuses what it does not model", () => {
    const run = sim();
    expect(run('docker run --rm --tmpfs /run busybox df /run').stdout).toBe('Filesystem           1K-blocks      Used Available Use% Mounted on\ntmpfs                  2006348         0   2006348   0% /run\n');
    expect(run('docker run --rm busybox df')).toMatchObject({ stdout: '', exitCode: 1 });
    expect(run('docker run --rm busybox df').stderr).toMatch(/^vethlab: busybox df is modelled only for --tmpfs mount points/);
    expect(run('docker run --rm --tmpfs /run busybox df /etc').stderr).toBe('vethlab: busybox df is modelled only for --tmpfs mount points (/etc is on another filesystem)\n');
  });

  it('refuses a bad --tmpfs before it creates anything', () => {
    const run = sim();
    expect(run('docker create --tmpfs /x:mode=1777,bogus=1 --name t1 busybox')).toMatchObject({ stderr: 'Error response from daemon: invalid tmpfs option "bogus"\n', exitCode: 1 });
    expect(run("docker ps -a --format '{{.Names}}'").stdout).toBe('');
  });
});
