/**
 * Network devices inside one namespace: loopback, veth ends and bridges, with
 * their flags. Carrier is derived, never stored, so it can't go stale: a veth
 * has carrier when both ends are up, a bridge when one of its ports does.
 */
import type { LinkInfo, LinkKind, LinkStats } from './api.ts';

export interface PeerRef {
  netns: string;
  ifindex: number;
}

export interface Link {
  ifindex: number;
  name: string;
  kind: LinkKind;
  mac: string;
  mtu: number;
  up: boolean;
  /** ifindex of the bridge (in the same namespace) this link is a port of. */
  masterIndex?: number;
  /** veth only: the other end. */
  peer?: PeerRef;
  /** bridge only: ifindexes of its ports, in the order they were added. */
  ports?: number[];
  /** bridge only: learned MAC -> port ifindex. */
  fdb?: Map<string, number>;
  /** Transmit queue length (`qlen`). */
  txqlen: number;
  /** Packets and bytes counted by the walk. */
  stats: LinkStats;
  /** IPv6 autoconfiguration ran (the device came up with carrier and IPv6 on): it has ::1 or its fe80:: address. The number orders devices by when it ran. */
  addrconf?: number;
}

export function zeroStats(): LinkStats {
  return { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0 };
}

/** Looks a link up by namespace and ifindex; supplied by the kernel so links can follow peers. */
export type LinkResolver = (netns: string, ifindex: number) => Link | undefined;

export function hasCarrier(link: Link, netnsLinks: Map<number, Link>, resolve: LinkResolver): boolean {
  if (!link.up) return false;
  switch (link.kind) {
    case 'loopback':
      return true;
    case 'veth': {
      const peer = link.peer && resolve(link.peer.netns, link.peer.ifindex);
      return peer !== undefined && peer.up;
    }
    case 'bridge':
      return (link.ports ?? []).some((index) => {
        const port = netnsLinks.get(index);
        return port !== undefined && hasCarrier(port, netnsLinks, resolve);
      });
  }
}

export function linkInfo(
  link: Link,
  netnsLinks: Map<number, Link>,
  resolve: LinkResolver,
  netnsId: (netns: string) => number | undefined = () => undefined,
): LinkInfo {
  const info: LinkInfo = {
    ifindex: link.ifindex,
    name: link.name,
    kind: link.kind,
    mac: link.mac,
    mtu: link.mtu,
    up: link.up,
    carrier: hasCarrier(link, netnsLinks, resolve),
    txqlen: link.txqlen,
    stats: { ...link.stats },
  };
  if (link.masterIndex !== undefined) {
    const master = netnsLinks.get(link.masterIndex);
    if (master) info.master = master.name;
  }
  if (link.peer) {
    const peer = resolve(link.peer.netns, link.peer.ifindex);
    if (peer) {
      info.peer = { netns: link.peer.netns, ifindex: peer.ifindex, name: peer.name };
      const id = netnsId(link.peer.netns);
      if (id !== undefined) info.linkNetnsid = id;
    }
  }
  return info;
}

/** The kernel's rule for interface names (dev_valid_name): 1-15 bytes, no '/', ':' or whitespace, not '.' or '..'. */
export function isValidIfname(name: string): boolean {
  if (name.length === 0 || name.length > 15) return false;
  if (name === '.' || name === '..') return false;
  return !/[/:\s]/.test(name);
}
