/**
 * Log stamps (src/sim/docker/log-stamps.ts) read only what a log gained since the
 * last look. Over random appends (whole lines, pieces of a line, nothing) and looks
 * at a moving clock, each line gets the time of the first look that saw it, as a
 * count of the whole log at every look gives; and `docker logs -t` dates what a
 * container printed after each line with that line's time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Container } from '../../src/sim/docker/model.ts';
import { stampLogs } from '../../src/sim/docker/log-stamps.ts';
import { replay, runLine } from '../../src/scenario/scenario.ts';

/** The stamps a count of the whole text at every look gives. */
function stampsByWholeCount(texts: readonly string[]): number[] {
  const stamps: number[] = [];
  texts.forEach((text, now) => {
    const lines = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    while (stamps.length < lines) stamps.push(now);
  });
  return stamps;
}

const piece = fc.oneof(fc.constant(''), fc.constant('\n'), fc.constantFrom('a', 'bc', 'line\n', 'x\ny', '\n\n', 'end\nstart'));

describe('log stamps', () => {
  it('stamp each line at the first look that saw it, however the log grew', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const c = { logs: '' } as Container;
        const seen: string[] = [];
        pieces.forEach((p, now) => {
          c.logs += p;
          seen.push(c.logs);
          stampLogs([c], now);
        });
        expect(c.logStamps ?? []).toEqual(stampsByWholeCount(seen));
      }),
    );
  });

  it('date what a container printed after each line with that line', () => {
    const { sim } = replay(['docker run -d --name ticker busybox sh -c "while true; do echo tick; sleep 1; done"']);
    runLine(sim, 'sleep 2');
    runLine(sim, 'echo hi');
    runLine(sim, 'sleep 3');
    // One tick a second, each dated when it was printed (the sleeping loop runs on as the clock moves).
    expect(runLine(sim, 'docker logs -t ticker').stdout).toBe(
      [0, 1, 2, 3, 4, 5].map((s) => `2026-11-23T22:00:0${s}.000000000Z tick\n`).join(''),
    );
  });
});
