/**
 * What Compose asks the engine to do, through the engine's public API only (as
 * the docker client does): `up` (networks, volumes, containers created in
 * dependency order then started), `down`, `stop`, `start`, `restart`, and the
 * lookups the other commands make (a project's containers by their
 * `com.docker.compose.*` labels). Each operation reports the progress events
 * Compose prints (` Container demo-web-1  Started`) in a fixed plausible order:
 * the real Compose runs the services of one dependency level in parallel, so
 * its order within a level varies from run to run.
 */
import { DockerError, type ContainerCreateOptions, type Engine } from '../../docker/engine.ts';
import type { Container, PortBinding } from '../../docker/model.ts';
import type { MountRequest } from '../../docker/volumes.ts';
import { familiarString, parseNormalizedNamed, withDefaultTag } from '../../docker/reference.ts';
import { sha256Hex } from '../../docker/sha256.ts';
import { ComposeError, dependencyLevels, withDependencies, type NetworkDef, type Project, type Service } from './model.ts';
import { pullRequiredImages } from './pull.ts';
import { serviceHealthcheck, waitDependencies } from './health.ts';
import { defaultRunSettings } from '../../docker/run-settings.ts';

export const COMPOSE_VERSION = '2.40.3';

export const LABEL = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  network: 'com.docker.compose.network',
  volume: 'com.docker.compose.volume',
  oneoff: 'com.docker.compose.oneoff',
  number: 'com.docker.compose.container-number',
  hash: 'com.docker.compose.config-hash',
  version: 'com.docker.compose.version',
  dependsOn: 'com.docker.compose.depends_on',
  image: 'com.docker.compose.image',
  slug: 'com.docker.compose.slug',
  configFiles: 'com.docker.compose.project.config_files',
  workingDir: 'com.docker.compose.project.working_dir',
} as const;

/** A Compose operation's outcome: progress events, logrus warnings, and the error that ended it. */
export interface Outcome {
  events: string[];
  warnings: string[];
  error?: string;
}

export interface UpOptions {
  start: boolean;
  /** The services the command named (--force-recreate applies to them, not to their dependencies). */
  requested?: string[];
  alwaysRecreateDeps?: boolean;
  /** `--scale SERVICE=N` (and the scale command): replicas instead of the file's. */
  scale?: Map<string, number>;
  noDeps?: boolean;
  forceRecreate?: boolean;
  noRecreate?: boolean;
  removeOrphans?: boolean;
  pullPolicy?: string;
  quietPull?: boolean;
  /** `--build` (build every service with `build:`) or `--no-build` (never build). */
  build?: 'always' | 'never';
}

/** Which container of a service a create request is for: its name, its number (none for a one-off), a one-off's slug. */
export interface ContainerInstance {
  name: string;
  number?: number;
  slug?: string;
  /** getAliases' useNetworkAliases: the service name and its aliases too (always for `up`; `run --use-aliases`). */
  useAliases: boolean;
}

export interface Hooks {
  /** A container was started: its main process begins (the docker client's onStarted). */
  onStarted?: (c: Container) => void;
  /** The virtual clock moves on by ms and what fell due runs: `up` waiting for a healthy dependency. */
  passTime?: (ms: number) => void;
  /** Builds a service's image (build.ts); throws a ComposeError when it cannot. */
  build?: (project: Project, s: Service, out: Outcome) => void;
  /** The services to build before anything is created (build.ts's servicesToBuild). */
  toBuild?: (project: Project, services: readonly string[], build?: 'always' | 'never') => Service[];
}

/**
 * Named volumes Compose created, per engine (` Volume demo_data Created`), so that
 * a second `up` does not announce one again and `down -v` removes it; the volumes
 * themselves are the engine's (`<project>_<key>`, with Compose's labels).
 */
const VOLUMES = new WeakMap<Engine, Map<string, string>>();

export function composeVolumes(engine: Engine): Map<string, string> {
  let v = VOLUMES.get(engine);
  if (!v) VOLUMES.set(engine, (v = new Map()));
  return v;
}

const event = (kind: 'Container' | 'Network' | 'Volume' | 'Image', name: string, status: string) => ` ${kind} ${name}  ${status}`;

