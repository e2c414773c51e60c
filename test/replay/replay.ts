/** Replays a golden script on the simulator and compares it block by block with the real engine's transcript. */
import { readFileSync } from 'node:fs';
import { formatTranscript, runScript } from '../../src/cli/transcript.ts';
// @ts-expect-error: the shared normalizer is plain JavaScript without types.
import { normalizeTranscript } from '../../../shared/tools/real-docker/normalize.mjs';

export const GOLDEN_DIR = new URL('../golden/', import.meta.url);

export interface Replay {
  name: string;
  blocks: number;
  agree: number;
  /** The first block that differs: real engine, then simulator. */
  firstDiff?: { real: string; ours: string };
}

const blocksOf = (text: string): string[] => (normalizeTranscript(text) as string).split(/^(?=\$ )/m);

export function replay(name: string): Replay {
  const script = readFileSync(new URL(`scripts/${name}.sh`, GOLDEN_DIR), 'utf8');
  const real = blocksOf(readFileSync(new URL(`transcripts/${name}.txt`, GOLDEN_DIR), 'utf8'));
  const ours = blocksOf(formatTranscript(runScript(script).entries));
  let agree = 0;
  let firstDiff: Replay['firstDiff'];
  real.forEach((block, i) => {
    if (block === ours[i]) agree++;
    else firstDiff ??= { real: block, ours: ours[i] ?? '(missing)' };
  });
  return firstDiff ? { name, blocks: real.length, agree, firstDiff } : { name, blocks: real.length, agree };
}
