/**
 * The packet walk, in the kernel's order (ARCHITECTURE.md): a locally sent
 * packet is routed, passes OUTPUT and POSTROUTING, resolves its next hop and is
 * transmitted; a veth hands it to its peer, a bridge forwards it (calling the
 * iptables hooks through br_netfilter) or delivers it up; a received packet
 * passes PREROUTING, then INPUT for a local address or FORWARD and POSTROUTING
 * when the namespace routes it on. Each step is a Hop in the Trace.
 *
 * One function per stage: sendLocal -> finishOutput -> transmit -> bridgeInput /
 * ipReceive -> (ipForward -> finishOutput ...). Each returns the packet's Fate.
 */
import type { HookContext, HookResult, Hook, IpAddr, NetfilterStep, Packet, PacketPlace, RejectWith, RuleRef } from '../netfilter/index.ts';
import type { Rule } from '../netfilter/rule.ts';
import { isIPv6 } from '../netfilter/packet.ts';
import { formatAddr, parseAddr } from '../netfilter/addr.ts';
import { isLoopback } from '../netfilter/inet.ts';
import { isPortMac, portsToward } from './bridge-index.ts';
import { findByMac, findL2Path, learn, learnReverse, type Endpoint, type L2World } from './l2.ts';
import type { Link } from './link.ts';
import type { Netns, RouteDecision } from './netns.ts';
import type { SeededRandom } from './rng.ts';
import { hopSentence } from './hop-sentences.ts';
import type { Conversation, Exchange, Hop, HopKind, HopNote, HopNoteKey, Leg, Outcome, Probe, Trace } from './trace.ts';
import { exchangeSegments } from './exchange.ts';
import { observedResult } from './trace.ts';

export interface WalkWorld extends L2World {
  readonly now: number;
  readonly random: SeededRandom;
}

/** What became of one packet. */
type Fate =
  /** Accepted by INPUT in `ns`: the local stack has it. */
  | { fate: 'arrived'; ns: Netns; packet: Packet }
  /** Gone; the outcome says where and why. */
  | { fate: 'lost'; outcome: Outcome }
  /** A namespace answered with an ICMP error or a TCP reset that now travels back to the sender. */
  | { fate: 'bounced'; ns: Netns; error: Packet; outcome: Outcome };

/** ICMP's message types, and ICMPv6's (RFC 4443) for an IPv6 packet. */
const ICMP4 = { echoReply: 0, destUnreach: 3, timeExceeded: 11, echoRequest: 8 } as const;
const ICMP6 = { echoReply: 129, destUnreach: 1, timeExceeded: 3, echoRequest: 128 } as const;
const icmpTypes = (p: Packet): { echoReply: number; destUnreach: number; timeExceeded: number; echoRequest: number } => (isIPv6(p) ? ICMP6 : ICMP4);
const ICMP_UNREACH_CODE: Record<Exclude<RejectWith, 'tcp-reset'>, number> = {
  'icmp-net-unreachable': 0,
  'icmp-host-unreachable': 1,
  'icmp-proto-unreachable': 2,
  'icmp-port-unreachable': 3,
  'icmp-net-prohibited': 9,
  'icmp-host-prohibited': 10,
  'icmp-admin-prohibited': 13,
  // ICMPv6 destination unreachable (RFC 4443 section 3.1).
  'icmp6-no-route': 0,
  'icmp6-adm-prohibited': 1,
  'icmp6-not-neighbor': 2,
  'icmp6-addr-unreachable': 3,
  'icmp6-port-unreachable': 4,
  'icmp6-policy-fail': 5,
  'icmp6-reject-route': 6,
};
/** Destination-unreachable codes: ICMP's, and ICMPv6's (no route 0, address unreachable 3, port unreachable 4). */
type UnreachCause = 'net' | 'host' | 'port';
const UNREACH4: Record<UnreachCause, number> = { net: 0, host: 1, port: 3 };
const UNREACH6: Record<UnreachCause, number> = { net: 0, host: 3, port: 4 };
/** The kernel's defaults for the ICMP error rate limit (Documentation/networking/ip-sysctl.rst). */
const ICMP_RATEMASK = 6168;
const ICMP_RATELIMIT_MS = 1000;
const ICMP_BURST = 6;
/** ICMPv6's packet too big: never rate limited (it would break path MTU discovery). */
const ICMP6_PACKET_TOO_BIG = 2;

/** Lengths that make rule byte counters match the real tools' default packets (IPv4 headers; IPv6's are 20 bytes longer). */
const LEN = { ping: 84, tcpSyn: 60, tcpSynAck: 60, tcpAck: 52, tcpRst: 40, udp: 34 } as const;
const IPV6_EXTRA = 20;

export function walkProbe(world: WalkWorld, probe: Probe): Trace {
  return new Walk(world, probe).run();
}

/** The conversation after the handshake `trace` recorded: its SYN as sent and the server's SYN-ACK, walked again as data. */
export function walkExchange(world: WalkWorld, trace: Trace, exchange: Exchange): void {
  const o = trace.outcome;
  const syn = trace.hops.find((h) => h.leg === 'request' && h.kind === 'send' && h.netns === trace.probe.from)?.packet;
  const synAck = trace.hops.find((h) => h.leg === 'reply' && h.kind === 'send')?.packet;
  const client = world.netns(trace.probe.from);
  const server = o.kind === 'delivered' ? world.netns(o.netns) : undefined;
  if (trace.probe.kind !== 'tcp-connect' || !syn || !synAck || !client || !server) return;
  trace.conversation = new Walk(world, trace.probe).converse(client, server, syn, synAck, exchange);
}

