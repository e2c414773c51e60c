/**
 * The interpreter: runs a program one top-level command at a time, as dash's
 * cmdloop does, walking the syntax tree: lists, pipelines (each stage a
 * subshell, run one after the other), compound commands, functions,
 * redirections, and simple commands (assignments, builtins, functions, then
 * the machine's programs). Subshells (`( )`, pipeline stages, `$(...)`) are
 * copies of the shell's state. Control flow (break, continue, return, exit,
 * fatal errors) travels as thrown signals that never leave `run`. A step
 * budget stops runaway loops and recursion. No clock, no randomness.
 *
 * Evaluation is a generator: a program that waits for clients (`nc -l`,
 * `httpd -f`) is yielded, and the script stops there until it ends, so that
 * `sh -c 'nc -l -p 80; echo done'` or a `while` loop around `nc -l` runs on
 * after each client, as a container's main process does.
 */
import type { Trace } from '../../net/trace.ts';
import type { FileSystem } from '../fs.ts';
import type { Command, CommandContext, CommandOutput, Running, Served, Woken } from '../types.ts';
import type { Dialect, Node, Redir, Word } from './ast.ts';
import { builtinOf, SPECIAL_BUILTINS } from './builtins.ts';
import { bashSyntaxMessage, ShellSyntaxError, syntaxMessage } from './errors.ts';
import { Expander, type ExpandHost } from './expand.ts';
import { Capture, FileSink, Input, NULL_SINK, Terminal, type Sink } from './io.ts';
import { Parser } from './parser.ts';
import { matchPattern } from './pattern.ts';

export interface ShellOptions {
  /** The command named `name`, or undefined when there is none. */
  resolve: (name: string) => Command | undefined;
  /** Context for each command (kernel, namespace, userland, files). */
  context: Omit<CommandContext, 'stdin' | 'env'>;
  env?: Record<string, string>;
  /** `$0`: the name the shell was started by (`sh`, `bash`, `/bin/bash`), or the first operand after `-c TEXT`. */
  arg0?: string;
  /** `$1`...: the operands after `-c TEXT` and its `$0`. */
  args?: readonly string[];
  /**
   * An interactive shell's state (a terminal's session): the run starts from it
   * and leaves what it changed there, so the next line goes on where this one ended.
   */
  session?: ShellState;
  /**
   * The shell is bash (the Docker host's terminal, an image's bash): it reads ash's
   * grammar (bash's extras) and words its errors and exit statuses as bash 5.2 does;
   * what else differs follows the userland's dialect (arithmetic's messages among them).
   */
  shell?: 'bash';
}

/**
 * What an interactive shell keeps from one line to the next: its variables,
 * functions, aliases, working directory, `$?`, options and EXIT trap.
 * `ended`: a line ran `exit` (or `exec`): the shell is gone, with that status.
 */
export interface ShellState {
  vars: Map<string, Var>;
  functions: Map<string, Node>;
  aliases: Map<string, string>;
  positional: string[];
  cwd: string;
  status: number;
  flags: Flags;
  /** Lines read so far (dash numbers its errors by them). */
  lines: number;
  lastBg?: number;
  exitTrap?: string;
  ended?: number;
}

/** A fresh interactive shell's state, started with `env` in `cwd`. */
export function newShellState(env: Record<string, string>, cwd: string, args: readonly string[] = []): ShellState {
  const vars = new Map<string, Var>(Object.entries(env).map(([k, v]) => [k, { value: v, exported: true, readonly: false }]));
  vars.set('PWD', { value: cwd, exported: true, readonly: false });
  return { vars, functions: new Map(), aliases: new Map(), positional: [...args], cwd, status: 0, flags: { errexit: false, nounset: false, noglob: false, xtrace: false, pipefail: false }, lines: 0 };
}

/** Loop turns one run may take (all loops together) before it is stopped. */
export const LOOP_BUDGET = 10_000;
/** Nested function calls, `eval`s and command substitutions. */
export const DEPTH_BUDGET = 200;

/** A run of the shell: yields each program it waits on, resumed with how that program ended. */
export type Flow<T = void> = Generator<Running, T, CommandOutput>;

/** Stands for the shell's process id in `$$` (there are no real processes). */
const SHELL_PID = 7;

export class ExitSignal {
  constructor(readonly status: number) {}
}
/** An error that ends a non-interactive shell (a syntax error, a special builtin's); an interactive one goes on to its next line. */
export class ErrorExit extends ExitSignal {}
export class BreakSignal {
  constructor(readonly levels: number) {}
}
export class ContinueSignal {
  constructor(readonly levels: number) {}
}
export class ReturnSignal {
  constructor(readonly status: number) {}
}
class BudgetSignal {
  constructor(readonly message: string) {}
}

export interface Var {
  value: string | undefined;
  exported: boolean;
  readonly: boolean;
}

/** What all the subshells of one run share. */
interface Shared {
  terminal: Terminal;
  traces: Trace[];
  session?: CommandOutput['session'];
  steps: number;
  nextPid: number;
  exitTrap?: string;
  /** The top-level run is stopped at a waiting program or has ended: what is printed now is a background job's. */
  idle: boolean;
  /** Background readers (tcpdump) waiting for the line's later packets: from which trace on. */
  readers?: { finish: NonNullable<CommandOutput['afterLine']>; from: number }[];
}

