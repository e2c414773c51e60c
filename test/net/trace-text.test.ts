import { describe, expect, it } from 'vitest';
import { formatTrace } from '../../src/sim/net/index.ts';
import { twoBridges } from './world.ts';

describe('the Trace as text', () => {
  it('reads like iptables TRACE lines and names the rule that dropped the packet', () => {
    const k = twoBridges();
    const nf = k.netns('host')!.netfilter;
    for (const line of ['-P FORWARD DROP', '-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT', '-A FORWARD -i br1 -j ACCEPT']) {
      expect(nf.iptables(line.split(' '), 4).exitCode).toBe(0);
    }
    const text = formatTrace(k.probe({ kind: 'icmp-echo', from: 'b1', dst: '172.18.0.2' }));
    expect(text).toContain('probe: ping from b1 to 172.18.0.2\n> b1: send: b1 sends ICMP echo request 172.19.0.2 > 172.18.0.2\n');
    expect(text).toMatch(/TRACE: filter:FORWARD:policy:DROP IN=br2 OUT=br1 PHYSIN=veth2 SRC=172\.19\.0\.2 DST=172\.18\.0\.2 LEN=84 PROTO=ICMP TYPE=8 CODE=0 ID=\d+ {2}:FORWARD DROP\n/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('outcome: dropped in host on the request by filter FORWARD policy: :FORWARD DROP');
  });

  it('shows a NAT rewrite', () => {
    const k = twoBridges();
    const nf = k.netns('host')!.netfilter;
    expect(nf.iptables('-t nat -A POSTROUTING -s 172.18.0.0/16 -o br2 -j MASQUERADE'.split(' '), 4).exitCode).toBe(0);
    const text = formatTrace(k.probe({ kind: 'icmp-echo', from: 'a1', dst: '172.19.0.2' }));
    expect(text).toContain('    rewritten: 172.18.0.2 > 172.19.0.2 icmp -> 172.19.0.1 > 172.19.0.2 icmp\n');
    expect(text).toContain('outcome: replied\n');
  });
});
