/**
 * The Compose model: a compose file's mapping turned into a project as
 * compose-go v2.9 does it — `${VAR}` interpolation, the schema's checks,
 * the canonical forms (short ports, list environments, `depends_on` lists, the
 * implicit `default` network, project-prefixed network and volume names) and the
 * consistency checks (`service "web" refers to undefined network back: invalid
 * compose project`). Errors are thrown as ComposeError with Compose's words.
 */
import { isMapping } from './yaml.ts';
import { validate } from './schema.ts';

/** A failure Compose reports in one line (or a few) and exit status 1. */
export class ComposeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComposeError';
  }
}

export interface PortConfig {
  mode: string;
  hostIp?: string;
  target: number;
  /** As written: `8080`, `8000-8001`, or absent for an ephemeral port. */
  published?: string;
  protocol: string;
  name?: string;
  appProtocol?: string;
}

export interface ServiceNetwork {
  aliases?: string[];
  ipv4Address?: string;
  /** Other keys as written (ipv6_address, mac_address, priority...), kept for `config`. */
  other: Record<string, unknown>;
}

export interface Dependency {
  condition: string;
  required: boolean;
  restart: boolean;
}

/**
 * A `volumes:` entry of a service: read, checked and printed by `config`, and sent
 * to the engine at `up` (plan.ts serviceMounts).
 */
export interface Mount {
  type: string;
  source?: string;
  target: string;
  readOnly: boolean;
  other: Record<string, unknown>;
}

export interface Service {
  name: string;
  image?: string;
  /** Undefined: the image's; `null` in the file: also the image's. */
  command?: string[];
  entrypoint?: string[];
  containerName?: string;
  hostname?: string;
  restart?: string;
  /** In file order; a null value is a name without a value (taken from the client's environment if set). */
  environment: [string, string | null][];
  labels: [string, string][];
  expose: string[];
  ports: PortConfig[];
  /** Network key -> its settings (null: none given), in file order. */
  networks: Map<string, ServiceNetwork | null>;
  dependsOn: Map<string, Dependency>;
  volumes: Mount[];
  /** `network_mode` (host, none, service:NAME...) instead of networks. */
  networkMode?: string;
  /** Other keys the schema accepts, as written; Compose applies them, vethlab does not model them (but `user`: plan.ts containerOptions). */
  extra: Record<string, unknown>;
}

export interface NetworkDef {
  key: string;
  /** The engine's name: `PROJECT_KEY`, or `name:` (the key itself for an external network). */
  name: string;
  driver?: string;
  driverOpts: Record<string, string>;
  ipam?: { driver?: string; config: { subnet?: string; ipRange?: string; gateway?: string }[] };
  external: boolean;
  internal: boolean;
  attachable: boolean;
  enableIpv6?: boolean;
  labels: [string, string][];
}

export interface VolumeDef {
  key: string;
  name: string;
  driver?: string;
  external: boolean;
  labels: [string, string][];
}

export interface Project {
  name: string;
  workingDir: string;
  configFiles: string[];
  /** By name, sorted (compose-go keeps a map; every listing sorts). */
  services: Map<string, Service>;
  networks: Map<string, NetworkDef>;
  volumes: Map<string, VolumeDef>;
}

// ---- interpolation -------------------------------------------------------------

/**
 * compose-go's template: `$$` is a `$`, `$VAR` and `${VAR}` the variable,
 * `${VAR:-default}` / `${VAR-default}`, `${VAR:+alt}` / `${VAR+alt}`, and
 * `${VAR:?msg}` / `${VAR?msg}` fail when unset. An unset variable warns once per
 * occurrence and reads as empty.
 */
export function interpolate(value: unknown, env: Record<string, string>, warn: (msg: string) => void, path = ''): unknown {
  if (typeof value === 'string') return substitute(value, env, warn, path);
  if (Array.isArray(value)) return value.map((v, i) => interpolate(v, env, warn, `${path}[${i}]`));
  if (isMapping(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env, warn, path ? `${path}.${k}` : k)]));
  return value;
}

