/**
 * The kernel model: every namespace of the simulated machine(s), and the
 * netlink-like operations that change them. Each operation validates first and
 * throws a KernelError with iproute2's wording before touching anything, so a
 * failed command leaves the world as it was.
 */
import type { L4Proto } from '../netfilter/index.ts';
import { formatIPv4, parseCidr, parseIPv4, broadcastOf, inPrefix } from '../netfilter/inet.ts';
import { parseIPv6 } from '../netfilter/addr.ts';
import { KernelError, type KernelApi, type NetnsView, type NewLinkOptions, type RouteSpec, type SocketInfo } from './api.ts';
import { isValidIfname, zeroStats, type Link } from './link.ts';
import { BridgeIndex } from './bridge-index.ts';
import { Netns } from './netns.ts';
import { SeededRandom } from './rng.ts';
import type { Exchange, Probe, Trace } from './trace.ts';
import { walkExchange, walkProbe } from './walk.ts';

export interface KernelOptions {
  /** Seed for MAC addresses (and anything else random); same seed, same world. */
  seed?: number;
  /** Virtual clock start, epoch milliseconds. */
  startTime?: number;
}

const DEFAULT_START = Date.UTC(2026, 10, 23, 22, 0, 0);
/** DEFAULT_TX_QUEUE_LEN: what a device gets when its creator does not ask for a queue length. */
const DEFAULT_TXQLEN = 1000;

export class Kernel implements KernelApi {
  private readonly spaces = new Map<string, Netns>();
  /** What bridges' ports lead to, kept for the walk; every change to a device or an IPv4 address marks it stale. */
  readonly bridgeIndex = new BridgeIndex();
  readonly random: SeededRandom;
  private clock: number;

  constructor(options: KernelOptions = {}) {
    this.random = new SeededRandom(options.seed ?? 1);
    this.clock = options.startTime ?? DEFAULT_START;
  }

  get now(): number {
    return this.clock;
  }

  advance(ms: number): void {
    this.clock += ms;
  }

  during<T>(moment: number, fn: () => T): T {
    const present = this.clock;
    this.clock = Math.min(moment, present);
    try {
      return fn();
    } finally {
      this.clock = Math.max(present, this.clock);
    }
  }

  // ---- namespaces ------------------------------------------------------------

  addNetns(name: string): NetnsView {
    if (this.spaces.has(name)) {
      throw new KernelError('EEXIST', `Cannot create namespace file "/run/netns/${name}": File exists`);
    }
    const ns = new Netns(name, (n, i) => this.spaces.get(n)?.linksByIndex.get(i));
    this.spaces.set(name, ns);
    const lo: Link = { ifindex: ns.allocateIfindex(), name: 'lo', kind: 'loopback', mac: '00:00:00:00:00:00', mtu: 65536, up: false, txqlen: DEFAULT_TXQLEN, stats: zeroStats() };
    ns.attach(lo);
    return ns;
  }

  deleteNetns(name: string): void {
    this.bridgeIndex.changed();
    const ns = this.requireNetns(name);
    // Destroying a namespace destroys its veth ends, and with them their peers.
    for (const link of [...ns.linksByIndex.values()]) {
      if (link.kind === 'veth') this.deleteLink(name, link.name);
    }
    this.spaces.delete(name);
    for (const other of this.spaces.values()) other.releasePeerId(name);
    // Nothing outside read this namespace's devices: deleteLink settled its veths' peers.
  }

  renameNetns(name: string, newName: string): void {
    this.bridgeIndex.changed();
    const ns = this.requireNetns(name);
    if (this.spaces.has(newName)) throw new KernelError('EEXIST', `Cannot create namespace file "/run/netns/${newName}": File exists`);
    this.spaces.delete(name);
    ns.name = newName;
    this.spaces.set(newName, ns);
    for (const other of this.spaces.values()) {
      other.renamePeer(name, newName);
      for (const link of other.linksByIndex.values()) if (link.peer?.netns === name) link.peer = { ...link.peer, netns: newName };
    }
  }

