/**
 * The fuzzer's checks can fail: each invariant of world-invariants.ts catches
 * a world broken by hand, and the digest tells two worlds apart.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/scenario/scenario.ts';
import { Rule } from '../../src/sim/netfilter/rule.ts';
import { HOST_NS } from '../../src/sim/docker/world.ts';
import type { Simulator } from '../../src/sim/shell/simulator.ts';
import { worldDigest, worldViolations } from './world-invariants.ts';

function twoContainers(): Simulator {
  const sim = createSimulator(3);
  for (const line of ['docker network create net1', 'docker run -d --name c1 --network net1 busybox sleep 99', 'docker run -d --name c2 --network net1 busybox sleep 99']) {
    expect(sim.runScriptLine(line).exitCode).toBe(0);
  }
  expect(worldViolations(sim)).toEqual([]);
  return sim;
}

const endpointOf = (sim: Simulator, name: string) => [...sim.engine.findContainer(name)!.endpoints.values()][0]!;

describe('the world invariants', () => {
  it('catch an address leased twice in a network', () => {
    const sim = twoContainers();
    endpointOf(sim, 'c2').ip = endpointOf(sim, 'c1').ip;
    expect(worldViolations(sim)).toEqual(['172.18.0.2 is both c1\'s and c2\'s on net1']);
  });

  it('catch a veth whose peer is gone', () => {
    const sim = twoContainers();
    const c = sim.engine.findContainer('c1')!;
    const inside = sim.kernel.netns(c.netns!)!;
    const eth0 = inside.linksByName.get('eth0')!;
    inside.linksByName.delete('eth0');
    inside.linksByIndex.delete(eth0.ifindex);
    expect(worldViolations(sim)).toEqual([`veth host/${endpointOf(sim, 'c1').hostVeth}'s peer ${c.netns}#${eth0.ifindex} does not exist`]);
  });

  it('catch a jump to a chain that does not exist', () => {
    const sim = twoContainers();
    const forward = sim.kernel.netns(HOST_NS)!.netfilter.v4.get('filter')!.chains.get('FORWARD')!;
    forward.rules[0] = new Rule({ ...forward.rules[0]!.spec, target: { kind: 'jump', chain: 'GONE' } });
    expect(worldViolations(sim)).toEqual(['host v4 filter FORWARD: a rule jumps to GONE, which does not exist']);
  });

  it('tell two worlds apart by their digest, and the same world by the same one', () => {
    const sim = twoContainers();
    const before = worldDigest(sim);
    expect(worldDigest(twoContainers())).toBe(before);
    sim.runScriptLine('iptables -I DOCKER-USER -j DROP');
    expect(worldDigest(sim)).not.toBe(before);
  });
});
