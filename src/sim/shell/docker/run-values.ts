/**
 * The value types of `docker run`'s flags, checked as docker/cli v28.2.2 checks
 * them while parsing (pflag Value.Set): sizes (go-units RAMInBytes), `--cpus`
 * (a big.Rat), Go integers and durations, ulimits (go-units ParseUlimit),
 * sysctls, labels and the restart policy (opts.ParseRestartPolicy). Each parser
 * returns the value or the error text the client prints after `invalid argument
 * "V" for "--flag" flag: `; test/golden/transcripts/run-flags-values.txt shows them.
 */

import type { DeviceMapping } from '../../docker/devices.ts';

export type Parsed<T> = { value: T } | { error: string };

const RAM_UNITS: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** Go's strconv.ParseFloat on a decimal text; the error names the function as Go does. */
function parseGoFloat(text: string): Parsed<number> {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text) && !/^[+-]?(inf|infinity|nan)$/i.test(text)) {
    return { error: `strconv.ParseFloat: parsing ${goQuote(text)}: invalid syntax` };
  }
  return { value: Number(text.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity')) };
}

function goQuote(text: string): string {
  return JSON.stringify(text);
}

/** go-units RAMInBytes (parseSize with binary units): `256m`, `1.5g`, `64MB`, `1kib`, `100`. */
export function ramInBytes(sizeStr: string): Parsed<number> {
  let sep = -1;
  for (let i = sizeStr.length - 1; i >= 0; i--) {
    if ('0123456789. '.includes(sizeStr[i]!)) {
      sep = i;
      break;
    }
  }
  if (sep === -1) return { error: `invalid size: '${sizeStr}'` };
  const num = sizeStr[sep] === ' ' ? sizeStr.slice(0, sep) : sizeStr.slice(0, sep + 1);
  let sfx = sizeStr.slice(sep + 1);
  const parsed = parseGoFloat(num);
  if ('error' in parsed) return parsed;
  let size = parsed.value;
  if (size < 0) return { error: `invalid size: '${sizeStr}'` };
  if (sfx.length === 0) return { value: Math.trunc(size) };
  const badSuffix = () => ({ error: `invalid suffix: '${sfx}'` });
  if (sfx.length > 3) return badSuffix();
  sfx = sfx.toLowerCase();
  if (sfx[0] === 'b') return sfx.length > 1 ? badSuffix() : { value: Math.trunc(size) };
  const mul = RAM_UNITS[sfx[0]!];
  if (mul === undefined) return badSuffix();
  size *= mul;
  if ((sfx.length === 2 && sfx[1] !== 'b') || (sfx.length === 3 && sfx.slice(1) !== 'ib')) return badSuffix();
  return { value: Math.trunc(size) };
}

/** opts.MemSwapBytes: `-1` is unlimited swap, anything else RAMInBytes. */
export function memSwapBytes(value: string): Parsed<number> {
  return value === '-1' ? { value: -1 } : ramInBytes(value);
}

/** opts.ParseCPUs: a rational number (`0.5`, `1/2`, `1.5e0`) times 1e9, which must come out whole. */
export function nanoCpus(value: string): Parsed<number> {
  const rational = parseRat(value);
  if (!rational) return { error: `failed to parse ${value} as a rational number` };
  const [num, den] = rational;
  const nano = num * 1_000_000_000n;
  if (nano % den !== 0n) return { error: 'value is too precise' };
  return { value: Number(nano / den) };
}

/** Go's big.Rat SetString: `a/b` with integers, or a decimal with an optional exponent. */
function parseRat(text: string): [bigint, bigint] | undefined {
  const fraction = /^([+-]?\d+)\/(\d+)$/.exec(text);
  if (fraction) {
    const den = BigInt(fraction[2]!);
    return den === 0n ? undefined : [BigInt(fraction[1]!), den];
  }
  const decimal = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!decimal || (decimal[2] === '' && (decimal[3] ?? '') === '')) return undefined;
  const digits = `${decimal[2]}${decimal[3] ?? ''}`;
  const exponent = Number(decimal[4] ?? '0') - (decimal[3] ?? '').length;
  if (Math.abs(exponent) > 1000) return undefined;
  let num = BigInt(digits) * (decimal[1] === '-' ? -1n : 1n);
  let den = 1n;
  if (exponent >= 0) num *= 10n ** BigInt(exponent);
  else den = 10n ** BigInt(-exponent);
  return [num, den];
}

