/**
 * `$((...))`: 64-bit integer arithmetic as each shell does it. dash (arith_yacc.c)
 * has C's operators without `++`/`--`/`**`/`,`, evaluates lazily (`0 && 1/0`
 * is 0), takes a variable's value as a number (else `Illegal number`) and words
 * its errors `arithmetic expression: expecting primary: "1+"`. busybox ash
 * (math.c) adds `++`, `--`, `**`, `,` and `base#n`, evaluates every operand
 * (`1 || 1/0` divides), evaluates a variable's value as an expression, and
 * says `arithmetic syntax error`, `divide by zero`.
 */
import type { Dialect } from './ast.ts';

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

/** The value, or the error as the shell prints it after `sh: ` (and dash's line number). */
export type ArithResult = { value: bigint } | { error: string };

const int64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const MAX = (1n << 63n) - 1n;

class ArithError extends Error {}

type Tok = { t: 'num'; v: bigint } | { t: 'var'; name: string } | { t: 'op'; op: string } | { t: 'end' } | { t: 'bad' };

const DASH_OPS = ['<<=', '>>=', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '+', '-', '*', '/', '%', '<', '>', '=', '!', '~', '&', '^', '|', '(', ')', '?', ':'];
const ASH_OPS = ['<<=', '>>=', '**', '++', '--', ...DASH_OPS, ','];

/** strtoimax(s, 0) on a literal: hex, octal or decimal, the text it used. */
function cNumber(s: string): { value: bigint; length: number } {
  const hex = /^0[xX]([0-9a-fA-F]+)/.exec(s);
  if (hex) return { value: BigInt(`0x${hex[1]}`), length: hex[0].length };
  const oct = /^0([0-7]*)/.exec(s);
  if (oct) return { value: oct[1] === '' ? 0n : BigInt(`0o${oct[1]}`), length: oct[0].length };
  const dec = /^[0-9]+/.exec(s)!;
  return { value: BigInt(dec[0]), length: dec[0].length };
}

function tokenize(expr: string, ops: string[], number: (rest: string) => { value: bigint; length: number } | undefined): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      i++;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const n = number(expr.slice(i));
      if (!n) {
        toks.push({ t: 'bad' });
        break;
      }
      toks.push({ t: 'num', v: n.value });
      i += n.length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expr.slice(i));
    if (name) {
      toks.push({ t: 'var', name: name[0] });
      i += name[0].length;
      continue;
    }
    const op = ops.find((o) => expr.startsWith(o, i));
    if (!op) {
      toks.push({ t: 'bad' });
      break;
    }
    toks.push({ t: 'op', op });
    i += op.length;
  }
  toks.push({ t: 'end' });
  return toks;
}

function binary(op: string, a: bigint, b: bigint, divideByZero: () => never): bigint {
  switch (op) {
    case '*':
      return int64(a * b);
    case '/':
    case '%':
      if (b === 0n) divideByZero();
      if (a === -(MAX + 1n) && b === -1n) return op === '/' ? a : 0n;
      return op === '/' ? a / b : a % b;
    case '+':
      return int64(a + b);
    case '-':
      return int64(a - b);
    case '<<':
      return int64(a << (b & 63n));
    case '>>':
      return a >> (b & 63n);
    case '<':
      return a < b ? 1n : 0n;
    case '<=':
      return a <= b ? 1n : 0n;
    case '>':
      return a > b ? 1n : 0n;
    case '>=':
      return a >= b ? 1n : 0n;
    case '==':
      return a === b ? 1n : 0n;
    case '!=':
      return a !== b ? 1n : 0n;
    case '&':
      return a & b;
    case '^':
      return a ^ b;
    case '|':
      return a | b;
    default:
      throw new ArithError('syntax');
  }
}

/** Binary operators by precedence, loosest first (C's table, as both shells use it). */
const LEVELS = [['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];
const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);

// ---- dash ---------------------------------------------------------------------

/** A variable's value as dash reads it (atomax, base 0): blank is 0, anything else must be a number. */
function dashValue(value: string | undefined): bigint {
  const s = value ?? '';
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)?/.exec(s)!;
  if (m[2] === undefined) {
    if (s.trim() === '' && m[1] === '') return 0n;
    throw new ArithError(`Illegal number: ${s}`);
  }
  if (s.slice(m[0].length).trim() !== '') throw new ArithError(`Illegal number: ${s}`);
  const v = cNumber(m[2]).value;
  if (v > MAX + (m[1] === '-' ? 1n : 0n)) throw new ArithError(`Illegal number: ${s}`);
  return int64(m[1] === '-' ? -v : v);
}

