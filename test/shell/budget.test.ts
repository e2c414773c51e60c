/**
 * The interpreter always answers: a runaway loop or recursion is stopped by a
 * step budget with a `vethlab:` line (and status 124, what the rig's
 * `timeout` gives a line that never ends), and no input, however broken,
 * makes it throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/sim/net/index.ts';
import { scratchFs } from '../../src/sim/shell/fs.ts';
import { DEPTH_BUDGET, LOOP_BUDGET, runShell } from '../../src/sim/shell/sh.ts';
import type { Command } from '../../src/sim/shell/types.ts';

const kernel = new Kernel();
kernel.addNetns('h');
const commands: Record<string, Command> = {
  cat: (_a, ctx) => ({ stdout: ctx.stdin, stderr: '', exitCode: 0 }),
};
const sh = (line: string, userland: 'debian' | 'busybox' = 'debian') =>
  runShell(line, { resolve: (n) => (Object.hasOwn(commands, n) ? commands[n] : undefined), context: { kernel, netns: 'h', userland, fs: scratchFs() } });

describe('the step budget', () => {
  it.each([
    ['while true; do :; done; echo never'],
    ['until false; do x=1; done'],
    ['for i in 1 2 3; do while :; do :; done; done'],
    ['i=0; while true; do i=$((i+1)); done'],
    ['x=$(while :; do echo y; done); echo ${#x}'],
  ])('stops %j', (line) => {
    for (const userland of ['debian', 'busybox'] as const) {
      const out = sh(line, userland);
      expect(out.stderr).toBe(`vethlab: the loop was stopped after ${LOOP_BUDGET} iterations\n`);
      expect(out.exitCode).toBe(124);
      expect(out.stdout).toBe('');
    }
  });

  it('stops runaway recursion', () => {
    expect(sh('f() { f; }; f; echo never')).toMatchObject({ stdout: '', stderr: `vethlab: the function f was stopped at a nesting depth of ${DEPTH_BUDGET}\n`, exitCode: 124 });
    expect(sh('f() { echo $(f); }; f').stderr).toBe(`vethlab: the function f was stopped at a nesting depth of ${DEPTH_BUDGET}\n`);
    expect(sh('x="eval \\"\\$x\\""; eval "$x"').stderr).toBe(`vethlab: eval stopped at a nesting depth of ${DEPTH_BUDGET}\n`);
  });

  it('lets ordinary loops and recursion finish', () => {
    expect(sh('i=0; while [ $i -lt 5000 ]; do i=$((i+1)); done; echo $i').stdout).toBe('5000\n');
    expect(sh('f() { if [ $1 -gt 0 ]; then f $(($1 - 1)); else echo bottom; fi; }; f 150').stdout).toBe('bottom\n');
  });

  it('keeps what was printed before the stop', () => {
    const out = sh('echo before; while :; do :; done');
    expect(out).toMatchObject({ stdout: 'before\n', exitCode: 124 });
  });
});

describe('robustness', () => {
  const pieces = ['for', 'do', 'done', 'if', 'then', 'fi', 'case', 'in', 'esac', ';;', '(', ')', '{', '}', '|', '&&', '||', ';', '&', '\n', '<<', 'EOF', '"', "'", '`', '$(', '${', '$((', '}', '))', '$x', 'x=1', 'echo', 'cat', '>', '<', '2>&1', '*', '?', '[', ']', '\\', 'a', ' ', '#', '!', ':-', '%%', '#*'];
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }), fc.boolean(), (parts, ash) => {
        const out = sh(parts.join(''), ash ? 'busybox' : 'debian');
        expect(typeof out.stdout).toBe('string');
        expect(out.stderr).not.toContain('internal error');
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        expect(sh(text).stderr).not.toContain('internal error');
      }),
      { numRuns: 300 },
    );
  });
});
