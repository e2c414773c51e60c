/**
 * netcat, two of them: OpenBSD nc (/usr/bin/nc in the rig's images, nc on the
 * Debian machines) with its `-zv` port check, and busybox nc (the applet
 * `sh -c` prefers inside containers). Both connect through the packet walk and
 * write their stdin to the server, printing what it answers.
 */
import { serviceName, servicePort } from '../netfilter/services.ts';
import { parseAddr } from '../netfilter/addr.ts';
import { parseIPv4 } from '../netfilter/inet.ts';
import { observedResult, type Trace } from '../net/trace.ts';
import { busyboxUsage } from './busybox.ts';
import { getopt, getoptMessage, isGetoptError } from './getopt.ts';
import { bindAll, netcatListening, stillRunning } from './listen.ts';
import { lineExchange } from '../net/exchange.ts';
import type { ConnectFailure, ConnectOptions, Servers } from './servers.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';
import { fail } from './types.ts';

type Resolver = (name: string) => string | undefined;

const OPENBSD_USAGE =
  'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n';

const OPENBSD_REASON: Record<ConnectFailure, string> = {
  refused: 'failed: Connection refused',
  timeout: 'timed out: Operation now in progress',
  'no-route': 'failed: Network is unreachable',
  unreachable: 'failed: No route to host',
};

/**
 * OpenBSD netcat's options that change nothing a user sees here: -4 (IPv4 is all there
 * is to connect to), -D (SO_DEBUG), -N and -q (what happens after stdin's EOF, which
 * comes at once), -I/-O (buffer sizes), -i (a delay between lines).
 */
const OPENBSD_INVISIBLE = new Set(['4', 'D', 'N', 'q', 'I', 'O', 'i']);
/** The options the model acts on; every other letter of its getopt string is refused, never taken and ignored. */
const OPENBSD_MODELLED = new Set(['6', 'd', 'k', 'l', 'n', 'p', 'u', 'v', 'w', 'z']);

/**
 * Debian's netcat-openbsd port argument: a number up to 65535, or a service name from
 * /etc/services (the rig's images have none), each with its own message.
 */
function openbsdPort(text: string, proto: 'tcp' | 'udp', services: boolean): number | CommandOutput {
  if (/^\d+$/.test(text)) return Number(text) > 65535 ? fail(`nc: port number too large: ${text}\n`, 1) : Number(text);
  if (/^\d+-\d+$/.test(text)) return fail(`vethlab: nc port ranges (${text}) are not modelled\n`, 1);
  const named = services ? servicePort(text, proto) : undefined;
  return named ?? fail(`nc: port number invalid: ${text}\n`, 1);
}

