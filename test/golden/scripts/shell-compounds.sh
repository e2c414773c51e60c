# The Docker host's /bin/sh (dash 0.5.12) running what tutorials paste (issue 11):
# for/while/until with break and continue, if/elif/else, case with patterns,
# functions with $1, $#, "$@", local and return, arithmetic and its errors,
# parameter expansions, here-documents (one writing a file), read from a pipe, test,
# and the syntax errors. record.sh runs a script line by line, so each construct
# sits on one line; a here-document, which needs newlines, is built with printf and
# run by eval. The last three lines show what a multi-line loop becomes when a
# script gives it line by line: three commands, two of them syntax errors.
for i in 1 2 3; do echo "item $i"; done
for n in one two; do for m in a b c; do [ $m = b ] && continue 2; echo "$n-$m"; done; done
i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo "turn $i"; done; until [ $i -le 0 ]; do i=$((i-1)); done; echo "back to $i"
i=0; while :; do i=$((i+1)); [ $i -eq 5 ] && break; done; echo "stopped at $i"
set -- alpha "beta gamma" delta; for a; do echo "[$a]"; done; echo "$# args, first $1, all: $*"
x=5; if [ $x -gt 3 ]; then echo big; elif [ $x -gt 1 ]; then echo medium; else echo small; fi; if false; then echo no; fi; echo "if status $?"
for f in app.py Dockerfile notes.txt; do case $f in *.py) echo "$f: python";; Dockerfile|*.dockerfile) echo "$f: docker";; *) echo "$f: other";; esac; done
for c in 3 7 x; do case $c in [0-5]) echo "$c low";; [6-9]) echo "$c high";; *) echo "$c not a digit";; esac; done
greet() { echo "Hello, ${1:-world} ($# args)"; return 3; }; greet; greet Docker fans; echo "status $?"
count() { local n=0; while [ $n -lt $1 ]; do n=$((n+1)); done; echo "counted $n"; }; n=outer; count 4; echo "n is still $n"
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 6
args() { for a in "$@"; do printf '<%s>' "$a"; done; echo; shift; echo "after shift: $*"; }; args "a b" c d
echo $((2 + 3 * 4)) $(( (2 + 3) * 4 )) $((17 / 5)) $((17 % 5)) $((-7 / 2)) $((1 << 10)) $((0x1f)) $((010))
i=10; echo $((i += 5)) $((i -= 3)) $((i *= 2)) $i $((i > 20 ? 1 : 0)) $((i == 24 && 1)) $(( $(echo 6) * 7 ))
echo $((1 / 0))
echo $((3 +))
echo $((2 ** 3))
x=abc; echo $((x + 1))
f=backup.tar.gz; echo ${f%.gz} ${f%%.*} ${f#*.} ${f##*.} ${#f}
p=/usr/local/bin/tool; echo ${p##*/} ${p%/*}; q="a*c"; echo "${q#"a*"}" "${q#a*}"
unset v; echo "${v:-default}" "${v-unset}" "[${v:+alt}]"; v=; echo "[${v:-empty}]" "[${v+set}]"; echo ${w:=assigned} $w
echo ${v:?is required}
echo ${u?}
echo ${x:1:2}
eval "$(printf 'cat > /tmp/vethlab-shell-notes.txt <<EOF\nhome is $HOME\nsum is $((2+2))\nEOF')"; cat /tmp/vethlab-shell-notes.txt
eval "$(printf 'cat <<-EOF\n\tone tab\n\t\ttwo tabs\n\tEOF\ncat <<%sEOF%s\nnot $HOME\nEOF' "'" "'")"
eval "$(printf 'while read k v; do echo "$v=$k"; done <<EOF\na 1\nb 2\nEOF')"
printf '%s:%d\n' web 1 db 2 | while IFS=: read name num; do echo "$name -> $((num * 10))"; done
echo "a b" | { read first rest; echo "first=$first rest=[$rest]"; }
test 1 -lt 2 -a a != b && echo both; [ -z "" ] && [ -n x ] && echo strings; [ ! -d /nonexistent ] && echo "no dir"
[ 1 -eq a ]
[ a = b
[ a == a ]
echo a; done
if true; then fi
for i in 1 2; echo
case x in a) echo
{ echo; )
echo "unterminated
f() { }
x=(1 2)
for i in 1 2 3; do
echo "inside $i"
done
