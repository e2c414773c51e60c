# Housekeeping commands tutorials use: wait, cp, diff, system df and the prune family.
docker volume prune -a -f > /dev/null
rm -rf /tmp/vlhk && mkdir /tmp/vlhk
docker run -d --name keep busybox sleep 1000
docker run --name done1 busybox true
docker run --name done2 busybox sh -c 'exit 3'
docker network create unused1
docker network create unused2
docker volume create vol1
docker run -d --name withvol -v data1:/data busybox sh -c 'echo abc > /data/f; sleep 1000'
docker wait done1 done2
docker wait nosuch
docker wait done1 nosuch
docker wait
docker cp keep:/etc/hostname /tmp/vlhk/hn-copy
cat /tmp/vlhk/hn-copy | wc -c
echo hello > /tmp/vlhk/greeting.txt
docker cp /tmp/vlhk/greeting.txt keep:/tmp/greeting.txt
docker exec keep cat /tmp/greeting.txt
docker cp keep:/nonexistent /tmp/x
docker cp nosuch:/etc/hostname /tmp/x
docker cp /tmp/vlhk/nosuchfile keep:/tmp/
docker cp /tmp/a /tmp/b
docker cp keep:/etc/hostname
docker cp
mkdir -p /tmp/vlhk/cpdir
docker cp keep:/etc/passwd /tmp/vlhk/cpdir
ls /tmp/vlhk/cpdir
docker exec keep mkdir -p /srv/site
docker exec keep sh -c 'echo one > /srv/site/a.txt; echo two > /srv/site/b.txt'
docker cp keep:/srv/site /tmp/vlhk/site-copy
ls /tmp/vlhk/site-copy
docker cp /tmp/vlhk/site-copy keep:/srv/site2
docker exec keep ls /srv/site2
docker diff keep | sort
docker diff done1
docker diff nosuch
docker system df
docker container prune
docker container prune -f
docker ps -a --format '{{.Names}}'
docker network prune -f | sort
docker network ls --format '{{.Name}}'
docker volume prune -f
docker volume ls --format '{{.Name}}'
docker rm -f withvol
docker system df
docker system prune -f
docker system prune
docker volume prune -a -f
docker stats --no-stream nosuch
docker search nginx
docker build -t x /tmp/vlhk/nosuchdir
