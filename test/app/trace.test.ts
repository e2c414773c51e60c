/**
 * The trace on the canvas and in the rules panel: every hop of a real ping has
 * a place in the derived graph; the raw-table drop is the deciding rule; the
 * rules panel parses iptables-save -c and marks what the trace passed.
 */
import { describe, expect, it } from 'vitest';
import { deriveGraph } from '../../src/app/graph/derive.ts';
import { parseIptablesSave, ruleKey, traceFamily, traceRuleMarks } from '../../src/app/rules/parse.ts';
import { decidingHopIndex, formatPacket, placesOfTrace } from '../../src/app/trace/places.ts';
import { replay } from '../../src/scenario/scenario.ts';
import { STARTER_SCENARIO } from '../../src/scenario/starter.ts';

function run(line: string) {
  const { sim, outputs } = replay([...STARTER_SCENARIO.commands, line]);
  const traces = outputs.at(-1)!.traces ?? [];
  return { sim, trace: traces.at(-1)!, graph: deriveGraph(sim) };
}

describe('trace places', () => {
  it('follows a ping on mynet from bbox1 over the bridge to bbox2 and back', () => {
    const { trace, graph } = run('docker exec bbox1 ping -c 1 bbox2');
    expect(trace.outcome.kind).toBe('replied');
    const places = placesOfTrace(graph, trace);
    expect(places.every((p) => p.node || p.edge)).toBe(true);
    const nodes = places.map((p) => p.node ?? p.edge);
    expect(nodes[0]).toBe('c:bbox1');
    expect(nodes).toContain('bridge:br-12cf8b548fc9');
    expect(nodes).toContain('c:bbox2');
    expect(nodes.at(-1)).toBe('c:bbox1');
    expect(places.filter((p) => p.edge).map((p) => p.edge)).toEqual(expect.arrayContaining([graph.vethEdge['container:bbox1|eth0'], graph.vethEdge['container:bbox2|eth0']]));
    expect(decidingHopIndex(trace)).toBeUndefined();
    expect(formatPacket(trace.hops[0]!.packet)).toBe('ICMP 172.18.0.2 > 172.18.0.3 echo-request');
  });

  it('keeps the ping by name the trace shown, its resolver questions the traces before it, each on bbox1 itself', () => {
    const { sim, outputs } = replay([...STARTER_SCENARIO.commands, 'docker exec bbox1 ping -c 1 bbox2']);
    const graph = deriveGraph(sim);
    const traces = outputs.at(-1)!.traces ?? [];
    // The panel shows the last: the echo, as asked by address.
    expect(traces.map((t) => t.probe.kind)).toEqual(['udp-send', 'udp-send', 'icmp-echo']);
    expect(traces.at(-1)!.hops.length).toBe(run('docker exec bbox1 ping -c 1 172.18.0.3').trace.hops.length);
    for (const dns of traces.slice(0, 2)) {
      expect(dns.outcome).toMatchObject({ kind: 'delivered', process: 'dockerd' });
      expect(placesOfTrace(graph, dns).map((p) => p.node ?? p.edge)).toEqual(dns.hops.map(() => 'c:bbox1'));
    }
  });

  it('stops a ping from mynet to docker0 at the raw PREROUTING rule', () => {
    const { sim, trace, graph } = run('docker exec bbox1 ping -c 1 -W 1 172.17.0.2');
    expect(trace.outcome).toMatchObject({ kind: 'dropped', netns: 'host', by: { table: 'raw', chain: 'PREROUTING', text: '-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP' } });
    const deciding = decidingHopIndex(trace)!;
    expect(deciding).toBe(trace.hops.length - 1);
    expect(placesOfTrace(graph, trace)[deciding]).toEqual({ node: 'host:stack' });

    const tables = parseIptablesSave(sim.kernel.netns('host')!.netfilter.save(['-c'], 4, sim.kernel.now).stdout);
    expect(tables.map((t) => t.name)).toEqual(['raw', 'filter', 'nat']);
    const pre = tables[0]!.chains.find((c) => c.name === 'PREROUTING')!;
    const rule = pre.rules.find((r) => r.text === '-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP')!;
    expect(rule.packets).toBe(1);
    const marks = traceRuleMarks(trace);
    expect(marks.get(ruleKey('raw', 'PREROUTING', rule.num))).toBe('final');
  });

  it('marks the filter rules an accepted packet passed', () => {
    const { trace } = run('docker exec bbox1 ping -c 1 bbox2');
    const marks = traceRuleMarks(trace);
    expect(marks.get(ruleKey('filter', 'FORWARD', 1))).toBe('passed');
    expect([...marks.values()]).toContain('verdict');
    expect([...marks.values()]).not.toContain('final');
  });

  it('places NAT and the internet host', () => {
    const { trace, graph } = run('docker exec bbox3 wget -q -O - http://203.0.113.10/');
    const places = placesOfTrace(graph, trace);
    expect(places.map((p) => p.node)).toContain('internet');
    expect(places.map((p) => p.node)).toContain('host:eth0');
    expect(trace.hops.some((h) => h.rewritten)).toBe(true);
  });
});