const daemonText = (e: DockerError) => (e.side === 'client' ? e.message : `Error response from daemon: ${e.message}`);

/**
 * A service's `volumes:` as Compose sends them (buildContainerVolumes): short-syntax
 * binds (create_host_path) as HostConfig.Binds, so that dockerd creates a missing
 * source; the rest as HostConfig.Mounts, a named volume by its project name.
 */
function serviceMounts(project: Project, s: Service): Pick<ContainerCreateOptions, 'binds' | 'mounts'> {
  const binds: string[] = [];
  const mounts: MountRequest[] = [];
  for (const m of s.volumes) {
    const createHostPath = (m.other.bind as { create_host_path?: unknown } | undefined)?.create_host_path === true;
    if (m.type === 'bind' && createHostPath && m.source) {
      binds.push(`${m.source}:${m.target}${m.readOnly ? ':ro' : ':rw'}`);
      continue;
    }
    const source = m.type === 'volume' && m.source ? (project.volumes.get(m.source)?.name ?? m.source) : m.source;
    const r: MountRequest = { type: m.type, target: m.target };
    if (source) r.source = source;
    if (m.readOnly) r.readOnly = true;
    mounts.push(r);
  }
  return { ...(binds.length > 0 ? { binds } : {}), ...(mounts.length > 0 ? { mounts } : {}) };
}

/** Whether a container is a one-off of `docker compose run` (`com.docker.compose.oneoff=True`). */
export const isOneOff = (c: Container): boolean => c.labels?.[LABEL.oneoff] === 'True';

/**
 * The project's containers (by label), sorted by name; running ones only unless
 * `all`; one-off containers (`run`) only with `oneOff: 'include'`, as Compose's
 * getContainers filters them per command.
 */
export function projectContainers(engine: Engine, project: string, opts: { all?: boolean; services?: string[]; oneOff?: 'include' | 'exclude' } = {}): Container[] {
  return [...engine.containers.values()]
    .filter((c) => c.labels?.[LABEL.project] === project && c.labels[LABEL.hash] !== undefined)
    .filter((c) => opts.oneOff === 'include' || !isOneOff(c))
    .filter((c) => opts.all || c.state === 'running' || c.state === 'paused')
    .filter((c) => !opts.services || opts.services.length === 0 || opts.services.includes(c.labels?.[LABEL.service] ?? ''))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `PROJECT-SERVICE-N` (the Nth replica), or the service's `container_name`. */
/**
 * The image a service runs: its `image:`, else the one Compose names for its `build:`
 * (`<project>-<service>`, golden pending/compose-build).
 */
export function serviceImage(project: Project, s: Service): string {
  return s.image ?? `${project.name}-${s.name}`;
}

export function containerName(project: Project, s: Service, number = 1): string {
  return s.containerName ?? `${project.name}-${s.name}-${number}`;
}

/** An image as Compose names it in down's events: familiar, with its tag (`httpd:latest`); '' when unparsable. */
function taggedName(image: string): string {
  const ref = parseNormalizedNamed(image);
  return ref.ok ? familiarString(withDefaultTag(ref.value)) : '';
}

/** A service container's number (`com.docker.compose.container-number`). */
export const containerNumber = (c: Container): number => Number(c.labels?.[LABEL.number] ?? 0);

/** How many containers the file asks for: `deploy.replicas`, else the older `scale`, else 1. */
export function replicasOf(s: Service): number {
  const deploy = s.extra.deploy as { replicas?: unknown } | undefined;
  const replicas = deploy?.replicas ?? s.extra.scale;
  return typeof replicas === 'number' ? replicas : typeof replicas === 'string' && /^\d+$/.test(replicas) ? Number(replicas) : 1;
}

/** How Compose names a container in logs: without the project prefix unless container_name chose it. */
export function shortName(c: Container): string {
  const project = c.labels?.[LABEL.project] ?? '';
  const service = c.labels?.[LABEL.service] ?? '';
  const number = c.labels?.[LABEL.number] ?? '1';
  return c.name === `${project}-${service}-${number}` ? c.name.slice(project.length + 1) : c.name;
}

/**
 * The service's configuration digest (`com.docker.compose.config-hash`):
 * compose hashes the service's JSON without its name, build, pull policy, scale
 * and depends_on (hash.go ServiceHash), so two services configured alike share
 * a hash; this hashes the same parts of vethlab's model (deterministic, not
 * byte-identical with Compose's).
 */
export function serviceHash(s: Service): string {
  const { name: _name, dependsOn: _deps, ...rest } = s;
  const { pull_policy: _policy, ...extra } = s.extra;
  return sha256Hex(JSON.stringify({ ...rest, extra }, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v)));
}

