/**
 * traefik's dynamic configuration from its providers, as v3.5.3 builds it:
 *
 * - docker (pkg/provider/docker config.go, shared.go; pkg/provider/configuration.go):
 *   each running container that is enabled (`traefik.enable`, else exposedByDefault)
 *   gives its `traefik.http.routers.*` and `traefik.http.services.*` labels; a container
 *   without a service gets one named after it (getServiceName: the container's name, or
 *   compose's `service_project`, normalized), a container without a router gets one of
 *   that name with the default rule (`Host(`{{ normalize .Name }}`)`); a server is
 *   `http://IP:PORT`, IP on `traefik.docker.network` (or the provider's network), else
 *   the container's first network, PORT the label's or the lowest exposed port.
 *   Configurations of several containers merge: one service gathers the servers of
 *   every container that defines it alike (replicas), and a router or service defined
 *   differently is dropped with traefik's error.
 * - file (pkg/provider/file): `http.routers` and `http.services` of a YAML file.
 * - internal (pkg/provider/traefik/internal.go): the API and dashboard routers on the
 *   `traefik` entry point with `api.insecure`.
 */
import type { Engine } from '../../docker/engine.ts';
import type { Container } from '../../docker/model.ts';
import { formatIPv4 } from '../../netfilter/inet.ts';
import { parseYaml } from '../compose/yaml.ts';
import type { FileSystem } from '../fs.ts';
import type { StaticConfig } from './config.ts';
import type { LogField } from './log.ts';

export interface Router {
  /** Qualified: `whoami@docker`. */
  name: string;
  provider: string;
  entryPoints: string[];
  middlewares: string[];
  /** As configured (unqualified within its provider). */
  service: string;
  rule: string;
  ruleSyntax?: string;
  priority: number | bigint;
  /** Given the default rule: traefik guards it against requests looping back to it (denyrouterrecursion). */
  defaultRule?: boolean;
}

export interface Service {
  name: string;
  provider: string;
  /** Server URLs (internal services have none). */
  servers: string[];
  internal?: boolean;
  passHostHeader: boolean;
}

export interface LogEvent {
  level: 'error' | 'warn' | 'info';
  message: string;
  fields: Record<string, LogField>;
}

export interface DynamicConfig {
  routers: Router[];
  services: Service[];
  /** What building it logged. */
  events: LogEvent[];
}

/** provider.Normalize: every run of characters that are not letters or digits becomes one `-`. */
export function normalize(name: string): string {
  return name.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '').join('-');
}

function serviceNameOf(c: Container): string {
  const project = c.labels?.['com.docker.compose.project'];
  const service = c.labels?.['com.docker.compose.service'];
  return normalize(project !== undefined && service !== undefined ? `${service}_${project}` : c.name);
}

/** One provider's routers and services by their names, before qualification. */
interface Partial {
  /** Where it came from: the container's `service-ID` (Merge's root), or the file's path. */
  root: string;
  routers: Map<string, Omit<Router, 'name' | 'provider' | 'priority'> & { priority?: number; defaultRule?: boolean }>;
  services: Map<string, { servers: string[]; port?: string; scheme?: string; passHostHeader: boolean }>;
}

/** The default rule's template with the model traefik gives it: `normalize .Name`, `.Name`, `.ContainerName`. */
function defaultRule(template: string, name: string, containerName: string): string | undefined {
  let failed = false;
  const out = template.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
    if (/^normalize\s+\.Name$/.test(expr)) return normalize(name);
    if (expr === '.Name') return name;
    if (expr === '.ContainerName') return containerName;
    failed = true;
    return '';
  });
  return failed ? undefined : out;
}

