# busybox ash 1.35 in a container (`docker exec C sh -c '...'`) running the same
# constructs as shell-compounds (issue 11), with ash's own arithmetic (++, **, a
# variable's value evaluated as an expression), its ${x:off:len} and ${x/p/r}, its
# `local` (unset until assigned), and its wording of every error. A here-document is
# built on the host with printf and handed to the container's shell, which writes
# the file into the container's writable layer. Lines whose output mixes stdout and
# stderr send both to stdout inside the container (docker copies the two concurrently).
docker run -d --name box busybox sleep 3600
docker exec box sh -c 'for i in 1 2 3; do echo "item $i"; done'
docker exec box sh -c 'for n in one two; do for m in a b c; do [ $m = b ] && continue 2; echo "$n-$m"; done; done'
docker exec box sh -c 'i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo "turn $i"; done; until [ $i -le 0 ]; do i=$((i-1)); done; echo "back to $i"'
docker exec box sh -c 'i=0; while :; do i=$((i+1)); [ $i -eq 5 ] && break; done; echo "stopped at $i"'
docker exec box sh -c 'set -- alpha "beta gamma" delta; for a; do echo "[$a]"; done; echo "$# args, first $1, all: $*"'
docker exec box sh -c 'x=5; if [ $x -gt 3 ]; then echo big; elif [ $x -gt 1 ]; then echo medium; else echo small; fi; if false; then echo no; fi; echo "if status $?"'
docker exec box sh -c 'for f in app.py Dockerfile notes.txt; do case $f in *.py) echo "$f: python";; Dockerfile|*.dockerfile) echo "$f: docker";; *) echo "$f: other";; esac; done'
docker exec box sh -c 'for c in 3 7 x; do case $c in [0-5]) echo "$c low";; [6-9]) echo "$c high";; *) echo "$c not a digit";; esac; done'
docker exec box sh -c 'greet() { echo "Hello, ${1:-world} ($# args)"; return 3; }; greet; greet Docker fans; echo "status $?"'
docker exec box sh -c 'count() { local n=0; while [ $n -lt $1 ]; do n=$((n+1)); done; echo "counted $n"; }; n=outer; count 4; echo "n is still $n"'
docker exec box sh -c 'x=5; f() { local x; echo "[$x]"; }; f; echo $x'
docker exec box sh -c 'fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 6'
docker exec box sh -c 'args() { for a in "$@"; do printf "<%s>" "$a"; done; echo; shift; echo "after shift: $*"; }; args "a b" c d'
docker exec box sh -c 'echo $((2 + 3 * 4)) $(( (2 + 3) * 4 )) $((17 / 5)) $((17 % 5)) $((-7 / 2)) $((1 << 10)) $((0x1f)) $((010))'
docker exec box sh -c 'i=10; echo $((i += 5)) $((i -= 3)) $((i *= 2)) $i $((i > 20 ? 1 : 0)) $((i == 24 && 1)) $(( $(echo 6) * 7 ))'
docker exec box sh -c 'i=5; echo $((i++)) $((++i)) $i $((2 ** 10)) $((2#101)); x=1+2; echo $((x * 3)); y=abc; echo $((y + 1))'
docker exec box sh -c 'echo $((1 / 0))'
docker exec box sh -c 'echo $((3 +))'
docker exec box sh -c 'echo $((1 ? 2))'
docker exec box sh -c 'x=1a; echo $((x + 1))'
docker exec box sh -c 'f=backup.tar.gz; echo ${f%.gz} ${f%%.*} ${f#*.} ${f##*.} ${#f} ${f:0:6} ${f/tar/zip}'
docker exec box sh -c 'p=/usr/local/bin/tool; echo ${p##*/} ${p%/*}; q="a*c"; echo "${q#"a*"}" "${q#a*}"'
docker exec box sh -c 'unset v; echo "${v:-default}" "${v-unset}" "[${v:+alt}]"; v=; echo "[${v:-empty}]" "[${v+set}]"; echo ${w:=assigned} $w'
docker exec box sh -c 'echo ${v:?is required}'
docker exec box sh -c 'echo ${u?}'
docker exec box sh -c 'echo ${!u}'
docker exec box sh -c "$(printf 'cat > /tmp/notes.txt <<EOF\nhome is $HOME\nsum is $((2+2))\nEOF\ncat /tmp/notes.txt')"
docker exec box cat /tmp/notes.txt
docker exec box sh -c "$(printf 'cat <<-EOF\n\tone tab\n\t\ttwo tabs\n\tEOF\ncat <<%sEOF%s\nnot $HOME\nEOF' "'" "'")"
docker exec box sh -c "$(printf 'while read k v; do echo "$v=$k"; done <<EOF\na 1\nb 2\nEOF')"
docker exec box sh -c 'printf "%s:%d\n" web 1 db 2 | while IFS=: read name num; do echo "$name -> $((num * 10))"; done'
docker exec box sh -c 'test 1 -lt 2 -a a != b && echo both; [ -z "" ] && [ -n x ] && echo strings; [ a == a ] && echo "== too"'
docker exec box sh -c '[ 1 -eq a ]'
docker exec box sh -c '[ a = b'
docker exec box sh -c '[ a b ]'
docker exec box sh -c 'cd /nonexistent 2>&1; echo "cd status $?"; nosuch 2>&1; echo "status $?"'
docker exec box sh -c 'echo a; done'
docker exec box sh -c 'if true; then fi'
docker exec box sh -c 'for i in 1 2; echo'
docker exec box sh -c 'case x in a) echo'
docker exec box sh -c '{ echo; )'
docker exec box sh -c 'echo "unterminated'
docker exec box sh -c 'f() { }'
docker exec box sh -c 'for i in 1 2; do'
