/**
 * Random worlds for the kernel differential, drawn with fast-check from a seed:
 * 1-3 bridges in a host namespace, 1-3 containers per bridge, maybe a LAN
 * machine, random ip_forward and bridge-nf-call-iptables, random listeners,
 * random iptables rules from a grammar of what the model supports, and random
 * probes between namespaces. A world is plain data (GenWorld), printed in
 * reports, and built with WorldBuilder.
 */
import fc from 'fast-check';
import type { L4Proto } from '../../src/sim/netfilter/index.ts';
import type { Probe, ProbeKind } from '../../src/sim/net/trace.ts';
import type { WorldCase } from './differential.ts';
import { WorldBuilder } from './world.ts';

export interface GenWorld {
  ipForward: boolean;
  brNetfilter: boolean;
  /** Containers per bridge: bridge b is `br<b>` with 10.<b+1>.0.1/24; container j is `c<b><j>` at .<j+2>. */
  bridges: number[];
  /** A LAN machine on the host's eth0 (192.168.50.1/24 <-> .2), with or without a route to 10/8. */
  lan: 'none' | 'routed' | 'unrouted';
  /** Containers without a default route. */
  noDefault: string[];
  listeners: { netns: string; proto: L4Proto; port: number }[];
  policies: { chain: 'INPUT' | 'FORWARD' | 'OUTPUT'; policy: 'ACCEPT' | 'DROP' }[];
  /** iptables argv, per namespace, in order. */
  rules: { netns: string; argv: string[] }[];
  probes: Probe[];
}

const PORTS = [22, 53, 80, 8080];
const LAN_HOST = '192.168.50.1';
const LAN_IP = '192.168.50.2';
const OFF_WORLD = '203.0.113.9';

function containerNames(bridges: number[]): { name: string; bridge: number; ip: string }[] {
  const out: { name: string; bridge: number; ip: string }[] = [];
  bridges.forEach((n, b) => {
    for (let j = 0; j < n; j++) out.push({ name: `c${b}${j}`, bridge: b, ip: `10.${b + 1}.0.${j + 2}` });
  });
  return out;
}

interface Topo {
  ipForward: boolean;
  brNetfilter: boolean;
  bridges: number[];
  lan: GenWorld['lan'];
}

const topoArb: fc.Arbitrary<Topo> = fc.record({
  ipForward: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  brNetfilter: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  bridges: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
  lan: fc.constantFrom<GenWorld['lan']>('none', 'routed', 'routed', 'unrouted'),
});

/** Names and addresses a world offers to rules and probes. */
function vocabulary(t: Topo) {
  const containers = containerNames(t.bridges);
  const bridges = t.bridges.map((_, b) => `br${b}`);
  const veths = containers.map((_, i) => `veth${i}`);
  const gateways = t.bridges.map((_, b) => `10.${b + 1}.0.1`);
  const namespaces = ['host', ...containers.map((c) => c.name), ...(t.lan !== 'none' ? ['lan'] : [])];
  const hostIfaces = [...bridges, ...veths, ...(t.lan !== 'none' ? ['eth0'] : []), 'lo'];
  const addrs = [...containers.map((c) => c.ip), ...gateways, ...(t.lan !== 'none' ? [LAN_IP, LAN_HOST] : [])];
  const nets = [...t.bridges.map((_, b) => `10.${b + 1}.0.0/24`), '10.0.0.0/8', '192.168.50.0/24', ...addrs.map((a) => `${a}/32`)];
  // Probe targets: everything that exists, plus nobody-there on a subnet and an address off the world.
  const targets = [...addrs, `10.${t.bridges.length}.0.200`, OFF_WORLD, '127.0.0.1'];
  return { containers, bridges, veths, gateways, namespaces, hostIfaces, addrs, nets, targets };
}

type Vocab = ReturnType<typeof vocabulary>;
type ChainSpot = { table: 'raw' | 'filter' | 'nat'; chain: string };

const SPOTS: ChainSpot[] = [
  { table: 'raw', chain: 'PREROUTING' },
  { table: 'filter', chain: 'FORWARD' },
  { table: 'filter', chain: 'FORWARD' },
  { table: 'filter', chain: 'INPUT' },
  { table: 'filter', chain: 'OUTPUT' },
  { table: 'filter', chain: 'USER' },
  { table: 'nat', chain: 'PREROUTING' },
  { table: 'nat', chain: 'POSTROUTING' },
  { table: 'nat', chain: 'OUTPUT' },
];

const maybeNot = (argv: string[]) => fc.boolean().map((neg) => (neg ? ['!', ...argv] : argv));
const opt = <T>(arb: fc.Arbitrary<T>, freq = 3) => fc.option(arb, { freq, nil: undefined });

