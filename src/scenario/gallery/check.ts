/**
 * Whether a step did what its scenario says: the exit status, and for a drop
 * the rule that decided (the last Trace of the command, as the Trace panel shows it).
 */
import type { CommandOutput } from '../../sim/shell/types.ts';
import type { StepExpect } from './types.ts';

/** The rule text that dropped or rejected the command's last packet, if it was. */
export function decidingRule(out: CommandOutput): string | undefined {
  const traces = out.traces ?? [];
  const o = traces[traces.length - 1]?.outcome;
  return o && (o.kind === 'dropped' || o.kind === 'rejected') ? o.by.text : undefined;
}

/** A sentence saying how the output differs from the expectation, or undefined when it matches. */
export function checkStep(expect: StepExpect, out: CommandOutput): string | undefined {
  const ok = out.exitCode === 0;
  if (ok !== expect.ok) return `expected ${expect.ok ? 'success' : 'failure'}, got exit status ${out.exitCode}`;
  const rule = decidingRule(out);
  if (expect.droppedBy !== undefined && rule !== expect.droppedBy) {
    return `expected a drop by "${expect.droppedBy}", got ${rule === undefined ? 'no drop' : `"${rule}"`}`;
  }
  if (expect.droppedBy === undefined && expect.ok && rule !== undefined) return `unexpected drop by "${rule}"`;
  return undefined;
}