describe('an IPv6 trace', () => {
  const dualStack = ['docker network create --ipv6 --subnet 2001:db8:1::/64 v6b', 'docker run -itd --name a1 --network v6b busybox', 'docker run -itd --name a2 --network v6b busybox'];

  it('labels the canvas with IPv6 addresses, shows ICMPv6 packets, places every hop and marks ip6tables rules', () => {
    const { sim, outputs } = replay([...dualStack, 'docker exec a1 ping -c 1 a2']);
    const trace = outputs.at(-1)!.traces!.at(-1)!;
    const graph = deriveGraph(sim);
    const a1 = graph.nodes.find((n) => n.id === 'c:a1')!.data;
    expect(a1.kind === 'netns' && a1.interfaces.find((i) => i.name === 'eth0')?.addresses).toEqual(['172.18.0.2/16', '2001:db8:1::2/64']);
    const bridge = graph.nodes.find((n) => n.data.kind === 'bridge' && n.data.network === 'v6b')!;
    expect(bridge.data.kind === 'bridge' && bridge.data.addresses).toEqual(['172.18.0.1/16', '2001:db8:1::1/64']);

    expect(formatPacket(trace.hops[0]!.packet)).toBe('ICMPv6 2001:db8:1::2 > 2001:db8:1::3 echo-request');
    expect(formatPacket(trace.hops.find((h) => h.leg === 'reply')!.packet)).toBe('ICMPv6 2001:db8:1::3 > 2001:db8:1::2 echo-reply');
    expect(placesOfTrace(graph, trace).every((p) => p.node || p.edge)).toBe(true);

    // The rules panel shows ip6tables-save -c after this trace, and the accepting rule is in it.
    expect(traceFamily(trace)).toBe(6);
    const tables = parseIptablesSave(sim.kernel.netns('host')!.netfilter.save(['-c'], traceFamily(trace), sim.kernel.now).stdout);
    const forward = tables.find((t) => t.name === 'filter')!.chains.find((c) => c.name === 'DOCKER-FORWARD')!;
    const accept = forward.rules.find((r) => /^-A DOCKER-FORWARD -i br-[0-9a-f]{12} -j ACCEPT$/.test(r.text))!;
    expect(accept.packets).toBe(1);
    expect(traceRuleMarks(trace).get(ruleKey('filter', 'DOCKER-FORWARD', accept.num))).toBe('verdict');
  });

  it('formats an IPv6 TCP segment with bracketed addresses', () => {
    expect(formatPacket({ src: 0x20010db8000100000000000000000002n, dst: 0x20010db8000100000000000000000003n, proto: 'tcp', sport: 40000, dport: 80, tcpFlags: ['SYN'], length: 80 })).toBe('TCP [2001:db8:1::2]:40000 > [2001:db8:1::3]:80 [SYN]');
    expect(traceFamily(undefined)).toBe(4);
  });
});
