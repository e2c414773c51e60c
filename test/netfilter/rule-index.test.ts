/**
 * The rule index (src/sim/netfilter/rule-index.ts) keeps first-match semantics
 * exactly: over random rulesets and packets, a walk through the index and a walk
 * rule by rule give the same verdict, deciding rule, steps, rewritten packet and
 * counters. And an index helps: a packet tries only the rules under its keys.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Hook, Packet, PacketPlace } from '../../src/sim/netfilter/index.ts';
import { Netfilter } from '../../src/sim/netfilter/netfilter.ts';
import { ChainIndex } from '../../src/sim/netfilter/rule-index.ts';
import { context, ip, rules } from './helpers.ts';

const host = context({ br0: '10.0.0.1', br1: '10.1.0.1', eth0: '192.168.1.108' });
const ADDRS = ['10.0.0.2', '10.0.0.3', '10.1.0.2', '10.1.7.9', '192.168.1.20', '172.17.0.5'];
const IFACES = ['br0', 'br1', 'eth0', 'veth1'];

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const inv = fc.boolean().map((b) => (b ? '! ' : ''));
const net = fc.tuple(inv, fc.constantFrom(...ADDRS), fc.constantFrom('32', '24', '16', '0')).map(([n, a, m]) => `${n}${a}/${m}`);
const iface = fc.tuple(inv, fc.constantFrom(...IFACES, 'br+', 'veth+', '+')).map(([n, i]) => `${n}${i}`);

/** One rule's match part, as a command line writes it (-i only where the hook has an input interface, -o an output one). */
const ruleBody = (hook: 'PREROUTING' | 'FORWARD') =>
  fc
    .record({
      src: optional(net),
      dst: optional(net),
      in: optional(iface),
      out: hook === 'FORWARD' ? optional(iface) : fc.constant(undefined),
      proto: optional(fc.constantFrom('tcp', 'udp', 'icmp', '! tcp')),
      dport: optional(fc.constantFrom('80', '53', '8000:8100')),
    })
    .map((r) => {
      let s = '';
      if (r.src) s += ` ${r.src.startsWith('! ') ? `! -s ${r.src.slice(2)}` : `-s ${r.src}`}`;
      if (r.dst) s += ` ${r.dst.startsWith('! ') ? `! -d ${r.dst.slice(2)}` : `-d ${r.dst}`}`;
      if (r.in) s += ` ${r.in.startsWith('! ') ? `! -i ${r.in.slice(2)}` : `-i ${r.in}`}`;
      if (r.out) s += ` ${r.out.startsWith('! ') ? `! -o ${r.out.slice(2)}` : `-o ${r.out}`}`;
      if (r.proto) s += ` ${r.proto.startsWith('! ') ? `! -p ${r.proto.slice(2)}` : `-p ${r.proto}`}`;
      if (r.dport && r.proto && !r.proto.startsWith('!') && r.proto !== 'icmp') s += ` --dport ${r.dport}`;
      return s;
    });

const target = fc.constantFrom('-j ACCEPT', '-j DROP', '-j RETURN', '-j USER1', '-j USER2', '-g USER2', '-j LOG', '-j REJECT', '');

interface Line {
  table: 'raw' | 'filter';
  chain: string;
  text: string;
}

/** Rules spread over raw PREROUTING, FORWARD and two user chains (USER2 never jumps back, so no loop). */
const ruleset = fc.array(
  fc.oneof(
    fc.record({ table: fc.constant<'raw'>('raw'), chain: fc.constant('PREROUTING'), text: fc.tuple(ruleBody('PREROUTING'), fc.constantFrom('-j ACCEPT', '-j DROP', '-j RETURN', '')).map(([b, t]) => `${b} ${t}`) }),
    fc.record({ table: fc.constant<'filter'>('filter'), chain: fc.constantFrom('FORWARD', 'USER1'), text: fc.tuple(ruleBody('FORWARD'), target).map(([b, t]) => `${b} ${t}`) }),
    fc.record({ table: fc.constant<'filter'>('filter'), chain: fc.constant('USER2'), text: fc.tuple(ruleBody('FORWARD'), fc.constantFrom('-j ACCEPT', '-j DROP', '-j RETURN', '')).map(([b, t]) => `${b} ${t}`) }),
  ),
  { minLength: 0, maxLength: 60 },
);

const packet = fc.record({
  src: fc.constantFrom(...ADDRS),
  dst: fc.constantFrom(...ADDRS),
  proto: fc.constantFrom('tcp', 'udp', 'icmp'),
  dport: fc.constantFrom(80, 53, 8050, 9000),
  in: optional(fc.constantFrom(...IFACES, 'vethab')),
  out: optional(fc.constantFrom(...IFACES, 'brx')),
  hook: fc.constantFrom<Hook>('PREROUTING', 'FORWARD'),
});

