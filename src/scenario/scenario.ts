/**
 * A scenario is a script (ARCHITECTURE.md, principle 2): the command lines that
 * build a world, in order, plus what the UI keeps beside them (title, notes, a
 * hint). Replaying the lines into a fresh seeded Simulator gives the same world
 * byte for byte, so a scenario, a saved session and a shared URL are all just
 * lists of lines. Plain data and pure functions: no DOM, no clock, no randomness.
 */
import { Simulator } from '../sim/shell/simulator.ts';
import { shellQuote } from '../sim/shell/console.ts';
import type { CommandOutput } from '../sim/shell/types.ts';

import { DEFAULT_SEED } from './seed.ts';

export { DEFAULT_SEED };

export interface Scenario {
  id: string;
  /** i18n keys of the UI, resolved by the app (the core has no language). */
  titleKey: string;
  notesKey: string;
  /** The lines that build the world, as typed in the Docker host's terminal. */
  commands: readonly string[];
  /** A line worth trying next; the first screen offers it. */
  hint?: string;
}

/** Quotes a word for a POSIX shell (console.ts's, which writes a container shell's recorded lines). */
export { shellQuote };

export interface ReplayResult {
  sim: Simulator;
  /** The world's clock when it began (times are counted from it). */
  start: number;
  /** One output per command line, in order. */
  outputs: CommandOutput[];
}

/**
 * A fresh world as the UI uses it: seeded, with a TTY (`docker exec -it` works), all
 * seven images (`docker run -it ubuntu bash`), and its lines typed at one interactive shell.
 */
export function createSimulator(seed = DEFAULT_SEED): Simulator {
  return new Simulator({ seed, tty: true, images: 'playground', interactive: true });
}

/**
 * One host line. Commands never throw for bad input; should a simulator bug
 * throw, the line still ends like a failed command, live and in replay alike.
 */
export function runLine(sim: Simulator, line: string): CommandOutput {
  try {
    return sim.runScriptLine(line);
  } catch (e) {
    return { stdout: '', stderr: `vethlab: internal error: ${(e as Error).message}\n`, exitCode: 1 };
  }
}

/**
 * Moves the world's clock forward to `elapsed` ms after it began (never back):
 * the time a line ran at, so that `docker ps` says `Up 5 minutes` again on replay.
 */
export function advanceTo(sim: Simulator, start: number, elapsed: number): void {
  advanceClock(sim, start, elapsed);
  sim.settle();
}

/** The clock alone: what fell due runs when the next line settles, as every line does first (Simulator.runScriptLine). */
function advanceClock(sim: Simulator, start: number, elapsed: number): void {
  const kernel = sim.engine.kernel;
  const target = start + elapsed;
  if (Number.isFinite(target) && target > kernel.now) kernel.advance(target - kernel.now);
}

/**
 * Runs the lines, in order, in a fresh world. With `times` (ms after the world
 * began, one per line, as the UI records them), each line runs at its time.
 */
export function replay(commands: readonly string[], seed = DEFAULT_SEED, times?: readonly number[]): ReplayResult {
  const sim = createSimulator(seed);
  const start = sim.engine.kernel.now;
  const outputs = commands.map((line, i) => {
    if (times?.[i] !== undefined) advanceClock(sim, start, times[i]!);
    return runLine(sim, line);
  });
  return { sim, start, outputs };
}
