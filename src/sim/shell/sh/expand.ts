/**
 * Word expansion, in POSIX's order: tilde, parameters (`$x`, `${x:-w}`,
 * `${x%pat}`, `$@`...), command substitution, arithmetic, then field
 * splitting on IFS and pathname expansion for what was not quoted. The
 * expander asks its host for variables, for running a `$(...)`, and to stop
 * the shell on an expansion error (`${x?}`, `Bad substitution`, arithmetic).
 */
import type { FileSystem } from '../fs.ts';
import type { Dialect, Node, Part, Word } from './ast.ts';
import { lazyPart } from '../lazy/parts.ts';
import { globPaths, hasGlob, literalPattern, replacePattern, trimPattern, unescapePattern } from './pattern.ts';

export interface ExpandHost {
  readonly dialect: Dialect;
  readonly fs: FileSystem;
  readonly positional: readonly string[];
  /** `set -u`: an unset parameter is an error. */
  readonly nounset: boolean;
  /** `set -f`: no pathname expansion. */
  readonly noglob: boolean;
  getVar(name: string): string | undefined;
  /** Sets a variable (`${x=w}`, arithmetic assignments); the host refuses read-only ones. */
  setVar(name: string, value: string): void;
  /** `$?`, `$$`, `$!`, `$-`, `$0`. */
  special(name: string): string;
  /** Runs a command substitution in a subshell and returns its standard output. */
  substitute(body: Node | null): string;
  /** An expansion error: printed, and the shell stops with status 2. */
  fatal(message: string, status?: number): never;
  /** The shell words its errors as bash does. */
  readonly bash: boolean;
}

/** A piece of a word's expansion: `quoted` text is never split nor globbed; `split` text came from an unquoted expansion. */
type Seg = { text: string; quoted: boolean; split: boolean } | { brk: true };

interface Field {
  value: string;
  pattern: string;
  glob: boolean;
}

export class Expander {
  constructor(private readonly host: ExpandHost) {}

  /** A command's words: fields after splitting and pathname expansion. */
  fields(words: readonly Word[]): string[] {
    const out: string[] = [];
    for (const w of words) {
      for (const f of this.split(this.segments(w, true))) {
        if (f.glob && !this.host.noglob && hasGlob(f.pattern)) {
          const paths = globPaths(f.pattern, this.host.fs);
          if (paths.length > 0) {
            out.push(...paths);
            continue;
          }
          out.push(unescapePattern(f.pattern));
        } else out.push(f.value);
      }
    }
    return out;
  }

  /** One string, no splitting or globbing (assignments, redirection targets, `case` words, here-documents). */
  string(word: Word, tilde = false): string {
    return this.segments(word, tilde)
      .map((s) => ('brk' in s ? ' ' : s.text))
      .join('');
  }

  /** A pattern (case, `${x%pat}`): quoted text escaped so that it matches only itself. */
  pattern(word: Word): string {
    return this.segments(word, false)
      .map((s) => ('brk' in s ? ' ' : s.quoted ? literalPattern(s.text) : s.text))
      .join('');
  }

  private segments(word: Word, tilde: boolean): Seg[] {
    const segs: Seg[] = [];
    word.forEach((part, i) => {
      if (part.kind === 'lit') {
        let text = part.text;
        if (i === 0 && tilde && !part.quoted && text.startsWith('~')) {
          const slash = text.indexOf('/');
          const user = text.slice(1, slash < 0 ? undefined : slash);
          const home = user === '' ? (this.host.getVar('HOME') ?? '') : user === 'root' ? '/root' : undefined;
          if (home !== undefined && (slash >= 0 || word.length === 1)) {
            segs.push({ text: home, quoted: true, split: false });
            text = slash < 0 ? '' : text.slice(slash);
          }
        }
        if (text !== '' || part.quoted) segs.push({ text, quoted: part.quoted, split: false });
      } else if (part.kind === 'param') segs.push(...this.parameter(part));
      else if (part.kind === 'sub') {
        const text = this.host.substitute(part.body).replace(/\n+$/, '');
        segs.push({ text, quoted: part.quoted, split: !part.quoted });
      } else {
        const expr = this.string(part.expr);
        const r = lazyPart('tools').evaluateArith(expr, this.host.dialect, { get: (n) => this.host.getVar(n), set: (n, v) => this.host.setVar(n, v) });
        if ('error' in r) this.host.fatal(r.error);
        segs.push({ text: String(r.value), quoted: part.quoted, split: !part.quoted });
      }
    });
    return segs;
  }

  private value(name: string): string | undefined {
    if (/^[0-9]+$/.test(name)) return name === '0' ? this.host.special('0') : this.host.positional[Number(name) - 1];
    if (name === '#') return String(this.host.positional.length);
    if (name === '@' || name === '*') return this.host.positional.length > 0 ? this.host.positional.join(' ') : undefined;
    if (name.length === 1 && '?$!-'.includes(name)) return this.host.special(name);
    return this.host.getVar(name);
  }

