/**
 * The Caddyfile as caddy v2.10.2 reads it (caddyconfig/caddyfile: lexer.go, parse.go,
 * formatter.go): tokens with their line, server blocks of site addresses and
 * directives, nested blocks, and `caddy fmt`'s formatting, whose difference from the
 * input is the adapter's "not formatted" warning. Errors carry caddy's own wording
 * (Dispenser.WrapErr: `MESSAGE, at FILE:LINE`). Heredocs and `import` are not
 * modelled: the caller says so in one `vethlab:` line.
 */

export interface Token {
  text: string;
  line: number;
  quoted: boolean;
}

/** A directive line: its name, its arguments, and the block it opens, if any. */
export interface Directive {
  name: string;
  token: Token;
  args: Token[];
  block?: Directive[];
}

export interface ServerBlock {
  keys: Token[];
  directives: Directive[];
  hasBraces: boolean;
}

export class CaddyfileError extends Error {}

/** Dispenser.WrapErr's form: `MESSAGE, at FILE:LINE`. */
function at(message: string, file: string, line: number): CaddyfileError {
  return new CaddyfileError(`${message}, at ${file}:${line}`);
}

/** `{$VAR}` and `{$VAR:default}` from the environment, before lexing (replaceEnvVars). */
export function replaceEnvVars(input: string, env: Readonly<Record<string, string>>): string {
  return input.replace(/\{\$([A-Za-z0-9_]+)(?::([^}]*))?\}/g, (_, name: string, fallback: string | undefined) => env[name] ?? fallback ?? '');
}

/** lexer.go's next(): whitespace separates; "..." and `...` quote (\" escapes in "..."); # starts a comment at a token's start. */
export function tokenize(input: string, file: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const n = input.length;
  while (i < n) {
    const ch = input[i]!;
    if (ch === '\n') {
      line++;
      i++;
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < n && input[i] !== '\n') i++;
      continue;
    }
    const startLine = line;
    let text = '';
    if (ch === '"' || ch === '`') {
      i++;
      let closed = false;
      while (i < n) {
        const c = input[i]!;
        if (ch === '"' && c === '\\' && i + 1 < n) {
          const next = input[i + 1]!;
          text += next === '"' ? '"' : `\\${next}`;
          if (next === '\n') line++;
          i += 2;
          continue;
        }
        if (c === ch) {
          closed = true;
          i++;
          break;
        }
        if (c === '\n') line++;
        text += c;
        i++;
      }
      // An unterminated quote runs to the end of the input, which is its token.
      if (!closed && text === '') break;
      tokens.push({ text, line: startLine, quoted: true });
      continue;
    }
    while (i < n && !/\s/.test(input[i]!)) {
      if (input[i] === '\\' && i + 1 < n && input[i + 1] === '\n') {
        i += 2;
        line++;
        continue;
      }
      text += input[i]!;
      i++;
    }
    if (text.startsWith('<<')) throw at('vethlab: Caddyfile heredocs are not modelled here', file, startLine);
    tokens.push({ text, line: startLine, quoted: false });
  }
  return tokens;
}

/** parse.go: an optional global options block, then server blocks; directives with their nested blocks. */
export function parseCaddyfile(input: string, file: string, env: Readonly<Record<string, string>> = {}): { global?: Directive[]; blocks: ServerBlock[] } {
  const tokens = tokenize(replaceEnvVars(input.replace(/\r\n/g, '\n'), env), file);
  let pos = 0;
  const blocks: ServerBlock[] = [];
  let global: Directive[] | undefined;
  const peek = () => tokens[pos];
  const last = () => tokens[Math.max(0, pos - 1)] ?? { text: '', line: 1, quoted: false };

  /** Directives until the closing brace (or the end, for a block without braces). */
  const directives = (braced: boolean): Directive[] => {
    const out: Directive[] = [];
    for (;;) {
      const t = peek();
      if (!t) {
        if (braced) throw at('unexpected EOF', file, last().line);
        return out;
      }
      if (t.text === '}' && !t.quoted) {
        if (!braced) throw at("Unexpected '}' because no matching opening brace", file, t.line);
        pos++;
        return out;
      }
      if (t.text === '{' && !t.quoted) throw at("Unexpected '{' on a new line; did you mean to place the '{' on the previous line?", file, t.line);
      pos++;
      const d: Directive = { name: t.text, token: t, args: [] };
      while (peek() && peek()!.line === lineOfLast(d)) {
        const a = peek()!;
        if (a.text === '{' && !a.quoted) {
          pos++;
          const next = peek();
          if (next && next.line === a.line && !(next.text === '}' && !next.quoted)) throw at("Unexpected next token after '{' on same line", file, next.line);
          if (next && next.text === '}' && !next.quoted && next.line === a.line) throw at("Unexpected '{}' at end of line", file, next.line);
          d.block = directives(true);
          break;
        }
        if (a.text === '}' && !a.quoted) break;
        d.args.push(a);
        pos++;
      }
      out.push(d);
    }
  };
  const lineOfLast = (d: Directive) => (d.args.length > 0 ? d.args[d.args.length - 1]!.line : d.token.line);

  // A global options block: `{` first, alone.
  const first = peek();
  if (first && first.text === '{' && !first.quoted) {
    pos++;
    global = directives(true);
  }
  while (peek()) {
    const keys: Token[] = [];
    let expectingAnother = false;
    let hasBraces = false;
    for (;;) {
      const t = peek();
      if (!t) {
        if (expectingAnother) throw at('unexpected EOF', file, last().line);
        break;
      }
      if (t.text === '{' && !t.quoted) {
        if (expectingAnother) throw at(`Expected another address but had '${t.text}' - check for extra comma`, file, t.line);
        hasBraces = true;
        pos++;
        break;
      }
      if (t.text.endsWith('{')) throw at(`Site addresses cannot end with a curly brace: '${t.text}' - put a space between the token and the brace`, file, t.line);
      let value = t.text;
      if (value.endsWith(',')) {
        value = value.slice(0, -1);
        expectingAnother = true;
      } else expectingAnother = false;
      if (value.includes(',')) throw at(`Site addresses cannot contain a comma ',': '${value}' - put a space after the comma to separate site addresses`, file, t.line);
      if (value !== '') keys.push({ ...t, text: value });
      pos++;
      const next = peek();
      if (!next) {
        if (expectingAnother) throw at('unexpected EOF', file, t.line);
        break;
      }
      if (!expectingAnother && next.line !== t.line) break;
    }
    const block: ServerBlock = { keys, directives: directives(hasBraces), hasBraces };
    blocks.push(block);
  }
  return global ? { global, blocks } : { blocks };
}

