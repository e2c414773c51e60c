# Errors users hit with containers: a name in use, invalid names, an unknown container
# (for each verb), rm of a running container, exec into a stopped or paused container,
# pausing a stopped one, an unknown image (offline pull), an unknown command in the
# image, no TTY, an unknown docker subcommand and unknown flags.
docker run -itd --name dup busybox
docker run -itd --name dup busybox
docker create --name dup busybox
docker ps -a --format '{{.Names}} {{.State}}'
docker run --name w busybox true
docker run --name 'bad name' busybox true
docker run --name -dash busybox true
docker start nosuchctr
docker stop nosuchctr
docker restart nosuchctr
docker rm nosuchctr
docker rm -f nosuchctr
docker exec nosuchctr echo hi
docker logs nosuchctr
docker pause nosuchctr
docker port nosuchctr
docker inspect nosuchctr
docker inspect -f '{{.Name}}' nosuchctr
docker rm dup
docker stop dup
docker exec dup echo hi
docker pause dup
docker unpause dup
docker start dup
docker unpause dup
docker pause dup
docker pause dup
docker exec dup echo hi
docker stop dup
docker ps -a --format '{{.Names}} {{.State}}'
docker unpause dup
docker rm -f dup
docker run alpine
docker pull alpine
docker run busybox:nosuchtag true
docker run --name badcmd busybox nosuchcmd
docker frobnicate
docker run --frob busybox
docker ps --nope
docker network frob
docker run -it busybox
docker run
docker exec dup
docker ps -a --format '{{.Names}} {{.State}}'
