/**
 * Nothing a user types breaks the world. 10,000 command lines (the gallery's,
 * mutated, aimed at the world's own containers, networks, veths and chains, and
 * random: see fuzz-lines.ts), in twenty worlds of 500 lines each, each world
 * starting as a gallery scenario, from one seed. After every line: it ended as an answer with an exit status,
 * never an exception, and the world is sound (world-invariants.ts). After every
 * fourth world: replaying its lines into a fresh simulator rebuilds the same world.
 */
import { describe, expect, it } from 'vitest';
import { GALLERY } from '../../src/scenario/gallery/index.ts';
import { createSimulator } from '../../src/scenario/scenario.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import { FuzzRandom, fuzzLine, galleryLines } from './fuzz-lines.ts';
import { worldDigest, worldNames, worldViolations } from './world-invariants.ts';

const WORLDS = 20;
const LINES_PER_WORLD = 500;
const SEED = 20261206;
const REPLAYED_EVERY = 4;

/** A line as a failure report shows it: escaped, and short. */
function shown(line: string): string {
  const text = JSON.stringify(line);
  return text.length > 200 ? `${text.slice(0, 200)}… (${line.length} chars)` : text;
}

describe('any command line', () => {
  it('gets an answer, never an exception, and leaves a sound world that replays the same', { timeout: 120_000 }, () => {
    const random = new FuzzRandom(SEED);
    const pool = galleryLines();
    const problems: string[] = [];
    const report = (problem: string) => {
      if (problems.length < 20 && !problems.includes(problem)) problems.push(problem);
    };
    let ran = 0;
    for (let world = 0; world < WORLDS; world++) {
      const sim = createSimulator(SEED + world);
      // Each world starts as a gallery scenario, so that its steps and their mutations meet the things they name.
      const scenario = GALLERY[world % GALLERY.length]!;
      const own = [...scenario.commands, ...scenario.steps.map((s) => s.command)];
      const lines: string[] = [];
      let known = new Set<string>();
      for (let i = 0; i < LINES_PER_WORLD; i++) {
        const line = scenario.commands[i] ?? fuzzLine(random, pool, own, worldNames(sim));
        lines.push(line);
        ran++;
        try {
          const out = sim.runScriptLine(line);
          if (typeof out.exitCode !== 'number' || typeof out.stdout !== 'string' || typeof out.stderr !== 'string') report(`world ${world} line ${i} ${shown(line)}: a malformed answer`);
        } catch (e) {
          report(`world ${world} line ${i} ${shown(line)} threw ${(e as Error).stack?.split('\n').slice(0, 3).join(' ')}`);
        }
        // A broken invariant is told once, at the line that broke it.
        const now = new Set(worldViolations(sim));
        for (const v of now) if (!known.has(v)) report(`world ${world} line ${i} ${shown(line)}: ${v}`);
        known = now;
      }
      // Replaying costs as much as running: every fourth world is replayed, so the test stays well under a minute on a shared machine.
      if (world % REPLAYED_EVERY !== 0) continue;
      const again = createSimulator(SEED + world);
      for (const line of lines) {
        try {
          again.runScriptLine(line);
        } catch {
          // Told above; the digests still compare.
        }
      }
      if (worldDigest(again) !== worldDigest(sim)) report(`world ${world}: replaying its ${lines.length} lines gives another world`);
    }
    expect(ran).toBe(WORLDS * LINES_PER_WORLD);
    expect(problems).toEqual([]);
  });

  it('answers a huge paste with the shell’s or the tool’s error, not a hang', () => {
    const sim = new Simulator();
    const out = sim.runScriptLine(`docker run ${'-p 1:1 '.repeat(2000)}busybox`);
    expect(out.exitCode).not.toBe(0);
    expect(sim.runScriptLine('echo ' + 'x'.repeat(200_000)).stdout.length).toBe(200_001);
  });
});
