/**
 * The packet walk: table order, jumps, gotos and returns, policies, REJECT vs
 * DROP, counters as `iptables -L -v` and `iptables-save -c` show them, and the
 * deciding rule named with its iptables-save text.
 */
import { describe, expect, it } from 'vitest';
import { Netfilter } from '../../src/sim/netfilter/netfilter.ts';
import { context, ping, rules, tcp } from './helpers.ts';

const host = context({ eth0: '192.168.1.108', docker0: '172.17.0.1' });

describe('chain traversal', () => {
  it('drops by policy and names the policy as the decider', () => {
    const nf = new Netfilter();
    rules(nf, 'iptables -P FORWARD DROP');
    const r = nf.runHook('FORWARD', ping('10.0.0.1', '10.0.0.2'), { inIface: 'eth0', outIface: 'eth1' }, host);
    expect(r.verdict).toBe('DROP');
    expect(r.decidedBy).toEqual({ table: 'filter', chain: 'FORWARD', num: 0, text: ':FORWARD DROP' });
    expect(r.steps.map((s) => s.action)).toEqual(['enter', 'policy']);
  });

  it('REJECT answers with --reject-with while DROP is silent, each naming its rule', () => {
    const nf = new Netfilter();
    rules(
      nf,
      'iptables -A INPUT -p tcp --dport 23 -j REJECT --reject-with tcp-reset',
      'iptables -A INPUT -p tcp --dport 24 -j DROP',
      'iptables -A INPUT -p tcp -j REJECT',
    );
    const place = { inIface: 'eth0' };
    const telnet = nf.runHook('INPUT', tcp('10.0.0.1', 4000, '192.168.1.108', 23), place, host);
    expect(telnet.verdict).toBe('REJECT');
    expect(telnet.rejectWith).toBe('tcp-reset');
    expect(telnet.decidedBy?.text).toBe('-A INPUT -p tcp -m tcp --dport 23 -j REJECT --reject-with tcp-reset');
    expect(telnet.decidedBy?.num).toBe(1);
    const drop = nf.runHook('INPUT', tcp('10.0.0.1', 4001, '192.168.1.108', 24), place, host);
    expect(drop.verdict).toBe('DROP');
    expect(drop.rejectWith).toBeUndefined();
    expect(drop.decidedBy?.num).toBe(2);
    const other = nf.runHook('INPUT', tcp('10.0.0.1', 4002, '192.168.1.108', 80), place, host);
    expect(other.rejectWith).toBe('icmp-port-unreachable');
  });

  it('returns from a jumped-to chain to the next rule, but a goto returns past its caller', () => {
    const build = (how: '-j' | '-g'): Netfilter => {
      const nf = new Netfilter();
      rules(
        nf,
        'iptables -N A',
        'iptables -N B',
        'iptables -P INPUT DROP',
        'iptables -A INPUT -j A',
        'iptables -A INPUT -j ACCEPT',
        `iptables -A A ${how} B`,
        'iptables -A A -j DROP',
      );
      return nf;
    };
    const pkt = ping('10.0.0.1', '192.168.1.108');
    const jumped = build('-j').runHook('INPUT', pkt, { inIface: 'eth0' }, host);
    expect(jumped.verdict).toBe('DROP');
    expect(jumped.decidedBy?.text).toBe('-A A -j DROP');
    const gone = build('-g').runHook('INPUT', pkt, { inIface: 'eth0' }, host);
    expect(gone.verdict).toBe('ACCEPT');
    expect(gone.decidedBy?.text).toBe('-A INPUT -j ACCEPT');
    expect(gone.steps.map((s) => `${s.action}:${s.chain}`)).toEqual([
      'enter:INPUT',
      'jump:INPUT',
      'enter:A',
      'goto:A',
      'enter:B',
      'return:B',
      'accept:INPUT',
    ]);
  });

  it('RETURN in a built-in chain hands the packet to the policy', () => {
    const nf = new Netfilter();
    rules(nf, 'iptables -P INPUT DROP', 'iptables -A INPUT -j RETURN', 'iptables -A INPUT -j ACCEPT');
    const r = nf.runHook('INPUT', ping('10.0.0.1', '192.168.1.108'), { inIface: 'eth0' }, host);
    expect(r.verdict).toBe('DROP');
    expect(r.decidedBy?.num).toBe(0);
  });

  it('counts matched packets and bytes per rule, and LOG lets the packet go on', () => {
    const nf = new Netfilter();
    rules(nf, 'iptables -A INPUT -p icmp -j LOG --log-prefix "ping: "', 'iptables -A INPUT -s 10.0.0.9 -j DROP');
    for (let i = 0; i < 3; i++) nf.runHook('INPUT', ping('10.0.0.1', '192.168.1.108', 1), { inIface: 'eth0' }, host);
    const logged = nf.runHook('INPUT', ping('10.0.0.1', '192.168.1.108', 1), { inIface: 'eth0' }, host);
    expect(logged.steps.find((s) => s.action === 'log')?.logPrefix).toBe('ping: ');
    expect(nf.iptables(['-L', 'INPUT', '-v', '-x', '-n'], 4).stdout).toBe(
      [
        'Chain INPUT (policy ACCEPT 0 packets, 0 bytes)',
        '    pkts      bytes target     prot opt in     out     source               destination         ',
        '       4      336 LOG        1    --  *      *       0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 4 prefix "ping: "',
        '       0        0 DROP       0    --  *      *       10.0.0.9             0.0.0.0/0           ',
        '',
      ].join('\n'),
    );
    expect(nf.save(['-c'], 4, 0).stdout).toContain('[4:336] -A INPUT -p icmp -j LOG --log-prefix "ping: "\n');
    nf.iptables(['-Z'], 4);
    expect(nf.save(['-c'], 4, 0).stdout).toContain('[0:0] -A INPUT -p icmp -j LOG');
  });

  it('matches interfaces with + wildcards and !, and physdev ports of bridged frames', () => {
    const nf = new Netfilter();
    rules(
      nf,
      'iptables -A FORWARD -i veth+ ! -o eth0 -j DROP',
      'iptables -A FORWARD -m physdev --physdev-in vethA --physdev-is-bridged -j REJECT',
    );
    const p = ping('172.17.0.2', '172.17.0.3');
    expect(nf.runHook('FORWARD', p, { inIface: 'veth12', outIface: 'eth1' }, host).verdict).toBe('DROP');
    expect(nf.runHook('FORWARD', p, { inIface: 'veth12', outIface: 'eth0' }, host).verdict).toBe('ACCEPT');
    const bridged = { inIface: 'docker0', outIface: 'docker0', physIn: 'vethA', physOut: 'vethB', bridged: true };
    expect(nf.runHook('FORWARD', p, bridged, host).verdict).toBe('REJECT');
    expect(nf.runHook('FORWARD', p, { ...bridged, physIn: 'vethC' }, host).verdict).toBe('ACCEPT');
  });

  // Its speed is `npm run bench`'s (the extra-large world's ping); the index behind it is test/netfilter/rule-index.test.ts.
  it('decides by the first matching rule among hundreds of raw PREROUTING rules', () => {
    const nf = new Netfilter();
    const lines = ['*raw'];
    for (let i = 0; i < 600; i++) lines.push(`-A PREROUTING -d 172.${16 + (i >> 8)}.${i & 255}.2/32 ! -i br-${i} -j DROP`);
    lines.push('COMMIT', '');
    expect(nf.restore([], lines.join('\n'), 4).exitCode).toBe(0);
    expect(nf.runHook('PREROUTING', ping('172.30.0.2', '172.31.0.2'), { inIface: 'eth0' }, host).verdict).toBe('ACCEPT');
    const dropped = nf.runHook('PREROUTING', ping('172.30.0.2', '172.17.44.2'), { inIface: 'eth0' }, host);
    expect(dropped.verdict).toBe('DROP');
    expect(nf.runHook('PREROUTING', ping('172.30.0.2', '172.17.44.2'), { inIface: 'br-300' }, host).verdict).toBe('ACCEPT');
  });
});
