/**
 * The engine's records: networks, containers and their endpoints, as dockerd
 * keeps them (and as `docker inspect` will print them). Plain data; the Engine
 * owns every change.
 */
import type { AddressPool } from './ipam.ts';
import type { AddressPool6 } from './ipam6.ts';
import type { MountConfig, MountPoint } from './volumes.ts';
import type { RunSettings } from './run-settings.ts';
import type { HealthState } from './health-monitor.ts';

export type NetworkDriver = 'bridge' | 'host' | 'null';

export interface Network {
  id: string;
  name: string;
  driver: NetworkDriver;
  /** Virtual time of creation, epoch ms. */
  created: number;
  /** Bridge networks only. */
  bridge?: string;
  /** IPv4 addresses; none on a network created with `--ipv4=false`. */
  pool?: AddressPool;
  /** EnableIPv6 (`--ipv6`): the bridge and its endpoints get IPv6 addresses from here. */
  pool6?: AddressPool6;
  /** An IPv6 subnet and gateway as asked for (a subnet without `--ipv6` is only recorded). */
  config6?: { subnet: string; gateway?: string; /** given with --subnet (`--ip6` needs that) */ requested: boolean };
  /** Families in the order inspect's IPAM.Config lists them: the user's subnets as given, then the pools Docker picked (IPv4, IPv6). */
  configOrder: (4 | 6)[];
  internal: boolean;
  icc: boolean;
  masquerade: boolean;
  /** The default `bridge` network (docker0): no DNS, legacy links. */
  isDefault: boolean;
  /** What the user asked for, as `docker network inspect` shows it in IPAM.Config. */
  config: { subnet?: string; gateway?: string; ipRange?: string };
  /** `-o key=value` options as given. */
  options: Record<string, string>;
  /** `--label`s as given (none: `{}` in inspect). */
  labels?: Record<string, string>;
  /** Created without IPAM options (by Compose): IPAM.Options is `null` in inspect. */
  noIpamOptions?: boolean;
}

/** The protocols `-p` takes (the allocator keeps one port space for each). */
export type PortProto = 'tcp' | 'udp' | 'sctp';

/** One `-p` binding as asked for; the ports it got are on the publishing endpoint (Endpoint.bound). */
export interface PortBinding {
  proto: PortProto;
  containerPort: number;
  /** `0.0.0.0` when no address was given (then `requested.hostIp` is empty). */
  hostIp: string;
  /** The host port asked for; 0: any free one of the ephemeral range. */
  hostPort: number;
  /** The end of a host range (`8000-8010:80`): the first free port of hostPort..hostPortEnd. */
  hostPortEnd?: number;
  /** The host side as the user wrote it (`8080`, `8000-8001`, empty): `.HostConfig.PortBindings` keeps it. */
  requested?: { hostIp: string; hostPort: string };
}

export interface Endpoint {
  id: string;
  networkId: string;
  /** Interface name inside the container (eth0, eth1, ...). */
  ifname: string;
  /** Host-side veth name. */
  hostVeth: string;
  ip: number;
  /** Its IPv6 address, on a network with IPv6 enabled. */
  ip6?: bigint;
  mac: string;
  aliases: string[];
  /** `--ip` given by the user: kept across restarts. */
  requestedIp?: number;
  /** `--link` on a user network: extra DNS names for this container only. */
  links: string[];
  /** The container's published ports are programmed on this endpoint (its first). */
  publishesPorts: boolean;
  /** The host ports it holds, in the order the bridge driver bound them (one docker-proxy each when proxied). */
  bound: BoundPort[];
}

/** A host port bound for a container port: an IPv4 or IPv6 address, or routed with no host port at all. */
export interface BoundPort {
  proto: 'tcp' | 'udp';
  containerPort: number;
  hostIp: string;
  /** 0 on a routed network: the container port is opened, nothing is mapped. */
  hostPort: number;
  /** Whether a docker-proxy listens on the host port (not for routed bindings). */
  proxied: boolean;
}

/** What the user asked for on one network; kept while the container is stopped. */
export interface Attachment {
  aliases: string[];
  requestedIp?: number;
  /** `--mac-address` for this network's interface (the first network's). */
  requestedMac?: string;
  /** `--ip6` given by the user. */
  requestedIp6?: bigint;
  links: string[];
  /** `--gw-priority`: the highest wins the default route, then the name that sorts first. */
  gwPriority: number;
  /** Made by `docker network connect` (whose client always sends an IPAM config and driver options). */
  connected?: boolean;
  /** Endpoint settings as an API client sent them (Compose): an IPAM config (`{}` without an address) or none, and no driver options. */
  sent?: { ipamConfig: boolean };
}

