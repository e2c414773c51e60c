/**
 * `docker cp` between a container's files and the client's machine, as client
 * 28.2.2's cp.go and the archive package's copy rules decide (golden
 * docker-housekeeping and docker-cp): a file lands at the destination or inside
 * it when it is a directory, a directory is copied as itself or, with a trailing
 * `/.`, as its contents; each refusal in the words the client, the archive
 * package or the daemon uses. Container paths start from the container's root,
 * local ones from the client's working directory.
 */
import type { Container } from '../../docker/model.ts';
import type { Engine } from '../../docker/engine.ts';
import { resolvePath, type FileSystem } from '../fs.ts';
import { fail, ok, type CommandOutput } from '../types.ts';
import { isParsed, parseCommandFlags } from './flags.ts';
import { humanSize } from './format.ts';
import { cobraExactArgsError, daemonError } from './usage.ts';

/** A container's files as `docker cp` and `docker diff` reach them (the shell layer owns them). */
export interface ContainerFiles {
  /** Its files from its root, mounts included. */
  fs(c: Container): FileSystem;
}

/** What `docker cp` needs: the engine, the container's files, the client's files, whether its stderr is a terminal. */
export interface CopyContext {
  engine: Engine;
  files: ContainerFiles;
  local: FileSystem;
  tty: boolean;
}

/** The files Docker bind-mounts into every container: replacing one fails as the daemon's RemoveAll does. */
const DOCKER_MOUNTED_FILES = new Set(['/etc/hostname', '/etc/hosts', '/etc/resolv.conf']);

const TAR_BLOCK = 512;

/** Bytes of the tar stream that carries a tree (a header per entry, contents in whole blocks, two zero blocks at the end). */
function tarSize(fs: FileSystem, path: string): number {
  const entry = (p: string): number => {
    if (fs.stat(p) === 'dir') {
      const names = fs.list(p);
      return TAR_BLOCK + (Array.isArray(names) ? names.reduce((sum, n) => sum + entry(`${p === '/' ? '' : p}/${n}`), 0) : 0);
    }
    const content = fs.read(p);
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content).length : 0;
    return TAR_BLOCK + Math.ceil(bytes / TAR_BLOCK) * TAR_BLOCK;
  };
  return entry(path) + 2 * TAR_BLOCK;
}

/** Copies a file or a directory tree from one file system to another (directories made as needed). */
function copyTree(from: FileSystem, src: string, to: FileSystem, dst: string): string | undefined {
  if (from.stat(src) !== 'dir') {
    const content = from.read(src);
    return content === 'ENOENT' ? content : to.write(dst, content, false);
  }
  if (to.stat(dst) === undefined) {
    const made = to.mkdir(dst);
    if (made) return made;
  }
  const names = from.list(src);
  for (const name of Array.isArray(names) ? names : []) {
    const failed = copyTree(from, `${src === '/' ? '' : src}/${name}`, to, `${dst === '/' ? '' : dst}/${name}`);
    if (failed) return failed;
  }
  return undefined;
}

const parentOf = (path: string): string => path.slice(0, path.lastIndexOf('/')) || '/';
const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
/** `dir/.`: the directory's contents, not the directory. */
const meansContents = (path: string): boolean => path === '.' || path.endsWith('/.');
const assertsDirectory = (path: string): boolean => path.endsWith('/') || meansContents(path);

/** `CONTAINER:PATH`, unless the part before the colon looks like a local path (cp.go splitCpArg). */
function splitCpArg(arg: string): { container?: string; path: string } {
  if (arg.startsWith('/') || arg.startsWith('.')) return { path: arg };
  const colon = arg.indexOf(':');
  if (colon < 0 || arg.slice(0, colon).includes('/')) return { path: arg };
  return { container: arg.slice(0, colon), path: arg.slice(colon + 1) };
}

/**
 * Where a copy of `srcIsDir` goes given what `dst` is (archive.CopyInfoDestinationPath
 * and PrepareArchiveCopy): the path to write, or the archive package's error.
 */
function destination(to: FileSystem, dst: string, srcName: string, srcIsDir: boolean, contentsOnly: boolean): { path: string } | { error: string } {
  const abs = resolvePath(to.cwd, dst);
  const kind = to.stat(abs);
  if (kind === 'dir') return { path: srcIsDir && contentsOnly ? abs : `${abs === '/' ? '' : abs}/${srcName}` };
  if (kind === 'file') return srcIsDir ? { error: 'cannot copy directory' } : { path: abs };
  if (!srcIsDir && assertsDirectory(dst)) return { error: 'no such directory' };
  return { path: abs };
}

