/**
 * socat 1.8 as tutorials use it: a listener (`TCP-LISTEN:8080,fork,reuseaddr`,
 * `UDP-LISTEN`, `UDP-RECVFROM`) in front of a program (`EXEC:cat`,
 * `SYSTEM:'echo hi'`, which get the SOCAT_PEERADDR family of variables), of
 * stdio, or of another server (`TCP:app:80`, a forwarder whose second
 * connection is traced like nginx's proxy_pass); and a client (`socat -
 * TCP:host:port`). A listener is modelled on nc's: it binds, keeps running, and
 * each client's data goes through it (listen.ts). Its diagnostics are socat's
 * (socat-log.ts): errors and warnings by default, the notices of -dd (listening,
 * accepting, forked off, the transfer loop, EOFs, exit), -v/-x dumps, with the C
 * library's strerror wording.
 * Sources: socat 1.8.0.1's socat.c (options, "exactly 2 addresses required",
 * the transfer loop's notices, xioprintblockheader), xio-listen.c, xio-udp.c,
 * xio-socket.c (accept, connect, recvfrom notices; xiosetsockaddrenv),
 * xio-ipapp.c, xio-progcall.c, xio-exec.c, xio-system.c, xiosigchld.c,
 * xioinitialize.c (SOCAT_PID/SOCAT_PPID), and its man page (TCP-LISTEN listens
 * on IPv4 unless told otherwise; UDP-RECVFROM handles one packet without fork).
 * A connection (client or forwarder) follows socat 1.8.0.3's xio-ipapp.c, the
 * installed version's: it names HOST:PORT before and after, a refused connect is
 * a warning then the address's error, and retry=N/forever/interval=T retry it.
 * Where two processes' lines race in real socat (a forked child's against its
 * parent's), vethlab prints the parent's first, then the child's.
 */
import { parseIPv4 } from '../netfilter/inet.ts';
import { formatAddr } from '../netfilter/addr.ts';
import type { Trace } from '../net/trace.ts';
import { bindAll, stillRunning, unbindAll } from './listen.ts';
import { lineExchange } from '../net/exchange.ts';
import { type ConnectFailure, type Servers } from './servers.ts';
import { parseAddress, type SocatAddress } from './socat-address.ts';
import { DEFAULT_LOG, LEVEL, SocatLog } from './socat-log.ts';
import { parseOptions, type ParsedOptions, type SocatSettings } from './socat-options.ts';
import type { ClientData, Command, CommandContext, CommandOutput, Listen, Running, Served } from './types.ts';

export interface SocatPlace {
  servers: Servers;
  /** The container's resolver (first address of the answer). */
  resolve: (name: string) => string | undefined;
  /** Runs a child (EXEC's command line, SYSTEM's shell command) with the connection as stdin and socat's variables added. */
  child: (line: string, stdin: string, env: Record<string, string>) => CommandOutput;
  /** A process ID for a new socat (each forked child has its own). */
  pid: () => number;
  /** strerror's wording: musl in Alpine, glibc in Debian and Ubuntu. */
  libc: 'musl' | 'glibc';
  /** socat's version (SOCAT_VERSION): the installed package's, `1.8.0.3`. */
  version: string;
}

const STRERROR: Record<'musl' | 'glibc', Record<ConnectFailure | 'EADDRINUSE' | 'EADDRNOTAVAIL' | 'EAI_NONAME', string>> = {
  musl: { refused: 'Connection refused', timeout: 'Operation timed out', unreachable: 'Host is unreachable', 'no-route': 'Network unreachable', EADDRINUSE: 'Address in use', EADDRNOTAVAIL: 'Address not available', EAI_NONAME: 'Name does not resolve' },
  glibc: { refused: 'Connection refused', timeout: 'Connection timed out', unreachable: 'No route to host', 'no-route': 'Network is unreachable', EADDRINUSE: 'Address already in use', EADDRNOTAVAIL: 'Cannot assign requested address', EAI_NONAME: 'Name or service not known' },
};

/** SIGCHLD, as childdied() names it. */
const SIGCHLD = 17;

