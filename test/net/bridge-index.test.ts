/**
 * The bridge index (src/sim/net/bridge-index.ts) only skips ports where a search
 * would have found nothing. Over random sequences of device changes
 * (ports joining and leaving, MACs set to each other's, veths moved, deleted,
 * a bridge behind another's port), every search through the index (for a MAC,
 * and ARP's for an address) finds what a walk over every port finds, by the same path, and a ping walked with the index gives the
 * trace and counters of one walked without it. And it helps: a frame in a bridge
 * of 30 containers tries one port.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/sim/net/index.ts';
import { applyKernelChange } from './kernel-changes.ts';
import type { Link } from '../../src/sim/net/link.ts';
import type { Netns } from '../../src/sim/net/netns.ts';
import { findByMac, findL2Path, type Endpoint, type L2Path, type L2World } from '../../src/sim/net/l2.ts';
import { parseIPv4 } from '../../src/sim/netfilter/inet.ts';
import { isPortMac, portsToward } from '../../src/sim/net/bridge-index.ts';
import { walkProbe, type WalkWorld } from '../../src/sim/net/walk.ts';

const SPACES = ['host', 'a', 'b', 'c'];
const NAMES = ['v0', 'v1', 'v2', 'br0', 'br1', 'eth0'];
const MACS = ['02:00:00:00:00:01', '02:00:00:00:00:02', '02:00:00:00:00:03'];
const ADDRS = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.9'];

const space = fc.constantFrom(...SPACES);
const name = fc.constantFrom(...NAMES);
const op = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('veth' as const), ns: space, name, peerNs: space, peer: name }), weight: 4 },
  fc.record({ kind: fc.constant('bridge' as const), ns: space, name }),
  { arbitrary: fc.record({ kind: fc.constant('master' as const), ns: space, name, bridge: fc.option(name, { nil: undefined }) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('up' as const), ns: space, name, up: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('mac' as const), ns: space, name, mac: fc.constantFrom(...MACS) }), weight: 2 },
  fc.record({ kind: fc.constant('move' as const), ns: space, name, to: space }),
  fc.record({ kind: fc.constant('delete' as const), ns: space, name }),
  { arbitrary: fc.record({ kind: fc.constant('addr' as const), ns: space, name, addr: fc.constantFrom(...ADDRS) }), weight: 2 },
  fc.record({ kind: fc.constant('netns' as const), ns: fc.constantFrom('b', 'c'), remove: fc.boolean() }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function world(ops: readonly Op[]): Kernel {
  const k = new Kernel({ seed: 5 });
  for (const ns of SPACES) {
    k.addNetns(ns);
    k.setLinkUp(ns, 'lo', true);
  }
  // A bridge with a container on each port to start from, so that changes meet bridged paths.
  k.addBridge('host', 'br0');
  k.setLinkUp('host', 'br0', true);
  k.addAddress('host', 'br0', '10.0.0.1/24');
  ['a', 'b', 'c'].forEach((ns, i) => {
    k.addVeth('host', `v${i}`, 'eth0', ns);
    k.setMaster('host', `v${i}`, 'br0');
    k.setLinkUp('host', `v${i}`, true);
    k.setLinkUp(ns, 'eth0', true);
    k.addAddress(ns, 'eth0', `10.0.0.${i + 2}/24`);
  });
  // Behind v2, a bridge in c: its eth0 and a veth to b are ports of br1 there.
  k.addBridge('c', 'br1');
  k.setLinkUp('c', 'br1', true);
  k.setMaster('c', 'eth0', 'br1');
  k.addVeth('c', 'v1', 'v2', 'b');
  k.setMaster('c', 'v1', 'br1');
  k.setLinkUp('c', 'v1', true);
  k.setLinkUp('b', 'v2', true);
  k.addAddress('b', 'v2', '10.0.0.9/24');
  for (const o of ops) applyKernelChange(k, o);
  return k;
}

/** The same kernel seen without its index: every search walks every port. */
function linear(k: Kernel): WalkWorld {
  return {
    netns: (n) => k.netns(n),
    resolveLink: (n, i) => k.resolveLink(n, i),
    get now() {
      return k.now;
    },
    random: k.random,
  };
}

/** A path by names: the endpoint and each bridge crossed, with its ports. */
function named(path: L2Path | undefined): string {
  if (!path) return 'none';
  const crossings = path.crossings.map((c) => `${c.ns.name}/${c.bridge.name}[${c.inPort?.name ?? '-'}>${c.outPort?.name ?? '-'}]`);
  return `${path.endpoint.ns.name}/${path.endpoint.link.name} via ${crossings.join(' ')}`;
}

function everyMac(k: Kernel): string[] {
  return [...new Set([...k.namespaces().flatMap((ns) => [...ns.linksByIndex.values()].map((l) => l.mac)), ...MACS, 'ff:ff:ff:ff:ff:ff'])];
}