function networkHash(n: NetworkDef): string {
  return sha256Hex(JSON.stringify(n));
}

/** The networks in the order Compose joins them (NetworksByPriority: priority, then name); the first is the network mode. */
function networksByPriority(s: Service): string[] {
  const priority = (key: string) => Number(s.networks.get(key)?.other.priority ?? 0);
  return [...s.networks.keys()].sort((a, b) => priority(b) - priority(a) || (a < b ? -1 : a > b ? 1 : 0));
}

function publishedPorts(s: Service): PortBinding[] {
  const protos: readonly string[] = ['tcp', 'udp', 'sctp'];
  return s.ports.filter((p) => protos.includes(p.protocol)).map((p) => {
    const [first, last] = (p.published ?? '0').split('-').map(Number) as [number, number | undefined];
    const binding: PortBinding = { proto: p.protocol as PortBinding['proto'], containerPort: p.target, hostIp: p.hostIp ?? '0.0.0.0', hostPort: first, requested: { hostIp: p.hostIp ?? '', hostPort: p.published ?? '' } };
    if (last !== undefined && last > first) binding.hostPortEnd = last;
    return binding;
  });
}

export class ComposeOps {
  private readonly engine: Engine;
  private readonly hooks: Hooks;
  private readonly clientEnv: Record<string, string>;

  constructor(engine: Engine, hooks: Hooks, clientEnv: Record<string, string>) {
    this.engine = engine;
    this.hooks = hooks;
    this.clientEnv = clientEnv;
  }

  /**
   * The container create request for one container of a service (create.go
   * getCreateConfigs): a service's numbered container, or a one-off of `run`
   * (no container number, a slug, `oneoff=True`, and, without --use-aliases,
   * only its own name as alias).
   */
  containerOptions(project: Project, s: Service, instance: ContainerInstance = { name: containerName(project, s), number: 1, useAliases: true }): ContainerCreateOptions {
    const name = instance.name;
    const labels: Record<string, string> = Object.fromEntries(s.labels);
    Object.assign(labels, {
      [LABEL.hash]: serviceHash(s),
      ...(instance.number !== undefined ? { [LABEL.number]: String(instance.number) } : {}),
      [LABEL.dependsOn]: [...s.dependsOn.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([d, x]) => `${d}:${x.condition}:${x.restart}`).join(','),
      [LABEL.image]: this.engine.findImage(serviceImage(project, s))?.id ?? '',
      [LABEL.oneoff]: instance.slug !== undefined ? 'True' : 'False',
      [LABEL.project]: project.name,
      [LABEL.configFiles]: project.configFiles.join(','),
      [LABEL.workingDir]: project.workingDir,
      [LABEL.service]: s.name,
      [LABEL.version]: COMPOSE_VERSION,
      ...(instance.slug !== undefined ? { [LABEL.slug]: instance.slug } : {}),
    });
    const opts: ContainerCreateOptions = { image: serviceImage(project, s), name, labels, ports: publishedPorts(s) };
    const healthcheck = serviceHealthcheck(s);
    if (healthcheck !== undefined) opts.settings = { ...defaultRunSettings(), healthcheck };
    Object.assign(opts, serviceMounts(project, s));
    if (s.command !== undefined) opts.cmd = s.command;
    if (s.entrypoint !== undefined) opts.entrypoint = s.entrypoint;
    // buildContainerPorts: every port's target and every `expose` entry.
    const expose = [...s.ports.map((p) => `${p.target}/${p.protocol}`), ...s.expose];
    if (expose.length > 0) opts.expose = expose;
    const env = s.environment.map(([k, v]) => (v !== null ? `${k}=${v}` : this.clientEnv[k] !== undefined ? `${k}=${this.clientEnv[k]}` : k));
    if (env.length > 0) opts.env = env;
    if (s.hostname !== undefined) opts.hostname = s.hostname;
    // `user:` is the container's Config.User, as `docker run -u` sets it (golden compose-top-user); kept as written for `config`.
    if (typeof s.extra.user === 'string' && s.extra.user !== '') opts.user = s.extra.user;
    if (s.networkMode !== undefined) {
      const mode = s.networkMode;
      if (mode.startsWith('service:')) {
        const target = projectContainers(this.engine, project.name, { all: true, services: [mode.slice(8)] })[0];
        if (!target) throw new ComposeError(`cannot share network namespace with service ${mode.slice(8)}: container missing`);
        opts.network = `container:${target.id}`;
      } else opts.network = mode;
      if (opts.network.startsWith('container:') || opts.network === 'host') delete opts.hostname;
      return opts;
    }
    opts.endpoints = networksByPriority(s).map((key) => {
      const cfg = s.networks.get(key) ?? null;
      const def = project.networks.get(key)!;
      // createEndpointSettings: an IPAM config whenever the service gives the network settings.
      const e: { network: string; aliases: string[]; ip?: string; ipamConfig: boolean } = { network: def.name, aliases: instance.useAliases ? [name, s.name, ...(cfg?.aliases ?? [])] : [name], ipamConfig: cfg !== null };
      if (cfg?.ipv4Address !== undefined) e.ip = cfg.ipv4Address;
      return e;
    });
    return opts;
  }

