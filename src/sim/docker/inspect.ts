/**
 * `docker inspect` and `docker network inspect` objects as Go values (govalue.ts):
 * structs in Go's field order, maps marked, nil slices and maps, and the
 * `omitempty` fields JSON leaves out, so both the JSON the CLI prints and the
 * typed values `-f` templates read come out as with the real client. Times are
 * RFC 3339 with nanoseconds, from the virtual clock.
 */
import { formatIPv6 } from '../netfilter/addr.ts';
import { formatCidr, formatIPv4 } from '../netfilter/inet.ts';
import { processArgv, type Engine } from './engine.ts';
import { goTime } from './go-time.ts';
import { goMap, goNil, goStruct, sliceOrNil } from './govalue.ts';
import { containerPortMap, hostPortText } from './portmap.ts';
import { isRestarting } from './restart-manager.ts';
import type { HealthState } from './health-monitor.ts';
import { healthcheckObject } from './run-settings.ts';
import type { Container, Network } from './model.ts';
import { mountObject, mountRequestObject } from './volumes.ts';


export function networkObject(engine: Engine, n: Network): Record<string, unknown> {
  const containers: Record<string, unknown> = {};
  for (const c of engine.containers.values()) {
    const ep = c.endpoints.get(n.id);
    if (!ep) continue;
    containers[c.id] = {
      Name: c.name,
      EndpointID: ep.id,
      MacAddress: ep.mac,
      IPv4Address: `${formatIPv4(ep.ip)}/${n.pool!.subnet.prefixLen}`,
      IPv6Address: ep.ip6 !== undefined && n.pool6 ? `${formatIPv6(ep.ip6)}/${n.pool6.subnet.prefixLen}` : '',
    };
  }
  // Containers in host and none mode are listed on those networks without addresses.
  if (n.driver !== 'bridge') {
    const mode = n.driver === 'host' ? 'host' : 'none';
    for (const c of engine.containers.values()) {
      if (c.networkMode.kind !== mode || (c.state !== 'running' && c.state !== 'paused')) continue;
      containers[c.id] = { Name: c.name, EndpointID: c.sandboxEndpointId ?? '', MacAddress: '', IPv4Address: '', IPv6Address: '' };
    }
  }
  return {
    Name: n.name,
    Id: n.id,
    Created: goTime(n.created),
    Scope: 'local',
    Driver: n.driver,
    EnableIPv4: n.driver !== 'bridge' || n.pool !== undefined,
    EnableIPv6: n.pool6 !== undefined,
    IPAM: { Driver: 'default', Options: n.isDefault || n.driver !== 'bridge' || n.noIpamOptions ? goNil('map') : goMap({}), Config: ipamConfig(n) },
    Internal: n.internal,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: goMap(containers),
    Options: goMap({ ...n.options }),
    Labels: goMap(sortedKeys(n.labels)),
  };
}

