/**
 * The `caddy` program of the official image (caddy v2.10.2; cmd/, cobra): `caddy run
 * --config FILE --adapter caddyfile` (the image's CMD), `caddy reverse-proxy`, `caddy
 * file-server`, `caddy respond`, `caddy version`, and cobra's errors for anything
 * else. A server it starts binds its listeners in the container, logs what caddy logs
 * at start (the startup sequence of cmd/commandfuncs.go, caddy.go, admin.go and
 * modules/caddyhttp/app.go and autohttps.go), and answers clients (./serve.ts).
 * Automatic HTTPS: a site with a host gets a TLS listener and HTTP->HTTPS redirects;
 * localhost's certificate comes from caddy's local CA, a public name's from ACME,
 * which fails offline as certmagic logs it. TLS itself is not modelled (one line says so).
 */
import type { LookupResult } from '../../docker/dns.ts';
import { SeededRandom } from '../../net/rng.ts';
import type { Trace } from '../../net/trace.ts';
import { httpExchange } from '../../net/exchange.ts';
import { parseIPv4 } from '../../netfilter/inet.ts';
import { bindAll, stillRunning } from '../listen.ts';
import type { Servers } from '../servers.ts';
import type { ClientData, Command, CommandContext, Listen, Running, Served } from '../types.ts';
import { fail, ok } from '../types.ts';
import { CaddyfileError } from './caddyfile.ts';
import { adaptCaddyfile, buildServers, HTTP_PORT, HTTPS_PORT, parseAddress, type CaddyConfig, type Handler, type Site, type Upstream } from './config.ts';
import { logLine, RawJson, stdLogLine } from './logs.ts';
import { CaddyHttp, PLAIN_HTTP_TO_TLS, type UpstreamAnswer } from './serve.ts';
import { parseCobra, type FlagSpec } from './cobra.ts';
import { ADMIN_PORT, adminServe } from './admin.ts';
import { CADDY_HELP } from './help-text.ts';

/** `caddy version`: the release's module version and its go.sum hash (sum.golang.org's h1 for github.com/caddyserver/caddy/v2 v2.10.2). */
export const CADDY_VERSION_TEXT = 'v2.10.2 h1:g/gTYjGMD0dec+UgMw8SnfmJ3I9+M2TdvoRL/Ovu6U8=';

/** The address of certmagic's cache in the log line: a Go pointer, which differs on every real run. */
const CACHE_POINTER = '0xc0004a3d00';
/** What the host's memory gives automemlimit (90% of MemTotal, Docker's host: 4109000704 bytes). */
const GOMEMLIMIT = Math.floor(4_109_000_704 * 0.9);

export interface CaddyDeps {
  servers: Servers;
  /** The container's resolver as Go's asks it, with the packets it sent. */
  lookup: (name: string) => LookupResult;
  /** resolv.conf's first nameserver (Go's error names it). */
  nameserver: () => string;
  /** When the image was built (its files' modification time). */
  imageCreated: () => number;
  ncpu: number;
}

interface Startup {
  /** The configuration's source: `caddy run` reads a file and persists it; the quick subcommands do not. */
  kind: 'run' | 'reverse-proxy' | 'file-server' | 'respond';
  config: CaddyConfig;
  /** The Caddyfile it came from (what a reload compares with). */
  source?: string;
  /** Lines before caddy.Run (using config from file, adapted config to JSON, warnings). */
  preamble: string[];
  /** Lines after the servers run (caddy proxying, Caddy serving static files on :80, Server address: ...). */
  after: (now: number) => string;
  afterStdout?: string;
}