  /** Networks the selected services use: created (or found, or the external one checked). */
  private ensureNetworks(project: Project, services: string[], out: Outcome): void {
    const used = new Set(services.flatMap((n) => [...(project.services.get(n)?.networks.keys() ?? [])]));
    for (const n of project.networks.values()) {
      if (!used.has(n.key)) continue;
      const existing = [...this.engine.networks.values()].find((x) => x.name === n.name);
      if (n.external) {
        if (!existing) throw new ComposeError(`network ${n.name} declared as external, but could not be found`);
        continue;
      }
      if (existing) {
        const labels = existing.labels ?? {};
        if (labels[LABEL.project] === undefined) out.warnings.push(`a network with name ${n.name} exists but was not created by compose.\nSet \`external: true\` to use an existing network`);
        else if (labels[LABEL.project] !== project.name) out.warnings.push(`a network with name ${n.name} exists but was not created for project ${JSON.stringify(project.name)}.\nSet \`external: true\` to use an existing network`);
        if (labels[LABEL.project] !== undefined && labels[LABEL.network] !== n.key) {
          throw new ComposeError(`network ${n.name} was found but has incorrect label ${LABEL.network} set to ${JSON.stringify(labels[LABEL.network] ?? '')} (expected: ${JSON.stringify(n.key)})`);
        }
        continue;
      }
      const driver = n.driver ?? 'bridge';
      const labels: Record<string, string> = { ...Object.fromEntries(n.labels), [LABEL.hash]: networkHash(n), [LABEL.network]: n.key, [LABEL.project]: project.name, [LABEL.version]: COMPOSE_VERSION };
      const pool = n.ipam?.config[0];
      out.events.push(event('Network', n.name, 'Creating'));
      try {
        this.engine.createNetwork({
          name: n.name,
          driver,
          internal: n.internal,
          options: n.driverOpts,
          labels,
          noIpamOptions: true,
          ...(pool?.subnet !== undefined ? { subnet: pool.subnet } : {}),
          ...(pool?.gateway !== undefined ? { gateway: pool.gateway } : {}),
          ...(pool?.ipRange !== undefined ? { ipRange: pool.ipRange } : {}),
        });
      } catch (e) {
        if (!(e instanceof DockerError)) throw e;
        out.events.push(event('Network', n.name, 'Error'));
        throw new ComposeError(`failed to create network ${n.name}: ${daemonText(e)}`);
      }
      out.events.push(event('Network', n.name, 'Created'));
    }
  }

