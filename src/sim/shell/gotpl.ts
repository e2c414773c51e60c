/**
 * The part of Go's text/template that `docker ... --format` / `-f` users write:
 * fields on structs and maps (`.A.B`, `.Networks.bridge`), variables, `range`
 * (maps in sorted key order) with `$k, $v :=`, `if`/`else`/`with`, pipelines, and
 * the functions docker adds (json, join, upper, lower, title, split, println,
 * index, len, printf). Errors come back in the client's words instead of being thrown.
 *
 * Data is typed like the Go values the client executes templates on: a plain JS
 * object is a struct (its key order is Go's field order, so `json` prints what
 * encoding/json would; `goStruct` adds the zero-valued fields its JSON omits,
 * `omitempty`), `goMap` marks a map (sorted keys in `json` and `range`), and
 * `goNil` gives nil slices and maps (JSON `null`, printed `[]` / `map[]`); a nil
 * pointer is `null`. `docker inspect` first runs the template on the typed value
 * and, only if that fails, on the raw JSON decoded into maps with
 * missingkey=error (`renderInspectTemplate`). The marks are in ../docker/govalue.ts.
 */
import { goMap, goNilKind, goRaw, goStructInfo, isGoMap } from '../docker/govalue.ts';

export { goMap };

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: Pipe; decl?: string[]; offset: number; source: string }
  | { kind: 'range'; pipe: Pipe; decl: string[]; body: Node[]; otherwise: Node[] }
  | { kind: 'if' | 'with'; pipe: Pipe; body: Node[]; otherwise: Node[] };

type Arg = { kind: 'field'; base: 'dot' | string; path: string[] } | { kind: 'string'; value: string } | { kind: 'number'; value: number } | { kind: 'ident'; name: string } | { kind: 'paren'; pipe: Pipe; path: string[] };
type Cmd = Arg[];
type Pipe = Cmd[];

export class TemplateError extends Error {}

/** Go's "no value" marker for a missing map key. */
const NO_VALUE = Symbol('no value');

// ---- parsing ---------------------------------------------------------------------

interface Action {
  text: string;
  /** Byte offset of the action's inside, for error positions (`:1:2`). */
  offset: number;
}

function splitTemplate(src: string): (string | Action)[] {
  const out: (string | Action)[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      out.push(src.slice(i));
      break;
    }
    let text = src.slice(i, open);
    let start = open + 2;
    if (src[start] === '-' && src[start + 1] === ' ') {
      text = text.replace(/\s+$/, '');
      start += 2;
    }
    const close = src.indexOf('}}', start);
    if (close < 0) throw new TemplateError('template: :1: unclosed action');
    let inner = src.slice(start, close);
    let next = close + 2;
    if (inner.endsWith(' -')) {
      inner = inner.slice(0, -2);
      while (next < src.length && /\s/.test(src[next]!)) next++;
    }
    if (text) out.push(text);
    out.push({ text: inner.trim(), offset: start + (inner.length - inner.trimStart().length) });
    i = next;
  }
  return out;
}

function tokenizeAction(text: string): string[] {
  const tokens: string[] = [];
  const re = /\s*("(?:[^"\\]|\\.)*"|`[^`]*`|:=|\(|\)|\||,|[^\s()|,]+)/y;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    tokens.push(m[1]!);
    if (re.lastIndex >= text.length) break;
  }
  return tokens;
}

function parsePipe(tokens: string[], pos: { i: number }, stop: string | undefined): Pipe {
  const pipe: Pipe = [];
  let cmd: Cmd = [];
  while (pos.i < tokens.length && tokens[pos.i] !== stop) {
    const t = tokens[pos.i++]!;
    if (t === '|') {
      if (cmd.length === 0) throw new TemplateError('missing command');
      pipe.push(cmd);
      cmd = [];
      continue;
    }
    cmd.push(parseArg(t, tokens, pos));
  }
  if (stop !== undefined) {
    if (tokens[pos.i] !== stop) throw new TemplateError('unclosed left paren');
    pos.i++;
  }
  if (cmd.length > 0) pipe.push(cmd);
  if (pipe.length === 0) throw new TemplateError('missing value for command');
  return pipe;
}

