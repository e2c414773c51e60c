/**
 * The Docker engine, like dockerd with libnetwork's bridge driver: networks with
 * IPAM, containers and their endpoints (a veth per network, the container end
 * created directly in the container's namespace), published ports with their
 * DNAT rules and docker-proxy listeners. It changes the kernel only through
 * KernelApi and programs rules only as iptables command lines; it never moves
 * packets. Every operation validates first and throws a DockerError with the
 * daemon's words, leaving the state unchanged.
 */
import { KernelError, type KernelApi } from '../net/api.ts';
import { SeededRandom } from '../net/rng.ts';
import { type Cidr, formatCidr, formatIPv4, inPrefix, parseCidr, parseIPv4 } from '../netfilter/inet.ts';
import { DockerError, ImageNotFoundError } from './errors.ts';
import { additionalGroups, resolveUser, ROOT_USER, type ProcessUser } from './users.ts';
import { ImageService } from './image-service.ts';
import { ImageStore } from './image-store.ts';
import { type Image, IMAGE_SETS, type ImageSet, resolveExecutable } from './images.ts';
import { parseAnyReference, withDefaultTag } from './reference.ts';
import { AddressPool, overlaps, pickPool } from './ipam.ts';
import type { Attachment, BoundPort, Container, Endpoint, Network, NetworkMode, PortBinding } from './model.ts';
import { bindPorts, PortBindError, releasePorts } from './port-binding.ts';
import { PortAllocator } from './portalloc.ts';
import { type BridgeRuleSpec, DockerRules, type GatewayMode, type PortRuleSpec } from './rules.ts';
import { AddressPool6, type Cidr6, formatCidr6, inPrefix6, networkOf6, overlaps6, parseCidr6, pickPool6 } from './ipam6.ts';
import { formatIPv6, parseIPv6 } from '../netfilter/addr.ts';
import { startResolverSockets } from './dns.ts';
import { ANONYMOUS_LABEL, volumeNameProblem, volumeSize, type HostPaths, type MountRequest, type Volume } from './volumes.ts';
import { planMounts, realizeMounts } from './mount-plan.ts';
import { buildWorld, ENGINE_ID, HOST_HOSTNAME, HOST_NS } from './world.ts';
import { containerDevices, devicesFromPath, type DeviceNode } from './devices.ts';
import { defaultRunSettings, deviceRequestProblem, mergeHealthcheck, runSettingsProblem, type RunSettings } from './run-settings.ts';
import { startHealthMonitor, stopHealthMonitor } from './health-monitor.ts';
import { cancelRestart, isRestarting, resetRestartManager, scheduleRestart } from './restart-manager.ts';

export { DockerError, ImageNotFoundError } from './errors.ts';

export interface NetworkCreateOptions {
  name: string;
  driver?: string;
  subnet?: string;
  gateway?: string;
  ipRange?: string;
  /** `--ipv4=false` turns IPv4 off (default on). */
  ipv4?: boolean;
  /** `--ipv6`. */
  ipv6?: boolean;
  /** An IPv6 `--subnet` and its `--gateway`. */
  subnet6?: string;
  gateway6?: string;
  /** Families of the `--subnet`s in the order given. */
  subnetOrder?: (4 | 6)[];
  internal?: boolean;
  options?: Record<string, string>;
  /** `--label`s (Compose marks its networks with `com.docker.compose.*`). */
  labels?: Record<string, string>;
  /** The client sent no IPAM options (Compose; the docker CLI sends `{}`): inspect shows `null`. */
  noIpamOptions?: boolean;
}

export interface ContainerCreateOptions {
  image: string;
  name?: string;
  cmd?: string[];
  /** `--entrypoint X` (a single program; `''` clears the image's), or a whole list as the API takes it (Compose). */
  entrypoint?: string | string[];
  env?: string[];
  /** `-w` / `--workdir`: where the processes start (the image's WorkingDir otherwise). */
  workingDir?: string;
  /** `-u` / `--user`: who the processes run as, `USER[:GROUP]` (the image's USER otherwise). */
  user?: string;
  hostname?: string;
  domainname?: string;
  /** `--mac-address`: the first network's interface gets it. */
  macAddress?: string;
  /** `--network` value: a network name or ID, `host`, `none`, `container:<name|id>`. */
  network?: string;
  ip?: string;
  /** `--ip6`: the container's IPv6 address on its network. */
  ip6?: string;
  aliases?: string[];
  ports?: PortBinding[];
  links?: { target: string; alias: string }[];
  autoRemove?: boolean;
  capAdd?: string[];
  capDrop?: string[];
  privileged?: boolean;
  tty?: boolean;
  interactive?: boolean;
  /** `-P`: every exposed port not published explicitly gets an ephemeral host port. */
  publishAll?: boolean;
  dns?: string[];
  dnsSearch?: string[];
  extraHosts?: { name: string; ip: string }[];
  /** `--label`s (Compose marks its containers with `com.docker.compose.*`). */
  labels?: Record<string, string>;
  /**
   * Several user networks at create, each with its own endpoint settings (the API's
   * NetworkingConfig.EndpointsConfig with several entries, as Compose sends it since
   * API 1.44); the first is the network mode. Used instead of `network`, `ip` and `aliases`.
   */
  endpoints?: { network: string; aliases?: string[]; ip?: string; mac?: string; ipamConfig?: boolean; links?: { target: string; alias: string }[] }[];
  /** `--expose` (and Compose's ports and `expose`): ports the container exposes besides the image's, `80` or `80/udp`. */
  expose?: string[];
  /** `-v SRC:DST[:MODE]` (HostConfig.Binds), `-v /path` (anonymous volumes), `--mount`, `--volumes-from`. */
  binds?: string[];
  anonymousVolumes?: string[];
  mounts?: MountRequest[];
  volumesFrom?: string[];
  /** `--restart`, `-u`, `--dns-option`, limits and the rest (defaults: defaultRunSettings()). */
  settings?: RunSettings;
}

const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const DEFAULT_BRIDGE_OPTIONS: Record<string, string> = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

export interface EngineOptions {
  /** Which images the host has (default `rig`: the real-docker rig's three). */
  images?: ImageSet;
}

/** The stop signals a container's --init forwards, by name (Linux x86 numbers; a number given as such is not looked up). */
const STOP_SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGUSR1: 10, SIGUSR2: 12, SIGTERM: 15 };

/** `docker stop`'s default wait before SIGKILL (the client's -t, the container's StopTimeout), seconds. */
const DEFAULT_STOP_TIMEOUT_S = 10;

/** Where the daemon mounts docker-init in a container (daemon/oci_linux.go inContainerInitPath). */
export const IN_CONTAINER_INIT_PATH = '/sbin/docker-init';

export class Engine {
  readonly kernel: KernelApi;
  /** The daemon's images and what it does with them (pull, tag, rmi); the rig's host cannot pull. */
  readonly imageService: ImageService;
  /** The image each container was created from (it keeps running after `docker rmi -f`). */
  private readonly containerImages = new WeakMap<Container, Image>();
  private readonly random: SeededRandom;
  /** The embedded DNS's own generator (libnetwork's shuffleRNG): it shuffles a shared name's addresses. */
  readonly resolverRandom: SeededRandom;
  private readonly rules: DockerRules;
  readonly networks = new Map<string, Network>();
  readonly containers = new Map<string, Container>();
  /** Told when a running container stops, before its namespace goes: its processes end with it. */
  /**
   * Told before a container's processes end, with how: `docker stop`'s SIGTERM, a kill's
   * SIGKILL, or its main process's own exit. An observer whose main process handles SIGTERM
   * returns the status it exits with.
   */
  readonly stopObservers: ((c: Container, signal: 'SIGTERM' | 'SIGKILL' | 'exit') => number | void)[] = [];
  /** The local driver's volumes, by name. */
  readonly volumes = new Map<string, Volume>();
  /** The host's files, for bind sources (the shell layer supplies them); none: every bind source exists. */
  hostPaths: HostPaths | undefined;
  /** A container's /etc/passwd and /etc/group as its processes see them (the shell layer supplies them); none: root alone. */
  accounts: ((c: Container) => { passwd?: string; group?: string }) | undefined;
  /** The host ports published containers hold, per address and protocol. */
  private readonly portAllocator = new PortAllocator();
  /**
   * Whether dockerd finds docker-init (tini) in its PATH: a normal install ships it
   * (the playground's world); the rig's unpacked Debian docker.io does not, so an
   * `--init` container never starts there (golden run-init).
   */
  readonly hasDockerInit: boolean;

  constructor(kernel: KernelApi, seed = 1, options: EngineOptions = {}) {
    this.kernel = kernel;
    const set = options.images ?? 'rig';
    this.hasDockerInit = set === 'playground';
    const users = { usersOf: (image: Image) => [...this.containers.values()].filter((c) => this.containerImages.get(c)?.id === image.id).map((c) => ({ id: c.id, running: c.state === 'running' || c.state === 'paused' })) };
    this.imageService = new ImageService(new ImageStore(IMAGE_SETS[set]), set === 'playground', users, () => this.kernel.now);
    this.random = new SeededRandom(seed ^ 0x5eed);
    this.resolverRandom = new SeededRandom(seed ^ 0xd45);
    buildWorld(kernel);
    const host = kernel.netns(HOST_NS)!;
    this.rules = new DockerRules(host.netfilter);
    kernel.setSysctl(HOST_NS, 'net.ipv4.ip_forward', '1');
    this.rules.setupDaemon();
    this.addNetwork({ name: 'host', driver: 'host' });
    this.addNetwork({ name: 'none', driver: 'null' });
    this.addNetwork({ name: 'bridge', driver: 'bridge', subnet: '172.17.0.0/16', options: DEFAULT_BRIDGE_OPTIONS }, true);
  }

