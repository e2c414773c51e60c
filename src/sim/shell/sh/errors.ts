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

/** What went wrong: a token where it cannot be, or one of the lexer's own complaints. */
export type SyntaxDetail =
  | { kind: 'unexpected'; token: TokenKind; expecting?: TokenKind }
  | { kind: 'text'; text: 'Bad for loop variable' | 'Unterminated quoted string' | "Missing '}'" | "Missing '))'" | 'EOF in backquote substitution' | 'Bad function name' | 'Bad fd number' };

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
