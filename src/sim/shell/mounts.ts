/**
 * A container's file tree with its mounts: each path goes to the deepest
 * mount whose destination holds it (a bind shows the host's files live, a
 * volume its own tree, a tmpfs one that lasts one run), the rest to the
 * image and writable layer. Writes under a read-only mount fail with EROFS
 * ("Read-only file system"), as the kernel refuses them.
 */
import type { HostPaths } from '../docker/volumes.ts';
import { resolvePath, type FileSystem, type FsError } from './fs.ts';

export interface FsMount {
  /** Absolute path in the container. */
  destination: string;
  /** The tree the mount shows, and the path in it that `destination` is. */
  fs: FileSystem;
  root: string;
  readOnly: boolean;
}

const under = (path: string, dir: string) => path === dir || path.startsWith(dir === '/' ? '/' : `${dir}/`);

export class MountedFs implements FileSystem {
  readonly cwd: string;
  private readonly base: FileSystem;
  private readonly mounts: readonly FsMount[];

  private readonly readOnlyRoot: boolean;

  /**
   * `base` answers absolute paths (its own cwd is not used). `readOnlyRoot`
   * (`docker run --read-only`): the base is read-only too, but for /dev, a tmpfs.
   */
  constructor(base: FileSystem, mounts: readonly FsMount[], cwd = '/', readOnlyRoot = false) {
    this.base = base;
    this.readOnlyRoot = readOnlyRoot;
    // Deepest first, so /etc/nginx/conf.d wins over /etc/nginx.
    this.mounts = [...mounts].sort((a, b) => b.destination.length - a.destination.length);
    this.cwd = cwd;
  }

  /** Which tree answers `path`, and as what path there. */
  private route(path: string): { fs: FileSystem; path: string; readOnly: boolean } {
    const abs = resolvePath(this.cwd, path);
    const m = this.mounts.find((x) => under(abs, x.destination));
    if (!m) return { fs: this.base, path: abs, readOnly: this.readOnlyRoot && !under(abs, '/dev') };
    const rest = abs.slice(m.destination.length);
    return { fs: m.fs, path: rest === '' ? m.root : resolvePath('/', `${m.root}/${rest}`), readOnly: m.readOnly };
  }

  withCwd(cwd: string): FileSystem {
    return new MountedFs(this.base, this.mounts, resolvePath(this.cwd, cwd), this.readOnlyRoot);
  }

  stat(path: string): 'file' | 'dir' | undefined {
    const r = this.route(path);
    return r.fs.stat(r.path);
  }

  read(path: string): string | FsError {
    const r = this.route(path);
    return r.fs.read(r.path);
  }

  write(path: string, data: string, append: boolean): FsError | undefined {
    const r = this.route(path);
    if (r.readOnly && resolvePath(this.cwd, path) !== '/dev/null') return r.fs.stat(r.path) === 'dir' ? 'EISDIR' : 'EROFS';
    return r.fs.write(r.path, data, append);
  }

  mkdir(path: string): FsError | undefined {
    const r = this.route(path);
    if (r.readOnly) return r.fs.stat(r.path) === undefined ? 'EROFS' : 'EEXIST';
    return r.fs.mkdir(r.path);
  }

  remove(path: string): FsError | undefined {
    const r = this.route(path);
    if (r.readOnly) return r.fs.stat(r.path) === undefined ? 'ENOENT' : 'EROFS';
    return r.fs.remove(r.path);
  }

  rmdir(path: string): FsError | undefined {
    const abs = resolvePath(this.cwd, path);
    // A mount point is busy (rmdir(2) on it: EBUSY); under a read-only mount nothing goes.
    if (this.mounts.some((m) => m.destination === abs)) return 'EBUSY';
    const r = this.route(path);
    if (r.readOnly) return r.fs.stat(r.path) === undefined ? 'ENOENT' : 'EROFS';
    return r.fs.rmdir(r.path);
  }

  list(path: string): string[] | FsError {
    const r = this.route(path);
    const names = r.fs.list(r.path);
    if (!Array.isArray(names)) return names;
    // Mount points are directories of the tree they sit in (dockerd creates them).
    const abs = resolvePath(this.cwd, path);
    const prefix = abs === '/' ? '/' : `${abs}/`;
    const points = this.mounts.filter((m) => m.destination.startsWith(prefix) && !m.destination.slice(prefix.length).includes('/')).map((m) => m.destination.slice(prefix.length));
    return [...new Set([...names, ...points])].sort();
  }
}

/** The Docker host's files as dockerd sees them: what a bind source is, and `mkdir -p` for a missing `-v` source. */
export function hostPaths(host: () => FileSystem): HostPaths {
  return {
    kind: (path) => host().stat(path),
    mkdirAll: (path) => {
      const fs = host();
      let dir = '';
      for (const part of resolvePath('/', path).split('/').filter(Boolean)) {
        dir += `/${part}`;
        if (fs.stat(dir) === undefined) fs.mkdir(dir);
      }
    },
  };
}