class Walk {
  private readonly hops: Hop[] = [];
  private leg: Leg = 'request';
  private readonly world: WalkWorld;
  private readonly probe: Probe;

  constructor(world: WalkWorld, probe: Probe) {
    this.world = world;
    this.probe = probe;
  }

  run(): Trace {
    const outcome = this.runLegs();
    const trace: Trace = { probe: this.probe, hops: this.hops, outcome };
    if (this.conversation) trace.conversation = this.conversation;
    // A connect that got no answer at all is retried by the kernel until the program gives up.
    if (this.probe.kind === 'tcp-connect' && (this.probe.attempts ?? 1) > 1 && observedResult(trace) === 'timeout') this.retransmit((this.probe.attempts ?? 1) - 1);
    return trace;
  }

  private conversation?: Conversation;

  private runLegs(): Outcome {
    const from = this.world.netns(this.probe.from);
    if (!from) return { kind: 'lost', leg: 'request', netns: this.probe.from, reason: 'no such network namespace' };
    const dst = parseAddr(this.probe.dst);
    if (dst === undefined) return { kind: 'lost', leg: 'request', netns: from.name, reason: 'bad destination address' };
    let src: IpAddr = typeof dst === 'bigint' ? 0n : 0;
    if (this.probe.src !== undefined) {
      const bound = parseAddr(this.probe.src);
      if (bound === undefined || typeof bound !== typeof dst || !from.isLocal(bound)) {
        return { kind: 'lost', leg: 'request', netns: from.name, reason: 'Cannot assign requested address' };
      }
      src = bound;
    }
    const request = this.makeRequest(src, dst);

    const sent = this.sendLocal(from, request);
    if (sent.fate === 'lost') return sent.outcome;
    if (sent.fate === 'bounced') {
      this.leg = 'reply';
      if (!this.icmpAllowed(sent.ns, sent.error)) return this.rateLimited(sent.ns, sent.error);
      const back = this.sendLocal(sent.ns, sent.error);
      if (back.fate === 'arrived' && back.ns === from && this.isAnswerTo(back.packet, this.sentRequest ?? request)) return sent.outcome;
      return this.replyFailure(back, from);
    }

    // The request reached a local stack: what does it answer?
    const answer = this.respond(sent.ns, sent.packet);
    if (!answer) return { kind: 'lost', leg: 'request', netns: sent.ns.name, reason: 'no answer from the stack' };
    this.leg = 'reply';
    if (!this.icmpAllowed(sent.ns, answer.packet)) return this.rateLimited(sent.ns, answer.packet);
    const back = this.sendLocal(sent.ns, answer.packet);
    if (back.fate === 'arrived' && back.ns === from) {
      if (this.isAnswerTo(back.packet, this.sentRequest ?? request)) {
        if (answer.outcome.kind === 'delivered' && this.probe.exchange) this.conversation = this.converse(from, sent.ns, this.sentRequest ?? request, answer.packet, this.probe.exchange);
        return answer.outcome;
      }
      this.hop('drop', from, back.packet, note('answerMismatch'));
      return { kind: 'lost', leg: 'reply', netns: from.name, reason: 'answer does not match the socket' };
    }
    return this.replyFailure(back, from);
  }

  /** Whether hops are recorded: retransmissions only count. */
  private recording = true;
  /** Where hops go: the Trace's, or a conversation's while its segments are walked. */
  private into: Hop[] = this.hops;
  private segment?: number;

  /**
   * The segments that follow a TCP handshake (exchange.ts), walked through the same hooks
   * (counters, conntrack); their hops are the conversation's, not the handshake's.
   */
  converse(client: Netns, server: Netns, syn: Packet, synAck: Packet, exchange: Exchange): Conversation {
    const conversation: Conversation = { segments: exchangeSegments(exchange), hops: [] };
    this.into = conversation.hops;
    conversation.segments.forEach((s, i) => {
      this.segment = i;
      this.leg = s.by === 'client' ? 'request' : 'reply';
      this.sendLocal(s.by === 'client' ? client : server, { ...(s.by === 'client' ? syn : synAck), tcpFlags: s.flags, length: LEN.tcpAck + s.payload });
    });
    this.into = this.hops;
    this.segment = undefined;
    return conversation;
  }

  /** SYN retransmissions of a connect nobody answered: the same packet, walked again without hops. */
  retransmit(times: number): void {
    const from = this.world.netns(this.probe.from);
    const syn = this.sentRequest;
    if (!from || !syn || times <= 0) return;
    this.recording = false;
    this.leg = 'request';
    for (let i = 0; i < times; i++) this.sendLocal(from, syn);
    this.recording = true;
  }

  /** The request as it left the sender (source chosen by routing), for matching answers. */
  private sentRequest?: Packet;

  private replyFailure(back: Fate, from: Netns): Outcome {
    if (back.fate === 'lost') return back.outcome;
    if (back.fate === 'bounced') return back.outcome;
    return { kind: 'lost', leg: 'reply', netns: back.ns.name, reason: `answer delivered to ${back.ns.name}, not ${from.name}` };
  }

