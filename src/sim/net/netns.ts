/**
 * One network namespace: its links, addresses, routes, neighbour cache,
 * sysctls, sockets and its own netfilter. It answers questions about itself
 * (is this address local, which route, which source address); moving packets
 * between namespaces is the walk's job.
 */
import { Netfilter } from '../netfilter/netfilter.ts';
import type { AddrType, IpAddr, L4Proto } from '../netfilter/index.ts';
import {
  broadcastOf,
  formatIPv4,
  inPrefix,
  isLoopback,
  isMulticast,
  networkOf,
} from '../netfilter/inet.ts';
import { formatAddr, formatIPv6, parseAddr, parseIPv6, prefixMask6 } from '../netfilter/addr.ts';
import type {
  Address6Info,
  AddressInfo,
  FdbEntry,
  LinkInfo,
  NeighbourInfo,
  NetnsView,
  RouteGetInfo,
  Route6Info,
  RouteInfo,
  SocketInfo,
} from './api.ts';
import { hasCarrier, linkInfo, type Link, type LinkResolver } from './link.ts';
import { LocalAddressIndex } from './local-addrs.ts';

export interface Address {
  ifindex: number;
  addr: number;
  prefixLen: number;
  broadcast?: number;
  scope: 'host' | 'link' | 'global';
}

/** An IPv6 address configured on a device (dockerd's gateways and endpoints, with IFA_F_NODAD). */
export interface Address6 {
  ifindex: number;
  addr: bigint;
  prefixLen: number;
  nodad: boolean;
}

/** An IPv6 route added by hand or by dockerd (a container's default route). */
export interface StaticRoute6 {
  dst: bigint;
  prefixLen: number;
  via?: bigint;
  ifindex: number;
  metric: number;
}

export interface StaticRoute {
  dst: number;
  prefixLen: number;
  via?: number;
  ifindex: number;
  src?: number;
  metric: number;
  scope: 'link' | 'global';
}

export interface Socket {
  proto: L4Proto;
  addr: number;
  port: number;
  process: string;
  family?: 4 | 6;
  v6only?: boolean;
}

export interface Neighbour {
  mac?: string;
  state: NeighbourInfo['state'];
  /** An IPv6 neighbour whose advertisement had the router flag. */
  router?: boolean;
}

/** A route as the lookup returns it: the kernel's fib_result, reduced; `A` is the family's address type. */
export interface RouteDecision<A extends IpAddr = number> {
  type: 'local' | 'unicast' | 'broadcast';
  ifindex: number;
  /** Next hop when the destination is behind a gateway. */
  gateway?: A;
  /** Preferred source (the route's src, or the device's address). */
  src?: A;
  /** The `ip route` text of the route that matched, for the Trace. */
  text: string;
  /** IPv6: the matched route's prefix length (128 for a local address); ICMPv6's rate limit depends on it. */
  prefixLen?: number;
}

/** RT_SCOPE_* values: a smaller number is a wider scope. */
const SCOPE_RANK: Record<Address['scope'], number> = { global: 0, link: 253, host: 254 };

const GLOBAL_SYSCTLS: Record<string, string> = {
  'net.ipv4.ip_forward': '0',
  'net.bridge.bridge-nf-call-iptables': '1',
  'net.bridge.bridge-nf-call-ip6tables': '1',
  'net.ipv4.icmp_echo_ignore_all': '0',
};
const CONF_KEYS: Record<string, string> = {
  route_localnet: '0',
  rp_filter: '0',
  forwarding: '0',
  arp_ignore: '0',
  accept_local: '0',
};
/** net.ipv6.conf.{all,default,IF}.* */
const CONF6_KEYS: Record<string, string> = {
  disable_ipv6: '0',
  forwarding: '0',
};

/** The per-device keys as pairs, made once: every new device (two per `docker run`) copies them. */
const CONF_ENTRIES = Object.entries(CONF_KEYS);
const CONF6_ENTRIES = Object.entries(CONF6_KEYS);

