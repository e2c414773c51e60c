/**
 * socat's address words (`TCP-LISTEN:8080,fork,reuseaddr`, `SYSTEM:'echo hi'`,
 * `-`): the keyword, its colon-separated parameters and its comma-separated
 * options, split as socat 1.8's xioparse_single does (nestlex: single and
 * double quotes are removed, (), [] and {} keep their separators), then read
 * into what vethlab models. Errors carry socat's own message text
 * (xioopen.c, xiohelp.c's xiohelp_syntax), or one `vethlab:` line for what
 * socat accepts and vethlab does not model.
 */
import { SOCAT_OPTION_NAMES } from './socat-option-names.ts';

/** What an address does, once read; `crlf`: its lines end in CR LF on the wire (option crlf). */
export type SocatAddress = (
  /** `both`: `-` or STDIO, which socat opens for reading and writing (STDIN and STDOUT are one way each). */
  /** `ignoreeof`: at the end of stdin socat polls it for more (like tail -f) instead of ending its direction. */
  | { kind: 'stdio'; both?: boolean; ignoreeof?: boolean }
  | { kind: 'listen'; proto: 'tcp' | 'udp'; port: number; address: string; fork: boolean; mode: 'listen' | 'recvfrom' | 'recv' }
  /**
   * `typed`: the keyword and parameters as given (`TCP:app:80`), as socat's last connect error names them;
   * `pf`: the protocol family asked of the resolver, 0 (any) or 2 (AF_INET: TCP4, UDP4, option pf=ip4).
   */
  | { kind: 'connect'; proto: 'tcp' | 'udp'; host: string; port: number; typed: string; pf: 0 | 2; retry?: Retry }
  | { kind: 'program'; shell: boolean; line: string; stderr: boolean }
) & { crlf?: boolean };

/**
 * Options retry=N, forever and interval=T of a TCP connection (GROUP_RETRY,
 * xiolayer.c): how many more attempts after a failed connect, or no end, and the
 * wait between them (1 s unless told; xioopts.c sets intervall to 1 s).
 */
export interface Retry {
  count: number;
  forever: boolean;
  intervalMs: number;
}

export type ParsedAddress = { ok: true; address: SocatAddress } | { ok: false; error: string } | { ok: false; vethlab: string };

/** socat 1.8's address keywords (xioopen.c's addressnames), for telling "unknown" from "not modelled". */
const KNOWN_ADDRESSES = new Set(
  (
    'ABSTRACT ABSTRACT-CLIENT ABSTRACT-CONNECT ABSTRACT-LISTEN ABSTRACT-RECV ABSTRACT-RECVFROM ABSTRACT-SENDTO ACCEPT ACCEPT-FD CREAT CREATE DATAGRAM ' +
    'DCCP DCCP-CONNECT DCCP-L DCCP-LISTEN DCCP4 DCCP4-CONNECT DCCP4-L DCCP4-LISTEN DCCP6 DCCP6-CONNECT DCCP6-L DCCP6-LISTEN DGRAM DTLS DTLS-C DTLS-CLIENT ' +
    'DTLS-CONNECT DTLS-L DTLS-LISTEN DTLS-SERVER ECHO EXEC FD FIFO FILE GOPEN IF INET INET-L INET-LISTEN INET4 INET4-L INET4-LISTEN INET6 INET6-L INET6-LISTEN ' +
    'INTERFACE IP IP-DATAGRAM IP-DGRAM IP-RECV IP-RECVFROM IP-SEND IP-SENDTO IP4 IP4-DATAGRAM IP4-DGRAM IP4-RECV IP4-RECVFROM IP4-SEND IP4-SENDTO IP6 ' +
    'IP6-DATAGRAM IP6-DGRAM IP6-RECV IP6-RECVFROM IP6-SEND IP6-SENDTO LOCAL OPEN OPENSSL OPENSSL-CONNECT OPENSSL-DTLS-CLIENT OPENSSL-DTLS-CONNECT ' +
    'OPENSSL-DTLS-LISTEN OPENSSL-DTLS-SERVER OPENSSL-LISTEN PIPE POSIXMQ-BIDIRECTIONAL POSIXMQ-READ POSIXMQ-RECEIVE POSIXMQ-RECV POSIXMQ-SEND PROXY ' +
    'PROXY-CONNECT PTY READLINE SCTP SCTP-CONNECT SCTP-L SCTP-LISTEN SCTP4 SCTP4-CONNECT SCTP4-L SCTP4-LISTEN SCTP6 SCTP6-CONNECT SCTP6-L SCTP6-LISTEN ' +
    'SENDTO SHELL SOCKET-CONNECT SOCKET-DATAGRAM SOCKET-LISTEN SOCKET-RECV SOCKET-RECVFROM SOCKET-SENDTO SOCKETPAIR SOCKS SOCKS4 SOCKS4A SOCKS5 ' +
    'SOCKS5-BIND SOCKS5-CONNECT SOCKS5-LISTEN SSL SSL-L STDERR STDIN STDIO STDOUT SYSTEM TCP TCP-CONNECT TCP-L TCP-LISTEN TCP4 TCP4-CONNECT TCP4-L ' +
    'TCP4-LISTEN TCP6 TCP6-CONNECT TCP6-L TCP6-LISTEN TUN UDP UDP-CONNECT UDP-DATAGRAM UDP-DGRAM UDP-L UDP-LISTEN UDP-RECV UDP-RECVFROM UDP-SEND ' +
    'UDP-SENDTO UDP4 UDP4-CONNECT UDP4-DATAGRAM UDP4-DGRAM UDP4-L UDP4-LISTEN UDP4-RECV UDP4-RECVFROM UDP4-SEND UDP4-SENDTO UDP6 UDP6-CONNECT ' +
    'UDP6-DATAGRAM UDP6-DGRAM UDP6-L UDP6-LISTEN UDP6-RECV UDP6-RECVFROM UDP6-SEND UDP6-SENDTO UDPLITE UNIX UNIX-CLIENT UNIX-CONNECT UNIX-L ' +
    'UNIX-LISTEN UNIX-RECV UNIX-RECVFROM UNIX-SEND UNIX-SENDTO VSOCK VSOCK-CONNECT VSOCK-L VSOCK-LISTEN'
  ).split(' '),
);