/** OpenBSD netcat 1.219: silent unless -v; `-z` only checks the port; `-l` listens. */
export function ncCommand(servers: Servers, resolve: Resolver, options: { services: boolean }): Command {
  return (argv, ctx) => {
    const parsed = getopt(argv, { flags: '46bCDdFhklNnrStUuvZz', valued: 'IiMmOPpqsTVWwXx' });
    if (isGetoptError(parsed)) return fail(`${getoptMessage('nc', parsed)}${OPENBSD_USAGE}`, 1);
    const has = (letter: string) => parsed.options.some(([k]) => k === letter);
    const value = (letter: string) => parsed.options.filter(([k]) => k === letter).pop()?.[1];
    const unmodelled = parsed.options.find(([k]) => !OPENBSD_MODELLED.has(k) && !OPENBSD_INVISIBLE.has(k));
    if (unmodelled) return fail(`vethlab: nc -${unmodelled[0]} is not modelled\n`, 1);
    const udp = has('u');
    const verbose = has('v');
    const scan = has('z');
    const waitText = value('w');
    const wait = waitText === undefined ? undefined : Number(waitText);
    const words = parsed.operands;
    // -d: stdin is never read.
    const stdin = has('d') ? '' : ctx.stdin;
    if (has('l')) return openbsdListen({ ...ctx, stdin }, argv, { udp, keep: has('k'), v6: has('6'), port: value('p'), operands: words });
    if (has('6')) return fail('vethlab: nc -6 (connecting over IPv6) is not modelled yet\n', 1);
    if (has('p')) return fail('vethlab: nc -p (the source port of a connection) is not modelled\n', 1);
    const [host, portText] = words;
    if (host === undefined) return fail(OPENBSD_USAGE, 1);
    if (portText === undefined) return fail('nc: missing port number\n', 1);
    const proto = udp ? 'udp' : 'tcp';
    const port = openbsdPort(portText, proto, options.services);
    if (typeof port !== 'number') return port;
    // -n: no DNS, so only an address literal (either family) resolves.
    const literal = parseAddr(host) !== undefined;
    const ip = literal ? host : has('n') ? undefined : resolve(host);
    if (ip === undefined) return fail(`nc: getaddrinfo for host "${host}" port ${port}: Name or service not known\n`, 1);
    const who = ip === host ? host : `${host} (${ip})`;
    const succeeded = () => `Connection to ${who} ${port} port [${proto}/${(options.services ? serviceName(port, proto) : undefined) ?? '*'}] succeeded!\n`;
    if (udp) {
      // The datagram carries what stdin gave (IP and UDP headers are 28 bytes, 48 over IPv6): counters and ICMP errors quote it.
      const data = scan ? undefined : new TextEncoder().encode(stdin).length;
      const headers = ip.includes(':') ? 48 : 28;
      const trace = ctx.kernel.probe({ kind: 'udp-send', from: ctx.netns, dst: ip, port, ...(data ? { size: headers + data } : {}) });
      if (!scan) servers.datagram(trace, stdin);
      const seen = observedResult(trace);
      // A plain send does not wait for an answer: the ICMP port unreachable that a
      // closed port sends back goes unread (golden 60: exit 0); -z probes, sees it and
      // fails without a word even with -v (golden fidelity-nc-flags).
      const ok = seen === 'reply' || seen === 'timeout' || (seen === 'refused' && !scan);
      if (ok) return { stdout: '', stderr: verbose ? succeeded() : '', exitCode: 0, traces: [trace] };
      const said = verbose && seen !== 'refused' ? `nc: connect to ${who} port ${port} (${proto}) ${OPENBSD_REASON.unreachable}\n` : '';
      return { stdout: '', stderr: said, exitCode: 1, traces: [trace] };
    }
    const opts: ConnectOptions = {};
    if (wait !== undefined && wait > 0) opts.timeout = wait;
    const conn = servers.connect(ctx.netns, ip, port, opts);
    if (!conn.ok) return { stdout: '', stderr: verbose ? `nc: connect to ${who} port ${port} (${proto}) ${OPENBSD_REASON[conn.failure]}\n` : '', exitCode: 1, traces: conn.traces };
    // A scan connects and closes at once: a one-client listener is done with it too.
    const legs: Trace[] = [];
    const answer = servers.converse(conn.peer, scan ? '' : stdin, legs);
    servers.exchanged(conn.traces, scan ? lineExchange('', '') : lineExchange(stdin, answer));
    if (scan) return { stdout: '', stderr: verbose ? succeeded() : '', exitCode: 0, traces: [...conn.traces, ...legs] };
    return { stdout: answer, stderr: verbose ? succeeded() : '', exitCode: 0, traces: [...conn.traces, ...legs] };
  };
}

/**
 * `nc -l [-p] PORT` / `nc -l ADDR PORT` (OpenBSD, Debian's): binds 0.0.0.0 (`::`
 * with -6), then waits; a port in use ends it with err(3)'s line.
 */
function openbsdListen(ctx: CommandContext, argv: string[], o: { udp: boolean; keep: boolean; v6: boolean; port: string | undefined; operands: string[] }): CommandOutput {
  const words = [...o.operands];
  const portText = o.port ?? words.pop();
  const address = words[0] ?? (o.v6 ? '::' : '0.0.0.0');
  if (portText === undefined || words.length > 1) return fail(OPENBSD_USAGE, 1);
  if (!/^\d+$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) return fail(`nc: port number invalid: ${portText}\n`, 1);
  const family = address.includes(':') ? 6 : 4;
  if (family === 4 && parseIPv4(address) === undefined) return fail(`nc: getaddrinfo: Name or service not known\n`, 1);
  const listen = { proto: o.udp ? 'udp' : 'tcp', address, family, port: Number(portText) } as const;
  const failed = bindAll(ctx, [listen], 'nc');
  if (failed) return fail(failed === 'EADDRINUSE' ? 'nc: Address already in use\n' : 'nc: Cannot assign requested address\n', 1);
  return stillRunning(netcatListening(ctx, { listen, keep: o.keep, reply: ctx.stdin, argv: ['nc', ...argv] }));
}

const BUSYBOX_REASON: Record<ConnectFailure, string> = {
  refused: 'Connection refused',
  timeout: 'Connection timed out',
  'no-route': 'Network is unreachable',
  unreachable: 'No route to host',
};

const BUSYBOX_NC_USAGE = busyboxUsage('Usage: nc [-iN] [-wN] [-l] [-p PORT] [-f FILE|IPADDR PORT] [-e PROG]\n\nOpen a pipe to IP:PORT or FILE\n\n\t-l\tListen mode, for inbound connects\n\t\t(use -ll with -e for persistent server)\n\t-p PORT\tLocal port\n\t-w SEC\tConnect timeout\n\t-i SEC\tDelay interval for lines sent\n\t-f FILE\tUse file (ala /dev/ttyS0) instead of network\n\t-e PROG\tRun PROG after connect\n');

