/**
 * `docker compose` (the Compose v2.40 CLI plugin): its flags and commands, the
 * project read from the client machine's files (files.ts, model.ts), the engine
 * operations (plan.ts) and what it prints (format.ts). Progress events and
 * warnings go to stderr as Compose writes them without a terminal; `--progress
 * quiet` silences the events. Errors are one line and exit status 1.
 */
import type { Engine } from '../../docker/engine.ts';
import { isShellCommand } from '../../docker/engine.ts';
import type { Container } from '../../docker/model.ts';
import { containerPortMap, portSummaries } from '../../docker/portmap.ts';
import { FlagError, parseFlags, type FlagSpec, type ParsedFlags } from '../docker/flags.ts';
import { fail, ok, type CommandOutput, type ExecSettings } from '../types.ts';
import { loadProject, projectName, projectOrName, type HostFiles, type ProjectOptions } from './files.ts';
import { configYaml, logsOutput, lsOutput, psOutput, warningLine } from './format.ts';
import { ComposeError, withDependencies, type Project } from './model.ts';
import { ComposeOps, COMPOSE_VERSION, containerNumber, isOneOff, LABEL, projectContainers, shortName, type Outcome } from './plan.ts';
import { checkRunFlags, runOneOff } from './run.ts';
import { COMMAND_HELP } from './help.ts';
import { imagesOutput, killContainers, removeContainers, stoppedContainers, topOutput } from './manage.ts';
import { pullFlag, pullServices } from './pull.ts';
import { composeCopy, CP_ARGS_ERROR } from './copy.ts';
import type { ContainerFiles } from '../docker/copy.ts';
import { isFsError, type FileSystem } from '../fs.ts';
import { passwdName } from '../ps-cmd.ts';
import type { ContainerLayers } from '../docker/housekeeping.ts';
import type { InstalledPackage } from '../../docker/images.ts';
import { ComposeBuilder, servicesToBuild } from './build.ts';

/** What `docker compose` needs from the docker client that runs it. */
export interface ComposeClient {
  /** Whether the client's stdin is a terminal (exec allocates a TTY by default then). */
  tty: boolean;
  runProcess?: (container: Container, argv: string[], opts: { interactive: boolean; main: boolean; tty?: boolean; workdir?: string; env?: readonly string[]; user?: string }) => CommandOutput;
  onStarted?: (container: Container) => void;
  /** The virtual clock moves on and what fell due runs (`up` waiting for a healthy dependency). */
  passTime?: (ms: number) => void;
  /** Containers' files and writable layers, for `cp` and a build's RUN steps. */
  files?: ContainerFiles & ContainerLayers;
  /** The packages apk or apt installed in a container (a build's RUN step keeps them in the image). */
  packagesOf?: (container: Container) => ReadonlyMap<string, InstalledPackage>;
}

/** The client process: its environment and its machine's files (`fs.cwd` is where it runs). */
export interface ComposeProcess {
  env?: Record<string, string>;
  fs?: FileSystem;
}

const GLOBAL_FLAGS: FlagSpec[] = [
  { long: 'file', short: 'f', kind: 'list' },
  { long: 'project-name', short: 'p', kind: 'string' },
  { long: 'project-directory', kind: 'string' },
  { long: 'workdir', kind: 'string' },
  { long: 'progress', kind: 'string' },
  { long: 'env-file', kind: 'list' },
  { long: 'profile', kind: 'list' },
  { long: 'ansi', kind: 'string' },
  { long: 'parallel', kind: 'string' },
  { long: 'compatibility', kind: 'bool' },
  { long: 'dry-run', kind: 'bool' },
  { long: 'all-resources', kind: 'bool' },
];

const b = (long: string, short?: string): FlagSpec => (short ? { long, short, kind: 'bool' } : { long, kind: 'bool' });
const s = (long: string, short?: string): FlagSpec => (short ? { long, short, kind: 'string' } : { long, kind: 'string' });
const l = (long: string, short?: string): FlagSpec => (short ? { long, short, kind: 'list' } : { long, kind: 'list' });

const UP_FLAGS = [b('detach', 'd'), b('build'), b('no-build'), b('force-recreate'), b('no-recreate'), b('remove-orphans'), b('no-deps'), b('wait'), s('wait-timeout'), b('quiet-pull'), s('pull'), b('no-start'), s('timeout', 't'), b('abort-on-container-exit'), b('abort-on-container-failure'), l('attach'), l('no-attach'), b('attach-dependencies'), b('no-color'), b('no-log-prefix'), b('timestamps'), l('scale'), b('yes', 'y'), b('menu'), s('exit-code-from'), b('always-recreate-deps'), b('renew-anon-volumes', 'V'), b('watch', 'w'), b('quiet-build')];