  private makeRequest(src: IpAddr, dst: IpAddr): Packet {
    const r = this.world.random;
    const extra = typeof dst === 'bigint' ? IPV6_EXTRA : 0;
    switch (this.probe.kind) {
      case 'icmp-echo': {
        const type = typeof dst === 'bigint' ? ICMP6.echoRequest : ICMP4.echoRequest;
        const echo: Packet = { src, dst, proto: 'icmp', sport: 0, dport: 0, icmpType: type, icmpCode: 0, icmpId: this.probe.icmpId ?? r.nextUint32() & 0xffff, length: this.probe.size ?? LEN.ping + extra };
        return this.probe.ttl === undefined ? echo : { ...echo, ttl: this.probe.ttl };
      }
      case 'tcp-connect':
        return { src, dst, proto: 'tcp', sport: ephemeralPort(r), dport: this.probe.port ?? 80, tcpFlags: ['SYN'], length: LEN.tcpSyn + extra };
      case 'udp-send': {
        const udp: Packet = { src, dst, proto: 'udp', sport: this.probe.sport ?? ephemeralPort(r), dport: this.probe.port ?? 53, length: this.probe.size ?? LEN.udp + extra };
        return this.probe.ttl === undefined ? udp : { ...udp, ttl: this.probe.ttl };
      }
    }
  }

  /** Does `p`, arriving at the sender, answer the request that was sent? */
  private isAnswerTo(p: Packet, req: Packet): boolean {
    const icmp = icmpTypes(req);
    if (p.proto === 'icmp' && (p.icmpType === icmp.destUnreach || p.icmpType === icmp.timeExceeded) && p.inner) {
      const i = p.inner;
      return i.src === req.src && i.dst === req.dst && i.proto === req.proto && i.sport === req.sport && i.dport === req.dport;
    }
    if (req.proto === 'icmp') return p.proto === 'icmp' && p.icmpType === icmp.echoReply && p.icmpId === req.icmpId && p.dst === req.src;
    return p.proto === req.proto && p.src === req.dst && p.dst === req.src && p.sport === req.dport && p.dport === req.sport;
  }

  /** The local stack's answer: echo reply, SYN-ACK or RST, a UDP answer or ICMP port unreachable. */
  private respond(ns: Netns, p: Packet): { packet: Packet; outcome: Outcome } | undefined {
    this.hop('deliver', ns, p, note('deliver', { netns: ns.name }));
    const v6 = isIPv6(p);
    const extra = v6 ? IPV6_EXTRA : 0;
    if (p.proto === 'icmp') {
      const icmp = icmpTypes(p);
      const ignore = v6 ? 'net.ipv6.icmp.echo_ignore_all' : 'net.ipv4.icmp_echo_ignore_all';
      if (p.icmpType !== icmp.echoRequest || (ns.hasSysctl(ignore) && ns.sysctlFlag(ignore))) return undefined;
      return {
        // The answer starts with the answering stack's own TTL, not what is left of the request's.
        packet: { ...p, src: p.dst, dst: p.src, icmpType: icmp.echoReply, ttl: undefined },
        outcome: { kind: 'replied' },
      };
    }
    const socket = ns.findSocket(p.proto, p.dst, p.dport);
    if (p.proto === 'tcp') {
      if (socket) {
        return {
          packet: { src: p.dst, dst: p.src, proto: 'tcp', sport: p.dport, dport: p.sport, tcpFlags: ['SYN', 'ACK'], length: LEN.tcpSynAck + extra },
          outcome: { kind: 'delivered', netns: ns.name, process: socket.process },
        };
      }
      return {
        packet: { src: p.dst, dst: p.src, proto: 'tcp', sport: p.dport, dport: p.sport, tcpFlags: ['RST', 'ACK'], length: LEN.tcpRst + extra },
        outcome: { kind: 'port-closed', netns: ns.name },
      };
    }
    if (socket) {
      return {
        packet: { src: p.dst, dst: p.src, proto: 'udp', sport: p.dport, dport: p.sport, length: this.probe.replySize ?? LEN.udp + extra },
        outcome: { kind: 'delivered', netns: ns.name, process: socket.process },
      };
    }
    return { packet: icmpError(p, p.dst, 'port'), outcome: { kind: 'port-closed', netns: ns.name } };
  }

  // ---- output path -----------------------------------------------------------

  /** A packet generated by this namespace's stack: route, OUTPUT, then POSTROUTING and transmit. */
  private sendLocal(ns: Netns, packet: Packet): Fate {
    let p = packet;
    let route = ns.lookupRoute(p.dst);
    if (route && unspecified(p.src) && route.src !== undefined) p = { ...p, src: route.src };
    const what = describe(p);
    this.hop('send', ns, p, note('send', { netns: ns.name, packet: what }));
    if (!route || unspecified(p.src)) {
      this.hop('route', ns, p, note('noRoute', { dst: formatAddr(p.dst) }));
      return { fate: 'lost', outcome: { kind: 'no-route', leg: this.leg, netns: ns.name } };
    }
    this.hop('route', ns, p, note('route', { route: route.text }));
    if (this.leg === 'request' && ns.name === this.probe.from && this.segment === undefined) this.sentRequest = p;

    const out = this.hook(ns, 'OUTPUT', p, { outIface: this.linkName(ns, route.ifindex) });
    if (out.verdict !== 'ACCEPT') return this.verdictFate(ns, p, out);
    if (out.packet.dst !== p.dst) {
      // A DNAT in OUTPUT sends the packet elsewhere: the kernel routes it again.
      const rerouted = ns.lookupRoute(out.packet.dst);
      if (!rerouted) return { fate: 'lost', outcome: { kind: 'no-route', leg: this.leg, netns: ns.name } };
      route = rerouted;
      this.hop('route', ns, out.packet, note('rerouteDnat', { route: route.text }));
    }
    return this.finishOutput(ns, out.packet, route, undefined);
  }

