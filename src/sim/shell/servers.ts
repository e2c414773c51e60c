/**
 * The application layer: a TCP connection through the packet walk (following
 * docker-proxy's second connection to the container), and what the process
 * that accepted it answers. httpd serves files over HTTP; redis-server speaks
 * the Redis protocol and keeps its keys per container, as long as the world lives;
 * nginx (the official image) serves /usr/share/nginx/html with its own headers
 * and error pages.
 */
import type { Engine } from '../docker/engine.ts';
import { formatIPv4 } from '../netfilter/inet.ts';
import { formatAddr } from '../netfilter/addr.ts';
import type { Exchange, Probe, Trace } from '../net/trace.ts';
import { httpExchange, lineExchange } from '../net/exchange.ts';
import { observedResult } from '../net/trace.ts';
import { NGINX_VERSION } from '../docker/images.ts';
import { GW_NS, HOST_NS, INTERNET_IP } from '../docker/world.ts';
import type { FileSystem } from './fs.ts';
import type { Processes } from './processes.ts';
import type { NginxConfig } from './nginx-conf.ts';
import type { NginxAnswer } from './nginx-server.ts';
import { lazyPart } from './lazy/parts.ts';
import { absoluteLocation, hostHeaderOf } from './nginx-redirect.ts';

/** nginx's reason phrases (ngx_http_status_lines) for the statuses it sends itself. */
const NGINX_STATUS: Record<number, string> = {
  200: 'OK', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed', 500: 'Internal Server Error',
  502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out',
};

/** nginx's error log time (ngx_cached_err_log_time): `2026/12/06 20:00:00`, UTC in the container. */
export function nginxLogTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)}`;
}

/** `07/Dec/2026:13:05:21 +0000`: nginx's $time_local and Apache's %t (the containers run in UTC). */
export function accessLogTime(ms: number): string {
  const d = new Date(ms);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]!;
  return `${String(d.getUTCDate()).padStart(2, '0')}/${month}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
}

/** Where the official httpd image keeps its pages. */
const APACHE_DOCROOT = '/usr/local/apache2/htdocs';

export type ConnectFailure = 'refused' | 'timeout' | 'unreachable' | 'no-route';

export interface ConnectOptions {
  /** Seconds the program waits for an answer; undefined waits for the kernel to give up. */
  timeout?: number;
}

/** How long Linux takes to give up on a neighbour (ucast_solicit 3 x retrans_time 1 s): then EHOSTUNREACH. */
const ARP_FAILURE_SECONDS = 3;

/**
 * When Linux sends a connect's SYNs, in seconds: kernel 6.18's net.ipv4.tcp_syn_linear_timeouts
 * (4, the rig's kernel) retransmits 1 s apart before backing off exponentially, six retries at
 * most (tcp_syn_retries). The rig's counters show it: `curl -m 3` sends 3 SYNs, `wget -T 2` 2.
 */
const SYN_TIMES = [0, 1, 2, 3, 4, 5, 7];

/** SYNs Linux sends before `timeout` seconds pass. */
export function synAttempts(timeout: number | undefined): number {
  return SYN_TIMES.filter((t) => timeout === undefined || t < timeout).length;
}

/** The process at the far end of an accepted connection. */
export interface Peer {
  process: string;
  netns: string;
  /** The port the connection reached (after any NAT). */
  port: number;
  /** The client address the server saw (after any NAT). */
  client: string;
  /** The client's port and the server's own address, as the accepted socket names them. */
  clientPort?: number;
  local?: string;
}

export type Connection = { ok: true; peer: Peer; traces: Trace[] } | { ok: false; failure: ConnectFailure; traces: Trace[] };

/** A key-value store per redis-server, by the container it runs in. */
export class RedisStores {
  private readonly stores = new Map<string, Map<string, string>>();

  of(containerId: string): Map<string, string> {
    let store = this.stores.get(containerId);
    if (!store) this.stores.set(containerId, (store = new Map()));
    return store;
  }
}

