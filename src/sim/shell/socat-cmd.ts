/**
 * socat 1.8 as tutorials use it: a listener (`TCP-LISTEN:8080,fork,reuseaddr`,
 * `UDP-LISTEN`, `UDP-RECVFROM`) in front of a program (`EXEC:cat`,
 * `SYSTEM:'echo hi'`), of stdio, or of another server (`TCP:app:80`, a
 * forwarder whose second connection is traced like nginx's proxy_pass); and a
 * client (`socat - TCP:host:port`). A listener is modelled on nc's: it binds,
 * keeps running, and each client's data goes through it (listen.ts). Messages
 * follow socat's log format (`2026/12/07 00:00:00 socat[PID] E ...`, error.c's
 * diag text) with the C library's strerror wording.
 * Sources: socat 1.8's socat.c (options, "exactly 2 addresses required"),
 * xioopen.c, xiohelp.c, xio-ip.c (getaddrinfo's message), and its man page
 * (TCP-LISTEN listens on IPv4 unless told otherwise; UDP-RECVFROM handles one
 * packet without fork).
 */
import { parseIPv4 } from '../netfilter/inet.ts';
import type { Trace } from '../net/trace.ts';
import { bindAll, stillRunning, unbindAll } from './listen.ts';
import { lineExchange } from '../net/exchange.ts';
import { nginxLogTime, type ConnectFailure, type Servers } from './servers.ts';
import { parseAddress, type SocatAddress } from './socat-address.ts';
import type { ClientData, Command, CommandContext, CommandOutput, Listen, Running, Served } from './types.ts';

export interface SocatPlace {
  servers: Servers;
  /** The container's resolver (first address of the answer). */
  resolve: (name: string) => string | undefined;
  /** Runs a child (EXEC's command line, SYSTEM's shell command) with the connection as stdin. */
  child: (line: string, stdin: string) => CommandOutput;
  /** A process ID for a new socat (each forked child has its own). */
  pid: () => number;
  /** strerror's wording: musl in Alpine, glibc in Debian and Ubuntu. */
  libc: 'musl' | 'glibc';
}

const STRERROR: Record<'musl' | 'glibc', Record<ConnectFailure | 'EADDRINUSE' | 'EADDRNOTAVAIL' | 'EAI_NONAME', string>> = {
  musl: { refused: 'Connection refused', timeout: 'Operation timed out', unreachable: 'Host is unreachable', 'no-route': 'Network unreachable', EADDRINUSE: 'Address in use', EADDRNOTAVAIL: 'Address not available', EAI_NONAME: 'Name does not resolve' },
  glibc: { refused: 'Connection refused', timeout: 'Connection timed out', unreachable: 'No route to host', 'no-route': 'Network is unreachable', EADDRINUSE: 'Address already in use', EADDRNOTAVAIL: 'Cannot assign requested address', EAI_NONAME: 'Name or service not known' },
};

/** socat.c's options (a letter it knows but vethlab does not model is refused in one line). */
const SOCAT_OPTION_LETTERS = 'VhH?dDlvxbstTuUgLW460rRS';