function build(lines: readonly Line[], indexMinRules: number, policy: string): Netfilter {
  const nf = new Netfilter();
  nf.v4.indexMinRules = indexMinRules;
  rules(nf, 'iptables -N USER1', 'iptables -N USER2', `iptables -P FORWARD ${policy}`);
  for (const l of lines) rules(nf, `iptables -t ${l.table} -A ${l.chain}${l.text}`);
  return nf;
}

interface PacketSpec {
  src: string;
  dst: string;
  proto: 'tcp' | 'udp' | 'icmp';
  dport: number;
}

/** The packet; `n` keeps each one its own flow (sport or echo id). */
function toPacket(p: PacketSpec, n: number): Packet {
  if (p.proto === 'icmp') return { src: ip(p.src), dst: ip(p.dst), proto: 'icmp', sport: 0, dport: 0, icmpType: 8, icmpCode: 0, icmpId: n, length: 84 };
  return { src: ip(p.src), dst: ip(p.dst), proto: p.proto, sport: 40000 + n, dport: p.dport, ...(p.proto === 'tcp' ? { tcpFlags: ['SYN' as const] } : {}), length: 60 };
}

describe('rule index', () => {
  it('gives the same verdicts, steps and counters as a rule-by-rule walk', () => {
    fc.assert(
      fc.property(ruleset, fc.array(packet, { minLength: 1, maxLength: 25 }), fc.constantFrom('ACCEPT', 'DROP'), (lines, packets, policy) => {
        const indexed = build(lines, 0, policy);
        const linear = build(lines, Infinity, policy);
        packets.forEach((p, n) => {
          const place: PacketPlace = { ...(p.in ? { inIface: p.in } : {}), ...(p.out && p.hook === 'FORWARD' ? { outIface: p.out } : {}) };
          const a = indexed.runHook(p.hook, toPacket(p, n), place, host);
          const b = linear.runHook(p.hook, toPacket(p, n), place, host);
          expect(a).toEqual(b);
        });
        expect(indexed.save(['-c'], 4, 0)).toEqual(linear.save(['-c'], 4, 0));
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('offers a packet only the rules filed under its keys and the unkeyed ones, in rule order', () => {
    const nf = new Netfilter();
    rules(
      nf,
      'iptables -t raw -A PREROUTING -d 10.0.0.2/32 ! -i br0 -j DROP',
      'iptables -t raw -A PREROUTING -p tcp -j ACCEPT',
      'iptables -t raw -A PREROUTING -d 10.0.0.3/32 ! -i br0 -j DROP',
      'iptables -t raw -A PREROUTING -i br1 -j ACCEPT',
      'iptables -t raw -A PREROUTING -s 10.1.0.0/16 -j ACCEPT',
      'iptables -t raw -A PREROUTING ! -d 10.0.0.2/32 -j DROP',
    );
    const chain = nf.v4.get('raw')!.chains.get('PREROUTING')!;
    const index = new ChainIndex(chain.rules);
    const candidates = (src: string, dst: string, inIface: string) => index.candidates({ src: ip(src), dst: ip(dst), proto: 'icmp', sport: 0, dport: 0, length: 84 }, { inIface });
    expect(candidates('192.168.1.20', '10.0.0.3', 'eth0')).toEqual([1, 2, 5]);
    expect(candidates('10.1.0.2', '10.0.0.2', 'br1')).toEqual([0, 1, 3, 4, 5]);
  });

  it('is rebuilt when the chain changes', () => {
    const nf = new Netfilter();
    nf.v4.indexMinRules = 0;
    const place = { inIface: 'eth0' };
    const pkt = (): Packet => ({ src: ip('192.168.1.20'), dst: ip('10.0.0.2'), proto: 'icmp', sport: 0, dport: 0, icmpType: 8, icmpCode: 0, icmpId: 1, length: 84 });
    rules(nf, 'iptables -t raw -A PREROUTING -d 10.0.0.3/32 -j DROP');
    expect(nf.runHook('PREROUTING', pkt(), place, host).verdict).toBe('ACCEPT');
    rules(nf, 'iptables -t raw -I PREROUTING -d 10.0.0.2/32 -j DROP');
    expect(nf.runHook('PREROUTING', pkt(), place, host).decidedBy?.text).toBe('-A PREROUTING -d 10.0.0.2/32 -j DROP');
    rules(nf, 'iptables -t raw -R PREROUTING 1 -d 10.0.0.9/32 -j DROP');
    expect(nf.runHook('PREROUTING', pkt(), place, host).verdict).toBe('ACCEPT');
  });
});
