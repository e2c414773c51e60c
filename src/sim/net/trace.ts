/**
 * A Trace is data (ARCHITECTURE.md, principle 4): the ordered hops one probe made
 * through the kernel model, the headers at each hop, and how it ended. The text
 * output of ping/wget/curl, the canvas animation and the trace panel all read it.
 */
import type { DnsExchange } from './dns-message.ts';
import type { CtState, Hook, NetfilterStep, Packet, PacketPlace, RejectWith, RuleRef, TcpFlag } from '../netfilter/index.ts';

export type ProbeKind = 'icmp-echo' | 'tcp-connect' | 'udp-send';

export interface Probe {
  kind: ProbeKind;
  /** Namespace the probe is sent from. */
  from: string;
  /** Destination address: a dotted quad (IPv4) or an IPv6 address (the probe goes over IPv6). */
  dst: string;
  /** TCP/UDP destination port (ignored for icmp-echo). */
  port?: number;
  /** Bind to this source address, of the destination's family (like `ping -I ADDR`); otherwise the route's choice. */
  src?: string;
  /** IPv4 TTL of the request (traceroute); default 64. */
  ttl?: number;
  /**
   * icmp-echo and udp-send: the request's IP length in bytes, headers included (what rule
   * counters add up): ping's 56 data bytes are 84; default 84 for echo, 34 for UDP.
   */
  size?: number;
  /** icmp-echo: the echo identifier; one ping run keeps one, so conntrack sees one flow. Default: a random one. */
  icmpId?: number;
  /** udp-send: the IP length of the answer a listening socket sends back; default 34. */
  replySize?: number;
  /** udp-send: the source port, when the program reuses its socket (nslookup's A and AAAA questions); default a random one. */
  sport?: number;
  /** udp-send: a DNS question and its answer (their sizes are `size` and `replySize`); tcpdump decodes them. */
  dns?: DnsExchange;
  /**
   * tcp-connect: the rest of the conversation once connected, as packets each way
   * after the handshake (an HTTP request and its answer, the close). They pass the
   * same hooks, so rule counters and conntrack see them; their hops are the Trace's `conversation`.
   */
  exchange?: Exchange;
  /**
   * tcp-connect: SYNs sent in all when nothing answers before the program gives up
   * (the first and the kernel's retransmissions at 1 s, 3 s, 7 s... within its timeout).
   */
  attempts?: number;
}

/** What one side of a TCP conversation writes at once: its bytes, and its text when known. */
export interface Write {
  bytes: number;
  text?: string;
}

/**
 * A TCP conversation after its handshake: what each side writes, in order, and who closes
 * first (an HTTP server answering with `Connection: close`; nc or redis-cli once its input
 * is sent). exchange.ts turns it into segments in the order a real capture shows them.
 */
export interface Exchange {
  closer: 'client' | 'server';
  client: readonly Write[];
  server: readonly Write[];
}

/** Which way the packet is travelling: the probe itself, or what comes back. */
export type Leg = 'request' | 'reply';

export type HopKind =
  | 'send' // a socket hands the packet to the stack
  | 'route' // route lookup (output or forward)
  | 'netfilter' // one hook ran (its steps are inside)
  | 'neighbour' // ARP (IPv4) or neighbour discovery (IPv6) on the outgoing link
  | 'transmit' // leaves an interface
  | 'veth' // crosses a veth pair to the peer
  | 'bridge' // a bridge receives, looks up its FDB and forwards or delivers up
  | 'receive' // arrives on an interface
  | 'deliver' // handed to a local socket or the ICMP/TCP stack
  | 'drop'; // the kernel dropped it outside netfilter (no route, no neighbour, forwarding off...)

/**
 * Which sentence a hop's `detail` is. Its English words are hop-sentences.ts
 * (`detail` is the note filled in there); the app has a `hop.*` template per key
 * in each language.
 */
