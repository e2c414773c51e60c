/**
 * The two echo servers reverse-proxy and load-balancing tutorials put behind nginx or
 * traefik, as their Go sources answer:
 *
 * - traefik/whoami v1.11.0 (github.com/traefik/whoami app.go): `/` prints the
 *   container's hostname, every interface address, the client's address and the
 *   request itself; `/api` the same as JSON, `/health` an empty 200, `/bench` "1",
 *   `/data?size=N` N bytes of its pattern, `/echo` (a websocket) refuses a plain GET.
 * - hashicorp/http-echo 1.0.0 (github.com/hashicorp/http-echo main.go, handlers.go):
 *   `-text` (or ECHO_TEXT) on every path, with its X-App headers and a log line per
 *   request; `/health` answers `{"status":"ok"}`.
 *
 * Each is a program the image runs (its ENTRYPOINT), so `docker run IMAGE -flags`
 * decides its port, and both serve through the simulated network like any server.
 */
import { bindAll, stillRunning } from './listen.ts';
import { GO_BAD_REQUEST, goError, goJson, goLogTime, goWire, header, parseGoFlags, parseGoRequest, requestDump, type GoFlagSpec, type GoRequest, type GoResponse } from './go-http.ts';
import type { ClientData, Command, CommandContext, Listen, Running, Served } from './types.ts';
import { fail } from './types.ts';

/** The version the `latest` tag carries (X-App-Version). */
export const HTTP_ECHO_VERSION = '1.0.0';

/** How long a handler takes, as the request log prints it: the simulator does not time handlers. */
const HANDLER_DURATION = '41.2µs';

/** net.Interfaces then Addrs: each interface in index order, its IPv4 addresses, then its IPv6 ones. */
function interfaceAddresses(ctx: CommandContext): string[] {
  const ns = ctx.kernel.netns(ctx.netns);
  if (!ns) return [];
  const v4 = ns.addresses();
  const v6 = ns.addresses6();
  return ns.links().flatMap((l) => [...v4.filter((a) => a.ifname === l.name).map((a) => a.address), ...v6.filter((a) => a.ifname === l.name).map((a) => a.address)]);
}

const remoteAddr = (c: ClientData) => (c.client.includes(':') ? `[${c.client}]:${c.clientPort ?? 0}` : `${c.client}:${c.clientPort ?? 0}`);

/** A Go server's socket: `:PORT` on every address (dual-stack), `HOST:PORT` on that one. */
function goListen(address: string): Listen | string {
  const m = /^(.*):(\d+)$/.exec(address);
  if (!m) return `listen tcp: address ${address}: missing port in address`;
  const host = m[1]!.replace(/^\[(.*)\]$/, '$1');
  const port = Number(m[2]);
  if (port > 65535) return `listen tcp: address ${port}: invalid port`;
  if (host === '' || host === '::' || host === '0.0.0.0') return { proto: 'tcp', address: host === '0.0.0.0' ? '0.0.0.0' : '::', family: host === '0.0.0.0' ? 4 : 6, port };
  return { proto: 'tcp', address: host, family: host.includes(':') ? 6 : 4, port };
}

/** A server that answers each request alike and keeps running. */
function httpServer(process: string, argv: string[], listen: Listen, answer: (req: GoRequest, client: ClientData) => { res: GoResponse; stdout?: string; stderr?: string }, now: () => number): Running {
  const program: Running = {
    process,
    argv,
    listens: [listen],
    serve: (client): Served => {
      const req = parseGoRequest(client.data);
      // A line that is not HTTP: Go answers 400 and closes.
      if (!req) return { reply: GO_BAD_REQUEST, stdout: '', stderr: '', next: program };
      const { res, stdout = '', stderr = '' } = answer(req, client);
      return { reply: goWire(req, res, now()), stdout, stderr, next: program };
    },
  };
  return program;
}

