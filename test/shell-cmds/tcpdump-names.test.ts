/**
 * tcpdump without -n names every address it prints, and its lookups are packets
 * (test/fixtures/tcpdump/capnames.txt and capnames-2.txt: tcpdump 4.99.3 run inside the
 * rig's containers with their own hosts file and resolver, see the README there). The
 * worlds follow the rig's order: net1 with c1 (172.18.0.2) and c2 (httpd, .3), b1
 * (172.17.0.2) and b2 (httpd, .3) on the default bridge, hp on the host's network. c1, b1
 * and hp are alpine here, to install tcpdump; they restart after that, so their neighbour
 * tables are as fresh as the rig's.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import { randomness, rigBlock, rigCapture } from './tcpdump-rig.ts';

function namesWorld() {
  const sim = new Simulator({ images: 'playground' });
  const sh = (line: string) => sim.runScriptLine(line);
  sh('docker network create net1');
  sh('docker run -d --name c1 --network net1 alpine sleep 1000');
  sh('docker run -d --name c2 --network net1 httpd');
  sh('docker run -d --name b1 alpine sleep 1000');
  sh('docker run -d --name b2 httpd');
  sh('docker run -d --name hp --network host alpine sleep 1000');
  for (const c of ['c1', 'b1', 'hp']) sh(`docker exec ${c} apk add tcpdump`);
  sh('docker restart c1 b1');
  return sh;
}

const PACKET = /^\d\d:\d\d:\d\d\.\d{6} /;
/** A container's hostname (its short ID, from its /etc/hosts) is random too. */
const hostnames = (lines: string[]) => lines.map((l) => l.replace(/\b[0-9a-f]{12}\b/g, '<HOST>'));
const packets = (text: string) => hostnames(randomness(text.split('\n').filter((l) => PACKET.test(l))));
const rig = (file: string, command: string) => hostnames(randomness(rigCapture(file, command)));
const counts = (text: string) => text.split('\n').filter((l) => / packets? (captured|received by filter)$/.test(l));
function rigCounts(file: string, command: string): string[] {
  return counts(rigBlock(file, command));
}