const SUBCOMMAND_FLAGS: Record<string, FlagSpec[]> = {
  up: UP_FLAGS,
  create: [b('build'), b('no-build'), b('force-recreate'), b('no-recreate'), b('remove-orphans'), s('pull'), b('quiet-pull'), l('scale'), b('yes', 'y')],
  down: [b('volumes', 'v'), b('remove-orphans'), s('rmi'), s('timeout', 't')],
  ps: [b('all', 'a'), b('quiet', 'q'), b('services'), s('format'), s('filter'), l('status'), b('no-trunc'), b('orphans')],
  logs: [b('follow', 'f'), s('tail', 'n'), b('timestamps', 't'), b('no-color'), b('no-log-prefix'), s('since'), s('until'), s('index')],
  exec: [b('detach', 'd'), b('no-tty', 'T'), b('no-TTY'), l('env', 'e'), s('workdir', 'w'), s('user', 'u'), b('privileged'), s('index'), b('interactive', 'i'), b('tty', 't')],
  port: [s('protocol'), s('index')],
  stop: [s('timeout', 't')],
  start: [b('wait'), s('wait-timeout')],
  restart: [s('timeout', 't'), b('no-deps')],
  config: [b('services'), b('volumes'), b('networks'), b('images'), b('profiles'), b('quiet', 'q'), s('format'), s('output', 'o'), b('resolve-image-digests'), b('no-interpolate'), b('no-normalize'), b('no-path-resolution'), b('no-consistency'), s('hash'), b('environment'), b('variables')],
  ls: [b('all', 'a'), b('quiet', 'q'), s('format'), l('filter')],
  version: [b('short'), s('format', 'f')],
  run: [b('build'), l('cap-add'), l('cap-drop'), b('detach', 'd'), s('entrypoint'), l('env', 'e'), l('env-from-file'), b('interactive', 'i'), l('label', 'l'), s('name'), b('no-TTY', 'T'), b('no-deps'), l('publish', 'p'), s('pull'), b('quiet', 'q'), b('quiet-build'), b('quiet-pull'), b('remove-orphans'), b('rm'), b('service-ports', 'P'), b('use-aliases'), s('user', 'u'), l('volume', 'v'), l('volumes'), s('workdir', 'w'), b('tty', 't'), l('labels')],
  kill: [s('signal', 's'), b('remove-orphans')],
  scale: [b('no-deps')],
  rm: [b('force', 'f'), b('stop', 's'), b('volumes', 'v'), b('all', 'a')],
  top: [],
  images: [s('format'), b('quiet', 'q')],
  cp: [b('all'), b('archive', 'a'), b('follow-link', 'L'), s('index')],
  build: [l('build-arg'), b('no-cache'), b('quiet', 'q'), b('with-dependencies'), s('builder'), b('check'), s('memory', 'm'), b('print'), s('provenance'), b('pull'), b('push'), s('sbom'), l('ssh')],
  pull: [b('quiet', 'q'), b('include-deps'), b('ignore-pull-failures'), b('ignore-buildable'), s('policy'), b('parallel'), b('no-parallel')],
};

const PROGRESS_MODES = ['auto', 'tty', 'plain', 'json', 'quiet'];

const USAGE = `Usage:  docker compose [OPTIONS] COMMAND

Define and run multi-container applications with Docker

Options:
      --all-resources              Include all resources, even those not
                                   used by services
      --ansi string                Control when to print ANSI control
                                   characters ("never"|"always"|"auto")
                                   (default "auto")
      --compatibility              Run compose in backward compatibility mode
      --dry-run                    Execute command in dry run mode
      --env-file stringArray       Specify an alternate environment file
  -f, --file stringArray           Compose configuration files
      --parallel int               Control max parallelism, -1 for
                                   unlimited (default -1)
      --profile stringArray        Specify a profile to enable
      --progress string            Set type of progress output (auto,
                                   tty, plain, json, quiet)
      --project-directory string   Specify an alternate working directory
                                   (default: the path of the, first
                                   specified, Compose file)
  -p, --project-name string        Project name

Management Commands:
  bridge      Convert compose files into another model

Commands:
  attach      Attach local standard input, output, and error streams to a service's running container
  build       Build or rebuild services
  commit      Create a new image from a service container's changes
  config      Parse, resolve and render compose file in canonical format
  cp          Copy files/folders between a service container and the local filesystem
  create      Creates containers for a service
  down        Stop and remove containers, networks
  events      Receive real time events from containers
  exec        Execute a command in a running container
  export      Export a service container's filesystem as a tar archive
  images      List images used by the created containers
  kill        Force stop service containers
  logs        View output from containers
  ls          List running compose projects
  pause       Pause services
  port        Print the public port for a port binding
  ps          List containers
  publish     Publish compose application
  pull        Pull service images
  push        Push service images
  restart     Restart service containers
  rm          Removes stopped service containers
  run         Run a one-off command on a service
  scale       Scale services 
  start       Start services
  stats       Display a live stream of container(s) resource usage statistics
  stop        Stop services
  top         Display the running processes
  unpause     Unpause services
  up          Create and start containers
  version     Show the Docker Compose version information
  volumes     List volumes
  wait        Block until containers of all (or specified) services stop.
  watch       Watch build context for service and rebuild/refresh containers when files are updated

Run 'docker compose COMMAND --help' for more information on a command.
`;