  netns(name: string): Netns | undefined {
    return this.spaces.get(name);
  }

  namespaces(): Netns[] {
    return [...this.spaces.values()];
  }

  requireNetns(name: string): Netns {
    const ns = this.spaces.get(name);
    if (!ns) throw new KernelError('ENOENT', `Cannot open network namespace "${name}": No such file or directory`);
    return ns;
  }

  resolveLink(netns: string, ifindex: number): Link | undefined {
    return this.spaces.get(netns)?.linksByIndex.get(ifindex);
  }

  requireLink(ns: Netns, name: string): Link {
    const link = ns.linksByName.get(name);
    if (!link) throw new KernelError('ENODEV', `Cannot find device "${name}"`);
    return link;
  }

  // ---- links -------------------------------------------------------------------

  private checkNewName(ns: Netns, name: string): void {
    if (!isValidIfname(name)) throw new KernelError('EINVAL', `Error: argument "${name}" is wrong: "name" not a valid ifname`);
    if (ns.linksByName.has(name)) throw new KernelError('EEXIST', 'RTNETLINK answers: File exists');
  }

  addVeth(netns: string, name: string, peerName: string, peerNetns?: string, opts: NewLinkOptions = {}): void {
    this.bridgeIndex.changed();
    const ns = this.requireNetns(netns);
    const peerNs = peerNetns === undefined ? ns : this.requireNetns(peerNetns);
    this.checkNewName(ns, name);
    this.checkNewName(peerNs, peerName);
    if (ns === peerNs && name === peerName) throw new KernelError('EEXIST', 'RTNETLINK answers: File exists');
    // veth_newlink registers the peer first, so it gets the lower index when both share a namespace.
    const txqlen = opts.txqlen ?? DEFAULT_TXQLEN;
    const peer: Link = { ifindex: peerNs.allocateIfindex(opts.peerIndex), name: peerName, kind: 'veth', mac: this.random.mac(), mtu: 1500, up: false, txqlen, stats: zeroStats() };
    peerNs.attach(peer);
    const self: Link = { ifindex: ns.allocateIfindex(opts.index), name, kind: 'veth', mac: this.random.mac(), mtu: 1500, up: false, txqlen, stats: zeroStats() };
    ns.attach(self);
    self.peer = { netns: peerNs.name, ifindex: peer.ifindex };
    peer.peer = { netns: ns.name, ifindex: self.ifindex };
    this.linkNamespaces(ns, peerNs);
  }

  /** A link now joins two namespaces: each gives the other a netnsid if it has none yet. */
  private linkNamespaces(a: Netns, b: Netns): void {
    if (a === b) return;
    a.allocatePeerId(b.name);
    b.allocatePeerId(a.name);
  }

  /**
   * Derived state that follows a change to one device: IPv6 autoconfiguration of
   * devices that came up with carrier. What can change is the device itself, the
   * bridges above it and, for a veth, the other end and the bridges above that
   * (its carrier follows this end); every other device reads nothing that changed,
   * so a change costs a few devices, not the whole world.
   */
  private settleLink(ns: Netns, link: Link): void {
    ns.syncAddrconf([link]);
    const peer = link.peer && this.resolveLink(link.peer.netns, link.peer.ifindex);
    if (peer) this.spaces.get(link.peer!.netns)!.syncAddrconf([peer]);
  }

  addBridge(netns: string, name: string, opts: Pick<NewLinkOptions, 'index' | 'txqlen'> = {}): void {
    this.bridgeIndex.changed();
    const ns = this.requireNetns(netns);
    this.checkNewName(ns, name);
    ns.attach({
      ifindex: ns.allocateIfindex(opts.index),
      name,
      kind: 'bridge',
      mac: this.random.mac(),
      mtu: 1500,
      up: false,
      ports: [],
      fdb: new Map(),
      txqlen: opts.txqlen ?? DEFAULT_TXQLEN,
      stats: zeroStats(),
    });
  }