  /** The images this host has (`docker images`), in the order it got them. */
  get images(): readonly Image[] {
    return this.imageService.store.list();
  }

  /** An image of this host by name, name:tag, name@digest, ID or ID prefix (the daemon's GetImage). */
  findImage(ref: string): Image | undefined {
    const found = this.imageService.store.lookup(ref);
    return 'image' in found ? found.image : undefined;
  }

  private newId(): string {
    return this.random.hex(32);
  }

  /** A random 64-hex ID from the engine's seeded generator, for a client that makes its own (Compose's run slug). */
  randomId(): string {
    return this.newId();
  }

  // ---- networks --------------------------------------------------------------

  findNetwork(ref: string): Network | undefined {
    for (const n of this.networks.values()) if (n.name === ref || n.id === ref) return n;
    const byPrefix = [...this.networks.values()].filter((n) => n.id.startsWith(ref));
    return byPrefix.length === 1 ? byPrefix[0] : undefined;
  }

  createNetwork(opts: NetworkCreateOptions): Network {
    const driver = opts.driver ?? 'bridge';
    // The client checks these before it asks the daemon anything.
    if ((opts.gateway !== undefined || opts.ipRange !== undefined) && opts.subnet === undefined) {
      throw new DockerError('every ip-range or gateway must have a corresponding subnet', 'client');
    }
    if ([...this.networks.values()].some((n) => n.name === opts.name)) {
      throw new DockerError(`network with name ${opts.name} already exists`);
    }
    if (driver === 'host') throw new DockerError('only one instance of "host" network is allowed');
    if (driver === 'null') throw new DockerError('only one instance of "null" network is allowed');
    if (driver !== 'bridge') throw new DockerError(`plugin "${driver}" not found`);
    if (opts.ipv4 === false && !opts.ipv6) throw new DockerError('IPv4 or IPv6 must be enabled');
    return this.addNetwork({ ...opts, driver });
  }

  private addNetwork(opts: NetworkCreateOptions, isDefault = false): Network {
    const id = this.newId();
    const driver = (opts.driver ?? 'bridge') as Network['driver'];
    const options = opts.options ?? {};
    const network: Network = {
      id,
      name: opts.name,
      driver,
      created: this.kernel.now,
      internal: opts.internal ?? false,
      icc: options['com.docker.network.bridge.enable_icc'] !== 'false',
      masquerade: options['com.docker.network.bridge.enable_ip_masquerade'] !== 'false',
      isDefault,
      config: {},
      configOrder: [],
      options: isDefault ? options : { ...options },
    };
    if (opts.labels) network.labels = { ...opts.labels };
    if (opts.noIpamOptions) network.noIpamOptions = true;
    if (driver === 'bridge') {
      const v6 = this.planAddresses6(opts);
      const v4 = opts.ipv4 === false ? undefined : this.planAddresses(opts);
      if (v4) {
        network.pool = new AddressPool(v4.subnet, v4.gateway, v4.range);
        if (opts.subnet !== undefined && !isDefault) network.config.subnet = formatCidr(v4.subnet);
        if (opts.gateway !== undefined) network.config.gateway = opts.gateway;
        if (opts.ipRange !== undefined) network.config.ipRange = opts.ipRange;
      }
      if (v6) {
        network.config6 = v6.config;
        if (v6.pool) network.pool6 = v6.pool;
      }
      network.configOrder = [...(opts.subnetOrder ?? [])];
      if (v4 && opts.subnet === undefined) network.configOrder.push(4);
      if (network.pool6 && opts.subnet6 === undefined) network.configOrder.push(6);
      network.bridge = options['com.docker.network.bridge.name'] ?? `br-${id.slice(0, 12)}`;
      // libnetwork asks for no transmit queue (TxQLen 0) on its bridges and veths.
      this.kernel.addBridge(HOST_NS, network.bridge, { txqlen: 0 });
      const mtu = networkMtu(network);
      if (mtu !== undefined) this.kernel.setMtu(HOST_NS, network.bridge, mtu);
      if (v4) this.kernel.addAddress(HOST_NS, network.bridge, `${formatIPv4(v4.gateway)}/${v4.subnet.prefixLen}`, { broadcast: true });
      if (network.pool6) {
        // Docker gives its bridges their IPv6 gateway without duplicate address detection.
        this.kernel.addAddress6(HOST_NS, network.bridge, `${formatIPv6(network.pool6.gateway)}/${network.pool6.subnet.prefixLen}`, { nodad: true });
        if (![...this.networks.values()].some((n) => n.pool6)) {
          this.kernel.setSysctl(HOST_NS, 'net.ipv6.conf.all.forwarding', '1');
          this.rules.enableIPv6Forwarding();
        }
      }
      this.kernel.setLinkUp(HOST_NS, network.bridge, true);
      for (const spec of this.bridgeRuleSpecs(network)) this.rules.addBridge(spec);
    }
    this.networks.set(id, network);
    return network;
  }

  /** Subnet, gateway and range of a new bridge network, with the daemon's checks. */
  private planAddresses(opts: NetworkCreateOptions): { subnet: Cidr; gateway: number; range?: Cidr } {
    let subnet: Cidr | undefined;
    if (opts.subnet !== undefined) {
      const exact = parseCidr(opts.subnet, true);
      if (!exact || !/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(opts.subnet)) {
        throw new DockerError(`invalid network config:\ninvalid subnet ${opts.subnet}: invalid CIDR block notation`);
      }
      subnet = parseCidr(opts.subnet)!;
      if (subnet.addr !== exact.addr) {
        throw new DockerError(`invalid network config:\ninvalid subnet ${opts.subnet}: it should be ${formatCidr(subnet)}`);
      }
      if (this.takenSubnets().some((t) => overlaps(t, subnet!))) {
        throw new DockerError('invalid pool request: Pool overlaps with other one on this address space');
      }
    } else {
      subnet = pickPool([...this.takenSubnets(), ...this.hostRoutes()]);
      if (!subnet) throw new DockerError('could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network');
    }
    let range: Cidr | undefined;
    if (opts.ipRange !== undefined) {
      range = parseCidr(opts.ipRange);
      if (!range || !inPrefix(range.addr, subnet.addr, subnet.prefixLen) || range.prefixLen < subnet.prefixLen) {
        throw new DockerError(`no matching subnet for range ${opts.ipRange}`, 'client');
      }
    }
    let gateway = range ? range.addr : subnet.addr + 1;
    if (opts.gateway !== undefined) {
      const gw = parseIPv4(opts.gateway);
      if (gw === undefined || !inPrefix(gw, subnet.addr, subnet.prefixLen)) {
        throw new DockerError(`no matching subnet for gateway ${opts.gateway}`, 'client');
      }
      gateway = gw;
    }
    return range ? { subnet, gateway, range } : { subnet, gateway };
  }

  /** The IPv6 side of a new network: an asked-for subnet is checked (and only recorded without --ipv6); with --ipv6 and none, a ULA /64. */
  private planAddresses6(opts: NetworkCreateOptions): { config: NonNullable<Network['config6']>; pool?: AddressPool6 } | undefined {
    const taken = [...this.networks.values()].flatMap((n) => (n.pool6 ? [n.pool6.subnet] : []));
    let subnet: Cidr6 | undefined;
    if (opts.subnet6 !== undefined) {
      const exact = parseCidr6(opts.subnet6);
      if (!exact) throw new DockerError(`invalid network config:\ninvalid subnet ${opts.subnet6}: invalid CIDR block notation`);
      subnet = networkOf6(exact);
      if (subnet.addr !== exact.addr) throw new DockerError(`invalid network config:\ninvalid subnet ${opts.subnet6}: it should be ${formatCidr6(subnet)}`);
      if (opts.ipv6 && taken.some((t) => overlaps6(t, subnet!))) throw new DockerError('invalid pool request: Pool overlaps with other one on this address space');
    } else if (opts.ipv6) {
      subnet = pickPool6(ENGINE_ID, taken);
      if (!subnet) throw new DockerError('could not find an available, non-overlapping IPv6 address pool among the defaults to assign to the network');
    } else {
      return undefined;
    }
    let gateway = subnet.addr + 1n;
    if (opts.gateway6 !== undefined) {
      const gw = parseIPv6(opts.gateway6);
      if (gw === undefined || !inPrefix6(gw, subnet)) throw new DockerError(`no matching subnet for gateway ${opts.gateway6}`, 'client');
      gateway = gw;
    }
    const config: NonNullable<Network['config6']> = { subnet: formatCidr6(subnet), requested: opts.subnet6 !== undefined };
    if (opts.subnet6 === undefined) config.gateway = formatIPv6(gateway);
    else if (opts.gateway6 !== undefined) config.gateway = opts.gateway6;
    return opts.ipv6 ? { config, pool: new AddressPool6(subnet, gateway) } : { config };
  }

  private takenSubnets(): Cidr[] {
    return [...this.networks.values()].flatMap((n) => (n.pool ? [n.pool.subnet] : []));
  }

  /** The host's own routes (eth0's LAN): Docker avoids pools that overlap them. */
  private hostRoutes(): Cidr[] {
    const host = this.kernel.netns(HOST_NS)!;
    return host.routes().flatMap((r) => {
      if (r.dst === 'default') return [];
      const c = parseCidr(r.dst);
      return c ? [c] : [];
    });
  }