type Kind = { kind: 'stdio' } | { kind: 'listen'; proto: 'tcp' | 'udp'; mode: 'listen' | 'recvfrom' | 'recv' } | { kind: 'connect'; proto: 'tcp' | 'udp' } | { kind: 'program'; shell: boolean };

/** The modelled keywords (IPv4 and the families' defaults, which socat opens as IPv4). */
const MODELLED: Record<string, Kind> = {
  '-': { kind: 'stdio' },
  STDIO: { kind: 'stdio' },
  STDIN: { kind: 'stdio' },
  STDOUT: { kind: 'stdio' },
  EXEC: { kind: 'program', shell: false },
  SYSTEM: { kind: 'program', shell: true },
};
for (const k of ['TCP', 'TCP-CONNECT', 'TCP4', 'TCP4-CONNECT']) MODELLED[k] = { kind: 'connect', proto: 'tcp' };
for (const k of ['UDP', 'UDP-CONNECT', 'UDP4', 'UDP4-CONNECT', 'UDP-SENDTO', 'UDP-SEND', 'UDP4-SENDTO', 'UDP4-SEND']) MODELLED[k] = { kind: 'connect', proto: 'udp' };
for (const k of ['TCP-LISTEN', 'TCP-L', 'TCP4-LISTEN', 'TCP4-L']) MODELLED[k] = { kind: 'listen', proto: 'tcp', mode: 'listen' };
for (const k of ['UDP-LISTEN', 'UDP-L', 'UDP4-LISTEN', 'UDP4-L']) MODELLED[k] = { kind: 'listen', proto: 'udp', mode: 'listen' };
for (const k of ['UDP-RECVFROM', 'UDP4-RECVFROM']) MODELLED[k] = { kind: 'listen', proto: 'udp', mode: 'recvfrom' };
for (const k of ['UDP-RECV', 'UDP4-RECV']) MODELLED[k] = { kind: 'listen', proto: 'udp', mode: 'recv' };

/** Each kind's parameters after the keyword, and its usage tail (the addresses' HELP texts). */
const SYNTAX: Record<Kind['kind'], { count: number; usage: string }> = {
  stdio: { count: 0, usage: '' },
  listen: { count: 1, usage: ':<port>' },
  connect: { count: 2, usage: ':<host>:<port>' },
  program: { count: 1, usage: ':<command-line>' },
};

