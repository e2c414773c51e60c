/**
 * What the commands read: a scenario file (`.yaml`/`.yml`, or `.json` holding
 * a scenario document; docs/scenarios.md) or a plain shell script, one command
 * per line, as `vethlab run` has always taken (`-` is standard input). Either
 * becomes a ScenarioDoc: a script's lines are its setup lines.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describeReadError, readScenario, SCENARIO_VERSION, type ScenarioDoc } from '../scenario/index.ts';
import { MAX_FILE_CHARS, parseScenarioYaml } from '../scenario/format/yaml.ts';
import { CliError } from './errors.ts';
import { scriptCommands } from './transcript.ts';

export type InputKind = 'scenario' | 'script';

export interface Input {
  kind: InputKind;
  /** As given on the command line. */
  path: string;
  doc: ScenarioDoc;
}

const SCENARIO_EXTENSION = /\.(ya?ml|json)$/i;

/** A file named `.yaml`, `.yml` or `.json` is a scenario; anything else (and `-`) a script. */
export function isScenarioPath(path: string): boolean {
  return SCENARIO_EXTENSION.test(path);
}

/** The file's text (`-`: standard input), or an error saying why it cannot be read. */
export function readText(path: string): string {
  try {
    return path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new CliError(`${path}: ${why}`);
  }
}

/** A script as a scenario: each command a setup line (comments and blank lines dropped; a here-document or loop is one command of several lines). */
export function scriptDoc(script: string): ScenarioDoc {
  return { vethlab: SCENARIO_VERSION, setup: scriptCommands(script) };
}

function parseJson(path: string, text: string): unknown {
  if (text.length > MAX_FILE_CHARS) throw new CliError(`${path}: the file is larger than ${MAX_FILE_CHARS / 1024} KiB`);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CliError(`${path}: not JSON: ${(e as Error).message.split('\n')[0]}`);
  }
}

/**
 * Where the YAML's first syntax error is (`line 7, column 1`), for a reader's
 * message that does not say (parseScenarioYaml's had no line while it parsed
 * without a line counter).
 */
function yamlErrorPlace(text: string): string | undefined {
  const at = parseDocument(text, { uniqueKeys: true, prettyErrors: true }).errors[0]?.linePos?.[0];
  return at ? `line ${at.line}, column ${at.col}` : undefined;
}

/** A scenario file's document; the error names the file and what is wrong (with its line, for YAML). */
export function parseScenarioFile(path: string, text: string): ScenarioDoc {
  const json = /\.json$/i.test(path);
  const read = json ? readScenario(parseJson(path, text)) : parseScenarioYaml(text);
  if (read.ok) return read.doc;
  const detail = describeReadError(read.error);
  const place = json || detail.startsWith('line ') ? undefined : yamlErrorPlace(text);
  throw new CliError(`${path}: ${place ? `${place}: ` : ''}${detail}`);
}

export function readScenarioFile(path: string): ScenarioDoc {
  return parseScenarioFile(path, readText(path));
}

/** A scenario file or a script, by its name. */
export function readInput(path: string): Input {
  if (isScenarioPath(path)) return { kind: 'scenario', path, doc: readScenarioFile(path) };
  return { kind: 'script', path, doc: scriptDoc(readText(path)) };
}

/** The lines a scenario runs, in order: its setup lines, then each step's. */
export function scenarioLines(doc: ScenarioDoc): string[] {
  return [...doc.setup, ...(doc.steps ?? []).map((s) => s.run)];
}