function substitute(text: string, env: Record<string, string>, warn: (msg: string) => void, path: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      let depth = 1;
      let j = i + 2;
      while (j < text.length && depth > 0) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}') depth--;
        j++;
      }
      if (depth > 0) throw new ComposeError(`Invalid template: "${text}"`);
      out += expandBraced(text.slice(i + 2, j - 1), text, env, warn, path);
      i = j;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
    if (!m) {
      out += '$';
      i++;
      continue;
    }
    out += lookupVar(m[0], env, warn);
    i += 1 + m[0].length;
  }
  return out;
}

function lookupVar(name: string, env: Record<string, string>, warn: (msg: string) => void): string {
  const v = env[name];
  if (v === undefined) {
    warn(`The ${JSON.stringify(name)} variable is not set. Defaulting to a blank string.`);
    return '';
  }
  return v;
}

function expandBraced(inner: string, whole: string, env: Record<string, string>, warn: (msg: string) => void, path: string): string {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([\s\S]*))?$/.exec(inner);
  if (!m) throw new ComposeError(`Invalid template: "${whole}"`);
  const [, name = '', op, arg = ''] = m;
  const value = env[name];
  const empty = value === undefined || (op?.startsWith(':') === true && value === '');
  switch (op) {
    case undefined:
      return lookupVar(name, env, warn);
    case ':-':
    case '-':
      return empty ? substitute(arg, env, warn, path) : value!;
    case ':+':
    case '+':
      return empty ? '' : substitute(arg, env, warn, path);
    default: {
      if (!empty) return value!;
      const reason = substitute(arg, env, warn, path);
      throw new ComposeError(`error while interpolating ${path}: required variable ${name} is missing a value${reason ? `: ${reason}` : ''}`);
    }
  }
}

const BOOLEAN_PATHS = [
  ['services', '*', 'privileged'],
  ['services', '*', 'read_only'],
  ['services', '*', 'stdin_open'],
  ['services', '*', 'tty'],
  ['services', '*', 'init'],
  ['networks', '*', 'external'],
  ['networks', '*', 'internal'],
  ['networks', '*', 'attachable'],
  ['networks', '*', 'enable_ipv4'],
  ['networks', '*', 'enable_ipv6'],
  ['volumes', '*', 'external'],
];

/**
 * compose-go's casts after interpolation: a string where the model wants a
 * boolean becomes one (YAML 1.1's `yes`, `on`, `y`... with a warning), a port's
 * string target a number.
 */
export function castTypes(dict: Record<string, unknown>, warn: (msg: string) => void): void {
  for (const [top, , key] of BOOLEAN_PATHS) {
    const group = dict[top!];
    if (!isMapping(group)) continue;
    for (const item of Object.values(group)) {
      if (!isMapping(item) || typeof item[key!] !== 'string') continue;
      const value = item[key!] as string;
      const lower = value.toLowerCase();
      if (lower === 'true' || lower === 'false') item[key!] = lower === 'true';
      else if (['y', 'yes', 'on'].includes(lower)) {
        warn(`${JSON.stringify(value)} for boolean is not supported by YAML 1.2, please use \`true\``);
        item[key!] = true;
      } else if (['n', 'no', 'off'].includes(lower)) {
        warn(`${JSON.stringify(value)} for boolean is not supported by YAML 1.2, please use \`false\``);
        item[key!] = false;
      } else throw new ComposeError(`invalid boolean: ${value}`);
    }
  }
  if (isMapping(dict.services)) {
    for (const svc of Object.values(dict.services)) {
      if (!isMapping(svc) || !Array.isArray(svc.ports)) continue;
      for (const p of svc.ports) if (isMapping(p) && typeof p.target === 'string' && /^\d+$/.test(p.target)) p.target = Number(p.target);
    }
  }
}

/** ApplyExtends' check, before the schema's: a service given as something other than a mapping (or nothing). */
export function checkServicesAreMappings(dict: Record<string, unknown>): void {
  const services = dict.services;
  if (services === undefined) return;
  if (!isMapping(services)) throw new ComposeError('services must be a mapping');
  for (const [name, v] of Object.entries(services)) {
    if (v !== null && v !== undefined && !isMapping(v)) throw new ComposeError(`services.${name} must be a mapping`);
  }
}

// ---- from the file's mapping to the project ---------------------------------------

