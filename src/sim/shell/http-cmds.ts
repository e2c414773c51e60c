/**
 * wget (busybox in containers, GNU on lan) and curl (Debian hosts) over httpGet,
 * with each tool's messages and exit codes for refused, timed-out and
 * unreachable servers.
 */
import type { Engine } from '../docker/engine.ts';
import { httpGet, isIp, parseUrl, type HttpResult } from './http.ts';
import type { Command, CommandOutput } from './types.ts';
import { fail } from './types.ts';

export type NameResolver = (name: string) => string | undefined;

interface Fetch {
  url: string;
  quiet: boolean;
  toStdout: boolean;
}

function parseWget(argv: string[]): Fetch | undefined {
  let url: string | undefined;
  let quiet = false;
  let toStdout = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-T' || a === '-t' || a === '--timeout') i++;
    else if (a === '-O') toStdout = argv[++i] === '-';
    else if (a.startsWith('-') && !a.startsWith('--')) {
      if (a.includes('q')) quiet = true;
      if (a.endsWith('O-')) toStdout = true;
      else if (a.endsWith('O')) toStdout = argv[++i] === '-';
    } else if (!a.startsWith('-')) url = a;
  }
  return url === undefined ? undefined : { url, quiet, toStdout };
}

function fetchUrl(engine: Engine, netns: string, url: string, resolve: NameResolver): { result: HttpResult; host: string; ip?: string; port: number } | undefined {
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  const ip = isIp(parsed.host) ? parsed.host : resolve(parsed.host);
  if (ip === undefined) return { result: { kind: 'unreachable', traces: [] }, host: parsed.host, port: parsed.port };
  return { result: httpGet(engine, netns, ip, parsed.port, parsed.path), host: parsed.host, ip, port: parsed.port };
}

/** busybox 1.35 wget. */
export function busyboxWget(engine: Engine, resolve: NameResolver): Command {
  return (argv, ctx) => {
    const f = parseWget(argv);
    if (!f) return fail('BusyBox v1.35.0 (Debian 1:1.35.0-4+b3) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n', 1);
    const fetched = fetchUrl(engine, ctx.netns, f.url, resolve);
    if (!fetched) return fail(`wget: bad address '${f.url}'\n`, 1);
    const { result, host, ip, port } = fetched;
    if (ip === undefined) return fail(`wget: bad address '${host}'\n`, 1);
    const traces = result.traces;
    const connecting = f.quiet ? '' : `Connecting to ${host} (${ip}:${port})\n`;
    const done = (o: CommandOutput): CommandOutput => ({ ...o, traces });
    switch (result.kind) {
      case 'ok': {
        if (f.toStdout) return done({ stdout: result.body, stderr: connecting, exitCode: 0 });
        const size = String(result.body.length).padStart(5);
        const progress = f.quiet ? '' : `saving to 'index.html'\nindex.html           100% |********************************|${size}  0:00:00 ETA\n'index.html' saved\n`;
        return done({ stdout: '', stderr: connecting + progress, exitCode: 0 });
      }
      case 'not-found':
        return done(fail(`${connecting}wget: server returned error: HTTP/1.1 404 Not Found\n`, 1));
      case 'refused':
        return done(fail(`${connecting}wget: can't connect to remote host (${ip}): Connection refused\n`, 1));
      case 'no-route':
        return done(fail(`${connecting}wget: can't connect to remote host (${ip}): Network is unreachable\n`, 1));
      case 'unreachable':
        return done(fail(`${connecting}wget: can't connect to remote host (${ip}): Host is unreachable\n`, 1));
      case 'not-http':
        return done(fail(`${connecting}wget: error getting response: Connection reset by peer\n`, 1));
      case 'timeout':
        return done(fail(`${connecting}wget: download timed out\n`, 1));
    }
  };
}

/** curl 7.88 on the Debian machines: `-s` hides the error text, the exit code stays. */
export function curlCommand(engine: Engine, resolve: NameResolver): Command {
  return (argv, ctx) => {
    let silent = false;
    let url: string | undefined;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '-m' || a === '--max-time' || a === '--connect-timeout' || a === '-o') i++;
      else if (a.startsWith('-') && !a.startsWith('--')) silent ||= a.includes('s');
      else if (!a.startsWith('-')) url = a;
    }
    if (url === undefined) return fail("curl: try 'curl --help' or 'curl --manual' for more information\n", 2);
    const fetched = fetchUrl(engine, ctx.netns, url, resolve);
    if (!fetched) return fail(silent ? '' : `curl: (3) URL using bad/illegal format or missing URL\n`, 3);
    const { result, host, ip, port } = fetched;
    const traces = result.traces;
    if (ip === undefined) return { ...fail(silent ? '' : `curl: (6) Could not resolve host: ${host}\n`, 6), traces };
    const err = (code: number, text: string): CommandOutput => ({ ...fail(silent ? '' : `curl: (${code}) ${text}\n`, code), traces });
    switch (result.kind) {
      case 'ok':
        return { stdout: result.body, stderr: '', exitCode: 0, traces };
      case 'not-found':
        return { stdout: '', stderr: '', exitCode: 0, traces };
      case 'refused':
        return err(7, `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`);
      case 'no-route':
      case 'unreachable':
        return err(7, `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`);
      case 'not-http':
        return err(56, 'Recv failure: Connection reset by peer');
      case 'timeout':
        return err(28, `Connection timed out after 3001 milliseconds`);
    }
  };
}
