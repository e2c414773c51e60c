/**
 * The docker client's housekeeping commands, as client 28.2.2 prints them against
 * daemon 28.5.2 (golden docker-housekeeping): `wait`, `diff`, `system df`, and the
 * prune family (`container`, `image` and `system prune`; `network` and `volume prune`
 * live with their objects). Disk figures come from what the simulation holds: the
 * images' sizes, each container's writable layer, each volume's files.
 */
import { DockerError, type Engine } from '../../docker/engine.ts';
import type { Container } from '../../docker/model.ts';
import type { Image } from '../../docker/images.ts';
import { volumeSize } from '../../docker/volumes.ts';
import type { LayerChange } from '../fs.ts';
import { fail, ok, type CommandOutput } from '../types.ts';
import { isParsed, parseCommandFlags } from './flags.ts';
import { humanSize, table } from './format.ts';
import { argCountError, daemonError, noArgsError, unknownCommand } from './usage.ts';

/** A container's writable layer as `docker diff` and `system df` see it (the shell layer keeps the files). */
export interface ContainerLayers {
  /** What it changed against its image. */
  changes(c: Container): LayerChange[];
  /** The bytes its files hold (SizeRw). */
  size(c: Container): number;
}

/** go-units HumanSize: four significant digits (`4.361MB`), as df and prune print space. */
const spaceSize = (bytes: number): string => humanSize(bytes, 4);

/** `docker wait CONTAINER...`: each one's exit status once it has stopped. */
export function waitCommand(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('wait', argv, []);
  if (!isParsed(f)) return f;
  if (f.args.length < 1) return argCountError('wait', 'at least 1 argument');
  let stdout = '';
  let stderr = '';
  for (const ref of f.args) {
    const c = engine.findContainer(ref);
    if (!c) stderr += daemonError(`No such container: ${ref}`);
    else if (c.state === 'running' || c.state === 'paused') {
      // The real client blocks until the container stops; nothing here would stop it while it waits.
      stderr += `vethlab: docker wait ${ref} would wait forever: its main process runs until the container is stopped (docker stop ${ref} in another tab)\n`;
    } else stdout += `${c.exitCode}\n`;
  }
  return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 };
}

/** `docker diff CONTAINER`: its writable layer's changes, `A`/`C`/`D` and the path. */
export function diffCommand(engine: Engine, layers: ContainerLayers, argv: string[]): CommandOutput {
  const f = parseCommandFlags('diff', argv, []);
  if (!isParsed(f)) return f;
  if (f.args.length !== 1) return argCountError('diff', '1 argument');
  const c = engine.findContainer(f.args[0]!);
  if (!c) return fail(daemonError(`No such container: ${f.args[0]}`), 1);
  return ok(layers.changes(c).map((ch) => `${ch.kind} ${ch.path}\n`).join(''));
}

/** An image's layers as one key: images with the same key hold the same bytes once. */
const layerKey = (image: Image): string => (image.layers ?? [image.layer]).join(' ');

/**
 * An image's layers as the daemon counts them, each keyed by its chain (the layers
 * under it and itself), with their bytes: a pulled or imported image's as one set; a
 * built image's base as its base's set, then one per step that wrote files.
 */
function layersOf(image: Image): [string, number][] {
  const diffIds = image.layers ?? [image.layer];
  if (!image.built) return [[layerKey(image), image.size]];
  // The steps' layers, oldest first (the history lists the newest first).
  const own = image.built.history.filter((e) => !e.emptyLayer && e.createdBy !== '' && e.comment === (image.built!.comment ?? '')).map((e) => e.size).reverse();
  const baseCount = diffIds.length - own.length;
  const baseSize = image.size - own.reduce((a, b) => a + b, 0);
  return [[diffIds.slice(0, baseCount).join(' '), baseSize], ...own.map((size, i): [string, number] => [diffIds.slice(0, baseCount + i + 1).join(' '), size])];
}

const isActive = (c: Container): boolean => c.state === 'running' || c.state === 'paused';

