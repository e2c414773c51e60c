/**
 * traefik v3.5.3's static configuration as tutorials give it (pkg/config/static,
 * pkg/cli: the file loader, then the flags): command-line flags
 * (`--entrypoints.web.address=:80`, `--providers.docker`, `--api.insecure=true`,
 * `--log.level=INFO`, `--accesslog`...), or a traefik.yml found at /etc/traefik/
 * (or named by `--configFile`), which then replaces the flags altogether. Keys are
 * read without regard to case, as paerser reads them. An option outside this set is
 * refused in one `vethlab:` line rather than ignored.
 */
import { parseYaml } from '../compose/yaml.ts';
import type { FileSystem } from '../fs.ts';
import { isLogLevel, type LogLevel } from './log.ts';

export interface EntryPoint {
  name: string;
  port: number;
  /** The address part before the port ('' for every address). */
  host: string;
  asDefault: boolean;
}

export interface StaticConfig {
  entryPoints: EntryPoint[];
  api?: { insecure: boolean; dashboard: boolean };
  docker?: { exposedByDefault: boolean; network: string; endpoint: string; defaultRule: string };
  file?: { filename: string; directory: string };
  logLevel: LogLevel;
  noColor: boolean;
  accessLog: boolean;
  sendAnonymousUsage: boolean;
  /** The static file read (absent: the flags). */
  configFile?: string;
}

/** Options modelled, lower-case, `*` for a name the user chooses. */
const KNOWN = [
  'api', 'api.insecure', 'api.dashboard',
  'entrypoints.*', 'entrypoints.*.address', 'entrypoints.*.asdefault',
  'providers', 'providers.docker', 'providers.docker.exposedbydefault', 'providers.docker.network', 'providers.docker.endpoint', 'providers.docker.defaultrule', 'providers.docker.watch',
  'providers.file', 'providers.file.filename', 'providers.file.directory', 'providers.file.watch', 'providers.providersthrottleduration',
  'log', 'log.level', 'log.nocolor', 'log.format', 'accesslog', 'accesslog.format',
  'global', 'global.sendanonymoususage', 'global.checknewversion', 'configfile',
];

function known(key: string): boolean {
  const parts = key.split('.');
  return KNOWN.some((k) => {
    const kp = k.split('.');
    return kp.length === parts.length && kp.every((p, i) => p === '*' || p === parts[i]!.toLowerCase());
  });
}

/** `--a.b=c`, `--a.b c` (a value that is not a flag), `--a.b` (true): keys as written, values as strings. */
function readFlags(argv: readonly string[]): Map<string, string> | string {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith('-')) return `vethlab: traefik's argument "${word}" is not modelled here (only its flags are)`;
    const body = word.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const key = eq < 0 ? body : body.slice(0, eq);
    let value = eq < 0 ? undefined : body.slice(eq + 1);
    if (value === undefined && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-') && !/^(api|providers\.docker|providers\.file|accesslog|log)$/i.test(key)) value = argv[++i]!;
    out.set(key, value ?? 'true');
  }
  return out;
}

/** A YAML document's keys, flattened to dotted paths; an empty section counts as enabled. */
function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix !== '') out.set(prefix, 'true');
    for (const [k, v] of entries) flatten(v, prefix === '' ? k : `${prefix}.${k}`, out);
    return;
  }
  if (prefix !== '') out.set(prefix, value === null || value === undefined ? 'true' : String(value));
}

const truthy = (v: string | undefined) => v !== undefined && /^(1|t|true)$/i.test(v);

/** The value of a key given in any case. */
function get(opts: Map<string, string>, key: string): string | undefined {
  for (const [k, v] of opts) if (k.toLowerCase() === key) return v;
  return undefined;
}

function has(opts: Map<string, string>, prefix: string): boolean {
  return [...opts.keys()].some((k) => k.toLowerCase() === prefix || k.toLowerCase().startsWith(`${prefix}.`));
}

/** paerser's finder: the given file, or traefik.toml/yaml/yml in /etc/traefik, $HOME/.config, the working directory. */
function findConfigFile(files: FileSystem, given: string | undefined, env: Record<string, string>): { path?: string; error?: string } {
  if (given !== undefined) return files.stat(given) === 'file' ? { path: given } : { error: `vethlab: traefik's --configFile ${given}: the file is not there (traefik's own message for it is not modelled)` };
  const bases = ['/etc/traefik/traefik', ...(env.XDG_CONFIG_HOME ? [`${env.XDG_CONFIG_HOME}/traefik`] : []), ...(env.HOME ? [`${env.HOME}/.config/traefik`] : []), '/traefik'];
  for (const base of bases) for (const ext of ['toml', 'yaml', 'yml']) if (files.stat(`${base}.${ext}`) === 'file') return { path: `${base}.${ext}` };
  return {};
}

