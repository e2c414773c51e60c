/**
 * What caddy serves, as the Caddyfile adapter (caddyconfig/httpcaddyfile, v2.10.2) and
 * the command-line subcommands build it: HTTP servers by listener port, each with its
 * sites (by host) and their routes. Routes are ordered as caddy orders directives
 * (directives.go's defaultDirectiveOrder, then by matcher specificity), `handle` and
 * `handle_path` blocks are mutually exclusive, and automatic HTTPS decides which
 * listeners are TLS and which hosts get HTTP->HTTPS redirects (autohttps.go).
 */
import { CaddyfileError, formattingDifference, parseCaddyfile, type Directive, type ServerBlock, type Token } from './caddyfile.ts';

export const HTTP_PORT = 80;
export const HTTPS_PORT = 443;

/** defaultDirectiveOrder in directives.go. */
const DIRECTIVE_ORDER = ['tracing', 'map', 'vars', 'fs', 'root', 'log_append', 'skip_log', 'log_skip', 'log_name', 'header', 'copy_response_headers', 'request_body', 'redir', 'method', 'rewrite', 'uri', 'try_files', 'basicauth', 'basic_auth', 'forward_auth', 'request_header', 'encode', 'push', 'intercept', 'templates', 'invoke', 'handle', 'handle_path', 'route', 'abort', 'error', 'copy_response', 'respond', 'metrics', 'reverse_proxy', 'php_fastcgi', 'file_server', 'acme_server'];
/** Directives caddy registers outside that order (bind, tls and log configure the site, not its routes). */
const SITE_DIRECTIVES = ['bind', 'tls', 'log', 'handle_errors', 'import'];

export type Matcher = { kind: 'all' } | { kind: 'path'; patterns: string[] } | { kind: 'named'; name: string };

export interface MatcherSet {
  paths?: string[];
  notPaths?: string[];
  hosts?: string[];
  methods?: string[];
}

export interface Upstream {
  host: string;
  port: number;
  /** As written (`app:8080`), for caddy's log lines. */
  text: string;
}

export type HeaderOp = { op: 'set' | 'add'; name: string; value: string } | { op: 'delete'; name: string };

export type Handler =
  | { kind: 'root'; matcher: Matcher; path: string }
  | { kind: 'header'; matcher: Matcher; ops: HeaderOp[] }
  | { kind: 'redir'; matcher: Matcher; to: string; status: number }
  | { kind: 'respond'; matcher: Matcher; body: string; status: number; close: boolean }
  | { kind: 'reverse_proxy'; matcher: Matcher; upstreams: Upstream[]; policy: 'random' | 'round_robin' | 'first' | 'least_conn'; headerUp: HeaderOp[]; headerDown: HeaderOp[]; changeHost?: boolean }
  | { kind: 'file_server'; matcher: Matcher; browse: boolean }
  /** encode: compresses only for a client that asks (Accept-Encoding); otherwise the response passes as it is. */
  | { kind: 'encode'; matcher: Matcher; formats: string[] }
  | { kind: 'handle'; matcher: Matcher; strip?: string; routes: Handler[] };

export interface SiteAddress {
  scheme: '' | 'http' | 'https';
  host: string;
  port: number;
}

export interface Site {
  addresses: SiteAddress[];
  routes: Handler[];
  matchers: Map<string, MatcherSet>;
  /** The `log` directive's access logger (`log0`, `log1`... in the order sites name one), written to stderr. */
  accessLog?: string;
}

export interface CaddyServer {
  name: string;
  port: number;
  tls: boolean;
  sites: Site[];
  /** Hosts whose plain-HTTP requests this listener redirects to HTTPS (the automatic redirects), and the port they go to. */
  redirectHosts: string[];
  redirectPort: number;
}

export interface CaddyConfig {
  servers: CaddyServer[];
  admin: boolean;
  autoHttps: 'on' | 'off' | 'disable_redirects';
  /** Hosts that get certificates: the local CA's (localhost, IPs, internal) or ACME's. */
  certDomains: { host: string; issuer: 'local' | 'acme' }[];
  /** The adapter's warnings (`Caddyfile input is not formatted ...`), with their line. */
  warnings: { message: string; line: number }[];
  /** What the model leaves out, each said once in the logs. */
  unmodelled: string[];
}

