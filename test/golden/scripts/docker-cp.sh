# docker cp edge cases: the archive package's destination rules, the client's and the daemon's refusals, relative container paths, a stopped container, the flags.
rm -rf /tmp/vlce && mkdir /tmp/vlce && echo hi > /tmp/vlce/f.txt && mkdir /tmp/vlce/d && echo x > /tmp/vlce/d/x
docker run -d --name keep busybox sleep 1000
docker cp keep:/etc/hostname /tmp/vlce/nodir/x
docker cp keep:/etc/hostname /tmp/vlce/nodir/
docker cp keep:/etc /tmp/vlce/f.txt
docker cp keep:/etc/passwd /tmp/vlce/d/
ls /tmp/vlce/d
docker cp keep:/etc/hostname /tmp/vlce/f.txt
cat /tmp/vlce/f.txt | wc -c
docker cp /tmp/vlce/f.txt keep:/nodir/x
docker cp /tmp/vlce/d/. keep:/tmp/dd
docker exec keep ls /tmp/dd
docker cp /tmp/vlce/d keep:/tmp/dd
docker exec keep ls /tmp/dd
docker cp keep:/tmp/dd/. /tmp/vlce/e
ls /tmp/vlce/e
docker cp /tmp/vlce/f.txt keep:tmp/rel.txt
docker exec keep ls /tmp
docker cp keep:tmp/rel.txt /tmp/vlce/rel2
docker cp /tmp/vlce/f.txt keep:/etc/hostname
docker exec keep cat /etc/hostname
docker stop keep
docker cp keep:/etc/passwd /tmp/vlce/p2
ls /tmp/vlce
docker cp -q keep:/etc/passwd /tmp/vlce/p3
docker cp -a -L keep:/etc/passwd /tmp/vlce/p4
docker cp keep1:/x keep2:/y
