/**
 * tcpdump 4.99 (`tcpdump [-n] [-c N] [-i IFACE] [EXPRESSION]`) over the same
 * Traces the Trace panel shows: every hop where a packet leaves an interface
 * (transmit), arrives on the far end of a veth, or passes a bridge (tcpdump
 * puts the bridge in promiscuous mode, so bridged frames reach it too) is
 * one captured packet on that interface, in tcpdump's line format.
 *
 * A terminal here runs one command at a time, so the capture runs as a
 * background job of the line it is typed on: `tcpdump -c 4 -n -i eth0 &
 * ping -c 1 web` arms it, the commands after the `&` run, and when the line
 * ends tcpdump prints what crossed the interface (as many as -c allows) and
 * its closing counts, as if the count was reached or the job interrupted.
 * Typed alone it has nothing to wait for, and says so.
 *
 * Formats from tcpdump's print-icmp.c, print-tcp.c, print-udp.c and
 * tcpdump.c (the "listening on" line and the closing counts). Times come from
 * the virtual clock; TCP sequence numbers and timestamps are derived from the
 * connection, so a transcript repeats byte for byte. Only what the Trace holds
 * is shown: a TCP connection's handshake, not the data after it.
 */
import { formatAddr } from '../netfilter/addr.ts';
import type { Packet } from '../netfilter/index.ts';
import type { Hop, Segment, Trace } from '../net/trace.ts';
import { dnsText, type DnsExchange } from '../net/dns-message.ts';
import { payloadSummary } from './tcpdump-decode.ts';
import { arpAddresses, macWithOui, NameCache, packetAddresses, type AddressName } from './tcpdump-names.ts';
import type { Command, CommandOutput } from './types.ts';
import { fail } from './types.ts';

interface Filter {
  proto?: 'icmp' | 'tcp' | 'udp';
  port?: number;
  host?: string;
}

interface Options {
  iface: string;
  count?: number;
  numeric: boolean;
  filter: Filter;
}

const USAGE_HINT = 'vethlab: tcpdump shows the packets of the commands run after it on the same line, e.g. `tcpdump -c 4 -n -i eth0 & ping -c 1 web`\n';

function parseFilter(words: string[]): Filter | { error: string } {
  const filter: Filter = {};
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'and' || w === '&&') continue;
    if (w === 'icmp' || w === 'tcp' || w === 'udp') filter.proto = w;
    else if (w === 'port' && /^\d+$/.test(words[i + 1] ?? '')) filter.port = Number(words[++i]);
    else if (w === 'host' && words[i + 1] !== undefined) filter.host = words[++i]!;
    else return { error: `vethlab: tcpdump filter "${words.join(' ')}" is not modelled here (icmp, tcp, udp, port N, host ADDR joined by and are)\n` };
  }
  return filter;
}

function parse(argv: string[]): Options | CommandOutput {
  let iface = 'eth0';
  let count: number | undefined;
  let numeric = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-i') iface = argv[++i] ?? '';
    else if (a.startsWith('-i') && a.length > 2) iface = a.slice(2);
    else if (a === '-c' || /^-c\d+$/.test(a)) {
      const v = a === '-c' ? argv[++i] : a.slice(2);
      if (!/^\d+$/.test(v ?? '') || Number(v) < 1) return fail(`tcpdump: invalid packet count ${v ?? ''}\n`, 1);
      count = Number(v);
    } else if (/^-n+$/.test(a)) numeric = true;
    else if (/^-[nl]+$/.test(a)) numeric = a.includes('n') || numeric;
    else if (a.startsWith('-')) return fail(`vethlab: tcpdump ${a} is not modelled here (-n, -c N, -i IFACE are)\n`, 1);
    else rest.push(a);
  }
  if (iface === 'any') return fail('vethlab: tcpdump -i any is not modelled here (name one interface)\n', 1);
  const filter = parseFilter(rest);
  if ('error' in filter) return fail(filter.error, 1);
  return { iface, numeric, filter, ...(count === undefined ? {} : { count }) };
}

/** One packet as tcpdump saw it, and the trace it belongs to. */
interface Sighting {
  packet: Packet;
  trace: number;
  /** Its place in the trace: the handshake's hops, then the conversation's. */
  hop: number;
  probe: Trace['probe'];
  /** A segment of the conversation after a TCP handshake: its data and numbers. */
  segment?: SegmentView;
  /** TCP: whether the client sent it, and its connection as the client sent it (ISNs and timestamps follow it through NAT). */
  fromClient: boolean;
  connection: string;
  /** The ARP request and reply that resolved the next hop before this packet could go. */
  arp?: { who: string; tell: string; mac: string };
}

