/**
 * tcpdump once installed (apk add tcpdump / apt-get install tcpdump), drawn from the
 * Traces of the commands run after it on the line. The rig's host has no tcpdump; the
 * captures in test/fixtures/tcpdump/ were taken on the rig with Debian's tcpdump 4.99.3
 * (see its README) and are compared here after replacing what a kernel draws at random.
 * The header and closing counts are tcpdump.c's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import { packetLine } from '../../src/sim/shell/tcpdump.ts';
import { randomness, rigCapture } from './tcpdump-rig.ts';

function world() {
  const sim = new Simulator({ images: 'playground' });
  const sh = (line: string) => sim.runScriptLine(line);
  sh('docker network create net');
  sh('docker run -d --name aa --network net alpine sleep 1000');
  sh('docker run -d --name bb --network net alpine sleep 1000');
  return sh;
}

const HEADER = 'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\nlistening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n';
const counts = (n: number) => `${n} packets captured\n${n} packets received by filter\n0 packets dropped by kernel\n`;
const times = (text: string) => text.replace(/^\d\d:\d\d:\d\d\.\d{6} /gm, 'T ');

describe('tcpdump', () => {
  it('is not there until installed', () => {
    const sh = world();
    expect(sh('docker exec aa sh -c "tcpdump -n -i eth0"')).toMatchObject({ stderr: 'sh: tcpdump: not found\n', exitCode: 127 });
  });

  it('prints a ping as the rig captured it: the ARP exchange first, then requests and replies a second apart', () => {
    const sh = world();
    sh('docker exec aa apk add tcpdump');
    const out = sh(`docker exec aa sh -c 'tcpdump -c 6 -n -i eth0 & ping -c 2 bb'`);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe(HEADER + counts(6));
    const captured = out.stdout.split('\n').filter((l) => /^\d\d:\d\d:\d\d\.\d{6} /.test(l));
    const real = rigCapture('cap1.txt', 'docker0 - \'\' docker exec c1 ping -c 2 172.17.0.2');
    // The rig pinged 172.17.0.2 from 172.17.0.3 on the default bridge; here aa (172.18.0.2) pings bb (172.18.0.3).
    const addresses = (l: string) => l.replace(/172\.17\.0\.3/g, 'A').replace(/172\.17\.0\.2/g, 'B').replace(/172\.18\.0\.2/g, 'A').replace(/172\.18\.0\.3/g, 'B');
    expect(randomness(captured).map(addresses)).toEqual(randomness(real).map(addresses));
    // busybox ping counts from seq 0 with one id; the second round goes a second later.
    expect(times(captured.join('\n'))).toContain('ICMP echo request, id');
    expect(captured[4]!.slice(0, 8)).not.toBe(captured[2]!.slice(0, 8));
    // The same line again gives the same transcript.
    const again = world();
    again('docker exec aa apk add tcpdump');
    expect(again(`docker exec aa sh -c 'tcpdump -c 6 -n -i eth0 & ping -c 2 bb'`).stdout).toBe(out.stdout);
  });

  it('prints a whole HTTP GET (handshake, request, the head and body apart, both FINs) as the rig captured it', () => {
    const sim = new Simulator({ images: 'playground' });
    const sh = (line: string) => sim.runScriptLine(line);
    sh('docker network create net');
    sh('docker run -d --name u1 --network net alpine sleep 1000');
    sh('docker run -d --name uweb --network net httpd');
    sh('docker exec u1 apk add tcpdump');
    const out = sh(`docker exec u1 sh -c 'tcpdump -n -i eth0 & wget -qO- http://uweb'`);
    const captured = out.stdout.split('\n').filter((l) => /^\d\d:\d\d:\d\d\.\d{6} /.test(l));
    expect(randomness(captured)).toEqual(randomness(rigCapture('cap1.txt', 'docker exec u1 wget -qO- http://uweb')));
    expect(out.stderr).toContain(counts(14));
  });

  it('prints the published port through docker-proxy: on lo one write of the whole answer, on docker0 the proxy\'s own connection', () => {
    const sim = new Simulator({ images: 'playground' });
    const sh = (line: string) => sim.runScriptLine(line);
    sh('docker run -d --name web -p 8080:80 httpd');
    sh('docker run -d --name probe --network host alpine sleep 1000');
    sh('docker exec probe apk add tcpdump');
    const lo = sh('docker exec probe tcpdump -n -i lo & docker exec probe wget -qO- http://127.0.0.1:8080');
    const loLines = randomness(lo.stdout.split('\n').filter((l) => /^\d\d:\d\d:\d\d\.\d{6} /.test(l)));
    expect(loLines).toEqual(randomness(rigCapture('cap1.txt', "lo - '' busybox wget -qO- http://127.0.0.1:8080")));
    const bridge = sh('docker exec probe tcpdump -n -i docker0 & curl -s http://127.0.0.1:8080');
    expect(bridge.stdout).toMatch(/IP 172\.17\.0\.1\.\d+ > 172\.17\.0\.2\.80: Flags \[P\.\], seq 1:\d+, ack 1, win 63, options \[nop,nop,TS val \d+ ecr \d+\], length \d+: HTTP: GET \/ HTTP\/1\.1/);
    expect(bridge.stdout).toContain('length 209: HTTP: HTTP/1.1 200 OK');
  });

  it('prints a redis line over nc with its RESP decoding, closed by the client first, as the rig captured it', () => {
    const sim = new Simulator({ images: 'playground' });
    const sh = (line: string) => sim.runScriptLine(line);
    sh('docker network create net');
    sh('docker run -d --name r1 --network net redis');
    sh('docker run -d --name u1 --network net alpine sleep 1000');
    sh('docker exec u1 apk add tcpdump');
    const out = sh(`docker exec u1 sh -c 'tcpdump -n -i eth0 & echo PING | nc r1 6379'`);
    const captured = randomness(out.stdout.split('\n').filter((l) => /^\d\d:\d\d:\d\d\.\d{6} /.test(l)));
    const real = randomness(rigCapture('cap2.txt', "docker exec u1 sh -c 'echo PING | nc r1 6379'"));
    // The rig's redis is a busybox stand-in answering "+PONG\n" (tcpdump: [|resp]); redis answers "+PONG\r\n".
    // So the answer is a byte longer: each later number moves by one (replaced from the end, one at a time).
    const redis = real
      .join('\n')
      .replace('ack 8, win 63', 'ack 9, win 63')
      .replace('ack 7, win 63', 'ack 8, win 63')
      .replace('seq 7, ack 7', 'seq 8, ack 7')
      .replace('seq 1:7, ack 7', 'seq 1:8, ack 7')
      .replace('length 6: RESP [|resp]', 'length 7: RESP "PONG"')
      .split('\n');
    expect(captured).toEqual(redis);
  });

  it('respects -c and filters; ARP matches no port or protocol filter', () => {
    const sh = world();
    sh('docker exec aa apk add tcpdump');
    const tcp = sh('docker exec aa tcpdump -n -i eth0 port 80 & docker exec aa wget -qO- 203.0.113.10');
    const lines = times(tcp.stdout).split('\n');
    expect(lines[1]).toMatch(/^T IP 172\.18\.0\.2\.\d+ > 203\.0\.113\.10\.80: Flags \[S\], seq \d+, win 64240, options \[mss 1460,sackOK,TS val \d+ ecr 0,nop,wscale 10\], length 0$/);
    expect(tcp.stdout).not.toContain('ARP');
    const one = sh(`docker exec aa sh -c 'tcpdump -c 1 -n -i eth0 icmp & wget -qO- 203.0.113.10; ping -c 1 bb'`);
    expect(times(one.stdout).split('\n').filter((l) => l.startsWith('T '))).toEqual([expect.stringMatching(/^T IP 172\.18\.0\.2 > 172\.18\.0\.3: ICMP echo request/)]);
    expect(one.stderr).toBe(HEADER + counts(1).replace(/1 packets/g, '1 packet'));
  });

  it('on the bridge sees the containers\' frames (a --network host container)', () => {
    const sh = world();
    sh('docker run -d --name probe --network host alpine sleep 1000');
    sh('docker exec probe apk add tcpdump');
    const bridge = sh('docker network inspect -f "br-{{.Id}}" net').stdout.trim().slice(0, 15);
    const out = sh(`docker exec probe tcpdump -n -i ${bridge} & docker exec aa ping -c 1 bb`);
    expect(out.stderr).toContain(`listening on ${bridge}, link-type EN10MB (Ethernet)`);
    expect(times(out.stdout)).toContain('T IP 172.18.0.2 > 172.18.0.3: ICMP echo request');
  });

  it('says what it needs, and refuses an unknown device and what it does not model', () => {
    const sh = world();
    sh('docker exec aa apk add tcpdump');
    expect(sh('docker exec aa tcpdump -n -i eth0').stderr).toBe(HEADER + 'vethlab: tcpdump shows the packets of the commands run after it on the same line, e.g. `tcpdump -c 4 -n -i eth0 & ping -c 1 web`\n');
    expect(sh('docker exec aa tcpdump -n -i eth9')).toMatchObject({ stderr: 'tcpdump: eth9: No such device exists\n(No such device exists)\n', exitCode: 1 });
    expect(sh('docker exec aa tcpdump -n -w x.pcap').stderr).toBe('vethlab: tcpdump -w is not modelled here (-n, -c N, -i IFACE are)\n');
  });
});

describe('tcpdump decodes DNS (print-domain.c) as the rig captured it (test/fixtures/tcpdump/capdns.txt)', () => {
  /** The rig's order: web (172.18.0.2) and u1 (172.18.0.3) on net, c1 on the default bridge, and a host-network probe for the host's eth0. */
  function dnsWorld() {
    const sim = new Simulator({ images: 'playground' });
    const sh = (line: string) => sim.runScriptLine(line);
    sh('docker network create net');
    sh('docker run -d --name web --network net alpine sleep 1000');
    sh('docker run -d --name u1 --network net alpine sleep 1000');
    sh('docker run -d --name c1 alpine sleep 1000');
    sh('docker run -d --name probe --network host alpine sleep 1000');
    for (const c of ['u1', 'c1', 'probe']) sh(`docker exec ${c} apk add tcpdump`);
    return sh;
  }
  const packets = (text: string) => randomness(text.split('\n').filter((l) => /^\d\d:\d\d:\d\d\.\d{6} /.test(l)));
  const rig = (command: string) => randomness(rigCapture('capdns.txt', command));

  it('shows the embedded DNS on the container\'s lo: the question after DOCKER_OUTPUT\'s DNAT (plain UDP), the answer from port 53 again', () => {
    const sh = dnsWorld();
    const cases: [string, string][] = [
      ['nslookup -type=a web', 'lo $(docker inspect -f \'{{.State.Pid}}\' u1) \'\' docker exec u1 nslookup -type=a web'],
      // Without -type: A and AAAA from one socket; the first recording's order (the second had both questions first).
      ['nslookup web', 'lo $(docker inspect -f \'{{.State.Pid}}\' u1) \'\' docker exec u1 nslookup web'],
      ['nslookup -type=aaaa web', 'docker exec u1 nslookup -type=aaaa web'],
      ['nslookup -type=a nosuch', 'docker exec u1 nslookup -type=a nosuch'],
      ['nslookup 172.18.0.2', 'docker exec u1 nslookup 172.18.0.2'],
      ['nslookup -type=a example.com', 'lo $(docker inspect -f \'{{.State.Pid}}\' u1) \'\' docker exec u1 nslookup -type=a example.com'],
    ];
    for (const [command, captured] of cases) {
      const out = sh(`docker exec u1 sh -c 'tcpdump -n -i lo & ${command}'`);
      expect(packets(out.stdout), command).toEqual(rig(captured));
    }
    // What nslookup prints of the empty AAAA answer, as on the rig.
    expect(sh('docker exec u1 nslookup -type=aaaa web')).toMatchObject({ stdout: 'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\n\n', exitCode: 0 });
    const shown = packets(sh(`docker exec u1 sh -c 'tcpdump -n -i lo & nslookup -type=a web'`).stdout);
    expect(shown[0]).toMatch(/^IP 127\.0\.0\.1\.<PORT0> > 127\.0\.0\.11\.<PORT1>: UDP, length 21$/);
    expect(shown[1]).toBe('IP 127.0.0.11.53 > 127.0.0.1.<PORT0>: <DNSID> 1/0/0 A 172.18.0.2 (40)');
  });

  it('carries in the AAAA answer on lo every address of a shared alias, in the order nslookup prints them (golden dns-shared-alias-ipv6)', () => {
    const sim = new Simulator({ images: 'playground' });
    const sh = (line: string) => sim.runScriptLine(line);
    sh('docker network create --ipv6 --subnet 2001:db8:1::/64 v6b');
    sh('docker run -d --name s1 --network v6b --network-alias search alpine sleep 1000');
    sh('docker run -d --name s2 --network v6b --network-alias search alpine sleep 1000');
    sh('docker run -d --name client --network v6b alpine sleep 1000');
    sh('docker exec client apk add tcpdump');
    const out = sh(`docker exec client sh -c 'tcpdump -n -i lo & nslookup -type=aaaa search'`).stdout;
    const printed = [...out.matchAll(/^Address: (2001:\S+)$/gm)].map((m) => m[1]);
    // The DNS message's length: its header, the question (name, type, class) and two AAAA
    // records, each with the name written in full as the embedded DNS writes it, then type,
    // class, TTL, length (10) and the 16-byte address.
    const DNS_HEADER = 12;
    const SEARCH_NAME = 1 + 'search'.length + 1;
    expect(printed).toHaveLength(2);
    expect(packets(out)[1]).toBe(`IP 127.0.0.11.53 > 127.0.0.1.<PORT0>: <DNSID> 2/0/0 AAAA ${printed[0]}, AAAA ${printed[1]} (${DNS_HEADER + SEARCH_NAME + 4 + 2 * (SEARCH_NAME + 10 + 16)})`);
  });

  it('shows the forwarding on the host\'s eth0 with the query\'s own id, and a default-bridge container asking the LAN\'s server itself', () => {
    const sh = dnsWorld();
    const forwarded = sh('docker exec probe tcpdump -n -i eth0 & docker exec u1 nslookup -type=a example.com');
    expect(packets(forwarded.stdout)).toEqual(rig("eth0 - '' docker exec u1 nslookup -type=a example.com"));
    const question = / > 192\.168\.1\.1\.53: (\d+)\+ A\? example\.com\. /.exec(forwarded.stdout)?.[1];
    const answer = / 192\.168\.1\.1\.53 > 192\.168\.1\.108\.\d+: (\d+)\* 1\/0\/0 /.exec(forwarded.stdout)?.[1];
    expect(question).toBeDefined();
    expect(answer).toBe(question);
    expect(packets(sh('docker exec probe tcpdump -n -i eth0 & docker exec u1 nslookup -type=a nosuch.example.com').stdout)).toEqual(rig("eth0 - '' docker exec u1 nslookup -type=a nosuch.example.com"));
    const direct = sh(`docker exec c1 sh -c 'tcpdump -n -i eth0 & nslookup -type=a nosuch.example.com'`);
    expect(packets(direct.stdout)).toEqual(rig("docker exec c1 nslookup -type=a nosuch.example.com"));
  });

  it('puts the embedded DNS\'s exchange in the command\'s traces, through the container\'s own nat rules', () => {
    const sh = dnsWorld();
    const out = sh('docker exec u1 nslookup -type=a web');
    const trace = out.traces?.at(-1);
    expect(trace?.probe).toMatchObject({ kind: 'udp-send', dst: '127.0.0.11', port: 53 });
    expect(trace?.outcome).toMatchObject({ kind: 'delivered', process: 'dockerd' });
    expect(trace?.hops.map((h) => h.detail)).toContainEqual(expect.stringMatching(/^OUTPUT ACCEPT: -A DOCKER_OUTPUT -d 127\.0\.0\.11\/32 -p udp -m udp --dport 53 -j DNAT --to-destination 127\.0\.0\.11:\d+$/));
  });
});