const KNOWN = new Set(['attach', 'bridge', 'build', 'commit', 'config', 'cp', 'create', 'down', 'events', 'exec', 'export', 'images', 'kill', 'logs', 'ls', 'pause', 'port', 'ps', 'publish', 'pull', 'push', 'restart', 'rm', 'run', 'scale', 'start', 'stats', 'stop', 'top', 'unpause', 'up', 'version', 'volumes', 'wait', 'watch']);

/** applyScaleOpts: `--scale SERVICE=NUM` values, checked as Compose checks them. */
function scaleOptions(project: Project, values: string[]): Map<string, number> {
  const scale = new Map<string, number>();
  for (const value of values) {
    const parts = value.split('=');
    if (parts.length !== 2) throw new ComposeError(`invalid --scale option ${JSON.stringify(value)}. Should be SERVICE=NUM`);
    const [name, count] = parts as [string, string];
    if (!/^[+-]?\d+$/.test(count)) throw new ComposeError(`strconv.Atoi: parsing ${JSON.stringify(count)}: invalid syntax`);
    if (!project.services.has(name)) throw new ComposeError(`no such service: ${name}: not found`);
    scale.set(name, Number(count));
  }
  return scale;
}

/** One `docker compose ...` invocation. */
export function composeCommand(engine: Engine, client: ComposeClient, argv: string[], proc: ComposeProcess = {}): CommandOutput {
  return new ComposeRun(engine, client, proc).run(argv);
}

class ComposeRun {
  private readonly engine: Engine;
  private readonly client: ComposeClient;
  private readonly host: HostFiles;
  private readonly env: Record<string, string>;
  private readonly proc: ComposeProcess;
  private readonly warnings: string[] = [];
  private quiet = false;
  private readonly builder: ComposeBuilder;

  constructor(engine: Engine, client: ComposeClient, proc: ComposeProcess) {
    this.engine = engine;
    this.client = client;
    this.proc = proc;
    const fs = proc.fs;
    this.host = { cwd: fs?.cwd ?? '/', read: (p) => (fs ? fs.read(p) : 'ENOENT') };
    this.env = { ...(proc.env ?? {}) };
    this.builder = new ComposeBuilder(engine, client, fs);
  }

  private readonly warn = (msg: string) => {
    this.warnings.push(warningLine(this.engine.kernel.now, msg));
  };

  run(argv: string[]): CommandOutput {
    let globals: ParsedFlags;
    try {
      globals = parseFlags(argv, GLOBAL_FLAGS, { interspersed: false });
    } catch (e) {
      if (e instanceof FlagError) return fail(`${e.message}\n`, 1);
      throw e;
    }
    const [sub, ...rest] = globals.args;
    if (sub === undefined) return ok(USAGE);
    if (!KNOWN.has(sub)) return fail(`${USAGE}unknown docker command: "compose ${sub}"\n`, 1);
    const specs = SUBCOMMAND_FLAGS[sub];
    if (!specs) return fail(`vethlab: docker compose ${sub} is not simulated (up, create, build, run, scale, pull, cp, down, ps, logs, exec, port, stop, start, restart, kill, rm, top, images, config, ls and version are)\n`, 1);
    let f: ParsedFlags;
    try {
      // Compose's global flags may follow the subcommand too (its own win: `logs -f` follows, `run -p` publishes); exec's and run's stop at the service.
      f = parseFlags(rest, [...GLOBAL_FLAGS, ...specs, b('help')], { interspersed: sub !== 'exec' && sub !== 'run' });
      // normalizeRunFlags: --volumes and --labels are other spellings of --volume and --label.
      for (const [alias, flag] of [['volumes', 'volume'], ['labels', 'label']] as const) {
        const values = f.lists.get(alias);
        if (values) f.lists.set(flag, [...(f.lists.get(flag) ?? []), ...values]);
      }
    } catch (e) {
      if (e instanceof FlagError) return fail(`${e.message}\n`, 1);
      throw e;
    }
    if (f.bools.has('help')) {
      const help = COMMAND_HELP[sub];
      return help !== undefined ? ok(help) : fail(`vethlab: docker compose ${sub} --help is not reproduced here (see docs.docker.com/reference/cli/docker/compose/${sub}/)\n`, 1);
    }
    const opts = this.options(globals, f);
    const progress = f.strings.get('progress') ?? globals.strings.get('progress') ?? this.env.COMPOSE_PROGRESS ?? 'auto';
    if (!PROGRESS_MODES.includes(progress)) return fail(`unsupported --progress value ${JSON.stringify(progress)}\n`, 1);
    this.quiet = progress === 'quiet';
    try {
      return this.withWarnings(this.dispatch(sub, f, opts));
    } catch (e) {
      if (e instanceof ComposeError) return this.withWarnings(fail(`${e.message}\n`, 1));
      throw e;
    }
  }

