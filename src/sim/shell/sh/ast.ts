/**
 * The syntax tree of a shell program, as dash's parser builds it (nodes.h):
 * commands, and words as lists of parts that remember which text was quoted.
 * Plain data, shared by the parser, the expander and the interpreter.
 */

/** Which shell: dash (the Debian hosts' /bin/sh) or busybox ash (the containers'). */
export type Dialect = 'dash' | 'ash';

/** `${name OP word}`: the operators both shells take, and ash's bash-like extras. */
export type ParamOp =
  | ''
  | '-'
  | ':-'
  | '='
  | ':='
  | '+'
  | ':+'
  | '?'
  | ':?'
  | '%'
  | '%%'
  | '#'
  | '##'
  | 'len'
  /** ash: `${x:offset:length}`. */
  | 'substr'
  /** ash: `${x/pattern/replacement}` and `${x//pattern/replacement}`. */
  | '/'
  | '//'
  /** Anything else (`${a b}`, `${!x}`): "Bad substitution" when expanded. */
  | 'bad';

export type Part =
  /** Text as written; `quoted` when it came from quotes or a backslash (then it is never split nor globbed). */
  | { kind: 'lit'; text: string; quoted: boolean }
  /** `written`: a bad substitution's `${...}` as written (bash quotes it). */
  | { kind: 'param'; name: string; op: ParamOp; word: Part[]; word2?: Part[]; quoted: boolean; written?: string }
  | { kind: 'sub'; body: Node | null; quoted: boolean }
  /** `$((...))`: the expression's parts (expanded like a double-quoted string, then evaluated). */
  | { kind: 'arith'; expr: Part[]; quoted: boolean };

export type Word = Part[];

export type RedirOp = '>' | '>|' | '>>' | '<' | '<>' | '>&' | '<&' | '<<' | '<<-';

export interface Redir {
  fd: number;
  op: RedirOp;
  /** The file, or for `>&`/`<&` the fd (`-` closes). Unused for here-documents. */
  target: Word;
  /** A here-document's text (expanded unless its delimiter was quoted). */
  here?: { body: Word; expand: boolean };
}

export type Node =
  | { type: 'cmd'; line: number; assigns: Word[]; args: Word[]; redirs: Redir[] }
  | { type: 'pipe'; cmds: Node[] }
  | { type: 'not'; body: Node }
  | { type: 'and' | 'or' | 'semi'; left: Node; right: Node }
  | { type: 'bg'; body: Node }
  | { type: 'if'; test: Node | null; then: Node | null; else: Node | null }
  | { type: 'while' | 'until'; test: Node | null; body: Node | null }
  /** `words` null: `for NAME; do` (over "$@"). */
  | { type: 'for'; line: number; name: string; words: Word[] | null; body: Node | null }
  | { type: 'case'; line: number; word: Word; items: { patterns: Word[]; body: Node | null }[] }
  | { type: 'group'; body: Node | null }
  | { type: 'subshell'; line: number; body: Node | null }
  /** A compound command with redirections (`{ ...; } > f`, `done < f`). */
  | { type: 'redir'; line: number; body: Node; redirs: Redir[] }
  | { type: 'defun'; line: number; name: string; body: Node };