/** sockaddr_info's IPv4 form. */
const inet = (ip: string, port: number) => `AF=2 ${ip}:${port}`;

export function socatCommand(place: SocatPlace): Command {
  return (argv, ctx) => {
    const pid = place.pid();
    const threshold = place.version.startsWith('1.7.') ? LEVEL.error : DEFAULT_LOG.threshold;
    const { parsed, printed } = parseOptions(argv, threshold);
    // What socat printed while reading its options comes before anything else it says.
    const out = runSocat(parsed, argv, ctx, place, pid, threshold);
    return printed === '' ? out : { ...out, stderr: printed + out.stderr };
  };
}

/** One socat process from its options read: its output, its listener, or why it stops. */
function runSocat(options: ParsedOptions, argv: string[], ctx: CommandContext, place: SocatPlace, pid: number, threshold: number): CommandOutput {
  if (!options.ok) {
    if ('vethlab' in options) return fail(options.vethlab);
    if ('stderr' in options) return fail(options.stderr);
    if ('printed' in options) return options.printed;
    const log = new SocatLog(options.log ?? { ...DEFAULT_LOG, threshold }, ctx.kernel.now);
    log.error(pid, options.error);
    return fail(log.take());
  }
  const { settings, addresses } = options;
  // -lf opens its file ("a") while the options are read; when it cannot, the error goes to
  // that unopened log, so nowhere, and socat exits 1 (error.c diag_set 'f', msg2).
  if (settings.log.file !== undefined && ctx.fs.write(settings.log.file, '', true) !== undefined) return fail('');
  const log = logFor(settings, ctx);
  const failWith = (message: string) => {
    log.error(pid, message);
    return fail(log.take());
  };
  if (addresses.length !== 2) return failWith(`exactly 2 addresses required (there are ${addresses.length}); use option "-h" for help`);
  const parsed = addresses.map(parseAddress);
  for (const p of parsed) {
    if (p.ok) continue;
    return 'vethlab' in p ? fail(p.vethlab) : failWith(p.error);
  }
  const [left, right] = parsed.map((p) => (p as { ok: true; address: SocatAddress }).address) as [SocatAddress, SocatAddress];
  const run: Run = { place, ctx, settings, mainPid: pid, named: !place.version.startsWith('1.7.') };
  if (left.kind === 'listen' || right.kind === 'listen') {
    if (left.kind === 'listen' && right.kind === 'listen') return fail('vethlab: socat with a listener on both sides is not modelled\n');
    const listenerLeft = left.kind === 'listen';
    const listener = (listenerLeft ? left : right) as Extract<SocatAddress, { kind: 'listen' }>;
    return listen(run, argv, listener, listenerLeft ? right : left, listenerLeft);
  }
  if (left.kind === 'stdio' && right.kind === 'stdio') return { stdout: settings.toRight || settings.toLeft ? ctx.stdin : '', stderr: '', exitCode: 0 };
  const connect = left.kind === 'connect' ? left : right.kind === 'connect' ? right : undefined;
  const other = connect === left ? right : left;
  if (!connect || other.kind !== 'stdio') return fail(`vethlab: socat between ${describe(left)} and ${describe(right)} is not modelled (only a listener, or stdio and a connection)\n`);
  return client(run, connect, other, connect === right, log);
}

/** One socat run: where, with which options, and its first process's PID. */
interface Run {
  place: SocatPlace;
  ctx: CommandContext;
  settings: SocatSettings;
  mainPid: number;
  /**
   * socat 1.8.0.3's connection path (xio-ipapp.c rewritten after 1.8.0.1): it names
   * HOST:PORT, warns then fails with the address, and retries; Debian 12's 1.7.4.4
   * has the older one, whose failed connect or lookup is the error itself.
   */
  named: boolean;
}