/** A map as Go's JSON encoder writes it: keys in byte order. */
function sortedKeys(map: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** IPAM.Config: what was asked for; a pool Docker picked shows its subnet and gateway. IPv4 and IPv6 entries in the network's order. */
function ipamConfig(n: Network): unknown {
  if (!n.pool && !n.config6) return goNil('slice');
  const entry4 = (pool: NonNullable<Network['pool']>): Record<string, string> => {
    const cfg = n.config;
    const out: Record<string, string> = {};
    if (cfg.subnet === undefined) {
      out.Subnet = formatCidr(pool.subnet);
      out.Gateway = formatIPv4(pool.gateway);
    } else {
      out.Subnet = cfg.subnet;
      if (cfg.ipRange !== undefined) out.IPRange = cfg.ipRange;
      if (cfg.gateway !== undefined) out.Gateway = cfg.gateway;
    }
    return out;
  };
  const entries = (n.configOrder.length > 0 ? n.configOrder : [4 as const]).flatMap((family) => {
    if (family === 4) return n.pool ? [entry4(n.pool)] : [];
    return n.config6 ? [{ Subnet: n.config6.subnet, ...(n.config6.gateway !== undefined ? { Gateway: n.config6.gateway } : {}) }] : [];
  });
  // network.IPAMConfig: every field is omitempty.
  return entries.map((out) => goStruct(out, 'network.IPAMConfig', { Subnet: '', IPRange: '', Gateway: '', AuxAddress: goNil('map') }));
}

/** Go's json.MarshalIndent with four spaces, as the CLI prints inspect output. */
export function goJsonIndent(value: unknown): string {
  return JSON.stringify(value, null, 4).replace(/[<>&]/g, (ch) => `\\u00${ch.charCodeAt(0).toString(16)}`);
}

const ZERO_TIME = '0001-01-01T00:00:00Z';
const DATA_ROOT = '/var/lib/docker';

const MASKED_PATHS = ['/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap'];
const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

function networkModeText(engine: Engine, c: Container): string {
  const mode = c.networkMode;
  if (mode.kind === 'host' || mode.kind === 'none') return mode.kind;
  if (mode.kind === 'container') return `container:${engine.findContainer(mode.target)?.id ?? mode.target}`;
  const first = mode.networks[0] ?? 'bridge';
  return first === 'bridge' ? 'bridge' : first;
}

/** `.HostConfig.PortBindings`: the request as written (`HostIp` "" for any address). */
function portBindings(c: Container): Record<string, { HostIp: string; HostPort: string }[]> {
  const out: Record<string, { HostIp: string; HostPort: string }[]> = goMap({});
  for (const p of c.ports) {
    if (!p.requested) continue;
    const key = `${p.containerPort}/${p.proto}`;
    const entry = { HostIp: p.requested.hostIp, HostPort: p.requested.hostPort };
    const list = (out[key] ??= []);
    if (!list.some((e) => e.HostIp === entry.HostIp && e.HostPort === entry.HostPort)) list.push(entry);
  }
  return out;
}

/** `.NetworkSettings.Ports` (nat.PortMap): exposed ports with a nil slice, published ones with their bindings. */
function livePorts(engine: Engine, c: Container): Record<string, unknown> {
  const out: Record<string, unknown> = goMap({});
  for (const [key, bindings] of containerPortMap(engine, c)) {
    out[key] = bindings ? bindings.map((b) => ({ HostIp: b.hostIp, HostPort: hostPortText(b) })) : goNil('slice');
  }
  return out;
}

function networkEntries(engine: Engine, c: Container): Record<string, unknown> {
  const out: Record<string, unknown> = goMap({});
  if (c.networkMode.kind === 'container') return out;
  if (c.networkMode.kind === 'host' || c.networkMode.kind === 'none') {
    const n = engine.findNetwork(c.networkMode.kind)!;
    out[n.name] = endpointSettings({ networkId: n.id, endpointId: c.sandboxEndpointId ?? '' });
    return out;
  }
  const names = [...c.networkMode.networks].sort();
  for (const ref of names) {
    const n = engine.findNetwork(ref);
    if (!n) continue;
    const ep = c.endpoints.get(n.id);
    const att = c.attachments.get(n.name) ?? c.attachments.get(n.id);
    // The client sends an IPAM config for `--ip` and for every `network connect` (then `{}`).
    const requested: Record<string, string> = {};
    if (att?.requestedIp !== undefined) requested.IPv4Address = formatIPv4(att.requestedIp);
    if (att?.requestedIp6 !== undefined) requested.IPv6Address = formatIPv6(att.requestedIp6);
    const ipamConfig = Object.keys(requested).length > 0 ? ipamEndpointConfig(requested) : att?.connected || att?.sent?.ipamConfig ? ipamEndpointConfig({}) : null;
    // The docker CLI's run sends no aliases unless given (null), its connect an empty list; Compose sends its own.
    const sentAliases = att !== undefined && (att.aliases.length > 0 || att.connected === true || att.sent !== undefined);
    const aliases = !n.isDefault && sentAliases ? att.aliases : goNil('slice');
    // buildEndpointDNSNames: name, aliases, short ID, hostname, without repeats (Compose's aliases start with the name).
    const dnsNames = n.isDefault ? goNil('slice') : [...new Set([c.name, ...(att?.aliases ?? []), c.id.slice(0, 12), c.hostname])];
    out[n.name] = endpointSettings({
      ipamConfig,
      links: sliceOrNil(att?.links ?? []),
      aliases,
      mac: ep?.mac ?? '',
      // Only `network connect` sends driver options (an empty map); run and Compose send none.
      driverOpts: att?.connected ? goMap({}) : goNil('map'),
      gwPriority: att?.gwPriority ?? 0,
      networkId: n.id,
      endpointId: ep?.id ?? '',
      // An --internal network gives its endpoints no gateway (no default route through it).
      gateway: ep && !n.internal ? formatIPv4(n.pool!.gateway) : '',
      ip: ep ? formatIPv4(ep.ip) : '',
      prefixLen: ep ? n.pool!.subnet.prefixLen : 0,
      ...(ep?.ip6 !== undefined && n.pool6
        ? { gateway6: n.internal ? '' : formatIPv6(n.pool6.gateway), ip6: formatIPv6(ep.ip6), prefixLen6: n.pool6.subnet.prefixLen }
        : {}),
      dnsNames,
    });
  }
  return out;
}

function ipamEndpointConfig(fields: Record<string, string>): object {
  return goStruct(fields, 'network.EndpointIPAMConfig', { IPv4Address: '', IPv6Address: '', LinkLocalIPs: goNil('slice') });
}

interface EndpointFields {
  ipamConfig?: unknown;
  links?: unknown;
  aliases?: unknown;
  mac?: string;
  driverOpts?: unknown;
  gwPriority?: number;
  networkId: string;
  endpointId: string;
  gateway?: string;
  ip?: string;
  prefixLen?: number;
  gateway6?: string;
  ip6?: string;
  prefixLen6?: number;
  dnsNames?: unknown;
}

/** network.EndpointSettings, Go's field order. */
function endpointSettings(f: EndpointFields) {
  return {
    IPAMConfig: f.ipamConfig ?? null,
    Links: f.links ?? goNil('slice'),
    Aliases: f.aliases ?? goNil('slice'),
    MacAddress: f.mac ?? '',
    DriverOpts: f.driverOpts ?? goNil('map'),
    GwPriority: f.gwPriority ?? 0,
    NetworkID: f.networkId,
    EndpointID: f.endpointId,
    Gateway: f.gateway ?? '',
    IPAddress: f.ip ?? '',
    IPPrefixLen: f.prefixLen ?? 0,
    IPv6Gateway: f.gateway6 ?? '',
    GlobalIPv6Address: f.ip6 ?? '',
    GlobalIPv6PrefixLen: f.prefixLen6 ?? 0,
    DNSNames: f.dnsNames ?? goNil('slice'),
  };
}

/** `docker inspect CONTAINER`: Docker 28.5's container JSON, Go's field order. */
export function containerObject(engine: Engine, c: Container): Record<string, unknown> {
  const image = engine.imageOf(c);
  const dir = `${DATA_ROOT}/containers/${c.id}`;
  const running = c.state === 'running' || c.state === 'paused';
  const restarting = isRestarting(c);
  const eth0 = [...c.endpoints.values()].find((e) => e.ifname === 'eth0');
  const defaultNet = engine.findNetwork('bridge')!;
  const onDefault = eth0 && eth0.networkId === defaultNet.id;
  const userEnv = c.env.filter((e) => !image.env.includes(e));
  // Config.Volumes: `-v /path` targets and the image's VOLUMEs.
  const configVolumes = [...new Set([...(image.volumes ?? []), ...c.mountConfig.anonymous])].sort();
  const exposed = goMap(Object.fromEntries(c.exposed.map((e) => [e, {}])));
  const r = c.settings.resources;
  const stopSignal = c.settings.stopSignal ?? image.stopSignal;
  const legacyLinks = c.legacyLinks.map((l) => `/${engine.findContainer(l.target)?.name ?? l.target}:/${c.name}/${l.alias}`);
  return {
    Id: c.id,
    Created: goTime(c.created),
    Path: processArgv(c)[0] ?? '',
    Args: processArgv(c).slice(1),
    State: goStruct({
      Status: restarting ? 'restarting' : c.state,
      // SetRestarting: a container waiting for its restart counts as running (without a process).
      Running: running || restarting,
      Paused: c.state === 'paused',
      Restarting: restarting,
      OOMKilled: false,
      Dead: false,
      Pid: running ? 4242 : 0,
      ExitCode: c.exitCode,
      Error: c.error ?? '',
      StartedAt: c.startedAt === undefined ? ZERO_TIME : goTime(c.startedAt),
      FinishedAt: c.finishedAt === undefined ? ZERO_TIME : goTime(c.finishedAt),
      ...(c.health ? { Health: healthObject(c.health) } : {}),
    }, 'container.State', { Health: null }),
    Image: image.id,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: c.restart.count,
    Driver: 'vfs',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: goNil('slice'),
    HostConfig: goStruct({
      Binds: sliceOrNil(c.mountConfig.binds),
      ContainerIDFile: '',
      LogConfig: { Type: c.settings.logConfig.type, Config: goMap(sortedKeys(c.settings.logConfig.config)) },
      NetworkMode: networkModeText(engine, c),
      PortBindings: portBindings(c),
      RestartPolicy: { Name: c.settings.restartPolicy.name, MaximumRetryCount: c.settings.restartPolicy.maximumRetryCount },
      AutoRemove: c.autoRemove,
      VolumeDriver: '',
      VolumesFrom: sliceOrNil(c.mountConfig.volumesFrom),
      ConsoleSize: [0, 0],
      CapAdd: sliceOrNil(c.capAdd),
      CapDrop: sliceOrNil(c.capDrop),
      CgroupnsMode: 'host',
      Dns: c.dns,
      DnsOptions: c.settings.dnsOptions,
      DnsSearch: c.dnsSearch,
      ExtraHosts: sliceOrNil(c.extraHosts.map((h) => `${h.name}:${h.ip}`)),
      GroupAdd: sliceOrNil(c.settings.groupAdd),
      IpcMode: c.settings.ipcMode,
      Cgroup: '',
      Links: sliceOrNil(legacyLinks),
      OomScoreAdj: c.settings.oomScoreAdj,
      PidMode: c.settings.pidMode,
      Privileged: c.privileged,
      PublishAllPorts: c.ports.some((p) => !p.requested),
      ReadonlyRootfs: c.settings.readonlyRootfs,
      SecurityOpt: sliceOrNil(c.settings.securityOpt),
      ...(c.settings.tmpfs ? { Tmpfs: goMap(sortedKeys(c.settings.tmpfs)) } : {}),
      UTSMode: c.settings.utsMode,
      UsernsMode: '',
      ShmSize: c.settings.shmSize,
      ...(c.settings.sysctls ? { Sysctls: goMap(sortedKeys(c.settings.sysctls)) } : {}),
      Runtime: 'runc',
      Isolation: '',
      CpuShares: r.cpuShares,
      Memory: r.memory,
      NanoCpus: r.nanoCpus,
      CgroupParent: '',
      BlkioWeight: r.blkioWeight,
      BlkioWeightDevice: [],
      BlkioDeviceReadBps: [],
      BlkioDeviceWriteBps: [],
      BlkioDeviceReadIOps: [],
      BlkioDeviceWriteIOps: [],
      CpuPeriod: r.cpuPeriod,
      CpuQuota: r.cpuQuota,
      CpuRealtimePeriod: r.cpuRealtimePeriod,
      CpuRealtimeRuntime: r.cpuRealtimeRuntime,
      CpusetCpus: r.cpusetCpus,
      CpusetMems: r.cpusetMems,
      Devices: c.settings.devices.map((d) => ({ PathOnHost: d.pathOnHost, PathInContainer: d.pathInContainer, CgroupPermissions: d.cgroupPermissions })),
      DeviceCgroupRules: goNil('slice'),
      DeviceRequests: c.settings.deviceRequests ? c.settings.deviceRequests.map((d) => ({ Driver: d.driver, Count: d.count, DeviceIDs: sliceOrNil(d.deviceIds), Capabilities: d.capabilities, Options: goNil('map') })) : goNil('slice'),
      MemoryReservation: r.memoryReservation,
      MemorySwap: r.memorySwap,
      MemorySwappiness: r.memorySwappiness,
      OomKillDisable: r.oomKillDisable,
      PidsLimit: r.pidsLimit,
      Ulimits: r.ulimits.map((u) => ({ Name: u.name, Hard: u.hard, Soft: u.soft })),
      CpuCount: 0,
      CpuPercent: 0,
      IOMaximumIOps: 0,
      IOMaximumBandwidth: 0,
      ...(c.mountConfig.mounts.length > 0 ? { Mounts: c.mountConfig.mounts.map(mountRequestObject) } : {}),
      MaskedPaths: MASKED_PATHS,
      ReadonlyPaths: READONLY_PATHS,
      ...(c.settings.init !== undefined ? { Init: c.settings.init } : {}),
      ...(c.settings.annotations ? { Annotations: goMap(sortedKeys(c.settings.annotations)) } : {}),
    }, 'container.HostConfig', { Init: null, Mounts: goNil('slice'), Sysctls: goNil('map'), Annotations: goNil('map') }),
    GraphDriver: { Data: goMap({ ID: c.id }), Name: 'vfs' },
    Mounts: c.mounts.map(mountObject),
    Config: goStruct({
      Hostname: c.hostname,
      Domainname: c.domainname,
      User: c.user,
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      ...(c.exposed.length > 0 ? { ExposedPorts: exposed } : {}),
      Tty: c.tty,
      OpenStdin: c.interactive,
      StdinOnce: false,
      Env: sliceOrNil(userEnv),
      Cmd: c.cmd,
      Image: c.image,
      Volumes: configVolumes.length > 0 ? goMap(Object.fromEntries(configVolumes.map((v) => [v, {}]))) : goNil('map'),
      WorkingDir: c.workingDir,
      Entrypoint: c.entrypoint.length > 0 ? c.entrypoint : goNil('slice'),
      OnBuild: goNil('slice'),
      Labels: goMap(sortedKeys(c.labels)),
      ...(stopSignal ? { StopSignal: stopSignal } : {}),
      ...(c.settings.healthcheck ? { Healthcheck: healthcheckObject(c.settings.healthcheck) } : {}),
      ...(c.settings.stopTimeout !== undefined ? { StopTimeout: c.settings.stopTimeout } : {}),
    }, 'container.Config', { ExposedPorts: goNil('map'), Healthcheck: null, ArgsEscaped: false, NetworkDisabled: false, MacAddress: c.macAddress, StopSignal: '', StopTimeout: null, Shell: goNil('slice') }),
    NetworkSettings: {
      Bridge: '',
      SandboxID: c.sandboxId ?? '',
      SandboxKey: c.sandboxId ? `/var/run/docker/netns/${c.sandboxId.slice(0, 12)}` : '',
      Ports: livePorts(engine, c),
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      SecondaryIPAddresses: goNil('slice'),
      SecondaryIPv6Addresses: goNil('slice'),
      EndpointID: onDefault ? eth0.id : '',
      Gateway: onDefault ? formatIPv4(defaultNet.pool!.gateway) : '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      IPAddress: onDefault ? formatIPv4(eth0.ip) : '',
      IPPrefixLen: onDefault ? defaultNet.pool!.subnet.prefixLen : 0,
      IPv6Gateway: '',
      MacAddress: onDefault ? eth0.mac : '',
      Networks: networkEntries(engine, c),
    },
  };
}

/** State.Health: Status, FailingStreak and the last probes (Start/End as Go's time.Time JSON). */
function healthObject(h: HealthState): Record<string, unknown> {
  return {
    Status: h.status,
    FailingStreak: h.failingStreak,
    Log: h.log.map((r) => ({ Start: goTime(r.start), End: goTime(r.end), ExitCode: r.exitCode, Output: r.output })),
  };
}