/** compose-go's NormalizeProjectName: lower case, only [a-z0-9_-], no leading `_` or `-`. */
export function normalizeProjectName(s: string): string {
  return (s.toLowerCase().match(/[a-z0-9_-]/g) ?? []).join('').replace(/^[_-]+/, '');
}

export function invalidProjectName(name: string): ComposeError {
  return new ComposeError(`invalid project name ${JSON.stringify(name)}: must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`);
}

/** The schema's verdict on a file's mapping: `validating FILE: PROBLEM`. */
export function validateFile(dict: Record<string, unknown>, file: string): void {
  const problem = validate(dict);
  if (problem !== undefined) throw new ComposeError(`validating ${file}: ${problem}`);
}

/** go-shellwords as compose-go splits a string command: blanks separate words, quotes and backslashes group. */
export function shellSplit(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && /["\\$`]/.test(text[i + 1] ?? '')) word += text[++i];
      else word += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote) throw new ComposeError(`invalid command line string`);
  if (inWord) words.push(word);
  return words;
}

const scalarText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function listOrDict(v: unknown, sep: '='): [string, string | null][] {
  if (Array.isArray(v)) {
    return v.map((item) => {
      const s = String(item);
      const eq = s.indexOf(sep);
      return eq < 0 ? [s, null] : [s.slice(0, eq), s.slice(eq + 1)];
    });
  }
  if (isMapping(v)) return Object.entries(v).map(([k, x]) => [k, x === null || x === undefined ? null : String(x)]);
  return [];
}

/**
 * nat.ParsePortSpecs as compose-go's ParsePortConfig calls it (the go-connections
 * release it vendors, with its capitalised errors): `[IP:][HOST:]CONTAINER[/PROTO]`,
 * ranges of equal length mapped one to one, a host range for one container port kept whole.
 */
