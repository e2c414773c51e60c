/**
 * The small part of Python's grammar the scripted REPL runs: one logical line
 * holding `import`, `from ... import`, `NAME = EXPR` or an expression, where an
 * expression is literals (numbers, strings and bytes, True/False/None, lists,
 * tuples, dicts), names, attributes, calls with keyword arguments, subscripts,
 * arithmetic, comparisons and `and`/`or`/`not`. Anything else is `unsupported`:
 * the REPL says so rather than guess whether CPython would call it a
 * SyntaxError. Every node keeps its columns, for the traceback's carets.
 */

export type Literal = { t: 'int'; v: bigint } | { t: 'float'; v: number } | { t: 'str'; v: string } | { t: 'bytes'; v: string } | { t: 'bool'; v: boolean } | { t: 'none' };

interface Span {
  start: number;
  end: number;
}

export type Expr = Span &
  (
    | { k: 'lit'; value: Literal }
    | { k: 'name'; id: string }
    | { k: 'attr'; obj: Expr; name: string }
    | { k: 'call'; func: Expr; args: Expr[]; kwargs: [string, Expr][] }
    | { k: 'index'; obj: Expr; index: Expr }
    | { k: 'unary'; op: '-' | '+' | 'not'; operand: Expr }
    | { k: 'bin'; op: string; left: Expr; right: Expr }
    | { k: 'bool'; op: 'and' | 'or'; left: Expr; right: Expr }
    | { k: 'list' | 'tuple'; items: Expr[] }
    | { k: 'dict'; entries: [Expr, Expr][] }
  );

export type Statement =
  | { k: 'import'; modules: { name: string; as: string }[] }
  | { k: 'from'; module: string; names: { name: string; as: string }[] }
  | { k: 'assign'; target: string; value: Expr }
  | { k: 'expr'; value: Expr }
  | { k: 'empty' }
  | { k: 'unsupported' };

type Token = Span & ({ t: 'name'; v: string } | { t: 'num'; v: Literal } | { t: 'str'; v: Literal } | { t: 'op'; v: string } | { t: 'end' });

const KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);
const OPERATORS = ['**', '//', '==', '!=', '<=', '>=', '+', '-', '*', '/', '%', '<', '>', '(', ')', '[', ']', '{', '}', ',', ':', '.', '='];
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

class Unsupported extends Error {}

