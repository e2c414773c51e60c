/**
 * The images a simulated host can have and what an image is: its config
 * (Entrypoint, Cmd, Env, ExposedPorts, WorkingDir...), its identity (ID,
 * layers, date, size) and its userland (which executables, which shells). A
 * world starts with an image set: `rig`, the real-docker rig's three (one
 * busybox-static rootfs, `docker import`ed with these configs; the default and
 * what the goldens were recorded with), or `playground`, which adds four
 * official images as pulled from Docker Hub. Only the playground has a
 * registry that answers (registry.ts); the rig's host is offline and every
 * pull fails with REGISTRY_ERROR, as the recorded engine's did.
 */
import type { L4Proto } from '../netfilter/index.ts';
import { resolveManifest } from './registry.ts';
import { parseNormalizedNamed, type NamedReference } from './reference.ts';
import { BUSYBOX_APPLETS, PATH_DIRS, PATH_ENV, type Distro, type ShellSet, type UserlandName } from './userland.ts';

export { BUSYBOX_APPLETS, type Distro };
export { IMAGE_SOCAT_VERSION, NGINX_VERSION, PYTHON_VERSION } from './catalog.ts';

export interface Image {
  /** The repository it was first known by, familiar (`busybox`, `training/webapp`); `<none>` once untagged. */
  name: string;
  /** Its tag there (`latest`), or `<none>`. */
  tag: string;
  /** `sha256:...`, as `docker inspect` shows it. */
  id: string;
  /** Config's Created, epoch ms (`docker images` CREATED). */
  created: number;
  /** Bytes (`docker images` SIZE: go-units HumanSize, 4.36MB). */
  size: number;
  /** The first layer's diff ID (hex): the rig's three images import the same rootfs tar. */
  layer: string;
  /** Every layer's diff ID, base first (RootFS.Layers); absent: `[layer]`. */
  layers?: readonly string[];
  /** The registry's compressed layer blobs (hex), base first: what a pull fetches or finds already there. */
  blobs?: readonly string[];
  cmd: string[];
  exposed: string[];
  env: string[];
  /** What the default command prints when it starts (its `docker logs`). */
  startupLog?: string;
  /**
   * A repository the catalog does not know (`wordpress`, `someone/app`): the registry gives
   * a busybox userland with `sh` in its place, and its default command says so in its logs.
   */
  standIn?: true;
  /** Servers the default command starts: what listens once the container runs. */
  listens: { proto: L4Proto; port: number; process: string }[];
  /** Config.Entrypoint (none for the rig's images); the process is ENTRYPOINT + CMD (see `mainProgram` in engine.ts). */
  entrypoint: string[];
  /**
   * What the image's entrypoint wrapper runs when the command starts with a flag
   * (docker-library's `set -- redis-server "$@"`), or also with a word that is no
   * program of the image (curlimages/curl's `command -v "$1"` test).
   */
  wrapperRuns?: { program: string; unlessProgram?: boolean };
  /** Config.StopSignal when the image sets one. */
  stopSignal?: string;
  /** Config.WorkingDir (where its processes start; `/` when unset). */
  workingDir?: string;
  /** Config.Volumes. */
  volumes?: string[];
  /** Config.Labels. */
  labels?: Record<string, string>;
  /** Whose tools answer: the rig's rootfs, busybox (Alpine, the busybox image), or GNU (Debian, Ubuntu, Oracle Linux). */
  distro: Distro;
  /** Every executable file of the rootfs, by absolute path. */
  executables: ReadonlySet<string>;
  /** The userland base (userland.ts) whose files the rootfs has; absent for the rig's own rootfs. */
  base?: UserlandName;
  /** Its shells and their prompts; absent: busybox ash only (the rig). */
  shells?: ShellSet;
  /** Named file sets the rootfs adds to its base (src/sim/shell/rootfs.ts). */
  fileSets?: readonly string[];
  /** `import` (the rig's images: Comment "Imported from -"), `pull` (from a registry: RepoDigests) or `build` (`docker build` here). */
  origin?: 'import' | 'pull' | 'build';
  /** What `docker build` adds (build/commit.ts): its parent image, steps, files and config beyond the above. */
  built?: BuiltImage;
}

