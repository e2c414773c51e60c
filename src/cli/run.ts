/**
 * `vethlab run`: a script, a scenario file or a share link, run line by line
 * on a fresh simulated host (`vethlab trace` builds its world the same way,
 * trace.ts). Every input runs the same way
 * (runLines: the scenario's seed, the rig's images unless `--images
 * playground`), so a link prints exactly what the file it was made from prints.
 */
import type { ImageSet } from '../sim/docker/images.ts';
import { DEFAULT_SEED, type ScenarioDoc } from '../scenario/index.ts';
import { parseArgs } from './args.ts';
import { UsageError } from './errors.ts';
import { docFromLink } from './link.ts';
import { readInput, scenarioLines } from './scenario-file.ts';
import { formatTranscript, runLines, type ScriptRun } from './transcript.ts';

/** `--images`: the rig's three images (the default) or the playground's seven. */
export function imageSet(value: string | undefined): ImageSet {
  if (value === undefined || value === 'rig' || value === 'playground') return value ?? 'rig';
  throw new UsageError('--images must be rig or playground');
}

/** Runs the scenario's lines (setup, then steps) as a script runs. */
export function runDoc(doc: ScenarioDoc, images: ImageSet = 'rig'): ScriptRun {
  return runLines(scenarioLines(doc), doc.seed ?? DEFAULT_SEED, images);
}

export async function runCommand(args: readonly string[]): Promise<number> {
  const parsed = parseArgs(args, { flags: ['--json'], options: ['--images', '--url'] });
  const images = imageSet(parsed.options.get('--images'));
  const url = parsed.options.get('--url');
  if (parsed.positional.length !== (url === undefined ? 1 : 0)) throw new UsageError(url === undefined ? 'run takes one FILE' : 'run takes either FILE or --url LINK');
  const doc = url !== undefined ? await docFromLink(url) : readInput(parsed.positional[0]!).doc;
  const { entries } = runDoc(doc, images);
  if (parsed.flags.has('--json')) {
    const out = entries.map((e) => ({ line: e.line, stdout: e.output.stdout, stderr: e.output.stderr, exitCode: e.output.exitCode, traces: e.output.traces ?? [] }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    process.stdout.write(formatTranscript(entries));
  }
  return 0;
}
