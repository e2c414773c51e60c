# The Docker host's bash as a terminal's shell words its errors (interactive: no line
# numbers, no echo of the offending line). The rig has no terminal, so `bash -i -c` stands
# for it; its two job-control warnings about the missing terminal are filtered out, and
# bash's status is printed after its output.
{ bash -ic 'nosuchcmd' 2>&1; echo "[bash exit $?]"; } | sed '/job control/d; /terminal process group/d'
{ bash -ic 'nosuchcmd arg; echo after $?' 2>&1; echo "[bash exit $?]"; } | sed '/job control/d; /terminal process group/d'
{ bash -ic 'echo $0' 2>&1; echo "[bash exit $?]"; } | sed '/job control/d; /terminal process group/d'
{ bash -ic 'cd /nope' 2>&1; echo "[bash exit $?]"; } | sed '/job control/d; /terminal process group/d'
{ bash -ic 'cd /etc/hostname' 2>&1; echo "[bash exit $?]"; } | sed '/job control/d; /terminal process group/d'
{ bash -ic 'echo )' 2>&1; echo "[bash exit $?]"; } | sed '/job control/d; /terminal process group/d'
{ bash -ic 'if then fi' 2>&1; echo "[bash exit $?]"; } | sed '/job control/d; /terminal process group/d'
{ bash -ic 'echo (a' 2>&1; echo "[bash exit $?]"; } | sed '/job control/d; /terminal process group/d'
{ bash -ic 'for x in; do' 2>&1; echo "[bash exit $?]"; } | sed '/job control/d; /terminal process group/d'
{ bash -ic '/etc/passwd' 2>&1; echo "[bash exit $?]"; } | sed '/job control/d; /terminal process group/d'
{ bash -ic '/nope/prog' 2>&1; echo "[bash exit $?]"; } | sed '/job control/d; /terminal process group/d'
{ bash -ic 'type nosuchcmd' 2>&1; echo "[bash exit $?]"; } | sed '/job control/d; /terminal process group/d'
{ bash -ic 'cat < /nope' 2>&1; echo "[bash exit $?]"; } | sed '/job control/d; /terminal process group/d'
{ bash -ic 'echo hi > /nope/file' 2>&1; echo "[bash exit $?]"; } | sed '/job control/d; /terminal process group/d'
{ bash -ic 'echo a\\nb' 2>&1; echo "[bash exit $?]"; } | sed '/job control/d; /terminal process group/d'
{ bash -ic 'alias nope; unalias nope; echo $? >&2' 2>&1; echo "[bash exit $?]"; } | sed '/job control/d; /terminal process group/d'
{ bash -ic 'true && exit 3' 2>&1; echo "[bash exit $?]"; } | sed '/job control/d; /terminal process group/d'
