/**
 * The file tree a command sees: the image's files, a writable layer on top
 * (what `wget -O`, `echo > f` and `mkdir` leave behind, kept across restarts as
 * a container's layer is), and the files the system derives from the model on
 * every read (/etc/hosts, /proc/sys, /sys/class/net), which always win.
 */

/** EROFS: a write under a read-only mount (mounts.ts). */
export type FsError = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'EROFS' | 'ENOTEMPTY' | 'EBUSY';
const FS_ERRORS: ReadonlySet<string> = new Set<FsError>(['ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EROFS', 'ENOTEMPTY', 'EBUSY']);

/** Whether a read answered an error rather than a file's text. */
export function isFsError(read: string): read is FsError {
  return FS_ERRORS.has(read);
}

export type Entry = { kind: 'file'; content: string } | { kind: 'dir' };
/** A writable layer's entry: a file, a directory, or a whiteout hiding the image's file. */
type LayerEntry = Entry | { kind: 'whiteout' };

/** What a path holds, as far as reading goes. */
export interface FileSystem {
  /** The directory relative paths start from. */
  readonly cwd: string;
  stat(path: string): 'file' | 'dir' | undefined;
  read(path: string): string | FsError;
  write(path: string, data: string, append: boolean): FsError | undefined;
  mkdir(path: string): FsError | undefined;
  remove(path: string): FsError | undefined;
  /** Removes an empty directory (rmdir(2)): ENOTDIR for a file, ENOTEMPTY while it has entries, EBUSY for `/`. */
  rmdir(path: string): FsError | undefined;
  /** A directory's entry names, sorted as ls prints them. */
  list(path: string): string[] | FsError;
  /** The same files seen from another working directory (`cd`). */
  withCwd(cwd: string): FileSystem;
}

/** Derived files: content for a path, or undefined when the system has no such file. */
export interface VirtualFiles {
  read(path: string): string | undefined;
  /** Directory entries the system provides under `dir` (e.g. /etc: hosts, hostname, resolv.conf). */
  list(dir: string): string[];
}

/** An absolute path with no empty, `.` or `..` part and no trailing slash (`/` itself is not). */
const CLEAN_ABSOLUTE = /^(?:\/(?!\.\.?(?:\/|$))[^/]+)+$/;

