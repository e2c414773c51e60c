/**
 * How caddy v2.10.2 answers one HTTP request (modules/caddyhttp): the listener's
 * server, the site whose host matches, its routes in caddy's order. Every response
 * carries `Server: Caddy` (server.go) unless a proxied one replaces it with `Via`;
 * a handler's error is its status with an empty body (no handle_errors), and a 5xx
 * is logged by `http.log.error`. reverse_proxy dials its upstream per request, by
 * name through the container's resolver (reverseproxy.go: X-Forwarded-*, Via,
 * hop-by-hop headers removed); file_server serves files with caddy's Etag,
 * Last-Modified and Vary; a plain-HTTP request to a TLS listener gets what Go's
 * TLS server answers it. What a handler cannot do here is said in `vethlab:` lines.
 */
import type { FileSystem } from '../fs.ts';
import { canonicalKey, parseGoRequest, statusText, type GoRequest, type GoResponse } from '../go-http.ts';
import type { CaddyServer, Handler, HeaderOp, Matcher, MatcherSet, Site, Upstream } from './config.ts';
import { HTTPS_PORT } from './config.ts';
import { logLine } from './logs.ts';

/** A request as caddy's handlers see it: Go's (net/http parses it for caddy). */
export type Request = GoRequest;

export interface Response extends GoResponse {
  /** Go would sniff a Content-Type; caddy's handlers forbid it (`Content-Type: nil`). */
  sniff?: boolean;
  /** Written as the upstream sent it: Date and Content-Length are in the map already. */
  proxied?: boolean;
}

/** What a dial of an upstream gave: the upstream's raw answer, or Go's error text. */
export type UpstreamAnswer = { ok: true; raw: string } | { ok: false; error: string; timeout: boolean };

export interface ServeDeps {
  now: () => number;
  files: FileSystem;
  /** The process's working directory: file_server's root when none is set. */
  cwd: string;
  /** When the image was built: the modification time of its files. */
  mtime: number;
  /** Dials an upstream and sends the request (its packets are the dial's). */
  upstream: (u: Upstream, request: string) => UpstreamAnswer;
  /** A uniform random index below n (caddy's weakrand). */
  random: (n: number) => number;
  /** Round-robin turns per reverse_proxy handler. */
  turns: Map<Handler, number>;
}

export interface Served {
  raw: string;
  log: string;
}


const byteLength = (s: string) => new TextEncoder().encode(s).length;

/** Go's server writing a handler's response: sorted header map, then Date and Content-Length unless set. */
export function wire(req: Request | undefined, res: Response, now: number): string {
  const proto = req?.proto === 'HTTP/1.0' ? 'HTTP/1.0' : 'HTTP/1.1';
  const has = (n: string) => res.headers.some(([k]) => k === n);
  const sorted = res.headers.map((h, i) => ({ h, i })).sort((a, b) => (a.h[0] < b.h[0] ? -1 : a.h[0] > b.h[0] ? 1 : a.i - b.i)).map(({ h }) => h);
  const added: string[] = [];
  if (!has('Date')) added.push(`Date: ${new Date(now).toUTCString()}`);
  const bodyAllowed = res.status !== 204 && res.status !== 304 && res.status >= 200;
  if (!has('Content-Length') && bodyAllowed) added.push(`Content-Length: ${byteLength(res.body)}`);
  if (req?.proto === 'HTTP/1.1' && /\bclose\b/i.test(req.headers.find(([k]) => k === 'Connection')?.[1] ?? '') && !has('Connection')) added.push('Connection: close');
  const head = [`${proto} ${res.status} ${statusText(res.status) || `status code ${res.status}`}`, ...sorted.map(([k, v]) => `${k}: ${v}`), ...added, '', ''].join('\r\n');
  return req?.method === 'HEAD' ? head : head + res.body;
}

/** What Go's TLS server answers bytes that are plain HTTP (crypto/tls's RecordHeaderError, net/http's server.go). */
export const PLAIN_HTTP_TO_TLS = 'HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n';