  /** The rule sets of a bridge network: iptables for its IPv4 side, ip6tables for its IPv6 side. */
  private bridgeRuleSpecs(n: Network): BridgeRuleSpec[] {
    const base = { bridge: n.bridge!, internal: n.internal, icc: n.icc, masquerade: n.masquerade, gatewayMode: gatewayMode(n) };
    const specs: BridgeRuleSpec[] = [];
    if (n.pool) specs.push({ ...base, family: 4, subnet: formatCidr(n.pool.subnet) });
    if (n.pool6) specs.push({ ...base, family: 6, subnet: formatCidr6(n.pool6.subnet) });
    return specs;
  }

  removeNetwork(ref: string): Network {
    const n = this.findNetwork(ref);
    if (!n) throw new DockerError(`network ${ref} not found`);
    if (n.driver !== 'bridge' || n.isDefault) throw new DockerError(`${n.name} is a pre-defined network and cannot be removed`);
    const users = [...this.containers.values()].filter((c) => c.endpoints.has(n.id));
    if (users.length > 0) {
      const ep = users[0]!.endpoints.get(n.id)!;
      throw new DockerError(`error while removing network: network ${n.name} has active endpoints (name:"${users[0]!.name}" id:"${ep.id.slice(0, 12)}")`);
    }
    for (const spec of this.bridgeRuleSpecs(n)) this.rules.removeBridge(spec);
    this.kernel.deleteLink(HOST_NS, n.bridge!);
    this.networks.delete(n.id);
    return n;
  }

