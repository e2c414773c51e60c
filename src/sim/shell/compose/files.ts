/**
 * Where a project comes from, as compose-go's ProjectOptions find it: the
 * compose files (`-f`, `COMPOSE_FILE`, or the default names in the working
 * directory or a parent), the project directory (`--project-directory`, else the
 * first file's), the `.env` file there, and the project name (`-p`,
 * `COMPOSE_PROJECT_NAME`, the file's `name:`, else the directory's name,
 * normalised). Files are read from the client machine's file system.
 */
import { castTypes, checkServicesAreMappings, ComposeError, interpolate, invalidProjectName, normalizeProjectName, toProject, validateFile, type Project, type Service } from './model.ts';
import { isMapping, mergeValues, parseYaml } from './yaml.ts';

/** The client machine's files: content, or an errno name (`ENOENT`, `EISDIR`, `ENOTDIR`). */
export interface HostFiles {
  cwd: string;
  read(path: string): string;
}

export interface ProjectOptions {
  files: string[];
  projectName?: string;
  projectDir?: string;
  envFiles: string[];
  /** The client's environment (interpolation, COMPOSE_PROJECT_NAME, COMPOSE_FILE). */
  env: Record<string, string>;
}

export const DEFAULT_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
const OVERRIDE_FILE_NAMES = ['compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];
const ERRNO: Record<string, string> = { ENOENT: 'no such file or directory', EISDIR: 'is a directory', ENOTDIR: 'not a directory' };

export function absolutePath(cwd: string, path: string): string {
  const parts: string[] = [];
  for (const p of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

const dirname = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';
const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const exists = (host: HostFiles, path: string) => ERRNO[host.read(path)] === undefined || host.read(path) === 'EISDIR';

/** WithDefaultConfigPath: the first default name found in the directory or the nearest parent, and its override file. */
function defaultFiles(host: HostFiles, dir: string, warn: (m: string) => void): string[] {
  for (let d = dir; ; d = dirname(d)) {
    const found = DEFAULT_FILE_NAMES.map((n) => `${d === '/' ? '' : d}/${n}`).filter((p) => exists(host, p));
    if (found.length > 0) {
      if (found.length > 1) {
        warn(`Found multiple config files with supported names: ${found.join(', ')}`);
        warn(`Using ${found[0]}`);
      }
      const overrides = OVERRIDE_FILE_NAMES.map((n) => `${d === '/' ? '' : d}/${n}`).filter((p) => exists(host, p));
      if (overrides.length > 1) {
        warn(`Found multiple override files with supported names: ${overrides.join(', ')}`);
        warn(`Using ${overrides[0]}`);
      }
      return overrides.length > 0 ? [found[0]!, overrides[0]!] : [found[0]!];
    }
    if (d === '/') return [];
  }
}

/** A `.env` file: KEY=VALUE lines, `#` comments, optional quotes. */
function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim().replace(/^export\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    let value = line.slice(eq + 1).trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    else value = value.replace(/\s+#.*$/, '');
    out[line.slice(0, eq).trim()] = value;
  }
  return out;
}

interface Sources {
  files: { path: string; text: string }[];
  workingDir: string;
  /** The client's environment over the `.env` file's. */
  env: Record<string, string>;
}

/** The files to load, read, with the project directory and the interpolation environment. */
function readSources(opts: ProjectOptions, host: HostFiles, warn: (m: string) => void): Sources {
  let paths = opts.files.map((f) => (f === '-' ? f : absolutePath(host.cwd, f)));
  if (paths.length === 0 && opts.env.COMPOSE_FILE) paths = opts.env.COMPOSE_FILE.split(opts.env.COMPOSE_PATH_SEPARATOR || ':').map((f) => absolutePath(host.cwd, f));
  if (paths.length === 0) paths = defaultFiles(host, opts.projectDir ? absolutePath(host.cwd, opts.projectDir) : host.cwd, warn);
  if (paths.length === 0) throw new ComposeError('no configuration file provided: not found');
  const workingDir = opts.projectDir ? absolutePath(host.cwd, opts.projectDir) : dirname(paths[0]!);
  const files = paths.map((path) => {
    if (path === '-') return { path, text: '' };
    const text = host.read(path);
    const errno = ERRNO[text];
    if (errno !== undefined) throw new ComposeError(`${text === 'ENOENT' ? 'open' : 'read'} ${path}: ${errno}`);
    return { path, text };
  });
  let dotEnv: Record<string, string> = {};
  const envFiles = opts.envFiles.length > 0 ? opts.envFiles.map((f) => absolutePath(host.cwd, f)) : [`${workingDir === '/' ? '' : workingDir}/.env`];
  for (const f of envFiles) {
    const text = host.read(f);
    if (ERRNO[text] === undefined) dotEnv = { ...dotEnv, ...parseDotEnv(text) };
    else if (opts.envFiles.length > 0) throw new ComposeError(`couldn't find env file: ${f}`);
  }
  return { files, workingDir, env: { ...dotEnv, ...opts.env } };
}

/** go-yaml's complaint when a file's top level cannot hold `name:` (its value is not a mapping). */
function unmarshalError(value: unknown): string {
  const tag = Array.isArray(value) ? '!!seq' : typeof value === 'number' ? (Number.isInteger(value) ? '!!int' : '!!float') : typeof value === 'boolean' ? '!!bool' : '!!str';
  const shown = tag === '!!seq' ? '' : ` \`${String(value)}\``;
  return `yaml: unmarshal errors:\n  line 1: cannot unmarshal ${tag}${shown} into cli.named`;
}

/**
 * ProjectOptions.ToProject: the project of the files, with its name. `services`
 * are the ones the command names (an unknown one is `no such service: X`).
 */
export function loadProject(opts: ProjectOptions, host: HostFiles, warn: (m: string) => void, services: string[] = []): Project {
  const src = readSources(opts, host, warn);
  const fromEnv = opts.env.COMPOSE_PROJECT_NAME;
  let name = opts.projectName ?? (fromEnv ? fromEnv : undefined);
  if (name !== undefined && normalizeProjectName(name) !== name) throw invalidProjectName(name);
  // Without -p, the client reads each file for `name:` first; a syntax error surfaces there, bare.
  let nameInFile: string | undefined;
  if (opts.projectName === undefined) {
    for (const f of src.files) {
      const parsed = parseYaml(f.text);
      if (!parsed.ok) {
        if (parsed.kind === 'syntax') throw new ComposeError(parsed.message);
        continue;
      }
      if (parsed.value !== undefined && parsed.value !== null && !isMapping(parsed.value)) throw new ComposeError(unmarshalError(parsed.value));
      if (isMapping(parsed.value) && typeof parsed.value.name === 'string' && parsed.value.name !== '') nameInFile = parsed.value.name;
    }
  }
  let dict: Record<string, unknown> = {};
  for (const f of src.files) {
    const parsed = parseYaml(f.text);
    if (!parsed.ok) throw new ComposeError(`failed to parse ${f.path}: ${parsed.message}`);
    if (parsed.value === undefined || parsed.value === null) continue;
    if (!isMapping(parsed.value)) throw new ComposeError('top-level object must be a mapping');
    const interpolated = interpolate(parsed.value, src.env, warn) as Record<string, unknown>;
    castTypes(interpolated, warn);
    checkServicesAreMappings(interpolated);
    validateFile(interpolated, f.path);
    if ('version' in interpolated) {
      warn(`${f.path}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`);
      delete interpolated.version;
    }
    dict = mergeValues(dict, interpolated) as Record<string, unknown>;
  }
  if (Object.keys(dict).length === 0) throw new ComposeError('empty compose file');
  if (name === undefined) {
    const fromFile = nameInFile === undefined ? '' : normalizeProjectName(String(interpolate(nameInFile, src.env, warn)));
    name = fromFile !== '' ? fromFile : normalizeProjectName(basename(src.workingDir));
  }
  if (name === '') throw new ComposeError('project name must not be empty');
  const project = toProject(dict, name, src.workingDir, src.files.map((f) => f.path));
  for (const service of project.services.values()) resolveEnvFiles(service, src.workingDir, host);
  for (const s of services) if (!project.services.has(s)) throw new ComposeError(`no such service: ${s}`);
  return project;
}

/** A service's `env_file` entries: a path, or `{ path, required }` (required unless false). */
function envFileEntries(v: unknown): { path: string; required: boolean }[] {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.flatMap((item) => {
    if (typeof item === 'string') return [{ path: item, required: true }];
    if (isMapping(item) && typeof item.path === 'string') return [{ path: item.path, required: item.required !== false && item.required !== 'false' }];
    return [];
  });
}

/**
 * compose-go's WithServicesEnvironmentResolved: the env files' variables, later files
 * over earlier ones, then the service's `environment` over them all; a required file
 * that is missing ends the load with `env file PATH not found: stat PATH: ...`.
 */
function resolveEnvFiles(service: Service, workingDir: string, host: HostFiles): void {
  const entries = envFileEntries(service.extra.env_file);
  if (entries.length === 0) return;
  const fromFiles = new Map<string, string>();
  for (const { path, required } of entries) {
    const full = absolutePath(workingDir, path);
    const text = host.read(full);
    const errno = ERRNO[text];
    if (errno !== undefined) {
      if (text === 'ENOENT' && !required) continue;
      throw new ComposeError(text === 'ENOENT' ? `env file ${full} not found: stat ${full}: ${errno}` : `failed to load ${full}: read ${full}: ${errno}`);
    }
    for (const [k, v] of Object.entries(parseDotEnv(text))) fromFiles.set(k, v);
  }
  const own = new Set(service.environment.map(([k]) => k));
  service.environment = [...[...fromFiles].filter(([k]) => !own.has(k)), ...service.environment];
  // Resolved into the environment, the files are gone from the model (`config` prints no env_file).
  delete service.extra.env_file;
}

/**
 * projectOrName: commands that work from the engine's labels (ps, logs, stop,
 * down...) load the files only with `-f` or without `-p`; a load that fails
 * still gives COMPOSE_PROJECT_NAME's project when that is set.
 */
export function projectOrName(opts: ProjectOptions, host: HostFiles, warn: (m: string) => void, services: string[] = []): { project?: Project; name: string } {
  if (opts.files.length > 0 || opts.projectName === undefined) {
    try {
      const project = loadProject(opts, host, warn, services);
      return { project, name: project.name };
    } catch (e) {
      if (e instanceof ComposeError && opts.env.COMPOSE_PROJECT_NAME) return { name: opts.env.COMPOSE_PROJECT_NAME };
      throw e;
    }
  }
  return { name: opts.projectName };
}

/** toProjectName: `-p`, else COMPOSE_PROJECT_NAME, else the loaded project's. */
export function projectName(opts: ProjectOptions, host: HostFiles, warn: (m: string) => void): string {
  if (opts.projectName !== undefined) return opts.projectName;
  if (opts.env.COMPOSE_PROJECT_NAME) return opts.env.COMPOSE_PROJECT_NAME;
  return loadProject(opts, host, warn).name;
}