/** busybox 1.35 nc (the small one: `nc [-iN] [-wN] [-l] [-p PORT] [-f FILE|IPADDR PORT] [-e PROG]`). */
export function busyboxNc(servers: Servers, resolve: Resolver): Command {
  return (argv, ctx) => {
    let wait: number | undefined;
    let listen = 0;
    let port: string | undefined;
    const words: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '-w') wait = Number(argv[++i]);
      else if (/^-w\d+$/.test(a)) wait = Number(a.slice(2));
      else if (a === '-p') port = argv[++i];
      else if (/^-l+$/.test(a)) listen += a.length - 1;
      else if (/^-l+p$/.test(a)) {
        listen += a.length - 2;
        port = argv[++i];
      } else if (a === '-i') i++;
      else if (a === '-f') return fail('vethlab: busybox nc -f (a device file instead of the network) is not modelled\n', 1);
      else if (a === '-e') return fail(`vethlab: busybox nc -e (running a program for each client) is not modelled\n`, 1);
      else if (a.startsWith('-') && a.length > 1) return fail(`nc: invalid option -- '${a[1]}'\n${BUSYBOX_NC_USAGE}`, 1);
      else words.push(a);
    }
    if (listen > 0) return busyboxListen(ctx, argv, { port, keep: listen > 1, operands: words });
    const [host, portText] = words;
    if (host === undefined || portText === undefined || words.length > 2) {
      return fail(BUSYBOX_NC_USAGE, 1);
    }
    if (!/^\d+$/.test(portText) || Number(portText) > 65535) return fail(`nc: bad port '${portText}'\n`, 1);
    const ip = parseIPv4(host) !== undefined ? host : resolve(host);
    if (ip === undefined) return fail(`nc: bad address '${host}'\n`, 1);
    const opts: ConnectOptions = {};
    if (wait !== undefined && wait > 0) opts.timeout = wait;
    const conn = servers.connect(ctx.netns, ip, Number(portText), opts);
    if (!conn.ok) {
      // With -w the alarm fires first on a silent path; without it the kernel's SYN retries end in ETIMEDOUT.
      const message = conn.failure === 'timeout' && wait !== undefined ? 'nc: timed out\n' : `nc: can't connect to remote host (${ip}): ${BUSYBOX_REASON[conn.failure]}\n`;
      return { stdout: '', stderr: message, exitCode: 1, traces: conn.traces };
    }
    const legs: Trace[] = [];
    const answer = servers.converse(conn.peer, ctx.stdin, legs);
    servers.exchanged(conn.traces, lineExchange(ctx.stdin, answer));
    return { stdout: answer, stderr: '', exitCode: 0, traces: [...conn.traces, ...legs] };
  };
}

/**
 * busybox `nc -l -p PORT`: a dual-stack `::` socket (netstat: `:::PORT`), one
 * client (`-ll`: one after another). Without -p busybox takes an ephemeral port
 * and prints nothing of it, which vethlab does not pick.
 */
function busyboxListen(ctx: CommandContext, argv: string[], o: { port: string | undefined; keep: boolean; operands: string[] }): CommandOutput {
  if (o.operands.length > 0) return fail(BUSYBOX_NC_USAGE, 1);
  if (o.port === undefined) return fail('vethlab: busybox nc -l without -p PORT (an ephemeral port) is not modelled\n', 1);
  if (!/^\d+$/.test(o.port) || Number(o.port) > 65535) return fail(`nc: bad port '${o.port}'\n`, 1);
  const listen = { proto: 'tcp', address: '::', family: 6, port: Number(o.port) } as const;
  if (bindAll(ctx, [listen], 'nc')) return fail('nc: bind: Address already in use\n', 1);
  return stillRunning(netcatListening(ctx, { listen, keep: o.keep, reply: ctx.stdin, argv: ['nc', ...argv] }));
}

const ALPINE_NC_USAGE = busyboxUsage(
  'Usage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n\n\t-e PROG\tRun PROG after connect (must be last)\n\t-l\tListen mode, for inbound connects\n\t-lk\tWith -e, provides persistent server\n\t-p PORT\tLocal port\n\t-s ADDR\tLocal address\n\t-w SEC\tTimeout for connects and final net reads\n\t-i SEC\tDelay interval for lines sent\n\t-n\tDon\'t do DNS resolution\n\t-u\tUDP mode\n\t-b\tAllow broadcasts\n\t-v\tVerbose\n\t-o FILE\tHex dump traffic\n\t-z\tZero-I/O mode (scanning)\n',
);

/**
 * Alpine's busybox nc (nc_bloaty, "nc 1.10" compatible): -l/-lk listen (TCP, or UDP
 * with -u) on `-p PORT`, and the small nc's connect otherwise.
 */