  /** `up` (and `create` with start: false): see the module comment. */
  up(project: Project, requested: string[], opts: UpOptions): Outcome {
    const out: Outcome = { events: [], warnings: [] };
    try {
      const services = requested.length > 0 ? (opts.noDeps ? requested : withDependencies(project, requested)) : [...project.services.keys()];
      if (services.length === 0) throw new ComposeError('no service selected');
      this.converge(project, services, services, { ...opts, requested }, out);
    } catch (e) {
      if (!(e instanceof ComposeError)) throw e;
      out.error = e.message;
    }
    return out;
  }

  /** Builds the images these services need (build.ts's servicesToBuild); a failed build throws. */
  buildImages(project: Project, services: readonly string[], build: 'always' | 'never' | undefined, out: Outcome): void {
    for (const s of this.hooks.toBuild?.(project, services, build) ?? []) {
      if (!this.hooks.build) throw new ComposeError(`vethlab: service ${JSON.stringify(s.name)} needs its image built, which this shell cannot do`);
      this.hooks.build(project, s, out);
    }
  }

  /**
   * create (and start): the services' images, the networks `networkUsers` need,
   * volumes, orphans, then each service's container created or kept, level by level.
   */
  converge(project: Project, services: string[], networkUsers: string[], opts: UpOptions, out: Outcome): void {
    // Compose builds what it must before it pulls or creates anything.
    this.buildImages(project, services, opts.build, out);
    // ensureImagesExists: the images the services' pull policies ask for, before anything is created.
    pullRequiredImages(this.engine, project, services, { ...(opts.pullPolicy !== undefined ? { policy: opts.pullPolicy } : {}), quiet: opts.quietPull === true }, out.events);
    this.ensureNetworks(project, networkUsers, out);
    // --no-build: Compose creates the container anyway and the daemon lacks the image (golden compose-build).
    const unbuilt = opts.build === 'never' ? services.map((n) => project.services.get(n)!).find((s) => s.extra.build !== undefined && !this.engine.findImage(serviceImage(project, s))) : undefined;
    if (unbuilt) throw new ComposeError(`Error response from daemon: No such image: ${serviceImage(project, unbuilt)}:latest`);
    const volumes = composeVolumes(this.engine);
    const usedVolumes = new Set(services.flatMap((n) => project.services.get(n)!.volumes.flatMap((m) => (m.type === 'volume' && m.source ? [m.source] : []))));
    for (const v of project.volumes.values()) {
      if (!usedVolumes.has(v.key) || v.external || volumes.has(v.name)) continue;
      out.events.push(event('Volume', v.name, 'Creating'), event('Volume', v.name, 'Created'));
      volumes.set(v.name, project.name);
      if (!this.engine.findVolume(v.name)) this.engine.createVolume(v.name, { [LABEL.project]: project.name, [LABEL.version]: COMPOSE_VERSION, [LABEL.volume]: v.key });
    }
    // isOrphaned: a container of a service the file no longer has, or a one-off that has exited.
    const all = projectContainers(this.engine, project.name, { all: true, oneOff: 'include' });
    const orphans = all.filter((c) => (isOneOff(c) ? c.state === 'exited' : !project.services.has(c.labels?.[LABEL.service] ?? '')));
    if (orphans.length > 0) {
      if (opts.removeOrphans) this.stopAndRemove(orphans, out);
      else out.warnings.push(`Found orphan containers ([${orphans.map((c) => c.name).join(' ')}]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`);
    }
    const levels = dependencyLevels(project, services);
    for (const level of levels) {
      // ensureService for each service of the level: kept, scaled down, recreated or created.
      const creating: { s: Service; number: number; replaces?: Container }[] = [];
      const scaledDown: Container[] = [];
      for (const name of level) {
        const s = project.services.get(name)!;
        const expected = opts.scale?.get(name) ?? replicasOf(s);
        const existing = projectContainers(this.engine, project.name, { all: true, services: [name] }).sort((a, b2) => containerNumber(a) - containerNumber(b2));
        // The services asked for follow --force-recreate; their dependencies only --always-recreate-deps (else: recreated when changed).
        const force = opts.forceRecreate === true && (opts.requested === undefined || opts.requested.length === 0 || opts.requested.includes(name) || opts.alwaysRecreateDeps === true);
        const obsolete = (c: Container) => force || (!opts.noRecreate && c.labels?.[LABEL.hash] !== serviceHash(s));
        // Up-to-date containers by number first, obsolete ones last: scaling down removes those first.
        const ordered = [...existing.filter((c) => !obsolete(c)), ...existing.filter(obsolete).reverse()];
        ordered.forEach((c, i) => {
          if (i >= expected) scaledDown.push(c);
          else if (obsolete(c)) creating.push({ s, number: containerNumber(c), replaces: c });
          else if (c.state === 'running' || c.state === 'paused') out.events.push(event('Container', c.name, 'Running'));
        });
        const next = Math.max(0, ...existing.map(containerNumber)) + 1;
        for (let i = 0; i < expected - existing.length; i++) creating.push({ s, number: next + i });
      }
      this.stopAndRemove(scaledDown, out);
      const nameOf = (x: { s: Service; number: number }) => containerName(project, x.s, x.number);
      for (const x of creating) out.events.push(event('Container', nameOf(x), x.replaces ? 'Recreate' : 'Creating'));
      for (const x of creating) {
        if (x.replaces) this.engine.remove(x.replaces.id, true);
        try {
          this.engine.createContainer(this.containerOptions(project, x.s, { name: nameOf(x), number: x.number, useAliases: true }));
        } catch (e) {
          if (!(e instanceof DockerError)) throw e;
          // The container's event carries the daemon's whole error (progress.ErrorMessageEvent).
          out.events.push(event('Container', nameOf(x), daemonText(e)));
          throw new ComposeError(daemonText(e));
        }
        out.events.push(event('Container', nameOf(x), x.replaces ? 'Recreated' : 'Created'));
      }
    }
    if (opts.start) this.startLevels(project, levels, out);
  }