export type HopNoteKey =
  | 'send' // {netns} sends {packet}
  | 'noRoute' // no route to {dst}: Network is unreachable
  | 'route' // route: {route}
  | 'rerouteDnat' // rerouted after DNAT: {route}
  | 'loopback' // loopback: {dev}
  | 'neighbourCached' // neighbour {addr} is {mac} (cached)
  | 'arpNoAnswer' // ARP who-has {addr} on {dev}: no answer
  | 'arpReply' // ARP {addr} is-at {mac} ({netns} {dev})
  | 'ndpNoAnswer' // neighbour solicitation for {addr} on {dev}: no answer
  | 'ndpAdvert' // neighbour advertisement: {addr} is at {mac} ({netns} {dev})
  | 'transmit' // out of {dev}
  | 'noCarrier' // {dev} has no carrier
  | 'noPeer' // {dev} has no peer
  | 'veth' // veth {fromNetns}:{fromDev} -> {toNetns}:{toDev}
  | 'notForHost' // {dev}: frame for {mac} is not for this host
  | 'bridgeSend' // {bridge} sends out of port {port}
  | 'bridgeDown' // {bridge} is down
  | 'bridgeToSelf' // {bridge}: frame for the bridge itself, up to {netns}'s IP stack
  | 'bridgeNoPort' // {bridge}: no port leads to {mac}
  | 'hairpinOff' // {bridge}: destination is behind the ingress port (hairpin off)
  | 'bridgeForward' // {bridge}: {mac} is on port {port}
  | 'dnatNoNeighbour' // {bridge}: no neighbour for the DNAT target
  | 'dnatNotBridged' // {bridge}: DNAT target not reachable by bridging
  | 'receive' // {netns} receives on {dev}
  | 'martianSource' // martian source {addr} on {dev}
  | 'martianDestination' // martian destination {addr} on {dev}
  | 'icmpRateLimited' // {netns} sends no ICMP error to {dst}: over its rate limit (net.ipv4.icmp_ratelimit)
  | 'forwardingDisabled' // {netns} is not a router (net.ipv4.ip_forward = 0): dropped
  | 'forwardingDisabled6' // {netns} is not an IPv6 router (net.ipv6.conf.all.forwarding = 0): dropped
  | 'forwardNoRoute' // forward: no route to {dst}
  | 'ttlExceeded' // forward: TTL {ttl} exceeded in transit: ICMP time exceeded back to {src}
  | 'hopLimitExceeded' // forward: hop limit {ttl} exceeded in transit: ICMPv6 time exceeded back to {src}
  | 'forward' // forward: {route}
  | 'hook' // {hook} {verdict}
  | 'hookRule' // {hook} {verdict}: {rule}
  | 'deliver' // delivered to the local stack of {netns}
  | 'answerMismatch'; // the answer does not match the sending socket

/**
 * A hop's sentence as data: the key of its template and the values that fill it.
 * Values are technical tokens (addresses, MACs, interface and namespace names,
 * route and rule text, hook and verdict names, packet headers): never translated.
 */
export interface HopNote {
  key: HopNoteKey;
  values: Record<string, string>;
}

export interface Hop {
  kind: HopKind;
  leg: Leg;
  /** Namespace where it happened. */
  netns: string;
  /** Interface involved (outgoing for transmit/neighbour, incoming for receive). */
  iface?: string;
  /** Bridge involved (bridge hops, and netfilter hooks run by br_netfilter). */
  bridge?: string;
  /** Bridge port the frame came in on / goes out of. */
  port?: string;
  /** Netfilter hop: which hook, and whether br_netfilter called it for a bridged frame. */
  hook?: Hook;
  bridged?: boolean;
  /** Netfilter hop: the interfaces the hook saw (`IN=`, `OUT=`, `PHYSIN=`, `PHYSOUT=`). */
  place?: PacketPlace;
  steps?: NetfilterStep[];
  /** Headers when the hop starts, and after it if they changed (NAT). */
  packet: Packet;
  rewritten?: Packet;
  /** A short human sentence: "route 172.18.0.0/16 dev eth0 src 172.18.0.2". */
  detail: string;
  /** The same sentence as data, for a UI in another language (see HopNote). */
  note: HopNote;
  /** For hops that decide: the rule. */
  rule?: RuleRef;
  ctState?: CtState;
  /** A hop of a conversation's segment (Trace.conversation): which one. */
  segment?: number;
}

