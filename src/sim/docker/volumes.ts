/**
 * Volumes and mounts as dockerd keeps them: the local volume driver's volumes
 * (name, labels, their files), a container's mount points from `-v` binds,
 * `--mount` specs, anonymous volumes and `--volumes-from`, with the daemon's
 * parsing and validation errors (volume/mounts/linux_parser.go, recorded in
 * goldens volumes-cli and volumes-mount), and the `Mounts` inspect shows.
 * A volume's files are plain data here; the shell layer gives them a file tree.
 */
import { DockerError } from './errors.ts';
import { goMap } from './govalue.ts';

/** One path of a volume's tree (the same shape as a container's writable layer). */
export type VolumeEntry = { kind: 'file'; content: string } | { kind: 'dir' } | { kind: 'whiteout' };
/** A volume's files by absolute path from the volume's root (`/index.html`). */
export type VolumeFiles = Map<string, VolumeEntry>;

/** Docker marks the volumes it makes for `-v /path` and image VOLUMEs; `volume prune` without -a takes only those. */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

export interface Volume {
  name: string;
  /** Virtual time of creation, epoch ms. */
  created: number;
  labels: Record<string, string> | undefined;
  files: VolumeFiles;
}

export type MountType = 'bind' | 'volume' | 'tmpfs';

/** A mount as the API's HostConfig.Mounts entry (`--mount`), keys as the client sends them. */
export interface MountRequest {
  type: string;
  source?: string;
  target?: string;
  readOnly?: boolean;
  noCopy?: boolean;
}

/** A container's mount point (the daemon's MountPoint). */
export interface MountPoint {
  type: MountType;
  /** Host path (bind), volume name (volume), '' (tmpfs). */
  source: string;
  destination: string;
  rw: boolean;
  /** Inspect's Mode: the `-v` mode text for binds, `z` for named volumes, '' for `-v /path` and tmpfs. */
  mode: string;
  /** A new volume is filled from the image's files at its destination (not for binds, nor `nocopy`). */
  copyUp: boolean;
}

/** What the user asked for, as inspect's HostConfig and Config show it. */
export interface MountConfig {
  /** HostConfig.Binds: `-v SRC:DST[:MODE]` as given. */
  binds: string[];
  /** HostConfig.Mounts: `--mount` as sent. */
  mounts: MountRequest[];
  /** Config.Volumes: `-v /path` targets. */
  anonymous: string[];
  /** HostConfig.VolumesFrom. */
  volumesFrom: string[];
}

/** The host's files as dockerd sees them: a bind source must exist (`--mount`) or is created (`-v`). */
export interface HostPaths {
  kind(path: string): 'file' | 'dir' | undefined;
  mkdirAll(path: string): void;
}

const VOLUME_NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const BIND_MODES = new Set(['ro', 'rw', 'z', 'Z', 'nocopy', 'shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate', 'consistent', 'cached', 'delegated']);

export function volumeNameProblem(name: string): string | undefined {
  if (VOLUME_NAME_RE.test(name)) return undefined;
  return `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`;
}

const mountConfigError = (type: string, why: string) => new DockerError(`invalid mount config for type "${type}": ${why}`);
const notAbsolute = (path: string) => `invalid mount path: '${path}' mount path must be absolute`;

/** The daemon's reading of one `-v SRC:DST[:MODE]` bind (ParseMountRaw). */
export function parseBind(spec: string): MountPoint {
  const parts = spec.split(':');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) throw new DockerError(`invalid volume specification: '${spec}'`);
  const [source = '', destination = '', mode = ''] = parts;
  const modes = mode === '' ? [] : mode.split(',');
  if (modes.some((m) => !BIND_MODES.has(m)) || modes.filter((m) => m === 'ro' || m === 'rw').length > 1) throw new DockerError(`invalid mode: ${mode}`);
  const type: MountType = source.startsWith('/') ? 'bind' : 'volume';
  if (!destination.startsWith('/')) throw new DockerError(`invalid volume specification: '${spec}': invalid mount config for type "${type}": ${notAbsolute(destination)}`);
  if (type === 'volume') {
    const problem = volumeNameProblem(source);
    if (problem) throw new DockerError(problem);
  }
  const rw = !modes.includes('ro');
  return { type, source, destination: normalize(destination), rw, mode: type === 'volume' && mode === '' ? 'z' : mode, copyUp: type === 'volume' && !modes.includes('nocopy') };
}

