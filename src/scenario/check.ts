/**
 * Whether a step did what its scenario expects: the exit status, how its last
 * packet ended, the rule that dropped it, the text it printed. `vethlab check`,
 * the gallery's tests and the Guide all read the same verdicts.
 */
import type { Trace } from '../sim/net/trace.ts';
import type { CommandOutput } from '../sim/shell/types.ts';
import type { RuleRef } from '../sim/netfilter/hook.ts';
import type { PacketOutcome, ScenarioDoc, StepExpectation } from './format/types.ts';
import { DEFAULT_SEED, replay, runLine } from './scenario.ts';

function lastTrace(out: CommandOutput): Trace | undefined {
  const traces = out.traces ?? [];
  return traces[traces.length - 1];
}

/** The rule that dropped or rejected the command's last packet, if one did. */
export function decidingRuleRef(out: CommandOutput): RuleRef | undefined {
  const o = lastTrace(out)?.outcome;
  return o && (o.kind === 'dropped' || o.kind === 'rejected') ? o.by : undefined;
}

/** The rule's text as iptables-save prints it (`:CHAIN POLICY` for a policy). */
export function decidingRule(out: CommandOutput): string | undefined {
  return decidingRuleRef(out)?.text;
}

/** Where a rule sits: `raw PREROUTING rule 2`, `filter FORWARD policy`. */
export function rulePlace(rule: RuleRef): string {
  return `${rule.table} ${rule.chain} ${rule.num > 0 ? `rule ${rule.num}` : 'policy'}`;
}

/** A rule named either way a scenario may name it: its text, or its place. */
function ruleMatches(rule: RuleRef, wanted: string): boolean {
  const w = wanted.trim().replace(/\s+/g, ' ');
  return w === rule.text || w === rulePlace(rule);
}

/** How the command's last packet ended, in words (`replied`, `dropped by raw PREROUTING rule 2: -A ...`). */
export function describeOutcome(out: CommandOutput): string {
  const trace = lastTrace(out);
  if (!trace) return 'no packet';
  const o = trace.outcome;
  if (o.kind === 'dropped' || o.kind === 'rejected') return `${o.kind} by ${rulePlace(o.by)} (${o.by.text})`;
  return o.kind;
}

function packetOf(out: CommandOutput): PacketOutcome | undefined {
  return lastTrace(out)?.outcome.kind;
}

/**
 * How the output differs from the expectation, one sentence per field that
 * differs (expected "...", got "..."); empty when it matches.
 */
export function checkStep(expect: StepExpectation, out: CommandOutput): string[] {
  const problems: string[] = [];
  if (expect.exit !== undefined && out.exitCode !== expect.exit) problems.push(`expected exit status ${expect.exit}, got ${out.exitCode}`);
  if (expect.packet !== undefined && packetOf(out) !== expect.packet) {
    problems.push(`expected the packet "${expect.packet}", got "${describeOutcome(out)}"`);
  }
  if (expect.droppedBy !== undefined) {
    const rule = decidingRuleRef(out);
    if (!rule || !ruleMatches(rule, expect.droppedBy)) problems.push(`expected "dropped by ${expect.droppedBy}", got "${describeOutcome(out)}"`);
  }
  if (expect.output !== undefined && !`${out.stdout}${out.stderr}`.includes(expect.output)) {
    const printed = `${out.stdout}${out.stderr}`.trim().split('\n').slice(0, 3).join(' / ');
    problems.push(`expected the output to contain "${expect.output}", got "${printed.length > 160 ? `${printed.slice(0, 160)}…` : printed}"`);
  }
  return problems;
}

export interface StepCheck {
  /** From 1. */
  n: number;
  run: string;
  output: CommandOutput;
  /** Empty when the step did what it expects (or expects nothing). */
  problems: string[];
  /** The step declares an expectation. */
  checked: boolean;
}

export interface ScenarioCheck {
  /** Setup lines that ended in an internal error of the simulator (a bug, never a scenario's intent). */
  setupErrors: { line: string; stderr: string }[];
  steps: StepCheck[];
  passed: boolean;
}

/** Builds the scenario's world and runs its steps in order, checking each. */
export function checkScenario(doc: ScenarioDoc): ScenarioCheck {
  const { sim, outputs } = replay(doc.setup, doc.seed ?? DEFAULT_SEED);
  const setupErrors = outputs.flatMap((o, i) => (o.stderr.includes('vethlab: internal error') ? [{ line: doc.setup[i]!, stderr: o.stderr }] : []));
  const steps = (doc.steps ?? []).map((step, i): StepCheck => {
    const output = runLine(sim, step.run);
    const problems = step.expect ? checkStep(step.expect, output) : [];
    if (output.stderr.includes('vethlab: internal error')) problems.push(output.stderr.trim());
    return { n: i + 1, run: step.run, output, problems, checked: step.expect !== undefined };
  });
  return { setupErrors, steps, passed: setupErrors.length === 0 && steps.every((s) => s.problems.length === 0) };
}
