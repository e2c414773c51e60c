/**
 * Replays a golden script on the simulator and compares it block by block with the
 * real engine's transcript. Every command's output must agree exactly, except that
 * reachability commands (ping, wget, curl, nc, nslookup, redis-cli) need only agree
 * on success or failure, as the engine issue allows: their timings and the rig's
 * stand-in servers differ in wording, not in what reached what. Packet and byte counters
 * are compared too (the normalizer's keepCounters), and so is the number of blocks.
 */
import { readFileSync } from 'node:fs';
import { formatTranscript, runScript } from '../../src/cli/transcript.ts';
// @ts-expect-error: the shared normalizer is plain JavaScript without types.
import { normalizeTranscript } from '../fixtures/normalize.mjs';

export const GOLDEN_DIR = new URL('../golden/', import.meta.url);

export interface Replay {
  name: string;
  /** The real engine's blocks (one per command). */
  blocks: number;
  /** The simulator's blocks: equal to `blocks`, or output went missing or was added. */
  oursBlocks: number;
  /** Blocks that agree (exactly, or on success for reachability commands). */
  agree: number;
  /** Of those, the blocks that agree byte for byte. */
  exact: number;
  /** The first block that differs: real engine, then simulator. */
  firstDiff?: { real: string; ours: string };
  /** Every differing block, in order. */
  diffs: { index: number; real: string; ours: string }[];
}

export const blocksOf = (text: string): string[] => (normalizeTranscript(text, { keepCounters: true }) as string).split(/^(?=\$ )/m);

const REACHABILITY = /(?:^|[\s|;&'"(])(?:ping|wget|curl|nc|nslookup|redis-cli)\s/;

/** `[exit N]` of a block, 0 when absent. */
const exitOf = (block: string): number => Number(/^\[exit (\d+)\]$/m.exec(block)?.[1] ?? 0);

/**
 * traceroute prints measured round-trip times the shared normalizer leaves alone:
 * both sides compare with them masked, hops and addresses exactly.
 */
const maskTimings = (block: string): string => (/^\$ .*\btraceroute6?\b/.test(block) ? block.replace(/\d+\.\d{3} ms/g, '<T> ms') : block);

/** Whether the simulator's block agrees with the real engine's. */
export function blockAgrees(realBlock: string, oursBlock: string | undefined): 'exact' | 'outcome' | false {
  if (oursBlock === undefined) return false;
  const real = maskTimings(realBlock);
  const ours = maskTimings(oursBlock);
  if (real === ours) return 'exact';
  const realLine = real.split('\n')[0]!;
  if (realLine !== ours.split('\n')[0] || !REACHABILITY.test(realLine.slice(2))) return false;
  return (exitOf(real) === 0) === (exitOf(ours) === 0) ? 'outcome' : false;
}

export function replay(name: string): Replay {
  const script = readFileSync(new URL(`scripts/${name}.sh`, GOLDEN_DIR), 'utf8');
  const realText = readFileSync(new URL(`transcripts/${name}.txt`, GOLDEN_DIR), 'utf8');
  return compareTranscripts(name, realText, formatTranscript(runScript(script).entries));
}

/** Compares two raw transcripts block by block, after both are normalized. */
export function compareTranscripts(name: string, realText: string, oursText: string): Replay {
  const real = blocksOf(realText);
  const ours = blocksOf(oursText);
  let agree = 0;
  let exact = 0;
  const diffs: Replay['diffs'] = [];
  real.forEach((block, index) => {
    const verdict = blockAgrees(block, ours[index]);
    if (verdict) agree++;
    if (verdict === 'exact') exact++;
    else diffs.push({ index, real: block, ours: ours[index] ?? '(missing)' });
  });
  // Output the real engine never printed fails too, not only output it printed and we lack.
  ours.slice(real.length).forEach((block, offset) => diffs.push({ index: real.length + offset, real: '(no block: the real transcript ends before this)', ours: block }));
  const result: Replay = { name, blocks: real.length, oursBlocks: ours.length, agree, exact, diffs };
  const first = diffs.find((d) => !blockAgrees(d.real, d.ours));
  return first ? { ...result, firstDiff: { real: first.real, ours: first.ours } } : result;
}