function ruleArb(v: Vocab): fc.Arbitrary<string[]> {
  return fc.constantFrom(...SPOTS).chain((spot) => {
    const { table, chain } = spot;
    const inOk = chain !== 'OUTPUT' && chain !== 'POSTROUTING';
    const outOk = chain !== 'PREROUTING' && chain !== 'INPUT';
    return fc
      .record({
        src: opt(fc.constantFrom(...v.nets).chain((n) => maybeNot(['-s', n]))),
        dst: opt(fc.constantFrom(...v.nets).chain((n) => maybeNot(['-d', n]))),
        iin: inOk ? opt(fc.constantFrom(...v.hostIfaces).chain((i) => maybeNot(['-i', i]))) : fc.constant(undefined),
        iout: outOk ? opt(fc.constantFrom(...v.hostIfaces).chain((i) => maybeNot(['-o', i]))) : fc.constant(undefined),
        proto: opt(fc.constantFrom<L4Proto>('tcp', 'udp', 'icmp'), 2),
        dport: fc.constantFrom(...PORTS),
        withPort: fc.boolean(),
        ct: opt(fc.constantFrom('NEW', 'ESTABLISHED', 'RELATED,ESTABLISHED', 'INVALID', 'NEW,INVALID'), 4),
        addrtype: opt(fc.constantFrom('--dst-type LOCAL', '! --dst-type LOCAL', '--src-type LOCAL'), 5),
        physdev:
          // --physdev-out is refused by the kernel where OUTPUT could reach it (USER is jumped to from OUTPUT).
          chain === 'FORWARD'
            ? opt(fc.constantFrom(...v.veths.map((x) => `--physdev-in ${x}`), ...v.veths.map((x) => `--physdev-out ${x}`), '--physdev-is-bridged', '! --physdev-is-bridged'), 5)
            : chain === 'USER'
              ? opt(fc.constantFrom(...v.veths.map((x) => `--physdev-in ${x}`), '--physdev-is-bridged'), 5)
            : chain === 'INPUT' || (table === 'raw' && chain === 'PREROUTING')
              ? opt(fc.constantFrom(...v.veths.map((x) => `--physdev-in ${x}`)), 6)
              : fc.constant(undefined),
        target: targetArb(spot, v),
      })
      .map((r) => {
        const argv = ['-t', table, '-A', chain];
        if (r.src) argv.push(...r.src);
        if (r.dst) argv.push(...r.dst);
        if (r.iin) argv.push(...r.iin);
        if (r.iout) argv.push(...r.iout);
        let proto = r.proto;
        // Targets that need a protocol get one.
        if (r.target.needs) proto = r.target.needs;
        if (proto) {
          argv.push('-p', proto);
          if (proto !== 'icmp' && (r.withPort || r.target.needs)) argv.push('--dport', String(r.dport));
        }
        if (r.ct) argv.push('-m', 'conntrack', '--ctstate', r.ct);
        if (r.addrtype) argv.push('-m', 'addrtype', ...r.addrtype.split(' '));
        if (r.physdev) argv.push('-m', 'physdev', ...r.physdev.split(' '));
        argv.push(...r.target.argv);
        return argv;
      });
  });
}

interface TargetSpec {
  argv: string[];
  needs?: 'tcp' | 'udp';
}

function targetArb(spot: ChainSpot, v: Vocab): fc.Arbitrary<TargetSpec> {
  const plain = (...names: string[]): fc.Arbitrary<TargetSpec> => fc.constantFrom(...names.map((n) => ({ argv: ['-j', n] })));
  if (spot.table === 'raw') return plain('DROP', 'DROP', 'ACCEPT');
  if (spot.table === 'nat') {
    if (spot.chain === 'POSTROUTING') return fc.oneof(plain('MASQUERADE', 'MASQUERADE', 'ACCEPT', 'RETURN'));
    const dnat = fc.record({ to: fc.constantFrom(...v.containers.map((c) => c.ip), ...v.gateways), port: fc.option(fc.constantFrom(...PORTS)), p: fc.constantFrom<'tcp' | 'udp'>('tcp', 'udp') }).map((d) =>
      d.port === null
        ? { argv: ['-j', 'DNAT', '--to-destination', d.to] }
        : { argv: ['-j', 'DNAT', '--to-destination', `${d.to}:${d.port}`], needs: d.p },
    );
    return fc.oneof({ weight: 4, arbitrary: dnat }, { weight: 1, arbitrary: plain('ACCEPT', 'RETURN') });
  }
  const reject = fc.constantFrom(
    'icmp-port-unreachable',
    'icmp-host-unreachable',
    'icmp-net-unreachable',
    'icmp-host-prohibited',
    'icmp-admin-prohibited',
    'tcp-reset',
  ).map((w): TargetSpec => (w === 'tcp-reset' ? { argv: ['-j', 'REJECT', '--reject-with', w], needs: 'tcp' } : { argv: ['-j', 'REJECT', '--reject-with', w] }));
  const user = spot.chain === 'USER' ? plain('RETURN', 'DROP', 'ACCEPT') : plain('USER');
  return fc.oneof(
    { weight: 3, arbitrary: plain('ACCEPT', 'DROP') },
    { weight: 2, arbitrary: reject },
    { weight: 1, arbitrary: plain('REJECT') },
    { weight: 1, arbitrary: user },
  );
}