/**
 * Address options each kind takes in vethlab (socat's other options are refused,
 * not ignored). Some change nothing a conversation in the model shows, so taking
 * them is modelling them: reuseaddr and reuseport only matter for a port in
 * TIME_WAIT, which the model has not; keepalive, nodelay, backlog and
 * connect-timeout tune sockets whose conversations end at once; pf=ip4 is what
 * the address uses already.
 */
/** GROUP_RETRY's options: TCP-CONNECT has the group, UDP-CONNECT not (xio-tcp.c, xio-udp.c). */
const RETRY_OPTIONS = ['retry', 'forever', 'interval', 'intervall'];
const SOCKET_TUNING = ['keepalive', 'so-keepalive', 'nodelay', 'tcp-nodelay', 'pf', 'protocol-family'];
const OPTIONS: Record<Kind['kind'], readonly string[]> = {
  stdio: ['crlf', 'crnl'],
  listen: ['fork', 'reuseaddr', 'so-reuseaddr', 'reuseport', 'so-reuseport', 'bind', 'backlog', 'max-children', 'crlf', 'crnl', ...SOCKET_TUNING],
  connect: ['connect-timeout', 'crlf', 'crnl', ...SOCKET_TUNING, ...RETRY_OPTIONS],
  program: ['stderr', 'crlf', 'crnl'],
};

/** What vethlab says of socat's IPv6 forms until the simulator's IPv6 packet path exists (docs/ipv6.md). */
const NO_IPV6 = (what: string) => ({ ok: false as const, vethlab: `vethlab: socat ${what}: socat over IPv6 is not modelled yet\n` });

/** xioopts.c's names for pf's values (xioparsenetwork): IPv4 and IPv6 by their several spellings. */
const PF_IPV4 = new Set(['ip4', 'ipv4', 'inet', '2']);
const PF_IPV6 = new Set(['ip6', 'ipv6', 'inet6', '10']);

/**
 * Splits at top-level separators as nestlex does: quotes are removed, brackets
 * nest, and each piece is returned with the separator that ended it.
 */
function splitTop(text: string, separators: string): { piece: string; end: string }[] {
  const out: { piece: string; end: string }[] = [];
  let piece = '';
  const open: string[] = [];
  const closing: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      const stop = end < 0 ? text.length : end;
      piece += text.slice(i + 1, stop);
      i = stop;
    } else if (ch === '\\' && i + 1 < text.length) {
      piece += text[++i];
    } else if (closing[ch]) {
      open.push(closing[ch]!);
      piece += ch;
    } else if (open.length > 0 && ch === open[open.length - 1]) {
      open.pop();
      piece += ch;
    } else if (open.length === 0 && separators.includes(ch)) {
      out.push({ piece, end: ch });
      piece = '';
    } else {
      piece += ch;
    }
  }
  out.push({ piece, end: '' });
  return out;
}