export function socatCommand(place: SocatPlace): Command {
  return (argv, ctx) => {
    const log = (pid: number, message: string) => `${nginxLogTime(ctx.kernel.now)} socat[${pid}] E ${message}\n`;
    let toRight = true;
    let toLeft = true;
    let i = 0;
    // Options end at the first word that is not one ("-" alone is the stdio address).
    for (; i < argv.length; i++) {
      const a = argv[i]!;
      if (!a.startsWith('-') || a === '-' || /^-[:,]/.test(a)) break;
      if (a === '-u') toLeft = false;
      else if (a === '-U') toRight = false;
      else if (a === '-4') continue; // IPv4 is already what an address without a version uses
      else if (SOCAT_OPTION_LETTERS.includes(a[1]!)) return fail(`vethlab: socat option ${a} is not modelled\n`);
      else return fail(log(place.pid(), `unknown option "${a}"; use option "-h" for help`));
    }
    const words = argv.slice(i);
    if (words.length !== 2) return fail(log(place.pid(), `exactly 2 addresses required (there are ${words.length}); use option "-h" for help`));
    const parsed = words.map(parseAddress);
    for (const p of parsed) {
      if (p.ok) continue;
      return 'vethlab' in p ? fail(p.vethlab) : fail(log(place.pid(), p.error));
    }
    const [left, right] = parsed.map((p) => (p as { ok: true; address: SocatAddress }).address) as [SocatAddress, SocatAddress];
    const flow = { toRight, toLeft };
    if (left.kind === 'listen' || right.kind === 'listen') {
      if (left.kind === 'listen' && right.kind === 'listen') return fail('vethlab: socat with a listener on both sides is not modelled\n');
      const listenerLeft = left.kind === 'listen';
      const listener = (listenerLeft ? left : right) as Extract<SocatAddress, { kind: 'listen' }>;
      const handler = listenerLeft ? right : left;
      // Data from the client reaches the handler in the listener's reading direction.
      const inbound = listenerLeft ? flow.toRight : flow.toLeft;
      const outbound = listenerLeft ? flow.toLeft : flow.toRight;
      return listen(place, ctx, argv, listener, handler, { inbound, outbound }, log);
    }
    if (left.kind === 'stdio' && right.kind === 'stdio') return { stdout: flow.toRight || flow.toLeft ? ctx.stdin : '', stderr: '', exitCode: 0 };
    const connect = left.kind === 'connect' ? left : right.kind === 'connect' ? right : undefined;
    const other = connect === left ? right : left;
    if (!connect || other.kind !== 'stdio') return fail(`vethlab: socat between ${describe(left)} and ${describe(right)} is not modelled (only a listener, or stdio and a connection)\n`);
    const sends = connect === right ? flow.toRight : flow.toLeft;
    const reads = connect === right ? flow.toLeft : flow.toRight;
    return client(place, ctx, connect, { sends, reads }, log);
  };
}

function fail(stderr: string, exitCode = 1): CommandOutput {
  return { stdout: '', stderr, exitCode };
}

function describe(a: SocatAddress): string {
  return a.kind === 'program' ? (a.shell ? 'SYSTEM' : 'EXEC') : a.kind === 'stdio' ? 'stdio' : a.kind === 'connect' ? `${a.proto.toUpperCase()} (a connection)` : 'a listener';
}

type Log = (pid: number, message: string) => string;

/** `socat - TCP:host:port`: stdin goes to the server, its answer to stdout. */
function client(place: SocatPlace, ctx: CommandContext, to: Extract<SocatAddress, { kind: 'connect' }>, flow: { sends: boolean; reads: boolean }, log: Log): CommandOutput {
  const pid = place.pid();
  const ip = parseIPv4(to.host) !== undefined ? to.host : place.resolve(to.host);
  if (ip === undefined) return fail(log(pid, unresolved(place, to)));
  const data = flow.sends ? ctx.stdin : '';
  if (to.proto === 'udp') {
    const trace = ctx.kernel.probe({ kind: 'udp-send', from: ctx.netns, dst: ip, port: to.port });
    const legs: Trace[] = [];
    place.servers.datagram(trace, data, legs);
    return { stdout: '', stderr: '', exitCode: 0, traces: [trace, ...legs] };
  }
  const conn = place.servers.connect(ctx.netns, ip, to.port);
  if (!conn.ok) return { stdout: '', stderr: log(pid, `connect(5, AF=2 ${ip}:${to.port}, 16): ${STRERROR[place.libc][conn.failure]}`), exitCode: 1, traces: conn.traces };
  const legs: Trace[] = [];
  const answer = place.servers.converse(conn.peer, data, legs);
  place.servers.exchanged(conn.traces, lineExchange(data, answer));
  return { stdout: flow.reads ? answer : '', stderr: '', exitCode: 0, traces: [...conn.traces, ...legs] };
}