/** caddy's path matcher: case-insensitive globs where `*` spans anything (MatchPath). */
function pathMatches(pattern: string, path: string): boolean {
  const re = new RegExp(`^${pattern.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return re.test(path.toLowerCase());
}

function matches(m: Matcher, req: Request, path: string, named: Map<string, MatcherSet>): boolean {
  if (m.kind === 'all') return true;
  if (m.kind === 'path') return m.patterns.some((p) => pathMatches(p, path));
  const set = named.get(m.name);
  if (!set) return false;
  const host = hostOnly(req.host);
  if (set.paths && !set.paths.some((p) => pathMatches(p, path))) return false;
  if (set.notPaths && set.notPaths.some((p) => pathMatches(p, path))) return false;
  if (set.hosts && !set.hosts.includes(host)) return false;
  if (set.methods && !set.methods.includes(req.method)) return false;
  return set.paths !== undefined || set.notPaths !== undefined || set.hosts !== undefined || set.methods !== undefined;
}

const hostOnly = (host: string) => host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();

/** mime.TypeByExtension with Alpine's /etc/mime.types (the image installs mailcap). */
const MIME: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8', htm: 'text/html; charset=utf-8', txt: 'text/plain; charset=utf-8', css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8', mjs: 'text/javascript; charset=utf-8',
  json: 'application/json', xml: 'text/xml; charset=utf-8', svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', ico: 'image/vnd.microsoft.icon', pdf: 'application/pdf', wasm: 'application/wasm', md: 'text/markdown; charset=utf-8',
};

function applyHeaderOps(headers: [string, string][], ops: readonly HeaderOp[]): [string, string][] {
  let out = [...headers];
  for (const op of ops) {
    const name = canonicalKey(op.name);
    if (op.op === 'delete') out = out.filter(([k]) => k !== name);
    else if (op.op === 'add') out.push([name, op.value]);
    else out = [...out.filter(([k]) => k !== name), [name, op.value]];
  }
  return out;
}

/** One request through a server's sites and routes. */
export class CaddyHttp {
  private errIds = 0;
  /** The encode handler's one line about compression, said once. */
  private encodeSaid = false;

  constructor(private readonly deps: ServeDeps) {}

  answer(server: CaddyServer, raw: string, client: { ip: string; port: number }): Served {
    const now = this.deps.now();
    // A TLS listener reads a TLS record header first; plain HTTP is not one.
    if (server.tls) return { raw: PLAIN_HTTP_TO_TLS, log: '' };
    const req = parseGoRequest(raw);
    if (!req) return { raw: 'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request', log: '' };
    const host = hostOnly(req.host);
    if (server.redirectHosts.includes(host)) {
      // autohttps.go's redirect route: 308 to the same host and URI over HTTPS.
      const location = `https://${host}${server.redirectPort === HTTPS_PORT ? '' : `:${server.redirectPort}`}${req.uri}`;
      return { raw: wire(req, { status: 308, headers: [['Connection', 'close'], ['Location', location], ['Server', 'Caddy']], body: '' }, now), log: '' };
    }
    const site = server.sites.find((s) => s.addresses.some((a) => a.port === server.port && (a.host === '' || a.host === host)));
    const log: string[] = [];
    let res: Response;
    if (!site) res = { status: 200, headers: [['Server', 'Caddy']], body: '' };
    else {
      const state: RouteState = { root: undefined, headers: [['Server', 'Caddy']], deferred: [] };
      const outcome = this.runRoutes(site.routes, site, req, req.path, state, client, log);
      res = outcome ?? { status: 200, headers: state.headers, body: '' };
      if (site.accessLog !== undefined) log.push(this.accessLine(site.accessLog, req, res, client, outcome === undefined));
    }
    return { raw: wire(req, res, now), log: log.join('') };
  }

  /** A route list: non-terminal handlers change the state; the first terminal one answers. */
  private runRoutes(routes: readonly Handler[], site: Site, req: Request, path: string, state: RouteState, client: { ip: string; port: number }, log: string[]): Response | undefined {
    let handled = false;
    for (const h of routes) {
      if (!matches(h.matcher, req, path, site.matchers)) continue;
      switch (h.kind) {
        case 'root':
          state.root = h.path;
          continue;
        case 'header':
          state.headers = applyHeaderOps(state.headers, h.ops);
          continue;
        case 'encode': {
          // AcceptedEncodings: a client that names none of the formats gets the response as it is.
          const accepted = (req.headers.find(([k]) => k === 'Accept-Encoding')?.[1] ?? '').split(',').map((e) => e.split(';')[0]!.trim().toLowerCase());
          if (!this.encodeSaid && h.formats.some((f) => accepted.includes(f))) {
            this.encodeSaid = true;
            log.push("vethlab: caddy's compression (encode) is not modelled here: responses go uncompressed to clients that ask for it\n");
          }
          continue;
        }
        case 'handle': {
          // handle and handle_path blocks are mutually exclusive: the first that matches runs.
          if (handled) continue;
          handled = true;
          const inner = h.strip === undefined ? path : path.slice(h.strip.length) || '/';
          const out = this.runRoutes(h.routes, site, req, inner.startsWith('/') ? inner : `/${inner}`, state, client, log);
          if (out) return out;
          continue;
        }
        case 'redir':
          return { status: h.status, headers: [...state.headers, ['Location', expand(h.to, req)]], body: '' };
        case 'respond': {
          const body = expand(h.body, req);
          const trimmed = body.trim();
          const json = trimmed.length > 2 && ((trimmed.startsWith('{') && trimmed.endsWith('}')) || (trimmed.startsWith('[') && trimmed.endsWith(']'))) && isJson(trimmed);
          const type: [string, string][] = body === '' || state.headers.some(([k]) => k === 'Content-Type') ? [] : [['Content-Type', json ? 'application/json' : 'text/plain; charset=utf-8']];
          const close: [string, string][] = h.close ? [['Connection', 'close']] : [];
          return { status: h.status, headers: [...state.headers, ...type, ...close], body };
        }
        case 'file_server':
          return this.fileServer(h.browse, state, req, path, log, client);
        case 'reverse_proxy':
          return this.reverseProxy(h, state, req, path, client, log);
      }
    }
    return undefined;
  }

  private error(status: number, state: RouteState, req: Request, client: { ip: string; port: number }, log: string[], message: string, trace: string): Response {
    if (status >= 500) {
      const id = this.errId();
      log.push(logLine(this.deps.now(), 'error', 'http.log.error', message, { request: loggable(req, client), duration: 0, status, err_id: id, err_trace: trace }));
    }
    return { status, headers: state.headers, body: '' };
  }

  /** Server.logRequest: the request, then bytes_read, user_id, duration, size, status and the handler's response headers. */
  private accessLine(logger: string, req: Request, res: Response, client: { ip: string; port: number }, unwritten: boolean): string {
    const headers: Record<string, string[]> = {};
    for (const [k, v] of res.headers) (headers[k] ??= []).push(v);
    // No handler wrote: the recorder's status and size are 0 (Go sends its 200 itself).
    const status = unwritten ? 0 : res.status;
    return logLine(this.deps.now(), status >= 500 ? 'error' : 'info', `http.log.access.${logger}`, 'handled request', { request: loggable(req, client), bytes_read: byteLength(req.body), user_id: '', duration: 0, size: unwritten ? 0 : byteLength(res.body), status, resp_headers: headers });
  }

  /** caddyhttp.randString(9, true): an error's ID (here from a counter, so a replay repeats it). */
  private errId(): string {
    const dict = 'abcdefghijkmnpqrstuvwxyz0123456789';
    let n = ++this.errIds * 2654435761;
    let id = '';
    for (let i = 0; i < 9; i++) {
      id += dict[n % dict.length];
      n = Math.floor(n / dict.length) + i * 7919;
    }
    return id;
  }

  /** fileserver.FileServer: the file under the root, index.html/index.txt for a directory, 308 to add its slash. */
  private fileServer(browse: boolean, state: RouteState, req: Request, path: string, log: string[], client: { ip: string; port: number }): Response {
    const { files } = this.deps;
    const root = (state.root ?? this.deps.cwd).replace(/\/+$/, '');
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return this.error(400, state, req, client, log, 'invalid path', 'fileserver.(*FileServer).ServeHTTP (staticfiles.go:308)');
    }
    const base = root === '' ? '' : root.startsWith('/') ? root : `${this.deps.cwd.replace(/\/+$/, '')}/${root}`;
    let file = `${base}${decoded}`;
    const kind = files.stat(file);
    if (kind === undefined) return this.error(404, state, req, client, log, '', '');
    if (kind === 'dir') {
      if (!decoded.endsWith('/')) return { status: 308, headers: [...state.headers, ['Location', `${req.path}/${req.uri.includes('?') ? req.uri.slice(req.uri.indexOf('?')) : ''}`]], body: '' };
      const index = ['index.html', 'index.txt'].map((i) => `${file}${i}`).find((f) => files.stat(f) === 'file');
      if (index === undefined) {
        if (browse) return { status: 501, headers: [...state.headers, ['Content-Type', 'text/plain; charset=utf-8']], body: "vethlab: caddy's directory listing (file_server browse) is not modelled here\n" };
        return this.error(404, state, req, client, log, '', '');
      }
      file = index;
    }
    const content = files.read(file);
    if (typeof content !== 'string' || ['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES'].includes(content)) return this.error(404, state, req, client, log, '', '');
    if (req.method !== 'GET' && req.method !== 'HEAD') return this.error(405, { ...state, headers: [...state.headers, ['Vary', 'Accept-Encoding'], ['Allow', 'GET, HEAD']] }, req, client, log, '', '');
    const size = byteLength(content);
    const etag = `"${(BigInt(this.deps.mtime) * 1_000_000n).toString(36)}${size.toString(36)}"`;
    const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
    const type = MIME[ext];
    const headers: [string, string][] = [...state.headers, ['Vary', 'Accept-Encoding'], ['Etag', etag], ...(type ? ([['Content-Type', type]] as [string, string][]) : []), ['Last-Modified', new Date(this.deps.mtime).toUTCString()], ['Accept-Ranges', 'bytes'], ['Content-Length', String(size)]];
    return { status: 200, headers, body: content };
  }

  /** reverseproxy.Handler: choose an upstream, dial it by name, pass the request and its answer. */
  private reverseProxy(h: Extract<Handler, { kind: 'reverse_proxy' }>, state: RouteState, req: Request, path: string, client: { ip: string; port: number }, log: string[]): Response {
    if (h.upstreams.length === 0) return this.error(502, state, req, client, log, 'no upstreams available', 'reverseproxy.(*Handler).proxyLoopIteration (reverseproxy.go:486)');
    const upstream = this.select(h, h.upstreams);
    const hop = new Set(['Connection', 'Keep-Alive', 'Proxy-Connection', 'Proxy-Authenticate', 'Proxy-Authorization', 'Te', 'Trailer', 'Transfer-Encoding', 'Upgrade']);
    let headers = req.headers.filter(([k]) => !hop.has(k) && !k.startsWith('X-Forwarded-'));
    headers.push(['X-Forwarded-For', client.ip], ['X-Forwarded-Proto', 'http'], ['X-Forwarded-Host', req.host], ['Via', `${req.proto.slice(5)} Caddy`]);
    let host = req.host;
    for (const op of h.headerUp) {
      if (canonicalKey(op.name) === 'Host' && op.op !== 'delete') host = expandUpstream(op.value, upstream, req);
    }
    headers = applyHeaderOps(headers, h.headerUp.filter((op) => canonicalKey(op.name) !== 'Host').map((op) => (op.op === 'delete' ? op : { ...op, value: expandUpstream(op.value, upstream, req) })));
    // Request.Write: the request line, Host, User-Agent (none when the client sent none), the others sorted, then the transport's Accept-Encoding.
    const userAgent = headers.find(([k]) => k === 'User-Agent')?.[1];
    const others = headers.filter(([k]) => k !== 'User-Agent').map((x, i) => ({ x, i })).sort((a, b) => (a.x[0] < b.x[0] ? -1 : a.x[0] > b.x[0] ? 1 : a.i - b.i)).map(({ x }) => x);
    const gzip = !headers.some(([k]) => k === 'Accept-Encoding' || k === 'Range') && req.method !== 'HEAD';
    const uri = path === req.path ? req.uri : `${path}${req.uri.includes('?') ? req.uri.slice(req.uri.indexOf('?')) : ''}`;
    const lines = [`${req.method} ${uri} HTTP/1.1`, `Host: ${host}`, ...(userAgent ? [`User-Agent: ${userAgent}`] : []), ...others.map(([k, v]) => `${k}: ${v}`), ...(req.body !== '' && !others.some(([k]) => k === 'Content-Length') ? [`Content-Length: ${byteLength(req.body)}`] : []), ...(gzip ? ['Accept-Encoding: gzip'] : [])];
    const answer = this.deps.upstream(upstream, `${lines.join('\r\n')}\r\n\r\n${req.body}`);
    if (!answer.ok) return this.error(answer.timeout ? 504 : 502, state, req, client, log, answer.error, 'reverseproxy.statusError (reverseproxy.go:1390)');
    const parsed = parseResponse(answer.raw);
    if (!parsed) return this.error(502, state, req, client, log, 'net/http: HTTP/1.x transport connection broken: malformed HTTP response', 'reverseproxy.statusError (reverseproxy.go:1390)');
    // caddy drops its own Server header for Via (#6275); the upstream's headers come as they were, less the hop-by-hop ones.
    const own = state.headers.filter(([k]) => k !== 'Server');
    const upstreamHeaders = parsed.headers.filter(([k]) => !hop.has(k));
    const merged = applyHeaderOps([...own, ['Via', `${parsed.proto.slice(5)} Caddy`], ...upstreamHeaders], h.headerDown);
    const withLength: [string, string][] = merged.some(([k]) => k === 'Content-Length') || parsed.status === 204 || parsed.status === 304 ? merged : [...merged, ['Content-Length', String(byteLength(parsed.body))]];
    return { status: parsed.status, headers: withLength, body: req.method === 'HEAD' ? '' : parsed.body, proxied: true };
  }

  /** The selection policies: random (caddy's default, reservoir sampling over the available), round_robin, first, least_conn (all idle here: a random one). */
  private select(h: Extract<Handler, { kind: 'reverse_proxy' }>, pool: readonly Upstream[]): Upstream {
    if (h.policy === 'first') return pool[0]!;
    if (h.policy === 'round_robin') {
      const turn = this.deps.turns.get(h) ?? 0;
      this.deps.turns.set(h, turn + 1);
      return pool[(turn + 1) % pool.length]!;
    }
    let chosen = pool[0]!;
    pool.forEach((u, i) => {
      if (this.deps.random(i + 1) === 0) chosen = u;
    });
    return chosen;
  }
}

