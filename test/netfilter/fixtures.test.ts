/**
 * Replays what the real iptables 1.8.9 (nf_tables) printed for each command
 * sequence in fixtures/*.cmds (recorded by scripts/record-iptables-fixtures.sh
 * in a throwaway network namespace) and compares the model's output byte for byte.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCases, replay } from './replay.ts';

const dir = join(import.meta.dirname, 'fixtures');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.cmds'))
  .map((f) => f.slice(0, -5))
  .sort();

describe('iptables fixtures recorded from the real tool', () => {
  it('has fixtures to replay', () => {
    expect(names.length).toBeGreaterThan(5);
  });
  for (const name of names) {
    const expected = readFileSync(join(dir, `${name}.txt`), 'utf8');
    const steps = readCases(readFileSync(join(dir, `${name}.cmds`), 'utf8'));
    // One assertion per command so a failure names the command line.
    const blocks = expected.split(/^(?=\$ )/m);
    describe(name, () => {
      const actual = replay(steps, expected).split(/^(?=\$ )/m);
      blocks.forEach((block, i) => {
        const title = block.split('\n')[0];
        it(`${i + 1}: ${title}`, () => {
          expect(actual[i]).toBe(block);
        });
      });
    });
  }
});