export class Netns implements NetnsView {
  /** Changes only through Kernel.renameNetns. */
  name: string;
  readonly netfilter = new Netfilter();
  readonly linksByIndex = new Map<number, Link>();
  readonly linksByName = new Map<string, Link>();
  /** The IPv4 addresses, in the order they were added; changed only through pushAddress, removeAddressAt and detach. */
  private readonly addrList: Address[] = [];
  /** isLocal's and addrType's index of addrList; dropped when it or the devices change, rebuilt when next read. */
  private localIndex: LocalAddressIndex<Address> | undefined;
  readonly staticRoutes: StaticRoute[] = [];
  readonly addrs6: Address6[] = [];
  readonly staticRoutes6: StaticRoute6[] = [];
  /** Order in which devices got their link-local address: their fe80::/64 routes follow it. */
  private addrconfCount = 0;
  /** Per device: ARP entries (IPv4 keys) and neighbour discovery's (IPv6 keys). */
  readonly neigh = new Map<number, Map<IpAddr, Neighbour>>();
  /** The ICMP error rate limiter's state per peer address (inet_peer's rate_tokens and rate_last, in ms). */
  readonly icmpPeers = new Map<IpAddr, { tokens: number; last: number }>();
  readonly socketList: Socket[] = [];
  private readonly sysctls = new Map<string, string>();
  /** peernet2id: the ids this namespace gave the namespaces its links lead into, in order of first use. */
  private readonly peerIds = new Map<string, number>();
  /** The ids in peerIds, and no free id lies below `lowestFreePeerId` (allocation stays O(1) with thousands of peers). */
  private readonly usedPeerIds = new Set<number>();
  private lowestFreePeerId = 0;
  private nextIfindex = 1;
  private readonly resolve: LinkResolver;

  constructor(name: string, resolve: LinkResolver) {
    this.name = name;
    this.resolve = resolve;
    for (const [k, v] of Object.entries(GLOBAL_SYSCTLS)) this.sysctls.set(k, v);
    for (const scope of ['all', 'default']) {
      for (const [k, v] of Object.entries(CONF_KEYS)) this.sysctls.set(`net.ipv4.conf.${scope}.${k}`, v);
      for (const [k, v] of Object.entries(CONF6_KEYS)) this.sysctls.set(`net.ipv6.conf.${scope}.${k}`, v);
    }
  }

  get addrs(): readonly Address[] {
    return this.addrList;
  }

  pushAddress(address: Address): void {
    this.addrList.push(address);
    this.localIndex = undefined;
  }

  removeAddressAt(i: number): void {
    this.addrList.splice(i, 1);
    this.localIndex = undefined;
  }

  private localAddrs(): LocalAddressIndex<Address> {
    return (this.localIndex ??= new LocalAddressIndex(this.addrList, this.linksByIndex));
  }

  // ---- netns ids -------------------------------------------------------------

  /** The id for a peer namespace, allocating the lowest free one on first use (as peernet2id_alloc). */
  allocatePeerId(netns: string): number {
    const known = this.peerIds.get(netns);
    if (known !== undefined) return known;
    let id = this.lowestFreePeerId;
    while (this.usedPeerIds.has(id)) id++;
    this.peerIds.set(netns, id);
    this.usedPeerIds.add(id);
    this.lowestFreePeerId = id + 1;
    return id;
  }

  /** A namespace went away: its id is free again. */
  /** A peer namespace got another name: its id stays. */
  renamePeer(netns: string, newName: string): void {
    const id = this.peerIds.get(netns);
    if (id === undefined) return;
    this.peerIds.delete(netns);
    this.peerIds.set(newName, id);
  }

  releasePeerId(netns: string): void {
    const id = this.peerIds.get(netns);
    if (id === undefined) return;
    this.peerIds.delete(netns);
    this.usedPeerIds.delete(id);
    this.lowestFreePeerId = Math.min(this.lowestFreePeerId, id);
  }

  netnsId(netns: string): number | undefined {
    return netns === this.name ? undefined : this.peerIds.get(netns);
  }

  // ---- links -------------------------------------------------------------

  /** The kernel hands out ifindexes per namespace, increasing, skipping ones in use. */
  allocateIfindex(wanted?: number): number {
    if (wanted !== undefined && !this.linksByIndex.has(wanted)) return wanted;
    while (this.linksByIndex.has(this.nextIfindex)) this.nextIfindex++;
    return this.nextIfindex++;
  }