export function alpineNc(servers: Servers, resolve: Resolver): Command {
  const small = busyboxNc(servers, resolve);
  return (argv, ctx) => {
    const parsed = getopt(argv, { flags: 'lkunvzb', valued: 'pswioe' });
    if (isGetoptError(parsed)) return fail(`${getoptMessage('nc', parsed)}${ALPINE_NC_USAGE}`, 1);
    const has = (letter: string) => parsed.options.some(([k]) => k === letter);
    const value = (letter: string) => parsed.options.filter(([k]) => k === letter).pop()?.[1];
    for (const letter of ['e', 'o', 'b']) if (has(letter)) return fail(`vethlab: nc -${letter} is not modelled\n`, 1);
    if (!has('l')) {
      if (!has('u')) {
        const [host, portText] = parsed.operands;
        if (host !== undefined && portText !== undefined && /^\d+$/.test(portText)) return bloatyConnect(servers, resolve, ctx, parsed.options, host, Number(portText));
        return small(argv.filter((a) => a !== '-n' && a !== '-v'), ctx);
      }
      const [host, portText] = parsed.operands;
      if (host === undefined || portText === undefined || !/^\d+$/.test(portText)) return fail(ALPINE_NC_USAGE, 1);
      const ip = parseIPv4(host) !== undefined ? host : resolve(host);
      if (ip === undefined) return fail(`nc: bad address '${host}'\n`, 1);
      const trace = ctx.kernel.probe({ kind: 'udp-send', from: ctx.netns, dst: ip, port: Number(portText) });
      servers.datagram(trace, ctx.stdin);
      return { stdout: '', stderr: '', exitCode: 0, traces: [trace] };
    }
    const portText = value('p');
    if (portText === undefined) return fail('vethlab: nc -l without -p PORT (an ephemeral port) is not modelled\n', 1);
    if (!/^\d+$/.test(portText) || Number(portText) > 65535) return fail(`nc: bad port '${portText}'\n`, 1);
    const address = value('s') ?? '::';
    const listen = { proto: has('u') ? 'udp' : 'tcp', address, family: address.includes(':') ? 6 : 4, port: Number(portText) } as const;
    if (bindAll(ctx, [listen], 'nc')) return fail('nc: bind: Address in use\n', 1);
    return stillRunning(netcatListening(ctx, { listen, keep: has('k'), reply: ctx.stdin, argv: ['nc', ...argv] }));
  };
}

/**
 * nc_bloaty's outbound TCP connect (busybox networking/nc_bloaty.c, nc_main): with -v
 * `HOST (IP:PORT) open` on stderr once connected; a failure is said only with -v, and a
 * refusal only with -vv (`nc: HOST (IP:PORT): Connection refused`); -vv ends with the
 * byte counts; -z closes at once without sending stdin.
 */
function bloatyConnect(servers: Servers, resolve: Resolver, ctx: CommandContext, options: [string, string | undefined][], host: string, port: number): CommandOutput {
  const verbose = options.filter(([k]) => k === 'v').length;
  const zero = options.some(([k]) => k === 'z');
  const waitText = options.filter(([k]) => k === 'w').pop()?.[1];
  if (port > 65535) return fail(`nc: bad port '${port}'\n`, 1);
  const ip = parseIPv4(host) !== undefined ? host : resolve(host);
  if (ip === undefined) return fail(`nc: bad address '${host}'\n`, 1);
  const dotted = `${ip}:${port}`;
  const counts = (sent: number, received: number) => (verbose > 1 ? `sent ${sent}, rcvd ${received}\n` : '');
  const opts: ConnectOptions = {};
  if (waitText !== undefined && Number(waitText) > 0) opts.timeout = Number(waitText);
  const conn = servers.connect(ctx.netns, ip, port, opts);
  if (!conn.ok) {
    const said = verbose > 1 || (verbose === 1 && conn.failure !== 'refused') ? `nc: ${host} (${dotted}): ${BUSYBOX_REASON[conn.failure]}\n` : '';
    return { stdout: '', stderr: said + counts(0, 0), exitCode: 1, traces: conn.traces };
  }
  const sent = zero ? '' : ctx.stdin;
  const legs: Trace[] = [];
  const answer = servers.converse(conn.peer, sent, legs);
  servers.exchanged(conn.traces, lineExchange(sent, zero ? '' : answer));
  const stdout = zero ? '' : answer;
  const bytes = (text: string) => new TextEncoder().encode(text).length;
  const stderr = (verbose > 0 ? `${host} (${dotted}) open\n` : '') + counts(bytes(sent), bytes(stdout));
  // The open line comes before the answer (-vv's counts come after it, which one stream order cannot say).
  return { stdout, stderr, stderrFirst: true, exitCode: 0, traces: [...conn.traces, ...legs] };
}
