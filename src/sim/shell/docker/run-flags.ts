/**
 * `docker run`'s and `docker create`'s whole flag set (client 28.2.2's
 * `docker run --help`), each with its value type checked while parsing, and the
 * settings they give the daemon (restart policy, groups, labels, DNS options,
 * limits...). A flag whose behaviour the simulation does not have is refused
 * with one `vethlab:` line naming it, never accepted and ignored.
 */
import { defaultRunSettings, type Healthcheck, type RunSettings } from '../../docker/run-settings.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { parseDevice, parseGpus, checkLabel, checkSysctl, checkWith, goDuration, goInt, goUint, memSwapBytes, nanoCpus, parseRestartPolicy, parseUlimit, ramInBytes, valueOf, type Ulimit } from './run-values.ts';

const bytes = checkWith(ramInBytes);
const int = checkWith((v) => goInt(v));
const duration = checkWith(goDuration);

/** The flags `docker create` has (run's without -d, --detach-keys and --sig-proxy). */
export const CREATE_FLAGS: readonly FlagSpec[] = [
  { long: 'add-host', kind: 'list' },
  { long: 'annotation', kind: 'list' },
  { long: 'attach', short: 'a', kind: 'list' },
  { long: 'blkio-weight', kind: 'string', check: checkWith((v) => goUint(v, 16)) },
  { long: 'blkio-weight-device', kind: 'list' },
  { long: 'cap-add', kind: 'list' },
  { long: 'cap-drop', kind: 'list' },
  { long: 'cgroup-parent', kind: 'string' },
  { long: 'cgroupns', kind: 'string' },
  { long: 'cidfile', kind: 'string' },
  { long: 'cpu-count', kind: 'string', check: int },
  { long: 'cpu-percent', kind: 'string', check: int },
  { long: 'cpu-period', kind: 'string', check: int },
  { long: 'cpu-quota', kind: 'string', check: int },
  { long: 'cpu-rt-period', kind: 'string', check: int },
  { long: 'cpu-rt-runtime', kind: 'string', check: int },
  { long: 'cpu-shares', short: 'c', kind: 'string', check: int },
  { long: 'cpus', kind: 'string', check: checkWith(nanoCpus) },
  { long: 'cpuset-cpus', kind: 'string' },
  { long: 'cpuset-mems', kind: 'string' },
  { long: 'device', kind: 'list' },
  { long: 'device-cgroup-rule', kind: 'list' },
  { long: 'device-read-bps', kind: 'list' },
  { long: 'device-read-iops', kind: 'list' },
  { long: 'device-write-bps', kind: 'list' },
  { long: 'device-write-iops', kind: 'list' },
  { long: 'disable-content-trust', kind: 'bool' },
  { long: 'dns', kind: 'list' },
  { long: 'dns-option', kind: 'list' },
  { long: 'dns-search', kind: 'list' },
  { long: 'domainname', kind: 'string' },
  { long: 'entrypoint', kind: 'string' },
  { long: 'env', short: 'e', kind: 'list' },
  { long: 'env-file', kind: 'list' },
  { long: 'expose', kind: 'list' },
  { long: 'gpus', kind: 'string', check: checkWith(parseGpus) },
  { long: 'group-add', kind: 'list' },
  { long: 'health-cmd', kind: 'string' },
  { long: 'health-interval', kind: 'string', check: duration },
  { long: 'health-retries', kind: 'string', check: int },
  { long: 'health-start-interval', kind: 'string', check: duration },
  { long: 'health-start-period', kind: 'string', check: duration },
  { long: 'health-timeout', kind: 'string', check: duration },
  { long: 'hostname', short: 'h', kind: 'string' },
  { long: 'init', kind: 'bool' },
  { long: 'interactive', short: 'i', kind: 'bool' },
  { long: 'io-maxbandwidth', kind: 'string', check: bytes },
  { long: 'io-maxiops', kind: 'string', check: checkWith((v) => goUint(v, 64)) },
  { long: 'ip', kind: 'string' },
  { long: 'ip6', kind: 'string' },
  { long: 'ipc', kind: 'string' },
  { long: 'isolation', kind: 'string' },
  { long: 'kernel-memory', kind: 'string', check: bytes },
  { long: 'label', short: 'l', kind: 'list', check: checkLabel },
  { long: 'label-file', kind: 'list' },
  { long: 'link', kind: 'list' },
  { long: 'link-local-ip', kind: 'list' },
  { long: 'log-driver', kind: 'string' },
  { long: 'log-opt', kind: 'list' },
  { long: 'mac-address', kind: 'string' },
  { long: 'memory', short: 'm', kind: 'string', check: bytes },
  { long: 'memory-reservation', kind: 'string', check: bytes },
  { long: 'memory-swap', kind: 'string', check: checkWith(memSwapBytes) },
  { long: 'memory-swappiness', kind: 'string', check: int },
  { long: 'mount', kind: 'list' },
  { long: 'name', kind: 'string' },
  { long: 'network', kind: 'list' },
  { long: 'net', kind: 'list' },
  { long: 'network-alias', kind: 'list' },
  { long: 'no-healthcheck', kind: 'bool' },
  { long: 'oom-kill-disable', kind: 'bool' },
  { long: 'oom-score-adj', kind: 'string', check: int },
  { long: 'pid', kind: 'string' },
  { long: 'pids-limit', kind: 'string', check: int },
  { long: 'platform', kind: 'string' },
  { long: 'privileged', kind: 'bool' },
  { long: 'publish', short: 'p', kind: 'list' },
  { long: 'publish-all', short: 'P', kind: 'bool' },
  { long: 'pull', kind: 'string' },
  { long: 'quiet', short: 'q', kind: 'bool' },
  { long: 'read-only', kind: 'bool' },
  { long: 'restart', kind: 'string' },
  { long: 'rm', kind: 'bool' },
  { long: 'runtime', kind: 'string' },
  { long: 'security-opt', kind: 'list' },
  { long: 'shm-size', kind: 'string', check: bytes },
  { long: 'stop-signal', kind: 'string' },
  { long: 'stop-timeout', kind: 'string', check: int },
  { long: 'storage-opt', kind: 'list' },
  { long: 'sysctl', kind: 'list', check: checkSysctl },
  { long: 'tmpfs', kind: 'list' },
  { long: 'tty', short: 't', kind: 'bool' },
  { long: 'ulimit', kind: 'list', check: checkWith(parseUlimit) },
  { long: 'use-api-socket', kind: 'bool' },
  { long: 'user', short: 'u', kind: 'string' },
  { long: 'userns', kind: 'string' },
  { long: 'uts', kind: 'string' },
  { long: 'volume', short: 'v', kind: 'list' },
  { long: 'volume-driver', kind: 'string' },
  { long: 'volumes-from', kind: 'list' },
  { long: 'workdir', short: 'w', kind: 'string' },
];

