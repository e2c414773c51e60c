/**
 * Commands that change or read whole files in the file tree (fs.ts): cat,
 * mkdir, rmdir, rm, touch, cp and mv, in GNU coreutils' words on the Debian
 * machines and busybox's in containers. ls is in ls-cmd.ts.
 */
import { appletUsage } from './busybox-help.ts';
import type { FileSystem, FsError } from './fs.ts';
import { isOutput, toolOptions, usageError } from './text-cmds.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';
import { fail, ok } from './types.ts';

export const isFsError = (v: unknown): v is FsError => typeof v === 'string' && v in REASON;

export const REASON: Record<FsError, string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  EROFS: 'Read-only file system',
  ENOTEMPTY: 'Directory not empty',
  EBUSY: 'Device or resource busy',
};

const done = (stdout: string, stderr: string, failStatus = 1): CommandOutput => ({ stdout, stderr, exitCode: stderr ? failStatus : 0 });

export const catCommand: Command = (argv, ctx) => {
  const busybox = ctx.userland === 'busybox';
  const parsed = toolOptions('cat', argv, ctx, { flags: busybox ? 'nbvteAu' : 'AbeEnstTuv', long: { number: { key: 'n' }, 'number-nonblank': { key: 'b' }, 'show-all': { key: 'A' }, 'squeeze-blank': { key: 's' } } });
  if (isOutput(parsed)) return parsed;
  const number = parsed.options.some(([k]) => k === 'n');
  const paths = parsed.operands.length > 0 ? parsed.operands : ['-'];
  let stdout = '';
  let stderr = '';
  for (const path of paths) {
    const content = path === '-' ? ctx.stdin : ctx.fs.read(path);
    if (!isFsError(content)) stdout += content;
    else if (busybox) stderr += content === 'EISDIR' ? 'cat: read error: Is a directory\n' : `cat: can't open '${path}': ${REASON[content]}\n`;
    else stderr += `cat: ${path}: ${REASON[content]}\n`;
  }
  if (number) {
    const ls = stdout.split(/(?<=\n)/);
    stdout = ls.map((l, i) => `${String(i + 1).padStart(6)}\t${l}`).join('');
  }
  return done(stdout, stderr);
};

export const mkdirCommand: Command = (argv, ctx) => {
  const busybox = ctx.userland === 'busybox';
  const parsed = toolOptions('mkdir', argv, ctx, { flags: 'pv', valued: 'm', long: { parents: { key: 'p' }, verbose: { key: 'v' }, mode: { key: 'm', value: 'required' } } });
  if (isOutput(parsed)) return parsed;
  const parents = parsed.options.some(([k]) => k === 'p');
  if (parsed.operands.length === 0) return busybox ? fail(appletUsage('mkdir'), 1) : usageError('mkdir', ctx, 'mkdir: missing operand\n');
  let stderr = '';
  for (const path of parsed.operands) {
    if (parents) {
      let prefix = path.startsWith('/') ? '' : '.';
      for (const part of path.split('/').filter(Boolean)) {
        prefix += `/${part}`;
        const kind = ctx.fs.stat(prefix);
        if (kind === undefined) ctx.fs.mkdir(prefix);
        else if (kind === 'file') {
          stderr += busybox ? `mkdir: can't create directory '${path}': Not a directory\n` : `mkdir: cannot create directory \u2018${path}\u2019: Not a directory\n`;
          break;
        }
      }
      continue;
    }
    const failed = ctx.fs.mkdir(path);
    if (failed) stderr += busybox ? `mkdir: can't create directory '${path}': ${REASON[failed]}\n` : `mkdir: cannot create directory \u2018${path}\u2019: ${REASON[failed]}\n`;
  }
  return done('', stderr);
};

