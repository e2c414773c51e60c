/**
 * The POSIX shell of the simulated machines: dash on the Debian hosts, busybox
 * ash in containers (the context's userland picks which), with their exact
 * wording for every error. A program is what `sh -c TEXT` runs: one line or
 * many, with compound commands (if, while, until, for, case, `{ }`, `( )`),
 * functions, parameter and arithmetic expansion, here-documents, pipelines,
 * redirections and the usual builtins. The pieces live in ./sh/: the lexer,
 * the parser (to a syntax tree), the expander, arithmetic, patterns, the
 * builtins and the interpreter. Nothing here throws: a syntax error is an
 * answer like any other, and a runaway loop is stopped by a step budget.
 */
import type { CommandOutput } from './types.ts';
import type { Dialect, Node } from './sh/ast.ts';
import { ShellSyntaxError } from './sh/errors.ts';
import { Shell, type ShellOptions } from './sh/exec.ts';
import { Parser } from './sh/parser.ts';

export { ShellSyntaxError } from './sh/errors.ts';
export type { ShellOptions, ShellState } from './sh/exec.ts';
export { newShellState } from './sh/exec.ts';
export { DEPTH_BUDGET, LOOP_BUDGET } from './sh/exec.ts';

/** Runs a program as `sh -c TEXT` does, with `stdin` as its standard input. */
export function runShell(line: string, options: ShellOptions, stdin = ''): CommandOutput {
  return new Shell(options).run(line, stdin);
}

/** Parses a whole program (dash's grammar unless told); throws ShellSyntaxError. */
export function parse(text: string, dialect: Dialect = 'dash'): Node | null {
  return new Parser(text, dialect).program();
}

/**
 * Whether a terminal must wait for more lines before it runs this text: an
 * open compound command, quote, `$(`, `${`, here-document, a trailing `|`,
 * `&&`, `||` or backslash. (Any other syntax error is the shell's to report.)
 */
export function needsContinuation(text: string, dialect: Dialect = 'dash'): boolean {
  const parser = new Parser(text, dialect);
  try {
    while (parser.next() !== 'eof');
  } catch (e) {
    if (e instanceof ShellSyntaxError) return e.incomplete;
    return false;
  }
  return parser.heredocAtEof || parser.trailingBackslash;
}