  private options(globals: ParsedFlags, f: ParsedFlags): ProjectOptions {
    const pick = (name: string) => f.strings.get(name) ?? globals.strings.get(name);
    const opts: ProjectOptions = { files: [...(globals.lists.get('file') ?? []), ...(f.lists.get('file') ?? [])], envFiles: [...(globals.lists.get('env-file') ?? []), ...(f.lists.get('env-file') ?? [])], env: this.env };
    const name = pick('project-name');
    if (name !== undefined) opts.projectName = name;
    // `--workdir` is the hidden old name of --project-directory (before the subcommand; exec has its own -w).
    const dir = pick('project-directory') ?? globals.strings.get('workdir');
    if (dir !== undefined) opts.projectDir = dir;
    return opts;
  }

  /** Warnings come first on stderr, as logrus writes them while the project loads. */
  private withWarnings(out: CommandOutput): CommandOutput {
    if (this.warnings.length === 0) return out;
    return { ...out, stderr: this.warnings.join('') + out.stderr, stderrFirst: true };
  }

  /** An operation's events (unless quiet) and warnings on stderr, its error last. */
  private outcome(o: Outcome, stdout = ''): CommandOutput {
    for (const w of o.warnings) this.warn(w);
    const events = this.quiet ? '' : o.events.map((e) => `${e}\n`).join('');
    return { stdout, stderr: events + (o.error !== undefined ? `${o.error}\n` : ''), exitCode: o.error !== undefined ? 1 : 0 };
  }

  private ops(): ComposeOps {
    return new ComposeOps(
      this.engine,
      {
        ...(this.client.onStarted ? { onStarted: this.client.onStarted } : {}),
        ...(this.client.passTime ? { passTime: this.client.passTime } : {}),
        build: (project, s, out) => this.builder.build(project, s, {}, out),
        toBuild: (project, services, build) => servicesToBuild(this.engine, project, services, build),
      },
      this.env,
    );
  }

  private dispatch(sub: string, f: ParsedFlags, opts: ProjectOptions): CommandOutput {
    switch (sub) {
      case 'up':
      case 'create':
        return this.up(sub, f, opts);
      case 'pull':
        return this.pull(f, opts);
      case 'build':
        return this.build(f, opts);
      case 'down': {
        const rmi = f.strings.get('rmi');
        if (rmi !== undefined && rmi !== 'local' && rmi !== 'all') throw new ComposeError(`invalid value for --rmi: ${JSON.stringify(rmi)}`);
        const { project, name } = projectOrName(opts, this.host, this.warn, f.args);
        return this.outcome(this.ops().down(name, project, f.args, { volumes: f.bools.has('volumes'), removeOrphans: f.bools.has('remove-orphans'), ...(rmi !== undefined ? { rmi } : {}) }));
      }
      case 'stop': {
        const { name } = projectOrName(opts, this.host, this.warn, f.args);
        return this.outcome(this.ops().stop(name, f.args));
      }
      case 'start': {
        const { project, name } = projectOrName(opts, this.host, this.warn, f.args);
        return this.outcome(this.ops().start(name, project, f.args));
      }
      case 'restart': {
        const { name } = projectOrName(opts, this.host, this.warn, f.args);
        return this.outcome(this.ops().restart(name, f.args));
      }
      case 'ps':
        return this.ps(f, opts);
      case 'logs':
        return this.logs(f, opts);
      case 'exec':
        return this.exec(f, opts);
      case 'run':
        return this.runOneOff(f, opts);
      case 'kill': {
        const { project, name } = projectOrName(opts, this.host, this.warn, f.args);
        const o: Outcome = { events: [], warnings: [] };
        const none = killContainers(this.engine, name, project, f.args, { signal: f.strings.get('signal') ?? 'SIGKILL', removeOrphans: f.bools.has('remove-orphans') }, o);
        const out = this.outcome(o);
        return { ...out, stderr: none + out.stderr };
      }
      case 'rm':
        return this.rm(f, opts);
      case 'scale':
        return this.scale(f, opts);
      case 'top': {
        // The host's ps names each uid from the host's own accounts, as for docker top.
        const passwd = this.host.read('/etc/passwd');
        const hostUser = isFsError(passwd) ? undefined : (uid: number) => passwdName(passwd, uid);
        return ok(topOutput(this.engine, projectName(opts, this.host, this.warn), f.args, hostUser));
      }
      case 'images': {
        const { stdout, error } = imagesOutput(this.engine, projectName(opts, this.host, this.warn), f.args, { quiet: f.bools.has('quiet'), format: f.strings.get('format') ?? 'table' });
        return error === undefined ? ok(stdout) : fail(`${error}\n`, 1);
      }
      case 'port':
        return this.port(f, opts);
      case 'cp':
        return this.copy(f, opts);
      case 'config':
        return this.config(f, opts);
      case 'ls':
        return this.ls(f);
      case 'version':
        return ok(f.bools.has('short') ? `${COMPOSE_VERSION}-3\n` : `Docker Compose version ${COMPOSE_VERSION}-3\n`);
      default:
        return fail(`vethlab: docker compose ${sub} is not simulated\n`, 1);
    }
  }

