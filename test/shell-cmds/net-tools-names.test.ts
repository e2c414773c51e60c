/**
 * busybox arp, route and netstat without -n name addresses, and their questions are packets,
 * as the rig showed (test/fixtures/tcpdump/capnettools.txt and capnettools-2.txt: the rig's
 * busybox 1.35 images, captured with tcpdump -n on c1's lo and b2's eth0, and c1's
 * DOCKER_OUTPUT counters). The rig's order: net1 with c1 (172.18.0.2) and c2 (httpd, .3);
 * b1 (httpd, 172.17.0.2) and b2 (--add-host hostgw:172.17.0.1, .3) on the default bridge.
 * arp and route are compared packet by packet from Alpine containers with tcpdump installed
 * (the same busybox code; musl asks /etc/hosts and then one PTR per address as glibc does);
 * netstat, whose names Alpine's build gives otherwise, in the rig's own image.
 */
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/sim/net/trace.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import { randomness, rigBlock, rigCapture } from './tcpdump-rig.ts';

const FILES = ['capnettools.txt', 'capnettools-2.txt'];
const PACKET = /^\d\d:\d\d:\d\d\.\d{6} /;
const packets = (text: string) => randomness(text.split('\n').filter((l) => PACKET.test(l)));
const capLine = (iface: string, who: string, command: string) => `cap.sh ${iface} $(docker inspect -f '{{.State.Pid}}' ${who}) '' docker exec ${who} ${command}`;
/** What the command printed on the rig (before cap.sh's `[cmd exit N]`), MACs left out. */
function printed(file: string, iface: string, who: string, command: string): string {
  const block = rigBlock(file, capLine(iface, who, command));
  return macless(block.slice(block.indexOf('\n') + 1, block.indexOf('[cmd exit')));
}
const macless = (text: string) => text.replace(/([0-9a-f]{2}:){5}[0-9a-f]{2}/g, '<MAC>');
/**
 * A capture as its exchanges, each question with its answer and in no order: the PTR questions
 * follow arp's entries, which the kernel lists in its neighbour hash's order (the two recordings
 * differ for b2); ports numbered within each exchange.
 */
function exchanges(lines: string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < lines.length; i += 2) pairs.push(randomness([lines[i]!, lines[i + 1]!]).join(' / '));
  return pairs.sort();
}
/** The questions a command sent from the container itself (the embedded DNS's forwarding leaves from the host). */
const fromContainer = (traces: readonly Trace[] | undefined) => (traces ?? []).filter((t) => t.hops[0]?.netns.startsWith('container:'));
/** arp's lines in address order (the kernel lists its neighbour hash in no fixed order: the two recordings differ). */
const sorted = (text: string) => text.split('\n').filter((l) => l !== '').sort((a, b) => a.replace(/^\S+ /, '').localeCompare(b.replace(/^\S+ /, '')));

function world(image: 'alpine' | 'busybox') {
  const sim = new Simulator({ images: image === 'alpine' ? 'playground' : 'rig' });
  const sh = (line: string) => sim.runScriptLine(line);
  const sleeper = image === 'alpine' ? 'alpine sleep 1000' : 'busybox sleep 1000';
  sh('docker network create net1');
  sh(`docker run -d --name c1 --network net1 ${sleeper}`);
  sh('docker run -d --name c2 --network net1 httpd');
  sh('docker run -d --name b1 httpd');
  sh(`docker run -d --name b2 --add-host hostgw:172.17.0.1 ${sleeper}`);
  if (image === 'alpine') {
    for (const c of ['c1', 'b2']) sh(`docker exec ${c} apk add tcpdump`);
    sh('docker restart c1 b2');
  }
  sh('docker exec c1 ping -c1 c2');
  sh('docker exec c1 ping -c1 172.18.0.1');
  const netns = (name: string) => [...sim.engine.containers.values()].find((c) => c.name === name)!.netns!;
  const dnat = () => sim.kernel.netns(netns('c1'))!.netfilter.iptables(['-t', 'nat', '-nvxL', 'DOCKER_OUTPUT'], 4).stdout;
  return { sh, dnat };
}

