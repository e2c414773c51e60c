/**
 * tcpdump once installed (apk add tcpdump / apt-get install tcpdump), drawn
 * from the Traces of the commands run after it on the line. No golden: the
 * rig's host has no tcpdump and its images cannot install it. Line formats
 * from tcpdump 4.99's print-icmp.c and print-tcp.c, the header and closing
 * counts from tcpdump.c.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import { packetLine } from '../../src/sim/shell/tcpdump.ts';

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

  it('prints the echo requests and replies of a ping run after it on the line', () => {
    const sh = world();
    sh('docker exec aa apk add tcpdump');
    const out = sh(`docker exec aa sh -c 'tcpdump -c 4 -n -i eth0 & ping -c 2 bb'`);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe(HEADER + counts(4));
    const lines = times(out.stdout).split('\n');
    expect(lines[0]).toBe('PING bb (172.18.0.3): 56 data bytes');
    const id = /id (\d+),/.exec(out.stdout)?.[1];
    // busybox ping counts from seq 0; one id for the whole run.
    expect(lines.slice(7, 11)).toEqual([
      `T IP 172.18.0.2 > 172.18.0.3: ICMP echo request, id ${id}, seq 0, length 64`,
      `T IP 172.18.0.3 > 172.18.0.2: ICMP echo reply, id ${id}, seq 0, length 64`,
      `T IP 172.18.0.2 > 172.18.0.3: ICMP echo request, id ${id}, seq 1, length 64`,
      `T IP 172.18.0.3 > 172.18.0.2: ICMP echo reply, id ${id}, seq 1, length 64`,
    ]);
    // The same line again gives the same transcript.
    const again = world();
    again('docker exec aa apk add tcpdump');
    expect(again(`docker exec aa sh -c 'tcpdump -c 4 -n -i eth0 & ping -c 2 bb'`).stdout).toBe(out.stdout);
  });

  it('shows a TCP handshake, respects -c and filters', () => {
    const sh = world();
    sh('docker exec aa apk add tcpdump');
    const tcp = sh('docker exec aa tcpdump -n -i eth0 port 80 & docker exec aa wget -qO- 203.0.113.10');
    const lines = times(tcp.stdout).split('\n');
    expect(lines[1]).toMatch(/^T IP 172\.18\.0\.2\.\d+ > 203\.0\.113\.10\.80: Flags \[S\], seq \d+, win 64240, options \[mss 1460,sackOK,TS val \d+ ecr 0,nop,wscale 7\], length 0$/);
    expect(lines[2]).toMatch(/^T IP 203\.0\.113\.10\.80 > 172\.18\.0\.2\.\d+: Flags \[S\.\], seq \d+, ack \d+, win 65160, options \[mss 1460,sackOK,TS val \d+ ecr \d+,nop,wscale 7\], length 0$/);
    const isn = Number(/Flags \[S\], seq (\d+)/.exec(tcp.stdout)![1]);
    expect(tcp.stdout).toContain(`ack ${isn + 1},`);
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
    expect(sh('docker exec aa tcpdump -i eth0').stderr).toBe('vethlab: tcpdump without -n (name lookups for every address) is not modelled here; add -n\n');
    expect(sh('docker exec aa tcpdump -n -w x.pcap').stderr).toBe('vethlab: tcpdump -w is not modelled here (-n, -c N, -i IFACE are)\n');
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
  it('prints a TCP SYN with the IPv6 MSS and window', () => {
    expect(packetLine({ src: a, dst: b, proto: 'tcp', sport: 40000, dport: 80, tcpFlags: ['SYN'], length: 80 }, 0)).toMatch(/^IP6 2001:db8:1::2\.40000 > 2001:db8:1::3\.80: Flags \[S\], seq \d+, win 64800, options \[mss 1440,sackOK,TS val \d+ ecr 0,nop,wscale 7\], length 0$/);
  });
});
