/**
 * `test` and `[`, as dash (test.c) and busybox (coreutils/test.c) parse their
 * arguments: POSIX's special cases for one to four arguments, then a
 * recursive grammar with `!`, `-a`, `-o` and parentheses. The two differ in
 * corner cases and in wording (dash `[: a: unexpected operator`, busybox
 * `b: unknown operand`), and both are kept.
 */
import type { FileSystem } from '../fs.ts';
import { resolvePath } from '../fs.ts';
import type { Dialect } from './ast.ts';

/** The status, and the error text (after `sh: ` and, for dash, `N: [: `). */
export interface TestResult {
  status: number;
  error?: string;
}

type OpType = 'unary' | 'binary' | 'not' | 'andor' | 'paren';
const OPS: Record<string, OpType> = Object.assign(Object.create(null) as Record<string, OpType>, {
  '-r': 'unary',
  '-w': 'unary',
  '-x': 'unary',
  '-e': 'unary',
  '-f': 'unary',
  '-d': 'unary',
  '-c': 'unary',
  '-b': 'unary',
  '-p': 'unary',
  '-u': 'unary',
  '-g': 'unary',
  '-k': 'unary',
  '-s': 'unary',
  '-t': 'unary',
  '-z': 'unary',
  '-n': 'unary',
  '-h': 'unary',
  '-O': 'unary',
  '-G': 'unary',
  '-L': 'unary',
  '-S': 'unary',
  '=': 'binary',
  '!=': 'binary',
  '<': 'binary',
  '>': 'binary',
  '-eq': 'binary',
  '-ne': 'binary',
  '-ge': 'binary',
  '-gt': 'binary',
  '-le': 'binary',
  '-lt': 'binary',
  '-nt': 'binary',
  '-ot': 'binary',
  '-ef': 'binary',
  '!': 'not',
  '-a': 'andor',
  '-o': 'andor',
  '(': 'paren',
  ')': 'paren',
});

class TestError {
  constructor(readonly message: string) {}
}

const fail = (op: string | undefined, msg: string): never => {
  throw new TestError(op ? `${op}: ${msg}` : msg);
};

const EXEC_DIRS = ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];

/** A unary file or string test on our file tree (root may read and write everything). */
function unaryTest(op: string, arg: string, fs: FileSystem): boolean {
  const kind = fs.stat(arg);
  switch (op) {
    case '-z':
      return arg === '';
    case '-n':
      return arg !== '';
    case '-e':
    case '-r':
    case '-w':
    case '-O':
    case '-G':
      return kind !== undefined;
    case '-f':
      return kind === 'file';
    case '-d':
      return kind === 'dir';
    case '-s': {
      const content = fs.read(arg);
      return kind === 'file' && typeof content === 'string' && content.length > 0;
    }
    case '-x': {
      if (kind === 'dir') return true;
      if (kind !== 'file') return false;
      const abs = resolvePath(fs.cwd, arg);
      return EXEC_DIRS.some((d) => abs.startsWith(`${d}/`));
    }
    case '-c':
      return kind === 'file' && resolvePath(fs.cwd, arg).startsWith('/dev/');
    default:
      // -b -p -S -u -g -k -h -L -t: no devices, pipes, sockets, set-id bits, links or terminals here.
      return false;
  }
}

// ---- dash -----------------------------------------------------------------------

/** dash's atomax10: an integer, blanks around allowed, else `Illegal number: X`. */
function dashNumber(s: string): bigint {
  const m = /^\s*([+-]?\d+)\s*$/.exec(s);
  if (!m) fail(undefined, `Illegal number: ${s}`);
  const v = BigInt(m![1]!);
  if (v > (1n << 63n) - 1n || v < -(1n << 63n)) fail(undefined, `Illegal number: ${s}`);
  return v;
}

function compare(op: string, a: string, b: string, num: (s: string) => bigint, fs: FileSystem): boolean {
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '-eq':
      return num(a) === num(b);
    case '-ne':
      return num(a) !== num(b);
    case '-ge':
      return num(a) >= num(b);
    case '-gt':
      return num(a) > num(b);
    case '-le':
      return num(a) <= num(b);
    case '-lt':
      return num(a) < num(b);
    case '-ef':
      return fs.stat(a) !== undefined && resolvePath(fs.cwd, a) === resolvePath(fs.cwd, b);
    default:
      // -nt, -ot: every file here has the same time.
      return false;
  }
}