describe('a client that connects by name asks the embedded DNS first (test/fixtures/tcpdump/capdnsclients*.txt)', () => {
  /**
   * The rig's order: web (httpd, 172.18.0.2) and u1 (172.18.0.3) on net. u1 is alpine here, to
   * install tcpdump in its namespace (the rig's cap.sh ran it there through nsenter), and OpenBSD
   * netcat as the rig's image has it; ping and wget are busybox's on both.
   */
  function clientsWorld() {
    const sim = new Simulator({ images: 'playground' });
    const sh = (line: string) => sim.runScriptLine(line);
    sh('docker network create net');
    sh('docker run -d --name web --network net httpd');
    sh('docker run -d --name u1 --network net alpine sleep 1000');
    sh('docker exec u1 apk add tcpdump netcat-openbsd');
    return sh;
  }
  const packets = (text: string) => randomness(text.split('\n').filter((l) => /^\d\d:\d\d:\d\d\.\d{6} /.test(l)));
  const captured = (file: string, command: string) => randomness(rigCapture(file, `lo $(docker inspect -f '{{.State.Pid}}' u1) '' docker exec u1 ${command}`));

  it('shows the A and the AAAA question from one socket, each with its answer, and the client still reaches the name', () => {
    const sh = clientsWorld();
    // The A and AAAA exchanges race on the rig. For names the embedded DNS answers itself, ten recordings
    // (capdnsclients ping, wget, nc; capnames' ping and capresolve's traceroute, twice each) took them in
    // turn six times and sent both questions first four times: the model keeps the turn, the order seen most.
    // Names it forwards (nosuch, example.com) sent both questions first in all four; the model still takes
    // them in turn (each exchange is one trace), and the test below compares those as sets.
    // Where the A answer came back before the AAAA question left, the recording that shows it.
    const inTurn: [string, string][] = [
      ['ping -c1 web', 'capdnsclients-2.txt'],
      ['wget -q -O- web', 'capdnsclients.txt'],
      ['wget -q -O- web', 'capdnsclients-2.txt'],
      ['nc -zv -w 2 web 80', 'capdnsclients.txt'],
    ];
    for (const [command, file] of inTurn) {
      const out = sh(`docker exec u1 tcpdump -n -i lo & docker exec u1 ${command}`);
      expect(packets(out.stdout), command).toEqual(captured(file, command));
      expect(`${out.stdout}${out.stderr}`, command).toMatch(/^(PING web \(172\.18\.0\.2\)|<html><body><h1>It works!|Connection to web \(172\.18\.0\.2\) 80 port \[tcp\/\*\] succeeded!)/m);
    }
    // Both questions left before either answer in both recordings: the same packets, in the model's turn.
    for (const command of ['ping -c1 nosuch', 'ping -c1 example.com']) {
      const out = sh(`docker exec u1 tcpdump -n -i lo & docker exec u1 ${command}`);
      const rig = captured('capdnsclients.txt', command);
      expect([...packets(out.stdout)].sort(), command).toEqual([...rig].sort());
      expect(packets(out.stdout).map((l) => l.includes('UDP, length')), command).toEqual([true, false, true, false]);
    }
    // The client's own packets on eth0 are the probe's alone: the questions never leave lo.
    const eth0 = sh('docker exec u1 tcpdump -n -i eth0 & docker exec u1 ping -c1 web');
    expect(packets(eth0.stdout)).toEqual(randomness(rigCapture('capdnsclients.txt', "eth0 $(docker inspect -f '{{.State.Pid}}' u1) '' docker exec u1 ping -c1 web")));
  });

  it('keeps each exchange a trace of its own, ahead of the probe\'s, so the last trace is still the ping with its own hops', () => {
    const sh = clientsWorld();
    const byAddress = sh('docker exec u1 ping -c1 172.18.0.2').traces ?? [];
    const byName = sh('docker exec u1 ping -c1 web').traces ?? [];
    expect(byName.map((t) => t.probe.kind)).toEqual(['udp-send', 'udp-send', 'icmp-echo']);
    expect(byName.slice(0, 2).map((t) => [t.probe.dst, t.probe.port, t.probe.dns?.type])).toEqual([['127.0.0.11', 53, 'A'], ['127.0.0.11', 53, 'AAAA']]);
    expect(byName.at(-1)?.hops.length).toBe(byAddress.at(-1)?.hops.length);
    // One socket asks both: the AAAA question leaves from the A question's port.
    expect(byName[1]?.hops[0]?.packet.sport).toBe(byName[0]?.hops[0]?.packet.sport);
    // A Debian image's curl (glibc) asks the same two questions before it connects.
    sh('docker run -d --name deb --network net nginx');
    expect(sh('docker exec deb curl -s web').traces?.slice(0, 3).map((t) => `${t.probe.kind} ${t.probe.dns?.type ?? ''}`)).toEqual(['udp-send A', 'udp-send AAAA', 'tcp-connect ']);
    // A name /etc/hosts answers asks no server.
    expect(sh('docker exec u1 ping -c1 localhost').traces?.map((t) => t.probe.kind)).toEqual(['icmp-echo']);
  });
});

