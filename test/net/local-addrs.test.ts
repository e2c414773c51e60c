/**
 * isLocal and addrType read an index of the namespace's IPv4 addresses
 * (src/sim/net/local-addrs.ts) instead of looping over them. Over random
 * sequences of changes (addresses added and deleted, on lo too, with and without
 * broadcast; devices up and down, moved, deleted; namespaces removed), read
 * between every two changes, they answer what the loop over every address
 * answers. And on a Docker host with 100 networks they answer for every gateway.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/sim/net/index.ts';
import type { Netns } from '../../src/sim/net/netns.ts';
import { inPrefix, isMulticast, parseIPv4 } from '../../src/sim/netfilter/inet.ts';
import { applyKernelChange } from './kernel-changes.ts';

const SPACES = ['host', 'a', 'b'];
const NAMES = ['lo', 'v0', 'v1', 'br0', 'eth0'];
const CIDRS = ['10.0.0.1/24', '10.0.0.2/24', '10.0.0.1/16', '10.0.1.1/31', '10.0.0.255/32', '127.0.0.1/8', '10.9.0.1/16', '192.168.1.7/30'];
/** Every address the answers may turn on: the addresses, their broadcasts, inside a loopback prefix, outside everything. */
const PROBES = ['10.0.0.1', '10.0.0.2', '10.0.0.255', '10.0.255.255', '10.0.1.1', '10.0.1.0', '10.9.3.3', '10.9.255.255', '127.0.0.1', '127.1.2.3', '192.168.1.7', '192.168.1.4', '192.168.1.7', '8.8.8.8', '0.0.0.0', '255.255.255.255', '224.0.0.1'].map((t) => parseIPv4(t)!);

const space = fc.constantFrom(...SPACES);
const name = fc.constantFrom(...NAMES);
const op = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('cidr' as const), ns: space, name, cidr: fc.constantFrom(...CIDRS), broadcast: fc.boolean() }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('unaddr' as const), ns: space, name, cidr: fc.constantFrom(...CIDRS) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('up' as const), ns: space, name, up: fc.boolean() }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('veth' as const), ns: space, name, peerNs: space, peer: name }), weight: 2 },
  fc.record({ kind: fc.constant('bridge' as const), ns: space, name }),
  fc.record({ kind: fc.constant('move' as const), ns: space, name, to: space }),
  fc.record({ kind: fc.constant('delete' as const), ns: space, name }),
  fc.record({ kind: fc.constant('netns' as const), ns: fc.constantFrom('a', 'b'), remove: fc.boolean() }),
);

/** The loop the index replaced: every address of an up device, lo's prefixes whole. */
function isLocalByLoop(ns: Netns, addr: number): boolean {
  for (const a of ns.addrs) {
    const link = ns.linksByIndex.get(a.ifindex);
    if (link?.up !== true) continue;
    if (a.addr === addr) return true;
    if (link.kind === 'loopback' && inPrefix(addr, a.addr, a.prefixLen)) return true;
  }
  return false;
}

function addrTypeByLoop(ns: Netns, addr: number): string {
  if (isLocalByLoop(ns, addr)) return 'LOCAL';
  if (addr === 0 || addr === 0xffffffff) return 'BROADCAST';
  if (isMulticast(addr)) return 'MULTICAST';
  for (const a of ns.addrs) {
    if (a.prefixLen < 31 && (a.broadcast ?? -1) === addr && ns.linksByIndex.get(a.ifindex)?.up === true) return 'BROADCAST';
  }
  return 'UNICAST';
}

function answers(k: Kernel): { indexed: string[]; loop: string[] } {
  const indexed: string[] = [];
  const loop: string[] = [];
  for (const ns of k.namespaces()) {
    for (const addr of PROBES) {
      indexed.push(`${ns.name} ${addr} ${ns.isLocal(addr)} ${ns.addrType(addr)}`);
      loop.push(`${ns.name} ${addr} ${isLocalByLoop(ns, addr)} ${addrTypeByLoop(ns, addr)}`);
    }
  }
  return { indexed, loop };
}

describe('the local-address index', () => {
  it('answers what a loop over every address answers, read between every two changes', () => {
    let local = 0;
    let broadcast = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const k = new Kernel({ seed: 2 });
        // Every namespace's lo up, a bridge and a veth up: the changes start from devices that count.
        for (const ns of SPACES) {
          k.addNetns(ns);
          k.setLinkUp(ns, 'lo', true);
        }
        k.addBridge('host', 'br0');
        k.setLinkUp('host', 'br0', true);
        k.addVeth('host', 'v0', 'eth0', 'a');
        k.setLinkUp('host', 'v0', true);
        k.setLinkUp('a', 'eth0', true);
        for (const o of [{ kind: 'cidr' as const, ns: 'host', name: 'br0', cidr: '10.0.0.1/24', broadcast: true }, ...ops]) {
          applyKernelChange(k, o);
          const { indexed, loop } = answers(k);
          expect(indexed).toEqual(loop);
          local += indexed.filter((a) => a.endsWith('true LOCAL')).length;
          broadcast += indexed.filter((a) => a.endsWith(' BROADCAST') && !/ (0|4294967295) /.test(a)).length;
        }
      }),
      { numRuns: 300 },
    );
    // The random worlds did make addresses local, and subnets' broadcasts.
    expect(local).toBeGreaterThan(1000);
    expect(broadcast).toBeGreaterThan(500);
  });

  it('finds every gateway of a host with 100 networks, and follows a bridge going down', () => {
    const k = new Kernel({ seed: 3 });
    k.addNetns('host');
    k.setLinkUp('host', 'lo', true);
    k.addAddress('host', 'lo', '127.0.0.1/8');
    for (let b = 0; b < 100; b++) {
      k.addBridge('host', `br-${b}`);
      k.addAddress('host', `br-${b}`, `10.1.${b}.1/24`, { broadcast: true });
      k.setLinkUp('host', `br-${b}`, true);
    }
    const host = k.netns('host')!;
    const ip = (t: string) => parseIPv4(t)!;
    for (let b = 0; b < 100; b++) expect(host.isLocal(ip(`10.1.${b}.1`)), `10.1.${b}.1`).toBe(true);
    expect(host.isLocal(ip('10.1.99.2'))).toBe(false);
    expect(host.isLocal(ip('127.8.8.8'))).toBe(true);
    expect(host.addrType(ip('10.1.57.255'))).toBe('BROADCAST');
    expect(host.addrType(ip('10.1.57.254'))).toBe('UNICAST');
    k.setLinkUp('host', 'br-57', false);
    expect(host.isLocal(ip('10.1.57.1'))).toBe(false);
    expect(host.addrType(ip('10.1.57.255'))).toBe('UNICAST');
    k.setLinkUp('host', 'br-57', true);
    k.deleteAddress('host', 'br-58', '10.1.58.1/24');
    expect(host.isLocal(ip('10.1.57.1'))).toBe(true);
    expect(host.isLocal(ip('10.1.58.1'))).toBe(false);
    expect(host.addrType(ip('10.1.58.255'))).toBe('UNICAST');
  });
});