/** Relative sequence and acknowledgment numbers of a segment, as tcpdump prints them after the SYNs. */
interface SegmentView {
  segment: Segment;
  seq: number;
  ack: number;
}

/** Each segment's relative numbers: every data byte and FIN advances its sender's sequence. */
function numbered(segments: readonly Segment[]): SegmentView[] {
  const next = { client: 1, server: 1 };
  return segments.map((segment) => {
    const other = segment.by === 'client' ? 'server' : 'client';
    const view = { segment, seq: next[segment.by], ack: next[other] };
    next[segment.by] += segment.payload + (segment.flags.includes('FIN') ? 1 : 0);
    return view;
  });
}

const CAPTURED: ReadonlySet<string> = new Set(['transmit', 'veth', 'bridge']);

/** Where the packets of these traces crossed `iface` in `netns` (ARP that came first included). */
export function sightings(traces: readonly Trace[], netns: string, iface: string): Sighting[] {
  const seen: Sighting[] = [];
  const onCapture = (hop: Hop) => hop.netns === netns && (((hop.kind === 'transmit' || hop.kind === 'veth') && hop.iface === iface) || (hop.kind === 'bridge' && hop.bridge === iface));
  traces.forEach((trace, t) => {
    const views = trace.conversation ? numbered(trace.conversation.segments) : [];
    const hops = [...trace.hops, ...(trace.conversation?.hops ?? [])];
    const syn = trace.hops[0]?.packet;
    const connection = syn ? `${formatAddr(syn.src)}:${syn.sport}>${formatAddr(syn.dst)}:${syn.dport}` : '';
    // An ARP exchange is on the wire between the neighbour lookup and the packet's arrival at the next IP stack.
    let arp: Sighting['arp'];
    let arpShown = false;
    hops.forEach((hop, h) => {
      if (hop.kind === 'neighbour' && hop.note.key === 'arpReply') {
        arp = { who: hop.note.values.addr ?? '', tell: formatAddr(hop.packet.src), mac: hop.note.values.mac ?? '' };
        arpShown = false;
      } else if (hop.kind === 'receive' || hop.kind === 'deliver') arp = undefined;
      if (!CAPTURED.has(hop.kind) || !onCapture(hop)) return;
      const sighting: Sighting = { packet: hop.packet, trace: t, hop: h, probe: trace.probe, fromClient: hop.leg === 'request', connection };
      const view = hop.segment === undefined ? undefined : views[hop.segment];
      if (view) sighting.segment = view;
      if (arp && !arpShown) {
        sighting.arp = arp;
        arpShown = true;
      }
      seen.push(sighting);
    });
  });
  return seen;
}

function matches(p: Packet, f: Filter): boolean {
  if (f.proto && p.proto !== f.proto) return false;
  if (f.port !== undefined && p.sport !== f.port && p.dport !== f.port) return false;
  if (f.host !== undefined && formatAddr(p.src) !== f.host && formatAddr(p.dst) !== f.host) return false;
  return true;
}

/** ARP matches no protocol or port filter; `host` matches its two addresses. */
function arpMatches(arp: NonNullable<Sighting['arp']>, f: Filter): boolean {
  if (f.proto || f.port !== undefined) return false;
  return f.host === undefined || f.host === arp.who || f.host === arp.tell;
}

/** A number from text, the same every run (ISNs and TCP timestamps are random in a kernel). */
function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

const FLAG_LETTERS: Record<string, string> = { SYN: 'S', FIN: 'F', RST: 'R', PSH: 'P', ACK: '.' };

/**
 * TCP's numbers as the rig's kernel (6.18) chose them: window scale 10, so 63 and 64
 * (x 1024) after the handshake; over loopback the MSS is 65495 and the windows differ.
 */
function tcpWindows(loopback: boolean, v6: boolean) {
  if (loopback) return { mss: 65495, syn: 65495, synAck: 65483, client: 64, server: 64 };
  // Over IPv6 the MSS is 1440 (40-byte header), and the first windows are 45 of its segments.
  return v6 ? { mss: 1440, syn: 64800, synAck: 64260, client: 63, server: 64 } : { mss: 1460, syn: 64240, synAck: 65160, client: 63, server: 64 };
}

