/**
 * Hand-written worlds of the kernel differential, each aimed at one piece of
 * the packet walk: bridging, forwarding, isolation, DNAT and MASQUERADE,
 * REJECT vs DROP, conntrack, the raw table, closed ports, missing routes and
 * missing neighbours. Every probe runs in the simulator and in the real kernel.
 */
import type { Probe, ProbeKind } from '../../src/sim/net/trace.ts';
import type { WorldCase } from './differential.ts';
import { WorldBuilder } from './world.ts';

function probe(from: string, kind: ProbeKind, dst: string, port?: number): Probe {
  const p: Probe = { kind, from, dst };
  if (port !== undefined) p.port = port;
  return p;
}
const ping = (from: string, dst: string) => probe(from, 'icmp-echo', dst);
const tcp = (from: string, dst: string, port: number) => probe(from, 'tcp-connect', dst, port);
const udp = (from: string, dst: string, port: number) => probe(from, 'udp-send', dst, port);
/** The three kinds at once. */
const all = (from: string, dst: string, tcpPort: number, udpPort: number) => [ping(from, dst), tcp(from, dst, tcpPort), udp(from, dst, udpPort)];

/** Docker's default bridge: host, docker0 172.17.0.1/16, two containers. */
function oneBridge(): WorldBuilder {
  return new WorldBuilder()
    .host()
    .bridge('docker0', '172.17.0.1/16')
    .container('c1', 'docker0', '172.17.0.2/16', '172.17.0.1')
    .container('c2', 'docker0', '172.17.0.3/16', '172.17.0.1')
    .listen('c1', 'tcp', 80)
    .listen('c1', 'udp', 53)
    .listen('host', 'tcp', 22);
}

/** Two user networks, a1 a2 on br1 and b1 on br2. */
function twoBridges(opts: { ipForward?: boolean } = {}): WorldBuilder {
  const w = new WorldBuilder()
    .host(opts)
    .bridge('br1', '172.18.0.1/16')
    .bridge('br2', '172.19.0.1/16')
    .container('a1', 'br1', '172.18.0.2/16', '172.18.0.1')
    .container('a2', 'br1', '172.18.0.3/16', '172.18.0.1')
    .container('b1', 'br2', '172.19.0.2/16', '172.19.0.1');
  for (const c of ['a1', 'a2', 'b1']) w.listen(c, 'tcp', 80).listen(c, 'udp', 53);
  return w;
}