export function cpCommand(ctx: CopyContext, argv: string[]): CommandOutput {
  const f = parseCommandFlags('cp', argv, [
    { long: 'archive', short: 'a', kind: 'bool' },
    { long: 'follow-link', short: 'L', kind: 'bool' },
    { long: 'quiet', short: 'q', kind: 'bool' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length !== 2) return cobraExactArgsError('cp', 2);
  const [source, target] = f.args as [string, string];
  if (source === '') return fail('source can not be empty\n', 1);
  if (target === '') return fail('destination can not be empty\n', 1);
  const src = splitCpArg(source);
  const dst = splitCpArg(target);
  if (src.container !== undefined && dst.container !== undefined) return fail('copying between containers is not supported\n', 1);
  const quiet = f.bools.has('quiet') || !ctx.tty;
  if (src.container !== undefined) return copyFromContainer(ctx, src.container, src.path, dst.path, quiet);
  if (dst.container !== undefined) return copyToContainer(ctx, src.path, dst.container, dst.path, quiet);
  return fail('must specify at least one container source\n', 1);
}

/** Container to local (exported for `docker compose cp`, which names the container by its ID). */
export function copyFromContainer(ctx: CopyContext, ref: string, srcPath: string, dstPath: string, quiet: boolean): CommandOutput {
  if (dstPath === '-') return fail('vethlab: docker cp to - (a tar stream on standard output) is not modelled here\n', 1);
  const local = ctx.local;
  // The client checks the output path before it asks the daemon anything (command.ValidateOutputPath).
  const absDst = resolvePath(local.cwd, dstPath);
  const dstDir = parentOf(absDst);
  if (local.stat(dstDir) === undefined) return fail(`invalid output path: directory "${dstDir}" does not exist\n`, 1);
  const c = ctx.engine.findContainer(ref);
  if (!c) return fail(daemonError(`No such container: ${ref}`), 1);
  const from = ctx.files.fs(c).withCwd('/');
  const srcKind = from.stat(srcPath);
  if (srcKind === undefined) return fail(daemonError(`Could not find the file ${srcPath} in container ${ref}`), 1);
  const absSrc = resolvePath('/', srcPath);
  const where = destination(local, dstPath, baseName(absSrc) || '/', srcKind === 'dir', meansContents(srcPath));
  if ('error' in where) return fail(`${where.error}\n`, 1);
  const failed = copyTree(from, absSrc, local, where.path);
  if (failed) return fail(`vethlab: docker cp could not write ${where.path} (${failed})\n`, 1);
  // What the client prints once the copy ends, when its stderr is a terminal (the progress line it erases is not kept).
  const shown = dstPath.endsWith('/') && absDst !== '/' ? `${absDst}/` : meansContents(dstPath) ? `${absDst}/.` : absDst;
  return quiet ? ok() : { stdout: '', stderr: `Successfully copied ${humanSize(tarSize(from, absSrc))} to ${shown}\n`, exitCode: 0 };
}

/** Local to container (exported for `docker compose cp`). */
export function copyToContainer(ctx: CopyContext, srcPath: string, ref: string, dstPath: string, quiet: boolean): CommandOutput {
  if (srcPath === '-') return fail('vethlab: docker cp from - (a tar stream on standard input) is not modelled here\n', 1);
  const local = ctx.local;
  const absSrc = resolvePath(local.cwd, srcPath);
  const srcKind = local.stat(absSrc);
  if (srcKind === undefined) return fail(`lstat ${absSrc}: no such file or directory\n`, 1);
  const c = ctx.engine.findContainer(ref);
  const to = c && ctx.files.fs(c).withCwd('/');
  // Without the container the client cannot stat the destination; it prepares the copy as for a new path.
  const where = to ? destination(to, dstPath, baseName(absSrc), srcKind === 'dir', meansContents(srcPath)) : { path: resolvePath('/', dstPath) };
  if ('error' in where) return fail(`${where.error}\n`, 1);
  if (!c || !to) return fail(daemonError(`No such container: ${ref}`), 1);
  const parent = parentOf(where.path);
  if (to.stat(parent) === undefined) return fail(daemonError(`Could not find the file ${parent} in container ${ref}`), 1);
  if (DOCKER_MOUNTED_FILES.has(where.path)) return fail(daemonError(`RemoveAll ${baseName(where.path)}: device or resource busy`), 1);
  const failed = copyTree(local, absSrc, to, where.path);
  // daemon/archive_unix.go refuses a read-only mount before it extracts anything.
  if (failed === 'EROFS') return fail(daemonError('mounted volume is marked read-only'), 1);
  if (failed) return fail(`vethlab: docker cp could not write ${ref}:${where.path} (${failed})\n`, 1);
  return quiet ? ok() : { stdout: '', stderr: `Successfully copied ${humanSize(tarSize(local, absSrc))} to ${ref}:${dstPath}\n`, exitCode: 0 };
}