  /**
   * `docker network prune`: removes every user network without endpoints (a
   * stopped container's network goes too), in name order; returns their names.
   */
  pruneNetworks(): string[] {
    const unused = [...this.networks.values()]
      .filter((n) => n.driver === 'bridge' && !n.isDefault)
      .filter((n) => ![...this.containers.values()].some((c) => c.endpoints.has(n.id)))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const n of unused) this.removeNetwork(n.id);
    return unused.map((n) => n.name);
  }

  // ---- containers -------------------------------------------------------------

  findContainer(ref: string): Container | undefined {
    for (const c of this.containers.values()) if (c.name === ref || c.id === ref) return c;
    const byPrefix = [...this.containers.values()].filter((c) => c.id.startsWith(ref));
    return byPrefix.length === 1 ? byPrefix[0] : undefined;
  }

  /**
   * `docker create`: validates like the daemon (name, links, network mode
   * conflicts, endpoint settings) and records the container, `created`.
   * `warnings` receives what the daemon warns about (printed by the client).
   */
  createContainer(opts: ContainerCreateOptions, warnings: string[] = []): Container {
    // verifyContainerSettings runs before the image is looked up (so no pull for a bad value).
    const settings = opts.settings ?? defaultRunSettings();
    const settingsProblem = runSettingsProblem(settings, opts.autoRemove ?? false);
    if (settingsProblem !== undefined) throw new DockerError(settingsProblem);
    if (settings.utsMode === 'host' && opts.hostname !== undefined && opts.hostname !== '') throw new DockerError('conflicting options: hostname and the UTS mode');
    // A --pid container: must name one (the daemon looks it up when it creates this one).
    if (settings.pidMode.startsWith('container:')) this.requireContainer(settings.pidMode.slice('container:'.length));
    const found = this.imageService.store.lookup(opts.image);
    if ('error' in found) throw found.error.startsWith('No such image: ') ? new ImageNotFoundError(found.error) : new DockerError(found.error);
    const image = found.image;
    if (opts.name !== undefined) {
      if (!NAME_RE.test(opts.name)) throw new DockerError(`Invalid container name (${opts.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
      const clash = [...this.containers.values()].find((c) => c.name === opts.name);
      if (clash) {
        throw new DockerError(`Conflict. The container name "/${opts.name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`);
      }
    }
    const endpoints = opts.endpoints ?? [];
    const networkMode: NetworkMode = endpoints.length > 0 ? { kind: 'bridge', networks: endpoints.map((e) => e.network) } : this.parseNetworkMode(opts.network ?? 'bridge');
    this.checkNetworkModeConflicts(networkMode, opts);
    for (const link of opts.links ?? []) {
      if (!this.findContainer(link.target)) throw new DockerError(`could not get container for ${link.target}: No such container: ${link.target}`);
    }
    if (networkMode.kind !== 'container' && (opts.ip !== undefined || opts.ip6 !== undefined)) {
      const netName = networkMode.kind === 'bridge' ? (networkMode.networks[0] ?? 'bridge') : networkMode.kind;
      const problems = this.endpointAddressProblems(netName, this.findNetwork(netName), { ip: opts.ip, ip6: opts.ip6 });
      if (problems) throw new DockerError(`invalid config for network ${netName}: invalid endpoint settings:\n${problems}`);
    }
    for (const e of endpoints) {
      const problems = e.ip === undefined ? undefined : this.endpointAddressProblems(e.network, this.findNetwork(e.network), { ip: e.ip });
      if (problems) throw new DockerError(`invalid config for network ${e.network}: invalid endpoint settings:\n${problems}`);
    }
    if (networkMode.kind === 'host' && (opts.ports?.length ?? 0) > 0) warnings.push('Published ports are discarded when using host network mode');
    const mountPlan = planMounts(this, opts, image.volumes ?? []);
    const id = this.newId();
    const name = opts.name ?? this.generateName();
    const exposed = [...new Set([...image.exposed, ...(opts.expose ?? []).map((e) => (e.includes('/') ? e : `${e}/tcp`))])];
    const container: Container = {
      id,
      name,
      image: opts.image,
      entrypoint: opts.entrypoint === undefined ? image.entrypoint : Array.isArray(opts.entrypoint) ? [...opts.entrypoint] : opts.entrypoint === '' ? [] : [opts.entrypoint],
      // A new entrypoint drops the image's CMD, as the daemon does.
      cmd: opts.cmd && opts.cmd.length > 0 ? opts.cmd : opts.entrypoint !== undefined ? [] : image.cmd,
      env: mergeEnv(opts.env ?? [], image.env),
      workingDir: opts.workingDir ?? image.workingDir ?? '',
      user: opts.user ?? image.built?.user ?? '',
      // A host-network container shares the host's UTS name unless told otherwise.
      hostname: opts.hostname ?? (networkMode.kind === 'host' ? HOST_HOSTNAME : id.slice(0, 12)),
      domainname: opts.domainname ?? '',
      macAddress: opts.macAddress ?? '',
      created: this.kernel.now,
      state: 'created',
      exitCode: 0,
      autoRemove: opts.autoRemove ?? false,
      // The daemon stores capabilities in their canonical CAP_ form.
      capAdd: (opts.capAdd ?? []).map(canonicalCap),
      capDrop: (opts.capDrop ?? []).map(canonicalCap),
      privileged: opts.privileged ?? false,
      tty: opts.tty ?? false,
      interactive: opts.interactive ?? false,
      networkMode,
      endpoints: new Map(),
      attachments: new Map(),
      ports: withPublishAll([...(opts.ports ?? [])], exposed, opts.publishAll ?? false),
      exposed,
      legacyLinks: [],
      logs: '',
      dns: opts.dns ?? [],
      dnsSearch: opts.dnsSearch ?? [],
      extraHosts: opts.extraHosts ?? [],
      mounts: [],
      mountConfig: mountPlan.config,
      settings: healthcheckMerged(settings, image.built?.healthcheck),
      restart: { count: 0, timeoutMs: 0, policyRestarts: 0, manuallyStopped: false },
    };
    container.mounts = realizeMounts(this, mountPlan);
    // On the default bridge a link is the legacy kind (env, /etc/hosts); on a user network
    // it is only a DNS alias for this container (rig fact 21).
    const onUserNetwork = networkMode.kind === 'bridge' && networkMode.networks.some((ref) => !(this.findNetwork(ref)?.isDefault ?? ref === 'bridge'));
    if (!onUserNetwork) container.legacyLinks = opts.links ?? [];
    if (opts.labels) container.labels = { ...opts.labels };
    if (endpoints.length > 0) {
      for (const e of endpoints) {
        // What Compose sends: an IPAM config for a network given settings, no driver options.
        const att: Attachment = { aliases: e.aliases ?? [], links: (e.links ?? []).map((l) => `${l.target}:${l.alias}`), gwPriority: 0, sent: { ipamConfig: e.ipamConfig ?? false } };
        if (e.ip !== undefined) att.requestedIp = parseIPv4(e.ip)!;
        if (e.mac !== undefined) att.requestedMac = e.mac;
        container.attachments.set(e.network, att);
      }
    } else if (networkMode.kind === 'bridge') {
      for (const netName of networkMode.networks) {
        const requestedIp = opts.ip === undefined ? undefined : parseIPv4(opts.ip);
        const links = onUserNetwork ? (opts.links ?? []).map((l) => `${l.target}:${l.alias}`) : [];
        const att: Attachment = { aliases: opts.aliases ?? [], links, gwPriority: 0 };
        if (requestedIp !== undefined) att.requestedIp = requestedIp;
        if (opts.macAddress !== undefined && netName === networkMode.networks[0]) att.requestedMac = opts.macAddress;
        if (opts.ip6 !== undefined) att.requestedIp6 = parseIPv6(opts.ip6)!;
        container.attachments.set(netName, att);
      }
    }
    this.containers.set(id, container);
    this.containerImages.set(container, image);
    return container;
  }

  /** The daemon's checks of a container: network mode (runconfig's validateNetContainerMode). */
  private checkNetworkModeConflicts(mode: NetworkMode, opts: ContainerCreateOptions): void {
    if (mode.kind !== 'container') return;
    if (mode.target === '') throw new DockerError('Invalid network mode: invalid container format container:<name|id>');
    if (opts.hostname !== undefined) throw new DockerError('conflicting options: hostname and the network mode');
    if ((opts.links?.length ?? 0) > 0) throw new DockerError("conflicting options: container type network can't be used with links. This would result in undefined behavior");
    if ((opts.dns?.length ?? 0) > 0) throw new DockerError('conflicting options: dns and the network mode');
    if ((opts.extraHosts?.length ?? 0) > 0) throw new DockerError('conflicting options: custom host-to-IP mapping and the network mode');
    if ((opts.ports?.length ?? 0) > 0 || opts.publishAll) throw new DockerError('conflicting options: port publishing and the container type network mode');
  }

  /**
   * What is wrong with user-specified addresses on network `netName` (daemon's
   * validateEndpointSettings): one problem alone, several as `* ` lines; undefined when
   * fine. The network check comes once, then each family's (golden ipv6-ip6: an
   * unparsable `--ip6` is also "not in any subnet").
   */
  private endpointAddressProblems(netName: string, n: Network | undefined, req: { ip?: string | undefined; ip6?: string | undefined }): string | undefined {
    const problems: string[] = [];
    const userDefined = !['default', 'bridge', 'host', 'none'].includes(netName) && !netName.startsWith('container:');
    if (!userDefined) problems.push('user specified IP address is supported on user defined networks only');
    const addr = req.ip === undefined ? undefined : parseIPv4(req.ip);
    const addr6 = req.ip6 === undefined ? undefined : parseIPv6(req.ip6);
    if (req.ip !== undefined && (addr === undefined || addr === 0)) problems.push(`invalid IPv4 address: ${req.ip}`);
    if (req.ip6 !== undefined && addr6 === undefined) problems.push(`invalid IPv6 address: ${req.ip6}`);
    if (n) {
      const noSubnet = 'user specified IP address is supported only when connecting to networks with user configured subnets';
      if (req.ip !== undefined) {
        if (n.config.subnet === undefined) problems.push(noSubnet);
        else if (addr === undefined || !n.pool!.contains(addr)) problems.push(`no configured subnet or ip-range contain the IP address ${req.ip}`);
      }
      if (req.ip6 !== undefined) {
        if (!n.config6?.requested || !n.pool6) {
          if (!problems.includes(noSubnet)) problems.push(noSubnet);
        } else if (addr6 === undefined || !n.pool6.contains(addr6)) problems.push(`no configured subnet or ip-range contain the IP address ${req.ip6}`);
      }
    }
    if (problems.length === 0) return undefined;
    return problems.length === 1 ? problems[0] : problems.map((p) => `* ${p}`).join('\n');
  }

  private parseNetworkMode(value: string): NetworkMode {
    if (value === 'host') return { kind: 'host' };
    if (value === 'none') return { kind: 'none' };
    if (value.startsWith('container:')) return { kind: 'container', target: value.slice('container:'.length) };
    if (value === 'default') return { kind: 'bridge', networks: ['bridge'] };
    return { kind: 'bridge', networks: [value] };
  }

  /** Docker's names generator draws adjective_surname; a seeded pick keeps it deterministic. */
  private generateName(): string {
    const left = ['admiring', 'brave', 'clever', 'eager', 'focused', 'gracious', 'happy', 'keen', 'nifty', 'quirky', 'serene', 'zealous'];
    const right = ['turing', 'hopper', 'lovelace', 'ritchie', 'thompson', 'torvalds', 'knuth', 'dijkstra', 'liskov', 'perlman', 'cerf', 'kahn'];
    for (;;) {
      const name = `${left[this.random.nextUint32() % left.length]}_${right[this.random.nextUint32() % right.length]}`;
      if (![...this.containers.values()].some((c) => c.name === name)) return name;
    }
  }

  /** Starts a container: its namespace, one endpoint per network, ports, and its servers. */
  start(ref: string): Container {
    const c = this.requireContainer(ref);
    if (c.state === 'running' || c.state === 'paused') return c;
    try {
      this.startContainer(c);
    } catch (e) {
      if (e instanceof DockerError) {
        // daemon/start.go: the error is kept in State.Error, with exit code 128 unless one was set.
        c.error = e.message;
        if (c.exitCode === 0) c.exitCode = 128;
        // A container that fails to start goes away with --rm.
        if (c.autoRemove) this.containers.delete(c.id);
      }
      throw e;
    }
    return c;
  }

  private startContainer(c: Container): void {
    for (const link of c.legacyLinks) {
      const target = this.findContainer(link.target);
      if (!target || target.state !== 'running') {
        throw new DockerError(`Cannot link to a non running container: /${target?.name ?? link.target} AS /${c.name}/${link.alias}`);
      }
    }
    // Joining another container's IPC namespace needs that one to share it (daemon getIPCContainer).
    if (c.settings.ipcMode.startsWith('container:')) {
      const donor = this.requireContainer(c.settings.ipcMode.slice('container:'.length));
      if (donor.settings.ipcMode !== 'shareable' && donor.settings.ipcMode !== 'host') throw new DockerError(`failed to join IPC namespace: container ${donor.id}: non-shareable IPC (hint: use IpcMode:shareable for the donor container)`);
    }
    // createSpec's order: the init (withCommonOptions), then the devices (WithDevices: --device, then --gpus).
    if (this.usesInit(c) && !this.hasDockerInit) throw new DockerError('exec: "docker-init": executable file not found in $PATH');
    for (const mapping of c.settings.devices) {
      const found = devicesFromPath(mapping, this.hostPaths && ((path) => this.hostPaths!.kind(path)));
      if ('error' in found) throw new DockerError(found.error);
    }
    const devices = deviceRequestProblem(c.settings);
    if (devices !== undefined) throw new DockerError(devices);
    // The daemon looks the user up in the container's files before it creates the task: the container stays `created`.
    const user = this.processUser(c);
    if (user && 'error' in user) throw new DockerError(user.error);
    const sysctls = Object.entries(c.settings.sysctls ?? {});
    const runtimeFailed = (why: string) => new DockerError(`failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: ${why}`);
    // runc refuses net.* sysctls for a namespace the container does not own.
    const sharedNet = sysctls.find(([key]) => key.startsWith('net.') && c.networkMode.kind === 'host');
    if (sharedNet) throw runtimeFailed(`sysctl "${sharedNet[0]}" not allowed in host network namespace`);
    const netns = this.setupNamespace(c);
    for (const [key, value] of sysctls) {
      if (!key.startsWith('net.')) continue;
      try {
        this.kernel.setSysctl(netns, key, value);
      } catch (e) {
        if (!(e instanceof KernelError)) throw e;
        this.releaseNamespace(c, netns);
        throw runtimeFailed(`unable to start container process: error during container init: open /proc/sys/${key.replace(/\./g, '/')}: no such file or directory`);
      }
    }
    const image = this.imageOf(c);
    const program = processArgv(c)[0] ?? '';
    if (resolveExecutable(image, program, this.containerEnv(c)) === undefined) {
      // runc fails to exec the command: the namespace goes, the container stays `created` (exit code 127 for the client).
      this.releaseNamespace(c, netns);
      c.exitCode = 127;
      // exec.LookPath: a name is searched in PATH, a path is stat'ed.
      const why = program.includes('/') ? `stat ${program}: no such file or directory` : 'executable file not found in $PATH';
      throw new DockerError(`failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${program}": ${why}`);
    }
    c.netns = netns;
    c.sandboxId = this.newId();
    if (c.networkMode.kind === 'host' || c.networkMode.kind === 'none') c.sandboxEndpointId = this.newId();
    c.state = 'running';
    c.error = '';
    c.exitCode = 0;
    c.startedAt = this.kernel.now;
    startHealthMonitor(c, this.kernel.now);
    if (c.networkMode.kind !== 'container' && runsImageDefault(c, image)) {
      // The image's own servers (busybox httpd and nc listen on [::], dual-stack). Any other
      // command line decides its sockets itself when the shell layer runs it.
      for (const l of image.listens) this.kernel.listen(netns, { proto: l.proto, address: '::', family: 6, port: l.port, process: l.process });
    }
  }

  /** The device nodes in a container's /dev: runc's defaults and what its `--device` mappings found on the host. */
  devicesOf(c: Container): Map<string, DeviceNode> {
    return containerDevices(c.settings.devices, this.hostPaths && ((path) => this.hostPaths!.kind(path)));
  }

  /** Whether docker-init runs as the container's PID 1: `--init`, in a PID namespace of its own (oci_linux.go withCommonOptions). */
  usesInit(c: Container): boolean {
    return c.settings.init === true && c.settings.pidMode !== 'host' && !c.settings.pidMode.startsWith('container:');
  }

  /**
   * A stopping container lets go of its namespace. The namespace lives on while a
   * `--network container:` joiner still runs in it: its veths are gone with the
   * endpoints, only lo is left (golden 57), and the owner's next start makes a new
   * one, so the old one is handed to the joiners under its sandbox's name.
   */
  private releaseSharedNamespace(c: Container, netns: string): void {
    const sharers = [...this.containers.values()].filter((o) => o !== c && o.netns === netns && (o.state === 'running' || o.state === 'paused'));
    if (sharers.length === 0) {
      if (this.kernel.netns(netns)) this.kernel.deleteNetns(netns);
      return;
    }
    if (c.networkMode.kind === 'container') return; // a joiner leaves; the namespace stays its owner's
    const orphan = `sandbox:${(c.sandboxId ?? this.newId()).slice(0, 12)}`;
    this.kernel.renameNetns(netns, orphan);
    for (const o of sharers) o.netns = orphan;
  }

  /** Undoes setupNamespace for a start that failed afterwards. */
  private releaseNamespace(c: Container, netns: string): void {
    this.teardownEndpoints(c);
    if (c.networkMode.kind !== 'host' && c.networkMode.kind !== 'container') this.kernel.deleteNetns(netns);
  }

  private setupNamespace(c: Container): string {
    const mode = c.networkMode;
    if (mode.kind === 'host') return HOST_NS;
    if (mode.kind === 'container') {
      const target = this.findContainer(mode.target);
      if (!target) throw new DockerError(`joining network namespace of container: No such container: ${mode.target}`);
      if (target.id === c.id) throw new DockerError('cannot join own network namespace');
      if (target.state !== 'running' && target.state !== 'paused') throw new DockerError(`cannot join network namespace of a non running container: container ${target.name} is ${target.state}`);
      // The joined container shares the target's hostname and files (daemon initializeNetworking).
      c.hostname = target.hostname;
      return target.netns!;
    }
    const nets = mode.kind === 'bridge' ? mode.networks.map((ref) => {
      const n = this.findNetwork(ref);
      if (!n) throw new DockerError(`failed to set up container networking: network ${ref} not found`);
      return n;
    }) : [];
    const netns = `container:${c.name}`;
    this.kernel.addNetns(netns);
    this.kernel.setLinkUp(netns, 'lo', true);
    this.kernel.addAddress(netns, 'lo', '127.0.0.1/8');
    try {
      nets.forEach((n) => this.attach(c, netns, n));
      if (nets.some((n) => !n.isDefault)) startResolverSockets(this.kernel, this.resolverRandom, netns);
      this.setDefaultRoute(c, netns);
    } catch (e) {
      this.teardownEndpoints(c);
      this.kernel.deleteNetns(netns);
      throw e;
    }
    return netns;
  }

  /** One endpoint: address, veth pair (container end made in the container's namespace), rules. */
  private attach(c: Container, netns: string, n: Network): Endpoint {
    if (!n.pool) throw new DockerError(`vethlab: containers on a network without IPv4 (${n.name}, --ipv4=false) are not modelled yet`, 'client');
    const pool = n.pool;
    const att = this.attachmentFor(c, n) ?? { aliases: [], links: [], gwPriority: 0 };
    const endpointId = this.newId();
    const publishesPorts = c.endpoints.size === 0 && !n.internal && c.ports.length > 0;
    let ip: number | undefined;
    if (att.requestedIp !== undefined) {
      if (!pool.contains(att.requestedIp)) {
        throw new DockerError(`invalid config for network ${n.name}: invalid endpoint settings:\nno configured subnet or ip-range contain the IP address ${formatIPv4(att.requestedIp)}`);
      }
      if (!pool.claim(att.requestedIp)) throw new DockerError('failed to set up container networking: Address already in use');
      ip = att.requestedIp;
    } else {
      ip = pool.allocate();
      if (ip === undefined) throw new DockerError(`failed to set up container networking: no available IPv4 addresses on this network's address pools: ${n.name} (${n.id})`);
    }
    // IPAM gives both families' addresses before anything is made: a refused `--ip6` leaves nothing behind.
    let ip6: bigint | undefined;
    let bound: BoundPort[] = [];
    try {
      ip6 = n.pool6 ? this.allocate6(n, att) : undefined;
      if (publishesPorts) bound = this.allocatePorts(c, n, endpointId);
    } catch (e) {
      pool.release(ip);
      if (ip6 !== undefined) n.pool6?.release(ip6);
      throw e;
    }
    // The lowest free ethN: a network connected after a disconnect reuses the gap.
    const used = new Set([...c.endpoints.values()].map((e) => e.ifname));
    let index = 0;
    while (used.has(`eth${index}`)) index++;
    const ifname = `eth${index}`;
    const hostVeth = `veth${this.random.hex(4).slice(0, 7)}`;
    this.kernel.addVeth(HOST_NS, hostVeth, ifname, netns, { txqlen: 0 });
    // A duplicate of another container's MAC is not refused (golden 56).
    if (att.requestedMac !== undefined) this.kernel.setMac(netns, ifname, att.requestedMac);
    const mtu = networkMtu(n);
    if (mtu !== undefined) {
      this.kernel.setMtu(HOST_NS, hostVeth, mtu);
      this.kernel.setMtu(netns, ifname, mtu);
    }
    // Networks without IPv6: Docker turns IPv6 off on the container's interface before it comes up.
    if (!n.pool6) this.kernel.setSysctl(netns, `net.ipv6.conf.${ifname}.disable_ipv6`, '1');
    this.kernel.setMaster(HOST_NS, hostVeth, n.bridge!);
    this.kernel.setLinkUp(HOST_NS, hostVeth, true);
    this.kernel.addAddress(netns, ifname, `${formatIPv4(ip)}/${pool.subnet.prefixLen}`, { broadcast: true });
    if (ip6 !== undefined) this.kernel.addAddress6(netns, ifname, `${formatIPv6(ip6)}/${n.pool6!.subnet.prefixLen}`, { nodad: true });
    this.kernel.setLinkUp(netns, ifname, true);
    const mac = this.kernel.netns(netns)!.link(ifname)!.mac;
    const endpoint: Endpoint = { id: endpointId, networkId: n.id, ifname, hostVeth, ip, mac, aliases: att.aliases, links: att.links, publishesPorts, bound };
    if (ip6 !== undefined) endpoint.ip6 = ip6;
    if (att.requestedIp !== undefined) endpoint.requestedIp = att.requestedIp;
    c.endpoints.set(n.id, endpoint);
    // Internal networks get no raw guard (reference c-internal-noicc): nothing routes to them.
    if (!n.internal) {
      if (gatewayMode(n) === 'nat') this.rules.addEndpoint(n.bridge!, formatIPv4(ip));
      if (ip6 !== undefined) this.rules.addEndpoint(n.bridge!, formatIPv6(ip6), 6);
      if (publishesPorts) this.publishPorts(n, endpoint);
    }
    return endpoint;
  }

  /** An endpoint's IPv6 address: `--ip6`'s, or the lowest free one. */
  private allocate6(n: Network, att: Attachment): bigint {
    const pool = n.pool6!;
    if (att.requestedIp6 !== undefined) {
      if (!pool.contains(att.requestedIp6)) {
        throw new DockerError(`invalid config for network ${n.name}: invalid endpoint settings:\nno configured subnet or ip-range contain the IP address ${formatIPv6(att.requestedIp6)}`);
      }
      if (!pool.claim(att.requestedIp6)) throw new DockerError('failed to set up container networking: Address already in use');
      return att.requestedIp6;
    }
    const ip6 = pool.allocate();
    if (ip6 === undefined) throw new DockerError(`failed to set up container networking: no available IPv6 addresses on this network's address pools: ${n.name} (${n.id})`);
    return ip6;
  }

  /** The host ports for the container's bindings on network `n`, or the driver's error (nothing kept). */
  private allocatePorts(c: Container, n: Network, endpointId: string): BoundPort[] {
    const ctx = { defaultHostIp: n.options['com.docker.network.bridge.host_binding_ipv4'] ?? '0.0.0.0', routed: gatewayMode(n) === 'routed' };
    try {
      // The simulated kernel, like the rig's, has no SCTP: docker-proxy cannot listen.
      return bindPorts(c.ports, ctx, this.portAllocator, (proto) => proto !== 'sctp');
    } catch (e) {
      if (!(e instanceof PortBindError)) throw e;
      throw new DockerError(`failed to set up container networking: driver failed programming external connectivity on endpoint ${c.name} (${endpointId}): ${e.message}`);
    }
  }

  /**
   * Rules and docker-proxy listeners for the ports an endpoint holds, in the order they
   * were bound. Each binding opens its container port in its own family's DOCKER chain
   * (once per port) and DNATs there; an IPv6 binding to a container without an IPv6
   * address has only docker-proxy, relaying to its IPv4 address (golden ipv6-bindings).
   */
  private publishPorts(n: Network, ep: Endpoint): void {
    const opened = new Set<string>();
    for (const b of ep.bound) {
      const spec = this.portRuleSpec(n, ep, b);
      const key = `${spec?.family}/${b.containerPort}/${b.proto}`;
      if (spec && !opened.has(key) && gatewayMode(n) !== 'nat-unprotected') this.rules.addPortFilter(spec);
      opened.add(key);
      if (!b.proxied) continue;
      if (spec) this.rules.addPortBinding(spec);
      const v6 = b.hostIp.includes(':');
      this.kernel.listen(HOST_NS, { proto: b.proto, address: b.hostIp, port: b.hostPort, process: 'docker-proxy', ...(v6 ? { family: 6, v6only: true } : {}) });
    }
  }

  private unpublishPorts(n: Network, ep: Endpoint): void {
    const opened = new Set<string>();
    for (const b of ep.bound) {
      const spec = this.portRuleSpec(n, ep, b);
      if (b.proxied && spec) this.rules.removePortBinding(spec);
      if (b.proxied) this.kernel.unlisten(HOST_NS, b.proto, b.hostIp, b.hostPort);
      const key = `${spec?.family}/${b.containerPort}/${b.proto}`;
      if (spec && !opened.has(key) && gatewayMode(n) !== 'nat-unprotected') this.rules.removePortFilter(spec);
      opened.add(key);
    }
    releasePorts(ep.bound, this.portAllocator);
  }

  /** The rules of one binding, in the family of its host address; none for an IPv6 binding to a container without IPv6. */
  private portRuleSpec(n: Network, ep: Endpoint, b: BoundPort): PortRuleSpec | undefined {
    const base = { bridge: n.bridge!, containerPort: b.containerPort, proto: b.proto, hostIp: b.hostIp, hostPort: b.hostPort };
    if (!b.hostIp.includes(':')) return { ...base, family: 4, containerIp: formatIPv4(ep.ip) };
    return n.pool6 && ep.ip6 !== undefined ? { ...base, family: 6, containerIp: formatIPv6(ep.ip6) } : undefined;
  }

  /**
   * The default route goes to the non-internal network with the highest
   * --gw-priority, then the one whose name sorts first (golden 33), and moves when
   * networks are connected or disconnected.
   */
  private setDefaultRoute(c: Container, netns: string): void {
    const host = this.kernel.netns(netns)!;
    if (host.hasDefaultRoute(4)) this.kernel.deleteRoute(netns, { dst: 'default' });
    const candidates = [...c.endpoints.values()]
      .map((ep) => ({ ep, n: this.networks.get(ep.networkId)! }))
      .filter(({ n }) => !n.internal)
      .map((x) => ({ ...x, priority: this.attachmentFor(c, x.n)?.gwPriority ?? 0 }))
      .sort((a, b) => b.priority - a.priority || (a.n.name < b.n.name ? -1 : a.n.name > b.n.name ? 1 : 0));
    const first = candidates[0];
    if (first) this.kernel.addRoute(netns, { dst: 'default', via: formatIPv4(first.n.pool!.gateway), dev: first.ep.ifname });
    // IPv6 picks its gateway the same way among the networks that have IPv6.
    if (host.hasDefaultRoute(6)) this.kernel.deleteRoute6(netns, { dst: 'default' });
    const first6 = candidates.find(({ n, ep }) => n.pool6 && ep.ip6 !== undefined);
    if (first6) this.kernel.addRoute6(netns, { dst: 'default', via: formatIPv6(first6.n.pool6!.gateway), dev: first6.ep.ifname });
  }

  private attachmentFor(c: Container, n: Network): Attachment | undefined {
    return c.attachments.get(n.name) ?? c.attachments.get(n.id);
  }

  /** `docker network connect [--ip IP] [--ip6 IP6] [--alias A] [--gw-priority N] NET CONTAINER`. */
  connect(netRef: string, ctrRef: string, opts: { ip?: string; ip6?: string; aliases?: string[]; gwPriority?: number } = {}): void {
    const n = this.findNetwork(netRef);
    if (!n) throw new DockerError(`network ${netRef} not found`);
    const c = this.requireContainer(ctrRef);
    const mode = c.networkMode;
    if (mode.kind === 'host' || mode.kind === 'container') {
      throw new DockerError('container sharing network namespace with another container or host cannot be connected to any other network');
    }
    if (mode.kind === 'none' || n.driver !== 'bridge') {
      throw new DockerError('container cannot be connected to multiple networks with one of the networks in private (none) mode');
    }
    if (opts.ip !== undefined || opts.ip6 !== undefined) {
      const problems = this.endpointAddressProblems(n.name, n, { ip: opts.ip, ip6: opts.ip6 });
      if (problems) throw new DockerError(`invalid endpoint settings:\n${problems}`);
    }
    if (c.endpoints.has(n.id) || mode.networks.some((ref) => this.findNetwork(ref) === n)) {
      throw new DockerError(`endpoint with name ${c.name} already exists in network ${n.name}`);
    }
    const att: Attachment = { aliases: opts.aliases ?? [], links: [], gwPriority: opts.gwPriority ?? 0, connected: true };
    if (opts.ip !== undefined) att.requestedIp = parseIPv4(opts.ip)!;
    if (opts.ip6 !== undefined) att.requestedIp6 = parseIPv6(opts.ip6)!;
    c.attachments.set(n.name, att);
    if (c.netns && (c.state === 'running' || c.state === 'paused')) {
      try {
        this.attach(c, c.netns, n);
        if (!n.isDefault) startResolverSockets(this.kernel, this.resolverRandom, c.netns);
      } catch (e) {
        c.attachments.delete(n.name);
        // Only a start wraps what the endpoint's setup says (daemon initializeNetworking; golden 56).
        const start = 'failed to set up container networking: ';
        if (e instanceof DockerError && e.message.startsWith(start)) throw new DockerError(e.message.slice(start.length), e.side);
        throw e;
      }
      this.setDefaultRoute(c, c.netns);
    }
    mode.networks.push(n.name);
  }

  /** `docker network disconnect NET CONTAINER`. */
  disconnect(netRef: string, ctrRef: string): void {
    const n = this.findNetwork(netRef);
    if (!n) throw new DockerError(`network ${netRef} not found`);
    const c = this.requireContainer(ctrRef);
    const mode = c.networkMode;
    if (mode.kind === 'host' && n.driver === 'host') {
      throw new DockerError('cannot disconnect container from host network - container was created in host network mode');
    }
    const index = mode.kind === 'bridge' ? mode.networks.findIndex((ref) => this.findNetwork(ref) === n) : -1;
    if (mode.kind !== 'bridge' || index < 0) throw new DockerError(`container ${c.id} is not connected to network ${n.name}`);
    const ep = c.endpoints.get(n.id);
    if (ep) {
      this.teardownEndpoint(c, ep);
      if (c.netns) this.setDefaultRoute(c, c.netns);
    }
    mode.networks.splice(index, 1);
    c.attachments.delete(n.name);
    c.attachments.delete(n.id);
  }

  pause(ref: string): Container {
    const c = this.requireContainer(ref);
    if (c.state === 'paused') throw new DockerError(`Container ${c.id} is already paused`);
    if (c.state !== 'running') throw new DockerError(`container ${c.id} is not running`);
    c.state = 'paused';
    return c;
  }

  unpause(ref: string): Container {
    const c = this.requireContainer(ref);
    if (c.state !== 'paused') throw new DockerError(`Container ${c.id} is not paused`);
    c.state = 'running';
    return c;
  }

  /** The image a container runs. */
  imageOf(c: Container): Image {
    return this.containerImages.get(c) ?? this.findImage(c.image)!;
  }

  /**
   * The IMAGE a container lists (daemon/list.go): the reference it was created
   * with while that still names its image, else the image's ID.
   */
  listedImage(c: Container): string {
    const image = this.imageOf(c);
    return c.image === image.id || this.findImage(c.image)?.id === image.id ? c.image : image.id;
  }

  /**
   * The environment a process in the container gets (CreateDaemonEnvironment):
   * PATH, HOSTNAME, TERM=xterm when the process has a terminal (`run -t` for the
   * main process, `exec -t` for an exec), the legacy link variables (rig fact
   * 22), then Config.Env replacing or appending (ReplaceOrAppendEnvValues: a
   * bare `KEY`, a `-e KEY` the client could not fill in, removes it); an exec's
   * own `-e` values over those the same way (daemon/exec.go); HOME last, unless
   * given (golden fidelity-env-overrides: every one of these wins over the runtime's).
   */
  containerEnv(c: Container, process: { tty?: boolean; env?: readonly string[]; home?: string } = {}): string[] {
    const defaults = [`PATH=${DEFAULT_PATH}`, `HOSTNAME=${c.hostname}`];
    if (process.tty) defaults.push('TERM=xterm');
    for (const link of c.legacyLinks) defaults.push(...this.linkEnv(c, link));
    const env = replaceOrAppendEnv(replaceOrAppendEnv(defaults, c.env), process.env ?? []);
    // runc sets HOME, when nothing else did, to the user's home (`/` for a uid without a passwd entry).
    if (!env.some((e) => e.startsWith('HOME='))) env.push(`HOME=${process.home ?? ROOT_USER.home}`);
    return env;
  }

  /**
   * Who a process of the container runs as: `spec` (`docker exec -u`), else the
   * container's Config.User, read against its files, with `--group-add`'s groups;
   * the daemon's error for a name they lack. Undefined when none of these names
   * anyone: root, whose groups the tools read from the files themselves.
   */
  processUser(c: Container, spec?: string): ProcessUser | { error: string } | undefined {
    const wanted = spec === undefined || spec === '' ? c.user : spec;
    const groupAdd = c.settings.groupAdd;
    if (wanted === '' && groupAdd.length === 0) return undefined;
    const files = this.accounts?.(c) ?? { passwd: 'root:x:0:0:root:/root:/bin/sh\n', group: 'root:x:0:\n' };
    const user = resolveUser(wanted, files);
    if ('error' in user || groupAdd.length === 0) return user;
    // --group-add's groups join every process's, after the user's own (daemon/oci_linux.go getUser).
    const added = additionalGroups(groupAdd, files.group);
    if ('error' in added) return added;
    return { ...user, groups: [...new Set([...user.groups, ...added])] };
  }

  /**
   * A legacy link's variables (daemon/links Link.ToEnv): the first exposed
   * port, every port, the name, then the target's Config.Env as ALIAS_ENV_KEY
   * (PATH and HOME left out).
   */
  private linkEnv(c: Container, link: { target: string; alias: string }): string[] {
    const target = this.findContainer(link.target);
    if (!target) return [];
    const prefix = link.alias.toUpperCase().replace(/[^A-Z0-9]/g, '_');
    const ep = [...target.endpoints.values()][0];
    const out: string[] = [];
    if (ep) {
      const ip = formatIPv4(ep.ip);
      const ports = [...target.exposed].sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
      ports.forEach((spec, i) => {
        const [port = '', proto = 'tcp'] = spec.split('/');
        if (i === 0) out.push(`${prefix}_PORT=${proto}://${ip}:${port}`);
        const key = `${prefix}_PORT_${port}_${proto.toUpperCase()}`;
        out.push(`${key}=${proto}://${ip}:${port}`, `${key}_ADDR=${ip}`, `${key}_PORT=${port}`, `${key}_PROTO=${proto}`);
      });
    }
    out.push(`${prefix}_NAME=/${c.name}/${link.alias}`);
    for (const e of target.env) {
      const eq = e.indexOf('=');
      if (eq < 0) continue;
      const key = e.slice(0, eq);
      if (key === 'HOME' || key === 'PATH') continue;
      out.push(`${prefix}_ENV_${key}=${e.slice(eq + 1)}`);
    }
    return out;
  }

  /** `docker rename OLD NEW`: the name, and with it the container's DNS name on its networks. */
  rename(ref: string, name: string): Container {
    const c = this.requireContainer(ref);
    if (!NAME_RE.test(name)) throw new DockerError(`Error when allocating new name: Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    if (name === c.name) throw new DockerError(`Renaming a container with the same name as its current name`);
    const clash = [...this.containers.values()].find((o) => o.name === name);
    if (clash) throw new DockerError(`Error when allocating new name: Conflict. The container name "/${name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`);
    c.name = name;
    return c;
  }

  /** The container's main process ended with `exitCode` (a foreground `docker run`). */
  exited(ref: string, exitCode: number): Container {
    const c = this.stop(ref, 'exit');
    c.exitCode = exitCode;
    return c;
  }

  /**
   * The main process ended by itself with `exitCode`: the container exits as by
   * `exited` (endpoints, veths, addresses and namespace released, `Exited (N)`),
   * and one run with `--rm` is removed. Returns the container as it was last.
   */
  mainProcessExited(ref: string, exitCode: number): Container {
    const c = this.exited(ref, exitCode);
    if (c.autoRemove) this.remove(c.id, true);
    else scheduleRestart(c, exitCode, this.kernel.now);
    return c;
  }

  /** The container whose policy restart is due first (at or before now), if any. */
  dueRestart(): Container | undefined {
    let first: Container | undefined;
    for (const c of this.containers.values()) {
      const due = c.restart.dueAt;
      if (due !== undefined && due <= this.kernel.now && (first === undefined || due < first.restart.dueAt!)) first = c;
    }
    return first;
  }

  /**
   * Starts a container as its restart policy does, at the moment it was due;
   * `then` runs its main process at that moment too (so it ends then, if it does).
   * A start that fails leaves it exited, as the daemon logs the error and gives up.
   */
  restartByPolicy(c: Container, then: (c: Container) => void): void {
    const due = c.restart.dueAt ?? this.kernel.now;
    delete c.restart.dueAt;
    this.kernel.during(due, () => {
      try {
        this.start(c.id);
        then(c);
      } catch (e) {
        if (!(e instanceof DockerError)) throw e;
      }
    });
  }


  /** `docker stop` by the user: the restart policy is cancelled, then the container stops. */
  userStop(ref: string, timeoutSeconds?: number): Container {
    const c = this.requireContainer(ref);
    cancelRestart(c);
    return this.stop(c.id, 'SIGTERM', timeoutSeconds ?? c.settings.stopTimeout ?? DEFAULT_STOP_TIMEOUT_S);
  }

  /** `docker start` by the user: a fresh restart manager (RestartCount 0), then the start. */
  userStart(ref: string): Container {
    const c = this.requireContainer(ref);
    if (c.state !== 'running' && c.state !== 'paused') resetRestartManager(c);
    return this.start(c.id);
  }

  /**
   * Whether the running container's main process (PID 1) is a shell on a
   * terminal that reads what the user types (`docker run -it IMAGE sh`, or
   * `-itd`): `docker attach` reaches it, and its `exit` ends the container.
   */
  hasConsoleShell(c: Container): boolean {
    return c.state === 'running' && c.tty && c.interactive && isShellCommand(mainProgram(c, this.imageOf(c)));
  }

  restart(ref: string, timeoutSeconds?: number): Container {
    this.userStop(ref, timeoutSeconds);
    resetRestartManager(this.requireContainer(ref));
    try {
      return this.start(ref);
    } catch (e) {
      // daemon ContainerRestart wraps what the start says (golden 57).
      if (e instanceof DockerError) throw new DockerError(`Cannot restart container ${ref}: ${e.message}`, e.side);
      throw e;
    }
  }

  /** `docker kill`: SIGKILL, exit status 137 whatever the image's stop signal. */
  kill(ref: string): Container {
    const c = this.requireContainer(ref);
    // The user's kill ends the policy's restarts; a container waiting for one just stays down (kill.go).
    const waiting = isRestarting(c);
    cancelRestart(c);
    if (waiting) return c;
    if (c.state !== 'running' && c.state !== 'paused') throw new DockerError(`container ${c.id} is not running`);
    this.stop(c.id, 'SIGKILL');
    c.exitCode = 137;
    return c;
  }

  /**
   * Ends a running container. `graceSeconds` is `docker stop`'s wait: when its stop
   * signal does not end PID 1 (no handler, no init to pass it on), the daemon waits
   * that long on the clock before its SIGKILL.
   */
  stop(ref: string, signal: 'SIGTERM' | 'SIGKILL' | 'exit' = 'SIGTERM', graceSeconds?: number): Container {
    const c = this.requireContainer(ref);
    if (c.state !== 'running' && c.state !== 'paused') return c;
    // Its processes end first (the shell layer closes their sockets).
    let handled: number | undefined;
    for (const observe of this.stopObservers) handled = observe(c, signal) ?? handled;
    if (signal === 'SIGTERM' && handled === undefined && graceSeconds !== undefined && graceSeconds > 0 && this.ignoresStopSignal(c)) this.kernel.advance(graceSeconds * 1000);
    this.teardownEndpoints(c);
    if (c.netns && c.networkMode.kind === 'host') {
      if (runsImageDefault(c, this.imageOf(c))) for (const l of this.imageOf(c).listens) this.kernel.unlisten(HOST_NS, l.proto, '::', l.port);
    } else if (c.netns) {
      this.releaseSharedNamespace(c, c.netns);
    }
    delete c.netns;
    delete c.sandboxId;
    delete c.sandboxEndpointId;
    c.state = 'exited';
    c.exitCode = handled ?? this.stopStatus(c);
    c.finishedAt = this.kernel.now;
    stopHealthMonitor(c);
    return c;
  }

  /**
   * The exit status `docker stop` leaves: the rig's images stop with SIGKILL (137);
   * nginx shuts down gracefully on its SIGQUIT (0); a shell or REPL as PID 1 ignores
   * SIGTERM until the 10 s timeout's SIGKILL (137). With `--init`, tini passes the
   * signal on to its child, which has no reason to ignore it: the child dies of it
   * and tini exits 128 + its number (tini.c reap_zombies); SIGKILL takes tini itself.
   */
  /** Whether the stop signal leaves PID 1 running (stopStatus's 137 from a signal other than SIGKILL). */
  private ignoresStopSignal(c: Container): boolean {
    return this.stopStatus(c) === 137 && this.stopSignalNumber(c) !== 9;
  }

  private stopSignalNumber(c: Container): number | undefined {
    return STOP_SIGNAL_NUMBERS[(c.settings.stopSignal ?? this.imageOf(c).stopSignal ?? 'SIGTERM').toUpperCase().replace(/^(?!SIG)/, 'SIG')];
  }

  private stopStatus(c: Container): number {
    const image = this.imageOf(c);
    if (image.stopSignal === 'SIGQUIT' && c.cmd[0] === 'nginx') return 0;
    const signal = this.stopSignalNumber(c);
    return this.usesInit(c) && signal !== undefined ? 128 + signal : 137;
  }

  private teardownEndpoints(c: Container): void {
    for (const ep of [...c.endpoints.values()]) this.teardownEndpoint(c, ep);
  }

  /** Undoes `attach`: port rules (on the first network), the raw guard, the lease, the veth. */
  private teardownEndpoint(c: Container, ep: Endpoint): void {
    const n = this.networks.get(ep.networkId)!;
    const ip = formatIPv4(ep.ip);
    if (ep.publishesPorts && !n.internal) this.unpublishPorts(n, ep);
    if (!n.internal && gatewayMode(n) === 'nat') this.rules.removeEndpoint(n.bridge!, ip);
    if (!n.internal && ep.ip6 !== undefined) this.rules.removeEndpoint(n.bridge!, formatIPv6(ep.ip6), 6);
    n.pool!.release(ep.ip);
    if (ep.ip6 !== undefined) n.pool6?.release(ep.ip6);
    if (this.kernel.netns(HOST_NS)!.link(ep.hostVeth)) this.kernel.deleteLink(HOST_NS, ep.hostVeth);
    c.endpoints.delete(ep.networkId);
  }

  /** `docker rm [-f] [-v]`: `-v` (and `--rm`) also removes the container's anonymous volumes no other container uses. */
  remove(ref: string, force = false, removeVolumes = false): Container {
    const c = this.requireContainer(ref);
    if (c.state === 'running' || c.state === 'paused') {
      if (!force) throw new DockerError(`cannot remove container "${c.name}": container is running: stop the container before removing or force remove`);
      this.stop(c.id, 'SIGKILL');
    }
    this.containers.delete(c.id);
    if (removeVolumes || c.autoRemove) {
      for (const m of c.mounts) {
        const v = m.type === 'volume' ? this.volumes.get(m.source) : undefined;
        if (v?.labels?.[ANONYMOUS_LABEL] !== undefined && this.volumeUsers(v.name).length === 0) this.volumes.delete(v.name);
      }
    }
    return c;
  }

  // ---- volumes ---------------------------------------------------------------

  /** `docker volume create [NAME]`: an existing name is kept as it is; none makes a 64-hex name. */
  createVolume(name?: string, labels?: Record<string, string>): Volume {
    if (name !== undefined) {
      const problem = volumeNameProblem(name);
      if (problem) throw new DockerError(problem);
      const existing = this.volumes.get(name);
      if (existing) return existing;
    }
    const v: Volume = { name: name ?? this.newId(), created: this.kernel.now, labels, files: new Map() };
    this.volumes.set(v.name, v);
    return v;
  }

  findVolume(name: string): Volume | undefined {
    return this.volumes.get(name);
  }

  /** The containers (any state) whose mounts use the volume. */
  volumeUsers(name: string): Container[] {
    return [...this.containers.values()].filter((c) => c.mounts.some((m) => m.type === 'volume' && m.source === name));
  }

  /** `docker volume rm [-f] NAME`. */
  removeVolume(name: string, force = false): void {
    const v = this.volumes.get(name);
    if (!v) {
      if (force) return;
      throw new DockerError(`get ${name}: no such volume`);
    }
    const users = this.volumeUsers(name);
    if (users.length > 0) throw new DockerError(`remove ${name}: volume is in use - [${users.map((c) => c.id).join(', ')}]`);
    this.volumes.delete(name);
  }

  /** `docker volume prune [-a]`: unused volumes (anonymous ones only without -a), with the bytes they held. */
  pruneVolumes(all: boolean): { names: string[]; size: number } {
    const names: string[] = [];
    let size = 0;
    for (const v of [...this.volumes.values()]) {
      if (!all && v.labels?.[ANONYMOUS_LABEL] === undefined) continue;
      if (this.volumeUsers(v.name).length > 0) continue;
      names.push(v.name);
      size += volumeSize(v);
      this.volumes.delete(v.name);
    }
    return { names, size };
  }

  requireContainer(ref: string): Container {
    const c = this.findContainer(ref);
    if (!c) throw new DockerError(`No such container: ${ref}`);
    return c;
  }

  /** `docker run -d`: create, then start; a failed start leaves the created container. */
  run(opts: ContainerCreateOptions): Container {
    let c: Container;
    try {
      c = this.createContainer(opts);
    } catch (e) {
      // As the client does: a missing image is pulled, then created again.
      const ref = parseAnyReference(opts.image);
      if (!(e instanceof ImageNotFoundError) || !ref.ok || ref.value.kind !== 'named') throw e;
      this.imageService.pull(withDefaultTag(ref.value.ref));
      c = this.createContainer(opts);
    }
    this.start(c.id);
    return c;
  }
}

