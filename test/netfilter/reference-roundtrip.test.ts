/**
 * The iptables-save dumps of a real Docker 28.5 host (test/fixtures/reference) parse
 * with iptables-restore and print again, byte for byte, with the same timestamp.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Netfilter } from '../../src/sim/netfilter/netfilter.ts';
import { generatedTime } from './replay.ts';

const refDir = join(import.meta.dirname, '../fixtures/reference');
const states = ['a-fresh', 'b-publish', 'c-internal-noicc'];
const dumps: { file: string; family: 4 | 6; counters: boolean }[] = [
  { file: 'iptables-save.txt', family: 4, counters: false },
  { file: 'iptables-save-c.txt', family: 4, counters: true },
  { file: 'ip6tables-save.txt', family: 6, counters: false },
];

describe('reference dumps round-trip through restore and save', () => {
  for (const state of states) {
    for (const { file, family, counters } of dumps) {
      it(`${state}/${file}`, () => {
        const text = readFileSync(join(refDir, state, file), 'utf8');
        const nf = new Netfilter();
        const flags = counters ? ['-c'] : [];
        const restored = nf.restore(flags, text, family);
        expect(restored).toEqual({ stdout: '', stderr: '', exitCode: 0 });
        const saved = nf.save(flags, family, generatedTime(text));
        expect(saved.stdout).toBe(text);
      });
    }
  }

  it('keeps the counters of b-publish so -L -v shows them', () => {
    const text = readFileSync(join(refDir, 'b-publish', 'iptables-save-c.txt'), 'utf8');
    const nf = new Netfilter();
    nf.restore(['-c'], text, 4);
    const out = nf.iptables(['-t', 'raw', '-L', 'PREROUTING', '-v', '-n'], 4).stdout;
    expect(out.split('\n')[2]).toBe(
      '    1    84 DROP       0    --  !docker0 *       0.0.0.0/0            172.17.0.2          ',
    );
  });
});
