/**
 * Compound commands as the shells run them: for (over words and over "$@"),
 * while and until with break and continue N, if/elif/else, case with glob
 * patterns, { } groups and ( ) subshells, functions with $1..$#, "$@",
 * return, local and shift. Expected texts from the real dash and busybox ash.
 */
import { describe, it } from 'vitest';
import { type Case, check } from './helpers.ts';

// LOOPS
const LOOPS: Case[] = [
  ["for i in 1 2 3; do echo \"item $i\"; done", "item 1\nitem 2\nitem 3\n", "item 1\nitem 2\nitem 3\n"],
  ["for i in a b\ndo\n  echo $i\ndone", "a\nb\n", "a\nb\n"],
  ["for i in; do echo x; done; echo end", "end\n", "end\n"],
  ["set -- a \"b c\"; for i; do echo \"[$i]\"; done", "[a]\n[b c]\n", "[a]\n[b c]\n"],
  ["set -- x y; for i do echo $i; done", "x\ny\n", "x\ny\n"],
  ["for i in $(echo 1 2 3); do printf '%s,' \"$i\"; done; echo", "1,2,3,\n", "1,2,3,\n"],
  ["i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done", "0\n1\n2\n", "0\n1\n2\n"],
  ["until [ \"$i\" = xxx ]; do i=\"${i}x\"; done; echo $i", "xxx\n", "xxx\n"],
  ["i=0; while :; do i=$((i+1)); [ $i -ge 3 ] && break; done; echo $i", "3\n", "3\n"],
  ["while false; do :; done; echo $?", "0\n", "0\n"],
  ["for i in a b; do false; done; echo $?", "1\n", "1\n"],
  ["for i in 1 2; do for j in 1 2; do echo $i$j; break 2; done; done", "11\n", "11\n"],
  ["for i in 1 2 3; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done", "1a\n2a\n3a\n", "1a\n2a\n3a\n"],
  ["for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done", "1\n3\n", "1\n3\n"],
  ["for i in 1 2; do break 5; done; echo after $i", "after 1\n", "after 1\n"],
  ["break; continue; echo outside", "outside\n", "outside\n"],
  ["break 0; echo a $?", "sh: 1: break: Illegal number: 0\n[exit 2]\n", "sh: break: line 0: Illegal number: 0\n[exit 2]\n"],
  ["while read l; do echo \"<$l>\"; done <<EOF\none\ntwo\nEOF", "<one>\n<two>\n", "<one>\n<two>\n"],
  ["printf 'a\\nb\\n' | while read x; do echo \"x=$x\"; done", "x=a\nx=b\n", "x=a\nx=b\n"],
  ["n=0; printf '1\\n2\\n3\\n' | while read x; do n=$((n+x)); done; echo $n", "0\n", "0\n"],
  ["for i in 1 2; do echo $i; done > /tmp/vl-loop.txt; cat /tmp/vl-loop.txt", "1\n2\n", "1\n2\n"],
  ["for i in 1 2\ndo\n  nosuch\ndone", "sh: 3: nosuch: not found\nsh: 3: nosuch: not found\n[exit 127]\n", "sh: nosuch: not found\nsh: nosuch: not found\n[exit 127]\n"],
];
// CONDITIONALS
const CONDITIONALS: Case[] = [
  ["if true; then echo y; fi; if false; then :; elif true; then echo e; else echo n; fi", "y\ne\n", "y\ne\n"],
  ["if true; then\n  echo a\nelif false; then\n  echo b\nelse\n  echo c\nfi", "a\n", "a\n"],
  ["if false; then echo no; fi; echo $?", "0\n", "0\n"],
  ["if [ 1 -gt 2 ]; then echo no; else echo yes; fi", "yes\n", "yes\n"],
  ["if ! grep -q root /etc/passwd; then echo no; else echo found; fi", "found\n", "found\n"],
  ["echo a && echo b || echo c", "a\nb\n", "a\nb\n"],
  ["false && echo b || echo c", "c\n", "c\n"],
  ["true || echo no && echo yes", "yes\n", "yes\n"],
  ["! false; echo $?; ! true; echo $?", "0\n1\n", "0\n1\n"],
  ["true | false | true; echo $?", "0\n", "0\n"],
  ["case abc in a*) echo star;; *) echo other;; esac", "star\n", "star\n"],
  ["case abc in \"a*\") echo lit;; a?c) echo q;; esac", "q\n", "q\n"],
  ["case b in [abc]) echo br;; esac; case z in [!abc]) echo neg;; esac", "br\nneg\n", "br\nneg\n"],
  ["case x in a|b|x) echo alt;; esac", "alt\n", "alt\n"],
  ["x=hello; case $x in h*o) echo match;; esac", "match\n", "match\n"],
  ["case \"a b\" in \"a b\") echo sp;; esac", "sp\n", "sp\n"],
  ["case x in (x) echo paren;; esac", "paren\n", "paren\n"],
  ["case x in a) echo a;; esac; echo $?", "0\n", "0\n"],
  ["case x in x) ;; esac; echo empty body $?", "empty body 0\n", "empty body 0\n"],
  ["case x in esac; echo ok", "ok\n", "ok\n"],
  ["case 5 in [0-9]) echo digit;; esac", "digit\n", "digit\n"],
  ["for f in app.py Dockerfile x.txt; do case $f in *.py) echo \"$f python\";; Dockerfile) echo \"$f docker\";; *) echo \"$f other\";; esac; done", "app.py python\nDockerfile docker\nx.txt other\n", "app.py python\nDockerfile docker\nx.txt other\n"],
];
// GROUPS
const GROUPS: Case[] = [
  ["{ echo a; echo b; } > /tmp/vl-grp.txt; cat /tmp/vl-grp.txt", "a\nb\n", "a\nb\n"],
  ["{ echo out; echo err >&2; } 2>&1 | tr a-z A-Z", "OUT\nERR\n", "OUT\nERR\n"],
  ["x=1; (x=2; echo in $x); echo out $x", "in 2\nout 1\n", "in 2\nout 1\n"],
  ["(exit 4); echo $?", "4\n", "4\n"],
  ["echo start; (echo sub; exit 1; echo no); echo $?", "start\nsub\n1\n", "start\nsub\n1\n"],
  ["(cd /tmp; pwd); cd /etc; pwd", "/tmp\n/etc\n", "/tmp\n/etc\n"],
  ["{ echo a; false; }; echo $?", "a\n1\n", "a\n1\n"],
  ["x=$(exit 3); echo $?", "3\n", "3\n"],
  ["echo x | { read v; echo \"got $v\"; }", "got x\n", "got x\n"],
  ["echo a | read v; echo \"[$v]\"", "[]\n", "[]\n"],
];
// FUNCTIONS
const FUNCTIONS: Case[] = [
  ["f() { echo $1 $#; return 3; }; f x y; echo $?", "x 2\n3\n", "x 2\n3\n"],
  ["f() {\n  echo in\n  bar\n}\necho x\nf", "x\nin\nsh: 3: bar: not found\n[exit 127]\n", "x\nin\nsh: bar: not found\n[exit 127]\n"],
  ["f() echo hi; f", "hi\n", "hi\n"],
  ["f () { echo ok; }; f", "ok\n", "ok\n"],
  ["greet() { echo \"Hello, ${1:-world}\"; }; greet; greet Docker", "Hello, world\nHello, Docker\n", "Hello, world\nHello, Docker\n"],
  ["f() { echo a; return; echo b; }; f; echo $?", "a\n0\n", "a\n0\n"],
  ["f() { return 300; }; f; echo $?", "300\n", "44\n"],
  ["f() { return x; }; f; echo $?", "sh: 1: return: Illegal number: x\n[exit 2]\n", "sh: return: line 0: Illegal number: x\n[exit 2]\n"],
  ["return 3; echo a", "[exit 3]\n", "[exit 3]\n"],
  ["g() { false; }; g; echo $?", "1\n", "1\n"],
  ["x=outer; f() { x=inner; }; f; echo $x", "inner\n", "inner\n"],
  ["f() { local x=1 y; y=2; echo $x$y; }; f; echo \"[$x$y]\"", "12\n[]\n", "12\n[]\n"],
  ["x=5; f() { local x; echo \"[$x]\"; }; f; echo $x", "[5]\n5\n", "[]\n5\n"],
  ["f() { local x=in; g; }; g() { echo $x; }; x=out; f; echo $x", "in\nout\n", "in\nout\n"],
  ["local x=1", "sh: 1: local: not in a function\n[exit 2]\n", "sh: local: line 0: not in a function\n[exit 2]\n"],
  ["f() { local 1x; }; f", "sh: 1: local: 1x: bad variable name\n[exit 2]\n", "sh: local: line 0: 1x: bad variable name\n[exit 2]\n"],
  ["f() { for a; do echo \"[$a]\"; done; }; f 1 \"2 3\"", "[1]\n[2 3]\n", "[1]\n[2 3]\n"],
  ["f() { echo $#; shift; echo \"$@\"; }; f a b c", "3\nb c\n", "3\nb c\n"],
  ["f() { shift 3; }; f; echo a $?", "sh: 1: shift: can't shift that many\n[exit 2]\n", "a 1\n"],
  ["set -- a b c; shift; echo $@; shift 2; echo $#", "b c\n0\n", "b c\n0\n"],
  ["shift x", "sh: 1: shift: Illegal number: x\n[exit 2]\n", "sh: shift: line 0: Illegal number: x\n[exit 2]\n"],
  ["set -- x y; f() { echo $#; }; f; echo $#", "0\n2\n", "0\n2\n"],
  ["fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 5", "120\n", "120\n"],
  ["count() { n=0; while [ $n -lt $1 ]; do n=$((n+1)); done; echo $n; }; count 5", "5\n", "5\n"],
  ["f() { echo f; }; unset -f f; f", "sh: 1: f: not found\n[exit 127]\n", "sh: f: not found\n[exit 127]\n"],
  ["f() { echo $0; }; f", "sh\n", "sh\n"],
  ["function f { echo a; }; f", "sh: 1: Syntax error: \"}\" unexpected\n[exit 2]\n", "a\n"],
  ["f() { echo \"$@\"; }; x=5 f arg; echo \"[$x]\"", "arg\n[]\n", "arg\n[]\n"],
];

describe('compound commands', () => {
  it.each(LOOPS)('loops: %j', (...c) => check(c));
  it.each(CONDITIONALS)('if and case: %j', (...c) => check(c));
  it.each(GROUPS)('groups and subshells: %j', (...c) => check(c));
  it.each(FUNCTIONS)('functions: %j', (...c) => check(c));
});
