/**
 * The official nginx image's main process at start: docker-entrypoint.sh's
 * scripts (10-listen-on-ipv6-by-default.sh edits the packaged default.conf,
 * or says why not: a mounted file differs, a read-only mount), then nginx
 * reading its configuration (nginx-conf.ts) and resolving its upstreams by
 * the container's resolver, whose questions are packets nginx sent: the
 * start's, `nginx -t`'s and `nginx -s`'s traces. A configuration nginx refuses ends the container
 * with status 1 and nginx's two `[emerg]` lines in `docker logs` (the error
 * log, linked to stderr, then nginx's own stderr line, as ngx_log_error and
 * ngx_log_stderr write them); otherwise nginx listens on its `listen` ports.
 */
import type { Container } from '../docker/model.ts';
import type { Engine } from '../docker/engine.ts';
import type { Trace } from '../net/trace.ts';
import type { FileSystem } from './fs.ts';
import { checkUpstreamHosts, listenPorts, loadNginxConfig, NginxEmerg, type NginxConfig } from './nginx-conf.ts';
import { openAccessLogs } from './nginx-log.ts';
import { NGINX_DEFAULT_CONF } from './rootfs.ts';
import { nginxLogTime } from './servers.ts';

const DEFAULT_CONF = '/etc/nginx/conf.d/default.conf';
const IPV6_SCRIPT = '10-listen-on-ipv6-by-default.sh';

/** What 10-listen-on-ipv6-by-default.sh does to the container's default.conf, and the lines it prints. */
function listenOnIpv6(fs: FileSystem): string[] {
  const say = (text: string) => `${IPV6_SCRIPT}: info: ${text}`;
  const current = fs.stat(DEFAULT_CONF) === 'file' ? fs.read(DEFAULT_CONF) : undefined;
  if (current === undefined) return [say(`${DEFAULT_CONF} is not a file or does not exist`)];
  if (fs.write(DEFAULT_CONF, '', true) !== undefined) return [say(`can not modify ${DEFAULT_CONF} (read-only file system?)`)];
  if (current.includes('listen  [::]:80;')) return [say('IPv6 listen already enabled')];
  const checksum = say(`Getting the checksum of ${DEFAULT_CONF}`);
  if (current !== NGINX_DEFAULT_CONF) return [checksum, say(`${DEFAULT_CONF} differs from the packaged version`)];
  fs.write(DEFAULT_CONF, current.replace('listen       80;', 'listen       80;\n    listen  [::]:80;'), false);
  return [checksum, say(`Enabled listen on IPv6 in ${DEFAULT_CONF}`)];
}

/** The entrypoint's log with this start's lines from the IPv6 script in place of the image's. */
function entrypointLog(imageLog: string, ipv6Lines: string[]): string {
  const lines = imageLog.split('\n');
  const first = lines.findIndex((l) => l.startsWith(`${IPV6_SCRIPT}:`));
  if (first < 0) return imageLog;
  const count = lines.filter((l) => l.startsWith(`${IPV6_SCRIPT}:`)).length;
  lines.splice(first, count, ...ipv6Lines);
  return lines.join('\n');
}

/** getaddrinfo as nginx calls it in the container: the first address, if any, and the questions it sent. */
export type NginxResolver = (name: string) => { address?: string; traces: readonly Trace[] };

export interface NginxStart {
  engine: Engine;
  files: FileSystem;
  resolve: NginxResolver;
  /** Where the configuration goes for the requests to come. */
  configs: Map<string, NginxConfig>;
}

/**
 * The mounted configuration, read and checked as nginx does before it starts or signals, or its
 * `[emerg]` message; `traces`: the resolver's questions asked while reading it (those before an
 * unresolvable name included).
 */
function readNginxConfig(files: FileSystem, resolver: NginxResolver): { config: NginxConfig | string; traces: Trace[] } {
  const traces: Trace[] = [];
  const resolve = (name: string) => {
    const answer = resolver(name);
    traces.push(...answer.traces);
    return answer.address;
  };
  try {
    const config = loadNginxConfig(files);
    checkUpstreamHosts(config, resolve);
    openAccessLogs(config, files);
    return { config, traces };
  } catch (e) {
    if (!(e instanceof NginxEmerg)) throw e;
    return { config: e.message, traces };
  }
}

/** What process `pid` prints of an `[emerg]`: the error log's line (a link to stderr) and nginx's own. */
function emergLines(deps: NginxStart, pid: number, message: string): string {
  return `${nginxLogTime(deps.engine.kernel.now)} [emerg] ${pid}#${pid}: ${message}\nnginx: [emerg] ${message}\n`;
}

/** Starts nginx in a running container (its image's default command); returns the packets of its lookups. */
export function startNginx(c: Container, deps: NginxStart): Trace[] {
  const image = deps.engine.imageOf(c);
  c.logs += entrypointLog(image.startupLog ?? '', listenOnIpv6(deps.files));
  const { config, traces } = readNginxConfig(deps.files, deps.resolve);
  if (typeof config === 'string') {
    c.logs += emergLines(deps, 1, config);
    deps.configs.delete(c.id);
    deps.engine.mainProcessExited(c.id, 1);
    return traces;
  }
  deps.configs.set(c.id, config);
  if (!c.netns || c.networkMode.kind === 'host' || c.networkMode.kind === 'container') return traces;
  // The engine started the image's listener (port 80); nginx listens where its configuration says.
  const ports = listenPorts(config);
  for (const l of image.listens) if (!ports.includes(l.port)) deps.engine.kernel.unlisten(c.netns, l.proto, '::', l.port);
  for (const port of ports) {
    if (image.listens.some((l) => l.port === port)) continue;
    deps.engine.kernel.listen(c.netns, { proto: 'tcp', address: '::', family: 6, port, process: 'nginx' });
  }
  return traces;
}

