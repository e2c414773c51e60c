/**
 * A POSIX shell for one command line, as far as tutorials use it: quotes and
 * escapes, `$VAR`, `${VAR}`, `${#VAR}`, `${VAR:-word}`, `$?`, `$0`, `$(...)` and
 * backticks, pipelines, `;`, `&&`, `||`, `VAR=x cmd`, `# comments`, redirections
 * to and from files (`>`, `>>`, `<`, `2>&1`, `>&2`), and the builtins echo, test/[,
 * cd, pwd, exit, export, true and false. Commands come from a resolver, so the same interpreter serves
 * dash on the Debian hosts and busybox ash in containers (their error wording
 * differs). Nothing here throws: a syntax error is an answer like any other.
 */
import type { Trace } from '../net/trace.ts';
import type { FileSystem } from './fs.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';

type Part = { kind: 'lit'; text: string; quoted: boolean } | { kind: 'var'; name: string; quoted: boolean } | { kind: 'sub'; line: string; quoted: boolean };
type Word = Part[];
/** `[fd]>file`, `>>`, `<`, `>&fd`, and bash's `&>file` (stdout and stderr). */
interface Redirect {
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '&>';
  /** A file name, or for `>&` the fd number it duplicates. */
  target: Word;
}
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
  kind: 'word' | 'op' | 'redir';
  word?: Word;
  op?: string;
  fd?: number;
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
    const inner = line.slice(i + 2, close);
    if (!/^(#?[A-Za-z_][A-Za-z0-9_]*|[?$#0-9])(:?[-+=].*)?$/.test(inner)) throw new ShellSyntaxError('Bad substitution');
    return { part: { kind: 'var', name: inner, quoted }, end: close + 1 };
  }
  if (next === '?' || next === '$' || next === '#' || (next !== undefined && /[0-9]/.test(next))) return { part: { kind: 'var', name: next, quoted }, end: i + 2 };
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
    if (ch === '>' || ch === '<' || rest.startsWith('&>')) {
      // A word of digits right before the operator is its fd (`2>`); anything else ends there.
      let fd: number | undefined;
      if (word?.length === 1 && word[0]!.kind === 'lit' && !word[0]!.quoted && /^\d$/.test(word[0]!.text)) {
        fd = Number(word[0]!.text);
        word = undefined;
      }
      endWord();
      const op = /^(&>|>>|>&|<&|>\||>|<)/.exec(rest)![0];
      const kind = op === '<&' ? '>&' : op === '>|' ? '>' : op;
      tokens.push({ kind: 'redir', op: kind, fd: fd ?? (op.startsWith('<') ? 0 : 1) });
      i += op.length;
      continue;
    }
    const op = /^(&&|\|\||\||;)/.exec(rest);
    if (op) {
      endWord();
      tokens.push({ kind: 'op', op: op[0] });
      i += op[0].length;
      continue;
    }
    if (ch === '&' || ch === '(' || ch === ')') throw new ShellSyntaxError(`"${ch}" unexpected`);
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
        else if (t.kind === 'redir') {
          const target = tokens[i + 1];
          if (target?.kind !== 'word') throw new ShellSyntaxError(target ? `"${target.op}" unexpected` : 'end of file unexpected');
          cmd.redirects.push({ fd: t.fd!, op: t.op as Redirect['op'], target: target.word! });
          i++;
        } else break;
        i++;
      }
      if (cmd.words.length === 0 && cmd.redirects.length === 0) {
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
  /** Context for each command (kernel, namespace, userland, files). */
  context: Omit<CommandContext, 'stdin' | 'env'>;
  env?: Record<string, string>;
}

export function runShell(line: string, options: ShellOptions, stdin = ''): CommandOutput {
  return new Shell(options).run(line, stdin);
}

/** Where an fd's output goes while one command runs. */
type Sink = { kind: 'stdout' } | { kind: 'stderr' } | { kind: 'null' } | { kind: 'file'; path: string };

class Shell {
  private readonly options: ShellOptions;
  private readonly vars: Record<string, string>;
  private status = 0;
  /** Set by `exit`: nothing after it runs. */
  private exited = false;
  private readonly traces: Trace[] = [];
  /** The files as seen from the working directory, which `cd` changes. */
  private fs: FileSystem;