export const RUN_FLAGS: readonly FlagSpec[] = [
  ...CREATE_FLAGS,
  { long: 'detach', short: 'd', kind: 'bool' },
  { long: 'detach-keys', kind: 'string' },
  { long: 'sig-proxy', kind: 'bool' },
];

/**
 * Flags whose effect the simulation does not have yet: refused by name. (The
 * resource limits are kept and shown instead: nothing here uses memory or CPU,
 * which README's Limits says.)
 */
const NOT_MODELLED: readonly string[] = [
  'attach', 'blkio-weight-device', 'cgroup-parent', 'cgroupns', 'cpu-count', 'cpu-percent', 'device-cgroup-rule',
  'device-read-bps', 'device-read-iops', 'device-write-bps', 'device-write-iops', 'io-maxbandwidth', 'io-maxiops', 'isolation', 'kernel-memory',
  'link-local-ip', 'runtime', 'storage-opt', 'use-api-socket', 'userns',
  'volume-driver',
];

/** The first flag given whose behaviour is not modelled, as the user would name it. */
export function unmodelledFlag(f: ParsedFlags): string | undefined {
  return NOT_MODELLED.find((name) => f.bools.has(name) || f.strings.has(name) || f.lists.has(name));
}

/** The file side of `--label-file` (opts.ReadKVStrings): its lines, or the open error's text. */
export type ReadFile = (path: string) => { text: string } | { error: string };

/**
 * The settings the flags give the daemon, or the client's own error (printed as
 * `docker: MESSAGE` + "Run 'docker run --help'"). Labels: `--label-file` lines
 * first, then `-l`s, as the client merges them.
 */
