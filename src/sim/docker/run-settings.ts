/**
 * A container's HostConfig and Config beyond networking and mounts, as `docker
 * run`'s flags set them: the restart policy, supplementary groups, DNS options, stop
 * signal and timeout, logging, security options, and the resource limits. The
 * limits are kept and shown (`docker inspect`) as dockerd keeps them; nothing in
 * the simulation consumes memory or CPU, so none of them is enforced. Also the
 * daemon's checks of these values (daemon_unix.go verifyPlatformContainerResources,
 * api/types/container ValidateRestartPolicy) with their messages.
 */
import { SERVER } from './engine-facts.ts';
import type { DeviceMapping } from './devices.ts';

export interface RestartPolicy {
  /** `no`, `always`, `on-failure`, `unless-stopped` (anything else is refused). */
  name: string;
  maximumRetryCount: number;
}

export interface Ulimit {
  name: string;
  soft: number;
  hard: number;
}

/** HostConfig.Resources as inspect prints them (0 / '' / null: not set). */
export interface Resources {
  memory: number;
  memoryReservation: number;
  memorySwap: number;
  memorySwappiness: number | null;
  nanoCpus: number;
  cpuShares: number;
  cpuPeriod: number;
  cpuQuota: number;
  cpuRealtimePeriod: number;
  cpuRealtimeRuntime: number;
  cpusetCpus: string;
  cpusetMems: string;
  pidsLimit: number | null;
  blkioWeight: number;
  oomKillDisable: boolean;
  ulimits: Ulimit[];
}

/** Config.Healthcheck: the probe (`CMD-SHELL`, `CMD` or `NONE` first) and its durations in nanoseconds (0 or absent: the default). */
export interface Healthcheck {
  test?: string[];
  interval?: number;
  timeout?: number;
  startPeriod?: number;
  startInterval?: number;
  retries?: number;
}

export interface RunSettings {
  restartPolicy: RestartPolicy;
  /** Config.Healthcheck: `--health-*`/`--no-healthcheck` merged over the image's HEALTHCHECK. */
  healthcheck?: Healthcheck;
  /** HostConfig.GroupAdd: supplementary groups. */
  groupAdd: string[];
  /** HostConfig.DnsOptions: resolv.conf `options`. */
  dnsOptions: string[];
  /** Config.StopSignal / StopTimeout when given. */
  stopSignal?: string;
  stopTimeout?: number;
  securityOpt: string[];
  logConfig: { type: string; config: Record<string, string> };
  oomScoreAdj: number;
  /** HostConfig.ShmSize in bytes (64 MiB unless --shm-size). */
  shmSize: number;
  /** HostConfig.Devices (`--device`): host device nodes given to the container, looked up at each start. */
  devices: DeviceMapping[];
  /** HostConfig.Init (`--init`, `--init=false`): docker-init as PID 1; undefined is the daemon's default (no init). */
  init?: boolean;
  /** HostConfig.DeviceRequests (`--gpus`): the host has no device driver to serve them. */
  deviceRequests?: { driver: string; count: number; deviceIds: string[]; capabilities: string[][] }[];
  /** HostConfig.Sysctls (`--sysctl`): written into the container's namespace at start. */
  sysctls?: Record<string, string>;
  /** HostConfig.Annotations (`--annotation`), when given. */
  annotations?: Record<string, string>;
  /** HostConfig.PidMode, UTSMode and IpcMode: '' is the container's own namespace (IpcMode's is `private`). */
  pidMode: string;
  utsMode: string;
  ipcMode: string;
  /** HostConfig.ReadonlyRootfs (`--read-only`): the root and the files Docker mounts in /etc are read-only. */
  readonlyRootfs: boolean;
  /** HostConfig.Tmpfs (`--tmpfs PATH[:OPTIONS]`): a tmpfs per path, for one run. */
  tmpfs?: Record<string, string>;
  resources: Resources;
}

export const DEFAULT_SHM_SIZE = 64 * 1024 * 1024;
const JSON_FILE_LOG_OPTS = new Set(['max-file', 'max-size', 'compress', 'labels', 'labels-regex', 'env', 'env-regex', 'tag']);
/** linuxMinMemory: 6 MiB. */
const MIN_MEMORY = 6 * 1024 * 1024;

export function defaultResources(): Resources {
  return {
    memory: 0,
    memoryReservation: 0,
    memorySwap: 0,
    memorySwappiness: null,
    nanoCpus: 0,
    cpuShares: 0,
    cpuPeriod: 0,
    cpuQuota: 0,
    cpuRealtimePeriod: 0,
    cpuRealtimeRuntime: 0,
    cpusetCpus: '',
    cpusetMems: '',
    pidsLimit: null,
    blkioWeight: 0,
    oomKillDisable: false,
    ulimits: [],
  };
}