/** A LAN machine 192.168.100.2 in front of the host's 192.168.100.1, and docker0 behind. */
function published(opts: { masquerade: boolean; containerDefaultRoute: boolean }): WorldBuilder {
  const w = new WorldBuilder()
    .host()
    .bridge('docker0', '172.17.0.1/16')
    .container('web', 'docker0', '172.17.0.2/16', opts.containerDefaultRoute ? '172.17.0.1' : undefined)
    .container('peer', 'docker0', '172.17.0.3/16', '172.17.0.1')
    .lan('lan', 'eth0', '192.168.100.1/24', '192.168.100.2/24', ['default'])
    .listen('web', 'tcp', 80)
    .listen('web', 'udp', 5353)
    .listen('host', 'tcp', 22)
    // Docker's shape: nat DOCKER chain reached for local destinations, DNAT of the published ports.
    .ipt('host', '-t', 'nat', '-N', 'DOCKER')
    .ipt('host', '-t', 'nat', '-A', 'PREROUTING', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'DOCKER')
    .ipt('host', '-t', 'nat', '-A', 'OUTPUT', '!', '-d', '127.0.0.0/8', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'DOCKER')
    .ipt('host', '-t', 'nat', '-A', 'DOCKER', '-i', 'docker0', '-j', 'RETURN')
    .ipt('host', '-t', 'nat', '-A', 'DOCKER', '!', '-i', 'docker0', '-p', 'tcp', '--dport', '8080', '-j', 'DNAT', '--to-destination', '172.17.0.2:80')
    .ipt('host', '-t', 'nat', '-A', 'DOCKER', '!', '-i', 'docker0', '-p', 'udp', '--dport', '5353', '-j', 'DNAT', '--to-destination', '172.17.0.2:5353')
    .ipt('host', '-P', 'FORWARD', 'DROP')
    .ipt('host', '-A', 'FORWARD', '-o', 'docker0', '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT')
    .ipt('host', '-A', 'FORWARD', '-d', '172.17.0.2/32', '!', '-i', 'docker0', '-o', 'docker0', '-p', 'tcp', '--dport', '80', '-j', 'ACCEPT')
    .ipt('host', '-A', 'FORWARD', '-d', '172.17.0.2/32', '!', '-i', 'docker0', '-o', 'docker0', '-p', 'udp', '--dport', '5353', '-j', 'ACCEPT')
    .ipt('host', '-A', 'FORWARD', '-i', 'docker0', '!', '-o', 'docker0', '-j', 'ACCEPT')
    .ipt('host', '-A', 'FORWARD', '-i', 'docker0', '-o', 'docker0', '-j', 'ACCEPT');
  if (opts.masquerade) w.ipt('host', '-t', 'nat', '-A', 'POSTROUTING', '-o', 'docker0', '-m', 'addrtype', '--src-type', 'LOCAL', '-j', 'MASQUERADE');
  if (opts.masquerade) w.ipt('host', '-t', 'nat', '-A', 'POSTROUTING', '-s', '192.168.100.0/24', '-o', 'docker0', '-j', 'MASQUERADE');
  w.ipt('host', '-t', 'nat', '-A', 'POSTROUTING', '-s', '172.17.0.0/16', '!', '-o', 'docker0', '-j', 'MASQUERADE');
  return w;
}

