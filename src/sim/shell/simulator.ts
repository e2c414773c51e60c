/**
 * One simulated world and its shells: the kernel, the Docker engine, and the
 * commands each machine answers with (Debian's tools on the Docker host, lan
 * and gw; busybox inside containers). Every UI action and script line ends here
 * as argv for one machine or one container.
 */
import { parseAttachExit, parseReplLine, parseShellLine } from './console.ts';
import type { PythonRepl, PythonSetup } from './python/repl.ts';
import { lazyPart } from './lazy/parts.ts';
import { lazyCommand } from './lazy/command.ts';
import { SERVER } from '../docker/engine-facts.ts';
import { addrconfigLookup, addressName, clientLookup, containerNameserver, embeddedLookup6, familyLookup, lookup, lookupInHosts } from '../docker/dns.ts';
import { hostsFile } from '../docker/files.ts';
import { Engine, hasNetAdmin, isPythonCommand, isShellCommand, mainProgram, runsImageDefault, standInNote } from '../docker/engine.ts';
import { parseIPv4 } from '../netfilter/inet.ts';
import type { Container } from '../docker/model.ts';
import { GW_NS, HOST_HOSTNAME, HOST_NS, LAN_NS } from '../docker/world.ts';
import { Kernel } from '../net/index.ts';
import { dockerCommand } from './docker/cli.ts';
import { iptablesCommand, iptablesRestoreCommand, iptablesSaveCommand, sysctlCommand } from './netfilter-cmds.ts';
import { dnsSizes, LAN_ZONE } from '../docker/dns.ts';
import { tmpfsDfCommand, tmpfsSizeKb, type TmpfsUsage } from './df-cmd.ts';
import { encodeCommand, encodeReply, redisCommand, Servers, type ConnectFailure } from './servers.ts';
import { lineExchange } from '../net/exchange.ts';
import { Processes, SETTLE_BUDGET } from './processes.ts';
import { stampLogs } from '../docker/log-stamps.ts';
import { dueHealthCheck, probeArgv, recordProbe } from '../docker/health-monitor.ts';
import { busyboxHttpd } from './httpd-cmd.ts';
import { busyboxBannerOf, withBanner } from './busybox.ts';
import { pingCommand } from './ping.ts';
import { withDnsTraces } from './dns-traces.ts';
import type { Trace } from '../net/trace.ts';
import { databaseKindOf } from './db/database.ts';
import { databaseClientNames, type DatabaseClientName } from './db/client-names.ts';
import { envRecord } from './db/database.ts';
import { DEBIAN_MACHINE_EXECUTABLES, DEFAULT_PATH, lookPath, notModelled } from './programs.ts';
import type { SignalResult } from './process-cmds.ts';
import { toolbox, type ToolboxPlace } from './toolbox.ts';
import type { LsInfo } from './ls-cmd.ts';
import { LayeredFs, layerChanges, layerSize, type FileSystem, type WritableLayer } from './fs.ts';
import { ContainerMounts } from './container-mounts.ts';
import type { NginxResolver, NginxStart } from './nginx-process.ts';
import { hostPaths, MountedFs } from './mounts.ts';
import { DEBIAN_ROOTFS, rootfsOf } from './rootfs.ts';
import { DEV_LINKS, DEV_MOUNTS, HOST_DEVICES } from '../docker/devices.ts';
import { IMAGE_SOCAT_VERSION, PYTHON_VERSION, type Image, type ImageSet } from '../docker/images.ts';
import { CURLIMAGES_CURL_VERSION } from '../docker/catalog.ts';
import { listVirtualDir, readVirtualFile, type FileContext } from './virtual-files.ts';
import { newShellState, runShell, type ShellState } from './sh.ts';
import { bridgeCommand } from './net-tools/bridge.ts';
import { brctlCommand } from './net-tools/brctl.ts';
import type { Command, CommandContext, CommandOutput, ExecSettings } from './types.ts';
import { fail, ok } from './types.ts';
import { installedExecutables, newPackageState, packagesToKeep, packageStateFrom, type MirrorReach, type PackagePlace, type PackageState } from './pkg-state.ts';
import type { TcpdumpPlace } from './tcpdump.ts';
import type { MuslResolver } from './getent-musl.ts';
import type { ToolResolver } from './net-tools/names.ts';

export type Machine = 'host' | 'lan' | 'gw';

/** A program of the network tools part (./lazy/net-tools.ts), made on its first run. */
function netTool(make: (tools: ReturnType<typeof lazyPart<'nettools'>>) => Command): Command {
  return lazyCommand(() => make(lazyPart('nettools')));
}

/** A socket's errno and strerror for each way a connect fails (what redis-py's ConnectionError quotes). */
const CONNECT_ERRNO: Record<ConnectFailure, { errno: number; reason: string }> = {
  refused: { errno: 111, reason: 'Connection refused' },
  timeout: { errno: 110, reason: 'Connection timed out' },
  unreachable: { errno: 113, reason: 'No route to host' },
  'no-route': { errno: 101, reason: 'Network is unreachable' },
};

/**
 * A shell's program and parameters from its argv, as dash, ash and bash take
 * them: `-c TEXT [NAME [ARG...]]` runs TEXT with `$0` = NAME (else the name
 * the shell was started by) and `$1`... = ARGs; without -c, the script on stdin.
 */
function shellOperands(argv: readonly string[], name: string, stdin: string): { line: string; arg0: string; args: string[] } {
  if (argv[0] !== '-c') return { line: stdin, arg0: name, args: [] };
  return { line: argv[1] ?? '', arg0: argv[2] ?? name, args: argv.slice(3) };
}

/** Whose wording a container's tools use. */
const userlandOf = (image: Image): 'busybox' | 'debian' => (image.distro === 'debian' || image.distro === 'ubuntu' ? 'debian' : 'busybox');

/** The host's device nodes and the directory that holds one (ls -l /dev on the rig's machine: a devtmpfs, /dev/net 60 bytes). */
function hostDevNode(path: string): NonNullable<ReturnType<NonNullable<LsInfo['special']>>> | undefined {
  const device = HOST_DEVICES.get(path);
  if (device) return { device };
  return path === '/dev/net' ? { mount: { mode: 'drwxr-xr-x', size: 60 } } : undefined;
}

/** The rig's binaries by size (`ls -l`): busybox-static 1.35, and the two wrapper scripts in /usr/bin. */
const RIG_BINARY_SIZES: Record<string, number> = { '/bin/busybox': 1982256, '/usr/bin/nc': 104, '/usr/bin/wget': 501 };

const MACHINE_NS: Record<Machine, string> = { host: HOST_NS, lan: LAN_NS, gw: GW_NS };
const MACHINE_HOSTNAME: Record<Machine, string> = { host: HOST_HOSTNAME, lan: 'client', gw: 'gw' };
/**
 * The environment of the simulated Debian machines' root shell (a login as
 * root on Debian 12; the rig's host lines inherit the recorder's instead).
 */
const MACHINE_ENV = { SHELL: '/bin/bash', PWD: '/root', LOGNAME: 'root', HOME: '/root', LANG: 'C.UTF-8', TERM: 'xterm-256color', USER: 'root', SHLVL: '1', PATH: DEFAULT_PATH, MAIL: '/var/mail/root' };

/**
 * How a process of a container starts: with a terminal (TERM=xterm), in a
 * working directory, and with `docker exec -e`'s variables over the container's.
 */
interface ProcessSettings {
  tty?: boolean;
  workdir?: string;
  env?: readonly string[];
  /** It runs in the background (a main process): its sleeps wait on the virtual clock. */
  background?: boolean;
  /** `docker exec -u`: USER[:GROUP]; absent: the container's Config.User. */
  user?: string;
}

export interface SimulatorOptions {
  seed?: number;
  /** Whether the user's terminal is a TTY (`docker run -it` needs one); scripts have none. */
  tty?: boolean;
  /** Which images the Docker host has: `rig` (default, the goldens' three) or `playground` (all seven). */
  images?: ImageSet;
  /**
   * Host lines are typed at one interactive shell (the UI's terminal): a `cd`, a variable,
   * a function or an alias stays for the next line. Without it each line is its own `sh -c`,
   * as the rig's record.sh runs a script's lines (the goldens).
   */
  interactive?: boolean;
}

/** The curl an image's own Debian or Ubuntu release ships (the same releases as pkg-catalog.ts's packages): its User-Agent. */
const IMAGE_CURL_RELEASE: Readonly<Record<string, string>> = { 'debian-trixie': '8.14.1', 'debian-bookworm': '7.88.1', 'ubuntu-noble': '8.5.0' };