/** A log for one process's lines now: to stderr, or to the -lf file; with -lh, the host name ($HOSTNAME, else the machine's). */
function logFor(settings: SocatSettings, ctx: CommandContext): SocatLog {
  const file = settings.log.file;
  const etcHostname = ctx.fs.read('/etc/hostname');
  const hostname = ctx.env.HOSTNAME ?? (typeof etcHostname === 'string' && !/^E[A-Z]+$/.test(etcHostname) ? etcHostname.trim() : undefined);
  return new SocatLog(settings.log, () => ctx.kernel.now, { hostname, append: file === undefined ? undefined : (line) => void ctx.fs.write(file, line, true) });
}

function fail(stderr: string, exitCode = 1): CommandOutput {
  return { stdout: '', stderr, exitCode };
}

function describe(a: SocatAddress): string {
  return a.kind === 'program' ? (a.shell ? 'SYSTEM' : 'EXEC') : a.kind === 'stdio' ? 'stdio' : a.kind === 'connect' ? `${a.proto.toUpperCase()} (a connection)` : 'a listener';
}

/** The address and port a connection left from (its first packet's source, before any NAT). */
function localEnd(trace: Trace | undefined): string | undefined {
  const first = trace?.hops.find((h) => h.leg === 'request')?.packet;
  return first ? inet(formatAddr(first.src), first.sport) : undefined;
}

/** `socat - TCP:host:port`: stdin goes to the server, its answer to stdout. */
function client(run: Run, to: Extract<SocatAddress, { kind: 'connect' }>, stdio: SocatAddress, connectRight: boolean, log: SocatLog): CommandOutput {
  const { place, ctx, settings, mainPid: pid } = run;
  const sends = connectRight ? settings.toRight : settings.toLeft;
  const reads = connectRight ? settings.toLeft : settings.toRight;
  const polls = stdio.kind === 'stdio' && stdio.ignoreeof === true && sends;
  if (polls && to.proto === 'udp') return fail('vethlab: socat\'s ignoreeof on a UDP conversation is not modelled\n');
  if (polls && settings.totalTimeout === undefined) {
    return fail('vethlab: socat\'s ignoreeof without -T is not modelled (at the end of its input socat polls it for more, like tail -f, until the other side closes, which not every server does; -T N ends it after N idle seconds)\n');
  }
  // The addresses open in order: stdio first says so before the connection, second after it.
  if (connectRight) stdioOpened(run, log, pid, stdio);
  if (run.named) log.write(pid, 'notice', `opening connection to ${to.host}:${to.port}`);
  const ip = parseIPv4(to.host) !== undefined ? to.host : place.resolve(to.host);
  if (ip === undefined) {
    unresolved(run, log, pid, to);
    return fail(log.take());
  }
  const data = sends ? lineEnds(ctx.stdin, stdio, to) : '';
  let answer = '';
  let traces: Trace[];
  // The trace of the connection that went through: its first packet's source is socat's local address.
  let connected: Trace | undefined;
  if (to.proto === 'udp') {
    log.write(pid, 'notice', `opening connection to ${inet(ip, to.port)}`);
    const trace = ctx.kernel.probe({ kind: 'udp-send', from: ctx.netns, dst: ip, port: to.port });
    const legs: Trace[] = [];
    place.servers.datagram(trace, data, legs);
    traces = [trace, ...legs];
    connected = trace;
  } else {
    const attempts: Trace[] = [];
    const conn = connectLoop(run, to, ip, log, pid, () => {
      const c = place.servers.connect(ctx.netns, ip, to.port);
      attempts.push(...c.traces);
      return c;
    });
    if (!conn.ok) return 'vethlab' in conn ? fail(conn.vethlab) : { stdout: '', stderr: log.take(), exitCode: 1, traces: attempts };
    const legs: Trace[] = [];
    answer = place.servers.converse(conn.value.peer, data, legs);
    place.servers.exchanged(conn.value.traces, lineExchange(data, answer));
    traces = [...attempts, ...legs];
    connected = conn.value.traces[0];
  }
  const local = localEnd(connected);
  if (local) log.write(pid, 'notice', `successfully connected from local address ${local}`);
  if (run.named) log.write(pid, 'notice', `successfully connected to ${to.host}:${to.port}`);
  if (!connectRight) stdioOpened(run, log, pid, stdio);
  const [stdioFds, socketFds] = ['[0,1]', '[5,5]'];
  log.write(pid, 'notice', `starting data transfer loop with FDs ${connectRight ? `${stdioFds} and ${socketFds}` : `${socketFds} and ${stdioFds}`}`);
  const dumps = new Dumps(settings, ctx.kernel.now, log);
  dumps.block(data, !connectRight);
  const shown = reads && to.proto === 'tcp' ? lineEnds(answer, to, stdio) : '';
  dumps.block(shown, connectRight);
  // stdin ends first; the server then closes (UDP has no end to read).
  const [stdinSocket, connSocket] = connectRight ? ['1 (fd 0)', '2 (fd 5)'] : ['2 (fd 0)', '1 (fd 5)'];
  if (polls) pollingEnd(run, log, answer, connSocket);
  else {
    log.write(pid, 'notice', `socket ${stdinSocket} is at EOF`);
    if (to.proto === 'tcp') log.write(pid, 'notice', `socket ${connSocket} is at EOF`);
  }
  log.write(pid, 'notice', 'exiting with status 0');
  return { stdout: shown, stderr: log.take(), exitCode: 0, traces };
}