/** httpcaddyfile.ParseAddress: `scheme://host:port`. */
export function parseAddress(text: string): { scheme: '' | 'http' | 'https'; host: string; port?: number } | string {
  const m = /^(?:([a-z]+):\/\/)?(\[[^\]]*\]|[^:/]*)(?::(\d+))?(\/.*)?$/i.exec(text);
  if (!m) return `invalid address: ${text}`;
  const scheme = (m[1] ?? '').toLowerCase();
  if (scheme !== '' && scheme !== 'http' && scheme !== 'https') return `unsupported URL scheme ${scheme}://`;
  const port = m[3] === undefined ? undefined : Number(m[3]);
  return { scheme: scheme as '' | 'http' | 'https', host: (m[2] ?? '').toLowerCase(), ...(port === undefined ? {} : { port }) };
}

/** Whether a site address gets HTTPS when it names no scheme: a host, on a port other than the HTTP one. */
function siteAddress(text: string, file: string, line: number): SiteAddress {
  const a = parseAddress(text);
  if (typeof a === 'string') throw new CaddyfileError(`${file}:${line}: ${a}`);
  const port = a.port ?? (a.scheme === 'http' ? HTTP_PORT : a.scheme === 'https' ? HTTPS_PORT : a.host === '' ? HTTP_PORT : HTTPS_PORT);
  return { scheme: a.scheme, host: a.host, port };
}

const isIp = (host: string) => /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith('[');
/** certmagic.SubjectQualifiesForPublicCert's reverse: names the local CA signs (internal ones). */
export const localCertHost = (host: string) => host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal') || host.endsWith('.home.arpa') || isIp(host) || !host.includes('.');

/** The matcher token a directive may start with: `*`, a path, or `@name`. */
function matcherOf(args: Token[]): { matcher: Matcher; rest: Token[] } {
  const first = args[0];
  if (first && !first.quoted) {
    if (first.text === '*') return { matcher: { kind: 'all' }, rest: args.slice(1) };
    if (first.text.startsWith('/')) return { matcher: { kind: 'path', patterns: [first.text] }, rest: args.slice(1) };
    if (first.text.startsWith('@')) return { matcher: { kind: 'named', name: first.text.slice(1) }, rest: args.slice(1) };
  }
  return { matcher: { kind: 'all' }, rest: args };
}

const argErr = (file: string, t: Token) => new CaddyfileError(`wrong argument count or unexpected line ending after '${t.text}', at ${file}:${t.line}`);
const directiveErr = (name: string, message: string) => new CaddyfileError(`parsing caddyfile tokens for '${name}': ${message}`);

/** An upstream address: `host:port`, `http://host[:port]`, `host` (port 80). */
function upstreamOf(text: string): Upstream | string {
  const a = parseAddress(text);
  if (typeof a === 'string') return a;
  if (a.scheme === 'https') return 'vethlab: TLS to upstreams is not modelled here';
  return { host: a.host.replace(/^\[|\]$/g, ''), port: a.port ?? HTTP_PORT, text };
}

function headerOps(args: string[], name: string, file: string, t: Token): HeaderOp[] {
  if (args.length === 0) throw directiveErr(name, argErr(file, t).message);
  const field = args[0]!;
  if (field.startsWith('-')) return [{ op: 'delete', name: field.slice(1) }];
  if (args.length < 2) return [{ op: 'set', name: field.replace(/^\+/, ''), value: '' }];
  return [{ op: field.startsWith('+') ? 'add' : 'set', name: field.replace(/^[+>?]/, ''), value: args[1]! }];
}

interface Adapting {
  file: string;
  /** Access loggers named so far (httpcaddyfile's logCounter). */
  logs: { count: number };
  unmodelled: Set<string>;
  matchers: Map<string, MatcherSet>;
}