/**
 * formatter.go's Format, which `caddy fmt` prints and the adapter compares its input with:
 * tabs by nesting, one space between tokens, at most one blank line, a blank line after
 * each top-level block, braces placed as caddy places them. (Heredocs are not handled.)
 */
export function formatCaddyfile(input: string): string {
  const src = input.trim();
  let out = '';
  let last = '';
  let space = true;
  let beginningOfLine = true;
  let openBrace = false;
  let openBraceWritten = false;
  let openBraceSpace = false;
  let newLines = 0;
  let comment = false;
  let quoted = false;
  let escaped = false;
  let nesting = 0;
  let withinBackquote = false;
  const write = (c: string) => {
    out += c;
    last = c;
  };
  const indent = () => {
    for (let t = nesting; t > 0; t--) write('\t');
  };
  const nextLine = () => {
    write('\n');
    beginningOfLine = true;
  };
  for (const ch of src) {
    if (ch === '`') withinBackquote = !withinBackquote;
    if (comment) {
      if (ch === '\n') {
        comment = false;
        space = true;
        nextLine();
      } else write(ch);
      continue;
    }
    if (!escaped && ch === '\\') {
      if (space) {
        write(' ');
        space = false;
      }
      write(ch);
      escaped = true;
      continue;
    }
    if (escaped) {
      write(ch);
      escaped = false;
      continue;
    }
    if (quoted) {
      if (ch === '"') quoted = false;
      write(ch);
      continue;
    }
    if (space && ch === '"') quoted = true;
    if (/\s/.test(ch)) {
      space = true;
      if (ch === '\n') newLines++;
      continue;
    }
    const spacePrior = space;
    space = false;
    if (ch === '#') comment = true;
    if (openBrace && spacePrior && !openBraceWritten) {
      if (nesting === 0 && last === '}') {
        nextLine();
        nextLine();
      }
      openBrace = false;
      if (beginningOfLine) indent();
      else if (!openBraceSpace) write(' ');
      write('{');
      openBraceWritten = true;
      nextLine();
      newLines = 0;
      if (nesting < 10) nesting++;
    }
    if (ch === '{') {
      openBrace = true;
      openBraceSpace = spacePrior && !beginningOfLine;
      if (openBraceSpace) write(' ');
      openBraceWritten = false;
      if (withinBackquote) {
        write('{');
        openBraceWritten = true;
      }
      continue;
    }
    if (ch === '}' && (spacePrior || !openBrace)) {
      if (withinBackquote) {
        write('}');
        continue;
      }
      if (last !== '\n') nextLine();
      if (nesting > 0) nesting--;
      indent();
      write('}');
      newLines = 0;
      continue;
    }
    if (newLines > 2) newLines = 2;
    for (let i = 0; i < newLines; i++) nextLine();
    newLines = 0;
    if (beginningOfLine) indent();
    if (nesting === 0 && last === '}' && beginningOfLine) {
      nextLine();
      nextLine();
    }
    if (!beginningOfLine && spacePrior) write(' ');
    if (openBrace && !openBraceWritten) {
      write('{');
      openBraceWritten = true;
    }
    write(ch);
    beginningOfLine = false;
  }
  return `${out.trim()}\n`;
}

/** FormattingDifference: the first line where the input and its formatting part, or undefined when they agree. */
export function formattingDifference(input: string): number | undefined {
  const body = input.replace(/\r\n/g, '\n');
  const formatted = formatCaddyfile(body);
  if (formatted === body) return undefined;
  let line = 1;
  for (let i = 0; i < body.length; i++) {
    if (i >= formatted.length || body[i] !== formatted[i]) break;
    if (body[i] === '\n') line++;
  }
  return line;
}