export function defaultRunSettings(): RunSettings {
  return {
    restartPolicy: { name: 'no', maximumRetryCount: 0 },
    groupAdd: [],
    dnsOptions: [],
    securityOpt: [],
    logConfig: { type: 'json-file', config: {} },
    oomScoreAdj: 0,
    shmSize: DEFAULT_SHM_SIZE,
    devices: [],
    pidMode: '',
    utsMode: '',
    ipcMode: 'private',
    readonlyRootfs: false,
    resources: defaultResources(),
  };
}

/** ValidateRestartPolicy: the daemon's word on a policy, or undefined when it is valid. */
export function restartPolicyProblem(policy: RestartPolicy): string | undefined {
  switch (policy.name) {
    case 'always':
    case 'unless-stopped':
    case 'no':
      if (policy.maximumRetryCount === 0) return undefined;
      return `invalid restart policy: maximum retry count can only be used with 'on-failure'${policy.maximumRetryCount < 0 ? ' and cannot be negative' : ''}`;
    case 'on-failure':
      return policy.maximumRetryCount < 0 ? 'invalid restart policy: maximum retry count cannot be negative' : undefined;
    case '':
      return undefined;
    default:
      return `invalid restart policy: unknown policy '${policy.name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`;
  }
}

/** verifyPlatformContainerResources and friends, in the daemon's order: the first problem, or undefined. */
export function resourceProblem(r: Resources): string | undefined {
  if (r.memory !== 0 && r.memory < MIN_MEMORY) return 'Minimum memory limit allowed is 6MB';
  if (r.memory > 0 && r.memorySwap > 0 && r.memorySwap < r.memory) return 'Minimum memoryswap limit should be larger than memory limit, see usage';
  if (r.memorySwappiness !== null && r.memorySwappiness !== -1 && (r.memorySwappiness < 0 || r.memorySwappiness > 100)) {
    return `Invalid value: ${r.memorySwappiness}, valid memory swappiness range is 0-100`;
  }
  if (r.memoryReservation > 0 && r.memoryReservation < MIN_MEMORY) return 'Minimum memory reservation allowed is 6MB';
  if (r.memory > 0 && r.memoryReservation > 0 && r.memory < r.memoryReservation) return 'Minimum memory limit can not be less than memory reservation limit, see usage';
  if (r.nanoCpus > 0 && r.cpuPeriod > 0) return 'Conflicting options: Nano CPUs and CPU Period cannot both be set';
  if (r.nanoCpus > 0 && r.cpuQuota > 0) return 'Conflicting options: Nano CPUs and CPU Quota cannot both be set';
  if (r.nanoCpus < 0 || r.nanoCpus > SERVER.ncpu * 1e9) return `Range of CPUs is from 0.01 to ${SERVER.ncpu}.00, as there are only ${SERVER.ncpu} CPUs available`;
  if (r.cpuPeriod !== 0 && (r.cpuPeriod < 1000 || r.cpuPeriod > 1_000_000)) return 'CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)';
  if (r.cpuQuota > 0 && r.cpuQuota < 1000) return 'CPU cfs quota can not be less than 1ms (i.e. 1000)';
  if (r.blkioWeight > 0 && (r.blkioWeight < 10 || r.blkioWeight > 1000)) return 'Range of blkio weight is from 10 to 1000';
  return undefined;
}

/** containertypes.MinimumDuration. */
const MIN_HEALTH_DURATION_NS = 1e6;

/** daemon validateHealthCheck: the first problem, or undefined. */
export function healthcheckProblem(hc: Healthcheck | undefined): string | undefined {
  if (!hc) return undefined;
  const tooShort = (ns: number | undefined) => ns !== undefined && ns !== 0 && ns < MIN_HEALTH_DURATION_NS;
  if (tooShort(hc.interval)) return 'Interval in Healthcheck cannot be less than 1ms';
  if (tooShort(hc.timeout)) return 'Timeout in Healthcheck cannot be less than 1ms';
  if ((hc.retries ?? 0) < 0) return 'Retries in Healthcheck cannot be negative';
  if (tooShort(hc.startPeriod)) return 'StartPeriod in Healthcheck cannot be less than 1ms';
  if (tooShort(hc.startInterval)) return 'StartInterval in Healthcheck cannot be less than 1ms';
  return undefined;
}

/**
 * daemon/commit.go merge: the container's own healthcheck, with the image's
 * Test when it gives none and the image's durations where its own are zero.
 */