const RUN_FLAGS: FlagSpec[] = [
  { name: 'config', short: 'c', kind: 'string', usage: 'Configuration file' },
  { name: 'adapter', short: 'a', kind: 'string', usage: 'Name of config adapter to apply' },
  { name: 'envfile', kind: 'strings', usage: 'Environment file(s) to load' },
  { name: 'environ', short: 'e', kind: 'bool', usage: 'Print environment' },
  { name: 'resume', short: 'r', kind: 'bool', usage: 'Use saved config, if any (and prefer over --config file)' },
  { name: 'watch', short: 'w', kind: 'bool', usage: 'Watch config file for changes and reload it automatically' },
  { name: 'pidfile', kind: 'string', usage: 'Path of file to which to write process ID' },
  { name: 'pingback', kind: 'string', usage: 'Echo confirmation bytes to this address on success' },
];
const PROXY_FLAGS: FlagSpec[] = [
  { name: 'from', short: 'f', kind: 'string', usage: 'Address on which to receive traffic', default: 'localhost' },
  { name: 'to', short: 't', kind: 'strings', usage: 'Upstream address(es) to which traffic should be sent' },
  { name: 'change-host-header', short: 'c', kind: 'bool', usage: 'Set upstream Host header to address of upstream' },
  { name: 'insecure', kind: 'bool', usage: 'Disable TLS verification (WARNING: DISABLES SECURITY BY NOT VERIFYING TLS CERTIFICATES!)' },
  { name: 'disable-redirects', short: 'r', kind: 'bool', usage: 'Disable HTTP->HTTPS redirects' },
  { name: 'internal-certs', short: 'i', kind: 'bool', usage: 'Use internal CA for issuing certs' },
  { name: 'debug', short: 'v', kind: 'bool', usage: 'Enable verbose debug logs' },
  { name: 'access-log', kind: 'bool', usage: 'Enable the access log' },
  { name: 'header-up', short: 'H', kind: 'strings', usage: 'Set a request header to send to the upstream (format: "Field: value")' },
  { name: 'header-down', short: 'd', kind: 'strings', usage: 'Set a response header to send back to the client (format: "Field: value")' },
];
const FILE_SERVER_FLAGS: FlagSpec[] = [
  { name: 'domain', short: 'd', kind: 'string', usage: 'Domain name at which to serve the files' },
  { name: 'root', short: 'r', kind: 'string', usage: 'The path to the root of the site' },
  { name: 'listen', short: 'l', kind: 'string', usage: 'The address to which to bind the listener' },
  { name: 'browse', short: 'b', kind: 'bool', usage: 'Enable directory browsing' },
  { name: 'reveal-symlinks', kind: 'bool', usage: 'Show symlink paths when browse is enabled.' },
  { name: 'templates', short: 't', kind: 'bool', usage: 'Enable template rendering' },
  { name: 'access-log', short: 'a', kind: 'bool', usage: 'Enable the access log' },
  { name: 'debug', short: 'v', kind: 'bool', usage: 'Enable verbose debug logs' },
  { name: 'file-limit', short: 'f', kind: 'int', usage: 'Max directories to read', default: '10000' },
  { name: 'no-compress', kind: 'bool', usage: 'Disable Zstandard and Gzip compression' },
  { name: 'precompressed', short: 'p', kind: 'strings', usage: 'Specify precompression file extensions. Compression preference implied from flag order.' },
];
const RESPOND_FLAGS: FlagSpec[] = [
  { name: 'listen', short: 'l', kind: 'string', usage: 'The address to which to bind the listener', default: 'localhost:0' },
  { name: 'status', short: 's', kind: 'int', usage: 'The response status code (default: 200)', default: '200' },
  { name: 'header', short: 'H', kind: 'strings', usage: 'Set a header on the response (format: "Field: value")' },
  { name: 'body', short: 'b', kind: 'string', usage: 'The body of the HTTP response' },
  { name: 'access-log', kind: 'bool', usage: 'Enable the access log' },
  { name: 'debug', short: 'v', kind: 'bool', usage: 'Enable more verbose debug-level logging' },
];

const RELOAD_FLAGS: FlagSpec[] = [
  { name: 'config', short: 'c', kind: 'string', usage: 'Configuration file (required)' },
  { name: 'adapter', short: 'a', kind: 'string', usage: 'Name of config adapter to apply' },
  { name: 'address', kind: 'string', usage: 'Address of the administration listener, if different from config' },
  { name: 'force', short: 'f', kind: 'bool', usage: 'Force config reload, even if it is the same' },
];

/** The subcommands caddy v2.10.2 registers; those not modelled say so. */
const SUBCOMMANDS: Readonly<Record<string, FlagSpec[]>> = { run: RUN_FLAGS, reload: RELOAD_FLAGS, 'reverse-proxy': PROXY_FLAGS, 'file-server': FILE_SERVER_FLAGS, respond: RESPOND_FLAGS, version: [] };
const OTHER_SUBCOMMANDS = ['adapt', 'add-package', 'build-info', 'completion', 'environ', 'fmt', 'hash-password', 'help', 'list-modules', 'manpage', 'remove-package', 'start', 'stop', 'storage', 'trust', 'untrust', 'upgrade', 'validate'];

/** cobra's error for a failed command: `Error: ...` on stderr, status 1 (SilenceUsage on the root command). */
const cobraError = (text: string, stderrBefore = '') => fail(`${stderrBefore}Error: ${text}\n`, 1);

