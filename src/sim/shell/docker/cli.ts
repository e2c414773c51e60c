/**
 * The `docker` client: argv to engine calls, output and errors as client 28.2.2
 * prints them against daemon 28.5.2 (test/golden). Container processes (foreground
 * `docker run`, `docker exec`) go through `runProcess`, which the shell layer
 * supplies; this module only decides what the client says.
 */
import { DockerError, type ContainerCreateOptions, type Engine } from '../../docker/engine.ts';
import type { Container, PortBinding } from '../../docker/model.ts';
import { fail, ok, type CommandOutput } from '../types.ts';
import { FlagError, parseFlags, type FlagSpec, type ParsedFlags } from './flags.ts';
import { commandColumn, humanDuration, portLines, portsColumn, statusText, table } from './format.ts';
import { containerObject, goJsonIndent, networkObject } from '../../docker/inspect.ts';
import { goMap, renderTemplate } from '../gotpl.ts';
import { parsePortSpec, PortSpecError } from './ports.ts';
import { argCountError, daemonError, flagError, runDaemonError, unknownCommand } from './usage.ts';

export interface DockerClientOptions {
  /** Whether the client's stdin is a terminal (`-t` needs one). The transcript runner has none. */
  tty: boolean;
  /** Runs a container's command in its namespace (the container's userland); undefined: no processes. */
  runProcess?: (container: Container, argv: string[], opts: { interactive: boolean; main: boolean }) => CommandOutput;
  /** A container was started in the background (`run -d`, `start`, `restart`): its main process begins. */
  onStarted?: (container: Container) => void;
}

const RUN_FLAGS: FlagSpec[] = [
  { long: 'detach', short: 'd', kind: 'bool' },
  { long: 'interactive', short: 'i', kind: 'bool' },
  { long: 'tty', short: 't', kind: 'bool' },
  { long: 'rm', kind: 'bool' },
  { long: 'name', kind: 'string' },
  { long: 'hostname', short: 'h', kind: 'string' },
  { long: 'env', short: 'e', kind: 'list' },
  { long: 'network', kind: 'string' },
  { long: 'net', kind: 'string' },
  { long: 'ip', kind: 'string' },
  { long: 'network-alias', kind: 'list' },
  { long: 'publish', short: 'p', kind: 'list' },
  { long: 'publish-all', short: 'P', kind: 'bool' },
  { long: 'link', kind: 'list' },
  { long: 'expose', kind: 'list' },
  { long: 'dns', kind: 'list' },
  { long: 'dns-search', kind: 'list' },
  { long: 'add-host', kind: 'list' },
];

const PS_HEADERS: Record<string, string> = { ID: 'CONTAINER ID', Names: 'NAMES', Image: 'IMAGE', Command: 'COMMAND', RunningFor: 'CREATED', CreatedAt: 'CREATED AT', Status: 'STATUS', State: 'STATE', Ports: 'PORTS', Networks: 'NETWORKS', Size: 'SIZE', Mounts: 'MOUNTS', Labels: 'LABELS', LocalVolumes: 'LOCAL VOLUMES' };

const PS_FILTERS = new Set(['name', 'id', 'status', 'ancestor', 'exited', 'network', 'publish', 'expose']);

/** Inspect data reaches templates as decoded JSON: every object is a map. */
function asGoMaps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asGoMaps);
  if (value && typeof value === 'object') {
    return goMap(Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, asGoMaps(v)])));
  }
  return value;
}

/** Go regexp syntax is close enough to JavaScript's for names; a bad pattern matches nothing. */
function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

const CONNECT_FLAGS: FlagSpec[] = [
  { long: 'ip', kind: 'string' },
  { long: 'alias', kind: 'list' },
  { long: 'gw-priority', kind: 'string' },
];

const NETWORK_CREATE_FLAGS: FlagSpec[] = [
  { long: 'driver', short: 'd', kind: 'string' },
  { long: 'subnet', kind: 'list' },
  { long: 'gateway', kind: 'list' },
  { long: 'ip-range', kind: 'list' },
  { long: 'internal', kind: 'bool' },
  { long: 'opt', short: 'o', kind: 'list' },
  { long: 'attachable', kind: 'bool' },
];

