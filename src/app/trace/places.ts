/**
 * Where each hop of a Trace happened on the canvas: a node (a container's
 * namespace, a bridge, the host's IP stack, eth0, gw, lan, the internet) or an
 * edge (a veth pair being crossed). Pure; the animation, the hop highlight and
 * the trace panel all use it.
 */
import type { Hop, Trace } from '../../sim/net/trace.ts';
import { formatAddr } from '../../sim/netfilter/addr.ts';
import type { Packet } from '../../sim/netfilter/packet.ts';
import type { TopologyGraph } from '../graph/types.ts';

export interface HopPlace {
  node?: string;
  edge?: string;
}

const INTERNET_IP = '203.0.113.10';

export function placeOfHop(graph: TopologyGraph, hop: Hop): HopPlace {
  if (hop.kind === 'veth' && hop.iface) {
    const edge = graph.vethEdge[`${hop.netns}|${hop.iface}`];
    if (edge) return { edge };
  }
  if (hop.netns === 'gw') {
    const p = hop.packet;
    const internet = (hop.kind === 'deliver' && formatAddr(p.dst) === INTERNET_IP) || ((hop.kind === 'send' || hop.kind === 'route') && formatAddr(p.src) === INTERNET_IP);
    return { node: internet ? 'internet' : 'gw' };
  }
  if (hop.netns === 'host') {
    if (hop.bridge && (hop.kind === 'bridge' || hop.bridged)) return { node: `bridge:${hop.bridge}` };
    if ((hop.kind === 'transmit' || hop.kind === 'receive') && hop.iface) {
      const node = graph.ifaceNode[`host|${hop.iface}`];
      if (node) return { node };
    }
    return { node: 'host:stack' };
  }
  const node = graph.netnsNode[hop.netns];
  return node ? { node } : {};
}

export function placesOfTrace(graph: TopologyGraph, trace: Trace): HopPlace[] {
  return trace.hops.map((h) => placeOfHop(graph, h));
}

/**
 * `ICMP 172.18.0.2 > 172.18.0.3 echo-request`, `TCP 172.17.0.2:58164 > 203.0.113.10:80 [SYN]`;
 * over IPv6 `ICMPv6 2001:db8:1::2 > 2001:db8:1::3 echo-request`, `TCP [2001:db8:1::2]:58164 > [2001:db8:1::3]:80 [SYN]`.
 */
export function formatPacket(p: Packet): string {
  const v6 = typeof p.dst === 'bigint';
  if (p.proto === 'icmp') {
    const [request, reply] = v6 ? [128, 129] : [8, 0];
    const type = p.icmpType === request ? 'echo-request' : p.icmpType === reply ? 'echo-reply' : `type ${p.icmpType ?? '?'}/${p.icmpCode ?? 0}`;
    return `${v6 ? 'ICMPv6' : 'ICMP'} ${formatAddr(p.src)} > ${formatAddr(p.dst)} ${type}`;
  }
  const flags = p.tcpFlags && p.tcpFlags.length ? ` [${p.tcpFlags.join(',')}]` : '';
  const at = (a: Packet['src'], port: number): string => (typeof a === 'bigint' ? `[${formatAddr(a)}]:${port}` : `${formatAddr(a)}:${port}`);
  return `${p.proto.toUpperCase()} ${at(p.src, p.sport)} > ${at(p.dst, p.dport)}${flags}`;
}

/** The hop that decided, if the trace ended with a rule's verdict (the last hop of a drop or reject). */
export function decidingHopIndex(trace: Trace): number | undefined {
  const o = trace.outcome;
  if (o.kind !== 'dropped' && o.kind !== 'rejected') return undefined;
  for (let i = trace.hops.length - 1; i >= 0; i--) {
    const h = trace.hops[i]!;
    if (h.kind === 'netfilter' && h.netns === o.netns && h.leg === o.leg) return i;
  }
  return undefined;
}

/** How long the animation stays on a hop (ms at speed 1): longer where netfilter decides or where it moves. */
export function hopDuration(trace: Trace, places: HopPlace[], index: number): number {
  const hop = trace.hops[index]!;
  const prev = places[index - 1];
  const here = places[index]!;
  const moved = !prev || prev.node !== here.node || prev.edge !== here.edge;
  if (hop.kind === 'netfilter') return hop.rewritten ? 1600 : 1100;
  if (hop.kind === 'drop') return 1400;
  return moved ? 650 : 280;
}