export function caddyCommand(deps: CaddyDeps): Command {
  return (argv, ctx) => {
    const [sub, ...rest] = argv;
    // The root command runs nothing itself: cobra prints its help (flag.ErrHelp), status 0.
    if (sub === undefined || (sub === 'help' && rest.length === 0)) return ok(CADDY_HELP);
    if (sub.startsWith('-')) {
      // The root command's own flags: --version (-v), --help (-h).
      const root = parseCobra(argv, [{ name: 'version', short: 'v', kind: 'bool', usage: 'version for caddy' }]);
      if ('error' in root) return cobraError(root.error);
      if (root.help) return ok(CADDY_HELP);
      return root.flags.get('version') === true ? ok(`${CADDY_VERSION_TEXT}\n`) : cobraError(`unknown command "${root.args[0] ?? ''}" for "caddy"\nRun 'caddy --help' for usage.`);
    }
    const specs = SUBCOMMANDS[sub];
    if (!specs) {
      if (OTHER_SUBCOMMANDS.includes(sub)) return fail(`vethlab: caddy ${sub} is not modelled here; caddy run, reverse-proxy, file-server, respond and version are\n`, 1);
      return cobraError(`unknown command "${sub}" for "caddy"\nRun 'caddy --help' for usage.`);
    }
    const parsed = parseCobra(rest, specs);
    if ('error' in parsed) return cobraError(parsed.error);
    if (parsed.help) return fail(`vethlab: caddy ${sub}'s help text is not modelled here (caddy --help's is)\n`, 1);
    const flags = parsed.flags;
    const now = () => ctx.kernel.now;
    const prelude = [logLine(now(), 'info', undefined, `maxprocs: Leaving GOMAXPROCS=${deps.ncpu}: CPU quota undefined`), logLine(now(), 'info', undefined, 'GOMEMLIMIT is updated', { package: 'github.com/KimMachineGun/automemlimit/memlimit', GOMEMLIMIT, previous: new RawJson('9223372036854775807') })];
    switch (sub) {
      case 'version':
        return ok(`${CADDY_VERSION_TEXT}\n`);
      case 'run': {
        const start = runStartup(flags, ctx, now());
        if ('error' in start) return cobraError(start.error, prelude.join('') + start.logged);
        return startServing(deps, ctx, start, prelude.join(''));
      }
      case 'reload':
        return reload(deps, ctx, flags);
      case 'reverse-proxy': {
        const start = proxyStartup(flags);
        if (typeof start === 'string') return cobraError(start, prelude.join(''));
        return startServing(deps, ctx, start, prelude.join(''));
      }
      case 'file-server': {
        const start = fileServerStartup(flags);
        if (typeof start === 'string') return cobraError(start, prelude.join(''));
        return startServing(deps, ctx, start, prelude.join(''));
      }
      default: {
        const start = respondStartup(flags, parsed.args, argv);
        if (typeof start === 'string') return cobraError(start, prelude.join(''));
        return startServing(deps, ctx, start, prelude.join(''));
      }
    }
  };
}

type Flags = Map<string, string | string[] | boolean>;
const str = (f: Flags, n: string) => (f.get(n) as string | undefined) ?? '';
const list = (f: Flags, n: string) => (f.get(n) as string[] | undefined) ?? [];
const bool = (f: Flags, n: string) => f.get(n) === true;

/** cmdRun: the configuration file through its adapter (LoadConfig), or caddy's error. */
function runStartup(flags: Flags, ctx: CommandContext, now: number): Startup | { error: string; logged: string } {
  const file = str(flags, 'config');
  let adapter = str(flags, 'adapter');
  const logged: string[] = [];
  if (bool(flags, 'resume') || bool(flags, 'watch') || list(flags, 'envfile').length > 0 || str(flags, 'pingback') !== '') return { error: 'vethlab: caddy run --resume, --watch, --envfile and --pingback are not modelled here', logged: '' };
  if (adapter !== '' && file === '') return { error: 'cannot adapt config without config file (use --config)', logged: '' };
  let path = file;
  let input: string;
  if (file === '') {
    // An adjacent Caddyfile in the working directory, if there is one.
    const adjacent = ctx.fs.stat('Caddyfile') === 'file' ? ctx.fs.read('Caddyfile') : undefined;
    if (adjacent === undefined || ['ENOENT', 'EISDIR', 'EACCES'].includes(adjacent)) return { error: 'vethlab: caddy run with no configuration (an empty server with its admin endpoint) is not modelled here', logged: '' };
    input = adjacent;
    path = 'Caddyfile';
    logged.push(logLine(now, 'info', undefined, 'using adjacent Caddyfile'));
  } else {
    const read = ctx.fs.stat(file) === 'dir' ? 'EISDIR' : ctx.fs.read(file);
    if (read === 'ENOENT' || read === 'EISDIR' || read === 'EACCES' || read === 'ENOTDIR') {
      const why = { ENOENT: 'no such file or directory', EISDIR: 'is a directory', EACCES: 'permission denied', ENOTDIR: 'not a directory' }[read];
      return { error: `reading config from file: ${read === 'EISDIR' ? `read ${file}` : `open ${file}`}: ${why}`, logged: '' };
    }
    input = read;
    logged.push(logLine(now, 'info', undefined, 'using config from file', { file }));
  }
  // isCaddyfile: a file named Caddyfile (or *.caddyfile) needs no --adapter.
  if (adapter === '' && (/(^|\/)Caddyfile[^/]*$/.test(path) || path.endsWith('.caddyfile'))) adapter = 'caddyfile';
  if (adapter !== '' && adapter !== 'caddyfile') return { error: `unrecognized config adapter: ${adapter}`, logged: logged.join('') };
  if (adapter === '') return { error: 'vethlab: caddy configuration in JSON is not modelled here: use a Caddyfile (--adapter caddyfile)', logged: logged.join('') };
  let config: CaddyConfig;
  try {
    config = adaptCaddyfile(input, path, ctx.env);
  } catch (e) {
    if (!(e instanceof CaddyfileError)) throw e;
    return { error: `adapting config using caddyfile: ${e.message}`, logged: logged.join('') };
  }
  logged.push(logLine(now, 'info', undefined, 'adapted config to JSON', { adapter: 'caddyfile' }));
  for (const w of config.warnings) logged.push(logLine(now, 'warn', undefined, w.message, { adapter: 'caddyfile', file: path, line: w.line }));
  return { kind: 'run', config, source: input, preamble: logged, after: () => '' };
}