export type ContainerState = 'created' | 'running' | 'paused' | 'exited';

export type NetworkMode =
  | { kind: 'bridge'; networks: string[] }
  | { kind: 'host' }
  | { kind: 'none' }
  | { kind: 'container'; target: string };

export interface Container {
  id: string;
  name: string;
  image: string;
  /** Config.Entrypoint: the image's, or `--entrypoint`'s; the process is entrypoint + cmd. */
  entrypoint: string[];
  cmd: string[];
  env: string[];
  /** Config.WorkingDir: `-w`'s, else the image's (`''`: `/`). */
  workingDir: string;
  /** Config.User: `-u`'s, else the image's USER (`''`: root). */
  user: string;
  hostname: string;
  /** `--domainname`: /etc/hosts names the container HOSTNAME.DOMAIN too. */
  domainname: string;
  /** `--mac-address` as the deprecated Config.MacAddress shows it ('' when not given). */
  macAddress: string;
  created: number;
  state: ContainerState;
  exitCode: number;
  /** State.Error: why the last start failed ('' or absent once one succeeds). */
  error?: string;
  startedAt?: number;
  finishedAt?: number;
  autoRemove: boolean;
  /** `--cap-add` / `--cap-drop` as given (upper-case names without CAP_), and `--privileged`. */
  capAdd: string[];
  capDrop: string[];
  privileged: boolean;
  tty: boolean;
  interactive: boolean;
  networkMode: NetworkMode;
  /** Endpoints while running, by network ID. */
  endpoints: Map<string, Endpoint>;
  /** What the user asked per network (aliases, --ip), kept while stopped. */
  attachments: Map<string, Attachment>;
  ports: PortBinding[];
  /** Exposed ports of the image and `--expose`, as `80/tcp`. */
  exposed: string[];
  /** `--dns`, `--dns-search`, `--add-host NAME:IP`, as given. */
  dns: string[];
  dnsSearch: string[];
  extraHosts: { name: string; ip: string }[];
  /** Legacy links on the default bridge: target container ID and alias. */
  legacyLinks: { target: string; alias: string }[];
  /** The network namespace the container runs in, while running. */
  netns?: string;
  /** What the main process printed, for `docker logs` (across starts). */
  logs: string;
  /** When each line of `logs` was written (epoch ms), line by line (log-stamps.ts). */
  logStamps?: number[];
  /** `--label`s as given (Compose's `com.docker.compose.*`); none: `{}` in inspect. */
  labels?: Record<string, string>;
  /** Its mount points (binds, volumes, tmpfs), by destination. */
  mounts: MountPoint[];
  /** What the user asked for (-v, --mount, --volumes-from), as inspect shows it. */
  mountConfig: MountConfig;
  /** Restart policy, user, DNS options, limits and the rest of `docker run`'s settings. */
  settings: RunSettings;
  /** The restart manager's record: restarts so far (RestartCount), its backoff, the next restart. */
  restart: RestartState;
  /** State.Health: set at the first start of a container with a probe (health-monitor.ts). */
  health?: HealthState;
  /** libnetwork's sandbox for this run (new at every start). */
  sandboxId?: string;
  /** In host or none mode, the endpoint libnetwork makes on that network for this run. */
  sandboxEndpointId?: string;
}

/**
 * daemon/restartmanager: the backoff starts at 100 ms and doubles (at most 1 min),
 * back to 100 ms after a run of 10 s or more; `docker stop`/`kill` cancel it.
 */
export interface RestartState {
  /** RestartCount: restarts by the policy since the last `docker start`. */
  count: number;
  /** Restarts the manager made (its own count, for on-failure's maximum; RestartCount may be changed apart). */
  policyRestarts: number;
  /** The last backoff used, ms (0: none yet). */
  timeoutMs: number;
  /** When the policy restarts the exited container (virtual ms); undefined: it does not. */
  dueAt?: number;
  /** Stopped by the user (`docker stop`/`kill`): the policy leaves it alone. */
  manuallyStopped: boolean;
}
