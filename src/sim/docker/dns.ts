/**
 * Name resolution inside a container, in the order the C library asks:
 * /etc/hosts, then the nameserver of resolv.conf. On user networks that is
 * Docker's embedded DNS (127.0.0.11): running and paused containers of the
 * networks this container shares, by name, alias, short ID, hostname and
 * NAME.NETWORK, plus its --link aliases; other names go to the host's resolver
 * (the LAN's DNS on gw). The query to that server is a real probe, so a blocked
 * path means no answer.
 *
 * A name several containers share (a --network-alias, a scaled compose service)
 * answers with all their addresses, shuffled on every query as libnetwork's
 * resolver.go does (shuffleAddr, a Fisher-Yates pass over its own generator) for
 * round robin. Clients that connect (ping, wget, curl, nc) take the first address,
 * as getaddrinfo hands it to them: glibc's RFC 3484 sort keeps the answer's order
 * among addresses of one subnet, and musl does not sort IPv4 at all.
 */
import { formatIPv6, parseIPv6 } from '../netfilter/addr.ts';
import { formatIPv4 } from '../netfilter/inet.ts';
import type { KernelApi } from '../net/api.ts';
import type { SeededRandom } from '../net/rng.ts';
import { dnsProbeSizes, type DnsAnswer, type DnsExchange, type DnsType } from '../net/dns-message.ts';
import type { Trace } from '../net/trace.ts';
import { observedResult } from '../net/trace.ts';
import type { Engine } from './engine.ts';
import { hostsFile, namespaceOwner, usesEmbeddedDns } from './files.ts';
import type { Container, Endpoint } from './model.ts';
import { GW_IP, HOST_NS } from './world.ts';

/** What the LAN's DNS server on gw knows (the rig's zone); everything else is NXDOMAIN. */
export const LAN_ZONE: Readonly<Record<string, string>> = {
  'example.com': '203.0.113.10',
  'www.example.com': '203.0.113.10',
  'gw.lan': '192.168.1.1',
  'dockerhost.lan': '192.168.1.108',
  'client.lan': '192.168.1.20',
  // The package mirrors apk and apt fetch from stand on the one internet host (src/sim/shell/pkg-*.ts).
  'dl-cdn.alpinelinux.org': '203.0.113.10',
  'deb.debian.org': '203.0.113.10',
  'archive.ubuntu.com': '203.0.113.10',
  'security.ubuntu.com': '203.0.113.10',
  'pypi.org': '203.0.113.10',
  'files.pythonhosted.org': '203.0.113.10',
};

/** `traces`: the packets the lookup sent, in order (the question to the embedded DNS over lo, its forwarding upstream). */
export type LookupResult =
  /** `address` is the first of `addresses`, the one a connecting client uses. */
  | { kind: 'address'; address: string; addresses: readonly string[]; source: 'hosts' | 'embedded' | 'upstream'; traces?: readonly Trace[] }
  | { kind: 'nxdomain'; source: 'embedded' | 'upstream'; traces?: readonly Trace[] }
  | { kind: 'servfail'; traces?: readonly Trace[] }
  | { kind: 'timeout'; traces?: readonly Trace[] };

export function lookupInHosts(hosts: string, name: string): string | undefined {
  for (const line of hosts.split('\n')) {
    const [address, ...names] = line.split(/\s+/).filter((w) => w !== '');
    if (address && !address.startsWith('#') && names.includes(name)) return address;
  }
  return undefined;
}

export function lookup(engine: Engine, c: Container, name: string): LookupResult {
  const fromHosts = lookupInHosts(hostsFile(engine, c), name);
  if (fromHosts !== undefined && fromHosts.includes('.')) return { kind: 'address', address: fromHosts, addresses: [fromHosts], source: 'hosts' };
  if (usesEmbeddedDns(engine, c)) {
    const found = embeddedAnswer(engine, c, name);
    if (found !== undefined) return found;
    const external = [...sandboxEndpoints(engine, c)].some((ep) => !engine.networks.get(ep.networkId)?.internal);
    if (!external) return { kind: 'servfail' };
  }
  return upstream(engine, c, name);
}

