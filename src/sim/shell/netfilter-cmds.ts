/**
 * Host tools over the kernel model's per-namespace state: iptables, ip6tables,
 * iptables-save, iptables-restore (each namespace's Netfilter answers in
 * iptables 1.8.9's words) and procps' sysctl.
 */
import type { Command, CommandContext, CommandOutput } from './types.ts';
import { fail, ok } from './types.ts';

function netfilterOf(ctx: CommandContext) {
  return ctx.kernel.netns(ctx.netns)?.netfilter;
}

const NO_NAMESPACE: CommandOutput = fail('Cannot open network namespace: No such file or directory\n', 1);

export const iptablesCommand =
  (family: 4 | 6): Command =>
  (argv, ctx) => netfilterOf(ctx)?.iptables(argv, family) ?? NO_NAMESPACE;

export const iptablesSaveCommand =
  (family: 4 | 6): Command =>
  (argv, ctx) => netfilterOf(ctx)?.save(argv, family, ctx.kernel.now) ?? NO_NAMESPACE;

export const iptablesRestoreCommand =
  (family: 4 | 6): Command =>
  (argv, ctx) => netfilterOf(ctx)?.restore(argv, ctx.stdin, family) ?? NO_NAMESPACE;

const SYSCTL_USAGE = `
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -A                   alias of -a
  -X                   alias of -a
      --deprecated     include deprecated parameters to listing
      --dry-run        Print the key and values but do not write
  -b, --binary         print value without new line
  -e, --ignore         ignore unknown variables errors
  -N, --names          print variable names without values
  -n, --values         print only values of the given variable(s)
  -p, --load[=<file>]  read values from file
  -f                   alias of -p
      --system         read values from all system directories
  -r, --pattern <expression>
                       select setting that match expression
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable
  -o                   does nothing
  -x                   does nothing
  -d                   alias of -h

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see sysctl(8).
`;

/** procps-ng sysctl: `sysctl KEY...`, `-w KEY=VALUE`, `-n`, `-q`, bare `KEY=VALUE`. */
export const sysctlCommand: Command = (argv, ctx) => {
  const ns = ctx.kernel.netns(ctx.netns);
  if (!ns) return NO_NAMESPACE;
  let valuesOnly = false;
  let quiet = false;
  const keys: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-') && !arg.includes('=')) {
      for (const letter of arg.slice(1)) {
        if (letter === 'n') valuesOnly = true;
        else if (letter === 'q') quiet = true;
        // procps-ng 4.0.2 prints its usage on stdout and exits 0 for an unknown option.
        else if (letter !== 'w' && letter !== 'e') return { stdout: SYSCTL_USAGE, stderr: `sysctl: invalid option -- '${letter}'\n`, exitCode: 0 };
      }
      continue;
    }
    keys.push(arg);
  }
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const item of keys) {
    const eq = item.indexOf('=');
    const key = eq < 0 ? item : item.slice(0, eq);
    const path = `/proc/sys/${key.replace(/\./g, '/')}`;
    if (eq >= 0) {
      const value = item.slice(eq + 1);
      try {
        ctx.kernel.setSysctl(ctx.netns, key, value);
      } catch {
        stderr += `sysctl: cannot stat ${path}: No such file or directory\n`;
        exitCode = 1;
        continue;
      }
      if (!quiet) stdout += valuesOnly ? `${value}\n` : `${key} = ${value}\n`;
      continue;
    }
    const value = ns.sysctl(key);
    if (value === undefined) {
      stderr += `sysctl: cannot stat ${path}: No such file or directory\n`;
      exitCode = 1;
      continue;
    }
    stdout += valuesOnly ? `${value}\n` : `${key} = ${value}\n`;
  }
  return exitCode === 0 && stderr === '' ? ok(stdout) : { stdout, stderr, exitCode };
};