/** getaddrinfo's failure as xio-ip.c logs it: flags 0x20 (AI_ADDRCONFIG), any family, the socket type and protocol. */
function unresolved(place: SocatPlace, to: { proto: 'tcp' | 'udp'; host: string; port: number }): string {
  const [type, proto] = to.proto === 'tcp' ? [1, 6] : [2, 17];
  return `getaddrinfo("${to.host}", "${to.port}", {0x20,0,${type},${proto}}, {}): ${STRERROR[place.libc].EAI_NONAME}`;
}

/**
 * A listener: binds (socat's bind() message on failure), then each client (a
 * connection, or a datagram) reaches the handler. Without fork a TCP listener
 * and UDP-RECVFROM serve one client and end; UDP-LISTEN and UDP-RECV go on.
 */
function listen(
  place: SocatPlace,
  ctx: CommandContext,
  argv: string[],
  listener: Extract<SocatAddress, { kind: 'listen' }>,
  handler: SocatAddress,
  flow: { inbound: boolean; outbound: boolean },
  log: Log,
): CommandOutput {
  const pid = place.pid();
  const bound: Listen = { proto: listener.proto, address: listener.address, family: 4, port: listener.port };
  const failed = bindAll(ctx, [bound], 'socat');
  if (failed) return fail(log(pid, `bind(5, {AF=2 ${listener.address}:${listener.port}}, 16): ${STRERROR[place.libc][failed]}`));
  // Its stdin goes to the first client, as with nc -l.
  let stdin = ctx.stdin;
  const stays = listener.fork || (listener.proto === 'udp' && listener.mode !== 'recvfrom');
  const running: Running = {
    process: 'socat',
    argv: ['socat', ...argv],
    listens: [bound],
    serve: (input: ClientData): Served => {
      // A forked child has its own PID; without fork the listener itself handles the client.
      const served = handle(place, ctx, handler, input, flow, listener.fork ? place.pid() : pid, log, () => {
        const s = stdin;
        stdin = '';
        return s;
      });
      if (!stays) unbindAll(ctx, running.listens);
      return { ...served, next: stays ? running : { exitCode: served.failed ? 1 : 0 } };
    },
  };
  return stillRunning(running);
}

/** One client's data through the handler: what goes back, what socat printed, the relay's legs. */
function handle(
  place: SocatPlace,
  ctx: CommandContext,
  handler: SocatAddress,
  input: ClientData,
  flow: { inbound: boolean; outbound: boolean },
  pid: number,
  log: Log,
  takeStdin: () => string,
): Omit<Served, 'next'> & { failed: boolean } {
  const data = flow.inbound ? input.data : '';
  const answer = (reply: string, rest: Partial<Served> & { failed?: boolean } = {}) => ({ reply: flow.outbound && input.proto === 'tcp' ? reply : '', stdout: '', stderr: '', failed: false, ...rest });
  switch (handler.kind) {
    case 'stdio':
      return answer(takeStdin(), { stdout: data });
    case 'program': {
      // EXEC runs its words without a shell: each is quoted so the shell takes it as it is.
      const line = handler.shell ? handler.line : handler.line.split(/\s+/).filter(Boolean).map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
      const out = place.child(line, data);
      return handler.stderr ? answer(out.stdout + out.stderr) : answer(out.stdout, { stderr: out.stderr });
    }
    case 'connect': {
      const ip = parseIPv4(handler.host) !== undefined ? handler.host : place.resolve(handler.host);
      if (ip === undefined) return answer('', { stderr: log(pid, unresolved(place, handler)), failed: true });
      const legs: Trace[] = [];
      if (handler.proto === 'udp') {
        const trace = ctx.kernel.probe({ kind: 'udp-send', from: ctx.netns, dst: ip, port: handler.port });
        place.servers.datagram(trace, data, legs);
        return answer('', { legs: [trace, ...legs] });
      }
      const relayed = place.servers.relay(ctx.netns, ip, handler.port, data, legs);
      if (!relayed.ok) return answer('', { stderr: log(pid, `connect(5, AF=2 ${ip}:${handler.port}, 16): ${STRERROR[place.libc][relayed.failure]}`), legs, failed: true });
      return answer(relayed.reply, { legs });
    }
    case 'listen':
      return answer('');
  }
}