/** The embedded DNS's answer for a name it knows: all its addresses, shuffled. */
function embeddedAnswer(engine: Engine, c: Container, name: string): LookupResult | undefined {
  const found = embeddedLookup(engine, c, name);
  if (found.length === 0) return undefined;
  const addresses = shuffled(engine.resolverRandom, found);
  return { kind: 'address', address: addresses[0]!, addresses, source: 'embedded' };
}

/** resolver.go's shuffleAddr: Fisher-Yates from the last element down. */
function shuffled(random: SeededRandom, items: readonly string[]): string[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const r = random.nextUint32() % (i + 1);
    [out[i], out[r]] = [out[r]!, out[i]!];
  }
  return out;
}

function embeddedLookup(engine: Engine, c: Container, name: string): string[] {
  return embeddedEndpoints(engine, c, name).map((ep) => formatIPv4(ep.ip));
}

/** Whether the embedded DNS answers the name itself (a container of the asker's user networks), whatever its records. */
export function embeddedKnows(engine: Engine, c: Container, name: string): boolean {
  return usesEmbeddedDns(engine, c) && embeddedEndpoints(engine, c, name).length > 0;
}

/**
 * The AAAA answer of the embedded DNS: the IPv6 addresses of the name's endpoints on a
 * network with IPv6, every one of them and shuffled as the A answer is (resolver.go
 * handles both types alike; golden dns-shared-alias-ipv6).
 */
export function embeddedLookup6All(engine: Engine, c: Container, name: string): string[] {
  if (!usesEmbeddedDns(engine, c)) return [];
  const found = embeddedEndpoints(engine, c, name).flatMap((ep) => (ep.ip6 === undefined ? [] : [formatIPv6(ep.ip6)]));
  return shuffled(engine.resolverRandom, found);
}

/** The IPv6 address a connecting client takes for a name: the first of the AAAA answer. */
export function embeddedLookup6(engine: Engine, c: Container, name: string): string | undefined {
  return embeddedLookup6All(engine, c, name)[0];
}

/**
 * The endpoints the name has on the first of the container's networks that
 * knows it (libnetwork's Sandbox.ResolveName stops at the first network with
 * an answer), in the order the containers joined.
 */
/**
 * The endpoints of the namespace `c` asks from: a `--network container:` container asks the
 * embedded DNS of the namespace it joined, with that container's networks (golden
 * dns-container-mode).
 */
function sandboxEndpoints(engine: Engine, c: Container): IterableIterator<Endpoint> {
  return namespaceOwner(engine, c).endpoints.values();
}