  private up(sub: 'up' | 'create', f: ParsedFlags, opts: ProjectOptions): CommandOutput {
    if (f.bools.has('force-recreate') && f.bools.has('no-recreate')) throw new ComposeError('--force-recreate and --no-recreate are incompatible');
    if (f.bools.has('always-recreate-deps') && f.bools.has('no-recreate')) throw new ComposeError('--always-recreate-deps and --no-recreate are incompatible');
    if (f.bools.has('build') && f.bools.has('no-build')) throw new ComposeError('--build and --no-build are incompatible');
    const project = loadProject(opts, this.host, this.warn, f.args);
    const start = sub === 'up' && !f.bools.has('no-start');
    const pullPolicy = pullFlag(f.strings.get('pull'));
    const o = this.ops().up(project, f.args, {
      start,
      scale: scaleOptions(project, f.lists.get('scale') ?? []),
      noDeps: f.bools.has('no-deps'),
      forceRecreate: f.bools.has('force-recreate'),
      alwaysRecreateDeps: f.bools.has('always-recreate-deps'),
      noRecreate: f.bools.has('no-recreate'),
      removeOrphans: f.bools.has('remove-orphans'),
      ...(pullPolicy !== undefined ? { pullPolicy } : {}),
      quietPull: f.bools.has('quiet-pull'),
      ...(f.bools.has('build') ? { build: 'always' as const } : f.bools.has('no-build') ? { build: 'never' as const } : {}),
    });
    const out = this.outcome(o);
    if (sub === 'create' || f.bools.has('detach') || o.error !== undefined) return out;
    // Attached `up` streams the containers' output until Ctrl+C; here it shows what they printed so far and returns.
    const containers = projectContainers(this.engine, project.name, { services: f.args });
    const attaching = `Attaching to ${containers.map(shortName).join(', ')}\n`;
    const note = 'vethlab: the containers keep running in the background, as after `docker compose up -d` (following their output is not simulated)\n';
    return { ...out, stdout: attaching + logsOutput(containers, { prefix: true }), stderr: out.stderr + note, stderrFirst: true };
  }

  /**
   * `docker compose build [SERVICE...]`: the services named (with --with-dependencies,
   * theirs too), else all, those with `build:` only, one after the other (build.ts).
   */
  private build(f: ParsedFlags, opts: ProjectOptions): CommandOutput {
    for (const flag of ['builder', 'check', 'memory', 'print', 'provenance', 'pull', 'push', 'sbom', 'ssh']) {
      if (f.bools.has(flag) || f.strings.has(flag) || f.lists.has(flag)) throw new ComposeError(`vethlab: docker compose build --${flag} is real, but it is not modelled here (--build-arg, --no-cache, -q and --with-dependencies are)`);
    }
    const project = loadProject(opts, this.host, this.warn, f.args);
    const names = f.args.length === 0 ? [...project.services.keys()] : f.bools.has('with-dependencies') ? withDependencies(project, f.args) : f.args;
    const buildArgs = new Map<string, string>();
    for (const kv of f.lists.get('build-arg') ?? []) {
      const eq = kv.indexOf('=');
      if (eq > 0) buildArgs.set(kv.slice(0, eq), kv.slice(eq + 1));
      else if (this.env[kv] !== undefined) buildArgs.set(kv, this.env[kv]);
    }
    if (f.bools.has('quiet')) this.quiet = true;
    const o: Outcome = { events: [], warnings: [] };
    try {
      for (const name of names) {
        const s = project.services.get(name)!;
        if (s.extra.build !== undefined) this.builder.build(project, s, { noCache: f.bools.has('no-cache'), buildArgs }, o);
      }
    } catch (e) {
      if (!(e instanceof ComposeError)) throw e;
      o.error = e.message;
    }
    return this.outcome(o);
  }