describe('busybox arp without -n names each entry (INET_rresolve: /etc/hosts, then a PTR question)', () => {
  it('asks the embedded DNS one PTR per entry from a socket of its own; c2 is c2.net1, the gateway ?', () => {
    const { sh, dnat } = world('alpine');
    for (const command of ['arp', 'arp -a']) {
      const out = sh(`docker exec c1 tcpdump -n -i lo & docker exec c1 ${command}`);
      for (const file of FILES) {
        expect(exchanges(out.stdout.split('\n').filter((l) => PACKET.test(l))), `${command} ${file}`).toEqual(exchanges(rigCapture(file, capLine('lo', 'c1', command))));
        expect(sorted(macless(out.stdout.split('\n').filter((l) => !PACKET.test(l)).join('\n'))), `${command} ${file}`).toEqual(sorted(printed(file, 'lo', 'c1', command)));
      }
      if (command === 'arp') {
        // The pings' A+AAAA flow and one flow per PTR: 3 packets counted by DNAT, as on the rig (186 bytes there, pings of c2 only).
        expect(dnat()).toMatch(/^ +3 +\d+ DNAT +17 /m);
      }
    }
    expect(sh('docker exec c1 arp -n').stdout).toMatch(/^\? \(172\.18\.0\.\d\) at /);
    expect(sh('docker exec c1 arp -n').traces ?? []).toEqual([]);
  });

  it('looks a HOSTNAME up with one A question (gethostbyname), then names the entry', () => {
    const { sh } = world('alpine');
    const out = sh('docker exec c1 tcpdump -n -i lo & docker exec c1 arp c2');
    expect(packets(out.stdout)).toEqual(randomness(rigCapture('capnettools.txt', capLine('lo', 'c1', 'arp c2'))));
    expect(macless(out.stdout.split('\n').filter((l) => !PACKET.test(l) && l !== '').join('\n') + '\n')).toBe(printed('capnettools.txt', 'lo', 'c1', 'arp c2'));
    const missing = sh('docker exec c1 tcpdump -n -i lo & docker exec c1 arp nosuch');
    // arp's line among tcpdump's own (stderr all).
    expect(missing.stderr.split('\n')).toContain(printed('capnettools.txt', 'lo', 'c1', 'arp nosuch').trimEnd());
    expect(packets(missing.stdout)).toEqual(randomness(rigCapture('capnettools.txt', capLine('lo', 'c1', 'arp nosuch'))));
    expect(missing.exitCode).toBe(1);
    // Its one question in the container (the embedded DNS forwards it from the host).
    expect(fromContainer(missing.traces).map((t) => `${t.probe.dns?.type} ${t.probe.dns?.name}`)).toEqual(['A nosuch']);
  });

  it('names an address from /etc/hosts without a packet; on the default bridge asks the LAN\'s server on eth0', () => {
    const { sh } = world('alpine');
    sh('docker exec b2 ping -c1 172.17.0.1');
    sh('docker exec b2 ping -c1 172.17.0.2');
    const out = sh('docker exec b2 tcpdump -n -i eth0 & docker exec b2 arp');
    for (const file of FILES) {
      expect(exchanges(out.stdout.split('\n').filter((l) => PACKET.test(l))), file).toEqual(exchanges(rigCapture(file, capLine('eth0', 'b2', 'arp'))));
      expect(sorted(macless(out.stdout.split('\n').filter((l) => !PACKET.test(l)).join('\n'))), file).toEqual(sorted(printed(file, 'eth0', 'b2', 'arp')));
    }
  });
});