/** A container's labels as traefik reads them, or why they are not modelled. */
function labelConfig(c: Container, events: LogEvent[]): Partial | undefined {
  const conf: Partial = { root: '', routers: new Map(), services: new Map() };
  for (const [key, value] of Object.entries(c.labels ?? {})) {
    if (!/^traefik\./i.test(key) || /^traefik\.(enable|docker\.network)$/i.test(key)) continue;
    const router = /^traefik\.http\.routers\.([^.]+)\.(rule|entrypoints|service|priority)$/i.exec(key);
    if (router) {
      const name = router[1]!;
      const r = conf.routers.get(name) ?? { entryPoints: [], middlewares: [], service: '', rule: '' };
      conf.routers.set(name, r);
      const field = router[2]!.toLowerCase();
      if (field === 'rule') r.rule = value;
      else if (field === 'entrypoints') r.entryPoints = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
      else if (field === 'service') r.service = value;
      else r.priority = Number(value);
      continue;
    }
    const service = /^traefik\.http\.services\.([^.]+)\.loadbalancer\.(server\.port|server\.scheme|server\.url|passhostheader)$/i.exec(key);
    if (service) {
      const name = service[1]!;
      const s = conf.services.get(name) ?? { servers: [], passHostHeader: true };
      conf.services.set(name, s);
      const field = service[2]!.toLowerCase();
      if (field === 'server.port') s.port = value;
      else if (field === 'server.scheme') s.scheme = value;
      else if (field === 'server.url') s.servers = [value];
      else s.passHostHeader = /^(1|t|true)$/i.test(value);
      continue;
    }
    events.push({ level: 'error', message: `vethlab: traefik's label ${key} (container ${c.name}) is not modelled here; the container is skipped`, fields: {} });
    return undefined;
  }
  return conf;
}

/** The docker provider's configuration from the running containers (ContainerList, then inspect of each). */
function dockerConfig(engine: Engine, cfg: NonNullable<StaticConfig['docker']>, events: LogEvent[], dying: Container | undefined): Partial[] {
  const built: { key: string; conf: Partial }[] = [];
  for (const c of engine.containers.values()) {
    if (c.state !== 'running' || c === dying) continue;
    const enable = c.labels?.['traefik.enable'];
    if (!(enable === undefined ? cfg.exposedByDefault : /^(1|t|true)$/i.test(enable))) continue;
    const conf = labelConfig(c, events);
    if (!conf) continue;
    const serviceName = serviceNameOf(c);
    const containerKey = `${serviceName}-${c.id}`;
    if (conf.services.size === 0) conf.services.set(serviceName, { servers: [], passHostHeader: true });
    let failed = false;
    for (const [name, s] of conf.services) {
      if (s.servers.length > 0) continue;
      const ip = addressOf(engine, c, c.labels?.['traefik.docker.network'] ?? cfg.network, events, containerKey);
      const ports = c.exposed.map((e) => Number(e.split('/')[0])).sort((a, b) => a - b);
      const port = s.port ?? (ports.length > 0 ? String(ports[0]) : '');
      if (ip === '') {
        events.push({ level: 'error', message: '', fields: { container: containerKey, error: `service "${name}" error: unable to find the IP address for the container "/${c.name}": the server is ignored` } });
        failed = true;
        break;
      }
      if (port === '') {
        events.push({ level: 'error', message: '', fields: { container: containerKey, error: `service "${name}" error: port is missing` } });
        failed = true;
        break;
      }
      s.servers = [`${s.scheme ?? 'http'}://${ip}:${port}`];
    }
    if (failed) continue;
    // BuildRouterConfiguration: a default router, the default rule, the one service.
    if (conf.routers.size === 0) {
      if (conf.services.size > 1) {
        events.push({ level: 'info', message: 'Could not create a router for the container: too many services', fields: { container: containerKey } });
      } else conf.routers.set(serviceName, { entryPoints: [], middlewares: [], service: '', rule: '' });
    }
    for (const [name, r] of [...conf.routers]) {
      if (r.rule === '') {
        const rule = defaultRule(cfg.defaultRule, serviceName, c.name);
        if (rule === undefined || rule === '') {
          events.push({ level: 'error', message: rule === undefined ? `vethlab: this defaultRule template is not modelled here` : 'Undefined rule', fields: { container: containerKey, routerName: name } });
          conf.routers.delete(name);
          continue;
        }
        r.rule = rule;
        r.defaultRule = true;
      }
      if (r.service === '') {
        if (conf.services.size > 1) {
          conf.routers.delete(name);
          events.push({ level: 'error', message: `Router ${name} cannot be linked automatically with multiple Services: [${[...conf.services.keys()].map((k) => JSON.stringify(k)).join(' ')}]`, fields: { container: containerKey, routerName: name } });
          continue;
        }
        r.service = [...conf.services.keys()][0]!;
      }
    }
    built.push({ key: containerKey, conf: { ...conf, root: containerKey } });
  }
  return built.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((b) => b.conf);
}

