/**
 * Prints every golden command whose simulated output differs from the real engine's:
 * `npx tsx scripts/golden-diff.ts [PREFIX] [--all]` (`--all` also prints reachability
 * commands that agree only on success or failure, not byte for byte).
 */
import { readdirSync } from 'node:fs';
import { blockAgrees, GOLDEN_DIR, replay } from '../test/replay/replay.ts';
import { loadAllParts } from '../src/sim/shell/lazy/parts.ts';

// Every line runs at once here, as in the CLI: the parts the browser loads on first use, first.
await loadAllParts();

const showAll = process.argv.includes('--all');
const prefix = process.argv.slice(2).find((a) => !a.startsWith('--'));
let total = 0;
let agree = 0;
let exact = 0;
for (const file of readdirSync(new URL('scripts/', GOLDEN_DIR)).filter((f) => f.endsWith('.sh')).sort()) {
  const name = file.slice(0, -3);
  if (prefix && !name.startsWith(prefix)) continue;
  const r = replay(name);
  for (const d of r.diffs) {
    if (!showAll && blockAgrees(d.real, d.ours)) continue;
    console.log(`##### ${name} #${d.index}${blockAgrees(d.real, d.ours) ? ' (same outcome)' : ''}\n--- real\n${d.real}--- ours\n${d.ours}`);
  }
  total += r.blocks;
  agree += r.agree;
  exact += r.exact;
}
console.log(`agree ${agree}/${total} (${exact} exactly)`);