describe('busybox route and netstat -r without -n name the gateway only (destinations are networks: getnetbyaddr, no packet)', () => {
  it('asks one PTR for the gateway, which nobody names, and prints default and *', () => {
    const { sh } = world('alpine');
    for (const command of ['route', 'netstat -r']) {
      const out = sh(`docker exec c1 tcpdump -n -i lo & docker exec c1 ${command}`);
      expect(packets(out.stdout), command).toEqual(randomness(rigCapture('capnettools.txt', capLine('lo', 'c1', command))));
      expect(out.stdout.split('\n').filter((l) => !PACKET.test(l) && l !== '').join('\n') + '\n', command).toBe(printed('capnettools.txt', 'lo', 'c1', command));
    }
  });

  it('on the default bridge asks the LAN\'s server for the gateway\'s name over eth0', () => {
    const { sh } = world('busybox');
    const out = sh('docker exec b1 route');
    expect(out.stdout).toBe(printed('capnettools.txt', 'eth0', 'b1', 'route'));
    // The rig's one question: `PTR? 1.0.17.172.in-addr.arpa.` from b1 (172.17.0.2) to 192.168.1.1, answered NXDomain.
    expect(rigCapture('capnettools.txt', capLine('eth0', 'b1', 'route')).filter((l) => l.includes('PTR?')).length).toBe(1);
    expect(fromContainer(out.traces).map((t) => `${t.probe.dns?.type} ${t.probe.dns?.name} ${t.probe.dst} ${t.probe.dns?.answer.rcode}`)).toEqual(['PTR 1.0.17.172.in-addr.arpa 192.168.1.1 NXDomain']);
  });

  it('names the gateway from /etc/hosts without a question', () => {
    const { sh } = world('alpine');
    const out = sh('docker exec b2 route');
    expect(out.stdout).toBe(printed('capnettools.txt', 'eth0', 'b2', 'route'));
    expect(out.traces ?? []).toEqual([]);
  });

  it('cuts a long gateway name to 15 characters (%-15.15s)', () => {
    const { sh } = world('busybox');
    sh('docker run -d --name b3 --add-host a-very-long-gateway-name:172.17.0.1 busybox sleep 1000');
    expect(sh('docker exec b3 route').stdout.split('\n')[2]).toBe('default         a-very-long-gat 0.0.0.0         UG    0      0        0 eth0');
  });
});

describe("busybox netstat without -n (the rig's glibc build) names each IPv4 address, local then foreign", () => {
  it('asks a PTR for 127.0.0.11 and one for 0.0.0.0 per socket, never for ::, and prints the numbers nobody names', () => {
    const { sh, dnat } = world('busybox');
    const before = Number(/^ +(\d+) +\d+ DNAT +17 /m.exec(dnat())![1]);
    for (const [who, command] of [['c1', 'netstat -ul'], ['c1', 'netstat -tl'], ['c1', 'netstat -t'], ['c2', 'netstat -tl']] as const) {
      const out = sh(`docker exec ${who} ${command}`);
      const rig = printed('capnettools.txt', 'lo', who, command);
      // The embedded DNS's ports are drawn at random.
      expect(out.stdout.replace(/127\.0\.0\.11:\d+/, '127.0.0.11:P'), `${who} ${command}`).toBe(rig.replace(/127\.0\.0\.11:\d+/, '127.0.0.11:P'));
      const questions = rigCapture('capnettools.txt', capLine('lo', who, command)).filter((l) => / > 127\.0\.0\.11\./.test(l));
      const asked = fromContainer(out.traces).map((t) => `${t.probe.dns?.type} ${t.probe.dns?.name} ${t.hops[0]!.packet.sport}`);
      expect(asked.map((q) => q.replace(/ \d+$/, '')), `${who} ${command}`).toEqual(questions.map((_, i) => ['PTR 11.0.0.127.in-addr.arpa', 'PTR 0.0.0.0.in-addr.arpa'][i]));
      // Each from a socket of its own (the rig's lengths: 41 and 38 bytes of DNS).
      expect(new Set(asked.map((q) => q.split(' ')[2])).size).toBe(asked.length);
      expect(questions.map((l) => /length (\d+)/.exec(l)![1])).toEqual(questions.map((_, i) => ['41', '38'][i]));
    }
    // One DNAT flow per question (c2's netstat counts in c2's namespace).
    expect(Number(/^ +(\d+) +\d+ DNAT +17 /m.exec(dnat())![1]) - before).toBe(4);
    expect(sh('docker exec c1 netstat -tln').traces ?? []).toEqual([]);
  });

  it("Alpine's build says in one line that its names are not modelled, and lists with -n", () => {
    const { sh } = world('alpine');
    const out = sh('docker exec c1 netstat -tl');
    expect(out.stderr).toMatch(/^vethlab: Alpine's busybox netstat names sockets .* netstat -n lists them\n$/);
    expect(out.exitCode).toBe(1);
    expect(sh('docker exec c1 netstat -tln').stdout).toContain('127.0.0.11:');
  });
});