  moveLink(netns: string, name: string, target: string, newName?: string): void {
    this.bridgeIndex.changed();
    const ns = this.requireNetns(netns);
    const link = this.requireLink(ns, name);
    const dest = this.requireNetns(target);
    if (dest === ns && newName === undefined) return;
    if (link.kind !== 'veth') throw new KernelError('EINVAL', 'RTNETLINK answers: Invalid argument');
    const finalName = newName ?? name;
    this.checkNewName(dest, finalName);
    if (link.masterIndex !== undefined) this.setMaster(netns, name, undefined);
    // Moving a device takes it down and drops its addresses and routes.
    link.up = false;
    ns.detach(link);
    link.ifindex = dest.allocateIfindex(link.ifindex);
    link.name = finalName;
    dest.attach(link);
    const peer = link.peer && this.resolveLink(link.peer.netns, link.peer.ifindex);
    if (peer) peer.peer = { netns: dest.name, ifindex: link.ifindex };
    if (link.peer) this.linkNamespaces(dest, this.requireNetns(link.peer.netns));
    this.settleLink(dest, link);
  }

  renameLink(netns: string, name: string, newName: string): void {
    this.bridgeIndex.changed();
    const ns = this.requireNetns(netns);
    const link = this.requireLink(ns, name);
    if (name === newName) return;
    this.checkNewName(ns, newName);
    if (link.up) throw new KernelError('EBUSY', 'RTNETLINK answers: Device or resource busy');
    ns.rename(link, newName);
  }

  deleteLink(netns: string, name: string): void {
    this.bridgeIndex.changed();
    const ns = this.requireNetns(netns);
    const link = this.requireLink(ns, name);
    if (link.kind === 'loopback') throw new KernelError('EOPNOTSUPP', 'RTNETLINK answers: Operation not supported');
    if (link.masterIndex !== undefined) this.setMaster(netns, name, undefined);
    if (link.kind === 'bridge') for (const port of [...(link.ports ?? [])]) {
      const p = ns.linksByIndex.get(port);
      if (p) this.setMaster(netns, p.name, undefined);
    }
    ns.detach(link);
    if (link.peer) {
      const peerNs = this.spaces.get(link.peer.netns);
      const peer = peerNs?.linksByIndex.get(link.peer.ifindex);
      if (peerNs && peer) {
        if (peer.masterIndex !== undefined) this.setMaster(peerNs.name, peer.name, undefined);
        peerNs.detach(peer);
      }
    }
    // Both ends are gone and setMaster settled the bridges they left: nothing else read them.
  }

  setLinkUp(netns: string, name: string, up: boolean): void {
    this.bridgeIndex.changed();
    const ns = this.requireNetns(netns);
    const link = this.requireLink(ns, name);
    link.up = up;
    if (!up) {
      ns.removeRoutesVia(link.ifindex);
      ns.neigh.delete(link.ifindex);
    }
    this.settleLink(ns, link);
  }

  setMaster(netns: string, name: string, bridge: string | undefined): void {
    this.bridgeIndex.changed();
    const ns = this.requireNetns(netns);
    const link = this.requireLink(ns, name);
    if (bridge === undefined) {
      if (link.masterIndex === undefined) return;
      const master = ns.linksByIndex.get(link.masterIndex);
      if (master?.ports) master.ports = master.ports.filter((i) => i !== link.ifindex);
      if (master?.fdb) for (const [mac, port] of master.fdb) if (port === link.ifindex) master.fdb.delete(mac);
      delete link.masterIndex;
      if (master) this.settleLink(ns, master);
      return;
    }
    const br = this.requireLink(ns, bridge);
    if (br.kind !== 'bridge' || link === br) throw new KernelError('EOPNOTSUPP', 'RTNETLINK answers: Operation not supported');
    if (link.kind === 'loopback') throw new KernelError('EINVAL', 'RTNETLINK answers: Invalid argument');
    if (link.masterIndex === br.ifindex) return;
    if (link.masterIndex !== undefined) this.setMaster(netns, name, undefined);
    link.masterIndex = br.ifindex;
    br.ports!.push(link.ifindex);
    this.settleLink(ns, link);
  }