  constructor(options: ShellOptions) {
    this.options = options;
    this.fs = options.context.fs;
    this.vars = { ...(options.env ?? {}), PWD: this.fs.cwd };
  }

  private get busybox(): boolean {
    return this.options.context.userland === 'busybox';
  }

  /** A message in this shell's own words: busybox ash `sh: x`, dash `sh: 1: x`. */
  private say(message: string): string {
    return this.busybox ? `sh: ${message}\n` : `sh: 1: ${message}\n`;
  }

  run(line: string, stdin: string): CommandOutput {
    let lists: AndOr[];
    try {
      lists = parse(line);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      const message = e.message === 'Bad substitution' ? (this.busybox ? 'syntax error: bad substitution' : e.message) : `${this.busybox ? 'syntax error' : 'Syntax error'}: ${e.message}`;
      return { stdout: '', stderr: this.say(message), exitCode: 2 };
    }
    let stdout = '';
    let stderr = '';
    let stderrFirst = false;
    let session: CommandOutput['session'];
    const take = (out: { stdout: string; stderr: string; stderrFirst?: boolean; session?: CommandOutput['session'] }) => {
      if (out.session) session = out.session;
      // Only a command whose output is the whole output can put its stderr first.
      stderrFirst = stdout === '' && stderr === '' && out.stderrFirst === true;
      stdout += out.stdout;
      stderr += out.stderr;
    };
    for (const list of lists) {
      if (this.exited) break;
      take(this.pipeline(list.first, stdin));
      for (const { op, pipeline } of list.rest) {
        if (this.exited) break;
        if ((op === '&&' && this.status !== 0) || (op === '||' && this.status === 0)) continue;
        take(this.pipeline(pipeline, stdin));
      }
    }
    const result: CommandOutput = { stdout, stderr, exitCode: this.status, traces: this.traces };
    if (stderrFirst) result.stderrFirst = true;
    if (session) result.session = session;
    return result;
  }

  private pipeline(stages: Pipeline, stdin: string): { stdout: string; stderr: string; stderrFirst?: boolean; session?: CommandOutput['session'] } {
    let input = stdin;
    let stderr = '';
    let last: CommandOutput = { stdout: '', stderr: '', exitCode: 0 };
    for (const stage of stages) {
      last = this.simple(stage, input);
      stderr += last.stderr;
      input = last.stdout;
    }
    this.status = last.exitCode;
    const out: { stdout: string; stderr: string; stderrFirst?: boolean; session?: CommandOutput['session'] } = { stdout: last.stdout, stderr };
    if (stages.length === 1 && last.stderrFirst) out.stderrFirst = true;
    // A shell on the terminal only when nothing reads its output.
    if (stages.length === 1 && last.session) out.session = last.session;
    return out;
  }

  private simple(cmd: SimpleCommand, stdin: string): CommandOutput {
    const fields = cmd.words.flatMap((w) => this.expand(w));
    const assigns: [string, string][] = [];
    while (fields.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(fields[0]!)) {
      const a = fields.shift()!;
      const eq = a.indexOf('=');
      assigns.push([a.slice(0, eq), a.slice(eq + 1)]);
    }
    const io = this.openRedirects(cmd.redirects);
    if ('error' in io) return { stdout: '', stderr: io.error, exitCode: this.busybox ? 1 : 2 };
    const input = io.stdin ?? stdin;
    let out: CommandOutput;
    if (fields.length === 0) {
      for (const [k, v] of assigns) this.vars[k] = v;
      out = { stdout: '', stderr: '', exitCode: 0 };
    } else {
      const [name, ...args] = fields as [string, ...string[]];
      const env = { ...this.vars, ...Object.fromEntries(assigns) };
      const builtin = this.builtin(name, args);
      const command = builtin ? undefined : this.options.resolve(name);
      if (builtin) {
        out = builtin;
      } else if (!command) {
        out = { stdout: '', stderr: this.say(`${name}: not found`), exitCode: 127 };
      } else {
        out = command(args, { ...this.options.context, fs: this.fs, stdin: input, env });
        if (out.traces) this.traces.push(...out.traces);
      }
    }
    return this.route(out, io.sinks);
  }