/** Reads one address word. */
export function parseAddress(word: string): ParsedAddress {
  // Parameters are colon-separated up to the first comma; options follow, comma-separated.
  const parts = splitTop(word, ':,');
  const firstComma = parts.findIndex((p) => p.end === ',');
  const head = firstComma < 0 ? parts : parts.slice(0, firstComma + 1);
  const keyword = head[0]!.piece;
  const params = head.slice(1).map((p) => p.piece);
  // Options are comma-separated only: a colon inside one (bind=ADDR:PORT) is its own.
  const options: string[] = [];
  for (const p of firstComma < 0 ? [] : parts.slice(firstComma + 1)) {
    if (options.length === 0 || parts[parts.indexOf(p) - 1]!.end === ',') options.push(p.piece);
    else options[options.length - 1] += `:${p.piece}`;
  }
  const upper = keyword.toUpperCase();
  const kind = MODELLED[upper];
  // TCP6, UDP6-LISTEN, IP6-SENDTO...: the IPv6 family's own addresses.
  if (!kind && /^(TCP|UDP|IP|SCTP|DCCP|UDPLITE|INET)6(-|$)/.test(upper)) return NO_IPV6(upper);
  if (!kind) {
    if (KNOWN_ADDRESSES.has(upper)) return { ok: false, vethlab: `vethlab: socat's ${upper} address is not modelled\n` };
    // A lone digit is a file descriptor and a word with a slash a file (GOPEN), as socat reads them.
    if (/^\d$/.test(keyword) || keyword.includes('/')) return { ok: false, vethlab: `vethlab: socat's ${/^\d$/.test(keyword) ? 'FD' : 'GOPEN'} address is not modelled\n` };
    return { ok: false, error: `unknown device/address "${keyword}"` };
  }
  const syntax = SYNTAX[kind.kind];
  if (params.length !== syntax.count) {
    return { ok: false, error: `${keyword}: wrong number of parameters (${params.length} instead of ${syntax.count}): usage: ${keyword}${kind.kind === 'program' && kind.shell ? ':<shell-command>' : syntax.usage}` };
  }
  const flags = new Map<string, string | true>();
  const given = options.filter((o) => o !== '');
  for (const [index, option] of given.entries()) {
    const eq = option.indexOf('=');
    const typed = eq < 0 ? option : option.slice(0, eq);
    const name = typed.toLowerCase();
    // A name socat does not know is its own error (a typo: `reuseadr`).
    if (!SOCAT_OPTION_NAMES.has(name)) return { ok: false, error: `parseopts_table(): unknown option "${typed}"` };
    if (name === 'ipv6only' || name === 'ipv6-v6only') return NO_IPV6(name);
    if (RETRY_OPTIONS.includes(name) && kind.kind === 'connect' && kind.proto === 'udp') return { ok: false, error: `parseopts_table(): option "${typed}" not supported with this address type` };
    if ((name === 'ignoreeof' || name === 'ignoreof') && kind.kind === 'stdio' && (upper === '-' || upper === 'STDIO')) {
      // Modelled on a client's stdio, with -T (socat-cmd.ts's client); the option is read here, judged there.
      flags.set('ignoreeof', true);
      continue;
    }
    if (name === 'ignoreeof' || name === 'ignoreof') {
      return { ok: false, vethlab: `vethlab: socat's address option "${name}" is not modelled (at the end of its input socat would poll it for more, like tail -f, until the other side closes or -T's inactivity timeout ends it; vethlab does not model that wait)\n` };
    }
    if (RETRY_OPTIONS.includes(name)) {
      // socat's messages quote the options from this one to the end of the word (a0 in parseopts_table).
      const bad = retryValueError(name, eq < 0 ? undefined : option.slice(eq + 1), given.slice(index).join(','));
      if (bad) return bad;
    }
    if (!OPTIONS[kind.kind].includes(name)) return { ok: false, vethlab: `vethlab: socat's address option "${name}" is not modelled${OPTIONS[kind.kind].length ? ` on ${upper} (only ${OPTIONS[kind.kind].join(', ')})` : ` on ${upper}`}\n` };
    flags.set(name, eq < 0 ? true : option.slice(eq + 1));
  }
  const pf = flags.get('pf') ?? flags.get('protocol-family');
  if (pf !== undefined) {
    const family = typeof pf === 'string' ? pf.toLowerCase() : '';
    if (PF_IPV6.has(family)) return NO_IPV6(`pf=${pf}`);
    if (!PF_IPV4.has(family)) return { ok: false, vethlab: `vethlab: socat's pf=${pf === true ? '' : pf} is not modelled (only ip4 and ip6)\n` };
  }
  if (flags.has('max-children') && !flags.has('fork')) return { ok: false, error: 'option max-children not allowed without option fork' };
  const read = readAddress(kind, upper, params, flags, keyword);
  if (read.ok && (flags.has('crlf') || flags.has('crnl'))) read.address.crlf = true;
  if (read.ok && read.address.kind === 'stdio' && flags.has('ignoreeof')) read.address.ignoreeof = true;
  return read;
}