  setMac(netns: string, name: string, mac: string): void {
    this.bridgeIndex.changed();
    const link = this.requireLink(this.requireNetns(netns), name);
    if (!/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(mac)) throw new KernelError('EINVAL', `"${mac}" is invalid lladdr.`);
    link.mac = mac.toLowerCase();
  }

  setMtu(netns: string, name: string, mtu: number): void {
    const link = this.requireLink(this.requireNetns(netns), name);
    if (!Number.isInteger(mtu) || mtu < 68 || mtu > 65535) throw new KernelError('EINVAL', 'RTNETLINK answers: Invalid argument');
    link.mtu = mtu;
  }

  // ---- addresses and routes ------------------------------------------------------

  addAddress(netns: string, ifname: string, cidr: string, opts: { broadcast?: boolean } = {}): void {
    this.bridgeIndex.changed();
    const ns = this.requireNetns(netns);
    const link = this.requireLink(ns, ifname);
    const parsed = parseCidr(cidr, true);
    if (!parsed) throw new KernelError('EINVAL', `Error: any valid prefix is expected rather than "${cidr}".`);
    if (ns.addrs.some((a) => a.ifindex === link.ifindex && a.addr === parsed.addr)) {
      throw new KernelError('EEXIST', 'RTNETLINK answers: File exists');
    }
    const scope = link.kind === 'loopback' && inPrefix(parsed.addr, 0x7f000000, 8) ? 'host' : 'global';
    const address: (typeof ns.addrs)[number] = { ifindex: link.ifindex, addr: parsed.addr, prefixLen: parsed.prefixLen, scope };
    if (opts.broadcast && parsed.prefixLen < 31) address.broadcast = broadcastOf(parsed.addr, parsed.prefixLen);
    ns.pushAddress(address);
  }

  deleteAddress(netns: string, ifname: string, cidr: string): void {
    this.bridgeIndex.changed();
    const ns = this.requireNetns(netns);
    const link = this.requireLink(ns, ifname);
    const parsed = parseCidr(cidr, true);
    const i = parsed ? ns.addrs.findIndex((a) => a.ifindex === link.ifindex && a.addr === parsed.addr) : -1;
    if (i < 0) throw new KernelError('EADDRNOTAVAIL', 'RTNETLINK answers: Cannot assign requested address');
    ns.removeAddressAt(i);
  }

  addAddress6(netns: string, ifname: string, cidr: string, opts: { nodad?: boolean } = {}): void {
    const ns = this.requireNetns(netns);
    const link = this.requireLink(ns, ifname);
    const parsed = parseCidr6Text(cidr);
    if (!parsed) throw new KernelError('EINVAL', `Error: inet6 prefix is expected rather than "${cidr}".`);
    if (ns.addrs6.some((a) => a.ifindex === link.ifindex && a.addr === parsed.addr)) throw new KernelError('EEXIST', 'RTNETLINK answers: File exists');
    ns.addrs6.push({ ifindex: link.ifindex, addr: parsed.addr, prefixLen: parsed.prefixLen, nodad: opts.nodad ?? false });
  }

  deleteAddress6(netns: string, ifname: string, cidr: string): void {
    const ns = this.requireNetns(netns);
    const link = this.requireLink(ns, ifname);
    const parsed = parseCidr6Text(cidr);
    const i = parsed ? ns.addrs6.findIndex((a) => a.ifindex === link.ifindex && a.addr === parsed.addr) : -1;
    if (i < 0) throw new KernelError('EADDRNOTAVAIL', 'RTNETLINK answers: Cannot assign requested address');
    ns.addrs6.splice(i, 1);
  }

