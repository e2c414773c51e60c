/**
 * Every golden script replayed on the simulator: each command's normalized output
 * and exit status against the real Docker 28.5 engine's (reachability commands:
 * their success or failure, see replay.ts). Every command of every script agrees,
 * and the simulator prints no block more or fewer than the real engine;
 * a difference fails with the real engine's block beside the simulator's.
 */
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { GOLDEN_DIR, replay, type Replay } from './replay.ts';

const names = readdirSync(new URL('scripts/', GOLDEN_DIR)).filter((f) => f.endsWith('.sh')).map((f) => f.slice(0, -3)).sort();
const results: Replay[] = [];
/** Each script replays once: the byte-for-byte checks below and the check of every script read the same replay. */
const replays = new Map<string, Replay>();
const replayOnce = (name: string): Replay => replays.get(name) ?? replays.set(name, replay(name)).get(name)!;

afterAll(() => {
  const agree = results.reduce((n, r) => n + r.agree, 0);
  const blocks = results.reduce((n, r) => n + r.blocks, 0);
  const exact = results.reduce((n, r) => n + r.exact, 0);
  const whole = results.filter((r) => r.agree === r.blocks).length;
  console.log(`golden: ${agree}/${blocks} commands agree with the real engine (${exact} byte for byte); ${whole}/${results.length} scripts entirely`);
});

describe('golden transcripts from the real engine', () => {
  it('has the recorded scripts', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
  });

  // ping, curl, nc and nslookup lines are reachability, which may agree on the outcome alone: these
  // goldens test those tools' flags and texts, so every line of theirs must agree byte for byte (times normalized).
  for (const name of ['fidelity-ping-flags', 'fidelity-iputils-ping', 'fidelity-traceroute', 'fidelity-curl-flags', 'fidelity-ls-long', 'fidelity-nslookup-server', 'fidelity-nc-flags', 'ipv6-nslookup', 'ipv6-traceroute', 'ipv6-icmp-ratelimit', 'dns-shared-alias-ipv6', 'dns-container-mode', 'fidelity-env-overrides', 'exec-user-workdir', 'wget-statuses']) {
    it(`${name} agrees byte for byte`, () => {
      const r = replayOnce(name);
      expect(r.diffs.map((d) => d.ours), `${name}: ${r.exact}/${r.blocks} exact`).toEqual([]);
    });
  }

  for (const name of names) {
    it(name, () => {
      const r = replayOnce(name);
      results.push(r);
      if (r.firstDiff) expect(r.firstDiff.ours, `${name}: ${r.agree}/${r.blocks} agree`).toBe(r.firstDiff.real);
      expect(r.agree).toBe(r.blocks);
      expect(r.oursBlocks, `${name}: the simulator printed ${r.oursBlocks} blocks, the real engine ${r.blocks}`).toBe(r.blocks);
    });
  }
});
