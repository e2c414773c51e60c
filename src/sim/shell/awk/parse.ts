/**
 * awk's language, read into a syntax tree: the lexer (a `/` starts a regex
 * where an operand may begin; newlines end statements except after `{`, `,`,
 * `&&`, `||`, `do`, `else` and a backslash) and a recursive-descent parser
 * with POSIX awk's precedence (assignment, ?:, ||, &&, in, ~, comparison,
 * concatenation, + -, * / %, unary, ^, ++ --, $). Inside print's list a bare
 * `>` is the redirection, as the grammar says.
 */

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; source: string }
  | { k: 'var'; name: string }
  | { k: 'field'; index: Expr }
  | { k: 'index'; name: string; subs: Expr[] }
  | { k: 'assign'; op: string; target: Expr; value: Expr }
  | { k: 'cond'; test: Expr; yes: Expr; no: Expr }
  | { k: 'bin'; op: string; left: Expr; right: Expr }
  | { k: 'and' | 'or'; left: Expr; right: Expr }
  | { k: 'match'; negate: boolean; left: Expr; re: Expr }
  | { k: 'in'; subs: Expr[]; name: string }
  | { k: 'not' | 'neg' | 'plus'; operand: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
  | { k: 'concat'; left: Expr; right: Expr }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'builtin'; name: string; args: Expr[] }
  | { k: 'getline'; target?: Expr; file?: Expr; command?: Expr }
  | { k: 'group'; expr: Expr };

export type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'print'; args: Expr[]; printf: boolean; dest?: { mode: '>' | '>>' | '|'; target: Expr } }
  | { k: 'if'; test: Expr; yes: Stmt; no?: Stmt }
  | { k: 'while'; test: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; test: Expr }
  | { k: 'for'; init?: Stmt; test?: Expr; step?: Stmt; body: Stmt }
  | { k: 'forin'; v: string; array: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' | 'nextfile' | 'break' | 'continue' }
  | { k: 'exit' | 'return'; e?: Expr }
  | { k: 'delete'; name: string; subs?: Expr[] }
  | { k: 'getline'; e: Expr };

export interface Rule {
  kind: 'begin' | 'end' | 'main';
  pattern?: Expr;
  /** A range pattern's end (`/a/,/b/`). */
  until?: Expr;
  action?: Stmt[];
}

export interface Func {
  params: string[];
  body: Stmt[];
}

export interface Program {
  rules: Rule[];
  funcs: Map<string, Func>;
}

export class AwkSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly near: string,
  ) {
    super(message);
  }
}

type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 're'; v: string } | { t: 'name' | 'func' | 'builtin' | 'kw'; v: string } | { t: 'op'; v: string } | { t: 'nl' } | { t: 'eof' };

const KEYWORDS = new Set(['BEGIN', 'END', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile', 'exit', 'return', 'delete', 'in', 'getline', 'print', 'printf']);
export const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'sin', 'cos', 'atan2', 'exp', 'log', 'sqrt', 'int', 'rand', 'srand', 'tolower', 'toupper', 'system', 'close', 'fflush']);
const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '**=', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~', '**', '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '='];

const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' };

/** A string literal's escapes (`\n`, `\t`, `\"`, `\NNN`). */
export function unescapeAwk(s: string): string {
  return s.replace(/\\([0-7]{1,3}|.)/g, (_m, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : (ESC[e] ?? `\\${e}`)));
}