/** `x (N%)` of a total, or only x when the total is nothing (formatter/disk_usage.go). */
function reclaimable(part: number, total: number): string {
  return total > 0 ? `${spaceSize(part)} (${Math.floor((part * 100) / total)}%)` : spaceSize(part);
}

/** `docker system df`: images, containers, local volumes and build cache, what they hold and what a prune would free. */
function systemDf(engine: Engine, layers: ContainerLayers, argv: string[]): CommandOutput {
  const f = parseCommandFlags('system df', argv, [
    { long: 'verbose', short: 'v', kind: 'bool' },
    { long: 'format', kind: 'string' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length > 0) return noArgsError('system df');
  if (f.bools.has('verbose') || f.strings.has('format')) return fail('vethlab: docker system df -v and --format are not modelled here (plain docker system df is)\n', 1);
  const containers = [...engine.containers.values()];
  const images = engine.imageService.store.list();
  const usedBy = (id: string) => containers.filter((c) => engine.imageOf(c).id === id).length;
  // The daemon counts each layer once (LayersSize): the rig's three images share one, a build's steps share their parents'.
  const layerSets = new Map<string, number>();
  for (const image of images) for (const [key, size] of layersOf(image)) layerSets.set(key, size);
  const imagesTotal = [...layerSets.values()].reduce((a, b) => a + b, 0);
  // An image in use holds only what no other image shares (Size - SharedSize).
  const ownSize = (image: Image) => layersOf(image).filter(([key]) => !images.some((o) => o.id !== image.id && layersOf(o).some(([k]) => k === key))).reduce((sum, [, size]) => sum + size, 0);
  const imagesUsed = images.filter((i) => usedBy(i.id) > 0).reduce((sum, i) => sum + ownSize(i), 0);
  const sizes = containers.map((c) => ({ c, size: layers.size(c) }));
  const containersTotal = sizes.reduce((sum, s) => sum + s.size, 0);
  const containersIdle = sizes.filter((s) => !isActive(s.c)).reduce((sum, s) => sum + s.size, 0);
  const volumes = [...engine.volumes.values()].map((v) => ({ size: volumeSize(v), used: engine.volumeUsers(v.name).length > 0 }));
  const volumesTotal = volumes.reduce((sum, v) => sum + v.size, 0);
  const volumesIdle = volumes.filter((v) => !v.used).reduce((sum, v) => sum + v.size, 0);
  return ok(
    table([
      ['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'],
      ['Images', String(images.length), String(images.filter((i) => usedBy(i.id) > 0).length), spaceSize(imagesTotal), reclaimable(imagesTotal - imagesUsed, imagesTotal)],
      ['Containers', String(containers.length), String(containers.filter(isActive).length), spaceSize(containersTotal), reclaimable(containersIdle, containersTotal)],
      ['Local Volumes', String(volumes.length), String(volumes.filter((v) => v.used).length), spaceSize(volumesTotal), reclaimable(volumesIdle, volumesTotal)],
      ['Build Cache', '0', '0', '0B', '0B'],
    ]),
  );
}

/** What one prune removed: the client's lines for it and the bytes it freed. */
interface Pruned {
  output: string;
  space: number;
}

/** ContainersPrune: every container not running or paused, with its writable layer. */
function pruneContainers(engine: Engine, layers: ContainerLayers): Pruned {
  const stopped = [...engine.containers.values()].filter((c) => !isActive(c));
  let space = 0;
  for (const c of stopped) {
    space += layers.size(c);
    engine.remove(c.id);
  }
  return { output: stopped.length > 0 ? `Deleted Containers:\n${stopped.map((c) => `${c.id}\n`).join('')}` : '', space };
}

/** ImagesPrune: dangling images (no tag), or with `all` every image no container uses. */
function pruneImages(engine: Engine, all: boolean): Pruned {
  const store = engine.imageService.store;
  const inUse = new Set([...engine.containers.values()].map((c) => engine.imageOf(c).id));
  const lines: string[] = [];
  let space = 0;
  for (const image of store.list()) {
    if (inUse.has(image.id)) continue;
    const dangling = store.refsOf(image.id).every((r) => r.tag === undefined);
    if (!all && !dangling) continue;
    try {
      // rmi's `Untagged:`/`Deleted:` records, as the prune report words them.
      lines.push(...engine.imageService.remove(image.id, true).map((l) => l.replace(/^Untagged:/, 'untagged:').replace(/^Deleted:/, 'deleted:')));
      if (store.list().every((i) => layerKey(i) !== layerKey(image))) space += image.size;
    } catch (e) {
      if (!(e instanceof DockerError)) throw e;
    }
  }
  return { output: lines.length > 0 ? `Deleted Images:\n${lines.map((l) => `${l}\n`).join('')}` : '', space };
}

/** A prune the client asks about first: without -f it reads "no" from the empty stdin and gives up quietly. */
function confirmed(force: boolean, warning: string): CommandOutput | undefined {
  return force ? undefined : ok(`${warning}\nAre you sure you want to continue? [y/N] `);
}

const report = (parts: Pruned[]): string => parts.filter((p) => p.output !== '').map((p) => `${p.output}\n`).join('') + `Total reclaimed space: ${spaceSize(parts.reduce((sum, p) => sum + p.space, 0))}\n`;

/** `docker container prune [-f]`. */
export function containerPrune(engine: Engine, layers: ContainerLayers, argv: string[]): CommandOutput {
  const f = parseCommandFlags('container prune', argv, [
    { long: 'force', short: 'f', kind: 'bool' },
    { long: 'filter', kind: 'list' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length > 0) return noArgsError('container prune');
  if ((f.lists.get('filter') ?? []).length > 0) return fail('vethlab: docker container prune --filter is not modelled here\n', 1);
  return confirmed(f.bools.has('force'), 'WARNING! This will remove all stopped containers.') ?? ok(report([pruneContainers(engine, layers)]));
}

/** `docker image prune [-a] [-f]`. */
export function imagePrune(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('image prune', argv, [
    { long: 'force', short: 'f', kind: 'bool' },
    { long: 'all', short: 'a', kind: 'bool' },
    { long: 'filter', kind: 'list' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length > 0) return noArgsError('image prune');
  if ((f.lists.get('filter') ?? []).length > 0) return fail('vethlab: docker image prune --filter is not modelled here\n', 1);
  const all = f.bools.has('all');
  const warning = all ? 'WARNING! This will remove all images without at least one container associated to them.' : 'WARNING! This will remove all dangling images.';
  return confirmed(f.bools.has('force'), warning) ?? ok(report([pruneImages(engine, all)]));
}

/** `docker system prune [-a] [--volumes] [-f]`: stopped containers, unused networks, (anonymous volumes,) images, build cache. */
function systemPrune(engine: Engine, layers: ContainerLayers, argv: string[]): CommandOutput {
  const f = parseCommandFlags('system prune', argv, [
    { long: 'force', short: 'f', kind: 'bool' },
    { long: 'all', short: 'a', kind: 'bool' },
    { long: 'volumes', kind: 'bool' },
    { long: 'filter', kind: 'list' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length > 0) return noArgsError('system prune');
  if ((f.lists.get('filter') ?? []).length > 0) return fail('vethlab: docker system prune --filter is not modelled here\n', 1);
  const all = f.bools.has('all');
  const volumes = f.bools.has('volumes');
  const warnings = [
    'all stopped containers',
    'all networks not used by at least one container',
    ...(volumes ? ['all anonymous volumes not used by at least one container'] : []),
    all ? 'all images without at least one container associated to them' : 'all dangling images',
    all ? 'all build cache' : 'unused build cache',
  ];
  const asked = confirmed(f.bools.has('force'), `WARNING! This will remove:\n${warnings.map((w) => `  - ${w}\n`).join('')}`);
  if (asked) return asked;
  const parts: Pruned[] = [pruneContainers(engine, layers)];
  const networks = engine.pruneNetworks();
  parts.push({ output: networks.length > 0 ? `Deleted Networks:\n${networks.map((n) => `${n}\n`).join('')}` : '', space: 0 });
  if (volumes) {
    const pruned = engine.pruneVolumes(false);
    parts.push({ output: pruned.names.length > 0 ? `Deleted Volumes:\n${pruned.names.map((n) => `${n}\n`).join('')}` : '', space: pruned.size });
  }
  parts.push(pruneImages(engine, all));
  return ok(report(parts));
}

/** `docker system SUB`: df and prune here; info and events as their own commands are. */
export function systemCommand(engine: Engine, layers: ContainerLayers, argv: string[], info: (argv: string[]) => CommandOutput): CommandOutput {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'df':
      return systemDf(engine, layers, rest);
    case 'prune':
      return systemPrune(engine, layers, rest);
    case 'info':
      return info(rest);
    case 'events':
    case 'dial-stdio':
      return notModelled(`system ${sub}`);
    case undefined:
      return fail('\nUsage:  docker system COMMAND\n\nManage Docker\n\nRun \'docker system COMMAND --help\' for more information on a command.\n', 0);
    default:
      return unknownCommand(`system ${sub}`, 'system');
  }
}

/**
 * Real docker commands this host does not model, each with the reason in one line
 * (never "unknown command", which would say Docker lacks them).
 */
const NOT_MODELLED: Readonly<Record<string, string>> = {
  buildx: 'the buildx plugin is not installed on this host (docker build runs the legacy builder)',
  builder: 'the build cache is not managed apart from the images here (docker build runs the legacy builder)',
  commit: 'containers cannot be saved as new images here',
  save: 'images cannot be written to tar archives here',
  load: 'images cannot be read from tar archives here',
  export: 'containers cannot be written to tar archives here',
  import: 'images cannot be read from tar archives here',
  history: "the images' build history is not recorded here",
  push: 'there is no registry to push to here',
  login: 'there is no registry account here',
  logout: 'there is no registry account here',
  events: 'the daemon keeps no event stream here',
  context: 'this client has one context, the simulated host',
  swarm: 'swarm mode is not modelled here',
  service: 'swarm mode is not modelled here',
  stack: 'swarm mode is not modelled here',
  node: 'swarm mode is not modelled here',
  secret: 'swarm mode is not modelled here',
  config: 'swarm mode is not modelled here',
  plugin: 'plugins are not modelled here',
  trust: 'content trust is not modelled here',
  manifest: 'registry manifests are not modelled here',
  scout: 'docker scout is not installed on this host',
  init: 'docker init is not installed on this host',
  checkpoint: 'checkpoints are not modelled here',
};

/** One honest line for a real docker command this host does not model. */
export function notModelled(command: string): CommandOutput {
  const words = command.split(' ');
  const reason = NOT_MODELLED[words[words.length - 1]!] ?? 'it is not modelled here';
  return fail(`vethlab: docker ${command} is a real command, but ${reason}\n`, 1);
}

/** `docker stats`: the daemon looks the containers up first; there is nothing to measure after that. */
export function statsCommand(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('stats', argv, [
    { long: 'all', short: 'a', kind: 'bool' },
    { long: 'no-stream', kind: 'bool' },
    { long: 'no-trunc', kind: 'bool' },
    { long: 'format', kind: 'string' },
  ]);
  if (!isParsed(f)) return f;
  const missing = f.args.find((ref) => !engine.findContainer(ref));
  if (missing !== undefined) return fail(daemonError(`No such container: ${missing}`), 1);
  return fail('vethlab: docker stats is a real command, but containers here use no CPU or memory to measure\n', 1);
}

/** `docker search TERM`: Docker Hub's v1 search, which the rig's offline daemon cannot resolve. */
export function searchCommand(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('search', argv, [
    { long: 'limit', kind: 'string' },
    { long: 'filter', short: 'f', kind: 'list' },
    { long: 'format', kind: 'string' },
    { long: 'no-trunc', kind: 'bool' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length !== 1) return argCountError('search', '1 argument');
  if (engine.imageService.online) return fail("vethlab: docker search is a real command, but Docker Hub's search is not modelled here\n", 1);
  const limit = f.strings.get('limit') ?? '25';
  return fail(daemonError(`Get "https://index.docker.io/v1/search?q=${encodeURIComponent(f.args[0]!)}&n=${limit}": dial tcp: lookup index.docker.io on 192.168.1.1:53: no such host`), 1);
}

