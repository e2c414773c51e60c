import { describe, expect, it } from 'vitest';
import { synAttempts } from '../../src/sim/shell/servers.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';

describe('TCP conversations in the rule counters', () => {
  it('sends SYNs at 0, 1, 3, 7... s until the program gives up', () => {
    expect([1, 2, 3, 4, 8, undefined].map(synAttempts)).toEqual([1, 2, 2, 3, 4, 7]);
  });

  it('counts a dropped connect’s retransmissions and a whole HTTP exchange (golden 24)', () => {
    const sim = new Simulator();
    for (const line of [
      'docker network create -o com.docker.network.bridge.enable_icc=false noicc',
      'docker run -itd --name ca --network noicc busybox',
      'docker run -d --name web --network noicc httpd',
      'docker exec ca wget -qO- -T 2 http://web',
      'docker exec ca wget -qO- -T 2 http://203.0.113.10/',
    ]) sim.runScriptLine(line);
    const counts = sim
      .runScriptLine('iptables -L DOCKER-FORWARD -n -v')
      .stdout.split('\n')
      .slice(2, -1)
      .map((l) => l.trim().split(/\s+/).slice(0, 3).join(' '));
    // Two SYNs to web dropped (icc off); six packets out to the internet host, its six back
    // accepted by DOCKER-CT as ESTABLISHED: 14 through DOCKER-CT, 8 past it.
    expect(counts).toEqual(['14 760 DOCKER-CT', '8 440 DOCKER-ISOLATION-STAGE-1', '8 440 DOCKER-BRIDGE', '0 0 ACCEPT', '2 120 DROP', '6 320 ACCEPT']);
  });
});