/**
 * cmdReload: the configuration loaded as `caddy run` loads it, then POSTed to the admin
 * endpoint on localhost:2019 (admin.ts says what is posted). Silent when it worked.
 */
function reload(deps: CaddyDeps, ctx: CommandContext, flags: Flags): ReturnType<Command> {
  if (str(flags, 'address') !== '') return fail('vethlab: caddy reload --address is not modelled here\n', 1);
  const start = runStartup(flags, ctx, ctx.kernel.now);
  if ('error' in start) return cobraError(start.error.replace(/^vethlab: caddy run with no configuration.*$/, 'no config file to load'), start.logged);
  const logged = start.preamble.join('');
  const body = start.source ?? '';
  const request = ['POST /load HTTP/1.1', `Host: localhost:${ADMIN_PORT}`, 'User-Agent: Go-http-client/1.1', `Content-Length: ${new TextEncoder().encode(body).length}`, ...(bool(flags, 'force') ? ['Cache-Control: must-revalidate'] : []), 'Content-Type: text/caddyfile', `Origin: http://localhost:${ADMIN_PORT}`, 'Accept-Encoding: gzip', '', body].join('\r\n');
  const conn = deps.servers.connect(ctx.netns, '127.0.0.1', ADMIN_PORT);
  const url = `Post "http://localhost:${ADMIN_PORT}/load"`;
  if (!conn.ok) {
    const why = conn.failure === 'refused' ? 'connect: connection refused' : 'i/o timeout';
    return { ...cobraError(`sending configuration to instance: performing request: ${url}: dial tcp 127.0.0.1:${ADMIN_PORT}: ${why}`, logged), traces: conn.traces };
  }
  const reply = deps.servers.converse(conn.peer, request);
  deps.servers.exchanged(conn.traces, httpExchange(request, reply));
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(reply)?.[1] ?? '0');
  if (status >= 400 || status === 0) {
    const answerBody = reply.slice(reply.indexOf('\r\n\r\n') + 4);
    return { ...cobraError(`sending configuration to instance: caddy responded with error: HTTP ${status}: ${answerBody}`, logged), traces: conn.traces };
  }
  return { stdout: '', stderr: logged, exitCode: 0, traces: conn.traces };
}