/** The static configuration, or what stops traefik before it starts (a `vethlab:` line for what is not modelled). */
export function staticConfig(argv: readonly string[], files: FileSystem, env: Record<string, string>): StaticConfig | { error: string } {
  const flags = readFlags(argv);
  if (typeof flags === 'string') return { error: flags };
  const found = findConfigFile(files, get(flags, 'configfile'), env);
  if (found.error) return { error: found.error };
  let opts = flags;
  // The env loader runs last, only when neither a file nor flags configured traefik.
  const fromEnv = Object.keys(env).filter((k) => k.startsWith('TRAEFIK_'));
  if (found.path === undefined && flags.size === 0 && fromEnv.length > 0) return { error: `vethlab: traefik's configuration from environment variables (${fromEnv.join(', ')}) is not modelled here; give it as flags` };
  if (found.path !== undefined) {
    if (found.path.endsWith('.toml')) return { error: `vethlab: traefik's TOML configuration (${found.path}) is not modelled here; write it as traefik.yml` };
    const text = files.read(found.path);
    const parsed = parseYaml(typeof text === 'string' ? text : '');
    if (!parsed.ok) return { error: `vethlab: ${found.path}: ${parsed.message}` };
    opts = new Map();
    flatten(parsed.value ?? {}, '', opts);
  }
  for (const key of opts.keys()) {
    if (!known(key)) return { error: `vethlab: traefik's option ${found.path ? `${key} (in ${found.path})` : `--${key}`} is not modelled here` };
  }
  const level = (get(opts, 'log.level') ?? 'error').toLowerCase();
  if (get(opts, 'log.format') !== undefined && get(opts, 'log.format') !== 'common') return { error: "vethlab: traefik's log.format other than common is not modelled here" };
  if (get(opts, 'accesslog.format') !== undefined && get(opts, 'accesslog.format') !== 'common') return { error: "vethlab: traefik's accessLog.format other than common is not modelled here" };
  const entryPoints: EntryPoint[] = [];
  for (const [key, value] of opts) {
    const m = /^entrypoints\.([^.]+)\.address$/i.exec(key);
    if (!m) continue;
    const name = key.split('.')[1]!;
    const a = /^(.*):(\d+)(\/tcp)?$/i.exec(value);
    if (!a) return { error: `vethlab: traefik's entry point address ${JSON.stringify(value)} is not modelled here (give HOST:PORT or :PORT)` };
    entryPoints.push({ name, port: Number(a[2]), host: a[1]!.replace(/^\[(.*)\]$/, '$1'), asDefault: truthy(get(opts, `entrypoints.${name.toLowerCase()}.asdefault`)) });
  }
  // SetEffectiveConfiguration: `http` on :80 when none is defined; `traefik` on :8080 for the insecure API.
  if (entryPoints.length === 0) entryPoints.push({ name: 'http', port: 80, host: '', asDefault: false });
  const config: StaticConfig = {
    entryPoints,
    logLevel: isLogLevel(level) ? level : 'error',
    noColor: truthy(get(opts, 'log.nocolor')),
    accessLog: has(opts, 'accesslog'),
    sendAnonymousUsage: truthy(get(opts, 'global.sendanonymoususage')),
  };
  if (found.path !== undefined) config.configFile = found.path;
  if (has(opts, 'api')) {
    config.api = { insecure: truthy(get(opts, 'api.insecure')), dashboard: get(opts, 'api.dashboard') === undefined || truthy(get(opts, 'api.dashboard')) };
    if (config.api.insecure && !entryPoints.some((e) => e.name === 'traefik')) entryPoints.push({ name: 'traefik', port: 8080, host: '', asDefault: false });
  }
  if (has(opts, 'providers.docker')) {
    const exposed = get(opts, 'providers.docker.exposedbydefault');
    config.docker = {
      exposedByDefault: exposed === undefined || truthy(exposed),
      network: get(opts, 'providers.docker.network') ?? '',
      endpoint: get(opts, 'providers.docker.endpoint') ?? 'unix:///var/run/docker.sock',
      defaultRule: get(opts, 'providers.docker.defaultrule') ?? 'Host(`{{ normalize .Name }}`)',
    };
    if (!config.docker.endpoint.startsWith('unix://')) return { error: `vethlab: traefik's docker endpoint ${config.docker.endpoint} is not modelled here (only a unix socket is)` };
  }
  if (has(opts, 'providers.file')) config.file = { filename: get(opts, 'providers.file.filename') ?? '', directory: get(opts, 'providers.file.directory') ?? '' };
  return config;
}