export const rmdirCommand: Command = (argv, ctx) => {
  const busybox = ctx.userland === 'busybox';
  const parsed = toolOptions('rmdir', argv, ctx, { flags: 'pv', long: { parents: { key: 'p' }, 'ignore-fail-on-non-empty': { key: 'ignore' } } });
  if (isOutput(parsed)) return parsed;
  if (parsed.operands.length === 0) return busybox ? fail(appletUsage('rmdir'), 1) : usageError('rmdir', ctx, 'rmdir: missing operand\n');
  const parents = parsed.options.some(([k]) => k === 'p');
  const ignoreNonEmpty = parsed.options.some(([k]) => k === 'ignore');
  let stderr = '';
  for (const operand of parsed.operands) {
    // -p: then each parent, as the path names them (dirname until `.` or `/`), stopping at the first failure.
    for (let path = operand; ; path = dirName(path)) {
      const failed = ctx.fs.rmdir(path);
      if (failed) {
        if (!(ignoreNonEmpty && failed === 'ENOTEMPTY')) stderr += busybox ? `rmdir: '${path}': ${REASON[failed]}\n` : `rmdir: failed to remove '${path}': ${REASON[failed]}\n`;
        break;
      }
      if (!parents || dirName(path) === '.' || dirName(path) === path) break;
    }
  }
  return done('', stderr);
};

/** dirname(3): `a/b/` -> `a`, `a` -> `.`, `/a` -> `/`. */
function dirName(path: string): string {
  const trimmed = path.replace(/\/+$/, '') || '/';
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0) return '.';
  return trimmed.slice(0, slash).replace(/\/+$/, '') || '/';
}

/** `rm -d`: an empty directory only. */
function removeEmptyDir(fs: FileSystem, path: string): { path: string; error: FsError } | undefined {
  const error = fs.rmdir(path);
  return error ? { path, error } : undefined;
}

/** Removes a tree depth first, as `rm -r` does; the first failure (a path and why), if any. */
function removeTree(fs: FileSystem, path: string): { path: string; error: FsError } | undefined {
  if (fs.stat(path) !== 'dir') {
    const error = fs.remove(path);
    return error ? { path, error } : undefined;
  }
  const names = fs.list(path);
  if (Array.isArray(names)) {
    for (const n of names) {
      const failed = removeTree(fs, `${path.replace(/\/$/, '')}/${n}`);
      if (failed) return failed;
    }
  }
  const error = fs.rmdir(path);
  return error ? { path, error } : undefined;
}

export const rmCommand: Command = (argv, ctx) => {
  const busybox = ctx.userland === 'busybox';
  const parsed = toolOptions('rm', argv, ctx, { flags: busybox ? 'irfR' : 'irfRdv', long: { force: { key: 'f' }, recursive: { key: 'r' }, dir: { key: 'd' }, verbose: { key: 'v' } } });
  if (isOutput(parsed)) return parsed;
  const has = (k: string) => parsed.options.some(([x]) => x === k);
  const force = has('f');
  const recursive = has('r') || has('R');
  if (parsed.operands.length === 0) {
    if (force) return ok();
    return busybox ? fail(appletUsage('rm'), 1) : usageError('rm', ctx, 'rm: missing operand\n');
  }
  let stderr = '';
  for (const path of parsed.operands) {
    const kind = ctx.fs.stat(path);
    if (kind === undefined) {
      if (!force) stderr += busybox ? `rm: can't remove '${path}': ${REASON.ENOENT}\n` : `rm: cannot remove '${path}': ${REASON.ENOENT}\n`;
      continue;
    }
    if (kind === 'dir') {
      const failed = recursive ? removeTree(ctx.fs, path) : has('d') ? removeEmptyDir(ctx.fs, path) : { path, error: 'EISDIR' as const };
      if (failed?.error === 'EISDIR') stderr += busybox ? `rm: '${path}' is a directory\n` : `rm: cannot remove '${path}': Is a directory\n`;
      else if (failed) stderr += busybox ? `rm: can't remove '${failed.path}': ${REASON[failed.error]}\n` : `rm: cannot remove '${failed.path}': ${REASON[failed.error]}\n`;
      continue;
    }
    ctx.fs.remove(path);
  }
  return done('', stderr);
};

export const touchCommand: Command = (argv, ctx: CommandContext) => {
  const busybox = ctx.userland === 'busybox';
  const parsed = toolOptions('touch', argv, ctx, { flags: 'cham', valued: 'dtr', long: { 'no-create': { key: 'c' }, date: { key: 'd', value: 'required' }, reference: { key: 'r', value: 'required' } } });
  if (isOutput(parsed)) return parsed;
  if (parsed.operands.length === 0) return busybox ? fail(appletUsage('touch'), 1) : usageError('touch', ctx, 'touch: missing file operand\n');
  const noCreate = parsed.options.some(([k]) => k === 'c');
  let stderr = '';
  for (const path of parsed.operands) {
    if (noCreate && ctx.fs.stat(path) === undefined) continue;
    const failed = ctx.fs.stat(path) === 'dir' ? undefined : ctx.fs.write(path, '', true);
    if (failed) stderr += busybox ? `touch: ${path}: ${REASON[failed]}\n` : `touch: cannot touch '${path}': ${REASON[failed]}\n`;
  }
  return done('', stderr);
};