function lex(src: string): { toks: Tok[]; lines: number[] } {
  const toks: Tok[] = [];
  const lines: number[] = [];
  let line = 1;
  let i = 0;
  const push = (t: Tok) => {
    toks.push(t);
    lines.push(line);
  };
  /** Whether a `/` here starts a regex: after nothing, an operator or a keyword (not after an operand). */
  const regexAllowed = () => {
    const last = toks[toks.length - 1];
    if (!last) return true;
    if (last.t === 'num' || last.t === 'str' || last.t === 're' || last.t === 'name' || last.t === 'builtin') return false;
    if (last.t === 'op') return !(last.v === ')' || last.v === ']' || last.v === '$' || last.v === '++' || last.v === '--');
    if (last.t === 'kw') return last.v !== 'getline';
    return true;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '\n') {
      push({ t: 'nl' });
      line++;
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let raw = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < src.length) {
          raw += src[j]! + src[j + 1]!;
          j += 2;
        } else {
          if (src[j] === '\n') throw new AwkSyntaxError('runaway string constant', line, raw.slice(0, 10));
          raw += src[j++]!;
        }
      }
      if (j >= src.length) throw new AwkSyntaxError('runaway string constant', line, `"${raw.slice(0, 10)}`);
      push({ t: 'str', v: unescapeAwk(raw) });
      i = j + 1;
      continue;
    }
    if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let raw = '';
      let inClass = false;
      while (j < src.length && (src[j] !== '/' || inClass)) {
        if (src[j] === '\n') throw new AwkSyntaxError('runaway regular expression', line, `/${raw.slice(0, 10)}`);
        if (src[j] === '\\' && j + 1 < src.length) {
          raw += src[j + 1] === '/' ? '/' : src[j]! + src[j + 1]!;
          j += 2;
          continue;
        }
        if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        raw += src[j++]!;
      }
      if (j >= src.length) throw new AwkSyntaxError('runaway regular expression', line, `/${raw.slice(0, 10)}`);
      push({ t: 're', v: raw });
      i = j + 1;
      continue;
    }
    const num = /^(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)/.exec(src.slice(i));
    if (num) {
      push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (word) {
      const w = word[0];
      i += w.length;
      if (KEYWORDS.has(w)) push({ t: 'kw', v: w === 'func' ? 'function' : w });
      else if (BUILTINS.has(w)) push({ t: 'builtin', v: w });
      else push({ t: src[i] === '(' ? 'func' : 'name', v: w });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkSyntaxError('syntax error', line, c);
    push({ t: 'op', v: op === '**' ? '^' : op === '**=' ? '^=' : op });
    i += op.length;
  }
  push({ t: 'eof' });
  return { toks, lines };
}