/** What a TCP line needs beyond the headers: who sent it, its connection, its segment's numbers, and whether it went over loopback. */
export interface TcpView {
  fromClient: boolean;
  connection: string;
  loopback: boolean;
  segment?: SegmentView;
}

/** What a UDP datagram to or from port 53 carries: the probe's DNS question, or its answer (print-domain.c decodes it). */
export interface DnsView {
  exchange: DnsExchange;
  answer: boolean;
}

const DNS_PORT = 53;

/** An address as printed: its number, or (without -n) the name looked up for it. */
export type Namer = (address: string) => string;
const asNumbers: Namer = (address) => address;

/** The line after the timestamp, as tcpdump prints it (with -n unless `name` gives names). */
export function packetLine(p: Packet, seq: number, tcp: TcpView = { fromClient: p.sport > p.dport, connection: '', loopback: false }, dns?: DnsView, name: Namer = asNumbers): string {
  const src = formatAddr(p.src);
  const dst = formatAddr(p.dst);
  const from = name(src);
  const to = name(dst);
  const v6 = typeof p.dst === 'bigint';
  if (p.proto === 'icmp' && v6) return `IP6 ${from} > ${to}: ${icmp6Text(p, seq, name)}, length ${p.length - 40}`;
  if (p.proto === 'icmp') {
    const length = p.length - 20;
    if (p.icmpType === 8 || p.icmpType === 0) return `IP ${from} > ${to}: ICMP echo ${p.icmpType === 8 ? 'request' : 'reply'}, id ${p.icmpId ?? 0}, seq ${seq}, length ${length}`;
    if (p.icmpType === 3 && p.inner) {
      const i = p.inner;
      const quoted = name(formatAddr(i.dst));
      const what = p.icmpCode === 3 ? `${quoted} ${i.proto} port ${i.dport} unreachable` : p.icmpCode === 1 ? `host ${quoted} unreachable` : p.icmpCode === 0 ? `net ${quoted} unreachable` : `${quoted} unreachable - admin prohibited filter`;
      return `IP ${from} > ${to}: ICMP ${what}, length ${length}`;
    }
    if (p.icmpType === 11) return `IP ${from} > ${to}: ICMP time exceeded in-transit, length ${length}`;
    return `IP ${from} > ${to}: ICMP type-#${p.icmpType ?? 0}, length ${length}`;
  }
  const ends = `${v6 ? 'IP6' : 'IP'} ${from}.${p.sport} > ${to}.${p.dport}`;
  // udp_print hands port 53 to the DNS printer, by the ports the datagram has here (after any NAT).
  if (p.proto === 'udp' && dns && (p.sport === DNS_PORT || p.dport === DNS_PORT)) return `${ends}: ${dnsText(dns.exchange, dns.answer)}`;
  if (p.proto === 'udp') return `${ends}: UDP, length ${Math.max(0, p.length - (v6 ? 48 : 28))}`;
  const flags = p.tcpFlags ?? [];
  const letters = ['SYN', 'FIN', 'RST', 'PSH'].filter((f) => flags.includes(f as never)).map((f) => FLAG_LETTERS[f]).join('') + (flags.includes('ACK' as never) ? '.' : '');
  // The client's and the server's initial sequence numbers and timestamps, from the connection's addresses and ports.
  const { segment, loopback } = tcp;
  const client = tcp.fromClient;
  const conn = tcp.connection !== '' ? tcp.connection : client ? `${src}:${p.sport}>${dst}:${p.dport}` : `${dst}:${p.dport}>${src}:${p.sport}`;
  const clientIsn = hash(`isn ${conn}`);
  const serverIsn = hash(`isn' ${conn}`);
  const tsClient = hash(`ts ${conn}`) % 4_000_000_000;
  const tsServer = hash(`ts' ${conn}`) % 4_000_000_000;
  const win = tcpWindows(loopback, v6);
  if (flags.includes('SYN' as never)) {
    if (!flags.includes('ACK' as never)) return `${ends}: Flags [${letters}], seq ${clientIsn}, win ${win.syn}, options [mss ${win.mss},sackOK,TS val ${tsClient} ecr 0,nop,wscale 10], length 0`;
    return `${ends}: Flags [${letters}], seq ${serverIsn}, ack ${(clientIsn + 1) >>> 0}, win ${win.synAck}, options [mss ${win.mss},sackOK,TS val ${tsServer} ecr ${tsClient},nop,wscale 10], length 0`;
  }
  if (flags.includes('RST' as never)) return `${ends}: Flags [${letters}], seq 0, ack ${(clientIsn + 1) >>> 0}, win 0, length 0`;
  const payload = segment?.segment.payload ?? 0;
  const numbers = payload > 0 ? `, seq ${segment!.seq}:${segment!.seq + payload}` : flags.includes('FIN' as never) && segment ? `, seq ${segment.seq}` : '';
  const [val, ecr] = client ? [tsClient, tsServer] : [tsServer, tsClient];
  const decoded = payload > 0 ? payloadSummary(p.sport, p.dport, segment?.segment.text) : '';
  return `${ends}: Flags [${letters}]${numbers}, ack ${segment?.ack ?? 1}, win ${client ? win.client : win.server}, options [nop,nop,TS val ${val} ecr ${ecr}], length ${payload}${decoded}`;
}

