/**
 * Name resolution inside a container, in the order the C library asks:
 * /etc/hosts, then the nameserver of resolv.conf. On user networks that is
 * Docker's embedded DNS (127.0.0.11): running and paused containers of the
 * networks this container shares, by name, alias, short ID, hostname and
 * NAME.NETWORK, plus its --link aliases; other names go to the host's resolver
 * (the LAN's DNS on gw). The query to that server is a real probe, so a blocked
 * path means no answer.
 */
import { formatIPv6 } from '../netfilter/addr.ts';
import { formatIPv4 } from '../netfilter/inet.ts';
import type { Trace } from '../net/trace.ts';
import { observedResult } from '../net/trace.ts';
import type { Engine } from './engine.ts';
import { hostsFile, usesEmbeddedDns } from './files.ts';
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

export type LookupResult =
  | { kind: 'address'; address: string; source: 'hosts' | 'embedded' | 'upstream'; trace?: Trace }
  | { kind: 'nxdomain'; source: 'embedded' | 'upstream'; trace?: Trace }
  | { kind: 'servfail' }
  | { kind: 'timeout'; trace?: Trace };

export function lookupInHosts(hosts: string, name: string): string | undefined {
  for (const line of hosts.split('\n')) {
    const [address, ...names] = line.split(/\s+/).filter((w) => w !== '');
    if (address && !address.startsWith('#') && names.includes(name)) return address;
  }
  return undefined;
}

export function lookup(engine: Engine, c: Container, name: string): LookupResult {
  const fromHosts = lookupInHosts(hostsFile(engine, c), name);
  if (fromHosts !== undefined && fromHosts.includes('.')) return { kind: 'address', address: fromHosts, source: 'hosts' };
  if (usesEmbeddedDns(engine, c)) {
    const found = embeddedLookup(engine, c, name);
    if (found !== undefined) return { kind: 'address', address: found, source: 'embedded' };
    const external = [...c.endpoints.values()].some((ep) => !engine.networks.get(ep.networkId)?.internal);
    if (!external) return { kind: 'servfail' };
  }
  return upstream(engine, c, name);
}

function embeddedLookup(engine: Engine, c: Container, name: string): string | undefined {
  const found = embeddedEndpoint(engine, c, name);
  return found && formatIPv4(found.ip);
}

/** The AAAA answer of the embedded DNS: the IPv6 address of the name's endpoint, on a network with IPv6. */
export function embeddedLookup6(engine: Engine, c: Container, name: string): string | undefined {
  if (!usesEmbeddedDns(engine, c)) return undefined;
  const found = embeddedEndpoint(engine, c, name);
  return found?.ip6 === undefined ? undefined : formatIPv6(found.ip6);
}

function embeddedEndpoint(engine: Engine, c: Container, name: string): Endpoint | undefined {
  for (const ep of c.endpoints.values()) {
    const network = engine.networks.get(ep.networkId)!;
    if (network.isDefault) continue;
    // `NAME.NETWORK` asks this network for NAME (libnetwork's Sandbox.ResolveName), whichever of its DNS names it is.
    const suffix = `.${network.name}`;
    const asked = name.endsWith(suffix) ? [name, name.slice(0, -suffix.length)] : [name];
    const wanted = asked.map((n) => ep.links.map((l) => l.split(':')).find(([, a]) => (a ?? '') === n)?.[0] ?? n);
    for (const other of engine.containers.values()) {
      if (other.state !== 'running' && other.state !== 'paused') continue;
      const otherEp = other.endpoints.get(network.id);
      if (!otherEp) continue;
      const names = [other.name, ...otherEp.aliases, other.id.slice(0, 12), other.hostname];
      if (wanted.some((w) => names.includes(w))) return otherEp;
    }
  }
  return undefined;
}

/** Asks the LAN's DNS server, from the container's namespace (through NAT, like any of its packets). */
function upstream(engine: Engine, c: Container, name: string): LookupResult {
  const netns = c.netns ?? HOST_NS;
  // `--dns` servers replace the host's; only the LAN's server (gw) knows any names here.
  const server = c.dns[0] ?? GW_IP;
  const trace = engine.kernel.probe({ kind: 'udp-send', from: netns, dst: server, port: 53 });
  if (observedResult(trace) !== 'reply' || server !== GW_IP) return { kind: 'timeout', trace };
  const address = LAN_ZONE[name.replace(/\.$/, '')];
  return address === undefined ? { kind: 'nxdomain', source: 'upstream', trace } : { kind: 'address', address, source: 'upstream', trace };
}

export const EMBEDDED_DNS = '127.0.0.11';

/**
 * One query to one server, as nslookup makes it (no /etc/hosts): the embedded
 * DNS answers container names and forwards the rest; any other server is asked
 * over the network, and only the LAN's knows names.
 */
export function queryServer(engine: Engine, c: Container, name: string, server: string): LookupResult {
  if (server === EMBEDDED_DNS) {
    if (!usesEmbeddedDns(engine, c)) return { kind: 'timeout' };
    const found = embeddedLookup(engine, c, name);
    if (found !== undefined) return { kind: 'address', address: found, source: 'embedded' };
    const external = [...c.endpoints.values()].some((ep) => !engine.networks.get(ep.networkId)?.internal);
    if (!external) return { kind: 'servfail' };
    return upstream(engine, c, name);
  }
  const trace = engine.kernel.probe({ kind: 'udp-send', from: c.netns ?? HOST_NS, dst: server, port: 53 });
  if (observedResult(trace) !== 'reply' || server !== GW_IP) return { kind: 'timeout', trace };
  const address = LAN_ZONE[name.replace(/\.$/, '')];
  return address === undefined ? { kind: 'nxdomain', source: 'upstream', trace } : { kind: 'address', address, source: 'upstream', trace };
}

/** The first nameserver of the container's resolv.conf. */
export function containerNameserver(engine: Engine, c: Container): string {
  if (c.networkMode.kind !== 'host' && usesEmbeddedDns(engine, c)) return EMBEDDED_DNS;
  return c.dns[0] ?? GW_IP;
}

/**
 * A PTR query for an IPv4 address: the embedded DNS names containers of the
 * asker's user networks `NAME.NETWORK`; anything else goes upstream, where the
 * LAN's server knows no reverse names.
 */
export function reverseQuery(engine: Engine, c: Container, ip: string, server: string): { kind: 'name'; name: string } | { kind: 'nxdomain' | 'timeout' } {
  if (server === EMBEDDED_DNS && usesEmbeddedDns(engine, c)) {
    for (const ep of c.endpoints.values()) {
      const network = engine.networks.get(ep.networkId)!;
      if (network.isDefault) continue;
      for (const other of engine.containers.values()) {
        const otherEp = other.endpoints.get(network.id);
        if (otherEp && (other.state === 'running' || other.state === 'paused') && formatIPv4(otherEp.ip) === ip) return { kind: 'name', name: `${other.name}.${network.name}` };
      }
    }
  }
  const upstreamServer = server === EMBEDDED_DNS ? (c.dns[0] ?? GW_IP) : server;
  const trace = engine.kernel.probe({ kind: 'udp-send', from: c.netns ?? HOST_NS, dst: upstreamServer, port: 53 });
  return observedResult(trace) === 'reply' && upstreamServer === GW_IP ? { kind: 'nxdomain' } : { kind: 'timeout' };
}
