/**
 * The shell's lexer (dash's xxreadtoken and readtoken1): operators, words with
 * their quoting, `$` expansions, backquotes, and here-document bodies, which are
 * read at the newline that follows their `<<` operator. Keywords are the
 * parser's business (they depend on where a word stands). `$(...)` is parsed
 * where it stands, by a parser the lexer is given, as dash does.
 */
import type { Dialect, Node, ParamOp, Part, Redir, RedirOp, Word } from './ast.ts';
import { ShellSyntaxError, type SyntaxDetail, type TokenKind } from './errors.ts';

export interface Token {
  kind: TokenKind;
  /** The line the lexer was on after this token (dash's plinno). */
  line: number;
  /** A word's parts. */
  word?: Word;
  /** A word's text when it is plain: no quotes, no expansions (keywords and names must be). */
  plain?: string;
  /** The source text of a word, as written (a here-document's delimiter is read from it). */
  raw?: string;
  /** A redirection's fd and operator. */
  redir?: { fd: number; op: RedirOp };
}

/** How a `$(...)` inside a word is parsed: by a parser reading from this same lexer. */
export type SubstitutionParser = (lexer: Lexer) => Node | null;
/** How a backquoted command's text (unescaped) is parsed. */
export type BackquoteParser = (text: string, line: number) => Node | null;

interface PendingHeredoc {
  redir: Redir;
  delimiter: string;
  strip: boolean;
  expand: boolean;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMS = '@*#?-$!';
const WORD_END = ' \t\n;&|()<>';

/** Where a word is being read: bare, in double quotes, in a `${...}` word, a here-document body, `$((...))`. */
type Mode = 'base' | 'dq' | 'param' | 'param-dq' | 'heredoc' | 'arith';

export class Lexer {
  pos = 0;
  line: number;
  /** A here-document ran into the end of the input without its delimiter line. */
  heredocAtEof = false;
  /** The input ended right after a backslash (a line continuation with nothing after it). */
  trailingBackslash = false;
  private readonly pending: PendingHeredoc[] = [];
  /** While reading ash's `${x/pattern/...}` pattern: an unquoted `/` ends it. */
  private slashStop = false;

  /** Aliases being read, each until the end of its text: one is not expanded again inside its own (or a chain's) text. */
  private readonly expanding: { name: string; end: number }[] = [];

  constructor(
    public src: string,
    readonly dialect: Dialect,
    private readonly hooks: { substitution: SubstitutionParser; backquote: BackquoteParser },
    line = 1,
  ) {
    this.line = line;
  }

  private fail(detail: SyntaxDetail, incomplete = false): never {
    throw new ShellSyntaxError(detail, this.line, incomplete);
  }

  /**
   * dash's pushstring for an alias just read as a word: its value is read next, in
   * place of its name. False when NAME is being expanded already (`alias ls='ls -l'`,
   * `alias a=b b=a`): the word stays a command name.
   */
  expandAlias(name: string, value: string): boolean {
    const live = this.expanding.filter((e) => e.end >= this.pos);
    if (live.some((e) => e.name === name)) return false;
    const end = this.pos + value.length;
    // An alias whose text ends here is still being read while the one it led to is.
    for (const e of live) if (e.end === this.pos) e.end = end;
    else e.end += value.length;
    this.expanding.splice(0, this.expanding.length, ...live, { name, end });
    this.src = this.src.slice(0, this.pos) + value + this.src.slice(this.pos);
    return true;
  }