/** cmdReverseProxy: one site from --from to every --to. */
function proxyStartup(flags: Flags): Startup | string {
  const to = list(flags, 'to');
  if (to.length === 0) return '--to is required';
  if (bool(flags, 'insecure') || bool(flags, 'internal-certs') || bool(flags, 'access-log') || bool(flags, 'debug')) return 'vethlab: caddy reverse-proxy --insecure, --internal-certs, --access-log and --debug are not modelled here';
  const from = str(flags, 'from');
  const a = parseAddress(from);
  if (typeof a === 'string') return `invalid downstream address ${from}: ${a}`;
  const scheme = a.scheme !== '' ? a.scheme : a.port === HTTP_PORT || a.host === '' ? 'http' : 'https';
  const port = a.port ?? (scheme === 'http' ? HTTP_PORT : HTTPS_PORT);
  const upstreams: Upstream[] = [];
  for (const t of to) {
    const u = parseAddress(t);
    if (typeof u === 'string' || u.scheme === 'https') return typeof u === 'string' ? `invalid upstream address ${t}: ${u}` : 'vethlab: TLS to upstreams is not modelled here';
    upstreams.push({ host: u.host, port: u.port ?? HTTP_PORT, text: `${u.host}:${u.port ?? HTTP_PORT}` });
  }
  const headerOps = (values: string[], which: string) => {
    const ops = [];
    for (const [i, h] of values.entries()) {
      const m = /^([^:]+):\s*(.*)$/.exec(h);
      if (!m) return `${which} ${i}: invalid format "${h}" (expecting "Field: value")`;
      ops.push({ op: 'set' as const, name: m[1]!.trim(), value: m[2]! });
    }
    return ops;
  };
  const up = headerOps(list(flags, 'header-up'), 'header-up');
  const down = headerOps(list(flags, 'header-down'), 'header-down');
  if (typeof up === 'string') return up;
  if (typeof down === 'string') return down;
  if (bool(flags, 'change-host-header')) up.push({ op: 'set', name: 'Host', value: '{http.reverse_proxy.upstream.hostport}' });
  const handler: Handler = { kind: 'reverse_proxy', matcher: { kind: 'all' }, upstreams, policy: 'random', headerUp: up, headerDown: down };
  const site: Site = { addresses: [{ scheme, host: a.host, port }], routes: [handler], matchers: new Map() };
  const config = quickConfig([site], bool(flags, 'disable-redirects'), 'proxy');
  const fromText = `${scheme}://${(scheme === 'https' && port !== HTTPS_PORT) || (scheme === 'http' && port !== HTTP_PORT) ? `${a.host}:${port}` : a.host}`;
  return {
    kind: 'reverse-proxy',
    config,
    preamble: [],
    after: (now) => logLine(now, 'info', undefined, 'caddy proxying', { from: fromText, to: upstreams.map((u) => u.text) }) + (upstreams.length > 1 ? logLine(now, 'info', undefined, 'using default load balancing policy', { policy: 'random' }) : ''),
  };
}

/** cmdFileServer: the working directory (or --root) on :80, or on :443 for a --domain. */
function fileServerStartup(flags: Flags): Startup | string {
  if (bool(flags, 'templates') || bool(flags, 'access-log') || bool(flags, 'debug') || list(flags, 'precompressed').length > 0 || str(flags, 'domain') !== '') return 'vethlab: caddy file-server --domain, --templates, --access-log, --debug and --precompressed are not modelled here';
  const root = str(flags, 'root');
  const listen = str(flags, 'listen') || ':80';
  const a = parseAddress(listen);
  if (typeof a === 'string' || a.port === undefined) return `loading new config: http app module: start: listening on ${listen}: parsing network address: missing port in address`;
  const routes: Handler[] = [...(root !== '' ? [{ kind: 'root' as const, matcher: { kind: 'all' as const }, path: root }] : []), { kind: 'file_server', matcher: { kind: 'all' }, browse: bool(flags, 'browse') }];
  const config: CaddyConfig = { servers: [{ name: 'static', port: a.port, tls: false, sites: [{ addresses: [{ scheme: 'http', host: '', port: a.port }], routes, matchers: new Map() }], redirectHosts: [], redirectPort: HTTPS_PORT }], admin: false, autoHttps: 'on', certDomains: [], warnings: [], unmodelled: [] };
  return { kind: 'file-server', config, preamble: [], after: (now) => stdLogLine(now, `Caddy serving static files on ${listen}`) };
}

/** cmdRespond: a fixed answer on --listen (default localhost:0, a random port: this model needs a port). */
function respondStartup(flags: Flags, args: string[], argv: string[]): Startup | string {
  if (args.length > 1) return 'too many unflagged arguments';
  let status = Number(str(flags, 'status') || '200');
  let body = str(flags, 'body');
  const statusGiven = argv.includes('--status');
  const arg = args[0];
  if (arg !== undefined && arg !== '') {
    if (body !== '' && statusGiven) return `unflagged argument "${arg}" is overridden by flags`;
    if (/^-?\d+$/.test(arg) && !statusGiven) {
      const n = Number(arg);
      if (n >= 100 && n <= 999) status = n;
    } else if (body === '') body = arg;
  }
  const listen = str(flags, 'listen') || 'localhost:0';
  const a = parseAddress(listen);
  if (typeof a === 'string' || a.port === undefined || a.port === 0) return 'vethlab: caddy respond on a random port (no --listen :PORT) is not modelled here';
  const headers = [];
  for (const [i, h] of list(flags, 'header').entries()) {
    const m = /^([^:]+):\s*(.*)$/.exec(h);
    if (!m) return `header ${i}: invalid format "${h}" (expecting "Field: value")`;
    headers.push({ op: 'add' as const, name: m[1]!.trim(), value: m[2]! });
  }
  const routes: Handler[] = [...(headers.length > 0 ? [{ kind: 'header' as const, matcher: { kind: 'all' as const }, ops: headers }] : []), { kind: 'respond', matcher: { kind: 'all' }, body, status, close: false }];
  const config: CaddyConfig = { servers: [{ name: 'static0', port: a.port, tls: false, sites: [{ addresses: [{ scheme: 'http', host: '', port: a.port }], routes, matchers: new Map() }], redirectHosts: [], redirectPort: HTTPS_PORT }], admin: false, autoHttps: 'on', certDomains: [], warnings: [], unmodelled: [] };
  const shown = a.host === '' || a.host === '0.0.0.0' ? `[::]:${a.port}` : a.host === 'localhost' ? `127.0.0.1:${a.port}` : `${a.host}:${a.port}`;
  return { kind: 'respond', config, preamble: [], after: () => '', afterStdout: `Server address: ${shown}\n` };
}