export interface Flags {
  errexit: boolean;
  nounset: boolean;
  noglob: boolean;
  xtrace: boolean;
  pipefail: boolean;
}

export class Shell implements ExpandHost {
  readonly dialect: Dialect;
  /** Whose words: bash's (ShellOptions.shell), else the dialect's shell's. */
  readonly bash: boolean;
  readonly options: ShellOptions;
  readonly shared: Shared;
  vars = new Map<string, Var>();
  functions = new Map<string, Node>();
  /** `alias NAME=VALUE`: replaces NAME where a command's first word is read. */
  aliases = new Map<string, string>();
  positional: string[] = [];
  status = 0;
  fs: FileSystem;
  fds = new Map<number, Sink>();
  stdin = new Input('');
  flags: Flags = { errexit: false, nounset: false, noglob: false, xtrace: false, pipefail: false };
  /** Local variables of each function call: what each name held before `local`. */
  frames: Map<string, Var | undefined>[] = [];
  loopDepth = 0;
  depth = 0;
  lineno = 1;
  /** The builtin running (errors name it: `sh: 1: cd: ...`, `sh: eval: line 0: ...`). */
  commandName: string | null = null;
  lastBg: number | undefined;
  /** Set by `exec` without a command: its redirections stay. */
  keepRedirections = false;
  private lastSubStatus: number | undefined;
  /** The top-level run ended by `exit` (or `exec`), not by reaching its end. */
  private exited = false;
  private conditions = 0;
  private inPipeline = false;
  private readonly expander: Expander;

  constructor(options: ShellOptions, shared?: Shared) {
    this.options = options;
    this.dialect = options.context.userland === 'busybox' ? 'ash' : 'dash';
    this.bash = options.shell === 'bash';
    this.fs = options.context.fs;
    this.shared = shared ?? { terminal: new Terminal(), traces: [], steps: 0, nextPid: SHELL_PID + 1, idle: false };
    this.fds.set(1, this.shared.terminal.stdout);
    this.fds.set(2, this.shared.terminal.stderr);
    for (const [k, v] of Object.entries(options.env ?? {})) this.vars.set(k, { value: v, exported: true, readonly: false });
    this.vars.set('PWD', { value: this.fs.cwd, exported: true, readonly: false });
    this.positional = [...(options.args ?? [])];
    if (options.session) this.resume(options.session);
    this.expander = new Expander(this);
  }

  /** An interactive shell's session (a terminal): its lines go on from `session`. */
  get interactive(): boolean {
    return this.options.session !== undefined;
  }

  private resume(state: ShellState): void {
    this.vars = new Map([...state.vars].map(([k, v]) => [k, { ...v }]));
    this.functions = new Map(state.functions);
    this.aliases = new Map(state.aliases);
    this.positional = [...state.positional];
    this.fs = this.fs.withCwd(state.cwd);
    this.status = state.status;
    this.flags = { ...state.flags };
    this.lastBg = state.lastBg;
    this.shared.exitTrap = state.exitTrap;
  }

  /** Leaves this line's changes in the session for its next line. */
  private keep(state: ShellState): void {
    state.vars = new Map([...this.vars].map(([k, v]) => [k, { ...v }]));
    state.functions = new Map(this.functions);
    state.aliases = new Map(this.aliases);
    state.positional = [...this.positional];
    state.cwd = this.fs.cwd;
    state.status = this.status;
    state.flags = { ...this.flags };
    state.lastBg = this.lastBg;
    state.exitTrap = this.shared.exitTrap;
    if (this.exited) state.ended = this.status;
  }

  get nounset(): boolean {
    return this.flags.nounset;
  }

  get noglob(): boolean {
    return this.flags.noglob;
  }

  // ---- running a program ------------------------------------------------------------

  /**
   * Runs a program (`sh -c TEXT`); never throws. When it stops at a program that waits
   * for clients, the output so far comes back with `running`: the rest of the script
   * runs as that program's clients come and it ends.
   */
  run(src: string, stdin: string): CommandOutput {
    this.stdin = new Input(stdin);
    const flow = this.program(src);
    const out = this.advance(flow, flow.next());
    // What a script does after it waited on a server is its own business, not the session's.
    if (this.options.session) this.keep(this.options.session);
    return out;
  }

  private *program(src: string): Flow {
    const session = this.options.session;
    // dash numbers an interactive shell's errors by the lines it has read.
    const firstLine = session ? session.lines + 1 : 1;
    if (session) session.lines += src.split('\n').length;
    yield* this.guard(this.source(src, firstLine, null), true);
    const trap = this.shared.exitTrap;
    // An interactive shell runs its EXIT trap when it ends, not after each line.
    if (trap !== undefined && (!session || this.exited)) {
      this.shared.exitTrap = undefined;
      const status = this.status;
      yield* this.guard(this.source(trap, this.lineno, null));
      this.status = status;
    }
    // A background reader ends with the line: it prints what the commands after it sent.
    for (const reader of this.shared.readers?.splice(0) ?? []) {
      const seen = reader.finish(this.shared.traces.slice(reader.from));
      // Its own packets go ahead of the commands it watched: a line's last trace, the one the Trace panel shows, stays theirs.
      if (seen.traces) this.shared.traces.splice(reader.from, 0, ...seen.traces);
      this.out(seen.stdout);
      this.err(seen.stderr);
    }
  }

