/**
 * Every golden script replayed on the simulator: each command's normalized output
 * and exit status against the real Docker 28.5 engine's (reachability commands:
 * their success or failure, see replay.ts). Scripts in `progress.json`
 * must keep at least the number of agreeing commands recorded there (it only ever
 * goes up); a script whose every command agrees must stay that way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { GOLDEN_DIR, replay, type Replay } from './replay.ts';

const baseline = JSON.parse(readFileSync(new URL('./progress.json', import.meta.url), 'utf8')) as Record<string, number>;
const names = readdirSync(new URL('scripts/', GOLDEN_DIR)).filter((f) => f.endsWith('.sh')).map((f) => f.slice(0, -3)).sort();
const results: Replay[] = [];

afterAll(() => {
  const agree = results.reduce((n, r) => n + r.agree, 0);
  const blocks = results.reduce((n, r) => n + r.blocks, 0);
  const exact = results.reduce((n, r) => n + r.exact, 0);
  const whole = results.filter((r) => r.agree === r.blocks).length;
  console.log(`golden: ${agree}/${blocks} commands agree with the real engine (${exact} byte for byte); ${whole}/${results.length} scripts entirely`);
});

describe('golden transcripts from the real engine', () => {
  for (const name of names) {
    it(name, () => {
      const r = replay(name);
      results.push(r);
      const floor = baseline[name] ?? 0;
      if (r.agree < floor && r.firstDiff) {
        expect(r.firstDiff.ours, `${name}: ${r.agree}/${r.blocks} agree, baseline ${floor}`).toBe(r.firstDiff.real);
      }
      expect(r.agree).toBeGreaterThanOrEqual(floor);
    });
  }
});
