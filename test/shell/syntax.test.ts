/**
 * Syntax errors, found where dash and busybox ash find them and worded as each
 * prints them (dash `sh: LINE: Syntax error: "done" unexpected`, ash `sh: syntax
 * error: unexpected "done"`); lines before a bad one still run. The end-of-input
 * cases are also what the terminal treats as unfinished (it prompts for more).
 */
import { describe, expect, it } from 'vitest';
import { needsContinuation, parse, ShellSyntaxError } from '../../src/sim/shell/sh.ts';
import { type Case, check } from './helpers.ts';

// UNEXPECTED
const UNEXPECTED: Case[] = [
  ["echo a; done", "sh: 1: Syntax error: \"done\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \"done\"\n[exit 2]\n"],
  ["echo a\ndone", "a\nsh: 2: Syntax error: \"done\" unexpected\n[exit 2]\n", "a\nsh: syntax error: unexpected \"done\"\n[exit 2]\n"],
  ["if true\nthen\nfi", "sh: 3: Syntax error: \"fi\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \"fi\"\n[exit 2]\n"],
  ["while true\ndo\ndone", "sh: 3: Syntax error: \"done\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \"done\"\n[exit 2]\n"],
  ["| echo", "sh: 1: Syntax error: \"|\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \"|\"\n[exit 2]\n"],
  ["&& echo", "sh: 1: Syntax error: \"&&\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \"&&\"\n[exit 2]\n"],
  ["; echo", "sh: 1: Syntax error: \";\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \";\"\n[exit 2]\n"],
  [";;", "sh: 1: Syntax error: \";;\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \";;\"\n[exit 2]\n"],
  ["echo a;;", "sh: 1: Syntax error: \";;\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \";;\"\n[exit 2]\n"],
  ["echo > ;", "sh: 1: Syntax error: \";\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \";\"\n[exit 2]\n"],
  ["f() { }", "sh: 1: Syntax error: \"}\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \"}\"\n[exit 2]\n"],
  ["{ }", "sh: 1: Syntax error: \"}\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \"}\"\n[exit 2]\n"],
  ["( )", "sh: 1: Syntax error: \")\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \")\"\n[exit 2]\n"],
  ["if; then fi", "sh: 1: Syntax error: \";\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \";\"\n[exit 2]\n"],
  ["if true; done", "sh: 1: Syntax error: \"done\" unexpected (expecting \"then\")\n[exit 2]\n", "sh: syntax error: unexpected \"done\" (expecting \"then\")\n[exit 2]\n"],
  ["if true; then echo; done", "sh: 1: Syntax error: \"done\" unexpected (expecting \"fi\")\n[exit 2]\n", "sh: syntax error: unexpected \"done\" (expecting \"fi\")\n[exit 2]\n"],
  ["while true; fi", "sh: 1: Syntax error: \"fi\" unexpected (expecting \"do\")\n[exit 2]\n", "sh: syntax error: unexpected \"fi\" (expecting \"do\")\n[exit 2]\n"],
  ["for i in a b; echo", "sh: 1: Syntax error: word unexpected (expecting \"do\")\n[exit 2]\n", "sh: syntax error: unexpected word (expecting \"do\")\n[exit 2]\n"],
  ["for i in a b; do echo; fi", "sh: 1: Syntax error: \"fi\" unexpected (expecting \"done\")\n[exit 2]\n", "sh: syntax error: unexpected \"fi\" (expecting \"done\")\n[exit 2]\n"],
  ["echo >\nx", "sh: 2: Syntax error: newline unexpected\n[exit 2]\n", "sh: syntax error: unexpected newline\n[exit 2]\n"],
  ["case x in a) echo;; b echo", "sh: 1: Syntax error: word unexpected (expecting \")\")\n[exit 2]\n", "sh: syntax error: unexpected word (expecting \")\")\n[exit 2]\n"],
  ["case x in a) echo;; esac esac", "sh: 1: Syntax error: \"esac\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \"esac\"\n[exit 2]\n"],
  ["{ echo; )", "sh: 1: Syntax error: \")\" unexpected (expecting \"}\")\n[exit 2]\n", "sh: syntax error: unexpected \")\" (expecting \"}\")\n[exit 2]\n"],
  ["(echo; }", "sh: 1: Syntax error: \"}\" unexpected (expecting \")\")\n[exit 2]\n", "sh: syntax error: unexpected \"}\" (expecting \")\")\n[exit 2]\n"],
  ["for i in a b c do echo; done", "sh: 1: Syntax error: \"done\" unexpected (expecting \"do\")\n[exit 2]\n", "sh: syntax error: unexpected \"done\" (expecting \"do\")\n[exit 2]\n"],
  ["if true; then echo; else; fi", "sh: 1: Syntax error: \";\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \";\"\n[exit 2]\n"],
  ["echo a | | b", "sh: 1: Syntax error: \"|\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \"|\"\n[exit 2]\n"],
  ["echo a ; ; b", "sh: 1: Syntax error: \";\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \";\"\n[exit 2]\n"],
  ["echo a)", "sh: 1: Syntax error: \")\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \")\"\n[exit 2]\n"],
  ["x=(1 2)", "sh: 1: Syntax error: \"(\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \"(\"\n[exit 2]\n"],
  ["f(x) { :; }", "sh: 1: Syntax error: word unexpected (expecting \")\")\n[exit 2]\n", "sh: syntax error: unexpected word (expecting \")\")\n[exit 2]\n"],
  ["done", "sh: 1: Syntax error: \"done\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \"done\"\n[exit 2]\n"],
  ["then", "sh: 1: Syntax error: \"then\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \"then\"\n[exit 2]\n"],
  ["esac", "sh: 1: Syntax error: \"esac\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \"esac\"\n[exit 2]\n"],
  ["}", "sh: 1: Syntax error: \"}\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \"}\"\n[exit 2]\n"],
  ["in", "sh: 1: Syntax error: \"in\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \"in\"\n[exit 2]\n"],
  ["echo $((1+2)))", "sh: 1: Syntax error: \")\" unexpected\n[exit 2]\n", "sh: syntax error: unexpected \")\"\n[exit 2]\n"],
];
// END_OF_FILE
const END_OF_FILE: Case[] = [
  ["for i in a b\ndo echo $i", "sh: 2: Syntax error: end of file unexpected (expecting \"done\")\n[exit 2]\n", "sh: syntax error: unexpected end of file (expecting \"done\")\n[exit 2]\n"],
  ["for i in a\ndo echo $i\n", "sh: 3: Syntax error: end of file unexpected (expecting \"done\")\n[exit 2]\n", "sh: syntax error: unexpected end of file (expecting \"done\")\n[exit 2]\n"],
  ["case x in\na) echo", "sh: 2: Syntax error: end of file unexpected (expecting \";;\")\n[exit 2]\n", "sh: syntax error: unexpected end of file (expecting \";;\")\n[exit 2]\n"],
  ["echo \"abc\ndef", "sh: 2: Syntax error: Unterminated quoted string\n[exit 2]\n", "sh: syntax error: unterminated quoted string\n[exit 2]\n"],
  ["echo 'x", "sh: 1: Syntax error: Unterminated quoted string\n[exit 2]\n", "sh: syntax error: unterminated quoted string\n[exit 2]\n"],
  ["{ echo a", "sh: 1: Syntax error: end of file unexpected (expecting \"}\")\n[exit 2]\n", "sh: syntax error: unexpected end of file (expecting \"}\")\n[exit 2]\n"],
  ["( echo a", "sh: 1: Syntax error: end of file unexpected (expecting \")\")\n[exit 2]\n", "sh: syntax error: unexpected end of file (expecting \")\")\n[exit 2]\n"],
  ["echo $(echo", "sh: 1: Syntax error: end of file unexpected (expecting \")\")\n[exit 2]\n", "sh: syntax error: unexpected end of file (expecting \")\")\n[exit 2]\n"],
  ["echo ${x", "sh: 1: Syntax error: Missing '}'\n[exit 2]\n", "sh: syntax error: missing '}'\n[exit 2]\n"],
  ["echo ${x:}", "sh: 1: Syntax error: Missing '}'\n[exit 2]\n", "sh: syntax error: missing '}'\n[exit 2]\n"],
  ["echo `echo", "sh: 1: Syntax error: EOF in backquote substitution\n[exit 2]\n", "sh: syntax error: EOF in backquote substitution\n[exit 2]\n"],
  ["echo a &&", "sh: 1: Syntax error: end of file unexpected\n[exit 2]\n", "sh: syntax error: unexpected end of file\n[exit 2]\n"],
  ["echo a |", "sh: 1: Syntax error: end of file unexpected\n[exit 2]\n", "sh: syntax error: unexpected end of file\n[exit 2]\n"],
  ["echo >", "sh: 1: Syntax error: end of file unexpected\n[exit 2]\n", "sh: syntax error: unexpected end of file\n[exit 2]\n"],
  ["cat <<", "sh: 1: Syntax error: end of file unexpected\n[exit 2]\n", "sh: syntax error: unexpected end of file\n[exit 2]\n"],
  ["f()", "sh: 1: Syntax error: end of file unexpected\n[exit 2]\n", "sh: syntax error: unexpected end of file\n[exit 2]\n"],
  ["echo (", "sh: 1: Syntax error: end of file unexpected (expecting \")\")\n[exit 2]\n", "sh: syntax error: unexpected end of file (expecting \")\")\n[exit 2]\n"],
  ["case", "sh: 1: Syntax error: end of file unexpected (expecting word)\n[exit 2]\n", "sh: syntax error: unexpected end of file (expecting word)\n[exit 2]\n"],
  ["case x", "sh: 1: Syntax error: end of file unexpected (expecting \"in\")\n[exit 2]\n", "sh: syntax error: unexpected end of file (expecting \"in\")\n[exit 2]\n"],
  ["case x in", "sh: 1: Syntax error: end of file unexpected (expecting \")\")\n[exit 2]\n", "sh: syntax error: unexpected end of file (expecting \")\")\n[exit 2]\n"],
  ["echo $(( (1+2 ))", "sh: 1: Syntax error: Missing '))'\n[exit 2]\n", "sh: syntax error: missing '))'\n[exit 2]\n"],
  ["echo $((1)", "sh: 1: Syntax error: Missing '))'\n[exit 2]\n", "sh: syntax error: missing '))'\n[exit 2]\n"],
];
// OTHER
const OTHER: Case[] = [
  ["for ; do done", "sh: 1: Syntax error: Bad for loop variable\n[exit 2]\n", "sh: syntax error: bad for loop variable\n[exit 2]\n"],
  ["for 1 in a; do :; done", "sh: 1: Syntax error: Bad for loop variable\n[exit 2]\n", "sh: syntax error: bad for loop variable\n[exit 2]\n"],
  ["for \"i\" in a; do :; done", "sh: 1: Syntax error: Bad for loop variable\n[exit 2]\n", "sh: syntax error: bad for loop variable\n[exit 2]\n"],
  ["echo ${a b}", "sh: 1: Bad substitution\n[exit 2]\n", "sh: syntax error: bad substitution\n[exit 2]\n"],
  ["echo hi; echo ${a b}", "hi\nsh: 1: Bad substitution\n[exit 2]\n", "hi\nsh: syntax error: bad substitution\n[exit 2]\n"],
  ["echo ${!x}", "sh: 1: Bad substitution\n[exit 2]\n", "sh: syntax error: bad substitution\n[exit 2]\n"],
  ["x=hello; echo ${x:1:3}", "sh: 1: Bad substitution\n[exit 2]\n", "ell\n"],
  ["echo a >&x", "sh: 1: Syntax error: Bad fd number\n[exit 2]\n", ""],
  ["eval \"done\"; echo a $?", "sh: 1: eval: Syntax error: \"done\" unexpected\n[exit 2]\n", "sh: eval: line 0: syntax error: unexpected \"done\"\n[exit 2]\n"],
  ["echo a\neval 'if true'", "a\nsh: 1: eval: Syntax error: end of file unexpected (expecting \"then\")\n[exit 2]\n", "a\nsh: eval: line 1: syntax error: unexpected end of file (expecting \"then\")\n[exit 2]\n"],
];