const WHOAMI_FLAGS = (env: Record<string, string>): GoFlagSpec[] => [
  { name: 'verbose', kind: 'bool', usage: 'Enable verbose logging', default: 'false' },
  { name: 'cert', kind: 'string', usage: 'give me a certificate', default: '' },
  { name: 'key', kind: 'string', usage: 'give me a key', default: '' },
  { name: 'cacert', kind: 'string', usage: 'give me a CA chain, enforces mutual TLS', default: '' },
  { name: 'port', kind: 'string', usage: 'give me a port number', default: env.WHOAMI_PORT_NUMBER || '80' },
  { name: 'name', kind: 'string', usage: 'give me a name', default: env.WHOAMI_NAME ?? '' },
];

/** The pattern `/data` streams (content.go): `|`, the charset by position, `|`; a size of 1 or less is empty. */
function dataBody(size: number): string {
  if (size < 2) return '';
  const charset = '-ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let out = '|';
  for (let i = 1; i < size - 1; i++) out += charset[i % charset.length];
  return `${out}|`;
}

const UNITS: Readonly<Record<string, number>> = { kb: 1 << 10, mb: 1 << 20, gb: 2 ** 30, tb: 2 ** 40 };
/** The largest body modelled: net/http sends a bigger one in chunks (past its 2048-byte buffer), which is not modelled. */
const MAX_DATA = 2048;

export const whoamiCommand: Command = (argv, ctx) => {
  const program = '/whoami';
  const parsed = parseGoFlags(program, argv, WHOAMI_FLAGS(ctx.env));
  if ('error' in parsed) return fail(parsed.error, parsed.exitCode);
  const flags = parsed.flags;
  if (flags.get('cert') !== '' && flags.get('key') !== '') return fail('vethlab: whoami over TLS (-cert, -key) is not modelled here\n', 1);
  const port = flags.get('port')!;
  const now = () => ctx.kernel.now;
  const listen = goListen(`:${port}`);
  const started = `${goLogTime(now())} Starting up on port ${port}\n`;
  if (typeof listen === 'string') return fail(`${started}${goLogTime(now())} ${listen}\n`, 1);
  if (bindAll(ctx, [listen], 'whoami')) return fail(`${started}${goLogTime(now())} listen tcp :${port}: bind: address already in use\n`, 1);
  const name = flags.get('name')!;
  const verbose = /^(1|t|true|TRUE|True)$/.test(flags.get('verbose')!);
  const hostname = ctx.env.HOSTNAME ?? '';
  const environ = Object.entries(ctx.env).map(([k, v]) => `${k}=${v}`);
  const running = httpServer(
    'whoami',
    [program, ...argv],
    listen,
    (req, client) => {
      const res = whoamiAnswer(req, client, { name, hostname, ips: interfaceAddresses(ctx), environ });
      const d = new Date(now());
      const clf = `${String(d.getUTCDate()).padStart(2, '0')}/${d.toUTCString().slice(8, 11)}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
      return { res, stderr: verbose ? `${goLogTime(now())} ${remoteAddr(client)} - - [${clf}] "${req.method} ${req.path} ${req.proto}" - -\n` : '' };
    },
    now,
  );
  return { ...stillRunning(running), stderr: started };
};

function whoamiAnswer(req: GoRequest, client: ClientData, me: { name: string; hostname: string; ips: string[]; environ: string[] }): GoResponse {
  const wantsEnv = /^(1|t|true|TRUE|True)$/.test(req.query.get('env') ?? '');
  switch (req.path) {
    case '/health':
      return { status: 200, headers: [], body: '' };
    case '/bench':
      return { status: 200, headers: [['Connection', 'keep-alive'], ['Content-Type', 'text/plain']], body: '1' };
    case '/echo':
      // gorilla/websocket's Upgrade refuses a request without `Connection: upgrade`.
      if (!/\bupgrade\b/i.test(header(req, 'Connection') ?? '')) return goError('Bad Request', 400, [['Sec-Websocket-Version', '13']]);
      return goError('vethlab: websocket conversations are not modelled here', 501);
    case '/data': {
      const parsedSize = Number.parseInt(req.query.get('size') ?? '', 10);
      const size = Math.max(0, Number.isNaN(parsedSize) ? 1 : parsedSize) * (UNITS[(req.query.get('unit') ?? '').toLowerCase()] ?? 1);
      if (size > MAX_DATA) return goError(`vethlab: whoami's /data above ${MAX_DATA} bytes is not modelled here`, 501);
      // attachment=true goes through http.ServeContent (ranges, Last-Modified), which is not modelled.
      if (/^(1|t|true|TRUE|True)$/.test(req.query.get('attachment') ?? '')) return goError("vethlab: whoami's /data as an attachment is not modelled here", 501);
      return { status: 200, headers: [], body: dataBody(size) };
    }
    case '/api': {
      const headers: Record<string, string[]> = {};
      for (const [k, v] of [...req.headers].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) (headers[k] ??= []).push(v);
      const environ = wantsEnv ? Object.fromEntries([...me.environ].sort().map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)])) : {};
      const data: Record<string, unknown> = { hostname: me.hostname, ip: me.ips, headers, url: req.uri, host: req.host, method: req.method };
      if (me.name !== '') data.name = me.name;
      data.remoteAddr = remoteAddr(client);
      if (Object.keys(environ).length > 0) data.environ = environ;
      return { status: 200, headers: [['Content-Type', 'application/json']], body: goJson(data) };
    }
  }
  const lines = [...(me.name !== '' ? [`Name: ${me.name}`] : []), `Hostname: ${me.hostname}`, ...me.ips.map((ip) => `IP: ${ip}`), `RemoteAddr: ${remoteAddr(client)}`];
  return { status: 200, headers: [], body: `${lines.join('\n')}\n${requestDump(req)}${wantsEnv ? me.environ.map((e) => `${e}\n`).join('') : ''}` };
}

