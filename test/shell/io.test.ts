/**
 * Here-documents (<<EOF, <<'EOF' without expansion, <<-EOF stripping tabs,
 * several on a line, into files), `read` from them and from pipes, and
 * redirections with each shell's error words. Expected texts from the real
 * dash and busybox ash; the files land in each machine's own file tree.
 */
import { describe, it } from 'vitest';
import { type Case, check } from './helpers.ts';

// HEREDOCS
const HEREDOCS: Case[] = [
  ["cat <<EOF\na $HOME\nEOF", "a /root\n", "a /root\n"],
  ["cat <<EOF", "", ""],
  ["cat <<EOF\nabc", "abc\n", "abc\n"],
  ["cat <<-EOF\n\ttab\n\t\ttwo\n\tEOF", "tab\ntwo\n", "tab\ntwo\n"],
  ["cat <<'EOF'\n$HOME `x` $(y)\nEOF", "$HOME `x` $(y)\n", "$HOME `x` $(y)\n"],
  ["cat <<\"E F\"\nx\nE F", "x\n", "x\n"],
  ["cat <<\\EOF\n$HOME\nEOF", "$HOME\n", "$HOME\n"],
  ["cat <<EOF | tr a-z A-Z\nabc\nEOF", "ABC\n", "ABC\n"],
  ["cat <<A; cat <<B\na\nA\nb\nB", "a\nb\n", "a\nb\n"],
  ["cat <<EOF\n$(echo sub) $((1+2)) \\$x \\\\ \\a \"q\" 'q'\nEOF", "sub 3 $x \\ \\a \"q\" 'q'\n", "sub 3 $x \\ \\a \"q\" 'q'\n"],
  ["x=3; cat <<EOF\nvalue: $x ${x:-d} $((x*2))\nEOF", "value: 3 3 6\n", "value: 3 3 6\n"],
  ["tr a-z A-Z <<EOF; echo after\nabc\nEOF", "ABC\nafter\n", "ABC\nafter\n"],
  ["cat > /tmp/vl-hd.txt <<'EOF'\nFROM busybox\nRUN echo $HOME\nEOF\ncat /tmp/vl-hd.txt", "FROM busybox\nRUN echo $HOME\n", "FROM busybox\nRUN echo $HOME\n"],
  ["cat <<EOF > /tmp/vl-hd2.txt; cat /tmp/vl-hd2.txt; wc -l < /tmp/vl-hd2.txt\none\ntwo\nEOF", "one\ntwo\n2\n", "one\ntwo\n2\n"],
  ["cat >> /tmp/vl-hd2.txt <<EOF\nthree\nEOF\ntail -1 /tmp/vl-hd2.txt", "three\n", "three\n"],
  ["f() { cat <<EOF\nin $1\nEOF\n}; f arg", "in arg\n", "in arg\n"],
  ["if true; then cat <<EOF\ninside if\nEOF\nfi", "inside if\n", "inside if\n"],
  ["cat << EOF\nspaced delim\nEOF", "spaced delim\n", "spaced delim\n"],
];
// READ
const READ: Case[] = [
  ["read a b <<EOF\n  1   2   3  \nEOF\necho \"[$a|$b]\"", "[1|2   3]\n", "[1|2   3]\n"],
  ["IFS=: read a b <<EOF\n1:2:3\nEOF\necho \"$a|$b\"", "1|2:3\n", "1|2:3\n"],
  ["read -r a <<EOF\nx\\y\nEOF\necho \"$a\"", "x\\y\n", "x\\y\n"],
  ["read a <<EOF\nx\\y\nEOF\necho \"$a\"", "xy\n", "xy\n"],
  ["read a <<EOF\nabc\nEOF\necho $?; read b < /dev/null; echo $? \"[$b]\"", "0\n1 []\n", "0\n1 []\n"],
  ["printf \"abc\" | { read x; echo $? $x; }", "1 abc\n", "1 abc\n"],
  ["read -p \"prompt: \" x <<EOF\nv\nEOF\necho $x", "v\n", "v\n"],
  ["while IFS= read -r line; do echo \"[$line]\"; done <<EOF\n  lead\ntrail  \na\\b\nEOF", "[  lead]\n[trail  ]\n[a\b]\n", "[  lead]\n[trail  ]\n[a\\b]\n"],
  ["{ read a; read b; } <<EOF\nfirst\nsecond\nEOF\necho $a $b", "first second\n", "first second\n"],
  ["read 1x <<EOF\na\nEOF", "sh: 1: read: 1x: bad variable name\n[exit 2]\n", "sh: read: '1x': bad variable name\n[exit 1]\n"],
  ["read", "sh: 1: read: arg count\n[exit 2]\n", "[exit 1]\n"],
];
// REDIRECTIONS
const REDIRECTIONS: Case[] = [
  ["echo hi > /tmp/vl-r1; echo there >> /tmp/vl-r1; cat < /tmp/vl-r1", "hi\nthere\n", "hi\nthere\n"],
  ["echo > /nope/x; echo a $?", "sh: 1: cannot create /nope/x: Directory nonexistent\na 2\n", "sh: can't create /nope/x: nonexistent directory\na 1\n"],
  ["cat < /nope; echo a $?", "sh: 1: cannot open /nope: No such file\na 2\n", "sh: can't open /nope: no such file\na 1\n"],
  [": > /nope/x; echo a $?", "sh: 1: cannot create /nope/x: Directory nonexistent\n[exit 2]\n", "sh: can't create /nope/x: nonexistent directory\n[exit 1]\n"],
  ["echo err >&2", "err\n", "err\n"],
  ["echo a >&3", "sh: 1: 3: Bad file descriptor\n[exit 2]\n", "sh: 3: Bad file descriptor\n[exit 1]\n"],
  ["{ echo out; echo err >&2; } 2>&1", "out\nerr\n", "out\nerr\n"],
  ["nosuch 2>/dev/null; echo $?", "127\n", "127\n"],
  ["nosuch 2>&1 | tr a-z A-Z", "SH: 1: NOSUCH: NOT FOUND\n", "SH: NOSUCH: NOT FOUND\n"],
  ["exec 3>/tmp/vl-e3; echo to3 >&3; cat /tmp/vl-e3", "to3\n", "to3\n"],
  ["exec >/dev/null; echo gone", "", ""],
  ["echo x > /tmp/vl-d1 2>&1; cat /tmp/vl-d1", "x\n", "x\n"],
];

describe('input and output', () => {
  it.each(HEREDOCS)('here-documents: %j', (...c) => check(c));
  it.each(READ)('read: %j', (...c) => check(c));
  it.each(REDIRECTIONS)('redirections: %j', (...c) => check(c));
});
