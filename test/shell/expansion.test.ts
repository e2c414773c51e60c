/**
 * Expansions: every ${...} form (ash also has ${x:off:len} and ${x/p/r}),
 * $@ and $* quoted and not, field splitting on IFS, $(...) and backquotes,
 * quoting, ~ and pathname expansion. Expected texts from the real dash and
 * busybox ash.
 */
import { describe, it } from 'vitest';
import { type Case, check } from './helpers.ts';

// PARAMETERS
const PARAMETERS: Case[] = [
  ["x=a.b.c; echo ${x%.*} ${x%%.*} ${x#*.} ${x##*.}", "a.b a b.c c\n", "a.b a b.c c\n"],
  ["p=/usr/local/bin/tool; echo ${p##*/} ${p%/*}", "tool /usr/local/bin\n", "tool /usr/local/bin\n"],
  ["f=file.tar.gz; echo ${f%.gz} ${f%%.*} ${f#*.}", "file.tar file tar.gz\n", "file.tar file tar.gz\n"],
  ["x=abcabc; echo ${x#*b} ${x##*b} ${x%b*} ${x%%b*}", "cabc c abca a\n", "cabc c abca a\n"],
  ["x=abc; echo ${x%\"*\"} ${x#\"a\"} \"${x#'a'}\"", "abc bc bc\n", "abc bc bc\n"],
  ["x=\"a*c\"; echo \"${x#\"a*\"}\" \"${x#a*}\"", "c *c\n", "c *c\n"],
  ["x=aaa; echo ${x#a} ${x##a*} \"${x%[a]}\"", "aa aa\n", "aa aa\n"],
  ["echo ${x:=def} $x", "def def\n", "def def\n"],
  ["echo ${x=def} $x", "def def\n", "def def\n"],
  ["x=; echo \"[${x=def}]\" \"[${x:=def}]\"", "[] [def]\n", "[] [def]\n"],
  ["x=; echo ${x:+alt}. ${x+alt}.", ". alt.\n", ". alt.\n"],
  ["echo ${1:-none} ${x:-$(echo sub)} ${y-unset}", "none sub unset\n", "none sub unset\n"],
  ["y=2; echo ${x:-$y} ${x:-${y}0} ${x:-${z:-deep}}", "2 20 deep\n", "2 20 deep\n"],
  ["echo ${#x} ${#HOME}", "0 5\n", "0 5\n"],
  ["x=hello; echo ${#x}", "5\n", "5\n"],
  ["x='q'; echo ${x:-'lit $y'} \"${y:-'q'}\"", "q 'q'\n", "q 'q'\n"],
  ["echo \"${x:-\"a b\"}\"", "a b\n", "a b\n"],
  ["echo ${x:-a b}|tr \" \" _", "a_b\n", "a_b\n"],
  ["echo ${x?}; echo after", "sh: 1: x: parameter not set\n[exit 2]\n", "sh: x: parameter not set\n[exit 2]\n"],
  ["echo ${x:?}", "sh: 1: x: parameter not set or null\n[exit 2]\n", "sh: x: parameter not set or null\n[exit 2]\n"],
  ["x=; echo ${x:?}", "sh: 1: x: parameter not set or null\n[exit 2]\n", "sh: x: parameter not set or null\n[exit 2]\n"],
  ["echo ${y:?custom message here}", "sh: 1: y: custom message here\n[exit 2]\n", "sh: y: custom message here\n[exit 2]\n"],
  ["f() { echo ${1:?need arg}; }; f; echo after", "sh: 1: 1: need arg\n[exit 2]\n", "sh: 1: need arg\n[exit 2]\n"],
  ["x=$(echo ${y?}); echo after $?", "sh: 1: y: parameter not set\nafter 2\n", "sh: y: parameter not set\nafter 2\n"],
  ["set -u; echo $nope; echo after", "sh: 1: nope: parameter not set\n[exit 2]\n", "sh: nope: parameter not set\n[exit 2]\n"],
  ["set -u; echo ${nope:-ok}", "ok\n", "ok\n"],
  ["x=hello; echo ${x:1:3} ${x/l/L} ${x//l/L}", "sh: 1: Bad substitution\n[exit 2]\n", "ell heLlo heLLo\n"],
];
// SPECIAL
const SPECIAL: Case[] = [
  ["set -- a b c; echo $# $1 ${2} $* \"$@\"", "3 a b a b c a b c\n", "3 a b a b c a b c\n"],
  ["set -- a b c; for a in \"$@\"; do echo \"[$a]\"; done; for a in \"$*\"; do echo \"[$a]\"; done", "[a]\n[b]\n[c]\n[a b c]\n", "[a]\n[b]\n[c]\n[a b c]\n"],
  ["set -- \"a b\" c; for a in $@; do echo \"[$a]\"; done; for a in \"$@\"; do echo \"<$a>\"; done", "[a]\n[b]\n[c]\n<a b>\n<c>\n", "[a]\n[b]\n[c]\n<a b>\n<c>\n"],
  ["set -- 1 2 3 4 5 6 7 8 9 10; echo ${10} $10", "10 10\n", "10 10\n"],
  ["set -- ; echo \"[$@]\" \"[$*]\" $#", "[] [] 0\n", "[] [] 0\n"],
  ["set -- a \"\" c; echo $#; for i in \"$@\"; do echo \"[$i]\"; done", "3\n[a]\n[]\n[c]\n", "3\n[a]\n[]\n[c]\n"],
  ["echo \"x$@y\"; set -- 1 2; echo \"x$@y\"", "xy\nx1 2y\n", "xy\nx1 2y\n"],
  ["set -- a b; echo \"$*\"; IFS=:; echo \"$*\"", "a b\na:b\n", "a b\na:b\n"],
  ["false; echo $?; true; echo $?", "1\n0\n", "1\n0\n"],
  ["echo $0 ${#}", "sh 0\n", "sh 0\n"],
];
// SPLITTING
const SPLITTING: Case[] = [
  ["x=\"a  b\"; echo $x; echo \"$x\"", "a b\na  b\n", "a b\na  b\n"],
  ["IFS=:; x=a:b:c; for i in $x; do echo $i; done", "a\nb\nc\n", "a\nb\nc\n"],
  ["IFS=: ; x=\"a::b:\"; for i in $x; do echo \"[$i]\"; done", "[a]\n[]\n[b]\n", "[a]\n[]\n[b]\n"],
  ["IFS=\" :\"; x=\" a : b  c:\"; for i in $x; do echo \"[$i]\"; done", "[a]\n[b]\n[c]\n", "[a]\n[b]\n[c]\n"],
  ["x=\"a b\"; set -- $x \"$x\"; echo $#", "3\n", "3\n"],
  ["x=\"1 2 3\"; for i in $x; do echo $i; done", "1\n2\n3\n", "1\n2\n3\n"],
  ["IFS=; x=\"a b\"; for i in $x; do echo \"[$i]\"; done", "[a b]\n", "[a b]\n"],
];
// SUBSTITUTION
const SUBSTITUTION: Case[] = [
  ["echo $(echo $(echo nested))", "nested\n", "nested\n"],
  ["echo `echo tick` \"`echo q t`\"", "tick q t\n", "tick q t\n"],
  ["x=`echo a\\`echo b\\``; echo $x", "ab\n", "ab\n"],
  ["echo $(case x in x) echo inner;; esac)", "inner\n", "inner\n"],
  ["echo \"$(echo \"inner \"quoted\"\")\"", "inner quoted\n", "inner quoted\n"],
  ["echo $(printf 'a\\n\\n\\n')x", "ax\n", "ax\n"],
  ["echo \"$(printf 'a\\n\\nb\\n')\"", "a\n\nb\n", "a\n\nb\n"],
  ["x=$(echo a; echo b); echo \"$x\"; echo $x", "a\nb\na b\n", "a\nb\na b\n"],
  ["echo $(\nnosuch)", "sh: 2: nosuch: not found\n\n", "sh: nosuch: not found\n\n"],
  ["x=$(nosuch2)", "sh: 1: nosuch2: not found\n[exit 127]\n", "sh: nosuch2: not found\n[exit 127]\n"],
  ["x=$(cat <<EOF\nin sub\nEOF\n); echo \"$x\"", "in sub\n", "in sub\n"],
];
// QUOTES
const QUOTES: Case[] = [
  ["echo 'single $x' \"double $HOME\" \\$esc", "single $x double /root $esc\n", "single $x double /root $esc\n"],
  ["echo \"a\\\"b\" 'c\\d' \"e\\\\f\" \"g\\$h\"", "a\"b c\\d e\f g$h\n", "a\"b c\\d e\\f g$h\n"],
  ["echo a\\\nb", "ab\n", "ab\n"],
  ["echo 'multi\nline'", "multi\nline\n", "multi\nline\n"],
  ["echo ~ ~/x \"~\" x~", "/root /root/x ~ x~\n", "/root /root/x ~ x~\n"],
  ["x=~; echo $x", "/root\n", "/root\n"],
  ["echo a; # comment\necho b # another", "a\nb\n", "a\nb\n"],
  ["mkdir -p /tmp/vlg; touch /tmp/vlg/a.txt /tmp/vlg/b.txt /tmp/vlg/.hidden /tmp/vlg/c.log; echo /tmp/vlg/*.txt; echo /tmp/vlg/*; echo /tmp/vlg/.h*; echo /tmp/vlg/[ab].*", "/tmp/vlg/a.txt /tmp/vlg/b.txt\n/tmp/vlg/a.txt /tmp/vlg/b.txt /tmp/vlg/c.log\n/tmp/vlg/.hidden\n/tmp/vlg/a.txt /tmp/vlg/b.txt\n", "/tmp/vlg/a.txt /tmp/vlg/b.txt\n/tmp/vlg/a.txt /tmp/vlg/b.txt /tmp/vlg/c.log\n/tmp/vlg/.hidden\n/tmp/vlg/a.txt /tmp/vlg/b.txt\n"],
  ["echo /nonexist*", "/nonexist*\n", "/nonexist*\n"],
  ["echo \"/tmp/vlg/*\" '/tmp/vlg/*' /tmp/vlg/\\*", "/tmp/vlg/* /tmp/vlg/* /tmp/vlg/*\n", "/tmp/vlg/* /tmp/vlg/* /tmp/vlg/*\n"],
  ["x='/tmp/vlg/*.log'; echo $x \"$x\"", "/tmp/vlg/c.log /tmp/vlg/*.log\n", "/tmp/vlg/c.log /tmp/vlg/*.log\n"],
  ["set -f; echo /tmp/vlg/*", "/tmp/vlg/*\n", "/tmp/vlg/*\n"],
  ["for f in /tmp/vlg/*.txt; do echo \"file: $f\"; done", "file: /tmp/vlg/a.txt\nfile: /tmp/vlg/b.txt\n", "file: /tmp/vlg/a.txt\nfile: /tmp/vlg/b.txt\n"],
];

describe('expansion', () => {
  it.each(PARAMETERS)('parameters: %j', (...c) => check(c));
  it.each(SPECIAL)('special parameters: %j', (...c) => check(c));
  it.each(SPLITTING)('field splitting: %j', (...c) => check(c));
  it.each(SUBSTITUTION)('command substitution: %j', (...c) => check(c));
  it.each(QUOTES)('quotes, ~ and globs: %j', (...c) => check(c));
});