/** One Redis reply, in RESP as redis 7 sends it. */
export type RedisReply = { type: 'status' | 'error'; text: string } | { type: 'bulk'; text: string | null } | { type: 'integer'; value: number } | { type: 'array'; items: string[] };

export function encodeReply(reply: RedisReply): string {
  switch (reply.type) {
    case 'status':
      return `+${reply.text}\r\n`;
    case 'error':
      return `-${reply.text}\r\n`;
    case 'bulk':
      return reply.text === null ? '$-1\r\n' : `$${reply.text.length}\r\n${reply.text}\r\n`;
    case 'integer':
      return `:${reply.value}\r\n`;
    case 'array':
      return `*${reply.items.length}\r\n${reply.items.map((i) => `$${i.length}\r\n${i}\r\n`).join('')}`;
  }
}

/** A command as redis clients send it: a RESP array of bulk strings. */
export function encodeCommand(args: readonly string[]): string {
  const bulk = (a: string) => `$${new TextEncoder().encode(a).length}\r\n${a}\r\n`;
  return `*${args.length}\r\n${args.map(bulk).join('')}`;
}

/** Splits an inline command as redis does: blanks separate, double or single quotes group. */
export function splitRedisLine(line: string): string[] {
  const args: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) args.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]!));
  return args;
}

const wrongArgs = (name: string): RedisReply => ({ type: 'error', text: `ERR wrong number of arguments for '${name}' command` });

