/**
 * The two shells of a simulated world, for the shell's unit tests: dash on the
 * Docker host (`sh -c` there) and busybox ash in a busybox container (`docker
 * exec C sh -c`). A test case is a script and what each real shell printed for
 * it, in the transcripts' form (stdout and stderr as a terminal shows them,
 * then `[exit N]` when it failed). The expected texts were printed by dash
 * 0.5.12 and busybox 1.35.0 (Debian bookworm), the rig's own binaries.
 */
import { expect } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import type { CommandOutput } from '../../src/sim/shell/types.ts';

/** [script, what dash printed, what busybox ash printed]. */
export type Case = [string, string, string];

export function transcript(o: CommandOutput): string {
  const body = o.stderrFirst ? o.stderr + o.stdout : o.stdout + o.stderr;
  return body + (body === '' || body.endsWith('\n') ? '' : '\n') + (o.exitCode !== 0 ? `[exit ${o.exitCode}]\n` : '');
}

export function shells() {
  const sim = new Simulator({ seed: 1 });
  sim.runScriptLine('docker run -d --name box busybox sleep 100000');
  return {
    sim,
    dash: (script: string) => sim.runShellOn('host', script),
    ash: (script: string) => sim.runInContainerShell('box', script),
  };
}

const shared = shells();

/** Runs a case in both shells and compares with the real ones. */
export function check([script, dash, ash]: Case): void {
  expect(transcript(shared.dash(script)), `dash: ${script}`).toBe(dash);
  expect(transcript(shared.ash(script)), `ash: ${script}`).toBe(ash);
}
