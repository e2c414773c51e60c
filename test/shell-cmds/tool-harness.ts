/**
 * Runs the everyday tools (toolbox.ts) outside a simulator, on a small file
 * tree under /work (the same tree the expected outputs were taken from, with
 * GNU's tools and busybox 1.35 on a Debian 12 machine): a.txt, d/p.txt,
 * d/sub/q.conf, empty, nonl. Each run gets a fresh copy of the tree.
 */
import { Kernel } from '../../src/sim/net/index.ts';
import { imageTree, LayeredFs, type FileSystem } from '../../src/sim/shell/fs.ts';
import { toolbox } from '../../src/sim/shell/toolbox.ts';
import type { Command, CommandOutput } from '../../src/sim/shell/types.ts';

export const FILES: Record<string, string> = {
  '/work/a.txt': 'alpha one\nbeta two\ngamma three\nalpha four\n',
  '/work/d/p.txt': 'x:1:root\ny:2:daemon\nz:3:bin\n',
  '/work/d/sub/q.conf': 'deep\nalpha\n',
  '/work/empty': '',
  '/work/nonl': 'no newline',
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
  '/etc/group': 'root:x:0:\nnogroup:x:65534:\n',
};

export type Userland = 'debian' | 'busybox';

export function freshFs(): FileSystem {
  return new LayeredFs(imageTree(FILES, ['/tmp']), new Map(), { read: () => undefined, list: () => [] }, '/work');
}

function table(userland: Userland): Map<string, Command> {
  const tools: Map<string, Command> = new Map(
    toolbox({
      program: (name) => tools.get(name),
      executables: () => new Set(['/usr/bin/awk', '/bin/awk', '/usr/bin/sh', '/bin/sh', '/usr/sbin/ip']),
      hostname: () => 'box',
      signal: (pid) => (pid === 1 ? 'ok' : 'none'),
      ls: { mtime: () => Date.UTC(2026, 10, 23, 21, 17, 58) },
      voice: userland === 'busybox' ? { kill: 'busybox', printf: 'busybox' } : { kill: 'dash', printf: 'coreutils' },
    }),
  );
  return tools;
}

/** argv[0] run in `userland` with `stdin`, on a fresh tree (or `fs`). */
export function run(userland: Userland, argv: string[], stdin = '', fs = freshFs()): CommandOutput {
  const [name, ...args] = argv as [string, ...string[]];
  const command = table(userland).get(name);
  if (!command) throw new Error(`no tool ${name}`);
  const kernel = new Kernel();
  const out = command(args, { kernel, netns: 'x', stdin, env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' }, userland, fs });
  return { stdout: out.stdout, stderr: out.stderr, exitCode: out.exitCode };
}
