import { scratchFs } from '../../src/sim/shell/fs.ts';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/sim/docker/engine.ts';
import { Kernel } from '../../src/sim/net/index.ts';
import { pingCommand } from '../../src/sim/shell/ping.ts';
import type { CommandContext } from '../../src/sim/shell/types.ts';

const noNames = () => undefined;

function setup() {
  const engine = new Engine(new Kernel());
  engine.createNetwork({ name: 'net1' });
  engine.run({ image: 'busybox', name: 'c1', network: 'net1' });
  engine.run({ image: 'busybox', name: 'c2', network: 'net1' });
  engine.run({ image: 'busybox', name: 'd1' });
  return engine;
}

function ctx(engine: Engine, netns: string, userland: 'debian' | 'busybox'): CommandContext {
  return { kernel: engine.kernel, netns, stdin: '', env: {}, userland, fs: scratchFs() };
}

/** Ping times are measured values on a real host; transcripts compare them as <T>. */
const times = (s: string) => s.replace(/time=\d+\.\d+ ms/g, 'time=<T> ms').replace(/= [\d./]+ ms/g, '= <T> ms');

describe('busybox ping in a container', () => {
  const ping = pingCommand('busybox', noNames);

  it('prints replies like busybox 1.35 (golden 04/05)', () => {
    const e = setup();
    const r = ping(['-c', '2', '-W', '1', '172.18.0.3'], ctx(e, 'container:c1', 'busybox'));
    expect(r.exitCode).toBe(0);
    expect(times(r.stdout)).toBe(
      'PING 172.18.0.3 (172.18.0.3): 56 data bytes\n64 bytes from 172.18.0.3: seq=0 ttl=64 time=<T> ms\n64 bytes from 172.18.0.3: seq=1 ttl=64 time=<T> ms\n\n--- 172.18.0.3 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min/avg/max = <T> ms\n',
    );
    expect(r.traces).toHaveLength(2);
  });

  it('reports 100% loss for a container on another bridge (dropped in raw PREROUTING)', () => {
    const e = setup();
    const r = ping(['-c', '1', '-W', '1', '172.17.0.2'], ctx(e, 'container:c1', 'busybox'));
    expect(r).toMatchObject({ exitCode: 1, stdout: 'PING 172.17.0.2 (172.17.0.2): 56 data bytes\n\n--- 172.17.0.2 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n' });
    expect(r.traces![0]!.outcome).toMatchObject({ kind: 'dropped', by: { table: 'raw' } });
  });

  it('counts the host as a router: ttl 63 across bridges is what a reply through FORWARD shows', () => {
    const e = setup();
    const r = ping(['-c', '1', '203.0.113.10'], ctx(e, 'container:d1', 'busybox'));
    expect(r.stdout).toContain('ttl=63');
  });

  it('says sendto failed without a route, and bad address for an unknown name (golden 25, 05)', () => {
    const e = setup();
    e.createNetwork({ name: 'quiet', internal: true });
    e.run({ image: 'busybox', name: 'i1', network: 'quiet' });
    expect(ping(['-c', '1', '203.0.113.10'], ctx(e, 'container:i1', 'busybox'))).toMatchObject({
      stdout: 'PING 203.0.113.10 (203.0.113.10): 56 data bytes\n',
      stderr: 'ping: sendto: Network is unreachable\n',
      exitCode: 1,
    });
    expect(ping(['-c', '1', 'bbox3'], ctx(e, 'container:c1', 'busybox'))).toMatchObject({ stderr: "ping: bad address 'bbox3'\n", exitCode: 1 });
  });
});

describe('iputils ping on the hosts', () => {
  const ping = pingCommand('iputils', noNames);

  it('prints replies like iputils 20221126 (golden 28)', () => {
    const e = setup();
    const r = ping(['-c', '1', '-W', '1', '172.17.0.2'], ctx(e, 'host', 'debian'));
    expect(times(r.stdout)).toBe(
      'PING 172.17.0.2 (172.17.0.2) 56(84) bytes of data.\n64 bytes from 172.17.0.2: icmp_seq=1 ttl=64 time=<T> ms\n\n--- 172.17.0.2 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\nrtt min/avg/max/mdev = <T> ms\n',
    );
  });

  it('times out from the LAN to a container address (golden 22: dropped in raw)', () => {
    const e = setup();
    e.kernel.addRoute('lan', { dst: '172.17.0.0/16', via: '192.168.1.108' });
    const r = ping(['-c', '1', '-W', '1', '172.17.0.2'], ctx(e, 'lan', 'debian'));
    expect(r).toMatchObject({ exitCode: 1, stdout: 'PING 172.17.0.2 (172.17.0.2) 56(84) bytes of data.\n\n--- 172.17.0.2 ping statistics ---\n1 packets transmitted, 0 received, 100% packet loss, time 0ms\n\n' });
  });

  it('prints the ICMP error a REJECT sends back, where busybox shows plain loss', () => {
    const e = setup();
    const nf = e.kernel.netns('host')!.netfilter;
    expect(nf.iptables(['-I', 'INPUT', '-s', '192.168.1.20', '-p', 'icmp', '-j', 'REJECT'], 4).exitCode).toBe(0);
    const r = ping(['-c', '1', '192.168.1.108'], ctx(e, 'lan', 'debian'));
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(
      'PING 192.168.1.108 (192.168.1.108) 56(84) bytes of data.\nFrom 192.168.1.108 icmp_seq=1 Destination Port Unreachable\n\n--- 192.168.1.108 ping statistics ---\n1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n\n',
    );
    expect(nf.iptables(['-I', 'DOCKER-USER', '-d', '192.168.1.20', '-j', 'REJECT'], 4).exitCode).toBe(0);
    const busybox = pingCommand('busybox', noNames)(['-c', '1', '192.168.1.20'], ctx(e, 'container:d1', 'busybox'));
    expect(busybox.stdout).toContain('1 packets transmitted, 0 packets received, 100% packet loss');
    expect(busybox.traces![0]!.outcome).toMatchObject({ kind: 'rejected', by: { chain: 'DOCKER-USER' } });
  });
});
