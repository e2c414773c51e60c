/**
 * wget (busybox in containers, GNU on lan) and curl (Debian hosts) over httpGet,
 * with each tool's messages and exit codes for refused, timed-out and
 * unreachable servers.
 */
import { busyboxUsage } from './busybox.ts';
import { parseAddr, parseIPv6 } from '../netfilter/addr.ts';
import { hostHeader, urlHost } from './url-host.ts';
import type { HttpClient, HttpResult, Servers } from './servers.ts';
import type { FileSystem } from './fs.ts';
import type { Command, CommandOutput } from './types.ts';
import { fail } from './types.ts';

export type NameResolver = (name: string) => string | undefined;

interface Url {
  host: string;
  port: number;
  path: string;
}

/** `[host]:port/path`; an IPv6 address is bracketed in a URL (RFC 3986) and kept without its brackets in `host`. */
function parseUrl(text: string): Url | undefined {
  const m = /^(?:http:\/\/)?(?:\[([0-9A-Fa-f:.]+)\]|([^/:[\]]+))(?::(\d+))?(\/.*)?$/.exec(text);
  if (!m) return undefined;
  if (m[1] !== undefined && parseIPv6(m[1]) === undefined) return undefined;
  return { host: m[1] ?? m[2]!, port: m[3] === undefined ? 80 : Number(m[3]), path: m[4] ?? '/' };
}

const isIp = (text: string): boolean => parseAddr(text) !== undefined;


interface Fetch {
  url: string;
  quiet: boolean;
  /** `-T SEC`: how long to wait for the server. */
  timeout?: number;
  /** `-O FILE`; `-` is stdout; undefined saves under the URL's file name. */
  output?: string;
  /** The first option given that is not modelled (`--spider`, `-S`...): refused, never ignored. */
  unmodelled?: string;
}

function parseWget(argv: string[]): Fetch | undefined {
  let url: string | undefined;
  let quiet = false;
  let output: string | undefined;
  let timeout: number | undefined;
  let unmodelled: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-T' || a === '--timeout') timeout = Number(argv[++i]);
    else if (/^-T\d+$/.test(a)) timeout = Number(a.slice(2));
    else if (a.startsWith('--timeout=')) timeout = Number(a.slice('--timeout='.length));
    else if (a === '-t' || a === '--tries') i++;
    else if (a === '-O') output = argv[++i];
    else if (a.startsWith('--output-document=')) output = a.slice('--output-document='.length);
    else if (a === '--quiet') quiet = true;
    else if (a.startsWith('--tries=')) continue;
    else if (a.startsWith('-') && !a.startsWith('--') && a !== '-') {
      // Bundled short options: -qO- , -qO FILE, -qOFILE.
      const o = a.indexOf('O');
      const flags = a.slice(1, o < 0 ? undefined : o);
      if (flags.includes('q')) quiet = true;
      const other = [...flags].find((c) => c !== 'q');
      if (other !== undefined) unmodelled ??= `-${other}`;
      if (o > 0) output = o < a.length - 1 ? a.slice(o + 1) : argv[++i];
    } else if (a.startsWith('--')) unmodelled ??= a.split('=')[0]!;
    else url = a;
  }
  if (url === undefined) return undefined;
  const f: Fetch = output === undefined ? { url, quiet } : { url, quiet, output };
  if (unmodelled !== undefined) f.unmodelled = unmodelled;
  if (timeout !== undefined && Number.isFinite(timeout) && timeout > 0) f.timeout = timeout;
  return f;
}

/** The file wget saves to without -O: the URL path's last part, or index.html. */
function defaultFileName(url: string): string {
  const path = parseUrl(url)?.path ?? '/';
  return path.slice(path.lastIndexOf('/') + 1) || 'index.html';
}


function fetchUrl(servers: Servers, netns: string, url: string, resolve: NameResolver, timeout?: number, client: HttpClient = 'busybox-wget'): { result: HttpResult; host: string; ip?: string; port: number } | undefined {
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  const ip = isIp(parsed.host) ? parsed.host : resolve(parsed.host);
  if (ip === undefined) return { result: { kind: 'unreachable', traces: [] }, host: parsed.host, port: parsed.port };
  return { result: servers.httpGet(netns, ip, parsed.port, parsed.path, timeout, client, hostHeader(parsed.host, parsed.port)), host: parsed.host, ip, port: parsed.port };
}

/** One honest line for an option wget has that is not modelled: it would change what is fetched or printed. */
const unmodelledWget = (option: string) => `vethlab: wget ${option} is not modelled yet (modelled: -q, -O FILE, -T SEC)\n`;