/** A package of apk's or apt's catalog (src/sim/shell/pkg-catalog.ts) as a container or a built image has it. */
export interface InstalledPackage {
  name: string;
  version: string;
  /** Debian's architecture field (`amd64`, `all`); Alpine's are all x86_64. */
  arch: string;
  /** Bytes of the archive a download fetches. */
  download: number;
  /** Bytes on disk once installed. */
  installed: number;
  /** Packages of this catalog it needs, in the order they are installed. */
  depends: readonly string[];
  /** Executables it installs (absolute paths). */
  executables: readonly string[];
  /** Alpine: `main` or `community`. */
  repo: string;
}

/** A file tree entry of a built image's rootfs (the shell's fs Entry). */
export type TreeEntry = { kind: 'file'; content: string } | { kind: 'dir' };

/** One line of `docker history`: the step that made an image (or its base's import). */
export interface HistoryEntry {
  created: number;
  createdBy: string;
  /** Bytes the step's layer holds (0 for a step without one). */
  size: number;
  /** The step changed no files: no layer of its own. */
  emptyLayer: boolean;
  comment: string;
  /** The image the step committed (`<missing>` in history when gone). */
  id?: string;
}

export interface BuiltImage {
  /** Parent: the image the last step started from (`sha256:...`); '' for BuildKit's, which have none. */
  parent: string;
  /** Every step down to the base's import, newest first (what `docker history` prints). */
  history: readonly HistoryEntry[];
  /** The whole rootfs as the steps left it. */
  tree: ReadonlyMap<string, TreeEntry>;
  /** Config.User. */
  user: string;
  /** Config.Healthcheck (`Test`, and its durations in nanoseconds when given). */
  healthcheck?: Record<string, unknown>;
  /** Config.OnBuild, Config.Shell. */
  shell?: string[];
  /** What the image's own steps key the build cache on (the step's text with its inputs). */
  cacheKey: string;
  /** The image's Comment: BuildKit's frontend names itself (`buildkit.dockerfile.v0`); the legacy builder leaves it empty. */
  comment?: string;
  /** Packages `apk add` / `apt-get install` put in during RUN steps, by name (its containers start with them installed). */
  packages?: ReadonlyMap<string, InstalledPackage>;
}

/** Which images a world has: the rig's three (`vethlab run`, the goldens) or all seven (the browser playground). */
export type ImageSet = 'rig' | 'playground';

/** An image as a world starts with it: the image and the references that name it (a pulled one also by digest). */
export interface InitialImage {
  image: Image;
  refs: NamedReference[];
}

/** Executables of the rig's rootfs (shared by all three images): busybox and its applets, OpenBSD nc and the wget wrapper, the redis stand-in. */
const EXECUTABLES: ReadonlySet<string> = new Set([
  ...BUSYBOX_APPLETS.map((a) => `/bin/${a}`),
  '/bin/busybox',
  '/usr/bin/nc',
  '/usr/bin/wget',
  '/usr/local/bin/redis-reply',
  '/usr/local/bin/redis-server',
]);

/** Imported one after the other by the rig, before the engine's clock starts (the goldens say "42 minutes ago"). */
const IMPORTED = Date.UTC(2026, 10, 23, 21, 17, 58);
/** The busybox-static rootfs with OpenBSD nc and its glibc: 4.36MB in `docker images`, 4.361MB in `system df`; its bytes in `docker compose images --format json` (goldens docker-housekeeping, compose-manage). */
const ROOTFS_SIZE = 4_360_549;
/** Made up: no golden shows it. */
const ROOTFS_LAYER = '5c1f0b6e2d8a4f3b9e7c1a0d2b4f6e8a0c2e4a6b8d0f2a4c6e8b0d2f4a6c8e0b';