export class Simulator {
  readonly kernel: Kernel;
  readonly engine: Engine;
  private readonly docker: ReturnType<typeof dockerCommand>;
  /**
   * Packets main processes sent as they started (nginx's lookups of its upstreams), gathered
   * while a docker command runs: they are that command's (`docker run`, `start`, `compose up`).
   */
  private readonly startTraces: Trace[] = [];
  /** What each machine and container wrote to its files (a container's writable layer). */
  private readonly machineLayers = new Map<Machine, WritableLayer>();
  private readonly containerLayers = new WeakMap<Container, WritableLayer>();
  /** The packages apk or apt installed in a container (part of its writable layer). */
  private readonly containerPackages = new WeakMap<Container, PackageState>();
  /** The server processes' side of every connection (httpd's files, redis's keys). */
  readonly servers: Servers;
  /** Watchers of Docker's container events (start, die): traefik's docker provider. */
  private readonly containerEvents = new Set<(c: Container, action: 'start' | 'die') => void>();
  /** Programs still running in containers (servers from command lines, background jobs). */
  readonly processes: Processes;
  /** The trees behind containers' binds, volumes and tmpfs mounts. */
  private readonly mounts = new ContainerMounts();
  /** The Python REPL each container runs on a terminal (`docker exec -it C python3`, `docker run -it python`), by container ID. */
  private readonly repls = new Map<string, PythonRepl>();
  /** Each machine's interactive shell (the `interactive` option): what its lines left for the next. */
  private readonly machineShells = new Map<Machine, ShellState>();
  /** Containers' interactive shells (`shellLineOf` lines), by container ID, then `main` or the exec session's number. */
  private readonly containerShells = new Map<string, Map<string, ShellState>>();
  private readonly interactive: boolean;
  /** Containers whose database image's entrypoint set its database up (a restart skips the checks). */
  private readonly initializedDatabases = new WeakSet<Container>();

  constructor(options: SimulatorOptions = {}) {
    this.kernel = new Kernel({ seed: options.seed ?? 1 });
    this.engine = new Engine(this.kernel, options.seed ?? 1, { images: options.images ?? 'rig' });
    this.engine.hostPaths = hostPaths(() => this.machineFs('host'));
    this.engine.accounts = (c) => {
      const fs = this.containerFs(c);
      const text = (path: string) => (fs.stat(path) === 'file' ? fs.read(path) : undefined);
      return { passwd: text('/etc/passwd'), group: text('/etc/group') };
    };
    this.servers = new Servers(this.engine, (netns) => {
      const c = [...this.engine.containers.values()].find((x) => x.netns === netns);
      return c && this.containerFs(c);
    });
    this.processes = new Processes(this.engine);
    this.servers.programs = this.processes;
    this.docker = dockerCommand(this.engine, {
      tty: options.tty ?? false,
      runProcess: (c, argv, opts) => {
        const result = this.runProgram(c, argv, { main: opts.main, logs: opts.main }, { tty: opts.tty === true, ...(opts.workdir !== undefined ? { workdir: opts.workdir } : {}), ...(opts.env ? { env: opts.env } : {}), ...(opts.user !== undefined ? { user: opts.user } : {}) });
        if (opts.main) c.logs += result.stdout + result.stderr;
        return result;
      },
      onStarted: (c) => {
        this.startMainProcess(c);
        for (const listen of [...this.containerEvents]) listen(c, 'start');
      },
      passTime: (ms) => {
        this.kernel.advance(ms);
        this.settle();
      },
      packagesOf: (c) => {
        const state = this.packageStateOf(c);
        return state ? packagesToKeep(state) : new Map();
      },
      files: {
        fs: (c) => this.containerFs(c),
        changes: (c) => layerChanges(rootfsOf(this.engine.imageOf(c)), this.containerLayer(c)),
        size: (c) => layerSize(this.containerLayer(c)),
      },
    });
    // Docker's `die` event reaches its watchers as the container stops (before the engine forgets its endpoints).
    this.engine.stopObservers.push((c) => {
      // Its shells end with it: a restarted container's terminals start anew.
      this.containerShells.delete(c.id);
      for (const listen of [...this.containerEvents]) listen(c, 'die');
    });
    this.interactive = options.interactive ?? false;
  }

  /** The commands of a Debian machine. */
  private machineCommands(machine: Machine): Map<string, Command> {
    const commands: Map<string, Command> = new Map<string, Command>([
      ['ping', pingCommand('iputils', () => undefined)],
      ['iptables', iptablesCommand(4)],
      ['ip6tables', iptablesCommand(6)],
      ['iptables-save', iptablesSaveCommand(4)],
      ['ip6tables-save', iptablesSaveCommand(6)],
      ['iptables-restore', iptablesRestoreCommand(4)],
      ['ip6tables-restore', iptablesRestoreCommand(6)],
      ['sysctl', sysctlCommand],
      ['curl', lazyCommand(() => lazyPart('curl').curlCommand(this.servers, (name) => this.machineResolve(machine, name), '7.88.1'))],
      ['wget', lazyCommand(() => lazyPart('wget').gnuWget(this.servers, (name) => this.machineResolve(machine, name)))],
      ['nc', lazyCommand(() => lazyPart('nc').ncCommand(this.servers, (name) => this.machineResolve(machine, name), { services: true }))],
      // The machines' namespaces are mounted under /run/netns (`ip netns add`), the containers' are not.
      ['ip', netTool((t) => t.ipCommand({ namedNetns: (ns) => Object.values(MACHINE_NS).includes(ns) }))],
      ['bridge', bridgeCommand],
      ['brctl', brctlCommand],
      ['ethtool', netTool((t) => t.ethtoolCommand)],
      ['ss', netTool((t) => t.ssCommand)],
      ...toolbox(this.machinePlace(machine, () => commands)),
      // dash as a program (`sudo sh -c ...`, `xargs sh -c ...`), with the caller's environment.
      ['sh', (argv, ctx) => this.machineShell(machine, argv, ctx)],
      ['dash', (argv, ctx) => this.machineShell(machine, argv, ctx, 'dash')],
      ['bash', (argv, ctx) => this.machineShell(machine, argv, ctx, 'bash')],
      // The machines' own lookups send no packets here (their resolver is not modelled as a client).
      ['getent', lazyCommand(() => lazyPart('dns').getentCommand((name, type) => ({ addresses: type === 'A' ? [this.machineResolve(machine, name)].filter((a) => a !== undefined) : [] })))],
      ['sudo', lazyCommand(() => lazyPart('tools').sudoCommand((name) => this.machineProgram(machine, name, commands), (name) => lookPath(name, DEBIAN_MACHINE_EXECUTABLES)))],
    ]);
    if (machine === 'host') {
      commands.set('docker', (argv, ctx) => {
        // `sleep 3; docker ps` in one line: what slept meanwhile wakes before the client asks.
        this.settle();
        return this.startsRepl(this.dockerWithStartTraces(argv, ctx));
      });
    }
    commands.set('ps', lazyCommand(() => lazyPart('tools').procpsCommand(() => (machine === 'host' ? lazyPart('tools').hostProcesses(this.engine, this.hostUserName) : [{ pid: 1, ppid: 0, user: 'root', args: '/sbin/init' }]))));
    return commands;
  }

  /** A docker command, with the packets its containers' main processes sent as they started ahead of its own. */
  private dockerWithStartTraces(argv: string[], ctx: CommandContext): CommandOutput {
    this.startTraces.length = 0;
    const out = this.docker(argv, ctx);
    const started = this.startTraces.splice(0);
    return started.length === 0 ? out : { ...out, traces: [...started, ...(out.traces ?? [])] };
  }

  /** Whose main process is PID 1 in the container's PID namespace: its own, or `--pid container:X`'s. */
  private pidNamespaceHolder(c: Container): Container {
    return c.settings.pidMode.startsWith('container:') ? (this.engine.findContainer(c.settings.pidMode.slice('container:'.length)) ?? c) : c;
  }

  /** The container's --tmpfs mounts as df sees them: their size, and the pages their files take. */
  private tmpfsUsage(c: Container): TmpfsUsage[] {
    return this.mounts.tmpfsOf(c).map((m) => ({
      destination: m.destination,
      blocks: tmpfsSizeKb(m.options, SERVER.memTotal),
      used: [...m.files.values()].reduce((kb, e) => kb + (e.kind === 'file' ? Math.ceil(e.content.length / 4096) * 4 : 0), 0),
    }));
  }

  /** How the Docker host's ps names a uid: by the host's /etc/passwd, else the number. */
  private readonly hostUserName = (uid: number): string => {
    const fs = this.machineFs('host');
    return lazyPart('tools').passwdName(fs.stat('/etc/passwd') === 'file' ? fs.read('/etc/passwd') : undefined, uid);
  };