  /** POSTROUTING, then loopback delivery or neighbour resolution and transmit. */
  private finishOutput(ns: Netns, packet: Packet, route: RouteDecision<IpAddr>, inIface: Link | undefined): Fate {
    const dev = ns.linksByIndex.get(route.ifindex);
    if (!dev) return { fate: 'lost', outcome: { kind: 'lost', leg: this.leg, netns: ns.name, reason: 'device vanished' } };
    const place: PacketPlace = { outIface: dev.name };
    if (inIface) place.inIface = inIface.name;
    const post = this.hook(ns, 'POSTROUTING', packet, place);
    if (post.verdict !== 'ACCEPT') return this.verdictFate(ns, packet, post);
    const p = post.packet;

    if (route.type === 'local' || dev.kind === 'loopback') {
      this.hop('transmit', ns, p, note('loopback', { dev: dev.name }), { iface: dev.name });
      countFrame(dev, 'tx', p);
      countFrame(dev, 'rx', p);
      return this.ipReceive(ns, dev, p, {});
    }
    const nexthop = route.gateway ?? p.dst;
    const mac = this.resolveNeighbour(ns, dev, nexthop, p);
    if (mac === undefined) {
      const outcome: Outcome = { kind: 'no-neighbour', leg: this.leg, netns: ns.name, iface: dev.name, addr: formatAddr(nexthop) };
      // Failed ARP (or neighbour discovery) answers with ICMP host (address) unreachable: a router
      // sends it back to the sender, a sender's own stack sends it to itself, through its own OUTPUT and INPUT.
      return this.bounce(ns, p, 'host', outcome);
    }
    return this.transmit(ns, dev, dev.mac, mac, p);
  }

  /** ARP for an IPv4 next hop, neighbour discovery (solicitation, advertisement) for an IPv6 one. */
  private resolveNeighbour(ns: Netns, dev: Link, nexthop: IpAddr, p: Packet): string | undefined {
    const ndp = typeof nexthop === 'bigint';
    const table = ns.neigh.get(dev.ifindex) ?? new Map();
    ns.neigh.set(dev.ifindex, table);
    const cached = table.get(nexthop);
    // A STALE entry (learnt from the other side's ARP request) is used as is, and confirmed by the answer.
    if ((cached?.state === 'REACHABLE' || cached?.state === 'STALE') && cached.mac) {
      const still = findByMac(this.world, ns, dev, cached.mac);
      if (still && still.endpoint.ns.isLocal(nexthop)) {
        this.hop('neighbour', ns, p, note('neighbourCached', { addr: formatAddr(nexthop), mac: cached.mac }), { iface: dev.name });
        return cached.mac;
      }
    }
    const answers = (ep: Endpoint): boolean => ep.link.up && ep.ns.isLocal(nexthop) && ep.link.kind !== 'loopback';
    const path = findL2Path(this.world, ns, dev, answers, typeof nexthop === 'number' ? { addr: nexthop } : undefined);
    if (!path) {
      table.set(nexthop, { state: 'FAILED' });
      this.hop('neighbour', ns, p, note(ndp ? 'ndpNoAnswer' : 'arpNoAnswer', { addr: formatAddr(nexthop), dev: dev.name }), { iface: dev.name });
      return undefined;
    }
    // The broadcast request teaches every bridge the asker; the reply teaches the answerer.
    learn(path.crossings, dev.mac);
    learnReverse(path.crossings, path.endpoint.link.mac);
    const at = path.endpoint;
    // The answerer learns the asker from its request (arp_process, ndisc_recv_ns: a STALE entry), so its answer needs no ARP or NDP of its own.
    if (ns.isLocal(p.src)) {
      const theirs = at.ns.neigh.get(at.link.ifindex) ?? new Map();
      at.ns.neigh.set(at.link.ifindex, theirs);
      // An entry with another MAC (the asker restarted with a new veth) is updated by the request, as neigh_update does.
      if (theirs.get(p.src)?.mac !== dev.mac) theirs.set(p.src, { mac: dev.mac, state: 'STALE' });
    }
    // A neighbour advertisement carries the router flag when the answering node forwards IPv6.
    const router = ndp && at.ns.sysctlFlag('net.ipv6.conf.all.forwarding');
    table.set(nexthop, { mac: path.endpoint.link.mac, state: 'REACHABLE', ...(router ? { router } : {}) });
    this.hop('neighbour', ns, p, note(ndp ? 'ndpAdvert' : 'arpReply', { addr: formatAddr(nexthop), mac: at.link.mac, netns: at.ns.name, dev: at.link.name }), {
      iface: dev.name,
    });
    return path.endpoint.link.mac;
  }

