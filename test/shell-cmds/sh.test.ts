import { describe, expect, it } from 'vitest';
import { parse, runShell } from '../../src/sim/shell/sh.ts';
import type { Command } from '../../src/sim/shell/types.ts';
import { Kernel } from '../../src/sim/net/index.ts';

const kernel = new Kernel();
kernel.addNetns('h');
const commands: Record<string, Command> = {
  upper: (_a, ctx) => ({ stdout: ctx.stdin.toUpperCase(), stderr: '', exitCode: 0 }),
  args: (a) => ({ stdout: `${a.map((x) => `[${x}]`).join('')}\n`, stderr: '', exitCode: 0 }),
  fail: () => ({ stdout: '', stderr: 'boom\n', exitCode: 4 }),
  env: (_a, ctx) => ({ stdout: `${ctx.env.X ?? ''}\n`, stderr: '', exitCode: 0 }),
};
const sh = (line: string, userland: 'debian' | 'busybox' = 'debian') => runShell(line, { resolve: (n) => commands[n], context: { kernel, netns: 'h', userland } });

describe('the shell', () => {
  it('splits words with quotes, escapes and substitutions as POSIX sh does', () => {
    expect(sh(`args a 'b c' "d $X e" f\\ g`).stdout).toBe('[a][b c][d  e][f g]\n');
    expect(sh('X=1; args "$X" ${X}x $(echo p q) "$(echo r s)"').stdout).toBe('[1][1x][p][q][r s]\n');
    expect(sh('args `echo tick`').stdout).toBe('[tick]\n');
  });

  it('pipes, and runs && and || by exit status, with $?', () => {
    expect(sh('echo abc | upper').stdout).toBe('ABC\n');
    expect(sh('fail && echo no || echo yes').stdout).toBe('yes\n');
    expect(sh('fail; echo $?')).toMatchObject({ stdout: '4\n', stderr: 'boom\n', exitCode: 0 });
    expect(sh('X=2 env').stdout).toBe('2\n');
    expect(sh('fail 2>&1 | upper').stdout).toBe('BOOM\n');
    expect(sh('echo a; exit 3; echo b')).toMatchObject({ stdout: 'a\n', exitCode: 3 });
  });

  it('reports unknown commands and syntax errors in each shell’s words', () => {
    expect(sh('nosuch')).toEqual({ stdout: '', stderr: 'sh: 1: nosuch: not found\n', exitCode: 127, traces: [] });
    expect(sh('nosuch', 'busybox').stderr).toBe('sh: nosuch: not found\n');
    expect(sh("echo 'open")).toMatchObject({ stderr: 'sh: 1: Syntax error: Unterminated quoted string\n', exitCode: 2 });
    expect(() => parse('a | | b')).toThrow();
  });
});
