/**
 * Builtins: test and [ (both shells' parsers and words), echo (dash reads
 * backslashes, busybox only with -e), printf, cd, exit, eval, readonly,
 * unset, export, set (-e, -u, -o pipefail in ash), type, command -v, trap
 * EXIT, `.`. Expected texts from the real dash and busybox ash.
 */
import { describe, it } from 'vitest';
import { type Case, check } from './helpers.ts';

// TEST
const TEST: Case[] = [
  ["[ ]; echo $?", "1\n", "1\n"],
  ["[ -z ]; echo $? ; [ -n ]; echo $?", "0\n0\n", "0\n0\n"],
  ["[ a -eq ]; echo $?", "sh: 1: [: -eq: argument expected\n2\n", "sh: -eq: argument expected\n2\n"],
  ["[ ! ]; echo $?; [ ! a ]; echo $?", "0\n1\n", "0\n1\n"],
  ["[ a = ]; echo $?", "sh: 1: [: =: argument expected\n2\n", "sh: =: argument expected\n2\n"],
  ["[ = a ]; echo $?", "sh: 1: [: =: unexpected operator\n2\n", "sh: a: unknown operand\n2\n"],
  ["[ 1 -gt 2 -o 3 -gt 2 ]; echo $?", "0\n", "0\n"],
  ["[ 1 -gt 2 -o ]; echo $?", "1\n", "sh: argument expected\n2\n"],
  ["[ a -foo b ]; echo $?", "sh: 1: [: a: unexpected operator\n2\n", "sh: -foo: unknown operand\n2\n"],
  ["[ -q a ]; echo $?", "sh: 1: [: -q: unexpected operator\n2\n", "sh: a: unknown operand\n2\n"],
  ["[ a b ]; echo $?", "sh: 1: [: a: unexpected operator\n2\n", "sh: b: unknown operand\n2\n"],
  ["[ 1 -eq 1.5 ]; echo $?", "sh: 1: [: Illegal number: 1.5\n2\n", "sh: 1.5: bad number\n2\n"],
  ["[ \" 1\" -eq 1 ]; echo $?", "0\n", "0\n"],
  ["[ \"\" -eq 0 ]", "sh: 1: [: Illegal number: \n[exit 2]\n", "sh: bad number\n[exit 2]\n"],
  ["[ 99999999999999999999 -eq 1 ]; echo $?", "sh: 1: [: Illegal number: 99999999999999999999\n2\n", "sh: 99999999999999999999: out of range\n2\n"],
  ["[ \\( a = a \\) ]; echo $?", "0\n", "0\n"],
  ["[ \\( a = a ]; echo $?", "sh: 1: [: closing paren expected\n2\n", "sh: closing paren expected\n2\n"],
  ["test; echo $?; test -n; echo $?", "1\n0\n", "1\n0\n"],
  ["[ a \\< b ]; echo $?", "0\n", "0\n"],
  ["[ a == a ]; echo $?", "sh: 1: [: a: unexpected operator\n2\n", "0\n"],
  ["[ ! -z a -a -n b ]; echo $?", "0\n", "0\n"],
  ["[ a = b", "sh: 1: [: missing ]\n[exit 2]\n", "sh: missing ]\n[exit 2]\n"],
  ["[ a = a ] ]; echo $?", "sh: 1: [: a: unexpected operator\n2\n", "sh: ]: unknown operand\n2\n"],
  ["[ -n a -a -z \"\" -o a = b ]; echo $?", "0\n", "0\n"],
  ["[ x -lt ]; echo $?", "sh: 1: [: -lt: argument expected\n2\n", "sh: -lt: argument expected\n2\n"],
  ["[ -d /tmp ] && echo dir; [ -f /tmp ] || echo notfile; [ -e /nope ] || echo none", "dir\nnotfile\nnone\n", "dir\nnotfile\nnone\n"],
  ["echo x > /tmp/vl-t; [ -f /tmp/vl-t ] && [ -s /tmp/vl-t ] && echo file; : > /tmp/vl-t; [ -s /tmp/vl-t ] || echo empty", "file\nempty\n", "file\nempty\n"],
  ["[ 3 -ne 4 ] && [ 5 -ge 5 ] && [ 5 -le 6 ] && [ -1 -lt 0 ] && [ 1 -eq 01 ] && echo ok", "ok\n", "ok\n"],
  ["[ \"$nope\" = \"\" ] && echo empty; [ -z \"$HOME\" ]; echo $?", "empty\n1\n", "empty\n1\n"],
  ["[ 1 -eq a ]", "sh: 1: [: Illegal number: a\n[exit 2]\n", "sh: a: bad number\n[exit 2]\n"],
];
// ECHO_PRINTF
const ECHO_PRINTF: Case[] = [
  ["echo a\\tb 'c\\td'", "atb c\td\n", "atb c\\td\n"],
  ["echo -e 'a\\tb'", "-e a\tb\n", "a\tb\n"],
  ["echo -n x; echo 'c\\cd'; echo", "xc\n", "xc\\cd\n\n"],
  ["echo 'a\\nb'", "a\nb\n", "a\\nb\n"],
  ["printf \"%s-%d\\n\" a 5 b 6", "a-5\nb-6\n", "a-5\nb-6\n"],
  ["printf \"%5s|%-5s|%05d|%x|%o|%c|%%\\n\" ab cd 42 255 8 xyz", "   ab|cd   |00042|ff|10|x|%\n", "   ab|cd   |00042|ff|10|x|%\n"],
  ["printf \"a\\tb\\n\"; printf %b \"x\\ty\\n\"", "a\tb\nx\ty\n", "a\tb\nx\ty\n"],
  ["printf \"%s\\n\"", "\n", "\n"],
  ["printf '%s\\n' 'a b' c", "a b\nc\n", "a b\nc\n"],
  ["printf \"%.2f %3d|\\n\" 3.14159 7", "3.14   7|\n", "3.14   7|\n"],
  ["printf \"%d\\n\" abc; echo $?", "sh: 1: printf: abc: expected numeric value\n0\n1\n", "sh: invalid number 'abc'\n0\n1\n"],
  ["printf", "sh: 1: printf: usage: printf format [arg ...]\n[exit 2]\n", "sh: usage: printf FORMAT [ARGUMENT...]\n[exit 2]\n"],
  ["printf \"%q\\n\" a", "sh: 1: printf: %q: invalid directive\n[exit 2]\n", "sh: %q\\n: invalid format\n[exit 1]\n"],
  ["printf 'no newline'", "no newline\n", "no newline\n"],
];
// BUILTINS
const BUILTINS: Case[] = [
  ["cd /nope; echo a $?", "sh: 1: cd: can't cd to /nope\na 2\n", "sh: cd: line 0: can't cd to /nope: No such file or directory\na 2\n"],
  ["cd /nope", "sh: 1: cd: can't cd to /nope\n[exit 2]\n", "sh: cd: line 0: can't cd to /nope: No such file or directory\n[exit 2]\n"],
  ["\ncd /nope", "sh: 2: cd: can't cd to /nope\n[exit 2]\n", "sh: cd: line 1: can't cd to /nope: No such file or directory\n[exit 2]\n"],
  ["f() {\n  cd /nope\n}\nf", "sh: 2: cd: can't cd to /nope\n[exit 2]\n", "sh: cd: line 1: can't cd to /nope: No such file or directory\n[exit 2]\n"],
  ["cd /tmp && pwd && cd /etc && cd - && echo $PWD $OLDPWD", "/tmp\n/tmp\n/tmp /etc\n", "/tmp\n/tmp\n/tmp /etc\n"],
  ["exit 300", "[exit 44]\n", "[exit 44]\n"],
  ["echo a\nexit x", "a\nsh: 2: exit: Illegal number: x\n[exit 2]\n", "a\nsh: exit: line 1: Illegal number: x\n[exit 2]\n"],
  ["exit -1", "sh: 1: exit: Illegal number: -1\n[exit 2]\n", "sh: exit: line 0: Illegal number: -1\n[exit 2]\n"],
  ["false; exit", "[exit 1]\n", "[exit 1]\n"],
  ["eval foo", "sh: 1: eval: foo: not found\n[exit 127]\n", "sh: eval: line 0: foo: not found\n[exit 127]\n"],
  ["\neval \"echo a; foo\"", "a\nsh: 1: eval: foo: not found\n[exit 127]\n", "a\nsh: eval: line 1: foo: not found\n[exit 127]\n"],
  ["eval 'x=5'; echo $x", "5\n", "5\n"],
  ["cmd='echo hi from eval'; eval \"$cmd\"", "hi from eval\n", "hi from eval\n"],
  ["eval \"echo a\nfoo\"", "a\nsh: 2: eval: foo: not found\n[exit 127]\n", "a\nsh: eval: line 1: foo: not found\n[exit 127]\n"],
  ["readonly x=1; x=2; echo $x", "sh: 1: x: is read only\n[exit 2]\n", "sh: x: is read only\n[exit 2]\n"],
  ["readonly r=1; unset r; echo $?", "sh: 1: unset: r: is read only\n[exit 2]\n", "sh: unset: line 0: r: is read only\n[exit 2]\n"],
  ["x=1; unset x; echo ${x-unset}", "unset\n", "unset\n"],
  ["export 1x=2", "sh: 1: export: 1x: bad variable name\n[exit 2]\n", "sh: export: line 0: 1x: bad variable name\n[exit 2]\n"],
  ["x=1; export x; export -p | grep ' x='", "export x='1'\n", "export x='1'\n"],
  ["x=1; y=\"a b\"; set | grep -E \"^(x|y)=\"", "x='1'\ny='a b'\n", "x='1'\ny='a b'\n"],
  ["set -q; echo a", "sh: 1: set: Illegal option -q\n[exit 2]\n", "sh: set: line 0: illegal option -q\n[exit 2]\n"],
  ["set -- a b; echo $#; set --; echo $#", "2\n0\n", "2\n0\n"],
  ["set -e; false; echo no", "[exit 1]\n", "[exit 1]\n"],
  ["set -e; false || true; echo yes; if false; then :; fi; echo yes2; ! true; echo yes3", "yes\nyes2\nyes3\n", "yes\nyes2\nyes3\n"],
  ["set -e; f() { false; echo inf; }; f; echo after", "[exit 1]\n", "[exit 1]\n"],
  ["set -o pipefail; false | true; echo $?", "sh: 1: set: Illegal option -o pipefail\n[exit 2]\n", "1\n"],
  ["type echo export cd; f() { :; }; type f; type nosuch; echo $?", "echo is a shell builtin\nexport is a special shell builtin\ncd is a shell builtin\nf is a shell function\nnosuch: not found\n127\n", "echo is a shell builtin\nexport is a special shell builtin\ncd is a shell builtin\nf is a function\nnosuch: not found\n127\n"],
  ["command -v echo; command -v nosuch; echo $?", "echo\n127\n", "echo\n127\n"],
  ["command -V echo", "echo is a shell builtin\n", "echo is a shell builtin\n"],
  ["trap \"echo bye\" EXIT; echo hi", "hi\nbye\n", "hi\nbye\n"],
  ["trap 'echo cleanup' EXIT; exit 3", "cleanup\n[exit 3]\n", "cleanup\n[exit 3]\n"],
  ["echo \"echo in dot \\$1\" > /tmp/vl-dot.sh; . /tmp/vl-dot.sh x; echo $?", "in dot\n0\n", "in dot x\n0\n"],
  [". /nope", "sh: 1: .: cannot open /nope: No such file\n[exit 2]\n", "sh: .: line 0: can't open '/nope': No such file or directory\n[exit 2]\n"],
  ["wait; echo $?", "0\n", "0\n"],
  ["true; echo $?; false; echo $?; :; echo $?", "0\n1\n0\n", "0\n1\n0\n"],
];

describe('builtins', () => {
  it.each(TEST)('test and [: %j', (...c) => check(c));
  it.each(ECHO_PRINTF)('echo and printf: %j', (...c) => check(c));
  it.each(BUILTINS)('the others: %j', (...c) => check(c));
});