  /** `docker compose pull [SERVICE...]`: the services named (with --include-deps, their dependencies too), else all. */
  private pull(f: ParsedFlags, opts: ProjectOptions): CommandOutput {
    // cobra's PreRunE: the deprecated flags are named in red on stderr before anything else.
    const deprecated = ['no-parallel', 'parallel'].filter((flag) => f.bools.has(flag)).map((flag) => `\x1b[31moption '--${flag}' is DEPRECATED and will be ignored.\n\x1b[0m`).join('');
    const project = loadProject(opts, this.host, this.warn, f.args);
    const selected = f.args.length === 0 ? [...project.services.keys()] : f.bools.has('include-deps') ? withDependencies(project, f.args) : f.args;
    const policy = f.strings.get('policy');
    const o: Outcome = { events: [], warnings: [] };
    const error = pullServices(this.engine, project, selected, { quiet: f.bools.has('quiet'), ignoreFailures: f.bools.has('ignore-pull-failures'), ...(policy !== undefined && policy !== '' ? { policy } : {}) }, o.events);
    if (error !== undefined) o.error = error;
    const out = this.outcome(o);
    return deprecated === '' ? out : { ...out, stderr: deprecated + out.stderr };
  }

  private ps(f: ParsedFlags, opts: ProjectOptions): CommandOutput {
    const { project, name } = projectOrName(opts, this.host, this.warn, f.args);
    if (project) for (const svc of f.args) if (!project.services.has(svc)) throw new ComposeError(`no such service: ${svc}`);
    const statuses = f.lists.get('status') ?? [];
    // One-off containers (`run`) are listed with -a only.
    let containers = projectContainers(this.engine, name, { all: f.bools.has('all') || statuses.length > 0, services: f.args, oneOff: f.bools.has('all') ? 'include' : 'exclude' });
    if (statuses.length > 0) containers = containers.filter((c) => statuses.includes(c.state));
    const filter = f.strings.get('filter');
    if (filter !== undefined) {
      const [key, value = ''] = filter.split('=');
      if (key !== 'status') throw new ComposeError(`unknown filter ${key}`);
      containers = containers.filter((c) => c.state === value);
    }
    const format = f.strings.get('format');
    return psOutput(this.engine, containers, { ...(format !== undefined ? { format } : {}), quiet: f.bools.has('quiet'), services: f.bools.has('services'), trunc: !f.bools.has('no-trunc') });
  }

  private logs(f: ParsedFlags, opts: ProjectOptions): CommandOutput {
    const { project, name } = projectOrName(opts, this.host, this.warn, f.args);
    if (project) for (const svc of f.args) if (!project.services.has(svc)) throw new ComposeError(`no such service: ${svc}`);
    const tail = f.strings.get('tail') ?? 'all';
    const containers = projectContainers(this.engine, name, { all: true, services: f.args });
    return ok(logsOutput(containers, { prefix: !f.bools.has('no-log-prefix'), ...(tail === 'all' ? {} : { tail: Number(tail) }) }));
  }

  /** The service's container that `exec` and `port` use (getSpecifiedContainer: the running one numbered lowest, one-offs last). */
  private serviceContainer(project: string, service: string, index?: string): Container {
    const number = index === undefined ? 0 : Number(index);
    const c = projectContainers(this.engine, project, { services: [service], oneOff: 'include' })
      .filter((x) => number <= 0 || containerNumber(x) === number)
      .sort((a, b2) => Number(isOneOff(a)) - Number(isOneOff(b2)) || containerNumber(a) - containerNumber(b2))[0];
    if (!c) throw new ComposeError(number > 0 ? `service ${JSON.stringify(service)} is not running container #${number}` : `service ${JSON.stringify(service)} is not running`);
    return c;
  }

  /** `docker compose scale SERVICE=REPLICAS...`: create and start of those services only, with their new replicas. */
  private scale(f: ParsedFlags, opts: ProjectOptions): CommandOutput {
    if (f.args.length < 1) throw new ComposeError(`requires at least 1 arg(s), only received ${f.args.length}`);
    const replicas = new Map<string, number>();
    for (const arg of f.args) {
      const eq = arg.indexOf('=');
      if (eq <= 0 || eq === arg.length - 1) throw new ComposeError(`invalid scale specifier: ${arg}`);
      const value = arg.slice(eq + 1);
      if (!/^[+-]?\d+$/.test(value)) throw new ComposeError(`invalid scale specifier: can't parse replica value as int: ${arg}`);
      replicas.set(arg.slice(0, eq), Number(value));
    }
    const services = [...replicas.keys()].sort();
    const project = loadProject(opts, this.host, this.warn, services);
    const o: Outcome = { events: [], warnings: [] };
    try {
      this.ops().converge(project, services, services, { start: true, scale: replicas }, o);
    } catch (e) {
      if (!(e instanceof ComposeError)) throw e;
      o.error = e.message;
    }
    return this.outcome(o);
  }