  /**
   * A background container's main process: servers and `sleep` keep running, a
   * shell keeps running while it has a stdin (-i), anything else runs to its end
   * and the container exits with its status.
   */
  private startMainProcess(c: Container): void {
    const image = this.engine.imageOf(c);
    const isDefault = runsImageDefault(c, image);
    if (isDefault && image.listens.some((l) => l.process === 'nginx')) {
      // The nginx part: the line that made the container named its image (lazy/needs.ts).
      this.startTraces.push(...lazyPart('nginx').startNginx(c, this.nginxDeps(c)));
      return;
    }
    // A database image's entrypoint (the databases part: the line that made the container named the image).
    if (isDefault && image.listens.some((l) => databaseKindOf(l.process) !== undefined) && lazyPart('databases').startDatabase(this.engine, c, this.initializedDatabases)) return;
    if (isDefault && image.listens.length > 0) {
      c.logs += image.startupLog ?? '';
      return;
    }
    // A repository the catalog does not know runs busybox sh in its place: its logs say so rather than pretend.
    c.logs += standInNote(c, image);
    const argv = mainProgram(c, image);
    // A shell (sh, ash, bash, dash) or a REPL waits on its stdin while it has one (-i).
    if (isShellCommand(argv) && c.interactive) return;
    // In the background a sleep is a process that wakes on the virtual clock (`sleep 5` ends the container 5 s later).
    const result = this.runProgram(c, argv, { main: true, logs: true }, { background: true });
    c.logs += result.stdout + result.stderr;
    if (!result.running) this.engine.mainProcessExited(c.id, result.exitCode);
  }

  /**
   * Runs argv in a container; a program still running when it returns (a server)
   * stays as a process of the container, and so do the background jobs it left.
   * `logs`: what they print later goes to `docker logs` (PID 1 and its jobs).
   */
  private runProgram(c: Container, argv: string[], role: { main: boolean; logs: boolean }, process: ProcessSettings = {}): CommandOutput {
    const result = this.runInContainer(c, argv, '', { ...process, spawn: (program) => this.processes.adopt(c, program, { main: false, logs: role.logs }) });
    if (result.running && c.state === 'running') this.processes.adopt(c, result.running, role);
    return result;
  }

  /** What nginx reads at start: the container's files and resolver, and where its configuration is kept. */
  private nginxDeps(c: Container): NginxStart {
    return { engine: this.engine, files: this.containerFs(c), resolve: this.nginxResolver(c), configs: this.servers.nginxConfigs };
  }

  /** getaddrinfo as nginx calls it (AI_ADDRCONFIG), with the C library of its image: nginx:alpine's musl, else glibc. */
  private nginxResolver(c: Container): NginxResolver {
    const libc = this.engine.imageOf(c).distro === 'alpine' ? 'musl' : 'glibc';
    return (name) => {
      // ngx_parse_inet_url takes an address literal as it is.
      if (parseIPv4(name) !== undefined) return { address: name, traces: [] };
      const answer = addrconfigLookup(this.engine, c, name, libc);
      return { ...(answer.kind === 'address' ? { address: answer.address } : {}), traces: answer.traces ?? [] };
    };
  }

  /** A name as the container's resolver answers it (its /etc/hosts, then Docker's DNS). */
  private containerResolve(c: Container, name: string): string | undefined {
    const answer = lookup(this.engine, c, name);
    return answer.kind === 'address' ? answer.address : undefined;
  }

  /**
   * The programs a container answers with: busybox applets, plus the rig image's
   * /usr/bin/nc (OpenBSD netcat). Inside `sh -c` busybox prefers its own applets,
   * so there `nc` is busybox's.
   */
  private containerCommands(c: Container, inShell = false): Map<string, Command> {
    // Clients that connect (ping, wget, nc, curl) use the first address of the answer (docker/dns.ts says why);
    // the resolver's questions are packets the command sent before its own (withDnsTraces).
    const asked: Trace[] = [];
    const resolve = (name: string) => {
      const answer = clientLookup(this.engine, c, name);
      asked.push(...(answer.traces ?? []));
      return answer.kind === 'address' ? answer.address : undefined;
    };
    return withDnsTraces(this.containerPrograms(c, resolve, inShell), asked);
  }

  private containerPrograms(c: Container, resolve: (name: string) => string | undefined, inShell: boolean): Map<string, Command> {
    const executables = this.containerExecutables(c);
    // An image FROM scratch (or distroless) has its own program and nothing else: no shell, no busybox.
    const commands = executables.has('/bin/sh') || this.engine.imageOf(c).distro === 'rig' ? this.distroPrograms(c, resolve, inShell) : new Map<string, Command>();
    // curl built into an Alpine image (curlimages/curl), not from a package.
    if (executables.has('/usr/bin/curl') && !commands.has('curl')) commands.set('curl', lazyCommand(() => lazyPart('curl').curlCommand(this.servers, resolve, '8', CURLIMAGES_CURL_VERSION)));
    // The Go echo servers' images run their one program by its path.
    if (executables.has('/whoami')) commands.set('/whoami', lazyCommand(() => lazyPart('webecho').whoamiCommand));
    if (executables.has('/http-echo')) commands.set('/http-echo', lazyCommand(() => lazyPart('webecho').httpEchoCommand));
    if (executables.has('/usr/bin/caddy')) {
      // Go's resolver asks the container's (its questions are packets of the request that needed them).
      const caddy = lazyCommand(() => lazyPart('caddy').caddyCommand({ servers: this.servers, lookup: (name) => clientLookup(this.engine, c, name), nameserver: () => containerNameserver(this.engine, c), imageCreated: () => this.engine.imageOf(c).created, ncpu: SERVER.ncpu }));
      commands.set('caddy', caddy);
      commands.set('/usr/bin/caddy', caddy);
    }
    if (executables.has('/usr/local/bin/traefik')) commands.set('traefik', lazyCommand(() => lazyPart('traefik').traefikCommand({ engine: this.engine, servers: this.servers, container: c, files: this.containerFs(c), resolve: (name) => this.containerResolve(c, name), events: this.containerEvents })));
    return commands;
  }

  private distroPrograms(c: Container, resolve: (name: string) => string | undefined, inShell: boolean): Map<string, Command> {
    const image = this.engine.imageOf(c);
    if (image.distro === 'debian' || image.distro === 'ubuntu') return this.gnuCommands(c, resolve);
    if (image.distro === 'alpine') {
      // Alpine's busybox: the rig's applets, with busybox nc (no OpenBSD netcat, no wget wrapper).
      const commands = this.rigCommands(c, resolve, true);
      commands.delete('/usr/bin/nc');
      commands.delete('/bin/nc');
      commands.set('nc', lazyCommand(() => lazyPart('nc').alpineNc(this.servers, resolve)));
      // Alpine's busybox leaves httpd to busybox-extras.
      commands.delete('httpd');
      commands.set('netstat', netTool((t) => t.alpineNetstatCommand(this.toolResolver(c))));
      if (this.containerExecutables(c).has('/usr/bin/getent')) commands.set('getent', lazyCommand(() => lazyPart('dns').muslGetentCommand(this.muslResolver(c))));
      if (this.containerExecutables(c).has('/sbin/apk')) commands.set('apk', (argv, ctx) => lazyPart('packages').apkCommand(() => this.packagePlace(c))(argv, ctx));
      return this.withInstalledPrograms(c, commands, resolve);
    }
    return this.rigCommands(c, resolve, inShell);
  }

  /**
   * glibc's getaddrinfo with AI_ADDRCONFIG (getent ahosts): its questions (addrconfigLookup), and
   * the addresses IPv6 first, as glibc's RFC 3484 sort put the rig's ULA before its IPv4 address
   * (capaddrconfig.txt); the AAAA records are the ones the answer carried. AF_INET asks A alone.
   */
  private glibcAddrInfo(c: Container, name: string, family: 0 | 4): { addresses: readonly string[]; traces?: readonly Trace[] } {
    if (family === 4) {
      const fromHosts = lookupInHosts(hostsFile(this.engine, c), name);
      return fromHosts !== undefined && fromHosts.includes('.') ? { addresses: [fromHosts] } : familyLookup(this.engine, c, name, 'A');
    }
    const found = addrconfigLookup(this.engine, c, name, 'glibc');
    const traces = found.traces ?? [];
    const v6 = traces.filter((t) => t.hops[0]?.netns === c.netns && t.probe.dns?.type === 'AAAA').flatMap((t) => t.probe.dns!.answer.records.map((r) => r.data));
    return { addresses: [...v6, ...(found.kind === 'address' ? found.addresses : [])], traces };
  }

  /** The container's resolver as busybox's arp, route and netstat ask it (getnameinfo, gethostbyname), its questions packets. */
  private toolResolver(c: Container): ToolResolver {
    return {
      name: (ip) => addressName(this.engine, c, ip),
      address: (host) => {
        const fromHosts = lookupInHosts(hostsFile(this.engine, c), host);
        if (fromHosts !== undefined && fromHosts.includes('.')) return { address: fromHosts, traces: [] };
        const answer = familyLookup(this.engine, c, host, 'A');
        return { address: answer.addresses[0], traces: answer.traces };
      },
    };
  }