/** Every search the walk makes from `link`: for each MAC (a flooded frame) and each address (ARP), indexed and not. */
function searches(k: Kernel, plain: L2World, ns: Netns, link: Link): { indexed: string; linear: string }[] {
  const out = everyMac(k).map((mac) => ({ indexed: named(findByMac(k, ns, link, mac)), linear: named(findByMac(plain, ns, link, mac)) }));
  for (const text of [...ADDRS, '127.0.0.1', '127.9.9.9']) {
    const addr = parseIPv4(text)!;
    const answers = (ep: Endpoint): boolean => ep.link.up && ep.ns.isLocal(addr) && ep.link.kind !== 'loopback';
    out.push({ indexed: named(findL2Path(k, ns, link, answers, { addr })), linear: named(findL2Path(plain, ns, link, answers)) });
  }
  return out;
}

const sequences = fc.array(op, { minLength: 0, maxLength: 25 });

describe('the bridge index', () => {
  it('finds every MAC by the path a walk over every port finds', () => {
    let bridged = 0;
    fc.assert(
      fc.property(sequences, (ops) => {
        const k = world(ops);
        const plain: L2World = linear(k);
        for (const ns of k.namespaces()) {
          for (const link of ns.linksByIndex.values()) {
            for (const { indexed, linear } of searches(k, plain, ns, link)) {
              expect(indexed, `from ${ns.name}/${link.name}`).toBe(linear);
              if (indexed.includes('>')) bridged++;
            }
            if (link.kind === 'bridge') for (const mac of everyMac(k)) expect(isPortMac(k, ns, link, mac)).toBe(isPortMac(plain, ns, link, mac));
          }
        }
      }),
      { numRuns: 80 },
    );
    // The random worlds do put endpoints behind bridge ports.
    expect(bridged).toBeGreaterThan(50);
  });

  it('stays exact while the world changes between searches', () => {
    fc.assert(
      fc.property(sequences, sequences, (first, then) => {
        const k = world(first);
        const plain = linear(k);
        // Read every bridge once, so that each later change must make its entry stale.
        for (const ns of k.namespaces()) for (const link of ns.linksByIndex.values()) searches(k, plain, ns, link);
        for (const o of then) {
          applyKernelChange(k, o);
          for (const ns of k.namespaces()) {
            for (const link of ns.linksByIndex.values()) {
              for (const { indexed, linear } of searches(k, plain, ns, link)) expect(indexed).toBe(linear);
              if (link.kind === 'bridge') for (const mac of everyMac(k)) expect(isPortMac(k, ns, link, mac)).toBe(isPortMac(plain, ns, link, mac));
            }
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('gives a ping the trace and counters of a walk without it', () => {
    const probes = fc.array(fc.record({ from: space, dst: fc.constantFrom(...ADDRS) }), { minLength: 1, maxLength: 6 });
    let bridgedReplies = 0;
    fc.assert(
      fc.property(sequences, probes, (ops, pings) => {
        const indexed = world(ops);
        const plain = world(ops);
        for (const { from, dst } of pings) {
          const a = indexed.probe({ kind: 'icmp-echo', from, dst, icmpId: 7 });
          const b = walkProbe(linear(plain), { kind: 'icmp-echo', from, dst, icmpId: 7 });
          expect(a).toEqual(b);
          if (a.outcome.kind === 'replied' && a.hops.some((h) => h.kind === 'bridge')) bridgedReplies++;
        }
        const counters = (k: Kernel) => k.namespaces().flatMap((ns) => [...ns.linksByIndex.values()].map((l) => `${ns.name}/${l.name} ${JSON.stringify(l.stats)} ${JSON.stringify([...(l.fdb ?? [])])}`));
        expect(counters(indexed)).toEqual(counters(plain));
      }),
      { numRuns: 150 },
    );
    // Some of the pings were answered across a bridge.
    expect(bridgedReplies).toBeGreaterThan(0);
  });

  it('tries one port of a bridge with 30 containers for a frame to one of them', () => {
    const k = new Kernel({ seed: 9 });
    k.addNetns('host');
    k.addBridge('host', 'br0');
    k.setLinkUp('host', 'br0', true);
    for (let i = 0; i < 30; i++) {
      k.addNetns(`c${i}`);
      k.addVeth('host', `veth${i}`, 'eth0', `c${i}`);
      k.setMaster('host', `veth${i}`, 'br0');
      k.setLinkUp('host', `veth${i}`, true);
      k.setLinkUp(`c${i}`, 'eth0', true);
      k.addAddress(`c${i}`, 'eth0', `10.0.0.${i + 2}/24`);
    }
    const host = k.netns('host')!;
    const bridge = host.linksByName.get('br0')!;
    const eth0 = k.netns('c17')!.linksByName.get('eth0')!;
    const veth17 = host.linksByName.get('veth17')!.ifindex;
    expect(portsToward(k, host, bridge, { mac: eth0.mac })).toEqual([veth17]);
    expect(portsToward(linear(k), host, bridge, { mac: eth0.mac })).toHaveLength(30);
    expect(portsToward(k, host, bridge, { addr: parseIPv4('10.0.0.19')! })).toEqual([veth17]);
    const c3 = k.netns('c3')!;
    expect(named(findByMac(k, c3, c3.linksByName.get('eth0')!, eth0.mac))).toBe('c17/eth0 via host/br0[veth3>veth17]');
    expect(isPortMac(k, host, bridge, host.linksByName.get('veth29')!.mac)).toBe(true);
    expect(isPortMac(k, host, bridge, eth0.mac)).toBe(false);
  });
});