function withPublishAll(ports: PortBinding[], exposed: string[], publishAll: boolean): PortBinding[] {
  if (!publishAll) return ports;
  const published = new Set(ports.map((p) => `${p.containerPort}/${p.proto}`));
  const extra = exposed.filter((e) => !published.has(e)).map((e) => {
    const [port = '0', proto = 'tcp'] = e.split('/');
    const known: PortBinding['proto'] = proto === 'udp' || proto === 'sctp' ? proto : 'tcp';
    return { proto: known, containerPort: Number(port), hostIp: '0.0.0.0', hostPort: 0 };
  });
  return [...ports, ...extra];
}

/**
 * The program that ends up running: an image's own entrypoint wrapper script (nginx's
 * /docker-entrypoint.sh) ends in `exec "$@"`, so there it is CMD; otherwise (a program
 * as entrypoint: alpine/socat's `socat`, crosbymichael/redis's redis-server) ENTRYPOINT + CMD.
 */
export function mainProgram(c: Pick<Container, 'entrypoint' | 'cmd'>, image: Image): string[] {
  const ownWrapper = image.entrypoint.length > 0 && image.entrypoint[0]!.endsWith('.sh') && c.entrypoint.join(' ') === image.entrypoint.join(' ');
  if (!ownWrapper) return processArgv(c);
  const first = c.cmd[0];
  const runs = image.wrapperRuns;
  if (runs && first !== undefined && (first.startsWith('-') || (runs.unlessProgram && resolveExecutable(image, first, image.env) === undefined))) return [runs.program, ...c.cmd];
  return c.cmd;
}