  /**
   * Opens a command's redirections left to right, as the shell does before it runs
   * the command: `>` truncates (and creates) at once, `<` must exist.
   */
  private openRedirects(redirects: Redirect[]): { sinks: Map<number, Sink>; stdin?: string } | { error: string } {
    const fs = this.fs;
    const sinks = new Map<number, Sink>([
      [1, { kind: 'stdout' }],
      [2, { kind: 'stderr' }],
    ]);
    let stdin: string | undefined;
    for (const r of redirects) {
      const target = this.expand(r.target).join(' ');
      if (r.op === '>&') {
        if (target === '-') sinks.set(r.fd, { kind: 'null' });
        else if (/^\d$/.test(target) && sinks.has(Number(target))) sinks.set(r.fd, sinks.get(Number(target))!);
        else if (/^\d$/.test(target)) return { error: this.say(`${target}: Bad file descriptor`) };
        else return { error: this.say(`Syntax error: Bad fd number`) };
        continue;
      }
      if (r.op === '<') {
        const content = target === '/dev/null' ? '' : fs.read(target);
        if (content === 'ENOENT' || content === 'EISDIR' || content === 'ENOTDIR' || content === 'EEXIST') {
          return { error: this.busybox ? `sh: can't open ${target}: no such file\n` : this.say(`cannot open ${target}: No such file`) };
        }
        if (r.fd === 0) stdin = content;
        continue;
      }
      let sink: Sink;
      if (target === '/dev/null') sink = { kind: 'null' };
      else {
        const failed = fs.write(target, '', r.op === '>>');
        if (failed === 'EISDIR') return { error: this.busybox ? `sh: can't create ${target}: Is a directory\n` : this.say(`cannot create ${target}: Is a directory`) };
        if (failed) return { error: this.busybox ? `sh: can't create ${target}: nonexistent directory\n` : this.say(`cannot create ${target}: Directory nonexistent`) };
        sink = { kind: 'file', path: target };
      }
      if (r.op === '&>') {
        sinks.set(1, sink);
        sinks.set(2, sink);
      } else sinks.set(r.fd, sink);
    }
    return stdin === undefined ? { sinks } : { sinks, stdin };
  }

