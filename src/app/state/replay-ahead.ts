/**
 * A link's world, replayed before the live app needs it. Replaying is a pure function of the
 * lines, the seed and the times (scenario.ts), so the world built while the live app's chunks
 * still download is the one `replaceWorld` would build: a 300-container link's replay (about
 * half a second) then overlaps the download instead of following it. One world is kept; the
 * next `replaceWorld` takes it if it asks for the same lines, and drops it either way.
 */
import { replay, type ReplayResult } from '../../scenario/scenario.ts';

interface Ahead {
  lines: readonly string[];
  seed: number;
  times: readonly number[];
  result: ReplayResult;
}

let ahead: Ahead | undefined;

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Replays the lines now and keeps the world for `takeReplay`. */
export function replayAhead(lines: readonly string[], seed: number, times: readonly number[]): void {
  ahead = { lines: [...lines], seed, times: [...times], result: replay(lines, seed, times) };
}

/** The world these lines build: the one replayed ahead when it is theirs, else replayed now. */
export function takeReplay(lines: readonly string[], seed: number, times: readonly number[]): ReplayResult {
  const kept = ahead;
  ahead = undefined;
  if (kept && kept.seed === seed && sameList(kept.lines, lines) && sameList(kept.times, times)) return kept.result;
  return replay(lines, seed, times);
}

/** The world kept, if any (tests: the world opened is this one, not a replay of it). */
export function keptReplay(): ReplayResult | undefined {
  return ahead?.result;
}
