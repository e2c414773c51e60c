/**
 * Names and paths: which (PATH lookup among the executables the machine or
 * image has; debianutils' on the Debian machines, busybox's in containers),
 * basename and dirname (GNU coreutils' and busybox's, which differ in their
 * errors and in what several operands mean).
 */
import { appletUsage } from './busybox-help.ts';
import { lookPathAll } from './programs.ts';
import { isOutput, toolOptions, usageError } from './text-cmds.ts';
import type { Command } from './types.ts';
import { fail, ok } from './types.ts';

export function whichCommand(executables: () => ReadonlySet<string>): Command {
  return (argv, ctx) => {
    const busybox = ctx.userland === 'busybox';
    let all = false;
    const names: string[] = [];
    for (const a of argv) {
      if (a === '-a' && names.length === 0) all = true;
      else if (busybox && a.startsWith('-') && a.length > 1 && names.length === 0) return fail(`which: invalid option -- '${a[1]}'\n${appletUsage('which')}`, 1);
      else names.push(a);
    }
    if (names.length === 0) return busybox ? fail(appletUsage('which'), 1) : fail('', 1);
    let stdout = '';
    let missing = false;
    const set = executables();
    for (const name of names) {
      const found = lookPathAll(name, set, ctx.env.PATH);
      if (found.length === 0) missing = true;
      stdout += (all ? found : found.slice(0, 1)).map((p) => `${p}\n`).join('');
    }
    return { stdout, stderr: '', exitCode: missing ? 1 : 0 };
  };
}

/** The last component: trailing slashes dropped, `/` stays `/`. */
function base(path: string, suffix?: string): string {
  if (path === '') return '';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  let name = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  if (suffix && name !== suffix && name.endsWith(suffix)) name = name.slice(0, -suffix.length);
  return name;
}

function dir(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '.';
  const at = trimmed.lastIndexOf('/');
  if (at < 0) return '.';
  return trimmed.slice(0, at).replace(/\/+$/, '') || '/';
}

export const basenameCommand: Command = (argv, ctx) => {
  const busybox = ctx.userland === 'busybox';
  const parsed = toolOptions('basename', argv, ctx, { flags: 'az', valued: 's', long: { multiple: { key: 'a' }, suffix: { key: 's', value: 'required' }, zero: { key: 'z' } } });
  if (isOutput(parsed)) return parsed;
  const suffix = parsed.options.find(([k]) => k === 's')?.[1];
  const multiple = suffix !== undefined || parsed.options.some(([k]) => k === 'a');
  const ops = parsed.operands;
  if (ops.length === 0) return busybox ? fail(appletUsage('basename'), 1) : usageError('basename', ctx, 'basename: missing operand\n');
  if (multiple) return ok(ops.map((p) => `${base(p, suffix)}\n`).join(''));
  if (ops.length > 2) return busybox ? fail(appletUsage('basename'), 1) : usageError('basename', ctx, `basename: extra operand \u2018${ops[2]}\u2019\n`);
  return ok(`${base(ops[0]!, ops[1])}\n`);
};

export const dirnameCommand: Command = (argv, ctx) => {
  const busybox = ctx.userland === 'busybox';
  const parsed = toolOptions('dirname', argv, ctx, { flags: 'z', long: { zero: { key: 'z' } } });
  if (isOutput(parsed)) return parsed;
  const ops = parsed.operands;
  if (ops.length === 0) return busybox ? fail(appletUsage('dirname'), 1) : usageError('dirname', ctx, 'dirname: missing operand\n');
  if (busybox && ops.length > 1) return fail(appletUsage('dirname'), 1);
  return ok(ops.map((p) => `${dir(p)}\n`).join(''));
};

/**
 * /bin/pwd: the working directory (this tree has no symlinks, so -L and -P
 * agree). GNU's warns about operands and prints anyway; busybox's ignores them.
 */
export const pwdCommand: Command = (argv, ctx) => {
  const parsed = toolOptions('pwd', argv, ctx, { flags: 'LP', long: { logical: { key: 'L' }, physical: { key: 'P' } } });
  if (isOutput(parsed)) return parsed;
  const warning = parsed.operands.length > 0 && ctx.userland !== 'busybox' ? 'pwd: ignoring non-option arguments\n' : '';
  return { stdout: `${ctx.fs.cwd}\n`, stderr: warning, exitCode: 0 };
};
