# busybox 1.35 applets in a container, run through docker exec (and inside sh -c, where
# kill and printf are busybox ash's builtins): awk (busybox's, built without its math
# library), sed, grep, cut, sort, uniq, find, which, id, uname, date, kill, cp, mv,
# rm, mkdir, touch, ls -l (its first columns: the times are the rig's), tee, xargs,
# seq, sleep, basename/dirname, ping's option forms, and getent (not in busybox).
# find prints in the file system's order, so its lines are sorted.
docker run -itd --name t1 busybox
docker exec t1 sh -c 'printf "alpha 1\nbeta 2\ngamma 3\nalpha 4\n" > /tmp/data.txt'
docker exec t1 awk '{print $1}' /tmp/data.txt
docker exec t1 awk -F: '{print $1, $NF}' /etc/passwd
docker exec t1 awk 'NR==2' /tmp/data.txt
docker exec t1 awk '/alpha/ {print}' /tmp/data.txt
docker exec t1 awk '{s+=$2} END {print s}' /tmp/data.txt
docker exec t1 awk '{n[$1]++} END {print n["alpha"], NR, length(n)}' /tmp/data.txt
docker exec t1 awk 'BEGIN{printf "%d %5.2f %s %x %c|%-4s|\n", 42.9, 3.14159, "s", 255, 65, "ab"}'
docker exec t1 awk 'BEGIN{print 1/3, 10/2, 1e6, 0.1+0.2, 100000*100000, substr("hello",2,3), index("abc","c"), toupper("x")}'
docker exec t1 awk 'BEGIN{print 2^10}'
docker exec t1 awk 'BEGIN{print 1/0}'
docker exec t1 awk '{print $1'
docker exec t1 awk '{print}' /nonexist
docker exec t1 sh -c "ip -o -4 addr show eth0 | awk '{print \$4}'"
docker exec t1 sh -c 'echo "a:b:c" | awk -F: -v OFS=- "{\$1=\$1; print; print NF}"'
docker exec t1 sed -n 2p /tmp/data.txt
docker exec t1 sed 's/alpha/ALPHA/g' /tmp/data.txt
docker exec t1 sed -e '/beta/d' -e 's/[0-9]/N/' /tmp/data.txt
docker exec t1 sed -E 's/([a-z]+) ([0-9])/\2:\1/' /tmp/data.txt
docker exec t1 sed 'k' /tmp/data.txt
docker exec t1 sed 's/a/' /tmp/data.txt
docker exec t1 grep alpha /tmp/data.txt
docker exec t1 grep -c alpha /tmp/data.txt
docker exec t1 grep -n beta /tmp/data.txt
docker exec t1 grep -v alpha /tmp/data.txt
docker exec t1 grep -E 'alpha|gamma' /tmp/data.txt
docker exec t1 grep -o '[0-9]' /tmp/data.txt
docker exec t1 grep -i ALPHA /tmp/data.txt
docker exec t1 grep -w alp /tmp/data.txt
docker exec t1 grep -e beta -e gamma /tmp/data.txt
docker exec t1 grep -q zzz /tmp/data.txt
docker exec t1 grep -E 'a(' /tmp/data.txt
docker exec t1 grep x /nonexist
docker exec t1 grep -Z x /tmp/data.txt
docker exec t1 sh -c 'echo -x | grep -- -x'
docker exec t1 cut -d' ' -f2 /tmp/data.txt
docker exec t1 cut -c1-3 /tmp/data.txt
docker exec t1 sort -k2 -n -r /tmp/data.txt
docker exec t1 sh -c 'cut -d" " -f1 /tmp/data.txt | sort | uniq -c'
docker exec t1 sh -c 'find /etc -type f | sort'
docker exec t1 sh -c 'find / -maxdepth 1 -type d | sort'
docker exec t1 sh -c "find /etc -name 'h*' -type f | sort"
docker exec t1 find /nonexist
docker exec t1 find /etc -foo
docker exec t1 which awk nc sh
docker exec t1 which nosuch
docker exec t1 id
docker exec t1 id -un
docker exec t1 id nobody
docker exec t1 whoami
docker exec t1 uname
docker exec t1 uname -s -m
docker exec t1 sh -c 'test "$(uname -n)" = "$(hostname)" && echo same name'
docker exec t1 hostname -i
docker exec t1 date -u -d @0
docker exec t1 date -d @86400 +%Y-%m-%d
docker exec t1 date -x
docker exec t1 kill 1
docker exec t1 kill 12345
docker exec t1 kill -l 9
docker exec t1 sh -c 'kill 12345'
docker exec t1 sh -c 'kill -0 1 && echo alive'
docker exec t1 cp /nonexist /tmp/x
docker exec t1 sh -c 'cp /tmp/data.txt /tmp/copy.txt && mv /tmp/copy.txt /tmp/moved.txt && ls /tmp && wc -l < /tmp/moved.txt'
docker exec t1 mv /nonexist /tmp/y
docker exec t1 rm /tmp/nosuch
docker exec t1 rm -f /tmp/nosuch
docker exec t1 mkdir /tmp/d1
docker exec t1 mkdir /tmp/d1
docker exec t1 touch /nodir/x
docker exec t1 sh -c 'ls -l /tmp/data.txt /bin/awk /usr/bin/nc | cut -c1-43'
docker exec t1 sh -c 'ls -l /bin/awk | awk "{print \$9, \$10, \$11}"'
docker exec t1 sh -c 'echo hi | tee /tmp/t.txt && cat /tmp/t.txt'
docker exec t1 sh -c 'seq 3 | xargs echo n'
docker exec t1 sh -c 'echo a b c | xargs -n1 echo x'
docker exec t1 seq 2 2 8
docker exec t1 seq -s, 3
docker exec t1 sleep 1
docker exec t1 sleep x
docker exec t1 basename /usr/bin/nc
docker exec t1 basename /a/b.txt .txt
docker exec t1 dirname /usr/bin/nc
docker exec t1 printf '%s-%d\n' a 5
docker exec t1 ping -c1 -W1 172.17.0.1
docker exec t1 ping -q -c 1 -W 1 172.17.0.1
docker exec t1 getent hosts t1
docker exec t1 sh -c 'getent hosts t1'