/**
 * How a client whose stdio has ignoreeof ends (socat 1.8.0.3's socat.c _socat loop): stdin's
 * EOF is ignored (a debug line) and polled every second (pollintv), so no FIN goes to the
 * server. A server that closes after its answer (an HTTP answer with `Connection: close`, or
 * HTTP/1.0) is "socket N is at EOF"; socat then waits closwait (0.5 s) and leaves the loop,
 * unless -T is under a second, whose first count-down after that EOF ends it. A server that
 * keeps the connection open leaves -T to end it: each idle poll takes a second off, the first
 * as the answer is written, and the timeout triggers when it goes below zero, floor(T)
 * seconds after the answer.
 */
function pollingEnd(run: Run, log: SocatLog, answer: string, connSocket: string): void {
  const { ctx, settings, mainPid: pid } = run;
  const total = settings.totalTimeout ?? 0;
  if (serverCloses(answer)) {
    log.write(pid, 'notice', `socket ${connSocket} is at EOF`);
    if (total < 1) log.write(pid, 'notice', 'inactivity timeout triggered');
    else ctx.kernel.advance(500);
    return;
  }
  ctx.kernel.advance(Math.floor(total) * 1000);
  log.write(pid, 'notice', 'inactivity timeout triggered');
}

/** Whether a server closes the connection after this answer without the client's FIN: HTTP's `Connection: close`, or HTTP/1.0. */
function serverCloses(answer: string): boolean {
  const head = answer.split(/\r?\n\r?\n/)[0] ?? '';
  return /^HTTP\/1\.0 /.test(head) || /^connection:[ \t]*close[ \t]*\r?$/im.test(head);
}

/**
 * xio-stdio.c's notice once `-` or STDIO is open (socat 1.8.0.3, seen on its build:
 * `echo hi | socat -dd - TCP:...` prints it first, `socat -dd TCP:... -` after the
 * connection, a listener after accepting). 1.7's is not modelled.
 */
function stdioOpened(run: Run, log: SocatLog, pid: number, address: SocatAddress): void {
  if (run.named && address.kind === 'stdio' && address.both) log.write(pid, 'notice', 'reading from and writing to stdio');
}

type ConnectAddress = Extract<SocatAddress, { kind: 'connect' }>;
type Attempt<T> = ({ ok: true } & T) | { ok: false; failure: ConnectFailure };

/**
 * xio-ipapp.c's loop over retries (socat 1.8.0.3's xioopen_ipapp_connect and
 * _xioopen_ipapp_connect): each attempt says where it connects; a failed one is
 * a notice while attempts are left (retry=N, forever), else a warning followed by
 * the address's error; between attempts socat sleeps its interval (1 s unless
 * told), on the simulator's clock. Nothing else runs while a command does, so
 * an attempt that fails fails again: forever would never end here.
 */
