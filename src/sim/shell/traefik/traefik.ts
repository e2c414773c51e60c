/**
 * traefik v3.5.3 as the official image runs it (`traefik [flags]`): it reads its static
 * configuration (./config.ts), logs its start (cmd/traefik/traefik.go, pkg/provider/
 * aggregator), listens on its entry points, and answers each request by its routers
 * (./dynamic.ts, ./rule.ts): the first that matches, by priority (the rule's length
 * unless set), sends it to its service's servers in turn (round robin: equal weights
 * of WRR) with the headers traefik adds (X-Forwarded-*, X-Real-Ip; Go's transport adds
 * Accept-Encoding: gzip), and passes the answer back; no router: Go's `404 page not
 * found`; a server that cannot be reached: `502 Bad Gateway`. The docker provider reads
 * the engine through the mounted socket: without it, traefik's provider error is logged.
 * With `--api.insecure`, the `traefik` entry point (:8080) serves /api (./api.ts).
 */
import type { Engine } from '../../docker/engine.ts';
import type { Container } from '../../docker/model.ts';
import type { Servers } from '../servers.ts';
import type { FileSystem } from '../fs.ts';
import { goError, goWire, header, parseGoRequest, GO_BAD_REQUEST, type GoRequest, type GoResponse } from '../go-http.ts';
import { bindAll, stillRunning, unbindAll } from '../listen.ts';
import type { ClientData, Command, Listen, Running, Served } from '../types.ts';
import { fail } from '../types.ts';
import { apiAnswer } from './api.ts';
import { staticConfig, type StaticConfig } from './config.ts';
import { dynamicConfig, type DynamicConfig, type LogEvent, type ProviderState, type Router, type Service } from './dynamic.ts';
import { TraefikLog } from './log.ts';
import { matches, parseRule, type RuleTree } from './rule.ts';

/** The image's traefik (catalog.ts: traefik v3.5.3). */
export const TRAEFIK_VERSION = '3.5.3';
/**
 * `Traefik version ... built on DATE`: goreleaser stamps the release job's time; vethlab
 * shows the v3.5.3 tag's commit time (2025-09-26T09:46:03+01:00), minutes before it.
 */
const BUILD_DATE = '2025-09-26T08:46:03Z';

/** Where the docker provider's endpoint is, in the container: the socket mounted from the host. */
const DOCKER_SOCKET = '/var/run/docker.sock';

export interface TraefikPlace {
  engine: Engine;
  servers: Servers;
  container: Container;
  /** The container's files (its mounts included). */
  files: FileSystem;
  /** A name as the container's resolver answers it (a file provider's server URL by container name). */
  resolve: (name: string) => string | undefined;
  /** Docker's container events, as the docker provider watches them (a start or a die rebuilds its configuration). */
  events: Set<(c: Container, action: 'start' | 'die') => void>;
}

/** zerolog's "Provider error, retrying in" duration: the first backoff of 500 ms ± 50 %, fixed here. */
const FIRST_RETRY = '612.5ms';