interface RouteState {
  root: string | undefined;
  headers: [string, string][];
  deferred: HeaderOp[];
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The placeholders tutorials put in respond and redir: {uri}, {path}, {host}, {method}, {query}, {scheme}. */
function expand(text: string, req: Request): string {
  const query = req.uri.includes('?') ? req.uri.slice(req.uri.indexOf('?') + 1) : '';
  const values: Record<string, string> = {
    uri: req.uri, 'http.request.uri': req.uri, path: req.path, 'http.request.uri.path': req.path, host: hostOnly(req.host), 'http.request.host': hostOnly(req.host),
    hostport: req.host, 'http.request.hostport': req.host, method: req.method, 'http.request.method': req.method, query, 'http.request.uri.query': query, scheme: 'http', 'http.request.scheme': 'http',
  };
  return text.replace(/\{([a-z.]+)\}/g, (all, name: string) => values[name] ?? all);
}

function expandUpstream(text: string, u: Upstream, req: Request): string {
  return expand(text.replace(/\{(http\.reverse_proxy\.)?upstream\.hostport\}/g, `${u.host}:${u.port}`).replace(/\{upstream_hostport\}/g, `${u.host}:${u.port}`), req);
}

/** An upstream's answer as Go's client reads it: status, canonical headers, body. */
function parseResponse(raw: string): { proto: string; status: number; headers: [string, string][]; body: string } | undefined {
  const m = /^(HTTP\/1\.[01]) (\d{3})[^\r\n]*\r?\n/.exec(raw);
  if (!m) return undefined;
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers: [string, string][] = [];
  for (const line of head.split(/\r?\n/).slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.push([canonicalKey(line.slice(0, colon).trim()), line.slice(colon + 1).trim()]);
  }
  return { proto: m[1]!, status: Number(m[2]), headers, body };
}

/** LoggableHTTPRequest's fields (marshalers.go). */
function loggable(req: Request, client: { ip: string; port: number }): Record<string, unknown> {
  const headers: Record<string, string[]> = {};
  for (const [k, v] of req.headers) (headers[k] ??= []).push(v);
  return { remote_ip: client.ip, remote_port: String(client.port), client_ip: client.ip, proto: req.proto, method: req.method, host: req.host, uri: req.uri, headers };
}
