/**
 * A POSIX shell for one command line, as far as tutorials use it: quotes and
 * escapes, `$VAR`, `${VAR}`, `$?`, `$(...)` and backticks, pipelines, `;`, `&&`,
 * `||`, `VAR=x cmd`, `# comments`, and the redirections `2>&1`, `>/dev/null`,
 * `2>/dev/null`. Commands come from a resolver, so the same interpreter serves
 * dash on the Debian hosts and busybox ash in containers (their error wording
 * differs). Nothing here throws: a syntax error is an answer like any other.
 */
import type { Trace } from '../net/trace.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';

type Part = { kind: 'lit'; text: string; quoted: boolean } | { kind: 'var'; name: string; quoted: boolean } | { kind: 'sub'; line: string; quoted: boolean };
type Word = Part[];
type Redirect = '2>&1' | '>/dev/null' | '2>/dev/null' | '&>/dev/null';
interface SimpleCommand {
  words: Word[];
  redirects: Redirect[];
}
type Pipeline = SimpleCommand[];
interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export class ShellSyntaxError extends Error {}

// ---- lexing and parsing ---------------------------------------------------------

interface Token {
  kind: 'word' | 'op';
  word?: Word;
  op?: string;
}

function readSubstitution(line: string, start: number): { inner: string; end: number } {
  // `start` is just after "$(": find the matching ")" outside quotes.
  let depth = 1;
  let i = start;
  let quote: string | undefined;
  for (; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '\\') i++;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return { inner: line.slice(start, i), end: i + 1 };
  }
  throw new ShellSyntaxError('end of file unexpected (expecting ")")');
}

function readVariable(line: string, i: number, quoted: boolean): { part: Part; end: number } | undefined {
  const next = line[i + 1];
  if (next === '{') {
    const close = line.indexOf('}', i + 2);
    if (close < 0) throw new ShellSyntaxError('Bad substitution');
    return { part: { kind: 'var', name: line.slice(i + 2, close), quoted }, end: close + 1 };
  }
  if (next === '?' || next === '$' || next === '#') return { part: { kind: 'var', name: next, quoted }, end: i + 2 };
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(i + 1));
  if (!m) return undefined;
  return { part: { kind: 'var', name: m[0], quoted }, end: i + 1 + m[0].length };
}

export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let word: Word | undefined;
  const lit = (text: string, quoted: boolean) => {
    word ??= [];
    const last = word[word.length - 1];
    if (last && last.kind === 'lit' && last.quoted === quoted) last.text += text;
    else word.push({ kind: 'lit', text, quoted });
  };
  const endWord = () => {
    if (word) tokens.push({ kind: 'word', word });
    word = undefined;
  };
  while (i < line.length) {
    const ch = line[i]!;
    const rest = line.slice(i);
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      endWord();
      i++;
      continue;
    }
    if (ch === '#' && word === undefined) break;
    const redirect = /^(2>&1|&>\s*\/dev\/null|2>\s*\/dev\/null|>\s*\/dev\/null)/.exec(rest);
    if (redirect && word === undefined) {
      tokens.push({ kind: 'op', op: redirect[0].replace(/\s+/g, '') });
      i += redirect[0].length;
      continue;
    }
    const op = /^(&&|\|\||\||;)/.exec(rest);
    if (op) {
      endWord();
      tokens.push({ kind: 'op', op: op[0] });
      i += op[0].length;
      continue;
    }
    if (ch === '>' || ch === '<' || ch === '&' || ch === '(' || ch === ')') throw new ShellSyntaxError(`"${ch}" unexpected`);
    if (ch === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) throw new ShellSyntaxError('Unterminated quoted string');
      lit(line.slice(i + 1, close), true);
      i = close + 1;
      continue;
    }
    if (ch === '"') {
      i++;
      word ??= [];
      let closed = false;
      while (i < line.length) {
        const c = line[i]!;
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        if (c === '\\' && i + 1 < line.length && '$`"\\\n'.includes(line[i + 1]!)) {
          lit(line[i + 1]!, true);
          i += 2;
        } else if (c === '$' && line[i + 1] === '(') {
          const sub = readSubstitution(line, i + 2);
          word.push({ kind: 'sub', line: sub.inner, quoted: true });
          i = sub.end;
        } else if (c === '$') {
          const v = readVariable(line, i, true);
          if (v) {
            word.push(v.part);
            i = v.end;
          } else {
            lit('$', true);
            i++;
          }
        } else {
          lit(c, true);
          i++;
        }
      }
      if (!closed) throw new ShellSyntaxError('Unterminated quoted string');
      // An empty "" still makes a word.
      if (word.length === 0) word.push({ kind: 'lit', text: '', quoted: true });
      continue;
    }
    if (ch === '\\') {
      if (i + 1 < line.length) lit(line[i + 1]!, true);
      i += 2;
      continue;
    }
    if (ch === '`') {
      const close = line.indexOf('`', i + 1);
      if (close < 0) throw new ShellSyntaxError('Unterminated quoted string');
      word ??= [];
      word.push({ kind: 'sub', line: line.slice(i + 1, close), quoted: false });
      i = close + 1;
      continue;
    }
    if (ch === '$' && line[i + 1] === '(') {
      const sub = readSubstitution(line, i + 2);
      word ??= [];
      word.push({ kind: 'sub', line: sub.inner, quoted: false });
      i = sub.end;
      continue;
    }
    if (ch === '$') {
      const v = readVariable(line, i, false);
      if (v) {
        word ??= [];
        word.push(v.part);
        i = v.end;
        continue;
      }
    }
    lit(ch, false);
    i++;
  }
  endWord();
  return tokens;
}