export function parseShortPort(spec: string): PortConfig[] {
  const parts = spec.split(':');
  const n = parts.length;
  const last = parts[n - 1]!;
  const ip = n <= 2 ? '' : parts.slice(0, n - 2).join(':');
  const hostPort = n === 1 ? '' : parts[n - 2]!;
  const slash = last.indexOf('/');
  const containerPort = slash < 0 ? last : last.slice(0, slash);
  const proto = slash < 0 || last.slice(slash + 1) === '' ? 'tcp' : last.slice(slash + 1);
  let hostIp = ip;
  if (ip.startsWith('[')) hostIp = ip.replace(/^\[|\]$/g, '');
  else if (ip.includes(':')) throw new ComposeError(`Invalid ip address ${ip}: address ${ip}:: too many colons in address`);
  if (hostIp !== '' && !/^\d{1,3}(\.\d{1,3}){3}$/.test(hostIp) && !hostIp.includes(':')) throw new ComposeError(`Invalid ip address: ${hostIp}`);
  if (containerPort === '') throw new ComposeError(`No port specified: ${spec}<empty>`);
  const range = (t: string) => {
    const m = /^(\d+)(?:-(\d+))?$/.exec(t);
    if (!m) return undefined;
    const start = Number(m[1]);
    const end = m[2] === undefined ? start : Number(m[2]);
    return start > 65535 || end > 65535 || end < start ? undefined : { start, end };
  };
  const c = range(containerPort);
  if (!c) throw new ComposeError(`Invalid containerPort: ${containerPort}`);
  const h = hostPort === '' ? undefined : range(hostPort);
  if (hostPort !== '' && !h) throw new ComposeError(`Invalid hostPort: ${hostPort}`);
  if (h && h.end - h.start !== c.end - c.start && c.end !== c.start) throw new ComposeError(`Invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
  if (!['tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) throw new ComposeError(`Invalid proto: ${proto}`);
  const out: PortConfig[] = [];
  for (let i = 0; i <= c.end - c.start; i++) {
    const p: PortConfig = { mode: 'ingress', target: c.start + i, protocol: proto.toLowerCase() };
    if (hostIp !== '') p.hostIp = hostIp;
    if (h) p.published = c.start === c.end && h.start !== h.end ? `${h.start}-${h.end}` : String(h.start + i);
    out.push(p);
  }
  return out;
}

function portConfigs(v: unknown): PortConfig[] {
  if (!Array.isArray(v)) return [];
  const out: PortConfig[] = [];
  for (const item of v) {
    if (typeof item === 'number' || typeof item === 'string') {
      out.push(...parseShortPort(String(item)));
      continue;
    }
    if (!isMapping(item)) continue;
    const target = Number(item.target);
    const p: PortConfig = { mode: typeof item.mode === 'string' ? item.mode : 'ingress', target, protocol: typeof item.protocol === 'string' ? item.protocol : 'tcp' };
    if (typeof item.host_ip === 'string') p.hostIp = item.host_ip;
    if (item.published !== undefined && item.published !== null && item.published !== '') p.published = String(item.published);
    if (typeof item.name === 'string') p.name = item.name;
    if (typeof item.app_protocol === 'string') p.appProtocol = item.app_protocol;
    out.push(p);
  }
  return out;
}

/** A short volume spec `[SOURCE:]TARGET[:MODE]`: a source with `.`, `/` or `~` is a bind mount, else a named volume. */
export function parseShortVolume(spec: string, workingDir: string): Mount {
  const parts = spec.split(':');
  if (parts.length === 1) return { type: 'volume', target: spec, readOnly: false, other: {} };
  const [source = '', target = '', mode = ''] = parts;
  const bind = /^[./~]/.test(source);
  const m: Mount = { type: bind ? 'bind' : 'volume', source: bind ? absolute(source, workingDir) : source, target, readOnly: mode.split(',').includes('ro'), other: {} };
  m.other = bind ? { bind: { create_host_path: true } } : { volume: {} };
  return m;
}

function absolute(path: string, workingDir: string): string {
  const joined = path.startsWith('/') ? path : path.startsWith('~') ? `/root${path.slice(1)}` : `${workingDir}/${path}`;
  const parts: string[] = [];
  for (const p of joined.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

function mounts(v: unknown, workingDir: string): Mount[] {
  if (!Array.isArray(v)) return [];
  return v.map((item) => {
    if (typeof item === 'string') return parseShortVolume(item, workingDir);
    const o = item as Record<string, unknown>;
    const { type, source, target, read_only: ro, ...other } = o;
    const m: Mount = { type: String(type), target: scalarText(target), readOnly: ro === true || ro === 'true', other };
    if (typeof source === 'string') m.source = type === 'bind' ? absolute(source, workingDir) : source;
    return m;
  });
}

const MODELLED = new Set(['image', 'command', 'entrypoint', 'container_name', 'hostname', 'restart', 'environment', 'labels', 'expose', 'ports', 'networks', 'depends_on', 'volumes', 'network_mode']);

function toService(name: string, raw: Record<string, unknown>, workingDir: string): Service {
  const s: Service = {
    name,
    environment: listOrDict(raw.environment, '='),
    labels: listOrDict(raw.labels, '=').map(([k, v]) => [k, v ?? '']),
    expose: Array.isArray(raw.expose) ? raw.expose.map(String) : [],
    ports: portConfigs(raw.ports),
    networks: new Map(),
    dependsOn: new Map(),
    volumes: mounts(raw.volumes, workingDir),
    extra: {},
  };
  if (typeof raw.image === 'string') s.image = raw.image;
  for (const key of ['command', 'entrypoint'] as const) {
    const v = raw[key];
    if (typeof v === 'string') s[key] = shellSplit(v);
    else if (Array.isArray(v)) s[key] = v.map(String);
  }
  if (typeof raw.container_name === 'string') s.containerName = raw.container_name;
  if (typeof raw.hostname === 'string') s.hostname = raw.hostname;
  if (typeof raw.restart === 'string') s.restart = raw.restart;
  if (typeof raw.network_mode === 'string') s.networkMode = raw.network_mode;
  const nets = raw.networks;
  if (Array.isArray(nets)) for (const n of nets) s.networks.set(String(n), null);
  else if (isMapping(nets)) {
    for (const [k, v] of Object.entries(nets)) {
      if (!isMapping(v)) {
        s.networks.set(k, null);
        continue;
      }
      const { aliases, ipv4_address: ip, ...other } = v;
      const cfg: ServiceNetwork = { other };
      if (Array.isArray(aliases)) cfg.aliases = aliases.map(String);
      if (typeof ip === 'string') cfg.ipv4Address = ip;
      s.networks.set(k, cfg);
    }
  }
  const deps = raw.depends_on;
  if (Array.isArray(deps)) for (const d of deps) s.dependsOn.set(String(d), { condition: 'service_started', required: true, restart: false });
  else if (isMapping(deps)) {
    for (const [k, v] of Object.entries(deps)) {
      const o = isMapping(v) ? v : {};
      s.dependsOn.set(k, { condition: typeof o.condition === 'string' ? o.condition : 'service_started', required: o.required !== false, restart: o.restart === true || o.restart === 'true' });
    }
  }
  for (const [k, v] of Object.entries(raw)) if (!MODELLED.has(k)) s.extra[k] = v;
  // loader/normalize.go: the old spelling of `missing`.
  if (s.extra.pull_policy === 'if_not_present') s.extra.pull_policy = 'missing';
  return s;
}

const asBool = (v: unknown) => v === true || v === 'true';

/**
 * The project from the merged, interpolated and validated mapping: canonical
 * services, the networks and volumes they use (the `default` network when a
 * service names none), and compose-go's consistency checks.
 */
export function toProject(dict: Record<string, unknown>, name: string, workingDir: string, configFiles: string[]): Project {
  const services = new Map<string, Service>();
  const rawServices = isMapping(dict.services) ? dict.services : {};
  for (const key of Object.keys(rawServices).sort()) services.set(key, toService(key, rawServices[key] as Record<string, unknown>, workingDir));
  // A service without networks (and without network_mode) joins `default`.
  for (const s of services.values()) if (s.networks.size === 0 && s.networkMode === undefined) s.networks.set('default', null);

  const networks = new Map<string, NetworkDef>();
  const rawNetworks = isMapping(dict.networks) ? dict.networks : {};
  const declared = new Set(Object.keys(rawNetworks));
  const wanted = new Set([...services.values()].flatMap((s) => [...s.networks.keys()]));
  if (wanted.has('default') && !declared.has('default')) declared.add('default');
  for (const key of [...declared].sort()) {
    // Compose leaves out what no service uses (WithoutUnnecessaryResources).
    if (!wanted.has(key)) continue;
    const raw = isMapping(rawNetworks[key]) ? (rawNetworks[key] as Record<string, unknown>) : {};
    const external = raw.external === true || raw.external === 'true' || isMapping(raw.external);
    const explicit = typeof raw.name === 'string' ? raw.name : isMapping(raw.external) && typeof raw.external.name === 'string' ? raw.external.name : undefined;
    const n: NetworkDef = {
      key,
      name: explicit ?? (external ? key : `${name}_${key}`),
      driverOpts: isMapping(raw.driver_opts) ? Object.fromEntries(Object.entries(raw.driver_opts).map(([k, v]) => [k, String(v)])) : {},
      external,
      internal: asBool(raw.internal),
      attachable: asBool(raw.attachable),
      labels: listOrDict(raw.labels, '=').map(([k, v]) => [k, v ?? '']),
    };
    if (typeof raw.driver === 'string') n.driver = raw.driver;
    if (raw.enable_ipv6 !== undefined) n.enableIpv6 = asBool(raw.enable_ipv6);
    if (isMapping(raw.ipam)) {
      const ipam = raw.ipam;
      const config = Array.isArray(ipam.config) ? ipam.config.filter(isMapping) : [];
      n.ipam = {
        config: config.map((c) => {
          const out: { subnet?: string; ipRange?: string; gateway?: string } = {};
          if (typeof c.subnet === 'string') out.subnet = c.subnet;
          if (typeof c.ip_range === 'string') out.ipRange = c.ip_range;
          if (typeof c.gateway === 'string') out.gateway = c.gateway;
          return out;
        }),
      };
      if (typeof ipam.driver === 'string') n.ipam.driver = ipam.driver;
    }
    networks.set(key, n);
  }

  const volumes = new Map<string, VolumeDef>();
  const rawVolumes = isMapping(dict.volumes) ? dict.volumes : {};
  const usedVolumes = new Set([...services.values()].flatMap((s) => s.volumes.filter((m) => m.type === 'volume' && m.source !== undefined).map((m) => m.source!)));
  for (const key of Object.keys(rawVolumes).sort()) {
    if (!usedVolumes.has(key)) continue;
    const raw = isMapping(rawVolumes[key]) ? (rawVolumes[key] as Record<string, unknown>) : {};
    const external = raw.external === true || raw.external === 'true' || isMapping(raw.external);
    const v: VolumeDef = { key, name: typeof raw.name === 'string' ? raw.name : external ? key : `${name}_${key}`, external, labels: listOrDict(raw.labels, '=').map(([k, x]) => [k, x ?? '']) };
    if (typeof raw.driver === 'string') v.driver = raw.driver;
    volumes.set(key, v);
  }

  const project: Project = { name, workingDir, configFiles, services, networks, volumes };
  checkConsistency(project, new Set(Object.keys(rawNetworks)), new Set(Object.keys(rawVolumes)));
  return project;
}

/** compose-go's checkConsistency and the dependency cycle check, in their order and words. */
function checkConsistency(p: Project, declaredNetworks: Set<string>, declaredVolumes: Set<string>): void {
  for (const s of p.services.values()) {
    if (s.image === undefined && s.extra.build === undefined) throw new ComposeError(`service ${JSON.stringify(s.name)} has neither an image nor a build context specified: invalid compose project`);
    if (s.networkMode !== undefined && s.networks.size > 0) throw new ComposeError(`service ${s.name} declares mutually exclusive \`network_mode\` and \`networks\`: invalid compose project`);
    for (const key of s.networks.keys()) {
      if (key !== 'default' && !declaredNetworks.has(key)) throw new ComposeError(`service ${JSON.stringify(s.name)} refers to undefined network ${key}: invalid compose project`);
    }
    for (const dep of s.dependsOn.keys()) {
      if (!p.services.has(dep)) throw new ComposeError(`service ${JSON.stringify(s.name)} depends on undefined service ${JSON.stringify(dep)}: invalid compose project`);
    }
    for (const m of s.volumes) {
      if (m.type === 'volume' && m.source !== undefined && !declaredVolumes.has(m.source)) throw new ComposeError(`service ${JSON.stringify(s.name)} refers to undefined volume ${m.source}: invalid compose project`);
    }
  }
  const search = (path: string[]): void => {
    const deps = [...(p.services.get(path[path.length - 1]!)?.dependsOn.keys() ?? [])].sort();
    for (const d of deps) {
      const at = path.indexOf(d);
      if (at >= 0) throw new ComposeError(`dependency cycle detected: ${path.slice(at).join(' -> ')} -> ${d}`);
      search([...path, d]);
    }
  };
  for (const name of p.services.keys()) search([name]);
  const names = new Map<string, string>();
  for (const s of p.services.values()) {
    if (s.containerName === undefined) continue;
    const other = names.get(s.containerName);
    if (other !== undefined) throw new ComposeError(`services.${s.name}: container name ${JSON.stringify(s.containerName)} is already in use by service ${other}"`);
    names.set(s.containerName, s.name);
  }
}

/** The services in start order: each after what it depends on, names in order within a level. */
export function dependencyLevels(p: Project, names: Iterable<string> = p.services.keys()): string[][] {
  const wanted = new Set(names);
  const levels: string[][] = [];
  const placed = new Set<string>();
  while (placed.size < wanted.size) {
    const level = [...wanted].filter((n) => !placed.has(n) && [...(p.services.get(n)?.dependsOn.keys() ?? [])].every((d) => placed.has(d) || !wanted.has(d))).sort();
    if (level.length === 0) break;
    levels.push(level);
    for (const n of level) placed.add(n);
  }
  return levels;
}

/** The services `names` need, transitively (`up web` also starts what web depends on). */
export function withDependencies(p: Project, names: string[]): string[] {
  const out = new Set<string>();
  const add = (n: string) => {
    if (out.has(n)) return;
    out.add(n);
    for (const d of p.services.get(n)?.dependsOn.keys() ?? []) add(d);
  };
  names.forEach(add);
  return [...out];
}

export { scalarText };