/** The URL's host as written, with its port when one is given, an IPv6 address without its brackets: what busybox's `Connecting to HOST` names. */
function writtenHost(url: string): string {
  const rest = url.replace(/^http:\/\//, '');
  const slash = rest.indexOf('/');
  const host = slash < 0 ? rest : rest.slice(0, slash);
  return host.replace(/^\[([^\]]*)\]/, '$1');
}

/** The redirect target of a `Location:` header, against the URL it answered: `/path` stays on that server (`relative`). */
function redirectTarget(head: string, from: string): { url: string; relative: boolean } | undefined {
  const location = /^location:[ \t]*(.*?)\r?$/im.exec(head)?.[1];
  if (location === undefined) return undefined;
  if (location.startsWith('/')) return { url: from.replace(/^(http:\/\/)?([^/]*).*$/s, (_m, _scheme: string, authority: string) => `http://${authority}`) + location, relative: true };
  return { url: location, relative: false };
}

/**
 * busybox 1.35 wget's answer to a status (networking/wget.c, checked against
 * busybox 1.35 on this machine): 200-204 are success, 300-303, 307 and 308 are
 * followed to their Location (5 hops at most: `too many redirections`), any other
 * status ends with `server returned error: ` and the status line as the server sent it.
 */
const WGET_SUCCESS = new Set([200, 201, 202, 203, 204]);
const WGET_REDIRECT = new Set([300, 301, 302, 303, 307, 308]);
const WGET_REDIRECT_LIMIT = 5;

/** busybox 1.35 wget. */
export function busyboxWget(servers: Servers, resolve: NameResolver): Command {
  return (argv, ctx) => {
    const f = parseWget(argv);
    if (!f) return fail(busyboxUsage('Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n'), 1);
    if (f.unmodelled !== undefined) return fail(unmodelledWget(f.unmodelled), 1);
    const traces: NonNullable<CommandOutput['traces']> = [];
    let connecting = '';
    const done = (o: CommandOutput): CommandOutput => ({ ...o, stderr: connecting + o.stderr, traces });
    let url = f.url;
    let redirects = WGET_REDIRECT_LIMIT;
    let sameServer = false;
    for (;;) {
      const fetched = fetchUrl(servers, ctx.netns, url, resolve, f.timeout);
      if (!fetched) return done(fail(`wget: bad address '${url}'\n`, 1));
      const { result, host, ip, port } = fetched;
      if (ip === undefined) return done(fail(`wget: bad address '${host}'\n`, 1));
      traces.push(...result.traces);
      // A redirect to a path on the same server reuses its address: no second `Connecting to`.
      if (!f.quiet && !sameServer) connecting += `Connecting to ${writtenHost(url)} (${urlHost(ip)}:${port})\n`;
      switch (result.kind) {
        case 'ok':
          return done(saveBody(f, result.body, ctx.fs));
        case 'not-found': {
          if (WGET_SUCCESS.has(result.status)) return done(saveBody(f, result.body, ctx.fs));
          const next = WGET_REDIRECT.has(result.status) ? redirectTarget(result.head, url) : undefined;
          if (next === undefined) {
            const statusLine = result.head.split(/\r?\n/)[0]!;
            return done(fail(`wget: server returned error: ${statusLine}\n`, 1));
          }
          if (--redirects === 0) return done(fail('wget: too many redirections\n', 1));
          sameServer = next.relative;
          url = next.url;
          continue;
        }
        case 'refused':
          return done(fail(`wget: can't connect to remote host (${ip}): Connection refused\n`, 1));
        case 'no-route':
          return done(fail(`wget: can't connect to remote host (${ip}): Network is unreachable\n`, 1));
        case 'unreachable':
          return done(fail(`wget: can't connect to remote host (${ip}): Host is unreachable\n`, 1));
        case 'not-http':
          return done(fail(`wget: error getting response: Connection reset by peer\n`, 1));
        case 'timeout':
          return done(fail(`wget: download timed out\n`, 1));
      }
    }
  };
}

/** What busybox wget does with a body it got: to stdout (`-O -`) or into a file, with its progress lines unless -q. */
function saveBody(f: Fetch, body: string, fs: FileSystem): CommandOutput {
  const meterOf = (name: string) => (body.length === 0 ? '' : `${name.padEnd(20)} 100% |********************************|${String(body.length).padStart(5)}  0:00:00 ETA\n`);
  // To stdout it reports on stderr as it goes; the body, buffered, comes out at exit (golden wget-statuses).
  if (f.output === '-') return { stdout: body, stderr: f.quiet ? '' : `writing to stdout\n${meterOf('-')}written to stdout\n`, exitCode: 0, stderrFirst: true };
  const file = f.output ?? defaultFileName(f.url);
  const failed = fs.write(file, body, false);
  if (failed) return fail(`wget: can't open '${file}': ${failed === 'EISDIR' ? 'Is a directory' : 'No such file or directory'}\n`, 1);
  // busybox draws no bar for an empty body (a 204): `saving to` and `saved` only.
  return { stdout: '', stderr: f.quiet ? '' : `saving to '${file}'\n${meterOf(file.slice(file.lastIndexOf('/') + 1))}'${file}' saved\n`, exitCode: 0 };
}