  /** stopAndRemoveContainer for each (orphans, replicas scaled down): Stopping (if running), Stopped, Removing, Removed. */
  private stopAndRemove(containers: Container[], out: Outcome): void {
    const running = containers.filter((c) => c.state === 'running' || c.state === 'paused');
    for (const c of running) out.events.push(event('Container', c.name, 'Stopping'));
    for (const c of containers) {
      if (running.includes(c)) {
        this.engine.stop(c.id);
        out.events.push(event('Container', c.name, 'Stopped'));
      }
      out.events.push(event('Container', c.name, 'Removing'));
      this.engine.remove(c.id, true);
      out.events.push(event('Container', c.name, 'Removed'));
    }
  }

  /** waitDependencies for one service of the project: its Waiting and Healthy/Exited events, or Compose's error. */
  private waitFor(projectName: string, s: Service, out: Outcome): void {
    waitDependencies(s, {
      ...(this.hooks.passTime ? { passTime: this.hooks.passTime } : {}),
      containersOf: (dep) => projectContainers(this.engine, projectName, { all: true, services: [dep] }),
      event: (container, status) => out.events.push(event('Container', container, status)),
    });
  }

  /** Starts what is not running, level by level (Starting for each of a level, then Started). */
  private startLevels(project: Project, levels: string[][], out: Outcome): void {
    for (const level of levels) {
      // startService waits for the dependencies its conditions name before it starts anything.
      for (const name of level) this.waitFor(project.name, project.services.get(name)!, out);
      const todo = level.flatMap((name) => projectContainers(this.engine, project.name, { all: true, services: [name] })).filter((c) => c.state !== 'running' && c.state !== 'paused');
      for (const c of todo) out.events.push(event('Container', c.name, 'Starting'));
      for (const c of todo) {
        try {
          this.engine.start(c.id);
        } catch (e) {
          if (!(e instanceof DockerError)) throw e;
          out.events.push(event('Container', c.name, 'Error'));
          throw new ComposeError(daemonText(e));
        }
        this.hooks.onStarted?.(c);
        out.events.push(event('Container', c.name, 'Started'));
      }
    }
  }

