/**
 * Reading a scenario document from untrusted data (a link, a file, a message
 * from a host page): checked against the format's schema (valibot) after the
 * migrations of older versions, with limits on its size. Never throws: the
 * result says what is wrong, in words an author can act on.
 */
import * as v from 'valibot';
import { migrate } from './migrate.ts';
import { LIMITS, PACKET_OUTCOMES, SCENARIO_VERSION, type ScenarioDoc, type ScenarioText } from './types.ts';

/** One command as the terminal records it: a loop or a here-document spans lines (joined by \n); a carriage return never belongs. */
const line = v.pipe(
  v.string(),
  v.maxLength(LIMITS.lineChars, `a command line is longer than ${LIMITS.lineChars} characters`),
  v.check((s) => !s.includes('\r'), 'a command line has a carriage return'),
);
const text = v.pipe(v.string(), v.maxLength(LIMITS.textChars, `a text is longer than ${LIMITS.textChars} characters`));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const expectation = v.strictObject({
  exit: v.optional(v.pipe(count, v.maxValue(255))),
  packet: v.optional(v.picklist(PACKET_OUTCOMES)),
  droppedBy: v.optional(v.pipe(v.string(), v.nonEmpty(), v.maxLength(LIMITS.lineChars))),
  output: v.optional(v.pipe(v.string(), v.nonEmpty(), v.maxLength(LIMITS.textChars))),
});

const step = v.strictObject({
  text: v.optional(text),
  run: line,
  expect: v.optional(expectation),
});

const coordinate = v.pipe(v.number(), v.finite(), v.minValue(-1e6), v.maxValue(1e6));

const schema = v.strictObject({
  vethlab: v.literal(SCENARIO_VERSION),
  id: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'id: lower-case letters, digits and "-", at most 64'))),
  title: v.optional(text),
  description: v.optional(text),
  today: v.optional(text),
  article: v.optional(v.strictObject({ title: text, year: v.pipe(v.string(), v.maxLength(16)) })),
  tags: v.optional(v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,32}$/, 'a tag: lower-case letters, digits and "-"'))), v.maxLength(LIMITS.tags))),
  seed: v.optional(v.pipe(count, v.maxValue(2 ** 31 - 1))),
  setup: v.array(line),
  steps: v.optional(v.array(step)),
  layout: v.optional(
    v.pipe(
      v.record(v.pipe(v.string(), v.maxLength(300)), v.tuple([coordinate, coordinate])),
      v.maxEntries(LIMITS.layoutEntries),
    ),
  ),
  view: v.optional(
    v.strictObject({
      panel: v.optional(v.picklist(['guide', 'trace', 'rules', 'inspector'])),
      step: v.optional(v.pipe(count, v.minValue(1))),
      theme: v.optional(v.picklist(['light', 'dark', 'auto'])),
      collapsed: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(LIMITS.layoutEntries))),
    }),
  ),
  hint: v.optional(line),
});

const textSchema = v.strictObject({
  title: v.optional(text),
  description: v.optional(text),
  today: v.optional(text),
  steps: v.optional(v.array(text)),
});

export type ReadError =
  /** Made by a newer vethlab: this build cannot know what it means. */
  | { kind: 'newer'; version: number }
  /** More lines than a scenario may hold. */
  | { kind: 'too-many-lines'; lines: number }
  /** Not a scenario: `detail` says where and what (`steps.2.run: ...`). */
  | { kind: 'invalid'; detail: string };

export type ReadResult<T> = { ok: true; doc: T } | { ok: false; error: ReadError };

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0]!;
  const path = v.getDotPath(first);
  return path ? `${path}: ${first.message}` : first.message;
}

/** Reads a document of any known version, migrated to this one. */
export function readScenario(data: unknown): ReadResult<ScenarioDoc> {
  const migrated = migrate(data);
  if (!migrated.ok) return migrated;
  const lines = countLines(migrated.doc);
  if (lines > LIMITS.lines) return { ok: false, error: { kind: 'too-many-lines', lines } };
  const parsed = v.safeParse(schema, migrated.doc);
  if (!parsed.success) return { ok: false, error: { kind: 'invalid', detail: describeIssues(parsed.issues) } };
  return { ok: true, doc: parsed.output as ScenarioDoc };
}

/** Reads the text of a translation file; `steps` must match the scenario's count. */
export function readScenarioText(data: unknown, stepCount: number): ReadResult<ScenarioText> {
  const parsed = v.safeParse(textSchema, data);
  if (!parsed.success) return { ok: false, error: { kind: 'invalid', detail: describeIssues(parsed.issues) } };
  const steps = parsed.output.steps;
  if (steps && steps.length !== stepCount) {
    return { ok: false, error: { kind: 'invalid', detail: `steps: ${steps.length} texts for ${stepCount} steps` } };
  }
  return { ok: true, doc: parsed.output };
}

/** Setup lines and steps, counted before the schema runs (a huge list is refused at once). */
function countLines(data: Record<string, unknown>): number {
  const n = (x: unknown) => (Array.isArray(x) ? x.length : 0);
  return n(data.setup) + n(data.steps);
}

/** A one-line English description of a read error (the CLI's; the app words its own). */
export function describeReadError(error: ReadError): string {
  switch (error.kind) {
    case 'newer':
      return `made by a newer vethlab (scenario version ${error.version}; this one reads up to ${SCENARIO_VERSION})`;
    case 'too-many-lines':
      return `${error.lines} lines: a scenario holds at most ${LIMITS.lines}`;
    case 'invalid':
      return error.detail;
  }
}