  private exec(f: ParsedFlags, opts: ProjectOptions): CommandOutput {
    if (f.args.length < 2) throw new ComposeError(`requires at least 2 arg(s), only received ${f.args.length}`);
    const [service, ...cmd] = f.args as [string, ...string[]];
    const name = projectName(opts, this.host, this.warn);
    const c = this.serviceContainer(name, service, f.strings.get('index'));
    if (c.state === 'paused') throw new ComposeError(`Error response from daemon: Container ${c.id} is paused, unpause the container before exec`);
    if (!this.client.runProcess) return fail('docker: container processes are not available in this shell\n', 126);
    // -e, -w and -u as compose's runExec passes them to the daemon's exec (cmd/compose/exec.go).
    const settings = this.execSettings(f);
    // Like `docker exec -it` when the client has a terminal: a shell opens as a session of the container.
    const tty = this.client.tty && !f.bools.has('no-tty') && !f.bools.has('no-TTY');
    if (tty && isShellCommand(cmd)) {
      // Only if the shell can start (the image has it, the user and directory exist): otherwise that error, as for any command.
      const probe = this.client.runProcess(c, [cmd[0]!, '-c', 'true'], { interactive: false, main: false, ...settings });
      const given = settings.env.length > 0 || settings.workdir !== undefined || settings.user !== undefined;
      if (probe.exitCode === 0) return { ...ok(), session: { container: c.name, shell: cmd.join(' '), ...(given ? { exec: settings } : {}) } };
    }
    return this.client.runProcess(c, cmd, { interactive: !f.bools.has('detach'), main: false, ...settings });
  }

  /**
   * exec's `-e`, `-w` and `-u`: `-e KEY` without a value takes the project's
   * environment's (the shell's and .env's; types.NewMappingWithEquals(...).Resolve),
   * or stays a bare name the daemon leaves out; a key given twice keeps its last value.
   */
  private execSettings(f: ParsedFlags): ExecSettings {
    const byKey = new Map<string, string>();
    for (const e of f.lists.get('env') ?? []) {
      const key = e.split('=')[0]!;
      const value = e.includes('=') ? e : this.env[key] !== undefined ? `${key}=${this.env[key]}` : key;
      byKey.delete(key);
      byKey.set(key, value);
    }
    const workdir = f.strings.get('workdir');
    const user = f.strings.get('user');
    return { env: [...byKey.values()], ...(workdir !== undefined && workdir !== '' ? { workdir } : {}), ...(user !== undefined && user !== '' ? { user } : {}) };
  }

  /**
   * `rm [-f] [-s] [-v] [SERVICE...]`: the stopped service containers, after
   * `Going to remove NAMES` (stdout). Without -f Compose asks to confirm: a client
   * without a terminal prints the question and reads no answer, so nothing goes.
   */
  private rm(f: ParsedFlags, opts: ProjectOptions): CommandOutput {
    const { project, name } = projectOrName(opts, this.host, this.warn, f.args);
    const o: Outcome = { events: [], warnings: [] };
    if (f.bools.has('stop')) o.events.push(...this.ops().stop(name, f.args).events);
    const stopped = stoppedContainers(this.engine, name, project, f.args);
    if (stopped.length === 0) {
      const out = this.outcome(o);
      return { ...out, stderr: `${out.stderr}No stopped containers\n` };
    }
    const question = `Going to remove ${stopped.map((c) => c.name).join(', ')}`;
    if (!f.bools.has('force')) {
      const out = this.outcome(o);
      if (!this.client.tty) return { ...out, stdout: question, stderrFirst: true };
      return { ...out, stdout: `${question}\n`, stderr: `${out.stderr}vethlab: Compose would ask to confirm here (y/N); nothing was removed: use docker compose rm -f\n`, stderrFirst: true };
    }
    const stopEvents = this.quiet ? '' : o.events.map((e) => `${e}\n`).join('');
    o.events = [];
    removeContainers(this.engine, stopped, f.bools.has('volumes'), o);
    const out = this.outcome(o);
    // Compose prints the stop events, the question, then the removal events; here every event comes first.
    return stopEvents === '' ? { ...out, stdout: `${question}\n` } : { ...out, stdout: `${question}\n`, stderr: stopEvents + out.stderr, stderrFirst: true };
  }

  /** `docker compose run [OPTIONS] SERVICE [COMMAND] [ARGS...]`: see run.ts. */
  private runOneOff(f: ParsedFlags, opts: ProjectOptions): CommandOutput {
    checkRunFlags(f);
    const project = loadProject(opts, this.host, this.warn, [f.args[0]!]);
    if (f.bools.has('quiet')) this.quiet = true;
    const o: Outcome = { events: [], warnings: [] };
    let result: CommandOutput;
    try {
      result = runOneOff(this.engine, this.ops(), this.client, project, f, this.env, o);
    } catch (e) {
      if (!(e instanceof ComposeError)) throw e;
      return this.outcome({ ...o, error: e.message });
    }
    const before = this.outcome(o);
    const stdout = f.bools.has('quiet') ? '' : result.stdout;
    return { ...result, stdout, stderr: before.stderr + result.stderr, stderrFirst: true };
  }

