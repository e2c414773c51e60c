/**
 * After each kernel change only the devices it can affect are settled (IPv6
 * autoconfiguration: kernel.ts settleLink). Over random sequences of changes,
 * settling every device of every namespace afterwards changes nothing: the
 * targeted settle reaches the state a settle of the whole world would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/sim/net/index.ts';
import { applyKernelChange } from './kernel-changes.ts';

// Few names, so that random changes often meet the same devices again.
const SPACES = ['a', 'b'];
const NAMES = ['v0', 'v1', 'br0'];

const op = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('veth' as const), ns: fc.constantFrom(...SPACES), name: fc.constantFrom(...NAMES), peerNs: fc.constantFrom(...SPACES), peer: fc.constantFrom(...NAMES) }), weight: 2 },
  fc.record({ kind: fc.constant('bridge' as const), ns: fc.constantFrom(...SPACES), name: fc.constantFrom(...NAMES) }),
  { arbitrary: fc.record({ kind: fc.constant('master' as const), ns: fc.constantFrom(...SPACES), name: fc.constantFrom(...NAMES), bridge: fc.option(fc.constantFrom(...NAMES), { nil: undefined }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('up' as const), ns: fc.constantFrom(...SPACES), name: fc.constantFrom(...NAMES, 'lo'), up: fc.boolean() }), weight: 4 },
  fc.record({ kind: fc.constant('move' as const), ns: fc.constantFrom(...SPACES), name: fc.constantFrom(...NAMES), to: fc.constantFrom(...SPACES) }),
  fc.record({ kind: fc.constant('delete' as const), ns: fc.constantFrom(...SPACES), name: fc.constantFrom(...NAMES) }),
  fc.record({ kind: fc.constant('sysctl' as const), ns: fc.constantFrom(...SPACES), name: fc.constantFrom('all', 'default', ...NAMES), value: fc.constantFrom('0', '1') }),
  fc.record({ kind: fc.constant('netns' as const), ns: fc.constantFrom(...SPACES), remove: fc.boolean() }),
);

/** Every device's autoconfiguration flag, by namespace and name. */
function addrconf(k: Kernel): string[] {
  return k.namespaces().flatMap((ns) => [...ns.linksByIndex.values()].map((l) => `${ns.name}/${l.name}:${l.addrconf ? 'on' : 'off'}`));
}

describe('settling after a change', () => {
  it('leaves nothing for a whole-world settle to change', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const k = new Kernel({ seed: 1 });
        // A bridge in each namespace and two veth pairs between them; the changes start there.
        for (const ns of SPACES) {
          k.addNetns(ns);
          k.addBridge(ns, 'br0');
        }
        k.addVeth('a', 'v0', 'v0', 'b');
        k.addVeth('a', 'v1', 'v1', 'b');
        for (const o of ops) {
          applyKernelChange(k, o);
          const settled = addrconf(k);
          for (const ns of k.namespaces()) ns.syncAddrconf();
          expect(addrconf(k)).toEqual(settled);
        }
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});

describe('settling a change to one device', () => {
  const flags = (k: Kernel) => addrconf(k).filter((f) => !f.includes('/lo:'));

  it('settles the bridge above a port: br0 gets its address once a port has carrier', () => {
    const k = new Kernel({ seed: 1 });
    k.addNetns('a');
    k.addNetns('b');
    k.addBridge('a', 'br0');
    k.addVeth('a', 'v0', 'v0', 'b');
    k.setLinkUp('a', 'br0', true);
    k.setLinkUp('a', 'v0', true);
    k.setLinkUp('b', 'v0', true);
    expect(flags(k)).toEqual(['a/br0:off', 'a/v0:on', 'b/v0:on']);
    k.setMaster('a', 'v0', 'br0');
    expect(flags(k)).toEqual(['a/br0:on', 'a/v0:on', 'b/v0:on']);
  });

  it('settles the other end of a veth: it gets carrier when this end comes up', () => {
    const k = new Kernel({ seed: 1 });
    k.addNetns('a');
    k.addNetns('b');
    k.addVeth('a', 'v0', 'v1', 'b');
    k.setLinkUp('a', 'v0', true);
    expect(flags(k)).toEqual(['a/v0:off', 'b/v1:off']);
    k.setLinkUp('b', 'v1', true);
    expect(flags(k)).toEqual(['a/v0:on', 'b/v1:on']);
  });
});