describe('the container\'s nat rules count a lookup\'s two questions as one flow (test/fixtures/tcpdump/capdnscount.txt)', () => {
  it('counts the first packet of each lookup at DOCKER_OUTPUT\'s DNAT and none at DOCKER_POSTROUTING\'s SNAT, as the rig did', () => {
    const sim = new Simulator({ images: 'playground' });
    const sh = (line: string) => sim.runScriptLine(line);
    sh('docker network create net');
    sh('docker run -d --name web --network net httpd');
    sh('docker run -d --name u1 --network net busybox sleep 1000');
    const netns = [...sim.engine.containers.values()].find((c) => c.name === 'u1')!.netns!;
    const chain = (name: string) => sim.kernel.netns(netns)!.netfilter.iptables(['-t', 'nat', '-nvxL', name], 4).stdout;
    const ports = (text: string) => text.replace(/:\d{5}\b/g, ':<PORT>').replace(/spt:\d+/g, 'spt:<PORT>');
    const text = readFileSync(new URL('../fixtures/tcpdump/capdnscount.txt', import.meta.url), 'utf8');
    const blocks = text.split(/^\$ /m).filter((b) => b.startsWith('nsenter')).map((b) => ports(b.slice(b.indexOf('\n') + 1)));
    sh('docker exec u1 ping -c1 web');
    expect([ports(chain('DOCKER_OUTPUT')), ports(chain('DOCKER_POSTROUTING'))]).toEqual(blocks.slice(0, 2));
    sh('docker exec u1 wget -q -O- web');
    expect([ports(chain('DOCKER_OUTPUT')), ports(chain('DOCKER_POSTROUTING'))]).toEqual(blocks.slice(2, 4));
  });
});

