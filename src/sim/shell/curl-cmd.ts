/**
 * curl: the Debian hosts' 7.88.1 (golden fidelity-curl-flags) and the images' 8.x, over
 * Servers.httpGet. Its option grammar is curl's own (clusters such as `-sSf`, a short
 * option's value glued or in the next word, `--no-` for switches, no `--opt=value`), and
 * every option curl knows is either acted on here or refused in one vethlab line.
 */
import { parseAddr, parseIPv6 } from '../netfilter/addr.ts';
import { parseIPv4 } from '../netfilter/inet.ts';
import { CURL_SWITCHES, CURL_VALUED } from './curl-options.ts';
import { httpRequest, type HttpRequestExtra, type HttpResult, type Servers } from './servers.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';
import { fail } from './types.ts';
import { hostHeader } from './url-host.ts';

type Resolver = (name: string) => string | undefined;

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";
const VALUED = new Map(CURL_VALUED.map((o) => [o.long, o]));
const SWITCHES = new Map(CURL_SWITCHES.map((o) => [o.long, o]));
const SHORT = new Map([...CURL_VALUED, ...CURL_SWITCHES].filter((o) => o.short !== '').map((o) => [o.short, o.long]));

/**
 * The options the model acts on. The switches marked invisible change nothing a user
 * sees here: -k (no TLS), -q (no .curlrc), -g (no globbing in the URLs used), -N (no
 * buffering to notice), --http1.1 (what curl speaks to these servers anyway).
 */
const MODELLED = new Set([
  'silent', 'show-error', 'fail', 'include', 'head', 'verbose', 'output', 'remote-name', 'location', 'max-time', 'connect-timeout', 'write-out',
  'header', 'request', 'data', 'data-raw', 'data-binary', 'data-ascii', 'user', 'user-agent', 'resolve', 'ipv4', 'ipv6', 'url', 'version',
  'insecure', 'disable', 'globoff', 'no-buffer', 'http1.1',
]);

interface CurlArgs {
  switches: Set<string>;
  values: Map<string, string[]>;
  urls: string[];
  /** The word each value option was given in (curl names it so in its errors). */
  words: Map<string, string>;
}

const usageError = (word: string, text: string) => fail(`curl: option ${word}: ${text}\n${TRY}`, 2);

/** tool_getparam.c's loop over the words: options anywhere, everything else a URL. */
function parseCurl(argv: string[]): CurlArgs | CommandOutput {
  const args: CurlArgs = { switches: new Set(), values: new Map(), urls: [], words: new Map() };
  const give = (long: string, value: string, word: string) => {
    args.values.set(long, [...(args.values.get(long) ?? []), value]);
    args.words.set(long, word);
  };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word.startsWith('--')) {
      const name = word.slice(2);
      // --help's category is optional: the word after it stays a URL.
      if (name === 'help') args.switches.add(name);
      else if (VALUED.has(name)) {
        if (i + 1 >= argv.length) return usageError(word, 'requires parameter');
        give(name, argv[++i]!, word);
      } else if (SWITCHES.has(name)) args.switches.add(name);
      else if (name.startsWith('no-') && SWITCHES.has(name.slice(3))) args.switches.delete(name.slice(3));
      else if (name.startsWith('no-') && VALUED.has(name.slice(3))) return usageError(word, "used '--no-' for option that isn't a boolean");
      else return usageError(word, 'is unknown');
    } else if (word.startsWith('-') && word.length > 1) {
      for (let j = 1; j < word.length; j++) {
        const long = SHORT.get(word[j]!);
        if (long === undefined) return usageError(word, 'is unknown');
        if (!VALUED.has(long) || long === 'help') {
          args.switches.add(long);
          continue;
        }
        const rest = word.slice(j + 1);
        if (rest === '' && i + 1 >= argv.length) return usageError(word, 'requires parameter');
        give(long, rest === '' ? argv[++i]! : rest, word);
        break;
      }
    } else args.urls.push(word);
  }
  return args;
}

