/**
 * nginx's access log, as ngx_http_log_module writes it (nginx/nginx
 * src/http/modules/ngx_http_log_module.c; nginx.org's ngx_http_log_module page):
 * the `access_log` of the request's location, else its server's, else the http
 * block's, else nginx's default (`logs/access.log` in the `combined` format); `off`
 * logs nothing. Each log's line is its `log_format` with the variables filled in:
 * a variable nginx has no value for prints `-`, and values are escaped as the
 * format says (default: `"`, `\`, control and non-ASCII bytes as `\xHH`). The
 * official image links /var/log/nginx/access.log to /dev/stdout and error.log to
 * /dev/stderr (docker-library/nginx's Dockerfile), so those reach `docker logs`;
 * any other path is a file in the container.
 */
import { NGINX_VERSION } from '../docker/images.ts';
import type { FileSystem } from './fs.ts';
import { COMBINED_FORMAT, findLocation, findServer, NginxEmerg, type AccessLogs, type LogFormat, type NginxConfig } from './nginx-conf.ts';

/** nginx's default access log (NGX_HTTP_LOG_PATH of the official build, --http-log-path) in the combined format. */
const DEFAULT_PATH = '/var/log/nginx/access.log';

/** Paths whose lines are the container's output (`docker logs`): the image's two links and the standard streams. */
const CONTAINER_OUTPUT = new Set(['/var/log/nginx/access.log', '/var/log/nginx/error.log', '/dev/stdout', '/dev/stderr', '/proc/self/fd/1', '/proc/self/fd/2']);

/** One request as the log module sees it when the answer has been sent. */
export interface AccessEntry {
  /** The virtual clock (ms) and the same moment as `$time_local` (`07/Dec/2026:13:05:21 +0000`). */
  now: number;
  timeLocal: string;
  client: string;
  /** The request line as logged (`GET / HTTP/1.1`) and the request as sent (line and headers). */
  requestLine: string;
  request: string;
  /** The port the connection reached and the Host header (they choose the server block). */
  port: number;
  host: string;
  status: number;
  bodyBytes: number;
  /** The whole answer's bytes (`$bytes_sent`). */
  sentBytes: number;
  /** The container's host name (`$hostname`). */
  hostname: string;
}

/** Where the lines of one request go: the container's output, and files in the container. */
export interface AccessLogSinks {
  output: (line: string) => void;
  file: (path: string, line: string) => void;
}

/** The access logs that apply to a request: the location's, else the server's, else the http block's (merge_loc_conf). */
function logsFor(config: NginxConfig, entry: AccessEntry): AccessLogs | undefined {
  const server = findServer(config, entry.port, entry.host);
  const path = entry.requestLine.split(' ')[1]?.split('?')[0] ?? '/';
  const location = server && findLocation(server, path);
  return location?.accessLogs ?? server?.accessLogs ?? config.accessLogs;
}

/** The official image's `main` format (its nginx.conf, pkg-oss): nginx's line when vethlab holds no configuration of it. */
export const IMAGE_MAIN_FORMAT: LogFormat = { name: 'main', escape: 'default', text: '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"' };

/** Writes the request's access log lines (ngx_http_log_handler). */
export function writeAccessLog(config: NginxConfig, entry: AccessEntry, sinks: AccessLogSinks): void {
  const logs = logsFor(config, entry);
  if (logs?.off) return;
  const list = logs?.logs ?? [{ path: DEFAULT_PATH, format: COMBINED_FORMAT }];
  for (const log of list) {
    const line = formatLine(log.format, entry, serverName(config, entry));
    if (CONTAINER_OUTPUT.has(log.path)) sinks.output(`${line}\n`);
    else sinks.file(log.path, `${line}\n`);
  }
}

/**
 * The log files nginx opens as it reads its configuration (ngx_conf_open_file, then
 * ngx_init_cycle's open(O_CREAT|O_APPEND)): each file is created, and one in a directory
 * that does not exist stops nginx with `open() "PATH" failed (2: No such file or directory)`.
 */
export function openAccessLogs(config: NginxConfig, files: FileSystem): void {
  const levels = [config.accessLogs, ...config.servers.flatMap((s) => [s.accessLogs, ...s.locations.map((l) => l.accessLogs)])];
  const paths = new Set(levels.flatMap((l) => (l && !l.off ? l.logs.map((x) => x.path) : [])));
  for (const path of paths) {
    if (CONTAINER_OUTPUT.has(path)) continue;
    const failed = files.write(path, '', true);
    if (failed === 'EISDIR') throw new NginxEmerg(`open() "${path}" failed (21: Is a directory)`);
    if (failed === 'EROFS') throw new NginxEmerg(`open() "${path}" failed (30: Read-only file system)`);
    if (failed) throw new NginxEmerg(`open() "${path}" failed (2: No such file or directory)`);
  }
}