export function parseProgram(src: string): Program {
  const { toks, lines } = lex(src);
  let p = 0;
  const peek = (o = 0) => toks[p + o]!;
  const is = (t: Tok['t'], v?: string) => {
    const x = peek();
    return x.t === t && (v === undefined || ('v' in x && x.v === v));
  };
  const isOp = (v: string) => is('op', v);
  const text = (x: Tok): string => {
    if (x.t === 'eof') return 'end of file';
    if (x.t === 'nl') return 'end of line';
    if (x.t === 'str') return `"${x.v}"`;
    return String(x.v);
  };
  const fail = (): never => {
    const x = peek();
    if (x.t === 'eof') throw new AwkSyntaxError('missing } near end of file', lines[p]! + (src.endsWith('\n') ? 0 : 1), 'end of file');
    throw new AwkSyntaxError(`syntax error at or near ${text(x)}`, lines[p]!, text(x));
  };
  const expect = (v: string) => {
    if (!isOp(v)) fail();
    p++;
  };
  const skipNl = () => {
    while (is('nl')) p++;
  };
  const skipTerms = () => {
    while (is('nl') || isOp(';')) p++;
  };

  // ---- expressions -------------------------------------------------------------------
  let noIn = false;
  let noGt = false;
  const isLvalue = (e: Expr) => e.k === 'var' || e.k === 'field' || e.k === 'index';

  const expr = (): Expr => ternary();
  const ternary = (): Expr => {
    const test = or();
    if (isOp('?')) {
      p++;
      skipNl();
      const yes = ternary();
      skipNl();
      expect(':');
      skipNl();
      const no = ternary();
      return { k: 'cond', test, yes, no };
    }
    const a = peek();
    if (a.t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(a.v) && isLvalue(test)) {
      p++;
      skipNl();
      return { k: 'assign', op: a.v, target: test, value: ternary() };
    }
    return test;
  };
  const or = (): Expr => {
    let l = and();
    while (isOp('||')) {
      p++;
      skipNl();
      l = { k: 'or', left: l, right: and() };
    }
    return l;
  };
  const and = (): Expr => {
    let l = inExpr();
    while (isOp('&&')) {
      p++;
      skipNl();
      l = { k: 'and', left: l, right: inExpr() };
    }
    return l;
  };
  const inExpr = (): Expr => {
    let l = matchExpr();
    while (!noIn && is('kw', 'in')) {
      p++;
      const name = peek();
      if (name.t !== 'name') fail();
      p++;
      l = { k: 'in', subs: [l], name: (name as { v: string }).v };
    }
    return l;
  };
  const matchExpr = (): Expr => {
    let l = compare();
    while (isOp('~') || isOp('!~')) {
      const negate = peek().t === 'op' && (peek() as { v: string }).v === '!~';
      p++;
      l = { k: 'match', negate, left: l, re: compare() };
    }
    return l;
  };
  const compare = (): Expr => {
    const l = concat();
    const x = peek();
    if (x.t === 'op' && ['<', '<=', '!=', '==', '>=', '>'].includes(x.v) && !(x.v === '>' && noGt)) {
      p++;
      return { k: 'bin', op: x.v, left: l, right: concat() };
    }
    return l;
  };
  const concat = (): Expr => {
    let l = additive();
    for (;;) {
      // Juxtaposition concatenates when the next token can only begin an operand (- and + are binary here).
      const x = peek();
      const begins = x.t === 'num' || x.t === 'str' || x.t === 're' || x.t === 'name' || x.t === 'func' || x.t === 'builtin' || (x.t === 'op' && ['$', '(', '++', '--'].includes(x.v));
      if (!begins) return l;
      l = { k: 'concat', left: l, right: additive() };
    }
  };
  const additive = (): Expr => {
    let l = multiplicative();
    while (isOp('+') || isOp('-')) {
      const op = (peek() as { v: string }).v;
      p++;
      l = { k: 'bin', op, left: l, right: multiplicative() };
    }
    return l;
  };
  const multiplicative = (): Expr => {
    let l = unary();
    while (isOp('*') || isOp('/') || isOp('%')) {
      const op = (peek() as { v: string }).v;
      p++;
      l = { k: 'bin', op, left: l, right: unary() };
    }
    return l;
  };
  const unary = (): Expr => {
    if (isOp('!')) {
      p++;
      return { k: 'not', operand: unary() };
    }
    if (isOp('-')) {
      p++;
      return { k: 'neg', operand: unary() };
    }
    if (isOp('+')) {
      p++;
      return { k: 'plus', operand: unary() };
    }
    return power();
  };
  const power = (): Expr => {
    const base = postfix();
    if (isOp('^')) {
      p++;
      // Right-associative; the exponent may carry a sign.
      const exp = isOp('-') ? (p++, { k: 'neg', operand: power() } as Expr) : isOp('+') ? (p++, power()) : power();
      return { k: 'bin', op: '^', left: base, right: exp };
    }
    return base;
  };
  const postfix = (): Expr => {
    if (isOp('++') || isOp('--')) {
      const op = (peek() as { v: string }).v as '++' | '--';
      p++;
      const target = postfix();
      if (!isLvalue(target)) fail();
      return { k: 'incdec', op, prefix: true, target };
    }
    const e = primary();
    if ((isOp('++') || isOp('--')) && isLvalue(e)) {
      const op = (peek() as { v: string }).v as '++' | '--';
      p++;
      return { k: 'incdec', op, prefix: false, target: e };
    }
    return e;
  };
  const args = (): Expr[] => {
    expect('(');
    const out: Expr[] = [];
    skipNl();
    if (isOp(')')) {
      p++;
      return out;
    }
    const saved = [noIn, noGt];
    noIn = false;
    noGt = false;
    for (;;) {
      skipNl();
      out.push(expr());
      skipNl();
      if (isOp(',')) {
        p++;
        continue;
      }
      expect(')');
      [noIn, noGt] = saved;
      return out;
    }
  };
  const primary = (): Expr => {
    const x = peek();
    switch (x.t) {
      case 'num':
        p++;
        return { k: 'num', v: x.v };
      case 'str':
        p++;
        return { k: 'str', v: x.v };
      case 're':
        p++;
        return { k: 're', source: x.v };
      case 'name': {
        p++;
        if (isOp('[')) {
          p++;
          const subs: Expr[] = [];
          const saved = [noIn, noGt];
          noIn = false;
          noGt = false;
          for (;;) {
            subs.push(expr());
            if (isOp(',')) {
              p++;
              continue;
            }
            expect(']');
            break;
          }
          [noIn, noGt] = saved;
          return { k: 'index', name: x.v, subs };
        }
        return { k: 'var', name: x.v };
      }
      case 'func':
        p++;
        return { k: 'call', name: x.v, args: args() };
      case 'builtin': {
        p++;
        if (x.v === 'length' && !isOp('(')) return { k: 'builtin', name: 'length', args: [] };
        return { k: 'builtin', name: x.v, args: args() };
      }
      case 'kw':
        if (x.v === 'getline') {
          p++;
          const target = is('name') || isOp('$') ? primaryLvalue() : undefined;
          if (isOp('<')) {
            p++;
            return { k: 'getline', ...(target ? { target } : {}), file: concatNoOps() };
          }
          return target ? { k: 'getline', target } : { k: 'getline' };
        }
        return fail();
      case 'op':
        if (x.v === '$') {
          p++;
          const index = isOp('++') || isOp('--') ? postfix() : isOp('-') ? (p++, { k: 'neg', operand: primary() } as Expr) : primary();
          return { k: 'field', index };
        }
        if (x.v === '(') {
          p++;
          const saved = [noIn, noGt];
          noIn = false;
          noGt = false;
          const first = expr();
          if (isOp(',')) {
            // (i, j) in array
            const subs = [first];
            while (isOp(',')) {
              p++;
              subs.push(expr());
            }
            expect(')');
            [noIn, noGt] = saved;
            if (!is('kw', 'in')) fail();
            p++;
            const name = peek();
            if (name.t !== 'name') fail();
            p++;
            return { k: 'in', subs, name: (name as { v: string }).v };
          }
          expect(')');
          [noIn, noGt] = saved;
          return { k: 'group', expr: first };
        }
        if (x.v === '-' || x.v === '+' || x.v === '!') return unary();
        return fail();
      default:
        return fail();
    }
  };
  const primaryLvalue = (): Expr => {
    if (isOp('$')) {
      p++;
      return { k: 'field', index: primary() };
    }
    return primary();
  };
  const concatNoOps = (): Expr => primary();

  // ---- statements --------------------------------------------------------------------
  const simpleOrBlock = (): Stmt => {
    skipNl();
    return statement();
  };
  const printArgs = (): Expr[] => {
    const saved = noGt;
    noGt = true;
    const out: Expr[] = [];
    if (isOp('(')) {
      // print (a, b) > "f": a parenthesised list, or a grouped first expression.
      const start = p;
      p++;
      noGt = false;
      const list: Expr[] = [expr()];
      while (isOp(',')) {
        p++;
        skipNl();
        list.push(expr());
      }
      if (isOp(')') && (peek(1).t === 'nl' || peek(1).t === 'eof' || (peek(1).t === 'op' && [';', '}', '>', '>>', '|'].includes((peek(1) as { v: string }).v)))) {
        p++;
        noGt = saved;
        return list;
      }
      p = start;
      noGt = true;
    }
    if (!(is('nl') || is('eof') || isOp(';') || isOp('}') || isOp('>') || isOp('>>') || isOp('|'))) {
      out.push(expr());
      while (isOp(',')) {
        p++;
        skipNl();
        out.push(expr());
      }
    }
    noGt = saved;
    return out;
  };
  const endSimple = () => {
    if (isOp(';') || is('nl')) {
      p++;
      return;
    }
    if (isOp('}') || is('eof')) return;
    fail();
  };
  const statement = (): Stmt => {
    const x = peek();
    if (x.t === 'op' && x.v === '{') {
      p++;
      const body = statements();
      expect('}');
      return { k: 'block', body };
    }
    if (x.t === 'op' && x.v === ';') {
      p++;
      return { k: 'block', body: [] };
    }
    if (x.t === 'kw') {
      switch (x.v) {
        case 'if': {
          p++;
          expect('(');
          const test = expr();
          expect(')');
          const yes = simpleOrBlock();
          const save = p;
          skipTerms();
          if (is('kw', 'else')) {
            p++;
            return { k: 'if', test, yes, no: simpleOrBlock() };
          }
          p = save;
          return { k: 'if', test, yes };
        }
        case 'while': {
          p++;
          expect('(');
          const test = expr();
          expect(')');
          if (isOp(';')) {
            p++;
            return { k: 'while', test, body: { k: 'block', body: [] } };
          }
          return { k: 'while', test, body: simpleOrBlock() };
        }
        case 'do': {
          p++;
          const body = simpleOrBlock();
          skipTerms();
          if (!is('kw', 'while')) fail();
          p++;
          expect('(');
          const test = expr();
          expect(')');
          endSimple();
          return { k: 'do', body, test };
        }
        case 'for': {
          p++;
          expect('(');
          if (is('name') && peek(1).t === 'kw' && (peek(1) as { v: string }).v === 'in' && peek(2).t === 'name' && peek(3).t === 'op' && (peek(3) as { v: string }).v === ')') {
            const v = (peek() as { v: string }).v;
            const array = (peek(2) as { v: string }).v;
            p += 4;
            return { k: 'forin', v, array, body: simpleOrBlock() };
          }
          const init = isOp(';') ? undefined : simple();
          expect(';');
          skipNl();
          const test = isOp(';') ? undefined : expr();
          expect(';');
          skipNl();
          const step = isOp(')') ? undefined : simple();
          expect(')');
          if (isOp(';')) {
            p++;
            return { k: 'for', ...(init ? { init } : {}), ...(test ? { test } : {}), ...(step ? { step } : {}), body: { k: 'block', body: [] } };
          }
          return { k: 'for', ...(init ? { init } : {}), ...(test ? { test } : {}), ...(step ? { step } : {}), body: simpleOrBlock() };
        }
        case 'next':
        case 'nextfile':
        case 'break':
        case 'continue':
          p++;
          endSimple();
          return { k: x.v };
        case 'exit':
        case 'return': {
          p++;
          const e = is('nl') || is('eof') || isOp(';') || isOp('}') ? undefined : expr();
          endSimple();
          return e ? { k: x.v, e } : { k: x.v };
        }
        default:
          break;
      }
    }
    const s = simple();
    endSimple();
    return s;
  };
  const simple = (): Stmt => {
    const x = peek();
    if (x.t === 'kw' && (x.v === 'print' || x.v === 'printf')) {
      p++;
      const list = printArgs();
      const stmt: Stmt = { k: 'print', args: list, printf: x.v === 'printf' };
      if (isOp('>') || isOp('>>') || isOp('|')) {
        const mode = (peek() as { v: string }).v as '>' | '>>' | '|';
        p++;
        const saved = noGt;
        noGt = true;
        stmt.dest = { mode, target: concat() };
        noGt = saved;
      }
      return stmt;
    }
    if (x.t === 'kw' && x.v === 'delete') {
      p++;
      const name = peek();
      if (name.t !== 'name') fail();
      p++;
      if (isOp('[')) {
        p++;
        const subs = [expr()];
        while (isOp(',')) {
          p++;
          subs.push(expr());
        }
        expect(']');
        return { k: 'delete', name: (name as { v: string }).v, subs };
      }
      return { k: 'delete', name: (name as { v: string }).v };
    }
    return { k: 'expr', e: expr() };
  };
  const statements = (): Stmt[] => {
    const out: Stmt[] = [];
    skipTerms();
    while (!isOp('}') && !is('eof')) {
      out.push(statement());
      skipTerms();
    }
    return out;
  };
  const action = (): Stmt[] => {
    expect('{');
    const body = statements();
    if (!isOp('}')) fail();
    p++;
    return body;
  };

  // ---- the program -------------------------------------------------------------------
  const rules: Rule[] = [];
  const funcs = new Map<string, Func>();
  skipTerms();
  while (!is('eof')) {
    const x = peek();
    if (x.t === 'kw' && (x.v === 'BEGIN' || x.v === 'END')) {
      p++;
      skipNl();
      if (!isOp('{')) fail();
      rules.push({ kind: x.v === 'BEGIN' ? 'begin' : 'end', action: action() });
    } else if (x.t === 'kw' && x.v === 'function') {
      p++;
      const name = peek();
      if (name.t !== 'name' && name.t !== 'func') fail();
      p++;
      expect('(');
      const params: string[] = [];
      while (!isOp(')')) {
        const n = peek();
        if (n.t !== 'name') fail();
        params.push((n as { v: string }).v);
        p++;
        if (isOp(',')) {
          p++;
          skipNl();
        }
      }
      p++;
      skipNl();
      funcs.set((name as { v: string }).v, { params, body: action() });
    } else if (isOp('{')) {
      rules.push({ kind: 'main', action: action() });
    } else {
      const pattern = expr();
      let until: Expr | undefined;
      if (isOp(',')) {
        p++;
        skipNl();
        until = expr();
      }
      const rule: Rule = { kind: 'main', pattern };
      if (until) rule.until = until;
      if (isOp('{')) rule.action = action();
      rules.push(rule);
    }
    // A rule ends at a newline, a `;` or its action's `}`; a pattern without an action at a newline.
    const last = rules[rules.length - 1];
    if (!(is('nl') || is('eof') || isOp(';')) && last && !last.action && !(peek(-1).t === 'op' && (peek(-1) as { v: string }).v === '}')) fail();
    skipTerms();
  }
  return { rules, funcs };
}