/** Runs one command against a store. */
export function redisCommand(store: Map<string, string>, args: string[]): RedisReply {
  const [rawName = '', ...rest] = args;
  const name = rawName.toLowerCase();
  switch (name) {
    case 'ping':
      if (rest.length > 1) return wrongArgs(name);
      return rest.length === 1 ? { type: 'bulk', text: rest[0]! } : { type: 'status', text: 'PONG' };
    case 'echo':
      return rest.length === 1 ? { type: 'bulk', text: rest[0]! } : wrongArgs(name);
    case 'set':
      if (rest.length < 2) return wrongArgs(name);
      store.set(rest[0]!, rest[1]!);
      return { type: 'status', text: 'OK' };
    case 'get':
      return rest.length === 1 ? { type: 'bulk', text: store.get(rest[0]!) ?? null } : wrongArgs(name);
    case 'del':
    case 'exists': {
      if (rest.length === 0) return wrongArgs(name);
      const n = rest.filter((k) => store.has(k)).length;
      if (name === 'del') rest.forEach((k) => store.delete(k));
      return { type: 'integer', value: n };
    }
    case 'incr': {
      if (rest.length !== 1) return wrongArgs(name);
      const current = store.get(rest[0]!) ?? '0';
      if (!/^-?\d+$/.test(current)) return { type: 'error', text: 'ERR value is not an integer or out of range' };
      const next = String(Number(current) + 1);
      store.set(rest[0]!, next);
      return { type: 'integer', value: Number(next) };
    }
    case 'keys': {
      if (rest.length !== 1) return wrongArgs(name);
      const pattern = new RegExp(`^${rest[0]!.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
      return { type: 'array', items: [...store.keys()].filter((k) => pattern.test(k)).sort() };
    }
    case 'dbsize':
      return { type: 'integer', value: store.size };
    case 'flushall':
    case 'flushdb':
      store.clear();
      return { type: 'status', text: 'OK' };
    case 'quit':
      return { type: 'status', text: 'OK' };
    default: {
      const shown = rest.map((a) => `'${a}' `).join('');
      return { type: 'error', text: `ERR unknown command '${rawName}', with args beginning with: ${shown}` };
    }
  }
}

/** A file tree an HTTP server serves from (a container's files), by the server's namespace. */
export type FilesOf = (netns: string) => FileSystem | undefined;

/** Who sends an HTTP request: each writes its own headers. */
export type HttpClient = 'busybox-wget' | 'gnu-wget' | 'curl' | 'nginx';

/** What a client adds to a plain GET: another method, its own headers, a body (curl's -X, -H, -u, -d). */
export interface HttpRequestExtra {
  method?: string;
  /** Sent after the client's own headers (curl puts Authorization right after Host). */
  headers?: string[];
  authorization?: string;
  /** In place of the client's own User-Agent (curl's -A). */
  userAgent?: string;
  body?: string;
}

/** The request each client sends, as a raw server prints it (recorded on the rig: golden 55). */
export function httpRequest(client: HttpClient, path: string, host: string, extra: HttpRequestExtra = {}): string {
  const headers = {
    'busybox-wget': ['User-Agent: Wget', 'Connection: close'],
    'gnu-wget': ['User-Agent: Wget/1.21.3', 'Accept: */*', 'Accept-Encoding: identity', 'Connection: Keep-Alive'],
    curl: ['User-Agent: curl/7.88.1', 'Accept: */*'],
    // proxy_pass: HTTP/1.0 unless proxy_http_version says otherwise (ngx_http_proxy_module).
    nginx: ['Connection: close'],
  }[client];
  // A header the user gives replaces the client's own of that name (curl's -H 'User-Agent: x').
  const given = extra.headers ?? [];
  const givenNames = new Set(given.map((h) => h.split(':')[0]!.toLowerCase()));
  const own = [`Host: ${host}`, ...(extra.authorization ? [`Authorization: ${extra.authorization}`] : []), ...headers.map((h) => (extra.userAgent !== undefined && h.startsWith('User-Agent:') ? `User-Agent: ${extra.userAgent}` : h))].filter((h) => !givenNames.has(h.split(':')[0]!.toLowerCase()));
  const body = extra.body === undefined ? [] : [`Content-Length: ${new TextEncoder().encode(extra.body).length}`, ...(givenNames.has('content-type') ? [] : ['Content-Type: application/x-www-form-urlencoded'])];
  return [`${extra.method ?? 'GET'} ${path} HTTP/1.${client === 'nginx' ? 0 : 1}`, ...own, ...given, ...body, '', extra.body ?? ''].join('\r\n');
}

/** What a raw server wrote back, read as an HTTP answer; 'silent' when it wrote nothing. */
function parseHttpAnswer(raw: string): { status: number; head: string; body: string } | 'silent' | undefined {
  if (raw === '') return 'silent';
  const m = /^HTTP\/1\.[01] (\d{3})[^\n]*\n/.exec(raw);
  if (!m) return undefined;
  const split = /\r?\n\r?\n/.exec(raw);
  if (!split) return { status: Number(m[1]), head: raw, body: '' };
  return { status: Number(m[1]), head: raw.slice(0, split.index + split[0].length), body: raw.slice(split.index + split[0].length) };
}

/** The "internet" web server on gw: busybox httpd over a page and a CGI script. */
const INTERNET_PAGE = `<html><body><h1>Hello from ${INTERNET_IP} (the internet)</h1></body></html>\n`;

export type HttpResult =
  /** `head`: the status line and headers as sent, CRLF-separated, with the blank line. */
  | { kind: 'ok'; body: string; head: string; traces: Trace[] }
  | { kind: 'not-found'; status: number; body: string; head: string; traces: Trace[] }
  | { kind: ConnectFailure | 'not-http'; traces: Trace[] };

/** The servers of one world: connections through the packet walk, and what each server process answers. */
export class Servers {
  readonly engine: Engine;
  private readonly filesOf: FilesOf;
  private readonly redis = new RedisStores();
  /** The programs running in containers (servers started by command lines); set by the simulator. */
  programs: Processes | undefined;
  /** The configuration each nginx container read at its start (nginx-process.ts), by container ID. */
  readonly nginxConfigs = new Map<string, NginxConfig>();
  /** Round-robin turns per nginx container and upstream. */
  private readonly upstreamTurns = new Map<string, number>();

  constructor(engine: Engine, filesOf: FilesOf) {
    this.engine = engine;
    this.filesOf = filesOf;
  }

  /**
   * A TCP connect from namespace `from` to ip:port; docker-proxy relays to its container.
   * `timeout` is how long the
   * program waits for an answer (seconds; the kernel's SYN retries fall inside it).
   */
  connect(from: string, ip: string, port: number, opts: ConnectOptions = {}, depth = 0): Connection {
    const probe: Probe = { kind: 'tcp-connect', from, dst: ip, port, attempts: synAttempts(opts.timeout) };
    const trace = this.engine.kernel.probe(probe);
    const traces = [trace];
    const seen = observedResult(trace);
    const o = trace.outcome;
    if (seen !== 'reply' || o.kind !== 'delivered') {
      let failure: ConnectFailure = seen === 'reply' ? 'timeout' : seen === 'ttl-exceeded' ? 'unreachable' : seen;
      // A neighbour that never answers ARP fails the connect after 3 s (3 solicitations, 1 s apart): a shorter timer fires first.
      if (failure === 'unreachable' && seen !== 'ttl-exceeded' && opts.timeout !== undefined && opts.timeout < ARP_FAILURE_SECONDS) failure = 'timeout';
      return { ok: false, failure, traces };
    }
    const arrived = [...trace.hops].reverse().find((h) => h.leg === 'request' && h.kind === 'deliver')?.packet;
    if (o.process === 'docker-proxy') {
      const backend = arrived && this.proxyBackend(arrived.dport);
      // docker-proxy accepts, fails to reach its container, and closes: the client sees a reset.
      if (!backend || depth > 2) return { ok: false, failure: 'refused', traces };
      const inner = this.connect(HOST_NS, backend.ip, backend.port, opts, depth + 1);
      return { ...inner, traces: [...traces, ...inner.traces] };
    }
    const peer: Peer = { process: o.process ?? '', netns: o.netns, port: arrived?.dport ?? port, client: arrived ? formatAddr(arrived.src) : '' };
    if (arrived) Object.assign(peer, { clientPort: arrived.sport, local: formatAddr(arrived.dst) });
    return { ok: true, peer, traces };
  }

  /** The container address and port a docker-proxy on `hostPort` forwards to. */
  private proxyBackend(hostPort: number): { ip: string; port: number } | undefined {
    for (const c of this.engine.containers.values()) {
      const ep = [...c.endpoints.values()].find((e) => e.publishesPorts);
      const binding = ep?.bound.find((b) => b.proxied && b.hostPort === hostPort && b.proto === 'tcp');
      if (ep && binding) return { ip: formatIPv4(ep.ip), port: binding.containerPort };
    }
    return undefined;
  }

  /** The keys of the redis-server a connection reached. */
  redisStore(peer: Peer): Map<string, string> {
    const container = [...this.engine.containers.values()].find((c) => c.netns === peer.netns);
    return this.redis.of(container?.id ?? peer.netns);
  }

  /**
   * What a server sends back for `input` written on a connection (as `echo ... | nc` does).
   * A relay's own connections (socat forwarding) are added to `legs`.
   */
  converse(peer: Peer, input: string, legs: Trace[] = []): string {
    const raw = this.rawServer(peer, 'tcp');
    if (raw) return this.programs!.serve(raw, { proto: 'tcp', port: peer.port, client: peer.client, clientPort: peer.clientPort, local: peer.local, data: input }, legs);
    if (peer.process === 'redis-server') {
      const store = this.redisStore(peer);
      let out = '';
      for (const line of input.split('\n')) {
        const args = splitRedisLine(line.replace(/\r$/, ''));
        if (args.length === 0) continue;
        out += encodeReply(redisCommand(store, args));
        if (args[0]!.toLowerCase() === 'quit') break;
      }
      return out;
    }
    if (peer.process === 'httpd' && input.trim() !== '') return this.httpd(peer, input.split('\n')[0]!.replace(/\r$/, '')).raw;
    if (peer.process === 'nginx' && input.trim() !== '') return this.nginx(peer, input.split('\n')[0]!.replace(/\r$/, ''), hostHeaderOf(input)).raw;
    return '';
  }

  /** A program that answers with whatever it is given to send (netcat listening, a script around it). */
  private rawServer(peer: Peer, proto: 'tcp' | 'udp') {
    const p = this.programs?.at(peer.netns, proto, peer.port);
    return p?.program.serve ? p : undefined;
  }

  /**
   * A UDP datagram the kernel delivered (`trace`): the server that bound the port reads
   * `data` (netcat prints it). Nothing comes back to a client that only sends.
   */
  datagram(trace: Trace, data: string, legs: Trace[] = []): void {
    const o = trace.outcome;
    if (o.kind !== 'delivered') return;
    const arrived = [...trace.hops].reverse().find((h) => h.leg === 'request' && h.kind === 'deliver')?.packet;
    if (!arrived) return;
    const peer: Peer = { process: o.process ?? '', netns: o.netns, port: arrived.dport, client: formatAddr(arrived.src) };
    const raw = this.rawServer(peer, 'udp');
    if (raw) this.programs!.serve(raw, { proto: 'udp', port: peer.port, client: peer.client, clientPort: arrived.sport, local: formatAddr(arrived.dst), data }, legs);
  }

  /**
   * A relay's second leg (socat `TCP:host:port` behind a listener): a TCP connection
   * from `from` to ip:port carrying `data` and what the server answers, its bytes
   * walked as the conversation's. Its traces (and any further relay's) go to `legs`.
   */
  relay(from: string, ip: string, port: number, data: string, legs: Trace[]): { ok: true; reply: string } | { ok: false; failure: ConnectFailure } {
    const conn = this.connect(from, ip, port);
    legs.push(...conn.traces);
    if (!conn.ok) return { ok: false, failure: conn.failure };
    const further: Trace[] = [];
    const reply = this.converse(conn.peer, data, further);
    this.exchanged(conn.traces, lineExchange(data, reply));
    legs.push(...further);
    return { ok: true, reply };
  }

  /**
   * GET `path` as wget and curl do: the body, or why there is none. `client` is who
   * asks and `hostHeader` its Host header (the URL's host, with its port unless 80):
   * a raw server (nc) prints their request; nginx matches server_name with it.
   */
  httpGet(from: string, ip: string, port: number, path: string, timeout?: number, client: HttpClient = 'curl', hostHeader = port === 80 ? ip : `${ip}:${port}`, extra: HttpRequestExtra = {}): HttpResult {
    // The conversation is walked once the answer is known: its bytes are what rule counters add.
    const conn = this.connect(from, ip, port, timeout === undefined ? {} : { timeout });
    if (!conn.ok) return { kind: conn.failure, traces: conn.traces };
    const request = httpRequest(client, path, hostHeader, extra);
    const method = extra.method ?? 'GET';
    if (this.rawServer(conn.peer, 'tcp')) {
      const relayed: Trace[] = [];
      const raw = this.converse(conn.peer, request, relayed);
      this.exchanged(conn.traces, httpExchange(request, raw));
      const answer = parseHttpAnswer(raw);
      const traces = [...conn.traces, ...relayed];
      // A server that sends nothing and keeps the connection open: the client's timer ends it.
      if (answer === 'silent') return { kind: 'timeout', traces };
      if (answer === undefined) return { kind: 'not-http', traces };
      if (answer.status === 200) return { kind: 'ok', body: answer.body, head: answer.head, traces };
      return { kind: 'not-found', status: answer.status, body: answer.body, head: answer.head, traces };
    }
    if (conn.peer.process !== 'httpd' && conn.peer.process !== 'nginx') {
      this.exchanged(conn.traces, httpExchange(request, ''));
      return { kind: 'not-http', traces: conn.traces };
    }
    // A proxied request's own legs (nginx -> upstream) follow the client's.
    const legs: Trace[] = [];
    // nginx reads the Host the request carries: the URL's, or one the user gave (curl -H 'Host: x').
    const requestLine = `${method} ${path} HTTP/1.1`;
    const answer = conn.peer.process === 'nginx' ? this.nginx(conn.peer, requestLine, hostHeaderOf(request), legs) : this.httpd(conn.peer, requestLine);
    const split = answer.raw.indexOf('\r\n\r\n');
    const head = split < 0 ? answer.raw : answer.raw.slice(0, split + 4);
    this.accessLog(conn.peer, requestLine, request, answer.status, method === 'HEAD' ? 0 : answer.body.length, new TextEncoder().encode(method === 'HEAD' ? head : answer.raw).length, hostHeaderOf(request));
    // A HEAD request is answered with the head alone.
    this.exchanged(conn.traces, httpExchange(request, method === 'HEAD' ? head : answer.raw));
    const traces = [...conn.traces, ...legs];
    if (answer.status === 200) return { kind: 'ok', body: answer.body, head, traces };
    return { kind: 'not-found', status: answer.status, body: answer.body, head, traces };
  }

  /**
   * What followed the handshake over each connection a connect made (client to
   * docker-proxy, proxy to container), walked as segments: their bytes are what rule
   * counters add. docker-proxy relays the answer in one write, whatever its server's were.
   */
  exchanged(traces: readonly Trace[], exchange: Exchange): void {
    const relayed: Exchange = { ...exchange, server: [{ bytes: exchange.server.reduce((n, w) => n + w.bytes, 0), text: exchange.server.map((w) => w.text ?? '').join('') }] };
    for (const trace of traces) {
      const o = trace.outcome;
      if (trace.probe.kind !== 'tcp-connect' || o.kind !== 'delivered') continue;
      this.engine.kernel.converse(trace, o.process === 'docker-proxy' ? relayed : exchange);
    }
  }

  /** busybox httpd's answer to one request line: files under -h /www (htdocs in the official image), CGI on the internet host. */
  private httpd(peer: Peer, requestLine: string): { status: number; body: string; raw: string } {
    const date = new Date(this.engine.kernel.now).toUTCString();
    const head = (status: string, extra: string[] = []) => [`HTTP/1.1 ${status}`, `Date: ${date}`, 'Connection: close', ...extra].join('\r\n');
    const error = (code: number, title: string, text: string) => {
      const body = `<HTML><HEAD><TITLE>${code} ${title}</TITLE></HEAD>\n<BODY><H1>${code} ${title}</H1>\n${text}\n</BODY></HTML>\n`;
      return { status: code, body, raw: `${head(`${code} ${title}`, ['Content-type: text/html'])}\r\n\r\n${body}` };
    };
    const m = /^(\S+) (\/\S*) HTTP\/1\.[01]$/.exec(requestLine);
    if (!m) return error(400, 'Bad Request', 'Unsupported method');
    const path = m[2]!.split('?')[0]!;
    // Files answer GET and HEAD only; any other method gets 501 (golden fidelity-curl-flags: POST).
    const fileMethod = m[1] === 'GET' || m[1] === 'HEAD';
    const notImplemented = () => error(501, 'Not Implemented', 'The requested method is not recognized');
    if (peer.netns === GW_NS) {
      if (path === '/cgi-bin/whoami') {
        const body = `you are ${peer.client}\n`;
        // busybox httpd sends its status line, then the CGI's output as it is (the rig's script prints one header).
        return { status: 200, body, raw: `HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n${body}` };
      }
      if (path !== '/' && path !== '/index.html') return error(404, 'Not Found', 'The requested URL was not found');
      return fileMethod ? this.ok(head, INTERNET_PAGE) : notImplemented();
    }
    const files = this.filesOf(peer.netns);
    // The rig's busybox httpd serves -h /www; the official image's Apache, its htdocs.
    // (Apache's own headers and error pages are not modelled yet: the body is what a tutorial reads.)
    const started = this.programs?.at(peer.netns, 'tcp', peer.port)?.program.docroot;
    const root = started ?? (files?.stat(APACHE_DOCROOT) === 'dir' ? APACHE_DOCROOT : '/www');
    const file = `${root}${path.endsWith('/') ? `${path}index.html` : path}`;
    const content = files?.read(file);
    if (content === undefined || typeof content !== 'string' || ['ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST'].includes(content)) {
      return error(404, 'Not Found', 'The requested URL was not found');
    }
    return fileMethod ? this.ok(head, content) : notImplemented();
  }

  /**
   * nginx's answer to one request line: with the configuration it read at start
   * (nginx-server.ts: servers, locations, return, proxy_pass), or as the official
   * image's default server (root /usr/share/nginx/html, index index.html): the file
   * with nginx's headers, a 301 to the directory with a slash, or nginx's own error
   * page (CRLF lines, `nginx/VERSION` in the footer).
   */
  private nginx(peer: Peer, requestLine: string, host = '', traces: Trace[] = []): { status: number; body: string; raw: string } {
    const server = `nginx/${NGINX_VERSION}`;
    const date = new Date(this.engine.kernel.now).toUTCString();
    const m = /^([A-Z]+) (\/\S*) HTTP\/1\.([01])$/.exec(requestLine);
    const keepAlive = m?.[3] === '1';
    const head = (status: string, extra: string[]) => [`HTTP/1.1 ${status}`, `Server: ${server}`, `Date: ${date}`, ...extra].join('\r\n');
    const errorAnswer = (code: number): NginxAnswer => {
      const title = `${code} ${NGINX_STATUS[code] ?? ''}`.trim();
      return { status: code, body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>${server}</center>\r\n</body>\r\n</html>\r\n`, headers: [], contentType: 'text/html' };
    };
    const render = (a: NginxAnswer, close = false) => {
      const title = `${a.status} ${NGINX_STATUS[a.status] ?? ''}`.trim();
      const located = a.headers.map((h) => (h.startsWith('Location: ') ? `Location: ${absoluteLocation(h.slice('Location: '.length), host, peer.local ?? this.hostOf(peer), peer.port)}` : h));
      const headers = [`Content-Type: ${a.contentType ?? 'text/html'}`, `Content-Length: ${a.body.length}`, ...located.filter((h) => !h.startsWith('Last-Modified') && !h.startsWith('ETag') && !h.startsWith('Accept-Ranges')), ...located.filter((h) => h.startsWith('Last-Modified')), `Connection: ${keepAlive && !close ? 'keep-alive' : 'close'}`, ...located.filter((h) => h.startsWith('ETag') || h.startsWith('Accept-Ranges'))];
      return { status: a.status, body: a.body, raw: `${head(title, headers)}\r\n\r\n${m?.[1] === 'HEAD' ? '' : a.body}` };
    };
    if (!m) return render(errorAnswer(400), true);
    if (m[1] !== 'GET' && m[1] !== 'HEAD') return render(errorAnswer(405));
    let path: string;
    try {
      path = decodeURIComponent(m[2]!.split('?')[0]!);
    } catch {
      return render(errorAnswer(400), true);
    }
    const files = this.filesOf(peer.netns);
    const c = [...this.engine.containers.values()].find((x) => x.netns === peer.netns);
    // The directory's redirect keeps the request's arguments (ngx_http_static_handler).
    const args = m[2]!.split('?').slice(1).join('?');
    const serveFile = (root: string, index: readonly string[], reqPath: string): NginxAnswer => {
      if (!reqPath.endsWith('/') && files?.stat(root + reqPath) === 'dir') return { ...errorAnswer(301), headers: [`Location: ${reqPath}/${args === '' ? '' : `?${args}`}`] };
      const candidates = reqPath.endsWith('/') ? index.map((i) => `${root}${reqPath}${i}`) : [root + reqPath];
      const file = candidates.find((f) => files?.stat(f) === 'file');
      const content = file === undefined ? undefined : files!.read(file);
      if (file === undefined || content === undefined || ['ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EROFS'].includes(content)) {
        // An index-less directory is forbidden (autoindex is off); anything else is not there.
        return reqPath.endsWith('/') && files?.stat(root + reqPath) === 'dir' && reqPath !== '/' ? errorAnswer(403) : errorAnswer(404);
      }
      const mtime = c ? this.engine.imageOf(c).created : this.engine.kernel.now;
      const ext = /\.([a-z0-9]+)$/.exec(file)?.[1] ?? '';
      const type = ({ html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', json: 'application/json', xml: 'text/xml' } as Record<string, string>)[ext] ?? 'application/octet-stream';
      return { status: 200, body: content, contentType: type, headers: [`Last-Modified: ${new Date(mtime).toUTCString()}`, `ETag: "${Math.floor(mtime / 1000).toString(16)}-${content.length.toString(16)}"`, 'Accept-Ranges: bytes'] };
    };
    const config = c && this.nginxConfigs.get(c.id);
    if (!config || !c) return render(serveFile('/usr/share/nginx/html', ['index.html'], path));
    // A configuration is kept only by nginx's start, which the nginx part made.
    const answer = lazyPart('nginx').nginxAnswer(
      {
        config,
        files,
        fetch: (ip, port, p, h) => this.httpGet(peer.netns, ip, port, p, undefined, 'nginx', h),
        nextTurn: (upstream) => {
          const key = `${c.id}/${upstream}`;
          const turn = this.upstreamTurns.get(key) ?? 0;
          this.upstreamTurns.set(key, turn + 1);
          return turn;
        },
        errorLog: (line) => {
          c.logs += `${nginxLogTime(this.engine.kernel.now)} ${line}\n`;
        },
        serveFile,
        errorPage: errorAnswer,
        traces,
      },
      { method: m[1]!, path, port: peer.port ?? 80, host, client: peer.client },
    );
    return render(answer);
  }

  /**
   * The access log line a request leaves: nginx's as its configuration says (nginx-log.ts:
   * the image's `main` format to access.log, a link to stdout, unless the configuration
   * says otherwise), the official httpd image's `common` (its httpd.conf: CustomLog
   * /proc/self/fd/1). The rig's busybox httpd and a server started by a command line log nothing.
   */
  private accessLog(peer: Peer, requestLine: string, request: string, status: number, bytes: number, sent: number, host: string): void {
    const c = [...this.engine.containers.values()].find((x) => x.netns === peer.netns);
    if (!c || this.programs?.at(peer.netns, 'tcp', peer.port) !== undefined) return;
    const time = accessLogTime(this.engine.kernel.now);
    if (peer.process === 'nginx') {
      const config = this.nginxConfigs.get(c.id);
      const entry = { now: this.engine.kernel.now, timeLocal: time, client: peer.client, requestLine, request, port: peer.port ?? 80, host, status, bodyBytes: bytes, sentBytes: sent, hostname: c.hostname };
      // nginx listens only once the nginx part has started it.
      const nginx = lazyPart('nginx');
      if (!config) c.logs += `${nginx.formatLine(nginx.IMAGE_MAIN_FORMAT, entry)}\n`;
      else nginx.writeAccessLog(config, entry, { output: (line) => (c.logs += line), file: (path, line) => this.filesOf(peer.netns)?.write(path, line, true) });
      return;
    }
    if (this.filesOf(peer.netns)?.stat(APACHE_DOCROOT) !== 'dir') return;
    // Apache's %b: the body's bytes, `-` for none.
    c.logs += `${peer.client} - - [${time}] "${requestLine}" ${status} ${bytes === 0 ? '-' : bytes}\n`;
  }

  /** The address a client reached a server at (what nginx puts in a redirect's Location). */
  private hostOf(peer: Peer): string {
    const c = [...this.engine.containers.values()].find((x) => x.netns === peer.netns);
    const ep = c && [...c.endpoints.values()][0];
    return ep ? formatIPv4(ep.ip) : 'localhost';
  }

  private ok(head: (status: string, extra?: string[]) => string, body: string): { status: number; body: string; raw: string } {
    const modified = new Date(this.engine.kernel.now).toUTCString();
    const etag = `"${Math.floor(this.engine.kernel.now / 1000).toString(16)}-${body.length.toString(16)}"`;
    const headers = ['Content-type: text/html', 'Accept-Ranges: bytes', `Last-Modified: ${modified}`, `ETag: ${etag}`, `Content-Length: ${body.length}`];
    return { status: 200, body, raw: `${head('200 OK', headers)}\r\n\r\n${body}` };
  }
}