/** curl's str2udouble: a non-negative decimal number of seconds. */
const seconds = (text: string): number | undefined => (/^(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : undefined);

interface Target {
  host: string;
  port: number;
  path: string;
}

/** An http:// URL (the scheme may be left out, as curl allows); undefined when curl says (3). */
function parseTarget(url: string): Target | undefined {
  // An IPv6 address is bracketed in a URL (RFC 3986); `host` keeps it without the brackets.
  const m = /^(?:http:\/\/)?(?:\[([0-9a-f:.]+)\]|([^/:?#[\]]+))(?::(\d*))?([/?#].*)?$/i.exec(url);
  if (!m) return undefined;
  if (m[1] !== undefined && parseIPv6(m[1]) === undefined) return undefined;
  const port = m[3] === undefined || m[3] === '' ? 80 : Number(m[3]);
  if (port > 65535) return undefined;
  const path = m[4] === undefined ? '/' : m[4].startsWith('/') ? m[4] : `/${m[4]}`;
  return { host: m[1] ?? m[2]!, port, path: path.replace(/#.*/, '') };
}

/** `-w`'s format: `%{name}` variables and `\n`/`\t`/`\r` escapes, as curl expands them. */
function writeOut(format: string, vars: Record<string, string>): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const text = format
    .replace(/%\{([a-z_]+)\}/g, (_, name: string) => {
      if (name in vars) return vars[name]!;
      unknown.push(name);
      return '';
    })
    .replace(/\\([ntr\\])/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\' })[c]!);
  return { text, unknown };
}

/** `--version` of the Debian 12 build (its first line names the libraries it was built with). */
const VERSION_788 =
  'curl 7.88.1 (x86_64-pc-linux-gnu) libcurl/7.88.1 OpenSSL/3.0.19 zlib/1.2.13 brotli/1.0.9 zstd/1.5.4 libidn2/2.3.3 libpsl/0.21.2 (+libidn2/2.3.3) libssh2/1.10.0 nghttp2/1.52.0 librtmp/2.3 OpenLDAP/2.5.13\nRelease-Date: 2023-02-20, security patched: 7.88.1-10+deb12u14\nProtocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp\nFeatures: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM NTLM_WB PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd\n';

/** base64 of `user:password`, for the Authorization header -u makes. */
function basic(credentials: string): string {
  const bytes = new TextEncoder().encode(credentials);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The request body -d/--data-binary/--data-raw make: `@FILE` read (-d drops its newlines), several joined by `&`. */
function requestBody(args: CurlArgs, ctx: CommandContext): { body?: string; warnings: string } {
  let warnings = '';
  const parts: string[] = [];
  for (const long of ['data', 'data-ascii', 'data-binary', 'data-raw']) {
    for (const value of args.values.get(long) ?? []) {
      if (long === 'data-raw' || !value.startsWith('@')) {
        parts.push(value);
        continue;
      }
      const file = value.slice(1);
      const text = ctx.fs.read(file);
      if (typeof text !== 'string' || ['ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST'].includes(text)) {
        warnings += `Warning: Couldn't read data from file "${file}", this makes an empty POST.\n`;
        parts.push('');
      } else parts.push(long === 'data-binary' ? text : text.replace(/[\r\n]/g, ''));
    }
  }
  return parts.length === 0 ? { warnings } : { body: parts.join('&'), warnings };
}

/**
 * `curl` on a Debian host (7.88.1) or in an image (8.x, whose verbose text is not modelled).
 * `release`: the exact version the image's curl sends in its User-Agent, when known.
 */
export function curlCommand(servers: Servers, resolve: Resolver, version: '7.88.1' | '8' = '8', release?: string): Command {
  return (argv, ctx) => {
    const args = parseCurl(argv);
    if ('exitCode' in args) return args;
    const has = (long: string) => args.switches.has(long);
    const last = (long: string) => args.values.get(long)?.at(-1);
    const refused = [...args.switches, ...args.values.keys()].find((long) => !MODELLED.has(long));
    if (refused !== undefined) return fail(`vethlab: curl --${refused} is not modelled\n`, 2);
    if (has('version')) return version === '7.88.1' ? { stdout: VERSION_788, stderr: '', exitCode: 0 } : fail('vethlab: curl --version of this image is not modelled\n', 2);
    if (has('verbose') && version !== '7.88.1') return fail('vethlab: the verbose text of curl 8 is not modelled (the host\'s curl 7.88 has it)\n', 2);
    for (const long of ['max-time', 'connect-timeout']) {
      for (const value of args.values.get(long) ?? []) if (seconds(value) === undefined) return usageError(args.words.get(long)!, 'expected a proper numerical parameter');
    }
    const urls = [...args.urls, ...(args.values.get('url') ?? [])];
    if (urls.length === 0) return fail(TRY, 2);
    if (urls.length > 1) return fail('vethlab: curl with several URLs is not modelled (one URL per curl)\n', 2);
    const url = urls[0]!;
    const silent = has('silent');
    const showErrors = !silent || has('show-error');
    const verbose = has('verbose');
    const maxTime = seconds(last('max-time') ?? '');
    const connectTimeout = seconds(last('connect-timeout') ?? '');
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
    if (scheme !== undefined && scheme.toLowerCase() !== 'http') return fail(`vethlab: curl ${scheme}:// is not modelled (only http://)\n`, 2);
    const body = requestBody(args, ctx);
    const extra: HttpRequestExtra = { headers: (args.values.get('header') ?? []).filter((h) => /^[^:\s]+:\s*\S/.test(h)) };
    const agent = last('user-agent') ?? (release === undefined ? undefined : `curl/${release}`);
    if (agent !== undefined) extra.userAgent = agent;
    const user = last('user');
    if (user !== undefined) extra.authorization = `Basic ${basic(user.includes(':') ? user : `${user}:`)}`;
    if (body.body !== undefined) extra.body = body.body;
    const method = last('request') ?? (has('head') ? 'HEAD' : body.body !== undefined ? 'POST' : 'GET');
    if (method !== 'GET') extra.method = method;
    const overrides = new Map((args.values.get('resolve') ?? []).map((r) => r.split(':')).filter((r) => r.length === 3).map(([h, p, a]) => [`${h}:${p}`, a!]));
    // curl's warnings are part of what -s silences (-S brings back only the error line).
    let stderr = silent ? '' : body.warnings;
    let stdout = '';
    const traces: NonNullable<CommandOutput['traces']> = [];
    let status = 0;
    let downloaded = 0;
    let reachedIp: string | undefined;
    let reachedPort = 0;
    const finish = (exitCode: number, error?: string): CommandOutput => {
      if (error !== undefined) {
        if (verbose) stderr += `* ${error}\n* Closing connection 0\n`;
        if (showErrors) stderr += `curl: (${exitCode}) ${error}\n`;
      }
      const format = last('write-out');
      let stderrFirst = stderr !== '' && stdout === '';
      if (format !== undefined) {
        const code = String(status).padStart(3, '0');
        const vars = { http_code: code, response_code: code, remote_ip: reachedIp ?? '', remote_port: String(reachedPort), size_download: String(downloaded), url_effective: url, exitcode: String(exitCode) };
        const { text, unknown } = writeOut(format, vars);
        if (unknown.length > 0) stderrFirst = true;
        stderr = unknown.map((name) => `curl: unknown --write-out variable: '${name}'\n`).join('') + stderr;
        stdout += text;
      }
      return { stdout, stderr, exitCode, traces, ...(stderrFirst ? { stderrFirst } : {}) };
    };
    let target = parseTarget(url);
    for (let hop = 0; ; hop++) {
      if (!target) return finish(3, 'URL using bad/illegal format or missing URL');
      const { host, port, path } = target;
      const literal = parseAddr(host) !== undefined;
      if (has('ipv6') && parseIPv4(host) !== undefined) return finish(7, "Couldn't connect to server");
      if (has('ipv6') && !literal) return fail('vethlab: curl -6 to a name (IPv6) is not modelled yet\n', 2);
      const ip = overrides.get(`${host}:${port}`) ?? (literal ? host : resolve(host));
      if (ip === undefined) return finish(6, `Could not resolve host: ${host}`);
      if (verbose) stderr += `*   Trying ${ip}:${port}...\n`;
      const header = hostHeader(host, port);
      const timeout = Math.min(maxTime ?? Infinity, connectTimeout ?? Infinity);
      const result: HttpResult = servers.httpGet(ctx.netns, ip, port, path, Number.isFinite(timeout) ? timeout : undefined, 'curl', header, extra);
      traces.push(...result.traces);
      if (result.kind !== 'ok' && result.kind !== 'not-found') {
        switch (result.kind) {
          case 'refused':
            if (verbose) stderr += `* connect to ${ip} port ${port} failed: Connection refused\n`;
            return finish(7, `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`);
          case 'no-route':
          case 'unreachable':
            return finish(7, `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`);
          case 'not-http':
            return finish(56, 'Recv failure: Connection reset by peer');
          case 'timeout':
            // The connect phase's own timer names the connect; -m names the whole transfer (the rig: 1001 ms for 1 s).
            if (connectTimeout !== undefined && connectTimeout <= (maxTime ?? Infinity)) return finish(28, `Failed to connect to ${host} port ${port} after ${Math.round(connectTimeout * 1000) + 1} ms: Timeout was reached`);
            return finish(28, `Connection timed out after ${Math.round((maxTime ?? 3) * 1000) + 1} milliseconds`);
        }
      }
      reachedIp = ip;
      reachedPort = port;
      status = result.kind === 'ok' ? 200 : result.status;
      if (verbose) {
        const sent = httpRequest('curl', path, header, extra);
        const request = sent.slice(0, sent.indexOf('\r\n\r\n') + 2);
        const auth = user !== undefined ? `* Server auth using Basic with user '${user.split(':')[0]}'\n` : '';
        stderr += `* Connected to ${host} (${ip}) port ${port} (#0)\n${auth}${request.split('\n').map((l) => `> ${l}\n`).join('')}`;
        if (extra.body) stderr += `} [${new TextEncoder().encode(extra.body).length} bytes data]\n`;
        stderr += result.head.replace(/\r\n$/, '').split('\n').map((l) => `< ${l}\n`).join('');
        if (result.body !== '' && method !== 'HEAD') stderr += `{ [${new TextEncoder().encode(result.body).length} bytes data]\n`;
      }
      const location = /^Location: (\S+)/im.exec(result.head)?.[1];
      if (has('location') && status >= 300 && status < 400 && location !== undefined) {
        if (hop >= 50) return finish(47, 'Maximum (50) redirects followed');
        if (has('include') || has('head')) stdout += result.head;
        target = location.startsWith('/') ? { host, port, path: location } : parseTarget(location);
        continue;
      }
      if (has('fail') && status >= 400) return finish(22, `The requested URL returned error: ${status}`);
      const content = has('head') ? result.head : has('include') ? result.head + result.body : result.body;
      downloaded = method === 'HEAD' ? 0 : new TextEncoder().encode(result.body).length;
      const file = last('output') ?? (has('remote-name') ? path.slice(path.lastIndexOf('/') + 1).replace(/[?#].*/, '') : undefined);
      if (file === '') return finish(23, 'Failed writing received data to disk/application');
      if (verbose) stderr += '* Closing connection 0\n';
      if (file === undefined || file === '-') {
        stdout += content;
        return finish(0);
      }
      if (file !== '/dev/null') {
        const failed = ctx.fs.write(file, content, false);
        if (failed) {
          stderr += !silent ? `Warning: Failed to open the file ${file}: ${failed === 'EISDIR' ? 'Is a directory' : 'No such file or directory'}\n` : '';
          return finish(23, 'Failure writing output to destination');
        }
      }
      return finish(0);
    }
  };
}