describe('tcpdump lines over IPv6 (print-icmp6.c, print-ip6.c)', () => {
  const a = 0x20010db8000100000000000000000002n;
  const b = 0x20010db8000100000000000000000003n;
  it('prints IP6 and ICMP6 with the ICMPv6 length', () => {
    expect(packetLine({ src: a, dst: b, proto: 'icmp', sport: 0, dport: 0, icmpType: 128, icmpCode: 0, icmpId: 7, length: 104 }, 0)).toBe('IP6 2001:db8:1::2 > 2001:db8:1::3: ICMP6, echo request, id 7, seq 0, length 64');
    const echo = { src: a, dst: 0x20010db8000100000000000000000099n, proto: 'icmp' as const, sport: 0, dport: 0, icmpType: 128, icmpCode: 0, icmpId: 7, length: 104 };
    expect(packetLine({ src: a, dst: a, proto: 'icmp', sport: 0, dport: 0, icmpType: 1, icmpCode: 3, inner: echo, length: 152 }, 0)).toBe('IP6 2001:db8:1::2 > 2001:db8:1::2: ICMP6, destination unreachable, unreachable address 2001:db8:1::99, length 112');
  });
  // The rig's capture test/fixtures/tcpdump/cap6.txt: mss 1440, win 64800 and wscale 10, as over IPv4.
  it('prints a TCP SYN with the IPv6 MSS and window', () => {
    expect(packetLine({ src: a, dst: b, proto: 'tcp', sport: 40000, dport: 80, tcpFlags: ['SYN'], length: 80 }, 0)).toMatch(/^IP6 2001:db8:1::2\.40000 > 2001:db8:1::3\.80: Flags \[S\], seq \d+, win 64800, options \[mss 1440,sackOK,TS val \d+ ecr 0,nop,wscale 10\], length 0$/);
  });
});