/** getIPAddress: the label's (or provider's) network, else the first the container is on. */
function addressOf(engine: Engine, c: Container, network: string, events: LogEvent[], containerKey: string): string {
  const networks = [...c.endpoints.values()].map((ep) => ({ name: engine.networks.get(ep.networkId)?.name ?? '', ip: formatIPv4(ep.ip) }));
  if (c.networkMode.kind === 'host') return '127.0.0.1';
  if (network !== '') {
    const named = networks.find((n) => n.name === network);
    if (named) return named.ip;
    events.push({ level: 'warn', message: `Could not find network named "${network}" for container "/${c.name}". Maybe you're missing the project's prefix in the label?`, fields: { container: containerKey } });
    // Go ranges over a map here: with several networks the choice is random; vethlab takes the first.
    if (networks[0]) events.push({ level: 'warn', message: `Defaulting to first available network (&{${networks[0].name} ${networks[0].ip}}) for container "/${c.name}".`, fields: { container: containerKey } });
  }
  return networks[0]?.ip ?? '';
}

/**
 * provider.Merge (docker): alike definitions join (a service's servers add up), different
 * ones are dropped with an error naming the roots that defined them. The file provider
 * keeps the first of a name instead, with a warning (file.go).
 */
function merge(provider: string, parts: Partial[], events: LogEvent[]): { routers: Router[]; services: Service[] } {
  const routers = new Map<string, Omit<Router, 'name' | 'provider' | 'priority'> & { priority?: number; defaultRule?: boolean }>();
  const services = new Map<string, { servers: string[]; passHostHeader: boolean }>();
  const routerRoots = new Map<string, string[]>();
  const serviceRoots = new Map<string, string[]>();
  const badRouters = new Set<string>();
  const badServices = new Set<string>();
  const skipped = (kind: string, field: string, name: string) => events.push({ level: 'warn', message: `HTTP ${kind} already configured, skipping`, fields: { providerName: provider, [field]: name } });
  for (const part of parts) {
    for (const [name, s] of part.services) {
      serviceRoots.set(name, [...(serviceRoots.get(name) ?? []), part.root]);
      const existing = services.get(name);
      if (!existing) services.set(name, { servers: [...s.servers], passHostHeader: s.passHostHeader });
      else if (provider === 'file') skipped('service', 'serviceName', name);
      else if (existing.passHostHeader !== s.passHostHeader) badServices.add(name);
      else for (const url of s.servers) if (!existing.servers.includes(url)) existing.servers.push(url);
    }
    for (const [name, r] of part.routers) {
      routerRoots.set(name, [...(routerRoots.get(name) ?? []), part.root]);
      const existing = routers.get(name);
      if (!existing) routers.set(name, r);
      else if (provider === 'file') skipped('router', 'routerName', name);
      else if (JSON.stringify(existing) !== JSON.stringify(r)) badRouters.add(name);
    }
  }
  const roots = (list: string[] | undefined) => ({ json: JSON.stringify(list ?? []) });
  for (const name of badServices) {
    events.push({ level: 'error', message: 'Service defined multiple times with different configurations', fields: { configuration: roots(serviceRoots.get(name)), providerName: provider, serviceName: name } });
    services.delete(name);
  }
  for (const name of badRouters) {
    events.push({ level: 'error', message: 'Router defined multiple times with different configurations', fields: { configuration: roots(routerRoots.get(name)), providerName: provider, routerName: name } });
    routers.delete(name);
  }
  return {
    routers: [...routers].map(([name, r]) => ({ ...r, name: `${name}@${provider}`, provider, priority: r.priority ?? 0 })),
    services: [...services].map(([name, s]) => ({ name: `${name}@${provider}`, provider, servers: s.servers, passHostHeader: s.passHostHeader })),
  };
}