  /** The dependency levels of a project's containers from their depends_on labels (for commands run without the file). */
  private levelsOf(containers: Container[], onlyRestart = false): Container[][] {
    const depsOf = (c: Container) =>
      (c.labels?.[LABEL.dependsOn] ?? '')
        .split(',')
        .filter((d) => d !== '' && (!onlyRestart || d.endsWith(':true')))
        .map((d) => d.split(':')[0]!);
    const deps = new Map(containers.map((c) => [c.labels?.[LABEL.service] ?? c.name, depsOf(c)]));
    const levels: Container[][] = [];
    const placed = new Set<string>();
    let rest = [...containers];
    while (rest.length > 0) {
      const level = rest.filter((c) => (deps.get(c.labels?.[LABEL.service] ?? c.name) ?? []).every((d) => placed.has(d) || !deps.has(d)));
      const take = level.length > 0 ? level : rest;
      levels.push(take);
      for (const c of take) placed.add(c.labels?.[LABEL.service] ?? c.name);
      rest = rest.filter((c) => !take.includes(c));
    }
    return levels;
  }

  /** `stop`: dependents first; Stopping for a level's running containers, then Stopped. */
  stop(projectName: string, services: string[]): Outcome {
    const out: Outcome = { events: [], warnings: [] };
    const levels = this.levelsOf(projectContainers(this.engine, projectName, { all: true, services })).reverse();
    for (const level of levels) {
      const running = level.filter((c) => c.state === 'running' || c.state === 'paused');
      for (const c of running) out.events.push(event('Container', c.name, 'Stopping'));
      for (const c of running) {
        this.engine.stop(c.id);
        out.events.push(event('Container', c.name, 'Stopped'));
      }
    }
    return out;
  }

  /** `start`: dependencies first; a selected service without a container is an error. */
  start(projectName: string, project: Project | undefined, services: string[]): Outcome {
    const out: Outcome = { events: [], warnings: [] };
    const names = services.length > 0 ? services : project ? [...project.services.keys()] : [];
    for (const name of names) {
      if (projectContainers(this.engine, projectName, { all: true, services: [name] }).length === 0) {
        out.error = `service ${JSON.stringify(name)} has no container to start`;
        return out;
      }
    }
    const levels = this.levelsOf(projectContainers(this.engine, projectName, { all: true, services }));
    for (const level of levels) {
      // startService waits for its dependencies' conditions here too, when the file says what they are.
      const levelServices = [...new Set(level.map((c) => c.labels?.[LABEL.service] ?? ''))].sort();
      for (const name of levelServices) {
        const s = project?.services.get(name);
        if (!s) continue;
        try {
          this.waitFor(projectName, s, out);
        } catch (e) {
          if (!(e instanceof ComposeError)) throw e;
          out.error = e.message;
          return out;
        }
      }
      const todo = level.filter((c) => c.state !== 'running' && c.state !== 'paused');
      for (const c of todo) out.events.push(event('Container', c.name, 'Starting'));
      for (const c of todo) {
        try {
          this.engine.start(c.id);
        } catch (e) {
          if (!(e instanceof DockerError)) throw e;
          out.events.push(event('Container', c.name, 'Error'));
          out.error = daemonText(e);
          return out;
        }
        this.hooks.onStarted?.(c);
        out.events.push(event('Container', c.name, 'Started'));
      }
    }
    return out;
  }

  /**
   * `restart`: every container of the selection, Restarting then Started; only
   * `depends_on` entries with `restart: true` order it (the real Compose restarts
   * the others in parallel).
   */
  restart(projectName: string, services: string[]): Outcome {
    const out: Outcome = { events: [], warnings: [] };
    for (const level of this.levelsOf(projectContainers(this.engine, projectName, { all: true, services }), true)) {
      for (const c of level) out.events.push(event('Container', c.name, 'Restarting'));
      for (const c of level) {
        try {
          this.engine.restart(c.id);
        } catch (e) {
          if (!(e instanceof DockerError)) throw e;
          out.error = daemonText(e);
          return out;
        }
        this.hooks.onStarted?.(c);
        out.events.push(event('Container', c.name, 'Started'));
      }
    }
    return out;
  }