const HTTP_ECHO_FLAGS: GoFlagSpec[] = [
  { name: 'listen', kind: 'string', usage: 'address and port to listen', default: ':5678' },
  { name: 'text', kind: 'string', usage: 'text to put on the webpage', default: '' },
  { name: 'version', kind: 'bool', usage: 'display version information', default: 'false' },
  { name: 'status-code', kind: 'int', usage: 'http response code, e.g.: 200', default: '200' },
];

export const httpEchoCommand: Command = (argv, ctx) => {
  const program = '/http-echo';
  const parsed = parseGoFlags(program, argv, HTTP_ECHO_FLAGS);
  if ('error' in parsed) return fail(parsed.error, parsed.exitCode);
  const { flags, args } = parsed;
  // version.HumanVersion: the commit and build time come from the release build's ldflags, which vethlab does not have.
  if (/^(1|t|true|TRUE|True)$/.test(flags.get('version')!)) return fail(`vethlab: http-echo -version prints its release build's commit and time, which vethlab does not have (it is ${HTTP_ECHO_VERSION})\n`, 1);
  const text = flags.get('text') || ctx.env.ECHO_TEXT || '';
  if (text === '') return fail('Missing -text option or ECHO_TEXT env var!\n', 127);
  if (args.length > 0) return fail('Too many arguments!\n', 127);
  const now = () => ctx.kernel.now;
  const address = flags.get('listen')!;
  const started = `${goLogTime(now())} [INFO] server is listening on ${address}\n`;
  const listen = goListen(address);
  if (typeof listen === 'string') return fail(`${started}${goLogTime(now())} [ERR] server exited with: ${listen}\n`, 1);
  if (bindAll(ctx, [listen], 'http-echo')) return fail(`${started}${goLogTime(now())} [ERR] server exited with: listen tcp ${address}: bind: address already in use\n`, 1);
  const status = Number(flags.get('status-code'));
  const appHeaders: [string, string][] = [['X-App-Name', 'http-echo'], ['X-App-Version', HTTP_ECHO_VERSION]];
  const running = httpServer(
    'http-echo',
    [program, ...argv],
    listen,
    (req, client) => {
      if (req.path === '/health') return { res: { status: 200, headers: appHeaders, body: '{"status":"ok"}\n' } };
      const body = `${text}\n`;
      // httpLog: the request and what was written, on standard output.
      const log = `${goLogTime(now())} ${req.host} ${remoteAddr(client)} "${req.method} ${req.path} ${req.proto}" ${status} ${new TextEncoder().encode(body).length} "${header(req, 'User-Agent') ?? ''}" ${HANDLER_DURATION}\n`;
      return { res: { status, headers: appHeaders, body }, stdout: log };
    },
    now,
  );
  return { ...stillRunning(running), stderr: started };
};
