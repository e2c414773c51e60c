# Issue 14 (fidelity discipline): the two netcats of the rig's images. `docker exec C nc` is
# OpenBSD netcat (/usr/bin/nc): -z -v -n -w -u -l -k -p, `nc -zv host port`, its usage and
# getopt errors; `docker exec C busybox nc` is busybox's small nc: its usage, -l -p, -w,
# and what it says to the options it lacks.
docker network create appnet
docker run -d --name web --network appnet httpd
docker run -itd --name c1 --network appnet busybox
docker run -itd --name c2 --network appnet busybox
docker exec c1 nc -zv web 80
docker exec c1 nc -zv web 81
docker exec c1 nc -z web 80
docker exec c1 nc -zvn 172.18.0.2 80
docker exec c1 nc -zvn web 80
docker exec c1 nc -zv -w 2 192.168.1.99 80
docker exec c1 nc -zvu web 53
docker exec c1 nc -zv nosuch 80
docker exec c1 nc
docker exec c1 nc web
docker exec c1 nc -e sh web 80
docker exec c1 nc -p
docker exec c1 nc -zv web http
docker exec c1 nc -zv web 99999
docker exec -d c1 nc -l -p 9001
docker exec c2 nc -zv c1 9001
docker exec -d c1 nc -lk 9002
docker exec c2 nc -zv c1 9002
docker exec c2 nc -zv c1 9002
docker exec c1 busybox nc
docker exec c1 busybox nc -z web 80
docker exec c1 busybox nc -v web 80
docker exec c1 busybox nc -w 2 web 81
docker exec c1 busybox nc -w 2 192.168.1.99 80
docker exec c1 busybox nc nosuch 80
docker exec c1 busybox nc web 99999
docker exec -d c2 busybox nc -l -p 9003
docker exec c1 nc -zv c2 9003
docker exec -d c2 busybox nc -l -p 9004
docker exec c2 busybox nc -l -p 9004
docker exec c1 busybox nc -u web 53