  /**
   * `down`: the containers (dependents first: Stopping for a level, then each
   * Stopped, Removing, Removed), then the project's networks and, with -v, its
   * volumes. Without the file, what carries the project's labels.
   */
  down(projectName: string, project: Project | undefined, services: string[], opts: { volumes: boolean; removeOrphans: boolean; rmi?: 'local' | 'all' }): Outcome {
    const out: Outcome = { events: [], warnings: [] };
    let containers = projectContainers(this.engine, projectName, { all: true, services, oneOff: opts.removeOrphans ? 'include' : 'exclude' });
    if (project && !opts.removeOrphans && services.length === 0) containers = containers.filter((c) => project.services.has(c.labels?.[LABEL.service] ?? ''));
    const found = containers.length > 0;
    // Dependents first: each level stops and goes as orphans and scaled-down replicas do.
    for (const level of this.levelsOf(containers).reverse()) this.stopAndRemove(level, out);
    // ensureNetworksDown: one removal per network of the model (by its labels), in use or not.
    const networks = project
      ? [...project.networks.values()].filter((n) => !n.external).map((n) => ({ key: n.key, name: n.name }))
      : [...this.engine.networks.values()].filter((n) => n.labels?.[LABEL.project] === projectName).map((n) => ({ key: n.labels?.[LABEL.network] ?? '', name: n.name })).sort((a, b2) => (a.name < b2.name ? -1 : 1));
    const volumes = composeVolumes(this.engine);
    const volumeNames = !opts.volumes ? [] : project ? [...project.volumes.values()].filter((v) => !v.external).map((v) => v.name) : [...volumes.entries()].filter(([, p]) => p === projectName).map(([v]) => v);
    // ensureImagesDown: `all` takes every image the services name (tagged as Compose names them); `local`, only images built for them (none here).
    const imageNames = opts.rmi !== 'all' ? [] : [...new Set((project ? [...project.services.values()].map((s) => s.image ?? '') : containers.map((c) => c.image)).map(taggedName))].filter((n) => n !== '' && this.engine.findImage(n));
    if (!found && networks.length === 0 && volumeNames.length === 0) out.warnings.push(`Warning: No resource found to remove for project ${JSON.stringify(projectName)}.`);
    for (const v of volumeNames) {
      if (!volumes.has(v)) continue;
      out.events.push(event('Volume', v, 'Removing'));
      volumes.delete(v);
      if (this.engine.findVolume(v) && this.engine.volumeUsers(v).length === 0) this.engine.removeVolume(v);
      out.events.push(event('Volume', v, 'Removed'));
    }
    // Compose removes images and networks in parallel: the images' and networks' Removing, then what came of each.
    const presentNetworks = networks.filter(({ key, name }) => [...this.engine.networks.values()].some((x) => x.name === name && x.labels?.[LABEL.project] === projectName && x.labels[LABEL.network] === key));
    if (imageNames.length > 0) {
      for (const image of imageNames) out.events.push(event('Image', image, 'Removing'));
      for (const { name } of presentNetworks) out.events.push(event('Network', name, 'Removing'));
      for (const image of imageNames) {
        try {
          this.engine.imageService.remove(image, false);
        } catch (e) {
          if (!(e instanceof DockerError)) throw e;
          out.events.push(event('Image', image, 'Error'));
          out.error = daemonText(e);
          return out;
        }
        out.events.push(event('Image', image, 'Removed'));
      }
    }
    for (const { key, name } of networks) {
      const n = [...this.engine.networks.values()].find((x) => x.name === name && x.labels?.[LABEL.project] === projectName && x.labels[LABEL.network] === key);
      if (!n) continue;
      if (imageNames.length === 0) out.events.push(event('Network', name, 'Removing'));
      if ([...this.engine.containers.values()].some((c) => c.endpoints.has(n.id))) {
        out.events.push(event('Network', name, 'Resource is still in use'));
        continue;
      }
      try {
        this.engine.removeNetwork(n.id);
      } catch (e) {
        if (!(e instanceof DockerError)) throw e;
        out.events.push(event('Network', name, 'Error'));
        out.error = `failed to remove network ${name}: ${daemonText(e)}`;
        return out;
      }
      out.events.push(event('Network', name, 'Removed'));
    }
    return out;
  }
}
