/**
 * IPv6 on a dual-stack network, beyond what the goldens pin: the container's
 * link-local derived from its MAC (the goldens normalize both), the embedded DNS's
 * AAAA answer, and the honest lines of the commands that would send IPv6 packets.
 */
import { describe, expect, it } from 'vitest';
import { formatTranscript, runScript } from '../../src/cli/transcript.ts';

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

  it('answers AAAA from the embedded DNS and refuses to ping over IPv6 rather than answer over IPv4', () => {
    const [aaaa, byName, v4, literal, host] = run([
      'docker exec a1 nslookup -type=aaaa a2',
      'docker exec a1 ping -c 1 a2',
      'docker exec a1 ping -4 -c 1 a2',
      'docker exec a1 ping -c 1 2001:db8:1::3',
      'ping -c 1 2001:db8:1::2',
    ]);
    expect(aaaa).toContain('Name:\ta2\nAddress: 2001:db8:1::3\n');
    expect(byName).toBe('$ docker exec a1 ping -c 1 a2\nvethlab: ping over IPv6 is not modelled yet (a2 is 2001:db8:1::3; ping -4 a2 pings its IPv4 address)\n[exit 1]\n');
    expect(v4).toContain('64 bytes from 172.18.0.3: seq=0 ttl=64');
    expect(literal).toContain('vethlab: ping over IPv6 is not modelled yet\n[exit 1]');
    expect(host).toContain('vethlab: ping over IPv6 is not modelled yet\n[exit 2]');
  });

  it('refuses containers on an IPv6-only network in one line', () => {
    const script = ['docker network create --ipv6 --ipv4=false v6only', 'docker run -itd --name c6 --network v6only busybox'].join('\n');
    const out = formatTranscript(runScript(script).entries);
    expect(out).toContain('vethlab: containers on a network without IPv4 (v6only, --ipv4=false) are not modelled yet');
  });
});
