import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/vethlab', import.meta.url));

function vethlab(args: string[], input = ''): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('bin/vethlab', () => {
  it('runs a script from stdin and prints the real-docker transcript format', () => {
    const script = '# comment\n\ndocker network create net1\ndocker run -itd --name c1 --network net1 busybox\ndocker exec c1 sh -c "echo hi; exit 3"\nlan$ ping -c 1 -W 1 192.168.1.108\n';
    const r = vethlab(['run', '-'], script);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('$ docker network create net1');
    expect(lines[1]).toMatch(/^[0-9a-f]{64}$/);
    expect(r.stdout).toContain('$ docker exec c1 sh -c "echo hi; exit 3"\nhi\n[exit 3]\n$ lan$ ping -c 1 -W 1 192.168.1.108\nPING 192.168.1.108 (192.168.1.108) 56(84) bytes of data.\n64 bytes from 192.168.1.108: icmp_seq=1 ttl=64');
  });

  it('prints one command’s packet trace', () => {
    const r = vethlab(['trace', 'docker exec c1 ping -c 1 172.17.0.2', '-'], 'docker network create net1\ndocker run -itd --name c1 --network net1 busybox\ndocker run -itd --name d1 busybox\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('probe: ping from container:c1 to 172.17.0.2');
    expect(r.stdout).toContain('outcome: dropped in host on the request by raw PREROUTING rule 2: -A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP');
  });

  it('says how to use it when asked wrongly', () => {
    expect(vethlab(['frob'])).toMatchObject({ status: 2, stderr: [
        'usage: vethlab run [--json] [--images rig|playground] FILE|-',
        '       vethlab run [--json] [--images rig|playground] --url LINK',
        "       vethlab trace 'LINE' [FILE]",
        '       vethlab share [--base URL] [--step N] [--no-layout] [--short] FILE|-',
        '       vethlab check FILE...',
        'FILE is a shell script, or a scenario file (.yaml, .yml or .json).',
        '',
      ].join('\n'),
    });
  });
});
