/**
 * How the classic builder commits each step (builder/dockerfile's commit and
 * the daemon's CommitBuildStep): a new image whose parent is the previous
 * step's, with the step's config, its history line and, when the step changed
 * files, one more layer. The ID is the digest of what the image is (its
 * config, parent, layers and time), so the same steps give the same IDs.
 */
import { sha256Hex } from '../sha256.ts';
import type { BuiltImage, HistoryEntry, Image, InstalledPackage, TreeEntry } from '../images.ts';

/** The config a build carries from step to step (the builder's runConfig). */
export interface RunConfig {
  cmd: string[];
  entrypoint: string[];
  env: string[];
  exposed: string[];
  workingDir: string;
  user: string;
  labels: Record<string, string>;
  volumes: string[];
  stopSignal?: string;
  healthcheck?: Record<string, unknown>;
  shell?: string[];
}

/** What one step made: its history text, and the files it changed (a layer) if any. */
export interface StepCommit {
  createdBy: string;
  config: RunConfig;
  /** The rootfs after the step and the bytes its layer holds; absent: the step changed no files. */
  layer?: { tree: ReadonlyMap<string, TreeEntry>; size: number; digest: string };
  /** Packages installed so far (RUN apk add...). */
  packages: ReadonlyMap<string, InstalledPackage>;
  /** The history line's comment: '' for the legacy builder, BuildKit's frontend names itself. */
  comment?: string;
  /** What the step's cache is keyed on, when not its history text (BuildKit's lines do not name the files a COPY took). */
  cacheKey?: string;
}

/** The config a step starts from: its parent image's. */
export function configOf(image: Image): RunConfig {
  return {
    cmd: [...image.cmd],
    entrypoint: [...image.entrypoint],
    env: [...image.env],
    exposed: [...image.exposed],
    workingDir: image.workingDir ?? '',
    user: image.built?.user ?? '',
    labels: { ...(image.labels ?? {}) },
    volumes: [...(image.volumes ?? [])],
    ...(image.stopSignal !== undefined ? { stopSignal: image.stopSignal } : {}),
    ...(image.built?.healthcheck ? { healthcheck: image.built.healthcheck } : {}),
    ...(image.built?.shell ? { shell: image.built.shell } : {}),
  };
}

/** The history a built image continues: its own, or one line for an imported base. */
export function historyOf(image: Image): readonly HistoryEntry[] {
  if (image.built) return image.built.history;
  return [{ created: image.created, createdBy: '', size: image.size, emptyLayer: false, comment: image.origin === 'import' ? 'Imported from -' : '', id: image.id }];
}

/** The rootfs tree of a built image's parent chain (the base's comes from the shell, which knows the images' files). */
export function treeOf(image: Image, baseTree: (image: Image) => ReadonlyMap<string, TreeEntry>): ReadonlyMap<string, TreeEntry> {
  return image.built?.tree ?? baseTree(image);
}

/**
 * Commits a step on `parent` at `now`: the new image (not stored yet). `nonce`: the
 * step's build container, so that a step run again (`--no-cache`) is a new image, as
 * the real one is (its Created differs).
 */
export function commitStep(parent: Image, step: StepCommit, now: number, baseTree: (image: Image) => ReadonlyMap<string, TreeEntry>, nonce: string): Image {
  const c = step.config;
  const layers = [...(parent.layers ?? [parent.layer])];
  if (step.layer) layers.push(step.layer.digest);
  const size = parent.size + (step.layer?.size ?? 0);
  const identity = JSON.stringify({ parent: parent.id, config: c, createdBy: step.createdBy, layers, created: now, nonce });
  const id = `sha256:${sha256Hex(identity)}`;
  const entry: HistoryEntry = { created: now, createdBy: step.createdBy, size: step.layer?.size ?? 0, emptyLayer: step.layer === undefined, comment: step.comment ?? '', id };
  const sameCommand = c.cmd.join('\0') === parent.cmd.join('\0') && c.entrypoint.join('\0') === parent.entrypoint.join('\0');
  const built: BuiltImage = {
    parent: parent.id,
    history: [entry, ...historyOf(parent)],
    tree: step.layer?.tree ?? treeOf(parent, baseTree),
    user: c.user,
    ...(c.healthcheck ? { healthcheck: c.healthcheck } : {}),
    ...(c.shell ? { shell: c.shell } : {}),
    cacheKey: step.cacheKey ?? `${parent.id}\n${step.createdBy}`,
    ...(step.packages.size > 0 ? { packages: step.packages } : {}),
  };
  const image: Image = {
    ...parent,
    name: '<none>',
    tag: '<none>',
    id,
    created: now,
    size,
    layer: layers[0]!,
    layers,
    cmd: c.cmd,
    entrypoint: c.entrypoint,
    env: c.env,
    exposed: c.exposed,
    workingDir: c.workingDir,
    labels: c.labels,
    volumes: c.volumes,
    // The base's own servers run only while the command is still the base's.
    listens: sameCommand ? parent.listens : [],
    // What the RUN steps' packages installed is the image's own (runc finds it in PATH).
    executables: step.packages.size === 0 ? parent.executables : new Set([...parent.executables, ...[...step.packages.values()].flatMap((p) => p.executables)]),
    origin: 'build',
    built,
  };
  if (c.stopSignal !== undefined) image.stopSignal = c.stopSignal;
  if (!sameCommand) delete image.startupLog;
  delete image.blobs;
  return image;
}

/** A layer's diff ID: the digest of the files it holds (and of the packages a RUN step installed, which are no files here). */
export function layerDigest(changes: ReadonlyMap<string, TreeEntry | { kind: 'whiteout' }>, packages: readonly string[] = []): string {
  const listing = [...changes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, e]) => `${path}\0${e.kind}\0${e.kind === 'file' ? e.content : ''}`);
  return sha256Hex([...listing, ...packages.map((p) => `package\0${p}`)].join('\n'));
}
