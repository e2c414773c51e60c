import { describe, expect, it } from 'vitest';
import { scratchFs } from '../../src/sim/shell/fs.ts';
import { Kernel } from '../../src/sim/net/index.ts';
import { sortCommand, trCommand, uniqCommand } from '../../src/sim/shell/text-edit-cmds.ts';
import { sedCommand } from '../../src/sim/shell/sed.ts';
import type { Command } from '../../src/sim/shell/types.ts';

const run = (cmd: Command, argv: string[], stdin: string) => cmd(argv, { kernel: new Kernel(), netns: 'x', stdin, env: {}, userland: 'debian', fs: scratchFs() });

describe('sort, uniq and tr', () => {
  it('sorts bytewise, numerically, by key, reversed and unique', () => {
    expect(run(sortCommand, [], 'b\nB\na\n').stdout).toBe('B\na\nb\n');
    expect(run(sortCommand, ['-n'], '10\n9\n100\n').stdout).toBe('9\n10\n100\n');
    expect(run(sortCommand, ['-t:', '-k2', '-n'], 'a:3\nb:1\nc:2\n').stdout).toBe('b:1\nc:2\na:3\n');
    expect(run(sortCommand, ['-ru'], 'a\nb\na\n').stdout).toBe('b\na\n');
  });

  it('counts and filters adjacent duplicates', () => {
    expect(run(uniqCommand, ['-c'], 'a\na\nb\n').stdout).toBe('      2 a\n      1 b\n');
    expect(run(uniqCommand, ['-d'], 'a\na\nb\n').stdout).toBe('a\n');
  });

  it('translates, deletes and squeezes characters', () => {
    expect(run(trCommand, ['a-z', 'A-Z'], 'eth0\n').stdout).toBe('ETH0\n');
    expect(run(trCommand, ['-d', '\\r'], '+PONG\r\n').stdout).toBe('+PONG\n');
    expect(run(trCommand, ['-s', ' '], 'a   b\n').stdout).toBe('a b\n');
    expect(run(trCommand, ['[:lower:]', '[:upper:]'], 'ab\n').stdout).toBe('AB\n');
    expect(run(trCommand, ['a'], '').stderr).toBe("tr: missing operand after ‘a’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n");
  });
});

describe('sed', () => {
  it('substitutes with other delimiters, groups and flags', () => {
    expect(run(sedCommand, ['s|^/opt/d28||'], '/opt/d28/usr/sbin/docker-proxy -proto tcp\n').stdout).toBe('/usr/sbin/docker-proxy -proto tcp\n');
    expect(run(sedCommand, ['s/\\([0-9]*\\)\\.\\([0-9]*\\)/\\2.\\1/'], '17.2\n').stdout).toBe('2.17\n');
    expect(run(sedCommand, ['-E', 's/(a|b)+/[&]/g'], 'aab-cb\n').stdout).toBe('[aab]-c[b]\n');
    expect(run(sedCommand, ['s/x/y/'], 'xx\n').stdout).toBe('yx\n');
  });

  it('selects lines by number, $ and regex, with -n, p, d and q', () => {
    expect(run(sedCommand, ['-n', '2p'], 'a\nb\nc\n').stdout).toBe('b\n');
    expect(run(sedCommand, ['1d'], 'a\nb\n').stdout).toBe('b\n');
    expect(run(sedCommand, ['-n', '/^b/,$p'], 'a\nb\nc\n').stdout).toBe('b\nc\n');
    expect(run(sedCommand, ['2q'], 'a\nb\nc\n').stdout).toBe('a\nb\n');
    expect(run(sedCommand, ['/a/!d'], 'a\nb\n').stdout).toBe('a\n');
    expect(run(sedCommand, ['s/a/b'], 'a\n')).toMatchObject({ stderr: "sed: -e expression #1, char 5: unterminated `s' command\n", exitCode: 1 });
  });
});