function tcpView(s: Sighting): TcpView {
  const view: TcpView = { fromClient: s.fromClient, connection: s.connection, loopback: s.probe.dst.startsWith('127.') || s.probe.dst === '::1' };
  if (s.segment) view.segment = s.segment;
  return view;
}

/** An ARP request and its reply, as tcpdump prints them (without -n, names and the MAC's OUI). */
function arpLines(arp: NonNullable<Sighting['arp']>, name: Namer | undefined): [string, string] {
  const n = name ?? asNumbers;
  const mac = name ? macWithOui(arp.mac) : arp.mac;
  return [`ARP, Request who-has ${n(arp.who)} tell ${n(arp.tell)}, length 28`, `ARP, Reply ${n(arp.who)} is-at ${mac}, length 28`];
}

/** An ICMPv6 message as tcpdump's print-icmp6.c words it (echo, destination unreachable, time exceeded). */
function icmp6Text(p: Packet, seq: number, name: Namer): string {
  const inner = p.inner;
  const to = inner ? name(formatAddr(inner.dst)) : '';
  switch (p.icmpType) {
    case 128:
    case 129:
      return `ICMP6, echo ${p.icmpType === 128 ? 'request' : 'reply'}, id ${p.icmpId ?? 0}, seq ${seq}`;
    case 1:
      if (p.icmpCode === 0) return `ICMP6, destination unreachable, no route to ${to}`;
      if (p.icmpCode === 1) return `ICMP6, destination unreachable, ${to} unreachable prohibited`;
      if (p.icmpCode === 3) return `ICMP6, destination unreachable, unreachable address ${to}`;
      if (p.icmpCode === 4 && inner) return `ICMP6, destination unreachable, unreachable port, ${to} ${inner.proto} port ${inner.dport}`;
      return `ICMP6, destination unreachable, code-#${p.icmpCode ?? 0}`;
    case 3:
      return `ICMP6, time exceeded in-transit for ${to}`;
    default:
      return `ICMP6, type-#${p.icmpType ?? 0}`;
  }
}

/** HH:MM:SS.uuuuuu of a moment of the virtual clock (ms, fractions allowed). */
function stamp(ms: number): string {
  const d = new Date(Math.floor(ms));
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const micros = Math.round((ms - Math.floor(ms / 1000) * 1000) * 1000);
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(micros, 6)}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface TcpdumpPlace {
  /** Whether the namespace has an interface of that name. */
  hasInterface: (netns: string, iface: string) => boolean;
  /** The first ICMP sequence number a sender's ping uses (busybox 0, iputils 1). */
  pingSeqBase: (netns: string) => number;
  /** An address's name as tcpdump's own process looks it up (its container's hosts file and resolver). */
  addressName: AddressName;
}

/** One line tcpdump prints: when, and its text once the names of its addresses are known. */
interface Line {
  at: number;
  text: (name: Namer | undefined) => string;
  /** The addresses it names, in the order tcpdump asks. */
  addresses: string[];
}

/**
 * The lines of the packets that crossed the interface (ARP that came first included), those
 * the filter keeps. Each probe of a ping goes a second after the one before; packets of one
 * probe microseconds apart; `from` is when the first trace began.
 */
