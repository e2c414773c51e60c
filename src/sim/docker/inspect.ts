/**
 * `docker network inspect` objects, with Go's field order (the JSON the CLI
 * prints, and the data `-f` templates read). Times are RFC 3339 with
 * nanoseconds, from the virtual clock.
 */
import { formatCidr, formatIPv4 } from '../netfilter/inet.ts';
import type { Engine } from './engine.ts';
import type { Container, Network } from './model.ts';

/** Go's time.Time in JSON: 2026-11-23T22:06:18.161749122Z. */
export function goTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

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
      IPv6Address: '',
    };
  }
  // Containers in host and none mode are listed on those networks without addresses.
  if (n.driver !== 'bridge') {
    const mode = n.driver === 'host' ? 'host' : 'none';
    for (const c of engine.containers.values()) {
      if (c.networkMode.kind !== mode || (c.state !== 'running' && c.state !== 'paused')) continue;
      containers[c.id] = { Name: c.name, EndpointID: c.id, MacAddress: '', IPv4Address: '', IPv6Address: '' };
    }
  }
  return {
    Name: n.name,
    Id: n.id,
    Created: goTime(n.created),
    Scope: 'local',
    Driver: n.driver,
    EnableIPv4: true,
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: n.isDefault || n.driver !== 'bridge' ? null : {}, Config: ipamConfig(n) },
    Internal: n.internal,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: containers,
    Options: n.options,
    Labels: {},
  };
}

/** IPAM.Config: what was asked for; a pool Docker picked shows its subnet and gateway. */
function ipamConfig(n: Network): Record<string, string>[] | null {
  if (!n.pool) return null;
  const cfg = n.config;
  if (cfg.subnet === undefined) return [{ Subnet: formatCidr(n.pool.subnet), Gateway: formatIPv4(n.pool.gateway) }];
  const out: Record<string, string> = { Subnet: cfg.subnet };
  if (cfg.ipRange !== undefined) out.IPRange = cfg.ipRange;
  if (cfg.gateway !== undefined) out.Gateway = cfg.gateway;
  return [out];
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
  const out: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of c.ports) {
    if (!p.requested) continue;
    const key = `${p.containerPort}/${p.proto}`;
    const entry = { HostIp: p.requested.hostIp, HostPort: p.requested.hostPort };
    const list = (out[key] ??= []);
    if (!list.some((e) => e.HostIp === entry.HostIp && e.HostPort === entry.HostPort)) list.push(entry);
  }
  return out;
}

/** `.NetworkSettings.Ports`: exposed ports (null when unpublished), bindings with their IPv6 twins. */
function livePorts(c: Container): Record<string, { HostIp: string; HostPort: string }[] | null> {
  const out: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  if (c.state !== 'running' && c.state !== 'paused') return out;
  if (c.networkMode.kind === 'host' || c.networkMode.kind === 'container') return out;
  for (const e of c.exposed) out[e] = null;
  for (const p of c.ports) {
    const key = `${p.containerPort}/${p.proto}`;
    out[key] = [...(out[key] ?? []), { HostIp: p.hostIp, HostPort: String(p.hostPort) }];
  }
  for (const p of c.ports) {
    if (p.hostIp !== '0.0.0.0') continue;
    const key = `${p.containerPort}/${p.proto}`;
    out[key] = [...(out[key] ?? []), { HostIp: '::', HostPort: String(p.hostPort) }];
  }
  return out;
}

function networkEntries(engine: Engine, c: Container): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (c.networkMode.kind === 'container') return out;
  if (c.networkMode.kind === 'host' || c.networkMode.kind === 'none') {
    const n = engine.findNetwork(c.networkMode.kind)!;
    out[n.name] = endpointEntry(null, n.id, '', '', '', 0, '', null, null, 0, null);
    return out;
  }
  const names = [...c.networkMode.networks].sort();
  for (const ref of names) {
    const n = engine.findNetwork(ref);
    if (!n) continue;
    const ep = c.endpoints.get(n.id);
    const att = c.attachments.get(n.name) ?? c.attachments.get(n.id);
    const ipamConfig = n.isDefault ? null : att?.requestedIp !== undefined ? { IPv4Address: formatIPv4(att.requestedIp) } : {};
    const aliases = n.isDefault ? null : (att?.aliases ?? []);
    const dnsNames = n.isDefault ? null : [c.name, ...(att?.aliases ?? []), c.id.slice(0, 12), ...(c.hostname !== c.id.slice(0, 12) ? [c.hostname] : [])];
    out[n.name] = endpointEntry(
      ipamConfig,
      n.id,
      ep?.id ?? '',
      ep ? formatIPv4(n.pool!.gateway) : '',
      ep ? formatIPv4(ep.ip) : '',
      ep ? n.pool!.subnet.prefixLen : 0,
      ep?.mac ?? '',
      aliases,
      n.isDefault ? null : {},
      att?.gwPriority ?? 0,
      ep ? dnsNames : dnsNames,
    );
  }
  return out;
}