  /** The container's resolver as musl's getaddrinfo/getnameinfo ask it (Alpine's getent). */
  private muslResolver(c: Container): MuslResolver {
    return {
      addresses: (name, family) => familyLookup(this.engine, c, name, family === 6 ? 'AAAA' : 'A'),
      reverse: (ip) => addressName(this.engine, c, ip),
    };
  }

  /** A container's installed packages: what it installed, starting from what its image's RUN steps did (docker build). */
  private packageStateOf(c: Container): PackageState | undefined {
    let state = this.containerPackages.get(c);
    const fromImage = this.engine.imageOf(c).built?.packages;
    if (!state && fromImage) this.containerPackages.set(c, (state = packageStateFrom(fromImage)));
    return state;
  }

  /** Executables of a container: its image's and those its installed packages added. */
  private containerExecutables(c: Container): ReadonlySet<string> {
    const image = this.engine.imageOf(c).executables;
    const added = installedExecutables(this.packageStateOf(c));
    return added.size === 0 ? image : new Set([...image, ...added]);
  }

  /** Where a package manager runs in a container: its installed packages and its way to the mirrors. */
  private packagePlace(c: Container): PackagePlace {
    let state = this.packageStateOf(c);
    if (!state) this.containerPackages.set(c, (state = newPackageState()));
    const image = this.engine.imageOf(c);
    return {
      state,
      // Alpine's own packages are the minirootfs's; busybox applets share paths with the catalog's tools.
      imageHas: (path) => image.distro !== 'alpine' && image.executables.has(path),
      reach: (host) => this.reachMirror(c, host),
    };
  }

  /** What tcpdump in `c` asks of the world: interfaces, whose ping (busybox counts from 0, iputils from 1) sent an echo, and names. */
  private tcpdumpPlace(c: Container): TcpdumpPlace {
    return {
      addressName: (address) => addressName(this.engine, c, address),
      hasInterface: (netns, iface) => this.kernel.netns(netns)?.links().some((l) => l.name === iface) ?? false,
      pingSeqBase: (netns) => {
        const sender = [...this.engine.containers.values()].find((x) => x.netns === netns);
        if (!sender) return 1;
        const iputils = this.packageStateOf(sender)?.installed.has('iputils-ping') || userlandOf(this.engine.imageOf(sender)) === 'debian';
        return iputils ? 1 : 0;
      },
    };
  }

  /** A mirror as a container reaches it: its resolver's answer, then a TCP connection to port 80 there. */
  private reachMirror(c: Container, host: string): MirrorReach {
    const answer = lookup(this.engine, c, host);
    const dnsTraces = [...(answer.traces ?? [])];
    if (answer.kind === 'nxdomain') return { ok: false, failure: 'nxdomain', traces: dnsTraces };
    if (answer.kind !== 'address' || !c.netns) return { ok: false, failure: 'dns', traces: dnsTraces };
    // The download itself (its size) is not modelled: the trace and the counters have the handshake.
    const conn = this.servers.connect(c.netns, answer.address, 80, { timeout: 30 });
    const traces = [...dnsTraces, ...conn.traces];
    return conn.ok ? { ok: true, address: answer.address, traces } : { ok: false, failure: conn.failure, address: answer.address, traces };
  }

  /** The programs installed packages put in place of (or next to) the image's. */
  private withInstalledPrograms(c: Container, commands: Map<string, Command>, resolve: (name: string) => string | undefined): Map<string, Command> {
    // The python images' pip installs from PyPI (a model of it: pkg-pip.ts).
    if (this.containerExecutables(c).has('/usr/local/bin/pip')) {
      const pythonVersion = (this.containerEnv(c).PYTHON_VERSION ?? PYTHON_VERSION).split('.').slice(0, 2).join('.');
      const pip = lazyCommand(() => lazyPart('python').pipCommand(() => this.packagePlace(c), pythonVersion));
      for (const name of ['pip', 'pip3']) commands.set(name, pip);
    }
    const installed = this.packageStateOf(c)?.installed;
    // socat from a package, or the image's own (alpine/socat).
    const socatVersion = installed?.get('socat')?.version ?? (this.containerExecutables(c).has('/usr/bin/socat') ? IMAGE_SOCAT_VERSION : undefined);
    if (socatVersion !== undefined) {
      const libc = this.engine.imageOf(c).distro === 'alpine' ? 'musl' : 'glibc';
      const child = (line: string, stdin: string, env: Record<string, string>) => this.containerShell(c, ['-c', line], stdin, 'sh', 'sh', { env: { ...this.containerEnv(c), ...env } });
      const version = socatVersion.replace(/-.*$/, '');
      commands.set('socat', lazyCommand(() => lazyPart('socat').socatCommand({ servers: this.servers, resolve, child, pid: () => this.processes.newPid(), libc, version })));
    }
    for (const name of databaseClientNames(this.containerExecutables(c))) commands.set(name, this.databaseClient(c, name, resolve));
    if (!installed || installed.size === 0) return commands;
    const has = (...names: string[]) => names.some((n) => installed.has(n));
    const ipChanges: Command = hasNetAdmin(c) ? netTool((t) => t.ipCommand()) : () => fail('RTNETLINK answers: Operation not permitted\n', 2);
    if (has('curl')) commands.set('curl', lazyCommand(() => lazyPart('curl').curlCommand(this.servers, resolve, '8', installed.get('curl')?.version.replace(/-.*$/, ''))));
    if (has('wget')) commands.set('wget', lazyCommand(() => lazyPart('wget').gnuWget(this.servers, resolve)));
    if (has('iproute2-minimal', 'iproute2')) commands.set('ip', netTool((t) => t.netAdminIp(t.ipCommand(), ipChanges)));
    if (has('iproute2-ss', 'iproute2')) commands.set('ss', netTool((t) => t.ssCommand));
    if (has('iputils-ping')) commands.set('ping', pingCommand('iputils', resolve));
    if (has('netcat-openbsd')) commands.set('nc', lazyCommand(() => lazyPart('nc').ncCommand(this.servers, resolve, { services: false })));
    if (has('redis', 'redis-tools')) commands.set('redis-cli', lazyCommand(() => lazyPart('redis').redisCliCommand(this.servers, resolve)));
    if (has('procps')) commands.set('ps', lazyCommand(() => lazyPart('tools').procpsCommand(() => [{ pid: 1, ppid: 0, user: 'root', args: c.cmd.join(' ') }])));
    if (has('bash')) commands.set('bash', (argv, ctx) => this.containerShell(c, argv, ctx.stdin, 'bash', 'bash', ctx));
    if (has('bind-tools', 'bind9-dnsutils')) commands.set('dig', lazyCommand(() => lazyPart('dns').digCommand(this.engine, c, resolve)));
    if (has('bind-tools', 'bind9-host')) commands.set('host', lazyCommand(() => lazyPart('dns').hostCommand(this.engine, c, resolve)));
    if (has('tcpdump')) {
      const place = this.tcpdumpPlace(c);
      commands.set('tcpdump', lazyCommand(() => lazyPart('tcpdump').tcpdumpCommand(place)));
    }
    return commands;
  }

  /** A database client (db/clients.ts) in a container, with the version its image or package gives it. */
  private databaseClient(c: Container, name: DatabaseClientName, resolve: (name: string) => string | undefined): Command {
    return lazyCommand(() => {
      const image = this.engine.imageOf(c);
      const packages = new Map([...(this.packageStateOf(c)?.installed ?? new Map<string, { version: string }>())].map(([n, p]) => [n, p.version]));
      const place = { engine: this.engine, servers: this.servers, container: c, resolve, libc: image.distro === 'alpine' ? 'musl' : 'glibc' } as const;
      const origin = { env: envRecord(this.engine.containerEnv(c)), packages, oracleMysql: image.executables.has('/usr/sbin/mysqld'), distro: image.distro };
      return lazyPart('databases').databaseClient(name, place, origin);
    });
  }

