/**
 * `docker run/create --cidfile PATH`: the client writes the new container's ID
 * into a file on its own host (cli/command/container/create.go newCIDFile). It
 * refuses a file that exists, creates it empty before asking the daemon, writes
 * the ID once the container is created (before it starts), and removes the file
 * again when nothing was written (cidFile.Close).
 */
import type { FileSystem, FsError } from '../fs.ts';

const OPEN_ERRORS: Partial<Record<FsError, string>> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  EROFS: 'read-only file system',
};

export class CidFile {
  private written = false;

  private constructor(
    private readonly fs: FileSystem,
    private readonly path: string,
  ) {}

  /** Creates the empty file, or says why not in the client's words. */
  static open(fs: FileSystem, path: string): CidFile | { error: string } {
    if (fs.stat(path) !== undefined) return { error: `container ID file found, make sure the other container isn't running or delete ${path}` };
    const failed = fs.write(path, '', false);
    if (failed !== undefined) return { error: `failed to create the container ID file: open ${path}: ${OPEN_ERRORS[failed] ?? failed}` };
    return new CidFile(fs, path);
  }

  /** The created container's full ID, without a newline. */
  write(id: string): void {
    this.fs.write(this.path, id, false);
    this.written = true;
  }

  /** The command is over: a file that never got an ID goes. */
  close(): void {
    if (!this.written) this.fs.remove(this.path);
  }
}