/** The servers a quick subcommand builds (no admin endpoint, nothing persisted). */
function quickConfig(sites: Site[], disableRedirects: boolean, name: string): CaddyConfig {
  const config: CaddyConfig = { servers: [], admin: false, autoHttps: disableRedirects ? 'disable_redirects' : 'on', certDomains: [], warnings: [], unmodelled: [] };
  config.servers = buildServers(sites, config).map((s, i) => (s.name.startsWith('srv') ? { ...s, name: i === 0 ? name : s.name } : s));
  return config;
}

/** The sockets a configuration listens on: each server's TCP port on [::] (and UDP for HTTP/3 with TLS), the admin endpoint on localhost. */
function listensOf(config: CaddyConfig): Listen[] {
  const out: Listen[] = [];
  for (const s of config.servers) {
    out.push({ proto: 'tcp', address: '::', family: 6, port: s.port });
    if (s.tls) out.push({ proto: 'udp', address: '::', family: 6, port: s.port });
  }
  if (config.admin) out.push({ proto: 'tcp', address: '127.0.0.1', family: 4, port: ADMIN_PORT });
  return out;
}

/** What caddy.Run logs as a configuration starts: the admin endpoint, automatic HTTPS, each server. */
function serverStartLines(config: CaddyConfig, t: number): string[] {
  const lines: string[] = [];
  if (config.admin) lines.push(logLine(t, 'info', 'admin', 'admin endpoint started', { address: `localhost:${ADMIN_PORT}`, enforce_origin: false, origins: [`//localhost:${ADMIN_PORT}`, `//[::1]:${ADMIN_PORT}`, `//127.0.0.1:${ADMIN_PORT}`] }));
  else lines.push(logLine(t, 'warn', 'admin', 'admin endpoint disabled'));
  lines.push(logLine(t, 'info', 'tls.cache.maintenance', 'started background certificate maintenance', { cache: CACHE_POINTER }));
  for (const s of config.servers.filter((x) => x.name !== 'remaining_auto_https_redirects')) {
    if (!s.tls && s.port === HTTP_PORT) lines.push(logLine(t, 'warn', 'http.auto_https', 'server is listening only on the HTTP port, so no automatic HTTPS will be applied to this server', { server_name: s.name, http_port: HTTP_PORT }));
    if (s.tls && s.port === HTTPS_PORT) lines.push(logLine(t, 'info', 'http.auto_https', 'server is listening only on the HTTPS port but has no TLS connection policies; adding one to enable TLS', { server_name: s.name, https_port: HTTPS_PORT }));
    if (s.tls && config.autoHttps === 'on') lines.push(logLine(t, 'info', 'http.auto_https', 'enabling automatic HTTP->HTTPS redirects', { server_name: s.name }));
    if (s.tls && config.autoHttps === 'disable_redirects') lines.push(logLine(t, 'info', 'http.auto_https', 'automatic HTTP->HTTPS redirects are disabled', { server_name: s.name }));
  }
  const local = config.certDomains.filter((d) => d.issuer === 'local');
  if (local.length > 0) {
    lines.push(logLine(t, 'warn', 'pki.ca.local', 'installing root certificate (you might be prompted for password)', { path: 'storage:pki/authorities/local/root.crt' }));
    lines.push(logLine(t, 'info', undefined, 'certificate installed properly in linux trusts'));
  }
  for (const s of config.servers) {
    const addr = `:${s.port}`;
    if (s.tls) lines.push(logLine(t, 'info', 'http', 'enabling HTTP/3 listener', { addr }));
    else {
      lines.push(logLine(t, 'warn', 'http', 'HTTP/2 skipped because it requires TLS', { network: 'tcp', addr }));
      lines.push(logLine(t, 'warn', 'http', 'HTTP/3 skipped because it requires TLS', { network: 'tcp', addr }));
    }
    lines.push(logLine(t, 'info', 'http.log', 'server running', { name: s.name, protocols: ['h1', 'h2', 'h3'] }));
  }
  if (config.certDomains.length > 0) {
    lines.push(logLine(t, 'info', 'http', 'enabling automatic TLS certificate management', { domains: config.certDomains.map((d) => d.host) }));
    lines.push(`vethlab: TLS is not modelled here: caddy's HTTPS listener${config.servers.filter((s) => s.tls).length > 1 ? 's answer' : ' answers'} a plain-HTTP request as Go's TLS server does, and curl https:// is refused\n`);
  }
  return lines;
}

