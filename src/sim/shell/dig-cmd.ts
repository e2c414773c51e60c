/**
 * BIND 9.20's dig and host in a container (bind-tools, bind9-dnsutils,
 * bind9-host), over the same resolver model as nslookup (docker/dns.ts): the
 * embedded DNS at 127.0.0.11 answers container names itself (libnetwork's
 * resolver.go: TTL 600, RA set, no EDNS in the reply, uncompressed) and
 * forwards the rest to the LAN's server on gw, whose replies come back as it
 * sent them (the rig's dns.py: authoritative, TTL 300, NXDOMAIN otherwise,
 * answers only A). An internal network's embedded DNS answers SERVFAIL.
 *
 * Texts from bind9's bin/dig/dig.c (printmessage, the header and footer
 * lines) and host.c; column layout from lib/dns/masterdump.c (TTL at 24,
 * class at 32, type at 40, data at 48; tabs of 8). Query ids come from the
 * question and the virtual clock, query times are 0 msec, so transcripts
 * repeat byte for byte.
 */
import { containerNameserver, queryServer, reverseQuery } from '../docker/dns.ts';
import type { Engine } from '../docker/engine.ts';
import type { Container } from '../docker/model.ts';
import { parseIPv4 } from '../netfilter/inet.ts';
import type { Trace } from '../net/trace.ts';
import type { Command } from './types.ts';
import { fail } from './types.ts';

export const BIND_VERSION = '9.20.11';

type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';

interface Record {
  name: string;
  ttl: number;
  type: string;
  data: string;
}

interface Reply {
  rcode: Rcode;
  /** The server is authoritative (the LAN's server is; the embedded DNS is not). */
  aa: boolean;
  /** Recursion available (the embedded DNS sets it on its own answers, not on its SERVFAIL). */
  ra: boolean;
  answers: Record[];
  /** Whether names in the answer point back at the question (gw's server and forwarded replies). */
  compressed: boolean;
}

type Outcome = { reply: Reply; traces: Trace[] } | { timeout: true; traces: Trace[] };

const fqdn = (name: string) => (name.endsWith('.') ? name : `${name}.`);

/** A reversed IPv4 PTR name, or undefined. */
function ptrAddress(name: string): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa\.?$/i.exec(name);
  return m ? `${m[4]}.${m[3]}.${m[2]}.${m[1]}` : undefined;
}

/** One query of `type` for `name` to `server`, answered by the model. */
export function ask(engine: Engine, c: Container, server: string, name: string, type: string): Outcome {
  const upstream = (rcode: Rcode, answers: Record[] = []): Reply => ({ rcode, aa: true, ra: true, answers, compressed: true });
  const embedded = (answers: Record[] = []): Reply => ({ rcode: 'NOERROR', aa: false, ra: true, answers, compressed: false });
  if (type === 'PTR') {
    const ip = ptrAddress(name);
    const answer = ip === undefined ? { kind: 'nxdomain' as const } : reverseQuery(engine, c, ip, server);
    if (answer.kind === 'timeout') return { timeout: true, traces: [] };
    if (answer.kind !== 'name') return { reply: upstream('NXDOMAIN'), traces: [] };
    return { reply: embedded([{ name: fqdn(name), ttl: 600, type: 'PTR', data: fqdn(answer.name) }]), traces: [] };
  }
  const answer = queryServer(engine, c, name.replace(/\.$/, ''), server);
  const traces = [...(answer.traces ?? [])];
  switch (answer.kind) {
    case 'timeout':
      return { timeout: true, traces };
    case 'servfail':
      return { reply: { rcode: 'SERVFAIL', aa: false, ra: false, answers: [], compressed: false }, traces };
    case 'nxdomain':
      return { reply: upstream('NXDOMAIN'), traces };
    case 'address':
      if (answer.source === 'embedded') {
        // A shared alias: one record per address, in the shuffled order (resolver.go's shuffleAddr).
        if (type === 'A') return { reply: embedded(answer.addresses.map((address) => ({ name: fqdn(name), ttl: 600, type: 'A', data: address }))), traces };
        // A container name without IPv6, or MX for it: an empty NOERROR (resolver.go's handleIPQuery / handleMXQuery).
        if (type === 'AAAA' || type === 'MX') return { reply: embedded(), traces };
        // Other types go on to gw's server, which knows no container names.
        return { reply: upstream('NXDOMAIN'), traces };
      }
      return { reply: upstream('NOERROR', type === 'A' ? [{ name: fqdn(name), ttl: 300, type: 'A', data: answer.address }] : []), traces };
  }
}

