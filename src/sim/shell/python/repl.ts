/**
 * A scripted Python REPL: what `python` with no arguments shows on a terminal
 * (`docker exec -it C python`, `docker run -it python:3`), enough for seed
 * article 000's client: the banner, `>>> ` and `... `, imports (redis once
 * pip installed it, CPython's ModuleNotFoundError before), assignments,
 * expressions of literals and variables echoed as their repr, print(),
 * redis-py's client over the simulator's TCP path, and exit()/quit()/Ctrl-D.
 * Anything beyond that subset gets one honest `vethlab:` line.
 *
 * Two CPython generations differ in what a learner sees: up to 3.12 the
 * readline REPL (`File "<stdin>"`, no source lines); from 3.13 the new REPL
 * (`File "<python-input-N>"` with the line and its carets, colour on a
 * terminal, bare `exit` leaves). Texts from CPython's Lib/traceback.py,
 * Lib/_colorize.py and Lib/_pyrepl (3.13, 3.14) and Lib/site.py (3.12).
 */
import type { Trace } from '../../net/trace.ts';
import { needsMore, parseStatement, type Expr } from './parse.ts';
import { callMethod, hasMethod, newClient, PyError, type RedisTransport } from './redis-py.ts';
import { equal, repr, str, truthy, typeName, type PyValue } from './values.ts';

export interface PythonSetup {
  /** `3.14.7` */
  version: string;
  /** sys.version's build part: `main, Aug 25 2026, 03:31:54`. */
  build: string;
  /** `GCC 14.2.0` */
  compiler: string;
  /** Colour (3.13+): a terminal, TERM not dumb, no NO_COLOR (Lib/_colorize.py can_colorize). */
  colors: boolean;
  /** Whether `import NAME` finds a package pip installed (site-packages). */
  hasPackage(name: string): boolean;
  redis: RedisTransport;
}

export interface ReplOutput {
  output: string;
  /** The interpreter ended (exit(), quit(), Ctrl-D) with this status. */
  exit?: number;
  traces?: Trace[];
}

const NOTE = (what: string) => `\x1b[2mvethlab: ${what}\x1b[0m\n`;
const NOT_MODELLED = NOTE('this Python statement is not modelled here (the REPL runs imports, assignments, expressions, print() and redis-py\u2019s Redis client)');

/** Modules of the standard library a learner may import: they exist, vethlab does not run them. */
const STDLIB = new Set(['os', 'sys', 'json', 'socket', 'time', 'math', 'random', 're', 'subprocess', 'http', 'urllib', 'datetime', 'collections', 'itertools', 'pathlib', 'string', 'threading', 'asyncio', 'logging']);

const BUILTINS = new Set(['print', 'exit', 'quit', 'len', 'str', 'repr', 'int', 'float', 'bool', 'type']);

const C = { reset: '\x1b[0m', boldMagenta: '\x1b[1;35m', magenta: '\x1b[35m', boldRed: '\x1b[1;31m', red: '\x1b[31m' };

export class PythonRepl {
  private readonly vars = new Map<string, PyValue>();
  private pending: string[] = [];
  /** The new REPL numbers its inputs for tracebacks (`<python-input-0>`...). */
  private inputs = 0;
  private readonly modern: boolean;

  constructor(private readonly setup: PythonSetup) {
    const [major = 0, minor = 0] = setup.version.split('.').map(Number);
    this.modern = major > 3 || (major === 3 && minor >= 13);
  }

  /** What the interpreter prints when it starts (Lib/site.py's banner). */
  banner(): string {
    return `Python ${this.setup.version} (${this.setup.build}) [${this.setup.compiler}] on linux\nType "help", "copyright", "credits" or "license" for more information.\n`;
  }

  /** The prompt for the next line: `>>> `, or `... ` inside an unfinished statement; bold magenta in colour. */
  prompt(): { plain: string; styled: string } {
    const plain = this.pending.length > 0 ? '...' : '>>>';
    const styled = this.modern && this.setup.colors ? `${C.boldMagenta}${plain}${C.reset} ` : `${plain} `;
    return { plain: `${plain} `, styled };
  }

