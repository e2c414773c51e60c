/**
 * Runs a parsed awk program over its input records: BEGIN, each record
 * against the rules (patterns, ranges), END; fields split by FS (a blank runs
 * of blanks, one other character literally, longer strings as regular
 * expressions) and rebuilt with OFS; numbers, strings and numeric strings
 * compared as POSIX says; the builtins; print and printf to standard output
 * or to files. Where mawk (Debian's awk) and busybox awk differ it follows
 * the dialect: number output, division by zero, and busybox's build without
 * its math library (`^`, sqrt, exp... stop with "Math support is not
 * compiled in").
 */
import { formatFloat, formatInt, formatString, parseFormat } from '../format.ts';
import type { FileSystem } from '../fs.ts';
import { posixSource } from '../regex.ts';
import { isRegexError } from '../regex.ts';
import type { Expr, Func, Program, Stmt } from './parse.ts';

export type Dialect = 'mawk' | 'busybox';

/** A value: a number, a string, or a string from input that looks numeric (strnum). */
type Value = { n: number; s?: undefined; strnum?: undefined } | { s: string; n?: undefined; strnum?: boolean };

export class AwkRuntimeError extends Error {}
class NextSignal {}
class NextFileSignal {}
class ExitSignal {
  constructor(readonly status: number) {}
}
class ReturnSignal {
  constructor(readonly value: Value) {}
}
class BreakSignal {}
class ContinueSignal {}

const NUMERIC = /^[ \t\n]*[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)[ \t\n]*$/;

const num = (n: number): Value => ({ n });
const str = (s: string): Value => ({ s });
const strnum = (s: string): Value => ({ s, strnum: NUMERIC.test(s) });

export interface AwkIo {
  stdin: string;
  fs: FileSystem;
  /** Text written to a file by `print > FILE` is kept and written at the end (and on close). */
  env: Record<string, string>;
}

export class Interpreter {
  private readonly globals = new Map<string, Value>();
  private readonly arrays = new Map<string, Map<string, Value>>();
  private locals: { vars: Map<string, Value>; arrays: Map<string, Map<string, Value>> }[] = [];
  private fields: string[] = [''];
  private record = '';
  private nf = 0;
  private fieldsValid = true;
  private recordValid = true;
  private readonly regexCache = new Map<string, RegExp>();
  private rangeActive = new Map<number, boolean>();
  out = '';
  err = '';
  private readonly files = new Map<string, string>();
  private readonly readers = new Map<string, { lines: string[]; at: number }>();
  /** The main input: files (or stdin) and where we are in them. */
  private inputs: { name: string; text: string | undefined }[] = [];
  private inputAt = -1;
  private current: { lines: string[]; at: number } | undefined;
  private randSeed = 0;
  private randState = 0;

  constructor(
    private readonly program: Program,
    private readonly dialect: Dialect,
    private readonly io: AwkIo,
  ) {
    for (const [k, v] of Object.entries({ FS: ' ', OFS: ' ', ORS: '\n', RS: '\n', SUBSEP: '\x1c', CONVFMT: '%.6g', OFMT: '%.6g', FILENAME: '' })) this.globals.set(k, str(v));
    for (const k of ['NR', 'NF', 'FNR', 'RSTART', 'RLENGTH']) this.globals.set(k, num(k === 'RLENGTH' ? -1 : 0));
    this.arrays.set('ENVIRON', new Map(Object.entries(io.env).map(([k, v]) => [k, strnum(v)])));
  }

  // ---- values ------------------------------------------------------------------------

  toNum(v: Value): number {
    if (v.n !== undefined) return v.n;
    const m = /^[ \t\n]*([-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?))/.exec(v.s);
    return m ? Number(m[1]) : 0;
  }

  /** A number as text: integers as integers, others by CONVFMT (or OFMT for output). */
  numText(n: number, fmt: string): string {
    if (Number.isInteger(n)) {
      const limit = this.dialect === 'mawk' ? 2 ** 31 : 2 ** 63;
      if (Math.abs(n) < limit) return Object.is(n, -0) ? '0' : BigInt(n).toString();
    }
    if (Number.isNaN(n)) return this.dialect === 'mawk' ? 'nan' : 'nan';
    if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
    return this.sprintf(fmt, [num(n)]);
  }