  /** Sends a command's stdout and stderr where its redirections point. */
  private route(out: CommandOutput, sinks: Map<number, Sink>): CommandOutput {
    const routed: CommandOutput = { ...out, stdout: '', stderr: '' };
    if (sinks.get(1)!.kind !== 'stdout' || sinks.get(2)!.kind !== 'stderr') delete routed.stderrFirst;
    const send = (text: string, sink: Sink) => {
      if (text === '') return;
      if (sink.kind === 'stdout') routed.stdout += text;
      else if (sink.kind === 'stderr') routed.stderr += text;
      else if (sink.kind === 'file') this.fs.write(sink.path, text, true);
    };
    send(out.stdout, sinks.get(1)!);
    send(out.stderr, sinks.get(2)!);
    return routed;
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
      case ':':
        return { stdout: '', stderr: '', exitCode: 0 };
      case 'cd': {
        const dir = args[0] ?? this.vars.HOME ?? '/';
        if (this.fs.stat(dir) !== 'dir') {
          return { stdout: '', stderr: this.busybox ? `sh: cd: line 0: can't cd to ${dir}: No such file or directory\n` : this.say(`cd: can't cd to ${dir}`), exitCode: 2 };
        }
        this.fs = this.fs.withCwd(dir);
        this.vars.OLDPWD = this.vars.PWD ?? '/';
        this.vars.PWD = this.fs.cwd;
        return { stdout: '', stderr: '', exitCode: 0 };
      }
      case 'false':
        return { stdout: '', stderr: '', exitCode: 1 };
      case 'pwd':
        return { stdout: `${this.fs.cwd}\n`, stderr: '', exitCode: 0 };
      case 'test':
        return this.test(args, 'test');
      case '[':
        if (args[args.length - 1] !== ']') return { stdout: '', stderr: this.busybox ? 'sh: missing ]\n' : this.say('[: missing ]'), exitCode: 2 };
        return this.test(args.slice(0, -1), '[');
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

  /** `test` / `[`: strings, integers, files, `!`, `-a` and `-o`, with each shell's error words. */
  private test(args: string[], name: 'test' | '['): CommandOutput {
    // A failure: [what dash says after `test: `, what busybox says after `sh: `].
    type Failure = [string, string];
    const fs = this.fs;
    const binary: Record<string, (x: number, y: number) => boolean> = {
      '-eq': (x, y) => x === y,
      '-ne': (x, y) => x !== y,
      '-lt': (x, y) => x < y,
      '-le': (x, y) => x <= y,
      '-gt': (x, y) => x > y,
      '-ge': (x, y) => x >= y,
    };
    const unary: Record<string, (v: string) => boolean> = {
      '-z': (v) => v === '',
      '-n': (v) => v !== '',
      '-e': (v) => fs.stat(v) !== undefined,
      '-f': (v) => fs.stat(v) === 'file',
      '-d': (v) => fs.stat(v) === 'dir',
      '-s': (v) => {
        const c = fs.read(v);
        return fs.stat(v) === 'file' && typeof c === 'string' && c.length > 0;
      },
    };
    const isBinary = (op: string | undefined) => op !== undefined && (op in binary || op === '=' || op === '==' || op === '!=');
    const evaluate = (a: string[]): boolean | Failure => {
      for (const joiner of ['-o', '-a']) {
        const at = a.indexOf(joiner, 1);
        if (at > 0 && at < a.length - 1) {
          const l = evaluate(a.slice(0, at));
          const r = evaluate(a.slice(at + 1));
          if (typeof l !== 'boolean') return l;
          if (typeof r !== 'boolean') return r;
          return joiner === '-o' ? l || r : l && r;
        }
      }
      if (a[0] === '!' && a.length > 1) {
        const v = evaluate(a.slice(1));
        return typeof v === 'boolean' ? !v : v;
      }
      if (a.length === 0) return false;
      if (a.length === 1) return a[0] !== '';
      if (a.length === 2) {
        const [op, v] = a as [string, string];
        if (isBinary(v)) return [`${v}: argument expected`, `${v}: argument expected`];
        const f = unary[op];
        return f ? f(v) : [`${op}: unexpected operator`, `${v}: unknown operand`];
      }
      if (a.length === 3 && isBinary(a[1])) {
        const [l, op, r] = a as [string, string, string];
        if (op === '=' || op === '==') return l === r;
        if (op === '!=') return l !== r;
        const bad = [l, r].find((v) => !/^\s*-?\d+\s*$/.test(v));
        if (bad !== undefined) return [`Illegal number: ${bad}`, `${bad}: bad number`];
        return binary[op]!(Number(l), Number(r));
      }
      return [`${a[0]}: unexpected operator`, `${a[1]}: unknown operand`];
    };
    const v = evaluate(args);
    if (typeof v === 'boolean') return { stdout: '', stderr: '', exitCode: v ? 0 : 1 };
    return { stdout: '', stderr: this.busybox ? `sh: ${v[1]}\n` : this.say(`${name}: ${v[0]}`), exitCode: 2 };
  }

  /** A parameter's value: `$?`, `$0`, `${#X}`, `${X:-word}` and friends. */
  private parameter(name: string): string {
    if (name === '?') return String(this.status);
    if (name === '0') return 'sh';
    if (name === '#') return '0';
    if (/^\d$/.test(name)) return '';
    if (name.startsWith('#') && name.length > 1) return String((this.vars[name.slice(1)] ?? '').length);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(:?)([-+=])(.*)$/.exec(name);
    if (!m) return this.vars[name] ?? '';
    const [, key, colon, op, word] = m as unknown as [string, string, string, string, string];
    const value = this.vars[key];
    const unset = value === undefined || (colon === ':' && value === '');
    if (op === '+') return unset ? '' : word;
    if (!unset) return value;
    if (op === '=') this.vars[key] = word;
    return word;
  }

  /** A word's fields: quoted parts stay whole, unquoted expansions split on blanks. */
  private expand(word: Word): string[] {
    const fields: string[] = [];
    let current = '';
    let has = false;
    for (const part of word) {
      let value: string;
      if (part.kind === 'lit') value = part.text;
      else if (part.kind === 'var') value = this.parameter(part.name);
      else {
        const inner = new Shell({ ...this.options, context: { ...this.options.context, fs: this.fs }, env: this.vars }).run(part.line, '');
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
