/**
 * What a bridge knows about its ports without walking them: the ports' own MAC
 * addresses (the bridge's local FDB entries: a frame to one is for the host's
 * stack) and, for each port whose other end is a plain endpoint (a veth end
 * outside any bridge), that end's MAC and its namespace's IPv4 addresses. A
 * frame looking for a MAC, or an ARP request for an address, then tries only the
 * ports that can lead to it: those whose end has that MAC (whose namespace has
 * that address, on any device, or a loopback prefix holding it) and those that
 * lead on into another bridge, in port order, each checked as before. The ports
 * it skips are ports where the search would have found nothing, so answers,
 * paths and counters are those of a walk over every port
 * (test/net/bridge-index.test.ts compares both).
 *
 * The kernel calls `changed()` on every change to a device (ports, MACs, peers,
 * namespaces); a bridge's entry is rebuilt, in one pass over its ports, the next
 * time it is read after a change.
 */
import { inPrefix } from '../netfilter/inet.ts';
import type { Link } from './link.ts';
import type { Address } from './netns.ts';

interface PortsOf {
  version: number;
  /** The MACs of the bridge's ports. */
  portMacs: Set<string>;
  /** Positions in `ports` of the ports whose other end is a plain endpoint, by that end's MAC. */
  byEndMac: Map<string, number[]>;
  /** The same ports by each IPv4 address of the end's namespace. */
  byEndAddr: Map<number, number[]>;
  /** The same ports by each loopback prefix of the end's namespace ("127.0.0.1/8": all of 127/8 is local there). */
  byEndLoopback: Map<string, { addr: number; prefixLen: number; positions: number[] }>;
  /** Positions of every other port (its other end in a bridge, or not a veth): always searched. */
  onward: number[];
}

/** What a search through a bridge looks for: the owner of a MAC, or a namespace with a local IPv4 address. */
export type Sought = { mac: string } | { addr: number };

/** The kernel: a veth's other end and its namespace. */
interface Resolver {
  resolveLink(netns: string, ifindex: number): Link | undefined;
  netns(name: string): { readonly addrs: readonly Address[]; readonly linksByIndex: ReadonlyMap<number, Link> } | undefined;
}

/** The bridge's namespace: its devices by ifindex. */
interface Devices {
  readonly linksByIndex: ReadonlyMap<number, Link>;
}

export class BridgeIndex {
  private version = 0;
  private readonly entries = new WeakMap<Link, PortsOf>();

  /** Some device or address changed: every bridge's entry is rebuilt when next read. */
  changed(): void {
    this.version++;
  }

  /** Whether `mac` belongs to one of the bridge's ports. */
  isPortMac(world: Resolver, ns: Devices, bridge: Link, mac: string): boolean {
    return this.of(world, ns, bridge).portMacs.has(mac);
  }

  /** The bridge's ports (ifindexes, in port order) behind which the search may find what it seeks. */
  portsToward(world: Resolver, ns: Devices, bridge: Link, sought: Sought): number[] {
    const entry = this.of(world, ns, bridge);
    const lists: (readonly number[])[] = [entry.onward];
    if ('mac' in sought) {
      const direct = entry.byEndMac.get(sought.mac);
      if (direct) lists.push(direct);
    } else {
      const direct = entry.byEndAddr.get(sought.addr);
      if (direct) lists.push(direct);
      for (const lo of entry.byEndLoopback.values()) if (inPrefix(sought.addr, lo.addr, lo.prefixLen)) lists.push(lo.positions);
    }
    const ports = bridge.ports ?? [];
    const positions = lists.length === 1 ? lists[0]! : lists.length === 2 && lists[0]!.length === 0 ? lists[1]! : mergeSorted(lists);
    return positions.map((i) => ports[i]!);
  }

  private of(world: Resolver, ns: Devices, bridge: Link): PortsOf {
    const cached = this.entries.get(bridge);
    if (cached && cached.version === this.version) return cached;
    const entry: PortsOf = { version: this.version, portMacs: new Set(), byEndMac: new Map(), byEndAddr: new Map(), byEndLoopback: new Map(), onward: [] };
    (bridge.ports ?? []).forEach((ifindex, position) => {
      const port = ns.linksByIndex.get(ifindex);
      if (port) entry.portMacs.add(port.mac);
      const end = port?.kind === 'veth' && port.peer ? world.resolveLink(port.peer.netns, port.peer.ifindex) : undefined;
      const endNs = end && world.netns(port!.peer!.netns);
      if (!end || !endNs || end.masterIndex !== undefined) {
        entry.onward.push(position);
        return;
      }
      file(entry.byEndMac, end.mac, position);
      for (const a of endNs.addrs) {
        file(entry.byEndAddr, a.addr, position);
        if (endNs.linksByIndex.get(a.ifindex)?.kind !== 'loopback') continue;
        const key = `${a.addr}/${a.prefixLen}`;
        const lo = entry.byEndLoopback.get(key) ?? { addr: a.addr, prefixLen: a.prefixLen, positions: [] };
        entry.byEndLoopback.set(key, lo);
        if (lo.positions.at(-1) !== position) lo.positions.push(position);
      }
    });
    this.entries.set(bridge, entry);
    return entry;
  }
}

/** Files `position` under `key`, once (positions come in increasing order). */
function file<K>(map: Map<K, number[]>, key: K, position: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [position]);
  else if (list.at(-1) !== position) list.push(position);
}

/** The union of sorted position lists, sorted, each position once. */
function mergeSorted(lists: readonly (readonly number[])[]): number[] {
  const all = new Set<number>();
  for (const list of lists) for (const p of list) all.add(p);
  return [...all].sort((a, b) => a - b);
}

/** A world that may keep a BridgeIndex; without one, every port is tried. */
export interface MaybeIndexed extends Resolver {
  readonly bridgeIndex?: BridgeIndex | undefined;
}

export function isPortMac(world: MaybeIndexed, ns: Devices, bridge: Link, mac: string): boolean {
  if (world.bridgeIndex) return world.bridgeIndex.isPortMac(world, ns, bridge, mac);
  return (bridge.ports ?? []).some((i) => ns.linksByIndex.get(i)?.mac === mac);
}

export function portsToward(world: MaybeIndexed, ns: Devices, bridge: Link, sought: Sought): readonly number[] {
  if (world.bridgeIndex) return world.bridgeIndex.portsToward(world, ns, bridge, sought);
  return bridge.ports ?? [];
}
