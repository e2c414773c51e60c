/**
 * Syntax errors, and how each shell words them. dash and busybox ash share the
 * parser's messages (both descend from the Almquist shell) but not their
 * wording: dash `Syntax error: "done" unexpected (expecting "fi")`, ash
 * `syntax error: unexpected "done" (expecting "fi")`. Texts checked against
 * dash 0.5.12 and busybox 1.35, the rig's shells.
 */
import type { Dialect } from './ast.ts';

export const KEYWORDS = ['!', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'if', 'in', 'then', 'until', 'while', '{', '}'] as const;
export type Keyword = (typeof KEYWORDS)[number];

/** Token kinds, as dash's parser names them in its messages (tokname[]). */
export type TokenKind = 'eof' | 'nl' | ';' | '&' | '&&' | '||' | '|' | '(' | ')' | ';;' | 'redir' | 'word' | Keyword;

export function tokenName(kind: TokenKind): string {
  switch (kind) {
    case 'eof':
      return 'end of file';
    case 'nl':
      return 'newline';
    case 'redir':
      return 'redirection';
    case 'word':
      return 'word';
    default:
      return `"${kind}"`;
  }
}

/**
 * What went wrong: a token where it cannot be (`written`: its text as written, which bash
 * quotes), or one of the lexer's own complaints (`quote`: the quote left open).
 */
export type SyntaxDetail =
  | { kind: 'unexpected'; token: TokenKind; expecting?: TokenKind; written?: string }
  | { kind: 'text'; text: 'Bad for loop variable' | 'Unterminated quoted string' | "Missing '}'" | "Missing '))'" | 'EOF in backquote substitution' | 'Bad function name' | 'Bad fd number'; quote?: string };

export class ShellSyntaxError extends Error {
  constructor(
    readonly detail: SyntaxDetail,
    /** The line the parser had reached (dash prints it). */
    readonly line: number,
    /** The input ended before the construct did: a terminal waits for more lines. */
    readonly incomplete: boolean,
  ) {
    super(syntaxMessage(detail, 'dash'));
  }
}

/** The message after `sh: ` (and dash's line number): `Syntax error: ...` or `syntax error: ...`. */
export function syntaxMessage(detail: SyntaxDetail, dialect: Dialect): string {
  if (detail.kind === 'text') {
    if (dialect === 'dash') return `Syntax error: ${detail.text}`;
    const text = detail.text === 'EOF in backquote substitution' ? detail.text : detail.text[0]!.toLowerCase() + detail.text.slice(1);
    return `syntax error: ${text}`;
  }
  const token = tokenName(detail.token);
  const expecting = detail.expecting ? ` (expecting ${tokenName(detail.expecting)})` : '';
  return dialect === 'dash' ? `Syntax error: ${token} unexpected${expecting}` : `syntax error: unexpected ${token}${expecting}`;
}

/** The closing character bash says it looked for when the input ended inside a construct. */
const BASH_MATCHING: Partial<Record<Extract<SyntaxDetail, { kind: 'text' }>['text'], string>> = { "Missing '}'": '}', "Missing '))'": ')', 'EOF in backquote substitution': '`' };

/**
 * bash 5.2's words for the same syntax error (parse.y report_syntax_error and
 * parse_matched_pair; recorded on the rig, golden host-bash-words): `syntax error near
 * unexpected token `)'`, `syntax error: unexpected end of file`, `unexpected EOF while
 * looking for matching `"'`. `offending`: whether bash also quotes the line (a
 * non-interactive shell does, for an unexpected token).
 */
export function bashSyntaxMessage(detail: SyntaxDetail): { message: string; offending: boolean } {
  if (detail.kind === 'unexpected') {
    if (detail.token === 'eof') return { message: 'syntax error: unexpected end of file', offending: false };
    const written = detail.token === 'nl' ? 'newline' : (detail.written ?? detail.token);
    return { message: `syntax error near unexpected token \`${written}'`, offending: true };
  }
  const matching = detail.quote ?? BASH_MATCHING[detail.text];
  if (matching !== undefined) return { message: `unexpected EOF while looking for matching \`${matching}'`, offending: false };
  // bash has no such syntax error (it allows the name, or complains when it runs): dash's words stand.
  return { message: syntaxMessage(detail, 'dash'), offending: false };
}