  private parameter(part: Part & { kind: 'param' }): Seg[] {
    const { name, op, quoted } = part;
    // bash: `${x!}: bad substitution`, status 1.
    if (op === 'bad') this.host.fatal(this.host.bash ? `${part.written ?? ''}: bad substitution` : 'Bad substitution', this.host.bash ? 1 : 2);
    const value = this.value(name);
    const result = (text: string): Seg[] => [{ text, quoted, split: !quoted }];
    const isNull = value === undefined || value === '';
    const unset = op.startsWith(':') ? isNull : value === undefined;
    /** The word of `${x-word}`: as written inside quotes, else open to splitting like any unquoted expansion. */
    const word = (): Seg[] => this.segments(part.word, !quoted).map((s) => ('brk' in s || s.quoted ? s : { ...s, split: true }));
    switch (op) {
      case '-':
      case ':-':
        return unset ? word() : this.plain(name, value, quoted);
      case '+':
      case ':+':
        return unset ? [] : word();
      case '=':
      case ':=': {
        if (!unset) return this.plain(name, value, quoted);
        const w = this.string(part.word, true);
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) this.host.fatal(`${name}: bad variable name`);
        this.host.setVar(name, w);
        return result(w);
      }
      case '?':
      case ':?': {
        if (!unset) return this.plain(name, value, quoted);
        const message = this.string(part.word, true);
        this.host.fatal(`${name}: ${message !== '' ? message : op === ':?' ? 'parameter not set or null' : 'parameter not set'}`);
        break;
      }
      case 'len':
        this.checkSet(name, value);
        return result(String((value ?? '').length));
      case '%':
      case '%%':
      case '#':
      case '##':
        this.checkSet(name, value);
        return result(trimPattern(value ?? '', this.pattern(part.word), op));
      case 'substr': {
        this.checkSet(name, value);
        return result(this.substring(value ?? '', this.string(part.word)));
      }
      case '/':
      case '//':
        this.checkSet(name, value);
        return result(replacePattern(value ?? '', this.pattern(part.word), this.string(part.word2 ?? []), op === '//'));
    }
    this.checkSet(name, value);
    return this.plain(name, value, quoted);
  }

  private checkSet(name: string, value: string | undefined): void {
    if (value === undefined && this.host.nounset && name !== '@' && name !== '*') this.host.fatal(`${name}: parameter not set`);
  }

  /** `$x`, `$@`, `$*` without an operator. */
  private plain(name: string, value: string | undefined, quoted: boolean): Seg[] {
    if (name === '@' || name === '*') {
      const params = this.host.positional;
      if (quoted && name === '*') {
        const ifs = this.host.getVar('IFS');
        return [{ text: params.join(ifs === undefined ? ' ' : ifs.slice(0, 1)), quoted: true, split: false }];
      }
      const segs: Seg[] = [];
      params.forEach((p, i) => {
        if (i > 0) segs.push({ brk: true });
        segs.push({ text: p, quoted, split: !quoted });
      });
      return segs;
    }
    this.checkSet(name, value);
    return [{ text: value ?? '', quoted, split: !quoted }];
  }

  /** ash's `${x:offset:length}` (bash's rules: a negative offset counts from the end). */
  private substring(value: string, spec: string): string {
    const colon = spec.indexOf(':');
    const arith = (e: string): number => {
      if (e.trim() === '') return 0;
      const r = lazyPart('tools').evaluateArith(e, this.host.dialect, { get: (n) => this.host.getVar(n), set: (n, v) => this.host.setVar(n, v) });
      if ('error' in r) this.host.fatal(r.error);
      return Number(r.value);
    };
    let offset = arith(colon < 0 ? spec : spec.slice(0, colon));
    if (offset < 0) offset = Math.max(0, value.length + offset);
    if (colon < 0) return value.slice(offset);
    const length = arith(spec.slice(colon + 1));
    return length < 0 ? value.slice(offset, Math.max(offset, value.length + length)) : value.slice(offset, offset + length);
  }

  /** Field splitting on IFS: whitespace runs split once, other IFS characters each end a field. */
  private split(segs: Seg[]): Field[] {
    const fields: Field[] = [];
    let cur: Field | null = null;
    let afterWhite = false;
    const ifs = this.host.getVar('IFS') ?? ' \t\n';
    const push = () => {
      fields.push(cur ?? { value: '', pattern: '', glob: false });
      cur = null;
    };
    for (const seg of segs) {
      if ('brk' in seg) {
        if (cur) push();
        afterWhite = false;
        continue;
      }
      if (!seg.split || ifs === '') {
        cur ??= { value: '', pattern: '', glob: false };
        cur.value += seg.text;
        if (seg.quoted) cur.pattern += literalPattern(seg.text);
        else {
          cur.pattern += seg.text;
          cur.glob = true;
        }
        afterWhite = false;
        continue;
      }
      for (const c of seg.text) {
        if (ifs.includes(c)) {
          if (c === ' ' || c === '\t' || c === '\n') {
            if (cur) {
              push();
              afterWhite = true;
            }
          } else {
            if (cur || !afterWhite) push();
            afterWhite = false;
          }
          continue;
        }
        afterWhite = false;
        cur ??= { value: '', pattern: '', glob: false };
        cur.value += c;
        cur.pattern += c;
        cur.glob = true;
      }
    }
    if (cur) push();
    return fields;
  }
}