/** One directive to its handler(s); unknown ones are the adapter's error. */
function handlerOf(d: Directive, ctx: Adapting, hasBraces: boolean): Handler[] {
  const { file } = ctx;
  const name = d.name;
  if (!DIRECTIVE_ORDER.includes(name) && !SITE_DIRECTIVES.includes(name)) {
    const hint = hasBraces ? '' : '\nDid you mean to define a second site? If so, you must use curly braces around each site to separate their configurations.';
    throw new CaddyfileError(`${file}:${d.token.line}: unrecognized directive: ${name}${hint}`);
  }
  const { matcher, rest } = matcherOf(d.args);
  const words = rest.map((t) => t.text);
  switch (name) {
    case 'root': {
      if (words.length !== 1) throw directiveErr(name, argErr(file, d.args[d.args.length - 1] ?? d.token).message);
      return [{ kind: 'root', matcher, path: words[0]! }];
    }
    case 'header': {
      const ops = d.block ? d.block.flatMap((sub) => headerOps([sub.name, ...sub.args.map((a) => a.text)], name, file, sub.token)) : headerOps(words, name, file, d.token);
      return [{ kind: 'header', matcher, ops }];
    }
    case 'redir': {
      if (words.length < 1 || words.length > 2) throw directiveErr(name, argErr(file, d.token).message);
      const code = words[1] ?? '';
      const named: Record<string, number> = { '': 302, temporary: 302, permanent: 301 };
      let status = named[code];
      if (status === undefined) {
        if (code === 'html') {
          ctx.unmodelled.add("vethlab: caddy's redir html (a page with a meta refresh) is not modelled here: it answers 302");
          status = 302;
        } else if (!/^\d+$/.test(code)) throw directiveErr(name, `Not a supported redir code type or not valid integer: '${code}', at ${file}:${d.token.line}`);
        else {
          status = Number(code);
          if (!((status >= 300 && status <= 399) || status === 401)) throw directiveErr(name, `Redir code not in the 3xx range or 401: '${status}', at ${file}:${d.token.line}`);
        }
      }
      return [{ kind: 'redir', matcher, to: words[0]!, status }];
    }
    case 'respond': {
      if (words.length > 2) throw directiveErr(name, argErr(file, d.token).message);
      let body = '';
      let status = 200;
      if (words.length === 1) {
        if (/^\d{3}$/.test(words[0]!) && !rest[0]!.quoted) status = Number(words[0]);
        else body = words[0]!;
      } else if (words.length === 2) {
        body = words[0]!;
        status = Number(words[1]);
      }
      let close = false;
      for (const sub of d.block ?? []) {
        if (sub.name === 'body') body = sub.args.map((a) => a.text).join(' ');
        else if (sub.name === 'close') close = true;
        else throw directiveErr(name, `unrecognized subdirective '${sub.name}', at ${file}:${sub.token.line}`);
      }
      return [{ kind: 'respond', matcher, body, status, close }];
    }
    case 'reverse_proxy': {
      const upstreams: Upstream[] = [];
      const addUpstream = (text: string, t: Token) => {
        const u = upstreamOf(text);
        if (typeof u === 'string') {
          if (u.startsWith('vethlab:')) {
            ctx.unmodelled.add(u);
            return;
          }
          throw directiveErr(name, `parsing upstream '${text}': ${u}, at ${file}:${t.line}`);
        }
        upstreams.push(u);
      };
      rest.forEach((t) => addUpstream(t.text, t));
      let policy: 'random' | 'round_robin' | 'first' | 'least_conn' = 'random';
      const headerUp: HeaderOp[] = [];
      const headerDown: HeaderOp[] = [];
      for (const sub of d.block ?? []) {
        const subArgs = sub.args.map((a) => a.text);
        if (sub.name === 'to') sub.args.forEach((t) => addUpstream(t.text, t));
        else if (sub.name === 'lb_policy') {
          const p = subArgs[0] ?? '';
          if (p === 'random' || p === 'round_robin' || p === 'first' || p === 'least_conn') policy = p;
          else ctx.unmodelled.add(`vethlab: caddy's lb_policy ${p} is not modelled here: it chooses at random`);
        } else if (sub.name === 'header_up') headerUp.push(...headerOps(subArgs, name, file, sub.token));
        else if (sub.name === 'header_down') headerDown.push(...headerOps(subArgs, name, file, sub.token));
        else ctx.unmodelled.add(`vethlab: reverse_proxy's ${sub.name} is not modelled here`);
      }
      return [{ kind: 'reverse_proxy', matcher, upstreams, policy, headerUp, headerDown }];
    }
    case 'file_server': {
      let browse = false;
      for (const w of words) {
        if (w === 'browse') browse = true;
        else throw directiveErr(name, argErr(file, d.token).message);
      }
      for (const sub of d.block ?? []) {
        if (sub.name === 'browse') browse = true;
        else if (sub.name === 'root') return [{ kind: 'root', matcher, path: sub.args[0]?.text ?? '' }, { kind: 'file_server', matcher, browse }];
        else ctx.unmodelled.add(`vethlab: file_server's ${sub.name} is not modelled here`);
      }
      return [{ kind: 'file_server', matcher, browse }];
    }
    case 'handle':
    case 'handle_path': {
      if (name === 'handle_path' && matcher.kind !== 'path') throw directiveErr(name, `path matcher must begin with '/', got ${words[0] ?? ''}, at ${file}:${d.token.line}`);
      const routes = sortRoutes((d.block ?? []).flatMap((sub) => handlerOf(sub, ctx, true)));
      const strip = name === 'handle_path' && matcher.kind === 'path' ? matcher.patterns[0]!.replace(/\*$/, '') : undefined;
      return [{ kind: 'handle', matcher, routes, ...(strip !== undefined ? { strip } : {}) }];
    }
    case 'encode': {
      const formats = words.filter((w) => w === 'gzip' || w === 'zstd');
      for (const w of words.filter((x) => x !== 'gzip' && x !== 'zstd')) ctx.unmodelled.add(`vethlab: caddy's encode ${w} is not modelled here`);
      for (const sub of d.block ?? []) {
        if (sub.name === 'gzip' || sub.name === 'zstd') formats.push(sub.name);
        else ctx.unmodelled.add(`vethlab: encode's ${sub.name} is not modelled here`);
      }
      return [{ kind: 'encode', matcher, formats: formats.length > 0 ? formats : ['zstd', 'gzip'] }];
    }
    default:
      ctx.unmodelled.add(`vethlab: caddy's ${name} directive is not modelled here: the site is served without it`);
      return [];
  }
}