  /** The rig images' programs (see containerCommands). */
  private rigCommands(c: Container, resolve: (name: string) => string | undefined, inShell: boolean): Map<string, Command> {
    // traceroute's hop names are getnameinfo's (/etc/hosts, then a PTR question), the questions packets of its own.
    const hopName = (ip: string) => addressName(this.engine, c, ip);
    const busyboxNc = lazyCommand(() => lazyPart('nc').busyboxNc(this.servers, resolve));
    const openbsdNc = lazyCommand(() => lazyPart('nc').ncCommand(this.servers, resolve, { services: false }));
    const applets = new Map<string, Command>([
      ['ping', pingCommand('busybox', resolve, (name) => embeddedLookup6(this.engine, c, name))],
      ['ping6', pingCommand('busybox', resolve, (name) => embeddedLookup6(this.engine, c, name), 'ping6')],
      ...toolbox(this.containerPlace(c, inShell)),
      [
        'ps',
        lazyCommand(() =>
          lazyPart('tools').busyboxPsCommand(() => this.pidNamespaceHolder(c), () => {
            const user = this.engine.processUser(this.pidNamespaceHolder(c));
            return user && 'uid' in user ? user.uid : 0;
          }, () => (c.settings.pidMode === 'host' ? lazyPart('tools').hostProcesses(this.engine, this.hostUserName) : undefined), (x) => this.engine.usesInit(x)),
        ),
      ],
      ['df', tmpfsDfCommand(() => this.tmpfsUsage(c))],
      ['wget', lazyCommand(() => lazyPart('wget').busyboxWget(this.servers, resolve))],
      ['nslookup', lazyCommand(() => lazyPart('dns').nslookupCommand(this.engine, c))],
      ['ip', netTool((t) => (hasNetAdmin(c) ? t.netAdminIp(t.busyboxIpCommand, t.ipCommand()) : t.busyboxIpCommand))],
      ['ifconfig', netTool((t) => t.ifconfigCommand)],
      ['route', netTool((t) => t.busyboxRouteCommand(this.toolResolver(c)))],
      ['netstat', netTool((t) => t.netstatCommand(this.toolResolver(c)))],
      ['arp', netTool((t) => t.busyboxArpCommand(this.toolResolver(c)))],
      ['traceroute', lazyCommand(() => lazyPart('traceroute').tracerouteCommand(resolve, hopName, (name) => embeddedLookup6(this.engine, c, name)))],
      ['traceroute6', lazyCommand(() => lazyPart('traceroute').tracerouteCommand(resolve, hopName, (name) => embeddedLookup6(this.engine, c, name), 'traceroute6'))],
      ['sh', (argv, ctx) => this.containerShell(c, argv, ctx.stdin, 'sh', 'sh', ctx)],
      ['/bin/sh', (argv, ctx) => this.containerShell(c, argv, ctx.stdin, 'sh', '/bin/sh', ctx)],
      ['httpd', busyboxHttpd],
      // The rig's images ship OpenBSD netcat as /usr/bin/nc, without /etc/services.
      ['nc', inShell ? busyboxNc : openbsdNc],
      ['/usr/bin/nc', openbsdNc],
      ['/bin/nc', busyboxNc],
      // The redis image has its client too.
      ...(this.engine.imageOf(c).name === 'redis' ? [['redis-cli', lazyCommand(() => lazyPart('redis').redisCliCommand(this.servers, resolve))] as [string, Command]] : []),
    ]);
    // `busybox APPLET ARGS` runs the applet itself: busybox's nc, not /usr/bin/nc.
    const busybox: Command = (argv, ctx) => {
      const [applet, ...rest] = argv;
      if (applet === undefined || applet.startsWith('-')) return fail('vethlab: busybox without an applet (its own help and applet list) is not modelled\n', 1);
      const run = applet === 'nc' ? busyboxNc : applet === 'busybox' ? undefined : applets.get(applet);
      if (run) return run(rest, ctx);
      if (this.engine.imageOf(c).executables.has(`/bin/${applet}`)) return fail(`vethlab: busybox ${applet} is not modelled here\n`, 1);
      return fail(`${applet}: applet not found\n`, 127);
    };
    applets.set('busybox', busybox);
    applets.set('/bin/busybox', busybox);
    return applets;
  }

  /**
   * The programs of a Debian-based image (nginx, python: Debian 13; ubuntu 26.04):
   * bash and dash, coreutils and friends with GNU wording, no ping/ip/nc/nslookup;
   * curl in nginx and python, GNU wget and procps' ps in python, nginx in nginx.
   */
  private gnuCommands(c: Container, resolve: (name: string) => string | undefined): Map<string, Command> {
    const executables = this.containerExecutables(c);
    const has = (name: string) => executables.has(`/usr/bin/${name}`) || executables.has(`/usr/sbin/${name}`) || executables.has(`/usr/local/bin/${name}`);
    // The everyday tools the image has; Debian's awk is mawk, by either name.
    const tools = toolbox(this.containerPlace(c, true)).filter(([name]) => has(name) || executables.has(`/bin/${name}`));
    const awk = tools.find(([name]) => name === 'awk');
    if (awk && has('mawk')) tools.push(['mawk', awk[1]]);
    const commands = new Map<string, Command>([
      ...tools,
      ['getent', lazyCommand(() => lazyPart('dns').getentCommand((name, type) => familyLookup(this.engine, c, name, type), (name, family) => this.glibcAddrInfo(c, name, family)))],
      // Each name and path the shells are started by (`$0` is that name: `bash`, `/bin/bash`).
      ...(['sh', '/bin/sh', 'dash', '/bin/dash', '/usr/bin/dash'] as const).map((name): [string, Command] => [name, (argv, ctx) => this.containerShell(c, argv, ctx.stdin, 'sh', name, ctx)]),
      ...(['bash', '/bin/bash', '/usr/bin/bash'] as const).map((name): [string, Command] => [name, (argv, ctx) => this.containerShell(c, argv, ctx.stdin, 'bash', name, ctx)]),
    ]);
    if (!has('getent')) commands.delete('getent');
    if (has('curl')) commands.set('curl', lazyCommand(() => lazyPart('curl').curlCommand(this.servers, resolve, '8', IMAGE_CURL_RELEASE[this.engine.imageOf(c).base ?? ''])));
    if (has('wget')) commands.set('wget', lazyCommand(() => lazyPart('wget').gnuWget(this.servers, resolve)));
    if (has('ps')) commands.set('ps', lazyCommand(() => lazyPart('tools').procpsCommand(() => [{ pid: 1, ppid: 0, user: 'root', args: c.cmd.join(' ') }])));
    if (has('nginx')) {
      const nginx = lazyCommand(() => {
        const part = lazyPart('nginx');
        return part.nginxCommand(() => part.testNginxConfig(this.containerFs(c), this.nginxResolver(c)), (name) => part.signalNginx(c, this.nginxDeps(c), name, this.processes.newPid()));
      });
      commands.set('nginx', nginx);
    }
    if (has('redis-cli')) commands.set('redis-cli', lazyCommand(() => lazyPart('redis').redisCliCommand(this.servers, resolve)));
    if (has('redis-server')) commands.set('redis-server', lazyCommand(() => lazyPart('redis').redisServerCommand));
    if (has('apt-get')) commands.set('apt-get', (argv, ctx) => lazyPart('packages').aptCommand('apt-get', () => this.packagePlace(c))(argv, ctx));
    if (has('apt')) commands.set('apt', (argv, ctx) => lazyPart('packages').aptCommand('apt', () => this.packagePlace(c))(argv, ctx));
    if (has('python3')) {
      const version = this.containerEnv(c).PYTHON_VERSION ?? PYTHON_VERSION;
      // Without a terminal and with nothing on stdin, the interpreter reads EOF and ends; on a terminal it is the REPL (python/repl.ts).
      const python: Command = (argv, ctx) =>
        lazyPart('python').pythonHttpServer(argv, ctx, version) ??
        (argv[0] === '--version' || argv[0] === '-V' ? ok(`Python ${version}\n`) : argv.length === 0 && ctx.stdin === '' ? ok() : fail(`python3: vethlab does not run Python programs\n`, 1));
      commands.set('python3', python);
      commands.set('python', python);
    }
    return this.withInstalledPrograms(c, commands, resolve);
  }

