/**
 * The pings `npm run bench` compares between the 300- and the 3,000-container
 * kernel worlds (scripts/bench/measure.ts): every world sends the same mix,
 * whatever its shape. An answered ping goes to another container of the
 * sender's bridge, never to the sender itself (that one stays on lo); a dropped
 * one to a container of another bridge, whose raw PREROUTING rule drops it.
 */
import { describe, expect, it } from 'vitest';
import { measureKernelWorlds, pickKernelPing } from '../../scripts/bench/measure.ts';
import { buildKernelWorld } from '../../scripts/bench/worlds.ts';
import { SeededRandom } from '../../src/sim/net/rng.ts';

describe('the kernel worlds\' pings', () => {
  it('answered within the bridge to another container, dropped across', () => {
    for (const [bridges, perBridge] of [[3, 2], [4, 5], [2, 30]] as const) {
      const world = buildKernelWorld(bridges, perBridge);
      const random = new SeededRandom(17);
      const bridgeOf = (i: number) => Math.floor(i / perBridge);
      const reached = new Set<number>();
      for (let i = 0; i < 400; i++) {
        const answered = pickKernelPing(world, random, 'answered');
        expect(answered.to).not.toBe(answered.from);
        expect(bridgeOf(answered.to)).toBe(bridgeOf(answered.from));
        const dropped = pickKernelPing(world, random, 'dropped');
        expect(bridgeOf(dropped.to)).not.toBe(bridgeOf(dropped.from));
        reached.add(answered.to).add(dropped.to);
      }
      // Every container is somebody's destination.
      expect(reached.size).toBe(bridges * perBridge);
      const { from, to } = pickKernelPing(world, random, 'dropped');
      const trace = world.kernel.probe({ kind: 'icmp-echo', from: world.endpoints[from]!.ns, dst: world.endpoints[to]!.ip });
      expect(trace.outcome).toMatchObject({ kind: 'dropped', by: { table: 'raw', chain: 'PREROUTING', text: `-A PREROUTING -d ${world.endpoints[to]!.ip}/32 ! -i br-${bridgeOf(to)} -j DROP` } });
    }
  });

  it('times every world in turns, each kind apart, and checks each ping\'s outcome', () => {
    const [small, large] = measureKernelWorlds([{ bridges: 2, perBridge: 3 }, { bridges: 5, perBridge: 4 }], 40, 2, 5);
    expect(small!.containers).toBe(6);
    expect(large!.containers).toBe(20);
    expect(large!.rawRules).toBe(20);
    for (const w of [small!, large!]) {
      expect(w.ping.answered.samples).toBe(40);
      expect(w.ping.dropped.samples).toBe(40);
      expect(w.ping.stretches.answered).toHaveLength(2);
      expect(w.ping.stretches.dropped).toHaveLength(2);
    }
  });
});
