/**
 * IPv6 on a dual-stack network, beyond what the goldens pin: the container's
 * link-local derived from its MAC (the goldens normalize both), the embedded DNS's
 * AAAA answer, and the IPv6 packet walk (ICMPv6 echo, neighbour discovery,
 * ip6tables, errors) as ping prints it and as its Trace records it.
 */
import { describe, expect, it } from 'vitest';
import { formatTranscript, runScript } from '../../src/cli/transcript.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';

function run(lines: string[]): string[] {
  const script = ['docker network create --ipv6 --subnet 2001:db8:1::/64 v6b', 'docker run -itd --name a1 --network v6b busybox', 'docker run -itd --name a2 --network v6b busybox', ...lines].join('\n');
  return formatTranscript(runScript(script).entries).split(/^(?=\$ )/m).slice(3);
}

/** EUI-64 from a MAC: the universal/local bit flipped, ff:fe in the middle. */
function eui64(mac: string): string {
  const b = mac.split(':').map((h) => parseInt(h, 16));
  const words = [((b[0]! ^ 2) << 8) | b[1]!, (b[2]! << 8) | 0xff, 0xfe00 | b[3]!, (b[4]! << 8) | b[5]!];
  return `fe80::${words.map((w) => w.toString(16)).join(':')}`;
}

