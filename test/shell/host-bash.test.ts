/**
 * The playground's host tab is the Docker host's terminal, and a Docker host's terminal
 * is bash: bash's words and statuses there (goldens host-bash-interactive and
 * host-bash-words, recorded on the rig with `bash -ic` and `bash -c`, since the rig has no
 * terminal), while a golden's host line stays record.sh's `sh -c` (dash). The dialect
 * belongs to the session: the host tab's, an image's bash tab, or a `bash -c` line.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/scenario/scenario.ts';
import { hostPrompt, shellLineOf } from '../../src/sim/shell/console.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const said = (out: { stdout: string; stderr: string; exitCode: number }) => ({ stdout: out.stdout, stderr: out.stderr, exitCode: out.exitCode });

describe('the host tab speaks bash', () => {
  it('words a missing command, cd, syntax errors and a file that is no program as an interactive bash does', () => {
    const sim = createSimulator();
    const line = (text: string) => said(sim.runScriptLine(text));
    expect(line('nosuchcmd')).toEqual({ stdout: '', stderr: 'bash: nosuchcmd: command not found\n', exitCode: 127 });
    expect(line('echo $0')).toEqual({ stdout: 'bash\n', stderr: '', exitCode: 0 });
    expect(line('cd /nope')).toEqual({ stdout: '', stderr: 'bash: cd: /nope: No such file or directory\n', exitCode: 1 });
    expect(line('cd /etc/hostname')).toEqual({ stdout: '', stderr: 'bash: cd: /etc/hostname: Not a directory\n', exitCode: 1 });
    expect(line('echo )')).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `)'\n", exitCode: 2 });
    expect(line('if then fi')).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `then'\n", exitCode: 2 });
    expect(line('/etc/passwd')).toEqual({ stdout: '', stderr: 'bash: /etc/passwd: Permission denied\n', exitCode: 126 });
    expect(line('/nope/prog')).toEqual({ stdout: '', stderr: 'bash: /nope/prog: No such file or directory\n', exitCode: 127 });
    expect(line('type nosuchcmd')).toEqual({ stdout: '', stderr: 'bash: type: nosuchcmd: not found\n', exitCode: 1 });
    expect(line('cat < /nope')).toEqual({ stdout: '', stderr: 'bash: /nope: No such file or directory\n', exitCode: 1 });
    expect(line('echo hi > /nope/file')).toEqual({ stdout: '', stderr: 'bash: /nope/file: No such file or directory\n', exitCode: 1 });
    expect(line('echo a\\\\nb')).toEqual({ stdout: 'a\\nb\n', stderr: '', exitCode: 0 });
  });

  it('goes on after an error, keeps its state, and knows bash grammar dash lacks', () => {
    const sim = createSimulator();
    const line = (text: string) => said(sim.runScriptLine(text));
    line('x=abc');
    expect(line('nosuchcmd; echo $?')).toEqual({ stdout: '127\n', stderr: 'bash: nosuchcmd: command not found\n', exitCode: 0 });
    expect(line('echo ${x:1:1} ${x/b/B}')).toEqual({ stdout: 'b aBc\n', stderr: '', exitCode: 0 });
    expect(line('source /nope')).toEqual({ stdout: '', stderr: 'bash: /nope: No such file or directory\n', exitCode: 1 });
    expect(line('echo ${x!}')).toEqual({ stdout: '', stderr: 'bash: ${x!}: bad substitution\n', exitCode: 1 });
    expect(line('echo $x')).toEqual({ stdout: 'abc\n', stderr: '', exitCode: 0 });
  });

  it("draws Debian's root prompt with the simulated host's name", () => {
    const sim = createSimulator();
    expect(hostPrompt(sim.machineShellCwd('host'), 'dockerhost').plain).toBe('root@dockerhost:~# ');
    sim.runScriptLine('cd /tmp');
    expect(hostPrompt(sim.machineShellCwd('host'), 'dockerhost').plain).toBe('root@dockerhost:/tmp# ');
    expect(sim.runScriptLine('hostname').stdout).toBe('dockerhost\n');
  });

  it('leaves lan$ and gw$ lines to sh -c (dash), as record.sh runs them', () => {
    const sim = createSimulator();
    expect(said(sim.runScriptLine('lan$ nosuchcmd'))).toEqual({ stdout: '', stderr: 'sh: 1: nosuchcmd: not found\n', exitCode: 127 });
  });

  it('runs a sh -c typed at it as dash, and bash -c as a non-interactive bash', () => {
    const sim = createSimulator();
    expect(said(sim.runScriptLine("sh -c 'nosuchcmd'"))).toEqual({ stdout: '', stderr: 'sh: 1: nosuchcmd: not found\n', exitCode: 127 });
    expect(said(sim.runScriptLine("bash -c 'nosuchcmd'"))).toEqual({ stdout: '', stderr: 'bash: line 1: nosuchcmd: command not found\n', exitCode: 127 });
  });

  it("words an image's bash tab as an interactive bash, and its bash -c as bash -c", () => {
    const sim = createSimulator();
    const opened = sim.runScriptLine('docker run -dit --name ub ubuntu bash');
    expect(opened.exitCode).toBe(0);
    const tab = sim.runScriptLine('docker exec -it ub bash').session!;
    expect(said(sim.runScriptLine(shellLineOf({ ...tab, main: false, session: 1 }, 'nosuchcmd')))).toEqual({ stdout: '', stderr: 'bash: nosuchcmd: command not found\n', exitCode: 127 });
    expect(said(sim.runScriptLine(shellLineOf({ ...tab, main: false, session: 1 }, 'cd /nope')))).toEqual({ stdout: '', stderr: 'bash: cd: /nope: No such file or directory\n', exitCode: 1 });
    expect(said(sim.runScriptLine('docker exec ub bash -c nosuchcmd'))).toEqual({ stdout: '', stderr: 'bash: line 1: nosuchcmd: command not found\n', exitCode: 127 });
    // The image's sh is dash.
    expect(said(sim.runScriptLine('docker exec ub sh -c nosuchcmd'))).toEqual({ stdout: '', stderr: 'sh: 1: nosuchcmd: not found\n', exitCode: 127 });
  });
});

describe('a golden host line stays sh -c (dash)', () => {
  it("answers in dash's words without the interactive option", () => {
    const sim = new Simulator();
    const line = (text: string) => said(sim.runScriptLine(text));
    expect(line('nosuchcmd')).toEqual({ stdout: '', stderr: 'sh: 1: nosuchcmd: not found\n', exitCode: 127 });
    expect(line('cd /nope')).toEqual({ stdout: '', stderr: "sh: 1: cd: can't cd to /nope\n", exitCode: 2 });
    expect(line('echo )')).toEqual({ stdout: '', stderr: 'sh: 1: Syntax error: ")" unexpected\n', exitCode: 2 });
    expect(line('/etc/passwd')).toEqual({ stdout: '', stderr: 'sh: 1: /etc/passwd: Permission denied\n', exitCode: 126 });
    expect(line('echo $0')).toEqual({ stdout: 'sh\n', stderr: '', exitCode: 0 });
  });
});