function parseArg(t: string, tokens: string[], pos: { i: number }): Arg {
  if (t === '(') {
    const pipe = parsePipe(tokens, pos, ')');
    // `(expr).Field.Other`: a field chain right after the parenthesis.
    const next = tokens[pos.i];
    let path: string[] = [];
    if (next?.startsWith('.')) {
      path = next.split('.').filter((s) => s !== '');
      pos.i++;
    }
    return { kind: 'paren', pipe, path };
  }
  if (t.startsWith('"')) return { kind: 'string', value: JSON.parse(t) as string };
  if (t.startsWith('`')) return { kind: 'string', value: t.slice(1, -1) };
  if (/^-?\d+$/.test(t)) return { kind: 'number', value: Number(t) };
  if (t === '.') return { kind: 'field', base: 'dot', path: [] };
  if (t.startsWith('.')) return { kind: 'field', base: 'dot', path: t.slice(1).split('.') };
  if (t.startsWith('$')) {
    const [name = '$', ...path] = t.split('.');
    return { kind: 'field', base: name, path };
  }
  if (t === ')') throw new TemplateError('unexpected ")" in operand');
  if (t === '}') throw new TemplateError('unexpected "}" in operand');
  return { kind: 'ident', name: t };
}

export function parseTemplate(src: string): Node[] {
  const pieces = splitTemplate(src);
  let i = 0;
  const block = (closers: string[]): { nodes: Node[]; closer: string } => {
    const nodes: Node[] = [];
    while (i < pieces.length) {
      const p = pieces[i++]!;
      if (typeof p === 'string') {
        nodes.push({ kind: 'text', text: p });
        continue;
      }
      const tokens = tokenizeAction(p.text);
      const head = tokens[0];
      if (head === undefined) throw new TemplateError('missing value for command');
      if (closers.includes(head) || (head === 'else' && closers.includes('else'))) return { nodes, closer: p.text };
      if (head === 'range' || head === 'if' || head === 'with') {
        const pos = { i: 1 };
        let decl: string[] = [];
        const assign = tokens.indexOf(':=');
        if (head === 'range' && assign > 0) {
          decl = tokens.slice(1, assign).filter((t) => t !== ',');
          pos.i = assign + 1;
        }
        const pipe = parsePipe(tokens, pos, undefined);
        const body = block(['end', 'else']);
        let otherwise: Node[] = [];
        if (body.closer.startsWith('else')) {
          const rest = body.closer.slice(4).trim();
          if (rest.startsWith('if ')) {
            // `else if X`: a nested if that shares this block's end.
            i--;
            pieces[i] = { text: rest, offset: 0 };
            const nested = block(['end']);
            otherwise = nested.nodes;
          } else {
            otherwise = block(['end']).nodes;
          }
        }
        if (head === 'range') nodes.push({ kind: 'range', pipe, decl, body: body.nodes, otherwise });
        else nodes.push({ kind: head, pipe, body: body.nodes, otherwise });
        continue;
      }
      const assign = tokens.indexOf(':=');
      if (assign > 0) {
        nodes.push({ kind: 'action', pipe: parsePipe(tokens, { i: assign + 1 }, undefined), decl: [tokens[0]!], offset: p.offset, source: p.text });
        continue;
      }
      nodes.push({ kind: 'action', pipe: parsePipe(tokens, { i: 0 }, undefined), offset: p.offset, source: p.text });
    }
    if (closers.length > 0) throw new TemplateError('unexpected EOF');
    return { nodes, closer: '' };
  };
  return block([]).nodes;
}

// ---- executing -------------------------------------------------------------------

type Scope = Map<string, unknown>;

/** Raised with the node it happened in, so the message can say where. */
class ExecError extends Error {}