  attach(link: Link): void {
    this.localIndex = undefined;
    this.linksByIndex.set(link.ifindex, link);
    this.linksByName.set(link.name, link);
    for (const [k, v] of CONF_ENTRIES) {
      const inherited = this.sysctls.get(`net.ipv4.conf.default.${k}`) ?? v;
      this.sysctls.set(`net.ipv4.conf.${link.name}.${k}`, inherited);
    }
    for (const [k, v] of CONF6_ENTRIES) {
      this.sysctls.set(`net.ipv6.conf.${link.name}.${k}`, this.sysctls.get(`net.ipv6.conf.default.${k}`) ?? v);
    }
  }

  detach(link: Link): void {
    this.localIndex = undefined;
    this.linksByIndex.delete(link.ifindex);
    this.linksByName.delete(link.name);
    for (const k of Object.keys(CONF_KEYS)) this.sysctls.delete(`net.ipv4.conf.${link.name}.${k}`);
    for (const k of Object.keys(CONF6_KEYS)) this.sysctls.delete(`net.ipv6.conf.${link.name}.${k}`);
    delete link.addrconf;
    this.removeAddressesOf(link.ifindex);
    this.removeRoutesVia(link.ifindex);
    this.neigh.delete(link.ifindex);
  }

  rename(link: Link, newName: string): void {
    const saved = new Map<string, string>();
    for (const [family, keys] of [['ipv4', CONF_KEYS], ['ipv6', CONF6_KEYS]] as const) {
      for (const k of Object.keys(keys)) {
        const key = `net.${family}.conf.${link.name}.${k}`;
        saved.set(`${family}.${k}`, this.sysctls.get(key) ?? '0');
        this.sysctls.delete(key);
      }
    }
    this.linksByName.delete(link.name);
    link.name = newName;
    this.linksByName.set(newName, link);
    for (const [k, v] of saved) {
      const [family, key] = k.split('.') as [string, string];
      this.sysctls.set(`net.${family}.conf.${newName}.${key}`, v);
    }
  }

  /**
   * addrconf: a device that is up, has carrier and IPv6 enabled gets its ::1 or
   * fe80:: address; it keeps it when the carrier goes, loses it when the device
   * goes down or IPv6 is disabled on it.
   */
  syncAddrconf(changed?: readonly Link[]): void {
    const allOff = this.sysctl('net.ipv6.conf.all.disable_ipv6') === '1';
    for (const link of changed ? this.withMasters(changed) : this.linksByIndex.values()) {
      const off = allOff || this.sysctl(`net.ipv6.conf.${link.name}.disable_ipv6`) === '1';
      if (!link.up || off) delete link.addrconf;
      else if (this.carrier(link) && !link.addrconf) link.addrconf = ++this.addrconfCount;
    }
  }

  /** Devices of this namespace among `links`, with the bridges above them (a bridge's carrier follows its ports'). */
  private withMasters(links: readonly Link[]): Set<Link> {
    const out = new Set<Link>();
    for (let link of links) {
      while (this.linksByIndex.get(link.ifindex) === link && !out.has(link)) {
        out.add(link);
        const master = link.masterIndex === undefined ? undefined : this.linksByIndex.get(link.masterIndex);
        if (!master) break;
        link = master;
      }
    }
    return out;
  }

  carrier(link: Link): boolean {
    return hasCarrier(link, this.linksByIndex, this.resolve);
  }

  removeAddressesOf(ifindex: number): void {
    for (let i = this.addrs6.length - 1; i >= 0; i--) if (this.addrs6[i]!.ifindex === ifindex) this.addrs6.splice(i, 1);
    for (let i = this.staticRoutes6.length - 1; i >= 0; i--) if (this.staticRoutes6[i]!.ifindex === ifindex) this.staticRoutes6.splice(i, 1);
    for (let i = this.addrList.length - 1; i >= 0; i--) if (this.addrList[i]!.ifindex === ifindex) this.addrList.splice(i, 1);
    this.localIndex = undefined;
  }

  /** A device going down or away takes its static routes with it, as in the kernel. */
  removeRoutesVia(ifindex: number): void {
    for (let i = this.staticRoutes.length - 1; i >= 0; i--) {
      if (this.staticRoutes[i]!.ifindex === ifindex) this.staticRoutes.splice(i, 1);
    }
  }

  // ---- addresses and routing -------------------------------------------------

  /** Addresses whose device is up: the ones the local table knows. */
  private activeAddrs(): Address[] {
    return this.addrs.filter((a) => this.linksByIndex.get(a.ifindex)?.up === true);
  }

