/**
 * The `docker` client: argv to engine calls, output and errors as client 28.2.2
 * prints them against daemon 28.5.2 (test/golden). This module dispatches and
 * answers the container commands (run/create, lifecycle, kill, rm, ps, port,
 * exec, logs); `inspect`, `network`, `images`/`image`/`pull` and
 * `version`/`info` have their own modules. Container processes (foreground
 * `docker run`, `docker exec`) go through `runProcess`, which the shell layer
 * supplies; this module only decides what the client says. A shell that waits
 * on the user's terminal (`run -it`, `exec -it`, `attach`) is handed to the UI
 * as the output's `session`.
 */
import { DockerError, ImageNotFoundError, isPythonCommand, isShellCommand, mainProgram, processArgv, standInNote, type ContainerCreateOptions, type Engine } from '../../docker/engine.ts';
import { familiarName, familiarString, parseAnyReference, parseNormalizedNamed, type NamedReference } from '../../docker/reference.ts';
import type { Container, PortBinding } from '../../docker/model.ts';
import { isRestarting } from '../../docker/restart-manager.ts';
import { containerPortMap, hostPortText, portSummaries } from '../../docker/portmap.ts';
import { fail, ok, type CommandOutput } from '../types.ts';
import { isParsed, parseCommandFlags, type FlagSpec, type ParsedFlags } from './flags.ts';
import { commandColumn, displayablePorts, formatList, humanDuration, joinHostPort, naturalCompare, portLines, statusText, table } from './format.ts';
import { pullCommand, pullForRun } from './pull.ts';
import { rmiCommand, tagCommand } from './tag-rmi.ts';
import { lazyPart } from '../lazy/parts.ts';
import { DOCKER_HOUSEKEEPING } from '../lazy/needs.ts';
import { networkCommand } from './network-cmds.ts';
import { logsCommand } from './logs-cmd.ts';
import { parseExpose, parsePortSpec, PortSpecError } from './ports.ts';
import { parseMountFlag, splitVolumeFlags } from './mount-flags.ts';
import type { MountRequest } from '../../docker/volumes.ts';
import { CidFile } from './cidfile.ts';
import { deviceSpecProblem, parsePlatform } from './run-values.ts';
import { CREATE_FLAGS, RUN_FLAGS, runSettings, unmodelledFlag } from './run-flags.ts';
import { argCountError, clientRunError, cobraExactArgsError, daemonError, flagError, runDaemonError, unknownCommand } from './usage.ts';
import type { ContainerFiles } from './copy.ts';
import type { InstalledPackage } from '../../docker/images.ts';
import type { ContainerLayers } from './housekeeping.ts';
import { scratchFs, type FileSystem } from '../fs.ts';

export interface DockerClientOptions {
  /** Whether the client's stdin is a terminal (`-t` needs one). The transcript runner has none. */
  tty: boolean;
  /**
   * Runs a container's command in its namespace (the container's userland); undefined: no processes.
   * `tty`: the process has a terminal (the main process of `run -t`, an `exec -t`), so its
   * environment has TERM=xterm (`engine.containerEnv(c, { tty })`).
   */
  runProcess?: (container: Container, argv: string[], opts: { interactive: boolean; main: boolean; tty?: boolean; workdir?: string; env?: readonly string[]; user?: string }) => CommandOutput;
  /** A container was started in the background (`run -d`, `start`, `restart`): its main process begins. */
  onStarted?: (container: Container) => void;
  /** The virtual clock moves on by ms and what fell due runs (health probes, sleeps): `docker compose up` waiting for a dependency. */
  passTime?: (ms: number) => void;
  /** Containers' files and writable layers (`docker cp`, `diff`, `system df`, prunes); undefined: none to reach. */
  files?: ContainerFiles & ContainerLayers;
  /** The packages apk or apt installed in a container (a `docker build` RUN step keeps them in the image). */
  packagesOf?: (container: Container) => ReadonlyMap<string, InstalledPackage>;
}

/**
 * What the client process itself sees (the shell's CommandContext): its
 * environment (`-e NAME` without a value takes NAME from it) and its machine's
 * files (`--env-file`). Without it: an empty environment and only /dev/null.
 */
export interface ClientProcess {
  env?: Record<string, string>;
  /** `cwd`: where `-v ./dir:/x` and `docker cp`'s local paths start from. */
  fs?: FileSystem;
}

const FS_ERRORS: Record<string, string> = { ENOENT: 'no such file or directory', EISDIR: 'is a directory', ENOTDIR: 'not a directory' };

/**
 * Several `--network` flags (API 1.44+), as the CLI's parseNetworkOpts reads them: the
 * first network takes `--ip` and `--network-alias`; a network named twice, or a
 * user-defined network beside bridge/host/none/container:, is refused by the client.
 */
