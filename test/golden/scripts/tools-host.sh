# Debian's tools on the Docker host (every line runs through dash): GNU grep's options
# and errors, mawk, GNU sed/cut/sort/uniq/seq, coreutils' id/uname/date/basename,
# getent (the LAN's DNS), dash's kill, iputils ping's option forms, sudo (the host's
# shell is root's: it runs the command with sudo's own environment; sudo must be
# installed on the recording machine) and the parts of env that do not depend on who
# records. Only text from pipes: host lines see the recording machine's files.
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | grep alpha
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | grep -c alpha
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | grep -n beta
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | grep -v alpha
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | grep -E 'alpha|gamma'
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | grep 'alpha\|gamma'
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | grep -o '[0-9]'
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | grep -i ALPHA
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | grep -w alp
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | grep -e beta -e gamma
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | grep -in -e BETA -e 4
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | grep -q zzz
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | grep -A1 beta
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | grep -m1 -c alpha
echo -x | grep -- -x
echo a | grep -E 'a('
echo a | grep 'a\('
echo a | grep '[a'
echo a | grep -Q a
echo a | grep --frob a
echo a | grep -e
echo a | grep
grep x /nonexist
grep -s x /nonexist
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | awk '{print $1}'
printf 'root:x:0:0\nbin:x:2:2\n' | awk -F: '{print $1, $NF}'
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | awk 'NR==2'
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | awk '/alpha/ {print}'
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | awk '{s+=$2} END {print s}'
awk 'BEGIN{printf "%d %5.2f %s %x %c|%-4s|\n", 42.9, 3.14159, "s", 255, 65, "ab"}'
awk 'BEGIN{print 1/3, 10/2, 1e6, 0.1+0.2, 100000*100000, 2^10, sqrt(16), int(-3.7)}'
awk '{print $1'
awk 'BEGIN{x=1'
awk '{print}' /nonexist
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | sed -n '2p'
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | sed 's/alpha/ALPHA/g'
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | sed -E 's/([a-z]+) ([0-9])/\2:\1/'
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | sed '/beta/,/gamma/d'
echo a | sed 'k'
echo a | sed 's/a/'
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | cut -d' ' -f2
echo a | cut -f0
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | sort -k2 -nr
printf 'alpha 1\nbeta 2\ngamma 3\nalpha 4\n' | cut -d' ' -f1 | sort | uniq -c
seq 2 2 8
seq -s, 3
seq
id
id -un
whoami
uname
uname -s -m
date -u -d @86400 +%F
date -d bogus
basename /usr/bin/docker
dirname /usr/bin/docker
which iptables
which nosuch
getent hosts example.com
getent hosts gw.lan dockerhost.lan
getent hosts nosuch.example
getent frob x
kill -l 9
kill
kill 99999
ping -c1 -W1 192.168.1.1
ping -qc 1 -W 1 192.168.1.1
sudo
sudo nosuch
sudo -x
sudo echo hi
sudo id -u
sudo sh -c 'exit 3'
sudo -u nosuchuser true
sudo env | grep -E '^(MAIL|LOGNAME|USER|HOME|SHELL|SUDO_[A-Z]+)='
env | grep -c '^PATH='
env | grep '^HOME='