describe('tcpdump without -n (addrtoname.c: /etc/hosts, then a PTR question to resolv.conf\'s server)', () => {
  it('names a container on a user network NAME.NETWORK and its own address by its hostname; the questions go over lo, not eth0', () => {
    const sh = namesWorld();
    const seen: string[] = [];
    for (const [command, file] of [
      ['docker exec c1 ping -c1 c2', 'capnames-2.txt'],
      ['docker exec c1 wget -q -O- c2', 'capnames-2.txt'],
      // The gateway has no name: printed as a number, and nothing of the question shows on eth0.
      ['docker exec c1 ping -c1 172.18.0.1', 'capnames.txt'],
    ] as const) {
      const out = sh(`docker exec c1 tcpdump -i eth0 & ${command}`);
      const captured = `/tmp/tcpd-x/capin.sh c1 eth0 '' ${command}`;
      expect(packets(out.stdout), command).toEqual(rig(file, captured));
      expect(counts(out.stderr), command).toEqual(rigCounts(file, captured));
      seen.push(out.stdout);
    }
    expect(seen[0]).toMatch(/ARP, Reply c2\.net1 is-at [0-9a-f:]{17} \(oui Unknown\), length 28/);
  });

  it('captures its own question on lo: 127.0.0.1 is localhost in /etc/hosts, 127.0.0.11 goes to the embedded DNS, which forwards it and relays NXDOMAIN', () => {
    const sh = namesWorld();
    const command = 'docker exec c1 ping -c1 c2';
    const out = sh(`docker exec c1 tcpdump -i lo & ${command}`);
    // The second recording took the A and AAAA exchanges in turn, as the model does (the first sent both questions first).
    const captured = `/tmp/tcpd-x/capin.sh c1 lo '' ${command}`;
    expect(packets(out.stdout)).toEqual(rig('capnames-2.txt', captured));
    expect(counts(out.stderr)).toEqual(rigCounts('capnames-2.txt', captured));
    expect(out.stdout).toMatch(/IP localhost\.\d+ > 127\.0\.0\.11\.\d+: UDP, length 41\n.* IP 127\.0\.0\.11\.53 > localhost\.\d+: \d+ NXDomain\* 0\/0\/0 \(41\)\n$/);
  });

  it('on the default bridge asks the LAN\'s server itself: the PTR question and its NXDOMAIN are on eth0 (after the gateway\'s ARP), and counted but unprinted, the questions naming those', () => {
    const sh = namesWorld();
    // Both recordings agree on the ping: 8 printed, and 4 more the kernel counted (the questions for 172.17.0.1 and 192.168.1.1).
    const ping = 'docker exec b1 ping -c1 172.17.0.3';
    const pinged = sh(`docker exec b1 tcpdump -i eth0 & ${ping}`);
    expect(packets(pinged.stdout)).toEqual(rig('capnames.txt', `/tmp/tcpd-x/capin.sh b1 eth0 '' ${ping}`));
    expect(counts(pinged.stderr)).toEqual(rigCounts('capnames.txt', `/tmp/tcpd-x/capin.sh b1 eth0 '' ${ping}`));
    expect(counts(pinged.stderr)).toEqual(rigCounts('capnames-2.txt', `/tmp/tcpd-x/capin.sh b1 eth0 '' ${ping}`));
    // The gateway's address is known now: the GET's one question needs no ARP. The first recording had IPv6 router
    // solicitations and a neighbour probe besides, the second had none printed (kernel noise, not modelled); the
    // second's kernel counted 2 packets more than the model's 16 (the probe, by the first's account).
    const get = 'docker exec b1 wget -q -O- 172.17.0.3';
    const got = sh(`docker exec b1 tcpdump -i eth0 & ${get}`);
    expect(packets(got.stdout)).toEqual(rig('capnames-2.txt', `/tmp/tcpd-x/capin.sh b1 eth0 '' ${get}`));
    expect(counts(got.stderr)).toEqual(['14 packets captured', '16 packets received by filter']);
  });

  it('on the host\'s interfaces (a host-network container) names nothing the LAN\'s server does not know, asking for the destination first', () => {
    const sh = namesWorld();
    // As on the rig, b1 has pinged b2 before: no ARP on docker0.
    sh('docker exec b1 ping -c1 172.17.0.3');
    for (const [iface, command] of [
      ['docker0', 'docker exec b1 ping -c1 172.17.0.3'],
      ['eth0', 'docker exec b1 ping -c1 203.0.113.10'],
    ] as const) {
      const out = sh(`docker exec hp tcpdump -i ${iface} & ${command}`);
      const captured = `/tmp/tcpd-x/capin.sh hp ${iface} '' ${command}`;
      expect(packets(out.stdout), command).toEqual(rig('capnames-2.txt', captured));
      expect(counts(out.stderr), command).toEqual(rigCounts('capnames-2.txt', captured));
    }
  });

  it('puts its questions in the line\'s traces ahead of the commands it watched, so the last trace is still the ping', () => {
    const sh = namesWorld();
    const out = sh('docker exec b1 tcpdump -i eth0 & docker exec b1 ping -c1 172.17.0.3');
    const traces = out.traces ?? [];
    expect(traces.map((t) => `${t.probe.kind} ${t.probe.dns?.name ?? ''}`)).toEqual([
      'udp-send 3.0.17.172.in-addr.arpa',
      // Naming the lines of that exchange: the gateway (from its ARP) and the LAN's server.
      'udp-send 1.0.17.172.in-addr.arpa',
      'udp-send 1.1.168.192.in-addr.arpa',
      'icmp-echo ',
    ]);
    // With -n it asks nothing.
    expect(sh('docker exec b1 tcpdump -n -i eth0 & docker exec b1 ping -c1 172.17.0.3').traces?.map((t) => t.probe.kind)).toEqual(['icmp-echo']);
  });
});
