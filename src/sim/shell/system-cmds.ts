/**
 * Small process-level commands whose answers come from the machine they run on:
 * `hostname` and `env` (GNU coreutils wording on the Debian hosts, busybox
 * wording in containers).
 */
import type { Command } from './types.ts';
import { fail, ok } from './types.ts';

export function hostnameCommand(name: () => string): Command {
  return (argv) => (argv.length === 0 ? ok(`${name()}\n`) : fail('hostname: you must be root to change the host name\n', 1));
}

export function envCommand(env: () => string[]): Command {
  return (argv, ctx) => {
    if (argv.length > 0) return fail(ctx.userland === 'busybox' ? `env: can't execute '${argv[0]}': No such file or directory\n` : `env: '${argv[0]}': No such file or directory\n`, 127);
    return ok(env().map((e) => `${e}\n`).join(''));
  };
}