/** Wire length of a name (labels and their length bytes, the root). */
const wireLength = (name: string) => fqdn(name).split('.').filter(Boolean).reduce((n, l) => n + l.length + 1, 1);

/** The reply's size: header, question, answers (a pointer to the question's name when compressed). */
function messageSize(qname: string, reply: Reply): number {
  let size = 12 + wireLength(qname) + 4;
  for (const a of reply.answers) {
    const owner = reply.compressed ? 2 : wireLength(a.name);
    const rdata = a.type === 'A' ? 4 : a.type === 'AAAA' ? 16 : wireLength(a.data);
    size += owner + 10 + rdata;
  }
  return size;
}

/** masterdump's columns: each field starts at its column, reached by tabs of 8, or after one space when the text is already past it. */
function columns(first: string, ...fields: [column: number, text: string][]): string {
  let out = first;
  let pos = first.length;
  for (const [column, text] of fields) {
    if (pos >= column) {
      out += ' ';
      pos++;
    }
    while (pos < column) {
      out += '\t';
      pos = (Math.floor(pos / 8) + 1) * 8;
    }
    out += text;
    pos += text.length;
  }
  return out;
}

const recordLine = (r: Record) => `${columns(r.name, [24, String(r.ttl)], [32, 'IN'], [40, r.type], [48, r.data])}\n`;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** strftime("%a %b %d %H:%M:%S %Z %Y") in UTC. */
function whenLine(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** A 16-bit query id from the question and the clock (dig's is random; this one repeats). */
function queryId(name: string, type: string, now: number): number {
  let h = now % 65521;
  for (const ch of `${name}/${type}`) h = (h * 31 + ch.charCodeAt(0)) % 65536;
  return h;
}

const KNOWN_TYPES = new Set(['A', 'AAAA', 'PTR', 'MX', 'TXT', 'NS', 'SOA', 'CNAME', 'SRV', 'ANY', 'CAA']);

interface DigArgs {
  name: string;
  type: string;
  server?: string;
  short: boolean;
  /** The words after `dig`, as the header repeats them. */
  words: string[];
}

function parseDig(argv: string[]): DigArgs | { error: string } {
  let name: string | undefined;
  let type: string | undefined;
  let server: string | undefined;
  let short = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('@')) server = a.slice(1);
    else if (a === '+short') short = true;
    else if (a === '+noshort') short = false;
    else if (a.startsWith('+')) return { error: `vethlab: dig ${a} is not modelled here (+short is)\n` };
    else if (a === '-x') {
      const ip = argv[++i];
      if (ip === undefined || parseIPv4(ip) === undefined) return { error: `Invalid IP address ${ip ?? ''}\n` };
      name = `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
      type = 'PTR';
    } else if (a === '-t') type = (argv[++i] ?? '').toUpperCase();
    else if (a.startsWith('-')) return { error: `vethlab: dig ${a} is not modelled here\n` };
    else if (KNOWN_TYPES.has(a.toUpperCase()) && name !== undefined && type === undefined) type = a.toUpperCase();
    else if (a.toUpperCase() === 'IN') continue;
    else if (name === undefined) name = a;
    else if (KNOWN_TYPES.has(a.toUpperCase())) type = a.toUpperCase();
    else return { error: `vethlab: dig with several names is not modelled here\n` };
  }
  // `dig` alone asks for the root's NS records.
  return { name: name ?? '.', type: type ?? (name === undefined ? 'NS' : 'A'), ...(server === undefined ? {} : { server }), short, words: argv };
}

/** dig NAME [TYPE] [@SERVER] [+short] [-x ADDR]. */
export function digCommand(engine: Engine, c: Container, resolveServer: (name: string) => string | undefined): Command {
  return (argv, ctx) => {
    const args = parseDig(argv);
    if ('error' in args) return fail(args.error, 1);
    const serverIp = args.server === undefined ? containerNameserver(engine, c) : parseIPv4(args.server) !== undefined ? args.server : resolveServer(args.server);
    if (serverIp === undefined) return fail(`dig: couldn't get address for '${args.server}': not found\n`, 10);
    const header = `\n; <<>> DiG ${BIND_VERSION} <<>> ${args.words.join(' ')}\n${args.server === undefined ? '' : '; (1 server found)\n'};; global options: +cmd\n`;
    const outcome = ask(engine, c, serverIp, args.name, args.type);
    if ('timeout' in outcome) {
      const errors = `;; communications error to ${serverIp}#53: timed out\n`.repeat(3);
      return { stdout: errors + (args.short ? '' : `${header}`) + ';; no servers could be reached\n', stderr: '', exitCode: 9, traces: outcome.traces };
    }
    const { reply } = outcome;
    if (args.short) return { stdout: reply.answers.map((a) => `${a.data}\n`).join(''), stderr: '', exitCode: 0, traces: outcome.traces };
    const flags = ['qr', ...(reply.aa ? ['aa'] : []), 'rd', ...(reply.ra ? ['ra'] : [])].join(' ');
    let out = header;
    out += ';; Got answer:\n';
    out += `;; ->>HEADER<<- opcode: QUERY, status: ${reply.rcode}, id: ${queryId(args.name, args.type, ctx.kernel.now)}\n`;
    out += `;; flags: ${flags}; QUERY: 1, ANSWER: ${reply.answers.length}, AUTHORITY: 0, ADDITIONAL: 0\n`;
    if (!reply.ra) out += ';; WARNING: recursion requested but not available\n';
    out += `\n;; QUESTION SECTION:\n${columns(`;${fqdn(args.name)}`, [32, 'IN'], [40, args.type])}\n\n`;
    if (reply.answers.length > 0) out += `;; ANSWER SECTION:\n${reply.answers.map(recordLine).join('')}\n`;
    out += `;; Query time: 0 msec\n;; SERVER: ${serverIp}#53(${serverIp}) (UDP)\n;; WHEN: ${whenLine(ctx.kernel.now)}\n;; MSG SIZE  rcvd: ${messageSize(args.name, reply)}\n\n`;
    return { stdout: out, stderr: '', exitCode: 0, traces: outcome.traces };
  };
}

/** host NAME|ADDR [SERVER]: A, then AAAA and MX for a name; PTR for an address. */
export function hostCommand(engine: Engine, c: Container, resolveServer: (name: string) => string | undefined): Command {
  return (argv) => {
    const words = argv.filter((a) => !a.startsWith('-'));
    const option = argv.find((a) => a.startsWith('-'));
    if (option !== undefined) return fail(`vethlab: host ${option} is not modelled here\n`, 1);
    const [target, serverArg] = words;
    if (target === undefined) return fail('Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n', 1);
    const server = serverArg === undefined ? containerNameserver(engine, c) : parseIPv4(serverArg) !== undefined ? serverArg : resolveServer(serverArg);
    if (server === undefined) return fail(`host: couldn't get address for '${serverArg}': not found\n`, 1);
    const using = serverArg === undefined ? '' : `Using domain server:\nName: ${serverArg}\nAddress: ${server}#53\nAliases: \n\n`;
    const reverse = parseIPv4(target) !== undefined;
    const name = reverse ? `${target.split('.').reverse().join('.')}.in-addr.arpa` : target;
    const types = reverse ? ['PTR'] : ['A', 'AAAA', 'MX'];
    let stdout = using;
    const traces: Trace[] = [];
    for (const type of types) {
      const outcome = ask(engine, c, server, name, type);
      traces.push(...outcome.traces);
      if ('timeout' in outcome) return { stdout: `${stdout}${`;; communications error to ${server}#53: timed out\n`.repeat(2)};; no servers could be reached\n`, stderr: '', exitCode: 1, traces };
      const { reply } = outcome;
      if (reply.rcode !== 'NOERROR') {
        const code = reply.rcode === 'NXDOMAIN' ? '3(NXDOMAIN)' : '2(SERVFAIL)';
        return { stdout: `${stdout}Host ${reverse ? `${name}.` : target} not found: ${code}\n`, stderr: '', exitCode: 1, traces };
      }
      for (const a of reply.answers) {
        if (a.type === 'A') stdout += `${target} has address ${a.data}\n`;
        else if (a.type === 'AAAA') stdout += `${target} has IPv6 address ${a.data}\n`;
        else if (a.type === 'PTR') stdout += `${name} domain name pointer ${a.data}\n`;
      }
    }
    return { stdout, stderr: '', exitCode: 0, traces };
  };
}