class DashTest {
  pos = 0;
  /** The operator of the last token lexed (dash's t_wp_op). */
  op: string | undefined;
  constructor(
    private readonly args: string[],
    private readonly fs: FileSystem,
  ) {}

  /** The token at i: an operator's text, 'EOI' or 'OPERAND' (dash's t_lex). */
  lex(i: number): string {
    const s = this.args[i];
    if (s === undefined) {
      this.op = undefined;
      return 'EOI';
    }
    const type = OPS[s];
    if (type !== undefined && !(type === 'unary' && this.isOperand(i)) && !(s === '(' && this.args[i + 1] === undefined)) {
      this.op = s;
      return s;
    }
    this.op = undefined;
    return 'OPERAND';
  }

  private isOperand(i: number): boolean {
    const next = this.args[i + 1];
    if (next === undefined) return true;
    if (this.args[i + 2] === undefined) return false;
    return OPS[next] === 'binary';
  }

  oexpr(n: string): boolean {
    let res = false;
    for (;;) {
      res = this.aexpr(n) || res;
      n = this.lex(this.pos + 1);
      if (n !== '-o') return res;
      this.pos += 2;
      n = this.lex(this.pos);
    }
  }

  private aexpr(n: string): boolean {
    let res = true;
    for (;;) {
      if (!this.nexpr(n)) res = false;
      n = this.lex(this.pos + 1);
      if (n !== '-a') return res;
      this.pos += 2;
      n = this.lex(this.pos);
    }
  }

  private nexpr(n: string): boolean {
    if (n !== '!') return this.primary(n);
    n = this.lex(this.pos + 1);
    if (n !== 'EOI') this.pos++;
    return !this.nexpr(n);
  }

  private primary(n: string): boolean {
    if (n === 'EOI') return false;
    if (n === '(') {
      const nn = this.lex(++this.pos);
      if (nn === ')') return false;
      const res = this.oexpr(nn);
      if (this.lex(++this.pos) !== ')') fail(undefined, 'closing paren expected');
      return res;
    }
    if (this.op !== undefined && OPS[this.op] === 'unary') {
      const op = this.op;
      const arg = this.args[++this.pos];
      if (arg === undefined) fail(op, 'argument expected');
      if (op === '-t') {
        dashNumber(arg!);
        return false;
      }
      return unaryTest(op, arg!, this.fs);
    }
    this.lex(this.pos + 1);
    if (this.op !== undefined && OPS[this.op] === 'binary') return this.binop();
    return this.args[this.pos]!.length > 0;
  }

  binop(): boolean {
    const a = this.args[this.pos]!;
    this.lex(++this.pos);
    const op = this.op!;
    const b = this.args[++this.pos];
    if (b === undefined) fail(op, 'argument expected');
    return compare(op, a, b!, dashNumber, this.fs);
  }
}

function dashTest(argv: string[], fs: FileSystem): number {
  let args = argv;
  let res = 1;
  for (;;) {
    if (args.length < 1) return res;
    let direct = false;
    if (args.length === 3 && OPS[args[1]!] === 'binary') direct = true;
    else if (args.length === 3 || args.length === 4) {
      if (args[0] === '(' && args[args.length - 1] === ')') args = args.slice(1, -1);
      else if (args[0] === '!') {
        res = 0;
        args = args.slice(1);
        continue;
      }
    }
    const t = new DashTest(args, fs);
    const n = direct ? 'OPERAND' : t.lex(0);
    if (direct) t.op = undefined;
    res ^= (direct ? t.binop() : t.oexpr(n)) ? 1 : 0;
    if (args[t.pos] !== undefined && args[t.pos + 1] !== undefined) fail(args[t.pos], 'unexpected operator');
    return res;
  }
}

// ---- busybox ----------------------------------------------------------------------

/** busybox's getn: strtoll base 10, `out of range` or `bad number`. */
function busyboxNumber(s: string): bigint {
  const m = /^\s*([+-]?\d+)/.exec(s);
  if (!m || s.slice(m[0].length).trim() !== '') fail(s, 'bad number');
  const v = BigInt(m![1]!);
  if (v > (1n << 63n) - 1n || v < -(1n << 63n)) fail(s, 'out of range');
  return v;
}