  addRoute6(netns: string, route: { dst: 'default'; via: string; dev: string }): void {
    const ns = this.requireNetns(netns);
    const link = this.requireLink(ns, route.dev);
    const via = parseIPv6(route.via);
    if (via === undefined) throw new KernelError('EINVAL', `Error: inet6 address is expected rather than "${route.via}".`);
    if (ns.staticRoutes6.some((r) => r.prefixLen === 0 && r.ifindex === link.ifindex)) throw new KernelError('EEXIST', 'RTNETLINK answers: File exists');
    ns.staticRoutes6.push({ dst: 0n, prefixLen: 0, via, ifindex: link.ifindex, metric: 1024 });
  }

  deleteRoute6(netns: string, route: { dst: 'default'; dev?: string }): void {
    const ns = this.requireNetns(netns);
    const ifindex = route.dev === undefined ? undefined : this.requireLink(ns, route.dev).ifindex;
    const i = ns.staticRoutes6.findIndex((r) => r.prefixLen === 0 && (ifindex === undefined || r.ifindex === ifindex));
    if (i < 0) throw new KernelError('ESRCH', 'RTNETLINK answers: No such process');
    ns.staticRoutes6.splice(i, 1);
  }

  private parseRouteSpec(ns: Netns, spec: RouteSpec) {
    const dst = spec.dst === 'default' ? { addr: 0, prefixLen: 0 } : parseCidr(spec.dst);
    if (!dst) throw new KernelError('EINVAL', `Error: any valid prefix is expected rather than "${spec.dst}".`);
    const via = spec.via === undefined ? undefined : parseIPv4(spec.via);
    if (spec.via !== undefined && via === undefined) {
      throw new KernelError('EINVAL', `Error: inet address is expected rather than "${spec.via}".`);
    }
    const src = spec.src === undefined ? undefined : parseIPv4(spec.src);
    let ifindex: number | undefined;
    if (spec.dev !== undefined) ifindex = this.requireLink(ns, spec.dev).ifindex;
    return { dst, via, src, ifindex, metric: spec.metric ?? 0 };
  }

  addRoute(netns: string, spec: RouteSpec): void {
    const ns = this.requireNetns(netns);
    const r = this.parseRouteSpec(ns, spec);
    let ifindex = r.ifindex;
    if (r.via !== undefined) {
      // The gateway must be reachable on a connected (link-scope) route.
      const hop = ns.lookupRoute(r.via);
      const onLink = hop && hop.type === 'unicast' && hop.gateway === undefined && (ifindex === undefined || hop.ifindex === ifindex);
      if (!onLink) throw new KernelError('ENETUNREACH', 'Error: Nexthop has invalid gateway.');
      ifindex = hop.ifindex;
    }
    if (ifindex === undefined) throw new KernelError('ENODEV', 'Error: Device for nexthop is not up.');
    if (!ns.linksByIndex.get(ifindex)!.up) throw new KernelError('ENETDOWN', 'Error: Device for nexthop is not up.');
    if (r.src !== undefined && !ns.isLocal(r.src)) throw new KernelError('EINVAL', 'Error: Invalid prefsrc address.');
    const clash = ns.staticRoutes.some((s) => s.dst === r.dst.addr && s.prefixLen === r.dst.prefixLen && s.metric === r.metric);
    if (clash) throw new KernelError('EEXIST', 'RTNETLINK answers: File exists');
    const route: (typeof ns.staticRoutes)[number] = {
      dst: r.dst.addr,
      prefixLen: r.dst.prefixLen,
      ifindex,
      metric: r.metric,
      scope: r.via === undefined ? 'link' : 'global',
    };
    if (r.via !== undefined) route.via = r.via;
    if (r.src !== undefined) route.src = r.src;
    ns.staticRoutes.push(route);
  }