export function mergeHealthcheck(own: Healthcheck | undefined, image: Record<string, unknown> | undefined): Healthcheck | undefined {
  const fromImage: Healthcheck | undefined = image && {
    test: image.Test as string[] | undefined,
    interval: image.Interval as number | undefined,
    timeout: image.Timeout as number | undefined,
    startPeriod: image.StartPeriod as number | undefined,
    startInterval: image.StartInterval as number | undefined,
    retries: image.Retries as number | undefined,
  };
  if (!own) return fromImage;
  if (!fromImage) return own;
  const pick = <K extends keyof Healthcheck>(key: K) => (own[key] === undefined || own[key] === 0 || (Array.isArray(own[key]) && own[key].length === 0) ? fromImage[key] : own[key]);
  const merged: Healthcheck = {};
  for (const key of ['test', 'interval', 'timeout', 'startPeriod', 'startInterval', 'retries'] as const) {
    const value = pick(key);
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/** Config.Healthcheck as inspect prints it (Go's omitempty fields). */
export function healthcheckObject(hc: Healthcheck): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (hc.test && hc.test.length > 0) out.Test = hc.test;
  if (hc.interval) out.Interval = hc.interval;
  if (hc.timeout) out.Timeout = hc.timeout;
  if (hc.startPeriod) out.StartPeriod = hc.startPeriod;
  if (hc.startInterval) out.StartInterval = hc.startInterval;
  if (hc.retries) out.Retries = hc.retries;
  return out;
}

/** The daemon's checks of a new container's settings: the first problem, or undefined. */
export function runSettingsProblem(s: RunSettings, autoRemove: boolean): string | undefined {
  const health = healthcheckProblem(s.healthcheck);
  if (health) return health;
  const resources = resourceProblem(s.resources);
  if (resources) return resources;
  if (s.oomScoreAdj < -1000 || s.oomScoreAdj > 1000) return `Invalid value ${s.oomScoreAdj}, range for oom score adj is [-1000, 1000]`;
  // The json-file driver's options (daemon/logger/jsonfilelog ValidateLogOpt); `none` takes none.
  for (const key of Object.keys(s.logConfig.config)) {
    if (!JSON_FILE_LOG_OPTS.has(key) || s.logConfig.type !== 'json-file') return `unknown log opt '${key}' for ${s.logConfig.type} log driver`;
  }
  // The daemon's IpcMode.Valid (the client passes any value on).
  if (!['none', 'private', 'shareable', 'host'].includes(s.ipcMode) && !/^container:./.test(s.ipcMode)) return `invalid IPC mode: ${s.ipcMode}`;
  for (const [destination, options] of Object.entries(s.tmpfs ?? {})) {
    const problem = tmpfsProblem(destination, options);
    if (problem) return problem;
  }
  const policy = restartPolicyProblem(s.restartPolicy);
  if (policy) return policy;
  if (autoRemove && s.restartPolicy.name !== 'no' && s.restartPolicy.name !== '') return "can't create 'AutoRemove' container with restart policy";
  return undefined;
}

/** Mount flags moby/sys/mount's ParseOptions knows; anything else is filesystem data. */
const MOUNT_FLAGS = new Set(
  'defaults ro rw suid nosuid dev nodev exec noexec sync async dirsync remount mand nomand atime noatime diratime nodiratime bind rbind unbindable runbindable private rprivate shared rshared slave rslave relatime norelatime strictatime nostrictatime'.split(' '),
);
/** The data keys ParseTmpfsOptions accepts. */
const TMPFS_DATA = new Set(['size', 'mode', 'uid', 'gid', 'nr_inodes', 'nr_blocks', 'mpol']);

/** A `--tmpfs` entry's problem (ValidateTmpfsMountDestination, mount.ParseTmpfsOptions), or undefined. */
function tmpfsProblem(destination: string, options: string): string | undefined {
  if (!destination.startsWith('/')) return `invalid mount path: '${destination}' mount path must be absolute`;
  const unknown = options.split(',').filter((o) => o !== '' && !MOUNT_FLAGS.has(o)).find((o) => !TMPFS_DATA.has(o.split('=')[0]!));
  return unknown === undefined ? undefined : `invalid tmpfs option ${JSON.stringify(unknown.split('=')[0])}`;
}

/**
 * daemon/devices.go handleDevice: no device driver is registered on this host
 * (no NVIDIA container toolkit), so any request is incompatible; the error
 * formats the capabilities as Go's %v does (golden run-gpus).
 */
export function deviceRequestProblem(s: RunSettings): string | undefined {
  const req = s.deviceRequests?.[0];
  if (!req) return undefined;
  return `could not select device driver ${JSON.stringify(req.driver)} with capabilities: [${req.capabilities.map((set) => `[${set.join(' ')}]`).join(' ')}]`;
}