class BusyboxTest {
  /** Index of the current argument (busybox's `args` pointer). */
  i = 0;
  constructor(
    private readonly args: (string | undefined)[],
    private readonly fs: FileSystem,
  ) {}

  private kind(s: string | undefined): string {
    if (s === undefined) return 'EOI';
    return OPS[s] !== undefined || s === '==' ? s : 'OPERAND';
  }

  private type(s: string | undefined): OpType | undefined {
    return s === '==' ? 'binary' : s === undefined ? undefined : OPS[s];
  }

  oexpr(n: string): boolean {
    const res = this.aexpr(n);
    if (this.kind(this.args[++this.i]) === '-o') return this.oexpr(this.kind(this.args[++this.i])) || res;
    this.i--;
    return res;
  }

  private aexpr(n: string): boolean {
    const res = this.nexpr(n);
    if (this.kind(this.args[++this.i]) === '-a') return this.aexpr(this.kind(this.args[++this.i])) && res;
    this.i--;
    return res;
  }

  private nexpr(n: string): boolean {
    if (n === '!') {
      const next = this.kind(this.args[++this.i]);
      if (next === 'EOI') {
        this.i--;
        return true;
      }
      return !this.nexpr(next);
    }
    return this.primary(n);
  }

  private primary(n: string): boolean {
    if (n === 'EOI') fail(undefined, 'argument expected');
    if (n === '(') {
      const res = this.oexpr(this.kind(this.args[++this.i]));
      if (this.kind(this.args[++this.i]) !== ')') fail(undefined, 'closing paren expected');
      return res;
    }
    const first = this.args[this.i];
    const firstType = this.type(n === 'OPERAND' ? undefined : first);
    const next = this.args[this.i + 1];
    if (next !== undefined && this.args[this.i + 2] !== undefined && this.type(next) === 'binary') return this.binop();
    if (firstType === 'unary') {
      if (next === undefined) return first !== '';
      const arg = this.args[++this.i]!;
      if (first === '-t') {
        busyboxNumber(arg);
        return false;
      }
      return unaryTest(first!, arg, this.fs);
    }
    if (this.type(next) === 'binary') return this.binop();
    return first !== '';
  }

  binop(): boolean {
    const a = this.args[this.i]!;
    const op = this.args[++this.i]!;
    const b = this.args[++this.i];
    if (b === undefined) fail(op, 'argument expected');
    return compare(op, a, b!, busyboxNumber, this.fs);
  }
}

function busyboxTest(argv: string[], fs: FileSystem): number {
  let args: (string | undefined)[] = [...argv];
  let negate = 0;
  let start = 0;
  for (;;) {
    const a = args.slice(start);
    if (a[0] === undefined) return 1 ^ negate;
    if (a[1] === undefined) return (a[0] === '' ? 1 : 0) ^ negate;
    if (a[2] !== undefined) {
      if (a[3] === undefined) {
        if (OPS[a[1]] === 'binary' || a[1] === '==') {
          const t = new BusyboxTest(a, fs);
          return (t.binop() ? 0 : 1) ^ negate;
        }
      } else if (a[4] === undefined && a[0] === '(' && a[3] === ')') {
        args = [...args.slice(0, start + 3)];
        start++;
      }
    }
    if (args[start] === '!') {
      start++;
      negate ^= 1;
      continue;
    }
    break;
  }
  // The general parser starts over from the first argument (busybox keeps its own pointer).
  const t = new BusyboxTest(args, fs);
  const res = t.oexpr(args[0] === undefined ? 'EOI' : OPS[args[0]] !== undefined || args[0] === '==' ? args[0] : 'OPERAND') ? 0 : 1;
  if (args[t.i] !== undefined && args[t.i + 1] !== undefined) fail(undefined, `${args[t.i + 1]}: unknown operand`);
  return res;
}

/** Runs `test ARGS` or `[ ARGS ]` (args without the command name). */
export function runTest(name: 'test' | '[', args: string[], dialect: Dialect, fs: FileSystem): TestResult {
  let a = args;
  if (name === '[') {
    if (a[a.length - 1] !== ']') return { status: 2, error: 'missing ]' };
    a = a.slice(0, -1);
  }
  try {
    return { status: dialect === 'dash' ? dashTest(a, fs) : busyboxTest(a, fs) };
  } catch (e) {
    if (e instanceof TestError) return { status: 2, error: e.message };
    throw e;
  }
}