/** The address a keyword, its parameters and its options describe. */
function readAddress(kind: Kind, upper: string, params: string[], flags: Map<string, string | true>, keyword: string): ParsedAddress {
  switch (kind.kind) {
    case 'stdio':
      return { ok: true, address: { kind: 'stdio', both: upper === '-' || upper === 'STDIO' } };
    case 'program':
      return { ok: true, address: { kind: 'program', shell: kind.shell, line: params[0]!, stderr: flags.has('stderr') } };
    case 'connect': {
      const port = portNumber(params[1]!);
      if (typeof port === 'object') return port;
      // `[::1]` and bare IPv6 literals.
      if (params[0]!.startsWith('[') || params[0]!.includes(':')) return NO_IPV6(`${upper}:${params[0]}`);
      const retry = retryOf(flags);
      if (retry && 'vethlab' in retry) return retry;
      // The IPv4 keywords' own family (xioopen.c's addrdesc arg3), else option pf's.
      const pf = /^(TCP|UDP)4/.test(upper) || flags.has('pf') || flags.has('protocol-family') ? 2 : 0;
      return { ok: true, address: { kind: 'connect', proto: kind.proto, host: params[0]!, port, typed: [keyword, ...params].join(':'), pf, ...(retry ? { retry } : {}) } };
    }
    case 'listen': {
      const port = portNumber(params[0]!);
      if (typeof port === 'object') return port;
      const bind = flags.get('bind');
      const address = typeof bind === 'string' ? bind : '0.0.0.0';
      if (address.startsWith('[') || address.includes(':')) return NO_IPV6(`bind=${address}`);
      if (!/^\d+\.\d+\.\d+\.\d+$/.test(address)) return { ok: false, vethlab: 'vethlab: socat bind= with a name is not modelled\n' };
      return { ok: true, address: { kind: 'listen', proto: kind.proto, port, address, fork: flags.has('fork'), mode: kind.mode } };
    }
  }
}

/** strtoul's and strtod's readable start (base 0: 0x hex, a leading 0 octal; a float with an exponent). */
const UNSIGNED = /^\s*[+-]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/;
const FLOAT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;

/** Most attempts vethlab runs: each is a connection the model traces. */
const MOST_RETRIES = 1000;

/**
 * A retry option's value as parseopts_table reads it: retry (TYPE_UINT) and
 * forever (TYPE_BOOL) through Strtoul, interval (TYPE_TIMESPEC) through Strtod,
 * and it needs one (sysutils.c Strtoul/Strtod, xioopts.c).
 */
function retryValueError(name: string, value: string | undefined, rest: string): { ok: false; error: string } | undefined {
  const timespec = name === 'interval' || name === 'intervall';
  if (value === undefined) return timespec ? { ok: false, error: `option "${rest}": value required` } : undefined;
  const start = (timespec ? FLOAT : UNSIGNED).exec(value);
  if (!start) return { ok: false, error: `parseopts(): missing numerical value of option "${rest}"` };
  if (start[0].length < value.length) return { ok: false, error: `parseopts(): trailing garbage in numerical arg of option "${rest}"` };
  return undefined;
}

/** strtoul's value, wrapped to an unsigned int as socat stores it. */
function unsignedValue(text: string): number {
  const t = text.trim();
  const negative = t.startsWith('-');
  const digits = t.replace(/^[+-]/, '');
  const n = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : /^0/.test(digits) ? parseInt(digits, 8) || 0 : Number(digits);
  return negative ? (2 ** 32 - (n % 2 ** 32)) % 2 ** 32 : n % 2 ** 32;
}

/** The retry settings the options give, none without any, or a `vethlab:` line for what vethlab does not run. */
function retryOf(flags: Map<string, string | true>): Retry | { ok: false; vethlab: string } | undefined {
  const retry = flags.get('retry');
  const forever = flags.get('forever');
  const interval = flags.get('interval') ?? flags.get('intervall');
  if (retry === undefined && forever === undefined && interval === undefined) return undefined;
  const count = retry === undefined ? 0 : retry === true ? 1 : unsignedValue(retry);
  const seconds = typeof interval === 'string' ? Number(FLOAT.exec(interval)![0]) : 1;
  if (seconds < 0) return { ok: false, vethlab: `vethlab: socat's interval=${String(interval)}: a negative wait is not modelled\n` };
  if (count > MOST_RETRIES) return { ok: false, vethlab: `vethlab: socat's retry=${String(retry)}: more than ${MOST_RETRIES} attempts are not modelled\n` };
  return { count, forever: forever === true || (typeof forever === 'string' && unsignedValue(forever) !== 0), intervalMs: Math.round(seconds * 1000) };
}

/** A numeric port; socat would look a service name up in /etc/services, which vethlab does not. */
function portNumber(text: string): number | { ok: false; vethlab: string } {
  if (/^\d+$/.test(text) && Number(text) <= 65535) return Number(text);
  return { ok: false, vethlab: `vethlab: socat port "${text}" (a service name or out of range) is not modelled\n` };
}