function field(value: unknown, name: string, missingKeyError: boolean): unknown {
  if (value === null || value === undefined || value === NO_VALUE) return value === NO_VALUE ? NO_VALUE : undefined;
  const nil = goNilKind(value);
  if (nil === 'map') return NO_VALUE;
  if (nil === 'slice') throw new ExecError(`can't evaluate field ${name} in type []string`);
  if (typeof value !== 'object' || Array.isArray(value)) throw new ExecError(`can't evaluate field ${name} in type ${goTypeOf(value)}`);
  const rec = value as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(rec, name)) return rec[name];
  if (isGoMap(value)) {
    // docker renders raw inspect output with missingkey=error; typed maps answer "<no value>".
    if (missingKeyError) throw new ExecError(`map has no entry for key "${name}"`);
    return NO_VALUE;
  }
  const info = goStructInfo(value);
  if (info && Object.prototype.hasOwnProperty.call(info.zero, name)) return info.zero[name];
  throw new ExecError(`can't evaluate field ${name} in type ${info?.type ?? '*formatter.ContainerContext'}`);
}

function goTypeOf(value: unknown): string {
  if (Array.isArray(value)) return '[]interface {}';
  if (typeof value === 'number') return 'int';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

export function goPrint(value: unknown): string {
  if (value === NO_VALUE) return '<no value>';
  if (value === null || value === undefined) return '<nil>';
  const nil = goNilKind(value);
  if (nil) return nil === 'map' ? 'map[]' : '[]';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goPrint).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (isGoMap(value)) return `map[${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}:${goPrint(v)}`).join(' ')}]`;
    return `{${entries.map(([, v]) => goPrint(v)).join(' ')}}`;
  }
  return String(value);
}

/** The CLI's `json` (templates.go): an encoder with SetEscapeHTML(false), so `<` stays `<` (golden run-health). */
function goJson(value: unknown): string {
  return JSON.stringify(value === NO_VALUE || value === undefined ? null : value, (_k, v: unknown) => (isGoMap(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}

function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === NO_VALUE || v === false || v === 0 || v === '' || goNilKind(v) !== undefined) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

/**
 * Go's fmt.Sprintf for the verbs templates use: %s %v %d %q %x %f %t and %%, with
 * flags `-` and `0`, a width and a precision (`%.12s` cuts a string, as in `br-{{printf "%.12s" .Id}}`).
 */
export function goSprintf(format: string, args: unknown[]): string {
  let next = 0;
  return format.replace(/%([-+ 0#]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (_m, flags: string, width?: string, precision?: string, verb?: string) => {
    if (verb === '%') return '%';
    if (next >= args.length) return `%!${verb}(MISSING)`;
    const arg = args[next++];
    let text: string;
    switch (verb) {
      case 'd':
        text = typeof arg === 'number' ? String(Math.trunc(arg)) : `%!d(${typeof arg}=${goPrint(arg)})`;
        break;
      case 'f':
        text = typeof arg === 'number' ? arg.toFixed(precision === undefined ? 6 : Number(precision)) : `%!f(${typeof arg}=${goPrint(arg)})`;
        break;
      case 'x':
        text = typeof arg === 'number' ? arg.toString(16) : [...new TextEncoder().encode(goPrint(arg))].map((b) => b.toString(16).padStart(2, '0')).join('');
        break;
      case 'q':
        text = JSON.stringify(goPrint(arg));
        break;
      case 't':
        text = typeof arg === 'boolean' ? String(arg) : `%!t(${typeof arg}=${goPrint(arg)})`;
        break;
      default:
        text = goPrint(arg);
        if (precision !== undefined && (verb === 's' || verb === 'v')) text = [...text].slice(0, Number(precision)).join('');
    }
    const w = width === undefined ? 0 : Number(width);
    if (text.length >= w) return text;
    if (flags.includes('-')) return text.padEnd(w);
    return flags.includes('0') && /^[dfx]$/.test(verb ?? '') ? text.padStart(w, '0') : text.padStart(w);
  });
}

/** text/template's lt/le/gt/ge: numbers with numbers, strings with strings. */
function compare(a: unknown, b: unknown): number {
  if ((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')) return a < b ? -1 : a > b ? 1 : 0;
  throw new ExecError('incompatible types for comparison');
}

const FUNCS: Record<string, (...args: unknown[]) => unknown> = {
  json: (v) => goJson(v),
  join: (list, sep) => (Array.isArray(list) ? list.map(goPrint).join(String(sep)) : ''),
  split: (s, sep) => String(s).split(String(sep)),
  upper: (s) => String(s).toUpperCase(),
  lower: (s) => String(s).toLowerCase(),
  title: (s) => String(s).replace(/\b\w/g, (c) => c.toUpperCase()),
  println: (...args) => `${args.map(goPrint).join(' ')}\n`,
  print: (...args) => args.map(goPrint).join(''),
  printf: (fmt, ...args) => goSprintf(String(fmt), args),
  len: (v) => (Array.isArray(v) ? v.length : typeof v === 'string' ? v.length : v && typeof v === 'object' && goNilKind(v) === undefined ? Object.keys(v).length : 0),
  index: (v, ...keys) => keys.reduce<unknown>((acc, k) => (Array.isArray(acc) ? acc[Number(k)] : acc && typeof acc === 'object' ? ((acc as Record<string, unknown>)[String(k)] ?? NO_VALUE) : NO_VALUE), v),
  eq: (a, ...bs) => bs.some((b) => a === b),
  ne: (a, b) => a !== b,
  lt: (a, b) => compare(a, b) < 0,
  le: (a, b) => compare(a, b) <= 0,
  gt: (a, b) => compare(a, b) > 0,
  ge: (a, b) => compare(a, b) >= 0,
  not: (a) => !truthy(a),
  and: (...xs) => xs.find((x) => !truthy(x)) ?? xs[xs.length - 1],
  or: (...xs) => xs.find((x) => truthy(x)) ?? xs[xs.length - 1],
};

class Executor {
  constructor(
    private readonly root: unknown,
    private readonly missingKeyError: boolean,
  ) {}

  nodes(nodes: Node[], dot: unknown, scope: Scope): string {
    let out = '';
    for (const n of nodes) out += this.node(n, dot, scope);
    return out;
  }

  private node(n: Node, dot: unknown, scope: Scope): string {
    switch (n.kind) {
      case 'text':
        return n.text;
      case 'action': {
        let v: unknown;
        try {
          v = this.pipe(n.pipe, dot, scope);
        } catch (e) {
          if (e instanceof ExecError) throw new TemplateError(`template: :1:${n.offset}: executing "" at <${n.source}>: ${e.message}`);
          throw e;
        }
        if (n.decl) {
          scope.set(n.decl[0]!, v);
          return '';
        }
        return goPrint(v);
      }
      case 'if':
      case 'with': {
        const v = this.pipe(n.pipe, dot, scope);
        if (!truthy(v)) return this.nodes(n.otherwise, dot, new Map(scope));
        return this.nodes(n.body, n.kind === 'with' ? v : dot, new Map(scope));
      }
      case 'range': {
        const v = this.pipe(n.pipe, dot, scope);
        const entries: [unknown, unknown][] = Array.isArray(v)
          ? v.map((x, i) => [i, x])
          : v !== NO_VALUE && v && typeof v === 'object' && goNilKind(v) === undefined
            ? Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            : [];
        if (entries.length === 0) return this.nodes(n.otherwise, dot, new Map(scope));
        let out = '';
        for (const [k, x] of entries) {
          const inner = new Map(scope);
          if (n.decl.length === 1) inner.set(n.decl[0]!, x);
          if (n.decl.length === 2) {
            inner.set(n.decl[0]!, k);
            inner.set(n.decl[1]!, x);
          }
          out += this.nodes(n.body, x, inner);
        }
        return out;
      }
    }
  }

  private pipe(pipe: Pipe, dot: unknown, scope: Scope): unknown {
    let last: unknown = undefined;
    pipe.forEach((cmd, i) => {
      last = this.command(cmd, dot, scope, i > 0 ? [last] : []);
    });
    return last;
  }

  private command(cmd: Cmd, dot: unknown, scope: Scope, piped: unknown[]): unknown {
    const [head, ...rest] = cmd;
    if (head?.kind === 'ident') {
      const fn = FUNCS[head.name];
      if (!fn) throw new TemplateError(`function "${head.name}" not defined`);
      return fn(...rest.map((a) => this.arg(a, dot, scope)), ...piped);
    }
    if (rest.length > 0 || piped.length > 0) {
      // A method call such as `.Label "x"`: a row's method answers (docker ps's Label), anything else with "".
      if (head?.kind === 'field') {
        const method = this.arg(head, dot, scope);
        return typeof method === 'function' ? (method as (...args: unknown[]) => unknown)(...rest.map((x) => this.arg(x, dot, scope)), ...piped) : '';
      }
      throw new TemplateError(`can't give argument to non-function`);
    }
    return this.arg(head!, dot, scope);
  }

  private arg(a: Arg, dot: unknown, scope: Scope): unknown {
    switch (a.kind) {
      case 'string':
      case 'number':
        return a.value;
      case 'ident': {
        const fn = FUNCS[a.name];
        if (!fn) throw new TemplateError(`function "${a.name}" not defined`);
        return fn();
      }
      case 'paren':
        return a.path.reduce((v, name) => field(v, name, this.missingKeyError), this.pipe(a.pipe, dot, scope));
      case 'field': {
        let base: unknown;
        if (a.base === 'dot') base = dot;
        else if (a.base === '$') base = this.root;
        else if (scope.has(a.base)) base = scope.get(a.base);
        else throw new TemplateError(`undefined variable: ${a.base}`);
        return a.path.reduce((v, name) => field(v, name, this.missingKeyError), base);
      }
    }
  }
}