function embeddedEndpoints(engine: Engine, c: Container, name: string): Endpoint[] {
  for (const ep of sandboxEndpoints(engine, c)) {
    const network = engine.networks.get(ep.networkId)!;
    if (network.isDefault) continue;
    // `NAME.NETWORK` asks this network for NAME (libnetwork's Sandbox.ResolveName), whichever of its DNS names it is.
    const suffix = `.${network.name}`;
    const asked = name.endsWith(suffix) ? [name, name.slice(0, -suffix.length)] : [name];
    const wanted = asked.map((n) => ep.links.map((l) => l.split(':')).find(([, a]) => (a ?? '') === n)?.[0] ?? n);
    const found: Endpoint[] = [];
    for (const other of engine.containers.values()) {
      if (other.state !== 'running' && other.state !== 'paused') continue;
      const otherEp = other.endpoints.get(network.id);
      if (!otherEp) continue;
      const names = [other.name, ...otherEp.aliases, other.id.slice(0, 12), other.hostname];
      if (wanted.some((w) => names.includes(w))) found.push(otherEp);
    }
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * Asks the LAN's DNS server. A container's own query leaves from its namespace (through
 * NAT, like any of its packets); the embedded DNS forwards from dockerd's, the host's:
 * the rig's MASQUERADE counters never count a forwarded query.
 */
function upstream(engine: Engine, c: Container, name: string, type: DnsType = 'A'): LookupResult {
  const netns = usesEmbeddedDns(engine, c) ? HOST_NS : (c.netns ?? HOST_NS);
  // `--dns` servers replace the host's; only the LAN's server (gw) knows any names here.
  return askServer(engine, netns, c.dns[0] ?? GW_IP, name, type);
}

/**
 * One question to a DNS server over the network (the LAN's on gw knows LAN_ZONE, authoritatively,
 * and has no AAAA records; any other server never answers), sent from `netns`.
 */
function askServer(engine: Engine, netns: string, server: string, name: string, type: DnsType, sport?: number): LookupResult {
  const address = LAN_ZONE[name.replace(/\.$/, '')];
  const records = address !== undefined && type === 'A' ? [{ type, data: address }] : [];
  const answer: DnsAnswer = { rcode: address === undefined ? 'NXDomain' : 'NoError', authoritative: true, records, compressed: true };
  const dns = dnsQuestion(engine, netns, type, name, answer);
  const trace = engine.kernel.probe({ kind: 'udp-send', from: netns, dst: server, port: 53, dns, ...dnsProbeSizes(dns), ...(sport === undefined ? {} : { sport }) });
  if (observedResult(trace) !== 'reply' || server !== GW_IP) return { kind: 'timeout', traces: [trace] };
  return address === undefined ? { kind: 'nxdomain', source: 'upstream', traces: [trace] } : { kind: 'address', address, addresses: [address], source: 'upstream', traces: [trace] };
}

/** A question with its answer; the id is drawn from what was asked, where and when, so a replay repeats it. */
function dnsQuestion(engine: Engine, netns: string, type: DnsType, name: string, answer: DnsAnswer): DnsExchange {
  let h = 2166136261;
  for (const ch of `${netns} ${type} ${name} ${engine.kernel.now}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return { id: h & 0xffff, type, name: name.replace(/\.$/, ''), answer };
}

/**
 * The embedded DNS's own packets in the container: the question to 127.0.0.11:53 leaves
 * over lo, DOCKER_OUTPUT sends it to dockerd's socket there, and the answer comes back
 * with its source put back to port 53 (startResolverSockets installs both rules).
 */
function overLoopback(engine: Engine, c: Container, dns: DnsExchange, sport?: number): Trace[] {
  if (!c.netns) return [];
  return [engine.kernel.probe({ kind: 'udp-send', from: c.netns, dst: EMBEDDED_DNS, port: 53, dns, ...dnsProbeSizes(dns), ...(sport === undefined ? {} : { sport }) })];
}

/** What the embedded DNS answers itself: every record of the name, written out in full (it does not compress). */
function embeddedReply(records: DnsAnswer['records']): DnsAnswer {
  return { rcode: 'NoError', authoritative: false, records, compressed: false };
}

/** A question's IP length: IP 20, UDP 8, DNS header 12, the name as labels (a length byte each, a root byte), type and class 4. */
export function dnsQuerySize(name: string): number {
  const labels = name.replace(/\.$/, '').split('.').filter((l) => l !== '');
  return 20 + 8 + 12 + labels.reduce((n, l) => n + l.length + 1, 1) + 4;
}

/**
 * The sizes of one A query to the LAN's server and its answer: the question echoed, plus one
 * A record named by a compression pointer (16 bytes) when the name is known (the rig's
 * capture: 29 and 45 bytes of DNS for example.com).
 */
export function dnsSizes(name: string, answered: boolean): { size: number; replySize: number } {
  const size = dnsQuerySize(name);
  return { size, replySize: answered ? size + 16 : size };
}

export const EMBEDDED_DNS = '127.0.0.11';

/** The kernel's ip_local_port_range, where a listener bound to port 0 gets its port. */
const EPHEMERAL_FIRST = 32768;
const EPHEMERAL_LAST = 60999;

/**
 * The embedded DNS's sockets in a container's namespace (libnetwork's
 * Resolver.SetupFunc): dockerd binds a UDP and a TCP listener on 127.0.0.11,
 * port 0 each, so each gets a random ephemeral port (the container's
 * DOCKER_OUTPUT rules send port 53 there). They belong to dockerd, a process
 * the container cannot see. Started once, with the first user-defined network.
 */
export function startResolverSockets(kernel: KernelApi, random: SeededRandom, netns: string): void {
  const ns = kernel.netns(netns);
  const taken = ns?.sockets() ?? [];
  if (taken.some((s) => s.address === EMBEDDED_DNS && s.process === 'dockerd')) return;
  const port = () => EPHEMERAL_FIRST + (random.nextUint32() % (EPHEMERAL_LAST - EPHEMERAL_FIRST + 1));
  const udp = port();
  const tcp = port();
  kernel.listen(netns, { proto: 'udp', address: EMBEDDED_DNS, port: udp, process: 'dockerd' });
  kernel.listen(netns, { proto: 'tcp', address: EMBEDDED_DNS, port: tcp, process: 'dockerd' });
  // The container's own nat rules, in the order the rig's `iptables-save -t nat` in its namespace lists them (capdns.txt).
  const rules = [
    '-N DOCKER_OUTPUT',
    '-N DOCKER_POSTROUTING',
    `-A OUTPUT -d ${EMBEDDED_DNS}/32 -j DOCKER_OUTPUT`,
    `-A POSTROUTING -d ${EMBEDDED_DNS}/32 -j DOCKER_POSTROUTING`,
    `-A DOCKER_OUTPUT -d ${EMBEDDED_DNS}/32 -p tcp -m tcp --dport 53 -j DNAT --to-destination ${EMBEDDED_DNS}:${tcp}`,
    `-A DOCKER_OUTPUT -d ${EMBEDDED_DNS}/32 -p udp -m udp --dport 53 -j DNAT --to-destination ${EMBEDDED_DNS}:${udp}`,
    `-A DOCKER_POSTROUTING -s ${EMBEDDED_DNS}/32 -p tcp -m tcp --sport ${tcp} -j SNAT --to-source :53`,
    `-A DOCKER_POSTROUTING -s ${EMBEDDED_DNS}/32 -p udp -m udp --sport ${udp} -j SNAT --to-source :53`,
  ];
  // Parsed when the namespace's rules are first read: most containers' never are.
  for (const rule of rules) ns?.netfilter.iptablesLater(['-t', 'nat', ...rule.split(' ')]);
}

/**
 * One query to one server, as nslookup makes it (no /etc/hosts): the embedded
 * DNS answers container names and forwards the rest; any other server is asked
 * over the network, and only the LAN's knows names.
 */
export function queryServer(engine: Engine, c: Container, name: string, server: string, sport?: number): LookupResult {
  if (server === EMBEDDED_DNS) {
    if (!usesEmbeddedDns(engine, c)) return { kind: 'timeout' };
    const found = embeddedAnswer(engine, c, name);
    if (found?.kind === 'address') {
      const records = found.addresses.map((data) => ({ type: 'A' as const, data }));
      return { ...found, traces: overLoopback(engine, c, dnsQuestion(engine, c.netns ?? HOST_NS, 'A', name, embeddedReply(records)), sport) };
    }
    const external = [...sandboxEndpoints(engine, c)].some((ep) => !engine.networks.get(ep.networkId)?.internal);
    if (!external) return { kind: 'servfail' };
    return forwarded(engine, c, name, 'A', sport);
  }
  return askServer(engine, c.netns ?? HOST_NS, server, name, 'A', sport);
}

/**
 * A name the embedded DNS does not know goes upstream from the host (dockerd's namespace);
 * the upstream's answer comes back to the container over lo as it was.
 */
function forwarded(engine: Engine, c: Container, name: string, type: DnsType, sport?: number): LookupResult {
  const result = upstream(engine, c, name, type);
  const sent = result.traces?.[0]?.probe.dns;
  if (result.kind === 'timeout' || result.kind === 'servfail' || sent === undefined) return result;
  const asked = { ...sent, id: dnsQuestion(engine, c.netns ?? HOST_NS, type, name, sent.answer).id };
  return { ...result, traces: [...overLoopback(engine, c, asked, sport), ...(result.traces ?? [])] };
}

/**
 * The packets of the AAAA question nslookup asks beside the A one (from the same socket):
 * the embedded DNS answers a container's name with its IPv6 address or no record, and
 * forwards other names; the LAN's server has no AAAA records. What nslookup prints of the
 * answer is dns-cmds.ts's; `addresses6` is the embedded DNS's answer it printed (taken once:
 * each lookup shuffles, and the packet carries the records in the printed order).
 */
export function aaaaQueryTraces(engine: Engine, c: Container, name: string, server: string, addresses6: readonly string[], sport?: number): readonly Trace[] {
  if (server !== EMBEDDED_DNS) return askServer(engine, c.netns ?? HOST_NS, server, name, 'AAAA', sport).traces ?? [];
  if (!usesEmbeddedDns(engine, c)) return [];
  if (embeddedKnows(engine, c, name)) {
    const records = addresses6.map((data) => ({ type: 'AAAA' as const, data }));
    return overLoopback(engine, c, dnsQuestion(engine, c.netns ?? HOST_NS, 'AAAA', name, embeddedReply(records)), sport);
  }
  const external = [...sandboxEndpoints(engine, c)].some((ep) => !engine.networks.get(ep.networkId)?.internal);
  const result = external ? forwarded(engine, c, name, 'AAAA', sport) : undefined;
  return result?.traces ?? [];
}

/**
 * The resolver of a client that connects by name (getaddrinfo in glibc or musl): /etc/hosts,
 * then an A and an AAAA question to resolv.conf's server from one socket. Its traces are both
 * questions with their answers, A first (the rig's capdnsclients.txt: busybox ping, wget and
 * OpenBSD nc each ask both on one port; whether the A answer comes back before the AAAA
 * question leaves is a race there, the queue's order here). A question that times out is
 * not followed by the AAAA one: the client gives up with the A question's timeout either way.
 */
export function clientLookup(engine: Engine, c: Container, name: string): LookupResult {
  const fromHosts = lookupInHosts(hostsFile(engine, c), name);
  if (fromHosts !== undefined && fromHosts.includes('.')) return { kind: 'address', address: fromHosts, addresses: [fromHosts], source: 'hosts' };
  const server = containerNameserver(engine, c);
  const answer = queryServer(engine, c, name, server);
  if (answer.kind === 'timeout') return answer;
  const sport = answer.traces?.[0]?.hops[0]?.packet.sport;
  const addresses6 = server === EMBEDDED_DNS ? embeddedLookup6All(engine, c, name) : [];
  return { ...answer, traces: [...(answer.traces ?? []), ...aaaaQueryTraces(engine, c, name, server, addresses6, sport)] };
}

/**
 * getaddrinfo(AF_UNSPEC, AI_ADDRCONFIG), as nginx's ngx_inet_resolve_host calls it: /etc/hosts,
 * then the questions of the families the namespace has addresses of. glibc asks AAAA only when
 * an interface has an IPv6 address other than ::1 (check_pf.c), so on an IPv4-only network it
 * sends the A question alone, and both from one socket on an IPv6 one (the rig's
 * test/fixtures/tcpdump/capaddrconfig.txt: glibc's `getent ahosts`, which sets AI_ADDRCONFIG);
 * musl counts a family configured when a UDP socket can connect to its loopback, ::1 included
 * (getaddrinfo.c), so it asks both everywhere, as any client does.
 */
export function addrconfigLookup(engine: Engine, c: Container, name: string, libc: 'glibc' | 'musl'): LookupResult {
  const ipv6 = libc === 'musl' || (engine.kernel.netns(c.netns ?? HOST_NS)?.addresses6() ?? []).some((a) => a.scope !== 'host');
  if (ipv6) return clientLookup(engine, c, name);
  const fromHosts = lookupInHosts(hostsFile(engine, c), name);
  if (fromHosts !== undefined && fromHosts.includes('.')) return { kind: 'address', address: fromHosts, addresses: [fromHosts], source: 'hosts' };
  return queryServer(engine, c, name, containerNameserver(engine, c));
}

/**
 * One family's question as gethostbyname2 asks it (glibc's `getent hosts` asks AF_INET6, then
 * AF_INET): an AAAA or an A question to resolv.conf's server, each from a socket of its own
 * (test/fixtures/tcpdump/capresolve.txt). /etc/hosts is the caller's to read first.
 */
export function familyLookup(engine: Engine, c: Container, name: string, type: 'A' | 'AAAA'): { addresses: readonly string[]; traces: readonly Trace[] } {
  const server = containerNameserver(engine, c);
  if (type === 'A') {
    const answer = queryServer(engine, c, name, server);
    return { addresses: answer.kind === 'address' ? answer.addresses : [], traces: answer.traces ?? [] };
  }
  const addresses6 = server === EMBEDDED_DNS ? embeddedLookup6All(engine, c, name) : [];
  return { addresses: addresses6, traces: aaaaQueryTraces(engine, c, name, server, addresses6) };
}

/** The first nameserver of the container's resolv.conf. */
export function containerNameserver(engine: Engine, c: Container): string {
  if (c.networkMode.kind !== 'host' && usesEmbeddedDns(engine, c)) return EMBEDDED_DNS;
  return c.dns[0] ?? GW_IP;
}

/** The first name /etc/hosts gives an address (what gethostbyaddr's files source answers). */
export function nameInHosts(hosts: string, address: string): string | undefined {
  for (const line of hosts.split('\n')) {
    const [first, name] = line.split(/\s+/).filter((w) => w !== '');
    if (first === address && name !== undefined) return name;
  }
  return undefined;
}

/**
 * An address's name as a program in the container gets it (gethostbyaddr, `hosts: files dns`;
 * musl asks the same way): /etc/hosts first, with no packet, then a PTR question to
 * resolv.conf's server, whose packets are `traces`.
 */
export function addressName(engine: Engine, c: Container, address: string): { name?: string; traces: readonly Trace[] } {
  const fromHosts = nameInHosts(hostsFile(engine, c), address);
  if (fromHosts !== undefined) return { name: fromHosts, traces: [] };
  const answer = reverseQuery(engine, c, address, containerNameserver(engine, c));
  return answer.kind === 'name' ? { name: answer.name, traces: answer.traces } : { traces: answer.traces };
}

/**
 * A PTR query for an IPv4 address: the embedded DNS names containers of the
 * asker's user networks `NAME.NETWORK`; anything else goes upstream, where the
 * LAN's server knows no reverse names.
 */
export function reverseQuery(engine: Engine, c: Container, ip: string, server: string): { kind: 'name'; name: string; traces: readonly Trace[] } | { kind: 'nxdomain' | 'timeout'; traces: readonly Trace[] } {
  const address6 = ip.includes(':') ? parseIPv6(ip) : undefined;
  const ptrName = address6 !== undefined ? `${[...address6.toString(16).padStart(32, '0')].reverse().join('.')}.ip6.arpa` : `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  const viaEmbedded = server === EMBEDDED_DNS && usesEmbeddedDns(engine, c);
  if (viaEmbedded) {
    for (const ep of sandboxEndpoints(engine, c)) {
      const network = engine.networks.get(ep.networkId)!;
      if (network.isDefault) continue;
      for (const other of engine.containers.values()) {
        const otherEp = other.endpoints.get(network.id);
        const address = ip.includes(':') ? (otherEp?.ip6 === undefined ? undefined : formatIPv6(otherEp.ip6)) : otherEp && formatIPv4(otherEp.ip);
        if (!otherEp || (other.state !== 'running' && other.state !== 'paused') || address !== ip) continue;
        const name = `${other.name}.${network.name}`;
        const dns = dnsQuestion(engine, c.netns ?? HOST_NS, 'PTR', ptrName, embeddedReply([{ type: 'PTR', data: name }]));
        return { kind: 'name', name, traces: overLoopback(engine, c, dns) };
      }
    }
  }
  const upstreamServer = server === EMBEDDED_DNS ? (c.dns[0] ?? GW_IP) : server;
  const asked = askServer(engine, viaEmbedded ? HOST_NS : (c.netns ?? HOST_NS), upstreamServer, ptrName, 'PTR');
  const traces = asked.traces ?? [];
  if (asked.kind !== 'nxdomain') return { kind: 'timeout', traces };
  const sent = traces[0]?.probe.dns;
  const relayed = viaEmbedded && sent ? overLoopback(engine, c, { ...sent, id: dnsQuestion(engine, c.netns ?? HOST_NS, 'PTR', ptrName, sent.answer).id }) : [];
  return { kind: 'nxdomain', traces: [...relayed, ...traces] };
}
