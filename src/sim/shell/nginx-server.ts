/**
 * What nginx answers with the configuration it read at start (nginx-conf.ts):
 * the server for the port (and Host), the location for the path, then a
 * `return`, a file under its `root` with `index`, or a proxied request. A
 * proxied request is a second connection from nginx's own namespace to the
 * upstream (round robin over an upstream block's servers), traced as its own
 * leg; the answer is the upstream's body, or nginx's 502 page and its error
 * log line (ngx_http_upstream.c, ngx_event_connect_peer's connect() failed).
 */
import { findLocation, findServer, type NginxConfig, type ProxyPass, type ServerBlock } from './nginx-conf.ts';
import type { FileSystem } from './fs.ts';
import type { HttpResult } from './servers.ts';

export interface NginxAnswer {
  status: number;
  body: string;
  /** Headers besides nginx's own (Server, Date, Content-Length, Connection). */
  headers: string[];
  /** A location's `return` with text and no body file, or a file's type. */
  contentType?: string;
}

export interface NginxRequest {
  method: string;
  path: string;
  /** The port the connection reached in nginx's namespace, and the Host header. */
  port: number;
  host: string;
  client: string;
}

export interface NginxContext {
  config: NginxConfig;
  files: FileSystem | undefined;
  /** A GET from nginx's namespace. */
  fetch: (ip: string, port: number, path: string, host: string) => HttpResult;
  /** Round robin: the next turn for an upstream. */
  nextTurn: (upstream: string) => number;
  /** One line to nginx's error log (the image links it to stderr: `docker logs`). */
  errorLog: (line: string) => void;
  /** What the caller does for a static file (types, headers, 301/403/404): nginx's existing file server. */
  serveFile: (root: string, index: readonly string[], path: string) => NginxAnswer;
  /** nginx's own error page for a status. */
  errorPage: (code: number) => NginxAnswer;
  /** Traces of the proxied legs, in order. */
  traces: HttpResult['traces'];
}

const DEFAULT_ROOT = '/etc/nginx/html';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function nginxAnswer(ctx: NginxContext, req: NginxRequest): NginxAnswer {
  const server = findServer(ctx.config, req.port, req.host);
  if (!server) return ctx.errorPage(404);
  const location = findLocation(server, req.path);
  const ret = location?.return ?? server.return;
  if (ret) return returnAnswer(ret, ctx);
  if (location?.proxyPass) return proxy(ctx, server, location.path, location.proxyPass, req);
  const root = location?.root ?? server.root ?? DEFAULT_ROOT;
  return ctx.serveFile(root, location?.index ?? server.index ?? ['index.html'], req.path);
}

function returnAnswer(ret: { code: number; text?: string }, ctx: NginxContext): NginxAnswer {
  if (REDIRECTS.has(ret.code) && ret.text !== undefined) return { ...ctx.errorPage(ret.code), headers: [`Location: ${ret.text}`] };
  if (ret.text === undefined) return ctx.errorPage(ret.code);
  return { status: ret.code, body: ret.text, headers: [], contentType: 'text/plain' };
}

/** The upstream's address for this request: an upstream block's next server, or the proxy_pass host itself. */
function pickUpstream(ctx: NginxContext, p: ProxyPass): { ip: string; port: number; name: string } | undefined {
  const group = p.port === undefined ? ctx.config.upstreams.get(p.host) : undefined;
  if (group && group.length > 0) {
    const s = group[ctx.nextTurn(p.host) % group.length]!;
    const ip = ctx.config.resolved.get(s.host);
    return ip === undefined ? undefined : { ip, port: s.port, name: p.host };
  }
  const ip = ctx.config.resolved.get(p.host);
  return ip === undefined ? undefined : { ip, port: p.port ?? 80, name: p.host };
}

function proxy(ctx: NginxContext, server: ServerBlock, prefix: string, p: ProxyPass, req: NginxRequest): NginxAnswer {
  // With a URI in proxy_pass, the matched prefix is replaced by it; without, the request's URI goes as is.
  const uri = p.uri === undefined ? req.path : p.uri + req.path.slice(prefix.length);
  const upstream = pickUpstream(ctx, p);
  if (!upstream) return ctx.errorPage(502);
  // nginx sends `Host: $proxy_host` (the upstream's name) by default.
  const hostHeader = p.port === undefined || p.port === 80 ? p.host : `${p.host}:${p.port}`;
  const result = ctx.fetch(upstream.ip, upstream.port, uri, hostHeader);
  ctx.traces.push(...result.traces);
  if (result.kind === 'ok' || result.kind === 'not-found') {
    const type = /Content-type: ([^\r\n]+)/i.exec(result.head)?.[1];
    return { status: result.kind === 'ok' ? 200 : result.status, body: result.body, headers: [], ...(type ? { contentType: type } : {}) };
  }
  const why = result.kind === 'refused' ? '111: Connection refused' : result.kind === 'timeout' ? '110: Connection timed out' : '113: No route to host';
  const what = result.kind === 'timeout' ? `upstream timed out (${why}) while connecting to upstream` : `connect() failed (${why}) while connecting to upstream`;
  const serverName = server.names[0] ?? '';
  const upstreamUrl = `http://${upstream.ip}:${upstream.port}${uri}`;
  ctx.errorLog(`[error] 29#29: *1 ${what}, client: ${req.client}, server: ${serverName}, request: "${req.method} ${req.path} HTTP/1.1", upstream: "${upstreamUrl}", host: "${req.host}"`);
  return ctx.errorPage(result.kind === 'timeout' ? 504 : 502);
}