class DashArith {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly vars: ArithVars,
    private readonly expr: string,
  ) {}

  private error(msg: string): never {
    throw new ArithError(`arithmetic expression: ${msg}: "${this.expr}"`);
  }

  private peek(): Tok {
    return this.toks[this.i]!;
  }

  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t.t === 'op' && ops.includes(t.op);
  }

  run(): bigint {
    const v = this.assignment(false);
    if (this.peek().t !== 'end') this.error('expecting EOF');
    return v;
  }

  private assignment(noeval: boolean): bigint {
    const t = this.peek();
    const next = this.toks[this.i + 1]!;
    if (t.t === 'var' && next.t === 'op' && ASSIGN.has(next.op)) {
      this.i += 2;
      const rhs = this.assignment(noeval);
      if (noeval) return rhs;
      const value = next.op === '=' ? rhs : binary(next.op.slice(0, -1), dashValue(this.vars.get(t.name)), rhs, () => this.error('division by zero'));
      this.vars.set(t.name, String(value));
      return value;
    }
    return this.cond(noeval);
  }

  private cond(noeval: boolean): bigint {
    const a = this.or(noeval);
    if (!this.isOp('?')) return a;
    this.i++;
    const b = this.assignment(noeval || a === 0n);
    if (!this.isOp(':')) this.error("expecting ':'");
    this.i++;
    const c = this.cond(noeval || a !== 0n);
    return a !== 0n ? b : c;
  }

  private or(noeval: boolean): bigint {
    const a = this.and(noeval);
    if (!this.isOp('||')) return a;
    this.i++;
    const b = this.or(noeval || a !== 0n);
    return a !== 0n || b !== 0n ? 1n : 0n;
  }

  private and(noeval: boolean): bigint {
    const a = this.level(0, noeval);
    if (!this.isOp('&&')) return a;
    this.i++;
    const b = this.and(noeval || a === 0n);
    return a !== 0n && b !== 0n ? 1n : 0n;
  }

  private level(n: number, noeval: boolean): bigint {
    if (n === LEVELS.length) return this.primary(noeval);
    let a = this.level(n + 1, noeval);
    while (this.isOp(...LEVELS[n]!)) {
      const op = (this.peek() as { op: string }).op;
      this.i++;
      const b = this.level(n + 1, noeval);
      a = noeval ? b : binary(op, a, b, () => this.error('division by zero'));
    }
    return a;
  }

  private primary(noeval: boolean): bigint {
    const t = this.peek();
    this.i++;
    if (t.t === 'num') return int64(t.v > MAX ? MAX : t.v);
    if (t.t === 'var') return noeval ? 0n : dashValue(this.vars.get(t.name));
    if (t.t === 'op') {
      switch (t.op) {
        case '(': {
          const v = this.assignment(noeval);
          if (!this.isOp(')')) this.error("expecting ')'");
          this.i++;
          return v;
        }
        case '+':
          return this.primary(noeval);
        case '-':
          return int64(-this.primary(noeval));
        case '!':
          return this.primary(noeval) === 0n ? 1n : 0n;
        case '~':
          return ~this.primary(noeval);
      }
    }
    this.i--;
    return this.error('expecting primary');
  }
}

// ---- busybox ash ----------------------------------------------------------------