function endpointEntry(ipamConfig: unknown, networkId: string, endpointId: string, gateway: string, ip: string, prefixLen: number, mac: string, aliases: unknown, driverOpts: unknown, gwPriority: number, dnsNames: unknown) {
  return {
    IPAMConfig: ipamConfig,
    Links: null,
    Aliases: aliases,
    MacAddress: mac,
    DriverOpts: driverOpts,
    GwPriority: gwPriority,
    NetworkID: networkId,
    EndpointID: endpointId,
    Gateway: gateway,
    IPAddress: ip,
    IPPrefixLen: prefixLen,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: dnsNames,
  };
}

/** `docker inspect CONTAINER`: Docker 28.5's container JSON, Go's field order. */
export function containerObject(engine: Engine, c: Container): Record<string, unknown> {
  const image = engine.imageOf(c);
  const dir = `${DATA_ROOT}/containers/${c.id}`;
  const running = c.state === 'running' || c.state === 'paused';
  const eth0 = [...c.endpoints.values()].find((e) => e.ifname === 'eth0');
  const defaultNet = engine.findNetwork('bridge')!;
  const onDefault = eth0 && eth0.networkId === defaultNet.id;
  const userEnv = c.env.filter((e) => !image.env.includes(e));
  const exposed = Object.fromEntries(c.exposed.map((e) => [e, {}]));
  const legacyLinks = c.legacyLinks.map((l) => `/${engine.findContainer(l.target)?.name ?? l.target}:/${c.name}/${l.alias}`);
  return {
    Id: c.id,
    Created: goTime(c.created),
    Path: c.cmd[0] ?? '',
    Args: c.cmd.slice(1),
    State: {
      Status: c.state,
      Running: running,
      Paused: c.state === 'paused',
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: running ? 4242 : 0,
      ExitCode: c.exitCode,
      Error: '',
      StartedAt: c.startedAt === undefined ? ZERO_TIME : goTime(c.startedAt),
      FinishedAt: c.finishedAt === undefined ? ZERO_TIME : goTime(c.finishedAt),
    },
    Image: image.id,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: 0,
    Driver: 'vfs',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: null,
    HostConfig: {
      Binds: null,
      ContainerIDFile: '',
      LogConfig: { Type: 'json-file', Config: {} },
      NetworkMode: networkModeText(engine, c),
      PortBindings: portBindings(c),
      RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
      AutoRemove: c.autoRemove,
      VolumeDriver: '',
      VolumesFrom: null,
      ConsoleSize: [0, 0],
      CapAdd: null,
      CapDrop: null,
      CgroupnsMode: 'host',
      Dns: c.dns,
      DnsOptions: [],
      DnsSearch: c.dnsSearch,
      ExtraHosts: c.extraHosts.length > 0 ? c.extraHosts.map((h) => `${h.name}:${h.ip}`) : null,
      GroupAdd: null,
      IpcMode: 'private',
      Cgroup: '',
      Links: legacyLinks.length > 0 ? legacyLinks : null,
      OomScoreAdj: 0,
      PidMode: '',
      Privileged: false,
      PublishAllPorts: c.ports.some((p) => !p.requested),
      ReadonlyRootfs: false,
      SecurityOpt: null,
      UTSMode: '',
      UsernsMode: '',
      ShmSize: 67108864,
      Runtime: 'runc',
      Isolation: '',
      CpuShares: 0,
      Memory: 0,
      NanoCpus: 0,
      CgroupParent: '',
      BlkioWeight: 0,
      BlkioWeightDevice: [],
      BlkioDeviceReadBps: [],
      BlkioDeviceWriteBps: [],
      BlkioDeviceReadIOps: [],
      BlkioDeviceWriteIOps: [],
      CpuPeriod: 0,
      CpuQuota: 0,
      CpuRealtimePeriod: 0,
      CpuRealtimeRuntime: 0,
      CpusetCpus: '',
      CpusetMems: '',
      Devices: [],
      DeviceCgroupRules: null,
      DeviceRequests: null,
      MemoryReservation: 0,
      MemorySwap: 0,
      MemorySwappiness: null,
      OomKillDisable: false,
      PidsLimit: null,
      Ulimits: [],
      CpuCount: 0,
      CpuPercent: 0,
      IOMaximumIOps: 0,
      IOMaximumBandwidth: 0,
      MaskedPaths: MASKED_PATHS,
      ReadonlyPaths: READONLY_PATHS,
    },
    GraphDriver: { Data: { ID: c.id }, Name: 'vfs' },
    Mounts: [],
    Config: {
      Hostname: c.hostname,
      Domainname: '',
      User: '',
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      ...(c.exposed.length > 0 ? { ExposedPorts: exposed } : {}),
      Tty: c.tty,
      OpenStdin: c.interactive,
      StdinOnce: false,
      Env: userEnv.length > 0 ? userEnv : null,
      Cmd: c.cmd,
      Image: c.image,
      Volumes: null,
      WorkingDir: '',
      Entrypoint: null,
      OnBuild: null,
      Labels: {},
      StopSignal: 'SIGKILL',
    },
    NetworkSettings: {
      Bridge: '',
      SandboxID: c.sandboxId ?? '',
      SandboxKey: c.sandboxId ? `/var/run/docker/netns/${c.sandboxId.slice(0, 12)}` : '',
      Ports: livePorts(c),
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
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
