/**
 * The public face of the kernel model: what dockerd does through netlink and
 * sysctl, what `ip` and `brctl` read, and the probes that walk packets. The
 * Docker engine (src/sim/docker), the shells and the real-kernel exporter use
 * only this, never the internals.
 */
import type { Netfilter } from '../netfilter/netfilter.ts';
import type { L4Proto } from '../netfilter/index.ts';
import type { Exchange, Probe, Trace } from './trace.ts';

export type LinkKind = 'loopback' | 'veth' | 'bridge';

/** A read-only view of one link, as `ip -d link` would describe it. */
export interface LinkInfo {
  ifindex: number;
  name: string;
  kind: LinkKind;
  mac: string;
  mtu: number;
  /** Administrative state (`ip link set X up`). */
  up: boolean;
  /** Operational: carrier present (LOWER_UP). A bridge has carrier when a port is running. */
  carrier: boolean;
  /** Bridge this link is a port of, if any. */
  master?: string;
  /** veth: where the other end lives. */
  peer?: { netns: string; ifindex: number; name: string };
  /** veth with its peer in another namespace: the id this namespace gives that one (`link-netnsid N`). */
  linkNetnsid?: number;
  /** Transmit queue length (`qlen`): 1000 unless the creator asked otherwise (dockerd asks for 0). */
  txqlen: number;
  /** Packets and bytes through the device, counted by the packet walk. */
  stats: LinkStats;
}

export interface LinkStats {
  rxPackets: number;
  rxBytes: number;
  txPackets: number;
  txBytes: number;
}

/** An IPv6 address: `::1` on lo and the EUI-64 link-local `fe80::` the kernel configures itself, global ones given with `ip -6 addr add` (dockerd's, with `nodad`). */
export interface Address6Info {
  ifname: string;
  address: string;
  prefixLen: number;
  scope: 'host' | 'link' | 'global';
  /** IFA_F_NODAD: iproute2 prints `nodad`, busybox `flags 02`. */
  nodad?: boolean;
}

/** One IPv6 route as the kernel dumps it (main table, and the local table's multicast routes). */
export interface Route6Info {
  /** `default` or `PREFIX/LEN`. */
  dst: string;
  via?: string;
  dev: string;
  proto?: 'kernel';
  metric: number;
  linkdown: boolean;
  /** `multicast ff00::/8` of the local table: busybox `ip -6 route` shows it, iproute2's main-table dump does not. */
  multicast?: true;
}

/** What `ip route get ADDR` answers: the route the kernel would use, resolved. */
export interface RouteGetInfo {
  type: 'local' | 'unicast' | 'broadcast';
  dst: string;
  via?: string;
  dev: string;
  src?: string;
}

export interface AddressInfo {
  ifname: string;
  /** Dotted quad. */
  address: string;
  prefixLen: number;
  /** Broadcast address `ip addr` prints (`brd`), if set. */
  broadcast?: string;
  scope: 'host' | 'link' | 'global';
}

export interface RouteInfo {
  /** `default` or a CIDR such as `172.17.0.0/16` (host routes as `10.0.0.1`, as iproute2 prints). */
  dst: string;
  prefixLen: number;
  via?: string;
  dev: string;
  /** `proto kernel` for connected routes made from addresses. */
  proto?: 'kernel' | 'boot' | 'static';
  scope?: 'link' | 'host' | 'global';
  src?: string;
  metric?: number;
  /** The device has no carrier: `ip route` prints `linkdown`. */
  linkdown: boolean;
}

export interface NeighbourInfo {
  ifname: string;
  address: string;
  mac?: string;
  state: 'REACHABLE' | 'STALE' | 'FAILED' | 'INCOMPLETE' | 'PERMANENT';
  /** IPv6: the neighbour advertised itself as a router (NTF_ROUTER: `ip neigh` prints `router`). */
  router?: boolean;
}

export interface SocketInfo {
  proto: L4Proto;
  /** Bound address, `0.0.0.0` for any. */
  address: string;
  port: number;
  process: string;
  /** An AF_INET6 socket: bound to `::` it takes IPv4 too unless `v6only` (Go's `[::]` listeners set IPV6_V6ONLY). Default 4. */
  family?: 4 | 6;
  v6only?: boolean;
}

export interface FdbEntry {
  mac: string;
  port: string;
  local: boolean;
}

/** What a creator may ask of new devices, as netlink's IFLA_TXQLEN and ifi_index. */
export interface NewLinkOptions {
  /** The device's ifindex (`index N`), when free. */
  index?: number;
  /** The veth peer's ifindex, when free. */
  peerIndex?: number;
  /** Transmit queue length of the device (and of a veth's peer); the kernel's default is 1000. */
  txqlen?: number;
}

export interface RouteSpec {
  /** `default` or `A.B.C.D/N` (a bare address means /32). */
  dst: string;
  via?: string;
  dev?: string;
  src?: string;
  metric?: number;
}

/**
 * A kernel error, with the text iproute2 prints for it (`RTNETLINK answers: File exists`,
 * `Cannot find device "x"`). The state is unchanged when one is thrown.
 */
