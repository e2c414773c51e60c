/**
 * The comparisons of the gallery's real-kernel check (test/kernel/gallery.ts), on
 * text alone: a rule's counter read from `iptables-save -c`, and when a world's
 * new script may reuse the namespaces built from the old one.
 */
import { describe, expect, it } from 'vitest';
import { linuxScript } from '../../src/scenario/export/linux.ts';
import { replay, runLine } from '../../src/scenario/scenario.ts';
import { countedPackets, worldChange } from '../kernel/gallery.ts';

const SAVE = [
  '*filter',
  ':INPUT ACCEPT [0:0]',
  ':FORWARD DROP [3:252]',
  ':DOCKER-USER - [0:0]',
  '[0:0] -A FORWARD -j DOCKER-USER',
  '[2:168] -A DOCKER-USER -s 172.18.0.3/32 -j DROP',
  '[0:0] -A DOCKER-USER -j RETURN',
  'COMMIT',
].join('\n');

describe('countedPackets', () => {
  it('reads the num-th rule of a chain, or its policy', () => {
    const rule = (chain: string, num: number) => ({ table: 'filter' as const, chain, num, text: '' });
    expect(countedPackets(SAVE, rule('DOCKER-USER', 1))).toBe(2);
    expect(countedPackets(SAVE, rule('DOCKER-USER', 2))).toBe(0);
    expect(countedPackets(SAVE, rule('FORWARD', 0))).toBe(3);
    expect(countedPackets(SAVE, rule('DOCKER-USER', 3))).toBeUndefined();
  });
});

describe('worldChange', () => {
  const { sim } = replay(['docker network create n', 'docker run -dit --name c1 --network n busybox']);
  const kernel = sim.engine.kernel;
  const before = linuxScript(kernel);

  it('reuses the world when nothing changed, restores rules when only they changed, rebuilds otherwise', () => {
    expect(before).toContain('\nip netns add vl-c1\n');
    expect(worldChange(before, linuxScript(kernel))).toBe('none');
    runLine(sim, 'iptables -I DOCKER-USER -s 172.18.0.2 -j DROP');
    const rules = linuxScript(kernel);
    expect(worldChange(before, rules)).toBe('rules');
    runLine(sim, 'docker run -dit --name c2 --network n busybox');
    expect(worldChange(rules, linuxScript(kernel))).toBe('topology');
  });
});
