/**
 * `vethlab check FILE...`: runs each scenario file's steps in the world the
 * playground builds and holds every step to its `expect` (checkScenario). One
 * line per step, a header per file, a summary; exit status 0 when every step
 * did what it expects, 1 when one did not, 2 when a file could not be read.
 * A translation beside a scenario (`NAME.LANG.yaml` next to `NAME.yaml`) is
 * read against it (its step texts must match the steps), so `check dir/*.yaml`
 * takes a directory of scenarios and their translations as it is.
 * Plain text, the same on every run (no colors, no timings).
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { checkScenario, describeReadError, parseScenarioTextYaml, type ScenarioCheck, type ScenarioDoc, type StepCheck } from '../scenario/index.ts';
import { parseArgs } from './args.ts';
import { CliError, UsageError } from './errors.ts';
import { isScenarioPath, readScenarioFile, readText } from './scenario-file.ts';

export interface CheckTally {
  files: number;
  steps: number;
  passed: number;
  failed: number;
  /** Steps that expect nothing (they ran, nothing was checked). */
  unchecked: number;
  /** Setup lines that ended in a simulator error. */
  setupErrors: number;
  /** Translations read against their scenarios. */
  translations: number;
  /** Files that could not be read. */
  unreadable: number;
}

type Verdict = 'ok' | 'FAIL' | '--';

function verdict(step: StepCheck): Verdict {
  if (step.problems.length > 0) return 'FAIL';
  return step.checked ? 'ok' : '--';
}

/** `  ok   3  LINE`, `  FAIL 4  LINE: what differs`, `  --   5  LINE (nothing expected)`. */
export function formatStep(step: StepCheck, width = 1): string {
  const v = verdict(step);
  const head = `  ${v.padEnd(4)} ${String(step.n).padStart(width)}  ${step.run}`;
  if (v === 'FAIL') return `${head}: ${step.problems.join('; ')}`;
  return v === '--' ? `${head} (nothing expected)` : head;
}

/** The lines printed for one file: its header, setup errors, one line per step. */
export function formatFileCheck(path: string, doc: ScenarioDoc, result: ScenarioCheck): string[] {
  const width = String(result.steps.length).length;
  return [
    doc.title ? `${path} — ${doc.title}` : path,
    ...result.setupErrors.map((e) => `  FAIL setup  ${e.line}: ${e.stderr.trim().split('\n')[0]}`),
    ...(result.steps.length === 0 ? ['  (no steps)'] : result.steps.map((s) => formatStep(s, width))),
  ];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `3 files, 52 steps: 51 passed, 1 failed` (then whatever else happened). */
export function formatSummary(t: CheckTally): string {
  const extra = [
    t.unchecked > 0 ? `${t.unchecked} expected nothing` : '',
    t.setupErrors > 0 ? `${plural(t.setupErrors, 'setup line')} failed` : '',
  ].filter(Boolean);
  const translations = t.translations > 0 ? `; ${plural(t.translations, 'translation')} read` : '';
  const unreadable = t.unreadable > 0 ? `; ${plural(t.unreadable, 'file')} could not be read` : '';
  return `${plural(t.files, 'file')}, ${plural(t.steps, 'step')}: ${[`${t.passed} passed`, `${t.failed} failed`, ...extra].join(', ')}${translations}${unreadable}`;
}

function tallyFile(t: CheckTally, result: ScenarioCheck): void {
  t.files++;
  t.steps += result.steps.length;
  t.setupErrors += result.setupErrors.length;
  for (const s of result.steps) {
    const v = verdict(s);
    if (v === 'ok') t.passed++;
    else if (v === 'FAIL') t.failed++;
    else t.unchecked++;
  }
}

function readCheckFile(path: string): ScenarioDoc {
  if (!isScenarioPath(path)) throw new CliError(`${path}: not a scenario file (.yaml, .yml or .json)`);
  return readScenarioFile(path);
}

/** `NAME.LANG.yaml` beside an existing `NAME.yaml`: the scenario it translates, and the language. */
export function translatedScenario(path: string): { scenario: string; lang: string } | undefined {
  const m = /^(.+)\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.(ya?ml)$/.exec(path);
  if (!m) return undefined;
  const scenario = `${m[1]}.${m[3]}`;
  return existsSync(scenario) ? { scenario, lang: m[2]! } : undefined;
}

/** The line for a translation that reads against its scenario (else a CliError). */
function checkTranslation(path: string, of: { scenario: string; lang: string }): string {
  const doc = readScenarioFile(of.scenario);
  const steps = doc.steps?.length ?? 0;
  const read = parseScenarioTextYaml(readText(path), steps);
  if (!read.ok) throw new CliError(`${path}: ${describeReadError(read.error)}`);
  return `${path} — ${of.lang} text of ${basename(of.scenario)}: ${read.doc.steps ? plural(read.doc.steps.length, 'step text') : 'no step texts'}`;
}

/** The lines for one file (a scenario, or a translation beside one), counted into the tally. */
function checkFile(path: string, t: CheckTally): string[] {
  const translation = translatedScenario(path);
  if (translation) {
    const line = checkTranslation(path, translation);
    t.translations++;
    return [line];
  }
  const doc = readCheckFile(path);
  const result = checkScenario(doc);
  tallyFile(t, result);
  return formatFileCheck(path, doc, result);
}

export function checkCommand(args: readonly string[]): number {
  const { positional: files } = parseArgs(args, {});
  if (files.length === 0) throw new UsageError('check takes one FILE or more');
  const t: CheckTally = { files: 0, steps: 0, passed: 0, failed: 0, unchecked: 0, setupErrors: 0, translations: 0, unreadable: 0 };
  for (const path of files) {
    try {
      process.stdout.write(`${checkFile(path, t).join('\n')}\n`);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      process.stderr.write(`vethlab: ${e.message}\n`);
      t.unreadable++;
    }
  }
  process.stdout.write(`\n${formatSummary(t)}\n`);
  if (t.unreadable > 0) return 2;
  return t.failed > 0 || t.setupErrors > 0 ? 1 : 0;
}
