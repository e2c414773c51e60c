import { scratchFs } from '../../src/sim/shell/fs.ts';
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
const sh = (line: string, userland: 'debian' | 'busybox' = 'debian') => runShell(line, { resolve: (n) => commands[n], context: { kernel, netns: 'h', userland, fs: scratchFs() } });

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

describe('redirections, test and parameter forms', () => {
  it('writes, appends and reads files, and duplicates fds', () => {
    const fsShell = (line: string, userland: 'debian' | 'busybox' = 'debian') => {
      const fs = scratchFs();
      const out = runShell(line, { resolve: (n) => commands[n], context: { kernel, netns: 'h', userland, fs } });
      return { out, fs };
    };
    const { out, fs } = fsShell('echo a > /tmp/x; echo b >> /tmp/x; upper < /tmp/x; fail 2> /tmp/err');
    expect(out).toMatchObject({ stdout: 'A\nB\n', stderr: '', exitCode: 4 });
    expect(fs.read('/tmp/err')).toBe('boom\n');
    expect(fsShell('echo to stderr >&2').out).toMatchObject({ stdout: '', stderr: 'to stderr\n' });
    expect(fsShell('fail 2>&1 >/dev/null').out).toMatchObject({ stdout: 'boom\n', stderr: '' });
    expect(fsShell('upper < /nope').out).toMatchObject({ stderr: 'sh: 1: cannot open /nope: No such file\n', exitCode: 2 });
    expect(fsShell('upper < /nope', 'busybox').out).toMatchObject({ stderr: "sh: can't open /nope: no such file\n", exitCode: 1 });
    expect(fsShell('echo a >&3').out).toMatchObject({ stderr: 'sh: 1: 3: Bad file descriptor\n', exitCode: 2 });
  });

  it('evaluates test and [ with dash’s and busybox’s errors', () => {
    expect(sh('test a = a && echo same; [ 1 -lt 2 ] && echo less; [ -n "" ] || echo empty').stdout).toBe('same\nless\nempty\n');
    expect(sh('test ! -d /tmp -o -d /tmp; echo $?').stdout).toBe('0\n');
    expect(sh('test 1 -eq x')).toMatchObject({ stderr: 'sh: 1: test: Illegal number: x\n', exitCode: 2 });
    expect(sh('test 1 -eq x', 'busybox')).toMatchObject({ stderr: 'sh: x: bad number\n', exitCode: 2 });
    expect(sh('[ a = a')).toMatchObject({ stderr: 'sh: 1: [: missing ]\n', exitCode: 2 });
    expect(sh('[ a = a', 'busybox')).toMatchObject({ stderr: 'sh: missing ]\n', exitCode: 2 });
    expect(sh('test -q a', 'busybox').stderr).toBe('sh: a: unknown operand\n');
    expect(sh('test 1 -eq').stderr).toBe('sh: 1: test: -eq: argument expected\n');
  });

  it('expands ${#X}, ${X:-word} and $0', () => {
    expect(sh('X=hello; echo ${#X} ${Y:-def} ${X:+set} $0').stdout).toBe('5 def set sh\n');
    expect(sh('echo ${a b}')).toMatchObject({ stderr: 'sh: 1: Bad substitution\n', exitCode: 2 });
    expect(sh('echo ${a b}', 'busybox')).toMatchObject({ stderr: 'sh: syntax error: bad substitution\n', exitCode: 2 });
  });
});

describe('the working directory', () => {
  it('follows cd for relative paths, $PWD and pwd, and refuses a missing directory', () => {
    const fs = scratchFs();
    const run = (line: string) => runShell(line, { resolve: (n) => commands[n], context: { kernel, netns: 'h', userland: 'busybox', fs } });
    expect(run('cd /tmp && echo hi > f && pwd && echo $PWD').stdout).toBe('/tmp\n/tmp\n');
    expect(fs.read('/tmp/f')).toBe('hi\n');
    expect(run('cd /nope')).toMatchObject({ stderr: "sh: cd: line 0: can't cd to /nope: No such file or directory\n", exitCode: 2 });
  });
});