/** Matcher definitions (`@name path /x*`, `@name { ... }`), which httpcaddyfile pre-processes. */
function matcherDefinition(d: Directive, ctx: Adapting): void {
  const set: MatcherSet = {};
  const lines = d.block ? d.block.map((sub) => ({ name: sub.name, args: sub.args.map((a) => a.text) })) : [{ name: d.args[0]?.text ?? '', args: d.args.slice(1).map((a) => a.text) }];
  for (const l of lines) {
    if (l.name === 'path') set.paths = [...(set.paths ?? []), ...l.args];
    else if (l.name === 'host') set.hosts = [...(set.hosts ?? []), ...l.args.map((h) => h.toLowerCase())];
    else if (l.name === 'method') set.methods = [...(set.methods ?? []), ...l.args.map((m) => m.toUpperCase())];
    else if (l.name === 'not' && l.args[0] === 'path') set.notPaths = [...(set.notPaths ?? []), ...l.args.slice(1)];
    else if (l.name.startsWith('/')) set.paths = [...(set.paths ?? []), l.name, ...l.args];
    else ctx.unmodelled.add(`vethlab: caddy's ${l.name} matcher is not modelled here: @${d.name.slice(1)} never matches`);
  }
  ctx.matchers.set(d.name.slice(1), set);
}

/** How specific a route's matcher is, for routes of one directive (sortRoutes: longer paths first, no matcher last). */
function specificity(m: Matcher): number {
  if (m.kind !== 'path') return m.kind === 'named' ? 0 : -1;
  const p = m.patterns[0]!;
  return p.endsWith('*') ? p.length - 1 : p.length + 0.5;
}

function sortRoutes(routes: Handler[]): Handler[] {
  const rank = (h: Handler) => DIRECTIVE_ORDER.indexOf(h.kind === 'handle' ? ('strip' in h ? 'handle_path' : 'handle') : h.kind);
  // handle and handle_path are one group: sorted together by their matchers.
  const groupRank = (h: Handler) => (h.kind === 'handle' ? DIRECTIVE_ORDER.indexOf('handle') : rank(h));
  return routes
    .map((h, i) => ({ h, i }))
    .sort((a, b) => groupRank(a.h) - groupRank(b.h) || specificity(b.h.matcher) - specificity(a.h.matcher) || a.i - b.i)
    .map(({ h }) => h);
}

/** Global options the model reads; the others are said to be left out. */
function globalOptions(directives: Directive[], config: CaddyConfig, ctx: Adapting): void {
  for (const d of directives) {
    const a = d.args.map((t) => t.text);
    if (d.name === 'admin' && a[0] === 'off') config.admin = false;
    else if (d.name === 'auto_https' && (a[0] === 'off' || a[0] === 'disable_redirects')) config.autoHttps = a[0];
    else if (d.name === 'email' || d.name === 'debug') continue;
    else if (d.name === 'local_certs') ctx.unmodelled.add('vethlab: local_certs is not modelled here: only localhost and IP addresses get the local CA');
    else ctx.unmodelled.add(`vethlab: caddy's global option ${d.name} is not modelled here`);
  }
}

function siteOf(block: ServerBlock, ctx: Adapting): Site {
  const addresses = block.keys.map((k) => siteAddress(k.text, ctx.file, k.line));
  const matchers = new Map<string, MatcherSet>();
  const local: Adapting = { ...ctx, matchers };
  const routes: Handler[] = [];
  for (const d of block.directives) {
    if (d.name.startsWith('@')) matcherDefinition(d, local);
  }
  let accessLog: string | undefined;
  for (const d of block.directives) {
    if (d.name.startsWith('@')) continue;
    if (d.name === 'log') {
      accessLog = accessLogOf(d, local);
      continue;
    }
    routes.push(...handlerOf(d, local, block.hasBraces));
  }
  return { addresses, routes: sortRoutes(routes), matchers, ...(accessLog !== undefined ? { accessLog } : {}) };
}