  toStr(v: Value, fmt?: string): string {
    return v.s !== undefined ? v.s : this.numText(v.n, fmt ?? this.getStr('CONVFMT'));
  }

  private truthy(v: Value): boolean {
    if (v.n !== undefined) return v.n !== 0;
    if (v.strnum) return this.toNum(v) !== 0;
    return v.s !== '';
  }

  private getStr(name: string): string {
    return this.toStr(this.globals.get(name) ?? str(''));
  }

  private compare(a: Value, b: Value): number {
    const numeric = (v: Value) => v.n !== undefined || v.strnum === true;
    if (numeric(a) && numeric(b)) {
      const x = this.toNum(a);
      const y = this.toNum(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    const x = this.toStr(a);
    const y = this.toStr(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  regex(source: string): RegExp {
    let re = this.regexCache.get(source);
    if (!re) {
      const js = posixSource(source, true);
      if (isRegexError(js)) throw new AwkRuntimeError(`regular expression compile failed (${js})\n${source}`);
      try {
        re = new RegExp(js);
      } catch {
        throw new AwkRuntimeError(`regular expression compile failed (bad)\n${source}`);
      }
      this.regexCache.set(source, re);
    }
    return re;
  }

  /** An expression used as a regex: a /re/ literal, or any value's string. */
  private regexOf(e: Expr): RegExp {
    return e.k === 're' ? this.regex(e.source) : this.regex(this.toStr(this.eval(e)));
  }

  private noMath(): never {
    throw new AwkRuntimeError('Math support is not compiled in');
  }

  // ---- records and fields ------------------------------------------------------------

  setRecord(text: string): void {
    this.record = text;
    this.recordValid = true;
    this.fieldsValid = false;
  }

  private split(text: string, fs: string): string[] {
    if (text === '') return [];
    if (fs === ' ') return text.split(/[ \t\n]+/).filter((f, i, all) => f !== '' || (i > 0 && i < all.length - 1));
    if (fs.length === 1 && fs !== '\\') {
      if (fs === '\t' || !/[.[\]()*+?^$|{}]/.test(fs)) return text.split(fs);
      return text.split(fs);
    }
    return text.split(new RegExp(this.regex(fs).source, 'g'));
  }

  private ensureFields(): void {
    if (this.fieldsValid) return;
    const parts = this.split(this.record, this.getStr('FS')).filter((f, i, all) => !(this.getStr('FS') === ' ' && f === '' && (i === 0 || i === all.length - 1)));
    this.fields = [this.record, ...parts];
    this.nf = parts.length;
    this.globals.set('NF', num(this.nf));
    this.fieldsValid = true;
  }

  private ensureRecord(): void {
    if (this.recordValid) return;
    this.record = this.fields.slice(1, this.nf + 1).join(this.getStr('OFS'));
    this.fields[0] = this.record;
    this.recordValid = true;
  }

  private getField(i: number): Value {
    if (i < 0) throw new AwkRuntimeError(`trying to access out of range field ${i}`);
    if (i === 0) {
      this.ensureRecord();
      return strnum(this.record);
    }
    this.ensureFields();
    return i <= this.nf ? strnum(this.fields[i] ?? '') : str('');
  }

  private setField(i: number, v: string): void {
    if (i < 0) throw new AwkRuntimeError(`trying to access out of range field ${i}`);
    if (i === 0) {
      this.setRecord(v);
      return;
    }
    this.ensureFields();
    this.ensureRecord();
    while (this.nf < i) this.fields[++this.nf] = '';
    this.fields[i] = v;
    this.globals.set('NF', num(this.nf));
    this.recordValid = false;
  }

  private setNF(n: number): void {
    this.ensureFields();
    this.ensureRecord();
    const want = Math.max(0, Math.trunc(n));
    while (this.nf < want) this.fields[++this.nf] = '';
    this.nf = want;
    this.fields.length = want + 1;
    this.recordValid = false;
  }

  // ---- variables ---------------------------------------------------------------------

  private scope(): { vars: Map<string, Value>; arrays: Map<string, Map<string, Value>> } | undefined {
    return this.locals[this.locals.length - 1];
  }

  private getVar(name: string): Value {
    const local = this.scope();
    if (local?.vars.has(name)) return local.vars.get(name)!;
    if (name === 'NF') {
      this.ensureFields();
      return num(this.nf);
    }
    return this.globals.get(name) ?? str('');
  }

  setVar(name: string, v: Value): void {
    const local = this.scope();
    if (local?.vars.has(name)) {
      local.vars.set(name, v);
      return;
    }
    if (name === 'NF') {
      this.setNF(this.toNum(v));
      this.globals.set('NF', num(this.nf));
      return;
    }
    this.globals.set(name, v);
    if (name === 'FS' && !this.fieldsValid) return;
  }

  setArrayFromArgs(name: string, values: string[]): void {
    this.arrays.set(name, new Map(values.map((v, i) => [String(i), strnum(v)])));
  }

  private array(name: string): Map<string, Value> {
    const local = this.scope();
    if (local?.arrays.has(name)) return local.arrays.get(name)!;
    if (local?.vars.has(name)) {
      // An untyped local used as an array becomes one.
      const a = new Map<string, Value>();
      local.vars.delete(name);
      local.arrays.set(name, a);
      return a;
    }
    let a = this.arrays.get(name);
    if (!a) this.arrays.set(name, (a = new Map()));
    return a;
  }

  private key(subs: Expr[]): string {
    return subs.map((s) => this.toStr(this.eval(s))).join(this.getStr('SUBSEP'));
  }

  private assign(target: Expr, v: Value): Value {
    if (target.k === 'var') this.setVar(target.name, v);
    else if (target.k === 'field') this.setField(Math.trunc(this.toNum(this.eval(target.index))), this.toStr(v));
    else if (target.k === 'index') this.array(target.name).set(this.key(target.subs), v);
    return v;
  }

  // ---- expressions -------------------------------------------------------------------

  eval(e: Expr): Value {
    switch (e.k) {
      case 'num':
        return num(e.v);
      case 'str':
        return str(e.v);
      case 're':
        this.ensureRecord();
        return num(this.regex(e.source).test(this.record) ? 1 : 0);
      case 'group':
        return this.eval(e.expr);
      case 'var':
        return this.getVar(e.name);
      case 'field':
        return this.getField(Math.trunc(this.toNum(this.eval(e.index))));
      case 'index': {
        const a = this.array(e.name);
        const k = this.key(e.subs);
        if (!a.has(k)) a.set(k, str(''));
        return a.get(k)!;
      }
      case 'assign': {
        if (e.op === '=') {
          const v = this.eval(e.value);
          return this.assign(e.target, v.n !== undefined ? v : { ...v });
        }
        const right = this.toNum(this.eval(e.value));
        const left = this.toNum(this.eval(e.target));
        return this.assign(e.target, num(this.arith(e.op.slice(0, -1), left, right)));
      }
      case 'cond':
        return this.truthy(this.eval(e.test)) ? this.eval(e.yes) : this.eval(e.no);
      case 'and':
        return num(this.truthy(this.eval(e.left)) && this.truthy(this.eval(e.right)) ? 1 : 0);
      case 'or':
        return num(this.truthy(this.eval(e.left)) || this.truthy(this.eval(e.right)) ? 1 : 0);
      case 'not':
        return num(this.truthy(this.eval(e.operand)) ? 0 : 1);
      case 'neg':
        return num(-this.toNum(this.eval(e.operand)));
      case 'plus':
        return num(this.toNum(this.eval(e.operand)));
      case 'match': {
        const s = this.toStr(this.eval(e.left));
        const hit = this.regexOf(e.re).test(s);
        return num(hit !== e.negate ? 1 : 0);
      }
      case 'in':
        return num(this.array(e.name).has(this.key(e.subs)) ? 1 : 0);
      case 'concat':
        return str(this.toStr(this.eval(e.left)) + this.toStr(this.eval(e.right)));
      case 'bin': {
        if (['<', '<=', '>', '>=', '==', '!='].includes(e.op)) {
          const c = this.compare(this.eval(e.left), this.eval(e.right));
          const r = e.op === '<' ? c < 0 : e.op === '<=' ? c <= 0 : e.op === '>' ? c > 0 : e.op === '>=' ? c >= 0 : e.op === '==' ? c === 0 : c !== 0;
          return num(r ? 1 : 0);
        }
        const l = this.toNum(this.eval(e.left));
        const r = this.toNum(this.eval(e.right));
        return num(this.arith(e.op, l, r));
      }
      case 'incdec': {
        const old = this.toNum(this.eval(e.target));
        const next = e.op === '++' ? old + 1 : old - 1;
        this.assign(e.target, num(next));
        return num(e.prefix ? next : old);
      }
      case 'call':
        return this.call(e.name, e.args);
      case 'builtin':
        return this.builtin(e.name, e.args);
      case 'getline':
        return this.getline(e);
    }
  }

  private arith(op: string, l: number, r: number): number {
    switch (op) {
      case '+':
        return l + r;
      case '-':
        return l - r;
      case '*':
        return l * r;
      case '/':
        // mawk divides as C does (inf, nan); busybox stops.
        if (r === 0 && this.dialect === 'busybox') throw new AwkRuntimeError('Division by zero');
        return l / r;
      case '%':
        if (r === 0 && this.dialect === 'busybox') throw new AwkRuntimeError('Division by zero');
        return l % r;
      case '^':
        if (this.dialect === 'busybox') this.noMath();
        return l ** r;
      default:
        return 0;
    }
  }

  private call(name: string, args: Expr[]): Value {
    const f: Func | undefined = this.program.funcs.get(name);
    if (!f) throw new AwkRuntimeError(`function ${name} never defined`);
    const frame = { vars: new Map<string, Value>(), arrays: new Map<string, Map<string, Value>>() };
    f.params.forEach((p, i) => {
      const a = args[i];
      if (a === undefined) frame.vars.set(p, str(''));
      else if (a.k === 'var' && (this.arrays.has(a.name) || this.scope()?.arrays.has(a.name))) frame.arrays.set(p, this.array(a.name));
      else frame.vars.set(p, this.eval(a));
    });
    if (this.locals.length > 200) throw new AwkRuntimeError('function call nesting too deep');
    this.locals.push(frame);
    try {
      this.block(f.body);
      return str('');
    } catch (s) {
      if (s instanceof ReturnSignal) return s.value;
      throw s;
    } finally {
      this.locals.pop();
    }
  }

  /** C's sprintf over awk values; `who` names the caller in mawk's error (printf or sprintf). */
  sprintf(format: string, values: Value[], who = 'sprintf'): string {
    let out = '';
    let next = 0;
    for (const piece of parseFormat(format)) {
      if ('text' in piece) {
        out += piece.text;
        continue;
      }
      const spec = { ...piece.spec };
      const take = (): Value => {
        if (next >= values.length) {
          if (this.dialect === 'mawk') throw Object.assign(new AwkRuntimeError(`not enough arguments passed to ${who}("${format}")`), { partial: out });
          return str('');
        }
        return values[next++]!;
      };
      if (piece.widthArg) spec.width = this.toNum(take());
      if (piece.precisionArg) spec.precision = this.toNum(take());
      switch (spec.conv) {
        case 'd':
        case 'i':
        case 'o':
        case 'u':
        case 'x':
        case 'X':
          out += formatInt(this.toNum(take()), spec);
          break;
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
          out += formatFloat(this.toNum(take()), spec);
          break;
        case 'c': {
          const v = take();
          const c = v.n !== undefined ? String.fromCharCode(v.n) : v.s.slice(0, 1);
          out += formatString(c, { ...spec, precision: undefined });
          break;
        }
        case 's':
          out += formatString(this.toStr(take()), spec);
          break;
        default:
          out += piece.raw;
      }
    }
    return out;
  }

  private builtin(name: string, args: Expr[]): Value {
    const a = (i: number) => this.eval(args[i]!);
    const s = (i: number) => this.toStr(a(i));
    const n = (i: number) => this.toNum(a(i));
    switch (name) {
      case 'length': {
        if (args.length === 0) {
          this.ensureRecord();
          return num([...this.record].length);
        }
        const arg = args[0]!;
        if (arg.k === 'var' && (this.arrays.has(arg.name) || this.scope()?.arrays.has(arg.name))) return num(this.array(arg.name).size);
        return num([...s(0)].length);
      }
      case 'substr': {
        const text = [...s(0)];
        const m = n(1);
        const start = Math.round(m);
        const count = args.length > 2 ? Math.round(n(2)) : Infinity;
        let from = start;
        // busybox keeps the length when the start is before the string; POSIX (mawk) counts from the start.
        let to = count === Infinity ? text.length + 1 : this.dialect === 'busybox' && start < 1 ? 1 + count : start + count;
        if (from < 1) from = 1;
        if (to > text.length + 1) to = text.length + 1;
        return str(to > from ? text.slice(from - 1, to - 1).join('') : '');
      }
      case 'index': {
        const at = s(0).indexOf(s(1));
        return num(at + 1);
      }
      case 'split': {
        const text = s(0);
        const target = args[1]!;
        if (target.k !== 'var') throw new AwkRuntimeError('split: second argument is not an array');
        const fs = args.length > 2 ? (args[2]!.k === 're' ? (args[2] as { source: string }).source : s(2)) : this.getStr('FS');
        const parts = this.split(text, fs).filter((f, i, all) => !(fs === ' ' && f === '' && (i === 0 || i === all.length - 1)));
        const arr = this.array(target.name);
        arr.clear();
        parts.forEach((p, i) => arr.set(String(i + 1), strnum(p)));
        return num(parts.length);
      }
      case 'sub':
      case 'gsub': {
        const re = this.regexOf(args[0]!);
        const repl = s(1);
        const target: Expr = args[2] ?? { k: 'field', index: { k: 'num', v: 0 } };
        const text = this.toStr(this.eval(target));
        let count = 0;
        const g = new RegExp(re.source, name === 'gsub' ? 'g' : '');
        const replaced = text.replace(g, (m) => {
          count++;
          let r = '';
          for (let i = 0; i < repl.length; i++) {
            if (repl[i] === '\\' && (repl[i + 1] === '&' || repl[i + 1] === '\\')) r += repl[++i]!;
            else r += repl[i] === '&' ? m : repl[i]!;
          }
          return r;
        });
        if (count > 0) this.assign(target, str(replaced));
        return num(count);
      }
      case 'match': {
        const text = s(0);
        const m = this.regexOf(args[1]!).exec(text);
        const start = m ? [...text.slice(0, m.index)].length + 1 : 0;
        this.globals.set('RSTART', num(start));
        this.globals.set('RLENGTH', num(m ? [...m[0]].length : -1));
        return num(start);
      }
      case 'sprintf':
        return str(args.length === 0 ? '' : this.sprintf(s(0), args.slice(1).map((x) => this.eval(x))));
      case 'int':
        return num(Math.trunc(n(0)));
      case 'sqrt':
      case 'exp':
      case 'log':
      case 'sin':
      case 'cos':
      case 'atan2': {
        if (this.dialect === 'busybox') this.noMath();
        const x = n(0);
        return num(name === 'sqrt' ? Math.sqrt(x) : name === 'exp' ? Math.exp(x) : name === 'log' ? Math.log(x) : name === 'sin' ? Math.sin(x) : name === 'cos' ? Math.cos(x) : Math.atan2(x, n(1)));
      }
      case 'rand': {
        // A small deterministic generator: the same program prints the same numbers.
        this.randState = (this.randState * 1103515245 + 12345) % 2147483648;
        return num(this.randState / 2147483648);
      }
      case 'srand': {
        const prev = this.randSeed;
        this.randSeed = args.length > 0 ? n(0) : 0;
        this.randState = Math.abs(Math.trunc(this.randSeed)) % 2147483648;
        return num(prev);
      }
      case 'tolower':
        return str(s(0).toLowerCase());
      case 'toupper':
        return str(s(0).toUpperCase());
      case 'close': {
        const f = s(0);
        this.readers.delete(f);
        this.flushFile(f);
        return num(0);
      }
      case 'fflush':
        return num(0);
      case 'system':
        throw new AwkRuntimeError('vethlab: awk system() is not modelled here');
      default:
        return str('');
    }
  }

  // ---- input -------------------------------------------------------------------------

  setInputs(inputs: { name: string; text: string | undefined }[]): void {
    this.inputs = inputs;
  }

  /** The next record of the main input, or undefined at its end. */
  nextRecord(): string | undefined {
    for (;;) {
      if (this.current && this.current.at < this.current.lines.length) {
        return this.current.lines[this.current.at++];
      }
      this.inputAt++;
      if (this.inputAt >= this.inputs.length) return undefined;
      const input = this.inputs[this.inputAt]!;
      if (input.text === undefined) continue;
      this.globals.set('FILENAME', str(input.name));
      this.globals.set('FNR', num(0));
      this.current = { lines: this.records(input.text), at: 0 };
    }
  }

  private records(text: string): string[] {
    const rs = this.getStr('RS');
    if (rs === '') return text.split(/\n\n+/).map((r) => r.replace(/^\n+|\n+$/g, '')).filter((r) => r !== '');
    const parts = text.split(rs.length === 1 ? rs : new RegExp(this.regex(rs).source));
    if (parts[parts.length - 1] === '') parts.pop();
    return parts;
  }

  countRecord(): void {
    this.globals.set('NR', num(this.toNum(this.getVar('NR')) + 1));
    this.globals.set('FNR', num(this.toNum(this.getVar('FNR')) + 1));
  }

  private getline(e: Extract<Expr, { k: 'getline' }>): Value {
    if (e.file) {
      const name = this.toStr(this.eval(e.file));
      let r = this.readers.get(name);
      if (!r) {
        const text = name === '-' || name === '/dev/stdin' ? this.io.stdin : this.io.fs.read(name);
        if (text === 'ENOENT' || text === 'EISDIR' || text === 'ENOTDIR' || text === 'EEXIST') return num(-1);
        this.readers.set(name, (r = { lines: this.records(text), at: 0 }));
      }
      if (r.at >= r.lines.length) return num(0);
      const line = r.lines[r.at++]!;
      if (e.target) this.assign(e.target, strnum(line));
      else {
        this.setRecord(line);
        this.globals.set('NR', num(this.toNum(this.getVar('NR')) + 0));
      }
      return num(1);
    }
    const line = this.nextRecord();
    if (line === undefined) return num(0);
    this.countRecord();
    if (e.target) this.assign(e.target, strnum(line));
    else this.setRecord(line);
    return num(1);
  }

  // ---- statements --------------------------------------------------------------------

  private write(text: string, dest: Extract<Stmt, { k: 'print' }>['dest']): void {
    if (!dest) {
      this.out += text;
      return;
    }
    const target = this.toStr(this.eval(dest.target));
    if (dest.mode === '|') throw new AwkRuntimeError(`vethlab: awk pipes to commands ("| ${target}") are not modelled here`);
    if (target === '/dev/stdout' || target === '-') {
      this.out += text;
      return;
    }
    if (target === '/dev/stderr') {
      this.err += text;
      return;
    }
    if (!this.files.has(target)) {
      this.files.set(target, '');
      if (dest.mode === '>') {
        const failed = this.io.fs.write(target, '', false);
        if (failed) throw new AwkRuntimeError(`cannot open "${target}" for output`);
      }
    }
    this.files.set(target, this.files.get(target)! + text);
  }

  private flushFile(name: string): void {
    const text = this.files.get(name);
    if (text === undefined) return;
    this.io.fs.write(name, text, true);
    this.files.set(name, '');
  }

  flushFiles(): void {
    for (const name of this.files.keys()) this.flushFile(name);
  }

  block(body: Stmt[]): void {
    for (const s of body) this.exec(s);
  }

  private steps = 0;

  /** mawk's second line under a run time error. */
  where(): string {
    return `\tFILENAME="${this.getStr('FILENAME')}" FNR=${this.getStr('FNR')} NR=${this.getStr('NR')}\n`;
  }

  exec(s: Stmt): void {
    if (++this.steps > 1_000_000) throw new AwkRuntimeError('vethlab: awk stopped after a million steps (a loop that does not end?)');
    switch (s.k) {
      case 'expr':
        this.eval(s.e);
        return;
      case 'print': {
        if (s.printf) {
          if (s.args.length === 0) throw new AwkRuntimeError('printf: no format');
          const values = s.args.map((a) => this.eval(a));
          let text: string;
          try {
            text = this.sprintf(this.toStr(values[0]!), values.slice(1), 'printf');
          } catch (e) {
            // mawk has written what it formatted before the missing argument.
            const partial = (e as { partial?: string }).partial;
            if (partial) this.write(partial, s.dest);
            throw e;
          }
          this.write(text, s.dest);
          return;
        }
        let text: string;
        if (s.args.length === 0) {
          this.ensureRecord();
          text = this.record;
        } else {
          const ofmt = this.getStr('OFMT');
          const parts: string[] = [];
          for (const a of s.args) {
            const v = this.eval(a);
            parts.push(v.n !== undefined ? this.numText(v.n, ofmt) : v.s);
            // busybox writes each item as it goes (an error mid-list leaves the first ones printed).
            if (this.dialect === 'busybox' && !s.dest) {
              this.out += parts[parts.length - 1]! + (a === s.args[s.args.length - 1] ? '' : this.getStr('OFS'));
            }
          }
          if (this.dialect === 'busybox' && !s.dest) {
            this.out += this.getStr('ORS');
            return;
          }
          text = parts.join(this.getStr('OFS'));
        }
        this.write(text + this.getStr('ORS'), s.dest);
        return;
      }
      case 'if':
        if (this.truthy(this.eval(s.test))) this.exec(s.yes);
        else if (s.no) this.exec(s.no);
        return;
      case 'while':
        while (this.truthy(this.eval(s.test))) {
          if (this.loopBody(s.body)) break;
        }
        return;
      case 'do':
        do {
          if (this.loopBody(s.body)) break;
        } while (this.truthy(this.eval(s.test)));
        return;
      case 'for':
        if (s.init) this.exec(s.init);
        while (!s.test || this.truthy(this.eval(s.test))) {
          if (this.loopBody(s.body)) break;
          if (s.step) this.exec(s.step);
        }
        return;
      case 'forin': {
        const keys = [...this.array(s.array).keys()];
        for (const k of keys) {
          this.setVar(s.v, strnum(k));
          if (this.loopBody(s.body)) break;
        }
        return;
      }
      case 'block':
        this.block(s.body);
        return;
      case 'next':
        throw new NextSignal();
      case 'nextfile':
        throw new NextFileSignal();
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      case 'exit':
        throw new ExitSignal(s.e ? Math.trunc(this.toNum(this.eval(s.e))) & 255 : 0);
      case 'return':
        throw new ReturnSignal(s.e ? this.eval(s.e) : str(''));
      case 'delete':
        if (s.subs) this.array(s.name).delete(this.key(s.subs));
        else this.array(s.name).clear();
        return;
      case 'getline':
        this.eval(s.e);
        return;
    }
  }

  /** One pass of a loop body; true when it breaks. */
  private loopBody(body: Stmt): boolean {
    try {
      this.exec(body);
    } catch (e) {
      if (e instanceof BreakSignal) return true;
      if (e instanceof ContinueSignal) return false;
      throw e;
    }
    return false;
  }

  /** Runs the whole program; the exit status. */
  run(): number {
    let status = 0;
    let exiting = false;
    const rules = this.program.rules;
    const mains = rules.filter((r) => r.kind === 'main');
    try {
      for (const r of rules) if (r.kind === 'begin') this.block(r.action!);
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      status = e.status;
      exiting = true;
    }
    const hasMainOrEnd = rules.some((r) => r.kind !== 'begin');
    if (!exiting && hasMainOrEnd) {
      try {
        for (let line = this.nextRecord(); line !== undefined; line = this.nextRecord()) {
          this.countRecord();
          this.setRecord(line);
          try {
            mains.forEach((r, i) => {
              if (!this.selects(r, i)) return;
              if (r.action) this.block(r.action);
              else this.exec({ k: 'print', args: [], printf: false });
            });
          } catch (e) {
            if (e instanceof NextSignal) continue;
            if (e instanceof NextFileSignal) {
              if (this.current) this.current.at = this.current.lines.length;
              continue;
            }
            throw e;
          }
        }
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        status = e.status;
      }
    }
    try {
      for (const r of rules) if (r.kind === 'end') this.block(r.action!);
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      status = e.status;
    }
    this.flushFiles();
    return status;
  }

  private selects(r: { pattern?: Expr; until?: Expr }, i: number): boolean {
    if (!r.pattern) return true;
    if (!r.until) return this.truthy(this.eval(r.pattern));
    if (this.rangeActive.get(i)) {
      if (this.truthy(this.eval(r.until))) this.rangeActive.set(i, false);
      return true;
    }
    if (!this.truthy(this.eval(r.pattern))) return false;
    this.rangeActive.set(i, !this.truthy(this.eval(r.until)));
    return true;
  }
}

export { ExitSignal, strnum };
