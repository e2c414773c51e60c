/**
 * The benchmarks' arithmetic and verdicts (scripts/bench/): what `npm run bench`
 * and `npm run bench:ui` print must say PASS only within budget, and their
 * medians and p95s are nearest-rank quantiles of the samples.
 */
import { describe, expect, it } from 'vitest';
import { formatTable, toJson, verdict, type Figure } from '../../scripts/bench/report.ts';
import { summarize } from '../../scripts/bench/stats.ts';
import { worldScript, WORLD_SIZES } from '../../scripts/bench/worlds.ts';

describe('bench figures', () => {
  it('takes the median and p95 by nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summarize(samples)).toEqual({ median: 50, p95: 95, samples: 100 });
    expect(summarize([3, 1, 2])).toEqual({ median: 2, p95: 3, samples: 3 });
  });

  it('says PASS within the budget, OVER past it, nothing without one', () => {
    const run: Figure = { key: 'large.docker-run.median', value: 0.5, unit: 'ms', budget: { max: 0.5, text: '<= 0.5 ms' } };
    expect(verdict(run)).toBe('PASS');
    expect(verdict({ ...run, value: 0.51 })).toBe('OVER');
    expect(verdict({ key: 'small.ping.median', value: 9, unit: 'ms' })).toBe('');
  });

  it('prints each figure on a row and lists the OVER ones in the JSON', () => {
    const figures: Figure[] = [
      { key: 'xl.build', value: 3500, unit: 'ms', budget: { max: 3000, text: '< 3 s' } },
      { key: 'link.total', value: 9221, unit: 'chars', budget: { max: 15367, text: '< lz-string 15368' } },
    ];
    const table = formatTable(figures).split('\n');
    expect(table[2]).toMatch(/^xl\.build\s+3500 ms\s+< 3 s\s+OVER$/);
    expect(table[4]).toMatch(/^link\.total\s+9221 chars\s+< lz-string 15368\s+PASS$/);
    const json = toJson(figures, { quick: true });
    expect(json.over).toEqual(['xl.build']);
    expect(json.figures).toMatchObject({ 'xl.build': { value: 3500, unit: 'ms', budget: 3000, verdict: 'OVER' } });
  });

  it('builds the large world the issue names: 30 networks, 300 containers, 100 published ports, 20 DOCKER-USER rules', () => {
    const lines = worldScript(WORLD_SIZES[2]!);
    expect(lines.filter((l) => l.startsWith('docker network create'))).toHaveLength(30);
    expect(lines.filter((l) => l.startsWith('docker run'))).toHaveLength(300);
    expect(lines.filter((l) => / -p \d+:80 /.test(l))).toHaveLength(100);
    expect(lines.filter((l) => l.startsWith('iptables -I DOCKER-USER'))).toHaveLength(20);
  });
});