/** Whether the container runs its image's own command (entrypoint and CMD as the image has them): its servers are the image's. */
export function runsImageDefault(c: Pick<Container, 'entrypoint' | 'cmd'>, image: { entrypoint: readonly string[]; cmd: readonly string[] }): boolean {
  return c.entrypoint.join('\0') === image.entrypoint.join('\0') && c.cmd.join('\0') === image.cmd.join('\0');
}

/** What a stand-in image's default command says first (docs/images.md): vethlab does not pretend to run a program it does not model. */
export function standInNote(c: Pick<Container, 'entrypoint' | 'cmd'>, image: Image): string {
  if (!image.standIn || !runsImageDefault(c, image)) return '';
  return `vethlab: the image ${image.name} is not modelled here: its container runs busybox sh instead of the image's own program\n`;
}

/** The container's process as runc starts it: the entrypoint, then the command. */
export function processArgv(c: Pick<Container, 'entrypoint' | 'cmd'>): string[] {
  return [...c.entrypoint, ...c.cmd];
}

/**
 * A command that is interactive by itself on a terminal, with no script to
 * run: a shell (`sh`, `/bin/bash`, `ash`...) or Python's REPL (`python3`).
 */
export function isShellCommand(argv: readonly string[]): boolean {
  return argv.length === 1 && (/^(\/usr)?(\/bin\/)?(sh|bash|ash|dash)$/.test(argv[0]!) || isPythonCommand(argv));
}