/** `2026-11-24 02:23:23`, wget's local time (the machines run in UTC). */
function wgetClock(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** GNU Wget 1.21 on the Debian machines: verbose on stderr unless -q, exit 4 for network failures, 8 for HTTP errors. */
export function gnuWget(servers: Servers, resolve: NameResolver): Command {
  return (argv, ctx) => {
    const f = parseWget(argv);
    if (!f) return fail("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n", 1);
    if (f.unmodelled !== undefined) return fail(unmodelledWget(f.unmodelled), 1);
    const parsed = parseUrl(f.url);
    if (!parsed) return fail(`${f.url}: Invalid URL ${f.url}: Unsupported scheme\n`, 1);
    const url = `http://${urlHost(parsed.host)}${parsed.port === 80 ? '' : `:${parsed.port}`}${parsed.path}`;
    const log: string[] = [`--${wgetClock(servers.engine.kernel.now)}--  ${url}`];
    const finish = (exitCode: number, stdout = '', traces: CommandOutput['traces'] = []): CommandOutput => ({
      stdout,
      stderr: f.quiet ? '' : `${log.join('\n')}\n`,
      exitCode,
      traces,
    });
    let ip = parsed.host;
    if (!isIp(parsed.host)) {
      const answer = resolve(parsed.host);
      if (answer === undefined) {
        log.push(`Resolving ${parsed.host} (${parsed.host})... failed: Name or service not known.`, `wget: unable to resolve host address ‘${parsed.host}’`);
        return finish(4);
      }
      log.push(`Resolving ${parsed.host} (${parsed.host})... ${answer}`);
      ip = answer;
    }
    const result = servers.httpGet(ctx.netns, ip, parsed.port, parsed.path, f.timeout, 'gnu-wget', hostHeader(parsed.host, parsed.port));
    // GNU wget brackets an IPv6 address in its "Connecting to" line.
    const target = isIp(parsed.host) ? `${urlHost(ip)}:${parsed.port}` : `${parsed.host} (${parsed.host})|${urlHost(ip)}|:${parsed.port}`;
    switch (result.kind) {
      case 'ok': {
        log.push(`Connecting to ${target}... connected.`, 'HTTP request sent, awaiting response... 200 OK', `Length: ${result.body.length} [text/html]`);
        const file = f.output ?? defaultFileName(f.url);
        if (file !== '-') {
          const failed = ctx.fs.write(file, result.body, false);
          if (failed) {
            log.push(`${file}: ${failed === 'EISDIR' ? 'Is a directory' : 'No such file or directory'}`, `Cannot write to ‘${file}’ (Success).`);
            return finish(3, '', result.traces);
          }
        }
        const size = `${result.body.length}/${result.body.length}`;
        log.push(`Saving to: ‘${file === '-' ? 'STDOUT' : file}’`, '', `     0K ${''.padEnd(53)}100% 0.00K=0s`, '', `${wgetClock(servers.engine.kernel.now)} (0.00 KB/s) - ${file === '-' ? 'written to stdout' : `‘${file}’ saved`} [${size}]`, '');
        return finish(0, file === '-' ? result.body : '', result.traces);
      }
      case 'not-found':
        log.push(`Connecting to ${target}... connected.`, 'HTTP request sent, awaiting response... 404 Not Found', `${wgetClock(servers.engine.kernel.now)} ERROR 404: Not Found.`, '');
        return finish(8, '', result.traces);
      case 'refused':
        log.push(`Connecting to ${target}... failed: Connection refused.`);
        return finish(4, '', result.traces);
      case 'no-route':
        log.push(`Connecting to ${target}... failed: Network is unreachable.`);
        return finish(4, '', result.traces);
      case 'unreachable':
        log.push(`Connecting to ${target}... failed: No route to host.`);
        return finish(4, '', result.traces);
      case 'not-http':
        log.push(`Connecting to ${target}... connected.`, 'HTTP request sent, awaiting response... Read error (Connection reset by peer) in headers.', 'Giving up.', '');
        return finish(4, '', result.traces);
      case 'timeout':
        log.push(`Connecting to ${target}... failed: Connection timed out.`, 'Giving up.', '');
        return finish(4, '', result.traces);
    }
  };
}