export function handWrittenCases(): WorldCase[] {
  const cases: WorldCase[] = [];
  const add = (name: string, w: WorldBuilder, probes: Probe[]) => cases.push({ name, kernel: w.kernel, probes, refused: w.refused });

  add('one bridge, two containers', oneBridge(), [
    ...all('c2', '172.17.0.2', 80, 53),
    // Closed ports: TCP RST and ICMP port unreachable.
    tcp('c2', '172.17.0.2', 81),
    udp('c2', '172.17.0.2', 54),
    // The host's address on the bridge, and the host reaching a container.
    ...all('c1', '172.17.0.1', 22, 53),
    ...all('host', '172.17.0.2', 80, 53),
    // Nobody at 172.17.0.99: ARP fails.
    ...all('c1', '172.17.0.99', 80, 53),
    ...all('host', '172.17.0.99', 80, 53),
    // No route at all from the host; a container's default route leads to a host with none.
    ...all('host', '10.99.0.1', 80, 53),
    ...all('c1', '10.99.0.1', 80, 53),
    // Loopback inside a container.
    ping('c1', '127.0.0.1'),
    tcp('c1', '127.0.0.1', 80),
  ]);

  add('two bridges, forwarding on, no rules', twoBridges(), [
    ...all('a1', '172.19.0.2', 80, 53),
    ...all('b1', '172.18.0.3', 80, 53),
    ...all('a1', '172.18.0.3', 80, 53),
    ...all('a1', '172.19.0.1', 80, 53),
  ]);

  add('two bridges, Docker isolation', twoBridges().isolate(['br1', 'br2']), [
    ...all('a1', '172.19.0.2', 80, 53),
    ...all('b1', '172.18.0.2', 80, 53),
    ...all('a1', '172.18.0.3', 80, 53),
    // The host is not isolated from either.
    ...all('a1', '172.19.0.1', 80, 53),
  ]);

  add('two bridges, forwarding off', twoBridges({ ipForward: false }), [
    ...all('a1', '172.19.0.2', 80, 53),
    ...all('a1', '172.18.0.3', 80, 53),
    ...all('a1', '172.18.0.1', 80, 53),
    ...all('b1', '172.18.0.1', 80, 53),
  ]);

  add('two bridges, bridge-nf off, FORWARD DROP', twoBridges().sysctl('host', 'net.bridge.bridge-nf-call-iptables', '0').ipt('host', '-P', 'FORWARD', 'DROP'), [
    ...all('a1', '172.18.0.3', 80, 53),
    ...all('a1', '172.19.0.2', 80, 53),
  ]);

  const pubProbes = (w: string): Probe[] => [
    tcp('lan', '192.168.100.1', 8080),
    udp('lan', '192.168.100.1', 5353),
    tcp('lan', '192.168.100.1', 8081),
    tcp('lan', '192.168.100.1', 22),
    ping('lan', '192.168.100.1'),
    // Straight to the container's address (routed, not published): FORWARD allows port 80 only.
    tcp('lan', '172.17.0.2', 80),
    ping('lan', '172.17.0.2'),
    // Hairpin: another container uses the published port on the host's address.
    tcp('peer', '192.168.100.1', 8080),
    // The host itself uses the published port (nat OUTPUT).
    tcp('host', '192.168.100.1', 8080),
    // Containers reach the LAN through MASQUERADE.
    ...all(w, '192.168.100.2', 80, 53),
  ];
  add('published port, DNAT + MASQUERADE', published({ masquerade: true, containerDefaultRoute: true }), pubProbes('web'));
  add('published port, DNAT, original source kept', published({ masquerade: false, containerDefaultRoute: true }), pubProbes('web'));
  add('published port, DNAT, container without default route', published({ masquerade: false, containerDefaultRoute: false }), [
    tcp('lan', '192.168.100.1', 8080),
    udp('lan', '192.168.100.1', 5353),
    ping('lan', '172.17.0.2'),
    ping('web', '192.168.100.2'),
  ]);
  add('published port, DNAT + MASQUERADE, container without default route', published({ masquerade: true, containerDefaultRoute: false }), [
    tcp('lan', '192.168.100.1', 8080),
    udp('lan', '192.168.100.1', 5353),
  ]);

  const rejects = oneBridge()
    .bridge('br2', '172.19.0.1/16')
    .container('b1', 'br2', '172.19.0.2/16', '172.19.0.1')
    .listen('b1', 'tcp', 80)
    .listen('b1', 'udp', 53)
    .listen('host', 'tcp', 81)
    .listen('host', 'tcp', 82)
    .listen('host', 'tcp', 83)
    .listen('host', 'udp', 54)
    .listen('host', 'udp', 55)
    .ipt('host', '-A', 'INPUT', '-p', 'tcp', '--dport', '81', '-j', 'REJECT', '--reject-with', 'tcp-reset')
    .ipt('host', '-A', 'INPUT', '-p', 'tcp', '--dport', '82', '-j', 'REJECT', '--reject-with', 'icmp-host-prohibited')
    .ipt('host', '-A', 'INPUT', '-p', 'tcp', '--dport', '83', '-j', 'DROP')
    .ipt('host', '-A', 'INPUT', '-p', 'udp', '--dport', '54', '-j', 'REJECT')
    .ipt('host', '-A', 'INPUT', '-p', 'udp', '--dport', '55', '-j', 'REJECT', '--reject-with', 'icmp-admin-prohibited')
    .ipt('host', '-A', 'INPUT', '-s', '172.17.0.3/32', '-p', 'icmp', '-j', 'REJECT', '--reject-with', 'icmp-net-prohibited')
    .ipt('host', '-A', 'FORWARD', '-d', '172.19.0.2/32', '-p', 'tcp', '-j', 'REJECT', '--reject-with', 'tcp-reset')
    .ipt('host', '-A', 'FORWARD', '-d', '172.19.0.2/32', '-p', 'udp', '-j', 'REJECT', '--reject-with', 'icmp-host-unreachable')
    .ipt('host', '-A', 'FORWARD', '-d', '172.19.0.2/32', '-p', 'icmp', '-j', 'REJECT', '--reject-with', 'icmp-port-unreachable')
    .ipt('c2', '-A', 'OUTPUT', '-d', '172.17.0.2/32', '-p', 'tcp', '--dport', '80', '-j', 'REJECT', '--reject-with', 'tcp-reset')
    .ipt('c2', '-A', 'OUTPUT', '-d', '172.17.0.2/32', '-p', 'udp', '-j', 'REJECT')
    .ipt('c2', '-A', 'OUTPUT', '-d', '172.17.0.2/32', '-p', 'icmp', '-j', 'DROP');
  add('REJECT vs DROP', rejects, [
    tcp('c1', '172.17.0.1', 81),
    tcp('c1', '172.17.0.1', 82),
    tcp('c1', '172.17.0.1', 83),
    udp('c1', '172.17.0.1', 54),
    udp('c1', '172.17.0.1', 55),
    ping('c1', '172.17.0.1'),
    ping('c2', '172.17.0.1'),
    tcp('c2', '172.17.0.1', 82),
    ...all('c1', '172.19.0.2', 80, 53),
    // REJECT in the sender's own OUTPUT.
    ...all('c2', '172.17.0.2', 80, 53),
  ]);

  const oneWay = twoBridges()
    .ipt('host', '-P', 'FORWARD', 'DROP')
    .ipt('host', '-A', 'FORWARD', '-i', 'br1', '-o', 'br2', '-j', 'ACCEPT')
    .ipt('host', '-A', 'FORWARD', '-o', 'br1', '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT');
  add('conntrack lets replies back, one direction', oneWay, [
    ...all('a1', '172.19.0.2', 80, 53),
    ...all('b1', '172.18.0.2', 80, 53),
    // A closed port's RST / ICMP error is ESTABLISHED / RELATED on the way back.
    tcp('a1', '172.19.0.2', 81),
    udp('a1', '172.19.0.2', 54),
    // Same bridge: bridged frames pass FORWARD too (br_netfilter), with -i br1 -o br1.
    ...all('a1', '172.18.0.3', 80, 53),
  ]);

  const noCt = twoBridges().ipt('host', '-P', 'FORWARD', 'DROP').ipt('host', '-A', 'FORWARD', '-i', 'br1', '-o', 'br2', '-j', 'ACCEPT');
  add('FORWARD DROP without the conntrack rule', noCt, [...all('a1', '172.19.0.2', 80, 53), tcp('a1', '172.19.0.2', 81)]);

  const raw = twoBridges()
    .lan('lan', 'eth0', '192.168.100.1/24', '192.168.100.2/24', ['172.16.0.0/12'])
    .ipt('host', '-t', 'raw', '-A', 'PREROUTING', '-d', '172.18.0.2/32', '!', '-i', 'br1', '-j', 'DROP')
    .ipt('host', '-t', 'raw', '-A', 'PREROUTING', '-p', 'udp', '--dport', '53', '-i', 'eth0', '-j', 'DROP');
  add('raw PREROUTING drops (Docker direct-routing protection)', raw, [
    ...all('lan', '172.18.0.2', 80, 53),
    ...all('lan', '172.18.0.3', 80, 53),
    ...all('a2', '172.18.0.2', 80, 53),
    ...all('b1', '172.18.0.2', 80, 53),
  ]);

  const noRoute = new WorldBuilder()
    .host()
    .bridge('br1', '10.1.0.1/24')
    .container('c1', 'br1', '10.1.0.2/24')
    .container('c2', 'br1', '10.1.0.3/24', '10.1.0.1')
    .lan('lan', 'eth0', '192.168.100.1/24', '192.168.100.2/24', [])
    .listen('c1', 'tcp', 80);
  add('no route, no neighbour', noRoute, [
    // c1 has no default route.
    ...all('c1', '192.168.100.2', 80, 53),
    ...all('c1', '10.1.0.3', 80, 53),
    // lan has no route back to 10.1.0.0/24: the echo reply / SYN-ACK has nowhere to go.
    ...all('c2', '192.168.100.2', 80, 53),
    // Nobody at 10.1.0.200.
    ...all('c2', '10.1.0.200', 80, 53),
    // The host has the address, and forwards to a non-existent neighbour.
    ...all('host', '10.1.0.200', 80, 53),
    tcp('host', '10.1.0.2', 80),
  ]);

  return cases;
}