  isLocal(addr: IpAddr): boolean {
    if (typeof addr === 'bigint') return this.isLocal6(addr);
    // Every hop asks this: a lookup by value, not a loop over the addresses (local-addrs.ts).
    return this.localAddrs().isLocal(addr, this.linksByIndex);
  }

  addrType(addr: IpAddr): AddrType {
    if (this.isLocal(addr)) return 'LOCAL';
    if (typeof addr === 'bigint') return addr >> 120n === 0xffn ? 'MULTICAST' : 'UNICAST';
    if (addr === 0 || addr === 0xffffffff) return 'BROADCAST';
    if (isMulticast(addr)) return 'MULTICAST';
    return this.localAddrs().isBroadcast(addr, this.linksByIndex) ? 'BROADCAST' : 'UNICAST';
  }

  /** Connected routes (proto kernel) from addresses on up devices, plus static routes. */
  private connectedRoutes(): StaticRoute[] {
    const seen = new Set<string>();
    const out: StaticRoute[] = [];
    for (const a of this.activeAddrs()) {
      const link = this.linksByIndex.get(a.ifindex)!;
      if (link.kind === 'loopback' || a.prefixLen === 32) continue;
      const dst = networkOf(a.addr, a.prefixLen);
      const key = `${dst}/${a.prefixLen}/${a.ifindex}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ dst, prefixLen: a.prefixLen, ifindex: a.ifindex, src: a.addr, metric: 0, scope: 'link' });
    }
    return out;
  }

  /** Longest prefix first, then lowest metric; connected routes win ties as the kernel lists them first. */
  lookupRoute(dst: number): RouteDecision | undefined;
  lookupRoute(dst: bigint): RouteDecision<bigint> | undefined;
  lookupRoute(dst: IpAddr): RouteDecision<IpAddr> | undefined;
  lookupRoute(dst: IpAddr): RouteDecision<IpAddr> | undefined {
    if (typeof dst === 'bigint') return this.lookupRoute6(dst);
    if (this.isLocal(dst)) {
      const owner = this.activeAddrs().find((a) => a.addr === dst);
      const lo = [...this.linksByIndex.values()].find((l) => l.kind === 'loopback');
      return {
        type: 'local',
        ifindex: lo?.ifindex ?? owner?.ifindex ?? 1,
        // An address of a local prefix nobody holds (127.0.0.11 in 127.0.0.0/8) gets the prefix's own address as source, as the local table's `src 127.0.0.1` says.
        src: owner ? dst : (this.activeAddrs().find((a) => inPrefix(dst, networkOf(a.addr, a.prefixLen), a.prefixLen))?.addr ?? dst),
        text: `local ${formatIPv4(dst)} dev ${owner ? this.linksByIndex.get(owner.ifindex)!.name : 'lo'}`,
      };
    }
    let best: { route: StaticRoute; connected: boolean } | undefined;
    const consider = (route: StaticRoute, connected: boolean) => {
      if (!inPrefix(dst, route.dst, route.prefixLen)) return;
      if (!this.linksByIndex.get(route.ifindex)?.up) return;
      if (
        !best ||
        route.prefixLen > best.route.prefixLen ||
        (route.prefixLen === best.route.prefixLen && route.metric < best.route.metric)
      ) {
        best = { route, connected };
      }
    };
    // The connected routes, as connectedRoutes() lists them, without building that list
    // (a duplicate of an earlier route is never better than it, so it changes nothing).
    for (const a of this.addrs) {
      const link = this.linksByIndex.get(a.ifindex);
      if (link?.up !== true || link.kind === 'loopback' || a.prefixLen === 32) continue;
      if (!inPrefix(dst, a.addr, a.prefixLen)) continue;
      consider({ dst: networkOf(a.addr, a.prefixLen), prefixLen: a.prefixLen, ifindex: a.ifindex, src: a.addr, metric: 0, scope: 'link' }, true);
    }
    for (const r of this.staticRoutes) consider(r, false);
    if (!best) return undefined;
    const { route } = best;
    const type = this.addrType(dst) === 'BROADCAST' ? 'broadcast' : 'unicast';
    const decision: RouteDecision = {
      type,
      ifindex: route.ifindex,
      text: this.routeText(route, best.connected),
    };
    if (route.via !== undefined) decision.gateway = route.via;
    decision.src = route.src ?? this.selectSource(route.ifindex, route.via ?? dst);
    return decision;
  }

  /**
   * inet_select_addr: on the device, an address whose subnet holds the next hop, else
   * its first; else the first address of any device in ifindex order. Only addresses
   * whose scope is within `maxScope` count (MASQUERADE asks for global ones, so lo's
   * 127.0.0.1 never masquerades a packet), and link-scope ones never from other devices.
   */
  selectSource(ifindex: number, nexthop: number, maxScope: 'global' | 'link' | 'host' = 'link'): number | undefined {
    const limit = SCOPE_RANK[maxScope];
    const ok = (a: Address) => SCOPE_RANK[a.scope] <= limit;
    const onDev = this.addrs.filter((a) => a.ifindex === ifindex && ok(a));
    const sameNet = onDev.find((a) => inPrefix(nexthop, a.addr, a.prefixLen));
    if (sameNet) return sameNet.addr;
    if (onDev[0]) return onDev[0].addr;
    const byDevice = [...this.addrs].sort((a, b) => a.ifindex - b.ifindex);
    return byDevice.find((a) => ok(a) && a.scope !== 'link')?.addr;
  }

  // ---- IPv6: the local addresses and the main table's lookup --------------------

  /** The device's link-local address, once addrconf gave it one. */
  private linkLocalOf(link: Link): bigint | undefined {
    return link.addrconf && link.kind !== 'loopback' ? parseIPv6(linkLocal6(link.mac)) : undefined;
  }

  /** ::1 on an up lo with IPv6, a global address on an up device, or an up device's link-local. */
  private isLocal6(addr: bigint): boolean {
    for (const link of this.linksByIndex.values()) {
      if (!link.up || !link.addrconf) continue;
      if (link.kind === 'loopback' ? addr === 1n : this.linkLocalOf(link) === addr) return true;
    }
    return this.addrs6.some((a) => a.addr === addr && this.linksByIndex.get(a.ifindex)?.up === true);
  }

  /**
   * fib6_lookup in the main table: the prefix routes of addresses, fe80::/64 on each
   * device with a link-local address, the static routes; longest prefix, then lowest
   * metric. A device whose IPv6 is disabled has none of them.
   */
  private lookupRoute6(dst: bigint): RouteDecision<bigint> | undefined {
    if (this.isLocal6(dst)) {
      const lo = [...this.linksByIndex.values()].find((l) => l.kind === 'loopback');
      return { type: 'local', ifindex: lo?.ifindex ?? 1, src: dst, text: `local ${formatIPv6(dst)} dev lo table local proto kernel metric 0 pref medium`, prefixLen: 128 };
    }
    let best: (StaticRoute6 & { proto?: 'kernel' }) | undefined;
    const consider = (r: StaticRoute6 & { proto?: 'kernel' }): void => {
      if ((dst & prefixMask6(r.prefixLen)) !== r.dst || this.linksByIndex.get(r.ifindex)?.up !== true) return;
      if (!best || r.prefixLen > best.prefixLen || (r.prefixLen === best.prefixLen && r.metric < best.metric)) best = r;
    };
    for (const a of this.addrs6) consider({ dst: a.addr & prefixMask6(a.prefixLen), prefixLen: a.prefixLen, ifindex: a.ifindex, metric: 256, proto: 'kernel' });
    const lls = [...this.linksByIndex.values()].filter((l) => l.addrconf && l.kind !== 'loopback').sort((a, b) => a.addrconf! - b.addrconf!);
    for (const link of lls) consider({ dst: 0xfe80n << 112n, prefixLen: 64, ifindex: link.ifindex, metric: 256, proto: 'kernel' });
    for (const r of this.staticRoutes6) consider(r);
    const route: (StaticRoute6 & { proto?: 'kernel' }) | undefined = best;
    if (!route) return undefined;
    const dev = this.linksByIndex.get(route.ifindex)!;
    const dstText = route.prefixLen === 0 ? 'default' : `${formatIPv6(route.dst)}/${route.prefixLen}`;
    const via = route.via === undefined ? '' : ` via ${formatIPv6(route.via)}`;
    const proto = route.proto ? ` proto ${route.proto}` : '';
    const decision: RouteDecision<bigint> = { type: 'unicast', ifindex: route.ifindex, text: `${dstText}${via} dev ${dev.name}${proto} metric ${route.metric} pref medium`, prefixLen: route.prefixLen };
    if (route.via !== undefined) decision.gateway = route.via;
    const src = this.selectSource6(route.ifindex, dst);
    if (src !== undefined) decision.src = src;
    return decision;
  }

  /**
   * IPv6 source selection (RFC 6724, the rules that matter here): a link-local
   * destination gets the device's link-local address; any other a global address,
   * the outgoing device's first (the one sharing the destination's prefix first),
   * else one of another device.
   */
  selectSource6(ifindex: number, dst: bigint): bigint | undefined {
    const dev = this.linksByIndex.get(ifindex);
    if (dst >> 118n === 0x3fan) return dev ? this.linkLocalOf(dev) : undefined;
    const up = this.addrs6.filter((a) => this.linksByIndex.get(a.ifindex)?.up === true);
    const onDev = up.filter((a) => a.ifindex === ifindex);
    const sameNet = onDev.find((a) => (dst & prefixMask6(a.prefixLen)) === (a.addr & prefixMask6(a.prefixLen)));
    return (sameNet ?? onDev[0] ?? up[0])?.addr;
  }

  private routeText(route: StaticRoute, connected: boolean): string {
    const dev = this.linksByIndex.get(route.ifindex)?.name ?? '?';
    const dst = route.prefixLen === 0 ? 'default' : `${formatIPv4(route.dst)}/${route.prefixLen}`;
    if (connected) return `${dst} dev ${dev} proto kernel scope link src ${formatIPv4(route.src!)}`;
    let text = dst;
    if (route.via !== undefined) text += ` via ${formatIPv4(route.via)}`;
    text += ` dev ${dev}`;
    if (route.src !== undefined) text += ` src ${formatIPv4(route.src)}`;
    if (route.metric) text += ` metric ${route.metric}`;
    return text;
  }

  // ---- sockets -------------------------------------------------------------

  /**
   * The socket a packet for addr:port reaches: an IPv4 one an AF_INET socket or an AF_INET6
   * one on `::` (unless v6only); an IPv6 one only AF_INET6 sockets (on `::`, or `::1` for ::1).
   */
  findSocket(proto: L4Proto, addr: IpAddr, port: number): Socket | undefined {
    if (typeof addr === 'bigint') {
      return this.socketList.find((s) => s.proto === proto && s.port === port && s.family === 6 && (s.addr === 0 || addr === 1n));
    }
    return this.socketList.find(
      (s) => s.proto === proto && s.port === port && !(s.family === 6 && (s.v6only || s.addr !== 0)) && (s.addr === 0 || s.addr === addr),
    );
  }

  // ---- sysctl --------------------------------------------------------------

  sysctl(key: string): string | undefined {
    return this.sysctls.get(normalizeSysctlKey(key));
  }

  hasSysctl(key: string): boolean {
    return this.sysctls.has(normalizeSysctlKey(key));
  }

  writeSysctl(key: string, value: string): void {
    const k = normalizeSysctlKey(key);
    this.sysctls.set(k, value);
    // ip_forward and conf.all.forwarding are one switch in the kernel.
    if (k === 'net.ipv4.ip_forward') this.sysctls.set('net.ipv4.conf.all.forwarding', value);
    if (k === 'net.ipv4.conf.all.forwarding') this.sysctls.set('net.ipv4.ip_forward', value);
  }

  sysctlFlag(key: string): boolean {
    const v = this.sysctl(key);
    return v !== undefined && v !== '0';
  }

  // ---- NetnsView -----------------------------------------------------------

  links(): LinkInfo[] {
    return [...this.linksByIndex.values()]
      .sort((a, b) => a.ifindex - b.ifindex)
      .map((l) => linkInfo(l, this.linksByIndex, this.resolve, (ns) => this.netnsId(ns)));
  }

  link(name: string): LinkInfo | undefined {
    const l = this.linksByName.get(name);
    return l && linkInfo(l, this.linksByIndex, this.resolve, (ns) => this.netnsId(ns));
  }

  addresses(): AddressInfo[] {
    const byLink = [...this.addrs].sort((a, b) => a.ifindex - b.ifindex);
    return byLink.map((a) => {
      const info: AddressInfo = {
        ifname: this.linksByIndex.get(a.ifindex)!.name,
        address: formatIPv4(a.addr),
        prefixLen: a.prefixLen,
        scope: a.scope,
      };
      if (a.broadcast !== undefined) info.broadcast = formatIPv4(a.broadcast);
      return info;
    });
  }

  addresses6(): Address6Info[] {
    const out: Address6Info[] = [];
    for (const link of [...this.linksByIndex.values()].sort((a, b) => a.ifindex - b.ifindex)) {
      if (!link.addrconf) continue;
      if (link.kind === 'loopback') out.push({ ifname: link.name, address: '::1', prefixLen: 128, scope: 'host' });
    }
    // The kernel lists a device's global addresses before its link-local one.
    for (const link of [...this.linksByIndex.values()].sort((a, b) => a.ifindex - b.ifindex)) {
      for (const a of this.addrs6) {
        if (a.ifindex !== link.ifindex) continue;
        const info: Address6Info = { ifname: link.name, address: formatIPv6(a.addr), prefixLen: a.prefixLen, scope: 'global' };
        if (a.nodad) info.nodad = true;
        out.push(info);
      }
      if (link.addrconf && link.kind !== 'loopback') out.push({ ifname: link.name, address: linkLocal6(link.mac), prefixLen: 64, scope: 'link' });
    }
    const order = new Map([...this.linksByIndex.values()].map((l) => [l.name, l.ifindex]));
    return out.sort((a, b) => order.get(a.ifname)! - order.get(b.ifname)!);
  }

  /**
   * The IPv6 routes of the main table (prefix routes of addresses, fe80::/64 per
   * device in the order they got their link-local address, static ones) and the
   * local table's multicast ff00::/8 per device, in the kernel's dump order:
   * by destination, the default route (the trie's root) last, then multicast.
   */
  routes6(): Route6Info[] {
    const main: (Route6Info & { key: bigint; seq: number })[] = [];
    const multicast: Route6Info[] = [];
    const carrier = (ifindex: number) => this.carrier(this.linksByIndex.get(ifindex)!);
    for (const a of this.addrs6) {
      const link = this.linksByIndex.get(a.ifindex);
      if (!link?.up) continue;
      const dst = a.addr & prefixMask6(a.prefixLen);
      main.push({ dst: `${formatIPv6(dst)}/${a.prefixLen}`, dev: link.name, proto: 'kernel', metric: 256, linkdown: !carrier(link.ifindex), key: dst, seq: 0 });
    }
    const lls = [...this.linksByIndex.values()].filter((l) => l.addrconf && l.kind !== 'loopback' && l.up).sort((a, b) => a.addrconf! - b.addrconf!);
    for (const link of lls) {
      main.push({ dst: 'fe80::/64', dev: link.name, proto: 'kernel', metric: 256, linkdown: !carrier(link.ifindex), key: 0xfe80n << 112n, seq: link.addrconf! });
    }
    for (const r of this.staticRoutes6) {
      const link = this.linksByIndex.get(r.ifindex);
      if (!link?.up) continue;
      const route: Route6Info & { key: bigint; seq: number } = {
        dst: r.prefixLen === 0 ? 'default' : `${formatIPv6(r.dst)}/${r.prefixLen}`, dev: link.name, metric: r.metric, linkdown: !carrier(r.ifindex), key: r.prefixLen === 0 ? 1n << 128n : r.dst, seq: 0,
      };
      if (r.via !== undefined) route.via = formatIPv6(r.via);
      main.push(route);
    }
    for (const link of lls) multicast.push({ dst: 'ff00::/8', dev: link.name, metric: 256, linkdown: !carrier(link.ifindex), multicast: true });
    main.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.seq - b.seq));
    return [...main.map(({ key: _key, seq: _seq, ...r }) => r), ...multicast];
  }

  routeGet(dst: string): RouteGetInfo | undefined {
    const addr = parseAddr(dst);
    if (addr === undefined) return undefined;
    const decision = this.lookupRoute(addr);
    if (!decision) return undefined;
    const info: RouteGetInfo = {
      type: decision.type,
      dst: formatAddr(addr),
      dev: this.linksByIndex.get(decision.ifindex)?.name ?? '?',
    };
    if (decision.gateway !== undefined) info.via = formatAddr(decision.gateway);
    if (decision.src !== undefined) info.src = formatAddr(decision.src);
    return info;
  }

  hasDefaultRoute(family: 4 | 6): boolean {
    // As routes() and routes6() list them: a static route with prefix 0 on a device that is up.
    for (const r of family === 4 ? this.staticRoutes : this.staticRoutes6) {
      if (r.prefixLen === 0 && this.linksByIndex.get(r.ifindex)?.up === true) return true;
    }
    return false;
  }

  routes(): RouteInfo[] {
    const toInfo = (r: StaticRoute, connected: boolean): RouteInfo => {
      const link = this.linksByIndex.get(r.ifindex)!;
      const info: RouteInfo = {
        dst: r.prefixLen === 0 ? 'default' : r.prefixLen === 32 ? formatIPv4(r.dst) : `${formatIPv4(r.dst)}/${r.prefixLen}`,
        prefixLen: r.prefixLen,
        dev: link.name,
        linkdown: !this.carrier(link),
      };
      if (r.via !== undefined) info.via = formatIPv4(r.via);
      if (connected) {
        info.proto = 'kernel';
        info.scope = 'link';
      } else {
        info.proto = 'boot';
        if (r.scope === 'link') info.scope = 'link';
      }
      if (r.src !== undefined) info.src = formatIPv4(r.src);
      if (r.metric) info.metric = r.metric;
      return info;
    };
    const all = [
      ...this.staticRoutes.filter((r) => this.linksByIndex.get(r.ifindex)?.up).map((r) => toInfo(r, false)),
      ...this.connectedRoutes().map((r) => toInfo(r, true)),
    ];
    // iproute2 dumps the main table in the kernel's trie order: by destination, default first.
    const key = (r: RouteInfo) => (r.dst === 'default' ? -1 : parseDst(r.dst));
    return all.sort((a, b) => key(a) - key(b) || a.prefixLen - b.prefixLen || (a.metric ?? 0) - (b.metric ?? 0));
  }

  neighbours(): NeighbourInfo[] {
    const out: NeighbourInfo[] = [];
    for (const [ifindex, table] of this.neigh) {
      const link = this.linksByIndex.get(ifindex);
      if (!link) continue;
      for (const [addr, n] of table) {
        const info: NeighbourInfo = { ifname: link.name, address: formatAddr(addr), state: n.state };
        if (n.mac) info.mac = n.mac;
        if (n.router) info.router = true;
        out.push(info);
      }
    }
    return out;
  }

  sockets(): SocketInfo[] {
    return this.socketList.map((s) => {
      const info: SocketInfo = { proto: s.proto, address: s.family === 6 ? (s.addr === 0 ? '::' : '::1') : formatIPv4(s.addr), port: s.port, process: s.process };
      if (s.family === 6) info.family = 6;
      if (s.v6only) info.v6only = true;
      return info;
    });
  }

  fdb(bridge: string): FdbEntry[] {
    const br = this.linksByName.get(bridge);
    if (!br || br.kind !== 'bridge') return [];
    const out: FdbEntry[] = [];
    for (const portIndex of br.ports ?? []) {
      const port = this.linksByIndex.get(portIndex);
      if (port) out.push({ mac: port.mac, port: port.name, local: true });
    }
    for (const [mac, portIndex] of br.fdb ?? []) {
      const port = this.linksByIndex.get(portIndex);
      if (port) out.push({ mac, port: port.name, local: false });
    }
    return out;
  }

  broadcastFor(addr: number, prefixLen: number): number {
    return broadcastOf(addr, prefixLen);
  }

  isLoopbackAddr(addr: number): boolean {
    return isLoopback(addr);
  }
}

/** The EUI-64 link-local address of a MAC (U/L bit flipped, ff:fe in the middle), as addrconf makes it. */
export function linkLocal6(mac: string): string {
  const b = mac.split(':').map((h) => parseInt(h, 16));
  const words = [0xfe80, 0, 0, 0, ((b[0]! ^ 2) << 8) | b[1]!, (b[2]! << 8) | 0xff, 0xfe00 | b[3]!, (b[4]! << 8) | b[5]!];
  // RFC 5952: the longest run of zero words becomes "::".
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j;
  }
  const hex = (ws: number[]) => ws.map((w) => w.toString(16)).join(':');
  return `${hex(words.slice(0, best.at))}::${hex(words.slice(best.at + best.len))}`;
}

function parseDst(dst: string): number {
  const [a = '0'] = dst.split('/');
  return a.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

/** `sysctl` accepts both dots and slashes. */
export function normalizeSysctlKey(key: string): string {
  return key.includes('/') ? key.replace(/\//g, '.') : key;
}