export type Outcome =
  /** icmp-echo: the echo reply came back to the sender. */
  | { kind: 'replied' }
  /** tcp-connect: SYN-ACK came back (connection established). udp-send: the datagram reached a socket. */
  | { kind: 'delivered'; netns: string; process?: string }
  /** A netfilter rule or policy dropped the packet (the sender sees a timeout). */
  | { kind: 'dropped'; leg: Leg; netns: string; by: RuleRef }
  /** A REJECT rule answered with an ICMP error or a TCP reset. */
  | { kind: 'rejected'; leg: Leg; netns: string; by: RuleRef; with: RejectWith }
  /** tcp-connect: RST from a closed port. udp-send: ICMP port unreachable from a closed port. */
  | { kind: 'port-closed'; netns: string }
  /** The sender has no route (`Network is unreachable`, sendto fails at once). */
  | { kind: 'no-route'; leg: Leg; netns: string }
  /** ARP on the last hop got no answer (`Destination Host Unreachable` / `No route to host`). */
  | { kind: 'no-neighbour'; leg: Leg; netns: string; iface: string; addr: string }
  /** A router found the TTL spent and answered ICMP time exceeded from `from` (what traceroute prints). */
  | { kind: 'ttl-exceeded'; leg: Leg; netns: string; from: string }
  /** The packet needed forwarding in a namespace whose net.ipv4.ip_forward is 0 (silently dropped). */
  | { kind: 'forwarding-disabled'; leg: Leg; netns: string }
  /** Lost for another kernel reason (link down, martian source, ...); `reason` says which. */
  | { kind: 'lost'; leg: Leg; netns: string; reason: string };

export interface Trace {
  probe: Probe;
  /** The probe and its answer (for TCP the handshake): what the Trace panel and the canvas show. */
  hops: Hop[];
  outcome: Outcome;
  /** TCP: what followed the handshake, segment by segment (exchange.ts), and where each went. */
  conversation?: Conversation;
}

/** One TCP segment after the handshake: who sends it, its flags and its data. */
export interface Segment {
  by: 'client' | 'server';
  flags: readonly TcpFlag[];
  /** Data bytes (the IP length is 52 more: headers with the timestamp option). */
  payload: number;
  /** What the data starts with, when known (tcpdump's HTTP and RESP decoders print it). */
  text?: string;
}

/**
 * The segments of a TCP conversation in the order they were sent, walked through the same
 * hooks as the handshake; `hops` are their hops (each names its `segment`). The Trace panel
 * and the canvas show the handshake; tcpdump prints these too.
 */
export interface Conversation {
  segments: Segment[];
  hops: Hop[];
}

/** What a user-space tool observes, the thing the real-kernel differential compares. */
export type Observed = 'reply' | 'refused' | 'unreachable' | 'timeout' | 'no-route' | 'ttl-exceeded';

/** Maps a Trace's outcome to what the sending program would report. */
export function observedResult(trace: Trace): Observed {
  const o = trace.outcome;
  // Whatever stops the answer on its way back, the sender only sees silence.
  if (o.kind !== 'replied' && o.kind !== 'delivered' && o.kind !== 'port-closed' && o.leg === 'reply') return 'timeout';
  switch (o.kind) {
    case 'replied':
    case 'delivered':
      return 'reply';
    case 'port-closed':
      // TCP: RST -> ECONNREFUSED. UDP: ICMP port unreachable -> ECONNREFUSED on a connected socket.
      return 'refused';
    case 'rejected':
      // ping reports every ICMP error as unreachable; sockets map port-unreachable and RST to ECONNREFUSED.
      if (trace.probe.kind === 'icmp-echo') return 'unreachable';
      return o.with === 'tcp-reset' || o.with === 'icmp-port-unreachable' || o.with === 'icmp6-port-unreachable' ? 'refused' : 'unreachable';
    case 'no-route':
      // Only the sender's own lookup fails at once; a router answers with ICMP net unreachable.
      return o.netns === trace.probe.from ? 'no-route' : 'unreachable';
    case 'no-neighbour':
      return 'unreachable';
    case 'ttl-exceeded':
      return 'ttl-exceeded';
    case 'dropped':
    case 'forwarding-disabled':
    case 'lost':
      return 'timeout';
  }
}