function connectLoop<T>(run: Run, to: ConnectAddress, ip: string, log: SocatLog, pid: number, attempt: () => Attempt<T>): { ok: true; value: { ok: true } & T } | { ok: false } | { ok: false; vethlab: string } {
  const { place, ctx } = run;
  if (!run.named && to.retry) return { ok: false, vethlab: `vethlab: socat ${place.version}'s retry, forever and interval are not modelled (only 1.8's)\n` };
  let left = to.retry?.count ?? 0;
  const forever = to.retry?.forever ?? false;
  for (;;) {
    log.write(pid, 'notice', `opening connection to ${inet(ip, to.port)}`);
    const result = attempt();
    if (result.ok) return { ok: true, value: result };
    const reason = STRERROR[place.libc][result.failure];
    if (!run.named) {
      log.error(pid, `connect(5, ${inet(ip, to.port)}, 16): ${reason}`);
      return { ok: false };
    }
    if (forever) return { ok: false, vethlab: `vethlab: socat's forever: ${reason.toLowerCase()} at ${to.host}:${to.port}, and nothing can start a listener while socat waits here, so it would retry without end\n` };
    log.write(pid, left > 0 ? 'notice' : 'warn', `connect(5, ${inet(ip, to.port)}, 16): ${reason}`);
    if (left === 0) {
      log.error(pid, `${to.typed}: ${reason}`);
      return { ok: false };
    }
    left--;
    ctx.kernel.advance(to.retry?.intervalMs ?? 1000);
  }
}

/**
 * Data read from one address and written to the other, with option crlf on
 * either (socat.c cv_newline): from a crlf side every CR is dropped, to one
 * each LF becomes CR LF; both or neither leave it as it is.
 */
function lineEnds(data: string, from: SocatAddress, to: SocatAddress): string {
  if (Boolean(from.crlf) === Boolean(to.crlf)) return data;
  return from.crlf ? data.replace(/\r/g, '') : data.replace(/\n/g, '\r\n');
}

/**
 * A name that does not resolve, as socat 1.8.0.3 says it: xio-ip.c's
 * _xiogetaddrinfo warns with getaddrinfo's hints (flags 0x20, AI_ADDRCONFIG, only
 * when the family is left open, else 0x00 and family 2; the socket type and
 * protocol), then xio-ipapp.c's _xioopen_ipapp_prepare fails with the address's
 * node, service and pf.
 */
function unresolved(run: Run, log: SocatLog, pid: number, to: { proto: 'tcp' | 'udp'; host: string; port: number; pf: 0 | 2 }): void {
  const [type, proto] = to.proto === 'tcp' ? [1, 6] : [2, 17];
  const flags = to.pf === 0 ? '0x20' : '0x00';
  const reason = STRERROR[run.place.libc].EAI_NONAME;
  // 1.7's lookup failure is the error itself.
  log.write(pid, run.named ? 'warn' : 'error', `getaddrinfo("${to.host}", "${to.port}", {${flags},${to.pf},${type},${proto}}, {}): ${reason}`);
  if (!run.named) log.write(pid, 'notice', 'exit(1)');
  else log.error(pid, `_xioopen_ipapp_prepare(node="${to.host}", service="${to.port}", pf=${to.pf}, ...): ${reason}`);
}

/**
 * A listener: binds (socat's bind() message on failure), then each client (a
 * connection, or a datagram) reaches the handler. Without fork a TCP listener
 * and UDP-RECVFROM serve one client and end; UDP-LISTEN and UDP-RECV go on.
 */
