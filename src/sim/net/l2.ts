/**
 * Layer 2 reachability: where a frame sent out of a device can go. A veth
 * delivers to its peer; a bridge port delivers into the bridge, which delivers
 * to its own device or out of another port. ARP and flooding both ask the same
 * question, "which endpoint behind this device matches?", answered by one
 * depth-first search that also reports the bridges crossed on the way.
 */
import type { Link, LinkResolver } from './link.ts';
import type { Netns } from './netns.ts';

/** A device that terminates frames (a veth end outside any bridge, a bridge itself, lo). */
export interface Endpoint {
  ns: Netns;
  link: Link;
}

/** One bridge crossed on the way: entered by `inPort` (undefined when the bridge's own stack sent it). */
export interface BridgeCrossing {
  ns: Netns;
  bridge: Link;
  inPort?: Link;
  /** The port it leaves by; undefined when the bridge device itself is the endpoint. */
  outPort?: Link;
}

export interface L2Path {
  endpoint: Endpoint;
  crossings: BridgeCrossing[];
}

export type EndpointMatch = (ep: Endpoint) => boolean;

export interface L2World {
  netns(name: string): Netns | undefined;
  resolveLink: LinkResolver;
}

/** Finds the first endpoint reachable from `link` (transmitting in `ns`) that satisfies `match`. */
export function findL2Path(world: L2World, ns: Netns, link: Link, match: EndpointMatch): L2Path | undefined {
  return fromTransmit(world, ns, link, match, new Set());
}

function fromTransmit(world: L2World, ns: Netns, link: Link, match: EndpointMatch, seen: Set<Link>): L2Path | undefined {
  if (!ns.carrier(link)) return undefined;
  if (link.kind === 'bridge') return fromBridge(world, ns, link, undefined, match, seen);
  if (link.kind === 'loopback') return match({ ns, link }) ? { endpoint: { ns, link }, crossings: [] } : undefined;
  const peerRef = link.peer;
  if (!peerRef) return undefined;
  const peerNs = world.netns(peerRef.netns);
  const peer = peerNs?.linksByIndex.get(peerRef.ifindex);
  if (!peerNs || !peer) return undefined;
  if (peer.masterIndex !== undefined) {
    const bridge = peerNs.linksByIndex.get(peer.masterIndex);
    if (!bridge || !bridge.up) return undefined;
    return fromBridge(world, peerNs, bridge, peer, match, seen);
  }
  return match({ ns: peerNs, link: peer }) ? { endpoint: { ns: peerNs, link: peer }, crossings: [] } : undefined;
}

function fromBridge(
  world: L2World,
  ns: Netns,
  bridge: Link,
  inPort: Link | undefined,
  match: EndpointMatch,
  seen: Set<Link>,
): L2Path | undefined {
  if (seen.has(bridge)) return undefined;
  seen.add(bridge);
  const crossing = (outPort?: Link): BridgeCrossing => {
    const c: BridgeCrossing = { ns, bridge };
    if (inPort) c.inPort = inPort;
    if (outPort) c.outPort = outPort;
    return c;
  };
  if (inPort && match({ ns, link: bridge })) {
    return { endpoint: { ns, link: bridge }, crossings: [crossing()] };
  }
  for (const index of bridge.ports ?? []) {
    const port = ns.linksByIndex.get(index);
    if (!port || port === inPort) continue;
    const rest = fromTransmit(world, ns, port, match, seen);
    if (rest) return { endpoint: rest.endpoint, crossings: [crossing(port), ...rest.crossings] };
  }
  return undefined;
}

/** The endpoint owning `mac` behind `link`, for a flooded frame. */
export function findByMac(world: L2World, ns: Netns, link: Link, mac: string): L2Path | undefined {
  return findL2Path(world, ns, link, (ep) => ep.link.mac === mac);
}

/** Records what bridges learn from a frame with source `mac` crossing them (port -> MAC). */
export function learn(crossings: BridgeCrossing[], mac: string): void {
  for (const c of crossings) if (c.inPort) c.bridge.fdb?.set(mac, c.inPort.ifindex);
}

/** Learning in the opposite direction: the answer comes back in through each crossing's out port. */
export function learnReverse(crossings: BridgeCrossing[], mac: string): void {
  for (const c of crossings) if (c.outPort) c.bridge.fdb?.set(mac, c.outPort.ifindex);
}