  /** Output since the last call, and the program's state: ended, or waiting in `running`. */
  private advance(flow: Flow, step: IteratorResult<Running, void>): CommandOutput {
    this.shared.idle = true;
    const { stdout, stderr, stderrFirst } = this.shared.terminal.drain();
    const out: CommandOutput = { stdout, stderr, exitCode: this.status, traces: this.shared.traces.splice(0) };
    if (stderrFirst) out.stderrFirst = true;
    if (this.shared.session) out.session = this.shared.session;
    if (!step.done) out.running = this.waiting(flow, step.value);
    return out;
  }

  /** The script, stopped at `inner`, as one running program: clients reach `inner`; when it ends the script goes on. */
  private waiting(flow: Flow, inner: Running): Running {
    const serve = inner.serve;
    const running: Running = { ...inner };
    if (inner.wakeAt !== undefined) running.wake = () => this.woken(flow, inner, (next) => this.waiting(flow, next));
    if (!serve) return running;
    running.serve = (input): Served => {
      const served = serve(input);
      if (!('exitCode' in served.next)) {
        const drained = this.shared.terminal.drain();
        return { ...served, stdout: drained.stdout, stderr: drained.stderr, next: this.waiting(flow, served.next) };
      }
      this.shared.idle = false;
      const out = this.advance(flow, flow.next({ stdout: '', stderr: '', exitCode: served.next.exitCode }));
      return { reply: served.reply, stdout: out.stdout, stderr: out.stderr, next: out.running ?? { exitCode: out.exitCode } };
    };
    return running;
  }

  /**
   * Runs a flow where the shell cannot stop (a command substitution, a trap): a
   * program that would wait for clients is refused in one honest line.
   */
  drive<T>(flow: Flow<T>): T {
    let step = flow.next();
    while (!step.done) {
      this.err(`vethlab: ${step.value.argv[0] ?? 'a server'} would wait for clients here; only a script's own commands can (not $(...))\n`);
      step = flow.next({ stdout: '', stderr: '', exitCode: 1 });
    }
    return step.value;
  }

  /**
   * Runs `flow`, ending quietly on exit, return or a spent budget (the budget's message
   * is printed). `top`: the program itself, whose `exit` ends an interactive shell too.
   */
  private *guard(flow: Flow, top = false): Flow {
    try {
      yield* flow;
    } catch (e) {
      if (top && e instanceof ExitSignal && !(e instanceof ErrorExit)) this.exited = true;
      if (e instanceof ExitSignal || e instanceof ReturnSignal) this.status = e.status;
      else if (e instanceof BudgetSignal) {
        this.shared.terminal.stderr.write(e.message);
        this.status = 124;
      } else if (!(e instanceof BreakSignal || e instanceof ContinueSignal)) {
        this.shared.terminal.stderr.write(`vethlab: internal error in the shell: ${e instanceof Error ? e.message : String(e)}\n`);
        this.status = 2;
      }
    }
  }

  /** Parses and runs program text command by command (the top level, `eval`, `.`). */
  *source(src: string, firstLine: number, name: string | null): Flow {
    // bash's grammar has ash's extras (`${x:1:2}`, `${x/a/b}`, `source`, fds past 9).
    const parser = new Parser(src, this.bash ? 'ash' : this.dialect, firstLine, this.aliases);
    for (;;) {
      let node: Node | null | 'eof';
      try {
        node = parser.next();
      } catch (e) {
        if (!(e instanceof ShellSyntaxError)) throw e;
        const saved = this.commandName;
        this.commandName = name;
        const text = this.bash ? this.bashSyntaxError(e, src, firstLine, name) : this.errorLine(syntaxMessage(e.detail, this.dialect), e.line);
        this.commandName = saved;
        this.err(text);
        throw new ErrorExit(2);
      }
      if (node === 'eof') return;
      if (node !== null) yield* this.evalNode(node);
    }
  }

  // ---- messages ---------------------------------------------------------------------

  /**
   * An error line in the shell's words: dash `sh: LINE: [NAME: ]MSG`, busybox
   * ash `sh: [NAME: line LINE-1: ]MSG` (ash counts a `-c` script's lines from 0).
   */
  errorLine(message: string, line = this.lineno): string {
    const name = this.commandName;
    // bash (error.c error_prolog): `$0: line N: `, no line at a terminal.
    if (this.bash) return `${this.options.arg0 ?? 'bash'}: ${this.interactive ? '' : `line ${line}: `}${name ? `${name}: ` : ''}${message}\n`;
    if (this.dialect === 'dash') return `sh: ${line}: ${name ? `${name}: ` : ''}${message}\n`;
    // ash at a terminal names no line (`sh: cd: can't cd to /x: ...`): measured with busybox 1.35's `sh -i`.
    if (this.interactive) return `sh: ${name ? `${name}: ` : ''}${message}\n`;
    return `sh: ${name ? `${name}: line ${line - 1}: ` : ''}${message}\n`;
  }

