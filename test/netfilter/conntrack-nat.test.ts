/**
 * conntrack and NAT as a Docker host exercises them: a published port (DNAT in
 * PREROUTING, reply un-DNATed in POSTROUTING), a container reaching out
 * (MASQUERADE, reply un-SNATed in PREROUTING), states NEW/ESTABLISHED/RELATED,
 * the nat table consulted only for a flow's first packet, and timeouts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Netfilter } from '../../src/sim/netfilter/netfilter.ts';
import type { Packet } from '../../src/sim/netfilter/index.ts';
import { context, fmt, ip, ping, rules, tcp } from './helpers.ts';

const host = context({ eth0: '192.168.1.108', docker0: '172.17.0.1', 'br-d65a1319446f': '172.18.0.1' });
const bPublish = join(import.meta.dirname, '../fixtures/reference/b-publish/iptables-save.txt');

function dockerHost(): Netfilter {
  const nf = new Netfilter();
  // The rules of the reference host (a fixture: missing, the test fails).
  const text = readFileSync(bPublish, 'utf8');
  expect(nf.restore([], text, 4).exitCode).toBe(0);
  return nf;
}

const addr = (p: Packet): string => `${fmt(p.src)}:${p.sport} > ${fmt(p.dst)}:${p.dport}`;

describe('DNAT of a published port', () => {
  it('rewrites the first packet via the nat table and un-NATs the reply at POSTROUTING', () => {
    const nf = dockerHost();
    const syn = tcp('192.168.1.50', 40000, '192.168.1.108', 8080, ['SYN']);
    const pre = nf.runHook('PREROUTING', syn, { inIface: 'eth0' }, host);
    expect(pre.verdict).toBe('ACCEPT');
    expect(pre.ctState).toBe('NEW');
    expect(addr(pre.packet)).toBe('192.168.1.50:40000 > 172.17.0.2:80');
    const dnat = pre.steps.find((s) => s.action === 'dnat');
    expect(dnat?.rule?.text).toBe('-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80');
    expect(dnat?.before && addr(dnat.before)).toBe('192.168.1.50:40000 > 192.168.1.108:8080');

    const fwd = nf.runHook('FORWARD', pre.packet, { inIface: 'eth0', outIface: 'docker0' }, host);
    expect(fwd.verdict).toBe('ACCEPT');
    expect(fwd.decidedBy?.text).toContain('-d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT');
    const post = nf.runHook('POSTROUTING', fwd.packet, { outIface: 'docker0' }, host);
    expect(addr(post.packet)).toBe('192.168.1.50:40000 > 172.17.0.2:80');

    const [entry] = nf.conntrackEntries();
    expect(entry.dnat).toBe(true);
    expect(entry.reply).toEqual({ src: ip('172.17.0.2'), sport: 80, dst: ip('192.168.1.50'), dport: 40000 });
    expect(entry.tcpState).toBe('SYN_SENT');
    expect(entry.timeout).toBe(120);

    // The SYN-ACK from the container.
    const synack = tcp('172.17.0.2', 80, '192.168.1.50', 40000, ['SYN', 'ACK']);
    const rpre = nf.runHook('PREROUTING', synack, { inIface: 'docker0' }, host);
    expect(rpre.ctState).toBe('ESTABLISHED');
    expect(rpre.steps.some((s) => s.action === 'dnat')).toBe(false);
    const rfwd = nf.runHook('FORWARD', rpre.packet, { inIface: 'docker0', outIface: 'eth0' }, host);
    expect(rfwd.verdict).toBe('ACCEPT');
    const rpost = nf.runHook('POSTROUTING', rfwd.packet, { outIface: 'eth0' }, host);
    expect(addr(rpost.packet)).toBe('192.168.1.108:8080 > 192.168.1.50:40000');
    expect(rpost.steps.find((s) => s.action === 'conntrack')?.after).toBeDefined();
  });

  it('does not consult the nat table again for later packets of the flow', () => {
    const nf = dockerHost();
    const place = { inIface: 'eth0' };
    nf.runHook('PREROUTING', tcp('192.168.1.50', 40001, '192.168.1.108', 8080, ['SYN']), place, host);
    nf.runHook('POSTROUTING', tcp('192.168.1.50', 40001, '172.17.0.2', 80, ['SYN']), { outIface: 'docker0' }, host);
    const ack = nf.runHook('PREROUTING', tcp('192.168.1.50', 40001, '192.168.1.108', 8080, ['ACK']), place, host);
    expect(addr(ack.packet)).toBe('192.168.1.50:40001 > 172.17.0.2:80');
    expect(ack.steps.some((s) => s.table === 'nat')).toBe(false);
    expect(ack.steps.find((s) => s.action === 'conntrack')).toMatchObject({ ctState: 'NEW' });
    const save = nf.save(['-c', '-t', 'nat'], 4, 0).stdout;
    expect(save).toContain('[1:60] -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80\n');
  });
});

describe('MASQUERADE of a container going out', () => {
  it('takes the address of the outgoing interface and maps the echo reply back', () => {
    const nf = dockerHost();
    const req = ping('172.18.0.2', '203.0.113.10', 99);
    const pre = nf.runHook('PREROUTING', req, { inIface: 'br-d65a1319446f' }, host);
    expect(pre.ctState).toBe('NEW');
    const post = nf.runHook('POSTROUTING', pre.packet, { outIface: 'eth0' }, host);
    expect(fmt(post.packet.src)).toBe('192.168.1.108');
    expect(post.steps.find((s) => s.action === 'masquerade')?.rule?.text).toBe(
      '-A POSTROUTING -s 172.18.0.0/16 ! -o br-d65a1319446f -j MASQUERADE',
    );
    const reply = ping('203.0.113.10', '192.168.1.108', 99, true);
    const rpre = nf.runHook('PREROUTING', reply, { inIface: 'eth0' }, host);
    expect(rpre.ctState).toBe('ESTABLISHED');
    expect(fmt(rpre.packet.dst)).toBe('172.18.0.2');
    const fwd = nf.runHook('FORWARD', rpre.packet, { inIface: 'eth0', outIface: 'br-d65a1319446f' }, host);
    expect(fwd.verdict).toBe('ACCEPT');
    expect(fwd.decidedBy?.text).toBe('-A DOCKER-CT -o br-d65a1319446f -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT');
  });
});

describe('conntrack states and timeouts', () => {
  const local = context({ eth0: '10.0.0.1' });

  it('marks ICMP errors about a tracked flow RELATED', () => {
    const nf = new Netfilter();
    rules(nf, 'iptables -A INPUT -m state --state RELATED -j DROP');
    const out = udpPacket('10.0.0.1', 5000, '10.0.0.2', 53);
    nf.runHook('OUTPUT', out, { outIface: 'eth0' }, local);
    nf.runHook('POSTROUTING', out, { outIface: 'eth0' }, local);
    const err: Packet = { src: ip('10.0.0.2'), dst: ip('10.0.0.1'), proto: 'icmp', sport: 0, dport: 0, icmpType: 3, icmpCode: 3, inner: out, length: 70 };
    const pre = nf.runHook('PREROUTING', err, { inIface: 'eth0' }, local);
    expect(pre.ctState).toBe('RELATED');
    const input = nf.runHook('INPUT', pre.packet, { inIface: 'eth0' }, local);
    expect(input.verdict).toBe('DROP');
    expect(input.decidedBy?.text).toBe('-A INPUT -m state --state RELATED -j DROP');
  });

  it('tracks nothing in a namespace without tables, as the kernel registers no hooks there', () => {
    const nf = new Netfilter();
    const p = ping('10.0.0.1', '10.0.0.2', 5);
    expect(nf.runHook('OUTPUT', p, { outIface: 'eth0' }, context({ eth0: '10.0.0.1' }, 0)).ctState).toBe('UNTRACKED');
    expect(nf.conntrackEntries()).toEqual([]);
  });

  it('expires an unanswered ping after 30 s and a udp stream after 120 s', () => {
    const nf = new Netfilter();
    rules(nf, 'iptables -t nat -A POSTROUTING -o lo -j ACCEPT');
    const p = ping('10.0.0.1', '10.0.0.2', 5);
    nf.runHook('OUTPUT', p, { outIface: 'eth0' }, context({ eth0: '10.0.0.1' }, 0));
    nf.runHook('POSTROUTING', p, { outIface: 'eth0' }, context({ eth0: '10.0.0.1' }, 0));
    expect(nf.conntrackEntries()).toHaveLength(1);
    const late = nf.runHook('OUTPUT', p, { outIface: 'eth0' }, context({ eth0: '10.0.0.1' }, 30_000));
    expect(late.ctState).toBe('NEW');

    const nf2 = new Netfilter();
    rules(nf2, 'iptables -t nat -A POSTROUTING -o lo -j ACCEPT');
    const q = udpPacket('10.0.0.1', 6000, '10.0.0.2', 53);
    const at = (ms: number) => context({ eth0: '10.0.0.1' }, ms);
    nf2.runHook('OUTPUT', q, { outIface: 'eth0' }, at(0));
    nf2.runHook('POSTROUTING', q, { outIface: 'eth0' }, at(0));
    const answer = udpPacket('10.0.0.2', 53, '10.0.0.1', 6000);
    expect(nf2.runHook('PREROUTING', answer, { inIface: 'eth0' }, at(1000)).ctState).toBe('ESTABLISHED');
    expect(nf2.conntrackEntries()[0].timeout).toBe(120);
    expect(nf2.runHook('PREROUTING', answer, { inIface: 'eth0' }, at(100_000)).ctState).toBe('ESTABLISHED');
    expect(nf2.runHook('PREROUTING', answer, { inIface: 'eth0' }, at(221_000)).ctState).toBe('NEW');
    nf2.flushConntrack();
    expect(nf2.conntrackEntries()).toEqual([]);
  });

  it('does not keep a conntrack entry for a first packet that was dropped', () => {
    const nf = new Netfilter();
    rules(nf, 'iptables -A OUTPUT -p icmp -j DROP');
    const p = ping('10.0.0.1', '10.0.0.2');
    expect(nf.runHook('OUTPUT', p, { outIface: 'eth0' }, local).verdict).toBe('DROP');
    expect(nf.conntrackEntries()).toEqual([]);
  });

  it('leaves NOTRACKed packets UNTRACKED', () => {
    const nf = new Netfilter();
    rules(nf, 'iptables -t raw -A OUTPUT -p icmp -j NOTRACK', 'iptables -A OUTPUT -m conntrack --ctstate UNTRACKED -j REJECT');
    const r = nf.runHook('OUTPUT', ping('10.0.0.1', '10.0.0.2'), { outIface: 'eth0' }, local);
    expect(r.ctState).toBe('UNTRACKED');
    expect(r.verdict).toBe('REJECT');
  });
});

function udpPacket(src: string, sport: number, dst: string, dport: number): Packet {
  return { src: ip(src), dst: ip(dst), proto: 'udp', sport, dport, length: 40 };
}
