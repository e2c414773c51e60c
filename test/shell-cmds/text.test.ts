import { scratchFs } from '../../src/sim/shell/fs.ts';
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/sim/net/index.ts';
import { cutCommand, headCommand, wcCommand } from '../../src/sim/shell/text-cmds.ts';
import { grepCommand as grepFamily } from '../../src/sim/shell/grep-cmd.ts';

const grepCommand = grepFamily('grep');
import type { Command } from '../../src/sim/shell/types.ts';

const run = (cmd: Command, argv: string[], stdin: string) => cmd(argv, { kernel: new Kernel(), netns: 'x', stdin, env: {}, userland: 'debian', fs: scratchFs() });

describe('text tools as coreutils and grep print them', () => {
  it('cuts fields and characters', () => {
    expect(run(cutCommand, ['-d@', '-f1'], 'veth1a2b3c4@if2 rest\n').stdout).toBe('veth1a2b3c4\n');
    expect(run(cutCommand, ['-d', ' ', '-f2'], '6: vethabc@if2: <UP>\n').stdout).toBe('vethabc@if2:\n');
    expect(run(cutCommand, ['-c1-5'], 'abcdef0123\n').stdout).toBe('abcde\n');
  });

  it('heads, counts and greps', () => {
    expect(run(headCommand, ['-2'], 'a\nb\nc\n').stdout).toBe('a\nb\n');
    expect(run(wcCommand, [], 'a b\nc\n').stdout).toBe('      2       3       6\n');
    expect(run(wcCommand, ['-l'], 'a b\nc\n').stdout).toBe('2\n');
    expect(run(grepCommand, ['-cE', '^[a-z]+_[a-z]+[0-9]*$'], 'brave_turing\nweb\n')).toMatchObject({ stdout: '1\n', exitCode: 0 });
    expect(run(grepCommand, ['nope'], 'a\n')).toMatchObject({ stdout: '', exitCode: 1 });
  });
});
