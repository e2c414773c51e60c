/**
 * What Go's net/http server puts on the wire, for the small Go web servers tutorials
 * run (./web-echo.ts): the status line in the request's protocol, the handler's
 * headers sorted by name (Header.WriteSubset), then the ones the server adds in
 * extraHeader.Write's order (Date, Content-Length, Content-Type, Connection), a body
 * whose type it sniffs when the handler set none (DetectContentType), none for HEAD.
 */

/** A request as a Go handler sees it. */
export interface GoRequest {
  method: string;
  /** The request target as sent: path and query. */
  uri: string;
  path: string;
  query: URLSearchParams;
  proto: 'HTTP/1.0' | 'HTTP/1.1';
  /** Canonical header names (textproto.CanonicalMIMEHeaderKey), in the order sent. */
  headers: [string, string][];
  host: string;
  /** What follows the head. */
  body: string;
}

/** A handler's answer before the server frames it. */
export interface GoResponse {
  status: number;
  /** Headers the handler set. */
  headers: [string, string][];
  body: string;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 418: "I'm a teapot",
  429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** http.StatusText, as the status line uses it (`status code N` for one it does not know). */
export function statusText(code: number): string {
  return STATUS_TEXT[code] ?? '';
}

/** textproto.CanonicalMIMEHeaderKey: `user-agent` is `User-Agent`. */
export function canonicalKey(name: string): string {
  return name
    .toLowerCase()
    .split('-')
    .map((w) => (w === '' ? w : w[0]!.toUpperCase() + w.slice(1)))
    .join('-');
}

/** The request a client's bytes carry, or undefined when they are not HTTP (the server answers 400 then). */
export function parseGoRequest(raw: string): GoRequest | undefined {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const [requestLine = '', ...lines] = head.split(/\r?\n/);
  const m = /^([A-Z]+) (\S+) (HTTP\/1\.[01])$/.exec(requestLine);
  if (!m) return undefined;
  const headers: [string, string][] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.push([canonicalKey(line.slice(0, colon).trim()), line.slice(colon + 1).trim()]);
  }
  const uri = m[2]!;
  const queryAt = uri.indexOf('?');
  return {
    method: m[1]!,
    uri,
    path: queryAt < 0 ? uri : uri.slice(0, queryAt),
    query: new URLSearchParams(queryAt < 0 ? '' : uri.slice(queryAt + 1)),
    proto: m[3] as GoRequest['proto'],
    // The Host header leaves the header map for Request.Host.
    headers: headers.filter(([k]) => k !== 'Host'),
    host: headers.find(([k]) => k === 'Host')?.[1] ?? '',
    body: split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, ''),
  };
}

/** What net/http answers a request line it cannot parse, before closing. */
export const GO_BAD_REQUEST = 'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request';

/** A request header's first value. */
export function header(req: GoRequest, name: string): string | undefined {
  return req.headers.find(([k]) => k === name)?.[1];
}