  /** `docker compose cp [--index N] [--all] SERVICE:SRC DEST | SRC SERVICE:DEST`: see copy.ts. */
  private copy(f: ParsedFlags, opts: ProjectOptions): CommandOutput {
    if (f.args.length !== 2) return fail(CP_ARGS_ERROR, 1);
    const indexText = f.strings.get('index') ?? '0';
    if (!/^[+-]?\d+$/.test(indexText)) throw new ComposeError(`invalid argument ${JSON.stringify(indexText)} for "--index" flag: strconv.ParseInt: parsing ${JSON.stringify(indexText)}: invalid syntax`);
    if (!this.proc.fs || !this.client.files) return fail('vethlab: docker compose cp needs the machine\'s files, which this shell does not have\n', 1);
    const name = projectName(opts, this.host, this.warn);
    const o: Outcome = { events: [], warnings: [] };
    const [source, destination] = f.args as [string, string];
    const ctx = { engine: this.engine, files: this.client.files, local: this.proc.fs, tty: this.client.tty };
    composeCopy(ctx, name, { source, destination, index: Number(indexText), all: f.bools.has('all') }, o);
    return this.outcome(o);
  }

  private port(f: ParsedFlags, opts: ProjectOptions): CommandOutput {
    if (f.args.length < 2) throw new ComposeError(`requires at least 2 arg(s), only received ${f.args.length}`);
    const [service, portText] = f.args as [string, string];
    if (!/^\d+$/.test(portText) || Number(portText) > 65535) {
      throw new ComposeError(`strconv.ParseUint: parsing ${JSON.stringify(portText)}: ${/^\d+$/.test(portText) ? 'value out of range' : 'invalid syntax'}`);
    }
    const port = Number(portText);
    const protocol = (f.strings.get('protocol') ?? 'tcp').toLowerCase();
    const name = projectName(opts, this.host, this.warn);
    const c = this.serviceContainer(name, service, f.strings.get('index'));
    const ports = portSummaries(containerPortMap(this.engine, c));
    const found = ports.find((p) => p.privatePort === port && p.type === protocol);
    if (!found) throw new ComposeError(`no port ${port}/${protocol} for container ${c.name}: ${ports.map((p) => `${p.publicPort}/${p.type}`).join(', ')}`);
    return ok(`${found.ip}:${found.publicPort}\n`);
  }

  private config(f: ParsedFlags, opts: ProjectOptions): CommandOutput {
    const project = loadProject(opts, this.host, this.warn, f.args);
    if (f.bools.has('quiet')) return ok();
    if (f.bools.has('services')) return ok([...project.services.keys()].map((n) => `${n}\n`).join(''));
    if (f.bools.has('networks')) return ok([...project.networks.keys()].map((n) => `${n}\n`).join(''));
    if (f.bools.has('volumes')) return ok([...project.volumes.keys()].map((n) => `${n}\n`).join(''));
    if (f.bools.has('images')) return ok([...project.services.values()].map((x) => `${x.image ?? ''}\n`).join(''));
    const format = f.strings.get('format') ?? 'yaml';
    if (format !== 'yaml') throw new ComposeError(`vethlab: docker compose config --format ${format} is not simulated (yaml is)`);
    return ok(configYaml(project));
  }

  /** `docker compose ls`: projects by their containers' labels, running ones unless -a. */
  private ls(f: ParsedFlags): CommandOutput {
    const byProject = new Map<string, Container[]>();
    for (const c of this.engine.containers.values()) {
      const p = c.labels?.[LABEL.project];
      if (p === undefined) continue;
      byProject.set(p, [...(byProject.get(p) ?? []), c]);
    }
    const rows = [...byProject.entries()]
      .filter(([, cs]) => f.bools.has('all') || cs.some((c) => c.state === 'running'))
      .sort(([a], [b2]) => (a < b2 ? -1 : 1))
      .map(([name, cs]) => {
        const counts = new Map<string, number>();
        for (const c of cs) counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
        const status = [...counts.entries()].sort(([a], [b2]) => (a < b2 ? -1 : 1)).map(([st, n]) => `${st}(${n})`).join(', ');
        const files = [...new Set(cs.map((c) => c.labels?.[LABEL.configFiles] ?? ''))].join(',');
        return { name, status, files };
      });
    return ok(lsOutput(rows, f.bools.has('quiet')));
  }
}