/** The rig imports its images with `--change 'STOPSIGNAL SIGKILL'`. */
const RIG: Pick<Image, 'entrypoint' | 'distro' | 'executables' | 'stopSignal' | 'origin'> = { entrypoint: [], distro: 'rig', executables: EXECUTABLES, stopSignal: 'SIGKILL', origin: 'import' };

/** The rig's images, in the order it imports them. */
export const IMAGES: readonly Image[] = [
  // IDs: the goldens show only the first 12 hex digits of busybox's and redis's; the rest is made up.
  { name: 'busybox', tag: 'latest', id: 'sha256:16fd50679aa4c0e1b2d3f4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f', created: IMPORTED, size: ROOTFS_SIZE, layer: ROOTFS_LAYER, cmd: ['sh'], exposed: [], env: [PATH_ENV], listens: [], ...RIG },
  {
    name: 'httpd',
    tag: 'latest',
    id: 'sha256:307b32bd92a96bb75a63ed7209006d36722d515b25cb9b777806f59004670f2d',
    created: IMPORTED + 1000,
    size: ROOTFS_SIZE,
    layer: ROOTFS_LAYER,
    cmd: ['httpd', '-f', '-p', '80', '-h', '/www'],
    exposed: ['80/tcp'],
    env: [PATH_ENV],
    listens: [{ proto: 'tcp', port: 80, process: 'httpd' }],
    ...RIG,
  },
  {
    name: 'redis',
    tag: 'latest',
    id: 'sha256:4d7bd8c60abe5f1e6d5b3a7c9e0f1d2c3b4a5968778695a4b3c2d1e0f9e8d7c6',
    created: IMPORTED + 2000,
    size: ROOTFS_SIZE,
    layer: ROOTFS_LAYER,
    cmd: ['redis-server'],
    startupLog: 'Ready to accept connections tcp 6379\n',
    exposed: ['6379/tcp'],
    env: [PATH_ENV],
    listens: [{ proto: 'tcp', port: 6379, process: 'redis-server' }],
    ...RIG,
  },
];

const named = (ref: string): NamedReference => {
  const parsed = parseNormalizedNamed(ref);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

/**
 * The playground's official images, pulled before the world starts: Docker
 * Hub's `latest` of alpine, nginx, python and ubuntu as the catalog has them
 * (catalog.ts: repo-info's alpine 3.24.2, nginx 1.31.6-trixie, python
 * 3.14.7-trixie, ubuntu 26.04), each named by its tag and its digest.
 */
const HUB_PULLED: readonly InitialImage[] = ['alpine', 'nginx', 'python', 'ubuntu'].map((name) => {
  const answer = resolveManifest(named(`${name}:latest`));
  if (!('manifest' in answer)) throw new Error(answer.error);
  const { image, ref, digest } = answer.manifest;
  return { image, refs: [ref, { domain: ref.domain, path: ref.path, digest }] };
});

const RIG_INITIAL: readonly InitialImage[] = IMAGES.map((image) => ({ image, refs: [named(`${image.name}:${image.tag}`)] }));

/** The images each kind of world starts with. */
export const IMAGE_SETS: Record<ImageSet, readonly InitialImage[]> = { rig: RIG_INITIAL, playground: [...RIG_INITIAL, ...HUB_PULLED] };

/** `docker pull` / `docker run` of anything else on the rig's host: the daemon cannot reach the registry (rig fact). */
export const REGISTRY_ERROR = 'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 192.168.1.1:53: no such host';

/** The file `name` resolves to in the image through PATH (as runc's exec does), or undefined. */
export function resolveExecutable(image: Image, name: string, env: readonly string[]): string | undefined {
  const files = image.executables;
  if (name.includes('/')) return files.has(name) ? name : undefined;
  const path = env.find((e) => e.startsWith('PATH='))?.slice(5).split(':') ?? PATH_DIRS;
  for (const dir of path) if (files.has(`${dir}/${name}`)) return `${dir}/${name}`;
  return undefined;
}