export interface RenderOptions {
  /** Go's `missingkey=error`: a missing map key fails instead of printing "<no value>". */
  missingKeyError?: boolean;
}

/** Renders `src` against `data`: the text, or the docker client's error message. */
export function renderTemplate(src: string, data: unknown, options: RenderOptions = {}): { output: string } | { error: string } {
  let nodes: Node[];
  try {
    nodes = parseTemplate(src);
  } catch (e) {
    if (e instanceof TemplateError) return { error: `template parsing error: ${e.message.startsWith('template:') ? e.message : `template: :1: ${e.message}`}` };
    throw e;
  }
  try {
    return { output: new Executor(data, options.missingKeyError ?? false).nodes(nodes, data, new Map([['$', data]])) };
  } catch (e) {
    if (e instanceof TemplateError) return { error: `template parsing error: ${e.message}` };
    if (e instanceof ExecError) return { error: `template parsing error: template: :1: executing "": ${e.message}` };
    throw e;
  }
}

/**
 * `docker inspect -f`: the template runs on the typed value; if that fails, on
 * its raw JSON decoded into maps with missingkey=error, whose error is the one
 * the user sees (cli/command/inspect: TemplateInspector.tryRawInspectFallback).
 */
export function renderInspectTemplate(src: string, typed: unknown): { output: string } | { error: string } {
  const first = renderTemplate(src, typed);
  if ('output' in first) return first;
  return renderTemplate(src, goRaw(typed), { missingKeyError: true });
}

/** The client's message for a template that does not parse (`template parsing error: ...`), or undefined. */
export function templateParseError(src: string): string | undefined {
  try {
    parseTemplate(src);
    return undefined;
  } catch (e) {
    if (e instanceof TemplateError) return `template parsing error: ${e.message.startsWith('template:') ? e.message : `template: :1: ${e.message}`}`;
    throw e;
  }
}