  /** A frame leaves `dev`. */
  private transmit(ns: Netns, dev: Link, srcMac: string, dstMac: string, p: Packet): Fate {
    if (dev.kind === 'bridge') {
      // The host's own stack sends through a bridge: the bridge picks the port, no br_netfilter hooks.
      const port = this.bridgePort(ns, dev, undefined, dstMac);
      if (!port) return this.lostHere(ns, p, note('bridgeNoPort', { bridge: dev.name, mac: dstMac }), dev.name);
      countFrame(dev, 'tx', p);
      this.hop('bridge', ns, p, note('bridgeSend', { bridge: dev.name, port: port.name }), { bridge: dev.name, port: port.name });
      return this.transmit(ns, port, srcMac, dstMac, p);
    }
    this.hop('transmit', ns, p, note('transmit', { dev: dev.name }), { iface: dev.name });
    if (!ns.carrier(dev) || !dev.peer) return this.lostHere(ns, p, note('noCarrier', { dev: dev.name }), dev.name);
    const peerNs = this.world.netns(dev.peer.netns);
    const peer = peerNs?.linksByIndex.get(dev.peer.ifindex);
    if (!peerNs || !peer) return this.lostHere(ns, p, note('noPeer', { dev: dev.name }), dev.name);
    countFrame(dev, 'tx', p);
    countFrame(peer, 'rx', p);
    // Crossing into another namespace scrubs the skb: conntrack attachments stay behind.
    if (p.localError) p = withoutLocalError(p);
    const crossing = { fromNetns: ns.name, fromDev: dev.name, toNetns: peerNs.name, toDev: peer.name };
    this.hop('veth', peerNs, p, note('veth', crossing), { iface: peer.name });
    if (peer.masterIndex !== undefined) {
      const bridge = peerNs.linksByIndex.get(peer.masterIndex)!;
      return this.bridgeInput(peerNs, bridge, peer, srcMac, dstMac, p);
    }
    if (dstMac !== peer.mac && dstMac !== 'ff:ff:ff:ff:ff:ff') {
      return this.lostHere(peerNs, p, note('notForHost', { dev: peer.name, mac: dstMac }), peer.name);
    }
    return this.ipReceive(peerNs, peer, p, {});
  }

  /** The bridge's forwarding decision: FDB hit, or the port a flood would reach the MAC by. */
  private bridgePort(ns: Netns, bridge: Link, inPort: Link | undefined, dstMac: string): Link | undefined {
    const known = bridge.fdb?.get(dstMac);
    if (known !== undefined) {
      const port = ns.linksByIndex.get(known);
      if (port && port.masterIndex === bridge.ifindex) return port;
    }
    for (const index of portsToward(this.world, ns, bridge, { mac: dstMac })) {
      const port = ns.linksByIndex.get(index);
      if (!port || port === inPort) continue;
      if (findByMac(this.world, ns, port, dstMac)) return port;
    }
    return undefined;
  }

  /** A frame enters a bridge through a port. */
  private bridgeInput(ns: Netns, bridge: Link, inPort: Link, srcMac: string, dstMac: string, p: Packet): Fate {
    bridge.fdb?.set(srcMac, inPort.ifindex);
    if (!bridge.up) return this.lostHere(ns, p, note('bridgeDown', { bridge: bridge.name }), bridge.name);
    const brnf = ns.sysctlFlag('net.bridge.bridge-nf-call-iptables');
    const toSelf = dstMac === bridge.mac || isPortMac(this.world, ns, bridge, dstMac);
    if (toSelf) {
      countFrame(bridge, 'rx', p);
      this.hop('bridge', ns, p, note('bridgeToSelf', { bridge: bridge.name, netns: ns.name }), {
        bridge: bridge.name,
        port: inPort.name,
      });
      return this.ipReceive(ns, bridge, p, { physIn: brnf ? inPort : undefined });
    }
    let outPort = this.bridgePort(ns, bridge, inPort, dstMac);
    if (!outPort) return this.lostHere(ns, p, note('bridgeNoPort', { bridge: bridge.name, mac: dstMac }), bridge.name);
    if (outPort === inPort) return this.lostHere(ns, p, note('hairpinOff', { bridge: bridge.name }), bridge.name);
    this.hop('bridge', ns, p, note('bridgeForward', { bridge: bridge.name, mac: dstMac, port: outPort.name }), {
      bridge: bridge.name,
      port: inPort.name,
    });
    let packet = p;
    if (brnf) {
      const pre = this.hook(ns, 'PREROUTING', packet, { inIface: bridge.name, physIn: inPort.name }, bridge.name);
      if (pre.verdict !== 'ACCEPT') return this.verdictFate(ns, packet, pre);
      if (pre.packet.dst !== packet.dst) {
        // br_netfilter: a DNAT to another address makes the bridge hand the packet to IP routing.
        packet = pre.packet;
        if (ns.isLocal(packet.dst)) return this.ipReceive(ns, bridge, packet, { physIn: inPort, preroutingDone: true });
        const route = ns.lookupRoute(packet.dst);
        if (!route || route.ifindex !== bridge.ifindex) return this.ipReceive(ns, bridge, packet, { physIn: inPort, preroutingDone: true });
        const mac = this.resolveNeighbour(ns, bridge, route.gateway ?? packet.dst, packet);
        if (mac === undefined) return this.lostHere(ns, packet, note('dnatNoNeighbour', { bridge: bridge.name }), bridge.name);
        dstMac = mac;
        outPort = this.bridgePort(ns, bridge, inPort, dstMac);
        if (!outPort || outPort === inPort) return this.lostHere(ns, packet, note('dnatNotBridged', { bridge: bridge.name }), bridge.name);
      }
      packet = pre.packet;
      const fwd = this.hook(ns, 'FORWARD', packet, { inIface: bridge.name, outIface: bridge.name, physIn: inPort.name, physOut: outPort.name, bridged: true }, bridge.name);
      if (fwd.verdict !== 'ACCEPT') return this.verdictFate(ns, packet, fwd);
      const post = this.hook(ns, 'POSTROUTING', fwd.packet, { outIface: bridge.name, physOut: outPort.name, bridged: true }, bridge.name);
      if (post.verdict !== 'ACCEPT') return this.verdictFate(ns, fwd.packet, post);
      packet = post.packet;
    }
    return this.transmit(ns, outPort, srcMac, dstMac, packet);
  }

  // ---- input path ------------------------------------------------------------