describe('IPv6 in containers', () => {
  it("gives eth0 the EUI-64 link-local of its MAC beside the global address", () => {
    const [mac, addrs] = run(["docker inspect -f '{{range .NetworkSettings.Networks}}{{.MacAddress}}{{end}}' a1", 'docker exec a1 ip -6 addr show eth0']);
    const address = mac!.split('\n')[1]!;
    expect(addrs).toContain('    inet6 2001:db8:1::2/64 scope global flags 02 \n');
    expect(addrs).toContain(`    inet6 ${eui64(address)}/64 scope link \n`);
  });

  it('answers AAAA from the embedded DNS, and busybox pings a name over IPv6 first, -4 over IPv4', () => {
    const [aaaa, byName, v4, v6ToV4, literalAs4] = run([
      'docker exec a1 nslookup -type=aaaa a2',
      'docker exec a1 ping -c 1 a2',
      'docker exec a1 ping -4 -c 1 a2',
      'docker exec a1 ping -6 -c 1 172.18.0.3',
      'docker exec a1 ping -4 -c 1 2001:db8:1::3',
    ]);
    expect(aaaa).toContain('Name:\ta2\nAddress: 2001:db8:1::3\n');
    expect(byName).toMatch(/^\$ docker exec a1 ping -c 1 a2\nPING a2 \(2001:db8:1::3\): 56 data bytes\n64 bytes from 2001:db8:1::3: seq=0 ttl=64 time=/);
    expect(v4).toContain('64 bytes from 172.18.0.3: seq=0 ttl=64');
    // busybox asks getaddrinfo for the other family only: the literal is then a bad address.
    expect(v6ToV4).toBe("$ docker exec a1 ping -6 -c 1 172.18.0.3\nping: bad address '172.18.0.3'\n[exit 1]\n");
    expect(literalAs4).toBe("$ docker exec a1 ping -4 -c 1 2001:db8:1::3\nping: bad address '2001:db8:1::3'\n[exit 1]\n");
  });

  it('answers nslookup without -type with both the A and the AAAA record, A first', () => {
    // The rig prints the two answers in arrival order, either way (golden ipv6-nslookup sorts them).
    const [both, missing] = run(['docker exec a1 nslookup a2', 'docker exec a1 nslookup nosuch']);
    expect(both).toBe('$ docker exec a1 nslookup a2\nServer:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\ta2\nAddress: 172.18.0.3\n\nNon-authoritative answer:\nName:\ta2\nAddress: 2001:db8:1::3\n\n');
    expect(missing).toBe("$ docker exec a1 nslookup nosuch\nServer:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n** server can't find nosuch: NXDOMAIN\n\n** server can't find nosuch: NXDOMAIN\n\n[exit 1]\n");
  });

  it('traces a name over IPv6 unless -4 is given, and binds ping -I to an IPv6 source', () => {
    const [v6, v4, bound] = run(['docker exec a1 traceroute -n a2', 'docker exec a1 traceroute -4 -n a2', 'docker exec a1 ping -c 1 -I 2001:db8:1::2 a2']);
    expect(v6).toMatch(/^\$ docker exec a1 traceroute -n a2\ntraceroute to a2 \(2001:db8:1::3\), 30 hops max, 72 byte packets\n 1 {2}2001:db8:1::3 {2}[\d.]+ ms/);
    expect(v4).toMatch(/traceroute to a2 \(172\.18\.0\.3\), 30 hops max, 46 byte packets\n 1 {2}172\.18\.0\.3 {2}/);
    expect(bound).toContain('PING a2 (2001:db8:1::3) from 2001:db8:1::2: 56 data bytes\n64 bytes from 2001:db8:1::3: seq=0 ttl=64');
  });

  it('walks an ICMPv6 echo through neighbour discovery, the bridge and ip6tables, and back', () => {
    const sim = new Simulator();
    for (const line of ['docker network create --ipv6 --subnet 2001:db8:1::/64 v6b', 'docker run -itd --name a1 --network v6b busybox', 'docker run -itd --name a2 --network v6b busybox']) sim.runScriptLine(line);
    const trace = sim.runScriptLine('docker exec a1 ping -c 1 a2').traces!.at(-1)!;
    expect(trace.outcome).toEqual({ kind: 'replied' });
    const details = trace.hops.map((h) => `${h.leg} ${h.netns} ${h.detail}`);
    expect(details[0]).toBe('request container:a1 container:a1 sends ICMPv6 echo request 2001:db8:1::2 > 2001:db8:1::3');
    expect(details[1]).toBe('request container:a1 2001:db8:1::/64 dev eth0 proto kernel metric 256 pref medium');
    expect(details[2]).toMatch(/^request container:a1 neighbour advertisement: 2001:db8:1::3 is at [0-9a-f:]{17} \(container:a2 eth0\)$/);
    // The bridged request passes ip6tables' FORWARD (Docker's rules for the network accept it); the reply is ESTABLISHED.
    const forward = trace.hops.filter((h) => h.hook === 'FORWARD');
    expect(forward.map((h) => h.rule?.text)).toEqual([expect.stringMatching(/^-A DOCKER-FORWARD -i br-[0-9a-f]{12} -j ACCEPT$/), expect.stringMatching(/^-A DOCKER-CT -o br-[0-9a-f]{12} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT$/)]);
    expect(trace.hops.find((h) => h.leg === 'reply' && h.kind === 'send')?.detail).toBe('container:a2 sends ICMPv6 echo reply 2001:db8:1::3 > 2001:db8:1::2');
    // ip6tables counted it, iptables did not.
    const v6Count = sim.runScriptLine('ip6tables -L DOCKER-FORWARD -v -n').stdout;
    expect(v6Count).toMatch(/^ +1 +104 ACCEPT +0 +-- +br-[0-9a-f]{12} \* +::\/0 +::\/0 +$/m);
  });

  it("keeps the gateway's advertisement in the neighbour table with its router flag, out of arp's IPv4 table", () => {
    const [, neigh, arp] = run(['docker exec a1 ping -c 1 2001:db8:1::1', 'docker exec a1 ip neigh', 'docker exec a1 arp -n']);
    expect(neigh).toMatch(/^2001:db8:1::1 dev eth0 lladdr [0-9a-f:]{17} router ref 1 used 0\/0\/0 probes 1 REACHABLE$/m);
    expect(arp).toBe('$ docker exec a1 arp -n\n');
  });

  it('loses an echo to an address nobody answers neighbour discovery for, and the host says so', () => {
    const [busybox, host] = run(['docker exec a1 ping -c 1 -W 1 2001:db8:1::99', 'ping -c 1 2001:db8:1::99']);
    // busybox ignores ICMPv6 errors (loss only); iputils prints the one its own stack sent it.
    expect(busybox).toContain('1 packets transmitted, 0 packets received, 100% packet loss\n[exit 1]');
    expect(host).toContain('From 2001:db8:1::1 icmp_seq=1 Destination unreachable: Address unreachable\n');
    const sim = new Simulator();
    for (const line of ['docker network create --ipv6 --subnet 2001:db8:1::/64 v6b', 'docker run -itd --name a1 --network v6b busybox']) sim.runScriptLine(line);
    const trace = sim.runScriptLine('docker exec a1 ping -c 1 -W 1 2001:db8:1::99').traces!.at(-1)!;
    // On-link: a1 itself solicits the address on eth0 and nobody advertises it.
    expect(trace.outcome).toMatchObject({ kind: 'no-neighbour', netns: 'container:a1', iface: 'eth0', addr: '2001:db8:1::99' });
    expect(trace.hops.map((h) => h.detail)).toContain('neighbour solicitation for 2001:db8:1::99 on eth0: no answer');
  });

  it('fails at once without an IPv6 route, as busybox and iputils do', () => {
    const [busybox, host] = run(['docker run -itd --name c4 busybox', "docker exec c4 sh -c 'ping6 -c 1 2001:db8:1::2 2>&1'", 'ping -c 1 2001:db8:99::1']).slice(1);
    expect(busybox).toBe("$ docker exec c4 sh -c 'ping6 -c 1 2001:db8:1::2 2>&1'\nPING 2001:db8:1::2 (2001:db8:1::2): 56 data bytes\nping6: sendto: Network is unreachable\n[exit 1]\n");
    expect(host).toBe('$ ping -c 1 2001:db8:99::1\nping: connect: Network is unreachable\n[exit 2]\n');
  });

  it('fetches over IPv6: curl and busybox wget to a bracketed address, wget through the gateway to a published port', () => {
    const [web, curl, wget, viaGateway, verbose] = run([
      'docker run -d --name web --network v6b -p 8080:80 httpd',
      'curl -s -m 2 http://[2001:db8:1::4]/',
      'docker exec a1 wget -qO- http://[2001:db8:1::4]/',
      'docker exec a1 wget -qO- http://[2001:db8:1::1]:8080/',
      'docker exec a1 wget -O /dev/null http://[2001:db8:1::4]/',
    ]);
    expect(web).toMatch(/^\$ docker run/);
    for (const out of [curl, wget, viaGateway]) expect(out).toContain('<h1>It works!</h1>');
    // busybox wget names the address as getaddrinfo gave it, bracketed with its port.
    expect(verbose).toContain('Connecting to 2001:db8:1::4 ([2001:db8:1::4]:80)\n');
  });

  it('refuses containers on an IPv6-only network in one line', () => {
    const script = ['docker network create --ipv6 --ipv4=false v6only', 'docker run -itd --name c6 --network v6only busybox'].join('\n');
    const out = formatTranscript(runScript(script).entries);
    expect(out).toContain('vethlab: containers on a network without IPv4 (v6only, --ipv4=false) are not modelled yet');
  });
});
