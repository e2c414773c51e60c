/**
 * The embedded DNS's own sockets in a container on a user-defined network:
 * dockerd's UDP and TCP listeners on 127.0.0.11 at random ephemeral ports
 * (golden dns-resolver-sockets, where the normalizer masks the ports), owned
 * by no process the container can see. busybox netstat of the rig's Debian
 * build has no -p; ss (iproute2, not on the rig) lists the same sockets.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

function world(images: 'rig' | 'playground' = 'rig') {
  const sim = new Simulator({ images });
  const sh = (line: string) => sim.runScriptLine(line);
  sh('docker network create app');
  return sh;
}

/** The ports of netstat's 127.0.0.11 lines, by protocol. */
function resolverPorts(netstat: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of netstat.matchAll(/^(tcp|udp) +0 +0 127\.0\.0\.11:(\d+) +0\.0\.0\.0:\* +(LISTEN)? *$/gm)) out[m[1]!] = Number(m[2]);
  return out;
}

describe("the embedded DNS's sockets", () => {
  it('a user-network container shows a TCP listener and a UDP socket on 127.0.0.11 at ephemeral ports', () => {
    const sh = world();
    sh('docker run -itd --name client --network app busybox');
    const out = sh('docker exec client netstat -ltnu');
    expect(out.exitCode).toBe(0);
    const ports = resolverPorts(out.stdout);
    expect(Object.keys(ports).sort()).toEqual(['tcp', 'udp']);
    for (const port of Object.values(ports)) {
      expect(port).toBeGreaterThanOrEqual(32768);
      expect(port).toBeLessThanOrEqual(60999);
    }
    expect(out.stdout.split('\n')).toHaveLength(5);
  });

  it('a default-bridge container has none until it joins a user network', () => {
    const sh = world();
    sh('docker run -itd --name plain busybox');
    expect(sh('docker exec plain netstat -ltnu').stdout).toBe('Active Internet connections (only servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       \n');
    sh('docker network connect app plain');
    expect(Object.keys(resolverPorts(sh('docker exec plain netstat -ltnu').stdout)).sort()).toEqual(['tcp', 'udp']);
  });

  it('no process of the container owns them', () => {
    const sh = world();
    sh('docker run -itd --name client --network app busybox');
    expect(sh('docker exec client ps -o comm').stdout).toBe('COMMAND\nsh\nps\n');
  });

  it("the rig's busybox netstat has no -p: its usage, as Debian builds it", () => {
    const sh = world();
    sh('docker run -itd --name client --network app busybox');
    const out = sh('docker exec client netstat -ltnup');
    expect(out.exitCode).toBe(1);
    expect(out.stdout + out.stderr).toMatch(/^netstat: invalid option -- 'p'\nBusyBox v1\.35\.0 .*\n\nUsage: netstat \[-ral\] \[-tuwx\] \[-en\]\n/);
  });

  it('ss in an Alpine container lists them as dockerd made them (Go asks for a backlog of somaxconn)', () => {
    const sh = world('playground');
    sh('docker run -itd --name al --network app alpine');
    sh('docker exec al apk add iproute2-ss');
    const ports = resolverPorts(sh('docker exec al netstat -ltnu').stdout);
    const ss = sh('docker exec al ss -ltnu').stdout;
    expect(ss).toMatch(new RegExp(`^udp +UNCONN +0 +0 +127\\.0\\.0\\.11:${ports.udp} +0\\.0\\.0\\.0:\\* *$`, 'm'));
    expect(ss).toMatch(new RegExp(`^tcp +LISTEN +0 +4096 +127\\.0\\.0\\.11:${ports.tcp} +0\\.0\\.0\\.0:\\* *$`, 'm'));
    expect(sh('docker exec al netstat -ltnp').stderr).toBe('vethlab: busybox netstat -p is not modelled here\n');
  });
});