class AshArith {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly vars: ArithVars,
    private readonly evaluating: Set<string>,
  ) {}

  private syntax(): never {
    throw new ArithError('arithmetic syntax error');
  }

  private peek(): Tok {
    return this.toks[this.i]!;
  }

  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t.t === 'op' && ops.includes(t.op);
  }

  run(): bigint {
    if (this.peek().t === 'end') return 0n;
    const v = this.comma();
    if (this.peek().t !== 'end') {
      if (this.isOp(':')) throw new ArithError('malformed ?: operator');
      this.syntax();
    }
    return v;
  }

  private value(name: string): bigint {
    const text = this.vars.get(name);
    if (text === undefined || text.trim() === '') return 0n;
    if (this.evaluating.has(name)) throw new ArithError('expression recursion loop detected');
    this.evaluating.add(name);
    try {
      return new AshArith(tokenize(text, ASH_OPS, ashNumber), this.vars, this.evaluating).run();
    } finally {
      this.evaluating.delete(name);
    }
  }

  private comma(): bigint {
    let v = this.assignment();
    while (this.isOp(',')) {
      this.i++;
      v = this.assignment();
    }
    return v;
  }

  private assignment(): bigint {
    const t = this.peek();
    const next = this.toks[this.i + 1]!;
    if (t.t === 'var' && next.t === 'op' && ASSIGN.has(next.op)) {
      this.i += 2;
      const rhs = this.assignment();
      const value = next.op === '=' ? rhs : binary(next.op.slice(0, -1), this.value(t.name), rhs, () => this.divideByZero());
      this.vars.set(t.name, String(value));
      return value;
    }
    return this.cond();
  }

  private divideByZero(): never {
    throw new ArithError('divide by zero');
  }

  private cond(): bigint {
    const a = this.or();
    if (!this.isOp('?')) return a;
    this.i++;
    const b = this.assignment();
    if (!this.isOp(':')) throw new ArithError('malformed ?: operator');
    this.i++;
    const c = this.cond();
    return a !== 0n ? b : c;
  }

  private or(): bigint {
    let a = this.and();
    while (this.isOp('||')) {
      this.i++;
      const b = this.and();
      a = a !== 0n || b !== 0n ? 1n : 0n;
    }
    return a;
  }

  private and(): bigint {
    let a = this.level(0);
    while (this.isOp('&&')) {
      this.i++;
      const b = this.level(0);
      a = a !== 0n && b !== 0n ? 1n : 0n;
    }
    return a;
  }

  private level(n: number): bigint {
    if (n === LEVELS.length) return this.power();
    let a = this.level(n + 1);
    while (this.isOp(...LEVELS[n]!)) {
      const op = (this.peek() as { op: string }).op;
      this.i++;
      const b = this.level(n + 1);
      a = binary(op, a, b, () => this.divideByZero());
    }
    return a;
  }

  private power(): bigint {
    const base = this.unary();
    if (!this.isOp('**')) return base;
    this.i++;
    const exp = this.power();
    if (exp < 0n) throw new ArithError('exponent less than 0');
    let r = 1n;
    for (let k = 0n; k < exp && k < 64n; k++) r = int64(r * base);
    return exp >= 64n && base !== 1n && base !== 0n && base !== -1n ? 0n : r;
  }

  private unary(): bigint {
    const t = this.peek();
    if (t.t === 'op') {
      if ((t.op === '++' || t.op === '--') && this.toks[this.i + 1]!.t === 'var') {
        const name = (this.toks[this.i + 1] as { name: string }).name;
        this.i += 2;
        const v = int64(this.value(name) + (t.op === '++' ? 1n : -1n));
        this.vars.set(name, String(v));
        return v;
      }
      if (t.op === '++' || t.op === '--') {
        this.i++;
        const v = this.unary();
        return v;
      }
      this.i++;
      switch (t.op) {
        case '+':
          return this.unary();
        case '-':
          return int64(-this.unary());
        case '!':
          return this.unary() === 0n ? 1n : 0n;
        case '~':
          return ~this.unary();
        case '(': {
          const v = this.comma();
          if (!this.isOp(')')) this.syntax();
          this.i++;
          return v;
        }
      }
      this.syntax();
    }
    this.i++;
    if (t.t === 'num') {
      if (this.isOp('++', '--')) this.syntax();
      return t.v;
    }
    if (t.t === 'var') {
      if (this.isOp('++', '--')) {
        const op = (this.peek() as { op: string }).op;
        this.i++;
        const v = this.value(t.name);
        this.vars.set(t.name, String(int64(v + (op === '++' ? 1n : -1n))));
        return v;
      }
      return this.value(t.name);
    }
    return this.syntax();
  }
}

/** busybox's literals: decimal, 0x hex, 0 octal, base#digits; a literal running into a letter or digit is an error. */
function ashNumber(s: string): { value: bigint; length: number } | undefined {
  const based = /^([0-9]+)#([0-9a-zA-Z@_]+)/.exec(s);
  if (based) {
    const base = Number(based[1]);
    if (base < 2 || base > 64) return undefined;
    let v = 0n;
    for (const ch of based[2]!) {
      const d = /[0-9]/.test(ch) ? ch.charCodeAt(0) - 48 : /[a-z]/.test(ch) ? ch.charCodeAt(0) - 87 : /[A-Z]/.test(ch) ? ch.charCodeAt(0) - (base <= 36 ? 55 : 29) : ch === '@' ? 62 : 63;
      if (d >= base) return undefined;
      v = int64(v * BigInt(base) + BigInt(d));
    }
    return { value: v, length: based[0].length };
  }
  const n = cNumber(s);
  if (/[0-9A-Za-z_]/.test(s[n.length] ?? '')) return undefined;
  return { value: int64(n.value), length: n.length };
}

export function evaluateArith(expr: string, dialect: Dialect, vars: ArithVars): ArithResult {
  try {
    if (dialect === 'dash') {
      const toks = tokenize(expr, DASH_OPS, (rest) => cNumber(rest));
      return { value: new DashArith(toks, vars, expr).run() };
    }
    const toks = tokenize(expr, ASH_OPS, ashNumber);
    if (toks.some((t) => t.t === 'bad')) return { error: 'arithmetic syntax error' };
    return { value: new AshArith(toks, vars, new Set()).run() };
  } catch (e) {
    if (e instanceof ArithError) return { error: e.message === 'syntax' ? 'arithmetic syntax error' : e.message };
    throw e;
  }
}