function lex(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    if (ch === '#') break;
    const start = i;
    const str = /^([bBrR]{0,2})(['"])/.exec(line.slice(i));
    if (str && /^(|[bB]|[rR]|[bB][rR]|[rR][bB])$/.test(str[1]!)) {
      const prefix = str[1]!.toLowerCase();
      const quote = str[2]!;
      if (line.startsWith(quote.repeat(3), i + prefix.length)) throw new Unsupported('triple-quoted string');
      let j = i + prefix.length + 1;
      let text = '';
      for (;;) {
        if (j >= line.length) throw new Unsupported('unterminated string');
        const c = line[j]!;
        if (c === quote) break;
        if (c === '\\' && !prefix.includes('r')) {
          const next = line[j + 1] ?? '';
          const hex = /^x([0-9a-fA-F]{2})/.exec(line.slice(j + 1));
          if (hex) {
            text += String.fromCharCode(parseInt(hex[1]!, 16));
            j += 4;
            continue;
          }
          text += ESCAPES[next] ?? `\\${next}`;
          j += 2;
          continue;
        }
        text += c;
        j++;
      }
      i = j + 1;
      tokens.push({ t: 'str', v: prefix.includes('b') ? { t: 'bytes', v: text } : { t: 'str', v: text }, start, end: i });
      continue;
    }
    const num = /^(\d[\d_]*\.\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|\d[\d_]*[eE][+-]?\d+|0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|\d[\d_]*)/.exec(line.slice(i));
    if (num) {
      const text = num[1]!.replace(/_/g, '');
      i += num[1]!.length;
      if (/^[A-Za-z_]/.test(line[i] ?? '')) throw new Unsupported('number suffix');
      const isFloat = /[.eE]/.test(text) && !/^0[xX]/.test(text);
      if (!isFloat && /^0\d/.test(text) && /[1-9]/.test(text)) throw new Unsupported('leading zeros');
      tokens.push({ t: 'num', v: isFloat ? { t: 'float', v: Number(text) } : { t: 'int', v: BigInt(text) }, start, end: i });
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(i));
    if (word) {
      i += word[0].length;
      tokens.push({ t: 'name', v: word[0], start, end: i });
      continue;
    }
    const op = OPERATORS.find((o) => line.startsWith(o, i));
    if (!op) throw new Unsupported(`character ${ch}`);
    i += op.length;
    tokens.push({ t: 'op', v: op, start, end: i });
  }
  tokens.push({ t: 'end', start: line.length, end: line.length });
  return tokens;
}

const BINARY: Record<string, number> = { or: 1, and: 2, '==': 4, '!=': 4, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '//': 6, '%': 6 };

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private get peek(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    return this.tokens[this.pos++]!;
  }

  private isOp(v: string): boolean {
    const t = this.peek;
    return t.t === 'op' && t.v === v;
  }

  private isWord(v: string): boolean {
    const t = this.peek;
    return t.t === 'name' && t.v === v;
  }

  private expectOp(v: string): Token {
    if (!this.isOp(v)) throw new Unsupported(`expected ${v}`);
    return this.next();
  }

  private name(): string {
    const t = this.next();
    if (t.t !== 'name' || KEYWORDS.has(t.v)) throw new Unsupported('expected a name');
    return t.v;
  }

  private dotted(): string {
    let name = this.name();
    while (this.isOp('.')) {
      this.next();
      name += `.${this.name()}`;
    }
    return name;
  }

  atEnd(): boolean {
    return this.peek.t === 'end';
  }

  statement(): Statement {
    if (this.atEnd()) return { k: 'empty' };
    if (this.isWord('import')) {
      this.next();
      const modules: { name: string; as: string }[] = [];
      do {
        if (modules.length > 0) this.next();
        const name = this.dotted();
        let as = name.split('.')[0]!;
        if (this.isWord('as')) {
          this.next();
          as = this.name();
        }
        modules.push({ name, as });
      } while (this.isOp(','));
      return { k: 'import', modules };
    }
    if (this.isWord('from')) {
      this.next();
      const module = this.dotted();
      if (!this.isWord('import')) throw new Unsupported('from without import');
      this.next();
      const names: { name: string; as: string }[] = [];
      do {
        if (names.length > 0) this.next();
        const name = this.name();
        let as = name;
        if (this.isWord('as')) {
          this.next();
          as = this.name();
        }
        names.push({ name, as });
      } while (this.isOp(','));
      return { k: 'from', module, names };
    }
    const first = this.peek;
    const second = this.tokens[this.pos + 1];
    if (first.t === 'name' && !KEYWORDS.has(first.v) && second?.t === 'op' && second.v === '=') {
      this.pos += 2;
      return { k: 'assign', target: first.v, value: this.tupleOrExpr() };
    }
    if (first.t === 'name' && KEYWORDS.has(first.v) && !['True', 'False', 'None', 'not', 'lambda'].includes(first.v)) throw new Unsupported('keyword statement');
    return { k: 'expr', value: this.tupleOrExpr() };
  }

  /** `a, b` at the top of a statement is a tuple. */
  private tupleOrExpr(): Expr {
    const first = this.expr();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.isOp(',')) {
      this.next();
      if (this.atEnd()) break;
      items.push(this.expr());
    }
    return { k: 'tuple', items, start: first.start, end: items[items.length - 1]!.end };
  }

  expr(minPrec = 0): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.peek;
      const op = t.t === 'op' || (t.t === 'name' && (t.v === 'and' || t.v === 'or')) ? (t.v as string) : undefined;
      const prec = op !== undefined ? BINARY[op] : undefined;
      if (op === undefined || prec === undefined || prec <= minPrec) break;
      this.next();
      const right = this.expr(prec);
      left = op === 'and' || op === 'or' ? { k: 'bool', op, left, right, start: left.start, end: right.end } : { k: 'bin', op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private unary(): Expr {
    const t = this.peek;
    if (t.t === 'name' && t.v === 'not') {
      this.next();
      const operand = this.expr(3);
      return { k: 'unary', op: 'not', operand, start: t.start, end: operand.end };
    }
    if (t.t === 'op' && (t.v === '-' || t.v === '+')) {
      this.next();
      const operand = this.unary();
      return { k: 'unary', op: t.v, operand, start: t.start, end: operand.end };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.postfix();
    if (!this.isOp('**')) return base;
    this.next();
    const exponent = this.unary();
    return { k: 'bin', op: '**', left: base, right: exponent, start: base.start, end: exponent.end };
  }

  private postfix(): Expr {
    let e = this.atom();
    for (;;) {
      if (this.isOp('.')) {
        this.next();
        const t = this.peek;
        const name = this.name();
        e = { k: 'attr', obj: e, name, start: e.start, end: t.end };
      } else if (this.isOp('(')) {
        this.next();
        const args: Expr[] = [];
        const kwargs: [string, Expr][] = [];
        while (!this.isOp(')')) {
          const t = this.peek;
          const after = this.tokens[this.pos + 1];
          if (t.t === 'name' && after?.t === 'op' && after.v === '=') {
            this.pos += 2;
            kwargs.push([t.v, this.expr()]);
          } else {
            if (kwargs.length > 0) throw new Unsupported('positional after keyword');
            args.push(this.expr());
          }
          if (!this.isOp(',')) break;
          this.next();
        }
        const close = this.expectOp(')');
        e = { k: 'call', func: e, args, kwargs, start: e.start, end: close.end };
      } else if (this.isOp('[')) {
        this.next();
        const index = this.expr();
        const close = this.expectOp(']');
        e = { k: 'index', obj: e, index, start: e.start, end: close.end };
      } else return e;
    }
  }

  private atom(): Expr {
    const t = this.next();
    if (t.t === 'num' || t.t === 'str') {
      let value = t.v;
      let end = t.end;
      // Adjacent string literals concatenate ('a' 'b'); str and bytes do not mix.
      while (this.peek.t === 'str') {
        const more = this.next() as Token & { t: 'str'; v: Literal };
        if (value.t !== more.v.t || (value.t !== 'str' && value.t !== 'bytes')) throw new Unsupported('mixed literals');
        value = { t: value.t, v: value.v + (more.v as { v: string }).v };
        end = more.end;
      }
      return { k: 'lit', value, start: t.start, end };
    }
    if (t.t === 'name') {
      if (t.v === 'True' || t.v === 'False') return { k: 'lit', value: { t: 'bool', v: t.v === 'True' }, start: t.start, end: t.end };
      if (t.v === 'None') return { k: 'lit', value: { t: 'none' }, start: t.start, end: t.end };
      if (KEYWORDS.has(t.v)) throw new Unsupported('keyword');
      return { k: 'name', id: t.v, start: t.start, end: t.end };
    }
    if (t.t === 'op' && (t.v === '(' || t.v === '[')) {
      const close = t.v === '(' ? ')' : ']';
      const items: Expr[] = [];
      let trailingComma = false;
      while (!this.isOp(close)) {
        items.push(this.expr());
        trailingComma = false;
        if (!this.isOp(',')) break;
        this.next();
        trailingComma = true;
      }
      const end = this.expectOp(close).end;
      if (t.v === '(' && items.length === 1 && !trailingComma) return { ...items[0]!, start: items[0]!.start, end: items[0]!.end };
      return { k: t.v === '(' ? 'tuple' : 'list', items, start: t.start, end };
    }
    if (t.t === 'op' && t.v === '{') {
      const entries: [Expr, Expr][] = [];
      while (!this.isOp('}')) {
        const key = this.expr();
        this.expectOp(':');
        entries.push([key, this.expr()]);
        if (!this.isOp(',')) break;
        this.next();
      }
      const end = this.expectOp('}').end;
      return { k: 'dict', entries, start: t.start, end };
    }
    throw new Unsupported('unexpected token');
  }
}

/** One logical line as a statement, or `unsupported` for anything beyond the subset. */
export function parseStatement(line: string): Statement {
  try {
    const parser = new Parser(lex(line));
    const statement = parser.statement();
    return parser.atEnd() ? statement : { k: 'unsupported' };
  } catch (e) {
    if (e instanceof Unsupported) return { k: 'unsupported' };
    throw e;
  }
}

/**
 * Whether the REPL must read more lines before it runs this text (its `... `
 * prompt): an open bracket, a trailing backslash, or a compound statement's
 * header (`for x in y:`), which ends with an empty line.
 */
export function needsMore(lines: readonly string[]): boolean {
  const text = lines.join('\n');
  if (/:\s*(#.*)?$/.test(lines[0] ?? '') && lines[lines.length - 1]!.trim() !== '') return true;
  if (/\\$/.test(text)) return true;
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      else if (c === '\n') quote = undefined;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === "'" || c === '"') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
  }
  return depth > 0;
}