export function parse(line: string): AndOr[] {
  const tokens = tokenize(line);
  const lists: AndOr[] = [];
  let i = 0;
  const pipeline = (): Pipeline => {
    const stages: Pipeline = [];
    for (;;) {
      const cmd: SimpleCommand = { words: [], redirects: [] };
      while (i < tokens.length) {
        const t = tokens[i]!;
        if (t.kind === 'word') cmd.words.push(t.word!);
        else if (t.op!.includes('>')) cmd.redirects.push(t.op as Redirect);
        else break;
        i++;
      }
      if (cmd.words.length === 0) {
        const t = tokens[i];
        throw new ShellSyntaxError(t ? `"${t.op}" unexpected` : 'end of file unexpected');
      }
      stages.push(cmd);
      if (tokens[i]?.op !== '|') return stages;
      i++;
    }
  };
  while (i < tokens.length) {
    if (tokens[i]!.op === ';') {
      i++;
      continue;
    }
    const andOr: AndOr = { first: pipeline(), rest: [] };
    while (tokens[i]?.op === '&&' || tokens[i]?.op === '||') {
      const op = tokens[i]!.op as '&&' | '||';
      i++;
      andOr.rest.push({ op, pipeline: pipeline() });
    }
    lists.push(andOr);
    if (i < tokens.length && tokens[i]!.op !== ';') throw new ShellSyntaxError(`"${tokens[i]!.op}" unexpected`);
  }
  return lists;
}

// ---- running --------------------------------------------------------------------

export interface ShellOptions {
  /** The command named `name`, or undefined when there is none. */
  resolve: (name: string) => Command | undefined;
  /** Context for each command (kernel, namespace, userland). */
  context: Omit<CommandContext, 'stdin' | 'env'>;
  env?: Record<string, string>;
}

export function runShell(line: string, options: ShellOptions, stdin = ''): CommandOutput {
  return new Shell(options).run(line, stdin);
}

class Shell {
  private readonly options: ShellOptions;
  private readonly vars: Record<string, string>;
  private status = 0;
  /** Set by `exit`: nothing after it runs. */
  private exited = false;
  private readonly traces: Trace[] = [];

  constructor(options: ShellOptions) {
    this.options = options;
    this.vars = { ...(options.env ?? {}) };
  }

  run(line: string, stdin: string): CommandOutput {
    let lists: AndOr[];
    try {
      lists = parse(line);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      const prefix = this.options.context.userland === 'busybox' ? 'sh: syntax error: ' : 'sh: 1: Syntax error: ';
      return { stdout: '', stderr: `${prefix}${e.message}\n`, exitCode: 2 };
    }
    let stdout = '';
    let stderr = '';
    for (const list of lists) {
      if (this.exited) break;
      let out = this.pipeline(list.first, stdin);
      stdout += out.stdout;
      stderr += out.stderr;
      for (const { op, pipeline } of list.rest) {
        if (this.exited) break;
        if ((op === '&&' && this.status !== 0) || (op === '||' && this.status === 0)) continue;
        out = this.pipeline(pipeline, stdin);
        stdout += out.stdout;
        stderr += out.stderr;
      }
    }
    return { stdout, stderr, exitCode: this.status, traces: this.traces };
  }