/** caddy.Run and what follows: the startup log, the listeners bound, a server that answers. */
function startServing(deps: CaddyDeps, ctx: CommandContext, start: Startup, prelude: string): ReturnType<Command> {
  const now = () => ctx.kernel.now;
  const t = now();
  const { config } = start;
  const lines: string[] = [prelude, ...start.preamble, ...config.unmodelled.map((u) => `${u}\n`)];
  const listens = listensOf(config);
  // A port taken: caddy's error, after what it had logged (the admin endpoint binds first).
  const taken = bindAll(ctx, listens, 'caddy');
  if (taken) {
    const first = config.servers[0];
    const port = first?.port ?? ADMIN_PORT;
    return fail(`${lines.join('')}Error: loading initial config: loading new config: http app module: start: listening on :${port}: listen tcp :${port}: bind: address already in use\n`, 1);
  }
  lines.push(...serverStartLines(config, t));
  if (start.kind === 'run' && config.admin) lines.push(logLine(t, 'info', undefined, 'autosaved config (load with --resume flag)', { file: '/config/caddy/autosave.json' }));
  if (start.kind === 'run') lines.push(logLine(t, 'info', undefined, 'serving initial configuration'));
  lines.push(start.after(t));
  for (const d of config.certDomains) lines.push(...obtainLines(deps, t, d.host, d.issuer));
  lines.push(logLine(t, 'info', 'tls', 'cleaning storage unit', { storage: 'FileStorage:/data/caddy' }));
  lines.push(logLine(t, 'info', 'tls', 'finished cleaning storage units'));

  let current = config;
  const admin = { source: start.source ?? '', env: ctx.env, load: (next: CaddyConfig, source: string) => {
    // Listeners the new configuration keeps stay bound (caddy's listener pool); the others close or open.
    const nextListens = listensOf(next);
    const key = (l: Listen) => `${l.proto}/${l.address}/${l.port}`;
    const closing = program.listens.filter((l) => !nextListens.some((n) => key(n) === key(l)));
    const opening = nextListens.filter((n) => !program.listens.some((l) => key(n) === key(l)));
    for (const l of closing) ctx.kernel.unlisten(ctx.netns, l.proto, l.address, l.port);
    if (bindAll(ctx, opening, 'caddy')) {
      for (const l of closing) bindAll(ctx, [l], 'caddy');
      const port = opening[0]!.port;
      return { error: `loading config: loading new config: http app module: start: listening on :${port}: listen tcp :${port}: bind: address already in use` };
    }
    program.listens = nextListens;
    current = next;
    admin.source = source;
    return [...next.unmodelled.map((u) => `${u}\n`), ...serverStartLines(next, now()), logLine(now(), 'info', undefined, 'autosaved config (load with --resume flag)', { file: '/config/caddy/autosave.json' })];
  } };
  const legsOf: Trace[] = [];
  const seed = [...(ctx.env.HOSTNAME ?? 'caddy')].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0, 7);
  const random = new SeededRandom(seed);
  const http = new CaddyHttp({
    now,
    files: ctx.fs,
    cwd: ctx.fs.cwd,
    mtime: deps.imageCreated(),
    upstream: (u, request) => dialUpstream(deps, ctx.netns, u, request, legsOf),
    random: (n) => random.nextUint32() % n,
    turns: new Map(),
  });
  const program: Running = {
    process: 'caddy',
    argv: ['caddy'],
    listens,
    // caddy.TrapSignals (sigtrap_posix.go): SIGTERM shuts the apps down gracefully and exits 0 (caddy.go's exitProcess).
    onTerm: () => {
      const at = now();
      const signal = { signal: 'SIGTERM' };
      const stderr = [
        logLine(at, 'info', undefined, 'shutting down apps, then terminating', signal),
        logLine(at, 'warn', undefined, 'exiting; byeee!! \u{1F44B}', signal),
        logLine(at, 'info', 'http', 'servers shutting down with eternal grace period'),
        ...(current.admin ? [logLine(at, 'info', 'admin', 'stopped previous server', { address: `localhost:${ADMIN_PORT}` })] : []),
        logLine(at, 'info', undefined, 'shutdown complete', { ...signal, exit_code: 0 }),
      ];
      return { stderr: stderr.join(''), exitCode: 0 };
    },
    serve: (input: ClientData): Served => {
      legsOf.length = 0;
      if (input.proto === 'udp') return { reply: '', stdout: '', stderr: '', next: program };
      if (input.port === ADMIN_PORT && current.admin) {
        const answered = adminServe(input.data, { ip: input.client, port: input.clientPort ?? 0 }, admin, now());
        return { reply: answered.reply, stdout: '', stderr: answered.log, next: program };
      }
      const server = current.servers.find((s) => s.port === input.port);
      if (!server) return { reply: PLAIN_HTTP_TO_TLS, stdout: '', stderr: '', next: program };
      const served = http.answer(server, input.data, { ip: input.client, port: input.clientPort ?? 0 });
      return { reply: served.raw, stdout: '', stderr: served.log, next: program, legs: legsOf.splice(0) };
    },
  };
  return { ...stillRunning(program), stdout: start.afterStdout ?? '', stderr: lines.join('') };
}