export function traefikCommand(place: TraefikPlace): Command {
  return (argv, ctx) => {
    const cfg = staticConfig(argv, place.files, ctx.env);
    if ('error' in cfg) return fail(`${cfg.error}\n`, 1);
    const now = () => ctx.kernel.now;
    const log = new TraefikLog(cfg.logLevel, !cfg.noColor && (ctx.env.NO_COLOR ?? '') === '');
    if (log.enabled('debug')) log.text += "vethlab: traefik's DEBUG and TRACE lines (with their callers) are not modelled here; its INFO, WARN and ERROR lines are shown as INFO prints them\n";
    log.write(now(), 'info', `Traefik version ${TRAEFIK_VERSION} built on ${BUILD_DATE}`, { version: TRAEFIK_VERSION });
    if (cfg.sendAnonymousUsage) {
      for (const line of ['Stats collection is enabled.', "Many thanks for contributing to Traefik's improvement by allowing us to receive anonymous information from your configuration.", 'Help us improve Traefik by leaving this feature on :)', 'More details on: https://doc.traefik.io/traefik/contributing/data-collection/']) log.write(now(), 'info', line);
    } else {
      log.write(now(), 'info', '\nStats collection is disabled.\nHelp us improve Traefik by turning this feature on :)\nMore details on: https://doc.traefik.io/traefik/contributing/data-collection/\n');
    }
    const listens: Listen[] = cfg.entryPoints.map((e) => ({ proto: 'tcp', address: e.host === '' ? '::' : e.host, family: e.host === '' || e.host.includes(':') ? 6 : 4, port: e.port }));
    // NewTCPEntryPoints opens each entry point's listener (Go ranges over a map: vethlab takes them in order).
    for (const [i, l] of listens.entries()) {
      const errno = bindAll(ctx, [l], 'traefik');
      if (!errno) continue;
      unbindAll(ctx, listens.slice(0, i));
      const ep = cfg.entryPoints[i]!;
      const why = errno === 'EADDRINUSE' ? 'bind: address already in use' : 'bind: cannot assign requested address';
      log.write(now(), 'error', 'Command error', { error: `error while building entryPoint ${ep.name}: building listener: error opening listener: listen tcp ${ep.host.includes(':') ? `[${ep.host}]` : ep.host}:${ep.port}: ${why}` });
      // traefik's log is on standard output.
      return { stdout: log.take(), stderr: '', exitCode: 1 };
    }
    // The aggregator: the file provider first, the internal one last; the others start in goroutines (their order races).
    log.write(now(), 'info', 'Starting provider aggregator aggregator.ProviderAggregator');
    const mounted = place.container.mounts.some((m) => m.destination === cfg.docker?.endpoint.replace(/^unix:\/\//, '') && m.type === 'bind' && m.source === DOCKER_SOCKET);
    const state: ProviderState = { dockerReachable: mounted, fileStarted: false };
    if (cfg.file) {
      log.write(now(), 'info', 'Starting provider *file.Provider');
      const path = cfg.file.filename !== '' ? cfg.file.filename : cfg.file.directory;
      if (path === '') log.write(now(), 'error', 'Cannot start the provider *file.Provider', { error: 'error using file configuration provider, neither filename nor directory is defined' });
      else if (place.files.stat(path) === undefined) log.write(now(), 'error', 'Cannot start the provider *file.Provider', { error: cfg.file.filename !== '' ? 'error adding file watcher: no such file or directory' : `unable to read directory ${path}: open ${path}: no such file or directory` });
      else state.fileStarted = true;
    }
    log.write(now(), 'info', 'Starting provider *traefik.Provider');
    if (cfg.docker) {
      log.write(now(), 'info', 'Starting provider *docker.Provider');
      if (!mounted) {
        // docker/docker v28.3.3 client: a socket that is not there is a connection failure (client/errors.go connectionFailed).
        const error = `Cannot connect to the Docker daemon at ${cfg.docker.endpoint}. Is the docker daemon running?`;
        log.write(now(), 'error', 'Failed to retrieve information of the docker client and server host', { error, providerName: 'docker' });
        log.write(now(), 'error', `Provider error, retrying in ${FIRST_RETRY}`, { error, providerName: 'docker' });
      }
    }
    log.write(now(), 'info', 'Starting provider *acme.ChallengeTLSALPN');
    const proxy = new TraefikProxy(place, cfg, state, log, now);
    proxy.configuration('start');
    if (cfg.docker && state.dockerReachable) watchEvents(place, proxy);
    const running: Running = {
      process: 'traefik',
      argv: ['traefik', ...argv],
      listens,
      serve: (client): Served => {
        const legs: Served['legs'] = [];
        const reply = proxy.serve(client, legs!);
        return { reply, stdout: proxy.takeAccessLog(), stderr: '', next: running, legs: legs! };
      },
    };
    return { ...stillRunning(running), stdout: log.take() };
  };
}

/**
 * The docker provider's watch: on a container's start or die it lists the containers
 * again and applies the new configuration, logging its errors then, not at the next
 * request. The watch ends with this traefik's run.
 */
function watchEvents(place: TraefikPlace, proxy: TraefikProxy): void {
  const me = place.container;
  const run = me.startedAt;
  const listener = (c: Container, action: 'start' | 'die') => {
    if (me.state !== 'running' || me.startedAt !== run || (c === me && action === 'die')) {
      place.events.delete(listener);
      return;
    }
    if (c === me) return;
    proxy.configuration('event', action === 'die' ? c : undefined);
    me.logs += proxy.takeAccessLog();
  };
  place.events.add(listener);
}

interface Route {
  router: Router;
  tree: RuleTree;
}

class TraefikProxy {
  private readonly turns = new Map<string, number>();
  /** The configuration last applied (routers and services), to tell a changed one. */
  private lastSignature = '';
  private requestCount = 0;
  /** Requests of this traefik being forwarded now (one that comes back to it nests). */
  private depth = 0;
  private accessLog = '';

  constructor(
    private readonly place: TraefikPlace,
    private readonly cfg: StaticConfig,
    private readonly state: ProviderState,
    private readonly log: TraefikLog,
    private readonly now: () => number,
  ) {}

  /** The configuration now, as the providers' last messages built it; what is new in its errors is logged. */
  configuration(trigger: 'start' | 'event' | 'request', dying?: Container): { dynamic: DynamicConfig; routes: Map<string, Route[]>; errors: Map<string, string> } {
    const dynamic = dynamicConfig(this.cfg, this.place.engine, this.place.files, this.state, dying);
    const errors = new Map<string, string>();
    const lines: LogEvent[] = [...dynamic.events];
    const routes = new Map<string, Route[]>();
    for (const ep of this.cfg.entryPoints) {
      const list: Route[] = [];
      for (const router of dynamic.routers.filter((r) => r.entryPoints.includes(ep.name))) {
        const parsed = parseRule(router.rule);
        if ('error' in parsed) {
          errors.set(router.name, parsed.error);
          lines.push({ level: 'error', message: '', fields: { entryPointName: ep.name, routerName: router.name, error: parsed.error } });
          continue;
        }
        if (router.service === '') {
          errors.set(router.name, 'the service is missing on the router');
          lines.push({ level: 'error', message: '', fields: { entryPointName: ep.name, routerName: router.name, error: 'the service is missing on the router' } });
          continue;
        }
        // The service manager refuses a router whose service no provider defines (pkg/server/service/service.go).
        if (!dynamic.services.some((svc) => svc.name === qualified(router))) {
          const missing = `the service ${JSON.stringify(qualified(router))} does not exist`;
          errors.set(router.name, missing);
          lines.push({ level: 'error', message: '', fields: { entryPointName: ep.name, routerName: router.name, error: missing } });
          continue;
        }
        list.push({ router, tree: parsed.tree });
      }
      const priority = (r: Router) => (typeof r.priority === 'bigint' ? Number(r.priority) : r.priority === 0 ? r.rule.length : r.priority);
      list.sort((a, b) => priority(b.router) - priority(a.router));
      routes.set(ep.name, list);
    }
    // The provider logs as it builds (at each Docker event); the routers are rebuilt, and their errors logged
    // again, only when the configuration changed (the watcher skips an unchanged one). A request reads the
    // providers afresh (their watches), and logs only a configuration that changed.
    const signature = JSON.stringify([dynamic.routers, dynamic.services], (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    const changed = signature !== this.lastSignature;
    this.lastSignature = signature;
    if (trigger === 'event' || changed) for (const e of dynamic.events) this.log.write(this.now(), e.level, e.message, e.fields);
    if (changed) for (const l of lines.slice(dynamic.events.length)) this.log.write(this.now(), l.level, l.message, l.fields);
    return { dynamic, routes, errors };
  }

  takeAccessLog(): string {
    const out = this.log.take() + this.accessLog;
    this.accessLog = '';
    return out;
  }

  serve(client: ClientData, legs: NonNullable<Served['legs']>): string {
    const req = parseGoRequest(client.data);
    if (!req) return GO_BAD_REQUEST;
    const ep = this.cfg.entryPoints.find((e) => e.port === client.port) ?? this.cfg.entryPoints[0]!;
    const { dynamic, routes, errors } = this.configuration('request');
    const hostHeader = req.host.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1').toLowerCase();
    const ruleReq = { method: req.method, host: hostHeader, path: req.path, headers: req.headers, query: req.query, clientIp: client.client };
    const route = (routes.get(ep.name) ?? []).find((r) => matches(r.tree, ruleReq));
    let res: GoResponse;
    let serviceUrl = '';
    // denyrouterrecursion: a request that already passed this default-rule router is refused (400, no body).
    const looped = route?.router.defaultRule === true && header(req, 'X-Traefik-Router') === routerHash(route.router.name);
    if (!route) res = goError('404 page not found', 404);
    else if (looped) res = { status: 400, headers: [], body: '' };
    else if (this.depth >= MAX_PASSES) {
      this.log.text += `vethlab: a request that keeps coming back to traefik (router ${route.router.name}) is cut after ${MAX_PASSES} passes here\n`;
      res = badGateway();
    }
    else if (route.router.service === 'api@internal') res = apiAnswer(req, dynamic, errors, this.cfg);
    else if (route.router.service === 'dashboard@internal') res = dashboardAnswer(req, client);
    else {
      const service = dynamic.services.find((s) => s.name === qualified(route.router));
      this.depth++;
      let forwarded: { res: GoResponse; url: string };
      try {
        forwarded = service ? this.forward(service, route.router, req, client, ep.port, legs) : { res: goError('404 page not found', 404), url: '' };
      } finally {
        this.depth--;
      }
      res = forwarded.res;
      serviceUrl = forwarded.url;
    }
    this.requestCount++;
    if (this.cfg.accessLog) this.accessLog += this.accessLine(req, client, res, route?.router.name, serviceUrl);
    return goWire(req, res, this.now());
  }

  /** The service's next server in turn, the request as traefik sends it, and its answer passed back. */
  private forward(service: Service, router: Router, req: GoRequest, client: ClientData, port: number, legs: NonNullable<Served['legs']>): { res: GoResponse; url: string } {
    if (service.servers.length === 0) return { res: { status: 503, headers: [], body: 'no available server' }, url: '' };
    const turn = this.turns.get(service.name) ?? 0;
    this.turns.set(service.name, turn + 1);
    const url = service.servers[turn % service.servers.length]!;
    const m = /^http:\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?(\/.*)?$/.exec(url);
    if (!m) return { res: { status: 500, headers: [], body: `vethlab: traefik's server URL ${url} is not modelled here (only http:// is)` }, url };
    const host = m[1]!;
    const ip = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : this.place.resolve(host);
    // Go's dialer could not resolve the name: the proxy's error handler answers 502.
    if (ip === undefined) return { res: badGateway(), url };
    const sent = forwardedRequest(req, client, port, this.place.container.hostname, service.passHostHeader ? req.host : `${host}${m[2] ? `:${m[2]}` : ''}`, router.defaultRule ? routerHash(router.name) : undefined);
    const r = this.place.servers.relay(this.place.container.netns ?? '', ip, Number(m[2] ?? 80), sent, legs);
    if (!r.ok) return { res: r.failure === 'timeout' ? { status: 504, headers: [], body: 'Gateway Timeout' } : badGateway(), url };
    return { res: passedBack(r.reply), url };
  }

  /** The common log format (pkg/middlewares/accesslog logger_formatters.go), on standard output. */
  private accessLine(req: GoRequest, client: ClientData, res: GoResponse, router: string | undefined, serviceUrl: string): string {
    const d = new Date(this.now());
    const month = d.toUTCString().slice(8, 11);
    const time = `${String(d.getUTCDate()).padStart(2, '0')}/${month}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
    const size = new TextEncoder().encode(req.method === 'HEAD' ? '' : res.body).length;
    const quoted = (v: string | undefined) => (v === undefined || v === '' ? '"-"' : `"${v}"`);
    return `${client.client} - - [${time}] "${req.method} ${req.uri} ${req.proto}" ${res.status} ${size} ${quoted(header(req, 'Referer'))} ${quoted(header(req, 'User-Agent'))} ${this.requestCount} ${quoted(router)} ${quoted(serviceUrl)} 0ms\n`;
  }
}

/** How many times a request may come back through traefik before vethlab cuts the loop. */
const MAX_PASSES = 8;

/** denyrouterrecursion's mark: the router's name hashed with FNV-1 (64 bits), in hex. */
export function routerHash(name: string): string {
  let hash = 14695981039346656037n;
  for (const byte of new TextEncoder().encode(name)) hash = ((hash * 1099511628211n) & 0xffffffffffffffffn) ^ BigInt(byte);
  return hash.toString(16);
}

/** A router's service, qualified by the router's provider unless it names one. */
function qualified(router: Router): string {
  return router.service.includes('@') ? router.service : `${router.service}@${router.provider}`;
}

/** pkg/proxy/httputil's error handler: the status text as the body. */
function badGateway(): GoResponse {
  return { status: 502, headers: [], body: 'Bad Gateway' };
}

const HOP_BY_HOP = new Set(['Connection', 'Keep-Alive', 'Proxy-Connection', 'Proxy-Authenticate', 'Proxy-Authorization', 'Te', 'Trailer', 'Transfer-Encoding', 'Upgrade']);
const X_HEADERS = new Set(['X-Forwarded-For', 'X-Forwarded-Host', 'X-Forwarded-Port', 'X-Forwarded-Proto', 'X-Forwarded-Server', 'X-Real-Ip', 'X-Forwarded-Prefix', 'X-Forwarded-Uri', 'X-Forwarded-Method', 'X-Forwarded-Tls-Client-Cert', 'X-Forwarded-Tls-Client-Cert-Info']);

/**
 * The request as traefik's proxy writes it to a server: HTTP/1.1, the client's Host
 * (passHostHeader), its headers without hop-by-hop ones and without X-Forwarded-* from
 * an untrusted client, then traefik's (forwardedheaders: Proto, Port, Host, Server,
 * X-Real-Ip; the reverse proxy: X-Forwarded-For) and Go's `Accept-Encoding: gzip`.
 */
function forwardedRequest(req: GoRequest, client: ClientData, port: number, hostname: string, host: string, routerMark: string | undefined): string {
  const kept = req.headers.filter(([k]) => !HOP_BY_HOP.has(k) && !X_HEADERS.has(k) && k !== 'User-Agent' && !(routerMark !== undefined && k === 'X-Traefik-Router'));
  const hostPort = /:(\d+)$/.exec(req.host)?.[1] ?? String(port === 443 ? 443 : 80);
  const userAgent = header(req, 'User-Agent');
  const body = /\r?\n\r?\n([\s\S]*)$/.exec(client.data)?.[1] ?? '';
  const length = body === '' ? [] : [`Content-Length: ${new TextEncoder().encode(body).length}`];
  const lines = [
    `${req.method} ${req.uri} HTTP/1.1`,
    `Host: ${host}`,
    ...(userAgent !== undefined ? [`User-Agent: ${userAgent}`] : []),
    ...kept.filter(([k]) => k !== 'Content-Length').map(([k, v]) => `${k}: ${v}`),
    ...length,
    `X-Forwarded-For: ${client.client}`,
    `X-Forwarded-Host: ${req.host}`,
    `X-Forwarded-Port: ${hostPort}`,
    'X-Forwarded-Proto: http',
    `X-Forwarded-Server: ${hostname}`,
    `X-Real-Ip: ${client.client}`,
    ...(routerMark !== undefined ? [`X-Traefik-Router: ${routerMark}`] : []),
    ...(header(req, 'Accept-Encoding') === undefined && req.method !== 'HEAD' ? ['Accept-Encoding: gzip'] : []),
  ];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** A server's answer as traefik sends it on: its status, its headers but hop-by-hop ones, its body. */
function passedBack(raw: string): GoResponse {
  const split = /\r?\n\r?\n/.exec(raw);
  const head = split ? raw.slice(0, split.index) : raw;
  const body = split ? raw.slice(split.index + split[0].length) : '';
  const [statusLine = '', ...lines] = head.split(/\r?\n/);
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 502);
  if (!/^HTTP\/1\.[01] \d{3}/.test(statusLine)) return badGateway();
  const headers: [string, string][] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    if (!HOP_BY_HOP.has(name)) headers.push([name, line.slice(colon + 1).trim()]);
  }
  return { status, headers, body };
}

/** The dashboard's routes: `/` redirects to /dashboard/ (dashboard_redirect@internal); the web application itself is not modelled. */
function dashboardAnswer(req: GoRequest, client: ClientData): GoResponse {
  if (req.path === '/') {
    const host = req.host === '' ? `${client.local ?? 'localhost'}:${client.port}` : req.host;
    return { status: 301, headers: [['Location', `http://${host}/dashboard/`]], body: 'Moved Permanently' };
  }
  if (req.path === '/dashboard/' || req.path.startsWith('/dashboard/')) {
    return { status: 200, headers: [['Content-Type', 'text/plain; charset=utf-8']], body: "vethlab: traefik's dashboard (a web application) is not modelled here; its API is: /api/rawdata, /api/http/routers, /api/http/services\n" };
  }
  if (req.path === '/dashboard') return { status: 301, headers: [['Location', '/dashboard/']], body: '' };
  return goError('404 page not found', 404);
}