  /** A container program by the name or path it was called with. */
  private containerProgram(c: Container, name: string, inShell: boolean): Command | undefined {
    const commands = this.containerCommands(c, inShell);
    const found = commands.get(name) ?? commands.get(name.replace(/^\/(usr\/)?(local\/)?s?bin\//, ''));
    if (found) return withBanner(found, busyboxBannerOf(this.engine.imageOf(c)));
    // A program the image has but vethlab does not run says so; it never pretends to be missing.
    const path = lookPath(name, this.containerExecutables(c), this.containerEnv(c).PATH ?? DEFAULT_PATH);
    return path === undefined ? undefined : notModelled(name, path, 'image');
  }

  /** A Debian machine's program by name or path: a command, the honest answer for an unmodelled one, or none. */
  private machineProgram(machine: Machine, name: string, commands = this.machineCommands(machine)): Command | undefined {
    const path = lookPath(name, DEBIAN_MACHINE_EXECUTABLES);
    const found = commands.get(name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name);
    if (found && (path !== undefined || !name.includes('/'))) return found;
    return path === undefined ? undefined : notModelled(name, path, 'machine');
  }

  /** What the everyday tools need to know of a Debian machine. */
  private machinePlace(machine: Machine, commands: () => Map<string, Command>): ToolboxPlace {
    const boot = this.kernel.now;
    return {
      program: (name) => this.machineProgram(machine, name, commands()),
      executables: () => DEBIAN_MACHINE_EXECUTABLES,
      hostname: () => MACHINE_HOSTNAME[machine],
      signal: (pid, sig) => this.signalHostProcess(machine, pid, sig),
      ls: { mtime: () => boot, dirModes: { '/root': 'drwx------' }, special: hostDevNode },
      voice: { kill: 'dash', printf: 'coreutils' },
    };
  }

  /** What the everyday tools need to know of a container (busybox's builtins when a shell runs them). */
  private containerPlace(c: Container, inShell: boolean): ToolboxPlace {
    const image = this.engine.imageOf(c);
    const rootfs = rootfsOf(image);
    const rig = image.distro === 'rig';
    return {
      // env, xargs and find -exec find programs by PATH, as execvp does (not busybox sh's applets-first).
      program: (name) => this.containerProgram(c, name, false),
      executables: () => this.containerExecutables(c),
      // --uts host: the host's UTS namespace, so the host's name (/etc/hostname keeps the container's).
      hostname: () => (c.settings.utsMode === 'host' ? HOST_HOSTNAME : c.hostname),
      // PID 1 ignores signals it has no handler for, even SIGKILL from inside its namespace.
      signal: (pid) => (pid === 1 ? 'ok' : 'none'),
      ls: {
        // runc builds /dev (a tmpfs) at each start.
        mtime: (path) => (path === '/dev' || path.startsWith('/dev/') ? (c.startedAt ?? c.created) : rootfs.has(path) ? image.created : c.created),
        // Docker's init layer makes /etc/mtab a link in every container, runc the /dev links; the rig's applets link to busybox.
        linkTarget: (path: string) => (path === '/etc/mtab' ? '/proc/mounts' : DEV_LINKS.get(path) ?? (rig && /^\/bin\/[^/]+$/.test(path) && path !== '/bin/busybox' && image.executables.has(path) ? 'busybox' : undefined)),
        special: (path: string) => {
          const device = this.engine.devicesOf(c).get(path);
          if (device) return { device };
          const mount = DEV_MOUNTS.get(path);
          return mount && { mount };
        },
        ...(rig ? { binarySize: (path: string) => RIG_BINARY_SIZES[path] } : {}),
      },
      voice: { kill: inShell ? 'ash' : 'busybox', printf: inShell ? 'ash' : 'busybox' },
    };
  }

  /** A signal from a Debian machine's shell: only the Docker host has container processes to hit. */
  private signalHostProcess(machine: Machine, pid: number, sig: number): SignalResult {
    const table = machine === 'host' ? lazyPart('tools').hostProcesses(this.engine, this.hostUserName) : [{ pid: 1, ppid: 0, user: 'root', args: '/sbin/init' }];
    const p = table.find((x) => x.pid === pid);
    if (!p) return 'none';
    if (sig === 0) return 'ok';
    if (p.container !== undefined) {
      // A container's PID 1 takes only SIGKILL from outside its namespace (no handlers for the rest).
      if (sig === 9) this.engine.mainProcessExited(p.container, 137);
      return 'ok';
    }
    return { message: `vethlab: kill: signalling ${p.args.split(' ')[0]} (PID ${pid}) is not modelled here\n` };
  }

  /**
   * The programs a user can run (for completion): a machine's, or a running
   * container's by name or ID (empty when there is no such running container).
   */
  programNames(where: Machine | { container: string }): string[] {
    let names: Iterable<string>;
    if (typeof where === 'string') names = this.machineCommands(where).keys();
    else {
      const c = this.engine.findContainer(where.container);
      if (!c || !c.netns) return [];
      names = this.containerCommands(c, true).keys();
    }
    return [...new Set([...names].filter((n) => !n.startsWith('/')))].sort();
  }

  /** glibc's order on the Debian machines: /etc/hosts (IPv4 lines), then the LAN's DNS server. */
  private machineResolve(machine: Machine, name: string): string | undefined {
    const hosts = this.machineFs(machine).read('/etc/hosts');
    if (typeof hosts === 'string') {
      for (const line of hosts.split('\n')) {
        const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
        if (ip && /^\d+\.\d+\.\d+\.\d+$/.test(ip) && names.includes(name)) return ip;
      }
    }
    return this.lanResolve(MACHINE_NS[machine], name);
  }

  /** The Debian machines ask the LAN's DNS server on gw (a real probe: a blocked path gets no answer). */
  private lanResolve(netns: string, name: string): string | undefined {
    const trace = this.kernel.probe({ kind: 'udp-send', from: netns, dst: '192.168.1.1', port: 53, ...dnsSizes(name, LAN_ZONE[name] !== undefined) });
    return trace.outcome.kind === 'delivered' ? LAN_ZONE[name] : undefined;
  }

  /**
   * A line of a real-docker script (record.sh's forms): `lan$ CMD` and `gw$ CMD` run
   * on those machines, anything else (`docker ...` included) on the Docker host,
   * each through `sh -c`. `docker attach C # exit N` (console.ts) is the exit
   * typed at C's main shell. A line may hold a multi-line construct (a loop, a
   * here-document) typed at the terminal: it is one program.
   */
  runScriptLine(line: string): CommandOutput {
    this.settle();
    const out = this.runTypedLine(line);
    // What the line's containers logged is dated when it ended.
    stampLogs(this.engine.containers.values(), this.kernel.now);
    return out;
  }

  private runTypedLine(line: string): CommandOutput {
    const typedExit = parseAttachExit(line);
    if (typedExit) return this.exitAttachedShell(typedExit.container, typedExit.status);
    const typedPython = parseReplLine(line);
    if (typedPython) return this.replLine(typedPython.container, typedPython.main, typedPython.typed);
    const typedShell = parseShellLine(line);
    if (typedShell) return this.containerShellLine(typedShell.reach, typedShell.session, typedShell.typed);
    const m = /^(lan|gw)\$\s+(.*)$/s.exec(line);
    const machine: Machine = m ? (m[1] as Machine) : 'host';
    return this.runShellOn(machine, m ? m[2]! : line);
  }

  /**
   * Catches up with what fell due by now (the clock moved: a line's sleep, the UI's
   * wall clock), in time order, each at its own moment: processes whose sleep ended
   * run on, and restart policies start their containers again (whose main process
   * may end and fall due again). Nothing runs between commands, so each line and
   * each docker command settles first.
   */
  settle(): void {
    stampLogs(this.engine.containers.values(), this.kernel.now);
    for (let step = 0; step < SETTLE_BUDGET; step++) {
      const restart = this.engine.dueRestart();
      const wake = this.processes.nextWake(this.kernel.now);
      const probe = dueHealthCheck(this.engine.containers.values(), this.kernel.now);
      const probeAt = probe?.health?.dueAt;
      if (probe && probeAt !== undefined && (wake === undefined || probeAt < wake) && (!restart || probeAt < restart.restart.dueAt!)) this.runHealthProbe(probe, probeAt);
      else if (restart && (wake === undefined || restart.restart.dueAt! <= wake)) this.engine.restartByPolicy(restart, (started) => this.startMainProcess(started));
      else if (wake !== undefined) this.processes.wakeNext(this.kernel.now);
      else return;
    }
  }

  /**
   * One health probe at its moment, as the daemon's exec of it (stdout and
   * stderr together, cut to 4 KiB). A paused container's probe waits: its
   * exec is refused, whose result the simulation does not model.
   */
  private runHealthProbe(c: Container, at: number): void {
    const argv = probeArgv(c.settings.healthcheck)!;
    if (c.state === 'paused') {
      c.health!.dueAt = this.kernel.now + 1;
      return;
    }
    this.kernel.during(at, () => {
      const out = this.runInContainer(c, argv, '', { spawn: (program) => this.processes.adopt(c, program, { main: false, logs: false }) });
      recordProbe(c, { start: at, end: at, exitCode: out.exitCode, output: out.stdout + out.stderr });
    });
  }

  /**
   * `docker attach C`, then `exit N` typed at the shell it reaches: that shell is
   * the container's main process, so the container exits with N (released like
   * any main process's end; removed with --rm), and attach returns N. When
   * attach fails (no such container, stopped, not a shell on a terminal) its error is the answer.
   */
  private exitAttachedShell(ref: string, status: number): CommandOutput {
    const attached = this.runOnMachine('host', ['docker', 'attach', ref]);
    if (!attached.session?.main) return attached;
    this.engine.mainProcessExited(attached.session.container, status);
    return { stdout: '', stderr: '', exitCode: status };
  }

  // ---- Python's REPL on a container's terminal ------------------------------------------

  /**
   * The Python of a container's image, for its REPL: the version its image
   * sets (PYTHON_VERSION), sys.version's build part (the official images
   * compile CPython in their own build, so its date is the image's Created;
   * Debian 13's GCC), colour as a terminal with TERM=xterm gives it. Python 2
   * (training/webapp) and images without the official layout have none.
   */
  private pythonSetup(c: Container): PythonSetup | undefined {
    const image = this.engine.imageOf(c);
    const env = this.containerEnv(c, { tty: true });
    const version = env.PYTHON_VERSION;
    if (version === undefined || !image.executables.has('/usr/local/bin/python3')) return undefined;
    const built = new Date(image.created);
    const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][built.getUTCMonth()]!;
    const time = built.toISOString().slice(11, 19);
    const compiler = image.base === 'debian-bookworm' ? 'GCC 12.2.0' : image.base === 'alpine' ? undefined : 'GCC 14.2.0';
    if (compiler === undefined) return undefined;
    const colors = env.PYTHON_COLORS === '1' || (env.PYTHON_COLORS !== '0' && !env.NO_COLOR && env.TERM !== 'dumb');
    return {
      version,
      build: `main, ${month} ${String(built.getUTCDate()).padStart(2, ' ')} ${built.getUTCFullYear()}, ${time}`,
      compiler,
      colors,
      hasPackage: (name) => lazyPart('python').pipInstalled(this.packageStateOf(c), name),
      redis: (host, port, args) => {
        const ip = parseIPv4(host) !== undefined ? host : host === 'localhost' ? '127.0.0.1' : this.containerResolve(c, host);
        if (ip === undefined) return { error: { errno: -2, reason: 'Name or service not known' }, traces: [] };
        const conn = this.servers.connect(c.netns ?? HOST_NS, ip, port);
        if (!conn.ok) return { error: CONNECT_ERRNO[conn.failure], traces: conn.traces };
        if (conn.peer.process !== 'redis-server') {
          this.servers.exchanged(conn.traces, lineExchange(encodeCommand(args), ''));
          return { notRedis: true, traces: conn.traces };
        }
        const reply = redisCommand(this.servers.redisStore(conn.peer), args);
        this.servers.exchanged(conn.traces, lineExchange(encodeCommand(args), encodeReply(reply)));
        return { reply, traces: conn.traces };
      },
    };
  }

  /**
   * A terminal session the docker client handed over: a Python one starts a
   * fresh REPL for that container (what `docker exec -it C python3` and
   * `docker run -it python` start), or says plainly when its Python is not modelled.
   */
  private startsRepl(out: CommandOutput): CommandOutput {
    const session = out.session;
    if (!session || !isPythonCommand(session.shell.split(' '))) return out;
    const c = this.engine.findContainer(session.container);
    const setup = c && this.pythonSetup(c);
    if (!c || !setup) {
      const note = `vethlab: this image's Python REPL is not modelled here (try redis-cli or sh)\n`;
      return { stdout: out.stdout, stderr: out.stderr + note, exitCode: out.exitCode };
    }
    // `docker attach` reaches the main process's REPL that runs already (its variables with it); anything else starts one.
    if (!(session.main && this.repls.has(c.id))) this.repls.set(c.id, new (lazyPart('python').PythonRepl)(setup));
    return out;
  }

  /** The REPL a container runs on a terminal, if any. */
  repl(container: string): PythonRepl | undefined {
    const c = this.engine.findContainer(container);
    return c ? this.repls.get(c.id) : undefined;
  }

  /**
   * One line typed at a container's Python prompt (`replLineOf`). exit() ends
   * the REPL; when it is the container's main process the container exits
   * with its status. The answer carries the next prompt, or that the REPL ended.
   */
  private replLine(ref: string, main: boolean, typed: string): CommandOutput {
    const c = this.engine.findContainer(ref);
    if (!c) return fail(`Error response from daemon: No such container: ${ref}\n`, 1);
    if (c.state !== 'running' || !c.netns) return fail(`Error response from daemon: container ${c.id} is not running\n`, 1);
    let repl = this.repls.get(c.id);
    if (!repl) {
      const setup = this.pythonSetup(c);
      if (!setup) return fail(`vethlab: ${c.name} runs no Python REPL\n`, 1);
      this.repls.set(c.id, (repl = new (lazyPart('python').PythonRepl)(setup)));
    }
    const answer = repl.feed(typed);
    const traces = answer.traces ? { traces: answer.traces } : {};
    if (answer.exit !== undefined) {
      this.repls.delete(c.id);
      if (main) this.engine.mainProcessExited(c.id, answer.exit);
      return { stdout: answer.output, stderr: '', exitCode: answer.exit, ...traces, repl: { ended: true } };
    }
    const prompt = repl.prompt();
    return { stdout: answer.output, stderr: '', exitCode: 0, ...traces, repl: { prompt: prompt.plain, styledPrompt: prompt.styled } };
  }

  /**
   * `sh -c LINE` on a machine (record.sh's lines: dash); with the `interactive` option, the
   * next line of the machine's shell: the Docker host's terminal is bash, as on a real host
   * (`$0` bash, bash's errors), while `lan$`/`gw$` lines stay record.sh's `sh -c`.
   */
  runShellOn(machine: Machine, line: string, stdin = ''): CommandOutput {
    const commands = this.machineCommands(machine);
    const context = { kernel: this.kernel, netns: MACHINE_NS[machine], userland: 'debian' as const, fs: this.machineFs(machine) };
    const session = this.interactive ? this.machineSession(machine) : undefined;
    const terminal = session && machine === 'host' ? { shell: 'bash' as const, arg0: 'bash' } : {};
    const out = runShell(line, { resolve: (name) => this.machineProgram(machine, name, commands), context, env: { ...MACHINE_ENV }, ...(session ? { session } : {}), ...terminal }, stdin);
    // The host's terminal outlives its shell's `exit` (the UI says so): the next line starts a fresh login shell.
    if (session?.ended !== undefined) this.machineShells.delete(machine);
    return session ? { ...out, shell: { cwd: session.cwd } } : out;
  }

  /** The interactive shell of a machine as its last line left it (made on first use, in root's home). */
  private machineSession(machine: Machine): ShellState {
    let state = this.machineShells.get(machine);
    if (!state) this.machineShells.set(machine, (state = newShellState(MACHINE_ENV, this.machineFs(machine).cwd)));
    return state;
  }

  /** Where a machine's interactive shell stands now (its prompt shows it). */
  machineShellCwd(machine: Machine): string {
    return this.machineShells.get(machine)?.cwd ?? this.machineFs(machine).cwd;
  }

  /**
   * A line typed at a container's interactive shell (`shellLineOf`): the docker
   * command that reaches that shell answers first (`docker attach C` for the
   * main shell, `docker exec -it ... C sh` for a tab's), with its errors; then
   * the line runs in that shell, which keeps what it changed for its next line.
   */
  private containerShellLine(reach: string[], session: number | 'main', typed: string): CommandOutput {
    const reached = this.runOnMachine('host', reach);
    const opened = reached.session;
    const c = opened && this.engine.findContainer(opened.container);
    if (!opened || !c) return reached;
    const shells = this.containerShells.get(c.id) ?? new Map<string, ShellState>();
    this.containerShells.set(c.id, shells);
    const key = String(session);
    const exec: ExecSettings = opened.exec ?? { env: [] };
    const user = this.engine.processUser(c, exec.user);
    if (user && 'error' in user) return fail(`Error response from daemon: ${user.error}\n`, 1);
    const fs = this.containerFs(c, exec.workdir);
    let state = shells.get(key);
    if (!state) {
      const env = this.containerEnv(c, { tty: true, env: exec.env, ...(user ? { home: user.home } : {}) });
      shells.set(key, (state = newShellState(env, fs.cwd)));
    }
    const words = opened.shell.split(' ');
    const program = words[0]!;
    const kind = program.replace(/^.*\//, '') === 'bash' ? 'bash' : 'sh';
    const caller = { spawn: (running: NonNullable<CommandOutput['running']>) => this.processes.adopt(c, running, { main: false, logs: false }), fs, ...(user ? { user } : {}) };
    const out = this.keptRunning(c, this.containerShell(c, ['-c', typed], '', kind, program, caller, state));
    if (state.ended !== undefined) {
      shells.delete(key);
      // The main shell's end is the container's (as `exit` typed at it: attachExitLine).
      if (opened.main) this.engine.mainProcessExited(c.id, state.ended);
      return { ...out, shell: { cwd: state.cwd, ended: true } };
    }
    return { ...out, shell: { cwd: state.cwd } };
  }

  /** `sh -c LINE` (or a script on stdin) run by a program on a machine, in that program's environment. */
  private machineShell(machine: Machine, argv: string[], ctx: CommandContext, name = 'sh'): CommandOutput {
    // `bash -i` (`-ic TEXT`) is interactive: bash words its errors as at a terminal (golden host-bash-interactive).
    const interactive = name === 'bash' && (argv[0] === '-i' || argv[0] === '-ic');
    const operands = interactive ? (argv[0] === '-ic' ? ['-c', ...argv.slice(1)] : argv.slice(1)) : argv;
    const { line, arg0, args } = shellOperands(operands, name, ctx.stdin);
    const commands = this.machineCommands(machine);
    const context = { kernel: this.kernel, netns: MACHINE_NS[machine], userland: 'debian' as const, fs: ctx.fs };
    const bash = name === 'bash' ? { shell: 'bash' as const, ...(interactive ? { session: newShellState(ctx.env, ctx.fs.cwd, args) } : {}) } : {};
    return runShell(line, { resolve: (program) => this.machineProgram(machine, program, commands), context, env: { ...ctx.env }, arg0, args, ...bash }, operands[0] === '-c' ? ctx.stdin : '');
  }

  /** Runs argv on a machine, as `ip netns exec NS CMD...` would. */
  runOnMachine(machine: Machine, argv: string[], stdin = ''): CommandOutput {
    const [name, ...args] = argv;
    if (name === undefined) return { stdout: '', stderr: '', exitCode: 0 };
    const command = this.machineProgram(machine, name);
    if (!command) return fail(`sh: 1: ${name}: not found\n`, 127);
    return command(args, { kernel: this.kernel, netns: MACHINE_NS[machine], stdin, env: { ...MACHINE_ENV }, userland: 'debian', fs: this.machineFs(machine) });
  }

  /** Runs argv as a process of a running container (`docker exec`, or its main command). */
  runInContainer(c: Container, argv: string[], stdin = '', process: ProcessSettings & { spawn?: CommandContext['spawn'] } = {}): CommandOutput {
    const [name, ...args] = argv;
    if (name === undefined || !c.netns) return fail('docker: no command\n', 126);
    // The daemon looks the user up before it asks the runtime for the process.
    const user = this.engine.processUser(c, process.user);
    if (user && 'error' in user) return fail(`Error response from daemon: ${user.error}\n`, 1);
    const fs = this.containerFs(c, process.workdir);
    if (process.workdir !== undefined && fs.stat('.') !== 'dir') {
      return fail(`OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("${process.workdir}") set in config.json failed: ${fs.stat('.') ? 'not a directory' : 'no such file or directory'}\n`, 127);
    }
    const command = this.containerProgram(c, name, false);
    const image = this.engine.imageOf(c);
    // The official images answer a path only where their rootfs has that file (the rig's table also takes its aliases).
    if (image.distro !== 'rig' && name.includes('/') && !this.containerExecutables(c).has(name)) {
      return fail(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": stat ${name}: no such file or directory\n`, 127);
    }
    // An image the catalog does not know (nicolaka/netshoot) has a busybox stand-in: its own tools may well exist for real.
    if (!command && image.standIn) return fail(`vethlab: the image ${image.name} is not modelled here: its container has a busybox userland in its place, without ${name}\n`, 127);
    if (!command) {
      return fail(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH\n`, 127);
    }
    const ctx: CommandContext = { kernel: this.kernel, netns: c.netns, stdin, env: this.containerEnv(c, { ...process, ...(user ? { home: user.home } : {}) }), userland: userlandOf(image), fs };
    if (user) ctx.user = user;
    if (process.spawn) ctx.spawn = process.spawn;
    if (process.background) ctx.background = true;
    return command(args, ctx);
  }

  /**
   * One line typed into an interactive shell of a running container (the UI's
   * `docker exec -it C sh` tab), with docker exec's errors when it cannot run.
   */
  runInContainerShell(ref: string, line: string): CommandOutput {
    const c = this.engine.findContainer(ref);
    if (!c) return fail(`Error response from daemon: No such container: ${ref}\n`, 1);
    if (c.state === 'paused') return fail(`Error response from daemon: Container ${c.name} is paused, unpause the container before exec\n`, 1);
    if (c.state !== 'running' || !c.netns) return fail(`Error response from daemon: container ${c.id} is not running\n`, 1);
    const out = this.containerShell(c, ['-c', line], '', 'sh', 'sh', { spawn: (program) => this.processes.adopt(c, program, { main: false, logs: false }) });
    return this.keptRunning(c, out);
  }

  /**
   * A line of a terminal that started a server in the foreground: vethlab's
   * terminal cannot wait on it, so it goes on in the background, and the terminal says so.
   */
  private keptRunning(c: Container, out: CommandOutput): CommandOutput {
    if (!out.running) return out;
    this.processes.adopt(c, out.running, { main: false, logs: false });
    const { running, ...rest } = out;
    return { ...rest, stderr: `${rest.stderr}vethlab: ${running.argv[0] ?? 'the program'} keeps running in the background (the terminal does not wait for it); stop it with docker restart ${c.name}\n` };
  }

  /**
   * The image's shell: busybox ash (rig, alpine) or dash (Debian, Ubuntu) as `sh`,
   * bash where asked (in bash's words); `sh -c LINE`, or a script on stdin (none in a `docker exec`
   * without -i). `caller`: what it
   * inherits: the environment (`docker exec -e`, an outer shell's exports), the
   * user, the working directory, where its background jobs go.
   */
  private containerShell(c: Container, argv: string[], stdin: string, shell: 'sh' | 'bash' = 'sh', name: string = shell, caller: Partial<Pick<CommandContext, 'spawn' | 'env' | 'user' | 'fs' | 'background'>> = {}, session?: ShellState): CommandOutput {
    const { line, arg0, args } = shellOperands(argv, name, stdin);
    const env = caller.env ?? this.containerEnv(c);
    // The shell runs as its caller and starts where its caller stands (`docker exec -u -w`, `cd` before `sh -c`).
    const context: Omit<CommandContext, 'stdin' | 'env'> = { kernel: this.kernel, netns: c.netns ?? HOST_NS, userland: userlandOf(this.engine.imageOf(c)), fs: this.containerFs(c, caller.fs?.cwd) };
    if (caller.spawn) context.spawn = caller.spawn;
    if (caller.user) context.user = caller.user;
    if (caller.background) context.background = true;
    const resolve = (name: string) => this.containerProgram(c, name, true);
    // `sh -c LINE` reads its script from LINE, and its commands read the shell's stdin.
    return runShell(line, { resolve, context, env, arg0, args, ...(session ? { session } : {}), ...(shell === 'bash' ? { shell: 'bash' as const } : {}) }, argv[0] === '-c' ? stdin : '');
  }

  /** The variables a container's processes start with (`docker exec` gives the same). */
  private containerEnv(c: Container, process: { tty?: boolean; env?: readonly string[]; home?: string } = {}): Record<string, string> {
    const env: Record<string, string> = {};
    for (const entry of this.engine.containerEnv(c, process)) {
      const eq = entry.indexOf('=');
      if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
    }
    return env;
  }

  /** What the container wrote over its image (its writable layer), made on first use. */
  private containerLayer(c: Container): WritableLayer {
    let layer = this.containerLayers.get(c);
    if (!layer) this.containerLayers.set(c, (layer = new Map()));
    return layer;
  }

  /**
   * A container's files: its image, its writable layer, and what Docker mounts,
   * seen from its working directory (`exec -w DIR`, else Config.WorkingDir),
   * which the daemon creates when the image lacks it.
   */
  containerFs(c: Container, workdir?: string): FileSystem {
    const layer = this.containerLayer(c);
    const files: FileContext = { engine: this.engine, netns: c.netns ?? HOST_NS, container: c, hostname: c.hostname };
    const image = rootfsOf(this.engine.imageOf(c));
    const own = new LayeredFs(image, layer, { read: (p) => readVirtualFile(files, p), list: (d) => listVirtualDir(files, d) }, '/');
    const configured = c.workingDir || '/';
    if (own.stat(configured) === undefined) {
      let prefix = '';
      for (const part of configured.split('/').filter(Boolean)) own.mkdir((prefix += `/${part}`));
    }
    const plain = c.mounts.length === 0 && !c.settings.readonlyRootfs && c.settings.tmpfs === undefined;
    const root = plain ? own : new MountedFs(own, this.mounts.mountsOf(c, { host: () => this.machineFs('host'), volume: (name) => this.engine.findVolume(name), image }), '/', c.settings.readonlyRootfs);
    return root.withCwd(workdir ?? configured);
  }

  /** A Debian machine's files. */
  machineFs(machine: Machine): FileSystem {
    let layer = this.machineLayers.get(machine);
    if (!layer) this.machineLayers.set(machine, (layer = new Map()));
    const files: FileContext = { engine: this.engine, netns: MACHINE_NS[machine], hostname: MACHINE_HOSTNAME[machine] };
    return new LayeredFs(DEBIAN_ROOTFS, layer, { read: (p) => readVirtualFile(files, p), list: (d) => listVirtualDir(files, d) }, '/root');
  }
}
