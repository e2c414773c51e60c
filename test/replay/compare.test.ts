import { describe, expect, it } from 'vitest';
import { blockAgrees, compareTranscripts } from './replay.ts';

describe('comparing a simulated block with the real engine’s', () => {
  it('needs exact output for ordinary commands', () => {
    expect(blockAgrees('$ docker ps -q\nabc\n', '$ docker ps -q\nabc\n')).toBe('exact');
    expect(blockAgrees('$ docker ps -q\nabc\n', '$ docker ps -q\nabd\n')).toBe(false);
    expect(blockAgrees('$ docker ps -q\nabc\n', undefined)).toBe(false);
  });

  it('needs only the same success or failure for reachability commands', () => {
    const real = `$ docker exec c sh -c 'echo "GET k" | nc 172.17.0.2 6379'\n+OK\n`;
    expect(blockAgrees(real, `$ docker exec c sh -c 'echo "GET k" | nc 172.17.0.2 6379'\n$1\nv\n`)).toBe('outcome');
    expect(blockAgrees(real, `$ docker exec c sh -c 'echo "GET k" | nc 172.17.0.2 6379'\nnc: timed out\n[exit 1]\n`)).toBe(false);
    expect(blockAgrees('$ lan$ curl -s http://x\n[exit 7]\n', '$ lan$ curl -s http://x\n[exit 28]\n')).toBe('outcome');
    expect(blockAgrees('$ lan$ curl -s http://x\n[exit 7]\n', '$ lan$ curl -s http://y\n[exit 7]\n')).toBe(false);
  });
});

describe('traceroute blocks', () => {
  it('compare hops exactly and timings not at all', () => {
    const real = '$ docker exec c traceroute -n 1.2.3.4\n 1  172.18.0.1  0.011 ms  0.005 ms  0.006 ms\n';
    expect(blockAgrees(real, '$ docker exec c traceroute -n 1.2.3.4\n 1  172.18.0.1  0.044 ms  0.044 ms  0.044 ms\n')).toBe('exact');
    expect(blockAgrees(real, '$ docker exec c traceroute -n 1.2.3.4\n 1  172.18.0.9  0.044 ms  0.044 ms  0.044 ms\n')).toBe(false);
  });
});

describe('a whole transcript', () => {
  const real = '$ docker ps -q\nabc\n$ docker network ls -q\ndef\n';

  it('agrees when every block agrees and there are as many', () => {
    const r = compareTranscripts('t', real, real);
    expect([r.blocks, r.oursBlocks, r.agree, r.firstDiff]).toEqual([2, 2, 2, undefined]);
  });

  it('fails on a block the simulator did not print', () => {
    const r = compareTranscripts('t', real, '$ docker ps -q\nabc\n');
    expect(r.oursBlocks).toBe(1);
    expect(r.firstDiff).toEqual({ real: '$ docker network ls -q\ndef\n', ours: '(missing)' });
  });

  it('fails on trailing output the real engine never printed', () => {
    const r = compareTranscripts('t', real, `${real}$ docker ps -aq\nxyz\n`);
    expect([r.blocks, r.oursBlocks, r.agree]).toEqual([2, 3, 2]);
    expect(r.firstDiff).toEqual({ real: '(no block: the real transcript ends before this)', ours: '$ docker ps -aq\nxyz\n' });
  });
});