/** Where SOURCE lands: DEST itself, or DEST/NAME when DEST is a directory. */
function target(fs: FileSystem, source: string, dest: string): string {
  if (fs.stat(dest) !== 'dir') return dest;
  const name = source.replace(/\/+$/, '').split('/').pop()!;
  return `${dest.replace(/\/+$/, '')}/${name}`;
}

/** Copies a file or (recursive) a tree; returns the first error's reason and path. */
function copy(fs: FileSystem, from: string, to: string, recursive: boolean): { path: string; error: FsError | 'omit' } | undefined {
  if (fs.stat(from) === 'dir') {
    if (!recursive) return { path: from, error: 'omit' };
    if (fs.stat(to) === undefined) {
      const failed = fs.mkdir(to);
      if (failed) return { path: to, error: failed };
    }
    const names = fs.list(from);
    if (Array.isArray(names)) {
      for (const n of names) {
        const r = copy(fs, `${from.replace(/\/$/, '')}/${n}`, `${to.replace(/\/$/, '')}/${n}`, true);
        if (r) return r;
      }
    }
    return undefined;
  }
  const content = fs.read(from);
  if (isFsError(content)) return { path: from, error: content };
  const failed = fs.write(to, content, false);
  return failed ? { path: to, error: failed } : undefined;
}

function copyOrMove(tool: 'cp' | 'mv'): Command {
  return (argv, ctx) => {
    const busybox = ctx.userland === 'busybox';
    const parsed = toolOptions(tool, argv, ctx, {
      flags: tool === 'cp' ? 'arRpPdfinlsTuvLH' : 'finTuv',
      valued: 't',
      long: { recursive: { key: 'r' }, archive: { key: 'a' }, force: { key: 'f' }, verbose: { key: 'v' }, 'target-directory': { key: 't', value: 'required' }, 'no-clobber': { key: 'n' } },
    });
    if (isOutput(parsed)) return parsed;
    const has = (k: string) => parsed.options.some(([x]) => x === k);
    const recursive = tool === 'mv' || has('r') || has('R') || has('a');
    const dirOption = parsed.options.find(([k]) => k === 't')?.[1];
    const ops = [...parsed.operands];
    if (dirOption !== undefined) ops.push(dirOption);
    if (ops.length < 2) {
      if (busybox) return fail(appletUsage(tool), 1);
      return usageError(tool, ctx, ops.length === 0 ? `${tool}: missing file operand\n` : `${tool}: missing destination file operand after '${ops[0]}'\n`);
    }
    const dest = ops.pop()!;
    if (ops.length > 1 && ctx.fs.stat(dest) !== 'dir') {
      return busybox ? fail(`${tool}: '${dest}' is not a directory\n`, 1) : fail(`${tool}: target '${dest}': ${ctx.fs.stat(dest) === undefined ? 'No such file or directory' : 'Not a directory'}\n`, 1);
    }
    let stderr = '';
    for (const source of ops) {
      if (ctx.fs.stat(source) === undefined) {
        stderr += busybox ? (tool === 'cp' ? `cp: can't stat '${source}': ${REASON.ENOENT}\n` : `mv: can't rename '${source}': ${REASON.ENOENT}\n`) : `${tool}: cannot stat '${source}': ${REASON.ENOENT}\n`;
        continue;
      }
      const to = target(ctx.fs, source, dest);
      const r = copy(ctx.fs, source, to, recursive);
      if (r?.error === 'omit') {
        stderr += busybox ? `cp: omitting directory '${source}'\n` : `cp: -r not specified; omitting directory '${source}'\n`;
        continue;
      }
      if (r) {
        stderr += busybox ? `${tool}: can't create '${r.path}': ${REASON[r.error]}\n` : `${tool}: cannot create regular file '${r.path}': ${REASON[r.error]}\n`;
        continue;
      }
      if (tool === 'mv') removeTree(ctx.fs, source);
    }
    return done('', stderr);
  };
}

export const cpCommand: Command = copyOrMove('cp');
export const mvCommand: Command = copyOrMove('mv');