function serverName(config: NginxConfig, entry: AccessEntry): string {
  return findServer(config, entry.port, entry.host)?.names[0] ?? '';
}

/** A request header's value (`$http_user_agent` reads User-Agent), or undefined when the request has none. */
function header(request: string, variable: string): string | undefined {
  const name = variable.replace(/_/g, '-').toLowerCase();
  const head = request.split('\r\n\r\n')[0]!;
  const line = head.split('\r\n').slice(1).find((h) => h.slice(0, h.indexOf(':')).toLowerCase() === name);
  return line === undefined ? undefined : line.slice(line.indexOf(':') + 1).trim();
}

/**
 * A variable's value, undefined for one nginx has none for (logged as `-`). The log
 * module's own (time_local, status, body_bytes_sent...) are never escaped.
 */
function variable(name: string, entry: AccessEntry, server: string): { value: string | undefined; escaped: boolean } {
  const [method = '', target = '', protocol = ''] = entry.requestLine.split(' ');
  const own = (value: string) => ({ value, escaped: false });
  const found = (value: string | undefined) => ({ value, escaped: true });
  const iso = new Date(entry.now).toISOString();
  switch (name) {
    case 'time_local':
      return own(entry.timeLocal);
    case 'time_iso8601':
      return own(`${iso.slice(0, 19)}+00:00`);
    case 'msec':
      return own((entry.now / 1000).toFixed(3));
    case 'request_time':
      return own('0.000');
    case 'status':
      return own(String(entry.status));
    case 'body_bytes_sent':
      return own(String(entry.bodyBytes));
    case 'bytes_sent':
      return own(String(entry.sentBytes));
    case 'request_length':
      return own(String(new TextEncoder().encode(entry.request).length));
    case 'pipe':
      return own('.');
    case 'remote_addr':
      return found(entry.client);
    case 'request':
      return found(entry.requestLine);
    case 'request_method':
      return found(method);
    case 'request_uri':
      return found(target);
    case 'uri':
    case 'document_uri':
      return found(target.split('?')[0]);
    case 'args':
    case 'query_string':
      return found(target.includes('?') ? target.slice(target.indexOf('?') + 1) : undefined);
    case 'server_protocol':
      return found(protocol);
    case 'scheme':
      return found('http');
    case 'server_port':
      return found(String(entry.port));
    case 'server_name':
      return found(server);
    case 'host':
      return found((header(entry.request, 'host')?.replace(/:\d+$/, '') || server).toLowerCase());
    case 'hostname':
      return found(entry.hostname);
    case 'nginx_version':
      return found(NGINX_VERSION);
    default:
      // $remote_user without auth, $upstream_* without a proxy...: nothing to log. (What vethlab does not model logs the same.)
      return found(name.startsWith('http_') ? header(entry.request, name.slice('http_'.length)) : undefined);
  }
}

/** ngx_http_log_escape (default): `"`, `\`, bytes below 0x20 and from 0x7f as `\xHH`. */
function escapeDefault(value: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(value)) {
    out += byte < 0x20 || byte >= 0x7f || byte === 0x22 || byte === 0x5c ? `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte);
  }
  return out;
}

/** ngx_escape_json: `"` and `\` with a backslash, control characters as \n, \r, \t, \b, \f or \u00XX. */
function escapeJson(value: string): string {
  const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
  let out = '';
  for (const c of value) out += named[c] ?? (c.charCodeAt(0) < 0x20 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c);
  return out;
}

/** A format's line: `$name` and `${name}` replaced (ngx_http_log_compile_format's variable names: letters, digits, `_`). */
export function formatLine(format: LogFormat, entry: AccessEntry, server = ''): string {
  return format.text.replace(/\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g, (_m, braced: string | undefined, bare: string | undefined) => {
    const { value, escaped } = variable(braced ?? bare ?? '', entry, server);
    // json: a missing value is empty; the others print `-` (ngx_http_log_json_variable, ngx_http_log_variable).
    if (value === undefined) return format.escape === 'json' ? '' : '-';
    if (!escaped || format.escape === 'none') return value;
    return format.escape === 'json' ? escapeJson(value) : escapeDefault(value);
  });
}
