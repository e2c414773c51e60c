import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/vethlab', import.meta.url));

function vethlab(args: string[], input = ''): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

// Each test starts Node with tsx, which compiles the simulator first: seconds on a loaded 2-core machine.
describe('bin/vethlab', { timeout: 60_000 }, () => {
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

  it('traces with the playground images, and in one line per hop with --short', () => {
    const setup = 'docker network create n\ndocker run -itd --name c1 --network n busybox\ndocker run -itd --name c2 --network n busybox\ndocker exec c1 false\n';
    const short = vethlab(['trace', '--short', 'docker exec c1 ping -c 1 c2', '-'], setup);
    expect(short.status).toBe(0);
    const hops = short.stdout.slice(short.stdout.indexOf('ping from container:c1 to 172.18.0.3\n'));
    expect(hops.split('\n').slice(0, 3)).toEqual([
      'ping from container:c1 to 172.18.0.3',
      ' 1. > container:c1: send: container:c1 sends ICMP echo request 172.18.0.2 > 172.18.0.3',
      ' 2. > container:c1: route: 172.18.0.0/16 dev eth0 proto kernel scope link src 172.18.0.2',
    ]);
    expect(hops).toContain(' 8. > host (bridge): FORWARD ACCEPT: -A DOCKER-FORWARD -i br-');
    expect(hops.endsWith('\n= replied\n')).toBe(true);
    // --images is an option, not a file named "playground".
    expect(vethlab(['trace', '--images', 'playground', 'docker run --rm alpine echo hi'])).toMatchObject({ status: 0, stdout: 'hi\n(no packets)\n' });
  }, 60_000);

  it('trace: the traced line may fail; an unreadable setup file may not', () => {
    const failed = vethlab(['trace', 'ping -c 1 -W 1 10.9.9.9']);
    expect(failed.status).toBe(0);
    expect(failed.stdout).toContain('[exit 1]\n\nprobe: ping from host to 10.9.9.9\n');
    expect(vethlab(['trace', 'true', 'no-such-setup.sh'])).toMatchObject({ status: 1, stdout: '', stderr: 'vethlab: no-such-setup.sh: no such file\n' });
    expect(vethlab(['trace', '--images', 'debian', 'true'])).toMatchObject({ status: 2 });
  }, 60_000);

  it('without a command: the usage and status 2 (--help: status 0)', () => {
    const bare = vethlab([]);
    expect(bare).toMatchObject({ status: 2, stdout: '' });
    expect(bare.stderr).toMatch(/^usage: vethlab run /);
    expect(vethlab(['--help'])).toMatchObject({ status: 0 });
  }, 60_000);

  it('says how to use it when asked wrongly', () => {
    expect(vethlab(['frob'])).toMatchObject({ status: 2, stderr: [
        'usage: vethlab run [--json] [--images rig|playground] FILE|-',
        '       vethlab run [--json] [--images rig|playground] --url LINK',
        "       vethlab trace [--images rig|playground] [--short] 'LINE' [FILE|-]",
        '       vethlab share [--base URL] [--step N] [--no-layout] [--short] FILE|-',
        '       vethlab check FILE...',
        '       vethlab export --linux [--prefix P] [--step N] [--images rig|playground] [-o OUT] FILE|-',
        'FILE is a shell script, or a scenario file (.yaml, .yml or .json).',
        '',
      ].join('\n'),
    });
  });
});
