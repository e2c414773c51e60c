/**
 * Small process-level commands whose answers come from the machine they run on:
 * `hostname`, `env`, and `cat` of the virtual files (GNU coreutils wording on
 * the Debian hosts, busybox wording in containers).
 */
import type { Command } from './types.ts';
import { fail, ok } from './types.ts';
import { readVirtualFile, type FileContext } from './virtual-files.ts';

export function catCommand(files: FileContext): Command {
  return (argv, ctx) => {
    const paths = argv.filter((a) => a !== '--');
    if (paths.length === 0 || (paths.length === 1 && paths[0] === '-')) return ok(ctx.stdin);
    let stdout = '';
    let stderr = '';
    for (const path of paths) {
      if (path === '-') {
        stdout += ctx.stdin;
        continue;
      }
      const content = readVirtualFile(files, path);
      if (content === undefined) {
        stderr += ctx.userland === 'busybox' ? `cat: can't open '${path}': No such file or directory\n` : `cat: ${path}: No such file or directory\n`;
        continue;
      }
      stdout += content;
    }
    return stderr ? { stdout, stderr, exitCode: 1 } : ok(stdout);
  };
}

export function hostnameCommand(name: () => string): Command {
  return (argv) => (argv.length === 0 ? ok(`${name()}\n`) : fail('hostname: you must be root to change the host name\n', 1));
}

export function envCommand(env: () => string[]): Command {
  return (argv, ctx) => {
    if (argv.length > 0) return fail(ctx.userland === 'busybox' ? `env: can't execute '${argv[0]}': No such file or directory\n` : `env: '${argv[0]}': No such file or directory\n`, 127);
    return ok(env().map((e) => `${e}\n`).join(''));
  };
}