/** strconv.ParseInt(s, 0, bits) as pflag's int flags call it (base prefixes and `_` allowed). */
export function goInt(text: string, bits = 64): Parsed<number> {
  const m = /^([+-]?)(0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0(?:_?[0-7])*|[1-9](?:_?\d)*)$/.exec(text);
  if (!m) return { error: `strconv.ParseInt: parsing ${goQuote(text)}: invalid syntax` };
  const body = m[2]!.replace(/_/g, '');
  const magnitude = /^0[0-7]/.test(body) ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
  const value = m[1] === '-' ? -magnitude : magnitude;
  const limit = 1n << BigInt(bits - 1);
  if (value >= limit || value < -limit) return { error: `strconv.ParseInt: parsing ${goQuote(text)}: value out of range` };
  return { value: Number(value) };
}

/** strconv.ParseUint(s, 0, bits) (`--blkio-weight` is a uint16). */
export function goUint(text: string, bits: number): Parsed<number> {
  const parsed = text.startsWith('-') || text.startsWith('+') ? undefined : goInt(text, 65);
  if (!parsed || 'error' in parsed) return { error: `strconv.ParseUint: parsing ${goQuote(text)}: invalid syntax` };
  if (parsed.value >= 2 ** bits) return { error: `strconv.ParseUint: parsing ${goQuote(text)}: value out of range` };
  return parsed;
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration, in milliseconds: `5s`, `1m30s`, `1.5h`, `0`. */
export function goDuration(text: string): Parsed<number> {
  const invalid = { error: `time: invalid duration ${goQuote(text)}` };
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return { value: 0 };
  if (rest === '') return invalid;
  let total = 0;
  while (rest !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(rest)!;
    if (number[0] === '' || number[0] === '.') return invalid;
    rest = rest.slice(number[0].length);
    const unit = /^[^\d.]*/.exec(rest)![0];
    if (unit === '') return { error: `time: missing unit in duration ${goQuote(text)}` };
    const scale = DURATION_UNITS[unit];
    if (scale === undefined) return { error: `time: unknown unit ${goQuote(unit)} in duration ${goQuote(text)}` };
    total += Number(number[0]) * scale;
    rest = rest.slice(unit.length);
  }
  return { value: sign * total };
}

export interface Ulimit {
  name: string;
  soft: number;
  hard: number;
}

const ULIMIT_NAMES = new Set(['core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack']);

/** go-units ParseUlimit: `name=soft[:hard]`. */
export function parseUlimit(value: string): Parsed<Ulimit> {
  const eq = value.indexOf('=');
  if (eq < 0) return { error: `invalid ulimit argument: ${value}` };
  const name = value.slice(0, eq);
  const limits = value.slice(eq + 1);
  if (!ULIMIT_NAMES.has(name)) return { error: `invalid ulimit type: ${name}` };
  const parts = limits.split(':');
  if (parts.length > 2) return { error: `too many limit value arguments - ${limits}, can only have up to two, \`soft[:hard]\`` };
  const decimal = (s: string): Parsed<number> => (/^[+-]?\d+$/.test(s) ? goInt(s) : { error: `strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax` });
  let hard: number | undefined;
  if (parts.length === 2) {
    const h = decimal(parts[1]!);
    if ('error' in h) return h;
    hard = h.value;
  }
  const soft = decimal(parts[0]!);
  if ('error' in soft) return soft;
  const hardValue = hard ?? soft.value;
  if (hardValue !== -1 && soft.value > hardValue) return { error: `ulimit soft limit must be less than or equal to hard limit: ${soft.value} > ${hardValue}` };
  return { value: { name, soft: soft.value, hard: hardValue } };
}

const NAMESPACED_SYSCTLS = new Set(['kernel.msgmax', 'kernel.msgmnb', 'kernel.msgmni', 'kernel.sem', 'kernel.shmall', 'kernel.shmmax', 'kernel.shmmni', 'kernel.shm_rmid_forced']);

/** opts.ValidateSysctl: only the namespaced ones (IPC, net.*, fs.mqueue.*) in KEY=VALUE form. */
export function checkSysctl(value: string): string | undefined {
  const parts = value.split('=');
  const key = parts[0]!;
  if (parts.length >= 2 && (NAMESPACED_SYSCTLS.has(key) || key.startsWith('net.') || key.startsWith('fs.mqueue.'))) return undefined;
  return `sysctl '${value}' is not allowed`;
}

/** opts.ValidateLabel: a label needs a name before its `=`. */
export function checkLabel(value: string): string | undefined {
  return value.split('=')[0]!.trim() === '' ? `invalid label '${value}': empty name` : undefined;
}

export type RestartPolicyName = '' | 'no' | 'always' | 'on-failure' | 'unless-stopped';

export interface RestartPolicy {
  name: string;
  maximumRetryCount: number;
}

/** opts.ParseRestartPolicy: `NAME[:COUNT]`; the daemon judges the name. */
export function parseRestartPolicy(policy: string): Parsed<RestartPolicy | undefined> {
  if (policy === '') return { value: undefined };
  const colon = policy.indexOf(':');
  const name = colon < 0 ? policy : policy.slice(0, colon);
  const count = colon < 0 ? '' : policy.slice(colon + 1);
  if (colon >= 0 && name === '') return { error: 'invalid restart policy format: no policy provided before colon' };
  let maximumRetryCount = 0;
  if (count !== '') {
    // strconv.Atoi: decimal only, with an optional sign.
    if (!/^[+-]?\d+$/.test(count)) return { error: 'invalid restart policy format: maximum retry count must be an integer' };
    maximumRetryCount = Number(count);
  }
  return { value: { name, maximumRetryCount } };
}

/** Checks for FlagSpec.check: the parser's error, or undefined. */
export function checkWith<T>(parse: (value: string) => Parsed<T>): (value: string) => string | undefined {
  return (value) => {
    const parsed = parse(value);
    return 'error' in parsed ? parsed.error : undefined;
  };
}

/** A parser's value, once the flag parser has accepted it. */
export function valueOf<T>(parse: (value: string) => Parsed<T>, text: string): T {
  const parsed = parse(text);
  if ('error' in parsed) throw new Error(`checked flag value failed again: ${parsed.error}`);
  return parsed.value;
}

const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'windows', 'zos']);
const ARCH_ALIASES: Record<string, string> = { i386: '386', x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm' };
const KNOWN_ARCH = new Set(['386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'ppc64', 'ppc64le', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm']);

/** containerd's platforms.Parse, as `--platform` needs it: `os[/arch[/variant]]` or a lone os or arch, to `os/arch`. */
export function parsePlatform(text: string): Parsed<string> {
  const parts = text.toLowerCase().split('/');
  const arch = (a: string) => ARCH_ALIASES[a] ?? a;
  const invalid = { error: `error parsing specified platform: ${goQuote(text)}: unknown operating system or architecture: invalid argument` };
  if (parts.some((p) => !/^[a-z0-9_-]+$/.test(p)) || parts.length > 3) return invalid;
  if (parts.length === 1) {
    const only = parts[0]!;
    if (KNOWN_OS.has(only)) return { value: `${only}/amd64` };
    if (KNOWN_ARCH.has(arch(only))) return { value: `linux/${arch(only)}` };
    return invalid;
  }
  return { value: `${parts[0]}/${arch(parts[1]!)}` };
}

export interface GpuRequest {
  driver: string;
  /** -1: all. */
  count: number;
  deviceIds: string[];
  capabilities: string[][];
}

/** opts.GpuOpts.Set: `all`, `N`, or `key=value` fields (driver, count, device, capabilities, options) split by commas. */
export function parseGpus(value: string): Parsed<GpuRequest> {
  const req: GpuRequest = { driver: '', count: 0, deviceIds: [], capabilities: [] };
  const seen = new Set<string>();
  const count = (s: string): Parsed<number> => (s === 'all' ? { value: -1 } : /^[+-]?\d+$/.test(s) ? { value: Number(s) } : { error: `count must be an integer: strconv.Atoi: parsing ${goQuote(s)}: invalid syntax` });
  for (const field of value.split(',')) {
    const eq = field.indexOf('=');
    const key = eq < 0 ? field : field.slice(0, eq);
    const val = field.slice(eq + 1);
    if (seen.has(key)) return { error: `gpu request key '${key}' can be specified only once` };
    seen.add(key);
    if (eq < 0) {
      seen.add('count');
      const n = count(key);
      if ('error' in n) return n;
      req.count = n.value;
      continue;
    }
    switch (key) {
      case 'driver':
        req.driver = val;
        break;
      case 'count': {
        const n = count(val);
        if ('error' in n) return n;
        req.count = n.value;
        break;
      }
      case 'device':
        req.deviceIds = val.split(',');
        break;
      case 'capabilities':
        req.capabilities = [[...val.split(','), 'gpu']];
        break;
      case 'options':
        break;
      default:
        return { error: `unexpected key '${key}' in '${field}'` };
    }
  }
  if (req.capabilities.length === 0) req.capabilities = [['gpu']];
  return { value: req };
}

/** validDeviceMode: a non-empty mix of r, w and m, each at most once. */
function validDeviceMode(mode: string): boolean {
  return mode !== '' && /^[rwm]+$/.test(mode) && new Set(mode).size === mode.length;
}

/**
 * The client's check of a `--device` value (opts.validateLinuxPath with
 * validDeviceMode): HOST[:CONTAINER][:MODE], the container path absolute.
 * Returns the client's message, or undefined when the value is well formed.
 */
export function deviceSpecProblem(spec: string): string | undefined {
  const parts = spec.split(':');
  if (parts.length > 3 || parts[0] === '') return `bad format for path: ${spec}`;
  let containerPath = parts[0]!;
  if (parts.length === 2 && !validDeviceMode(parts[1]!)) containerPath = parts[1]!;
  if (parts.length === 3) {
    containerPath = parts[1]!;
    if (!validDeviceMode(parts[2]!)) return `bad mode specified: ${parts[2]!}`;
  }
  return containerPath.startsWith('/') ? undefined : `${containerPath} is not an absolute path`;
}

/**
 * The client's parseLinuxDevice: HOST[:CONTAINER][:PERMISSIONS], permissions
 * `rwm` unless given, the container path the host's unless given. (With three
 * parts a valid mode in the middle is taken as the permissions, as the client's
 * fallthrough does.) Call it on a value deviceSpecProblem passed.
 */
export function parseDevice(spec: string): DeviceMapping {
  const parts = spec.split(':');
  let permissions = 'rwm';
  let target = '';
  if (parts.length === 3) permissions = parts[2]!;
  if (parts.length >= 2) {
    if (validDeviceMode(parts[1]!)) permissions = parts[1]!;
    else target = parts[1]!;
  }
  return { pathOnHost: parts[0]!, pathInContainer: target === '' ? parts[0]! : target, cgroupPermissions: permissions };
}
