/**
 * The trees behind a container's mount points (src/sim/docker/volumes.ts):
 * a bind is the Docker host's own files from its source path, a volume is
 * the volume's files (filled from the image at its destination when it is
 * empty at a start: Docker's copy-up), a tmpfs is a tree that lives for
 * one run of the container.
 */
import type { Container } from '../docker/model.ts';
import type { Volume } from '../docker/volumes.ts';
import { imageTree, LayeredFs, type Entry, type FileSystem, type WritableLayer } from './fs.ts';
import type { FsMount } from './mounts.ts';

const EMPTY_TREE = imageTree({}, []);
const NO_SYSTEM_FILES = { read: () => undefined, list: () => [] };

/** A tree of its own (a volume's, a tmpfs): nothing but what is written to it. */
export const ownTree = (files: WritableLayer): FileSystem => new LayeredFs(EMPTY_TREE, files, NO_SYSTEM_FILES, '/');

export interface MountSources {
  host: () => FileSystem;
  volume: (name: string) => Volume | undefined;
  image: ReadonlyMap<string, Entry>;
}

/** Per container: the run (its sandbox, new at every start) its tmpfs trees and copy-ups belong to. */
interface RunState {
  sandbox: string | undefined;
  tmpfs: Map<string, WritableLayer>;
}

export class ContainerMounts {
  private readonly runs = new WeakMap<Container, RunState>();

  /** The container's mounts as file trees, for its current run. */
  mountsOf(c: Container, sources: MountSources): FsMount[] {
    let run = this.runs.get(c);
    const newRun = !run || run.sandbox !== c.sandboxId;
    if (!run || newRun) this.runs.set(c, (run = { sandbox: c.sandboxId, tmpfs: new Map() }));
    const out: FsMount[] = [];
    for (const m of c.mounts) {
      const readOnly = !m.rw;
      if (m.type === 'bind') out.push({ destination: m.destination, fs: sources.host(), root: m.source, readOnly });
      else if (m.type === 'tmpfs') {
        let tree = run.tmpfs.get(m.destination);
        if (!tree) run.tmpfs.set(m.destination, (tree = new Map()));
        out.push({ destination: m.destination, fs: ownTree(tree), root: '/', readOnly });
      } else {
        const v = sources.volume(m.source);
        if (!v) continue;
        if (newRun && m.copyUp && v.files.size === 0) copyUp(sources.image, m.destination, v);
        out.push({ destination: m.destination, fs: ownTree(v.files), root: '/', readOnly });
      }
    }
    for (const [destination, options] of Object.entries(c.settings.tmpfs ?? {})) {
      out.push({ destination, fs: ownTree(tmpfsTree(run, destination)), root: '/', readOnly: tmpfsReadOnly(options) });
    }
    return out;
  }

  /** The `--tmpfs` mounts of the container's current run: where, with what options, and the files in each. */
  tmpfsOf(c: Container): { destination: string; options: string; files: WritableLayer }[] {
    const run = this.runs.get(c);
    if (!run || run.sandbox !== c.sandboxId) return Object.entries(c.settings.tmpfs ?? {}).map(([destination, options]) => ({ destination, options, files: new Map() }));
    return Object.entries(c.settings.tmpfs ?? {}).map(([destination, options]) => ({ destination, options, files: tmpfsTree(run, destination) }));
  }
}

function tmpfsTree(run: RunState, destination: string): WritableLayer {
  let tree = run.tmpfs.get(destination);
  if (!tree) run.tmpfs.set(destination, (tree = new Map()));
  return tree;
}

/** Mount options are read in order: the last of `ro` and `rw` wins. */
const tmpfsReadOnly = (options: string) => options.split(',').filter((o) => o === 'ro' || o === 'rw').pop() === 'ro';

/** The image's files under `destination` into an empty volume (CopyImagePathContent). */
function copyUp(image: ReadonlyMap<string, Entry>, destination: string, v: Volume): void {
  const prefix = `${destination}/`;
  for (const [path, entry] of image) {
    if (path.startsWith(prefix)) v.files.set(path.slice(destination.length), entry.kind === 'file' ? { kind: 'file', content: entry.content } : { kind: 'dir' });
  }
}
