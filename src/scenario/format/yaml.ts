/**
 * Scenario files are YAML (the `yaml` package): one document per file, the
 * translations beside it in `NAME.LANG.yaml`. Writing keeps the field order of
 * docs/scenarios.md and layout pairs on one line, so that a saved file reads
 * like one an author wrote.
 */
import { Document, isPair, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { readScenario, readScenarioText, type ReadResult } from './read.ts';
import { LIMITS, type ScenarioDoc, type ScenarioText } from './types.ts';

/** A file larger than this is refused before parsing. */
export const MAX_FILE_CHARS = LIMITS.fileChars;

function parseYaml(text: string): ReadResult<unknown> {
  if (text.length > MAX_FILE_CHARS) return { ok: false, error: { kind: 'invalid', detail: `the file is larger than ${MAX_FILE_CHARS / 1024} KiB` } };
  const lines = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, lineCounter: lines });
  const error = doc.errors[0];
  if (error) {
    const at = lines.linePos(error.pos[0]);
    const where = at ? `line ${at.line}, column ${at.col}: ` : '';
    return { ok: false, error: { kind: 'invalid', detail: `${where}${error.message.split('\n')[0]}` } };
  }
  try {
    return { ok: true, doc: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (e) {
    return { ok: false, error: { kind: 'invalid', detail: (e as Error).message } };
  }
}

export function parseScenarioYaml(text: string): ReadResult<ScenarioDoc> {
  const parsed = parseYaml(text);
  return parsed.ok ? readScenario(parsed.doc) : parsed;
}

export function parseScenarioTextYaml(text: string, stepCount: number): ReadResult<ScenarioText> {
  const parsed = parseYaml(text);
  return parsed.ok ? readScenarioText(parsed.doc, stepCount) : parsed;
}

const ORDER: readonly (keyof ScenarioDoc)[] = ['vethlab', 'id', 'title', 'description', 'today', 'article', 'tags', 'seed', 'hint', 'view', 'setup', 'steps', 'layout'];

/** The document as a YAML file. */
export function scenarioToYaml(doc: ScenarioDoc): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) if (doc[key] !== undefined) ordered[key] = doc[key];
  const file = new Document(ordered);
  // Layout pairs and tag lists on one line: `container:web: [120, 80]`.
  visit(file, {
    Seq(_, node, path) {
      const pair = path[path.length - 1];
      const isTags = isPair(pair) && isScalar(pair.key) && pair.key.value === 'tags';
      if (isTags || node.items.every((item) => isScalar(item) && typeof item.value === 'number')) node.flow = true;
    },
  });
  return file.toString({ lineWidth: 0 });
}
