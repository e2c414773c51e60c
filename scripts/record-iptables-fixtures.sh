#!/bin/bash
# Records what the real iptables 1.8.9 (nf_tables) prints, for the netfilter model's
# fixture replay test (test/netfilter/fixtures.test.ts).
#
# Each test/netfilter/fixtures/NAME.cmds holds one command line per line (lines
# starting with `#` are comments; lines starting with `| ` are stdin for the command
# line above them, e.g. for iptables-restore). The commands run in order, in a fresh
# network namespace vl-nf-rec-NAME that is deleted afterwards, never in the root
# namespace. The result goes to NAME.txt:
#   $ COMMAND LINE
#   1|stdout line          (one per line)
#   2|stderr line
#   \ no newline at end    (only when the stream did not end with a newline)
#   ? EXIT CODE
#
# Usage: scripts/record-iptables-fixtures.sh [NAME...]   (root; default: all cases)
set -u
cd "$(dirname "$0")/../test/netfilter/fixtures" || exit 1

emit() { # prefix file
  [ -s "$2" ] || return 0
  sed "s/^/$1|/" "$2"
  [ -n "$(tail -c 1 "$2")" ] && echo '\ no newline at end'
  return 0
}

record() {
  local name=$1 ns="vl-nf-rec-$1" line cmd="" stdin="" have=0
  ip netns del "$ns" 2>/dev/null
  ip netns add "$ns" || return 1
  local tmp; tmp=$(mktemp -d)
  run() {
    [ $have = 1 ] || return 0
    echo "\$ $cmd"
    printf '%s' "$stdin" | ip netns exec "$ns" bash -c "$cmd" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    emit 1 "$tmp/out"; emit 2 "$tmp/err"
    echo "? $rc"
    have=0; stdin=""
  }
  {
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        '#'*|'') continue ;;
        '| '*) stdin+="${line:2}"$'\n' ;;
        '|') stdin+=$'\n' ;;
        *) run; cmd=$line; have=1 ;;
      esac
    done < "$name.cmds"
    run
  } > "$name.txt"
  rm -rf "$tmp"
  ip netns del "$ns"
}

if [ $# -eq 0 ]; then
  set -- $(ls *.cmds | sed 's/\.cmds$//')
fi
for n in "$@"; do record "$n" && echo "recorded $n.txt"; done
