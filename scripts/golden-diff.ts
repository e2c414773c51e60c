/**
 * Prints every golden command whose simulated output differs from the real engine's:
 * `npx tsx scripts/golden-diff.ts [PREFIX]` (`--all` also prints reachability commands
 * that agree only on success or failure). With `--progress`, raises the replay
 * suite's per-script floor (test/replay/progress.json) to what agrees now.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { blockAgrees, GOLDEN_DIR, replay } from '../test/replay/replay.ts';

const progressFile = new URL('../test/replay/progress.json', import.meta.url);
const writeProgress = process.argv.includes('--progress');
const showAll = process.argv.includes('--all');
const prefix = process.argv.slice(2).find((a) => !a.startsWith('--'));
const progress = JSON.parse(readFileSync(progressFile, 'utf8')) as Record<string, number>;
let total = 0;
let agree = 0;
let exact = 0;
for (const file of readdirSync(new URL('scripts/', GOLDEN_DIR)).filter((f) => f.endsWith('.sh')).sort()) {
  const name = file.slice(0, -3);
  if (prefix && !name.startsWith(prefix)) continue;
  const r = replay(name);
  for (const d of r.diffs) {
    if (writeProgress || (!showAll && blockAgrees(d.real, d.ours))) continue;
    console.log(`##### ${name} #${d.index}${blockAgrees(d.real, d.ours) ? ' (same outcome)' : ''}\n--- real\n${d.real}--- ours\n${d.ours}`);
  }
  total += r.blocks;
  agree += r.agree;
  exact += r.exact;
  progress[name] = Math.max(progress[name] ?? 0, r.agree);
}
if (writeProgress) writeFileSync(progressFile, `${JSON.stringify(progress, null, 2)}\n`);
console.log(`agree ${agree}/${total} (${exact} exactly)`);
