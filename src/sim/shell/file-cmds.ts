/**
 * Commands over the file tree (fs.ts): cat, ls, mkdir, rm and touch, in GNU
 * coreutils' words on the Debian machines and busybox's in containers.
 */
import type { FsError } from './fs.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';
import { ok } from './types.ts';

const isError = (v: unknown): v is FsError => v === 'ENOENT' || v === 'EISDIR' || v === 'ENOTDIR' || v === 'EEXIST';

const REASON: Record<FsError, string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
};

/** Operands after options; `--` ends options. */
function operands(argv: string[]): { flags: string; paths: string[] } {
  let flags = '';
  const paths: string[] = [];
  let ended = false;
  for (const a of argv) {
    if (!ended && a === '--') ended = true;
    else if (!ended && a.startsWith('-') && a.length > 1) flags += a.slice(1);
    else paths.push(a);
  }
  return { flags, paths };
}

const done = (stdout: string, stderr: string, failStatus = 1): CommandOutput => ({ stdout, stderr, exitCode: stderr ? failStatus : 0 });

export const catCommand: Command = (argv, ctx) => {
  const paths = argv.filter((a) => a !== '--');
  if (paths.length === 0) return ok(ctx.stdin);
  let stdout = '';
  let stderr = '';
  for (const path of paths) {
    const content = path === '-' ? ctx.stdin : ctx.fs.read(path);
    if (!isError(content)) stdout += content;
    else if (ctx.userland === 'busybox') stderr += content === 'EISDIR' ? 'cat: read error: Is a directory\n' : `cat: can't open '${path}': ${REASON[content]}\n`;
    else stderr += `cat: ${path}: ${REASON[content]}\n`;
  }
  return done(stdout, stderr);
};

export const lsCommand: Command = (argv, ctx) => {
  const { flags, paths } = operands(argv);
  const all = flags.includes('a');
  const targets = paths.length > 0 ? paths : ['.'];
  let stderr = '';
  const files: string[] = [];
  const dirs: { path: string; names: string[] }[] = [];
  for (const path of targets) {
    const kind = ctx.fs.stat(path);
    if (kind === undefined) {
      stderr += ctx.userland === 'busybox' ? `ls: ${path}: No such file or directory\n` : `ls: cannot access '${path}': No such file or directory\n`;
    } else if (kind === 'file' || flags.includes('d')) files.push(path);
    else {
      const names = ctx.fs.list(path);
      if (!isError(names)) dirs.push({ path, names: all ? ['.', '..', ...names] : names.filter((n) => !n.startsWith('.')) });
    }
  }
  const blocks: string[] = [];
  if (files.length > 0) blocks.push(files.sort().map((f) => `${f}\n`).join(''));
  const headed = targets.length > 1;
  for (const d of dirs.sort((a, b) => (a.path < b.path ? -1 : 1))) blocks.push((headed ? `${d.path}:\n` : '') + d.names.map((n) => `${n}\n`).join(''));
  return done(blocks.join('\n'), stderr, ctx.userland === 'busybox' ? 1 : 2);
};

export const mkdirCommand: Command = (argv, ctx) => {
  const { flags, paths } = operands(argv);
  let stderr = '';
  for (const path of paths) {
    if (flags.includes('p')) {
      let prefix = path.startsWith('/') ? '' : '.';
      for (const part of path.split('/').filter(Boolean)) {
        prefix += `/${part}`;
        if (ctx.fs.stat(prefix) === undefined) ctx.fs.mkdir(prefix);
      }
      continue;
    }
    const failed = ctx.fs.mkdir(path);
    if (failed) stderr += ctx.userland === 'busybox' ? `mkdir: can't create directory '${path}': ${REASON[failed]}\n` : `mkdir: cannot create directory ‘${path}’: ${REASON[failed]}\n`;
  }
  return done('', stderr);
};

export const rmCommand: Command = (argv, ctx) => {
  const { flags, paths } = operands(argv);
  let stderr = '';
  for (const path of paths) {
    const failed = ctx.fs.remove(path);
    if (!failed || (failed === 'ENOENT' && flags.includes('f'))) continue;
    if (ctx.userland === 'busybox') stderr += failed === 'EISDIR' ? `rm: '${path}' is a directory\n` : `rm: can't remove '${path}': ${REASON[failed]}\n`;
    else stderr += `rm: cannot remove '${path}': ${REASON[failed]}\n`;
  }
  return done('', stderr);
};

export const touchCommand: Command = (argv, ctx: CommandContext) => {
  const { paths } = operands(argv);
  let stderr = '';
  for (const path of paths) {
    const failed = ctx.fs.write(path, '', true);
    if (failed && failed !== 'EISDIR') stderr += ctx.userland === 'busybox' ? `touch: ${path}: ${REASON[failed]}\n` : `touch: cannot touch '${path}': ${REASON[failed]}\n`;
  }
  return done('', stderr);
};