export function runSettings(f: ParsedFlags, readFile: ReadFile): { settings: RunSettings; labels?: Record<string, string> } | { error: string } | { refused: string } {
  const settings = defaultRunSettings();
  const restart = parseRestartPolicy(f.strings.get('restart') ?? '');
  if ('error' in restart) return restart;
  if (restart.value) settings.restartPolicy = restart.value;
  const health = healthcheckFlags(f);
  if (health && 'error' in health) return health;
  if (health) settings.healthcheck = health;
  const pull = f.strings.get('pull');
  if (pull !== undefined && !['always', 'missing', 'never'].includes(pull)) return { error: `invalid pull option: '${pull}': must be one of "always", "missing" or "never"` };
  settings.groupAdd = f.lists.get('group-add') ?? [];
  settings.dnsOptions = f.lists.get('dns-option') ?? [];
  settings.securityOpt = f.lists.get('security-opt') ?? [];
  const stopSignal = f.strings.get('stop-signal');
  if (stopSignal !== undefined) settings.stopSignal = stopSignal;
  const stopTimeout = f.strings.get('stop-timeout');
  if (stopTimeout !== undefined) settings.stopTimeout = valueOf(goInt, stopTimeout);
  const logDriver = f.strings.get('log-driver');
  // Docker's built-in drivers besides these write to systems the simulation does not have.
  if (logDriver !== undefined && !['json-file', 'none'].includes(logDriver)) return { refused: `vethlab: the ${logDriver} log driver is not modelled (json-file and none are)` };
  const logOpts = keyValues(f.lists.get('log-opt') ?? []);
  settings.logConfig = { type: logDriver ?? 'json-file', config: logOpts };
  settings.devices = (f.lists.get('device') ?? []).map(parseDevice);
  // The client sends Init only when the flag is given (`--init=false` too).
  if (f.bools.has('init')) settings.init = true;
  else if (f.falses.has('init')) settings.init = false;
  const gpus = f.strings.get('gpus');
  if (gpus !== undefined) settings.deviceRequests = [valueOf(parseGpus, gpus)];
  const sysctls = f.lists.get('sysctl');
  if (sysctls) settings.sysctls = keyValues(sysctls);
  // The client checks --pid and --uts itself (PidMode.Valid, UTSMode.Valid); --ipc is the daemon's to judge.
  const pid = f.strings.get('pid') ?? '';
  if (pid !== '' && pid !== 'host' && !/^container:./.test(pid)) return { error: '--pid: invalid PID mode' };
  const uts = f.strings.get('uts') ?? '';
  if (uts !== '' && uts !== 'host') return { error: '--uts: invalid UTS mode' };
  settings.pidMode = pid;
  settings.utsMode = uts;
  const ipc = f.strings.get('ipc');
  if (ipc !== undefined && ipc !== '') settings.ipcMode = ipc;
  settings.readonlyRootfs = f.bools.has('read-only');
  // The client splits each at its first colon: PATH, then the mount options.
  const tmpfs = f.lists.get('tmpfs');
  if (tmpfs) settings.tmpfs = Object.fromEntries(tmpfs.map((t) => (t.includes(':') ? [t.slice(0, t.indexOf(':')), t.slice(t.indexOf(':') + 1)] : [t, ''])));
  const annotations = f.lists.get('annotation');
  if (annotations) settings.annotations = keyValues(annotations);
  const oomScoreAdj = f.strings.get('oom-score-adj');
  if (oomScoreAdj !== undefined) settings.oomScoreAdj = valueOf(goInt, oomScoreAdj);
  const shm = f.strings.get('shm-size');
  if (shm !== undefined) settings.shmSize = valueOf(ramInBytes, shm);
  const r = settings.resources;
  const size = (flag: string, parse: (v: string) => ReturnType<typeof ramInBytes> = ramInBytes) => {
    const v = f.strings.get(flag);
    return v === undefined ? undefined : valueOf(parse, v);
  };
  const integer = (flag: string) => {
    const v = f.strings.get(flag);
    return v === undefined ? undefined : valueOf(goInt, v);
  };
  r.memory = size('memory') ?? 0;
  r.memoryReservation = size('memory-reservation') ?? 0;
  r.memorySwap = size('memory-swap', memSwapBytes) ?? 0;
  r.memorySwappiness = integer('memory-swappiness') ?? null;
  if (r.memorySwappiness === -1) r.memorySwappiness = null;
  const cpus = f.strings.get('cpus');
  r.nanoCpus = cpus === undefined ? 0 : valueOf(nanoCpus, cpus);
  r.cpuShares = integer('cpu-shares') ?? 0;
  r.cpuPeriod = integer('cpu-period') ?? 0;
  r.cpuQuota = integer('cpu-quota') ?? 0;
  r.cpuRealtimePeriod = integer('cpu-rt-period') ?? 0;
  r.cpuRealtimeRuntime = integer('cpu-rt-runtime') ?? 0;
  r.cpusetCpus = f.strings.get('cpuset-cpus') ?? '';
  r.cpusetMems = f.strings.get('cpuset-mems') ?? '';
  // The client sends --pids-limit only when given; 0 or less means no limit.
  const pids = integer('pids-limit');
  r.pidsLimit = pids === undefined ? null : pids;
  const blkio = f.strings.get('blkio-weight');
  r.blkioWeight = blkio === undefined ? 0 : valueOf((v) => goUint(v, 16), blkio);
  r.oomKillDisable = f.bools.has('oom-kill-disable');
  // UlimitOpt keeps one per name (the last wins) and lists them by name.
  const ulimits = new Map<string, Ulimit>();
  for (const u of f.lists.get('ulimit') ?? []) {
    const parsed = valueOf(parseUlimit, u);
    ulimits.set(parsed.name, parsed);
  }
  r.ulimits = [...ulimits.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const labelFiles = f.lists.get('label-file') ?? [];
  const labelLines = f.lists.get('label') ?? [];
  if (labelFiles.length === 0 && labelLines.length === 0) return { settings };
  const lines: string[] = [];
  for (const path of labelFiles) {
    const read = readFile(path);
    if ('error' in read) return read;
    for (const raw of read.text.replace(/^\uFEFF/, '').split('\n')) {
      const line = raw.replace(/^\s+/, '');
      // A file's line without `=` is dropped (ReadKVStrings has no lookup for labels), unlike a bare `-l NAME`.
      if (line === '' || line.startsWith('#') || !line.includes('=')) continue;
      lines.push(line);
    }
  }
  return { settings, labels: keyValues([...lines, ...labelLines]) };
}

/**
 * The client's healthcheck (cli/command/container/opts.go): `--no-healthcheck`
 * gives `["NONE"]` and conflicts with any `--health-*`; otherwise any of them
 * makes a config (`CMD-SHELL` with `--health-cmd`), and negative values are refused.
 */
function healthcheckFlags(f: ParsedFlags): Healthcheck | { error: string } | undefined {
  const nanos = (flag: string) => {
    const v = f.strings.get(flag);
    // goDuration counts milliseconds; the API's durations are nanoseconds.
    return v === undefined ? 0 : Math.round(valueOf(goDuration, v) * 1e6);
  };
  const cmd = f.strings.get('health-cmd') ?? '';
  const interval = nanos('health-interval');
  const timeout = nanos('health-timeout');
  const startPeriod = nanos('health-start-period');
  const startInterval = nanos('health-start-interval');
  const retriesText = f.strings.get('health-retries');
  const retries = retriesText === undefined ? 0 : valueOf((v) => goInt(v), retriesText);
  const given = cmd !== '' || interval !== 0 || timeout !== 0 || startPeriod !== 0 || retries !== 0 || startInterval !== 0;
  if (f.bools.has('no-healthcheck')) return given ? { error: '--no-healthcheck conflicts with --health-* options' } : { test: ['NONE'] };
  if (!given) return undefined;
  const negative = (
    [
      ['interval', interval],
      ['timeout', timeout],
      ['retries', retries],
      ['start-period', startPeriod],
      ['start-interval', startInterval],
    ] as const
  ).find(([, value]) => value < 0);
  if (negative) return { error: `--health-${negative[0]} cannot be negative` };
  return { ...(cmd !== '' ? { test: ['CMD-SHELL', cmd] } : {}), interval, timeout, startPeriod, startInterval, retries };
}

/** `KEY=VALUE` strings to a map (opts.ConvertKVStringsToMap: a bare KEY has an empty value). */
export function keyValues(items: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq < 0) out[item] = '';
    else out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}