/** `log [name] { output stderr|stdout }`: an access log in caddy's JSON; other outputs and formats are not modelled. */
function accessLogOf(d: Directive, ctx: Adapting): string | undefined {
  for (const sub of d.block ?? []) {
    const a = sub.args.map((t) => t.text);
    if (sub.name === 'output' && (a[0] === 'stderr' || a[0] === 'stdout')) continue;
    if (sub.name === 'format' && a[0] === 'json') continue;
    ctx.unmodelled.add(`vethlab: the log directive's ${sub.name}${a[0] ? ` ${a[0]}` : ''} is not modelled here: ${sub.name === 'output' ? 'no access log is written' : 'the access log stays JSON on stderr'}`);
    if (sub.name === 'output') return undefined;
  }
  return `log${ctx.logs.count++}`;
}

/** Groups sites into servers by port (srv0, srv1... in the order httpcaddyfile names them: by listener address) and applies automatic HTTPS. */
export function buildServers(sites: Site[], config: Pick<CaddyConfig, 'autoHttps' | 'certDomains'>): CaddyServer[] {
  const ports = [...new Set(sites.flatMap((s) => s.addresses.map((a) => a.port)))].sort((a, b) => (`:${a}` < `:${b}` ? -1 : 1));
  const servers: CaddyServer[] = ports.map((port, i) => {
    const here = sites.filter((s) => s.addresses.some((a) => a.port === port));
    const hosts = here.flatMap((s) => s.addresses.filter((a) => a.port === port && a.host !== '' && a.scheme !== 'http').map((a) => a.host));
    const tls = config.autoHttps !== 'off' && port !== HTTP_PORT && (hosts.length > 0 || port === HTTPS_PORT || here.some((s) => s.addresses.some((a) => a.scheme === 'https')));
    return { name: `srv${i}`, port, tls, sites: orderSites(here, port), redirectHosts: [], redirectPort: HTTPS_PORT };
  });
  for (const s of servers.filter((x) => x.tls)) {
    for (const site of s.sites) {
      for (const a of site.addresses.filter((x) => x.port === s.port && x.host !== '')) {
        if (!config.certDomains.some((d) => d.host === a.host)) config.certDomains.push({ host: a.host, issuer: localCertHost(a.host) ? 'local' : 'acme' });
      }
    }
  }
  if (config.autoHttps === 'on') {
    const redirected = config.certDomains.map((d) => d.host);
    const tlsPort = servers.find((x) => x.tls)?.port ?? HTTPS_PORT;
    if (redirected.length > 0) {
      const http = servers.find((x) => x.port === HTTP_PORT);
      if (http) {
        http.redirectHosts.push(...redirected);
        http.redirectPort = tlsPort;
      } else servers.push({ name: 'remaining_auto_https_redirects', port: HTTP_PORT, tls: false, sites: [], redirectHosts: redirected, redirectPort: tlsPort });
    }
  }
  return servers;
}

/** Sites with a host before the catch-all ones, as caddy's host matchers order them. */
function orderSites(sites: Site[], port: number): Site[] {
  const hasHost = (s: Site) => s.addresses.some((a) => a.port === port && a.host !== '');
  return [...sites.filter(hasHost), ...sites.filter((s) => !hasHost(s))];
}

/** The Caddyfile adapter: the configuration, or its error (the text after `adapting config using caddyfile: `). */
export function adaptCaddyfile(input: string, file: string, env: Readonly<Record<string, string>>): CaddyConfig {
  const parsed = parseCaddyfile(input, file, env);
  const config: CaddyConfig = { servers: [], admin: true, autoHttps: 'on', certDomains: [], warnings: [], unmodelled: [] };
  const ctx: Adapting = { file, logs: { count: 0 }, unmodelled: new Set(), matchers: new Map() };
  if (parsed.global) globalOptions(parsed.global, config, ctx);
  const sites = parsed.blocks.filter((b) => b.keys.length > 0).map((b) => siteOf(b, ctx));
  config.servers = buildServers(sites, config);
  config.unmodelled = [...ctx.unmodelled];
  // The adapter's lint (adapter.go): a file that parses but is not as `caddy fmt` writes it.
  const unformatted = formattingDifference(input);
  if (unformatted !== undefined) config.warnings.push({ message: "Caddyfile input is not formatted; run 'caddy fmt --overwrite' to fix inconsistencies", line: unformatted });
  return config;
}
