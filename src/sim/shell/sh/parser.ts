/**
 * The shell's parser: tokens to commands, following dash's parser.c step by
 * step (list, andor, pipeline, command, simplecmd) so that a syntax error is
 * found where dash finds it and named as dash names it. A program is parsed
 * one top-level command (one line, with its here-documents) at a time, and each
 * runs before the next is read, as in a real shell: `echo a` then a bad line
 * prints `a` and then the error.
 */
import type { Dialect, Node, Redir, Word } from './ast.ts';
import { KEYWORDS, ShellSyntaxError, type Keyword, type SyntaxDetail, type TokenKind } from './errors.ts';
import { Lexer, type Token } from './lexer.ts';

/** Newlines are skipped (before a command that may follow on a later line). */
const CHKNL = 1;
/** Words are checked for keywords (where a command may start). */
const CHKKWD = 2;
/** Words are checked for aliases (a command's first word, after its assignments). */
const CHKALIAS = 4;

/** The tokens that end a list (dash's tokendlist). */
const LIST_END = new Set<TokenKind>(['eof', ')', ';;', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'then', '}']);

const isName = (s: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
/** dash refuses special builtins as function names. */
const SPECIAL_BUILTINS = new Set(['break', ':', '.', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'times', 'trap', 'unset']);

export class Parser {
  private readonly lex: Lexer;
  private pushed = false;
  private last: Token = { kind: 'nl', line: 1 };
  /** The last word read (dash reuses it for a case pattern that is not a word). */
  private lastWord: Word = [];
  private checkkwd = 0;

  /** The alias whose value ended in a blank: the word after it is checked for an alias too. */
  private aliasNext = false;

  constructor(
    source: string | Lexer,
    readonly dialect: Dialect,
    firstLine = 1,
    private readonly aliases: ReadonlyMap<string, string> = new Map(),
  ) {
    this.lex =
      typeof source === 'string'
        ? new Lexer(source, dialect, { substitution: (lexer) => new Parser(lexer, dialect).substitution(), backquote: (text, line) => new Parser(text, dialect, line).program() }, firstLine)
        : source;
  }

  /** Whether the input ran out inside a here-document (a terminal waits for its delimiter). */
  get heredocAtEof(): boolean {
    return this.lex.heredocAtEof;
  }

  get trailingBackslash(): boolean {
    return this.lex.trailingBackslash;
  }

  /** The next top-level command (dash's parsecmd): null for a blank line, 'eof' at the end. */
  next(): Node | null | 'eof' {
    this.pushed = false;
    this.checkkwd = 0;
    const n = this.list(1);
    return n === undefined ? 'eof' : n;
  }

  /** A whole program (backquotes, eval's text, checks): its commands joined. */
  program(): Node | null {
    let all: Node | null = null;
    for (;;) {
      const n = this.next();
      if (n === 'eof') return all;
      if (n) all = all ? { type: 'semi', left: all, right: n } : n;
    }
  }

  /** `$(...)`: a list, then `)`. */
  substitution(): Node | null {
    this.checkkwd = 0;
    const n = this.list(2) ?? null;
    if (this.readToken().kind !== ')') this.expect(')');
    return n;
  }

  private fail(detail: SyntaxDetail, incomplete = false): never {
    throw new ShellSyntaxError(detail, this.lex.line, incomplete);
  }

  /** dash's synexpect: the last token was not what the grammar needs here. */
  private expect(token?: TokenKind): never {
    const last = this.last;
    const written = last.kind === 'word' ? last.raw : last.kind === 'redir' ? last.redir?.op : undefined;
    const detail: SyntaxDetail = { kind: 'unexpected', token: last.kind, ...(token ? { expecting: token } : {}), ...(written !== undefined ? { written } : {}) };
    this.fail(detail, this.last.kind === 'eof');
  }

  private readToken(): Token {
    const kwd = this.checkkwd;
    this.checkkwd = 0;
    let t: Token;
    const fresh = !this.pushed;
    if (this.pushed) {
      this.pushed = false;
      t = this.last;
    } else t = this.lex.next();
    if (kwd & CHKNL) while (t.kind === 'nl') t = this.lex.next();
    // dash's readtoken: an unquoted word where an alias may stand is replaced by the alias's text, read anew.
    const aliasHere = fresh && ((kwd & CHKALIAS) !== 0 || this.aliasNext);
    if (fresh) this.aliasNext = false;
    if (aliasHere && t.kind === 'word' && t.plain !== undefined && !(kwd & CHKKWD && (KEYWORDS as readonly string[]).includes(t.plain))) {
      const value = this.aliases.get(t.plain);
      if (value !== undefined && this.lex.expandAlias(t.plain, value)) {
        this.aliasNext = /[ \t]$/.test(value);
        this.checkkwd = kwd;
        return this.readToken();
      }
    }
    if (t.kind === 'word') {
      this.lastWord = t.word!;
      if (kwd & CHKKWD && t.plain !== undefined && (KEYWORDS as readonly string[]).includes(t.plain)) t = { ...t, kind: t.plain as Keyword };
    }
    this.last = t;
    return t;
  }

  private pushBack(): void {
    this.pushed = true;
  }

  /**
   * A list of and-or lists. nlflag 1: the top level, ended by a newline; 0: a
   * compound command's body (must not be empty); 2: a case item's or `$(...)`'s
   * body (may be empty). Undefined: the end of the input, nothing read.
   */
  private list(nlflag: number): Node | null | undefined {
    const chknl = nlflag & 1 ? 0 : CHKNL;
    let n1: Node | null = null;
    for (;;) {
      this.checkkwd = chknl | CHKKWD | CHKALIAS;
      let tok = this.readToken().kind;
      if (tok === 'nl') return n1;
      if (tok === 'eof') {
        this.pushBack();
        return n1 === null && !chknl ? undefined : n1;
      }
      this.pushBack();
      if (nlflag === 2 && LIST_END.has(tok)) return n1;
      nlflag |= 2;
      let n2 = this.andor();
      tok = this.readToken().kind;
      if (tok === '&') n2 = { type: 'bg', body: n2 };
      n1 = n1 ? { type: 'semi', left: n1, right: n2 } : n2;
      switch (tok) {
        case 'eof':
          this.pushBack();
          return n1;
        case 'nl':
          if (nlflag & 1) return n1;
          break;
        case '&':
        case ';':
          break;
        default:
          if (nlflag & 1) this.expect();
          this.pushBack();
          return n1;
      }
    }
  }

  private andor(): Node {
    let n1 = this.pipeline();
    for (;;) {
      const t = this.readToken().kind;
      if (t !== '&&' && t !== '||') {
        this.pushBack();
        return n1;
      }
      this.checkkwd = CHKNL | CHKKWD | CHKALIAS;
      const n2 = this.pipeline();
      n1 = { type: t === '&&' ? 'and' : 'or', left: n1, right: n2 };
    }
  }

  private pipeline(): Node {
    let negate = false;
    if (this.readToken().kind === '!') {
      negate = true;
      this.checkkwd = CHKKWD | CHKALIAS;
    } else this.pushBack();
    let n1 = this.command();
    if (this.readToken().kind === '|') {
      const cmds = [n1];
      do {
        this.checkkwd = CHKNL | CHKKWD | CHKALIAS;
        cmds.push(this.command());
      } while (this.readToken().kind === '|');
      n1 = { type: 'pipe', cmds };
    }
    this.pushBack();
    return negate ? { type: 'not', body: n1 } : n1;
  }

  private command(): Node {
    const line = this.lex.line;
    let n1: Node;
    let close: TokenKind;
    const t = this.readToken();
    switch (t.kind) {
      case 'if': {
        const test = this.list(0) ?? null;
        if (this.readToken().kind !== 'then') this.expect('then');
        const node: Node & { type: 'if' } = { type: 'if', test, then: this.list(0) ?? null, else: null };
        let tail = node;
        while (this.readToken().kind === 'elif') {
          const elifTest = this.list(0) ?? null;
          if (this.readToken().kind !== 'then') this.expect('then');
          const next: Node & { type: 'if' } = { type: 'if', test: elifTest, then: this.list(0) ?? null, else: null };
          tail.else = next;
          tail = next;
        }
        if (this.last.kind === 'else') tail.else = this.list(0) ?? null;
        else this.pushBack();
        n1 = node;
        close = 'fi';
        break;
      }
      case 'while':
      case 'until': {
        const test = this.list(0) ?? null;
        if (this.readToken().kind !== 'do') this.expect('do');
        n1 = { type: t.kind, test, body: this.list(0) ?? null };
        close = 'done';
        break;
      }
      case 'for': {
        const v = this.readToken();
        if (v.kind !== 'word' || v.plain === undefined || !isName(v.plain)) this.fail({ kind: 'text', text: 'Bad for loop variable' });
        this.checkkwd = CHKNL | CHKKWD;
        let words: Word[] | null = null;
        if (this.readToken().kind === 'in') {
          words = [];
          while (this.readToken().kind === 'word') words.push(this.last.word!);
          if (this.last.kind !== 'nl' && this.last.kind !== ';') this.expect();
        } else if (this.last.kind !== ';') this.pushBack();
        this.checkkwd = CHKNL | CHKKWD;
        if (this.readToken().kind !== 'do') this.expect('do');
        n1 = { type: 'for', line, name: v.plain, words, body: this.list(0) ?? null };
        close = 'done';
        break;
      }
      case 'case': {
        if (this.readToken().kind !== 'word') this.expect('word');
        const word = this.last.word!;
        this.checkkwd = CHKNL | CHKKWD;
        if (this.readToken().kind !== 'in') this.expect('in');
        const items: { patterns: Word[]; body: Node | null }[] = [];
        this.checkkwd = CHKNL | CHKKWD;
        let k = this.readToken().kind;
        while (k !== 'esac') {
          if (this.last.kind === '(') this.readToken();
          const patterns: Word[] = [this.lastWord];
          while (this.readToken().kind === '|') {
            this.readToken();
            patterns.push(this.lastWord);
          }
          if (this.last.kind !== ')') this.expect(')');
          const body = this.list(2) ?? null;
          items.push({ patterns, body });
          this.checkkwd = CHKNL | CHKKWD;
          k = this.readToken().kind;
          if (k !== 'esac') {
            if (k !== ';;') this.expect(';;');
            this.checkkwd = CHKNL | CHKKWD;
            k = this.readToken().kind;
          }
        }
        return this.redirections({ type: 'case', line, word, items }, line);
      }
      case '(':
        n1 = { type: 'subshell', line, body: this.list(0) ?? null };
        close = ')';
        break;
      case '{':
        n1 = { type: 'group', body: this.list(0) ?? null };
        close = '}';
        break;
      case 'word':
        if (this.dialect === 'ash' && t.plain === 'function') return this.bashFunction();
        this.pushBack();
        return this.simple();
      case 'redir':
        this.pushBack();
        return this.simple();
      default:
        this.expect();
    }
    if (this.readToken().kind !== close) this.expect(close);
    return this.redirections(n1, line);
  }

  /** Redirections after a compound command (`done < file`, `} > out`). */
  private redirections(n1: Node, line: number): Node {
    this.checkkwd = CHKKWD;
    const redirs: Redir[] = [];
    while (this.readToken().kind === 'redir') redirs.push(this.redirTarget());
    this.pushBack();
    return redirs.length > 0 ? { type: 'redir', line, body: n1, redirs } : n1;
  }

  /** ash's `function NAME [()] { ...; }` (bash's form). */
  private bashFunction(): Node {
    const line = this.lex.line;
    const name = this.readToken();
    if (name.kind !== 'word' || name.plain === undefined || !isName(name.plain)) this.expect();
    if (this.readToken().kind === '(') {
      if (this.readToken().kind !== ')') this.expect(')');
    } else this.pushBack();
    this.checkkwd = CHKNL | CHKKWD;
    return { type: 'defun', line, name: name.plain, body: this.command() };
  }

  private simple(): Node {
    const line = this.lex.line;
    const assigns: Word[] = [];
    const args: Word[] = [];
    const redirs: Redir[] = [];
    let assigning = true;
    for (;;) {
      if (assigning) this.checkkwd = CHKALIAS;
      const t = this.readToken();
      if (t.kind === 'word') {
        const first = t.word![0];
        if (assigning && first?.kind === 'lit' && !first.quoted && /^[A-Za-z_][A-Za-z0-9_]*=/.test(first.text)) assigns.push(t.word!);
        else {
          args.push(t.word!);
          assigning = false;
        }
      } else if (t.kind === 'redir') redirs.push(this.redirTarget());
      else if (t.kind === '(' && args.length === 1 && assigns.length === 0 && redirs.length === 0) {
        if (this.readToken().kind !== ')') this.expect(')');
        const name = args[0]!.length === 1 && args[0]![0]!.kind === 'lit' && !args[0]![0]!.quoted ? args[0]![0]!.text : '';
        if (!isName(name) || (this.dialect === 'dash' && SPECIAL_BUILTINS.has(name))) this.fail({ kind: 'text', text: 'Bad function name' });
        this.checkkwd = CHKNL | CHKKWD;
        return { type: 'defun', line: this.lex.line, name, body: this.command() };
      } else {
        this.pushBack();
        break;
      }
    }
    return { type: 'cmd', line, assigns, args, redirs };
  }

  /** The word after a redirection operator (a here-document's delimiter is registered). */
  private redirTarget(): Redir {
    const { fd, op } = this.last.redir!;
    const t = this.readToken();
    if (t.kind !== 'word') this.expect();
    const redir: Redir = { fd, op, target: t.word! };
    if (op === '<<' || op === '<<-') this.lex.addHeredoc(redir, t.raw ?? '');
    return redir;
  }
}

/** Parses a whole program at once (for checks; running parses command by command). */
export function parseProgram(source: string, dialect: Dialect): Node | null {
  return new Parser(source, dialect).program();
}
