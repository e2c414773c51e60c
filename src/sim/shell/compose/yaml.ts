/**
 * YAML for Compose: reading a compose file with the `yaml` package (anchors and
 * `<<` merge keys as go-yaml v3 reads them) into plain values, its syntax errors
 * in go-yaml's words (`yaml: line 2: found character that cannot start any
 * token`), and writing values back the way go-yaml v3's encoder does for
 * `docker compose config` (two-space indent, plain scalars unless they would read
 * back as something else).
 */
import { parseAllDocuments } from 'yaml';

export type YamlResult =
  | { ok: true; value: unknown }
  /** `syntax`: go-yaml's scanner or parser refused the text; `duplicate`: a key given twice in one mapping. */
  | { ok: false; kind: 'syntax' | 'duplicate'; message: string };

/** The text's documents (an empty text has none). */
export function parseYaml(text: string): YamlResult {
  const docs = parseAllDocuments(text, { merge: true, uniqueKeys: true, prettyErrors: false });
  if (!Array.isArray(docs)) return { ok: true, value: undefined };
  const lines = text.split('\n');
  for (const doc of docs) {
    const error = doc.errors[0];
    if (!error) continue;
    const line = lineOf(text, error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      const key = /^\s*(?:-\s+)?(["']?)([^:"']+)\1\s*:/.exec(lines[line - 1] ?? '')?.[2] ?? '';
      const indent = indentOf(lines[line - 1] ?? '');
      let first = line;
      for (let i = line - 2; i >= 0; i--) {
        const l = lines[i]!;
        if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
        if (indentOf(l) < indent) break;
        if (indentOf(l) === indent && new RegExp(`^\\s*(["']?)${escapeRe(key)}\\1\\s*:`).test(l)) first = i + 1;
      }
      return { ok: false, kind: 'duplicate', message: `line ${line}: mapping key "${key}" already defined at line ${first}` };
    }
    return { ok: false, kind: 'syntax', message: goYamlSyntaxError(lines, line, error.code, error.message) };
  }
  const values = docs.filter((d) => d.contents !== null).map((d) => d.toJS({ maxAliasCount: 1000 }) as unknown);
  return { ok: true, value: values.length === 0 ? undefined : values.length === 1 ? values[0] : values.reduce((a, b) => mergeValues(a, b)) };
}

/** A later document (or file) over an earlier one: mappings merge key by key, anything else is replaced. */
export function mergeValues(base: unknown, over: unknown): unknown {
  if (!isMapping(base) || !isMapping(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? mergeValues(out[k], v) : v;
  return out;
}

export function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const indentOf = (line: string) => line.length - line.trimStart().length;

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/**
 * go-yaml v3 reports a scanner error at the line (1-based) of what it was
 * scanning, a parser error at the 0-based line where the enclosing collection
 * began; the `yaml` package words and places its errors differently, so the
 * common mistakes are translated here.
 */
function goYamlSyntaxError(lines: string[], line: number, code: string, message: string): string {
  if (code === 'TAB_AS_INDENT' || /\t/.test(lines[line - 1]?.slice(0, indentOf(lines[line - 1] ?? '') + 1) ?? '')) {
    return `yaml: line ${line}: found character that cannot start any token`;
  }
  if (/^Nested mappings are not allowed/.test(message)) return `yaml: line ${line}: mapping values are not allowed in this context`;
  if (/^Missing closing .?quote/.test(message)) {
    let start = line;
    for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
      if (/["']/.test(lines[i]!)) {
        start = i + 1;
        break;
      }
    }
    return `yaml: line ${start}: found unexpected end of stream`;
  }
  if (/^Flow (sequence|mapping)/.test(message) || /end with a [\]}]/.test(message)) {
    const bracket = /^Flow mapping/.test(message) || /end with a }/.test(message) ? '{' : '[';
    let start = line;
    for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
      if (lines[i]!.includes(bracket)) {
        start = i + 1;
        break;
      }
    }
    return `yaml: line ${start - 1}: did not find expected ',' or '${bracket === '[' ? ']' : '}'}'`;
  }
  // A line indented where no collection can take it: the collection it falls into, from its first line (0-based).
  const at = Math.min(line, lines.length) - 1;
  const indent = indentOf(lines[at] ?? '');
  let parent = -1;
  for (let i = at - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    if (indentOf(l) <= indent) {
      parent = i;
      break;
    }
  }
  if (parent < 0) return `yaml: line ${at}: did not find expected key`;
  const parentIndent = indentOf(lines[parent]!);
  let start = parent;
  for (let i = parent - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.trim() === '' || l.trimStart().startsWith('#') || indentOf(l) > parentIndent) continue;
    if (indentOf(l) < parentIndent) break;
    start = i;
  }
  const sequence = lines[start]!.trimStart().startsWith('-');
  return `yaml: line ${start}: did not find expected ${sequence ? "'-' indicator" : 'key'}`;
}

// ---- writing ------------------------------------------------------------------

/** go-yaml v3's encoder with an indent of two, as `docker compose config` prints the model. */
export function toGoYaml(value: unknown): string {
  return emit(value, 0).join('\n') + '\n';
}

function emit(value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}[]`];
    const out: string[] = [];
    for (const item of value) {
      if (isBlock(item)) {
        const inner = emit(item, indent + 2);
        out.push(`${pad}- ${inner[0]!.slice(indent + 2)}`, ...inner.slice(1));
      } else out.push(`${pad}- ${scalar(item)}`);
    }
    return out;
  }
  if (isMapping(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return [`${pad}{}`];
    const out: string[] = [];
    for (const [k, v] of entries) {
      if (isBlock(v)) out.push(`${pad}${scalar(k)}:`, ...emit(v, indent + 2));
      else if (typeof v === 'string' && v.includes('\n')) out.push(`${pad}${scalar(k)}: ${literal(v, indent + 2)}`);
      else out.push(`${pad}${scalar(k)}: ${scalar(v)}`);
    }
    return out;
  }
  return [`${pad}${scalar(value)}`];
}

const isBlock = (v: unknown) => (Array.isArray(v) && v.length > 0) || (isMapping(v) && Object.keys(v).length > 0);

function literal(s: string, indent: number): string {
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  const pad = ' '.repeat(indent);
  return `|${s.endsWith('\n') ? '' : '-'}\n${body.split('\n').map((l) => (l === '' ? '' : pad + l)).join('\n')}`;
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return '[]';
  if (typeof v === 'object') return '{}';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  const s = String(v);
  return needsQuotes(s) ? `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"` : s;
}

/** Whether go-yaml would quote a string: it would read back as another type, or a plain scalar cannot hold it. */
function needsQuotes(s: string): boolean {
  if (s === '') return true;
  if (/^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/.test(s)) return true;
  if (/^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(s) || /^0[xX][0-9a-fA-F_]+$/.test(s) || /^0o[0-7]+$/.test(s) || /^[-+]?\.(inf|Inf|INF)$/.test(s) || /^\.(nan|NaN|NAN)$/.test(s)) return true;
  if (/^[\s]|[\s]$/.test(s)) return true;
  if (/^[#,[\]{}&*!|>'"%@`]/.test(s)) return true;
  if (/^[-?:](\s|$)/.test(s)) return true;
  if (/: |:$| #|[\t\n]/.test(s)) return true;
  return false;
}