  private ipReceive(ns: Netns, iface: Link, p: Packet, opts: { physIn?: Link | undefined; preroutingDone?: boolean }): Fate {
    this.hop('receive', ns, p, note('receive', { netns: ns.name, dev: iface.name }), { iface: iface.name });
    const loopbackDev = iface.kind === 'loopback';
    if (!loopbackDev && isLoopbackAddr(p.src) && !routeLocalnet(ns, iface)) {
      return this.lostHere(ns, p, note('martianSource', { addr: formatAddr(p.src), dev: iface.name }), iface.name);
    }
    let packet = p;
    const physIn = opts.physIn?.name;
    if (!opts.preroutingDone) {
      const place: PacketPlace = { inIface: iface.name };
      if (physIn) place.physIn = physIn;
      const pre = this.hook(ns, 'PREROUTING', packet, place);
      if (pre.verdict !== 'ACCEPT') return this.verdictFate(ns, packet, pre);
      packet = pre.packet;
    }
    if (!loopbackDev && isLoopbackAddr(packet.dst) && !routeLocalnet(ns, iface)) {
      return this.lostHere(ns, packet, note('martianDestination', { addr: formatAddr(packet.dst), dev: iface.name }), iface.name);
    }
    if (ns.isLocal(packet.dst) || ns.addrType(packet.dst) === 'BROADCAST') {
      const place: PacketPlace = { inIface: iface.name };
      if (physIn) place.physIn = physIn;
      const input = this.hook(ns, 'INPUT', packet, place);
      if (input.verdict !== 'ACCEPT') return this.verdictFate(ns, packet, input);
      return { fate: 'arrived', ns, packet: input.packet };
    }
    return this.ipForward(ns, iface, packet, physIn);
  }

  private ipForward(ns: Netns, inIface: Link, p: Packet, physIn: string | undefined): Fate {
    const v6 = isIPv6(p);
    // IPv6 forwards when net.ipv6.conf.all.forwarding is 1 (dockerd sets it with its first IPv6 network).
    if (!ns.sysctlFlag(v6 ? 'net.ipv6.conf.all.forwarding' : 'net.ipv4.ip_forward')) {
      this.hop('drop', ns, p, note(v6 ? 'forwardingDisabled6' : 'forwardingDisabled', { netns: ns.name }), { iface: inIface.name });
      return { fate: 'lost', outcome: { kind: 'forwarding-disabled', leg: this.leg, netns: ns.name } };
    }
    const route = ns.lookupRoute(p.dst);
    if (!route) {
      this.hop('route', ns, p, note('forwardNoRoute', { dst: formatAddr(p.dst) }));
      return this.bounce(ns, p, 'net', { kind: 'no-route', leg: this.leg, netns: ns.name });
    }
    // ip_forward: a packet whose TTL (hop limit) would reach 0 here is answered with ICMP time exceeded, before FORWARD.
    const ttl = p.ttl ?? 64;
    if (ttl <= 1) {
      this.hop('route', ns, p, note(v6 ? 'hopLimitExceeded' : 'ttlExceeded', { ttl: String(ttl), src: formatAddr(p.src) }));
      const src = ns.lookupRoute(p.src)?.src ?? (v6 ? 0n : 0);
      if (p.proto === 'icmp' && p.inner) return { fate: 'lost', outcome: { kind: 'lost', leg: this.leg, netns: ns.name, reason: 'TTL exceeded by an ICMP error' } };
      return { fate: 'bounced', ns, error: { ...icmpError(p, src, 'net'), icmpType: icmpTypes(p).timeExceeded }, outcome: { kind: 'ttl-exceeded', leg: this.leg, netns: ns.name, from: formatAddr(src) } };
    }
    p = { ...p, ttl: ttl - 1 };
    this.hop('route', ns, p, note('forward', { route: route.text }));
    const outDev = ns.linksByIndex.get(route.ifindex)!;
    const place: PacketPlace = { inIface: inIface.name, outIface: outDev.name };
    if (physIn) place.physIn = physIn;
    const fwd = this.hook(ns, 'FORWARD', p, place);
    if (fwd.verdict !== 'ACCEPT') return this.verdictFate(ns, p, fwd);
    return this.finishOutput(ns, fwd.packet, route, inIface);
  }

  // ---- verdicts, errors and hops -----------------------------------------------

  private hook(ns: Netns, hook: Hook, p: Packet, place: PacketPlace, bridge?: string): HookResult {
    const ctx: HookContext = {
      addrType: (ip) => ns.addrType(ip),
      masqueradeSource: (outIface, dst) => {
        const link = ns.linksByName.get(outIface);
        if (!link) return undefined;
        if (typeof dst === 'bigint') return ns.selectSource6(link.ifindex, dst);
        const route = ns.lookupRoute(dst);
        return ns.selectSource(link.ifindex, route?.gateway ?? dst, 'global');
      },
      now: this.world.now,
    };
    const result = ns.netfilter.runHook(hook, p, place, ctx);
    // A hook where only conntrack looked (no rule, no rewrite) is noise in the Trace. So is a nat
    // chain holding nothing but rules for one other address: a container's nat OUTPUT and
    // POSTROUTING jump to Docker's DNS chains for 127.0.0.11 alone (and iptables-nft registers
    // no hook for an empty chain, such as its nat PREROUTING). Filter chains are always shown.
    const rewritten = result.packet !== p && !samePacket(result.packet, p);
    const ruleset = isIPv6(p) ? ns.netfilter.v6 : ns.netfilter.v4;
    const otherHost = (rule: Rule) => [rule.spec.src && !rule.spec.srcInv ? rule.spec.src : undefined, rule.spec.dst && !rule.spec.dstInv ? rule.spec.dst : undefined].some((net) => net !== undefined && net.mask === (net.v === 4 ? 0xffffffff : (1n << 128n) - 1n) && net.addr !== p.src && net.addr !== p.dst);
    const idle = (step: NetfilterStep) => step.table === 'nat' && (step.action === 'enter' || step.action === 'policy') && (ruleset.get(step.table)?.chains.get(step.chain)?.rules ?? []).every(otherHost);
    if (rewritten || result.verdict !== 'ACCEPT' || result.steps.some((s) => s.action !== 'conntrack' && !idle(s))) {
      const extra: Partial<Hop> = { hook, place, steps: result.steps, ctState: result.ctState };
      if (bridge) {
        extra.bridge = bridge;
        extra.bridged = true;
      }
      if (place.inIface) extra.iface = place.inIface;
      else if (place.outIface) extra.iface = place.outIface;
      const rule = result.decidedBy ?? decisiveStep(result)?.rule;
      if (rule) extra.rule = rule;
      if (rewritten) extra.rewritten = result.packet;
      this.hop('netfilter', ns, p, hookNote(hook, result), extra);
    }
    return result;
  }