export class KernelError extends Error {
  readonly errno: string;
  constructor(errno: string, message: string) {
    super(message);
    this.name = 'KernelError';
    this.errno = errno;
  }
}

/** The namespace-level view: everything `ip`, `brctl`, `sysctl` and iptables read in one netns. */
export interface NetnsView {
  readonly name: string;
  readonly netfilter: Netfilter;
  links(): LinkInfo[];
  link(name: string): LinkInfo | undefined;
  addresses(): AddressInfo[];
  /** IPv6 addresses (lo's ::1, global ones, link-locals), in device order. */
  addresses6(): Address6Info[];
  /** IPv6 routes in the kernel's dump order. */
  routes6(): Route6Info[];
  /** The main routing table, in the order `ip route` prints it. */
  routes(): RouteInfo[];
  /** Whether `routes()` (or `routes6()`) lists a default route, without formatting the table. */
  hasDefaultRoute(family: 4 | 6): boolean;
  /** The route lookup for a destination of either family (`ip route get`); undefined when unreachable. */
  routeGet(dst: string): RouteGetInfo | undefined;
  /** The id this namespace gives another one it has seen a link into (`link-netnsid`). */
  netnsId(netns: string): number | undefined;
  neighbours(): NeighbourInfo[];
  sockets(): SocketInfo[];
  sysctl(key: string): string | undefined;
  /** Bridge forwarding database of a bridge in this namespace. */
  fdb(bridge: string): FdbEntry[];
}

export interface KernelApi {
  /** Virtual clock in milliseconds; the kernel never reads a real one. */
  readonly now: number;
  advance(ms: number): void;
  /**
   * Runs `fn` with the clock at an earlier moment (a process that slept through it
   * catches up: its next sleep counts from when it woke), then back at the present,
   * or later if `fn` moved the clock past it.
   */
  during<T>(moment: number, fn: () => T): T;

  addNetns(name: string): NetnsView;
  deleteNetns(name: string): void;
  /**
   * Gives a namespace another name, as moving its bind-mounted file does (dockerd's
   * sandbox files): its links, addresses and sockets stay; links that lead into it follow.
   */
  renameNetns(name: string, newName: string): void;
  netns(name: string): NetnsView | undefined;
  namespaces(): NetnsView[];

  /** `ip link add NAME [index N] [txqueuelen Q] type veth peer name PEER [netns PEERNS] [index N]`; both ends start down. */
  addVeth(netns: string, name: string, peerName: string, peerNetns?: string, opts?: NewLinkOptions): void;
  /** `ip link add NAME [txqueuelen Q] type bridge`; starts down. */
  addBridge(netns: string, name: string, opts?: Pick<NewLinkOptions, 'index' | 'txqlen'>): void;
  /** `ip link set NAME netns TARGET [name NEWNAME]`; keeps its ifindex when free there. */
  moveLink(netns: string, name: string, target: string, newName?: string): void;
  renameLink(netns: string, name: string, newName: string): void;
  deleteLink(netns: string, name: string): void;
  setLinkUp(netns: string, name: string, up: boolean): void;
  /** `ip link set NAME master BRIDGE` (or `nomaster` with undefined). */
  setMaster(netns: string, name: string, bridge: string | undefined): void;
  setMac(netns: string, name: string, mac: string): void;
  setMtu(netns: string, name: string, mtu: number): void;

  /** `ip addr add A.B.C.D/N [broadcast +] dev IF`: also adds the connected route. */
  addAddress(netns: string, ifname: string, cidr: string, opts?: { broadcast?: boolean }): void;
  deleteAddress(netns: string, ifname: string, cidr: string): void;
  /** `ip -6 addr add ADDR/N dev IF [nodad]`: also adds the prefix route. */
  addAddress6(netns: string, ifname: string, cidr: string, opts?: { nodad?: boolean }): void;
  deleteAddress6(netns: string, ifname: string, cidr: string): void;
  /** `ip -6 route add default via ADDR dev IF` (metric 1024, the kernel's default for IPv6). */
  addRoute6(netns: string, route: { dst: 'default'; via: string; dev: string }): void;
  deleteRoute6(netns: string, route: { dst: 'default'; dev?: string }): void;
  addRoute(netns: string, route: RouteSpec): void;
  deleteRoute(netns: string, route: RouteSpec): void;

  /** `sysctl -w KEY=VALUE` (net.ipv4.ip_forward, net.bridge.bridge-nf-call-iptables, net.ipv4.conf.X.route_localnet). */
  setSysctl(netns: string, key: string, value: string): void;

  /** A process listening on a TCP port or bound to a UDP port (`0.0.0.0` for any address). */
  listen(netns: string, socket: SocketInfo): void;
  unlisten(netns: string, proto: L4Proto, address: string, port: number): void;

  /** `ip neigh flush all` in a namespace (tests reset ARP state between probes). */
  flushNeighbours(netns: string): void;

  /** Walk one probe (request and reply legs) through the model. Never throws for network reasons. */
  probe(probe: Probe): Trace;
  /**
   * The segments after the handshake of a connect `trace` made, walked once their sizes
   * are known (an HTTP answer is known only after the connect reached its server).
   */
  converse(trace: Trace, exchange: Exchange): void;
}