/** `python`, `python3`, `python3.12`, by name or path, with no arguments: the REPL. */
export function isPythonCommand(argv: readonly string[]): boolean {
  return argv.length === 1 && /^(\/usr(\/local)?\/bin\/)?python(3(\.\d+)?)?$/.test(argv[0]!);
}

/** Whether the container's processes may change its network (CAP_NET_ADMIN): `--cap-add NET_ADMIN` or `--privileged`. */
export function hasNetAdmin(c: Pick<Container, 'capAdd' | 'capDrop' | 'privileged'>): boolean {
  const named = (list: string[], cap: string) => list.some((x) => x.toUpperCase().replace(/^CAP_/, '') === cap || x.toUpperCase() === 'ALL');
  return (c.privileged || named(c.capAdd, 'NET_ADMIN')) && !named(c.capDrop, 'NET_ADMIN');
}

/** `net_admin`, `NET_ADMIN`, `CAP_NET_ADMIN` -> `CAP_NET_ADMIN` (`ALL` stays). */
function canonicalCap(cap: string): string {
  const upper = cap.toUpperCase();
  return upper === 'ALL' || upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
}

/** The daemon's merge of a new container's Env with its image's (daemon/commit.go merge): the user's first, then the image's other keys. */
function mergeEnv(user: readonly string[], image: readonly string[]): string[] {
  if (user.length === 0) return [...image];
  const keys = new Set(user.map((e) => e.split('=')[0]!));
  return [...user, ...image.filter((e) => !keys.has(e.split('=')[0]!))];
}