  deleteRoute(netns: string, spec: RouteSpec): void {
    const ns = this.requireNetns(netns);
    const r = this.parseRouteSpec(ns, spec);
    const i = ns.staticRoutes.findIndex(
      (s) =>
        s.dst === r.dst.addr &&
        s.prefixLen === r.dst.prefixLen &&
        (r.via === undefined || s.via === r.via) &&
        (r.ifindex === undefined || s.ifindex === r.ifindex),
    );
    if (i < 0) throw new KernelError('ESRCH', 'RTNETLINK answers: No such process');
    ns.staticRoutes.splice(i, 1);
  }

  // ---- sysctl, sockets, neighbours -----------------------------------------------

  setSysctl(netns: string, key: string, value: string): void {
    const ns = this.requireNetns(netns);
    if (!ns.hasSysctl(key)) {
      throw new KernelError('ENOENT', `sysctl: cannot stat /proc/sys/${key.replace(/\./g, '/')}: No such file or directory`);
    }
    ns.writeSysctl(key, value);
    // A sysctl (all.disable_ipv6, a device's disable_ipv6) reaches every device of its namespace.
    ns.syncAddrconf();
  }

  listen(netns: string, socket: SocketInfo): void {
    const ns = this.requireNetns(netns);
    const family = socket.family ?? 4;
    const addr = family === 6 ? parseIPv6Bind(socket.address) : parseIPv4(socket.address);
    if (addr === undefined) throw new KernelError('EINVAL', `bad address ${socket.address}`);
    const v6only = family === 6 && socket.v6only === true;
    // Two sockets clash on a port when they share a family (or one is a dual-stack `::`) and an address (or one is a wildcard).
    const stacks = (f: 4 | 6, only: boolean) => (f === 4 ? ['4'] : only ? ['6'] : addr === 0 ? ['4', '6'] : ['6']);
    const mine = stacks(family, v6only);
    const busy = ns.socketList.some(
      (s) => s.proto === socket.proto && s.port === socket.port && (s.addr === 0 || addr === 0 || s.addr === addr) &&
        stacks(s.family ?? 4, s.v6only === true).some((f) => mine.includes(f)),
    );
    if (busy) throw new KernelError('EADDRINUSE', 'Address already in use');
    const entry: (typeof ns.socketList)[number] = { proto: socket.proto, addr, port: socket.port, process: socket.process };
    if (family === 6) entry.family = 6;
    if (v6only) entry.v6only = true;
    ns.socketList.push(entry);
  }

  unlisten(netns: string, proto: L4Proto, address: string, port: number): void {
    const ns = this.requireNetns(netns);
    const v6 = address.includes(':');
    const addr = v6 ? parseIPv6Bind(address) : parseIPv4(address);
    const i = ns.socketList.findIndex((s) => s.proto === proto && s.port === port && s.addr === addr && (s.family === 6) === v6);
    if (i >= 0) ns.socketList.splice(i, 1);
  }

  flushNeighbours(netns: string): void {
    this.requireNetns(netns).neigh.clear();
  }

  probe(probe: Probe): Trace {
    return walkProbe(this, probe);
  }

  converse(trace: Trace, exchange: Exchange): void {
    walkExchange(this, trace, exchange);
  }

  /** For messages: an address as text. */
  static ip(addr: number): string {
    return formatIPv4(addr);
  }
}

/** The IPv6 addresses a socket can bind in the model: `::` (any, stored as 0) and `::1` (stored as 1). */
function parseIPv6Bind(text: string): number | undefined {
  if (text === '::') return 0;
  if (text === '::1') return 1;
  return undefined;
}

/** `ADDR/N` (or a bare address, /128) as IPv6. */
function parseCidr6Text(text: string): { addr: bigint; prefixLen: number } | undefined {
  const [a, len] = text.split('/');
  const addr = parseIPv6(a ?? '');
  const prefixLen = len === undefined ? 128 : /^\d{1,3}$/.test(len) ? Number(len) : NaN;
  if (addr === undefined || !(prefixLen <= 128)) return undefined;
  return { addr, prefixLen };
}