  private verdictFate(ns: Netns, p: Packet, result: HookResult): Fate {
    const by: RuleRef = result.decidedBy ?? { table: 'filter', chain: '?', num: 0, text: '' };
    if (result.verdict === 'REJECT') {
      const withWhat: RejectWith = result.rejectWith ?? (isIPv6(p) ? 'icmp6-port-unreachable' : 'icmp-port-unreachable');
      const outcome: Outcome = { kind: 'rejected', leg: this.leg, netns: ns.name, by, with: withWhat };
      if (withWhat === 'tcp-reset') {
        if (p.proto !== 'tcp') return { fate: 'lost', outcome: { kind: 'dropped', leg: this.leg, netns: ns.name, by } };
        const rst: Packet = { src: p.dst, dst: p.src, proto: 'tcp', sport: p.dport, dport: p.sport, tcpFlags: ['RST', 'ACK'], length: LEN.tcpRst, localError: true };
        return { fate: 'bounced', ns, error: rst, outcome };
      }
      return this.bounce(ns, p, ICMP_UNREACH_CODE[withWhat], outcome);
    }
    return { fate: 'lost', outcome: { kind: 'dropped', leg: this.leg, netns: ns.name, by } };
  }

  /** An ICMP destination-unreachable error about `p`, sent by `ns` back to p's source. */
  private bounce(ns: Netns, p: Packet, cause: UnreachCause | number, outcome: Outcome): Fate {
    // The kernel never answers an ICMP error with another one.
    if (p.proto === 'icmp' && p.inner) return { fate: 'lost', outcome };
    const src = ns.isLocal(p.dst) ? p.dst : (ns.lookupRoute(p.src)?.src ?? (isIPv6(p) ? 0n : 0));
    return { fate: 'bounced', ns, error: icmpError(p, src, cause), outcome };
  }

  /**
   * icmp.c's icmpv4_xrlim_allow: an error of a type in net.ipv4.icmp_ratemask (6168:
   * unreachable, source quench, time exceeded, parameter problem) goes to one peer at most
   * once per net.ipv4.icmp_ratelimit ms (1000), with a burst of 6 (inet_peer_xrlim_allow's
   * XRLIM_BURST_FACTOR; a new peer starts full); errors to the namespace itself are not
   * limited, nor are echo replies. The rig: 12 datagrams to a closed port got 6 answers.
   * IPv6 (icmpv6_xrlim_allow) limits every error type but packet too big
   * (net.ipv6.icmp.ratemask 0-1,3-127), once per net.ipv6.icmp.ratelimit ms shifted right
   * by (128 - the route's prefix length) >> 5: wider prefixes get more, 4 a second over
   * a /64, as the rig's back-to-back traceroutes showed.
   */
  private icmpAllowed(ns: Netns, p: Packet): boolean {
    if (p.proto !== 'icmp' || p.icmpType === undefined || ns.isLocal(p.dst)) return true;
    let limit: number;
    if (isIPv6(p)) {
      if (p.icmpType >= 128 || p.icmpType === ICMP6_PACKET_TOO_BIG) return true;
      const route = ns.lookupRoute(p.dst);
      if (!route) return true;
      limit = Number(ns.sysctl('net.ipv6.icmp.ratelimit') ?? ICMP_RATELIMIT_MS) >> ((128 - (route.prefixLen ?? 128)) >> 5);
    } else {
      const mask = Number(ns.sysctl('net.ipv4.icmp_ratemask') ?? ICMP_RATEMASK);
      if (((mask >> p.icmpType) & 1) === 0) return true;
      limit = Number(ns.sysctl('net.ipv4.icmp_ratelimit') ?? ICMP_RATELIMIT_MS);
    }
    if (limit <= 0) return true;
    const now = this.world.now;
    const peer = ns.icmpPeers.get(p.dst) ?? { tokens: 0, last: now - 60_000 };
    let tokens = Math.min(peer.tokens + (now - peer.last), ICMP_BURST * limit);
    const allowed = tokens >= limit;
    if (allowed) tokens -= limit;
    ns.icmpPeers.set(p.dst, { tokens, last: now });
    return allowed;
  }

  private rateLimited(ns: Netns, error: Packet): Outcome {
    const why = note('icmpRateLimited', { netns: ns.name, dst: formatAddr(error.dst) });
    this.hop('drop', ns, error, why);
    return { kind: 'lost', leg: 'reply', netns: ns.name, reason: hopSentence(why) };
  }