/** `/a/./b/../c/` -> `/a/c`, relative paths from `cwd`. */
export function resolvePath(cwd: string, path: string): string {
  // Most paths are absolute and already clean: returned as they are (every file operation resolves its path).
  if (CLEAN_ABSOLUTE.test(path)) return path;
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

const parentOf = (path: string): string => path.slice(0, path.lastIndexOf('/')) || '/';
const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** A writable layer: files and directories a container or machine created. */
export type WritableLayer = Map<string, LayerEntry>;

export class LayeredFs implements FileSystem {
  readonly cwd: string;
  private readonly image: ReadonlyMap<string, Entry>;
  private readonly layer: WritableLayer;
  private readonly system: VirtualFiles;

  constructor(image: ReadonlyMap<string, Entry>, layer: WritableLayer, system: VirtualFiles, cwd = '/') {
    this.image = image;
    this.layer = layer;
    this.system = system;
    this.cwd = cwd;
  }

  private entry(abs: string): Entry | undefined {
    if (abs === '/') return { kind: 'dir' };
    const derived = this.system.read(abs);
    if (derived !== undefined) return { kind: 'file', content: derived };
    const own = this.layer.get(abs);
    if (own) return own.kind === 'whiteout' ? undefined : own;
    const base = this.image.get(abs);
    if (base) return base;
    // A directory the system lists entries in (/proc/sys/net/ipv4...) exists too.
    return this.system.list(abs).length > 0 ? { kind: 'dir' } : undefined;
  }

  withCwd(cwd: string): FileSystem {
    return new LayeredFs(this.image, this.layer, this.system, resolvePath(this.cwd, cwd));
  }

  stat(path: string): 'file' | 'dir' | undefined {
    return this.entry(resolvePath(this.cwd, path))?.kind;
  }

  read(path: string): string | FsError {
    const e = this.entry(resolvePath(this.cwd, path));
    if (!e) return 'ENOENT';
    return e.kind === 'dir' ? 'EISDIR' : e.content;
  }

  write(path: string, data: string, append: boolean): FsError | undefined {
    const abs = resolvePath(this.cwd, path);
    // A device node takes what is written (null's way); nothing lands in the layer (/dev is runc's tmpfs).
    if (abs === '/dev/null' || (abs.startsWith('/dev/') && this.system.read(abs) !== undefined)) return undefined;
    const parent = this.entry(parentOf(abs));
    if (!parent) return 'ENOENT';
    if (parent.kind !== 'dir') return 'ENOTDIR';
    const current = this.entry(abs);
    if (current?.kind === 'dir') return 'EISDIR';
    const before = append && current?.kind === 'file' ? current.content : '';
    this.layer.set(abs, { kind: 'file', content: before + data });
    return undefined;
  }

  mkdir(path: string): FsError | undefined {
    const abs = resolvePath(this.cwd, path);
    if (this.entry(abs)) return 'EEXIST';
    const parent = this.entry(parentOf(abs));
    if (!parent) return 'ENOENT';
    if (parent.kind !== 'dir') return 'ENOTDIR';
    this.layer.set(abs, { kind: 'dir' });
    return undefined;
  }

  remove(path: string): FsError | undefined {
    const abs = resolvePath(this.cwd, path);
    const e = this.entry(abs);
    if (!e) return 'ENOENT';
    if (e.kind === 'dir') return 'EISDIR';
    // Files of the image are hidden by a whiteout, as overlayfs does.
    this.layer.delete(abs);
    if (this.image.has(abs)) this.layer.set(abs, { kind: 'whiteout' });
    return undefined;
  }

  rmdir(path: string): FsError | undefined {
    const abs = resolvePath(this.cwd, path);
    const e = this.entry(abs);
    if (!e) return 'ENOENT';
    if (e.kind === 'file') return 'ENOTDIR';
    if (abs === '/') return 'EBUSY';
    const names = this.list(abs);
    if (Array.isArray(names) && names.length > 0) return 'ENOTEMPTY';
    // A directory of the image is hidden by a whiteout, as a file is.
    this.layer.delete(abs);
    if (this.image.has(abs)) this.layer.set(abs, { kind: 'whiteout' });
    return undefined;
  }

  list(path: string): string[] | FsError {
    const abs = resolvePath(this.cwd, path);
    const e = this.entry(abs);
    if (!e) return 'ENOENT';
    if (e.kind === 'file') return [baseName(abs)];
    const prefix = abs === '/' ? '/' : `${abs}/`;
    const names = new Set<string>();
    for (const map of [this.image, this.layer]) {
      for (const key of map.keys()) {
        if (key.startsWith(prefix) && !key.slice(prefix.length).includes('/')) names.add(key.slice(prefix.length));
      }
    }
    const stored = [...names].filter((n) => this.entry(prefix + n));
    return [...new Set([...stored, ...this.system.list(abs)])].sort();
  }
}

/** Builds an image tree from file contents; every parent directory is implied. */
export function imageTree(files: Record<string, string>, dirs: readonly string[]): ReadonlyMap<string, Entry> {
  const tree = new Map<string, Entry>();
  const addDir = (dir: string) => {
    for (let d = dir; d !== '/' && !tree.has(d); d = parentOf(d)) tree.set(d, { kind: 'dir' });
  };
  for (const dir of dirs) addDir(dir);
  for (const [path, content] of Object.entries(files)) {
    addDir(parentOf(path));
    tree.set(path, { kind: 'file', content });
  }
  return tree;
}

/** A file tree with nothing in it but what is written to it (tests, scratch shells). */
export function scratchFs(cwd = '/'): FileSystem {
  return new LayeredFs(imageTree({}, ['/tmp']), new Map(), { read: () => undefined, list: () => [] }, cwd);
}

/** One line of `docker diff`: Added, Changed or Deleted, and the path. */
export interface LayerChange {
  kind: 'A' | 'C' | 'D';
  path: string;
}

/**
 * What a writable layer changed against its image, as `docker diff` lists it: new
 * entries (A), the image's files it replaced (C) or hid (D), and the image's
 * directories whose entries changed (C: their mtime moved). Sorted by path.
 */
export function layerChanges(image: ReadonlyMap<string, Entry>, layer: WritableLayer): LayerChange[] {
  const changes = new Map<string, LayerChange['kind']>();
  for (const [path, entry] of layer) {
    changes.set(path, entry.kind === 'whiteout' ? 'D' : image.has(path) ? 'C' : 'A');
    // Adding or removing an entry touches the directory it is in; the root is never listed.
    const parent = parentOf(path);
    if ((entry.kind === 'whiteout' || !image.has(path)) && parent !== '/' && image.has(parent) && !changes.has(parent)) changes.set(parent, 'C');
  }
  return [...changes].map(([path, kind]) => ({ kind, path })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The bytes a writable layer's files hold (a container's SizeRw). */
export function layerSize(layer: WritableLayer): number {
  let size = 0;
  for (const entry of layer.values()) if (entry.kind === 'file') size += new TextEncoder().encode(entry.content).length;
  return size;
}