/** What `nginx -t` and `nginx -s` answer: their stderr, and the packets of the lookups made reading the configuration. */
export interface NginxAnswer {
  ok: boolean;
  stderr: string;
  traces: Trace[];
}

/** `nginx -t` in the container: the configuration as nginx would read it now (both lines on stderr). */
export function testNginxConfig(files: FileSystem, resolve: NginxResolver): NginxAnswer {
  const { config, traces } = readNginxConfig(files, resolve);
  if (typeof config === 'string') return { ok: false, stderr: `nginx: [emerg] ${config}\nnginx: configuration file /etc/nginx/nginx.conf test failed\n`, traces };
  return { ok: true, stderr: 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n', traces };
}

/** The signals `nginx -s` sends the master, and what the master logs on receiving each (os/unix/ngx_process.c, ngx_process_cycle.c). */
const NGINX_SIGNALS = {
  stop: { number: 15, name: 'SIGTERM', action: 'exiting' },
  quit: { number: 3, name: 'SIGQUIT', action: 'shutting down' },
  reload: { number: 1, name: 'SIGHUP', action: 'reconfiguring' },
  reopen: { number: 10, name: 'SIGUSR1', action: 'reopening' },
} as const;

export type NginxSignal = keyof typeof NGINX_SIGNALS;

export const isNginxSignal = (name: string): name is NginxSignal => Object.hasOwn(NGINX_SIGNALS, name);

/**
 * `nginx -s SIGNAL` in a running nginx container (core/nginx.c: the signaller
 * reads the configuration first, as ngx_init_cycle does, so a broken file is
 * refused with nginx's `[emerg]` line and the running master keeps its old one;
 * then ngx_signal_process logs "signal process started" and signals the master).
 * The master, PID 1, logs the signal to `docker logs`: reload re-reads the
 * configuration (ngx_init_cycle again, so its names are asked a second time, after
 * the signaller's) and moves its listeners, stop and quit end the container with 0.
 */
export function signalNginx(c: Container, deps: NginxStart, signal: NginxSignal, signallerPid: number): NginxAnswer {
  const { config, traces } = readNginxConfig(deps.files, deps.resolve);
  // The image's error.log is a link to stderr, and nginx writes its own stderr line too (as at start).
  if (typeof config === 'string') return { ok: false, stderr: emergLines(deps, signallerPid, config), traces };
  const time = () => nginxLogTime(deps.engine.kernel.now);
  const running = deps.configs.get(c.id);
  // No master: the pid file is not there (the official image's nginx.conf: pid /run/nginx.pid).
  if (!running || c.state !== 'running') return { ok: false, traces, stderr: `${time()} [notice] ${signallerPid}#${signallerPid}: signal process started\n${time()} [error] ${signallerPid}#${signallerPid}: open() "/run/nginx.pid" failed (2: No such file or directory)\nnginx: [error] open() "/run/nginx.pid" failed (2: No such file or directory)\n` };
  const s = NGINX_SIGNALS[signal];
  c.logs += `${time()} [notice] 1#1: signal ${s.number} (${s.name}) received from ${signallerPid}, ${s.action}\n`;
  if (signal === 'reload') {
    c.logs += `${time()} [notice] 1#1: reconfiguring\n`;
    const reread = readNginxConfig(deps.files, deps.resolve);
    traces.push(...reread.traces);
    // A name gone between the two reads: the master logs the [emerg] and keeps its configuration.
    if (typeof reread.config === 'string') c.logs += `${time()} [emerg] 1#1: ${reread.config}\n`;
    else {
      moveListeners(c, deps, listenPorts(running), listenPorts(reread.config));
      deps.configs.set(c.id, reread.config);
    }
  } else if (signal === 'reopen') {
    c.logs += `${time()} [notice] 1#1: reopening logs\n`;
  } else {
    c.logs += `${time()} [notice] 1#1: exit\n`;
    deps.configs.delete(c.id);
    deps.engine.mainProcessExited(c.id, 0);
  }
  return { ok: true, stderr: `${time()} [notice] ${signallerPid}#${signallerPid}: signal process started\n`, traces };
}

/** A reload's listeners: the ports the old configuration had and the new one lacks close, new ones open. */
function moveListeners(c: Container, deps: NginxStart, before: number[], after: number[]): void {
  if (!c.netns || c.networkMode.kind === 'host' || c.networkMode.kind === 'container') return;
  for (const port of before) if (!after.includes(port)) deps.engine.kernel.unlisten(c.netns, 'tcp', '::', port);
  for (const port of after) if (!before.includes(port)) deps.engine.kernel.listen(c.netns, { proto: 'tcp', address: '::', family: 6, port, process: 'nginx' });
}