function listen(run: Run, argv: string[], listener: Extract<SocatAddress, { kind: 'listen' }>, handler: SocatAddress, listenerLeft: boolean): CommandOutput {
  const { place, ctx, settings, mainPid: pid } = run;
  const log = logFor(settings, ctx);
  const bound: Listen = { proto: listener.proto, address: listener.address, family: 4, port: listener.port };
  const failed = bindAll(ctx, [bound], 'socat');
  if (failed) {
    log.error(pid, `bind(5, {${inet(listener.address, listener.port)}}, 16): ${STRERROR[place.libc][failed]}`);
    return fail(log.take());
  }
  const waiting = waitingLine(listener);
  if (!listenerLeft) stdioOpened(run, log, pid, handler);
  log.write(pid, 'notice', waiting);
  // Its stdin goes to the first client, as with nc -l.
  let stdin = ctx.stdin;
  const stays = listener.fork || (listener.proto === 'udp' && listener.mode !== 'recvfrom');
  const running: Running = {
    process: 'socat',
    argv: ['socat', ...argv],
    listens: [bound],
    serve: (input: ClientData): Served => {
      const clientLog = logFor(settings, ctx);
      const peer = inet(input.client, input.clientPort ?? 0);
      if (listener.proto === 'tcp') clientLog.write(pid, 'notice', `accepting connection from ${peer} on ${inet(input.local ?? listener.address, listener.port)}`);
      else clientLog.write(pid, 'notice', listener.mode === 'recvfrom' ? `receiving packet from ${peer}` : `accepting UDP connection from ${peer}`);
      // A forked child has its own PID; without fork the listener itself handles the client.
      const handlerPid = listener.fork ? place.pid() : pid;
      if (listener.fork) {
        clientLog.write(pid, 'notice', `forked off child process ${handlerPid}`);
        clientLog.write(pid, 'notice', waiting);
      }
      const takeStdin = () => {
        const s = stdin;
        stdin = '';
        return s;
      };
      const served = handle(run, { listener, handler, listenerLeft, pid: handlerPid, log: clientLog }, input, takeStdin);
      // The parent hears of its child's end (SIGCHLD).
      if (listener.fork) clientLog.write(pid, 'notice', `childdied(): handling signal ${SIGCHLD}`);
      if (!stays) unbindAll(ctx, running.listens);
      return { ...served, stderr: clientLog.take(), next: stays ? running : { exitCode: served.status } };
    },
  };
  return { ...stillRunning(running), stderr: log.take() };
}

/** What a listener logs while it waits (xio-listen.c, xio-udp.c, xio-socket.c). */
function waitingLine(listener: Extract<SocatAddress, { kind: 'listen' }>): string {
  const at = inet(listener.address, listener.port);
  if (listener.proto === 'tcp') return `listening on ${at}`;
  return listener.mode === 'listen' ? `listening on UDP ${at}` : `receiving on ${at}`;
}

interface Session {
  listener: Extract<SocatAddress, { kind: 'listen' }>;
  handler: SocatAddress;
  listenerLeft: boolean;
  /** The process handling this client (a forked child, or socat itself). */
  pid: number;
  log: SocatLog;
}

/**
 * The variables socat sets for its children (xio-listen.c, xio-udp.c,
 * xio-socket.c's xiosetsockaddrenv, xioinitialize.c): SOCAT_PID is the process
 * handling the client, SOCAT_PPID the first socat. A TCP listener names both
 * ends (the local address the client reached); UDP-LISTEN its bound address;
 * UDP-RECVFROM only the peer. Only a listener opened before the program (the
 * first address) has them when the program starts.
 */
function socatEnv(run: Run, session: Session, input: ClientData): Record<string, string> {
  const env: Record<string, string> = { SOCAT_PID: String(session.pid), SOCAT_PPID: String(run.mainPid), SOCAT_VERSION: run.place.version };
  if (!session.listenerLeft || session.listener.mode === 'recv') return env;
  if (session.listener.proto === 'tcp') Object.assign(env, { SOCAT_SOCKADDR: input.local ?? session.listener.address, SOCAT_SOCKPORT: String(input.port) });
  else if (session.listener.mode === 'listen') Object.assign(env, { SOCAT_SOCKADDR: session.listener.address, SOCAT_SOCKPORT: String(session.listener.port) });
  return { ...env, SOCAT_PEERADDR: input.client, SOCAT_PEERPORT: String(input.clientPort ?? 0) };
}

