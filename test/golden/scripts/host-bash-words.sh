# The Docker host's bash (non-interactive: `bash -c`, as the rig has no terminal): its
# wording and exit statuses for a missing command, a syntax error, cd to a missing
# directory, a file that is not executable, a missing path, $0, and the same lines in the
# rig's own sh -c (dash) for contrast.
bash -c 'nosuchcmd'
bash -c 'nosuchcmd arg; echo after $? >&2'
bash -c 'echo $0'
bash -c 'cd /nope'
bash -c 'cd /etc/hostname'
bash -c 'echo )'
bash -c 'if then fi'
bash -c 'echo (a'
bash -c 'for x in; do'
bash -c 'echo "open'
bash -c 'echo ${x'
bash -c '/etc/passwd'
bash -c '/nope/prog'
bash -c './nope'
bash -c 'echo ${x!}'
bash -c 'type nosuchcmd'
bash -c 'exit 300'
bash -c 'echo a\\nb; echo -e a\\nb'
bash -c 'shift 3'
bash -c 'readonly r=1; r=2; echo still'
bash -c 'cat < /nope'
bash -c 'echo hi > /nope/file'
bash -c 'nosuchcmd 2>/dev/null; echo $?'
nosuchcmd
cd /nope
echo )
/etc/passwd
bash -c 'alias nope; unalias nope; echo $? >&2'
bash -c 'alias zz=1 mm="a b"; alias; alias mm'
bash -c 'true && exit 3'
bash -c "exec 2>&1; set -x; echo 'a b' '' a=b '#x' a# x~ 'a^b' a:b; v='1 2'"
