/**
 * getent hosts and traceroute's hop names send their questions as packets, as the rig showed
 * (test/fixtures/tcpdump/capresolve.txt and capresolve-2.txt: glibc's getent copied into the
 * rig's busybox containers, busybox traceroute, captured with tcpdump -n on lo and eth0, and
 * the container's DOCKER_OUTPUT counters). The rig's order: net1 with c1 (172.18.0.2) and c2
 * (httpd, .3), b1 (172.17.0.2) on the default bridge.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import { randomness, rigBlock, rigCapture } from './tcpdump-rig.ts';

/** c1 and b1 of `image`, with tcpdump installed by its package manager; they restart after that, as fresh as the rig's. */
function world(image: 'nginx' | 'alpine') {
  const sim = new Simulator({ images: 'playground' });
  const sh = (line: string) => sim.runScriptLine(line);
  sh('docker network create net1');
  sh(`docker run -d --name c1 --network net1 ${image}${image === 'alpine' ? ' sleep 1000' : ''}`);
  sh('docker run -d --name c2 --network net1 httpd');
  sh(`docker run -d --name b1 ${image}${image === 'alpine' ? ' sleep 1000' : ''}`);
  for (const c of ['c1', 'b1']) sh(image === 'alpine' ? `docker exec ${c} apk add tcpdump` : `docker exec ${c} sh -c 'apt-get update && apt-get install -y tcpdump'`);
  sh('docker restart c1 b1');
  const netns = (name: string) => [...sim.engine.containers.values()].find((c) => c.name === name)!.netns!;
  const dnat = () => sim.kernel.netns(netns('c1'))!.netfilter.iptables(['-t', 'nat', '-nvxL', 'DOCKER_OUTPUT'], 4).stdout;
  return { sh, dnat };
}

const PACKET = /^\d\d:\d\d:\d\d\.\d{6} /;
const packets = (text: string) => randomness(text.split('\n').filter((l) => PACKET.test(l)));
const GETENT = '/td/ld-linux-x86-64.so.2 --library-path /td /td/getent';
const capture = (file: string, iface: string, who: string, command: string) => randomness(rigCapture(file, `cap.sh ${iface} $(docker inspect -f '{{.State.Pid}}' ${who}) '' docker exec ${who} ${command}`));
/** What the command itself printed on the rig (before cap.sh's `[cmd exit N]`). */
function printed(file: string, iface: string, who: string, command: string): string {
  const block = rigBlock(file, `cap.sh ${iface} $(docker inspect -f '{{.State.Pid}}' ${who}) '' docker exec ${who} ${command}`);
  return block.slice(block.indexOf('\n') + 1, block.indexOf('[cmd exit'));
}
const counters = (text: string) => text.replace(/:\d{5}\b/g, ':<PORT>');

describe('getent hosts (glibc: gethostbyname2 for AF_INET6, then AF_INET, /etc/hosts before the server each time)', () => {
  it('asks AAAA and then A, each from a socket of its own, and prints the answer', () => {
    const { sh, dnat } = world('nginx');
    for (const name of ['c2', 'nosuch', 'example.com']) {
      const out = sh(`docker exec c1 tcpdump -n -i lo & docker exec c1 getent hosts ${name}`);
      expect(packets(out.stdout), name).toEqual(capture('capresolve.txt', 'lo', 'c1', `${GETENT} hosts ${name}`));
      expect(out.stdout.split('\n').filter((l) => l !== '' && !PACKET.test(l)).map((l) => `${l}\n`).join(''), name).toBe(printed('capresolve.txt', 'lo', 'c1', `${GETENT} hosts ${name}`));
      if (name === 'c2') expect(counters(dnat())).toBe(counters(rigBlock('capresolve.txt', 'nsenter').replace(/^[^\n]*\n/, '')));
    }
    expect(sh('docker exec c1 getent hosts nosuch').exitCode).toBe(2);
    // On the default bridge the questions go to the LAN's server over eth0 (the rig's b1 had reached its gateway before, in its traceroute: here a first getent does).
    sh('docker exec b1 getent hosts example.com');
    const out = sh('docker exec b1 tcpdump -n -i eth0 & docker exec b1 getent hosts example.com');
    expect(packets(out.stdout)).toEqual(capture('capresolve.txt', 'eth0', 'b1', `${GETENT} hosts example.com`));
    expect(out.traces?.map((t) => t.probe.dns?.type)).toEqual(['AAAA', 'A']);
  });
});

describe('busybox traceroute names each hop with a PTR question, sent as the hop is printed', () => {
  it('asks for the target (A and AAAA from one socket), then a PTR per hop; the embedded DNS names c2.net1', () => {
    const { sh, dnat } = world('alpine');
    const out = sh('docker exec c1 tcpdump -n -i lo & docker exec c1 traceroute c2');
    // The first recording took the A and AAAA exchanges in turn, as the model does (the second sent both questions first).
    expect(packets(out.stdout)).toEqual(capture('capresolve.txt', 'lo', 'c1', 'traceroute c2'));
    expect(out.stdout).toContain(' 1  c2.net1 (172.18.0.3)  ');
    // One flow for the A and AAAA questions, one for the PTR: DOCKER_OUTPUT's DNAT counts two packets (the rig's 8 less getent's 6).
    expect(dnat()).toMatch(/^ +2 +\d+ DNAT +17 /m);
  });

  it('on the default bridge asks the LAN\'s server on eth0 after the first answer of each hop', () => {
    const { sh } = world('alpine');
    const out = sh('docker exec b1 tcpdump -n -i eth0 & docker exec b1 traceroute 203.0.113.10');
    expect(packets(out.stdout)).toEqual(capture('capresolve.txt', 'eth0', 'b1', 'traceroute 203.0.113.10'));
    expect(out.stdout.split('\n').slice(0, 3).map((l) => l.replace(/\d+\.\d{3} ms/g, 'T ms'))).toEqual(printed('capresolve.txt', 'eth0', 'b1', 'traceroute 203.0.113.10').split('\n').slice(0, 3).map((l) => l.replace(/\d+\.\d{3} ms/g, 'T ms')));
    // The last trace is still the last probe.
    expect(out.traces?.at(-1)?.probe.kind).toBe('udp-send');
    expect(out.traces?.at(-1)?.probe.dns).toBeUndefined();
  });
});