/** One client's data through the handler: what goes back, what socat printed, the relay's legs, the handling process's status. */
function handle(run: Run, session: Session, input: ClientData, takeStdin: () => string): Omit<Served, 'next' | 'stderr'> & { status: number } {
  const { place, ctx, settings } = run;
  const { handler, listenerLeft, pid, log } = session;
  const inbound = listenerLeft ? settings.toRight : settings.toLeft;
  const outbound = listenerLeft ? settings.toLeft : settings.toRight;
  const data = inbound ? lineEnds(input.data, session.listener, handler) : '';
  const dumps = new Dumps(settings, ctx.kernel.now, log);
  // The accepted socket is fd 6 (the listening one was 5, closed); the handler's socket or socketpair end takes 5.
  const client = input.proto === 'tcp' ? '[6,6]' : '[5,5]';
  // A UDP listener keeps its socket (5): the handler's socket is 6.
  const handlerSocket = input.proto === 'tcp' ? '[5,5]' : '[6,6]';
  const transfer = (handlerFds: string, reply: string, extra: { stdout?: string; legs?: Trace[]; status?: number; before?: () => void } = {}) => {
    const sent = outbound && input.proto === 'tcp' ? lineEnds(reply, handler, session.listener) : '';
    log.write(pid, 'notice', `starting data transfer loop with FDs ${listenerLeft ? `${client} and ${handlerFds}` : `${handlerFds} and ${client}`}`);
    dumps.block(data, !listenerLeft);
    dumps.block(sent, listenerLeft);
    extra.before?.();
    // The handler's side closes first, then the client's (a UDP peer never does).
    const [clientNo, handlerNo] = listenerLeft ? [1, 2] : [2, 1];
    log.write(pid, 'notice', `socket ${handlerNo} (fd ${handlerFds.slice(1, handlerFds.indexOf(','))}) is at EOF`);
    if (input.proto === 'tcp') log.write(pid, 'notice', `socket ${clientNo} (fd ${client.slice(1, 2)}) is at EOF`);
    const status = extra.status ?? 0;
    log.write(pid, 'notice', `exiting with status ${status}`);
    return { reply: sent, stdout: extra.stdout ?? '', legs: extra.legs ?? [], status };
  };
  switch (handler.kind) {
    case 'stdio': {
      // Opened once a client is there (a listener first), else it was opened before listening.
      if (listenerLeft) stdioOpened(run, log, pid, handler);
      const reply = takeStdin();
      return transfer('[0,1]', reply, { stdout: data });
    }
    case 'program': {
      const programPid = place.pid();
      log.write(pid, 'notice', 'forking off child, using socket for reading and writing');
      log.write(pid, 'notice', `forked off child process ${programPid}`);
      // EXEC runs its words without a shell: each is quoted so the shell takes it as it is.
      const words = handler.line.split(/\s+/).filter(Boolean);
      const line = handler.shell ? handler.line : words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
      if (!handler.shell) log.write(programPid, 'notice', `execvp'ing "${words[0] ?? ''}"`);
      const out = place.child(line, data, socatEnv(run, session, input));
      const reply = handler.stderr ? out.stdout + out.stderr : out.stdout;
      return transfer(handlerSocket, reply, {
        status: out.exitCode === 0 ? 0 : 1,
        before: () => {
          // Without `stderr` the child's own stderr is socat's.
          if (!handler.stderr) log.raw(out.stderr);
          // system() returns the wait status (exit code << 8); the child's end is a warning unless it was 0.
          if (handler.shell && out.exitCode !== 0) log.write(programPid, 'warn', `system("${handler.line}") returned with status ${out.exitCode * 256}`);
          log.write(pid, 'notice', `childdied(): handling signal ${SIGCHLD}`);
          if (out.exitCode !== 0) log.write(pid, 'warn', `waitpid(): child ${programPid} exited with status ${out.exitCode}`);
        },
      });
    }
    case 'connect': {
      if (run.named) log.write(pid, 'notice', `opening connection to ${handler.host}:${handler.port}`);
      const ip = parseIPv4(handler.host) !== undefined ? handler.host : place.resolve(handler.host);
      if (ip === undefined) {
        unresolved(run, log, pid, handler);
        return { reply: '', stdout: '', status: 1 };
      }
      const legs: Trace[] = [];
      const connected = (trace: Trace | undefined) => {
        const local = localEnd(trace);
        if (local) log.write(pid, 'notice', `successfully connected from local address ${local}`);
        if (run.named) log.write(pid, 'notice', `successfully connected to ${handler.host}:${handler.port}`);
      };
      if (handler.proto === 'udp') {
        log.write(pid, 'notice', `opening connection to ${inet(ip, handler.port)}`);
        const trace = ctx.kernel.probe({ kind: 'udp-send', from: ctx.netns, dst: ip, port: handler.port });
        connected(trace);
        place.servers.datagram(trace, data, legs);
        return transfer(handlerSocket, '', { legs: [trace, ...legs] });
      }
      let first: Trace | undefined;
      const relayed = connectLoop(run, handler, ip, log, pid, () => {
        const before = legs.length;
        const r = place.servers.relay(ctx.netns, ip, handler.port, data, legs);
        first = legs.slice(before).find((t) => t.probe.kind === 'tcp-connect' && t.probe.dst === ip);
        return r;
      });
      if (!relayed.ok) {
        // A forwarder's child has no terminal for vethlab's line: it goes to socat's log.
        if ('vethlab' in relayed) log.raw(relayed.vethlab);
        return { reply: '', stdout: '', legs, status: 1 };
      }
      connected(first);
      return transfer(handlerSocket, relayed.value.reply, { legs });
    }
    case 'listen':
      return { reply: '', stdout: '', status: 0 };
  }
}