/** The file provider's routers and services (a YAML file, or every YAML file of a directory). */
function fileConfig(files: FileSystem, cfg: NonNullable<StaticConfig['file']>, events: LogEvent[]): Partial[] | undefined {
  const paths = cfg.filename !== '' ? [cfg.filename] : cfg.directory !== '' ? (() => {
    const listed = files.list(cfg.directory);
    return typeof listed === 'string' ? [] : listed.filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => `${cfg.directory.replace(/\/$/, '')}/${f}`);
  })() : [];
  const parts: Partial[] = [];
  for (const path of paths) {
    const text = files.read(path);
    if (typeof text !== 'string' || ['ENOENT', 'EISDIR', 'ENOTDIR'].includes(text)) return undefined;
    const parsed = parseYaml(text);
    if (!parsed.ok) {
      events.push({ level: 'error', message: 'Error while building configuration (for the first time)', fields: { providerName: 'file', error: `vethlab: ${path}: ${parsed.message}` } });
      continue;
    }
    const http = ((parsed.value ?? {}) as { http?: { routers?: Record<string, Record<string, unknown>>; services?: Record<string, { loadBalancer?: { servers?: { url?: string }[]; passHostHeader?: boolean } }> } }).http ?? {};
    const part: Partial = { root: path, routers: new Map(), services: new Map() };
    for (const [name, r] of Object.entries(http.routers ?? {})) {
      const entryPoints = (r.entryPoints ?? r.entrypoints) as string[] | undefined;
      part.routers.set(name, { entryPoints: Array.isArray(entryPoints) ? entryPoints.map(String) : [], middlewares: [], service: String(r.service ?? ''), rule: String(r.rule ?? ''), ...(r.priority !== undefined ? { priority: Number(r.priority) } : {}) });
    }
    for (const [name, s] of Object.entries(http.services ?? {})) {
      const lb = s?.loadBalancer ?? (s as Record<string, unknown> | undefined)?.loadbalancer as typeof s.loadBalancer;
      part.services.set(name, { servers: (lb?.servers ?? []).map((x) => String(x.url ?? '')), passHostHeader: lb?.passHostHeader !== false });
    }
    parts.push(part);
  }
  return parts;
}

/** The API's and the dashboard's routers and services (the internal provider). */
function internalConfig(cfg: StaticConfig): { routers: Router[]; services: Service[] } {
  const routers: Router[] = [];
  const services: Service[] = [{ name: 'noop@internal', provider: 'internal', servers: [], internal: true, passHostHeader: true }];
  if (cfg.api?.insecure) {
    routers.push({ name: 'api@internal', provider: 'internal', entryPoints: ['traefik'], middlewares: [], service: 'api@internal', rule: 'PathPrefix(`/api`)', ruleSyntax: 'default', priority: 9223372036854775806n });
    services.push({ name: 'api@internal', provider: 'internal', servers: [], internal: true, passHostHeader: true });
    if (cfg.api.dashboard) {
      routers.push({ name: 'dashboard@internal', provider: 'internal', entryPoints: ['traefik'], middlewares: ['dashboard_redirect@internal', 'dashboard_stripprefix@internal'], service: 'dashboard@internal', rule: 'PathPrefix(`/`)', ruleSyntax: 'default', priority: 9223372036854775805n });
      services.push({ name: 'dashboard@internal', provider: 'internal', servers: [], internal: true, passHostHeader: true });
    }
  }
  return { routers, services };
}

export interface ProviderState {
  /** Whether the docker provider reaches the daemon (the socket is mounted where its endpoint says). */
  dockerReachable: boolean;
  /** Whether the file provider started (its file was there at start). */
  fileStarted: boolean;
}

/** Everything traefik routes by now: its providers' configurations merged, default entry points filled in. */
export function dynamicConfig(cfg: StaticConfig, engine: Engine, files: FileSystem, state: ProviderState, dying?: Container): DynamicConfig {
  const events: LogEvent[] = [];
  const internal = internalConfig(cfg);
  const routers = [...internal.routers];
  const services = [...internal.services];
  if (cfg.file && state.fileStarted) {
    const parts = fileConfig(files, cfg.file, events);
    if (parts) {
      const merged = merge('file', parts, events);
      routers.push(...merged.routers);
      services.push(...merged.services);
    }
  }
  if (cfg.docker && state.dockerReachable) {
    const merged = merge('docker', dockerConfig(engine, cfg.docker, events, dying), events);
    routers.push(...merged.routers);
    services.push(...merged.services);
  }
  // getDefaultsEntrypoints: the ones marked asDefault, else all but the internal `traefik` one.
  const marked = cfg.entryPoints.filter((e) => e.asDefault);
  const defaults = (marked.length > 0 ? marked : cfg.entryPoints.filter((e) => e.name !== 'traefik')).map((e) => e.name).sort();
  for (const r of routers) if (r.entryPoints.length === 0) r.entryPoints = defaults;
  return { routers: routers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), services: services.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), events };
}