  private pipeline(stages: Pipeline, stdin: string): { stdout: string; stderr: string } {
    let input = stdin;
    let stderr = '';
    let last: CommandOutput = { stdout: '', stderr: '', exitCode: 0 };
    for (const stage of stages) {
      last = this.simple(stage, input);
      stderr += last.stderr;
      input = last.stdout;
    }
    this.status = last.exitCode;
    return { stdout: last.stdout, stderr };
  }

  private simple(cmd: SimpleCommand, stdin: string): CommandOutput {
    const fields = cmd.words.flatMap((w) => this.expand(w));
    const assigns: [string, string][] = [];
    while (fields.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(fields[0]!)) {
      const a = fields.shift()!;
      const eq = a.indexOf('=');
      assigns.push([a.slice(0, eq), a.slice(eq + 1)]);
    }
    if (fields.length === 0) {
      for (const [k, v] of assigns) this.vars[k] = v;
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    const [name, ...args] = fields as [string, ...string[]];
    const env = { ...this.vars, ...Object.fromEntries(assigns) };
    let out: CommandOutput;
    const builtin = this.builtin(name, args);
    const command = builtin ? undefined : this.options.resolve(name);
    if (builtin) {
      out = builtin;
    } else if (!command) {
      out = { stdout: '', stderr: this.options.context.userland === 'busybox' ? `sh: ${name}: not found\n` : `sh: 1: ${name}: not found\n`, exitCode: 127 };
    } else {
      out = command(args, { ...this.options.context, stdin, env });
      if (out.traces) this.traces.push(...out.traces);
    }
    for (const r of cmd.redirects) {
      if (r === '2>&1') out = { ...out, stdout: out.stdout + out.stderr, stderr: '' };
      else if (r === '>/dev/null') out = { ...out, stdout: '' };
      else if (r === '2>/dev/null') out = { ...out, stderr: '' };
      else out = { ...out, stdout: '', stderr: '' };
    }
    return out;
  }

  /** The shell's own commands (dash and busybox ash agree on these). */
  private builtin(name: string, args: string[]): CommandOutput | undefined {
    switch (name) {
      case 'echo': {
        const noNewline = args[0] === '-n';
        const text = (noNewline ? args.slice(1) : args).join(' ');
        return { stdout: noNewline ? text : `${text}\n`, stderr: '', exitCode: 0 };
      }
      case 'exit':
        this.exited = true;
        return { stdout: '', stderr: '', exitCode: args[0] === undefined ? this.status : Number(args[0]) & 255 };
      case 'true':
      case 'cd':
      case ':':
        return { stdout: '', stderr: '', exitCode: 0 };
      case 'false':
        return { stdout: '', stderr: '', exitCode: 1 };
      case 'export':
        for (const a of args) {
          const eq = a.indexOf('=');
          if (eq > 0) this.vars[a.slice(0, eq)] = a.slice(eq + 1);
        }
        return { stdout: '', stderr: '', exitCode: 0 };
      default:
        return undefined;
    }
  }

  /** A word's fields: quoted parts stay whole, unquoted expansions split on blanks. */
  private expand(word: Word): string[] {
    const fields: string[] = [];
    let current = '';
    let has = false;
    for (const part of word) {
      let value: string;
      if (part.kind === 'lit') value = part.text;
      else if (part.kind === 'var') value = part.name === '?' ? String(this.status) : (this.vars[part.name] ?? '');
      else {
        const inner = new Shell({ ...this.options, env: this.vars }).run(part.line, '');
        if (inner.traces) this.traces.push(...inner.traces);
        value = inner.stdout.replace(/\n+$/, '');
      }
      if (part.quoted || part.kind === 'lit') {
        current += value;
        has = true;
        continue;
      }
      const pieces = value.split(/[ \t\n]+/);
      pieces.forEach((piece, i) => {
        if (i > 0) {
          if (has) fields.push(current);
          current = '';
          has = false;
        }
        if (piece !== '') {
          current += piece;
          has = true;
        }
      });
    }
    if (has) fields.push(current);
    return fields;
  }
}