  /** Registers a here-document; its body is read after the next newline. */
  addHeredoc(redir: Redir, raw: string): void {
    let delimiter = '';
    let quoted = false;
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]!;
      if (c === '\\') {
        quoted = true;
        if (i + 1 < raw.length) delimiter += raw[++i];
      } else if (c === "'" || c === '"') quoted = true;
      else delimiter += c;
    }
    this.pending.push({ redir, delimiter, strip: redir.op === '<<-', expand: !quoted });
  }

  /** The next token (dash's xxreadtoken). */
  next(): Token {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t') {
        this.pos++;
        continue;
      }
      if (c === '\\' && this.src[this.pos + 1] === '\n') {
        this.pos += 2;
        this.line++;
        continue;
      }
      if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
        continue;
      }
      break;
    }
    const c = this.src[this.pos];
    if (c === undefined) {
      if (this.pending.length > 0) this.readHeredocs();
      return { kind: 'eof', line: this.line };
    }
    if (c === '\n') {
      this.pos++;
      this.line++;
      this.readHeredocs();
      return { kind: 'nl', line: this.line };
    }
    const two = this.src.slice(this.pos, this.pos + 2);
    if (two === '&&' || two === '||' || two === ';;') {
      this.pos += 2;
      return { kind: two, line: this.line };
    }
    if (c === '&' || c === '|' || c === ';' || c === '(' || c === ')') {
      this.pos++;
      return { kind: c, line: this.line };
    }
    if (c === '<' || c === '>') return this.redirection(c === '<' ? 0 : 1);
    return this.word();
  }

  /** `<`, `>>`, `<<-`...: the operator at pos, for `fd`. */
  private redirection(fd: number): Token {
    const rest = this.src.slice(this.pos, this.pos + 3);
    const op = (['<<-', '<<', '<&', '<>', '>>', '>|', '>&', '<', '>'] as const).find((o) => rest.startsWith(o))!;
    this.pos += op.length;
    return { kind: 'redir', line: this.line, redir: { fd, op } };
  }

  /** A word (dash's readtoken1), or a redirection when the word is an fd number right before `<` or `>`. */
  private word(): Token {
    const start = this.pos;
    const parts = this.parts('base');
    const end = this.pos;
    const next = this.src[this.pos];
    const plain = parts.length === 1 && parts[0]!.kind === 'lit' && !parts[0].quoted ? parts[0].text : parts.length === 0 ? '' : undefined;
    if ((next === '<' || next === '>') && plain !== undefined && (this.dialect === 'dash' ? /^\d$/ : /^\d{1,9}$/).test(plain)) {
      return this.redirection(Number(plain));
    }
    const token: Token = { kind: 'word', line: this.line, word: parts, raw: this.src.slice(start, end) };
    if (plain !== undefined) token.plain = plain;
    return token;
  }

  /**
   * Reads parts until the mode's end: a blank or operator (base), `"` (dq),
   * `}` (param words), the end of the text (here-documents), `))` (arith).
   * The closing character is left for the caller.
   */
  parts(mode: Mode): Part[] {
    const parts: Part[] = [];
    const quoted = mode !== 'base' && mode !== 'param';
    const lit = (text: string, q: boolean) => {
      const last = parts[parts.length - 1];
      if (last && last.kind === 'lit' && last.quoted === q) last.text += text;
      else parts.push({ kind: 'lit', text, quoted: q });
    };
    let depth = 0;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) {
        if (mode === 'dq' || mode === 'param-dq') {
          if (mode === 'dq') this.fail({ kind: 'text', text: 'Unterminated quoted string', quote: '"' }, true);
          this.fail({ kind: 'text', text: "Missing '}'" }, true);
        }
        if (mode === 'param') this.fail({ kind: 'text', text: "Missing '}'" }, true);
        if (mode === 'arith') this.fail({ kind: 'text', text: "Missing '))'" }, true);
        return parts;
      }
      if (mode === 'base' && WORD_END.includes(c)) return parts;
      if (mode === 'dq' && c === '"') return parts;
      if ((mode === 'param' || mode === 'param-dq') && c === '}') return parts;
      if (this.slashStop && c === '/' && (mode === 'param' || mode === 'param-dq')) return parts;
      if (mode === 'arith') {
        if (c === '(') depth++;
        else if (c === ')') {
          if (depth > 0) depth--;
          else if (this.src[this.pos + 1] === ')') return parts;
        }
      }
      if (c === '\n') this.line++;
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n === undefined) {
          this.trailingBackslash = true;
          lit('\\', quoted);
          this.pos++;
          continue;
        }
        if (n === '\n') {
          this.pos += 2;
          this.line++;
          continue;
        }
        const escapes = mode === 'base' || mode === 'param' ? true : mode === 'heredoc' || mode === 'arith' ? '$`\\'.includes(n) : '$`"\\'.includes(n);
        if (escapes) {
          lit(n, true);
          this.pos += 2;
        } else {
          lit('\\', true);
          this.pos++;
        }
        continue;
      }
      if (c === "'" && (mode === 'base' || mode === 'param')) {
        const close = this.src.indexOf("'", this.pos + 1);
        if (close < 0) {
          this.pos = this.src.length;
          this.fail({ kind: 'text', text: 'Unterminated quoted string', quote: "'" }, true);
        }
        const text = this.src.slice(this.pos + 1, close);
        this.line += text.split('\n').length - 1;
        lit(text, true);
        this.pos = close + 1;
        continue;
      }
      if (c === '"' && (mode === 'base' || mode === 'param' || mode === 'param-dq')) {
        this.pos++;
        const inner = this.parts('dq');
        this.pos++;
        if (inner.length === 0) lit('', true);
        for (const p of inner) {
          if (p.kind === 'lit') lit(p.text, true);
          else parts.push(p);
        }
        continue;
      }
      if (c === '$') {
        const part = this.dollar(quoted);
        if (part) parts.push(part);
        else {
          lit('$', quoted);
          this.pos++;
        }
        continue;
      }
      if (c === '`') {
        parts.push(this.backquote(quoted));
        continue;
      }
      lit(c, quoted);
      this.pos++;
    }
  }

  /** A `$` expansion at pos, or undefined when `$` stands for itself. */
  private dollar(quoted: boolean): Part | undefined {
    const n = this.src[this.pos + 1];
    if (n === '(') {
      if (this.src[this.pos + 2] === '(') {
        this.pos += 3;
        const expr = this.parts('arith');
        this.pos += 2;
        return { kind: 'arith', expr, quoted };
      }
      this.pos += 2;
      const body = this.hooks.substitution(this);
      return { kind: 'sub', body, quoted };
    }
    if (n === '{') return this.braced(quoted);
    if (n !== undefined && NAME_START.test(n)) {
      let end = this.pos + 2;
      while (end < this.src.length && NAME_CHAR.test(this.src[end]!)) end++;
      const name = this.src.slice(this.pos + 1, end);
      this.pos = end;
      return { kind: 'param', name, op: '', word: [], quoted };
    }
    if (n !== undefined && (/[0-9]/.test(n) || SPECIAL_PARAMS.includes(n))) {
      this.pos += 2;
      return { kind: 'param', name: n, op: '', word: [], quoted };
    }
    return undefined;
  }

  /** `${...}`: dash's grammar, with ash's `${x:off:len}` and `${x/p/r}`. */
  private braced(quoted: boolean): Part {
    const start = this.pos;
    this.pos += 2;
    const src = this.src;
    let op: ParamOp = '';
    let name = '';
    const readName = (): string => {
      const c = src[this.pos];
      if (c === undefined) return '';
      if (NAME_START.test(c)) {
        let end = this.pos + 1;
        while (end < src.length && NAME_CHAR.test(src[end]!)) end++;
        const n = src.slice(this.pos, end);
        this.pos = end;
        return n;
      }
      if (/[0-9]/.test(c)) {
        let end = this.pos + 1;
        while (end < src.length && /[0-9]/.test(src[end]!)) end++;
        const n = src.slice(this.pos, end);
        this.pos = end;
        return n;
      }
      if (SPECIAL_PARAMS.includes(c)) {
        this.pos++;
        return c;
      }
      return '';
    };
    if (src[this.pos] === '#' && src[this.pos + 1] !== '}' && src[this.pos + 1] !== undefined && !'-=?+%:'.includes(src[this.pos + 1]!)) {
      this.pos++;
      name = readName();
      op = name === '' ? 'bad' : 'len';
    } else name = readName();
    if (name === '') op = 'bad';
    const param = (word: Part[], word2?: Part[]): Part => {
      const part: Part = { kind: 'param', name, op, word, quoted };
      if (word2) part.word2 = word2;
      if (op === 'bad') part.written = src.slice(start, this.pos);
      return part;
    };
    const wordMode: Mode = quoted ? 'param-dq' : 'param';
    const close = (): void => {
      if (src[this.pos] !== '}') this.fail({ kind: 'text', text: "Missing '}'" }, src[this.pos] === undefined);
      this.pos++;
    };
    if (op === 'len' || op === 'bad') {
      if (op === 'len' && src[this.pos] !== '}') op = 'bad';
      const word = this.parts(wordMode);
      close();
      return param(op === 'bad' ? word : []);
    }
    const c = src[this.pos];
    if (c === '}') {
      this.pos++;
      return param([]);
    }
    if (c === ':') {
      const c2 = src[this.pos + 1];
      if (c2 === '}') {
        // `${x:}`: the character after `:` is taken as the operator, so the `}` is gone.
        op = 'bad';
        this.pos += 2;
      } else if (c2 !== undefined && '-=?+'.includes(c2)) {
        op = `:${c2}` as ParamOp;
        this.pos += 2;
      } else if (this.dialect === 'ash') {
        op = 'substr';
        this.pos++;
      } else {
        op = 'bad';
        this.pos += c2 === undefined ? 1 : 2;
      }
    } else if (c !== undefined && '-=?+'.includes(c)) {
      op = c as ParamOp;
      this.pos++;
    } else if (c === '%' || c === '#') {
      // A pattern is read with its own quoting, even inside double quotes ("${x#'a'}" removes a).
      const doubled = src[this.pos + 1] === c;
      op = (doubled ? c + c : c) as ParamOp;
      this.pos += doubled ? 2 : 1;
      const word = this.parts('param');
      close();
      return param(word);
    } else if (c === '/' && this.dialect === 'ash') {
      const doubled = src[this.pos + 1] === '/';
      op = doubled ? '//' : '/';
      this.pos += doubled ? 2 : 1;
      const pattern = this.partsUntilSlash('param');
      let replacement: Part[] = [];
      if (src[this.pos] === '/') {
        this.pos++;
        replacement = this.parts(wordMode);
      }
      close();
      return param(pattern, replacement);
    } else op = 'bad';
    const word = this.parts(wordMode);
    close();
    return param(word);
  }

  /** ash's `${x/pattern/...}`: the pattern ends at an unquoted `/`. */
  private partsUntilSlash(mode: Mode): Part[] {
    this.slashStop = true;
    try {
      return this.parts(mode);
    } finally {
      this.slashStop = false;
    }
  }

  /** `` `...` ``: the text up to the closing backquote, unescaped, parsed as a program. */
  private backquote(quoted: boolean): Part {
    const startLine = this.line;
    this.pos++;
    let text = '';
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail({ kind: 'text', text: 'EOF in backquote substitution' }, true);
      if (c === '`') {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n !== undefined && ('$`\\'.includes(n) || (quoted && n === '"'))) {
          text += n;
          this.pos += 2;
          continue;
        }
        if (n === '\n') {
          this.pos += 2;
          this.line++;
          continue;
        }
      }
      if (c === '\n') this.line++;
      text += c;
      this.pos++;
    }
    return { kind: 'sub', body: this.hooks.backquote(text, startLine), quoted };
  }

  /** Reads the bodies of the here-documents opened on the line just ended. */
  private readHeredocs(): void {
    const docs = this.pending.splice(0);
    for (const doc of docs) {
      let body = '';
      let found = false;
      const startLine = this.line;
      while (this.pos < this.src.length) {
        const nl = this.src.indexOf('\n', this.pos);
        const end = nl < 0 ? this.src.length : nl;
        let text = this.src.slice(this.pos, end);
        this.pos = nl < 0 ? end : end + 1;
        if (nl >= 0) this.line++;
        if (doc.strip) text = text.replace(/^\t+/, '');
        if (text === doc.delimiter) {
          found = true;
          break;
        }
        body += nl < 0 ? text : `${text}\n`;
      }
      if (!found) this.heredocAtEof = true;
      if (!doc.expand) doc.redir.here = { body: body === '' ? [] : [{ kind: 'lit', text: body, quoted: true }], expand: false };
      else {
        const sub = new Lexer(body, this.dialect, this.hooks, startLine);
        doc.redir.here = { body: sub.parts('heredoc'), expand: true };
      }
    }
  }
}
