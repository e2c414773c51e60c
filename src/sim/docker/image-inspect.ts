/**
 * `docker image inspect` / `docker inspect IMAGE`: Docker 28.5's
 * image.InspectResponse for an image of this host, with the names the
 * reference store gives it (RepoTags, RepoDigests) and its config as built:
 * Env, Entrypoint, Cmd, ExposedPorts, Volumes, WorkingDir, Labels, StopSignal.
 * An imported image (the rig's) says so in Comment and has no digest; a pulled
 * one was built by BuildKit and was never tagged here until `docker tag`.
 */
import type { Engine } from './engine.ts';
import { goMap, goNil, goStruct } from './govalue.ts';
import type { Image } from './images.ts';
import { goTime } from './go-time.ts';

/** Go's zero time.Time (LastTagTime of an image nobody tagged). */
const ZERO_TIME = '0001-01-01T00:00:00Z';

const sortedMap = (keys: readonly string[]): Record<string, unknown> => goMap(Object.fromEntries([...keys].sort().map((k) => [k, {}])));

export function imageObject(engine: Engine, image: Image): Record<string, unknown> {
  if (image.built) return builtImageObject(engine, image);
  const store = engine.imageService.store;
  const pulled = image.origin === 'pull';
  const tagged = store.lastTagTime(image.id);
  const labels = image.labels ?? {};
  return goStruct(
    {
      Id: image.id,
      RepoTags: store.repoTags(image.id),
      RepoDigests: store.repoDigests(image.id),
      Parent: '',
      Comment: pulled ? 'buildkit.dockerfile.v0' : 'Imported from -',
      Created: goTime(image.created),
      DockerVersion: '',
      Author: '',
      Config: goStruct(
        {
          ...(image.exposed.length > 0 ? { ExposedPorts: sortedMap(image.exposed) } : {}),
          Env: image.env,
          ...(image.entrypoint.length > 0 ? { Entrypoint: image.entrypoint } : {}),
          Cmd: image.cmd.length > 0 ? image.cmd : goNil('slice'),
          ...(image.volumes && image.volumes.length > 0 ? { Volumes: sortedMap(image.volumes) } : {}),
          ...(image.workingDir ? { WorkingDir: image.workingDir } : {}),
          ...(Object.keys(labels).length > 0 ? { Labels: goMap(Object.fromEntries(Object.keys(labels).sort().map((k) => [k, labels[k]]))) } : {}),
          ...(image.stopSignal ? { StopSignal: image.stopSignal } : {}),
        },
        'dockerspec.DockerOCIImageConfig',
        { User: '', ExposedPorts: goNil('map'), Env: goNil('slice'), Entrypoint: goNil('slice'), Cmd: goNil('slice'), Volumes: goNil('map'), WorkingDir: '', Labels: goNil('map'), StopSignal: '' },
      ),
      ...storedFields(image, tagged),
    },
    'image.InspectResponse',
    { Container: '', ContainerConfig: null, Variant: '', OsVersion: '', VirtualSize: 0, Descriptor: null, Manifests: goNil('slice') },
  );
}

/** Where and how the daemon stores an image: the same fields for every image (their place in the object differs). */
function storedFields(image: Image, tagged: number | undefined): Record<string, unknown> {
  return {
    Architecture: 'amd64',
    Os: 'linux',
    Size: image.size,
    GraphDriver: { Data: goNil('map'), Name: 'vfs' },
    RootFS: { Type: 'layers', Layers: (image.layers ?? [image.layer]).map((l) => `sha256:${l}`) },
    Metadata: { LastTagTime: tagged === undefined ? ZERO_TIME : goTime(tagged) },
  };
}

/** The daemon's version string (`docker version`'s Server), which the classic builder writes into what it commits. */
const DOCKER_VERSION = '28.5.2+dfsg4';

const mapOrNil = (entries: [string, unknown][]): unknown => (entries.length > 0 ? goMap(Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))) : goNil('map'));

/**
 * An image `docker build` (the classic builder) committed: a Parent, the daemon's
 * version, an empty Comment, and its config with every field the builder sets,
 * in the order the rig's daemon printed them (golden build-basic).
 */
function builtImageObject(engine: Engine, image: Image): Record<string, unknown> {
  const store = engine.imageService.store;
  const built = image.built!;
  const tagged = store.lastTagTime(image.id);
  return goStruct(
    {
      Id: image.id,
      RepoTags: store.repoTags(image.id),
      RepoDigests: store.repoDigests(image.id),
      Parent: built.parent,
      Comment: built.comment ?? '',
      Created: goTime(image.created),
      // BuildKit's exporter writes no docker_version into the config.
      DockerVersion: built.comment === undefined ? DOCKER_VERSION : '',
      Author: '',
      ...storedFields(image, tagged),
      Config: goStruct(
        {
          Cmd: image.cmd.length > 0 ? image.cmd : goNil('slice'),
          Entrypoint: image.entrypoint.length > 0 ? image.entrypoint : goNil('slice'),
          Env: image.env,
          ExposedPorts: mapOrNil(image.exposed.map((p) => [p, {}])),
          ...(built.healthcheck ? { Healthcheck: built.healthcheck } : {}),
          Labels: mapOrNil(Object.entries(image.labels ?? {})),
          OnBuild: goNil('slice'),
          ...(built.shell ? { Shell: built.shell } : {}),
          ...(image.stopSignal ? { StopSignal: image.stopSignal } : {}),
          User: built.user,
          Volumes: mapOrNil((image.volumes ?? []).map((v) => [v, {}])),
          WorkingDir: image.workingDir ?? '',
        },
        'dockerspec.DockerOCIImageConfig',
        { StopSignal: '', Healthcheck: null, Shell: goNil('slice') },
      ),
    },
    'image.InspectResponse',
    { Container: '', ContainerConfig: null, Variant: '', OsVersion: '', VirtualSize: 0, Descriptor: null, Manifests: goNil('slice') },
  );
}