  /** A kernel drop outside netfilter: the hop, and the outcome whose reason is the hop's sentence. */
  private lostHere(ns: Netns, p: Packet, why: HopNote, iface?: string): Fate {
    const reason = hopSentence(why);
    this.hop('drop', ns, p, why, iface ? { iface } : {});
    return { fate: 'lost', outcome: { kind: 'lost', leg: this.leg, netns: ns.name, reason } };
  }

  private linkName(ns: Netns, ifindex: number): string {
    return ns.linksByIndex.get(ifindex)?.name ?? '?';
  }

  /** Records a hop: `said` is its sentence as a note (key and values), `detail` the note in English. */
  private hop(kind: HopKind, ns: Netns, packet: Packet, said: HopNote, extra: Partial<Hop> = {}): void {
    if (!this.recording) return;
    const hop: Hop = { kind, leg: this.leg, netns: ns.name, packet, detail: hopSentence(said), note: said, ...extra };
    if (this.segment !== undefined) hop.segment = this.segment;
    this.into.push(hop);
  }
}

/** A hop's note: the key of its sentence and the technical tokens that fill it. */
function note(key: HopNoteKey, values: Record<string, string> = {}): HopNote {
  return { key, values };
}

/** Interface counters: an Ethernet frame is the IP packet plus its 14-byte header. */
function countFrame(link: Link, dir: 'rx' | 'tx', p: Packet): void {
  const bytes = p.length + 14;
  if (dir === 'rx') {
    link.stats.rxPackets++;
    link.stats.rxBytes += bytes;
  } else {
    link.stats.txPackets++;
    link.stats.txBytes += bytes;
  }
}

function ephemeralPort(r: SeededRandom): number {
  return 32768 + (r.nextUint32() % (60999 - 32768 + 1));
}

/** Destination unreachable about `p`: `cause` picks the family's code, a number is the code itself (REJECT's). */
function icmpError(p: Packet, src: IpAddr, cause: UnreachCause | number): Packet {
  const v6 = isIPv6(p);
  const code = typeof cause === 'number' ? cause : (v6 ? UNREACH6 : UNREACH4)[cause];
  return {
    src,
    dst: p.src,
    proto: 'icmp',
    sport: 0,
    dport: 0,
    icmpType: icmpTypes(p).destUnreach,
    icmpCode: code,
    inner: p,
    // The error quotes as much of the packet as fits in the minimum MTU (576 bytes; 1280 for IPv6).
    length: v6 ? 48 + Math.min(p.length, 1232) : 28 + Math.min(p.length, 548),
    localError: true,
  };
}

/** An address not chosen yet (0.0.0.0 or ::): routing picks the source. */
function unspecified(a: IpAddr): boolean {
  return a === 0 || a === 0n;
}

/** 127.0.0.0/8, or IPv6's ::1: never valid on the wire. */
function isLoopbackAddr(a: IpAddr): boolean {
  return typeof a === 'bigint' ? a === 1n : isLoopback(a);
}

/**
 * net.ipv4.conf.{DEV,all}.route_localnet: whether 127.0.0.0/8 may arrive on `dev`. Read only
 * for a packet with such an address, not for every packet: two lookups in a table that
 * holds every device's keys (over 20,000 on a host with 3,000 containers).
 */
function routeLocalnet(ns: Netns, dev: Link): boolean {
  return ns.sysctlFlag(`net.ipv4.conf.${dev.name}.route_localnet`) || ns.sysctlFlag('net.ipv4.conf.all.route_localnet');
}

function withoutLocalError(p: Packet): Packet {
  const copy = { ...p };
  delete copy.localError;
  return copy;
}

function samePacket(a: Packet, b: Packet): boolean {
  return a.src === b.src && a.dst === b.dst && a.sport === b.sport && a.dport === b.dport;
}

function describe(p: Packet): string {
  const s = formatAddr(p.src);
  const d = formatAddr(p.dst);
  if (p.proto === 'icmp') {
    const icmp = icmpTypes(p);
    const name = isIPv6(p) ? 'ICMPv6' : 'ICMP';
    const what = p.icmpType === icmp.echoRequest ? 'echo request' : p.icmpType === icmp.echoReply ? 'echo reply' : `${name.toLowerCase()} type ${p.icmpType} code ${p.icmpCode}`;
    return `${name} ${what} ${s} > ${d}`;
  }
  const flags = p.tcpFlags ? ` [${p.tcpFlags.join(',')}]` : '';
  // IPv6 addresses are bracketed before a port, as in a URL.
  const at = (a: IpAddr, port: number): string => (typeof a === 'bigint' ? `[${formatAddr(a)}]:${port}` : `${formatAddr(a)}:${port}`);
  return `${p.proto.toUpperCase()} ${at(p.src, p.sport)} > ${at(p.dst, p.dport)}${flags}`;
}

const DECISIVE = new Set(['accept', 'drop', 'reject', 'dnat', 'snat', 'masquerade', 'redirect']);

/** The last step that decided or rewrote something: what a hop names when no verdict rule is set. */
function decisiveStep(r: HookResult): NetfilterStep | undefined {
  for (let i = r.steps.length - 1; i >= 0; i--) if (DECISIVE.has(r.steps[i]!.action)) return r.steps[i];
  return undefined;
}

function hookNote(hook: Hook, r: HookResult): HopNote {
  const rule = r.decidedBy ?? decisiveStep(r)?.rule;
  if (!rule) return note('hook', { hook, verdict: r.verdict });
  return note('hookRule', { hook, verdict: r.verdict, rule: rule.text });
}