/**
 * certmagic obtaining a certificate: the local CA signs localhost's at once; ACME needs
 * acme-v02.api.letsencrypt.org, which the offline world does not resolve, so the first
 * attempt fails as Let's Encrypt's directory request fails, and certmagic will retry.
 */
function obtainLines(deps: CaddyDeps, t: number, host: string, issuer: 'local' | 'acme'): string[] {
  const obtain = (level: 'info' | 'error', msg: string, fields: Record<string, unknown> = {}) => logLine(t, level, 'tls.obtain', msg, fields);
  const lines = [obtain('info', 'acquiring lock', { identifier: host }), obtain('info', 'lock acquired', { identifier: host }), obtain('info', 'obtaining certificate', { identifier: host })];
  if (issuer === 'local') return [...lines, obtain('info', 'certificate obtained successfully', { identifier: host, issuer: 'local' }), obtain('info', 'releasing lock', { identifier: host })];
  const acme = 'acme-v02.api.letsencrypt.org';
  const answer = deps.lookup(acme);
  const reason = answer.kind === 'address' ? `dial tcp ${answer.address}:443: vethlab: TLS is not modelled here` : answer.kind === 'timeout' ? `dial tcp: lookup ${acme} on ${deps.nameserver()}:53: i/o timeout` : `dial tcp: lookup ${acme} on ${deps.nameserver()}:53: no such host`;
  const error = `registering account [] with server: provisioning client: performing request: Get "https://${acme}/directory": ${reason}`;
  return [...lines, obtain('error', 'could not get certificate from issuer', { identifier: host, issuer: `${acme}-directory`, error }), obtain('error', 'will retry', { error: `[${host}] Obtain: ${error}`, attempt: 1, retrying_in: 60, elapsed: 0, max_duration: 2592000 })];
}

/** net.Dial by Go's resolver, then the request on the connection (caddy's dial_timeout: 3 s); its packets go to `legs`. */
function dialUpstream(deps: CaddyDeps, netns: string, u: Upstream, request: string, legs: Trace[]): UpstreamAnswer {
  let ip = parseIPv4(u.host) !== undefined ? u.host : undefined;
  if (ip === undefined) {
    const answer = deps.lookup(u.host);
    legs.push(...(answer.traces ?? []));
    if (answer.kind === 'timeout') return { ok: false, error: `dial tcp: lookup ${u.host} on ${deps.nameserver()}:53: i/o timeout`, timeout: true };
    if (answer.kind !== 'address') return { ok: false, error: `dial tcp: lookup ${u.host} on ${deps.nameserver()}:53: no such host`, timeout: false };
    ip = answer.address;
  }
  const conn = deps.servers.connect(netns, ip, u.port, { timeout: 3 });
  legs.push(...conn.traces);
  const target = `${ip}:${u.port}`;
  if (!conn.ok) {
    const why = { refused: 'connect: connection refused', timeout: 'i/o timeout', unreachable: 'connect: no route to host', 'no-route': 'connect: network is unreachable' }[conn.failure];
    return { ok: false, error: `dial tcp ${target}: ${why}`, timeout: conn.failure === 'timeout' };
  }
  const further: Trace[] = [];
  const reply = deps.servers.converse(conn.peer, request, further);
  deps.servers.exchanged(conn.traces, httpExchange(request, reply));
  legs.push(...further);
  if (reply === '') return { ok: false, error: 'EOF', timeout: false };
  return { ok: true, raw: reply };
}