describe('syntax errors', () => {
  it.each(UNEXPECTED)('a token where it cannot be: %j', (...c) => check(c));
  it.each(END_OF_FILE)('the end of the input inside a construct: %j', (...c) => check(c));
  it.each(OTHER)('the lexer’s and runtime complaints: %j', (...c) => check(c));

  it('are thrown by parse, with the line and whether the input ended too soon', () => {
    expect(() => parse('a | | b')).toThrow(ShellSyntaxError);
    try {
      parse('for i in 1\ndo echo');
    } catch (e) {
      expect(e).toMatchObject({ line: 2, incomplete: true, detail: { kind: 'unexpected', token: 'eof', expecting: 'done' } });
    }
  });
});

describe('needsContinuation (the terminal’s PS2)', () => {
  it.each(END_OF_FILE.map((c) => c[0]).filter((s) => !['echo >', 'cat <<', 'f()', 'echo (', 'case'].includes(s)))('waits after %j', (s) => {
    expect(needsContinuation(s)).toBe(true);
  });

  it('waits for a here-document’s delimiter and after a trailing backslash', () => {
    expect(needsContinuation('cat <<EOF')).toBe(true);
    expect(needsContinuation('cat <<EOF\nline')).toBe(true);
    expect(needsContinuation('cat <<EOF\nline\nEOF')).toBe(false);
    expect(needsContinuation('echo a \\')).toBe(true);
    expect(needsContinuation('for i in 1 2; do')).toBe(true);
    expect(needsContinuation('if true; then echo a; fi')).toBe(false);
  });

  it('does not wait on a complete line or a plain syntax error (the shell reports it)', () => {
    for (const [s] of UNEXPECTED) expect(needsContinuation(s), s).toBe(false);
    expect(needsContinuation('echo hi')).toBe(false);
    expect(needsContinuation('')).toBe(false);
  });
});