  /** Ctrl-D: at `>>> ` the interpreter ends; inside a statement the new REPL drops it, 3.12 runs it. */
  eof(): ReplOutput {
    if (this.pending.length > 0) {
      this.pending = [];
      return { output: '\n' };
    }
    return { output: '\n', exit: 0 };
  }

  /** One line typed at the prompt. */
  feed(line: string): ReplOutput {
    const lines = [...this.pending, line];
    if (needsMore(lines)) {
      this.pending = lines;
      return { output: '' };
    }
    this.pending = [];
    const source = lines.join('\n');
    if (source.trim() === '') return { output: '' };
    const inputNumber = this.inputs++;
    if (lines.length > 1 && /:\s*(#.*)?$/.test(lines[0]!)) return { output: NOT_MODELLED };
    const statement = parseStatement(source.replace(/\\\n/g, ' ').replace(/\n/g, ' '));
    const traces: Trace[] = [];
    const done = (output: string, extra: Partial<ReplOutput> = {}): ReplOutput => ({ output, ...(traces.length > 0 ? { traces } : {}), ...extra });
    try {
      switch (statement.k) {
        case 'empty':
          return done('');
        case 'unsupported':
          return done(NOT_MODELLED);
        case 'import':
          for (const { name, as } of statement.modules) {
            const root = name.split('.')[0]!;
            if (root === 'redis' && this.setup.hasPackage('redis')) this.vars.set(as, { t: 'module', name });
            else if (STDLIB.has(root)) return done(NOTE(`Python's ${root} module is not modelled here`));
            else throw new PyError('ModuleNotFoundError', `No module named '${root}'`);
          }
          return done('');
        case 'from': {
          const root = statement.module.split('.')[0]!;
          if (STDLIB.has(root)) return done(NOTE(`Python's ${root} module is not modelled here`));
          if (root !== 'redis' || !this.setup.hasPackage('redis')) throw new PyError('ModuleNotFoundError', `No module named '${root}'`);
          for (const { name, as } of statement.names) {
            if (statement.module !== 'redis' || (name !== 'Redis' && name !== 'StrictRedis')) return done(NOTE(`redis-py's ${statement.module}.${name} is not modelled here`));
            this.vars.set(as, { t: 'class', module: 'redis.client', name });
          }
          return done('');
        }
        case 'assign': {
          const value = this.eval(statement.value, traces);
          if (value === 'unsupported' || value instanceof Exit || value instanceof Printed) return done(NOT_MODELLED);
          this.vars.set(statement.target, value);
          return done('');
        }
        case 'expr': {
          const e = statement.value;
          // The new REPL takes a bare `exit` or `quit` as the command; 3.12 prints the Quitter's repr.
          if (e.k === 'name' && (e.id === 'exit' || e.id === 'quit') && !this.vars.has(e.id)) {
            return this.modern ? done('', { exit: 0 }) : done('Use exit() or Ctrl-D (i.e. EOF) to exit\n');
          }
          const value = this.eval(e, traces);
          if (value === 'unsupported') return done(NOT_MODELLED);
          if (value instanceof Exit) return done(value.message, { exit: value.status });
          if (value instanceof Printed) return done(value.text);
          if (value.t === 'none') return done('');
          const shown = this.display(value);
          return done(shown === undefined ? NOTE(`the repr of redis-py's objects is not modelled here`) : `${shown}\n`);
        }
      }
    } catch (e) {
      // An import's error belongs to the whole statement (no carets).
      if (e instanceof PyError) return done(this.traceback(source, inputNumber, new Raised(e)));
      if (!(e instanceof Raised)) throw e;
      return done(this.traceback(source, inputNumber, e));
    }
  }

  private display(v: PyValue): string | undefined {
    if (v.t === 'module') return `<module '${v.name}' from '/usr/local/lib/python${this.setup.version.split('.').slice(0, 2).join('.')}/site-packages/${v.name.replace(/\./g, '/')}/__init__.py'>`;
    const shown = repr(v);
    return shown === '' ? undefined : shown;
  }

  // ---- evaluation ----------------------------------------------------------------------

  private raise(error: PyError, at: Expr): never {
    throw new Raised(error, at);
  }

  private eval(e: Expr, traces: Trace[]): PyValue | 'unsupported' | Exit | Printed {
    const value = (x: Expr): PyValue => {
      const v = this.eval(x, traces);
      if (v === 'unsupported' || v instanceof Exit || v instanceof Printed) throw new Unmodelled();
      return v;
    };
    try {
      switch (e.k) {
        case 'lit':
          return e.value;
        case 'name': {
          const v = this.vars.get(e.id);
          if (v) return v;
          if (BUILTINS.has(e.id)) return { t: 'builtin', name: e.id };
          return this.raise(new PyError('NameError', `name '${e.id}' is not defined`), e);
        }
        case 'list':
        case 'tuple':
          return { t: e.k, items: e.items.map(value) };
        case 'dict':
          return { t: 'dict', entries: e.entries.map(([k, v]) => [value(k), value(v)] as [PyValue, PyValue]) };
        case 'attr': {
          const obj = value(e.obj);
          if (obj.t === 'module' && obj.name === 'redis' && (e.name === 'Redis' || e.name === 'StrictRedis')) return { t: 'class', module: 'redis.client', name: e.name };
          if (obj.t === 'redis' && hasMethod(e.name)) return { t: 'method', self: obj, name: e.name };
          if (obj.t === 'module' || obj.t === 'redis') return 'unsupported';
          return this.raise(new PyError('AttributeError', `'${typeName(obj)}' object has no attribute '${e.name}'`), e);
        }
        case 'call':
          return this.call(e, value(e.func), e.args.map(value), e.kwargs.map(([k, v]) => [k, value(v)] as [string, PyValue]), traces);
        case 'index':
          return this.index(e, value(e.obj), value(e.index));
        case 'unary': {
          const v = value(e.operand);
          if (e.op === 'not') return { t: 'bool', v: !truthy(v) };
          const n = v.t === 'bool' ? { t: 'int' as const, v: v.v ? 1n : 0n } : v;
          if (n.t === 'int') return { t: 'int', v: e.op === '-' ? -n.v : n.v };
          if (n.t === 'float') return { t: 'float', v: e.op === '-' ? -n.v : n.v };
          return this.raise(new PyError('TypeError', `bad operand type for unary ${e.op}: '${typeName(v)}'`), e);
        }
        case 'bool': {
          const left = value(e.left);
          return truthy(left) === (e.op === 'or') ? left : value(e.right);
        }
        case 'bin':
          return this.binary(e, value(e.left), value(e.right));
      }
    } catch (err) {
      if (err instanceof Unmodelled) return 'unsupported';
      throw err;
    }
  }

  private call(at: Expr, func: PyValue, args: PyValue[], kwargs: [string, PyValue][], traces: Trace[]): PyValue | 'unsupported' | Exit | Printed {
    if (func.t === 'class') {
      const client = newClient(args, kwargs);
      if (client instanceof PyError) return this.raise(client, at);
      return client;
    }
    if (func.t === 'method') {
      const result = callMethod(func.self, func.name, args, kwargs, this.setup.redis, traces);
      if (result instanceof PyError) return this.raise(result, at);
      return result;
    }
    if (func.t !== 'builtin') return this.raise(new PyError('TypeError', `'${typeName(func)}' object is not callable`), at);
    if (func.name === 'print') {
      const options = new Map(kwargs);
      if ([...options.keys()].some((k) => k !== 'sep' && k !== 'end')) return 'unsupported';
      const sep = options.get('sep');
      const end = options.get('end');
      const text = (v: PyValue | undefined, fallback: string) => (v === undefined || v.t === 'none' ? fallback : v.t === 'str' ? v.v : undefined);
      const sepText = text(sep, ' ');
      const endText = text(end, '\n');
      if (sepText === undefined || endText === undefined) return 'unsupported';
      const shown = args.map((a) => (a.t === 'module' || a.t === 'redis' || a.t === 'method' ? undefined : str(a)));
      if (shown.includes(undefined)) return 'unsupported';
      return new Printed(shown.join(sepText) + endText);
    }
    if (kwargs.length > 0) return 'unsupported';
    if (func.name === 'exit' || func.name === 'quit') {
      const code = args[0];
      if (args.length > 1) return 'unsupported';
      if (code === undefined || code.t === 'none') return new Exit(0);
      if (code.t === 'int') return new Exit(Number(BigInt.asUintN(8, code.v)));
      if (code.t === 'bool') return new Exit(code.v ? 1 : 0);
      // sys.exit('message') prints the message to stderr and ends with 1.
      return code.t === 'str' ? new Exit(1, `${code.v}\n`) : 'unsupported';
    }
    if (args.length !== 1) return 'unsupported';
    const v = args[0]!;
    switch (func.name) {
      case 'len':
        if (v.t === 'str' || v.t === 'bytes') return { t: 'int', v: BigInt([...v.v].length) };
        if (v.t === 'list' || v.t === 'tuple') return { t: 'int', v: BigInt(v.items.length) };
        if (v.t === 'dict') return { t: 'int', v: BigInt(v.entries.length) };
        return this.raise(new PyError('TypeError', `object of type '${typeName(v)}' has no len()`), at);
      case 'str':
        return v.t === 'module' || v.t === 'redis' || v.t === 'method' ? 'unsupported' : { t: 'str', v: str(v) };
      case 'repr':
        return v.t === 'module' || v.t === 'redis' || v.t === 'method' ? 'unsupported' : { t: 'str', v: repr(v) };
      case 'bool':
        return { t: 'bool', v: truthy(v) };
      case 'int':
        if (v.t === 'int') return v;
        if (v.t === 'bool') return { t: 'int', v: v.v ? 1n : 0n };
        if (v.t === 'float' && Number.isFinite(v.v)) return { t: 'int', v: BigInt(Math.trunc(v.v)) };
        if ((v.t === 'str' || v.t === 'bytes') && /^\s*[+-]?\d+\s*$/.test(v.v)) return { t: 'int', v: BigInt(v.v.trim()) };
        if (v.t === 'str') return this.raise(new PyError('ValueError', `invalid literal for int() with base 10: ${repr(v)}`), at);
        return 'unsupported';
      case 'float':
        if (v.t === 'int') return { t: 'float', v: Number(v.v) };
        if (v.t === 'float') return v;
        if (v.t === 'str' && v.v.trim() !== '' && !Number.isNaN(Number(v.v))) return { t: 'float', v: Number(v.v) };
        if (v.t === 'str') return this.raise(new PyError('ValueError', `could not convert string to float: ${repr(v)}`), at);
        return 'unsupported';
      default:
        return 'unsupported';
    }
  }

  private index(at: Expr, obj: PyValue, key: PyValue): PyValue {
    if (obj.t === 'dict') {
      const found = obj.entries.find(([k]) => equal(k, key));
      if (found) return found[1];
      return this.raise(new PyError('KeyError', repr(key)), at);
    }
    if (obj.t === 'list' || obj.t === 'tuple' || obj.t === 'str' || obj.t === 'bytes') {
      if (key.t !== 'int') return this.raise(new PyError('TypeError', `${obj.t} indices must be integers or slices, not ${typeName(key)}`), at);
      const items: (PyValue | string)[] = obj.t === 'list' || obj.t === 'tuple' ? obj.items : [...(obj as { v: string }).v];
      const i = Number(key.v < 0n ? key.v + BigInt(items.length) : key.v);
      if (i < 0 || i >= items.length) return this.raise(new PyError('IndexError', `${obj.t === 'str' ? 'string' : obj.t === 'bytes' ? 'index' : obj.t} index out of range`), at);
      if (obj.t === 'str') return { t: 'str', v: items[i] as string };
      if (obj.t === 'bytes') return { t: 'int', v: BigInt((items[i] as string).charCodeAt(0)) };
      return items[i] as PyValue;
    }
    return this.raise(new PyError('TypeError', `'${typeName(obj)}' object is not subscriptable`), at);
  }

  private binary(at: Expr & { k: 'bin' }, a: PyValue, b: PyValue): PyValue {
    const op = at.op;
    const compare = ['==', '!=', '<', '>', '<=', '>='].includes(op);
    if (op === '==' || op === '!=') return { t: 'bool', v: equal(a, b) === (op === '==') };
    const num = (v: PyValue): { t: 'int'; v: bigint } | { t: 'float'; v: number } | undefined =>
      v.t === 'int' || v.t === 'float' ? v : v.t === 'bool' ? { t: 'int', v: v.v ? 1n : 0n } : undefined;
    const x = num(a);
    const y = num(b);
    if (x && y) {
      if (compare) {
        const [l, r] = x.t === 'int' && y.t === 'int' ? [x.v, y.v] : [Number(x.v), Number(y.v)];
        return { t: 'bool', v: op === '<' ? l < r : op === '>' ? l > r : op === '<=' ? l <= r : l >= r };
      }
      if (x.t === 'int' && y.t === 'int' && op !== '/') {
        if ((op === '//' || op === '%') && y.v === 0n) return this.raise(new PyError('ZeroDivisionError', op === '%' ? 'integer modulo by zero' : 'integer division or modulo by zero'), at);
        switch (op) {
          case '+':
            return { t: 'int', v: x.v + y.v };
          case '-':
            return { t: 'int', v: x.v - y.v };
          case '*':
            return { t: 'int', v: x.v * y.v };
          case '//': {
            const q = x.v / y.v;
            return { t: 'int', v: (x.v % y.v !== 0n) && ((x.v < 0n) !== (y.v < 0n)) ? q - 1n : q };
          }
          case '%': {
            const m = x.v % y.v;
            return { t: 'int', v: m !== 0n && (m < 0n) !== (y.v < 0n) ? m + y.v : m };
          }
          case '**':
            if (y.v >= 0n) return { t: 'int', v: x.v ** y.v };
            return { t: 'float', v: Number(x.v) ** Number(y.v) };
        }
      }
      const l = Number(x.v);
      const r = Number(y.v);
      if ((op === '/' || op === '//' || op === '%') && r === 0) {
        return this.raise(new PyError('ZeroDivisionError', op === '/' ? 'division by zero' : op === '%' ? 'float modulo by zero' : 'float floor division by zero'), at);
      }
      switch (op) {
        case '+':
          return { t: 'float', v: l + r };
        case '-':
          return { t: 'float', v: l - r };
        case '*':
          return { t: 'float', v: l * r };
        case '/':
          return { t: 'float', v: l / r };
        case '//':
          return { t: 'float', v: Math.floor(l / r) };
        case '%':
          return { t: 'float', v: l - r * Math.floor(l / r) };
        case '**':
          return { t: 'float', v: l ** r };
      }
    }
    if ((a.t === 'str' && b.t === 'str') || (a.t === 'bytes' && b.t === 'bytes')) {
      if (op === '+') return { t: a.t, v: a.v + b.v };
      if (compare) return { t: 'bool', v: op === '<' ? a.v < b.v : op === '>' ? a.v > b.v : op === '<=' ? a.v <= b.v : a.v >= b.v };
    }
    if ((a.t === 'str' || a.t === 'bytes') && y?.t === 'int' && op === '*') return { t: a.t, v: y.v > 0n ? a.v.repeat(Number(y.v)) : '' };
    if ((a.t === 'list' || a.t === 'tuple') && a.t === b.t && op === '+') return { t: a.t, items: [...a.items, ...b.items] };
    if (a.t === 'str' && op === '+') return this.raise(new PyError('TypeError', `can only concatenate str (not "${typeName(b)}") to str`), at);
    if (compare) return this.raise(new PyError('TypeError', `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`), at);
    return this.raise(new PyError('TypeError', `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`), at);
  }

  // ---- tracebacks ----------------------------------------------------------------------

  /**
   * The traceback CPython prints for an exception raised by this input: the
   * frame of the typed line (with its source and carets in the new REPL), a
   * note where redis-py's own frames would follow, and `TYPE: MESSAGE`.
   */
  private traceback(source: string, inputNumber: number, raised: Raised): string {
    const colors = this.modern && this.setup.colors;
    const paint = (color: string, text: string) => (colors ? `${color}${text}${C.reset}` : text);
    const { error, at } = raised;
    let out = 'Traceback (most recent call last):\n';
    const file = this.modern ? `<python-input-${inputNumber}>` : '<stdin>';
    out += `  File ${paint(C.magenta, `"${file}"`)}, line ${paint(C.magenta, '1')}, in ${paint(C.magenta, '<module>')}\n`;
    if (this.modern) out += sourceLines(source, at, colors);
    if (error.inLibrary) out += NOTE(`redis-py's own frames are not modelled here`).replace(/^/, '    ');
    out += error.message === '' ? `${paint(C.boldMagenta, error.type)}\n` : `${paint(C.boldMagenta, error.type)}: ${paint(C.magenta, error.message)}\n`;
    return out;
  }
}

/**
 * The new REPL's source line and carets (Lib/traceback.py, 3.13+): the line
 * without its indentation, then `~` under the expression and `^` under its
 * anchor (a call's parentheses, a binary operator, a subscript's brackets);
 * no caret line when the expression, without anchors, is the whole line.
 */
function sourceLines(source: string, at: Expr | undefined, colors: boolean): string {
  const line = source.split('\n')[0]!;
  const indent = line.length - line.trimStart().length;
  const text = line.trim();
  if (!at) return `    ${text}\n`;
  const start = at.start - indent;
  const end = Math.min(at.end - indent, text.length);
  let anchors: [number, number] | undefined;
  if (at.k === 'call') {
    const open = line.indexOf('(', at.func.end);
    anchors = [open - indent, end];
  } else if (at.k === 'bin') {
    const opAt = line.indexOf(at.op, at.left.end);
    anchors = [opAt - indent, opAt - indent + at.op.length];
  } else if (at.k === 'index') {
    anchors = [line.indexOf('[', at.obj.end) - indent, end];
  }
  const wholeLine = start === 0 && end === text.length;
  if (!anchors && wholeLine) return `    ${text}\n`;
  const marks = [...text].map((_, i) => (i < start || i >= end ? ' ' : anchors && i >= anchors[0] && i < anchors[1] ? '^' : anchors ? '~' : '^'));
  const caretLine = marks.join('').trimEnd();
  if (!colors) return `    ${text}\n    ${caretLine}\n`;
  let painted = '';
  let paintedCarets = '';
  for (let i = 0; i < text.length; ) {
    const mark = marks[i]!;
    let j = i;
    while (j < text.length && marks[j] === mark) j++;
    const color = mark === '^' ? C.boldRed : mark === '~' ? C.red : '';
    painted += color ? `${color}${text.slice(i, j)}${C.reset}` : text.slice(i, j);
    if (i < caretLine.length) paintedCarets += color ? `${color}${caretLine.slice(i, j)}${C.reset}` : caretLine.slice(i, j);
    i = j;
  }
  return `    ${painted}\n    ${paintedCarets}\n`;
}

/** An exception on its way to the prompt, with the expression that raised it. */
class Raised {
  constructor(
    readonly error: PyError,
    /** Undefined: the statement itself (an import). */
    readonly at?: Expr,
  ) {}
}

/** A sub-expression beyond the subset: the whole statement is not modelled. */
class Unmodelled {}

/** exit()/quit(): SystemExit with this status (and a message to print for exit('text')). */
class Exit {
  constructor(
    readonly status: number,
    readonly message = '',
  ) {}
}

/** What print() wrote (print returns None, so the REPL echoes nothing else). */
class Printed {
  constructor(readonly text: string) {}
}