export function dockerCommand(engine: Engine, options: DockerClientOptions): (argv: string[]) => CommandOutput {
  const client = new DockerClient(engine, options);
  return (argv) => {
    try {
      return client.dispatch(argv);
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

  dispatch(argv: string[]): CommandOutput {
    const [sub, ...rest] = argv;
    switch (sub) {
      case 'run':
        return this.run(rest, true);
      case 'create':
        return this.run(rest, false);
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
        return this.exec(rest);
      case 'logs':
        return this.logs(rest);
      case 'inspect':
        return this.inspect(rest);
      case 'network':
        return this.network(rest);
      case undefined:
        return fail('docker: missing command\n', 1);
      default:
        return unknownCommand(sub);
    }
  }

  private flags(command: string, argv: string[], specs: FlagSpec[], interspersed: boolean): ParsedFlags | CommandOutput {
    try {
      return parseFlags(argv, specs, { interspersed });
    } catch (e) {
      if (e instanceof FlagError) return flagError(command, e.message);
      throw e;
    }
  }

  // ---- run / create -------------------------------------------------------------

  private run(argv: string[], start: boolean): CommandOutput {
    const command = start ? 'run' : 'create';
    const f = this.flags(command, argv, RUN_FLAGS, false);
    if (!('args' in f)) return f;
    if (f.args.length < 1) return argCountError(command, 'at least 1 argument');
    const [image, ...cmd] = f.args as [string, ...string[]];
    const detach = f.bools.has('detach');
    if (start && f.bools.has('tty') && !detach && !this.options.tty) return fail('the input device is not a TTY\n', 1);
    let ports: PortBinding[];
    try {
      ports = (f.lists.get('publish') ?? []).flatMap(parsePortSpec);
    } catch (e) {
      if (e instanceof PortSpecError) return fail(`docker: ${e.message}\n\nRun 'docker ${command} --help' for more information\n`, 125);
      throw e;
    }
    const opts: ContainerCreateOptions = { image, tty: f.bools.has('tty'), interactive: f.bools.has('interactive'), autoRemove: f.bools.has('rm'), ports };
    const name = f.strings.get('name');
    if (name !== undefined) opts.name = name;
    if (cmd.length > 0) opts.cmd = cmd;
    const hostname = f.strings.get('hostname');
    if (hostname !== undefined) opts.hostname = hostname;
    const env = f.lists.get('env');
    if (env) opts.env = env;
    const network = f.strings.get('network') ?? f.strings.get('net');
    if (network !== undefined) opts.network = network;
    const ip = f.strings.get('ip');
    if (ip !== undefined) opts.ip = ip;
    const aliases = f.lists.get('network-alias');
    if (aliases) opts.aliases = aliases;
    if (f.bools.has('publish-all')) opts.publishAll = true;
    const linkSpecs = f.lists.get('link') ?? [];
    const badLink = linkSpecs.find((l) => l.split(':').length > 2);
    if (badLink !== undefined) return flagError(command, `invalid argument "${badLink}" for "--link" flag: bad format for links: ${badLink}`);
    const links = linkSpecs.map((l) => {
      const [target = '', alias] = l.split(':');
      return { target, alias: alias ?? target };
    });
    if (links.length > 0) opts.links = links;
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
    const fromDaemon = (message: string, stdout = '') => (start ? runDaemonError(message, stdout) : fail(daemonError(message), 1, stdout));
    let container: Container;
    try {
      container = this.engine.createContainer(opts);
    } catch (e) {
      if (e instanceof DockerError) {
        const pulling = e.message.startsWith('Get "https://registry-1.docker.io') ? `Unable to find image '${image.includes(':') ? image : `${image}:latest`}' locally\n` : '';
        const out = fromDaemon(e.message);
        return { ...out, stderr: pulling + out.stderr };
      }
      throw e;
    }
    const idLine = `${container.id}\n`;
    if (!start) return ok(idLine);
    try {
      this.engine.start(container.id);
    } catch (e) {
      if (e instanceof DockerError) return fromDaemon(e.message, detach ? idLine : '');
      throw e;
    }
    if (detach) {
      this.options.onStarted?.(container);
      return ok(idLine);
    }
    return this.foreground(container);
  }

  /** `docker run` without -d: the container's process, then the container exits with its status. */
  private foreground(c: Container): CommandOutput {
    if (!this.options.runProcess) return fail('docker: container processes are not available in this shell\n', 125);
    const result = this.options.runProcess(c, c.cmd, { interactive: c.interactive, main: true });
    this.engine.exited(c.id, result.exitCode);
    if (c.autoRemove) this.engine.remove(c.id, true);
    return result;
  }

  // ---- lifecycle ----------------------------------------------------------------

  private lifecycle(sub: 'start' | 'stop' | 'restart' | 'pause' | 'unpause', argv: string[]): CommandOutput {
    const specs: FlagSpec[] = sub === 'start' ? [{ long: 'attach', short: 'a', kind: 'bool' }, { long: 'interactive', short: 'i', kind: 'bool' }] : sub === 'stop' || sub === 'restart' ? [{ long: 'time', short: 't', kind: 'string' }, { long: 'signal', short: 's', kind: 'string' }] : [];
    const f = this.flags(sub, argv, specs, true);
    if (!('args' in f)) return f;
    if (f.args.length < 1) return argCountError(sub, 'at least 1 argument');
    let stdout = '';
    let stderr = '';
    const failed: string[] = [];
    for (const ref of f.args) {
      try {
        const c = this.engine[sub](ref);
        if (sub === 'start' && f.bools.has('attach') && this.options.runProcess) {
          const result = this.options.runProcess(c, c.cmd, { interactive: false, main: true });
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

  private rm(argv: string[]): CommandOutput {
    const f = this.flags('rm', argv, [{ long: 'force', short: 'f', kind: 'bool' }, { long: 'volumes', short: 'v', kind: 'bool' }], true);
    if (!('args' in f)) return f;
    if (f.args.length < 1) return argCountError('rm', 'at least 1 argument');
    const force = f.bools.has('force');
    let stdout = '';
    let stderr = '';
    let exitCode = 0;
    for (const ref of f.args) {
      try {
        this.engine.remove(ref, force);
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

  private logs(argv: string[]): CommandOutput {
    const f = this.flags('logs', argv, [{ long: 'follow', short: 'f', kind: 'bool' }, { long: 'tail', short: 'n', kind: 'string' }, { long: 'timestamps', short: 't', kind: 'bool' }], true);
    if (!('args' in f)) return f;
    if (f.args.length !== 1) return argCountError('logs', 'exactly 1 argument');
    const c = this.engine.findContainer(f.args[0]!);
    if (!c) return fail(daemonError(`No such container: ${f.args[0]}`), 1);
    return ok(c.logs);
  }

  /** `docker inspect OBJECT...`: containers first, then networks, as the client searches. */
  private inspect(argv: string[]): CommandOutput {
    const f = this.flags('inspect', argv, [{ long: 'type', kind: 'string' }, { long: 'size', short: 's', kind: 'bool' }, { long: 'format', short: 'f', kind: 'string' }], true);
    if (!('args' in f)) return f;
    if (f.args.length < 1) return argCountError('inspect', 'at least 1 argument');
    const type = f.strings.get('type');
    const found: Record<string, unknown>[] = [];
    let stderr = '';
    for (const ref of f.args) {
      const c = type === 'network' ? undefined : this.engine.findContainer(ref);
      const n = c || type === 'container' ? undefined : this.engine.findNetwork(ref);
      if (c) found.push(containerObject(this.engine, c));
      else if (n) found.push(networkObject(this.engine, n));
      else stderr += `Error: No such object: ${ref}\n`;
    }
    const format = f.strings.get('format');
    if (format !== undefined) return this.formatted(found, format, stderr);
    return { stdout: `${goJsonIndent(found)}\n`, stderr, exitCode: stderr ? 1 : 0 };
  }

  /** `docker exec [-i] [-t] [-e K=V] C CMD...`: argv runs directly, no shell in between. */
  private exec(argv: string[]): CommandOutput {
    const f = this.flags('exec', argv, [
      { long: 'interactive', short: 'i', kind: 'bool' },
      { long: 'tty', short: 't', kind: 'bool' },
      { long: 'detach', short: 'd', kind: 'bool' },
      { long: 'env', short: 'e', kind: 'list' },
      { long: 'user', short: 'u', kind: 'string' },
      { long: 'workdir', short: 'w', kind: 'string' },
    ], false);
    if (!('args' in f)) return f;
    if (f.args.length < 2) return argCountError('exec', 'at least 2 arguments');
    const [ref, ...cmd] = f.args as [string, ...string[]];
    const c = this.engine.findContainer(ref);
    if (!c) return fail(daemonError(`No such container: ${ref}`), 1);
    if (c.state === 'paused') return fail(daemonError(`Container ${ref} is paused, unpause the container before exec`), 1);
    if (c.state !== 'running') return fail(daemonError(`container ${c.id} is not running`), 1);
    // Once a link's target is removed, even exec fails (rig fact 23).
    const lost = c.legacyLinks.find((link) => !this.engine.findContainer(link.target));
    if (lost) return fail(daemonError(`Cannot link to a non running container: /${lost.target} AS /${c.name}/${lost.alias}`), 1);
    if (f.bools.has('tty') && !this.options.tty) return fail('the input device is not a TTY\n', 1);
    if (!this.options.runProcess) return fail('docker: container processes are not available in this shell\n', 126);
    return this.options.runProcess(c, cmd, { interactive: f.bools.has('interactive'), main: false });
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
    if (!('args' in f)) return f;
    const now = this.engine.kernel.now;
    const noTrunc = f.bools.has('no-trunc');
    // `-n` and `-l` look at every container, like -a, then keep the newest.
    const last = f.bools.has('latest') ? 1 : f.strings.has('last') ? Number(f.strings.get('last')) : undefined;
    const everything = f.bools.has('all') || last !== undefined;
    let list = [...this.engine.containers.values()].filter((c) => everything || c.state === 'running' || c.state === 'paused');
    // Filters of one key are ORed, different keys ANDed (the daemon's filters.Args).
    const byKey = new Map<string, string[]>();
    for (const filter of f.lists.get('filter') ?? []) {
      const eq = filter.indexOf('=');
      const key = eq < 0 ? filter : filter.slice(0, eq);
      if (!PS_FILTERS.has(key)) return fail(daemonError(`invalid filter '${key}'`), 1);
      byKey.set(key, [...(byKey.get(key) ?? []), eq < 0 ? '' : filter.slice(eq + 1)]);
    }
    for (const [key, values] of byKey) list = list.filter((c) => values.some((v) => this.psFilterMatches(c, key, v)));    // Newest first, as the daemon lists them.
    list = list.reverse();
    if (last !== undefined) list = list.slice(0, last);
    if (f.bools.has('quiet')) return ok(list.map((c) => `${noTrunc ? c.id : c.id.slice(0, 12)}\n`).join(''));
    const format = f.strings.get('format');
    if (format !== undefined && format !== 'table') return this.psFormatted(list, format, noTrunc);
    const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']];
    for (const c of list) {
      rows.push([
        noTrunc ? c.id : c.id.slice(0, 12),
        c.image,
        commandColumn(c.cmd, noTrunc),
        `${humanDuration(now - c.created)} ago`,
        statusText(c, now),
        portsColumn(c),
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
      Image: c.image,
      Command: commandColumn(c.cmd, noTrunc),
      CreatedAt: '',
      RunningFor: `${humanDuration(now - c.created)} ago`,
      Ports: portsColumn(c),
      State: c.state,
      Status: statusText(c, now),
      Size: '0B',
      Names: c.name,
      Labels: '',
      Mounts: '',
      Networks: networks.sort().join(','),
      LocalVolumes: '0',
    };
  }

  private psFormatted(list: Container[], format: string, noTrunc: boolean): CommandOutput {
    const isTable = format.startsWith('table ');
    const template = (isTable ? format.slice(6) : format).replace(/\\t/g, '\t');
    const rows: string[] = [];
    for (const c of list) {
      const r = renderTemplate(template, this.psRow(c, noTrunc));
      if ('error' in r) return fail(`${r.error}\n`, 1);
      rows.push(r.output);
    }
    if (!isTable) return ok(rows.map((r) => `${r}\n`).join(''));
    const header = template.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_m, name: string) => PS_HEADERS[name] ?? name.toUpperCase());
    return ok(table([header, ...rows].map((line) => line.split('\t'))));
  }

  private psFilterMatches(c: Container, key: string, value: string): boolean {
    switch (key) {
      case 'name':
        return safeRegExp(value)?.test(c.name) ?? false;
      case 'id':
        return c.id.startsWith(value);
      case 'status':
        return c.state === value;
      case 'ancestor':
        return c.image === value || c.image === `${value}:latest`;
      case 'exited':
        return c.state === 'exited' && String(c.exitCode) === value;
      case 'network': {
        const n = this.engine.findNetwork(value);
        return n !== undefined && (c.endpoints.has(n.id) || (c.networkMode.kind === 'bridge' && c.networkMode.networks.includes(n.name)));
      }
      case 'publish':
        return c.ports.some((p) => `${p.hostPort}` === value.split('/')[0]);
      case 'expose':
        return c.exposed.some((e) => e.split('/')[0] === value.split('/')[0]) || c.ports.some((p) => `${p.containerPort}` === value.split('/')[0]);
      default:
        return false;
    }
  }

  private port(argv: string[]): CommandOutput {
    const f = this.flags('port', argv, [], true);
    if (!('args' in f)) return f;
    if (f.args.length < 1 || f.args.length > 2) return argCountError('port', f.args.length < 1 ? 'at least 1 argument' : 'at most 2 arguments');
    const c = this.engine.findContainer(f.args[0]!);
    if (!c) return fail(daemonError(`No such container: ${f.args[0]}`), 1);
    let filter: { port: number; proto: string } | undefined;
    if (f.args[1] !== undefined) {
      const [port = '', proto = 'tcp'] = f.args[1].split('/');
      filter = { port: Number(port), proto };
    }
    const running = c.state === 'running' || c.state === 'paused';
    const lines = running ? portLines(c, filter) : [];
    if (filter && lines.length === 0) return fail(`Error: No public port '${filter.port}/${filter.proto}' published for ${f.args[0]}\n`, 1);
    return ok(lines.map((l) => `${l}\n`).join(''));
  }

  // ---- network ------------------------------------------------------------------

  private network(argv: string[]): CommandOutput {
    const [sub, ...rest] = argv;
    switch (sub) {
      case 'create':
        return this.networkCreate(rest);
      case 'rm':
      case 'remove':
        return this.networkRm(rest);
      case 'ls':
      case 'list':
        return this.networkLs(rest);
      case 'connect':
      case 'disconnect':
        return this.networkConnect(sub, rest);
      case 'inspect':
        return this.networkInspect(rest);
      case undefined:
        return fail(`\nUsage:  docker network COMMAND\n\nManage networks\n\nCommands:\n  connect     Connect a container to a network\n  create      Create a network\n  disconnect  Disconnect a container from a network\n  inspect     Display detailed information on one or more networks\n  ls          List networks\n  prune       Remove all unused networks\n  rm          Remove one or more networks\n\nRun 'docker network COMMAND --help' for more information on a command.\n`, 0);
      default:
        return unknownCommand(`network ${sub}`, 'network');
    }
  }

  private networkCreate(argv: string[]): CommandOutput {
    const f = this.flags('network create', argv, NETWORK_CREATE_FLAGS, true);
    if (!('args' in f)) return f;
    if (f.args.length !== 1) return argCountError('network create', 'exactly 1 argument');
    const options: Record<string, string> = {};
    for (const o of f.lists.get('opt') ?? []) {
      const eq = o.indexOf('=');
      options[eq < 0 ? o : o.slice(0, eq)] = eq < 0 ? '' : o.slice(eq + 1);
    }
    const subnet = f.lists.get('subnet')?.[0];
    const gateway = f.lists.get('gateway')?.[0];
    const ipRange = f.lists.get('ip-range')?.[0];
    try {
      const n = this.engine.createNetwork({
        name: f.args[0]!,
        internal: f.bools.has('internal'),
        options,
        ...(f.strings.has('driver') ? { driver: f.strings.get('driver')! } : {}),
        ...(subnet !== undefined ? { subnet } : {}),
        ...(gateway !== undefined ? { gateway } : {}),
        ...(ipRange !== undefined ? { ipRange } : {}),
      });
      return ok(`${n.id}\n`);
    } catch (e) {
      if (!(e instanceof DockerError)) throw e;
      return fail(e.side === 'client' ? `${e.message}\n` : daemonError(e.message), 1);
    }
  }

  private networkRm(argv: string[]): CommandOutput {
    const f = this.flags('network rm', argv, [{ long: 'force', short: 'f', kind: 'bool' }], true);
    if (!('args' in f)) return f;
    if (f.args.length < 1) return argCountError('network rm', 'at least 1 argument');
    let stdout = '';
    let stderr = '';
    for (const ref of f.args) {
      try {
        this.engine.removeNetwork(ref);
        stdout += `${ref}\n`;
      } catch (e) {
        if (!(e instanceof DockerError)) throw e;
        stderr += daemonError(e.message);
      }
    }
    if (stderr) return { stdout, stderr: `${stderr}exit status 1\n`, exitCode: 1 };
    return ok(stdout);
  }

  private networkLs(argv: string[]): CommandOutput {
    const f = this.flags('network ls', argv, [{ long: 'quiet', short: 'q', kind: 'bool' }, { long: 'no-trunc', kind: 'bool' }], true);
    if (!('args' in f)) return f;
    const list = [...this.engine.networks.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const id = (n: { id: string }) => (f.bools.has('no-trunc') ? n.id : n.id.slice(0, 12));
    if (f.bools.has('quiet')) return ok(list.map((n) => `${id(n)}\n`).join(''));
    const rows = [['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ...list.map((n) => [id(n), n.name, n.driver, 'local'])];
    return ok(table(rows));
  }

  /** JSON of every network named; a missing one still prints the others (and `[]` when none). */
  private networkInspect(argv: string[]): CommandOutput {
    const f = this.flags('network inspect', argv, [{ long: 'format', short: 'f', kind: 'string' }], true);
    if (!('args' in f)) return f;
    if (f.args.length < 1) return argCountError('network inspect', 'at least 1 argument');
    const found: Record<string, unknown>[] = [];
    let stderr = '';
    for (const ref of f.args) {
      const n = this.engine.findNetwork(ref);
      if (n) found.push(networkObject(this.engine, n));
      else stderr += daemonError(`network ${ref} not found`);
    }
    const format = f.strings.get('format');
    if (format !== undefined) return this.formatted(found, format, stderr);
    return { stdout: `${goJsonIndent(found)}\n`, stderr, exitCode: stderr ? 1 : 0 };
  }

  /**
   * `-f TEMPLATE` over inspect objects, which the client renders as JSON maps:
   * a parse error exits 64; a failing object prints an empty line and the error.
   */
  private formatted(objects: Record<string, unknown>[], format: string, notFound: string): CommandOutput {
    let stdout = '';
    const stderr = '';
    for (const obj of objects) {
      const r = renderTemplate(format, asGoMaps(obj));
      if ('error' in r) {
        if (r.error.includes('unclosed action') || r.error.includes('unexpected')) return fail(`${r.error}\n`, 64, stdout);
        return { stdout: `${stdout}\n`, stderr: `${stderr}${r.error}\n`, exitCode: 1 };
      }
      stdout += `${r.output}\n`;
    }
    if (notFound) return { stdout: objects.length === 0 ? '\n' : stdout, stderr: notFound, exitCode: 1 };
    return ok(stdout);
  }

  private networkConnect(sub: 'connect' | 'disconnect', argv: string[]): CommandOutput {
    const command = `network ${sub}`;
    const specs = sub === 'connect' ? CONNECT_FLAGS : [{ long: 'force', short: 'f', kind: 'bool' as const }];
    const f = this.flags(command, argv, specs, true);
    if (!('args' in f)) return f;
    if (f.args.length !== 2) return argCountError(command, 'exactly 2 arguments');
    const [net, ctr] = f.args as [string, string];
    try {
      // The client looks the container up first (golden 41: an unknown network and container name the container).
      this.engine.requireContainer(ctr);
      if (sub === 'connect') {
        const opts: { ip?: string; aliases?: string[]; gwPriority?: number } = {};
        const ip = f.strings.get('ip');
        if (ip !== undefined) opts.ip = ip;
        const aliases = f.lists.get('alias');
        if (aliases) opts.aliases = aliases;
        const prio = f.strings.get('gw-priority');
        if (prio !== undefined) opts.gwPriority = Number(prio);
        this.engine.connect(net, ctr, opts);
      } else {
        this.engine.disconnect(net, ctr);
      }
      return ok();
    } catch (e) {
      if (!(e instanceof DockerError)) throw e;
      return fail(daemonError(e.message), 1);
    }
  }
}