function captureLines(seen: readonly Sighting[], from: number, filter: Filter, place: TcpdumpPlace): Line[] {
  const pings = new Map<number, number>();
  // One ping run keeps one echo id (the model draws one per probe): the first one seen from that sender to that target.
  const echoIds = new Map<string, number>();
  const lines: Line[] = [];
  for (const s of seen) {
    if (!pings.has(s.trace) && s.probe.kind === 'icmp-echo') pings.set(s.trace, pings.size);
    const round = pings.get(s.trace) ?? 0;
    const at = from + round * 1000 + s.trace + s.hop * 0.013;
    const arp = s.arp;
    if (arp && arpMatches(arp, filter)) {
      lines.push({ at: at - 0.008, text: (name) => arpLines(arp, name)[0], addresses: arpAddresses(arp, false) });
      lines.push({ at: at - 0.004, text: (name) => arpLines(arp, name)[1], addresses: arpAddresses(arp, true) });
    }
    if (!matches(s.packet, filter)) continue;
    const seq = place.pingSeqBase(s.probe.from) + round;
    let packet = s.packet;
    if (s.probe.kind === 'icmp-echo' && packet.icmpId !== undefined) {
      const run = `${s.probe.from}>${s.probe.dst}`;
      if (!echoIds.has(run)) echoIds.set(run, packet.icmpId);
      packet = { ...packet, icmpId: echoIds.get(run)! };
    }
    const dns = s.probe.dns ? { exchange: s.probe.dns, answer: !s.fromClient } : undefined;
    const shown = packet;
    lines.push({ at, text: (name) => packetLine(shown, seq, tcpView(s), dns, name), addresses: packetAddresses(shown) });
  }
  return lines;
}

/**
 * How long after the first packet tcpdump gets to print it: libpcap hands packets over a
 * TPACKET_V3 block at a time, on tcpdump's 1 s timeout; the rig's lookups left 0.6 to 0.9 s
 * after the packets that needed them (capnames.txt).
 */
const BLOCK_DELAY_MS = 700;

/**
 * What tcpdump prints by the end of the line, and what it sent. With -n: the line's packets.
 * Without: as it prints each, it looks up the names of its addresses, and those questions
 * are packets on the wire as well (over lo to the embedded DNS, or out of eth0 to the LAN's
 * server on the default bridge and the host). It prints those it captured, naming their
 * addresses in turn; the questions that naming sends are on the wire when the line ends and
 * tcpdump stops: the kernel counted them, tcpdump had not printed them (on the rig, every
 * capture ended so: `8 packets captured`, `12 packets received by filter`).
 */
function capture(later: readonly Trace[], netns: string, opts: Options, started: number, place: TcpdumpPlace) {
  const limit = (lines: Line[]) => (opts.count === undefined ? lines : lines.slice(0, opts.count));
  const first = limit(captureLines(sightings(later, netns, opts.iface), started, opts.filter, place));
  if (opts.numeric) return { lines: first, name: undefined, unprinted: 0, traces: [] as Trace[] };
  const names = new NameCache(place.addressName);
  for (const line of first) names.resolve(line.addresses);
  const asked = names.takeSent();
  const second = captureLines(sightings(asked, netns, opts.iface), (first[0]?.at ?? started) + BLOCK_DELAY_MS, opts.filter, place);
  for (const line of second) names.resolve(line.addresses);
  const askedLater = names.takeSent();
  const unprinted = captureLines(sightings(askedLater, netns, opts.iface), 0, opts.filter, place).length;
  const lines = limit([...first, ...second].sort((a, b) => a.at - b.at));
  return { lines, name: names.name, unprinted, traces: [...asked, ...askedLater] };
}

/** tcpdump in a namespace (a container's or a machine's). */
export function tcpdumpCommand(place: TcpdumpPlace): Command {
  return (argv, ctx) => {
    const opts = parse(argv);
    if (!('iface' in opts)) return opts;
    if (!place.hasInterface(ctx.netns, opts.iface)) return fail(`tcpdump: ${opts.iface}: No such device exists\n(No such device exists)\n`, 1);
    const header = `tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\nlistening on ${opts.iface}, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n`;
    const started = ctx.kernel.now;
    return {
      stdout: '',
      stderr: header,
      exitCode: 0,
      afterLine: (later) => {
        if (later.length === 0) return { stdout: '', stderr: USAGE_HINT };
        const { lines, name, unprinted, traces } = capture(later, ctx.netns, opts, started, place);
        const n = lines.length;
        // On lo the kernel hands every packet to the socket twice (going out, coming in); libpcap keeps one.
        const received = (n + unprinted) * (opts.iface === 'lo' ? 2 : 1);
        return {
          stdout: lines.map((l) => `${stamp(l.at)} ${l.text(name)}\n`).join(''),
          stderr: `${plural(n, 'packet')} captured\n${plural(received, 'packet')} received by filter\n0 packets dropped by kernel\n`,
          ...(traces.length === 0 ? {} : { traces }),
        };
      },
    };
  };
}