/** oci.DefaultPathEnv on Linux: every process starts with it, the image's or the user's PATH replaces it. */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** container.ReplaceOrAppendEnvValues: a known key is replaced in place, a bare key removes it, anything else is appended. */
function replaceOrAppendEnv(defaults: readonly string[], overrides: readonly string[]): string[] {
  const env: (string | undefined)[] = [...defaults];
  const index = new Map(defaults.map((e, i) => [e.slice(0, e.indexOf('=')), i]));
  for (const value of overrides) {
    const eq = value.indexOf('=');
    const at = index.get(eq < 0 ? value : value.slice(0, eq));
    if (eq < 0) {
      if (at !== undefined) env[at] = undefined;
    } else if (at !== undefined) env[at] = value;
    else env.push(value);
  }
  return env.filter((e): e is string => e !== undefined);
}

/** The network's IPv4 gateway mode (nat unless `com.docker.network.bridge.gateway_mode_ipv4` says otherwise). */
export function gatewayMode(n: Network): GatewayMode {
  const mode = n.options['com.docker.network.bridge.gateway_mode_ipv4'];
  return mode === 'routed' || mode === 'nat-unprotected' ? mode : 'nat';
}

/** `com.docker.network.driver.mtu` for a user network: both veth ends and the bridge take it (golden 62). */
function networkMtu(n: Network): number | undefined {
  const text = n.options['com.docker.network.driver.mtu'];
  return n.isDefault || text === undefined ? undefined : Number(text);
}

/** The container's settings with its Config.Healthcheck merged over the image's (daemon/commit.go merge). */
function healthcheckMerged(settings: RunSettings, image: Record<string, unknown> | undefined): RunSettings {
  const healthcheck = mergeHealthcheck(settings.healthcheck, image);
  return healthcheck ? { ...settings, healthcheck } : settings;
}