/** Request.Write, as whoami echoes the request: request line, Host, User-Agent (Go's own when none), the other headers sorted. */
export function requestDump(req: GoRequest): string {
  const excluded = new Set(['Host', 'User-Agent', 'Content-Length', 'Transfer-Encoding', 'Trailer']);
  const others = stableSorted(req.headers.filter(([k]) => !excluded.has(k)));
  const userAgent = header(req, 'User-Agent') ?? 'Go-http-client/1.1';
  return [`${req.method} ${req.uri} HTTP/1.1`, `Host: ${req.host}`, ...(userAgent === '' ? [] : [`User-Agent: ${userAgent}`]), ...others.map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');
}

/** Sorted by name; one name's values keep their order. */
function stableSorted(headers: readonly [string, string][]): [string, string][] {
  return headers
    .map((h, i) => ({ h, i }))
    .sort((a, b) => (a.h[0] < b.h[0] ? -1 : a.h[0] > b.h[0] ? 1 : a.i - b.i))
    .map(({ h }) => h);
}

/** http.DetectContentType for text bodies: HTML and XML by their first tag, else plain text. */
function sniffedType(body: string): string {
  const start = body.replace(/^[\t\n\f\r ]+/, '');
  const html = ['<!DOCTYPE HTML', '<HTML', '<HEAD', '<SCRIPT', '<IFRAME', '<H1', '<DIV', '<FONT', '<TABLE', '<A', '<STYLE', '<TITLE', '<B', '<BODY', '<BR', '<P', '<!--'];
  for (const tag of html) {
    const next = start[tag.length];
    if (start.slice(0, tag.length).toUpperCase() === tag && (next === ' ' || next === '>')) return 'text/html; charset=utf-8';
  }
  if (start.startsWith('<?xml')) return 'text/xml; charset=utf-8';
  return 'text/plain; charset=utf-8';
}

/** http.Error: the message as plain text, never sniffed. */
export function goError(message: string, status: number, extra: [string, string][] = []): GoResponse {
  return { status, headers: [...extra, ['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff']], body: `${message}\n` };
}

/** The bytes the server writes for a handler's answer to `req`, at time `now` (ms). */
export function goWire(req: GoRequest, res: GoResponse, now: number): string {
  const has = (name: string) => res.headers.some(([k]) => k === name);
  const statusLine = `${req.proto === 'HTTP/1.0' ? 'HTTP/1.0' : 'HTTP/1.1'} ${res.status} ${statusText(res.status) || `status code ${res.status}`}`;
  const added: string[] = [];
  if (!has('Date')) added.push(`Date: ${new Date(now).toUTCString()}`);
  const bodyAllowed = res.status !== 204 && res.status !== 304 && !(res.status >= 100 && res.status < 200);
  if (!has('Content-Length') && bodyAllowed) added.push(`Content-Length: ${new TextEncoder().encode(res.body).length}`);
  if (!has('Content-Type') && bodyAllowed && res.body !== '') added.push(`Content-Type: ${sniffedType(res.body)}`);
  // The client asked to close (an HTTP/1.1 `Connection: close`): the answer says so too.
  if (req.proto === 'HTTP/1.1' && /\bclose\b/i.test(header(req, 'Connection') ?? '')) added.push('Connection: close');
  const head = [statusLine, ...stableSorted(res.headers).map(([k, v]) => `${k}: ${v}`), ...added, '', ''].join('\r\n');
  return req.method === 'HEAD' ? head : head + res.body;
}

/** `flag.Parse` of Go's flag package: `-name value`, `-name=value`, `--name=value`; bool flags take no value. */
export type GoFlags = Map<string, string>;

export interface GoFlagSpec {
  name: string;
  kind: 'string' | 'int' | 'bool';
  usage: string;
  default: string;
}

/** The flags parsed, or the package's error and usage text (exit status 2; `-h` and `-help`: the usage, status 0). */
export function parseGoFlags(program: string, argv: readonly string[], specs: readonly GoFlagSpec[]): { flags: GoFlags; args: string[] } | { error: string; exitCode: 0 | 2 } {
  const flags: GoFlags = new Map(specs.map((s) => [s.name, s.default]));
  const usage = () => goUsage(program, specs);
  let i = 0;
  for (; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') {
      i++;
      break;
    }
    if (!word.startsWith('-') || word === '-') break;
    const body = word.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const spec = specs.find((s) => s.name === name);
    if (!spec && (name === 'help' || name === 'h')) return { error: usage(), exitCode: 0 };
    if (!spec) return { error: `flag provided but not defined: -${name}\n${usage()}`, exitCode: 2 };
    let value = eq < 0 ? undefined : body.slice(eq + 1);
    if (spec.kind === 'bool') value ??= 'true';
    else if (value === undefined) {
      if (i + 1 >= argv.length) return { error: `flag needs an argument: -${name}\n${usage()}`, exitCode: 2 };
      value = argv[++i]!;
    }
    if (spec.kind === 'int' && !/^[+-]?\d+$/.test(value)) return { error: `invalid value "${value}" for flag -${name}: parse error\n${usage()}`, exitCode: 2 };
    if (spec.kind === 'bool' && !/^(1|0|t|f|true|false|TRUE|FALSE|True|False)$/.test(value)) return { error: `invalid boolean value "${value}" for -${name}: parse error\n${usage()}`, exitCode: 2 };
    flags.set(name, value);
  }
  return { flags, args: argv.slice(i) };
}

/** flag.PrintDefaults under `Usage of PROGRAM:`, flags sorted by name. */
function goUsage(program: string, specs: readonly GoFlagSpec[]): string {
  const lines = [`Usage of ${program}:`];
  for (const s of [...specs].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    lines.push(`  -${s.name}${s.kind === 'bool' ? '' : ` ${s.kind}`}`);
    const shownDefault = s.kind === 'bool' ? (s.default === 'false' ? '' : ` (default ${s.default})`) : s.default === '' || (s.kind === 'int' && s.default === '0') ? '' : s.kind === 'string' ? ` (default "${s.default}")` : ` (default ${s.default})`;
    lines.push(`    \t${s.usage}${shownDefault}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Go's log package's default prefix: `2006/01/02 15:04:05 ` (UTC in a container). */
export function goLogTime(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** encoding/json's Encoder: HTML-safe escapes of <, > and &, and of U+2028/U+2029. */
export function goJson(value: unknown): string {
  return `${JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}\n`;
}