/**
 * -v and -x: each block read, on stderr, after a header `> TIME.USEC  length=N
 * from=A to=B` (`>` left to right, `<` right to left; the time's microseconds
 * printed nine wide as socat 1.8's gettimestamp does); -v the text with control
 * characters escaped, -x the bytes in hex, both together a hexdump with text.
 */
class Dumps {
  private readonly counted = { ltor: 0, rtol: 0 };

  constructor(
    private readonly settings: SocatSettings,
    private readonly now: number,
    private readonly out: SocatLog,
  ) {}

  block(data: string, rightToLeft: boolean): void {
    const { text, hex } = this.settings.dump;
    if (data === '' || (!text && !hex)) return;
    const bytes = [...new TextEncoder().encode(data)];
    const key = rightToLeft ? 'rtol' : 'ltor';
    const from = this.counted[key];
    this.counted[key] += bytes.length;
    const iso = new Date(this.now).toISOString();
    const time = `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)}.${String((this.now % 1000) * 1000).padStart(9, '0')}`;
    this.out.raw(`${rightToLeft ? '<' : '>'} ${time}  length=${bytes.length} from=${from} to=${from + bytes.length - 1}\n`);
    if (text && hex) this.out.raw(hexdump(bytes));
    else if (text) this.out.raw(bytes.map(escaped).join(''));
    else this.out.raw(`${bytes.map((b) => ` ${b.toString(16).padStart(2, '0')}`).join('')}\n`);
  }
}

/** -v's rendering of one byte (socat.c xiotransfer). */
function escaped(b: number): string {
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\t', 10: '\n', 11: '\\v', 12: '\\f', 13: '\\r', 92: '\\\\' };
  return named[b] ?? (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.');
}

/** -v -x together: up to 16 bytes a row, a row ends after a newline, the text column after two spaces, `--` closing the block. */
function hexdump(bytes: number[]): string {
  let out = '';
  for (let s = 0; s < bytes.length; ) {
    let row = bytes.slice(s, s + 16);
    const nl = row.indexOf(10);
    if (nl >= 0) row = row.slice(0, nl + 1);
    out += `${row.map((b) => ` ${b.toString(16).padStart(2, '0')}`).join('')}${'   '.repeat(16 - row.length)}  ${row.map((b) => (b === 10 ? '.' : b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('')}\n`;
    s += row.length;
  }
  return `${out}--\n`;
}