/** Go's net.ParseMAC: 6, 8 or 20 bytes as hex pairs split by `:` or `-`, or hex quads split by `.`. */
function isMacAddress(s: string): boolean {
  const bytes = [6, 8, 20];
  const pairs = /^[0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(?:\1[0-9a-fA-F]{2})*$/.exec(s);
  if (pairs) return bytes.includes(s.split(pairs[1]!).length);
  if (/^[0-9a-fA-F]{4}(?:\.[0-9a-fA-F]{4})*$/.test(s)) return bytes.includes(s.split('.').length * 2);
  return false;
}

function severalNetworks(networks: string[], first: { ip?: string | undefined; mac?: string; aliases?: string[] | undefined; links?: { target: string; alias: string }[] }): { endpoints: NonNullable<ContainerCreateOptions['endpoints']> } | { error: string } {
  const endpoints: NonNullable<ContainerCreateOptions['endpoints']> = [];
  let userDefined = false;
  let builtIn = false;
  for (const [i, network] of networks.entries()) {
    if (['default', 'bridge', 'host', 'none'].includes(network) || network.startsWith('container:')) builtIn = true;
    else userDefined = true;
    if (endpoints.some((e) => e.network === network)) return { error: `network "${network}" is specified multiple times` };
    const endpoint: (typeof endpoints)[number] = { network };
    if (i === 0 && first.ip !== undefined) endpoint.ip = first.ip;
    if (i === 0 && first.mac !== undefined) endpoint.mac = first.mac;
    if (i === 0 && first.aliases) endpoint.aliases = first.aliases;
    if (i === 0 && first.links && first.links.length > 0) endpoint.links = first.links;
    endpoints.push(endpoint);
  }
  if (userDefined && builtIn) return { error: 'conflicting options: cannot attach both user-defined and non-user-defined network-modes' };
  return { endpoints };
}


const PS_HEADERS: Record<string, string> = { ID: 'CONTAINER ID', Names: 'NAMES', Image: 'IMAGE', Command: 'COMMAND', RunningFor: 'CREATED', CreatedAt: 'CREATED AT', Status: 'STATUS', State: 'STATE', Ports: 'PORTS', Networks: 'NETWORKS', Size: 'SIZE', Mounts: 'MOUNTS', Labels: 'LABELS', LocalVolumes: 'LOCAL VOLUMES' };

const PS_FILTERS = new Set(['name', 'id', 'status', 'ancestor', 'exited', 'network', 'publish', 'expose', 'label', 'health']);
/** The health filter's values (container.ValidateHealthStatus). */
const HEALTH_FILTER_VALUES = ['none', 'starting', 'healthy', 'unhealthy'];

/** Go regexp syntax is close enough to JavaScript's for names; a bad pattern matches nothing. */
function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

export function dockerCommand(engine: Engine, options: DockerClientOptions): (argv: string[], proc?: ClientProcess) => CommandOutput {
  const client = new DockerClient(engine, options);
  return (argv, proc = {}) => {
    try {
      return client.dispatch(argv, proc);
    } catch (e) {
      // Every expected failure is answered above; this keeps a bug from reaching the UI.
      return fail(`docker: ${(e as Error).message}\n`, 1);
    }
  };
}

class DockerClient {
  private readonly engine: Engine;
  private readonly options: DockerClientOptions;

  constructor(engine: Engine, options: DockerClientOptions) {
    this.engine = engine;
    this.options = options;
  }

  /** Containers' files, or an empty tree and layer for each when the caller gave none. */
  private get files(): ContainerFiles & ContainerLayers {
    return this.options.files ?? { fs: () => scratchFs(), changes: () => [], size: () => 0 };
  }

  dispatch(argv: string[], proc: ClientProcess): CommandOutput {
    const [sub, ...rest] = argv;
    switch (sub) {
      case 'run':
        return this.run(rest, true, proc);
      case 'create':
        return this.run(rest, false, proc);
      case 'start':
      case 'stop':
      case 'restart':
      case 'pause':
      case 'unpause':
        return this.lifecycle(sub, rest);
      case 'rm':
        return this.rm(rest);
      case 'ps':
        return this.ps(rest);
      case 'port':
        return this.port(rest);
      case 'exec':
        return this.exec(rest, proc);
      case 'attach':
        return this.attach(rest);
      case 'logs':
        return logsCommand(this.engine, rest);
      case 'kill':
        return this.kill(rest);
      case 'inspect':
        return lazyPart('inspect').inspectCommand(this.engine, rest);
      case 'network':
        return networkCommand(this.engine, rest);
      case 'volume':
        return lazyPart('inspect').volumeCommand(this.engine, rest);
      case 'images':
        return lazyPart('inspect').imagesCommand(this.engine, 'images', rest);
      case 'image':
        // `docker image build` is `docker build` (the legacy client's alias), with its own name in the usage.
        if (rest[0] === 'build') return lazyPart('build').buildCommand(this.engine, this.options, rest.slice(1), proc, 'image build');
        return lazyPart('inspect').imageCommand(this.engine, rest);
      case 'pull':
        return pullCommand(this.engine, rest);
      case 'tag':
        return tagCommand(this.engine, rest);
      case 'rmi':
        return rmiCommand(this.engine, rest);
      case 'version':
        return lazyPart('inspect').versionCommand(this.engine, rest);
      case 'info':
        return lazyPart('inspect').infoCommand(this.engine, rest);
      case 'top':
        return this.top(rest, proc);
      case 'rename':
        return this.rename(rest);
      case 'update':
        return lazyPart('inspect').updateCommand(this.engine, rest);
      case 'compose':
        return lazyPart('compose').composeCommand(this.engine, this.options, rest, proc);
      case 'container':
        return this.container(rest, proc);
      case 'wait':
        return lazyPart('inspect').waitCommand(this.engine, rest);
      case 'cp':
        return lazyPart('inspect').cpCommand({ engine: this.engine, files: this.files, local: proc.fs ?? scratchFs(), tty: this.options.tty }, rest);
      case 'diff':
        return lazyPart('inspect').diffCommand(this.engine, this.files, rest);
      case 'system':
        return lazyPart('inspect').systemCommand(this.engine, this.files, rest, (argv) => this.dispatch(['info', ...argv], proc));
      case 'stats':
        return lazyPart('inspect').statsCommand(this.engine, rest);
      case 'search':
        return lazyPart('inspect').searchCommand(this.engine, rest);
      case 'build':
        return lazyPart('build').buildCommand(this.engine, this.options, rest, proc);
      case 'builder':
        return lazyPart('build').builderCommand(this.engine, rest);
      case 'history':
        return lazyPart('inspect').historyCommand(this.engine, rest);
      case undefined:
        return fail('docker: missing command\n', 1);
      default:
        return DOCKER_HOUSEKEEPING.has(sub) ? lazyPart('inspect').notModelled(sub) : unknownCommand(sub);
    }
  }

  private flags(command: string, argv: string[], specs: FlagSpec[], interspersed: boolean): ParsedFlags | CommandOutput {
    return parseCommandFlags(command, argv, specs, interspersed);
  }

  // ---- run / create -------------------------------------------------------------

  /** `--env-file` contents then `-e` values, as the client sends them (opts.ReadKVEnvStrings, ValidateEnv). */
  private environment(f: ParsedFlags, proc: ClientProcess): string[] | { error: string } {
    const lookup = (key: string) => proc.env?.[key];
    const out: string[] = [];
    for (const path of f.lists.get('env-file') ?? []) {
      const text = proc.fs ? proc.fs.read(path) : path === '/dev/null' ? '' : 'ENOENT';
      if (FS_ERRORS[text] !== undefined) return { error: `open ${path}: ${FS_ERRORS[text]}` };
      for (const raw of text.replace(/^\uFEFF/, '').split('\n')) {
        const line = raw.replace(/^\s+/, '');
        if (line === '' || line.startsWith('#')) continue;
        const key = line.split('=')[0]!;
        if (key === '') return { error: `invalid env file (${path}): no variable name on line '${line}'` };
        if (/[ \t]/.test(key)) return { error: `invalid env file (${path}): variable '${key}' contains whitespaces` };
        if (line.includes('=')) out.push(line);
        else if (lookup(key) !== undefined) out.push(`${key}=${lookup(key)}`);
      }
    }
    for (const e of f.lists.get('env') ?? []) {
      const key = e.split('=')[0]!;
      if (key === '') return { error: `invalid argument "${e}" for "-e, --env" flag: invalid environment variable: ${e}` };
      // Without a value: the client's own, or the bare name (which the daemon then leaves out).
      out.push(e.includes('=') || lookup(key) === undefined ? e : `${key}=${lookup(key)}`);
    }
    return out;
  }

  private run(argv: string[], start: boolean, proc: ClientProcess): CommandOutput {
    const cid: { file?: CidFile } = {};
    try {
      return this.runOrCreate(argv, start, proc, cid);
    } finally {
      cid.file?.close();
    }
  }

  private runOrCreate(argv: string[], start: boolean, proc: ClientProcess, cid: { file?: CidFile }): CommandOutput {
    const command = start ? 'run' : 'create';
    const f = parseCommandFlags(command, argv, start ? RUN_FLAGS : CREATE_FLAGS, false);
    if (!isParsed(f)) return f;
    if (f.args.length < 1) return argCountError(command, 'at least 1 argument');
    const [image, ...cmd] = f.args as [string, ...string[]];
    const detach = f.bools.has('detach');
    // The client's own check of --device comes before anything is sent (golden pending/run-device).
    const badDevice = (f.lists.get('device') ?? []).map(deviceSpecProblem).find((p) => p !== undefined);
    if (badDevice !== undefined) return fail(`docker: ${badDevice}\n\nRun 'docker ${command} --help' for more information\n`, 125);
    const unmodelled = unmodelledFlag(f);
    if (unmodelled !== undefined) return fail(`vethlab: docker ${command} --${unmodelled} is not modelled yet\n`, 125);
    // CheckTty: a terminal is needed only to attach stdin to one (`-it`); `-t` alone runs without.
    if (start && f.bools.has('tty') && f.bools.has('interactive') && !detach && !this.options.tty) return fail('the input device is not a TTY\n', 1);
    const usageError = (message: string) => fail(`docker: ${message}\n\nRun 'docker ${command} --help' for more information\n`, 125);
    let ports: PortBinding[];
    let expose: string[];
    try {
      ports = (f.lists.get('publish') ?? []).flatMap(parsePortSpec);
      expose = (f.lists.get('expose') ?? []).flatMap(parseExpose);
    } catch (e) {
      if (e instanceof PortSpecError) return usageError(e.message);
      throw e;
    }
    const env = this.environment(f, proc);
    if ('error' in env) return usageError(env.error);
    const given = runSettings(f, (path) => {
      const text = proc.fs ? proc.fs.read(path) : path === '/dev/null' ? '' : 'ENOENT';
      return FS_ERRORS[text] !== undefined ? { error: `open ${path}: ${FS_ERRORS[text]}` } : { text };
    });
    if ('error' in given) return usageError(given.error);
    if ('refused' in given) return fail(`${given.refused}\n`, 125);
    const autoRemove = f.bools.has('rm');
    const policy = given.settings.restartPolicy.name;
    if (autoRemove && policy !== 'no' && policy !== '') return usageError('conflicting options: cannot specify both --restart and --rm');
    const opts: ContainerCreateOptions = { image, tty: f.bools.has('tty'), interactive: f.bools.has('interactive'), autoRemove, ports, settings: given.settings };
    if (given.labels) opts.labels = given.labels;
    const capAdd = f.lists.get('cap-add');
    if (capAdd) opts.capAdd = capAdd;
    const capDrop = f.lists.get('cap-drop');
    if (capDrop) opts.capDrop = capDrop;
    if (f.bools.has('privileged')) opts.privileged = true;
    const name = f.strings.get('name');
    if (name !== undefined) opts.name = name;
    if (cmd.length > 0) opts.cmd = cmd;
    const entrypoint = f.strings.get('entrypoint');
    if (entrypoint !== undefined) opts.entrypoint = entrypoint;
    const hostname = f.strings.get('hostname');
    if (hostname !== undefined) opts.hostname = hostname;
    const domainname = f.strings.get('domainname');
    if (domainname !== undefined) opts.domainname = domainname;
    const mac = f.strings.get('mac-address');
    if (mac !== undefined && mac !== '') {
      // The client checks it with Go's net.ParseMAC and says so in its own words.
      if (!isMacAddress(mac.trim())) return usageError(`${mac} is not a valid mac address`);
      opts.macAddress = mac;
    }
    const workdir = f.strings.get('workdir');
    if (workdir !== undefined) opts.workingDir = workdir;
    const user = f.strings.get('user');
    if (user !== undefined) opts.user = user;
    if (env.length > 0) opts.env = env;
    if (f.bools.has('publish-all')) opts.publishAll = true;
    if (expose.length > 0) opts.expose = expose;
    const linkSpecs = f.lists.get('link') ?? [];
    const badLink = linkSpecs.find((l) => l.split(':').length > 2);
    if (badLink !== undefined) return flagError(command, `invalid argument "${badLink}" for "--link" flag: bad format for links: ${badLink}`);
    const links = linkSpecs.map((l) => {
      const [target = '', alias] = l.split(':');
      return { target, alias: alias ?? target };
    });
    if (links.length > 0) opts.links = links;
    const networks = [...(f.lists.get('network') ?? []), ...(f.lists.get('net') ?? [])];
    const ip = f.strings.get('ip');
    const ip6 = f.strings.get('ip6');
    const aliases = f.lists.get('network-alias');
    if (networks.length > 1 && ip6 !== undefined) return fail('vethlab: --ip6 with several --network flags is not modelled yet\n', 125);
    if (ip6 !== undefined) opts.ip6 = ip6;
    if (networks.length > 1) {
      const several = severalNetworks(networks, { ip, aliases, links, ...(opts.macAddress !== undefined ? { mac: opts.macAddress } : {}) });
      if ('error' in several) return usageError(several.error);
      opts.endpoints = several.endpoints;
    } else {
      if (networks[0] !== undefined) opts.network = networks[0];
      if (ip !== undefined) opts.ip = ip;
      if (aliases) opts.aliases = aliases;
    }
    const dns = f.lists.get('dns');
    if (dns) opts.dns = dns;
    const dnsSearch = f.lists.get('dns-search');
    if (dnsSearch) opts.dnsSearch = dnsSearch;
    const hosts = f.lists.get('add-host') ?? [];
    const badHost = hosts.find((h) => !/^[^:]+:.+$/.test(h));
    if (badHost !== undefined) return flagError(command, `invalid argument "${badHost}" for "--add-host" flag: bad format for add-host: "${badHost}"`);
    if (hosts.length > 0) {
      opts.extraHosts = hosts.map((h) => {
        const colon = h.indexOf(':');
        return { name: h.slice(0, colon), ip: h.slice(colon + 1) };
      });
    }
    const volumeFlags = this.volumeOptions(command, f, proc);
    if ('stderr' in volumeFlags) return volumeFlags;
    Object.assign(opts, volumeFlags);
    const fromDaemon = (message: string, stdout = '') => (start ? runDaemonError(message, stdout) : fail(daemonError(message), 1, stdout));
    const cidPath = f.strings.get('cidfile');
    if (cidPath !== undefined && cidPath !== '') {
      if (!proc.fs) return fail(`vethlab: docker ${command} --cidfile needs the host's files, which this shell lacks\n`, 125);
      const opened = CidFile.open(proc.fs, cidPath);
      if ('error' in opened) return start ? clientRunError(opened.error) : fail(`${opened.error}\n`, 1);
      cid.file = opened;
    }
    // The client parses the image reference itself (ParseAnyReference): `run` says so as a usage error, `create` bare.
    const ref = parseAnyReference(image);
    if (!ref.ok) return start ? usageError(ref.error) : fail(`${ref.error}\n`, 1);
    let container: Container;
    const warnings: string[] = [];
    // What the client printed on stderr before the container's own output: the pull of a missing image.
    let pulled = '';
    // `-q`: the pull prints nothing (the client sends its output to io.Discard).
    const quiet = f.bools.has('quiet');
    const pullPolicy = f.strings.get('pull') ?? 'missing';
    const platformFlag = f.strings.get('platform');
    const platform = platformFlag === undefined || platformFlag === '' ? undefined : parsePlatform(platformFlag);
    if (platform && 'error' in platform) return usageError(platform.error);
    if (platform && platform.value !== 'linux/amd64' && ref.value.kind === 'named' && pullPolicy !== 'never') {
      // The host's images are linux/amd64: another platform is not there, so the client pulls it.
      const pull = pullForRun(this.engine, ref.value.ref);
      const notice = quiet ? '' : pull.notice;
      if (pull.error !== undefined) {
        const out = fromDaemon(pull.error);
        return { ...out, stderr: notice + out.stderr };
      }
      return fail(`${notice}vethlab: the images here are linux/amd64 only; --platform ${platformFlag} is not modelled\n`, 125);
    }
    if (pullPolicy === 'always' && ref.value.kind === 'named') {
      const pull = pullForRun(this.engine, ref.value.ref, false);
      if (pull.error !== undefined) return fromDaemon(pull.error);
      if (!quiet) pulled = pull.notice;
    }
    try {
      container = this.engine.createContainer(opts, warnings);
    } catch (e) {
      if (!(e instanceof DockerError)) throw e;
      if (!(e instanceof ImageNotFoundError) || ref.value.kind !== 'named' || pullPolicy !== 'missing') return fromDaemon(e.message);
      // The daemon has no such image: the client pulls it (stderr), then asks again.
      const pull = pullForRun(this.engine, ref.value.ref);
      if (!quiet) pulled = pull.notice;
      const again = (message: string): CommandOutput => {
        const out = fromDaemon(message);
        return { ...out, stderr: pulled + out.stderr };
      };
      if (pull.error !== undefined) return again(pull.error);
      try {
        container = this.engine.createContainer(opts, warnings);
      } catch (e2) {
        if (e2 instanceof DockerError) return again(e2.message);
        throw e2;
      }
    }
    cid.file?.write(container.id);
    const warned = pulled + warnings.map((w) => `WARNING: ${w}\n`).join('');
    const withWarnings = (out: CommandOutput): CommandOutput => (warned === '' ? out : { ...out, stderr: warned + out.stderr, stderrFirst: true });
    const idLine = `${container.id}\n`;
    if (!start) return withWarnings(ok(idLine));
    try {
      this.engine.start(container.id);
    } catch (e) {
      if (!(e instanceof DockerError)) throw e;
      const out = withWarnings(fromDaemon(e.message, detach ? idLine : ''));
      // The client's exit status for a command the runtime cannot run (toStatusError).
      if (start && /executable file not found|no such file or directory/.test(e.message)) return { ...out, exitCode: 127 };
      return out;
    }
    if (detach) {
      this.options.onStarted?.(container);
      return withWarnings(ok(idLine));
    }
    // `-it` with a shell: the shell, PID 1, runs on the user's terminal until they detach or it exits (ending the container).
    if (container.tty && container.interactive && this.options.tty && isShellCommand(container.cmd)) {
      this.options.onStarted?.(container);
      return withWarnings({ ...ok(), session: { container: container.name, shell: container.cmd.join(' '), main: true } });
    }
    return withWarnings(this.foreground(container));
  }

  /** `-v`, `--mount` and `--volumes-from` as the client sends them, or its flag error. */
  private volumeOptions(command: string, f: ParsedFlags, proc: ClientProcess): Pick<ContainerCreateOptions, 'binds' | 'anonymousVolumes' | 'mounts' | 'volumesFrom'> | CommandOutput {
    const out: Pick<ContainerCreateOptions, 'binds' | 'anonymousVolumes' | 'mounts' | 'volumesFrom'> = {};
    const mounts: MountRequest[] = [];
    for (const value of f.lists.get('mount') ?? []) {
      const m = parseMountFlag(value);
      if ('error' in m) return flagError(command, `invalid argument "${value}" for "--mount" flag: ${m.error}`);
      if ('refused' in m) return fail(`${m.refused}\n`, 125);
      mounts.push(m);
    }
    if (mounts.length > 0) out.mounts = mounts;
    const { binds, anonymous } = splitVolumeFlags(f.lists.get('volume') ?? [], proc.fs?.cwd ?? '/root');
    if (binds.length > 0) out.binds = binds;
    if (anonymous.length > 0) out.anonymousVolumes = anonymous;
    const from = f.lists.get('volumes-from');
    if (from) out.volumesFrom = from;
    return out;
  }

  /** `docker run` without -d: the container's process, then the container exits with its status. */
  private foreground(c: Container): CommandOutput {
    if (!this.options.runProcess) return fail('docker: container processes are not available in this shell\n', 125);
    const image = this.engine.imageOf(c);
    const note = standInNote(c, image);
    c.logs += note;
    const ran = this.options.runProcess(c, mainProgram(c, image), { interactive: c.interactive, main: true, tty: c.tty });
    const result = note === '' ? ran : { ...ran, stderr: note + ran.stderr, stderrFirst: true };
    if (!result.running) {
      this.engine.mainProcessExited(c.id, result.exitCode);
      return result;
    }
    // A server in the foreground: the real client would stream its output until it ends.
    const { running, ...rest } = result;
    return { ...rest, stderr: `${rest.stderr}vethlab: ${running.argv[0] ?? 'the program'} keeps running in ${c.name} (the terminal does not follow it, as with -d); see docker logs ${c.name}\n` };
  }

  // ---- lifecycle ----------------------------------------------------------------

  private lifecycle(sub: 'start' | 'stop' | 'restart' | 'pause' | 'unpause', argv: string[]): CommandOutput {
    const specs: FlagSpec[] = sub === 'start' ? [{ long: 'attach', short: 'a', kind: 'bool' }, { long: 'interactive', short: 'i', kind: 'bool' }] : sub === 'stop' || sub === 'restart' ? [{ long: 'time', short: 't', kind: 'string' }, { long: 'signal', short: 's', kind: 'string' }] : [];
    const f = this.flags(sub, argv, specs, true);
    if (!isParsed(f)) return f;
    if (f.args.length < 1) return argCountError(sub, 'at least 1 argument');
    let stdout = '';
    let stderr = '';
    const failed: string[] = [];
    // -t: how long the daemon waits for the stop signal to work before SIGKILL (a whole number of seconds).
    const time = f.strings.get('time');
    const timeout = time !== undefined && /^\d+$/.test(time) ? Number(time) : undefined;
    for (const ref of f.args) {
      try {
        // The user's start and stop reset and cancel the restart policy's work; the policy's own do not.
        const c = sub === 'start' ? this.engine.userStart(ref) : sub === 'stop' ? this.engine.userStop(ref, timeout) : sub === 'restart' ? this.engine.restart(ref, timeout) : this.engine[sub](ref);
        // The daemon removes a --rm container once it stops (a restart keeps it).
        if (sub === 'stop' && c.autoRemove) this.engine.remove(c.id, true);
        if (sub === 'start' && f.bools.has('attach') && this.options.runProcess) {
          const result = this.options.runProcess(c, mainProgram(c, this.engine.imageOf(c)), { interactive: false, main: true, tty: c.tty });
          this.engine.exited(c.id, result.exitCode);
          return { ...result, stdout: stdout + result.stdout, stderr: stderr + result.stderr };
        }
        if ((sub === 'start' || sub === 'restart') && c.state === 'running') this.options.onStarted?.(c);
        stdout += `${ref}\n`;
      } catch (e) {
        if (!(e instanceof DockerError)) throw e;
        stderr += daemonError(e.message);
        failed.push(ref);
      }
    }
    if (sub === 'start' && failed.length > 0) stderr += `Error: failed to start containers: ${failed.join(', ')}\n`;
    return { stdout, stderr, exitCode: failed.length > 0 ? 1 : 0 };
  }

  /** `docker kill C...`: prints each name as given; a stopped one is an error (exit 1). */
  private kill(argv: string[]): CommandOutput {
    const f = this.flags('kill', argv, [{ long: 'signal', short: 's', kind: 'string' }], true);
    if (!isParsed(f)) return f;
    if (f.args.length < 1) return argCountError('kill', 'at least 1 argument');
    let stdout = '';
    let stderr = '';
    for (const ref of f.args) {
      try {
        const c = this.engine.kill(ref);
        if (c.autoRemove) this.engine.remove(c.id, true);
        stdout += `${ref}\n`;
      } catch (e) {
        if (!(e instanceof DockerError)) throw e;
        stderr += daemonError(e.message);
      }
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  }

  private rm(argv: string[]): CommandOutput {
    const f = this.flags('rm', argv, [{ long: 'force', short: 'f', kind: 'bool' }, { long: 'volumes', short: 'v', kind: 'bool' }], true);
    if (!isParsed(f)) return f;
    if (f.args.length < 1) return argCountError('rm', 'at least 1 argument');
    const force = f.bools.has('force');
    let stdout = '';
    let stderr = '';
    let exitCode = 0;
    for (const ref of f.args) {
      try {
        this.engine.remove(ref, force, f.bools.has('volumes'));
        stdout += `${ref}\n`;
      } catch (e) {
        if (!(e instanceof DockerError)) throw e;
        stderr += daemonError(e.message);
        // `rm -f` of a missing container complains but succeeds (golden 40).
        if (!(force && e.message.startsWith('No such container'))) exitCode = 1;
      }
    }
    return { stdout, stderr, exitCode };
  }

  /** `docker top C`: the container's processes as the host's ps -ef sees them. */
  private top(argv: string[], proc: ClientProcess): CommandOutput {
    const f = this.flags('top', argv, [], false);
    if (!isParsed(f)) return f;
    if (f.args.length < 1) return argCountError('top', 'at least 1 argument');
    const c = this.engine.findContainer(f.args[0]!);
    if (!c) return fail(daemonError(`No such container: ${f.args[0]}`), 1);
    if (c.state !== 'running' && c.state !== 'paused') return fail(daemonError(`container ${c.id} is not running`), 1);
    // The host's ps names each process's uid from the host's own accounts.
    const hostPasswd = proc.fs?.stat('/etc/passwd') === 'file' ? proc.fs.read('/etc/passwd') : undefined;
    const { containerProcesses, passwdName } = lazyPart('tools');
    const rows = containerProcesses(this.engine, c, hostPasswd === undefined ? undefined : (uid) => passwdName(hostPasswd, uid));
    const cols = ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'];
    const line = (cells: string[]) => cells.map((x, i) => (i < cells.length - 1 ? x.padEnd(20) : x)).join('');
    return ok([line(cols), ...rows.map((p) => line([p.user, String(p.pid), String(p.ppid), '0', '00:00', c.tty ? 'pts/0' : '?', '00:00:00', p.args]))].map((l) => `${l}\n`).join(''));
  }

  private rename(argv: string[]): CommandOutput {
    const f = this.flags('rename', argv, [], false);
    if (!isParsed(f)) return f;
    if (f.args.length !== 2) return argCountError('rename', 'exactly 2 arguments');
    try {
      this.engine.rename(f.args[0]!, f.args[1]!);
      return ok();
    } catch (e) {
      if (!(e instanceof DockerError)) throw e;
      const missing = e.message.startsWith('No such container');
      return fail(daemonError(e.message) + (missing ? '' : `Error: failed to rename container named ${f.args[0]}\n`), 1);
    }
  }

  /** `docker container SUB`: the management command's names for the same operations. */
  private container(argv: string[], proc: ClientProcess): CommandOutput {
    const [sub, ...rest] = argv;
    const same: Record<string, string> = { ls: 'ps', list: 'ps', ps: 'ps', run: 'run', create: 'create', start: 'start', stop: 'stop', restart: 'restart', pause: 'pause', unpause: 'unpause', rm: 'rm', remove: 'rm', port: 'port', exec: 'exec', attach: 'attach', logs: 'logs', kill: 'kill', top: 'top', rename: 'rename', wait: 'wait', cp: 'cp', diff: 'diff', stats: 'stats', update: 'update', commit: 'commit', export: 'export' };
    if (sub === 'inspect') return lazyPart('inspect').inspectCommand(this.engine, ['--type', 'container', ...rest]);
    if (sub === 'prune') return lazyPart('inspect').containerPrune(this.engine, this.files, rest);
    const target = sub === undefined ? undefined : same[sub];
    if (target === undefined) return sub === undefined ? fail('\nUsage:  docker container COMMAND\n\nManage containers\n\nRun \'docker container COMMAND --help\' for more information on a command.\n', 1) : fail(`docker: unknown command: docker container ${sub}\n\nRun 'docker container --help' for more information\n`, 1);
    return this.dispatch([target, ...rest], proc);
  }

  /**
   * `docker exec [-i] [-t] [-e K=V] C CMD...`: argv runs directly, no shell in between;
   * `-e` and `--env-file` values go over the container's environment, HOSTNAME, PATH,
   * HOME and TERM included.
   */
  private exec(argv: string[], proc: ClientProcess): CommandOutput {
    const f = this.flags('exec', argv, [
      { long: 'interactive', short: 'i', kind: 'bool' },
      { long: 'tty', short: 't', kind: 'bool' },
      { long: 'detach', short: 'd', kind: 'bool' },
      { long: 'env', short: 'e', kind: 'list' },
      { long: 'env-file', kind: 'list' },
      { long: 'user', short: 'u', kind: 'string' },
      { long: 'workdir', short: 'w', kind: 'string' },
    ], false);
    if (!isParsed(f)) return f;
    if (f.args.length < 2) return argCountError('exec', 'at least 2 arguments');
    const env = this.environment(f, proc);
    if ('error' in env) return flagError('exec', env.error);
    const [ref, ...cmd] = f.args as [string, ...string[]];
    const c = this.engine.findContainer(ref);
    if (!c) return fail(daemonError(`No such container: ${ref}`), 1);
    if (c.state === 'paused') return fail(daemonError(`Container ${ref} is paused, unpause the container before exec`), 1);
    if (c.state !== 'running') return fail(daemonError(`container ${c.id} is not running`), 1);
    // Once a link's target is removed, even exec fails (rig fact 23).
    const lost = c.legacyLinks.find((link) => !this.engine.findContainer(link.target));
    if (lost) return fail(daemonError(`Cannot link to a non running container: /${lost.target} AS /${c.name}/${lost.alias}`), 1);
    if (f.bools.has('tty') && f.bools.has('interactive') && !this.options.tty) return fail('the input device is not a TTY\n', 1);
    if (!this.options.runProcess) return fail('docker: container processes are not available in this shell\n', 126);
    const workdir = f.strings.get('workdir');
    const user = f.strings.get('user');
    const settings = { env, ...(workdir !== undefined ? { workdir } : {}), ...(user !== undefined && user !== '' ? { user } : {}) };
    if (f.bools.has('tty') && f.bools.has('interactive') && isShellCommand(cmd)) {
      // Only if the shell can start (the image has it, the user and directory exist): otherwise that error, as for any command.
      const probe = this.options.runProcess(c, isPythonCommand(cmd) ? [cmd[0]!, '--version'] : [cmd[0]!, '-c', 'true'], { interactive: false, main: false, ...settings });
      const given = env.length > 0 || workdir !== undefined || 'user' in settings;
      if (probe.exitCode === 0) return { ...ok(), session: { container: c.name, shell: cmd.join(' '), ...(given ? { exec: settings } : {}) } };
    }
    const result = this.options.runProcess(c, cmd, { interactive: f.bools.has('interactive'), main: false, tty: f.bools.has('tty'), ...settings });
    // -d: the process runs on with no one reading its output; the client returns at once.
    if (f.bools.has('detach')) return ok();
    if (!result.running) return result;
    const { running, ...rest } = result;
    return { ...rest, stderr: `${rest.stderr}vethlab: ${running.argv[0] ?? 'the program'} keeps running in ${c.name} (the terminal does not wait for it, as with exec -d)\n` };
  }

  /**
   * `docker attach C`: the user's terminal on the container's main process
   * (client checks of cli/command/container/attach.go). A shell started with -it
   * is handed over as a session (typing `exit` there ends the container); other
   * main processes would only stream their output until they end, which vethlab
   * does not simulate.
   */
  private attach(argv: string[]): CommandOutput {
    const f = this.flags('attach', argv, [
      { long: 'detach-keys', kind: 'string' },
      { long: 'no-stdin', kind: 'bool' },
      { long: 'sig-proxy', kind: 'bool' },
    ], false);
    if (!isParsed(f)) return f;
    if (f.args.length !== 1) return cobraExactArgsError('attach', 1);
    const c = this.engine.findContainer(f.args[0]!);
    if (!c) return fail(daemonError(`No such container: ${f.args[0]}`), 1);
    if (c.state !== 'running' && c.state !== 'paused') return fail('You cannot attach to a stopped container, start it first\n', 1);
    if (c.state === 'paused') return fail('You cannot attach to a paused container, unpause it first\n', 1);
    const stdin = !f.bools.has('no-stdin');
    if (stdin && c.tty && !this.options.tty) return fail('the input device is not a TTY\n', 1);
    if (stdin && this.engine.hasConsoleShell(c)) {
      return { ...ok(), session: { container: c.name, shell: mainProgram(c, this.engine.imageOf(c)).join(' '), main: true } };
    }
    return fail(`vethlab: docker attach is simulated for a shell started with -it (docker run -it IMAGE sh); what ${c.name} printed is in docker logs ${c.name}\n`, 1);
  }

  // ---- ps and port ----------------------------------------------------------------

  private ps(argv: string[]): CommandOutput {
    const f = this.flags('ps', argv, [
      { long: 'all', short: 'a', kind: 'bool' },
      { long: 'quiet', short: 'q', kind: 'bool' },
      { long: 'no-trunc', kind: 'bool' },
      { long: 'filter', short: 'f', kind: 'list' },
      { long: 'last', short: 'n', kind: 'string' },
      { long: 'latest', short: 'l', kind: 'bool' },
      { long: 'format', kind: 'string' },
    ], true);
    if (!isParsed(f)) return f;
    const now = this.engine.kernel.now;
    const noTrunc = f.bools.has('no-trunc');
    // `-n` and `-l` look at every container, like -a, then keep the newest.
    const last = f.bools.has('latest') ? 1 : f.strings.has('last') ? Number(f.strings.get('last')) : undefined;
    const everything = f.bools.has('all') || last !== undefined;
    // A restarting container counts as running (State.Running), so plain `ps` lists it.
    let list = [...this.engine.containers.values()].filter((c) => everything || c.state === 'running' || c.state === 'paused' || isRestarting(c));
    // Filters of one key are ORed, different keys ANDed (the daemon's filters.Args).
    const byKey = new Map<string, string[]>();
    for (const filter of f.lists.get('filter') ?? []) {
      const eq = filter.indexOf('=');
      const key = eq < 0 ? filter : filter.slice(0, eq);
      if (!PS_FILTERS.has(key)) return fail(daemonError(`invalid filter '${key}'`), 1);
      const value = eq < 0 ? '' : filter.slice(eq + 1);
      if (key === 'health' && !HEALTH_FILTER_VALUES.includes(value)) return fail(daemonError(`invalid filter 'health=${value}': invalid value for health (${value}): must be one of ${HEALTH_FILTER_VALUES.join(', ')}`), 1);
      byKey.set(key, [...(byKey.get(key) ?? []), eq < 0 ? '' : filter.slice(eq + 1)]);
    }
    for (const [key, values] of byKey) list = list.filter((c) => values.some((v) => this.psFilterMatches(c, key, v)));    // Newest first, as the daemon lists them.
    list = list.reverse();
    if (last !== undefined) list = list.slice(0, last);
    if (f.bools.has('quiet')) return ok(list.map((c) => `${noTrunc ? c.id : c.id.slice(0, 12)}\n`).join(''));
    const format = f.strings.get('format');
    if (format !== undefined && format !== '' && format !== 'table') return formatList(format, list.map((c) => this.psRow(c, noTrunc)), PS_HEADERS);
    const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']];
    for (const c of list) {
      rows.push([
        noTrunc ? c.id : c.id.slice(0, 12),
        this.imageColumn(c, noTrunc),
        commandColumn(processArgv(c), noTrunc),
        `${humanDuration(now - c.created)} ago`,
        statusText(c, now),
        this.portsColumn(c),
        c.name,
      ]);
    }
    return ok(table(rows));
  }

  /** The row `docker ps --format` templates see (the CLI's ContainerContext). */
  private psRow(c: Container, noTrunc: boolean): Record<string, unknown> {
    const now = this.engine.kernel.now;
    const networks = [...c.endpoints.values()].map((e) => this.engine.networks.get(e.networkId)!.name);
    const mode = c.networkMode;
    if (mode.kind === 'host' || mode.kind === 'none') networks.push(mode.kind);
    return {
      ID: noTrunc ? c.id : c.id.slice(0, 12),
      Image: this.imageColumn(c, noTrunc),
      Command: commandColumn(processArgv(c), noTrunc),
      CreatedAt: '',
      RunningFor: `${humanDuration(now - c.created)} ago`,
      Ports: this.portsColumn(c),
      State: isRestarting(c) ? 'restarting' : c.state,
      Status: statusText(c, now),
      Size: '0B',
      Names: c.name,
      // ContainerContext.Labels ranges over a map: with several labels Go's order is random; vethlab sorts them.
      Labels: Object.entries(c.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join(','),
      Label: (name: string) => c.labels?.[name] ?? '',
      Mounts: '',
      Networks: networks.sort().join(','),
      LocalVolumes: '0',
    };
  }

  /**
   * The IMAGE column (ContainerContext.Image): what the daemon lists (the
   * reference while it still names the image, else the image ID), truncated
   * to 12 hex digits, a name without its digest, a tag as given.
   */
  private imageColumn(c: Container, noTrunc: boolean): string {
    const listed = this.engine.listedImage(c);
    if (noTrunc) return listed;
    const id = this.engine.imageOf(c).id;
    if (listed === id) return id.slice('sha256:'.length, 'sha256:'.length + 12);
    const ref = parseNormalizedNamed(listed);
    if (!ref.ok) return listed;
    return ref.value.tag !== undefined ? familiarString({ ...ref.value, digest: undefined } as NamedReference) : familiarName(ref.value);
  }

  /** The PORTS column: what the daemon reports for the container, as DisplayablePorts groups it. */
  private portsColumn(c: Container): string {
    return displayablePorts(portSummaries(containerPortMap(this.engine, c)));
  }

  private psFilterMatches(c: Container, key: string, value: string): boolean {
    switch (key) {
      case 'name':
        return safeRegExp(value)?.test(c.name) ?? false;
      case 'id':
        return c.id.startsWith(value);
      case 'status':
        return (isRestarting(c) ? 'restarting' : c.state) === value;
      case 'label': {
        // `label=KEY` matches any value, `label=KEY=VALUE` that value.
        const eq = value.indexOf('=');
        const key = eq < 0 ? value : value.slice(0, eq);
        return c.labels?.[key] !== undefined && (eq < 0 || c.labels[key] === value.slice(eq + 1));
      }
      case 'ancestor': {
        // The daemon resolves the image and compares IDs (a name that names nothing matches nothing).
        const image = this.engine.findImage(value);
        return c.image === value || (image !== undefined && image.id === this.engine.imageOf(c).id);
      }
      case 'exited':
        return c.state === 'exited' && String(c.exitCode) === value;
      case 'health':
        // The daemon's view: `none` until a health monitor has ever run.
        return (c.health?.status ?? 'none') === value;
      case 'network': {
        const n = this.engine.findNetwork(value);
        return n !== undefined && (c.endpoints.has(n.id) || (c.networkMode.kind === 'bridge' && c.networkMode.networks.includes(n.name)));
      }
      case 'publish':
      case 'expose': {
        // Against the ports the daemon reports (`80`, `80/tcp`, `8000-8010/tcp`; tcp by default).
        const [range = '', proto = 'tcp'] = value.split('/');
        const [from = NaN, to = from] = range.split('-').map(Number);
        return portSummaries(containerPortMap(this.engine, c)).some((p) => {
          const port = key === 'publish' ? p.publicPort : p.privatePort;
          return p.type === proto && port >= from && port <= to && (key === 'expose' || p.publicPort !== 0);
        });
      }
      default:
        return false;
    }
  }

  /** `docker port C [PORT[/PROTO]]`: from the container's NetworkSettings.Ports, in natural order. */
  private port(argv: string[]): CommandOutput {
    const f = this.flags('port', argv, [], true);
    if (!isParsed(f)) return f;
    if (f.args.length < 1 || f.args.length > 2) return argCountError('port', f.args.length < 1 ? 'at least 1 argument' : 'at most 2 arguments');
    const [ref, wanted] = f.args as [string, string | undefined];
    const c = this.engine.findContainer(ref);
    if (!c) return fail(daemonError(`No such container: ${ref}`), 1);
    const map = containerPortMap(this.engine, c);
    if (wanted === undefined) return ok(portLines(map).map((l) => `${l}\n`).join(''));
    const slash = wanted.indexOf('/');
    const port = slash < 0 ? wanted : wanted.slice(0, slash);
    const proto = slash < 0 || wanted.slice(slash + 1) === '' ? 'tcp' : wanted.slice(slash + 1);
    if (!/^\d+$/.test(port) || Number(port) > 65535) {
      const why = /^\d+$/.test(port) ? 'value out of range' : 'invalid syntax';
      return fail(`Error: invalid port (${port}): strconv.ParseUint: parsing "${port}": ${why}\n`, 1);
    }
    const bindings = map.get(`${port}/${proto}`) ?? [];
    if (bindings.length === 0) return fail(`Error: No public port '${wanted}' published for ${ref}\n`, 1);
    const hosts = bindings.map((b) => joinHostPort(b.hostIp, hostPortText(b))).sort(naturalCompare);
    return ok(hosts.map((h) => `${h}\n`).join(''));
  }
}
