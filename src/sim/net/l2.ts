/**
 * Layer 2 reachability: where a frame sent out of a device can go. A veth
 * delivers to its peer; a bridge port delivers into the bridge, which delivers
 * to its own device or out of another port. ARP and flooding both ask the same
 * question, "which endpoint behind this device matches?", answered by one
 * depth-first search that also reports the bridges crossed on the way.
 */
import { portsToward, type BridgeIndex, type Sought } from './bridge-index.ts';
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
  /** Lets a search for a MAC skip the bridge ports that cannot lead to it. */
  readonly bridgeIndex?: BridgeIndex | undefined;
}

/** Which endpoint a search wants; `sought` when only endpoints with that MAC or local address can match. */
interface Wanted {
  match: EndpointMatch;
  sought?: Sought | undefined;
}

/**
 * Finds the first endpoint reachable from `link` (transmitting in `ns`) that satisfies `match`.
 * `sought` says what any match must have (its MAC, or a local address of its namespace), so
 * that a bridge tries only the ports that can lead to it.
 */
export function findL2Path(world: L2World, ns: Netns, link: Link, match: EndpointMatch, sought?: Sought): L2Path | undefined {
  return fromTransmit(world, ns, link, { match, sought }, new Set());
}

function fromTransmit(world: L2World, ns: Netns, link: Link, wanted: Wanted, seen: Set<Link>): L2Path | undefined {
  if (!ns.carrier(link)) return undefined;
  if (link.kind === 'bridge') return fromBridge(world, ns, link, undefined, wanted, seen);
  const match = wanted.match;
  if (link.kind === 'loopback') return match({ ns, link }) ? { endpoint: { ns, link }, crossings: [] } : undefined;
  const peerRef = link.peer;
  if (!peerRef) return undefined;
  const peerNs = world.netns(peerRef.netns);
  const peer = peerNs?.linksByIndex.get(peerRef.ifindex);
  if (!peerNs || !peer) return undefined;
  if (peer.masterIndex !== undefined) {
    const bridge = peerNs.linksByIndex.get(peer.masterIndex);
    if (!bridge || !bridge.up) return undefined;
    return fromBridge(world, peerNs, bridge, peer, wanted, seen);
  }
  return match({ ns: peerNs, link: peer }) ? { endpoint: { ns: peerNs, link: peer }, crossings: [] } : undefined;
}

function fromBridge(
  world: L2World,
  ns: Netns,
  bridge: Link,
  inPort: Link | undefined,
  wanted: Wanted,
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
  if (inPort && wanted.match({ ns, link: bridge })) {
    return { endpoint: { ns, link: bridge }, crossings: [crossing()] };
  }
  const ports = wanted.sought === undefined ? (bridge.ports ?? []) : portsToward(world, ns, bridge, wanted.sought);
  for (const index of ports) {
    const port = ns.linksByIndex.get(index);
    if (!port || port === inPort) continue;
    const rest = fromTransmit(world, ns, port, wanted, seen);
    if (rest) return { endpoint: rest.endpoint, crossings: [crossing(port), ...rest.crossings] };
  }
  return undefined;
}

/** The endpoint owning `mac` behind `link`, for a flooded frame. */
export function findByMac(world: L2World, ns: Netns, link: Link, mac: string): L2Path | undefined {
  return findL2Path(world, ns, link, (ep) => ep.link.mac === mac, { mac });
}

/** Records what bridges learn from a frame with source `mac` crossing them (port -> MAC). */
export function learn(crossings: BridgeCrossing[], mac: string): void {
  for (const c of crossings) if (c.inPort) c.bridge.fdb?.set(mac, c.inPort.ifindex);
}

/** Learning in the opposite direction: the answer comes back in through each crossing's out port. */
export function learnReverse(crossings: BridgeCrossing[], mac: string): void {
  for (const c of crossings) if (c.outPort) c.bridge.fdb?.set(mac, c.outPort.ifindex);
}