  /**
   * bash's report of a syntax error (parse.y report_syntax_error): at a terminal the
   * message alone; in `bash -c` where it was (`-c`, or `eval`) and, for an unexpected
   * token, the line it was on, quoted.
   */
  private bashSyntaxError(e: ShellSyntaxError, src: string, firstLine: number, name: string | null): string {
    const { message, offending } = bashSyntaxMessage(e.detail);
    const who = this.options.arg0 ?? 'bash';
    if (this.interactive) return `${who}: ${message}\n`;
    // The end of the input is a line past the last (bash ends a -c string with a newline).
    const line = e.detail.kind === 'unexpected' && e.detail.token === 'eof' ? firstLine + (src.endsWith('\n') ? src : `${src}\n`).split('\n').length - 1 : e.line;
    const where = `${who}: ${name ?? '-c'}: line ${line}: `;
    const text = src.split('\n')[e.line - firstLine] ?? '';
    return `${where}${message}\n${offending ? `${where}\`${text}'\n` : ''}`;
  }

  out(text: string): void {
    this.fds.get(1)?.write(text);
  }

  err(text: string): void {
    this.fds.get(2)?.write(text);
  }

  /** An error that ends the shell (status 2), as a non-interactive shell does. */
  fatal(message: string, status = 2): never {
    const text = message === 'Bad substitution' && this.dialect === 'ash' ? 'syntax error: bad substitution' : message;
    this.err(this.errorLine(text));
    throw new ErrorExit(status);
  }

  /** An assignment to a readonly variable ends the shell: dash `x: is read only` (2), bash `x: readonly variable` (1). */
  private readonlyError(name: string): never {
    this.fatal(this.bash ? `${name}: readonly variable` : `${name}: is read only`, this.bash ? 1 : 2);
  }

  // ---- variables ----------------------------------------------------------------------

  getVar(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  setVar(name: string, value: string | undefined, opts: { exported?: boolean; readonly?: boolean } = {}): void {
    const v = this.vars.get(name);
    if (v?.readonly && value !== undefined) this.readonlyError(name);
    if (v) {
      v.value = value;
      if (opts.exported) v.exported = true;
      if (opts.readonly) v.readonly = true;
    } else this.vars.set(name, { value, exported: opts.exported ?? false, readonly: opts.readonly ?? false });
  }

  special(name: string): string {
    switch (name) {
      case '?':
        return String(this.status);
      case '$':
        return String(SHELL_PID);
      case '!':
        return this.lastBg === undefined ? '' : String(this.lastBg);
      case '-': {
        const f = this.flags;
        const letters = `${f.errexit ? 'e' : ''}${f.noglob ? 'f' : ''}${f.nounset ? 'u' : ''}${f.xtrace ? 'x' : ''}`;
        return this.dialect === 'ash' ? `${letters}c` : letters;
      }
      default:
        return this.options.arg0 ?? 'sh';
    }
  }

  /** The environment a program gets: exported variables. */
  private environment(extra: [string, string][]): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.vars) if (v.exported && v.value !== undefined) env[k] = v.value;
    for (const [k, v] of extra) env[k] = v;
    return env;
  }

  /** `NAME=word` of a command: the name and the expanded value. */
  private assignment(word: Word): [string, string] {
    const first = word[0] as { kind: 'lit'; text: string; quoted: boolean };
    const eq = first.text.indexOf('=');
    const rest: Word = [{ kind: 'lit', text: first.text.slice(eq + 1), quoted: false }, ...word.slice(1)];
    return [first.text.slice(0, eq), this.expander.string(rest, true)];
  }

  // ---- subshells ------------------------------------------------------------------------

  /** A copy of this shell's state (a subshell: `( )`, a pipeline stage, `$(...)`). */
  fork(context?: Partial<ShellOptions['context']>): Shell {
    const child = new Shell(context ? { ...this.options, context: { ...this.options.context, ...context } } : this.options, this.shared);
    child.vars = new Map([...this.vars].map(([k, v]) => [k, { ...v }]));
    child.functions = new Map(this.functions);
    child.aliases = new Map(this.aliases);
    child.positional = [...this.positional];
    child.status = this.status;
    child.fs = this.fs;
    child.fds = new Map(this.fds);
    child.stdin = this.stdin;
    child.flags = { ...this.flags };
    child.frames = this.frames.map(() => new Map());
    child.loopDepth = this.loopDepth;
    child.depth = this.depth;
    child.lineno = this.lineno;
    child.commandName = this.commandName;
    child.lastBg = this.lastBg;
    child.inPipeline = this.inPipeline;
    child.conditions = this.conditions;
    return child;
  }

  /** Runs `flow` in this (forked) shell to its end: exit and return end it, loop control does nothing. */
  private *runSubshell(flow: Flow): Flow {
    try {
      yield* flow;
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof ReturnSignal) this.status = e.status;
      else if (!(e instanceof BreakSignal || e instanceof ContinueSignal)) throw e;
    }
  }

  /** Runs a command substitution and returns what it printed. */
  substitute(body: Node | null): string {
    this.enter('command substitution');
    const child = this.fork();
    const capture = new Capture();
    child.fds.set(1, capture);
    child.inPipeline = true;
    try {
      this.drive(child.runSubshell(child.evalNode(body)));
    } finally {
      this.depth--;
    }
    this.lastSubStatus = child.status;
    return capture.text;
  }

  /** Counts one level of nesting (function call, eval, substitution) against the budget. */
  enter(what: string): void {
    if (++this.depth > DEPTH_BUDGET) {
      this.depth--;
      throw new BudgetSignal(`vethlab: ${what} stopped at a nesting depth of ${DEPTH_BUDGET}\n`);
    }
  }

  private step(): void {
    if (++this.shared.steps > LOOP_BUDGET) throw new BudgetSignal(`vethlab: the loop was stopped after ${LOOP_BUDGET} iterations\n`);
  }

  // ---- evaluation --------------------------------------------------------------------------

  /** Evaluates a node where `set -e` does not apply (a condition, the left of && and ||). */
  private *condition(n: Node | null): Flow {
    this.conditions++;
    try {
      yield* this.evalNode(n);
    } finally {
      this.conditions--;
    }
  }

  *evalNode(n: Node | null): Flow {
    if (n === null) {
      this.status = 0;
      return;
    }
    switch (n.type) {
      case 'semi':
        yield* this.evalNode(n.left);
        yield* this.evalNode(n.right);
        return;
      case 'and':
      case 'or':
        yield* this.condition(n.left);
        if ((this.status === 0) === (n.type === 'and')) yield* this.evalNode(n.right);
        return;
      case 'not':
        yield* this.condition(n.body);
        this.status = this.status === 0 ? 1 : 0;
        return;
      case 'bg': {
        this.background(n.body);
        this.lastBg = this.shared.nextPid++;
        this.status = 0;
        return;
      }
      case 'pipe':
        yield* this.pipeline(n.cmds);
        break;
      case 'cmd':
        yield* this.simple(n);
        break;
      case 'if':
        yield* this.condition(n.test);
        if (this.status === 0) yield* this.evalNode(n.then);
        else if (n.else) yield* this.evalNode(n.else);
        else this.status = 0;
        return;
      case 'while':
      case 'until':
        yield* this.whileLoop(n.type, n.test, n.body);
        return;
      case 'for':
        yield* this.forLoop(n);
        return;
      case 'case':
        yield* this.caseCommand(n);
        return;
      case 'group':
        yield* this.evalNode(n.body);
        return;
      case 'subshell': {
        const child = this.fork();
        yield* child.runSubshell(child.evalNode(n.body));
        this.status = child.status;
        break;
      }
      case 'redir': {
        this.lineno = n.line;
        const restore = this.redirect(n.redirs, false);
        if (!restore) return;
        try {
          yield* this.evalNode(n.body);
        } finally {
          restore();
        }
        return;
      }
      case 'defun':
        this.functions.set(n.name, n.body);
        this.status = 0;
        return;
    }
    if (this.flags.errexit && this.status !== 0 && this.conditions === 0) throw new ExitSignal(this.status);
  }

  /** Runs a loop body: false when `break` ended the loop. */
  private *loopBody(body: Node | null): Flow<boolean> {
    try {
      yield* this.evalNode(body);
      return true;
    } catch (e) {
      if (e instanceof BreakSignal) {
        this.status = 0;
        if (e.levels > 1) throw new BreakSignal(e.levels - 1);
        return false;
      }
      if (e instanceof ContinueSignal) {
        if (e.levels > 1) throw new ContinueSignal(e.levels - 1);
        return true;
      }
      throw e;
    }
  }

  private *whileLoop(type: 'while' | 'until', test: Node | null, body: Node | null): Flow {
    let status = 0;
    this.loopDepth++;
    try {
      for (;;) {
        this.step();
        yield* this.condition(test);
        if ((this.status === 0) !== (type === 'while')) break;
        const more = yield* this.loopBody(body);
        status = this.status;
        if (!more) break;
      }
    } finally {
      this.loopDepth--;
    }
    this.status = status;
  }

  private *forLoop(n: Node & { type: 'for' }): Flow {
    this.lineno = n.line;
    const items = n.words ? this.expander.fields(n.words) : [...this.positional];
    let status = 0;
    this.loopDepth++;
    try {
      for (const item of items) {
        this.step();
        this.setVar(n.name, item);
        const more = yield* this.loopBody(n.body);
        status = this.status;
        if (!more) break;
      }
    } finally {
      this.loopDepth--;
    }
    this.status = status;
  }

  private *caseCommand(n: Node & { type: 'case' }): Flow {
    this.lineno = n.line;
    const word = this.expander.string(n.word, true);
    for (const item of n.items) {
      if (item.patterns.some((p) => matchPattern(this.expander.pattern(p), word))) {
        yield* this.evalNode(item.body);
        return;
      }
    }
    this.status = 0;
  }

  private *pipeline(cmds: Node[]): Flow {
    let input = this.stdin;
    const statuses: number[] = [];
    for (const [i, cmd] of cmds.entries()) {
      const child = this.fork();
      child.inPipeline = true;
      child.stdin = input;
      const capture = i < cmds.length - 1 ? new Capture() : undefined;
      if (capture) child.fds.set(1, capture);
      yield* child.runSubshell(child.evalNode(cmd));
      statuses.push(child.status);
      if (capture) input = new Input(capture.text);
    }
    const failed = statuses.filter((s) => s !== 0);
    this.status = this.flags.pipefail && failed.length > 0 ? failed[failed.length - 1]! : statuses[statuses.length - 1]!;
  }

  // ---- simple commands -----------------------------------------------------------------------

  private *simple(n: Node & { type: 'cmd' }): Flow {
    this.lineno = n.line;
    this.lastSubStatus = undefined;
    const args = this.expander.fields(n.args);
    if (args.length === 0) {
      const restore = this.redirect(n.redirs, false);
      if (!restore) return;
      try {
        const done: [string, string][] = [];
        for (const a of n.assigns) {
          const [name, value] = this.assignment(a);
          this.setVar(name, value);
          done.push([name, value]);
        }
        if (this.flags.xtrace && done.length > 0) this.trace(done, []);
        this.status = this.lastSubStatus ?? 0;
      } finally {
        restore();
      }
      return;
    }
    const name = args[0]!;
    const builtin = builtinOf(name, this.dialect, this.bash);
    const special = builtin !== undefined && SPECIAL_BUILTINS.has(name);
    const fn = special ? undefined : this.functions.get(name);
    const restore = this.redirect(n.redirs, special);
    if (!restore) return;
    try {
      const assigns = n.assigns.map((a) => this.assignment(a));
      if (this.flags.xtrace) this.trace(assigns, args);
      if (special) {
        for (const [k, v] of assigns) this.setVar(k, v);
        yield* this.runBuiltin(name, args);
      } else if (fn || builtin) {
        yield* this.withTemporary(assigns, fn ? this.callFunction(name, fn, args.slice(1)) : this.runBuiltin(name, args));
      } else yield* this.external(name, args, assigns);
    } finally {
      if (this.keepRedirections) this.keepRedirections = false;
      else restore();
    }
  }

  /** `set -x`: `+ cmd args` on stderr (ash and bash quote what needs it, each its own way; dash does not). */
  private trace(assigns: [string, string][], args: string[]): void {
    // bash (print_cmd.c xtrace_print_word_list, lib/sh/shquote.c sh_contains_shell_metas) quotes a word that is
    // empty, holds a shell metacharacter, starts with `#`, or has a `~` at its start or after `=` or `:`.
    const bashQuote = (w: string) => w === '' || /[ \t\n'"\\|&;()<>!{}*[?\]^$`]/.test(w) || /^#|(^|[=:])~/.test(w);
    const quoted = (w: string) => (this.bash ? bashQuote(w) : this.dialect === 'ash' && !/^[A-Za-z0-9_@%+=:,./-]+$/.test(w));
    const quote = (w: string) => (quoted(w) ? `'${w.replace(/'/g, `'\\''`)}'` : w);
    this.err(`+ ${[...assigns.map(([k, v]) => `${k}=${quote(v)}`), ...args.map(quote)].join(' ')}\n`);
  }

  /** Runs argv as a command from a builtin (`command`, `exec`): a builtin, a function if allowed, or a program. */
  *runCommand(args: string[], functions: boolean): Flow<number> {
    const name = args[0]!;
    const fn = functions ? this.functions.get(name) : undefined;
    if (builtinOf(name, this.dialect, this.bash)) yield* this.runBuiltin(name, args);
    else if (fn) yield* this.callFunction(name, fn, args.slice(1));
    else yield* this.external(name, args, []);
    return this.status;
  }

  /** Variables set for one builtin or function call (`IFS= read -r line`), then put back. */
  private *withTemporary(assigns: [string, string][], flow: Flow): Flow {
    if (assigns.length === 0) {
      yield* flow;
      return;
    }
    const saved = assigns.map(([k]) => [k, this.vars.get(k)] as const);
    for (const [k, v] of assigns) {
      const old = this.vars.get(k);
      if (old?.readonly) this.readonlyError(k);
      this.vars.set(k, { value: v, exported: true, readonly: false });
    }
    try {
      yield* flow;
    } finally {
      for (const [k, old] of saved.reverse()) {
        if (old) this.vars.set(k, old);
        else this.vars.delete(k);
      }
    }
  }

  *runBuiltin(name: string, args: string[]): Flow {
    const saved = this.commandName;
    this.commandName = name;
    try {
      const result = builtinOf(name, this.dialect, this.bash)!(this, args);
      this.status = typeof result === 'number' ? result : yield* result;
    } finally {
      this.commandName = saved;
    }
  }

  *callFunction(name: string, body: Node, args: string[]): Flow {
    this.enter(`the function ${name} was`);
    const savedPositional = this.positional;
    const savedLoop = this.loopDepth;
    const frame = new Map<string, Var | undefined>();
    this.positional = args;
    this.loopDepth = 0;
    this.frames.push(frame);
    try {
      yield* this.evalNode(body);
    } catch (e) {
      if (e instanceof ReturnSignal) this.status = e.status;
      else throw e;
    } finally {
      for (const [k, old] of frame) {
        if (old) this.vars.set(k, old);
        else this.vars.delete(k);
      }
      this.frames.pop();
      this.positional = savedPositional;
      this.loopDepth = savedLoop;
      this.depth--;
    }
  }

  private *external(name: string, args: string[], assigns: [string, string][]): Flow {
    const command = this.options.resolve(name);
    if (!command) {
      const missing = this.missingProgram(name);
      this.err(this.errorLine(missing.message));
      this.status = missing.status;
      return;
    }
    const out = command(args.slice(1), { ...this.options.context, fs: this.fs, stdin: this.stdin.rest(), env: this.environment(assigns) });
    yield* this.wait(out);
  }

  /**
   * Why a command word names no program (golden host-bash-words, recorded on the rig):
   * a path to a file that is no program cannot be executed (dash and bash: `Permission
   * denied`, 126; no file has an execute bit here but the programs); otherwise dash `not
   * found`, bash `command not found` or, for a path, `No such file or directory` (127).
   */
  private missingProgram(name: string): { message: string; status: number } {
    const path = name.includes('/');
    if (path && this.dialect === 'dash' && this.fs.stat(name) === 'file') return { message: `${name}: Permission denied`, status: 126 };
    if (!this.bash) return { message: `${name}: not found`, status: 127 };
    return { message: `${name}: ${path ? 'No such file or directory' : 'command not found'}`, status: 127 };
  }

  /**
   * Prints a program's output and takes its status; a program still running (a server)
   * stops the script until it ends, its later output written where this command's went.
   */
  private *wait(out: CommandOutput): Flow {
    if (out.traces) this.shared.traces.push(...out.traces);
    if (out.afterLine) (this.shared.readers ??= []).push({ finish: out.afterLine, from: this.shared.traces.length });
    if (out.session && !this.inPipeline && this.fds.get(1) === this.shared.terminal.stdout) this.shared.session = out.session;
    if (out.stderrFirst) {
      this.err(out.stderr);
      this.out(out.stdout);
    } else {
      this.out(out.stdout);
      this.err(out.stderr);
    }
    this.status = out.exitCode;
    if (!out.running) return;
    const ended = yield this.writingHere(out.running);
    this.out(ended.stdout);
    this.err(ended.stderr);
    this.status = ended.exitCode;
  }

  /** A running program whose output, as clients come, goes to this command's stdout and stderr. */
  private writingHere(running: Running): Running {
    const serve = running.serve;
    if (!serve) return running;
    const fds = this.fds;
    return {
      ...running,
      serve: (input) => {
        const served = serve(input);
        fds.get(1)?.write(served.stdout);
        fds.get(2)?.write(served.stderr);
        const next = 'exitCode' in served.next ? served.next : this.writingHere(served.next);
        return { ...served, stdout: '', stderr: '', next };
      },
    };
  }

  /**
   * `CMD &`: runs in a forked shell until it ends or waits for clients; a waiting job
   * goes on as a process of the machine (ctx.spawn), printing where its stdout leads.
   */
  private background(body: Node | null): void {
    // A job the machine keeps (ctx.spawn) sleeps as a process; without one it runs to its end now.
    const child = this.fork(this.options.context.spawn ? { background: true } : undefined);
    const flow = child.runSubshell(child.evalNode(body));
    const step = flow.next();
    if (step.done) return;
    const job = child.backgroundJob(flow, step.value);
    if (this.options.context.spawn) this.options.context.spawn(job);
  }

  /** A background job stopped at `inner`: when `inner` ends, the job's next commands run. */
  private backgroundJob(flow: Flow, inner: Running): Running {
    const serve = inner.serve;
    if (inner.wakeAt !== undefined) return { ...inner, wake: () => this.woken(flow, inner, (next) => this.backgroundJob(flow, next)) };
    if (!serve) return inner;
    return {
      ...inner,
      serve: (input) => {
        const served = serve(input);
        if (!('exitCode' in served.next)) return { ...served, next: this.backgroundJob(flow, served.next) };
        const step = flow.next({ stdout: '', stderr: '', exitCode: served.next.exitCode });
        return { ...served, next: step.done ? { exitCode: this.status } : this.backgroundJob(flow, step.value) };
      },
    };
  }

  /**
   * A script asleep at `inner` wakes: `inner` goes on (a nested script's next commands)
   * or ends, and then the script runs on to its next sleep, server or end. Each stretch
   * has its own loop budget: a `while true; do ...; sleep 1; done` runs for as long as
   * the clock moves.
   */
  private woken(flow: Flow, inner: Running, keep: (next: Running) => Running): Woken {
    let exitCode = 0;
    let printed = { stdout: '', stderr: '' };
    if (inner.wake) {
      const woke = inner.wake();
      if (!('exitCode' in woke.next)) return { stdout: woke.stdout, stderr: woke.stderr, next: keep(woke.next) };
      exitCode = woke.next.exitCode;
      printed = { stdout: woke.stdout, stderr: woke.stderr };
    }
    this.shared.steps = 0;
    this.shared.idle = false;
    const step = flow.next({ ...printed, exitCode });
    const drained = this.shared.terminal.drain();
    return { stdout: drained.stdout, stderr: drained.stderr, next: step.done ? { exitCode: this.status } : keep(step.value) };
  }

  // ---- redirections -----------------------------------------------------------------------------

  /**
   * Opens a command's redirections left to right, as the shell does before it
   * runs the command (`>` truncates at once, `<` must exist). Returns what
   * undoes them, or undefined after an error (printed; the status set; a
   * special builtin's error ends the shell).
   */
  redirect(redirs: Redir[], special: boolean): (() => void) | undefined {
    if (redirs.length === 0) return () => undefined;
    const savedFds = this.fds;
    const savedIn = this.stdin;
    const restore = () => {
      this.fds = savedFds;
      this.stdin = savedIn;
    };
    this.fds = new Map(this.fds);
    for (const r of redirs) {
      const problem = this.open(r);
      if (problem !== undefined) {
        this.err(this.errorLine(problem));
        restore();
        // bash: status 1, and (not being in POSIX mode) a special builtin's failed redirection does not end it.
        this.status = this.dialect === 'dash' && !this.bash ? 2 : 1;
        if (special && !this.bash) throw new ErrorExit(this.status);
        return undefined;
      }
    }
    return restore;
  }

  /** Opens one redirection; the error text when it cannot. */
  private open(r: Redir): string | undefined {
    const ash = this.dialect === 'ash';
    if (r.op === '<<' || r.op === '<<-') {
      const text = r.here!.expand ? this.expander.string(r.here!.body) : r.here!.body.map((p) => (p.kind === 'lit' ? p.text : '')).join('');
      if (r.fd === 0) this.stdin = new Input(text);
      return undefined;
    }
    const target = this.expander.string(r.target, true);
    if (r.op === '>&' || r.op === '<&') {
      if (target === '-') {
        if (r.fd === 0) this.stdin = new Input('');
        else this.fds.set(r.fd, NULL_SINK);
        return undefined;
      }
      if (!/^\d+$/.test(target)) {
        if (!ash || r.op !== '>&') return ash ? `${target}: bad file descriptor` : 'Syntax error: Bad fd number';
        // busybox (like bash): `>&FILE` sends stdout and stderr to the file.
        const problem = this.open({ fd: 1, op: '>', target: r.target });
        if (problem === undefined) this.fds.set(2, this.fds.get(1)!);
        return problem;
      }
      const src = Number(target);
      if (r.fd === 0 || src === 0) return src === 0 ? undefined : `${target}: Bad file descriptor`;
      const sink = this.fds.get(src);
      if (!sink) return `${target}: Bad file descriptor`;
      this.fds.set(r.fd, sink);
      return undefined;
    }
    if (r.op === '<' || r.op === '<>') {
      let content: string;
      if (target === '/dev/null') content = '';
      else if (target === '/dev/stdin') content = this.stdin.rest();
      else {
        const read = this.fs.read(target);
        if (read === 'ENOENT' && r.op === '<>' && !this.fs.write(target, '', true)) content = '';
        else if (read === 'ENOENT' || read === 'EISDIR' || read === 'ENOTDIR' || read === 'EEXIST') {
          if (this.bash) return `${target}: ${read === 'ENOTDIR' ? 'Not a directory' : read === 'EISDIR' ? 'Is a directory' : 'No such file or directory'}`;
          return ash ? `can't open ${target}: no such file` : `cannot open ${target}: No such file`;
        } else content = read;
      }
      if (r.fd === 0) this.stdin = new Input(content);
      return undefined;
    }
    let sink: Sink;
    if (target === '/dev/null') sink = NULL_SINK;
    else if (target === '/dev/stdout' || target === '/dev/stderr') sink = this.fds.get(target === '/dev/stdout' ? 1 : 2) ?? NULL_SINK;
    else {
      const failed = this.fs.write(target, '', r.op === '>>');
      if (failed && this.bash) return `${target}: ${failed === 'EISDIR' ? 'Is a directory' : failed === 'EROFS' ? 'Read-only file system' : 'No such file or directory'}`;
      if (failed === 'EISDIR') return ash ? `can't create ${target}: Is a directory` : `cannot create ${target}: Is a directory`;
      if (failed === 'EROFS') return ash ? `can't create ${target}: Read-only file system` : `cannot create ${target}: Read-only file system`;
      if (failed) return ash ? `can't create ${target}: nonexistent directory` : `cannot create ${target}: Directory nonexistent`;
      sink = new FileSink(this.fs, target);
    }
    this.fds.set(r.fd, sink);
    return undefined;
  }
}