function probeArb(v: Vocab): fc.Arbitrary<Probe> {
  return fc
    .record({
      from: fc.constantFrom(...v.namespaces),
      kind: fc.constantFrom<ProbeKind>('icmp-echo', 'tcp-connect', 'udp-send'),
      dst: fc.constantFrom(...v.targets),
      port: fc.constantFrom(...PORTS),
    })
    .map((r) => (r.kind === 'icmp-echo' ? { from: r.from, kind: r.kind, dst: r.dst } : r));
}

export function worldArb(probesPerWorld: number): fc.Arbitrary<GenWorld> {
  return topoArb.chain((t) => {
    const v = vocabulary(t);
    const listener = fc.record({ netns: fc.constantFrom(...v.namespaces), proto: fc.constantFrom<L4Proto>('tcp', 'udp'), port: fc.constantFrom(...PORTS) });
    return fc
      .record({
        noDefault: fc.subarray(v.containers.map((c) => c.name), { maxLength: 1 }),
        listeners: fc.uniqueArray(listener, { maxLength: 8, selector: (l) => `${l.netns}/${l.proto}/${l.port}` }),
        policies: fc.subarray(
          [
            { chain: 'FORWARD' as const, policy: 'DROP' as const },
            { chain: 'INPUT' as const, policy: 'DROP' as const },
          ],
          { maxLength: 1 },
        ),
        hostRules: fc.array(ruleArb(v), { maxLength: 8 }),
        containerRules: fc.array(
          fc.record({
            netns: fc.constantFrom(...v.containers.map((c) => c.name)),
            chain: fc.constantFrom('INPUT', 'OUTPUT'),
            target: fc.constantFrom<string[]>(['-j', 'DROP'], ['-j', 'REJECT'], ['-j', 'REJECT', '--reject-with', 'tcp-reset']),
            proto: fc.constantFrom('tcp', 'udp', 'icmp'),
            port: fc.constantFrom(...PORTS),
          }),
          { maxLength: 2 },
        ),
        probes: fc.array(probeArb(v), { minLength: probesPerWorld, maxLength: probesPerWorld }),
      })
      .map((r): GenWorld => {
        const rules: GenWorld['rules'] = [];
        if (r.hostRules.some((a) => a.includes('USER'))) rules.push({ netns: 'host', argv: ['-N', 'USER'] });
        for (const argv of r.hostRules) rules.push({ netns: 'host', argv });
        for (const c of r.containerRules) {
          const tcpOnly = c.target.includes('tcp-reset');
          const proto = tcpOnly ? 'tcp' : c.proto;
          const argv = ['-A', c.chain, '-p', proto];
          if (proto !== 'icmp') argv.push('--dport', String(c.port));
          rules.push({ netns: c.netns, argv: [...argv, ...c.target] });
        }
        return {
          ipForward: t.ipForward,
          brNetfilter: t.brNetfilter,
          bridges: t.bridges,
          lan: t.lan,
          noDefault: r.noDefault,
          listeners: r.listeners,
          policies: r.policies,
          rules,
          probes: r.probes,
        };
      });
  });
}

/** Builds a generated world in the simulator. Rules the model refuses are left out (and counted). */
export function buildGenWorld(g: GenWorld): WorldBuilder {
  const w = new WorldBuilder().host({ ipForward: g.ipForward, brNetfilter: g.brNetfilter });
  g.bridges.forEach((_, b) => w.bridge(`br${b}`, `10.${b + 1}.0.1/24`));
  for (const c of containerNames(g.bridges)) {
    const gw = g.noDefault.includes(c.name) ? undefined : `10.${c.bridge + 1}.0.1`;
    w.container(c.name, `br${c.bridge}`, `${c.ip}/24`, gw);
  }
  if (g.lan !== 'none') w.lan('lan', 'eth0', `${LAN_HOST}/24`, `${LAN_IP}/24`, g.lan === 'routed' ? ['10.0.0.0/8'] : []);
  for (const l of g.listeners) w.listen(l.netns, l.proto, l.port);
  for (const p of g.policies) w.ipt('host', '-P', p.chain, p.policy);
  for (const r of g.rules) w.ipt(r.netns, ...r.argv);
  return w;
}

/** `count` reproducible worlds from `seed`. */
export function generatedCases(seed: number, count: number, probesPerWorld: number): { cases: WorldCase[]; worlds: GenWorld[]; refused: string[] } {
  const worlds = fc.sample(worldArb(probesPerWorld), { seed, numRuns: count });
  const refused: string[] = [];
  const cases = worlds.map((g, i) => {
    const w = buildGenWorld(g);
    refused.push(...w.refused.map((r) => `world ${i}: ${r}`));
    return { name: `random world ${i}`, kernel: w.kernel, probes: g.probes, reproduce: `VETHLAB_KERNEL_SEED=${seed} VETHLAB_KERNEL_WORLD=${i}`, refused: w.refused };
  });
  return { cases, worlds, refused };
}