/** The daemon's checks of one `--mount` (validateMountConfig), in its order: target, then by type. */
export function parseMountRequest(m: MountRequest, host: HostPaths | undefined): MountPoint {
  const target = m.target ?? '';
  if (target === '') throw mountConfigError(m.type, 'field Target must not be empty');
  if (!target.startsWith('/')) throw mountConfigError(m.type, notAbsolute(target));
  const source = m.source ?? '';
  const rw = !m.readOnly;
  switch (m.type) {
    case 'bind':
      if (source === '') throw mountConfigError('bind', 'field Source must not be empty');
      if (!source.startsWith('/')) throw mountConfigError('bind', notAbsolute(source));
      if (host && host.kind(source) === undefined) throw mountConfigError('bind', `bind source path does not exist: ${source}`);
      return { type: 'bind', source: normalize(source), destination: normalize(target), rw, mode: '', copyUp: false };
    case 'volume':
      if (source !== '') {
        const problem = volumeNameProblem(source);
        if (problem) throw new DockerError(problem);
      }
      return { type: 'volume', source, destination: normalize(target), rw, mode: 'z', copyUp: !m.noCopy };
    case 'tmpfs':
      if (source !== '') throw mountConfigError('tmpfs', 'field Source must not be specified');
      return { type: 'tmpfs', source: '', destination: normalize(target), rw, mode: '', copyUp: false };
    default:
      throw mountConfigError(m.type, 'mount type unknown');
  }
}

/** `/a//b/` -> `/a/b`, as filepath.Clean leaves a mount path. */
function normalize(path: string): string {
  return `/${path.split('/').filter((p) => p !== '' && p !== '.').join('/')}`;
}

/** The bytes a volume holds, as `volume prune` reports them (regular files only). */
export function volumeSize(v: Volume): number {
  let size = 0;
  for (const e of v.files.values()) if (e.kind === 'file') size += new TextEncoder().encode(e.content).length;
  return size;
}

/** Where the local driver keeps a volume's files on the host. */
export const volumeMountpoint = (name: string) => `/var/lib/docker/volumes/${name}/_data`;

/** One entry of a container's inspect `Mounts`, as the API writes it. */
export function mountObject(m: MountPoint): Record<string, unknown> {
  if (m.type === 'volume') {
    return { Type: 'volume', Name: m.source, Source: volumeMountpoint(m.source), Destination: m.destination, Driver: 'local', Mode: m.mode, RW: m.rw, Propagation: '' };
  }
  if (m.type === 'tmpfs') return { Type: 'tmpfs', Source: '', Destination: m.destination, Mode: '', RW: m.rw, Propagation: '' };
  return { Type: 'bind', Source: m.source, Destination: m.destination, Mode: m.mode, RW: m.rw, Propagation: 'rprivate' };
}

/** One HostConfig.Mounts entry as the client sent it (empty fields left out). */
export function mountRequestObject(m: MountRequest): Record<string, unknown> {
  return {
    Type: m.type,
    ...(m.source ? { Source: m.source } : {}),
    ...(m.target ? { Target: m.target } : {}),
    ...(m.readOnly ? { ReadOnly: true } : {}),
    ...(m.noCopy ? { VolumeOptions: { NoCopy: true } } : {}),
  };
}

/** `docker volume inspect`'s object. */
export function volumeObject(v: Volume): Record<string, unknown> {
  return {
    CreatedAt: new Date(v.created).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Driver: 'local',
    Labels: v.labels ? goMap({ ...v.labels }) : null,
    Mountpoint: volumeMountpoint(v.name),
    Name: v.name,
    Options: null,
    Scope: 'local',
  };
}
